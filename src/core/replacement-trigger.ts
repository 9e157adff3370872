import { Construct } from 'constructs';
import { anyToHclTerraform, anyToTerraform, hashMapper, hashMapperHcl, TerraformResource } from 'cdktf';

/**
 * A `terraform_data` whose `triggers_replace` holds what a resource's effect depends on: it is replaced exactly
 * when one of the values changes, and a resource naming it in `replace_triggered_by` runs again then, and only
 * then. It never contacts Azure.
 *
 * A binding of its own rather than cdktf's `DataResource`: that class adds a validation that runs
 * `terraform version` in a child process at every synth, once per instance, and fails the synth on a machine
 * without Terraform, where synthesizing needs none. The stack already needs Terraform 1.11 to apply (see
 * README), above `terraform_data`'s 1.4.
 * @internal
 */
export class ReplacementTrigger extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'terraform_data';

  constructor(
    scope: Construct,
    id: string,
    private readonly triggers: Record<string, unknown>,
  ) {
    super(scope, id, {
      terraformResourceType: ReplacementTrigger.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'terraform' },
    });
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
