import { readParams, readProps } from '../checks';
import { defineProps } from '../checks/read';
import { defineConfig, EXPORT_VALUES, FLAG, OwnProps, REQUIRED_TEXT, requireTarget, TEXT } from './readers';
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

export const DATA_AZAPI_RESOURCE_CONFIG = defineConfig<OwnProps<DataAzapiResourceConfig>>(
  'DataAzapiResourceConfig',
  {
    type: REQUIRED_TEXT,
    resourceId: TEXT,
    name: TEXT,
    parentId: TEXT,
    responseExportValues: EXPORT_VALUES,
    ignoreNotFound: FLAG,
  },
);
export const DATA_AZAPI_RESOURCE_OUTPUT_STRING_PARAMS = defineProps<{ key: string }>(
  'DataAzapiResource#outputString',
  { key: REQUIRED_TEXT },
);

/**
 * The `azapi_resource` data source: reads an existing resource. Its arguments have getters (references to the
 * attributes), setters, `...Input` getters and `reset...()` as `AzapiResourceBase` describes.
 */
export class DataAzapiResource extends cdktf.TerraformDataSource {
  /** The Terraform data source type, `azapi_resource`. */
  public static readonly tfResourceType = 'azapi_resource';

  private _type = '';
  private _resourceId?: string;
  private _name?: string;
  private _parentId?: string;
  private _responseExportValues?: AzapiResponseExportValues;
  private _ignoreNotFound?: boolean;

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
    const c = readProps(this, DATA_AZAPI_RESOURCE_CONFIG, config);
    this._type = c.type;
    this._resourceId = c.resourceId;
    this._name = c.name;
    this._parentId = c.parentId;
    this._responseExportValues = c.responseExportValues;
    this._ignoreNotFound = c.ignoreNotFound;
    const target = () => ({ resourceId: this._resourceId, name: this._name, parentId: this._parentId });
    requireTarget(this, target, `azapi data source '${id}'`, 'read');
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
    readParams(this, DATA_AZAPI_RESOURCE_OUTPUT_STRING_PARAMS, { key });
    return this.getStringAttribute(`output.${key}`);
  }

  /** The resource type with api-version, as set (the value itself, like `AzapiResourceBase.type`). */
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

  /** A reference to the `resource_id` attribute. */
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
      type: this._type,
      resource_id: this._resourceId,
      name: this._name,
      parent_id: this._parentId,
      response_export_values: this._responseExportValues,
      ignore_not_found: this._ignoreNotFound,
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
