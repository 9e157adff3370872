/**
 * How the azurerm provider turns a resource's arguments into the ARM resource the policies read: per azurerm
 * resource type, its ARM type and one row per ARM property a definition reads, with the azurerm argument it comes
 * from and what ARM stores when the argument is left out. Sources: the azurerm provider's documentation of each
 * argument and its default (registry.terraform.io/providers/hashicorp/azurerm/4.x, the version
 * @cdktf/provider-azurerm 14 binds) and, for a property azurerm does not send, the ARM REST reference of the
 * resource type. A property with no row is not sent: a definition reading it sees it absent.
 *
 * Properties that other Terraform resources or Azure set (private endpoint connections, diagnostic settings,
 * subnets of a network, flow logs) are added by `stack.ts` from the resources that set them.
 */
import { isUnknown, known, Unknown } from './values';

export type Args = Record<string, unknown>;

export interface Row {
  /** The ARM path written (dots between properties). */
  readonly arm: string;
  /** The value ARM stores, from the resource's arguments; undefined leaves the property out. */
  readonly read: (args: Args) => unknown;
  /** Where the mapping comes from: the argument, its default, the ARM property. */
  readonly source: string;
}

export interface AzurermMapping {
  readonly armType: string;
  /**
   * The api-version for policies' `requestContext().apiVersion`: a compliance scan of an existing resource uses a
   * current one; the built-ins compare it only with 2019 and 2021 thresholds, which every version here is past.
   */
  readonly apiVersion: string;
  readonly rows: readonly Row[];
}

/** A block argument as cdktf writes it: an object, or a list of one. */
export function block(args: Args, name: string): Args | undefined {
  const v = args[name];
  if (Array.isArray(v)) return v[0] as Args | undefined;
  return v as Args | undefined;
}

const value = (args: Args, name: string, fallback: unknown): unknown =>
  args[name] === undefined ? fallback : known(args[name], `the argument ${name}`);

const mapKnown = (v: unknown, f: (x: unknown) => unknown): unknown => (isUnknown(v) ? v : f(v));

/** An argument copied as is, or `absent` when left out. */
function arg(name: string, arm: string, absent: unknown, source: string): Row {
  return { arm, read: (a) => value(a, name, absent), source };
}

/** A boolean argument ARM stores as `Enabled`/`Disabled` (or another pair). */
function toggle(
  name: string,
  arm: string,
  absent: boolean,
  source: string,
  on = 'Enabled',
  off = 'Disabled',
): Row {
  return { arm, read: (a) => mapKnown(value(a, name, absent), (v) => (v === true ? on : off)), source };
}

/** A property azurerm does not send, with the value ARM stores. */
function fixed(arm: string, stored: unknown, source: string): Row {
  return { arm, read: () => stored, source };
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

export const AZURERM: Record<string, AzurermMapping> = {
  azurerm_storage_account: {
    armType: 'Microsoft.Storage/storageAccounts',
    apiVersion: '2023-05-01',
    rows: [
      arg('account_kind', 'kind', 'StorageV2', 'account_kind, default StorageV2'),
      {
        arm: 'sku.name',
        read: (a) => {
          const tier = value(a, 'account_tier', undefined);
          const rep = value(a, 'account_replication_type', undefined);
          return isUnknown(tier) ? tier : isUnknown(rep) ? rep : `${String(tier)}_${String(rep)}`;
        },
        source: 'sku.name is account_tier _ account_replication_type',
      },
      arg('allow_nested_items_to_be_public', 'properties.allowBlobPublicAccess', true, 'default true'),
      arg(
        'cross_tenant_replication_enabled',
        'properties.allowCrossTenantReplication',
        false,
        'default false',
      ),
      arg('shared_access_key_enabled', 'properties.allowSharedKeyAccess', true, 'default true'),
      arg('https_traffic_only_enabled', 'properties.supportsHttpsTrafficOnly', true, 'default true'),
      arg('min_tls_version', 'properties.minimumTlsVersion', 'TLS1_2', 'default TLS1_2'),
      toggle('public_network_access_enabled', 'properties.publicNetworkAccess', true, 'default true'),
      arg(
        'infrastructure_encryption_enabled',
        'properties.encryption.requireInfrastructureEncryption',
        false,
        'default false (create-only)',
      ),
      arg(
        'queue_encryption_key_type',
        'properties.encryption.services.queue.keyType',
        'Service',
        'default Service',
      ),
      arg(
        'table_encryption_key_type',
        'properties.encryption.services.table.keyType',
        'Service',
        'default Service',
      ),
      {
        arm: 'properties.encryption.keySource',
        read: (a) =>
          block(a, 'customer_managed_key') === undefined ? 'Microsoft.Storage' : 'Microsoft.Keyvault',
        source:
          'a customer_managed_key block (or azurerm_storage_account_customer_managed_key) sets Microsoft.Keyvault',
      },
      {
        arm: 'properties.sasPolicy',
        read: (a) => {
          const b = block(a, 'sas_policy');
          if (b === undefined) return undefined;
          return {
            sasExpirationPeriod: known(b.expiration_period, 'sas_policy.expiration_period'),
            expirationAction: known(b.expiration_action ?? 'Log', 'sas_policy.expiration_action'),
          };
        },
        source: 'sas_policy block (expiration_action default Log); none without it',
      },
      {
        arm: 'properties.networkAcls',
        read: (a) => storageNetworkAcls(block(a, 'network_rules')),
        source: 'network_rules block (or azurerm_storage_account_network_rules); without it ARM allows all',
      },
      fixed(
        'properties.keyPolicy',
        undefined,
        'azurerm has no argument for a key expiration policy: not sent',
      ),
      {
        arm: 'properties.keyCreationTime',
        read: () => new Unknown('Azure sets the storage account keys creation time'),
        source: 'read-only, set by Azure',
      },
    ],
  },
  azurerm_key_vault: {
    armType: 'Microsoft.KeyVault/vaults',
    apiVersion: '2023-07-01',
    rows: [
      arg('sku_name', 'properties.sku.name', undefined, 'sku_name (required)'),
      // createMode is only in a create request (recover is chosen at apply time from a soft-deleted vault);
      // the stored vault a compliance scan reads has none.
      fixed('properties.createMode', undefined, 'write-only: not stored'),
      fixed(
        'properties.enableSoftDelete',
        true,
        'ARM: soft delete is always on since 2020 and cannot be turned off',
      ),
      arg('purge_protection_enabled', 'properties.enablePurgeProtection', false, 'default false'),
      {
        arm: 'properties.enableRbacAuthorization',
        read: (a) => value(a, 'rbac_authorization_enabled', value(a, 'enable_rbac_authorization', false)),
        source: 'rbac_authorization_enabled (enable_rbac_authorization before 4.x), default false',
      },
      toggle('public_network_access_enabled', 'properties.publicNetworkAccess', true, 'default true'),
      {
        arm: 'properties.networkAcls',
        read: (a) => {
          const b = block(a, 'network_acls');
          if (b === undefined) return undefined;
          return {
            defaultAction: known(b.default_action, 'network_acls.default_action'),
            bypass: known(b.bypass, 'network_acls.bypass'),
            ipRules: mapKnown(known(b.ip_rules, 'network_acls.ip_rules'), (v) =>
              list(v).map((ip) => ({ value: ip })),
            ),
            virtualNetworkRules: mapKnown(
              known(b.virtual_network_subnet_ids, 'network_acls.virtual_network_subnet_ids'),
              (v) => list(v).map((id) => ({ id: known(id, 'a subnet id') })),
            ),
          };
        },
        source: 'network_acls block; none without it',
      },
    ],
  },
  azurerm_container_registry: {
    armType: 'Microsoft.ContainerRegistry/registries',
    apiVersion: '2023-11-01-preview',
    rows: [
      arg('sku', 'sku.name', undefined, 'sku (required)'),
      arg('admin_enabled', 'properties.adminUserEnabled', false, 'default false'),
      arg('anonymous_pull_enabled', 'properties.anonymousPullEnabled', false, 'default false'),
      toggle('public_network_access_enabled', 'properties.publicNetworkAccess', true, 'default true'),
      toggle(
        'export_policy_enabled',
        'properties.policies.exportPolicy.status',
        true,
        'default true',
        'enabled',
        'disabled',
      ),
      // azurerm has no argument for it; ARM accepts ARM-audience tokens until it is turned off
      // (az acr config authentication-as-arm update --status disabled).
      fixed(
        'properties.policies.azureADAuthenticationAsArmPolicy.status',
        'enabled',
        'ARM default enabled; no azurerm argument',
      ),
      {
        arm: 'properties.encryption.status',
        read: (a) => (block(a, 'encryption') === undefined ? 'disabled' : 'enabled'),
        source: 'an encryption block enables a customer-managed key',
      },
      {
        arm: 'properties.networkRuleSet',
        read: (a) => {
          const b = block(a, 'network_rule_set');
          if (b === undefined)
            return a.sku === 'Premium' ? { defaultAction: 'Allow', ipRules: [] } : undefined;
          return {
            defaultAction: known(b.default_action ?? 'Allow', 'network_rule_set.default_action'),
            ipRules: list(b.ip_rule),
          };
        },
        source:
          'network_rule_set block (default_action default Allow); a Premium registry without it allows all',
      },
    ],
  },
  azurerm_application_insights: {
    armType: 'Microsoft.Insights/components',
    apiVersion: '2020-02-02',
    rows: [
      arg('workspace_id', 'properties.WorkspaceResourceId', undefined, 'workspace_id'),
      arg('local_authentication_disabled', 'properties.DisableLocalAuth', false, 'default false'),
      toggle(
        'internet_ingestion_enabled',
        'properties.publicNetworkAccessForIngestion',
        true,
        'default true',
      ),
      toggle('internet_query_enabled', 'properties.publicNetworkAccessForQuery', true, 'default true'),
      arg(
        'force_customer_storage_for_profiler',
        'properties.ForceCustomerStorageForProfiler',
        false,
        'default false',
      ),
    ],
  },
  azurerm_log_analytics_workspace: {
    armType: 'Microsoft.OperationalInsights/workspaces',
    apiVersion: '2022-10-01',
    rows: [
      {
        arm: 'properties.features.disableLocalAuth',
        read: (a) =>
          a.local_authentication_enabled !== undefined
            ? mapKnown(
                known(a.local_authentication_enabled, 'local_authentication_enabled'),
                (v) => v !== true,
              )
            : value(a, 'local_authentication_disabled', false),
        source: 'local_authentication_enabled (default true; local_authentication_disabled before 4.x)',
      },
      toggle(
        'internet_ingestion_enabled',
        'properties.publicNetworkAccessForIngestion',
        true,
        'default true',
      ),
      toggle('internet_query_enabled', 'properties.publicNetworkAccessForQuery', true, 'default true'),
      arg('cmk_for_query_forced', 'properties.forceCmkForQuery', false, 'default false'),
    ],
  },
  azurerm_virtual_network: {
    armType: 'Microsoft.Network/virtualNetworks',
    apiVersion: '2024-05-01',
    rows: [
      {
        arm: 'properties.enableDdosProtection',
        read: (a) => {
          const b = block(a, 'ddos_protection_plan');
          return b === undefined ? false : known(b.enable, 'ddos_protection_plan.enable');
        },
        source: 'ddos_protection_plan block (enable); none without it',
      },
      {
        arm: 'properties.ddosProtectionPlan',
        read: (a) => {
          const b = block(a, 'ddos_protection_plan');
          return b === undefined ? undefined : { id: known(b.id, 'ddos_protection_plan.id') };
        },
        source: 'ddos_protection_plan.id',
      },
    ],
  },
  azurerm_subnet: {
    armType: 'Microsoft.Network/virtualNetworks/subnets',
    apiVersion: '2024-05-01',
    rows: [
      arg('default_outbound_access_enabled', 'properties.defaultOutboundAccess', true, 'default true'),
      {
        arm: 'properties.ipConfigurations',
        read: () => new Unknown('Azure lists the network interfaces in a subnet (ipConfigurations)'),
        source: 'read-only, set by Azure',
      },
    ],
  },
  azurerm_private_endpoint: {
    armType: 'Microsoft.Network/privateEndpoints',
    apiVersion: '2024-05-01',
    rows: [
      {
        arm: 'properties.privateLinkServiceConnections',
        read: (a) =>
          list(a.private_service_connection)
            .map((c) => c as Args)
            .filter((c) => c.is_manual_connection !== true)
            .map((c) => ({
              name: c.name,
              properties: {
                groupIds: known(c.subresource_names, 'private_service_connection.subresource_names'),
              },
            })),
        source:
          'private_service_connection blocks with is_manual_connection false (manual ones are another array)',
      },
    ],
  },
  azurerm_resource_group: {
    armType: 'Microsoft.Resources/resourceGroups',
    apiVersion: '2022-09-01',
    rows: [arg('managed_by', 'managedBy', '', 'managed_by, none by default')],
  },
};

function storageNetworkAcls(b: Args | undefined): unknown {
  if (b === undefined) {
    return { defaultAction: 'Allow', bypass: 'AzureServices', ipRules: [], virtualNetworkRules: [] };
  }
  const bypass = known(b.bypass, 'network_rules.bypass');
  return {
    defaultAction: known(b.default_action, 'network_rules.default_action'),
    // bypass is a set (default ["AzureServices"]); ARM stores it comma-separated, "None" when empty.
    bypass:
      b.bypass === undefined
        ? 'AzureServices'
        : mapKnown(bypass, (v) => (list(v).length === 0 ? 'None' : list(v).join(', '))),
    ipRules: mapKnown(known(b.ip_rules, 'network_rules.ip_rules'), (v) =>
      list(v).map((ip) => ({ value: ip })),
    ),
    virtualNetworkRules: mapKnown(
      known(b.virtual_network_subnet_ids, 'network_rules.virtual_network_subnet_ids'),
      (v) => list(v).map((id) => ({ id: known(id, 'a subnet id') })),
    ),
  };
}

/** `azurerm_storage_account_network_rules` writes the same ARM property as the account's network_rules block. */
export function storageNetworkRulesResource(args: Args): unknown {
  return storageNetworkAcls(args);
}

/** Sets `path` (dots) in `target`, creating objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, v: unknown): void {
  if (v === undefined) return;
  const parts = path.split('.');
  let node = target;
  for (const p of parts.slice(0, -1)) {
    if (typeof node[p] !== 'object' || node[p] === null) node[p] = {};
    node = node[p] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = v;
}

/** The ARM body of an azurerm resource, from its mapping's rows. */
/**
 * ARM properties of an azurerm resource that `stack.ts` fills from other resources of the stack (or marks as
 * Azure's), so that no row of the table above writes them.
 */
export const FROM_OTHER_RESOURCES: readonly string[] = [
  'properties.privateEndpointConnections',
  'properties.subnets',
  'properties.flowLogs',
];

export function armBody(mapping: AzurermMapping, args: Args): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const row of mapping.rows) setPath(body, row.arm, row.read(args));
  return body;
}
