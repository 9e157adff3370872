import { ARM_TYPES, armIdLifecycle, canonicalArmId, checkLiteralArmId } from '../checks/arm-id';
import { checkInboundDnsZones, checkPrivateEndpointRegion } from './inbound-endpoint-checks';
import { Construct, IConstruct } from 'constructs';
import { Token } from 'cdktf';
import { ProviderProps, useProviders } from '../core/providers';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { IResourceGroup, ISubnet, IVirtualNetwork } from '../core';
import {
  appConstructs,
  comparisonKey,
  ConfigurationError,
  readProps,
  topLevelIdOf,
  problemsOf,
} from '../checks';
import {
  armId,
  bool,
  catalogText,
  defineProps,
  list,
  name,
  object,
  provider,
  tags,
  text,
} from '../checks/read';
import { regionReader } from '../core/readers';
import { AzureRegion } from '../core/region';
import { RESOURCE_GROUP_READER, subnetReader, virtualNetworkReader } from '../core/readers';

/** The private DNS zones an `amlworkspace` private endpoint registers its records in. */
export const WORKSPACE_PRIVATE_DNS_ZONES: readonly string[] = [
  'privatelink.api.azureml.ms',
  'privatelink.notebooks.azure.net',
];

/** Inbound access to the workspace through a private endpoint in your virtual network. */
export interface InboundPrivateEndpointOptions {
  /** The subnet the private endpoint's network interface goes into. */
  readonly subnet: ISubnet;
  /**
   * Existing private DNS zones (`privatelink.api.azureml.ms` and `privatelink.notebooks.azure.net`), for
   * hub-and-spoke networks whose DNS zones live in the hub. When given, no zone and no link is created.
   * @default the two zones are created in the workspace's resource group and linked to the subnet's network
   */
  readonly privateDnsZoneIds?: string[];
  /**
   * The subnet's virtual network, which the created zones are linked to.
   * @default derived from the subnet id
   */
  readonly virtualNetwork?: IVirtualNetwork;
  /**
   * Region of the private endpoint: the virtual network's. A region of the public cloud as text (SE401), an
   * `AzureRegion` (`AzureRegion.of(name)` unchecked), or a Terraform expression.
   * @default the workspace's location
   */
  readonly location?: string | AzureRegion;
  /** Name of the private endpoint. @default `<workspace name>-pe` */
  readonly privateEndpointName?: string;
  /**
   * Leaves the private endpoint's DNS zone group to a DeployIfNotExists Azure Policy (landing zones with central
   * private DNS zones, such as the built-in "Configure Azure Machine Learning workspace to use private DNS
   * zones"): no zone group, no zone and no link is created here, and Terraform ignores the zone group the policy
   * adds. Until the policy has run, the workspace's and the endpoints' names do not resolve to the private
   * endpoint. Not with `privateDnsZoneIds` (SE143).
   * @default false: the zone group is created here
   */
  readonly privateDnsZoneGroupByPolicy?: boolean;
}

export const INBOUND_PRIVATE_ENDPOINT_OPTIONS = defineProps<InboundPrivateEndpointOptions>(
  'InboundPrivateEndpointOptions',
  {
    // Without a subnet the private endpoint is left out and the workspace reports it (SE118).
    subnet: subnetReader(false, 'SE118'),
    privateDnsZoneIds: list(armId({ tokens: 'expression', resourceType: ARM_TYPES.PRIVATE_DNS_ZONE }), {
      tokens: 'expression',
    }),
    virtualNetwork: virtualNetworkReader(true),
    location: regionReader(),
    // Checked against azurerm's rule where it is used (SE121); a token is passed through.
    privateEndpointName: name({ tokens: 'expression', optional: true }),
    privateDnsZoneGroupByPolicy: bool({
      tokens: 'refuse',
      why: 'it decides at synth whether the zone group and the private DNS zones are created',
    }),
  },
);

/** How `inboundPrivateEndpoint` is read. @internal */
export const INBOUND_PRIVATE_ENDPOINT_READER = object(
  'InboundPrivateEndpointOptions',
  INBOUND_PRIVATE_ENDPOINT_OPTIONS,
);

/** Props of `WorkspacePrivateEndpoint` (built by `ManagedVnetWorkspace`). */
export interface WorkspacePrivateEndpointProps extends InboundPrivateEndpointOptions, ProviderProps {
  /** Resource group of the private endpoint and of the created zones. */
  readonly resourceGroup: IResourceGroup;
  /** ARM id of the workspace the endpoint connects to. */
  readonly workspaceId: string;
  /** Workspace name, from which the default names are derived. */
  readonly workspaceName: string;
  /** Region of the workspace, the endpoint's default region. */
  readonly workspaceLocation: string;
  /** Tags of the created resources. @default none */
  readonly tags?: { [key: string]: string };
}

export const WORKSPACE_PRIVATE_ENDPOINT_PROPS = defineProps<WorkspacePrivateEndpointProps>(
  'WorkspacePrivateEndpointProps',
  {
    ...INBOUND_PRIVATE_ENDPOINT_OPTIONS,
    // The workspace read the options already (SE401 once, on the workspace); here only the kind is read.
    location: regionReader({ listChecked: true }),
    resourceGroup: RESOURCE_GROUP_READER,
    workspaceId: armId({ tokens: 'expression', optional: false, resourceType: ARM_TYPES.ML_WORKSPACE }),
    workspaceName: name({ tokens: 'expression' }),
    workspaceLocation: text({ tokens: 'expression', optional: false, what: 'an Azure region (text)' }),
    tags: tags(),
    provider: provider(),
  },
);

/** The workspace's inbound private endpoint, as the workspace exposes it (`inboundPrivateEndpoint`). */
export interface IWorkspacePrivateEndpoint {
  /** The `azurerm_private_endpoint` (sub-resource `amlworkspace`) with its DNS zone group. */
  readonly privateEndpoint: PrivateEndpoint;
  /** The private DNS zones created for it (empty when zone ids were given). */
  readonly privateDnsZones: PrivateDnsZone[];
}

/**
 * The workspace's `amlworkspace` private endpoint, its DNS zone group and (unless zone ids are given) the two
 * private DNS zones linked to the virtual network. The zone group is what writes the
 * `*.<GUID>.inference.<region>` scoring records an online endpoint needs.
 */
export class WorkspacePrivateEndpoint extends Construct implements IWorkspacePrivateEndpoint {
  /** The `azurerm_private_endpoint` (sub-resource `amlworkspace`) with its DNS zone group. */
  public readonly privateEndpoint: PrivateEndpoint;
  /** The zones created here (empty when the user gave zone ids). */
  public readonly privateDnsZones: PrivateDnsZone[] = [];
  /** What the zones' resource group is compared by (SE123). */
  private readonly resourceGroupKey: string | undefined;

  constructor(scope: Construct, id: string, props: WorkspacePrivateEndpointProps) {
    super(scope, id);
    props = readProps(this, WORKSPACE_PRIVATE_ENDPOINT_PROPS, props);
    checkLiteralArmId(this, 'workspaceId', props.workspaceId, ARM_TYPES.ML_WORKSPACE);
    useProviders(this, props.provider);
    this.resourceGroupKey = comparisonKey(this, props.resourceGroup.id);
    const byPolicy = props.privateDnsZoneGroupByPolicy === true;
    let zoneIds = props.privateDnsZoneIds;
    checkInboundDnsZones(this, zoneIds);
    checkPrivateEndpointRegion(
      this,
      catalogText(props.location) ?? props.workspaceLocation,
      props.virtualNetwork?.locationInput,
    );
    if (zoneIds === undefined && !byPolicy) {
      problemsOf(this).addRule(() => this.zonesCreatedTwice(props.resourceGroup.name));
      const vnetId = props.virtualNetwork?.id ?? virtualNetworkIdOf(props.subnet.id);
      zoneIds = WORKSPACE_PRIVATE_DNS_ZONES.map((zoneName, index) => {
        const zoneId = index === 0 ? 'ApiZone' : 'NotebooksZone';
        const zone = new PrivateDnsZone(this, zoneId, {
          name: zoneName,
          resourceGroupName: props.resourceGroup.name,
          tags: props.tags,
        });
        new PrivateDnsZoneVirtualNetworkLink(this, `${zoneId}Link`, {
          name: `${props.workspaceName}-link`,
          resourceGroupName: props.resourceGroup.name,
          privateDnsZoneName: zone.name,
          virtualNetworkId: canonicalArmId(vnetId, ARM_TYPES.VIRTUAL_NETWORK),
          registrationEnabled: false,
          tags: props.tags,
        });
        this.privateDnsZones.push(zone);
        return zone.id;
      });
    }
    const name = props.privateEndpointName ?? `${props.workspaceName}-pe`;
    this.privateEndpoint = new PrivateEndpoint(this, 'Resource', {
      name,
      resourceGroupName: props.resourceGroup.name,
      location: catalogText(props.location) ?? props.workspaceLocation,
      // azurerm parses these ids with case: written as its parsers need (an id as the CLI prints it passes).
      subnetId: canonicalArmId(props.subnet.id, ARM_TYPES.SUBNET),
      tags: props.tags,
      privateServiceConnection: {
        name,
        privateConnectionResourceId: props.workspaceId,
        subresourceNames: ['amlworkspace'],
        isManualConnection: false,
      },
      privateDnsZoneGroup: byPolicy
        ? undefined
        : {
            name: 'default',
            privateDnsZoneIds: Token.isUnresolved(zoneIds)
              ? (zoneIds as string[])
              : (zoneIds ?? []).map((id) => canonicalArmId(id, ARM_TYPES.PRIVATE_DNS_ZONE)),
          },
      // Zone ids from expressions are checked at plan time (SE463), before the endpoint is created. The zone
      // group a policy writes is not drift: without ignoring it, every apply would delete it.
      lifecycle: byPolicy
        ? { ...armIdLifecycle(this), ignoreChanges: ['private_dns_zone_group'] }
        : armIdLifecycle(this),
    });
  }

  /**
   * SE123: a private DNS zone name is unique in its resource group, so a second workspace creating the two zones
   * in the same group fails at apply. The first (in construct-tree order, over every stack of the app) creates
   * them; the others are told to use its zones.
   */
  private zonesCreatedTwice(resourceGroupName: string): ConfigurationError[] {
    const key = this.resourceGroupKey;
    if (key === undefined) return [];
    const first = appConstructs(this, isWorkspacePrivateEndpoint).find(
      (pe) => pe.privateDnsZones.length > 0 && pe.resourceGroupKey === key,
    );
    if (first === undefined || first === this) return [];
    return [
      new ConfigurationError(
        'SE123',
        `the inbound private endpoint creates the private DNS zones ${WORKSPACE_PRIVATE_DNS_ZONES.join(' and ')} ` +
          `in resource group '${resourceGroupName}', which ${first.node.path} creates too: a zone name is unique ` +
          `in its resource group, so the second create fails; give this workspace ` +
          `inboundPrivateEndpoint.privateDnsZoneIds with the ids of the zones the first creates ` +
          `(its inboundPrivateEndpoint.privateDnsZones), and link them to this virtual network if it is another ` +
          `one, or put the workspace in another resource group`,
      ),
    ];
  }
}

function isWorkspacePrivateEndpoint(c: IConstruct): c is WorkspacePrivateEndpoint {
  return c instanceof WorkspacePrivateEndpoint;
}

/** `/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/n` -> the network id. */
export function virtualNetworkIdOf(subnetId: string): string {
  return topLevelIdOf(subnetId);
}
