/**
 * The properties Azure sets only when a resource is created, on every resource this library writes, and what the
 * library does when the code changes one on a live resource. The plan-time guard (`src/core/create-only-guard.ts`),
 * the deployment's replacement guard and the compute's replacement paths read their rows from here; the user
 * guide (docs/deployment.md, "Changing a live endpoint") lists the same rows.
 *
 * Sources: `x-ms-mutability: [read, create]` in the API specifications (`2026-05-01` and `2026-05-15-preview`
 * `openapi.json`), property descriptions there ("cannot be changed once the workspace has been created"), the
 * update models (`PATCH` bodies: what a property absent from them cannot be changed to), and the Azure ML docs
 * quoted per row.
 */

/** What the library does when the code changes a create-only property of a live resource. */
export type CreateOnlyHandling =
  /** The plan stops with the row's code: applying would fail in Azure, or could only delete what serves. */
  | 'refuse'
  /** Deleted and created again when nothing is served from it; refused at plan while it serves. */
  | 'recreate-when-idle'
  /** Replaced by Terraform: nothing is served from it. */
  | 'replace'
  /** A new version with a new name: the old one is deleted after every user moved. */
  | 'new-version';

/** How the live value and the code's value compare. */
export type CreateOnlyComparison =
  /** Text without case (ARM ids and enum values echo in other casings). */
  | 'text'
  /** The keys of a map, without case and order (user-assigned identity ids). */
  | 'keys';

/** One create-only property. */
export interface CreateOnlyProperty {
  /** The check code of a refusal. @default none (rows that are not refused) */
  readonly code?: string;
  /** The ARM resource type, without the api-version. */
  readonly resourceType: string;
  /** The property as the user sets it (prop name). */
  readonly prop: string;
  /** The path in the ARM body (and in a GET response), dotted. */
  readonly path: string;
  readonly handling: CreateOnlyHandling;
  /** How to compare, for `refuse` rows. @default 'text' */
  readonly comparison?: CreateOnlyComparison;
  /**
   * For a property that may change one way only: the changes Azure refuses, as `[from, to]` pairs of values
   * (without case). @default every change is refused
   */
  readonly refusedChanges?: readonly (readonly [string, string])[];
  /** Why Azure refuses a change, with its source. */
  readonly why: string;
  /** The way out, as an instruction. */
  readonly wayOut: string;
}

const ENDPOINT_WAY_OUT =
  'create a new endpoint (another endpointName) with the new identity, move clients to its scoring URI, then ' +
  'remove the old endpoint; or set the identity back';
const WORKSPACE_WAY_OUT =
  'create a new workspace (another workspaceName) with the new value and move endpoints and data to it, or ' +
  'set the value back';

/**
 * Every create-only property of the resources this library writes. The texts go into Terraform error messages,
 * which the HCL form of a stack (`cdktf synth --hcl`) writes between double quotes: they hold none.
 */
export const CREATE_ONLY_PROPERTIES: readonly CreateOnlyProperty[] = [
  {
    code: 'SE240',
    resourceType: 'workspaces/onlineEndpoints',
    prop: 'identity',
    path: 'identity.type',
    handling: 'refuse',
    why:
      "Azure ML sets an endpoint's identity when the endpoint is created (system-assigned identities can't be " +
      'changed once created: Azure ML docs, access Azure resources from an online endpoint with a managed ' +
      'identity); the update would fail, or leave the deployments without the roles they pull the image with',
    wayOut: ENDPOINT_WAY_OUT,
  },
  {
    code: 'SE241',
    resourceType: 'workspaces/onlineEndpoints',
    prop: 'identity (user-assigned identity)',
    path: 'identity.userAssignedIdentities',
    handling: 'refuse',
    comparison: 'keys',
    why:
      "Azure ML sets an endpoint's identity when the endpoint is created, the user-assigned identity with it " +
      '(Azure ML docs, access Azure resources from an online endpoint with a managed identity)',
    wayOut: ENDPOINT_WAY_OUT,
  },
  {
    code: 'SE242',
    resourceType: 'workspaces',
    prop: 'storageAccount',
    path: 'properties.storageAccount',
    handling: 'refuse',
    why:
      "the workspace's storage account cannot be changed once the workspace has been created (API " +
      'specification, WorkspaceProperties.storageAccount; not in the PATCH model)',
    wayOut: WORKSPACE_WAY_OUT,
  },
  {
    code: 'SE243',
    resourceType: 'workspaces',
    prop: 'keyVault',
    path: 'properties.keyVault',
    handling: 'refuse',
    why:
      "the workspace's Key Vault cannot be changed once the workspace has been created (API specification, " +
      'WorkspaceProperties.keyVault; not in the PATCH model)',
    wayOut: WORKSPACE_WAY_OUT,
  },
  {
    code: 'SE244',
    resourceType: 'workspaces',
    prop: 'isolationMode',
    path: 'properties.managedNetwork.isolationMode',
    handling: 'refuse',
    refusedChanges: [
      ['AllowInternetOutbound', 'Disabled'],
      ['AllowOnlyApprovedOutbound', 'Disabled'],
      // Not refused: a move between the two managed modes. Versions of Azure ML's managed network article
      // disagree on which direction Azure refuses (created with AllowInternetOutbound, no move to approved
      // only; or, in the current one, no move from approved only back to internet outbound): nobody can check
      // it here, so it is passed through and Azure decides at apply.
    ],
    why:
      'a managed virtual network cannot be disabled once enabled (Azure ML docs, workspace managed network ' +
      'isolation)',
    wayOut:
      'create a new workspace (another workspaceName) with the isolation mode you need and move endpoints to ' +
      'it, or set the isolation mode back',
  },
  {
    resourceType: 'workspaces/onlineEndpoints/deployments',
    prop: 'instanceType',
    path: 'properties.instanceType',
    handling: 'recreate-when-idle',
    why: 'x-ms-mutability: [read, create] in OnlineDeploymentProperties (2026-05-01 and 2026-05-15-preview)',
    wayOut:
      "add a new deployment with the new instanceType (endpoint.addDeployment('Green', { ..., instanceType })), " +
      'shift the traffic to it with routeTraffic, then remove the old one; or route its traffic away first',
  },
  {
    resourceType: 'workspaces/onlineEndpoints/deployments',
    prop: 'egressPublicNetworkAccess',
    path: 'properties.egressPublicNetworkAccess',
    handling: 'recreate-when-idle',
    why: 'it cannot be updated after creation (Azure ML docs, secure online endpoints, legacy network isolation)',
    wayOut: 'as for instanceType: a new deployment, or the traffic routed away first',
  },
  ...['vmSize', 'vmPriority', 'osType', 'enableNodePublicIp'].map((prop): CreateOnlyProperty => ({
    resourceType: 'workspaces/computes',
    prop: `imageBuildCompute ${prop}`,
    path: `properties.properties.${prop}`,
    handling: 'replace',
    why: "the compute update model (ClusterUpdateParameters) holds the cluster's scale settings only",
    wayOut: 'none needed: the image-build cluster serves nothing and is replaced',
  })),
  {
    resourceType: 'workspaces/computes',
    prop: 'imageBuildCompute disableLocalAuth',
    path: 'properties.disableLocalAuth',
    handling: 'replace',
    why: "the compute update model (ClusterUpdateParameters) holds the cluster's scale settings only",
    wayOut: 'none needed: the image-build cluster serves nothing and is replaced',
  },
  ...['models', 'codes', 'environments'].map((kind): CreateOnlyProperty => ({
    resourceType: `workspaces/${kind}/versions`,
    prop: 'model, code or environment content',
    path: 'properties',
    handling: 'new-version',
    why: 'an asset version is immutable in Azure ML: new content is a new version',
    wayOut: 'none needed: the version name is the content hash, so new content is a new version',
  })),
];

/** The rows of one resource type with one handling. */
export function createOnlyProperties(
  resourceType: string,
  handling: CreateOnlyHandling,
): CreateOnlyProperty[] {
  return CREATE_ONLY_PROPERTIES.filter((p) => p.resourceType === resourceType && p.handling === handling);
}
