import { readParams, readProps } from '../checks';
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
  conditionsAsHclBlocks,
} from './common';

/** The managed identity block of an `azapi_resource`. */
export interface AzapiResourceIdentity {
  /** `SystemAssigned`, `UserAssigned`, `SystemAssigned, UserAssigned` or `None`. */
  readonly type: string;
  /** ARM ids of user-assigned identities. @default none */
  readonly identityIds?: string[];
}

/** Arguments of an `azapi_resource` (the provider's names in camel case), with Terraform's meta-arguments. */
export interface AzapiResourceConfig extends cdktf.TerraformMetaArguments {
  /** `<resource provider>/<type>@<api-version>`, e.g. `Microsoft.MachineLearningServices/workspaces@2026-05-01`. */
  readonly type: string;
  /** Resource name (last segment of its id). */
  readonly name: string;
  /** ARM id of the parent: a resource group for top-level resources, the parent resource for children. */
  readonly parentId: string;
  /** Location of tracked resources; leave unset for proxy resources such as outbound rules. @default none */
  readonly location?: string;
  /** The request body, as an object (azapi v2 refuses JSON strings). @default none */
  readonly body?: AzapiBody;
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
  /** Response properties exported into `output`. @default provider default (read-only properties) */
  readonly responseExportValues?: AzapiResponseExportValues;
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
  /** Names of in-process locks held for the whole create, update and delete. @default none */
  readonly locks?: string[];
  /** Values whose change replaces the resource. @default none */
  readonly replaceTriggersRefs?: string[];
  /** External values whose change replaces the resource. @default none */
  readonly replaceTriggersExternalValues?: unknown;
  /**
   * Query parameters of the DELETE request, e.g. `{ forceToPurge: ['true'] }`.
   * @default none
   */
  readonly deleteQueryParameters?: { [name: string]: string[] };
  /** @default no retry */
  readonly retry?: AzapiRetry;
  /** @default provider defaults */
  readonly timeouts?: AzapiTimeouts;
}

/** An `azapi_resource`: a full ARM resource managed with PUT/GET/DELETE. */
export class AzapiResource extends cdktf.TerraformResource {
  /** The Terraform resource type, `azapi_resource`. */
  public static readonly tfResourceType = 'azapi_resource';

  private readonly config: AzapiResourceConfig;
  private tagValues: { [key: string]: string } | undefined;

  /**
   * Azure tags, on resources whose ARM type accepts top-level tags only (see `taggable`): a cdktf tagging Aspect
   * (`'tags' in node && 'tagsInput' in node`) reaches them as it reaches azurerm resources, and skips the others.
   */
  declare public tags?: { [key: string]: string };
  /** The tags as configured (what Aspects merge into). Present with `tags`. */
  declare public readonly tagsInput?: { [key: string]: string };
  private readonly extraIgnoredBodyPaths: string[] = [];

  constructor(scope: Construct, id: string, config: AzapiResourceConfig) {
    super(scope, id, {
      terraformResourceType: AzapiResource.tfResourceType,
      terraformGeneratorMetadata: AZAPI_PROVIDER_METADATA,
      ...resourceMetaArguments(config),
    });
    config = readProps(this, 'AzapiResourceConfig', config);
    this.config = config;
    this.tagValues = config.tags;
    if (config.taggable ?? (config.location !== undefined || config.tags !== undefined)) {
      // Defined per instance, so that `'tags' in resource` is false where ARM would refuse tags.
      Object.defineProperty(this, 'tags', {
        enumerable: true,
        get: () => this.tagValues,
        set: (value: { [key: string]: string } | undefined) => {
          this.tagValues = value;
        },
      });
      Object.defineProperty(this, 'tagsInput', { enumerable: true, get: () => this.tagValues });
    }
  }

  /** The ARM id of the resource. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The resource type with api-version, as configured. */
  public get type(): string {
    return this.config.type;
  }

  /** The values exported by `responseExportValues`. */
  public get output(): cdktf.IResolvable {
    return this.interpolationForAttribute('output');
  }

  /** One value exported by `responseExportValues` (a map key or a property path), as a string token. */
  public outputString(key: string): string {
    readParams(this, 'AzapiResource#outputString', { key });
    return this.getStringAttribute(`output.${key}`);
  }

  /**
   * Ignores drift of one more body path (`ignore_body_changes`), for values something else writes after
   * creation (an autoscale setting writing `sku.capacity`). Adding a path twice keeps one.
   */
  public addIgnoreBodyChanges(path: string): void {
    readParams(this, 'AzapiResource#addIgnoreBodyChanges', { path });
    const configured = this.config.ignoreBodyChanges ?? [];
    if (!configured.includes(path) && !this.extraIgnoredBodyPaths.includes(path)) {
      this.extraIgnoredBodyPaths.push(path);
    }
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    const c = this.config;
    return {
      type: c.type,
      name: c.name,
      parent_id: c.parentId,
      location: c.location,
      body: c.body,
      identity: c.identity && { type: c.identity.type, identity_ids: c.identity.identityIds },
      tags: this.tagValues,
      response_export_values: c.responseExportValues,
      schema_validation_enabled: c.schemaValidationEnabled,
      ignore_casing: c.ignoreCasing,
      ignore_missing_property: c.ignoreMissingProperty,
      ignore_null_property: c.ignoreNullProperty,
      ignore_body_changes: this.ignoredBodyPaths(),
      locks: c.locks,
      replace_triggers_refs: c.replaceTriggersRefs,
      replace_triggers_external_values: c.replaceTriggersExternalValues,
      delete_query_parameters: c.deleteQueryParameters,
      retry: retryToTerraform(c.retry),
      timeouts: timeoutsToTerraform(c.timeouts),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return toHclAttributes(this.synthesizeAttributes(), ['identity', 'timeouts']);
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

  private ignoredBodyPaths(): string[] | undefined {
    const paths = [...(this.config.ignoreBodyChanges ?? []), ...this.extraIgnoredBodyPaths];
    return paths.length > 0 ? paths : undefined;
  }
}
