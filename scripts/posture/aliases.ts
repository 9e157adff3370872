/**
 * Policy aliases to the ARM JSON paths they read, for the aliases the evaluated definitions use. An alias not
 * listed here is not guessed: a condition on it is undecidable ("an alias the mapping does not know").
 *
 * Source: Azure's alias catalogue (`az provider show --namespace <ns> --expand "resourceTypes/aliases"`, the
 * `paths[].path` of each alias), checked against the ARM schemas of the resource types (for Machine Learning, the
 * type definitions in `__tests__/fixtures/azure-specs/`: a compute's `disableLocalAuth` is on the compute, its
 * `subnet` and `idleTimeBeforeShutdown` on the compute type's own `properties`). A path with `[*]` reaches every
 * element of an array. Aliases are case-insensitive; so are the keys here.
 */
const TABLE: Record<string, Record<string, string>> = {
  'Microsoft.MachineLearningServices/workspaces': {
    publicNetworkAccess: 'properties.publicNetworkAccess',
    v1LegacyMode: 'properties.v1LegacyMode',
    'managedNetwork.isolationMode': 'properties.managedNetwork.isolationMode',
    'encryption.status': 'properties.encryption.status',
    primaryUserAssignedIdentity: 'properties.primaryUserAssignedIdentity',
    'privateEndpointConnections[*]': 'properties.privateEndpointConnections[*]',
    'privateEndpointConnections[*].privateLinkServiceConnectionState.status':
      'properties.privateEndpointConnections[*].properties.privateLinkServiceConnectionState.status',
  },
  'Microsoft.MachineLearningServices/workspaces/computes': {
    computeType: 'properties.computeType',
    disableLocalAuth: 'properties.disableLocalAuth',
    'subnet.id': 'properties.properties.subnet.id',
    idleTimeBeforeShutdown: 'properties.properties.idleTimeBeforeShutdown',
    'osImageMetadata.isLatestOsImageVersion': 'properties.properties.osImageMetadata.isLatestOsImageVersion',
  },
  // The data-plane view of an online deployment (policy mode Microsoft.MachineLearningServices.v2.Data).
  'Microsoft.MachineLearningServices.v2.Data/workspaces/deployments': {
    'model.assetId': 'model.assetId',
    'model.registryName': 'model.registryName',
    'model.publisher': 'model.publisher',
  },
  'Microsoft.Storage/storageAccounts': {
    'sku.name': 'sku.name',
    allowBlobPublicAccess: 'properties.allowBlobPublicAccess',
    allowCrossTenantReplication: 'properties.allowCrossTenantReplication',
    allowSharedKeyAccess: 'properties.allowSharedKeyAccess',
    supportsHttpsTrafficOnly: 'properties.supportsHttpsTrafficOnly',
    minimumTlsVersion: 'properties.minimumTlsVersion',
    publicNetworkAccess: 'properties.publicNetworkAccess',
    sasPolicy: 'properties.sasPolicy',
    'keyPolicy.keyExpirationPeriodInDays': 'properties.keyPolicy.keyExpirationPeriodInDays',
    'keyCreationTime.key1': 'properties.keyCreationTime.key1',
    'keyCreationTime.key2': 'properties.keyCreationTime.key2',
    'encryption.keySource': 'properties.encryption.keySource',
    'encryption.requireInfrastructureEncryption': 'properties.encryption.requireInfrastructureEncryption',
    'encryption.services.queue.keyType': 'properties.encryption.services.queue.keyType',
    'encryption.services.table.keyType': 'properties.encryption.services.table.keyType',
    'networkAcls.defaultAction': 'properties.networkAcls.defaultAction',
    'networkAcls.bypass': 'properties.networkAcls.bypass',
    'networkAcls.ipRules[*]': 'properties.networkAcls.ipRules[*]',
    'networkAcls.virtualNetworkRules[*].id': 'properties.networkAcls.virtualNetworkRules[*].id',
  },
  'Microsoft.Storage/storageAccounts/privateEndpointConnections': {
    'privateLinkServiceConnectionState.status': 'properties.privateLinkServiceConnectionState.status',
  },
  'Microsoft.KeyVault/vaults': {
    createMode: 'properties.createMode',
    enableSoftDelete: 'properties.enableSoftDelete',
    enablePurgeProtection: 'properties.enablePurgeProtection',
    enableRbacAuthorization: 'properties.enableRbacAuthorization',
    publicNetworkAccess: 'properties.publicNetworkAccess',
    'networkAcls.defaultAction': 'properties.networkAcls.defaultAction',
    'networkAcls.ipRules[*]': 'properties.networkAcls.ipRules[*]',
    'networkAcls.ipRules[*].value': 'properties.networkAcls.ipRules[*].value',
    'networkAcls.virtualNetworkRules[*].id': 'properties.networkAcls.virtualNetworkRules[*].id',
    'privateEndpointConnections[*]': 'properties.privateEndpointConnections[*]',
    'privateEndpointConnections[*].privateLinkServiceConnectionState.status':
      'properties.privateEndpointConnections[*].properties.privateLinkServiceConnectionState.status',
  },
  'Microsoft.ContainerRegistry/registries': {
    'sku.name': 'sku.name',
    adminUserEnabled: 'properties.adminUserEnabled',
    anonymousPullEnabled: 'properties.anonymousPullEnabled',
    publicNetworkAccess: 'properties.publicNetworkAccess',
    'encryption.status': 'properties.encryption.status',
    'networkRuleSet.defaultAction': 'properties.networkRuleSet.defaultAction',
    'networkRuleSet.virtualNetworkRules[*].action': 'properties.networkRuleSet.virtualNetworkRules[*].action',
    'policies.exportPolicy.status': 'properties.policies.exportPolicy.status',
    'policies.azureADAuthenticationAsArmPolicy': 'properties.policies.azureADAuthenticationAsArmPolicy',
    'policies.azureADAuthenticationAsArmPolicy.status':
      'properties.policies.azureADAuthenticationAsArmPolicy.status',
    'privateEndpointConnections[*]': 'properties.privateEndpointConnections[*]',
    'privateEndpointConnections[*].privateLinkServiceConnectionState.status':
      'properties.privateEndpointConnections[*].properties.privateLinkServiceConnectionState.status',
  },
  'Microsoft.Insights/components': {
    WorkspaceResourceId: 'properties.WorkspaceResourceId',
    DisableLocalAuth: 'properties.DisableLocalAuth',
    publicNetworkAccessForIngestion: 'properties.publicNetworkAccessForIngestion',
    publicNetworkAccessForQuery: 'properties.publicNetworkAccessForQuery',
    ForceCustomerStorageForProfiler: 'properties.ForceCustomerStorageForProfiler',
  },
  'Microsoft.OperationalInsights/workspaces': {
    'features.disableLocalAuth': 'properties.features.disableLocalAuth',
    publicNetworkAccessForIngestion: 'properties.publicNetworkAccessForIngestion',
    publicNetworkAccessForQuery: 'properties.publicNetworkAccessForQuery',
    forceCmkForQuery: 'properties.forceCmkForQuery',
  },
  'Microsoft.Insights/diagnosticSettings': {
    'logs[*]': 'properties.logs[*]',
    // The alias without [*] names the same array (its paths are properties.logs[*].enabled).
    'logs.enabled': 'properties.logs[*].enabled',
    'logs[*].enabled': 'properties.logs[*].enabled',
    'logs[*].categoryGroup': 'properties.logs[*].categoryGroup',
    'logs[*].retentionPolicy.enabled': 'properties.logs[*].retentionPolicy.enabled',
    'logs[*].retentionPolicy.days': 'properties.logs[*].retentionPolicy.days',
    workspaceId: 'properties.workspaceId',
    storageAccountId: 'properties.storageAccountId',
  },
  'Microsoft.Network/virtualNetworks': {
    enableDdosProtection: 'properties.enableDdosProtection',
    ddosProtectionPlan: 'properties.ddosProtectionPlan',
    'ddosProtectionPlan.id': 'properties.ddosProtectionPlan.id',
    'flowLogs[*]': 'properties.flowLogs[*]',
    'subnets[*]': 'properties.subnets[*]',
    'subnets[*].name': 'properties.subnets[*].name',
    'subnets[*].defaultOutboundAccess': 'properties.subnets[*].properties.defaultOutboundAccess',
    'subnets[*].routeTable': 'properties.subnets[*].properties.routeTable',
    'subnets[*].ipConfigurations[*]': 'properties.subnets[*].properties.ipConfigurations[*]',
    'subnets[*].ipConfigurations[*].id': 'properties.subnets[*].properties.ipConfigurations[*].id',
  },
  'Microsoft.Network/virtualNetworks/subnets': {
    defaultOutboundAccess: 'properties.defaultOutboundAccess',
  },
  'Microsoft.Network/privateEndpoints': {
    'privateLinkServiceConnections[*].groupIds[*]':
      'properties.privateLinkServiceConnections[*].properties.groupIds[*]',
  },
  'Microsoft.Network/azureFirewalls': {
    'ipConfigurations[*]': 'properties.ipConfigurations[*]',
    'ipConfigurations[*].subnet.id': 'properties.ipConfigurations[*].properties.subnet.id',
  },
};

const INDEX = new Map<string, string>(
  Object.entries(TABLE).flatMap(([type, aliases]) =>
    Object.entries(aliases).map(
      ([alias, path]) => [`${type}/${alias}`.toLowerCase(), path] as [string, string],
    ),
  ),
);

/** The ARM path of a policy alias, or undefined when the mapping does not know it. */
export function aliasPath(alias: string): string | undefined {
  return INDEX.get(alias.toLowerCase());
}

/** The ARM paths the aliases of one resource type read. */
export function aliasPathsOf(type: string): string[] {
  return Object.values(TABLE[type] ?? {});
}

/** Every alias the mapping knows (for the evaluator's own tests). */
export function knownAliases(): string[] {
  return Object.entries(TABLE).flatMap(([type, aliases]) => Object.keys(aliases).map((a) => `${type}/${a}`));
}
