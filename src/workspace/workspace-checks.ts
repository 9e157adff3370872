import { IConstruct } from 'constructs';
import { Fn, Op } from 'cdktf';
import { MlApiVersion, PREVIEW_ONLY_WORKSPACE_PROPERTIES, WorkspaceProperties } from '../arm';
import {
  appConstructs,
  checkBroughtFact,
  comparisonKey,
  ConfigurationError,
  isKnown,
  subscriptionOf,
  problem,
  Problems,
} from '../checks';
import {
  IWorkspaceContainerRegistry,
  IWorkspaceKeyVault,
  IWorkspaceStorageAccount,
} from './associated-resource-types';
import { ImageBuildCompute } from './image-build-compute';
import { IsolationMode } from './isolation-mode';

/** SE104: a brought registry must be Premium (private endpoints) when the workspace is reachable only privately. */
export function checkContainerRegistrySku(
  registry: IWorkspaceContainerRegistry | undefined,
  publicNetworkAccess: boolean,
): Problems {
  const sku = registry?.skuInput;
  // An expression (a Terraform variable) may turn out false: it is judged as the private case.
  if (publicNetworkAccess !== true && isKnown(sku) && sku.toLowerCase() !== 'premium') {
    return [
      problem(
        'SE104',
        `container registry SKU (skuInput) '${sku}' cannot serve a workspace reachable only privately: only Premium registries ` +
          `support the private endpoint the managed network uses to pull and push images; set sku = 'Premium' on ` +
          `the registry, or leave containerRegistry unset to have a Premium registry created`,
      ),
    ];
  }
  return [];
}

/** SE105: a registry that is not publicly reachable cannot build images: an image-build compute is needed. */
export function checkImageBuildCompute(
  registryPrivateOnly: boolean | undefined,
  computeName: string | undefined,
): Problems {
  if (registryPrivateOnly === true && computeName === undefined) {
    return [
      problem(
        'SE105',
        `imageBuildCompute is none but the workspace's container registry is not publicly reachable: Azure cannot ` +
          `build environment images in a private registry and deployments fail with ImageBuildComputeNotValid; ` +
          `use ImageBuildCompute.cluster() (the default) or ImageBuildCompute.existing('<compute name>')`,
      ),
    ];
  }
  return [];
}

/**
 * SE113: without a managed network, the image-build cluster created here has no network path to a private
 * registry (no private endpoint, no virtual network of yours), so every image build would fail.
 */
export function checkClusterReachesRegistry(
  isolationMode: IsolationMode,
  registryPrivateOnly: boolean | undefined,
  imageBuild: ImageBuildCompute,
): Problems {
  if (!isolationMode.isManaged && registryPrivateOnly === true && imageBuild.clusterOptions !== undefined) {
    return [
      problem(
        'SE113',
        `isolation mode ${isolationMode.value} with a container registry that is not publicly reachable and the ` +
          `image-build cluster created here: without a managed network the cluster cannot reach the registry, so ` +
          `image builds fail; use a managed network (IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND), a registry with ` +
          `public network access, or ImageBuildCompute.existing('<a compute in your virtual network>')`,
      ),
    ];
  }
  return [];
}

/** SE114: there is no managed network to provision when isolation is Disabled. */
export function checkProvisioningHasNetwork(
  isolationMode: IsolationMode,
  provision: boolean | undefined,
): Problems {
  if (provision === true && !isolationMode.isManaged) {
    return [
      problem(
        'SE114',
        `provisionManagedNetwork is true but the isolation mode is ${isolationMode.value}: a workspace without a ` +
          `managed network has nothing to provision and Azure rejects the request; remove provisionManagedNetwork ` +
          `or choose a managed isolation mode`,
      ),
    ];
  }
  return [];
}

/** SE106: key-auth endpoints fail unless the Key Vault lets trusted Azure services through. */
export function checkKeyVaultBypass(keyVault: IWorkspaceKeyVault | undefined): Problems {
  const bypass = keyVault?.networkAclsInput?.bypass;
  if (isKnown(bypass) && bypass !== 'AzureServices') {
    return [
      problem(
        'SE106',
        `key vault network ACL bypass '${bypass}' is refused: Azure ML stores endpoint keys in the workspace's Key ` +
          `Vault through a trusted-service path, and key-auth online endpoints fail to create without it; set ` +
          `networkAcls.bypass = 'AzureServices' on the Key Vault`,
      ),
    ];
  }
  return [];
}

/** SE107: a workspace nobody can reach is refused, unless the user says inbound access is arranged elsewhere. */
export function checkInboundAccess(
  workspaceName: string,
  publicNetworkAccess: boolean,
  hasPrivateEndpoint: boolean,
  arrangedElsewhere: boolean,
): Problems {
  if (!isKnown(publicNetworkAccess) && !hasPrivateEndpoint && !arrangedElsewhere) {
    return [
      problem(
        'SE107',
        `workspace '${workspaceName}' takes publicNetworkAccess from an expression, and has no inbound private ` +
          `endpoint: when the expression is false nobody could reach the workspace; set inboundPrivateEndpoint: ` +
          `{ subnet }, or inboundAccessArrangedElsewhere: true when a private endpoint is created outside this stack`,
      ),
    ];
  }
  if (publicNetworkAccess === false && !hasPrivateEndpoint && !arrangedElsewhere) {
    return [
      problem(
        'SE107',
        `workspace '${workspaceName}' has public network access disabled and no inbound private endpoint: nobody ` +
          `could reach it or its private online endpoints; set inboundPrivateEndpoint: { subnet }, or ` +
          `inboundAccessArrangedElsewhere: true when a private endpoint is created outside this stack, or ` +
          `publicNetworkAccess: true`,
      ),
    ];
  }
  return [];
}

/**
 * SE108: Azure ML requires the associated resources in the workspace's subscription. When the resource group's
 * id is an unresolved token the workspace's subscription is unknown, but two brought resources in two different
 * subscriptions still prove that one of them is in the wrong one.
 */
export function checkSameSubscription(
  resourceGroupId: string,
  associated: Record<string, string | undefined>,
): Problems {
  const known = Object.entries(associated)
    .map(([kind, id]) => ({ kind, id, subscription: subscriptionOf(id) }))
    .filter((r): r is { kind: string; id: string; subscription: string } => r.subscription !== undefined);
  const expected = subscriptionOf(resourceGroupId);
  if (expected === undefined) {
    const [first, other] = [known[0], known.find((r) => r.subscription !== known[0]?.subscription)];
    if (first !== undefined && other !== undefined) {
      return [
        problem(
          'SE108',
          `${first.kind} '${first.id}' is in subscription ${first.subscription} and ${other.kind} '${other.id}' in ` +
            `subscription ${other.subscription}: Azure ML accepts associated resources only from the workspace's ` +
            `subscription (another resource group is fine), so one of them is refused; use resources of the ` +
            `workspace's subscription, or leave them unset to have them created`,
        ),
      ];
    }
    return [];
  }
  for (const { kind, id, subscription: actual } of known) {
    if (actual !== expected) {
      return [
        problem(
          'SE108',
          `${kind} '${id}' is in subscription ${actual}, the workspace in ${expected}: Azure ML accepts associated ` +
            `resources only from the workspace's subscription (another resource group is fine); use a ${kind} in ` +
            `subscription ${expected}, or leave it unset to have one created`,
        ),
      ];
    }
  }
  return [];
}

/** SE109: preview-only workspace properties fail validation with a stable api-version. */
export function checkPreviewOnlyProperties(
  apiVersion: MlApiVersion,
  properties: WorkspaceProperties,
): Problems {
  if (apiVersion.isPreview) return [];
  const used = Object.entries(properties)
    .filter(([name, value]) => value !== undefined && PREVIEW_ONLY_WORKSPACE_PROPERTIES.includes(name))
    .map(([name]) => name);
  if (used.length > 0) {
    return [
      problem(
        'SE109',
        `workspace properties ${used.join(', ')} exist only in preview api-versions, but apiVersion is ` +
          `${apiVersion.version}: azapi would reject the body; remove them or use MlApiVersion.V2026_05_15_PREVIEW`,
      ),
    ];
  }
  return [];
}

/** Azure ML AmlCompute: `nodeIdleTimeBeforeScaleDown` is an ISO 8601 duration such as `PT120S` or `PT2M`. */
const ISO_DURATION = /^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/** SE120: the image-build cluster's node count and idle time, which azapi cannot judge (free-form in the schema). */
export function checkImageBuildCluster(imageBuild: ImageBuildCompute): Problems {
  const options = imageBuild.clusterOptions;
  if (options === undefined) return [];
  const max = options.maxNodeCount;
  if (isKnown(max) && (!Number.isInteger(max) || max < 1)) {
    return [
      problem(
        'SE120',
        `image-build cluster maxNodeCount is ${max}: a cluster that builds images needs a whole number of at least ` +
          `1 node; give for example maxNodeCount: 1`,
      ),
    ];
  }
  const idle = options.nodeIdleTimeBeforeScaleDown;
  if (isKnown(idle) && !ISO_DURATION.test(idle)) {
    return [
      problem(
        'SE120',
        `image-build cluster nodeIdleTimeBeforeScaleDown '${idle}' is not an ISO 8601 duration: Azure refuses it ` +
          `at apply; give for example 'PT120S' or 'PT5M'`,
      ),
    ];
  }
  const vmSize = options.vmSize;
  if (isKnown(vmSize) && !/^[A-Za-z][A-Za-z0-9_]*$/.test(vmSize)) {
    return [
      problem(
        'SE120',
        `image-build cluster vmSize '${vmSize}' is not a VM size name: give one such as 'Standard_DS3_v2'`,
      ),
    ];
  }
  return [];
}

/**
 * SE117: two workspaces with one name in one resource group are one Azure resource: the second apply would
 * overwrite the first. Read from the construct tree of the whole app when it is validated (every stack), names
 * and groups compared without case; the first workspace in tree order keeps the name, the later ones are reported.
 * A resource group given as an expression compares equal only to the same expression.
 */
export function workspaceNameClashes(
  workspace: IConstruct & { readonly workspaceName: string },
  resourceGroupId: string,
  isWorkspace: (c: IConstruct) => c is IConstruct & { readonly workspaceName: string },
  groupOf: (c: IConstruct & { readonly workspaceName: string }) => string,
): ConfigurationError[] {
  const name = comparisonKey(workspace, workspace.workspaceName);
  const group = comparisonKey(workspace, resourceGroupId);
  if (name === undefined || group === undefined) return [];
  const all = appConstructs(workspace, isWorkspace);
  const first = all
    .slice(0, all.indexOf(workspace))
    .find((w) => comparisonKey(w, w.workspaceName) === name && comparisonKey(w, groupOf(w)) === group);
  if (first === undefined) return [];
  return [
    new ConfigurationError(
      'SE117',
      `workspace name '${workspace.workspaceName}' is used twice in one resource group (${first.node.path} and ` +
        `${workspace.node.path}): they would be one Azure resource, the second overwriting the first; give each ` +
        `workspace its own name`,
    ),
  ];
}

/**
 * SE459: a firewall SKU is sent only under AllowOnlyApprovedOutbound (the firewall exists for FQDN rules); under
 * another isolation mode it would be dropped without a word. `enableManagedNetwork` refuses the same (SE331).
 */
export function checkFirewallSku(
  workspaceName: string,
  isolationMode: IsolationMode,
  firewallSku: { readonly value: string } | undefined,
): Problems {
  if (firewallSku === undefined || isolationMode === IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND) return [];
  return [
    problem(
      'SE459',
      `workspace '${workspaceName}' sets firewallSku ${firewallSku.value} with isolation mode ` +
        `${isolationMode.value}: Azure deploys the firewall only for FQDN rules under AllowOnlyApprovedOutbound, ` +
        `so the setting would be ignored; remove firewallSku, or choose IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND`,
    ),
  ];
  return [];
}

/**
 * SE461: Azure ML refuses a default storage account with hierarchical namespace (Data Lake Gen2) or of the
 * Premium tier ("Use an existing storage account": "it cannot be a premium account or have hierarchical
 * namespace enabled", Azure ML docs, how-to-workspace-template / concept-workspace), failing the workspace
 * create. Read from the brought azurerm StorageAccount as configured; an expression is checked at plan time.
 */
export function checkWorkspaceStorageAccount(
  workspace: IConstruct,
  account: IWorkspaceStorageAccount | undefined,
): void {
  if (account === undefined) return;
  checkBroughtFact(workspace, {
    value: account.isHnsEnabledInput,
    attribute: 'storageAccount.isHnsEnabledInput',
    refuses: (v) => v === true,
    accepts: (v) => Op.not(v),
    code: 'SE461',
    why:
      'Azure ML refuses a storage account with hierarchical namespace as the workspace default storage; ' +
      'give an account with isHnsEnabled false (keep a Data Lake account as a datastore of its own)',
  });
  checkBroughtFact(workspace, {
    value: account.accountTierInput,
    attribute: 'storageAccount.accountTierInput',
    refuses: (v) => v.toLowerCase() === 'premium',
    accepts: (v) => Op.neq(Fn.lower(v), 'premium'),
    code: 'SE461',
    why:
      'Azure ML refuses a Premium storage account as the workspace default storage; give a Standard ' +
      'StorageV2 account',
  });
}
