import { problemsOf } from '../checks';
import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { AzapiResource, AzapiRetry } from '../azapi';
import { OutboundRule, OutboundRuleResourceBody } from '../arm';
import { IManagedVnetWorkspace, IOutboundRule } from '../workspace/workspace-ref';
import { checkRuleName } from '../workspace/names';
import { registerWithWorkspace } from '../workspace/rule-host';
import { ProviderProps, useProviders } from '../core/providers';

/** Props every outbound rule takes. */
export interface OutboundRuleBaseProps extends ProviderProps {
  /** The workspace whose managed network gets the rule. */
  readonly workspace: IManagedVnetWorkspace;
  /** Rule name: 3 to 33 characters, letters, digits, `_` and `-`, starting with a letter or digit. */
  readonly ruleName: string;
}

/** What a concrete rule hands to the base class. */
export interface OutboundRuleResourceOptions {
  /** The rule as ARM expects it in the body. */
  readonly rule: OutboundRule;
  /** What the rule must wait for. @default nothing */
  readonly dependsOn?: ITerraformDependable[];
  /** Errors to retry on while a granted role propagates. @default no retry */
  readonly retry?: AzapiRetry;
}

/**
 * A `workspaces/outboundRules` child resource.
 *
 * Serialization: Azure ML loses rules when two writes to one workspace's rules run at the same time
 * (Azure/terraform-provider-azapi#453: parallel creates delete each other). Every rule therefore holds the
 * azapi lock named after the workspace id. azapi locks are in-process mutexes held through the create, update
 * or delete request and the whole long-running-operation wait, so within one `terraform apply` the writes run
 * one after another, whatever the order Terraform picks, and deleting one rule never needs the others (unlike
 * a `depends_on` chain, where removing a rule in the middle rewires its neighbours). The provisioning action
 * takes the same lock.
 *
 * The workspace never references its rules, so adding or deleting a rule never updates or replaces the
 * workspace; instead each rule registers with the workspace, which makes the managed-network provisioning
 * depend on it.
 */
export abstract class OutboundRuleBase extends Construct implements IOutboundRule {
  /** The rule name. */
  public readonly ruleName: string;
  /** The workspace the rule belongs to. */
  public readonly workspace: IManagedVnetWorkspace;
  /** The azapi resource. */
  public readonly resource: AzapiResource;
  /** The props as read (a refused optional prop reads as unset). @internal */
  protected readonly readProps: OutboundRuleBaseProps;
  /** Error patterns retried while the approver role propagates, when the rule grants one. @internal */
  public readonly approvalRetryPatterns?: string[];

  /**
   * Reads the props before anything is built from them. A concrete rule reads its own props with its schema;
   * the base class takes them as given.
   * @internal
   */
  protected _readRuleProps(props: OutboundRuleBaseProps): OutboundRuleBaseProps {
    return props;
  }

  /**
   * @param options the rule, or a function that builds it from the props once they are read (by
   *   `_readRuleProps`, which a concrete rule overrides to read its own props)
   */
  protected constructor(
    scope: Construct,
    id: string,
    props: OutboundRuleBaseProps,
    options: OutboundRuleResourceOptions | ((props: OutboundRuleBaseProps) => OutboundRuleResourceOptions),
  ) {
    super(scope, id);
    props = this._readRuleProps(props);
    if (typeof options === 'function') options = options(props);
    this.readProps = props;
    useProviders(this, props.provider);
    problemsOf(this).record(checkRuleName(props.ruleName));
    this.ruleName = props.ruleName;
    this.workspace = props.workspace;
    this.approvalRetryPatterns = options.retry?.errorMessageRegex;
    const body: OutboundRuleResourceBody = { properties: options.rule };
    this.resource = new AzapiResource(this, 'Resource', {
      type: props.workspace.apiVersion.resourceType('workspaces/outboundRules'),
      name: props.ruleName,
      parentId: props.workspace.workspaceId,
      body,
      locks: [props.workspace.workspaceId],
      dependsOn: options.dependsOn,
      retry: options.retry,
    });
    registerWithWorkspace(props.workspace, this);
  }

  /** ARM id of the rule. */
  public get outboundRuleId(): string {
    return this.resource.id;
  }

  /** The Terraform address, so the rule can be used in `dependsOn`. */
  public get fqn(): string {
    return this.resource.fqn;
  }
}
