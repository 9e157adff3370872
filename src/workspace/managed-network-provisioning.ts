import { ARM_TYPES, checkLiteralArmId } from '../checks/arm-id';
import { Construct } from 'constructs';
import { ProviderProps, useProviders } from '../core/providers';
import { dependable, ITerraformDependable } from 'cdktf';
import { AzapiResourceAction } from '../azapi';
import { ManagedNetworkProvisionOptions, MlApiVersion } from '../arm';
import { readProps } from '../checks';
import { armId, bool, defineProps, dependables, oneOf, provider } from '../checks/read';

/** Props of `ManagedNetworkProvisioning`. */
export interface ManagedNetworkProvisioningProps extends ProviderProps {
  /** ARM id of the workspace whose managed network is provisioned. */
  readonly workspaceId: string;
  /** The api-version of the action. */
  readonly apiVersion: MlApiVersion;
  /** Also provision the network for Spark jobs. @default false */
  readonly includeSpark?: boolean;
  /** What must exist before provisioning: the workspace, its inbound private endpoint. */
  readonly dependsOn: ITerraformDependable[];
}

export const MANAGED_NETWORK_PROVISIONING_PROPS = defineProps<ManagedNetworkProvisioningProps>(
  'ManagedNetworkProvisioningProps',
  {
    workspaceId: armId({ tokens: 'expression', optional: false, resourceType: ARM_TYPES.ML_WORKSPACE }),
    apiVersion: oneOf(MlApiVersion, { optional: false }),
    // Sent in the request body as an expression.
    includeSpark: bool({ tokens: 'expression' }),
    dependsOn: dependables(),
    provider: provider(),
  },
);

/**
 * The `provisionManagedNetwork` POST action. Without it Azure provisions the managed network lazily when the
 * first compute or endpoint is created, and online deployments cannot be created before it is provisioned.
 * It runs after the workspace, its inbound private endpoint (Azure may not create the workspace's private
 * endpoints when provisioning runs first) and every outbound rule of the workspace, also the rules added
 * after the workspace was constructed.
 */
export class ManagedNetworkProvisioning extends Construct {
  /** The `azapi_resource_action` that calls `provisionManagedNetwork`. */
  public readonly resource: AzapiResourceAction;
  private readonly rules = new Set<ITerraformDependable>();
  private readonly retryPatterns = new Set<string>();

  constructor(scope: Construct, id: string, props: ManagedNetworkProvisioningProps) {
    super(scope, id);
    props = readProps(this, MANAGED_NETWORK_PROVISIONING_PROPS, props);
    checkLiteralArmId(this, 'workspaceId', props.workspaceId, ARM_TYPES.ML_WORKSPACE);
    useProviders(this, props.provider);
    const body: ManagedNetworkProvisionOptions = { includeSpark: props.includeSpark ?? false };
    this.resource = new AzapiResourceAction(this, 'Resource', {
      type: props.apiVersion.resourceType('workspaces'),
      resourceId: props.workspaceId,
      action: 'provisionManagedNetwork',
      method: 'POST',
      body,
      // Same lock as the outbound rules: provisioning never overlaps a rule write.
      locks: [props.workspaceId],
      responseExportValues: { status: 'status', sparkReady: 'sparkReady' },
      dependsOn: props.dependsOn,
      timeouts: { create: '60m' },
      // It runs again only when its request changes (includeSpark). The same POST under another api-version
      // provisions nothing new, so an api-version switch must not re-run it; the retry patterns matter only for
      // the first provisioning (a private endpoint rule added later is approved by Azure on its own), so a rule
      // added or removed must not show the action as changed either.
      lifecycle: { ignoreChanges: ['type', 'retry'] },
    });
  }

  /** Makes provisioning wait for a rule (or anything else that changes the managed network). @internal */
  public addRule(rule: ITerraformDependable & { readonly approvalRetryPatterns?: string[] }): void {
    // `dependsOn` holds dependable tokens (what the constructor's `dependsOn` produces), not plain addresses.
    if (!this.rules.has(rule)) {
      this.rules.add(rule);
      this.resource.dependsOn = [...(this.resource.dependsOn ?? []), dependable(rule)];
      // Creating a private endpoint rule on a network that is not provisioned yet only records it: Azure
      // approves the connection while provisioning, right after the approver role was granted, so provisioning
      // retries while the role propagates (hashicorp/terraform-provider-azurerm#31165).
      for (const pattern of rule.approvalRetryPatterns ?? []) this.retryPatterns.add(pattern);
      if (this.retryPatterns.size > 0) {
        this.resource.putRetry({ errorMessageRegex: [...this.retryPatterns] });
      }
    }
  }
}
