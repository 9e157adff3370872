import { readParams } from '../checks';
import { body, defineProps } from '../checks/read';
import { Construct } from 'constructs';
import {
  anyToHclTerraform,
  anyToTerraform,
  dependable,
  hashMapper,
  hashMapperHcl,
  TerraformResource,
} from 'cdktf';
import { ManagedOnlineDeploymentProperties, MlApiVersion, OnlineDeploymentPutBody } from '../arm';
import { AzapiResourceAction, DataAzapiResource } from '../azapi';
import { createOnlyProperties } from '../arm/create-only';

// The deployment's ARM properties, as built by OnlineDeployment; passed to Terraform as they are.
export const DEPLOYMENT_REPLACEMENT_TRIGGER = defineProps<{ properties: ManagedOnlineDeploymentProperties }>(
  'DeploymentReplacementTrigger',
  {
    properties: body({
      optional: false,
      tokens: 'refuse',
      why: 'the create-only properties are picked from it at synth',
    }),
  },
);

/**
 * The deployment properties Azure sets only at creation: the `recreate-when-idle` rows of the create-only table
 * (`src/arm/create-only.ts`: `instanceType`, `egressPublicNetworkAccess`). Everything else (model, code,
 * environment, scale, probes, request settings, environment variables) is rolled in place by Azure, instance by
 * instance (`az ml online-deployment update`); the code configuration is among them although the preview
 * specification marks it create-only, because the CLI and the docs ("init() runs when the deployment is created or
 * updated") update it in place.
 */
export function createOnlyValues(properties: ManagedOnlineDeploymentProperties): Record<string, unknown> {
  const values = properties as unknown as Record<string, unknown>;
  return Object.fromEntries(
    createOnlyProperties('workspaces/onlineEndpoints/deployments', 'recreate-when-idle').map((row) => {
      const name = row.path.replace(/^properties\./, '');
      return [name, values[name]];
    }),
  );
}

/**
 * A `terraform_data` holding a deployment's create-only values: replaced exactly when one of them changes, and
 * never contacting Azure (so the casing Azure echoes ids in cannot trip it). Its replacement re-creates the
 * deployment's `CreateOnlyChange` guard, which decides from the live deployment whether to recreate it.
 *
 * A binding of its own rather than cdktf's `DataResource`: that class adds a validation that runs
 * `terraform version` in a child process at every synth, once per instance (a second per deployment in a large
 * stack), and fails the synth on a machine without Terraform, where synthesizing needs none. The stack already
 * needs Terraform 1.11 to apply (see README), above `terraform_data`'s 1.4.
 */
export class DeploymentReplacementTrigger extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'terraform_data';

  private readonly triggers: Record<string, unknown>;

  constructor(scope: Construct, id: string, properties: ManagedOnlineDeploymentProperties) {
    super(scope, id, {
      terraformResourceType: DeploymentReplacementTrigger.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'terraform' },
    });
    ({ properties } = readParams(this, DEPLOYMENT_REPLACEMENT_TRIGGER, { properties }));
    this.triggers = createOnlyValues(properties);
  }

  /** @internal */
  protected synthesizeAttributes(): { [name: string]: unknown } {
    return { triggers_replace: hashMapper(anyToTerraform)(this.triggers) };
  }

  /** @internal */
  protected synthesizeHclAttributes(): { [name: string]: unknown } {
    return { triggers_replace: hashMapperHcl(anyToHclTerraform)(this.triggers) };
  }
}

/** What the guard needs to know about its deployment. */
export interface CreateOnlyChangeGuardProps {
  readonly apiVersion: MlApiVersion;
  readonly endpointId: string;
  readonly endpointName: string;
  /**
   * The endpoint's id as the workspace's id and the endpoint's name, for the live reads: a reference to the
   * endpoint resource would defer them to apply time whenever the endpoint changes.
   */
  readonly liveEndpointId: string;
  readonly deploymentName: string;
  /** The deployment's whole request, sent again when it is created anew. */
  readonly request: OnlineDeploymentPutBody;
  readonly trigger: DeploymentReplacementTrigger;
}

/**
 * Makes a change of a create-only property safe on live state, without a Terraform replacement (deployments are
 * `create_before_destroy`, so a replacement would create the "new" deployment over the old one, which has the
 * same ARM id, and then delete it).
 *
 * Two data sources read, at plan time, the live deployment (instance type, egress flag) and the endpoint's live
 * traffic. When the code's create-only values differ from the live deployment's:
 * - and the deployment takes live or mirrored traffic, the plan stops (a `precondition`) with the reason and the
 *   way out: a serving endpoint never goes dark without being asked to;
 * - and it takes none, the `Delete` action deletes it and the `Create` action creates it again with the whole
 *   request (azapi's update of a deployment must find it); the deployment's own update, which waits for both,
 *   then finds it with the new values.
 *
 * The actions run only when they are created: with the deployment, or when the trigger is replaced (a create-only
 * value changed in the code). Their methods are `DELETE` and `PUT` only when the live deployment exists and
 * differs, and `GET` (a read, a 404 ignored) otherwise; `ignore_changes` keeps what they were created with, so
 * the next plan is empty and later changes of the deployment do not touch them. A deployment imported into the
 * state, or a guard that a library upgrade adds to an existing deployment, therefore only reads it.
 */
export class CreateOnlyChangeGuard extends Construct {
  /** The actions the deployment waits for. */
  public readonly actions: AzapiResourceAction[];

  constructor(scope: Construct, id: string, props: CreateOnlyChangeGuardProps) {
    super(scope, id);
    const liveDeployment = this.readLiveDeployment(props);
    const liveTraffic = this.readLiveTraffic(props);
    const conditions = guardConditions(props, liveDeployment, liveTraffic);
    this.actions = this.createActions(props, conditions);
  }

  /** The live deployment's create-only values, read at plan time (absent: not created yet). */
  private readLiveDeployment(props: CreateOnlyChangeGuardProps): DataAzapiResource {
    return new DataAzapiResource(this, 'LiveDeployment', {
      type: props.apiVersion.resourceType('workspaces/onlineEndpoints/deployments'),
      resourceId: `${props.liveEndpointId}/deployments/${props.deploymentName}`,
      ignoreNotFound: true,
      responseExportValues: {
        instanceType: 'properties.instanceType',
        egressPublicNetworkAccess: 'properties.egressPublicNetworkAccess',
      },
    });
  }

  /** The endpoint's live and mirrored traffic, read at plan time. */
  private readLiveTraffic(props: CreateOnlyChangeGuardProps): DataAzapiResource {
    return new DataAzapiResource(this, 'LiveTraffic', {
      type: props.apiVersion.resourceType('workspaces/onlineEndpoints'),
      resourceId: props.liveEndpointId,
      ignoreNotFound: true,
      responseExportValues: { traffic: 'properties.traffic', mirrorTraffic: 'properties.mirrorTraffic' },
    });
  }

  /** `Delete` then `Create`: `DELETE` and `PUT` when the deployment must be created anew, `GET` otherwise. */
  private createActions(
    props: CreateOnlyChangeGuardProps,
    conditions: GuardConditions,
  ): AzapiResourceAction[] {
    const { recreate, serving, refusal } = conditions;
    const common = {
      type: props.apiVersion.resourceType('workspaces/onlineEndpoints/deployments'),
      resourceId: `${props.endpointId}/deployments/${props.deploymentName}`,
      ignoreNotFound: true,
      // One operation at a time per endpoint, like the deployments and the traffic writer.
      locks: [props.endpointId],
      // Image builds and VM allocation routinely take longer than azapi's 30-minute default.
      timeouts: { create: '120m' },
    };
    const lifecycle = {
      // A dependable renders as the address, which replace_triggered_by needs (not an interpolation).
      replaceTriggeredBy: [dependable(props.trigger)],
      // An api-version switch changes nothing they do: they keep the one they ran with.
      ignoreChanges: ['method', 'body', 'type'],
    };
    const remove = new AzapiResourceAction(this, 'Delete', {
      ...common,
      method: `\${${recreate} ? "DELETE" : "GET"}`,
      lifecycle: {
        ...lifecycle,
        precondition: [{ condition: `\${!(${recreate} && ${serving})}`, errorMessage: refusal }],
      },
    });
    const create = new AzapiResourceAction(this, 'Create', {
      ...common,
      method: `\${${recreate} ? "PUT" : "GET"}`,
      body: props.request,
      dependsOn: [remove],
      lifecycle,
    });
    return [remove, create];
  }
}

/** The guard's HCL conditions, and the message that stops the plan. */
interface GuardConditions {
  /** The live deployment exists and differs from the code in a create-only value. */
  readonly recreate: string;
  /** The deployment takes live or mirrored traffic. */
  readonly serving: string;
  /** Why the plan stops, and the ways out. */
  readonly refusal: string;
}

function guardConditions(
  props: CreateOnlyChangeGuardProps,
  liveDeployment: DataAzapiResource,
  liveTraffic: DataAzapiResource,
): GuardConditions {
  const live = `${liveDeployment.fqn}.output`;
  const wanted = createOnlyValues(props.request.properties);
  const liveType = `try(lower(${live}.instanceType), "")`;
  const differs = [
    `${liveType} != lower(${hcl(wanted.instanceType)})`,
    // Sent only when set: compare only then (Azure may report a default for an unset flag).
    wanted.egressPublicNetworkAccess === undefined
      ? undefined
      : `try(lower(${live}.egressPublicNetworkAccess), "") != lower(${hcl(wanted.egressPublicNetworkAccess)})`,
  ].filter((c) => c !== undefined);
  const recreate = `(${liveDeployment.fqn}.exists && (${differs.join(' || ')}))`;
  const share = (map: string): string =>
    `try(${liveTraffic.fqn}.output.${map}[${hcl(props.deploymentName)}], 0)`;
  const serving = `(${share('traffic')} > 0 || ${share('mirrorTraffic')} > 0)`;
  const name = `deployment '${props.deploymentName}' of endpoint '${props.endpointName}'`;
  const refusal =
    `${name} takes live or mirrored traffic (\${${share('traffic')}} % live, ` +
    `\${${share('mirrorTraffic')}} % mirrored) and its instanceType changes from ` +
    `'\${try(${live}.instanceType, "")}' to '${String(wanted.instanceType)}' (or its ` +
    `egressPublicNetworkAccess changes): Azure sets these only when a deployment is created, so applying ` +
    `would delete the serving deployment and take the endpoint down. Nothing was changed. Add a new ` +
    `deployment with the new instanceType (endpoint.addDeployment('Green', { ..., instanceType })), ` +
    `shift the traffic to it with routeTraffic, then remove '${props.deploymentName}'; or route its ` +
    `traffic away first and apply the instanceType change after that`;
  return { recreate, serving, refusal };
}

/** A value inside an HCL expression: a Terraform token as it is, a literal as a quoted string. */
function hcl(value: unknown): string {
  return JSON.stringify(String(value));
}
