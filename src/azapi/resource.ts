import type { PropsSchema } from '../checks/read';
import { readParams } from '../checks';
import { bool, body, defineProps, object, Reader, tags as tagsReader } from '../checks/read';
import { BASE_ARGUMENTS, defineConfig, FLAG, OwnProps, REQUIRED_TEXT, TEXT, TEXTS } from './readers';
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { AzapiResourceBase, AzapiResourceBaseConfig } from './resource-base';

/** The managed identity block of an `azapi_resource`. */
export interface AzapiResourceIdentity {
  /** `SystemAssigned`, `UserAssigned`, `SystemAssigned, UserAssigned` or `None`. */
  readonly type: string;
  /** ARM ids of user-assigned identities. @default none */
  readonly identityIds?: string[];
}

/** Arguments of an `azapi_resource` (the provider's names in camel case), with Terraform's meta-arguments. */
export interface AzapiResourceConfig extends AzapiResourceBaseConfig {
  /** Resource name (last segment of its id). */
  readonly name: string;
  /** ARM id of the parent: a resource group for top-level resources, the parent resource for children. */
  readonly parentId: string;
  /** Location of tracked resources; leave unset for proxy resources such as outbound rules. @default none */
  readonly location?: string;
  /** @default no identity */
  readonly identity?: AzapiResourceIdentity;
  /** Azure tags, for ARM types that accept top-level tags. @default no tags */
  readonly tags?: { [key: string]: string };
  /**
   * Whether the ARM type accepts top-level `tags` (tracked resources do: workspaces, computes, online endpoints
   * and deployments; proxy resources such as outbound rules and asset versions do not). Only then does the
   * resource have the `tags` / `tagsInput` properties tagging Aspects look for.
   * @default true when `location` or `tags` is set (tracked resources have a location)
   */
  readonly taggable?: boolean;
  /** Validate `body` against the provider's embedded API types at plan time. @default true */
  readonly schemaValidationEnabled?: boolean;
  /** @default false */
  readonly ignoreCasing?: boolean;
  /** @default true */
  readonly ignoreMissingProperty?: boolean;
  /** @default false */
  readonly ignoreNullProperty?: boolean;
  /**
   * Body paths whose drift is ignored; azapi copies them from the live resource into updates. A write-only
   * argument of azapi 2.12 and later: a stack that sets it needs Terraform 1.11 or later. (Not enforced with
   * `terraform.required_version`: cdktf 0.21's HCL renderer cannot write that setting.)
   * @default none
   */
  readonly ignoreBodyChanges?: string[];
  /** Values whose change replaces the resource. @default none */
  readonly replaceTriggersRefs?: string[];
  /** External values whose change replaces the resource. @default none */
  readonly replaceTriggersExternalValues?: unknown;
  /**
   * Query parameters of the DELETE request, e.g. `{ forceToPurge: ['true'] }`.
   * @default none
   */
  readonly deleteQueryParameters?: { [name: string]: string[] };
}

const IDENTITY: Reader<object> = object(
  'AzapiResourceIdentity',
  defineProps<AzapiResourceIdentity>('AzapiResourceIdentity', { type: REQUIRED_TEXT, identityIds: TEXTS }),
);

export const AZAPI_RESOURCE_CONFIG = defineConfig<OwnProps<AzapiResourceConfig>>('AzapiResourceConfig', {
  ...BASE_ARGUMENTS,
  name: REQUIRED_TEXT,
  parentId: REQUIRED_TEXT,
  location: TEXT,
  identity: IDENTITY,
  tags: tagsReader(),
  taggable: bool({
    tokens: 'refuse',
    why: 'it decides at synth whether the resource takes tags (cdktf tagging aspects read it)',
  }),
  schemaValidationEnabled: FLAG,
  ignoreCasing: FLAG,
  ignoreMissingProperty: FLAG,
  ignoreNullProperty: FLAG,
  ignoreBodyChanges: TEXTS,
  replaceTriggersRefs: TEXTS,
  replaceTriggersExternalValues: body({ lists: true }),
  deleteQueryParameters: body(),
});
export const AZAPI_RESOURCE_OUTPUT_STRING_PARAMS = defineProps<{ key: string }>(
  'AzapiResource#outputString',
  { key: REQUIRED_TEXT },
);
export const AZAPI_RESOURCE_ADD_IGNORE_BODY_CHANGES_PARAMS = defineProps<{ path: string }>(
  'AzapiResource#addIgnoreBodyChanges',
  { path: REQUIRED_TEXT },
);

/** An `azapi_resource`: a full ARM resource managed with PUT/GET/DELETE. */
export class AzapiResource extends AzapiResourceBase {
  /** The Terraform resource type, `azapi_resource`. */
  public static readonly tfResourceType = 'azapi_resource';

  private _name = '';
  private _parentId = '';
  private _location?: string;
  private _identity?: AzapiResourceIdentity;
  private _tags?: { [key: string]: string };
  private _schemaValidationEnabled?: boolean;
  private _ignoreCasing?: boolean;
  private _ignoreMissingProperty?: boolean;
  private _ignoreNullProperty?: boolean;
  private _ignoreBodyChanges?: string[];
  private _replaceTriggersRefs?: string[];
  private _replaceTriggersExternalValues?: unknown;
  private _deleteQueryParameters?: { [name: string]: string[] };

  /**
   * Azure tags, on resources whose ARM type accepts top-level tags only (see `taggable`): a cdktf tagging Aspect
   * (`'tags' in node && 'tagsInput' in node`) reaches them as it reaches azurerm resources, and skips the others.
   */
  declare public tags?: { [key: string]: string };
  /** The tags as configured (what Aspects merge into). Present with `tags`. */
  declare public readonly tagsInput?: { [key: string]: string };

  /** @internal */
  protected _configSchema(): PropsSchema<object> {
    return AZAPI_RESOURCE_CONFIG as PropsSchema<object>;
  }

  constructor(scope: Construct, id: string, config: AzapiResourceConfig) {
    super(scope, id, AzapiResource.tfResourceType, config);
    const c = this.readConfig(config);
    this._name = c.name;
    this._parentId = c.parentId;
    this._location = c.location;
    this._identity = c.identity;
    this._tags = c.tags;
    this._schemaValidationEnabled = c.schemaValidationEnabled;
    this._ignoreCasing = c.ignoreCasing;
    this._ignoreMissingProperty = c.ignoreMissingProperty;
    this._ignoreNullProperty = c.ignoreNullProperty;
    this._ignoreBodyChanges = c.ignoreBodyChanges;
    this._replaceTriggersRefs = c.replaceTriggersRefs;
    this._replaceTriggersExternalValues = c.replaceTriggersExternalValues;
    this._deleteQueryParameters = c.deleteQueryParameters;
    if (c.taggable ?? (c.location !== undefined || c.tags !== undefined)) this.exposeTags();
  }

  /** One value exported by `responseExportValues` (a map key or a property path), as a string token. */
  public outputString(key: string): string {
    readParams(this, AZAPI_RESOURCE_OUTPUT_STRING_PARAMS, { key });
    return this.getStringAttribute(`output.${key}`);
  }

  /**
   * Ignores drift of one more body path (`ignore_body_changes`), for values something else writes after
   * creation (an autoscale setting writing `sku.capacity`). Adding a path twice keeps one.
   */
  public addIgnoreBodyChanges(path: string): void {
    readParams(this, AZAPI_RESOURCE_ADD_IGNORE_BODY_CHANGES_PARAMS, { path });
    const current = this._ignoreBodyChanges ?? [];
    if (!current.includes(path)) this._ignoreBodyChanges = [...current, path];
  }

  /** A reference to the `name` attribute. */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  public set name(value: string) {
    this._name = value;
  }

  /** The name as set. */
  public get nameInput(): string | undefined {
    return this._name;
  }

  /** A reference to the `parent_id` attribute. */
  public get parentId(): string {
    return this.getStringAttribute('parent_id');
  }

  public set parentId(value: string) {
    this._parentId = value;
  }

  /** The parent id as set. */
  public get parentIdInput(): string | undefined {
    return this._parentId;
  }

  /** A reference to the `location` attribute. */
  public get location(): string {
    return this.getStringAttribute('location');
  }

  public set location(value: string) {
    this._location = value;
  }

  /** Leaves the location unset (proxy resources). */
  public resetLocation(): void {
    this._location = undefined;
  }

  /** The location as set. */
  public get locationInput(): string | undefined {
    return this._location;
  }

  /** A reference to the `identity` block (its `principal_id` and `tenant_id` once created). */
  public get identity(): cdktf.IResolvable {
    return this.interpolationForAttribute('identity');
  }

  /** Sets the managed identity; replaces any identity set. */
  public putIdentity(identity: AzapiResourceIdentity): void {
    this._identity = identity;
  }

  /** Leaves the resource without a managed identity. */
  public resetIdentity(): void {
    this._identity = undefined;
  }

  /** The identity as set. */
  public get identityInput(): AzapiResourceIdentity | undefined {
    return this._identity;
  }

  /** A reference to the `schema_validation_enabled` attribute. */
  public get schemaValidationEnabled(): cdktf.IResolvable {
    return this.getBooleanAttribute('schema_validation_enabled');
  }

  public set schemaValidationEnabled(value: boolean) {
    this._schemaValidationEnabled = value;
  }

  /** Leaves schema validation to the provider's default (on). */
  public resetSchemaValidationEnabled(): void {
    this._schemaValidationEnabled = undefined;
  }

  /** Whether schema validation is on, as set. */
  public get schemaValidationEnabledInput(): boolean | undefined {
    return this._schemaValidationEnabled;
  }

  /** A reference to the `ignore_casing` attribute. */
  public get ignoreCasing(): cdktf.IResolvable {
    return this.getBooleanAttribute('ignore_casing');
  }

  public set ignoreCasing(value: boolean) {
    this._ignoreCasing = value;
  }

  /** Leaves it to the provider's default (false). */
  public resetIgnoreCasing(): void {
    this._ignoreCasing = undefined;
  }

  /** `ignoreCasing` as set. */
  public get ignoreCasingInput(): boolean | undefined {
    return this._ignoreCasing;
  }

  /** A reference to the `ignore_missing_property` attribute. */
  public get ignoreMissingProperty(): cdktf.IResolvable {
    return this.getBooleanAttribute('ignore_missing_property');
  }

  public set ignoreMissingProperty(value: boolean) {
    this._ignoreMissingProperty = value;
  }

  /** Leaves it to the provider's default (true). */
  public resetIgnoreMissingProperty(): void {
    this._ignoreMissingProperty = undefined;
  }

  /** `ignoreMissingProperty` as set. */
  public get ignoreMissingPropertyInput(): boolean | undefined {
    return this._ignoreMissingProperty;
  }

  /** A reference to the `ignore_null_property` attribute. */
  public get ignoreNullProperty(): cdktf.IResolvable {
    return this.getBooleanAttribute('ignore_null_property');
  }

  public set ignoreNullProperty(value: boolean) {
    this._ignoreNullProperty = value;
  }

  /** Leaves it to the provider's default (false). */
  public resetIgnoreNullProperty(): void {
    this._ignoreNullProperty = undefined;
  }

  /** `ignoreNullProperty` as set. */
  public get ignoreNullPropertyInput(): boolean | undefined {
    return this._ignoreNullProperty;
  }

  /** A reference to the `ignore_body_changes` attribute (write-only: Terraform reads it as null). */
  public get ignoreBodyChanges(): string[] {
    return this.getListAttribute('ignore_body_changes');
  }

  public set ignoreBodyChanges(value: string[]) {
    this._ignoreBodyChanges = value;
  }

  /** Ignores the drift of no body path. */
  public resetIgnoreBodyChanges(): void {
    this._ignoreBodyChanges = undefined;
  }

  /** The body paths set and added. */
  public get ignoreBodyChangesInput(): string[] | undefined {
    return this._ignoreBodyChanges;
  }

  /** A reference to the `replace_triggers_refs` attribute. */
  public get replaceTriggersRefs(): string[] {
    return this.getListAttribute('replace_triggers_refs');
  }

  public set replaceTriggersRefs(value: string[]) {
    this._replaceTriggersRefs = value;
  }

  /** Replaces the resource on no value's change. */
  public resetReplaceTriggersRefs(): void {
    this._replaceTriggersRefs = undefined;
  }

  /** The replace triggers as set. */
  public get replaceTriggersRefsInput(): string[] | undefined {
    return this._replaceTriggersRefs;
  }

  /** A reference to the `replace_triggers_external_values` attribute. */
  public get replaceTriggersExternalValues(): cdktf.IResolvable {
    return this.interpolationForAttribute('replace_triggers_external_values');
  }

  public set replaceTriggersExternalValues(value: unknown) {
    this._replaceTriggersExternalValues = value;
  }

  /** Replaces the resource on no external value's change. */
  public resetReplaceTriggersExternalValues(): void {
    this._replaceTriggersExternalValues = undefined;
  }

  /** The external replace triggers as set. */
  public get replaceTriggersExternalValuesInput(): unknown {
    return this._replaceTriggersExternalValues;
  }

  /** A reference to the `delete_query_parameters` attribute. */
  public get deleteQueryParameters(): cdktf.IResolvable {
    return this.interpolationForAttribute('delete_query_parameters');
  }

  public set deleteQueryParameters(value: { [name: string]: string[] }) {
    this._deleteQueryParameters = value;
  }

  /** Sends the DELETE request without query parameters. */
  public resetDeleteQueryParameters(): void {
    this._deleteQueryParameters = undefined;
  }

  /** The DELETE query parameters as set. */
  public get deleteQueryParametersInput(): { [name: string]: string[] } | undefined {
    return this._deleteQueryParameters;
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    const identity = this._identity;
    const ignoreBodyChanges = this._ignoreBodyChanges ?? [];
    return {
      type: this.typeInput,
      name: this._name,
      parent_id: this._parentId,
      location: this._location,
      body: this.bodyInput,
      identity: identity && { type: identity.type, identity_ids: identity.identityIds },
      tags: this._tags,
      response_export_values: this.responseExportValuesInput,
      schema_validation_enabled: this._schemaValidationEnabled,
      ignore_casing: this._ignoreCasing,
      ignore_missing_property: this._ignoreMissingProperty,
      ignore_null_property: this._ignoreNullProperty,
      ignore_body_changes: ignoreBodyChanges.length > 0 ? ignoreBodyChanges : undefined,
      locks: this.locksInput,
      replace_triggers_refs: this._replaceTriggersRefs,
      replace_triggers_external_values: this._replaceTriggersExternalValues,
      delete_query_parameters: this._deleteQueryParameters,
      ...this.synthesizeRetryAndTimeouts(),
    };
  }

  /** Defines `tags` and `tagsInput` on this instance, so that `'tags' in resource` is false where ARM refuses tags. */
  private exposeTags(): void {
    Object.defineProperty(this, 'tags', {
      enumerable: true,
      get: () => this._tags,
      set: (value: { [key: string]: string } | undefined) => {
        this._tags = value;
      },
    });
    Object.defineProperty(this, 'tagsInput', { enumerable: true, get: () => this._tags });
  }
}
