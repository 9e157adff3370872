/**
 * One snapshot per documented workspace configuration (docs/workspace.md). Every azapi body in them is checked
 * against the azapi provider's embedded types for its api-version.
 */
import { TerraformStack } from 'cdktf';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { MlApiVersion } from '../../src/arm';
import { OutboundPrivateEndpointRule, ServiceTagProtocol } from '../../src/outbound';
import { FirewallSku, InboundAccess, IsolationMode, ManagedVnetWorkspace } from '../../src/workspace';
import { expectConformingBodies } from '../support/conformance';
import { synthJson, synthString, testStack } from '../support/synth';
import { armId, network, SUB } from './fixtures';

function expectSnapshotAndConformance(stack: TerraformStack): void {
  expect(synthString(stack)).toMatchSnapshot();
  expectConformingBodies(synthJson(stack));
}

describe('documented workspace configurations', () => {
  test('approved outbound (the how-to default)', () => {
    const stack = testStack();
    const { rg, vnet, subnet } = network(stack);
    new ManagedVnetWorkspace(stack, 'Workspace', {
      resourceGroup: rg,
      workspaceName: 'mlw-secure',
      inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
    });
    expectSnapshotAndConformance(stack);
  });

  test('internet outbound', () => {
    const stack = testStack();
    const { rg, vnet, subnet } = network(stack);
    new ManagedVnetWorkspace(stack, 'Workspace', {
      resourceGroup: rg,
      workspaceName: 'mlw-internet',
      isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND,
      inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
    });
    expectSnapshotAndConformance(stack);
  });

  test('brought associated resources in another resource group', () => {
    const stack = testStack();
    const { rg, vnet, subnet } = network(stack);
    const shared = new ResourceGroup(stack, 'shared', { name: 'rg-shared', location: 'westeurope' });
    const common = { resourceGroupName: shared.name, location: shared.location };
    const storage = new StorageAccount(stack, 'storage', {
      ...common,
      name: 'stsharedml',
      accountTier: 'Standard',
      accountReplicationType: 'ZRS',
      allowNestedItemsToBePublic: false,
      minTlsVersion: 'TLS1_2',
    });
    const vault = new KeyVault(stack, 'vault', {
      ...common,
      name: 'kv-shared-ml',
      tenantId: '00000000-0000-0000-0000-00000000000a',
      skuName: 'standard',
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny' },
    });
    const registry = new ContainerRegistry(stack, 'registry', {
      ...common,
      name: 'crsharedml',
      sku: 'Premium',
      adminEnabled: false,
      publicNetworkAccessEnabled: false,
    });
    const insights = new ApplicationInsights(stack, 'insights', {
      ...common,
      name: 'appi-shared-ml',
      applicationType: 'web',
    });
    new ManagedVnetWorkspace(stack, 'Workspace', {
      resourceGroup: rg,
      workspaceName: 'mlw-byo',
      inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
      storageAccount: storage,
      keyVault: vault,
      containerRegistry: registry,
      applicationInsights: insights,
    });
    expectSnapshotAndConformance(stack);
  });

  test('registry outbound rules', () => {
    const stack = testStack();
    const { rg, vnet, subnet } = network(stack);
    const workspace = new ManagedVnetWorkspace(stack, 'Workspace', {
      resourceGroup: rg,
      workspaceName: 'mlw-registry',
      inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
    });
    OutboundPrivateEndpointRule.forRegistry(stack, 'SharedRegistry', {
      workspace,
      registryId: armId('rg-registry', 'Microsoft.MachineLearningServices/registries', 'mlr-shared'),
      registryStorageAccountId: armId('rg-registry', 'Microsoft.Storage/storageAccounts', 'stmlrshared'),
      registryContainerRegistryId: armId(
        'rg-registry',
        'Microsoft.ContainerRegistry/registries',
        'crmlrshared',
      ),
    });
    expectSnapshotAndConformance(stack);
  });

  test('FQDN and service-tag rules', () => {
    const stack = testStack();
    const { rg, vnet, subnet } = network(stack);
    const workspace = new ManagedVnetWorkspace(stack, 'Workspace', {
      resourceGroup: rg,
      workspaceName: 'mlw-rules',
      firewallSku: FirewallSku.BASIC,
      inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
    });
    workspace.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
    workspace.addOutboundFqdnRule('PythonHosted', {
      ruleName: 'pythonhosted',
      destination: '*.pythonhosted.org',
    });
    workspace.addOutboundFqdnRule('Anaconda', { ruleName: 'anaconda', destination: '*.anaconda.org' });
    workspace.addOutboundServiceTagRule('DataFactory', {
      ruleName: 'datafactory',
      serviceTag: 'DataFactory',
      protocol: ServiceTagProtocol.TCP,
      portRanges: '443',
    });
    expectSnapshotAndConformance(stack);
  });

  test('bring-your-own DNS zones (hub and spoke)', () => {
    const stack = testStack();
    const { rg, subnet } = network(stack);
    new ManagedVnetWorkspace(stack, 'Workspace', {
      resourceGroup: rg,
      workspaceName: 'mlw-hubdns',
      inboundPrivateEndpoint: {
        subnet,
        privateDnsZoneIds: [
          armId('rg-hub-dns', 'Microsoft.Network/privateDnsZones', 'privatelink.api.azureml.ms'),
          armId('rg-hub-dns', 'Microsoft.Network/privateDnsZones', 'privatelink.notebooks.azure.net'),
        ],
      },
    });
    expectSnapshotAndConformance(stack);
  });

  test('stable api-version', () => {
    const stack = testStack();
    const { rg, vnet, subnet } = network(stack);
    const workspace = new ManagedVnetWorkspace(stack, 'Workspace', {
      resourceGroup: rg,
      workspaceName: 'mlw-stable',
      apiVersion: MlApiVersion.V2026_05_01,
      inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
    });
    workspace.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
    expectSnapshotAndConformance(stack);
  });

  test('existing workspace imported', () => {
    const stack = testStack();
    const workspace = ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Existing', {
      workspaceName: 'mlw-existing',
      resourceGroupName: 'rg-ml',
      subscriptionId: SUB,
      location: 'westeurope',
      isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
      inboundAccess: InboundAccess.ARRANGED_ELSEWHERE,
    });
    workspace.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
    expectSnapshotAndConformance(stack);
  });
});
