/**
 * The `split` layout: three stacks a platform team can own separately, deployed in this order.
 *
 * - `network`: resource group, virtual network, private endpoint subnet, the workspace's private DNS zones.
 * - `workspace`: the workspace with its associated resources, inbound private endpoint, every outbound rule the
 *   endpoints need (the image build's package indexes too) and the managed-network provisioning.
 * - `endpoints`: the endpoint, the blue deployment and its traffic.
 *
 * A stack reads the one before it only through that stack's outputs (`terraform_remote_state`), as values:
 * Terraform accepts nothing but addresses of its own configuration in `depends_on`. The workspace stack's
 * `workspace_id` output depends on the provisioning, the image-build compute and the rules, so it is written only
 * once the managed network is ready; the endpoints stack cannot plan before that value exists.
 */
import { App, dependable, TerraformOutput, TerraformRemoteState, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import {
  AzapiProvider,
  InboundAccess,
  IsolationMode,
  ManagedVnetWorkspace,
  PACKAGE_INDEX_RULES,
  WORKSPACE_PRIVATE_DNS_ZONES,
} from '../src';
import type { HowToConfig } from './config';
import { addHowToEndpoint, addHowToNetwork, addHowToOutputs } from './how-to';
import { addBackend, remoteStateOf, RemoteStateSettings } from './state';

/** Stack names of the split layout, in deployment order. */
export const SPLIT_STACKS = ['network', 'workspace', 'endpoints'] as const;

/** A stack of the split layout: its backend and both providers. */
abstract class SplitStack extends TerraformStack {
  constructor(scope: Construct, id: string, state: RemoteStateSettings | undefined) {
    super(scope, id);
    addBackend(this, id, state);
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    new AzapiProvider(this, 'azapi');
  }
}

/** `network`: what the network team owns. */
export class NetworkStack extends SplitStack {
  constructor(scope: Construct, id: string, c: HowToConfig, state: RemoteStateSettings | undefined) {
    super(scope, id, state);
    const { resourceGroup, virtualNetwork, subnet } = addHowToNetwork(this, c);
    const zones = WORKSPACE_PRIVATE_DNS_ZONES.map((zoneName, index) => {
      const zoneId = index === 0 ? 'ApiZone' : 'NotebooksZone';
      const zone = new PrivateDnsZone(this, zoneId, {
        name: zoneName,
        resourceGroupName: resourceGroup.name,
      });
      new PrivateDnsZoneVirtualNetworkLink(this, `${zoneId}Link`, {
        name: `${virtualNetwork.name}-link`,
        resourceGroupName: resourceGroup.name,
        privateDnsZoneName: zone.name,
        virtualNetworkId: virtualNetwork.id,
        registrationEnabled: false,
      });
      return zone;
    });
    new TerraformOutput(this, 'resource_group_id', { value: resourceGroup.id });
    new TerraformOutput(this, 'resource_group_name', { value: resourceGroup.name });
    new TerraformOutput(this, 'location', { value: resourceGroup.location });
    new TerraformOutput(this, 'virtual_network_id', { value: virtualNetwork.id });
    new TerraformOutput(this, 'private_endpoint_subnet_id', { value: subnet.id });
    new TerraformOutput(this, 'private_dns_zone_ids', { value: zones.map((zone) => zone.id) });
  }
}

/** `workspace`: the workspace, its rules and its provisioning. */
export class WorkspaceStack extends SplitStack {
  constructor(scope: Construct, id: string, c: HowToConfig, state: RemoteStateSettings | undefined) {
    super(scope, id, state);
    const network = remoteStateOf(this, 'NetworkState', 'network', state);
    const workspace = new ManagedVnetWorkspace(this, 'Workspace', {
      resourceGroup: {
        id: network.getString('resource_group_id'),
        name: network.getString('resource_group_name'),
        location: network.getString('location'),
      },
      workspaceName: c.workspaceName,
      isolationMode: c.isolationMode,
      inboundPrivateEndpoint: {
        subnet: { id: network.getString('private_endpoint_subnet_id') },
        virtualNetwork: { id: network.getString('virtual_network_id') },
        privateDnsZoneIds: network.getList('private_dns_zone_ids'),
      },
    });
    // The rules the endpoints' image builds need belong to the workspace: the endpoints stack adds none.
    const rules =
      c.isolationMode === IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND
        ? PACKAGE_INDEX_RULES.map((rule) =>
            workspace.addOutboundFqdnRule(rule.id, {
              ruleName: rule.ruleName,
              destination: rule.destination,
            }),
          )
        : [];
    // Written only after the managed network is provisioned (which waits for every rule) and the image-build
    // compute exists: the value the endpoints stack waits for.
    new TerraformOutput(this, 'workspace_id', {
      value: workspace.workspaceId,
      // `dependable` renders bare addresses; an output's own `fqn` would render `${...}`, which Terraform refuses.
      dependsOn: [...workspace.managedNetworkReady, ...rules].map((d) => ({ fqn: dependable(d) })),
    });
    const values: Record<string, string> = {
      workspace_name: workspace.workspaceName,
      resource_group_name: workspace.resourceGroupName,
      location: workspace.location,
      workspace_guid: workspace.workspaceGuid,
      storage_account_id: workspace.storageAccountId,
      storage_account_name: workspace.workspaceBlobStore.storageAccountName,
      storage_blob_endpoint: workspace.workspaceBlobStore.blobEndpoint,
      key_vault_id: workspace.keyVaultId,
      container_registry_id: workspace.containerRegistryId,
      workspace_principal_id: workspace.workspacePrincipalId ?? '',
      // Where the endpoints stack's endpoint sends its logs by default.
      log_analytics_workspace_id: workspace.logAnalyticsWorkspaceId ?? '',
    };
    for (const [name, value] of Object.entries(values)) new TerraformOutput(this, name, { value });
  }
}

/** `endpoints`: the endpoint, its deployment and traffic, in the workspace the workspace stack made. */
export class EndpointsStack extends SplitStack {
  constructor(scope: Construct, id: string, c: HowToConfig, state: RemoteStateSettings | undefined) {
    super(scope, id, state);
    const ws: TerraformRemoteState = remoteStateOf(this, 'WorkspaceState', 'workspace', state);
    const workspace = ManagedVnetWorkspace.fromWorkspaceAttributes(this, 'Workspace', {
      workspaceId: ws.getString('workspace_id'),
      workspaceName: ws.getString('workspace_name'),
      resourceGroupName: ws.getString('resource_group_name'),
      location: ws.getString('location'),
      isolationMode: c.isolationMode,
      inboundAccess: InboundAccess.PRIVATE_ENDPOINT,
      workspaceGuid: ws.getString('workspace_guid'),
      storageAccountId: ws.getString('storage_account_id'),
      storageAccountName: ws.getString('storage_account_name'),
      storageBlobEndpoint: ws.getString('storage_blob_endpoint'),
      keyVaultId: ws.getString('key_vault_id'),
      containerRegistryId: ws.getString('container_registry_id'),
      containerRegistryPrivateOnly: c.isolationMode.isManaged,
      workspacePrincipalId: ws.getString('workspace_principal_id'),
      logAnalyticsWorkspaceId: ws.getString('log_analytics_workspace_id'),
      // Provisioned by the workspace stack before it wrote `workspace_id`.
      provisionManagedNetwork: false,
    });
    const { endpoint, blue } = addHowToEndpoint(this, workspace, {
      endpointName: c.endpointName,
      publicNetworkAccess: c.endpointPublicAccess,
      addImageBuildOutboundRules: false,
    });
    addHowToOutputs(this, c, endpoint, blue);
  }
}

/** Adds the three stacks; `cdktf deploy` runs them in order. */
export function addSplitStacks(app: App, c: HowToConfig, state: RemoteStateSettings | undefined): void {
  const network = new NetworkStack(app, 'network', c, state);
  const workspace = new WorkspaceStack(app, 'workspace', c, state);
  const endpoints = new EndpointsStack(app, 'endpoints', c, state);
  workspace.addDependency(network);
  endpoints.addDependency(workspace);
}
