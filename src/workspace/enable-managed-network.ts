import { Construct } from 'constructs';
import { readProps, problemsOf } from '../checks';
import { defineProps, oneOf, without } from '../checks/read';
import { FirewallSku } from './firewall-sku';
import {
  ExistingWorkspaceAttributes,
  IMPORTED_WORKSPACE_ATTRIBUTES,
  importWorkspace,
} from './imported-workspace';
import { IsolationMode } from './isolation-mode';
import { ManagedVnetWorkspaceBase } from './workspace-base';

/** Props of `ManagedVnetWorkspace.enableManagedNetwork`. */
export interface EnableManagedNetworkProps extends ExistingWorkspaceAttributes {
  /**
   * The isolation mode to turn on. Azure cannot turn a managed network off again (no way back to Disabled).
   * @default IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND
   */
  readonly isolationMode?: IsolationMode;
  /**
   * SKU of the Azure Firewall deployed for FQDN rules (AllowOnlyApprovedOutbound only).
   * @default FirewallSku.STANDARD
   */
  readonly firewallSku?: FirewallSku;
}

export const ENABLE_MANAGED_NETWORK_PROPS = defineProps<EnableManagedNetworkProps>(
  'EnableManagedNetworkProps',
  {
    ...without(IMPORTED_WORKSPACE_ATTRIBUTES, 'isolationMode', 'provisionManagedNetwork'),
    isolationMode: oneOf(IsolationMode),
    firewallSku: oneOf(FirewallSku),
  },
);

/**
 * The how-to's migration alternative: turns on the managed network of an existing workspace in place, then
 * provisions it after the rules added to the result; see `ManagedVnetWorkspace.enableManagedNetwork`.
 */
export function enableManagedNetwork(
  scope: Construct,
  id: string,
  props: EnableManagedNetworkProps,
): ManagedVnetWorkspaceBase {
  // Read here, on the scope the workspace is added to: the imported workspace built below reads nothing again.
  props = readProps(scope, ENABLE_MANAGED_NETWORK_PROPS, props);
  const requested = props.isolationMode ?? IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND;
  // A refused Disabled is reported on the result; it is built as approved outbound so nothing else trips on it.
  const isolationMode = requested.isManaged ? requested : IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND;
  const workspace = importWorkspace(
    scope,
    id,
    { ...props, isolationMode, provisionManagedNetwork: true },
    { isolationMode, firewallSku: props.firewallSku },
  );
  if (!requested.isManaged) {
    problemsOf(workspace).report(
      'SE330',
      `enableManagedNetwork on workspace '${props.workspaceName}' asks for isolation mode Disabled: that turns ` +
        `nothing on; choose IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND or ALLOW_INTERNET_OUTBOUND, or use ` +
        `ManagedVnetWorkspace.fromWorkspaceAttributes to use the workspace as it is`,
    );
  } else if (props.firewallSku !== undefined && requested !== IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND) {
    problemsOf(workspace).report(
      'SE331',
      `enableManagedNetwork on workspace '${props.workspaceName}' sets firewallSku with isolation mode ` +
        `${requested.value}: the firewall exists only for FQDN rules under AllowOnlyApprovedOutbound; remove ` +
        `firewallSku or choose IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND`,
    );
  }
  return workspace;
}
