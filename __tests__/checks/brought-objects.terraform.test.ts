/**
 * Through real `terraform validate` (azurerm and azapi from the offline mirror): ids given as the Azure CLI
 * prints them reach azurerm in the casing its parsers need, and the plan-time checks of brought objects' facts
 * (preconditions) are valid Terraform. Skipped with a notice when Terraform is unavailable.
 */
import { Fn, TerraformStack, TerraformVariable } from 'cdktf';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { EndpointLogs, SecureOnlineEndpoint } from '../../src/endpoint';
import { ManagedVnetWorkspace } from '../../src/workspace';
import { testStack } from '../support/synth';
import { describeTerraformValidation } from '../support/terraform-validate';
import { LITERAL_RG, SUB } from '../workspace/fixtures';

/** Every id azurerm parses, with the fixed segments in lower case, as `az` prints some of them. */
function idsAsTheCliPrints(): TerraformStack {
  const stack = testStack();
  const lower = (path: string) => `/subscriptions/${SUB}/resourcegroups/${path}`;
  const workspace = new ManagedVnetWorkspace(stack, 'Workspace', {
    resourceGroup: LITERAL_RG,
    workspaceName: 'mlw-cli-ids',
    inboundPrivateEndpoint: {
      subnet: { id: lower('rg-net/providers/microsoft.network/virtualnetworks/vnet/subnets/pe') },
    },
  });
  new SecureOnlineEndpoint(stack, 'Endpoint', {
    workspace,
    endpointName: 'endpt-cli-ids',
    logs: EndpointLogs.toLogAnalytics({
      id: lower('rg-logs/providers/microsoft.operationalinsights/workspaces/log-data'),
    }),
  });
  new SecureOnlineEndpoint(stack, 'Archived', {
    workspace,
    endpointName: 'endpt-cli-archive',
    logs: EndpointLogs.toStorageAccount({
      id: lower('rg-logs/providers/microsoft.storage/storageaccounts/starch'),
    }),
  });
  return stack;
}

/** Brought objects whose facts are Terraform variables: each becomes a precondition. */
function factsFromVariables(): TerraformStack {
  const stack = testStack();
  const text = (name: string, value: string) =>
    new TerraformVariable(stack, name, { type: 'string', default: value }).stringValue;
  const zones = new TerraformVariable(stack, 'zone_ids', {
    type: 'list(string)',
    default: ['privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net'].map(
      (z) => `/subscriptions/${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/${z}`,
    ),
  });
  const storage = new StorageAccount(stack, 'Storage', {
    name: 'stmlfacts',
    resourceGroupName: LITERAL_RG.name,
    location: 'westeurope',
    accountTier: text('storage_tier', 'Standard'),
    accountReplicationType: 'LRS',
  });
  const vnet = new VirtualNetwork(stack, 'Network', {
    name: 'vnet-facts',
    resourceGroupName: 'rg-net',
    location: text('network_region', 'westeurope'),
    addressSpace: ['10.0.0.0/16'],
  });
  const workspace = new ManagedVnetWorkspace(stack, 'Workspace', {
    resourceGroup: LITERAL_RG,
    workspaceName: 'mlw-facts',
    storageAccount: storage,
    inboundPrivateEndpoint: {
      subnet: { id: `${vnet.id}/subnets/pe` },
      virtualNetwork: vnet,
      privateDnsZoneIds: [Fn.element(zones.listValue, 0), Fn.element(zones.listValue, 1)] as string[],
    },
  });
  const archive = new StorageAccount(stack, 'Archive', {
    name: 'starchfacts',
    resourceGroupName: LITERAL_RG.name,
    location: text('archive_region', 'westeurope'),
    accountTier: text('archive_tier', 'Standard'),
    accountReplicationType: 'LRS',
  });
  new SecureOnlineEndpoint(stack, 'Endpoint', {
    workspace,
    endpointName: 'endpt-facts',
    logs: EndpointLogs.toStorageAccount(archive),
  });
  return stack;
}

describeTerraformValidation('terraform validate: ids as the CLI prints them, and facts of brought objects', {
  'ids as the Azure CLI prints them': idsAsTheCliPrints,
  'facts from variables, checked at plan time': factsFromVariables,
});
