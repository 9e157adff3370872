import { addPreconditions, createOnlyPreconditions } from '../core/create-only-guard';
import { Construct, IConstruct } from 'constructs';
import { ProviderProps, useProviders } from '../core/providers';
import { Fn, ITerraformDependable, TerraformResource, Token } from 'cdktf';
import {
  enabledOrDisabled,
  DEFAULT_ML_API_VERSION,
  MlApiVersion,
  WorkspaceBody,
  WorkspaceProperties,
} from '../arm';
import { AzapiResource } from '../azapi';
import {
  ARM_TYPES,
  armIdLifecycle,
  isKnown,
  readArmId,
  readProps,
  readTags,
  TAG_LIMITS,
  TagLimits,
  topLevelNameFromId,
  problemsOf,
} from '../checks';
import {
  armId,
  bool,
  catalogText,
  defineProps,
  instanceOf,
  name,
  oneOf,
  provider,
  tags,
  text,
  whole,
} from '../checks/read';
import { EndpointLogs } from '../core/log-destinations';
import { createDiagnostics, WorkspaceDiagnosticSettings } from './workspace-diagnostics';
import { regionReader, RESOURCE_GROUP_READER } from '../core/readers';
import { AzureRegion, checkInheritedRegion } from '../core/region';
import { ASSOCIATED_NAMES_READER, ASSOCIATED_READERS } from './readers';
import { IResourceGroup } from '../core';
import {
  AssociatedResourceNames,
  IWorkspaceApplicationInsights,
  IWorkspaceContainerRegistry,
  IWorkspaceKeyVault,
  IWorkspaceStorageAccount,
} from './associated-resource-types';
import { SecureAssociatedResources, SecureAssociatedResourcesProps } from './associated-resources';
import { FirewallSku } from './firewall-sku';
import { createImageBuildCluster, ImageBuildCompute } from './image-build-compute';
import { blobEndpointWithSlash, readLogAnalyticsWorkspaceId } from './application-insights-logs';
import {
  INBOUND_PRIVATE_ENDPOINT_READER,
  InboundPrivateEndpointOptions,
  IWorkspacePrivateEndpoint,
  WorkspacePrivateEndpoint,
} from './inbound-private-endpoint';
import { IsolationMode } from './isolation-mode';
import { ManagedNetworkProvisioning } from './managed-network-provisioning';
import {
  checkComputeName,
  checkWorkspaceName,
  PRIVATE_ENDPOINT_NAME_PATTERN,
  publicCloudBlobEndpoint,
} from './names';
import { ManagedVnetWorkspaceBase } from './workspace-base';
import {
  checkContainerRegistrySku,
  checkClusterReachesRegistry,
  checkFirewallSku,
  checkImageBuildCluster,
  checkImageBuildCompute,
  checkProvisioningHasNetwork,
  checkInboundAccess,
  checkKeyVaultBypass,
  checkPreviewOnlyProperties,
  checkSameSubscription,
  checkWorkspaceStorageAccount,
  workspaceNameClashes,
} from './workspace-checks';
import { WorkspaceIdentity } from './workspace-identity';
import { checkMonitoringAccess, checkPrivateDnsByPolicy } from './hardening-checks';
import { SavedQueriesStorage } from './saved-queries-storage';
import { ImportedWorkspaceAttributes, importWorkspace, importWorkspaceById } from './imported-workspace';
import {
  checkCustomerManagedKey,
  CUSTOMER_MANAGED_KEY_READER,
  CustomerManagedKeyOptions,
  ENCRYPTION_REPLACE_TRIGGERS,
  grantKeyAccess,
  workspaceEncryption,
} from './customer-managed-key';
import {
  checkStorageNetworkAccess,
  checkStorageOptionsNeedCreatedAccount,
  createStoragePrivateEndpoint,
  StorageNetworkAccess,
} from './storage-network-access';
import { containerRegistryHardening, storageAccountHardening } from './hardening';
import { checkProvidersUseEntraForStorage } from './identity-datastores';
import { grantAssociatedRoles, grantWorkspaceRole } from './workspace-identity-roles';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { checkUserAssignedIdentity } from '../core/identity-checks';
import { enableManagedNetwork, EnableManagedNetworkProps } from './enable-managed-network';
import { IManagedVnetWorkspace, InboundAccess, WorkspaceBlobStore } from './workspace-ref';

/** Props of `ManagedVnetWorkspace`. */
export interface ManagedVnetWorkspaceProps extends ProviderProps {
  /** The resource group of the workspace (and of the associated resources created here). */
  readonly resourceGroup: IResourceGroup;
  /** Workspace name: 3 to 33 characters, letters, digits, `_` and `-`, starting with a letter or digit. */
  readonly workspaceName: string;
  /**
   * Azure region of the workspace and everything it creates: a region of the public cloud as text (SE401), an
   * `AzureRegion` (`AzureRegion.of(name)` for one the list does not have, unchecked), or a Terraform expression.
   * @default the resource group's location
   */
  readonly location?: string | AzureRegion;
  /** Display name. @default none (the portal shows the workspace name) */
  readonly friendlyName?: string;
  /** @default none */
  readonly description?: string;
  /**
   * Outbound isolation of the managed virtual network. Cannot be relaxed after creation (Azure refuses to go
   * from AllowOnlyApprovedOutbound or AllowInternetOutbound back to Disabled).
   * @default IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND
   */
  readonly isolationMode?: IsolationMode;
  /**
   * SKU of the Azure Firewall Azure deploys into the managed network as soon as the workspace has an FQDN
   * outbound rule (AllowOnlyApprovedOutbound only). The firewall is billed to your subscription, hourly plus
   * per GB processed, for as long as an FQDN rule exists; `FirewallSku.BASIC` costs less.
   * @default FirewallSku.STANDARD
   */
  readonly firewallSku?: FirewallSku;
  /**
   * Whether the workspace (studio, APIs, endpoints' control plane) is reachable from the internet. Off keeps
   * the workspace reachable only through private endpoints.
   * @default false
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * Creates the workspace's inbound private endpoint (sub-resource `amlworkspace`) in a subnet of your
   * virtual network, with its DNS zone group and, unless zone ids are given, the private DNS zones.
   * @default none: then either `publicNetworkAccess` or `inboundAccessArrangedElsewhere` must be set (SE107)
   */
  readonly inboundPrivateEndpoint?: InboundPrivateEndpointOptions;
  /**
   * Says explicitly that inbound access to a workspace without public access is provided outside this stack
   * (a private endpoint created by a network team, for example). Without it such a workspace is refused.
   * @default false
   */
  readonly inboundAccessArrangedElsewhere?: boolean;
  /**
   * Bring your own storage account (any resource group of the workspace's subscription).
   * @default a StorageV2 account without anonymous blob access, TLS 1.2, HTTPS only
   */
  readonly storageAccount?: IWorkspaceStorageAccount;
  /**
   * Bring your own Key Vault; its network ACL bypass must be AzureServices (SE106).
   * @default a Key Vault with RBAC, purge protection, network default Deny and AzureServices bypass
   */
  readonly keyVault?: IWorkspaceKeyVault;
  /**
   * Bring your own container registry; Premium when the workspace is reachable only privately (SE104).
   * @default a Premium registry, admin user disabled, public network access disabled
   */
  readonly containerRegistry?: IWorkspaceContainerRegistry;
  /** Bring your own Application Insights. @default a workspace-based one on a new Log Analytics workspace */
  readonly applicationInsights?: IWorkspaceApplicationInsights;
  /** Names of the associated resources created here. @default derived from the workspace name */
  readonly associatedResourceNames?: AssociatedResourceNames;
  /**
   * Where environment images are built, sent as `properties.imageBuildCompute`.
   * @default ImageBuildCompute.cluster(): a Standard_DS3_v2 cluster with 0 to 1 nodes named `image-build`
   */
  readonly imageBuildCompute?: ImageBuildCompute;
  /**
   * Run `provisionManagedNetwork` after the workspace, its inbound private endpoint and every outbound rule
   * exist. Online deployments cannot be created before the managed network is provisioned.
   * @default true when the isolation mode has a managed network
   */
  readonly provisionManagedNetwork?: boolean;
  /** Provision the managed network for Spark jobs as well. @default false */
  readonly includeSpark?: boolean;
  /** @default WorkspaceIdentity.systemAssigned() */
  readonly identity?: WorkspaceIdentity;
  /** @default MlApiVersion.V2026_05_15_PREVIEW */
  readonly apiVersion?: MlApiVersion;
  /** Tags of the workspace and of the resources created here. @default none */
  readonly tags?: { [key: string]: string };
  /** Days a deleted workspace can be recovered. Preview api-versions only (SE109). @default Azure's default */
  readonly softDeleteRetentionInDays?: number;
  /** Generate software bills of materials for images. Preview api-versions only (SE109). @default Azure's default */
  readonly enableSoftwareBillOfMaterials?: boolean;
  /**
   * Delete the workspace for good when the stack is destroyed (`forceToPurge=true` on the DELETE), instead of
   * leaving it soft-deleted. A soft-deleted workspace keeps its name (and blocks a new workspace with that name)
   * for the retention period, and can be recovered; purged, it cannot. For short-lived environments (CI) that
   * create and destroy the same stack.
   * @default false: a destroyed workspace is soft-deleted and recoverable
   */
  readonly purgeOnDestroy?: boolean;
  /**
   * Where the workspace's and the created Key Vault's resource logs (category groups `audit` and `allLogs`) and
   * metrics go: diagnostic settings named `workspace-logs` and `key-vault-logs`. The same destinations as an
   * endpoint's `logs`. A brought Key Vault is left to its owner. Log Analytics ingestion is billed per GB.
   * @default the Log Analytics workspace behind Application Insights when it is known at synth (created here, or
   * a brought component's `workspaceId`); none for a classic or an `{ id }`-only component
   */
  readonly diagnosticLogs?: EndpointLogs;
  /**
   * Key-based (instrumentation key) ingestion into the created Application Insights. Off, Application Insights
   * accepts only Entra ID-authenticated telemetry: the request telemetry deployments send with
   * `appInsightsEnabled` (instrumentation key) is refused, while diagnostic settings (endpoint and workspace logs,
   * metrics) keep working. Only for a created Application Insights (SE142).
   * @default true
   */
  readonly applicationInsightsLocalAuth?: boolean;
  /**
   * Ingestion and query from public networks on the created Log Analytics workspace and Application Insights.
   * Off, they are reached only through an Azure Monitor private link scope, which `monitoringPrivateLinkScopeId`
   * must name (SE141): portal queries work from networks linked to that scope only. Diagnostic settings keep
   * delivering (Azure Monitor's own pipeline). Only for created ones (SE142).
   * @default true
   */
  readonly monitoringPublicNetworkAccess?: boolean;
  /**
   * ARM id of an Azure Monitor private link scope (AMPLS) the created Log Analytics workspace and Application
   * Insights join (two `azurerm_monitor_private_link_scoped_service`, named `<workspace>-log` and
   * `<workspace>-appi`, created in the scope's resource group). The scope, its private endpoint and its DNS zones
   * are the network team's: one scope per network, because its DNS zones are shared. Only for created ones (SE142).
   * @default none
   */
  readonly monitoringPrivateLinkScopeId?: string;
  /**
   * Keep the created Log Analytics workspace's saved queries and log search alert queries in a storage account of
   * yours, encrypted with its keys (a customer-managed key when the account has one), and refuse any other place
   * (`cmk_for_query_forced`): the account is linked for `Query` (an
   * `azurerm_log_analytics_linked_storage_account` named `SavedQueriesStorage`), the Log Analytics workspace gets
   * a system-assigned identity (Azure links storage only for a workspace with one) and Storage Blob Data
   * Contributor on the account. Costs: the account's storage and transactions; queries saved in query packs are
   * not kept there (save them as legacy queries to keep them encrypted), and Azure Monitor asks you to copy the
   * saved searches and functions a live workspace already has before linking, since linking removes them from
   * the workspace. Ad-hoc queries are unaffected. Applies in place (no replacement). Only for a created Log
   * Analytics workspace (SE142).
   * @default none: Azure keeps saved queries, encrypted with Microsoft-managed keys
   */
  readonly savedQueriesStorage?: SavedQueriesStorage;
  /**
   * Encrypt the workspace, and the storage account and container registry it creates, with your Key Vault key
   * (read through a user-assigned identity, granted the key unless told otherwise). Costs: Azure ML keeps the
   * workspace's metadata in a Cosmos DB, an AI Search service and a storage account of a Microsoft-managed
   * resource group, billed to you. Prerequisites: purge protection on the key's vault (SE160), an RBAC vault
   * or `grantKeyAccess: false` (SE162). Set at creation: on a live workspace it replaces the workspace (and the
   * created registry and storage account, whose queues and tables then use the account's key), so decide
   * before the first apply. A brought storage account or registry is not changed.
   * @default none: Microsoft-managed keys
   */
  readonly customerManagedKey?: CustomerManagedKeyOptions;
  /**
   * The system datastores authenticate with identities (`systemDatastoresAuthMode: Identity`) and the created
   * storage account refuses shared keys. Prerequisites: every azurerm provider that writes to the account sets
   * `storageUseAzuread: true` (SE166), and the deploying principal has Storage Blob Data Contributor on it.
   * Applies in place on a live stack.
   * @default false: account keys
   */
  readonly identityBasedDatastores?: boolean;
  /**
   * How the deploy path reaches the created storage account: from anywhere, from allowed public IP ranges, or
   * through a `blob` private endpoint for a runner inside your network (public access off). Applies in place.
   * @default StorageNetworkAccess.publicAccess()
   */
  readonly storageNetworkAccess?: StorageNetworkAccess;
  /**
   * A second layer of encryption at rest on the created storage account. Azure sets it only when the account is
   * created: on a live stack it replaces the storage account and therefore the workspace.
   * @default false
   */
  readonly storageInfrastructureEncryption?: boolean;
}

const EXPR = { tokens: 'expression' } as const;

export const MANAGED_VNET_WORKSPACE_PROPS = defineProps<ManagedVnetWorkspaceProps>(
  'ManagedVnetWorkspaceProps',
  {
    resourceGroup: RESOURCE_GROUP_READER,
    workspaceName: name({ ...EXPR, check: checkWorkspaceName }),
    location: regionReader(),
    friendlyName: text(EXPR),
    description: text(EXPR),
    isolationMode: oneOf(IsolationMode),
    firewallSku: oneOf(FirewallSku),
    // Sent as `cond ? "Enabled" : "Disabled"`; the private-only checks treat an expression as possibly false.
    publicNetworkAccess: bool(EXPR),
    inboundPrivateEndpoint: INBOUND_PRIVATE_ENDPOINT_READER,
    inboundAccessArrangedElsewhere: bool({
      tokens: 'refuse',
      why: 'it decides at synth whether the checks that somebody can reach the workspace (SE107, SE210) apply',
    }),
    ...ASSOCIATED_READERS,
    associatedResourceNames: ASSOCIATED_NAMES_READER,
    imageBuildCompute: instanceOf(ImageBuildCompute),
    provisionManagedNetwork: bool({
      tokens: 'refuse',
      why: 'it decides at synth whether the provisioning action exists, which deployments wait for',
    }),
    // Sent in the provisioning request as an expression.
    includeSpark: bool(EXPR),
    identity: instanceOf(WorkspaceIdentity),
    apiVersion: oneOf(MlApiVersion),
    tags: tags(),
    softDeleteRetentionInDays: whole({ ...EXPR, min: 1, code: 'SE009', unit: 'days' }),
    enableSoftwareBillOfMaterials: bool(EXPR),
    // Sent as the expression `cond ? { forceToPurge = ["true"] } : null`: a false variable never purges.
    purgeOnDestroy: bool(EXPR),
    diagnosticLogs: instanceOf(EndpointLogs),
    applicationInsightsLocalAuth: bool({
      tokens: 'refuse',
      why: 'it decides at synth whether the setting is sent at all (unset, a stack of an earlier release plans no change)',
    }),
    monitoringPublicNetworkAccess: bool({
      tokens: 'refuse',
      why: 'it decides at synth whether a private link scope is required (SE141) and whether the settings are sent',
    }),
    monitoringPrivateLinkScopeId: armId({ ...EXPR, resourceType: ARM_TYPES.MONITOR_PRIVATE_LINK_SCOPE }),
    savedQueriesStorage: instanceOf(SavedQueriesStorage),
    customerManagedKey: CUSTOMER_MANAGED_KEY_READER,
    identityBasedDatastores: bool({
      tokens: 'refuse',
      why: 'it decides at synth whether the storage account accepts shared keys, which SE166 checks',
    }),
    storageNetworkAccess: instanceOf(StorageNetworkAccess),
    storageInfrastructureEncryption: bool({
      tokens: 'refuse',
      why: 'it replaces the storage account (and the workspace) when it changes, and applies to a created account only (SE163)',
    }),
    provider: provider(),
  },
);

/**
 * An Azure Machine Learning workspace with a managed virtual network, secure by default: approved outbound
 * only, no public network access, no v1 legacy mode, hardened associated resources, an image-build compute
 * for the private registry, and the managed network provisioned before anything is deployed into it.
 *
 * @example
 * const workspace = new ManagedVnetWorkspace(this, 'Workspace', {
 *   resourceGroup,
 *   workspaceName: 'mlw-secure',
 *   inboundPrivateEndpoint: { subnet },
 * });
 */
export class ManagedVnetWorkspace extends ManagedVnetWorkspaceBase {
  /**
   * A workspace created elsewhere (for example with `az ml workspace create`). The result has the same
   * `add...Rule` methods, `outboundRules` and `_managedNetworkProvisioning` as a workspace created here.
   */
  public static fromWorkspaceAttributes(
    scope: Construct,
    id: string,
    attrs: ImportedWorkspaceAttributes,
  ): IManagedVnetWorkspace {
    return importWorkspace(scope, id, attrs);
  }

  /**
   * A workspace created elsewhere, from its ARM id alone: its resource group and name come from the id, its region,
   * storage account, Key Vault, registry and identity are read from the live workspace at plan time. It is taken to
   * have the how-to's isolation mode (`IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND`), which the plan verifies: for
   * another mode, or to know the region at synth, use `fromWorkspaceAttributes`.
   */
  public static fromWorkspaceId(scope: Construct, id: string, workspaceId: string): IManagedVnetWorkspace {
    return importWorkspaceById(scope, id, workspaceId);
  }

  /**
   * The how-to's migration alternative: turns on the managed virtual network of an existing workspace in place
   * (an update, not a replacement), then provisions it after every outbound rule added to the result; online
   * endpoints on the result wait for both. Before the first deploy, delete the workspace's computes (Azure
   * refuses the change while it has any) and check with your network team: a managed network cannot be turned
   * off again. Isolation Disabled is refused (SE330), a firewall SKU without approved-only outbound too (SE331).
   */
  public static enableManagedNetwork(
    scope: Construct,
    id: string,
    props: EnableManagedNetworkProps,
  ): IManagedVnetWorkspace {
    return enableManagedNetwork(scope, id, props);
  }

  /** {@inheritDoc IManagedVnetWorkspace.workspaceId} */
  public readonly workspaceId: string;
  /** {@inheritDoc IManagedVnetWorkspace.workspaceName} */
  public readonly workspaceName: string;
  /** {@inheritDoc IManagedVnetWorkspace.location} */
  public readonly location: string;
  /** The resource group of the workspace. */
  public readonly resourceGroup: IResourceGroup;
  /** {@inheritDoc IManagedVnetWorkspace.resourceGroupName} */
  public readonly resourceGroupName: string;
  /** {@inheritDoc IManagedVnetWorkspace.apiVersion} */
  public readonly apiVersion: MlApiVersion;
  /** {@inheritDoc IManagedVnetWorkspace.isolationMode} */
  public readonly isolationMode: IsolationMode;
  /** {@inheritDoc IManagedVnetWorkspace.inboundAccess} */
  public readonly inboundAccess: InboundAccess | undefined;
  /** {@inheritDoc IManagedVnetWorkspace.containerRegistryPrivateOnly} */
  public readonly containerRegistryPrivateOnly: boolean | undefined;
  /** The workspace's storage account (brought or created). */
  public readonly storageAccount: IWorkspaceStorageAccount;
  /** The workspace's Key Vault (brought or created). */
  public readonly keyVault: IWorkspaceKeyVault;
  /** The workspace's container registry (brought or created). */
  public readonly containerRegistry: IWorkspaceContainerRegistry;
  /** The workspace's Application Insights (brought or created). */
  public readonly applicationInsights: IWorkspaceApplicationInsights;
  /** {@inheritDoc IManagedVnetWorkspace.storageAccountId} */
  public readonly storageAccountId: string;
  /** {@inheritDoc IManagedVnetWorkspace.keyVaultId} */
  public readonly keyVaultId: string;
  /** {@inheritDoc IManagedVnetWorkspace.containerRegistryId} */
  public readonly containerRegistryId: string;
  /** ARM id of the Application Insights component. */
  public readonly applicationInsightsId: string;
  /** {@inheritDoc IManagedVnetWorkspace.workspaceGuid} */
  public readonly workspaceGuid: string;
  /** The discovery URL of the workspace's region. */
  public readonly workspaceDiscoveryUrl: string;
  /** The MLflow tracking URI. */
  public readonly workspaceMlFlowTrackingUri: string;
  /** {@inheritDoc IManagedVnetWorkspace.workspacePrincipalId} */
  public readonly workspacePrincipalId: string | undefined;
  /** {@inheritDoc IManagedVnetWorkspace.workspaceBlobStore} */
  public readonly workspaceBlobStore: WorkspaceBlobStore;
  /** The name sent as `properties.imageBuildCompute`, if any. */
  public readonly imageBuildComputeName: string | undefined;
  /** The image-build cluster's `azapi_resource` (construct id `ImageBuildCompute`), when created here. */
  public readonly imageBuildComputeResource: TerraformResource | undefined;
  /** The inbound private endpoint and its DNS, when created here. */
  public readonly inboundPrivateEndpoint: IWorkspacePrivateEndpoint | undefined;
  /** The `provisionManagedNetwork` action, when created. @internal */
  public readonly _managedNetworkProvisioning: ManagedNetworkProvisioning | undefined;
  /** {@inheritDoc IManagedVnetWorkspace.managedNetworkReady} */
  public readonly managedNetworkReady: ITerraformDependable[];
  /** The workspace's `azapi_resource` (construct id `Resource`), for overrides (`addOverride`). */
  public readonly resource: TerraformResource;
  /** The workspace's and the created Key Vault's diagnostic settings (none when disabled). */
  public readonly diagnosticSettings: WorkspaceDiagnosticSettings;

  constructor(scope: Construct, id: string, props: ManagedVnetWorkspaceProps) {
    super(scope, id);
    props = readProps(this, MANAGED_VNET_WORKSPACE_PROPS, props);
    useProviders(this, props.provider);
    this.workspaceName = props.workspaceName;
    this.resourceGroup = props.resourceGroup;
    this.resourceGroupName = props.resourceGroup.name;
    this.location = catalogText(props.location) ?? props.resourceGroup.location;
    this._locationAsConfigured = catalogText(props.location) ?? props.resourceGroup.locationInput;
    this.apiVersion = props.apiVersion ?? DEFAULT_ML_API_VERSION;
    this.isolationMode = props.isolationMode ?? IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND;
    const imageBuild = props.imageBuildCompute ?? ImageBuildCompute.cluster();
    this.validateProps(props, imageBuild);
    this.inboundAccess = inboundAccessOf(props);

    const associated = this.bindAssociatedResources(props);
    this.storageAccount = associated.storageAccount;
    this.keyVault = associated.keyVault;
    this.containerRegistry = associated.containerRegistry;
    this.applicationInsights = associated.applicationInsights;
    this.containerRegistryPrivateOnly = associated.containerRegistryPrivateOnly;
    this.storageAccountId = this.storageAccount.id;
    this.keyVaultId = this.keyVault.id;
    this.containerRegistryId = this.containerRegistry.id;
    this.applicationInsightsId = this.applicationInsights.id;
    this.associatedLogAnalyticsWorkspaceId = associated.logAnalyticsWorkspaceId;
    // A brought `{ id }` that does not say its Log Analytics workspace: read it at plan time when asked for.
    this.readsLogAnalytics =
      props.applicationInsights !== undefined && props.applicationInsights.workspaceId === undefined;
    this.validateWithAssociated(props, imageBuild);
    this.imageBuildComputeName = imageBuild.computeName;

    const identity = props.identity ?? WorkspaceIdentity.systemAssigned();
    this.prepareHardening(props, identity);
    const uami = identity.userAssignedIdentity;
    if (uami !== undefined) checkUserAssignedIdentity(this, 'identity (user-assigned)', uami);
    const body = this.renderBody(props, identity);
    problemsOf(this).record(checkPreviewOnlyProperties(this.apiVersion, body.properties));
    const resource = this.createResource(props, body, identity);
    this.resource = resource;
    this.grantAndGuard(props, identity, resource);
    this.workspaceId = resource.id;
    this.workspaceGuid = resource.outputString('workspaceGuid');
    this.workspaceDiscoveryUrl = resource.outputString('discoveryUrl');
    this.workspaceMlFlowTrackingUri = resource.outputString('mlFlowTrackingUri');
    this.workspacePrincipalId =
      identity.userAssignedIdentity === undefined
        ? resource.outputString('principalId')
        : identity.userAssignedIdentity.principalId;
    this.workspaceBlobStore = this.blobStore();

    this.inboundPrivateEndpoint = this.createInboundPrivateEndpoint(props);
    this._managedNetworkProvisioning = this.provisionManagedNetwork(props);
    this.imageBuildComputeResource = this.createImageBuildCluster(props, imageBuild);
    this.diagnosticSettings = createDiagnostics(
      this,
      props.diagnosticLogs,
      associated.createdKeyVault,
      associated.logAnalyticsWorkspaceId,
    );
    this.managedNetworkReady = [
      this._managedNetworkProvisioning?.resource ?? this.resource,
      ...(this.imageBuildComputeResource ? [this.imageBuildComputeResource] : []),
    ];
  }

  /** Checks on what the user gave, reported together at synth. */
  private validateProps(props: ManagedVnetWorkspaceProps, imageBuild: ImageBuildCompute): void {
    if (props.location === undefined) {
      problemsOf(this).record(checkInheritedRegion('resourceGroup.location', this.location));
    }
    readIdsAndTags(this, props);
    problemsOf(this).record(checkWorkspaceName(props.workspaceName));
    problemsOf(this).addRule(() =>
      workspaceNameClashes(
        this,
        props.resourceGroup.id,
        isCreatedWorkspace,
        (w) => (w as ManagedVnetWorkspace).resourceGroup.id,
      ),
    );
    const publicNetworkAccess = props.publicNetworkAccess ?? false;
    problemsOf(this).record(
      checkInboundAccess(
        props.workspaceName,
        publicNetworkAccess,
        props.inboundPrivateEndpoint !== undefined,
        props.inboundAccessArrangedElsewhere ?? false,
      ),
    );
    problemsOf(this).record(checkKeyVaultBypass(props.keyVault));
    checkWorkspaceStorageAccount(this, props.storageAccount);
    problemsOf(this).record(checkFirewallSku(props.workspaceName, this.isolationMode, props.firewallSku));
    problemsOf(this).record(checkContainerRegistrySku(props.containerRegistry, publicNetworkAccess));
    problemsOf(this).record(
      checkSameSubscription(props.resourceGroup.id, {
        'storage account': props.storageAccount?.id,
        'key vault': props.keyVault?.id,
        'container registry': props.containerRegistry?.id,
        'application insights': props.applicationInsights?.id,
      }),
    );
    const computeName = imageBuild.computeName;
    if (computeName !== undefined) problemsOf(this).record(checkComputeName(computeName));
    problemsOf(this).record(checkImageBuildCluster(imageBuild));
    problemsOf(this).record(
      checkMonitoringAccess({
        ...props,
        applicationInsightsBrought: props.applicationInsights !== undefined,
      }),
    );
    problemsOf(this).record(checkPrivateDnsByPolicy(props.inboundPrivateEndpoint));
    this.validateHardening(props);
  }

  /** SE160 to SE166: what the hardening options need, where the library can see it. */
  private validateHardening(props: ManagedVnetWorkspaceProps): void {
    const cmk = props.customerManagedKey;
    if (cmk !== undefined) problemsOf(this).record(checkCustomerManagedKey(cmk));
    problemsOf(this).record(checkStorageNetworkAccess(props.storageNetworkAccess));
    for (const problem of checkStorageOptionsNeedCreatedAccount(props.storageAccount !== undefined, {
      // Public access (the default) changes nothing on the account: only the options that do are refused.
      storageNetworkAccess:
        props.storageNetworkAccess?._kind === 'public' ? undefined : props.storageNetworkAccess,
      storageInfrastructureEncryption: props.storageInfrastructureEncryption,
    })) {
      problemsOf(this).report(problem.code, problem.detail);
    }
    problemsOf(this).addRule(() => {
      const account = this.storageAccount;
      if (!(account instanceof StorageAccount) || account.sharedAccessKeyEnabledInput !== false) return [];
      return checkProvidersUseEntraForStorage(
        account,
        this.workspaceBlobStore.storageAccountName,
        this.workspaceName,
        props.storageAccount === undefined ? props.provider : undefined,
      );
    });
  }

  /**
   * What the hardening options create before the workspace, which waits for it: the customer-managed key's
   * grant (the created storage account and registry wait for it too), the brought identity's roles on the
   * associated resources, the storage account's blob private endpoint.
   */
  private prepareHardening(props: ManagedVnetWorkspaceProps, identity: WorkspaceIdentity): void {
    if (identity.assignRoles && identity.userAssignedIdentity !== undefined) {
      this.workspaceDependsOn.push(
        ...grantAssociatedRoles(this.identityRoles(), identity.userAssignedIdentity, {
          storageAccount: this.storageAccountId,
          keyVault: this.keyVaultId,
          containerRegistry: this.containerRegistryId,
          applicationInsights: this.applicationInsightsId,
        }),
      );
    }
    const access = props.storageNetworkAccess;
    if (access?._privateEndpoint !== undefined && props.storageAccount === undefined) {
      this.workspaceDependsOn.push(
        createStoragePrivateEndpoint(this, access._privateEndpoint, {
          storageAccountId: this.storageAccountId,
          storageAccountName: this.workspaceBlobStoreAccountName(),
          resourceGroup: props.resourceGroup,
          location: this.location,
          workspaceName: props.workspaceName,
          tags: props.tags,
        }),
      );
    }
  }

  private workspaceBlobStoreAccountName(): string {
    return this.storageAccount.name ?? topLevelNameFromId(this.storageAccountId);
  }

  /** The parent of the brought identity's role assignments. */
  private identityRoles(): Construct {
    return (
      (this.node.tryFindChild('IdentityRoles') as Construct | undefined) ??
      new Construct(this, 'IdentityRoles')
    );
  }

  /** Grants and private endpoints the workspace resource waits for. */
  private readonly workspaceDependsOn: ITerraformDependable[] = [];

  /** Checks that need the associated resources as bound (whether the registry is private), then SE114. */
  private validateWithAssociated(props: ManagedVnetWorkspaceProps, imageBuild: ImageBuildCompute): void {
    problemsOf(this).record(
      checkImageBuildCompute(this.containerRegistryPrivateOnly, imageBuild.computeName),
    );
    problemsOf(this).record(
      checkClusterReachesRegistry(this.isolationMode, this.containerRegistryPrivateOnly, imageBuild),
    );
    problemsOf(this).record(checkProvisioningHasNetwork(this.isolationMode, props.provisionManagedNetwork));
  }

  /** The storage account, Key Vault, container registry and Application Insights: brought or created. */
  private bindAssociatedResources(props: ManagedVnetWorkspaceProps): SecureAssociatedResources {
    return new SecureAssociatedResources(this, 'Associated', {
      resourceGroup: props.resourceGroup,
      location: this.location,
      workspaceName: props.workspaceName,
      storageAccount: props.storageAccount,
      keyVault: props.keyVault,
      containerRegistry: props.containerRegistry,
      // Without a managed network nothing of Azure ML reaches a private registry (no private endpoint to it).
      containerRegistryPublicNetworkAccess: !this.isolationMode.isManaged,
      applicationInsights: props.applicationInsights,
      names: props.associatedResourceNames,
      tags: props.tags,
      monitoring: {
        applicationInsightsLocalAuth: props.applicationInsightsLocalAuth,
        publicNetworkAccess: props.monitoringPublicNetworkAccess,
        privateLinkScopeId: props.monitoringPrivateLinkScopeId,
        // Only a created Log Analytics workspace links it (SE142 refuses it with a brought Application Insights).
        savedQueriesStorage: props.applicationInsights === undefined ? props.savedQueriesStorage : undefined,
      },
      ...this.associatedHardening(props),
    });
  }

  /** The created storage account's and registry's settings from the hardening options (hardening.ts). */
  private associatedHardening(
    props: ManagedVnetWorkspaceProps,
  ): Pick<SecureAssociatedResourcesProps, 'storageAccountHardening' | 'containerRegistryHardening'> {
    const cmk = props.customerManagedKey;
    const keyAccess = cmk !== undefined ? grantKeyAccess(this, cmk) : undefined;
    if (keyAccess !== undefined) this.workspaceDependsOn.push(keyAccess);
    const options = {
      customerManagedKey: cmk,
      keyAccess,
      identityBasedDatastores: props.identityBasedDatastores,
      storageNetworkAccess: props.storageNetworkAccess,
      storageInfrastructureEncryption: props.storageInfrastructureEncryption,
    };
    const storage = storageAccountHardening(options);
    const registry = containerRegistryHardening(options);
    return {
      storageAccountHardening: Object.keys(storage).length > 0 ? storage : undefined,
      containerRegistryHardening: Object.keys(registry).length > 0 ? registry : undefined,
    };
  }

  /** The workspace's ARM body. */
  private renderBody(props: ManagedVnetWorkspaceProps, identity: WorkspaceIdentity): WorkspaceBody {
    const properties: WorkspaceProperties = {
      friendlyName: props.friendlyName,
      description: props.description,
      storageAccount: this.storageAccountId,
      keyVault: this.keyVaultId,
      applicationInsights: this.applicationInsightsId,
      containerRegistry: this.containerRegistryId,
      imageBuildCompute: this.imageBuildComputeName,
      publicNetworkAccess: enabledOrDisabled(props.publicNetworkAccess ?? false),
      // v1 legacy mode makes online endpoint creation fail (the how-to's first limitation): always off.
      v1LegacyMode: false,
      primaryUserAssignedIdentity: identity.userAssignedIdentity?.id,
      // Rules are separate `workspaces/outboundRules` resources, never this map (see OutboundRuleBase).
      managedNetwork: {
        isolationMode: this.isolationMode._armValue,
        firewallSku:
          this.isolationMode === IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND
            ? (props.firewallSku ?? FirewallSku.STANDARD)._armValue
            : undefined,
      },
      softDeleteRetentionInDays: props.softDeleteRetentionInDays,
      enableSoftwareBillOfMaterials: props.enableSoftwareBillOfMaterials,
      encryption: props.customerManagedKey ? workspaceEncryption(props.customerManagedKey) : undefined,
      systemDatastoresAuthMode: props.identityBasedDatastores === true ? 'Identity' : undefined,
    };
    return { kind: 'Default', sku: { name: 'Basic', tier: 'Basic' }, properties };
  }

  /**
   * The roles a user-assigned identity needs on the workspace, and the plan-time refusal of a change to what
   * Azure sets only at creation.
   */
  private grantAndGuard(
    props: ManagedVnetWorkspaceProps,
    identity: WorkspaceIdentity,
    resource: AzapiResource,
  ): void {
    if (identity.assignRoles && identity.userAssignedIdentity !== undefined) {
      grantWorkspaceRole(this.identityRoles(), identity.userAssignedIdentity, resource.id);
    }
    addPreconditions(
      resource,
      createOnlyPreconditions(this, resource, {
        type: this.apiVersion.resourceType('workspaces'),
        // Built from names, so that the read runs at plan time.
        liveId: `${props.resourceGroup.id}/providers/Microsoft.MachineLearningServices/workspaces/${props.workspaceName}`,
        subject: `workspace '${props.workspaceName}'`,
        wanted: {
          'properties.storageAccount': this.storageAccountId,
          'properties.keyVault': this.keyVaultId,
          'properties.managedNetwork.isolationMode': this.isolationMode.value,
        },
      }),
    );
  }

  private createResource(
    props: ManagedVnetWorkspaceProps,
    body: WorkspaceBody,
    identity: WorkspaceIdentity,
  ): AzapiResource {
    return new AzapiResource(this, 'Resource', {
      type: this.apiVersion.resourceType('workspaces'),
      name: props.workspaceName,
      parentId: props.resourceGroup.id,
      location: this.location,
      identity: identity._toAzapiIdentity(props.customerManagedKey?.identity),
      tags: props.tags,
      body,
      responseExportValues: {
        workspaceGuid: 'properties.workspaceId',
        discoveryUrl: 'properties.discoveryUrl',
        mlFlowTrackingUri: 'properties.mlFlowTrackingUri',
        ...(identity.userAssignedIdentity === undefined ? { principalId: 'identity.principalId' } : {}),
      },
      // Outbound rules are written by the rule resources and by Azure (Required/Recommended rules): without
      // this, every plan would show them as drift and a workspace update would wipe them.
      ignoreBodyChanges: ['properties.managedNetwork.outboundRules'],
      // Azure cannot change a workspace's storage account or Key Vault: the plan stops first (SE242, SE243, see
      // createOnlyPreconditions); the triggers stay as they were, since a change of them would update the workspace.
      // The customer-managed key is set at creation too (customer-managed-key.ts); only listed when there is one.
      replaceTriggersRefs: [
        'properties.storageAccount',
        'properties.keyVault',
        ...(props.customerManagedKey !== undefined ? ENCRYPTION_REPLACE_TRIGGERS : []),
      ],
      dependsOn: this.workspaceDependsOn.length > 0 ? this.workspaceDependsOn : undefined,
      // ARM ids are case-insensitive and Azure echoes the Key Vault id as `Microsoft.Keyvault/vaults/...`
      // (hashicorp/terraform-provider-azurerm#21684). Without this, azapi stores the echoed spelling and the
      // exact comparison of replace_triggers_refs replaces the workspace (and everything in it) on the second
      // plan. With it, azapi keeps the configured string when the two differ in case alone. The flag covers the
      // whole body (azapi has no per-path form): the other ids echo safely too, and the price is that a
      // case-only edit of friendlyName or description is not sent.
      ignoreCasing: true,
      deleteQueryParameters: purgeQuery(props.purgeOnDestroy),
      // Ids given as Terraform expressions are checked for their resource type before the workspace is touched.
      lifecycle: armIdLifecycle(this),
    });
  }

  /** The default blob datastore, where local assets are uploaded. */
  private blobStore(): WorkspaceBlobStore {
    const storageAccountName = this.storageAccount.name ?? topLevelNameFromId(this.storageAccountId);
    return {
      storageAccountId: this.storageAccountId,
      storageAccountName,
      containerName: `azureml-blobstore-${this.workspaceGuid}`,
      blobEndpoint: blobEndpointWithSlash(
        this,
        this.storageAccount.primaryBlobEndpoint ?? publicCloudBlobEndpoint(storageAccountName),
      ),
    };
  }

  private createInboundPrivateEndpoint(
    props: ManagedVnetWorkspaceProps,
  ): WorkspacePrivateEndpoint | undefined {
    if (props.inboundPrivateEndpoint === undefined || !checkInboundPrivateEndpoint(this, props))
      return undefined;
    return new WorkspacePrivateEndpoint(this, 'InboundPrivateEndpoint', {
      ...props.inboundPrivateEndpoint,
      resourceGroup: props.resourceGroup,
      workspaceId: this.workspaceId,
      workspaceName: props.workspaceName,
      workspaceLocation: this.location,
      tags: props.tags,
    });
  }

  /** The `provisionManagedNetwork` action, after the workspace and its inbound private endpoint. */
  private provisionManagedNetwork(props: ManagedVnetWorkspaceProps): ManagedNetworkProvisioning | undefined {
    if (!(props.provisionManagedNetwork ?? this.isolationMode.isManaged)) return undefined;
    const dependsOn: ITerraformDependable[] = [this.resource];
    if (this.inboundPrivateEndpoint) dependsOn.push(this.inboundPrivateEndpoint.privateEndpoint);
    return new ManagedNetworkProvisioning(this, 'ManagedNetworkProvisioning', {
      workspaceId: this.workspaceId,
      apiVersion: this.apiVersion,
      includeSpark: props.includeSpark,
      dependsOn,
    });
  }

  private createImageBuildCluster(
    props: ManagedVnetWorkspaceProps,
    imageBuild: ImageBuildCompute,
  ): AzapiResource | undefined {
    if (imageBuild.clusterOptions === undefined || imageBuild.computeName === undefined) return undefined;
    return createImageBuildCluster(this, {
      computeName: imageBuild.computeName,
      options: imageBuild.clusterOptions,
      apiVersion: this.apiVersion,
      workspaceId: this.workspaceId,
      location: this.location,
      managedNetwork: this.isolationMode.isManaged,
      provisioning: this._managedNetworkProvisioning?.resource,
      tags: props.tags,
    });
  }

  /**
   * ARM id of the Log Analytics workspace behind Application Insights (endpoint logs go there by default): the
   * created one, the brought component's `workspaceId`, or, for a brought `{ id }` alone, read at plan time from
   * the component the first time something asks for it. Undefined for a classic component (`workspaceId: ''`).
   */
  public get logAnalyticsWorkspaceId(): string | undefined {
    if (this.readsLogAnalytics && this.associatedLogAnalyticsWorkspaceId === undefined) {
      this.associatedLogAnalyticsWorkspaceId = readLogAnalyticsWorkspaceId(
        this,
        'ApplicationInsightsLogs',
        this.applicationInsightsId,
        this.workspaceName,
      );
    }
    return this.associatedLogAnalyticsWorkspaceId;
  }

  private associatedLogAnalyticsWorkspaceId: string | undefined;
  private readonly readsLogAnalytics: boolean;
}

/** How the workspace is reached inbound, as the props say; undefined when nobody could reach it (SE107). */
function inboundAccessOf(props: ManagedVnetWorkspaceProps): InboundAccess | undefined {
  if (props.inboundPrivateEndpoint) return InboundAccess.PRIVATE_ENDPOINT;
  if (props.publicNetworkAccess === true) return InboundAccess.PUBLIC;
  if (props.inboundAccessArrangedElsewhere) return InboundAccess.ARRANGED_ELSEWHERE;
  return undefined;
}

/**
 * SE118 / SE121: the inbound private endpoint needs a subnet (without one it cannot be created, so it is left
 * out and the problem reported), and an overridden name must be one azurerm accepts.
 */
function checkInboundPrivateEndpoint(scope: Construct, props: ManagedVnetWorkspaceProps): boolean {
  const options = props.inboundPrivateEndpoint;
  const subnetId: unknown = options?.subnet?.id;
  if (typeof subnetId !== 'string' || subnetId === '') {
    problemsOf(scope).report(
      'SE118',
      `inboundPrivateEndpoint has no subnet id: the private endpoint is created in a subnet of your virtual ` +
        `network; give inboundPrivateEndpoint: { subnet } (a Subnet, or { id: '<subnet ARM id>' })`,
    );
    return false;
  }
  const name = options?.privateEndpointName;
  if (name !== undefined && isKnown(name) && !PRIVATE_ENDPOINT_NAME_PATTERN.test(name)) {
    problemsOf(scope).report(
      'SE121',
      `private endpoint name '${name}' is invalid: 1 to 80 letters, digits, '.', '-' and '_', starting with a ` +
        `letter or digit and ending with a letter, digit or '_'; choose another name or leave it to the default`,
    );
  }
  return true;
}

/**
 * The DELETE's query for `purgeOnDestroy`: `forceToPurge=true` when true, nothing when false or unset, and for a
 * Terraform expression the expression `cond ? { forceToPurge = ["true"] } : null`, decided at plan time (a token
 * object would otherwise read as true and purge every workspace the stack destroys).
 */
function purgeQuery(purge: boolean | undefined): { [name: string]: string[] } | undefined {
  if (purge === undefined || purge === false) return undefined;
  if (!isKnown(purge)) {
    return Token.asAny(Fn.conditional(purge, { forceToPurge: ['true'] }, null)) as unknown as {
      [name: string]: string[];
    };
  }
  return { forceToPurge: ['true'] };
}

/**
 * SE002 / SE003: every id the workspace is given names a resource of the type it stands for, and the tags are
 * ones Azure keeps on the workspace and on every resource created here that they are passed on to.
 */
function readIdsAndTags(scope: Construct, props: ManagedVnetWorkspaceProps): void {
  readArmId(scope, 'resourceGroup.id', props.resourceGroup.id, ARM_TYPES.RESOURCE_GROUP);
  readArmId(scope, 'storageAccount.id', props.storageAccount?.id, ARM_TYPES.STORAGE_ACCOUNT, {
    optional: true,
  });
  readArmId(scope, 'keyVault.id', props.keyVault?.id, ARM_TYPES.KEY_VAULT, { optional: true });
  readArmId(scope, 'containerRegistry.id', props.containerRegistry?.id, ARM_TYPES.CONTAINER_REGISTRY, {
    optional: true,
  });
  readArmId(scope, 'applicationInsights.id', props.applicationInsights?.id, ARM_TYPES.APPLICATION_INSIGHTS, {
    optional: true,
  });
  // azurerm's classic (not workspace-based) Application Insights has '' here: no Log Analytics workspace.
  readArmId(
    scope,
    'applicationInsights.workspaceId',
    props.applicationInsights?.workspaceId,
    ARM_TYPES.LOG_ANALYTICS_WORKSPACE,
    { optional: true, emptyMeansUnset: true },
  );
  readArmId(
    scope,
    'monitoringPrivateLinkScopeId',
    props.monitoringPrivateLinkScopeId,
    ARM_TYPES.MONITOR_PRIVATE_LINK_SCOPE,
    { optional: true },
  );
  // The factory holds the id; what is wrong with it is reported here, with the workspace's path.
  readArmId(
    scope,
    'savedQueriesStorage (storage account) id',
    props.savedQueriesStorage?._storageAccountId,
    ARM_TYPES.STORAGE_ACCOUNT,
    { optional: true },
  );
  const identity: unknown = props.identity?.userAssignedIdentity?.id;
  if (props.identity?.userAssignedIdentity !== undefined) {
    readArmId(scope, 'identity (user-assigned) id', identity, ARM_TYPES.USER_ASSIGNED_IDENTITY);
  }
  readHardeningIds(scope, props);
  const pe = props.inboundPrivateEndpoint;
  if (pe !== undefined) {
    // Read here, so that their plan-time checks stop the plan before the workspace is created.
    readArmId(scope, 'inboundPrivateEndpoint.subnet.id', pe.subnet?.id, ARM_TYPES.SUBNET, { optional: true });
    readArmId(
      scope,
      'inboundPrivateEndpoint.virtualNetwork.id',
      pe.virtualNetwork?.id,
      ARM_TYPES.VIRTUAL_NETWORK,
      {
        optional: true,
      },
    );
    const zones: unknown = pe.privateDnsZoneIds;
    // A list from one expression (a variable) cannot be checked element by element: it passes unchecked.
    if (Array.isArray(zones) && !Token.isUnresolved(zones)) {
      zones.forEach((zoneId: unknown, i) =>
        readArmId(
          scope,
          `inboundPrivateEndpoint.privateDnsZoneIds[${i}]`,
          zoneId,
          ARM_TYPES.PRIVATE_DNS_ZONE,
        ),
      );
    }
  }
  const reached: TagLimits[] = [TAG_LIMITS.DEFAULT];
  if (props.storageAccount === undefined) reached.push(TAG_LIMITS.STORAGE_ACCOUNT);
  if (pe !== undefined && pe.privateDnsZoneIds === undefined && pe.privateDnsZoneGroupByPolicy !== true)
    reached.push(TAG_LIMITS.PRIVATE_DNS_ZONE);
  readTags(scope, 'tags', props.tags, reached);
}

/** SE002 for the ids the hardening options take. */
function readHardeningIds(scope: Construct, props: ManagedVnetWorkspaceProps): void {
  const cmk = props.customerManagedKey;
  if (cmk !== undefined) {
    readArmId(scope, 'customerManagedKey.keyVault.id', cmk.keyVault?.id, ARM_TYPES.KEY_VAULT);
    readArmId(scope, 'customerManagedKey.identity.id', cmk.identity?.id, ARM_TYPES.USER_ASSIGNED_IDENTITY);
  }
  const pe = props.storageNetworkAccess?._privateEndpoint;
  if (pe !== undefined) {
    readArmId(scope, 'storageNetworkAccess subnet.id', pe.subnet?.id, ARM_TYPES.SUBNET);
    readArmId(
      scope,
      'storageNetworkAccess virtualNetwork.id',
      pe.virtualNetwork?.id,
      ARM_TYPES.VIRTUAL_NETWORK,
      {
        optional: true,
      },
    );
    readArmId(
      scope,
      'storageNetworkAccess privateDnsZoneId',
      pe.privateDnsZoneId,
      ARM_TYPES.PRIVATE_DNS_ZONE,
      {
        optional: true,
      },
    );
  }
}

function isCreatedWorkspace(c: IConstruct): c is ManagedVnetWorkspace {
  return c instanceof ManagedVnetWorkspace;
}
