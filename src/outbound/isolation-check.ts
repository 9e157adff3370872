import { problem, Problems } from '../checks';
import { IsolationMode } from '../workspace/isolation-mode';
import { IManagedVnetWorkspace } from '../workspace/workspace-ref';

/** SE103: FQDN and service-tag rules exist only under AllowOnlyApprovedOutbound. */
export function checkApprovedOutboundOnly(
  kind: string,
  ruleName: string,
  workspace: IManagedVnetWorkspace,
): Problems {
  if (workspace.isolationMode !== IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND) {
    return [
      problem(
        'SE103',
        `outbound ${kind} rule '${ruleName}' cannot be added to workspace '${workspace.workspaceName}' with isolation ` +
          `mode ${workspace.isolationMode.value}: Azure accepts ${kind} rules only with AllowOnlyApprovedOutbound ` +
          `(with AllowInternetOutbound all internet traffic is already allowed); use ` +
          `IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND or remove the rule`,
      ),
    ];
  }
  return [];
}
