import { readProps } from '../checks';
import { body, defineProps, enumOf } from '../checks/read';
import { EXPORT_VALUES, FLAG, OwnProps, REQUIRED_TEXT, RETRY, TEXT, TEXTS, TIMEOUTS } from './readers';
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import {
  AZAPI_PROVIDER_METADATA,
  resourceMetaArguments,
  AzapiBody,
  AzapiResponseExportValues,
  AzapiRetry,
  AzapiTimeouts,
  retryToTerraform,
  timeoutsToTerraform,
  toHclAttributes,
  conditionsAsHclBlocks,
} from './common';

/** When an `azapi_resource_action` runs. */
export enum AzapiActionWhen {
  /** Runs when the resource is created or its arguments change (the default). */
  APPLY = 'apply',
  /** Runs when the resource is destroyed. */
  DESTROY = 'destroy',
}

/** Arguments of an `azapi_resource_action`, with Terraform's meta-arguments. */
export interface AzapiResourceActionConfig extends cdktf.TerraformMetaArguments {
  /** `<resource provider>/<type>@<api-version>` of the resource the action is called on. */
  readonly type: string;
  /** ARM id of the resource the action is called on. */
  readonly resourceId: string;
  /** The action, the last path segment (e.g. `provisionManagedNetwork`). @default none: a request on the resource itself */
  readonly action?: string;
  /** @default POST */
  readonly method?: string;
  /** Request body. azapi does not schema-check action bodies. @default none */
  readonly body?: AzapiBody;
  /** @default AzapiActionWhen.APPLY */
  readonly when?: AzapiActionWhen;
  /** @default none */
  readonly locks?: string[];
  /** Treat a 404 from the call as success (a call on a resource that may not exist). @default false */
  readonly ignoreNotFound?: boolean;
  /** @default none */
  readonly responseExportValues?: AzapiResponseExportValues;
  /** @default no retry */
  readonly retry?: AzapiRetry;
  /** @default provider defaults */
  readonly timeouts?: AzapiTimeouts;
}

defineProps<OwnProps<AzapiResourceActionConfig>>('AzapiResourceActionConfig', {
  type: REQUIRED_TEXT,
  resourceId: REQUIRED_TEXT,
  action: TEXT,
  method: TEXT,
  body: body(),
  when: enumOf(AzapiActionWhen, 'AzapiActionWhen'),
  locks: TEXTS,
  ignoreNotFound: FLAG,
  responseExportValues: EXPORT_VALUES,
  retry: RETRY,
  timeouts: TIMEOUTS,
});

/** An `azapi_resource_action`: a POST (or other) call on a resource, run when applied. */
export class AzapiResourceAction extends cdktf.TerraformResource {
  /** The Terraform resource type, `azapi_resource_action`. */
  public static readonly tfResourceType = 'azapi_resource_action';

  private readonly config: AzapiResourceActionConfig;

  constructor(scope: Construct, id: string, config: AzapiResourceActionConfig) {
    super(scope, id, {
      terraformResourceType: AzapiResourceAction.tfResourceType,
      terraformGeneratorMetadata: AZAPI_PROVIDER_METADATA,
      ...resourceMetaArguments(config),
    });
    config = readProps(this, 'AzapiResourceActionConfig', config);
    this.config = config;
  }

  /** The id of the action resource. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The values exported by `responseExportValues` from the action's response. */
  public get output(): cdktf.IResolvable {
    return this.interpolationForAttribute('output');
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    const c = this.config;
    return {
      type: c.type,
      resource_id: c.resourceId,
      action: c.action,
      method: c.method,
      body: c.body,
      when: c.when,
      locks: c.locks,
      ignore_not_found: c.ignoreNotFound,
      response_export_values: c.responseExportValues,
      retry: retryToTerraform(c.retry),
      timeouts: timeoutsToTerraform(c.timeouts),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return toHclAttributes(this.synthesizeAttributes(), ['timeouts']);
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
