/**
 * Private DNS zones of the hardened layout, each linked to the how-to's network so that the runner and the
 * clients in it resolve the private endpoints' addresses.
 */
import { Construct } from 'constructs';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import type { HowToNetwork } from './how-to';

/**
 * A private DNS zone in the network's resource group (construct id `id`) linked to its network (`<id>Link`, the
 * link named `linkName`). Returns the zone's id.
 */
export function addLinkedPrivateDnsZone(
  scope: Construct,
  id: string,
  zoneName: string,
  network: HowToNetwork,
  linkName: string,
): string {
  const zone = new PrivateDnsZone(scope, id, {
    name: zoneName,
    resourceGroupName: network.resourceGroup.name,
  });
  new PrivateDnsZoneVirtualNetworkLink(scope, `${id}Link`, {
    name: linkName,
    resourceGroupName: network.resourceGroup.name,
    privateDnsZoneName: zone.name,
    virtualNetworkId: network.virtualNetwork.id,
    registrationEnabled: false,
  });
  return zone.id;
}
