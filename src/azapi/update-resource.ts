import { readProps, refuse } from '../checks';
import './readers';
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
} from './common';

/** Arguments of an `azapi_update_resource`, with Terraform's meta-arguments. */
export interface AzapiUpdateResourceConfig extends cdktf.TerraformMetaArguments {
  /** `<resource provider>/<type>@<api-version>`. */
  readonly type: string;
  /** ARM id of the resource to update. Give either this or `name` and `parentId`. @default none */
  readonly resourceId?: string;
  /** @default none */
  readonly name?: string;
  /** @default none */
  readonly parentId?: string;
  /**
   * The properties to merge into the live resource. azapi does not schema-check update bodies: keep them
   * typed on the caller's side.
   * @default none
   */
  readonly body?: AzapiBody;
  /** @default none */
  readonly responseExportValues?: AzapiResponseExportValues;
  /** @default false */
  readonly ignoreCasing?: boolean;
  /** @default true */
  readonly ignoreMissingProperty?: boolean;
  /** @default none */
  readonly locks?: string[];
  /** @default none */
  readonly replaceTriggersRefs?: string[];
  /** @default no retry */
  readonly retry?: AzapiRetry;
  /** @default provider defaults */
  readonly timeouts?: AzapiTimeouts;
}

/** An `azapi_update_resource`: a partial update (GET, merge, PUT) of a resource managed elsewhere. */
export class AzapiUpdateResource extends cdktf.TerraformResource {
  /** The Terraform resource type, `azapi_update_resource`. */
  public static readonly tfResourceType = 'azapi_update_resource';

  private readonly config: AzapiUpdateResourceConfig;

  constructor(scope: Construct, id: string, config: AzapiUpdateResourceConfig) {
    super(scope, id, {
      terraformResourceType: AzapiUpdateResource.tfResourceType,
      terraformGeneratorMetadata: AZAPI_PROVIDER_METADATA,
      ...resourceMetaArguments(config),
    });
    config = readProps(this, 'AzapiUpdateResourceConfig', config);
    if (config.resourceId === undefined && (config.name === undefined || config.parentId === undefined)) {
      refuse(
        'SE001',
        `resourceId is not set (nor name and parentId): azapi update resource '${id}' needs the ARM id of the ` +
          `resource to update; set resourceId, or both name and parentId`,
      );
    }
    this.config = config;
  }

  /** The id of the update resource (the updated resource's ARM id). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The values exported by `responseExportValues`. */
  public get output(): cdktf.IResolvable {
    return this.interpolationForAttribute('output');
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    const c = this.config;
    return {
      type: c.type,
      resource_id: c.resourceId,
      name: c.name,
      parent_id: c.parentId,
      body: c.body,
      response_export_values: c.responseExportValues,
      ignore_casing: c.ignoreCasing,
      ignore_missing_property: c.ignoreMissingProperty,
      locks: c.locks,
      replace_triggers_refs: c.replaceTriggersRefs,
      retry: retryToTerraform(c.retry),
      timeouts: timeoutsToTerraform(c.timeouts),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return toHclAttributes(this.synthesizeAttributes(), ['timeouts']);
  }
}
