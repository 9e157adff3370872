import { ARM_TYPES, checkLiteralArmId } from '../checks/arm-id';
import { Construct } from 'constructs';
import { MlApiVersion, WorkspaceManagedNetworkUpdateBody } from '../arm';
import { AzapiUpdateResource } from '../azapi';
import { readProps } from '../checks';
import { armId, defineProps, oneOf } from '../checks/read';
import { FirewallSku } from './firewall-sku';
import { IsolationMode } from './isolation-mode';

/** Props of `ManagedNetworkUpdate`. */
export interface ManagedNetworkUpdateProps {
  /** ARM id of the existing workspace. */
  readonly workspaceId: string;
  readonly apiVersion: MlApiVersion;
  /** The isolation mode to turn on (never Disabled). */
  readonly isolationMode: IsolationMode;
  /** Firewall SKU for FQDN rules (AllowOnlyApprovedOutbound only). @default FirewallSku.STANDARD */
  readonly firewallSku?: FirewallSku;
}

export const MANAGED_NETWORK_UPDATE_PROPS = defineProps<ManagedNetworkUpdateProps>(
  'ManagedNetworkUpdateProps',
  {
    workspaceId: armId({ tokens: 'expression', optional: false, resourceType: ARM_TYPES.ML_WORKSPACE }),
    apiVersion: oneOf(MlApiVersion, { optional: false }),
    isolationMode: oneOf(IsolationMode, { optional: false }),
    firewallSku: oneOf(FirewallSku),
  },
);

/**
 * Turns on the managed virtual network of an existing workspace in place: an `azapi_update_resource` (construct
 * id `Resource`) that reads the workspace, sets `properties.managedNetwork` and writes it back. The workspace is
 * updated, never replaced; destroying the stack leaves it (and its network) as it is, because Azure cannot go
 * back to Disabled.
 */
export class ManagedNetworkUpdate extends Construct {
  public readonly resource: AzapiUpdateResource;

  constructor(scope: Construct, id: string, props: ManagedNetworkUpdateProps) {
    super(scope, id);
    props = readProps(this, MANAGED_NETWORK_UPDATE_PROPS, props);
    checkLiteralArmId(this, 'workspaceId', props.workspaceId, ARM_TYPES.ML_WORKSPACE);
    const approvedOnly = props.isolationMode === IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND;
    const body: WorkspaceManagedNetworkUpdateBody = {
      properties: {
        managedNetwork: {
          isolationMode: props.isolationMode._armValue,
          firewallSku: approvedOnly ? (props.firewallSku ?? FirewallSku.STANDARD)._armValue : undefined,
        },
      },
    };
    this.resource = new AzapiUpdateResource(this, 'Resource', {
      type: props.apiVersion.resourceType('workspaces'),
      resourceId: props.workspaceId,
      body,
      // Same lock as outbound rules and provisioning: no write to the workspace overlaps this one.
      locks: [props.workspaceId],
      timeouts: { create: '60m', update: '60m' },
    });
  }

  /** The workspace id, as a reference to the update: whatever uses it is created after the change. */
  public get id(): string {
    return this.resource.id;
  }

  public get fqn(): string {
    return this.resource.fqn;
  }
}
