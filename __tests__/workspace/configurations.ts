/**
 * The documented workspace configurations (docs/workspace.md): snapshot-tested by configurations.test.ts, applied
 * by `npm run test:apply`.
 */
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MlApiVersion } from '../../src/arm';
import { AzapiResource } from '../../src/azapi';
import { OutboundPrivateEndpointRule, ServiceTagProtocol } from '../../src/outbound';
import { FirewallSku, InboundAccess, IsolationMode, ManagedVnetWorkspace } from '../../src/workspace';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { SavedQueriesStorage, StorageNetworkAccess, WorkspaceIdentity } from '../../src';
import { DocumentedConfiguration } from '../support/documented';
import { armId, network, SUB } from './fixtures';

export const WORKSPACE_CONFIGURATIONS: readonly DocumentedConfiguration[] = [
  {
    title: 'approved outbound (the how-to default)',
    stackName: 'workspace-approved-outbound',
    build: (stack) => {
      const { rg, vnet, subnet } = network(stack);
      new ManagedVnetWorkspace(stack, 'Workspace', {
        resourceGroup: rg,
        workspaceName: 'mlw-secure',
        inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
      });
    },
  },
  {
    title: 'internet outbound',
    stackName: 'workspace-internet-outbound',
    build: (stack) => {
      const { rg, vnet, subnet } = network(stack);
      new ManagedVnetWorkspace(stack, 'Workspace', {
        resourceGroup: rg,
        workspaceName: 'mlw-internet',
        isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND,
        inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
      });
    },
  },
  {
    title: 'brought associated resources in another resource group',
    stackName: 'workspace-brought-resources',
    build: (stack) => {
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
      // Workspace-based, as Azure creates every Application Insights now (classic ones are retired): the
      // workspace's and its Key Vault's logs go to this Log Analytics workspace by default.
      const logs = new LogAnalyticsWorkspace(stack, 'logs', {
        ...common,
        name: 'log-shared-ml',
        sku: 'PerGB2018',
      });
      const insights = new ApplicationInsights(stack, 'insights', {
        ...common,
        name: 'appi-shared-ml',
        applicationType: 'web',
        workspaceId: logs.id,
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
    },
  },
  {
    title: 'registry outbound rules',
    stackName: 'workspace-registry-rules',
    build: (stack) => {
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
    },
  },
  {
    title: 'FQDN and service-tag rules',
    stackName: 'workspace-fqdn-service-tag-rules',
    build: (stack) => {
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
    },
  },
  {
    title: 'bring-your-own DNS zones (hub and spoke)',
    stackName: 'workspace-hub-dns',
    build: (stack) => {
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
    },
  },
  {
    title: 'stable api-version',
    stackName: 'workspace-stable-api',
    build: (stack) => {
      const { rg, vnet, subnet } = network(stack);
      const workspace = new ManagedVnetWorkspace(stack, 'Workspace', {
        resourceGroup: rg,
        workspaceName: 'mlw-stable',
        apiVersion: MlApiVersion.V2026_05_01,
        inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
      });
      workspace.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
    },
  },
  {
    title: 'customer-managed key, runner IP ranges and a brought identity',
    stackName: 'workspace-hardening',
    build: (stack) => {
      const { rg, vnet, subnet } = network(stack);
      const common = { resourceGroupName: rg.name, location: rg.location };
      const identity = new UserAssignedIdentity(stack, 'identity', { ...common, name: 'id-mlw-hardened' });
      const vault = new KeyVault(stack, 'keys', {
        ...common,
        name: 'kv-mlw-keys',
        tenantId: '00000000-0000-0000-0000-00000000000a',
        skuName: 'premium',
        rbacAuthorizationEnabled: true,
        purgeProtectionEnabled: true,
        networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny', ipRules: ['20.1.2.3'] },
      });
      const key = new KeyVaultKey(stack, 'key', {
        name: 'cmk',
        keyVaultId: vault.id,
        keyType: 'RSA',
        keySize: 3072,
        keyOpts: ['wrapKey', 'unwrapKey'],
      });
      new ManagedVnetWorkspace(stack, 'Workspace', {
        resourceGroup: rg,
        workspaceName: 'mlw-hardened',
        inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
        identity: WorkspaceIdentity.userAssigned(identity, { assignRoles: true }),
        customerManagedKey: { keyVault: vault, keyId: `${vault.vaultUri}keys/${key.name}`, identity },
        storageNetworkAccess: StorageNetworkAccess.allowedIpRanges(['20.1.2.3']),
      });
    },
  },
  {
    title: 'existing workspace imported',
    stackName: 'workspace-imported',
    build: (stack) => {
      const workspace = ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Existing', {
        workspaceName: 'mlw-existing',
        resourceGroupName: 'rg-ml',
        subscriptionId: SUB,
        location: 'westeurope',
        isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
        inboundAccess: InboundAccess.ARRANGED_ELSEWHERE,
      });
      workspace.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
    },
    existingBeforeTheStack: (stack) =>
      new AzapiResource(stack, 'ExistingBeforeTheStack', {
        type: MlApiVersion.V2026_05_15_PREVIEW.resourceType('workspaces'),
        name: 'mlw-existing',
        parentId: `/subscriptions/${SUB}/resourceGroups/rg-ml`,
        location: 'westeurope',
        identity: { type: 'SystemAssigned' },
        body: { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } },
      }),
  },
  {
    title: 'monitoring through an Azure Monitor private link scope',
    stackName: 'workspace-monitoring-private',
    build: (stack) => {
      const { rg, vnet, subnet } = network(stack);
      new ManagedVnetWorkspace(stack, 'Workspace', {
        resourceGroup: rg,
        workspaceName: 'mlw-ampls',
        inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
        applicationInsightsLocalAuth: false,
        monitoringPublicNetworkAccess: false,
        monitoringPrivateLinkScopeId: armId(
          'rg-hub-monitor',
          'Microsoft.Insights/privateLinkScopes',
          'ampls-hub',
        ),
      });
    },
  },
  {
    title: 'saved queries in a dedicated storage account',
    stackName: 'workspace-saved-queries',
    build: (stack) => {
      const { rg, vnet, subnet } = network(stack);
      const queries = new StorageAccount(stack, 'queries', {
        name: 'stmlwqueries',
        resourceGroupName: rg.name,
        location: rg.location,
        accountTier: 'Standard',
        accountReplicationType: 'ZRS',
        accountKind: 'StorageV2',
        allowNestedItemsToBePublic: false,
        minTlsVersion: 'TLS1_2',
        sharedAccessKeyEnabled: false,
        networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'] },
      });
      new ManagedVnetWorkspace(stack, 'Workspace', {
        resourceGroup: rg,
        workspaceName: 'mlw-queries',
        inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
        savedQueriesStorage: SavedQueriesStorage.storageAccount(queries.id),
      });
    },
  },
  {
    title: 'private DNS zone group left to Azure Policy',
    stackName: 'workspace-dns-by-policy',
    build: (stack) => {
      const { rg, subnet } = network(stack);
      new ManagedVnetWorkspace(stack, 'Workspace', {
        resourceGroup: rg,
        workspaceName: 'mlw-dnspolicy',
        inboundPrivateEndpoint: { subnet, privateDnsZoneGroupByPolicy: true },
      });
    },
  },
];
