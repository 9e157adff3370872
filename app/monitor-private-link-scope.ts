/**
 * The Azure Monitor private link scope (AMPLS) of the hardened layout: the created Log Analytics workspace and
 * Application Insights join it (`monitoringPrivateLinkScopeId`), and with public ingestion and query off they are
 * reached through its private endpoint only. One scope per network: its DNS zones answer for every Azure
 * Monitor resource the network reaches, so a network that has a scope already (a hub's) uses that one.
 */
import { Construct } from 'constructs';
import { MonitorPrivateLinkScope } from '@cdktf/provider-azurerm/lib/monitor-private-link-scope';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import type { HowToNetwork } from './how-to';
import { addLinkedPrivateDnsZone } from './private-dns';

/**
 * The zones an `azuremonitor` private endpoint registers in Azure's public cloud (Microsoft Learn, "Configure
 * your private link", private DNS zones of Azure Monitor), besides the blob zone, which it shares with the
 * storage account's private endpoint: construct id, zone name, suffix of the network link's name.
 */
const MONITOR_PRIVATE_DNS_ZONES: ReadonlyArray<readonly [id: string, zone: string, link: string]> = [
  ['MonitorZone', 'privatelink.monitor.azure.com', 'monitor-link'],
  ['MonitorOmsZone', 'privatelink.oms.opinsights.azure.com', 'oms-link'],
  ['MonitorOdsZone', 'privatelink.ods.opinsights.azure.com', 'ods-link'],
  ['MonitorAgentZone', 'privatelink.agentsvc.azure-automation.net', 'agentsvc-link'],
];

/**
 * The scope in private-only mode (ingestion and query from the network go to scoped resources only), its
 * `azuremonitor` private endpoint in the how-to's subnet and its DNS zones. `blobZoneId` is the network's
 * `privatelink.blob.core.windows.net` zone, `subscriptionId` the subscription the stack deploys to. Returns the
 * scope's ARM id.
 */
export function addMonitorPrivateLinkScope(
  scope: Construct,
  workspaceName: string,
  network: HowToNetwork,
  blobZoneId: string,
  subscriptionId: string,
): string {
  const { resourceGroup, subnet } = network;
  const ampls = new MonitorPrivateLinkScope(scope, 'MonitorPrivateLinkScope', {
    name: `${workspaceName}-ampls`,
    resourceGroupName: resourceGroup.name,
    // The network sends telemetry to, and queries, only the resources scoped here: no exfiltration path through
    // another tenant's workspace.
    ingestionAccessMode: 'PrivateOnly',
    queryAccessMode: 'PrivateOnly',
  });
  const zoneIds = MONITOR_PRIVATE_DNS_ZONES.map(([id, zone, link]) =>
    addLinkedPrivateDnsZone(scope, id, zone, network, `${workspaceName}-${link}`),
  );
  new PrivateEndpoint(scope, 'MonitorPrivateEndpoint', {
    name: `${workspaceName}-ampls-pe`,
    resourceGroupName: resourceGroup.name,
    location: resourceGroup.location,
    subnetId: subnet.id,
    privateServiceConnection: {
      name: `${workspaceName}-ampls-pe`,
      privateConnectionResourceId: ampls.id,
      subresourceNames: ['azuremonitor'],
      isManualConnection: false,
    },
    privateDnsZoneGroup: { name: 'default', privateDnsZoneIds: [...zoneIds, blobZoneId] },
  });
  // The scope's id built from its parts (the string `ampls.id` reads back): known at plan time, so the
  // workspace's check of the id (SE002) runs in the first plan rather than after the scope exists, and the
  // references to the names order the scoped services after the scope.
  return (
    `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup.name}` +
    `/providers/Microsoft.Insights/privateLinkScopes/${ampls.name}`
  );
}
