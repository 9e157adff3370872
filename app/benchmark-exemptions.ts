/**
 * The hardened layout's exemptions from the built-ins that contradict the how-to (`BenchmarkExemptions`), for the
 * benchmark assignments two Terraform variables name: left empty (the default), none is created for that
 * initiative, so the layout deploys where an initiative is not assigned. docs/hardened-layout.md says how to set
 * them.
 */
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { BenchmarkAssignment, BenchmarkExemptions, ManagedVnetWorkspace } from '../src';

/** Empty, or an assignment id at any scope (management group, subscription, resource group). */
const ASSIGNMENT_ID_CONDITION =
  'VAR == "" || can(regex("(?i)^(/[^/]+/[^/]+)*/providers/Microsoft\\\\.Authorization/policyAssignments/[^/]+$", VAR))';

/** A variable for the id of an initiative's assignment, empty by default, refused at plan when not an id. */
function assignmentVariable(scope: Construct, name: string, title: string): string {
  return new TerraformVariable(scope, name, {
    type: 'string',
    default: '',
    nullable: false,
    description:
      `ARM id of the ${title} assignment that covers this stack (az policy assignment list); ` +
      'empty: no exemption for it',
    validation: [
      {
        condition: `\${${ASSIGNMENT_ID_CONDITION.replace(/VAR/g, `var.${name}`)}}`,
        errorMessage:
          `${name} must be empty or the ARM id of a policy assignment ` +
          '(.../providers/Microsoft.Authorization/policyAssignments/<name>), as az policy assignment list prints it.',
      },
    ],
  }).stringValue;
}

/** The workspace's and its image-build cluster's exemptions from MCSB and MCSB v2, each behind its variable. */
export function addBenchmarkExemptions(
  scope: Construct,
  workspace: ManagedVnetWorkspace,
): BenchmarkExemptions {
  return new BenchmarkExemptions(scope, 'BenchmarkExemptions', {
    workspace,
    assignments: [
      BenchmarkAssignment.microsoftCloudSecurityBenchmark(
        assignmentVariable(scope, 'mcsb_policy_assignment_id', 'Microsoft cloud security benchmark'),
      ),
      BenchmarkAssignment.microsoftCloudSecurityBenchmarkV2(
        assignmentVariable(scope, 'mcsb_v2_policy_assignment_id', 'Microsoft cloud security benchmark v2'),
      ),
    ],
  });
}
