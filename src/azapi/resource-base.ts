import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { readProps } from '../checks';
import type { PropsSchema } from '../checks/read';
import {
  AZAPI_PROVIDER_METADATA,
  AzapiBody,
  AzapiResponseExportValues,
  AzapiRetry,
  AzapiTimeouts,
  conditionsAsHclBlocks,
  retryToTerraform,
  timeoutsToTerraform,
  toHclAttributes,
} from './common';

/** The arguments every azapi resource kind takes, with Terraform's meta-arguments. */
export interface AzapiResourceBaseConfig extends cdktf.TerraformMetaArguments {
  /**
   * `<resource provider>/<type>@<api-version>` of the resource created, updated or acted on, e.g.
   * `Microsoft.MachineLearningServices/workspaces@2026-05-01`.
   */
  readonly type: string;
  /**
   * The request body, as an object (azapi v2 refuses JSON strings). azapi checks the body of an `azapi_resource`
   * against its embedded API types, never the body of an update or an action: keep those typed on the caller's
   * side.
   * @default none
   */
  readonly body?: AzapiBody;
  /** Response properties exported into `output`. @default the provider's default */
  readonly responseExportValues?: AzapiResponseExportValues;
  /** Names of in-process locks held for the whole request (create, update, delete or action). @default none */
  readonly locks?: string[];
  /** @default no retry */
  readonly retry?: AzapiRetry;
  /** @default provider defaults */
  readonly timeouts?: AzapiTimeouts;
}

/** Blocks of the azapi resource schemas (rendered `name { ... }` in HCL); other objects are object expressions. */
const HCL_BLOCKS = ['identity', 'timeouts'];

/**
 * What `azapi_resource`, `azapi_update_resource` and `azapi_resource_action` share, shaped as cdktf-generated
 * bindings are: each argument is held in a private `_field`, with a getter (a reference to the Terraform
 * attribute, for other resources to use), a setter that assigns the value (the constructs that build these
 * resources read their own props first: a setter checks nothing), an `...Input`
 * getter (the value set) and, for optional arguments, `reset...()`; blocks have `put...()` instead of a setter.
 * `synthesizeAttributes` renders the values set when the stack is synthesized.
 */
export abstract class AzapiResourceBase extends cdktf.TerraformResource {
  private _type = '';
  private _body?: AzapiBody;
  private _responseExportValues?: AzapiResponseExportValues;
  private _locks?: string[];
  private _retry?: AzapiRetry;
  private _timeouts?: AzapiTimeouts;

  protected constructor(
    scope: Construct,
    id: string,
    terraformResourceType: string,
    config: AzapiResourceBaseConfig,
  ) {
    super(scope, id, {
      terraformResourceType,
      terraformGeneratorMetadata: AZAPI_PROVIDER_METADATA,
      provider: config?.provider,
      dependsOn: config?.dependsOn,
      count: config?.count,
      lifecycle: config?.lifecycle,
      provisioners: config?.provisioners,
      connection: config?.connection,
      forEach: config?.forEach,
    });
  }

  /**
   * The subclass's config schema (`defineConfig`): the constructor reads the config with it, and setters read
   * new values with it. @internal
   */
  protected abstract _configSchema(): PropsSchema<object>;

  /**
   * Reads the config with the subclass's schema, keeps the shared arguments and returns the config as read, for
   * the subclass to keep its own.
   */
  protected readConfig<C extends AzapiResourceBaseConfig>(config: C): C {
    const read = readProps(this, this._configSchema() as PropsSchema<C>, config);
    this._type = read.type;
    this._body = read.body;
    this._responseExportValues = read.responseExportValues;
    this._locks = read.locks;
    this._retry = read.retry;
    this._timeouts = read.timeouts;
    return read;
  }

  /** The id of the Terraform resource (for `azapi_resource` and `azapi_update_resource`, the ARM id). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The values exported by `responseExportValues` from the response. */
  public get output(): cdktf.IResolvable {
    return this.interpolationForAttribute('output');
  }

  /**
   * The resource type with api-version, as set: unlike the other getters, the value itself, which is known
   * when the stack is built (constructs read it to decide what to create).
   */
  public get type(): string {
    return this._type;
  }

  public set type(value: string) {
    this._type = value;
  }

  /** The resource type as set. */
  public get typeInput(): string | undefined {
    return this._type;
  }

  /** A reference to the `body` attribute. */
  public get body(): cdktf.IResolvable {
    return this.interpolationForAttribute('body');
  }

  public set body(value: AzapiBody) {
    this._body = value;
  }

  /** Leaves the body unset. */
  public resetBody(): void {
    this._body = undefined;
  }

  /** The body as set. */
  public get bodyInput(): AzapiBody | undefined {
    return this._body;
  }

  /** A reference to the `response_export_values` attribute. */
  public get responseExportValues(): cdktf.IResolvable {
    return this.interpolationForAttribute('response_export_values');
  }

  public set responseExportValues(value: AzapiResponseExportValues) {
    this._responseExportValues = value;
  }

  /** Leaves the exported values to the provider's default. */
  public resetResponseExportValues(): void {
    this._responseExportValues = undefined;
  }

  /** The exported values as set. */
  public get responseExportValuesInput(): AzapiResponseExportValues | undefined {
    return this._responseExportValues;
  }

  /** A reference to the `locks` attribute. */
  public get locks(): string[] {
    return this.getListAttribute('locks');
  }

  public set locks(value: string[]) {
    this._locks = value;
  }

  /** Holds no lock. */
  public resetLocks(): void {
    this._locks = undefined;
  }

  /** The lock names as set. */
  public get locksInput(): string[] | undefined {
    return this._locks;
  }

  /** A reference to the `retry` attribute. */
  public get retry(): cdktf.IResolvable {
    return this.interpolationForAttribute('retry');
  }

  /** Retries the requests while their error matches one of `retry.errorMessageRegex`; replaces any retry set. */
  public putRetry(retry: AzapiRetry): void {
    this._retry = retry;
  }

  /** Does not retry. */
  public resetRetry(): void {
    this._retry = undefined;
  }

  /** The retry as set. */
  public get retryInput(): AzapiRetry | undefined {
    return this._retry;
  }

  /** A reference to the `timeouts` block. */
  public get timeouts(): cdktf.IResolvable {
    return this.interpolationForAttribute('timeouts');
  }

  /** Sets the operation timeouts; replaces any timeouts set. */
  public putTimeouts(timeouts: AzapiTimeouts): void {
    this._timeouts = timeouts;
  }

  /** Leaves the timeouts to the provider's defaults. */
  public resetTimeouts(): void {
    this._timeouts = undefined;
  }

  /** The timeouts as set. */
  public get timeoutsInput(): AzapiTimeouts | undefined {
    return this._timeouts;
  }

  /** `retry` and `timeouts` in their Terraform form, the last two attributes of every azapi resource kind. */
  protected synthesizeRetryAndTimeouts(): { retry: unknown; timeouts: unknown } {
    return { retry: retryToTerraform(this._retry), timeouts: timeoutsToTerraform(this._timeouts) };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return toHclAttributes(this.synthesizeAttributes(), HCL_BLOCKS);
  }

  /** The HCL form, with `lifecycle` conditions as the blocks Terraform expects (see `conditionsAsHclBlocks`). */
  public toHclTerraform(): Record<string, unknown> {
    return conditionsAsHclBlocks(
      super.toHclTerraform() as Record<string, unknown>,
      'resource',
      this.terraformResourceType,
      this.friendlyUniqueId,
    );
  }
}
