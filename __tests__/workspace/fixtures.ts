import { Construct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';

/** Subscription used by literal ARM ids in tests. */
export const SUB = '00000000-0000-0000-0000-000000000001';
export const OTHER_SUB = '00000000-0000-0000-0000-000000000002';

/** An ARM id in `SUB` (or another subscription). */
export function armId(resourceGroup: string, provider: string, name: string, subscription = SUB): string {
  return `/subscriptions/${subscription}/resourceGroups/${resourceGroup}/providers/${provider}/${name}`;
}

/** The resource group, virtual network and private endpoint subnet most tests use. */
export function network(scope: Construct): { rg: ResourceGroup; vnet: VirtualNetwork; subnet: Subnet } {
  const rg = new ResourceGroup(scope, 'rg', { name: 'rg-ml', location: 'westeurope' });
  const vnet = new VirtualNetwork(scope, 'vnet', {
    name: 'vnet-ml',
    resourceGroupName: rg.name,
    location: rg.location,
    addressSpace: ['10.0.0.0/16'],
  });
  const subnet = new Subnet(scope, 'pe', {
    name: 'snet-pe',
    resourceGroupName: rg.name,
    virtualNetworkName: vnet.name,
    addressPrefixes: ['10.0.1.0/24'],
  });
  return { rg, vnet, subnet };
}

/** A resource group given by literal id (so the cross-subscription check can decide). */
export const LITERAL_RG = {
  id: `/subscriptions/${SUB}/resourceGroups/rg-ml`,
  name: 'rg-ml',
  location: 'westeurope',
};
