import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { IManagedVnetWorkspace } from '../workspace';

/** What a model, code or environment source needs to know about the deployment binding it. @internal */
export interface AssetBindContext {
  /** The workspace the assets are registered in. */
  readonly workspace: IManagedVnetWorkspace;
  /**
   * The asset container name used when the source gives none: `<endpoint>-<deployment>-<kind>`, unique per
   * workspace because endpoint names are unique per region and deployment names per endpoint.
   */
  readonly defaultNamePrefix: string;
}

/** A bound asset: the id the deployment body uses and what the deployment must wait for. @internal */
export interface BoundAsset {
  /** ARM id of the asset version, or an `azureml://` URI. */
  readonly assetId: string;
  /** Resources (uploads, versions) the deployment depends on. */
  readonly dependables: ITerraformDependable[];
}

/**
 * Scope argument of `bind`: the deployment. Local paths resolve, and warnings and problems attach there; the assets themselves
 * belong to the workspace's `AssetRegistry`. @internal
 */
export type BindScope = Construct;
