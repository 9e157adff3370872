/**
 * The `hardened` layout: the how-to with every hardening option on, the production shape a security review
 * signs off (docs/hardened-layout.md says what each setting costs). It expects the deploy runner inside the
 * virtual network (a self-hosted agent, or a peered network linked to the private DNS zones created here): the
 * storage account and both Key Vaults accept no public traffic.
 */
import { createHash } from 'crypto';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import {
  AzapiProvider,
  ImageBuildCompute,
  ManagedVnetWorkspace,
  SavedQueriesStorage,
  StorageNetworkAccess,
  WorkspaceIdentity,
  type CustomerManagedKeyOptions,
} from '../src';
import { addBenchmarkExemptions } from './benchmark-exemptions';
import { type HowToConfig, readHowToConfig } from './config';
import { addHowToEndpoint, addHowToNetwork, addHowToOutputs, HowToNetwork } from './how-to';
import { addMonitorPrivateLinkScope } from './monitor-private-link-scope';
import { addLinkedPrivateDnsZone } from './private-dns';
import { addBackend, RemoteStateSettings } from './state';

/** The Key Vault private DNS zone (public cloud), for the runner's access to the key vault holding the key. */
const KEY_VAULT_PRIVATE_DNS_ZONE = 'privatelink.vaultcore.azure.net';
/** The blob private DNS zone (public cloud): the storage account's and Azure Monitor's private endpoints use it. */
const BLOB_PRIVATE_DNS_ZONE = 'privatelink.blob.core.windows.net';

/**
 * The how-to with customer-managed keys, identity-based datastores, storage reachable only through a private
 * endpoint, storage infrastructure encryption, a brought user-assigned workspace identity with its roles, and a
 * private subnet; Application Insights and Log Analytics without local authentication and reached only through
 * an Azure Monitor private link scope; an image-build cluster without local authentication.
 */
export class SecureEndpointHardenedStack extends TerraformStack {
  constructor(scope: Construct, id: string, config?: HowToConfig, state?: RemoteStateSettings) {
    super(scope, id);
    const c = config ?? readHowToConfig(this);
    addBackend(this, id, state);
    // Shared keys are off on the storage account: the provider reads it and uploads assets with Entra ID.
    new AzurermProvider(this, 'azurerm', { features: [{}], storageUseAzuread: true });
    new AzapiProvider(this, 'azapi');

    const network = addHowToNetwork(this, c);
    // No default outbound access: nothing in the subnet reaches the internet unless a NAT gateway says so.
    network.subnet.defaultOutboundAccessEnabled = false;

    // The identity exists before the workspace and outlives it: its grants survive a rebuild.
    const identity = new UserAssignedIdentity(this, 'WorkspaceIdentity', {
      name: `id-${c.workspaceName}`,
      resourceGroupName: network.resourceGroup.name,
      location: network.resourceGroup.location,
    });
    const client = new DataAzurermClientConfig(this, 'ClientConfig', {});
    const key = addCustomerManagedKey(this, c, network, identity, client);
    // One blob zone for the network: the storage account's endpoint and Azure Monitor's register in it.
    const blobZoneId = addLinkedPrivateDnsZone(
      this,
      'StorageBlobZone',
      BLOB_PRIVATE_DNS_ZONE,
      network,
      `${c.workspaceName}-blob-link`,
    );
    const monitoringScopeId = addMonitorPrivateLinkScope(
      this,
      c.workspaceName,
      network,
      blobZoneId,
      client.subscriptionId,
    );

    const workspace = new ManagedVnetWorkspace(this, 'Workspace', {
      resourceGroup: network.resourceGroup,
      workspaceName: c.workspaceName,
      isolationMode: c.isolationMode,
      inboundPrivateEndpoint: { subnet: network.subnet, virtualNetwork: network.virtualNetwork },
      identity: WorkspaceIdentity.userAssigned(identity, { assignRoles: true }),
      customerManagedKey: key,
      identityBasedDatastores: true,
      storageNetworkAccess: StorageNetworkAccess.privateEndpoint({
        subnet: network.subnet,
        virtualNetwork: network.virtualNetwork,
        privateDnsZoneId: blobZoneId,
      }),
      storageInfrastructureEncryption: true,
      // Entra ID-authenticated telemetry only, ingested and queried through the scope's private endpoint.
      applicationInsightsLocalAuth: false,
      monitoringPublicNetworkAccess: false,
      monitoringPrivateLinkScopeId: monitoringScopeId,
      // Saved queries and log search alert queries in the workspace's storage account (customer-managed key).
      savedQueriesStorage: SavedQueriesStorage.workspaceStorageAccount(),
      // Entra ID and managed identities only on the cluster that builds images.
      imageBuildCompute: ImageBuildCompute.cluster({ disableLocalAuth: true }),
    });

    // The key's vault logs every key operation to the workspace's Log Analytics workspace.
    new MonitorDiagnosticSetting(this, 'KeyVaultDiagnostics', {
      name: 'key-vault-logs',
      targetResourceId: key.keyVault.id,
      logAnalyticsWorkspaceId: workspace.logAnalyticsWorkspaceId,
      enabledLog: [{ categoryGroup: 'audit' }, { categoryGroup: 'allLogs' }],
      enabledMetric: [{ category: 'AllMetrics' }],
    });

    // The built-ins that contradict the how-to, exempted from the benchmark assignments named by variables.
    addBenchmarkExemptions(this, workspace);

    const { endpoint, blue } = addHowToEndpoint(this, workspace, {
      endpointName: c.endpointName,
      publicNetworkAccess: c.endpointPublicAccess,
    });
    addHowToOutputs(this, c, endpoint, blue);
  }
}

/**
 * The key's vault (RBAC, purge protection, no public access, a private endpoint for the runner), the runner's
 * right to create keys in it, and an RSA key that rotates itself yearly; the workspace follows the versionless id.
 */
function addCustomerManagedKey(
  scope: Construct,
  c: HowToConfig,
  network: HowToNetwork,
  identity: UserAssignedIdentity,
  client: DataAzurermClientConfig,
): CustomerManagedKeyOptions {
  const { resourceGroup, subnet } = network;
  const vault = new KeyVault(scope, 'KeyVault', {
    name: keyVaultName(c.workspaceName),
    resourceGroupName: resourceGroup.name,
    location: resourceGroup.location,
    tenantId: client.tenantId,
    skuName: 'premium',
    rbacAuthorizationEnabled: true,
    purgeProtectionEnabled: true,
    softDeleteRetentionDays: 90,
    publicNetworkAccessEnabled: false,
    networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny' },
  });
  const zoneId = addLinkedPrivateDnsZone(
    scope,
    'KeyVaultZone',
    KEY_VAULT_PRIVATE_DNS_ZONE,
    network,
    `${c.workspaceName}-kv-link`,
  );
  const endpoint = new PrivateEndpoint(scope, 'KeyVaultPrivateEndpoint', {
    name: `${c.workspaceName}-kv-pe`,
    resourceGroupName: resourceGroup.name,
    location: resourceGroup.location,
    subnetId: subnet.id,
    privateServiceConnection: {
      name: `${c.workspaceName}-kv-pe`,
      privateConnectionResourceId: vault.id,
      subresourceNames: ['vault'],
      isManualConnection: false,
    },
    privateDnsZoneGroup: { name: 'default', privateDnsZoneIds: [zoneId] },
  });
  // The deploying principal creates (and later rotates) the key through the data plane.
  const officer = new RoleAssignment(scope, 'KeyVaultCryptoOfficer', {
    scope: vault.id,
    roleDefinitionName: 'Key Vault Crypto Officer',
    principalId: client.objectId,
  });
  const key = new KeyVaultKey(scope, 'CustomerManagedKey', {
    name: 'cmk',
    keyVaultId: vault.id,
    keyType: 'RSA',
    keySize: 3072,
    keyOpts: ['wrapKey', 'unwrapKey'],
    rotationPolicy: {
      automatic: { timeBeforeExpiry: 'P30D' },
      expireAfter: 'P1Y',
      notifyBeforeExpiry: 'P29D',
    },
    dependsOn: [officer, endpoint],
  });
  // The versionless key URL (what KeyVaultKey.versionlessId reads back), built from the vault's URI and the key's
  // name: known at plan time once the vault exists, and the reference to the key orders everything after it.
  return { keyVault: vault, keyId: `${vault.vaultUri}keys/${key.name}`, identity };
}

/**
 * `kvk` + the workspace name's letters and digits + 6 hex of its hash: 3 to 24 characters, globally unique per
 * workspace name and the same on every machine.
 */
function keyVaultName(workspaceName: string): string {
  const hash = createHash('sha256').update(`cmk/${workspaceName}`).digest('hex').slice(0, 6);
  const base = workspaceName.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `kvk${base.slice(0, 24 - 3 - 6)}${hash}`;
}
