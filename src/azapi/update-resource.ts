import type { PropsSchema } from '../checks/read';
import { Construct } from 'constructs';
import { BASE_ARGUMENTS, defineConfig, FLAG, OwnProps, requireTarget, TEXT, TEXTS } from './readers';
import { AzapiResourceBase, AzapiResourceBaseConfig } from './resource-base';
import * as cdktf from 'cdktf';

/**
 * Arguments of an `azapi_update_resource`, with Terraform's meta-arguments. Its `body` holds the properties to
 * merge into the live resource.
 */
export interface AzapiUpdateResourceConfig extends AzapiResourceBaseConfig {
  /** ARM id of the resource to update. Give either this or `name` and `parentId`. @default none */
  readonly resourceId?: string;
  /** @default none */
  readonly name?: string;
  /** @default none */
  readonly parentId?: string;
  /** @default false */
  readonly ignoreCasing?: boolean;
  /** @default true */
  readonly ignoreMissingProperty?: boolean;
  /** @default none */
  readonly replaceTriggersRefs?: string[];
}

export const AZAPI_UPDATE_RESOURCE_CONFIG = defineConfig<OwnProps<AzapiUpdateResourceConfig>>(
  'AzapiUpdateResourceConfig',
  {
    ...BASE_ARGUMENTS,
    resourceId: TEXT,
    name: TEXT,
    parentId: TEXT,
    ignoreCasing: FLAG,
    ignoreMissingProperty: FLAG,
    replaceTriggersRefs: TEXTS,
  },
);

/** An `azapi_update_resource`: a partial update (GET, merge, PUT) of a resource managed elsewhere. */
export class AzapiUpdateResource extends AzapiResourceBase {
  /** The Terraform resource type, `azapi_update_resource`. */
  public static readonly tfResourceType = 'azapi_update_resource';

  private _resourceId?: string;
  private _name?: string;
  private _parentId?: string;
  private _ignoreCasing?: boolean;
  private _ignoreMissingProperty?: boolean;
  private _replaceTriggersRefs?: string[];

  /** @internal */
  protected _configSchema(): PropsSchema<object> {
    return AZAPI_UPDATE_RESOURCE_CONFIG as PropsSchema<object>;
  }

  constructor(scope: Construct, id: string, config: AzapiUpdateResourceConfig) {
    super(scope, id, AzapiUpdateResource.tfResourceType, config);
    const c = this.readConfig(config);
    this._resourceId = c.resourceId;
    this._name = c.name;
    this._parentId = c.parentId;
    this._ignoreCasing = c.ignoreCasing;
    this._ignoreMissingProperty = c.ignoreMissingProperty;
    this._replaceTriggersRefs = c.replaceTriggersRefs;
    const target = () => ({ resourceId: this._resourceId, name: this._name, parentId: this._parentId });
    requireTarget(this, target, `azapi update resource '${id}'`, 'update');
  }

  /** A reference to the `resource_id` attribute: the ARM id of the resource updated. */
  public get resourceId(): string {
    return this.getStringAttribute('resource_id');
  }

  public set resourceId(value: string) {
    this._resourceId = value;
  }

  /** Finds the resource by `name` and `parentId` instead. */
  public resetResourceId(): void {
    this._resourceId = undefined;
  }

  /** The resource id as set. */
  public get resourceIdInput(): string | undefined {
    return this._resourceId;
  }

  /** A reference to the `name` attribute. */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  public set name(value: string) {
    this._name = value;
  }

  /** Leaves the name unset (the resource is found by `resourceId`). */
  public resetName(): void {
    this._name = undefined;
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

  /** Leaves the parent id unset (the resource is found by `resourceId`). */
  public resetParentId(): void {
    this._parentId = undefined;
  }

  /** The parent id as set. */
  public get parentIdInput(): string | undefined {
    return this._parentId;
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

  /** A reference to the `replace_triggers_refs` attribute. */
  public get replaceTriggersRefs(): string[] {
    return this.getListAttribute('replace_triggers_refs');
  }

  public set replaceTriggersRefs(value: string[]) {
    this._replaceTriggersRefs = value;
  }

  /** Runs the update again on no value's change. */
  public resetReplaceTriggersRefs(): void {
    this._replaceTriggersRefs = undefined;
  }

  /** The replace triggers as set. */
  public get replaceTriggersRefsInput(): string[] | undefined {
    return this._replaceTriggersRefs;
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return {
      type: this.typeInput,
      resource_id: this._resourceId,
      name: this._name,
      parent_id: this._parentId,
      body: this.bodyInput,
      response_export_values: this.responseExportValuesInput,
      ignore_casing: this._ignoreCasing,
      ignore_missing_property: this._ignoreMissingProperty,
      locks: this.locksInput,
      replace_triggers_refs: this._replaceTriggersRefs,
      ...this.synthesizeRetryAndTimeouts(),
    };
  }
}
