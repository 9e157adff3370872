import { readParams, readProps, refuse } from '../checks';
import './readers';
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import {
  AZAPI_PROVIDER_METADATA,
  AzapiResponseExportValues,
  conditionsAsHclBlocks,
  toHclAttributes,
} from './common';

/** Arguments of the `azapi_resource` data source, with Terraform's meta-arguments. */
export interface DataAzapiResourceConfig extends cdktf.TerraformMetaArguments {
  /** `<resource provider>/<type>@<api-version>`. */
  readonly type: string;
  /** ARM id of the resource to read. Give either this or `name` and `parentId`. @default none */
  readonly resourceId?: string;
  /** @default none */
  readonly name?: string;
  /** @default none */
  readonly parentId?: string;
  /** @default provider default */
  readonly responseExportValues?: AzapiResponseExportValues;
  /**
   * Read a resource that may not exist: a 404 gives `exists = false` and a null `output` instead of an error.
   * @default false
   */
  readonly ignoreNotFound?: boolean;
}

/** The `azapi_resource` data source: reads an existing resource. */
export class DataAzapiResource extends cdktf.TerraformDataSource {
  /** The Terraform data source type, `azapi_resource`. */
  public static readonly tfResourceType = 'azapi_resource';

  private readonly config: DataAzapiResourceConfig;

  constructor(scope: Construct, id: string, config: DataAzapiResourceConfig) {
    super(scope, id, {
      terraformResourceType: DataAzapiResource.tfResourceType,
      terraformGeneratorMetadata: AZAPI_PROVIDER_METADATA,
      provider: config?.provider,
      dependsOn: config?.dependsOn,
      count: config?.count,
      lifecycle: config?.lifecycle,
      forEach: config?.forEach,
    });
    config = readProps(this, 'DataAzapiResourceConfig', config);
    if (config.resourceId === undefined && (config.name === undefined || config.parentId === undefined)) {
      refuse(
        'SE001',
        `resourceId is not set (nor name and parentId): azapi data source '${id}' needs the ARM id of the ` +
          `resource to read; set resourceId, or both name and parentId`,
      );
    }
    this.config = config;
  }

  /** The ARM id of the resource read. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** Whether the resource exists (false only with `ignoreNotFound` and a 404). */
  public get exists(): cdktf.IResolvable {
    return this.getBooleanAttribute('exists');
  }

  /** The location of the resource read (empty for proxy resources). */
  public get location(): string {
    return this.getStringAttribute('location');
  }

  /** The values exported by `responseExportValues`. */
  public get output(): cdktf.IResolvable {
    return this.interpolationForAttribute('output');
  }

  /** One value exported by `responseExportValues`, as a string token. */
  public outputString(key: string): string {
    readParams(this, 'DataAzapiResource#outputString', { key });
    return this.getStringAttribute(`output.${key}`);
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    const c = this.config;
    return {
      type: c.type,
      resource_id: c.resourceId,
      name: c.name,
      parent_id: c.parentId,
      response_export_values: c.responseExportValues,
      ignore_not_found: c.ignoreNotFound,
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return toHclAttributes(this.synthesizeAttributes());
  }

  /**
   * cdktf 0.21 renders a data source's `lifecycle` in HCL as plain attributes (`postcondition = [...]`), which
   * Terraform refuses: `precondition` and `postcondition` are blocks. Mark them as blocks (the JSON form is
   * right as it is).
   */
  public toHclTerraform(): Record<string, unknown> {
    return conditionsAsHclBlocks(
      super.toHclTerraform() as Record<string, unknown>,
      'data',
      this.terraformResourceType,
      this.friendlyUniqueId,
    );
  }
}
