import { problemsOf } from '../checks';
import { carriedProblems } from '../checks/carried';
import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource } from 'cdktf';
import { AzapiResource } from '../azapi';
import { OutboundRuleResourceBody } from '../arm';
import { OutboundRuleDestination } from './outbound-rule-destination';
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

/** What a concrete rule hands to the base class (`renderRule`). */
export interface OutboundRuleResourceOptions {
  /** Where the rule lets the managed network go. */
  readonly destination: OutboundRuleDestination;
  /** What the rule must wait for. @default - nothing */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Regular expressions of errors the write is retried on, while a role granted for the rule propagates.
   * @default - no retry
   */
  readonly retryOnErrors?: string[];
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
  /** The rule's `azapi_resource` (construct id `Resource`), for overrides (`addOverride`). */
  public readonly resource: TerraformResource;
  /** The props as read (a refused optional prop reads as unset). @internal */
  protected readonly readProps: OutboundRuleBaseProps;
  /** Error patterns retried while the approver role propagates, when the rule grants one. @internal */
  public readonly approvalRetryPatterns?: string[];
  private readonly azapiResource: AzapiResource;

  /**
   * Reads the props before anything is built from them. A concrete rule reads its own props with its schema;
   * the base class takes them as given.
   * @internal
   */
  protected _readRuleProps(props: OutboundRuleBaseProps): OutboundRuleBaseProps {
    return props;
  }

  /**
   * Reads the props (`_readRuleProps`, which a concrete rule overrides to read its own with its schema), then
   * asks the concrete rule for its destination (`renderRule`) and writes the rule.
   */
  protected constructor(scope: Construct, id: string, props: OutboundRuleBaseProps) {
    super(scope, id);
    props = this._readRuleProps(props);
    // Called before the concrete class's constructor body runs: renderRule reads only the props it is given.
    const options = this.renderRule(props);
    this.readProps = props;
    useProviders(this, props.provider);
    problemsOf(this).record(checkRuleName(props.ruleName));
    this.ruleName = props.ruleName;
    this.workspace = props.workspace;
    this.approvalRetryPatterns = options.retryOnErrors;
    // A destination from a factory carries what was wrong with its parameters: reported here, with this path.
    const carried = carriedProblems(options.destination);
    if (carried !== undefined) problemsOf(this).record(carried.problems);
    const body: OutboundRuleResourceBody = { properties: options.destination._render() };
    this.azapiResource = new AzapiResource(this, 'Resource', {
      type: props.workspace.apiVersion.resourceType('workspaces/outboundRules'),
      name: props.ruleName,
      parentId: props.workspace.workspaceId,
      body,
      locks: [props.workspace.workspaceId],
      dependsOn: options.dependsOn,
      retry: options.retryOnErrors === undefined ? undefined : { errorMessageRegex: options.retryOnErrors },
    });
    this.resource = this.azapiResource;
    registerWithWorkspace(props.workspace, this);
  }

  /**
   * The rule's destination, and what its write needs, from the props as read. Called by the base constructor,
   * before the concrete class's own fields are set: use only `props`.
   */
  protected abstract renderRule(props: OutboundRuleBaseProps): OutboundRuleResourceOptions;

  /** ARM id of the rule. */
  public get outboundRuleId(): string {
    return this.azapiResource.id;
  }

  /** The Terraform address, so the rule can be used in `dependsOn`. */
  public get fqn(): string {
    return this.resource.fqn;
  }
}
