import { Construct } from 'constructs';
import { ProviderProps, useProviders } from '../core/providers';
import { Fn, ITerraformDependable, Op, Token } from 'cdktf';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { DEFAULT_ML_API_VERSION, MlApiVersion } from '../arm';
import { DataAzapiResource } from '../azapi';
import { IsolationMode } from './isolation-mode';
import { ManagedNetworkProvisioning } from './managed-network-provisioning';
import {
  addPlanTimeCheck,
  armIdProblem,
  ARM_TYPES,
  ConfigurationError,
  GUID_PATTERN,
  armIdPreconditions,
  isKnown,
  parseArmId,
  readArmId,
  readProps,
  topLevelNameFromId,
  problemsOf,
  problem,
} from '../checks';
import { blobEndpointWithSlash, readLogAnalyticsWorkspaceId } from './application-insights-logs';
import { checkProvisioningHasNetwork, checkSameSubscription } from './workspace-checks';
import {
  armId,
  bool,
  catalogText,
  defineProps,
  enumOf,
  name,
  oneOf,
  provider,
  readValue,
  text,
} from '../checks/read';
import { regionReader } from '../core/readers';
import { AzureRegion } from '../core/region';
import { checkWorkspaceName, publicCloudBlobEndpoint } from './names';
import { ManagedVnetWorkspaceBase } from './workspace-base';
import { readLiveWorkspace } from './workspace-verification';
import { ManagedNetworkUpdate } from './managed-network-update';
import { FirewallSku } from './firewall-sku';
import { IManagedVnetWorkspace, InboundAccess, WorkspaceBlobStore } from './workspace-ref';

/**
 * What is known of a workspace created elsewhere, apart from its managed network: the attributes
 * `ImportedWorkspaceAttributes` (`fromWorkspaceAttributes`) and `EnableManagedNetworkProps` share.
 */
export interface ExistingWorkspaceAttributes extends ProviderProps {
  /** Workspace name. */
  readonly workspaceName: string;
  /** Name of the workspace's resource group. */
  readonly resourceGroupName: string;
  /** ARM id of the workspace. @default built from subscriptionId, resourceGroupName and workspaceName */
  readonly workspaceId?: string;
  /** Subscription of the workspace, when `workspaceId` is not given. @default the provider's subscription */
  readonly subscriptionId?: string;
  /**
   * Azure region of the workspace: a region of the public cloud as text (SE401), an `AzureRegion`
   * (`AzureRegion.of(name)` unchecked), or a Terraform expression.
   */
  readonly location: string | AzureRegion;
  /** @default MlApiVersion.V2026_05_15_PREVIEW */
  readonly apiVersion?: MlApiVersion;
  /**
   * How the workspace is reached inbound.
   * @default - not known: endpoint constructs refuse private-only endpoints on the workspace (SE210)
   */
  readonly inboundAccess?: InboundAccess;
  /** @default read from the workspace with an azapi data source */
  readonly workspaceGuid?: string;
  /** @default read from the workspace */
  readonly storageAccountId?: string;
  /** @default derived from the storage account id */
  readonly storageAccountName?: string;
  /**
   * Blob endpoint of the storage account, for clouds other than Azure public cloud.
   * @default `https://<storageAccountName>.blob.core.windows.net/`
   */
  readonly storageBlobEndpoint?: string;
  /** @default read from the workspace */
  readonly keyVaultId?: string;
  /** @default read from the workspace */
  readonly containerRegistryId?: string;
  /** Whether the registry is reachable only privately. @default - not known: the checks that need it skip */
  readonly containerRegistryPrivateOnly?: boolean;
  /** Principal id of the identity that approves outbound private endpoints. @default read from the workspace */
  readonly workspacePrincipalId?: string;
  /** @default false */
  readonly includeSpark?: boolean;
  /**
   * ARM id of the Log Analytics workspace where online endpoints send their logs by default.
   * @default read at plan time from the workspace's Application Insights (only when an endpoint sends its logs
   * there); the plan stops (SE320) when the workspace has none, or a classic one
   */
  readonly logAnalyticsWorkspaceId?: string;
}

/** What `ManagedVnetWorkspace.fromWorkspaceAttributes` needs to know about a workspace created elsewhere. */
export interface ImportedWorkspaceAttributes extends ExistingWorkspaceAttributes {
  /** The workspace's isolation mode, as created (`az ml workspace show --query managed_network`). */
  readonly isolationMode: IsolationMode;
  /**
   * Run `provisionManagedNetwork` on the workspace after the outbound rules added in this stack. The action is
   * idempotent: on an already provisioned network it only returns its status, and it gives deployments in
   * this stack something to wait for.
   * @default true when the isolation mode has a managed network
   */
  readonly provisionManagedNetwork?: boolean;
}

const EXPR = { tokens: 'expression' } as const;

/** How the attributes of an imported workspace are read (shared with enableManagedNetwork). @internal */
export const IMPORTED_WORKSPACE_ATTRIBUTES = defineProps<ImportedWorkspaceAttributes>(
  'ImportedWorkspaceAttributes',
  {
    workspaceName: name({ ...EXPR, check: checkWorkspaceName, missingCode: 'SE118' }),
    resourceGroupName: name({ ...EXPR, missingCode: 'SE118' }),
    workspaceId: armId({ ...EXPR, resourceType: ARM_TYPES.ML_WORKSPACE }),
    // A subscription id is a GUID (ARM's grammar, arm-id.ts); the id built from it would be refused at plan.
    subscriptionId: text({
      ...EXPR,
      what: 'a subscription id (GUID text)',
      check: (v, prop) =>
        GUID_PATTERN.test(v)
          ? []
          : [
              problem(
                'SE002',
                `${prop} is '${v}', which is not a subscription id (a GUID such as ` +
                  `'00000000-0000-0000-0000-000000000000'); give the subscription's id (az account show --query id), ` +
                  `not its name`,
              ),
            ],
    }),
    location: regionReader({ optional: false, missingCode: 'SE118', shape: /./ }),
    isolationMode: oneOf(IsolationMode, { optional: false, missingCode: 'SE118', missingFatal: true }),
    apiVersion: oneOf(MlApiVersion),
    inboundAccess: enumOf(InboundAccess, 'InboundAccess'),
    workspaceGuid: text({ ...EXPR, what: 'the workspace GUID (text)' }),
    storageAccountId: armId({ ...EXPR, resourceType: ARM_TYPES.STORAGE_ACCOUNT }),
    storageAccountName: name({ ...EXPR, optional: true }),
    storageBlobEndpoint: text({
      ...EXPR,
      what: "a blob endpoint URL (text such as 'https://<account>.blob.core.windows.net/')",
    }),
    keyVaultId: armId({ ...EXPR, resourceType: ARM_TYPES.KEY_VAULT }),
    containerRegistryId: armId({ ...EXPR, resourceType: ARM_TYPES.CONTAINER_REGISTRY }),
    containerRegistryPrivateOnly: bool({
      tokens: 'refuse',
      why: 'it decides at synth which checks on the registry apply (SE209, SE113)',
    }),
    workspacePrincipalId: text({ ...EXPR, what: 'an object id (GUID text)' }),
    provisionManagedNetwork: bool({
      tokens: 'refuse',
      why: 'it decides at synth whether the provisioning action exists, which deployments wait for',
    }),
    includeSpark: bool(EXPR),
    logAnalyticsWorkspaceId: armId({ ...EXPR, resourceType: ARM_TYPES.LOG_ANALYTICS_WORKSPACE }),
    provider: provider(),
  },
);

/** The managed network `enableManagedNetwork` turns on before anything else uses the workspace. */
export interface ManagedNetworkChange {
  /** The isolation mode to turn on. */
  readonly isolationMode: IsolationMode;
  /** @default FirewallSku.STANDARD under AllowOnlyApprovedOutbound, none otherwise */
  readonly firewallSku?: FirewallSku;
}

class ImportedManagedVnetWorkspace extends ManagedVnetWorkspaceBase {
  public readonly workspaceId: string;
  public readonly workspaceName: string;
  public readonly location: string;
  public readonly resourceGroupName: string;
  public readonly apiVersion: MlApiVersion;
  public readonly isolationMode: IsolationMode;
  public readonly inboundAccess: InboundAccess | undefined;
  public readonly containerRegistryPrivateOnly: boolean | undefined;
  public readonly storageAccountId: string;
  public readonly keyVaultId: string;
  public readonly containerRegistryId: string | undefined;
  public readonly workspaceGuid: string;
  public readonly workspaceBlobStore: WorkspaceBlobStore;
  public readonly workspacePrincipalId: string | undefined;
  /** @internal */
  public readonly _managedNetworkProvisioning: ManagedNetworkProvisioning | undefined;
  public readonly managedNetworkReady: ITerraformDependable[];
  /** The data source reading (and verifying) the live workspace. */
  public readonly resource: DataAzapiResource;
  /** The in-place update that turns the managed network on (`enableManagedNetwork` only). */
  public readonly managedNetworkUpdate: ManagedNetworkUpdate | undefined;

  constructor(
    scope: Construct,
    id: string,
    attrs: ImportedWorkspaceAttributes,
    change?: ManagedNetworkChange,
    byId = false,
  ) {
    super(scope, id);
    // enableManagedNetwork and fromWorkspaceId have read their props already.
    if (change === undefined && !byId) attrs = readProps(this, IMPORTED_WORKSPACE_ATTRIBUTES, attrs);
    if (!byId) checkImportedAttributes(this, attrs);
    useProviders(this, attrs.provider);
    this.workspaceName = attrs.workspaceName;
    this.resourceGroupName = attrs.resourceGroupName;
    this.apiVersion = attrs.apiVersion ?? DEFAULT_ML_API_VERSION;
    this.isolationMode = attrs.isolationMode;
    this.inboundAccess = attrs.inboundAccess;
    this.containerRegistryPrivateOnly = attrs.containerRegistryPrivateOnly;
    const liveId = workspaceIdOf(this, attrs);
    this.givenLogAnalyticsWorkspaceId = attrs.logAnalyticsWorkspaceId;
    checkSubscriptionsAtPlan(this, attrs, liveId);

    this.resource = readLiveWorkspace(this, 'Resource', {
      type: this.apiVersion.resourceType('workspaces'),
      resourceId: liveId,
      workspaceName: attrs.workspaceName,
      resourceGroupName: attrs.resourceGroupName,
      // enableManagedNetwork sets the mode itself: only what it cannot change is checked.
      isolationMode: change === undefined ? this.isolationMode : undefined,
      preconditions: armIdPreconditions(this),
    });
    const live = this.resource;
    // Imported by id alone: the region is the live workspace's, known at plan time.
    this.location = byId ? live.location : catalogText(attrs.location);
    // Children (rules, endpoints) reference the update's id, so Terraform creates them after the change.
    this.managedNetworkUpdate =
      change &&
      new ManagedNetworkUpdate(this, 'ManagedNetworkUpdate', {
        ...change,
        workspaceId: liveId,
        apiVersion: this.apiVersion,
      });
    this.workspaceId = this.managedNetworkUpdate?.id ?? liveId;

    const read = (given: string | undefined, key: string): string => given ?? live.outputString(key);
    this.workspaceGuid = read(attrs.workspaceGuid, 'workspaceGuid');
    this.storageAccountId = read(attrs.storageAccountId, 'storageAccount');
    this.keyVaultId = read(attrs.keyVaultId, 'keyVault');
    this.workspacePrincipalId = read(attrs.workspacePrincipalId, 'principalId');
    this.containerRegistryId = attrs.containerRegistryId ?? live.outputString('containerRegistry');
    this.workspaceBlobStore = blobStoreOf(this, attrs, this.storageAccountId, this.workspaceGuid);
    this._managedNetworkProvisioning = this.provisioning(attrs);
    this.managedNetworkReady = this._managedNetworkProvisioning
      ? [this._managedNetworkProvisioning.resource]
      : [];
  }

  /** The `provisionManagedNetwork` action; none without a managed network (SE114, as for created workspaces). */
  private provisioning(attrs: ImportedWorkspaceAttributes): ManagedNetworkProvisioning | undefined {
    if (!((attrs.provisionManagedNetwork ?? this.isolationMode.isManaged) && this.isolationMode.isManaged)) {
      return undefined;
    }
    return new ManagedNetworkProvisioning(this, 'ManagedNetworkProvisioning', {
      workspaceId: this.workspaceId,
      apiVersion: this.apiVersion,
      includeSpark: attrs.includeSpark,
      dependsOn: this.managedNetworkUpdate ? [this.managedNetworkUpdate] : [],
    });
  }

  /**
   * The Log Analytics workspace behind the workspace's Application Insights: as given, or read at plan time the
   * first time something (an endpoint's default logs) asks for it.
   */
  public get logAnalyticsWorkspaceId(): string {
    this.readLogAnalytics ??=
      this.givenLogAnalyticsWorkspaceId ??
      readLogAnalyticsWorkspaceId(
        this,
        'ApplicationInsights',
        this.resource.outputString('applicationInsights'),
        this.workspaceName,
      );
    return this.readLogAnalytics;
  }

  private readonly givenLogAnalyticsWorkspaceId: string | undefined;
  private readLogAnalytics: string | undefined;
}

/** The workspace's ARM id: as given, or built from its subscription (the provider's when not given), group and name. */
function workspaceIdOf(scope: Construct, attrs: ImportedWorkspaceAttributes): string {
  if (attrs.workspaceId !== undefined) return attrs.workspaceId;
  // A subscriptionId that is not a GUID was refused (SE002) where it was read: the id is built without it, so
  // that the refusal is not reported again on every id derived from it.
  const given = attrs.subscriptionId;
  const usable = given !== undefined && (!isKnown(given) || GUID_PATTERN.test(given));
  const subscriptionId = usable
    ? given
    : new DataAzurermClientConfig(scope, 'ClientConfig', {}).subscriptionId;
  return (
    `/subscriptions/${subscriptionId}/resourceGroups/${attrs.resourceGroupName}` +
    `/providers/Microsoft.MachineLearningServices/workspaces/${attrs.workspaceName}`
  );
}

/** The default blob datastore: the storage account's container for the workspace GUID. */
function blobStoreOf(
  scope: Construct,
  attrs: ImportedWorkspaceAttributes,
  storageAccountId: string,
  workspaceGuid: string,
): WorkspaceBlobStore {
  const storageAccountName = attrs.storageAccountName ?? topLevelNameFromId(storageAccountId);
  return {
    storageAccountId,
    storageAccountName,
    containerName: `azureml-blobstore-${workspaceGuid}`,
    blobEndpoint: blobEndpointWithSlash(
      scope,
      attrs.storageBlobEndpoint ?? publicCloudBlobEndpoint(storageAccountName),
    ),
  };
}

/**
 * SE108 at plan time: a brought storage account, Key Vault or registry is in the workspace's subscription, when
 * one of the two subscriptions is known only then (the provider's subscription, an id from an expression).
 */
function checkSubscriptionsAtPlan(
  scope: Construct,
  attrs: ImportedWorkspaceAttributes,
  workspaceId: string,
): void {
  const given = {
    storageAccountId: attrs.storageAccountId,
    keyVaultId: attrs.keyVaultId,
    containerRegistryId: attrs.containerRegistryId,
  };
  const subscriptionOf = (id: string): string => Fn.lower(Fn.element(Fn.split('/', id), 2));
  for (const [prop, id] of Object.entries(given)) {
    if (id === undefined || (isKnown(id) && isKnown(workspaceId))) continue;
    addPlanTimeCheck(scope, {
      condition: Token.asString(Op.eq(subscriptionOf(id), subscriptionOf(workspaceId))),
      errorMessage:
        `SE108 at ${scope.node.path}: ${prop} '${id}' is in another subscription than workspace ` +
        `'${attrs.workspaceName}' (${workspaceId}): Azure ML accepts associated resources only from the ` +
        `workspace's subscription; give the ${prop.replace(/Id$/, '')} of that subscription.`,
    });
  }
}

/**
 * SE118: what an imported workspace cannot do without. Without an isolation mode nothing can be decided (rules,
 * provisioning), so that one stops at once; the others are reported with every other problem.
 */
function checkImportedAttributes(scope: Construct, attrs: ImportedWorkspaceAttributes): void {
  // Values of the wrong kind were refused by the reader (SE001); missing and empty ones are reported here.
  for (const name of ['workspaceName', 'resourceGroupName', 'location'] as const) {
    if (attrs[name] === undefined || attrs[name] === '') {
      problemsOf(scope).report(
        'SE118',
        `imported workspace has no ${name}: fromWorkspaceAttributes needs workspaceName, resourceGroupName, ` +
          `location and isolationMode; give ${name}`,
      );
    }
  }
  readArmId(scope, 'workspaceId', attrs.workspaceId, ARM_TYPES.ML_WORKSPACE, { optional: true });
  readArmId(scope, 'storageAccountId', attrs.storageAccountId, ARM_TYPES.STORAGE_ACCOUNT, { optional: true });
  readArmId(scope, 'keyVaultId', attrs.keyVaultId, ARM_TYPES.KEY_VAULT, { optional: true });
  readArmId(scope, 'containerRegistryId', attrs.containerRegistryId, ARM_TYPES.CONTAINER_REGISTRY, {
    optional: true,
  });
  readArmId(
    scope,
    'logAnalyticsWorkspaceId',
    attrs.logAnalyticsWorkspaceId,
    ARM_TYPES.LOG_ANALYTICS_WORKSPACE,
    {
      optional: true,
    },
  );
  checkContradictions(scope, attrs);
  problemsOf(scope).record(checkProvisioningHasNetwork(attrs.isolationMode, attrs.provisionManagedNetwork));
}

/**
 * SE122 / SE108: what an imported workspace is told twice must agree. The id names the workspace, its group
 * and subscription (compared without case, as ARM does); the associated resources are in that subscription.
 */
function checkContradictions(scope: Construct, attrs: ImportedWorkspaceAttributes): void {
  const parsed = parseArmId(attrs.workspaceId);
  const disagree = (what: string, inId: string, given: string, prop: string): void =>
    problemsOf(scope).report(
      'SE122',
      `imported workspace id '${attrs.workspaceId}' names ${what} '${inId}', but ${prop} is '${given}': ` +
        `they must be the same workspace (Azure compares them without case); correct one of them, or leave ` +
        `workspaceId unset to have it built from subscriptionId, resourceGroupName and workspaceName`,
    );
  if (
    parsed !== undefined &&
    parsed.resourceType.toLowerCase() === ARM_TYPES.ML_WORKSPACE.type.toLowerCase()
  ) {
    if (
      isKnown(attrs.workspaceName) &&
      parsed.name.toLowerCase() !== String(attrs.workspaceName).toLowerCase()
    ) {
      disagree('workspace', parsed.name, attrs.workspaceName, 'workspaceName');
    }
    const group = attrs.resourceGroupName;
    if (isKnown(group) && parsed.resourceGroup.toLowerCase() !== String(group).toLowerCase()) {
      disagree('resource group', parsed.resourceGroup, group, 'resourceGroupName');
    }
    const sub = attrs.subscriptionId;
    if (isKnown(sub) && parsed.subscriptionId !== String(sub).toLowerCase()) {
      disagree('subscription', parsed.subscriptionId, sub, 'subscriptionId');
    }
  }
  // An id from an expression names the workspace at plan time: the same comparison, by Terraform.
  const id = attrs.workspaceId;
  if (id !== undefined && Token.isUnresolved(id) && isKnown(attrs.workspaceName)) {
    const name = String(attrs.workspaceName).toLowerCase();
    addPlanTimeCheck(scope, {
      condition: Token.asString(Op.eq(Fn.lower(Fn.element(Fn.split('/', id), 8)), name)),
      errorMessage:
        `SE122 at ${scope.node.path}: imported workspace id '${id}' does not name workspace ` +
        `'${attrs.workspaceName}' (workspaceName): they must be the same workspace; correct one of them.`,
    });
  }
  const subscription =
    parsed?.subscriptionId ?? (isKnown(attrs.subscriptionId) ? attrs.subscriptionId : undefined);
  problemsOf(scope).record(
    checkSameSubscription(
      subscription === undefined ? '' : `/subscriptions/${subscription}/resourceGroups/_`,
      {
        'storage account': attrs.storageAccountId,
        'key vault': attrs.keyVaultId,
        'container registry': attrs.containerRegistryId,
      },
    ),
  );
}

/** Imports a workspace created elsewhere; see `ManagedVnetWorkspace.fromWorkspaceAttributes`. */
const WORKSPACE_ID = armId({ tokens: 'expression', optional: false, resourceType: ARM_TYPES.ML_WORKSPACE });
export const MANAGED_VNET_WORKSPACE_FROM_WORKSPACE_ID_PARAMS = defineProps<{ workspaceId: string }>(
  'ManagedVnetWorkspace.fromWorkspaceId',
  { workspaceId: WORKSPACE_ID },
);

/**
 * A workspace imported from its ARM id alone (`ManagedVnetWorkspace.fromWorkspaceId`): its group and name from the
 * id (by Terraform when the id is an expression), its region and associated resources read from the live
 * workspace, and the how-to's isolation mode (approved outbound only), which the plan verifies.
 */
export function importWorkspaceById(
  scope: Construct,
  id: string,
  workspaceId: string,
): IManagedVnetWorkspace & ManagedVnetWorkspaceBase {
  workspaceId = readValue(WORKSPACE_ID, workspaceId, 'workspaceId', scope);
  // Nothing can be imported from the id of something else: the names and the live read would be of it.
  const problem = armIdProblem(workspaceId, ARM_TYPES.ML_WORKSPACE.type);
  if (problem !== undefined) {
    throw new ConfigurationError(
      'SE002',
      `workspaceId '${workspaceId}' of ${scope.node.path}/${id} is refused: ${problem}`,
      scope.node.path,
    );
  }
  const known = parseArmId(workspaceId);
  const part = (index: number): string => Fn.element(Fn.split('/', workspaceId), index);
  const attrs: ImportedWorkspaceAttributes = {
    workspaceId,
    workspaceName: known?.name ?? part(8),
    resourceGroupName: known?.resourceGroup ?? part(4),
    location: '',
    isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
  };
  return new ImportedManagedVnetWorkspace(scope, id, attrs, undefined, true);
}

export function importWorkspace(
  scope: Construct,
  id: string,
  attrs: ImportedWorkspaceAttributes,
  change?: ManagedNetworkChange,
): IManagedVnetWorkspace & ManagedVnetWorkspaceBase {
  return new ImportedManagedVnetWorkspace(scope, id, attrs, change);
}
