import type { OutboundPrivateEndpointRuleOptions } from '../workspace/rule-options';
import { ANY_RESOURCE_TYPE } from '../checks/read';
import { Construct } from 'constructs';
import { dependable, Fn, Token } from 'cdktf';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { IManagedVnetWorkspace } from '../workspace/workspace-ref';
import {
  ARM_TYPES,
  armIdPreconditions,
  isKnown,
  problem,
  Problems,
  readArmId,
  readProps,
  problemsOf,
} from '../checks';
import { ML_NAME_PATTERN } from '../workspace/names';
import { armId, bool, defineProps, list, name, oneOf, provider, text } from '../checks/read';
import { checkManagedNetworkExists, checkPrivateEndpointTarget } from './destination-checks';
import { OutboundRuleBase, OutboundRuleBaseProps, OutboundRuleResourceOptions } from './outbound-rule-base';
import { privateEndpointDestination } from './outbound-rule-destination';
import { OUTBOUND_RULE_BASE_PROPS } from './readers';
import { PrivateEndpointTarget } from './private-endpoint-target';
import { ProviderProps } from '../core/providers';
import { grantRoleOnce } from '../core/role-assignments';

/** The role the workspace identity needs on a private endpoint target to approve the connection. */
export const NETWORK_CONNECTION_APPROVER_ROLE = 'Azure AI Enterprise Network Connection Approver';

/** Props of a private endpoint outbound rule. */
export interface OutboundPrivateEndpointRuleProps
  extends OutboundRuleBaseProps, OutboundPrivateEndpointRuleOptions {}

/** Props of `OutboundPrivateEndpointRule.forRegistry`. */
export interface RegistryOutboundRulesProps extends ProviderProps {
  /** The workspace whose managed network gets the three rules. */
  readonly workspace: IManagedVnetWorkspace;
  /** ARM id of the Azure Machine Learning registry. */
  readonly registryId: string;
  /** ARM id of the registry's storage account. */
  readonly registryStorageAccountId: string;
  /** ARM id of the registry's container registry. */
  readonly registryContainerRegistryId: string;
  /** Prefix of the three rule names (`<prefix>-aml`, `<prefix>-blob`, `<prefix>-acr`). @default 'mlregistry' */
  readonly ruleNamePrefix?: string;
  /** See `OutboundPrivateEndpointRuleOptions.grantApproverRole`. @default true */
  readonly grantApproverRole?: boolean;
}

/** The three rules an Azure ML registry needs. */
export interface RegistryOutboundRules {
  /** The `amlregistry` rule to the Azure ML registry. */
  readonly registry: OutboundPrivateEndpointRule;
  /** The `blob` rule to the registry's storage account. */
  readonly storageAccount: OutboundPrivateEndpointRule;
  /** The `registry` rule to the registry's container registry. */
  readonly containerRegistry: OutboundPrivateEndpointRule;
}

/**
 * The prop a rule's serviceResourceId came from, for rules forRegistry makes: held on the props object it
 * hands the rule (a symbol key no user's props have), not in module state.
 */
const SERVICE_ID_PROP = Symbol('serviceIdProp');
type LabelledProps = OutboundPrivateEndpointRuleProps & { readonly [SERVICE_ID_PROP]?: string };

const GRANT_APPROVER_ROLE = bool({ tokens: 'expression' });

export const OUTBOUND_PRIVATE_ENDPOINT_RULE_PROPS = defineProps<OutboundPrivateEndpointRuleProps>(
  'OutboundPrivateEndpointRuleProps',
  {
    ...OUTBOUND_RULE_BASE_PROPS,
    // Checked for the target's resource type (SE115); a token is passed through.
    serviceResourceId: armId({
      tokens: 'expression',
      optional: false,
      missingCode: 'SE115',
      // Its type follows subresourceTarget, which SE115 checks against it.
      resourceType: ANY_RESOURCE_TYPE,
    }),
    subresourceTarget: oneOf(PrivateEndpointTarget, { optional: false }),
    // Sent in the rule as an expression.
    sparkEnabled: bool({ tokens: 'expression' }),
    fqdns: list(text({ tokens: 'expression', optional: false, what: 'a host name (text)' }), {
      tokens: 'expression',
    }),
    grantApproverRole: GRANT_APPROVER_ROLE,
  },
);

export const REGISTRY_OUTBOUND_RULES_PROPS = defineProps<RegistryOutboundRulesProps>(
  'RegistryOutboundRulesProps',
  {
    workspace: OUTBOUND_RULE_BASE_PROPS.workspace,
    // Each becomes a rule's serviceResourceId, which reports a missing or wrong id (SE115).
    registryId: armId({
      tokens: 'expression',
      optional: false,
      missingCode: 'SE115',
      resourceType: ARM_TYPES.ML_REGISTRY,
    }),
    registryStorageAccountId: armId({
      tokens: 'expression',
      optional: false,
      missingCode: 'SE115',
      resourceType: ARM_TYPES.STORAGE_ACCOUNT,
    }),
    registryContainerRegistryId: armId({
      tokens: 'expression',
      optional: false,
      missingCode: 'SE115',
      resourceType: ARM_TYPES.CONTAINER_REGISTRY,
    }),
    // The rules' names are `<prefix>-aml`, `-blob`, `-acr`, checked as rule names (SE102).
    ruleNamePrefix: name({ tokens: 'expression', optional: true }),
    grantApproverRole: GRANT_APPROVER_ROLE,
    provider: provider(),
  },
);

/**
 * A private endpoint from the managed network to an Azure resource. Works in both isolation modes. Azure adds
 * the rules for the workspace's own storage account, Key Vault and container registry itself.
 *
 * @example
 * workspace.addOutboundPrivateEndpointRule('Data', {
 *   ruleName: 'data-lake',
 *   serviceResourceId: dataLake.id,
 *   subresourceTarget: PrivateEndpointTarget.DFS,
 * });
 */
export class OutboundPrivateEndpointRule extends OutboundRuleBase {
  /**
   * The rules the how-to's optional step needs to use models and environments from an Azure ML registry: private
   * endpoints to the registry, its storage account (blob) and its container registry.
   */
  public static forRegistry(
    scope: Construct,
    id: string,
    props: RegistryOutboundRulesProps,
  ): RegistryOutboundRules {
    const group = new Construct(scope, id);
    props = readProps(group, REGISTRY_OUTBOUND_RULES_PROPS, props);
    const prefix = props.ruleNamePrefix ?? 'mlregistry';
    problemsOf(group).record(checkRuleNamePrefix(prefix));
    const labelled = (serviceIdProp: string, rule: OutboundPrivateEndpointRuleProps) => {
      Object.defineProperty(rule, SERVICE_ID_PROP, { value: serviceIdProp, enumerable: false });
      return rule;
    };
    const common = {
      workspace: props.workspace,
      grantApproverRole: props.grantApproverRole,
      provider: props.provider,
    };
    return {
      registry: new OutboundPrivateEndpointRule(
        group,
        'AmlRegistry',
        labelled('registryId', {
          ...common,
          ruleName: `${prefix}-aml`,
          serviceResourceId: props.registryId,
          subresourceTarget: PrivateEndpointTarget.AML_REGISTRY,
        }),
      ),
      storageAccount: new OutboundPrivateEndpointRule(
        group,
        'StorageAccount',
        labelled('registryStorageAccountId', {
          ...common,
          ruleName: `${prefix}-blob`,
          serviceResourceId: props.registryStorageAccountId,
          subresourceTarget: PrivateEndpointTarget.BLOB,
        }),
      ),
      containerRegistry: new OutboundPrivateEndpointRule(
        group,
        'ContainerRegistry',
        labelled('registryContainerRegistryId', {
          ...common,
          ruleName: `${prefix}-acr`,
          serviceResourceId: props.registryContainerRegistryId,
          subresourceTarget: PrivateEndpointTarget.REGISTRY,
        }),
      ),
    };
  }

  /** The role assignment letting the workspace approve the connection, when created. */
  public readonly approverRoleAssignment?: RoleAssignment;

  /** Reads the rule's props with its schema, before the base class builds from them. @internal */
  protected _readRuleProps(props: OutboundRuleBaseProps): OutboundRuleBaseProps {
    return readProps(this, OUTBOUND_PRIVATE_ENDPOINT_RULE_PROPS, props as OutboundPrivateEndpointRuleProps);
  }

  constructor(scope: Construct, id: string, props: OutboundPrivateEndpointRuleProps) {
    // Rules made by forRegistry name the prop the id came from (registryId...) in their messages.
    const serviceIdProp = (props as LabelledProps | undefined)?.[SERVICE_ID_PROP] ?? 'serviceResourceId';
    super(scope, id, props);
    props = this.readProps as OutboundPrivateEndpointRuleProps;
    problemsOf(this).record(checkManagedNetworkExists(props.ruleName, props.workspace));
    problemsOf(this).record(
      checkPrivateEndpointTarget(
        props.ruleName,
        props.serviceResourceId,
        props.subresourceTarget,
        serviceIdProp,
      ),
    );
    this.checkTargetAtPlan(props);
    this.approverRoleAssignment = this.createApproverRoleAssignment(props);
  }

  protected renderRule(props: OutboundRuleBaseProps): OutboundRuleResourceOptions {
    return renderPrivateEndpointRule(props as OutboundPrivateEndpointRuleProps);
  }

  /** A target from an expression is checked at plan time, before the rule is written (a literal one: SE115). */
  private checkTargetAtPlan(props: OutboundPrivateEndpointRuleProps): void {
    const targetType = props.subresourceTarget.resourceType;
    if (targetType === undefined || !Token.isUnresolved(props.serviceResourceId)) return;
    const expected = Object.values(ARM_TYPES).find((t) => t.type.toLowerCase() === targetType.toLowerCase());
    readArmId(
      this,
      'serviceResourceId',
      props.serviceResourceId,
      expected ?? { type: targetType, label: targetType },
    );
    const preconditions = armIdPreconditions(this);
    if (preconditions.length > 0) {
      this.resource.lifecycle = { ...this.resource.lifecycle, precondition: preconditions };
    }
  }

  /** The approver role for the workspace identity on the target, unless turned off or the principal is unknown. */
  private createApproverRoleAssignment(props: OutboundPrivateEndpointRuleProps): RoleAssignment | undefined {
    const principalId = props.workspace.workspacePrincipalId;
    if (!grantsApproverRole(props) || principalId === undefined) return undefined;
    // Two rules to one target (blob and file of one account) share the grant: Azure refuses a second one.
    const role = grantRoleOnce(this, 'ApproverRole', {
      scope: props.serviceResourceId,
      roleDefinitionName: NETWORK_CONNECTION_APPROVER_ROLE,
      principalId,
      principalType: 'ServicePrincipal',
      description: `Lets workspace ${props.workspace.workspaceName} approve outbound rule ${props.ruleName}`,
      count: tokenCount(props.grantApproverRole),
    });
    // The rule needs the role when Azure approves its private endpoint connection.
    this.resource.dependsOn = [...(this.resource.dependsOn ?? []), dependable(role)];
    return role;
  }
}

/** The rule's destination, and the retry its approval needs while a granted role propagates. */
function renderPrivateEndpointRule(props: OutboundPrivateEndpointRuleProps): OutboundRuleResourceOptions {
  return {
    destination: privateEndpointDestination({
      serviceResourceId: props.serviceResourceId,
      subresourceTarget: props.subresourceTarget,
      sparkEnabled: props.sparkEnabled,
      fqdns: props.fqdns,
    }),
    // A new role assignment takes minutes to propagate: retry the rule while the approval is refused.
    retryOnErrors: grantsApproverRole(props)
      ? ['required permissions to read and approve private endpoint']
      : undefined,
  };
}

/** Whether the rule grants the approver role; a token asks Terraform (`count = cond ? 1 : 0`). */
function grantsApproverRole(props: OutboundPrivateEndpointRuleProps): boolean {
  return (props.grantApproverRole ?? true) !== false && props.workspace.workspacePrincipalId !== undefined;
}

/** `count = cond ? 1 : 0` for a grant given as a Terraform expression; nothing for a literal. */
function tokenCount(grant: boolean | undefined): number | undefined {
  if (grant === undefined || isKnown(grant)) return undefined;
  return Token.asNumber(Fn.conditional(grant, 1, 0));
}

/** SE102: the prefix of the registry's rule names makes names Azure accepts. */
function checkRuleNamePrefix(prefix: string): Problems {
  if (!isKnown(prefix) || ML_NAME_PATTERN.test(`${prefix}-blob`)) return [];
  return [
    problem(
      'SE102',
      `ruleNamePrefix '${prefix}' makes rule names such as '${prefix}-aml' that Azure refuses (3 to 33 ` +
        `letters, digits, '_' and '-', starting with a letter or digit); choose another prefix`,
    ),
  ];
}
