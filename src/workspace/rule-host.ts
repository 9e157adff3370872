import { IManagedVnetWorkspace, IOutboundRule } from './workspace-ref';

/**
 * Marks `ManagedVnetWorkspaceBase`, the workspaces that keep a registry of their outbound rules. A symbol rather
 * than `instanceof`: the rule module cannot import the base (whose `add...Rule` methods create rules) without an
 * import cycle, and a symbol also recognises a workspace of a second copy of this library.
 */
export const WORKSPACE_BASE = Symbol.for('cdktf-azureml-secure-endpoint.ManagedVnetWorkspaceBase');

/** A rule as the workspace registers it. */
export interface RegisteredRule extends IOutboundRule {
  /**
   * The error message patterns to retry on while a role the rule just granted propagates (the private endpoint
   * connection is approved when the managed network is provisioned, so provisioning retries on them too).
   * @default none
   */
  readonly approvalRetryPatterns?: string[];
}

interface RuleHost extends IManagedVnetWorkspace {
  _registerOutboundRule(rule: RegisteredRule): void;
}

function isRuleHost(workspace: IManagedVnetWorkspace): workspace is RuleHost {
  return (workspace as unknown as Record<symbol, unknown>)[WORKSPACE_BASE] === true;
}

/**
 * Called by every outbound rule's constructor: a workspace of this library refuses a second rule with the same
 * name (SE111) and makes its managed-network provisioning (and so every deployment) wait for the rule. On a
 * workspace of your own (a class implementing `IManagedVnetWorkspace`) the rule is written and nothing else: no
 * provisioning of this library waits for it.
 */
export function registerWithWorkspace(workspace: IManagedVnetWorkspace, rule: RegisteredRule): void {
  if (isRuleHost(workspace)) workspace._registerOutboundRule(rule);
}
