import { Construct } from 'constructs';
import { ITerraformDependable, Token } from 'cdktf';
import { AssetContainerBody, CodeVersionBody, EnvironmentVersionBody, ModelVersionBody } from '../arm';
import { AzapiResource } from '../azapi';
import { check, refuse } from '../checks';
import { checkAssetName } from './asset-name';
import { IManagedVnetWorkspace } from '../workspace';

/** The three asset kinds a deployment uses, by their ARM path segment. */
export type AssetKind = 'models' | 'codes' | 'environments';

export interface AssetVersionProps {
  readonly workspace: IManagedVnetWorkspace;
  readonly kind: AssetKind;
  /** Container (asset) name. */
  readonly name: string;
  /** Version name: the content hash, so the same content keeps its version. */
  readonly version: string;
  readonly body: ModelVersionBody | CodeVersionBody | EnvironmentVersionBody;
  /** @default none */
  readonly description?: string;
  /** The uploads the version points at. @default nothing */
  readonly dependsOn?: ITerraformDependable[];
}

// One container resource per workspace and name, even when several deployments register versions in it.
const containers = new WeakMap<IManagedVnetWorkspace, Map<string, AzapiResource>>();
// One version resource per workspace, container and version: Azure has one `<name>/versions/<version>`, and a second
// azapi_resource for it would fail at apply ("already exists").
const versions = new WeakMap<IManagedVnetWorkspace, Map<string, { body: string; resource: AzapiResource }>>();

/**
 * Registers an asset version (`workspaces/<kind>/versions`) in its container, creating the container once and the
 * version once: a deployment asking for a version another deployment already registered shares it. The same name
 * and version with a different body (another model type or description) is refused (SE221).
 */
export function registerAssetVersion(scope: Construct, id: string, props: AssetVersionProps): AzapiResource {
  const { workspace, kind } = props;
  check(scope, () => checkAssetName(kind, props.name));
  const apiVersion = workspace.apiVersion;
  const byName = containers.get(workspace) ?? new Map<string, AzapiResource>();
  containers.set(workspace, byName);
  const key = `${kind}/${props.name}`;
  let container = byName.get(key);
  if (container === undefined) {
    const containerBody: AssetContainerBody = { properties: { description: props.description } };
    container = new AzapiResource(scope, `${id}Container`, {
      type: apiVersion.resourceType(`workspaces/${kind}`),
      name: props.name,
      parentId: workspace.workspaceId,
      body: containerBody,
    });
    byName.set(key, container);
  }
  const versionKey = `${key}/versions/${props.version}`;
  const byVersion = versions.get(workspace) ?? new Map<string, { body: string; resource: AzapiResource }>();
  versions.set(workspace, byVersion);
  const body = signature(props.body);
  const registered = byVersion.get(versionKey);
  if (registered !== undefined) {
    if (registered.body !== body) {
      refuse(
        'SE221',
        `${kind} '${props.name}' version '${props.version}' is registered twice with different properties ` +
          `(${registered.resource.node.path} and ${scope.node.path}/${id}Version): one name and version is one ` +
          `asset in Azure; give the second source another name, or the same model type and description`,
      );
    }
    return registered.resource;
  }
  const version = new AzapiResource(scope, `${id}Version`, {
    type: apiVersion.resourceType(`workspaces/${kind}/versions`),
    name: props.version,
    parentId: container.id,
    body: props.body,
    dependsOn: props.dependsOn,
    // A new version replaces the old one; the deployment moves to it before the old one is deleted.
    lifecycle: { createBeforeDestroy: true },
  });
  byVersion.set(versionKey, { body, resource: version });
  return version;
}

/** The body as text with every string holding a token masked: each reference to the workspace is a new token. */
function signature(body: AssetVersionProps['body']): string {
  return JSON.stringify(body, (_key, value: unknown) =>
    typeof value === 'string' && Token.isUnresolved(value) ? '<unresolved>' : value,
  );
}
