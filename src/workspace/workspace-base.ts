import { OUTBOUND_FQDN_RULE_PROPS } from '../outbound/fqdn-rule';
import { OUTBOUND_PRIVATE_ENDPOINT_RULE_PROPS } from '../outbound/private-endpoint-rule';
import { OUTBOUND_SERVICE_TAG_RULE_PROPS } from '../outbound/service-tag-rule';
import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { MlApiVersion } from '../arm';
import { isKnown, problemsOf } from '../checks';
import { constructId, defineProps, object, pick, readValue } from '../checks/read';
import { OutboundFqdnRule } from '../outbound/fqdn-rule';
import { OutboundPrivateEndpointRule } from '../outbound/private-endpoint-rule';
import { OutboundServiceTagRule } from '../outbound/service-tag-rule';
import { IsolationMode } from './isolation-mode';
import { ManagedNetworkProvisioning } from './managed-network-provisioning';
import { RegisteredRule, WORKSPACE_BASE } from './rule-host';
import type {
  OutboundFqdnRuleOptions,
  OutboundPrivateEndpointRuleOptions,
  OutboundServiceTagRuleOptions,
} from './rule-options';
import { IManagedVnetWorkspace, InboundAccess, IOutboundRule, WorkspaceBlobStore } from './workspace-ref';

const CONSTRUCT_ID = constructId();
export const MANAGED_VNET_WORKSPACE_BASE_ADD_OUTBOUND_PRIVATE_ENDPOINT_RULE_PARAMS = defineProps<{
  id: string;
  options: OutboundPrivateEndpointRuleOptions;
}>('ManagedVnetWorkspaceBase#addOutboundPrivateEndpointRule', {
  id: CONSTRUCT_ID,
  options: object(
    'OutboundPrivateEndpointRuleOptions',
    pick(OUTBOUND_PRIVATE_ENDPOINT_RULE_PROPS, [
      'ruleName',
      'serviceResourceId',
      'subresourceTarget',
      'sparkEnabled',
      'fqdns',
      'grantApproverRole',
    ]),
    { optional: false },
  ),
});
export const MANAGED_VNET_WORKSPACE_BASE_ADD_OUTBOUND_FQDN_RULE_PARAMS = defineProps<{
  id: string;
  options: OutboundFqdnRuleOptions;
}>('ManagedVnetWorkspaceBase#addOutboundFqdnRule', {
  id: CONSTRUCT_ID,
  options: object('OutboundFqdnRuleOptions', pick(OUTBOUND_FQDN_RULE_PROPS, ['ruleName', 'destination']), {
    optional: false,
  }),
});
export const MANAGED_VNET_WORKSPACE_BASE_ADD_OUTBOUND_SERVICE_TAG_RULE_PARAMS = defineProps<{
  id: string;
  options: OutboundServiceTagRuleOptions;
}>('ManagedVnetWorkspaceBase#addOutboundServiceTagRule', {
  id: CONSTRUCT_ID,
  options: object(
    'OutboundServiceTagRuleOptions',
    pick(OUTBOUND_SERVICE_TAG_RULE_PROPS, [
      'ruleName',
      'serviceTag',
      'protocol',
      'portRanges',
      'addressPrefixes',
    ]),
    { optional: false },
  ),
});

/**
 * What created and imported workspaces share: outbound rules and the provisioning they feed. The attributes are
 * abstract here, as aws-cdk's resource bases declare them, and set by the class that knows them (created,
 * imported, or turned managed in place); they are documented once, on `IManagedVnetWorkspace`.
 */
export abstract class ManagedVnetWorkspaceBase extends Construct implements IManagedVnetWorkspace {
  /** {@inheritDoc IManagedVnetWorkspace.workspaceId} */
  public abstract readonly workspaceId: string;
  /** {@inheritDoc IManagedVnetWorkspace.workspaceName} */
  public abstract readonly workspaceName: string;
  /** {@inheritDoc IManagedVnetWorkspace.location} */
  public abstract readonly location: string;
  /**
   * The region as configured when `location` is a reference to a brought resource group (its `locationInput`):
   * what checks that compare regions across stacks read (SE227). @internal
   */
  public _locationAsConfigured?: string;
  /** {@inheritDoc IManagedVnetWorkspace.resourceGroupName} */
  public abstract readonly resourceGroupName: string;
  /** {@inheritDoc IManagedVnetWorkspace.apiVersion} */
  public abstract readonly apiVersion: MlApiVersion;
  /** {@inheritDoc IManagedVnetWorkspace.isolationMode} */
  public abstract readonly isolationMode: IsolationMode;
  /** {@inheritDoc IManagedVnetWorkspace.inboundAccess} */
  public abstract readonly inboundAccess: InboundAccess | undefined;
  /** {@inheritDoc IManagedVnetWorkspace.containerRegistryPrivateOnly} */
  public abstract readonly containerRegistryPrivateOnly: boolean | undefined;
  /** {@inheritDoc IManagedVnetWorkspace.storageAccountId} */
  public abstract readonly storageAccountId: string;
  /** {@inheritDoc IManagedVnetWorkspace.keyVaultId} */
  public abstract readonly keyVaultId: string;
  /** {@inheritDoc IManagedVnetWorkspace.containerRegistryId} */
  public abstract readonly containerRegistryId: string | undefined;
  /** {@inheritDoc IManagedVnetWorkspace.workspaceGuid} */
  public abstract readonly workspaceGuid: string;
  /** {@inheritDoc IManagedVnetWorkspace.workspaceBlobStore} */
  public abstract readonly workspaceBlobStore: WorkspaceBlobStore;
  /** {@inheritDoc IManagedVnetWorkspace.workspacePrincipalId} */
  public abstract readonly workspacePrincipalId: string | undefined;
  /** {@inheritDoc IManagedVnetWorkspace.managedNetworkReady} */
  public abstract readonly managedNetworkReady: ITerraformDependable[];
  /** The `provisionManagedNetwork` action, when this stack provisions the managed network. @internal */
  public abstract readonly _managedNetworkProvisioning: ManagedNetworkProvisioning | undefined;

  /** The outbound rules, by name as ARM compares it (without case: `Data` and `data` are one rule). */
  private readonly rules = new Map<string, IOutboundRule>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
    Object.defineProperty(this, WORKSPACE_BASE, { value: true });
  }

  /** The outbound rules added to this workspace in this stack. */
  public get outboundRules(): IOutboundRule[] {
    return [...this.rules.values()];
  }

  /** Adds a private endpoint from the managed network to an Azure resource. */
  public addOutboundPrivateEndpointRule(
    id: string,
    options: OutboundPrivateEndpointRuleOptions,
  ): OutboundPrivateEndpointRule {
    readValue(CONSTRUCT_ID, id, 'id', this);
    return new OutboundPrivateEndpointRule(this, id, { ...options, workspace: this });
  }

  /**
   * Adds an FQDN rule (AllowOnlyApprovedOutbound only). The same rule name with the same destination returns
   * the existing rule, so constructs that each need `pypi.org` can all ask for it.
   */
  public addOutboundFqdnRule(id: string, options: OutboundFqdnRuleOptions): OutboundFqdnRule {
    readValue(CONSTRUCT_ID, id, 'id', this);
    const existing = this.rules.get(ruleKey(options?.ruleName));
    if (
      existing instanceof OutboundFqdnRule &&
      ruleKey(existing.destination) === ruleKey(options.destination)
    ) {
      return existing;
    }
    return new OutboundFqdnRule(this, id, { ...options, workspace: this });
  }

  /** Adds a service-tag rule (AllowOnlyApprovedOutbound only). */
  public addOutboundServiceTagRule(
    id: string,
    options: OutboundServiceTagRuleOptions,
  ): OutboundServiceTagRule {
    readValue(CONSTRUCT_ID, id, 'id', this);
    return new OutboundServiceTagRule(this, id, { ...options, workspace: this });
  }

  /**
   * Called by every outbound rule of this workspace (through `registerWithWorkspace`; you do not need to): refuses
   * a second rule with the same name (SE111) and makes the managed-network provisioning wait for the rule.
   * @internal
   */
  public _registerOutboundRule(rule: RegisteredRule): void {
    const existing = this.rules.get(ruleKey(rule.ruleName));
    if (existing !== undefined && existing !== rule) {
      problemsOf(rule).report(
        'SE111',
        `outbound rule name '${rule.ruleName}' is used twice on workspace '${this.workspaceName}' ` +
          `(${existing.node.path} as '${existing.ruleName}' and ${rule.node.path}): ARM compares rule names ` +
          `without case, so the second write would replace the first rule; give each rule its own ruleName`,
      );
    }
    this.rules.set(ruleKey(rule.ruleName), rule);
    this._managedNetworkProvisioning?.addRule(rule);
  }
}

/** A rule name (or FQDN) as ARM compares it: without case; a Terraform expression as it is. */
function ruleKey(name: string | undefined): string {
  // Read before the rule's reader refuses a value of another kind: such a value matches no rule.
  if (typeof name !== 'string') return '';
  return isKnown(name) ? name.toLowerCase() : name;
}
