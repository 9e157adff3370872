import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { AssetContainerBody, CodeVersionBody, EnvironmentVersionBody, ModelVersionBody } from '../arm';
import { AzapiResource } from '../azapi';
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
  readonly description?: string;
  /** The uploads the version points at. */
  readonly dependsOn?: ITerraformDependable[];
}

// One container resource per workspace and name, even when several deployments register versions in it.
const containers = new WeakMap<IManagedVnetWorkspace, Map<string, AzapiResource>>();

/** Registers an asset version (`workspaces/<kind>/versions`) in its container, creating the container once. */
export function registerAssetVersion(scope: Construct, id: string, props: AssetVersionProps): AzapiResource {
  const { workspace, kind } = props;
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
  return new AzapiResource(scope, `${id}Version`, {
    type: apiVersion.resourceType(`workspaces/${kind}/versions`),
    name: props.version,
    parentId: container.id,
    body: props.body,
    dependsOn: props.dependsOn,
    // A new version replaces the old one; the deployment moves to it before the old one is deleted.
    lifecycle: { createBeforeDestroy: true },
  });
}
