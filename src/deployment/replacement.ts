import { readParams } from '../checks';
import { body, defineProps } from '../checks/read';
import { Construct } from 'constructs';
import { anyToHclTerraform, anyToTerraform, hashMapper, hashMapperHcl, TerraformResource } from 'cdktf';
import { ManagedOnlineDeploymentProperties } from '../arm';

// The deployment's ARM properties, as built by OnlineDeployment; passed to Terraform as they are.
defineProps<{ properties: ManagedOnlineDeploymentProperties }>('DeploymentReplacementTrigger', {
  properties: body({
    optional: false,
    tokens: 'refuse',
    why: 'the create-only properties are picked from it at synth',
  }),
});

/**
 * The deployment properties Azure sets only at creation: `instanceType` and `codeConfiguration` are
 * `x-ms-mutability: [read, create]` in the API specification, and `egressPublicNetworkAccess` "cannot be updated
 * after creation" (Azure ML docs). Sent as an update, a change would fail mid-apply (or be ignored); it has to
 * be a new deployment.
 */
export function createOnlyValues(properties: ManagedOnlineDeploymentProperties): Record<string, unknown> {
  return {
    instanceType: properties.instanceType,
    codeId: properties.codeConfiguration?.codeId,
    scoringScript: properties.codeConfiguration?.scoringScript,
    egressPublicNetworkAccess: properties.egressPublicNetworkAccess,
  };
}

/**
 * A `terraform_data` holding a deployment's create-only values: replaced exactly when one of them changes, and
 * never contacting Azure (so the casing Azure echoes ids in cannot trip it). The deployment and its endpoint's
 * traffic resources are replaced with it (`replace_triggered_by`): the traffic is drained before the old
 * deployment is deleted (Azure refuses to delete a deployment that takes traffic) and restored once the new
 * one exists. `replace_triggered_by` fires on its replacement only, not on its first creation.
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
    ({ properties } = readParams(this, 'DeploymentReplacementTrigger', { properties }));
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
