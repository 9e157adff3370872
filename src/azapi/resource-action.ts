import type { PropsSchema } from '../checks/read';
import { enumOf } from '../checks/read';
import { BASE_ARGUMENTS, defineConfig, FLAG, OwnProps, REQUIRED_TEXT, TEXT } from './readers';
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { AzapiResourceBase, AzapiResourceBaseConfig } from './resource-base';

/** When an `azapi_resource_action` runs. */
export enum AzapiActionWhen {
  /** Runs when the resource is created or its arguments change (the default). */
  APPLY = 'apply',
  /** Runs when the resource is destroyed. */
  DESTROY = 'destroy',
}

/**
 * Arguments of an `azapi_resource_action`, with Terraform's meta-arguments. Its `type` is the type of the
 * resource the action is called on, its `body` the request body.
 */
export interface AzapiResourceActionConfig extends AzapiResourceBaseConfig {
  /** ARM id of the resource the action is called on. */
  readonly resourceId: string;
  /** The action, the last path segment (e.g. `provisionManagedNetwork`). @default none: a request on the resource itself */
  readonly action?: string;
  /** @default POST */
  readonly method?: string;
  /** @default AzapiActionWhen.APPLY */
  readonly when?: AzapiActionWhen;
  /** Treat a 404 from the call as success (a call on a resource that may not exist). @default false */
  readonly ignoreNotFound?: boolean;
}

export const AZAPI_RESOURCE_ACTION_CONFIG = defineConfig<OwnProps<AzapiResourceActionConfig>>(
  'AzapiResourceActionConfig',
  {
    ...BASE_ARGUMENTS,
    resourceId: REQUIRED_TEXT,
    action: TEXT,
    method: TEXT,
    when: enumOf(AzapiActionWhen, 'AzapiActionWhen'),
    ignoreNotFound: FLAG,
  },
);

/** An `azapi_resource_action`: a POST (or other) call on a resource, run when applied. */
export class AzapiResourceAction extends AzapiResourceBase {
  /** The Terraform resource type, `azapi_resource_action`. */
  public static readonly tfResourceType = 'azapi_resource_action';

  private _resourceId = '';
  private _action?: string;
  private _method?: string;
  private _when?: AzapiActionWhen;
  private _ignoreNotFound?: boolean;

  /** @internal */
  protected _configSchema(): PropsSchema<object> {
    return AZAPI_RESOURCE_ACTION_CONFIG as PropsSchema<object>;
  }

  constructor(scope: Construct, id: string, config: AzapiResourceActionConfig) {
    super(scope, id, AzapiResourceAction.tfResourceType, config);
    const c = this.readConfig(config);
    this._resourceId = c.resourceId;
    this._action = c.action;
    this._method = c.method;
    this._when = c.when;
    this._ignoreNotFound = c.ignoreNotFound;
  }

  /** A reference to the `resource_id` attribute: the ARM id of the resource the action is called on. */
  public get resourceId(): string {
    return this.getStringAttribute('resource_id');
  }

  public set resourceId(value: string) {
    this._resourceId = value;
  }

  /** The resource id as set. */
  public get resourceIdInput(): string | undefined {
    return this._resourceId;
  }

  /** A reference to the `action` attribute. */
  public get action(): string {
    return this.getStringAttribute('action');
  }

  public set action(value: string) {
    this._action = value;
  }

  /** Sends the request to the resource itself. */
  public resetAction(): void {
    this._action = undefined;
  }

  /** The action as set. */
  public get actionInput(): string | undefined {
    return this._action;
  }

  /** A reference to the `method` attribute. */
  public get method(): string {
    return this.getStringAttribute('method');
  }

  public set method(value: string) {
    this._method = value;
  }

  /** Leaves the method to the provider's default (POST). */
  public resetMethod(): void {
    this._method = undefined;
  }

  /** The method as set. */
  public get methodInput(): string | undefined {
    return this._method;
  }

  /** A reference to the `when` attribute. */
  public get when(): string {
    return this.getStringAttribute('when');
  }

  public set when(value: AzapiActionWhen) {
    this._when = value;
  }

  /** Leaves it to the provider's default (`AzapiActionWhen.APPLY`). */
  public resetWhen(): void {
    this._when = undefined;
  }

  /** When the action runs, as set. */
  public get whenInput(): AzapiActionWhen | undefined {
    return this._when;
  }

  /** A reference to the `ignore_not_found` attribute. */
  public get ignoreNotFound(): cdktf.IResolvable {
    return this.getBooleanAttribute('ignore_not_found');
  }

  public set ignoreNotFound(value: boolean) {
    this._ignoreNotFound = value;
  }

  /** Leaves it to the provider's default (false). */
  public resetIgnoreNotFound(): void {
    this._ignoreNotFound = undefined;
  }

  /** `ignoreNotFound` as set. */
  public get ignoreNotFoundInput(): boolean | undefined {
    return this._ignoreNotFound;
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return {
      type: this.typeInput,
      resource_id: this._resourceId,
      action: this._action,
      method: this._method,
      body: this.bodyInput,
      when: this._when,
      locks: this.locksInput,
      ignore_not_found: this._ignoreNotFound,
      response_export_values: this.responseExportValuesInput,
      ...this.synthesizeRetryAndTimeouts(),
    };
  }
}
