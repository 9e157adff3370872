import { Construct } from 'constructs';
import { ProviderProps, useProviders } from '../core/providers';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { IResourceGroup } from '../core';
import { Fn } from 'cdktf';
import { isKnown, readProps } from '../checks';
import {
  armId,
  body,
  bool,
  defineProps,
  instanceOf,
  name,
  object,
  provider,
  tags,
  text,
} from '../checks/read';
import { ARM_TYPES } from '../checks/arm-id';
import { MonitorPrivateLinkScopedService } from '@cdktf/provider-azurerm/lib/monitor-private-link-scoped-service';
import { LogAnalyticsLinkedStorageAccount } from '@cdktf/provider-azurerm/lib/log-analytics-linked-storage-account';
import { grantRoleOnce } from '../core/role-assignments';
import {
  QUERY_DATA_SOURCE_TYPE,
  SAVED_QUERIES_STORAGE_ROLE,
  SavedQueriesStorage,
} from './saved-queries-storage';
import { ContainerRegistryHardening, StorageAccountHardening } from './hardening';
import { ASSOCIATED_NAMES_READER, ASSOCIATED_READERS } from './readers';
import {
  AssociatedResourceNames,
  IWorkspaceApplicationInsights,
  IWorkspaceContainerRegistry,
  IWorkspaceKeyVault,
  IWorkspaceStorageAccount,
} from './associated-resource-types';
import { RESOURCE_GROUP_READER } from '../core/readers';
import {
  APPLICATION_INSIGHTS_NAME_PATTERN,
  checkAssociatedName,
  CONTAINER_REGISTRY_NAME_PATTERN,
  defaultContainerRegistryName,
  defaultKeyVaultName,
  defaultLogAnalyticsName,
  defaultStorageAccountName,
  KEY_VAULT_NAME_PATTERN,
  LOG_ANALYTICS_NAME_PATTERN,
  STORAGE_ACCOUNT_NAME_PATTERN,
} from './names';

/** Props of `SecureAssociatedResources` (built by `ManagedVnetWorkspace`). */
export interface SecureAssociatedResourcesProps extends ProviderProps {
  /** Resource group of the created resources. */
  readonly resourceGroup: IResourceGroup;
  /** Region of the created resources. */
  readonly location: string;
  /** Workspace name, from which the default names are derived. */
  readonly workspaceName: string;
  /** A brought storage account. @default a secure one is created */
  readonly storageAccount?: IWorkspaceStorageAccount;
  /** A brought Key Vault. @default a secure one is created */
  readonly keyVault?: IWorkspaceKeyVault;
  /** A brought container registry. @default a Premium, private one is created */
  readonly containerRegistry?: IWorkspaceContainerRegistry;
  /**
   * Whether a created registry accepts public network access. Only a workspace without a managed network
   * needs it: nothing of Azure ML could reach a private registry then.
   * @default false
   */
  readonly containerRegistryPublicNetworkAccess?: boolean;
  /** A brought Application Insights. @default one is created on a new Log Analytics workspace */
  readonly applicationInsights?: IWorkspaceApplicationInsights;
  /** Names of the created resources. @default derived from the workspace name */
  readonly names?: AssociatedResourceNames;
  /** Tags of the created resources. @default none */
  readonly tags?: { [key: string]: string };
  /** What the workspace's hardening options set on a created storage account. @default none */
  readonly storageAccountHardening?: StorageAccountHardening;
  /** What the workspace's hardening options set on a created container registry. @default none */
  readonly containerRegistryHardening?: ContainerRegistryHardening;
  /** Created Application Insights and Log Analytics: how they are reached and authenticated. @default see its props */
  readonly monitoring?: MonitoringAccess;
}

/** How the created Application Insights and Log Analytics workspace are reached and authenticated. */
export interface MonitoringAccess {
  /** Key-based (instrumentation key) ingestion into Application Insights. @default true */
  readonly applicationInsightsLocalAuth?: boolean;
  /** Ingestion and query from public networks, on both. @default true */
  readonly publicNetworkAccess?: boolean;
  /** ARM id of an Azure Monitor private link scope both join. @default none */
  readonly privateLinkScopeId?: string;
  /**
   * The storage account the Log Analytics workspace keeps saved queries in (linked for `Query`, with
   * `cmk_for_query_forced`). @default none: Azure keeps them
   */
  readonly savedQueriesStorage?: SavedQueriesStorage;
}

const EXPR = { tokens: 'expression' } as const;

/** What every created resource shares. */
interface CommonSettings {
  /** Name of the resource group the resources are created in. */
  readonly resourceGroupName: string;
  /** Their region. */
  readonly location: string;
  /** Their tags. @default none */
  readonly tags?: { [key: string]: string };
}

export const SECURE_ASSOCIATED_RESOURCES_PROPS = defineProps<SecureAssociatedResourcesProps>(
  'SecureAssociatedResourcesProps',
  {
    resourceGroup: RESOURCE_GROUP_READER,
    location: text({ ...EXPR, optional: false, what: 'an Azure region (text)' }),
    workspaceName: name({ ...EXPR }),
    ...ASSOCIATED_READERS,
    containerRegistryPublicNetworkAccess: bool({
      tokens: 'refuse',
      why: 'it decides at synth whether the registry is private, which other checks read',
    }),
    names: ASSOCIATED_NAMES_READER,
    tags: tags(),
    monitoring: object(
      'MonitoringAccess',
      defineProps<MonitoringAccess>('MonitoringAccess', {
        applicationInsightsLocalAuth: bool({
          tokens: 'refuse',
          why: 'it decides at synth whether the setting is sent at all',
        }),
        publicNetworkAccess: bool({
          tokens: 'refuse',
          why: 'it decides at synth whether the settings are sent at all',
        }),
        privateLinkScopeId: armId({ ...EXPR, resourceType: ARM_TYPES.MONITOR_PRIVATE_LINK_SCOPE }),
        savedQueriesStorage: instanceOf(SavedQueriesStorage),
      }),
    ),
    // Built by the workspace from props it has read (hardening.ts).
    storageAccountHardening: body({ tokens: 'refuse' }),
    containerRegistryHardening: body({ tokens: 'refuse' }),
    provider: provider(),
  },
);

/**
 * How long a SAS may be valid before Azure logs its use (`DD.HH:MM:SS`, the format of the storage account's
 * `sasPolicy.sasExpirationPeriod`, Microsoft.Storage REST reference).
 */
export const STORAGE_SAS_EXPIRATION_PERIOD = '1.00:00:00';

/** Public ingestion and query of a created monitoring resource: sent only when turned off. */
function networkAccess(monitoring: MonitoringAccess | undefined): {
  internetIngestionEnabled?: boolean;
  internetQueryEnabled?: boolean;
} {
  const open = monitoring?.publicNetworkAccess;
  if (open === undefined || open === true) return {};
  return { internetIngestionEnabled: open, internetQueryEnabled: open };
}

/**
 * The Log Analytics workspace's settings for saved queries in customer storage: sent only when on, so a stack of
 * the previous release plans no change by default. Both apply in place (azurerm updates them with a PUT of the
 * workspace): turning the option on never replaces the workspace.
 */
function savedQueriesSettings(monitoring: MonitoringAccess | undefined): {
  cmkForQueryForced?: boolean;
  identity?: { type: string };
} {
  if (monitoring?.savedQueriesStorage === undefined) return {};
  return { cmkForQueryForced: true, identity: { type: 'SystemAssigned' } };
}

/**
 * The workspace's storage account, Key Vault, container registry and Application Insights: the ones the user
 * brought, or new ones with secure settings. Each created resource states below what its settings protect.
 */
export class SecureAssociatedResources extends Construct {
  /** The workspace's storage account (brought or created). */
  public readonly storageAccount: IWorkspaceStorageAccount;
  /** The workspace's Key Vault (brought or created). */
  public readonly keyVault: IWorkspaceKeyVault;
  /** The workspace's container registry (brought or created). */
  public readonly containerRegistry: IWorkspaceContainerRegistry;
  /** The workspace's Application Insights (brought or created). */
  public readonly applicationInsights: IWorkspaceApplicationInsights;
  /** Whether the registry is reachable only privately; undefined when a brought registry does not say. */
  public readonly containerRegistryPrivateOnly: boolean | undefined;
  /** ARM id of the Log Analytics workspace behind Application Insights, when known. */
  public readonly logAnalyticsWorkspaceId: string | undefined;
  /** The Key Vault, when created here (its diagnostic setting is the workspace's). */
  public readonly createdKeyVault: KeyVault | undefined;

  constructor(scope: Construct, id: string, props: SecureAssociatedResourcesProps) {
    super(scope, id);
    props = readProps(this, SECURE_ASSOCIATED_RESOURCES_PROPS, props);
    useProviders(this, props.provider);
    const { resourceGroup, location, tags } = props;
    const names = props.names ?? {};
    const common = { resourceGroupName: resourceGroup.name, location, tags };

    this.storageAccount = props.storageAccount ?? this.createStorageAccount(scope, props, common, names);
    this.createdKeyVault =
      props.keyVault === undefined ? this.createKeyVault(scope, props, common, names) : undefined;
    this.keyVault = props.keyVault ?? (this.createdKeyVault as KeyVault);
    if (props.containerRegistry !== undefined) {
      this.containerRegistry = props.containerRegistry;
      const publicAccess = props.containerRegistry.publicNetworkAccessEnabledInput;
      this.containerRegistryPrivateOnly = typeof publicAccess === 'boolean' ? !publicAccess : undefined;
    } else {
      const publicAccess = props.containerRegistryPublicNetworkAccess ?? false;
      this.containerRegistry = this.createContainerRegistry(scope, props, common, names, publicAccess);
      this.containerRegistryPrivateOnly = !publicAccess;
    }
    if (props.applicationInsights !== undefined) {
      this.applicationInsights = props.applicationInsights;
      // A brought azurerm ApplicationInsights has `workspaceId`; a classic component has none ('').
      const logs = props.applicationInsights.workspaceId;
      this.logAnalyticsWorkspaceId = logs === '' ? undefined : logs;
    } else {
      // Workspace-based Application Insights (classic ones are retired) on its own Log Analytics workspace.
      const logs = this.createLogAnalyticsWorkspace(props, common, names);
      const insights: IWorkspaceApplicationInsights = this.createApplicationInsights(
        props,
        common,
        names,
        logs.id,
      );
      this.applicationInsights = insights;
      this.logAnalyticsWorkspaceId = logs.id;
      this.joinPrivateLinkScope(props.monitoring?.privateLinkScopeId, props.workspaceName, logs, insights);
      this.linkSavedQueriesStorage(props, logs);
    }
  }

  private createContainerRegistry(
    scope: Construct,
    props: SecureAssociatedResourcesProps,
    common: CommonSettings,
    names: AssociatedResourceNames,
    publicAccess: boolean,
  ): IWorkspaceContainerRegistry {
    const name = names.containerRegistry ?? defaultContainerRegistryName(scope, props.workspaceName);
    checkAssociatedName(
      this,
      'container registry',
      names.containerRegistry,
      CONTAINER_REGISTRY_NAME_PATTERN,
      '5 to 50 letters and digits',
    );
    // Premium is the only SKU with private endpoints (the managed network reaches the registry through one);
    // admin user off: pulls use the workspace and endpoint identities, never a shared password; no public
    // access: images are built on the image-build compute inside the managed network.
    return new ContainerRegistry(this, 'ContainerRegistry', {
      ...common,
      name,
      sku: 'Premium',
      adminEnabled: false,
      publicNetworkAccessEnabled: publicAccess,
      networkRuleBypassOption: 'AzureServices',
      anonymousPullEnabled: false,
      // No `az acr import`/export pipelines out of a private registry (data exfiltration). azurerm accepts
      // false only with public access off (its CustomizeDiff), so a public registry leaves Azure's default.
      exportPolicyEnabled: publicAccess ? undefined : false,
      ...props.containerRegistryHardening,
    });
  }

  private createLogAnalyticsWorkspace(
    props: SecureAssociatedResourcesProps,
    common: CommonSettings,
    names: AssociatedResourceNames,
  ): LogAnalyticsWorkspace {
    const logsName = names.logAnalyticsWorkspace ?? defaultLogAnalyticsName(props.workspaceName);
    checkAssociatedName(
      this,
      'log analytics workspace',
      names.logAnalyticsWorkspace,
      LOG_ANALYTICS_NAME_PATTERN,
      '4 to 63 letters, digits and hyphens, not starting or ending with a hyphen',
    );
    return new LogAnalyticsWorkspace(this, 'LogAnalyticsWorkspace', {
      ...common,
      name: logsName,
      sku: 'PerGB2018',
      retentionInDays: 30,
      // Entra ID only: nothing of the library or of Azure ML writes with the workspace's shared keys
      // (diagnostic settings and workspace-based Application Insights use Azure Monitor's own pipeline).
      localAuthenticationEnabled: false,
      ...networkAccess(props.monitoring),
      ...savedQueriesSettings(props.monitoring),
    });
  }

  /**
   * Saved queries in the given storage account: the workspace's identity may write blobs there, then the account
   * is linked for `Query` (Azure links only for a workspace with a managed identity, and reaches the account
   * with it). `cmk_for_query_forced` is set on the workspace itself (savedQueriesSettings): Azure accepts it
   * before the link exists, and nothing of the stack saves a query in between.
   */
  private linkSavedQueriesStorage(props: SecureAssociatedResourcesProps, logs: LogAnalyticsWorkspace): void {
    const storage = props.monitoring?.savedQueriesStorage;
    if (storage === undefined) return;
    const accountId = storage._accountId(this.storageAccount);
    const access = grantRoleOnce(this, 'SavedQueriesStorageAccess', {
      scope: accountId,
      roleDefinitionName: SAVED_QUERIES_STORAGE_ROLE,
      principalId: logs.identity.principalId,
      principalType: 'ServicePrincipal',
    });
    new LogAnalyticsLinkedStorageAccount(this, 'SavedQueriesStorage', {
      dataSourceType: QUERY_DATA_SOURCE_TYPE,
      resourceGroupName: props.resourceGroup.name,
      workspaceId: logs.id,
      storageAccountIds: [accountId],
      dependsOn: [access],
    });
  }

  private createApplicationInsights(
    props: SecureAssociatedResourcesProps,
    common: CommonSettings,
    names: AssociatedResourceNames,
    logAnalyticsWorkspaceId: string,
  ): IWorkspaceApplicationInsights {
    checkAssociatedName(
      this,
      'application insights',
      names.applicationInsights,
      APPLICATION_INSIGHTS_NAME_PATTERN,
      '1 to 260 characters without %, &, \\, ?, / or control characters, not ending with a space or a period',
    );
    return new ApplicationInsights(this, 'ApplicationInsights', {
      ...common,
      name: names.applicationInsights ?? `${props.workspaceName}-appi`,
      applicationType: 'web',
      workspaceId: logAnalyticsWorkspaceId,
      // Sent only when turned off, so a stack of the previous release plans no change by default.
      localAuthenticationDisabled:
        props.monitoring?.applicationInsightsLocalAuth === false ? true : undefined,
      ...networkAccess(props.monitoring),
    });
  }

  /** Both created monitoring resources join the given Azure Monitor private link scope. */
  private joinPrivateLinkScope(
    scopeId: string | undefined,
    workspaceName: string,
    logs: LogAnalyticsWorkspace,
    insights: IWorkspaceApplicationInsights,
  ): void {
    if (scopeId === undefined) return;
    // `/subscriptions/s/resourceGroups/<group>/providers/Microsoft.Insights/privateLinkScopes/<name>`. An id
    // written with the slashes and tokens for the parts (`/subscriptions/${...}/resourceGroups/${...}/...`) is
    // split here (a token's encoding has no slash): Terraform's split of a string that embeds references is not
    // something cdktf renders reliably. A whole-id token is split by Terraform.
    const parts = scopeId.split('/');
    const part = (index: number): string =>
      isKnown(scopeId) || parts.length === 9
        ? (parts[index] ?? '')
        : Fn.element(Fn.split('/', scopeId), index);
    const scopeName = part(8);
    const scopeGroup = part(4);
    const join = (id: string, resource: { id: string }, suffix: string): void => {
      new MonitorPrivateLinkScopedService(this, id, {
        name: `${workspaceName}-${suffix}`,
        resourceGroupName: scopeGroup,
        scopeName,
        linkedResourceId: resource.id,
      });
    };
    join('LogAnalyticsScopedService', logs, 'log');
    join('ApplicationInsightsScopedService', insights, 'appi');
  }

  private createStorageAccount(
    scope: Construct,
    props: SecureAssociatedResourcesProps,
    common: CommonSettings,
    names: AssociatedResourceNames,
  ): IWorkspaceStorageAccount {
    const name = names.storageAccount ?? defaultStorageAccountName(scope, props.workspaceName);
    checkAssociatedName(
      this,
      'storage account',
      names.storageAccount,
      STORAGE_ACCOUNT_NAME_PATTERN,
      '3 to 24 lower-case letters and digits',
    );
    // Network-level public access stays on so `cdktf deploy` from a CI runner outside the virtual network can
    // upload model and code assets; the workspace itself reaches the account through the private endpoints
    // Azure creates in the managed network. No container or blob can be made anonymous, TLS 1.2 and HTTPS
    // only, no cross-tenant replication. docs/workspace.md explains how to lock the network down further.
    return new StorageAccount(this, 'StorageAccount', {
      ...common,
      name,
      accountTier: 'Standard',
      accountReplicationType: 'LRS',
      accountKind: 'StorageV2',
      allowNestedItemsToBePublic: false,
      minTlsVersion: 'TLS1_2',
      httpsTrafficOnlyEnabled: true,
      crossTenantReplicationEnabled: false,
      publicNetworkAccessEnabled: true,
      // A SAS signed with the account key should live at most a day; longer ones are logged (`Log` does not
      // refuse them: nothing of the deploy path uses a SAS, and refusing could break a user's own tooling).
      sasPolicy: { expirationPeriod: STORAGE_SAS_EXPIRATION_PERIOD, expirationAction: 'Log' },
      ...props.storageAccountHardening,
    });
  }

  private createKeyVault(
    scope: Construct,
    props: SecureAssociatedResourcesProps,
    common: CommonSettings,
    names: AssociatedResourceNames,
  ): KeyVault {
    const name = names.keyVault ?? defaultKeyVaultName(scope, props.workspaceName);
    checkAssociatedName(
      this,
      'key vault',
      names.keyVault,
      KEY_VAULT_NAME_PATTERN,
      '3 to 24 letters, digits and single hyphens, starting with a letter and ending with a letter or digit',
    );
    const client = new DataAzurermClientConfig(this, 'ClientConfig', {});
    // RBAC instead of access policies; purge protection so a deleted vault (and the workspace's secrets) can be
    // recovered; network default Deny with the AzureServices bypass: key-auth online endpoints fail without it.
    return new KeyVault(this, 'KeyVault', {
      ...common,
      name,
      tenantId: client.tenantId,
      skuName: 'standard',
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: 90,
      networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny' },
      // Nothing of the stack writes into the vault (Azure ML does, as a trusted service or through the managed
      // network's private endpoint); public access off still lets those through (see docs/workspace.md).
      publicNetworkAccessEnabled: false,
    });
  }
}
