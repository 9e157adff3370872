import { Construct, IConstruct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { RoleAssignment, RoleAssignmentConfig } from '@cdktf/provider-azurerm/lib/role-assignment';
import { appConstructs, comparisonKey, ConfigurationError, shown, problemsOf } from '../checks';

/**
 * What makes a role assignment one in Azure's eyes: principal, role and scope, compared without case (ARM ids,
 * object ids and role names are case-insensitive). Undefined when one of them cannot be compared.
 */
function grantKey(assignment: RoleAssignment): string | undefined {
  const scope = comparisonKey(assignment, assignment.scopeInput);
  const principal = comparisonKey(assignment, assignment.principalIdInput);
  const role =
    assignment.roleDefinitionNameInput !== undefined
      ? comparisonKey(assignment, assignment.roleDefinitionNameInput)
      : comparisonKey(assignment, assignment.roleDefinitionIdInput);
  if (scope === undefined || principal === undefined || role === undefined) return undefined;
  const kind = assignment.roleDefinitionNameInput !== undefined ? 'name' : 'id';
  return JSON.stringify([scope, principal, kind, role]);
}

function isRoleAssignment(c: IConstruct): c is RoleAssignment {
  return c instanceof RoleAssignment;
}

/**
 * Grants a role once: when the stack already has an assignment of the same role to the same principal on the
 * same scope (compared without case), returns it instead of a second one, which Azure would refuse
 * (RoleAssignmentExists). Two endpoints sharing one user-assigned identity, or two outbound rules to one
 * storage account, then share their grants. A duplicate Azure would refuse that cannot be shared (one in
 * another stack of the app, or made outside this library) is reported at synth (SE312).
 */
export function grantRoleOnce(owner: Construct, id: string, config: RoleAssignmentConfig): RoleAssignment {
  const stack = TerraformStack.of(owner);
  const wanted = keyOf(owner, config.scope, config.principalId, config);
  if (wanted !== undefined) {
    const existing = stack.node
      .findAll()
      .filter(isRoleAssignment)
      .find((a) => grantKey(a) === wanted);
    if (existing !== undefined) return existing;
  }
  const assignment = new RoleAssignment(owner, id, config);
  problemsOf(owner).addRule(() => duplicateGrants(assignment));
  return assignment;
}

function keyOf(
  scope: IConstruct,
  assignmentScope: string,
  principalId: string,
  config: RoleAssignmentConfig,
): string | undefined {
  const s = comparisonKey(scope, assignmentScope);
  const p = comparisonKey(scope, principalId);
  const kind = config.roleDefinitionName !== undefined ? 'name' : 'id';
  const r = comparisonKey(scope, config.roleDefinitionName ?? config.roleDefinitionId);
  if (s === undefined || p === undefined || r === undefined) return undefined;
  return JSON.stringify([s, p, kind, r]);
}

/** SE312: another role assignment in the app, earlier in the tree, that Azure would take for this one. */
function duplicateGrants(assignment: RoleAssignment): ConfigurationError[] {
  const key = grantKey(assignment);
  if (key === undefined) return [];
  const all = appConstructs(assignment, isRoleAssignment);
  const first = all.find((a) => a !== assignment && grantKey(a) === key);
  if (first === undefined || all.indexOf(first) > all.indexOf(assignment)) return [];
  const role = assignment.roleDefinitionNameInput ?? assignment.roleDefinitionIdInput;
  return [
    new ConfigurationError(
      'SE312',
      `role '${shown(assignment, role)}' is granted to principal ` +
        `'${shown(assignment, assignment.principalIdInput)}' on scope '${shown(assignment, assignment.scopeInput)}' twice (${first.node.path} and ${assignment.node.path}), the ids differing at ` +
        `most in letter case: Azure compares them without case and refuses the second assignment ` +
        `(RoleAssignmentExists); keep one of them, or grant the role once in a stack both can rely on`,
    ),
  ];
}
