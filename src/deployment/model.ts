import { Annotations, Fn } from 'cdktf';
import { ModelType, ModelVersionBody } from '../arm';
import { fromFactory, problemsOf, firstProblem } from '../checks';
import { defineProps, object, text } from '../checks/read';
import { LOCAL_ASSET_OPTIONS } from './readers';
import { IManagedVnetWorkspace } from '../workspace';
import { resolveAssetId } from './asset-id';
import { AssetRegistry } from './asset-registry';
import { AssetBindContext, BindScope, BoundAsset } from './bind-context';
import { checkMlmodel, checkModelFiles } from './content-checks';
import { readLocalContent } from './local-content';
import { LocalAssetOptions } from './local-asset-options';

export type { LocalAssetOptions } from './local-asset-options';

const EXPR = { tokens: 'expression' } as const;
const LOCAL_PATH = text({
  tokens: 'refuse',
  optional: false,
  what: 'a local path (text)',
  why: 'the files are read, hashed and uploaded when the stack is synthesized',
});

const OPTIONS = object('LocalAssetOptions', LOCAL_ASSET_OPTIONS);
// Checked for its form (SE217) where it is bound; a token is passed through.
const ASSET_ID = text({
  ...EXPR,
  optional: false,
  what: "an asset id (text such as 'azureml:<name>:<version>')",
});
export const MODEL_FROM_LOCAL_PATH_PARAMS = defineProps<{ localPath: string; options: LocalAssetOptions }>(
  'Model.fromLocalPath',
  {
    localPath: LOCAL_PATH,
    options: OPTIONS,
  },
);
export const MODEL_MLFLOW_FROM_LOCAL_PATH_PARAMS = defineProps<{
  localPath: string;
  options: LocalAssetOptions;
}>('Model.mlflowFromLocalPath', {
  localPath: LOCAL_PATH,
  options: OPTIONS,
});
export const MODEL_FROM_ASSET_ID_PARAMS = defineProps<{ assetId: string }>('Model.fromAssetId', {
  assetId: ASSET_ID,
});
export const MODEL_MLFLOW_FROM_ASSET_ID_PARAMS = defineProps<{ assetId: string }>('Model.mlflowFromAssetId', {
  assetId: ASSET_ID,
});

/**
 * The model a deployment serves. Bound by the deployment: local files are uploaded and registered as a model
 * version whose name is a hash of their content (same content, same version).
 */
export abstract class Model {
  /**
   * A custom model from a local file or folder (the how-to's `model: path: ../../model-1/model/`). The folder
   * keeps its name: the scoring script finds it at `$AZUREML_MODEL_DIR/<folder name>/...`.
   */
  public static fromLocalPath(localPath: string, options: LocalAssetOptions = {}): Model {
    return fromFactory(
      MODEL_FROM_LOCAL_PATH_PARAMS,
      { localPath, options },
      (read) => new LocalModel(read.localPath, 'custom_model', read.options ?? {}),
      LocalModel.prototype,
    );
  }

  /**
   * An MLflow model folder (with its `MLmodel` file). Azure ML generates the scoring script and the
   * environment when the deployment gives neither code nor environment; give both to customise the deployment
   * (Azure ML's "customize MLflow model deployments", the way to serve it without internet egress).
   */
  public static mlflowFromLocalPath(localPath: string, options: LocalAssetOptions = {}): Model {
    return fromFactory(
      MODEL_MLFLOW_FROM_LOCAL_PATH_PARAMS,
      { localPath, options },
      (read) => new LocalModel(read.localPath, 'mlflow_model', read.options ?? {}),
      LocalModel.prototype,
    );
  }

  /**
   * An existing custom model version: an ARM id (`.../models/<name>/versions/<version>`), an
   * `azureml://registries/<registry>/models/<name>/versions/<version>` URI, or `azureml:<name>:<version>`.
   */
  public static fromAssetId(assetId: string): Model {
    return fromFactory(
      MODEL_FROM_ASSET_ID_PARAMS,
      { assetId },
      (read) => new ExistingModel(read.assetId, false),
      ExistingModel.prototype,
    );
  }

  /** An existing MLflow model version, by id as for `fromAssetId`. */
  public static mlflowFromAssetId(assetId: string): Model {
    return fromFactory(
      MODEL_MLFLOW_FROM_ASSET_ID_PARAMS,
      { assetId },
      (read) => new ExistingModel(read.assetId, true),
      ExistingModel.prototype,
    );
  }

  /** Whether this is an MLflow model (no scoring script or environment needed). */
  public abstract readonly isMlflow: boolean;

  /** Creates what the model needs in the deployment's scope and returns its id. Called once per deployment. @internal */
  public abstract bind(scope: BindScope, context: AssetBindContext): BoundAsset | undefined;
}

class LocalModel extends Model {
  public readonly isMlflow: boolean;

  constructor(
    private readonly localPath: string,
    private readonly modelType: ModelType,
    private readonly options: LocalAssetOptions,
  ) {
    super();
    this.isMlflow = modelType === 'mlflow_model';
  }

  /** @internal */
  public bind(scope: BindScope, context: AssetBindContext): BoundAsset | undefined {
    const { workspace } = context;
    const content = problemsOf(scope).take(readLocalContent(scope, this.localPath, 'model path (localPath)'));
    if (content === undefined) return undefined;
    const mlmodel = content.files.find((f) => f.relativePath === `${content.baseName}/MLmodel`);
    if (this.isMlflow && mlmodel === undefined) {
      problemsOf(scope).report(
        'SE219',
        `MLflow model '${this.localPath}' has no MLmodel file at its top level: Azure ML reads the flavor and ` +
          `signature from it; point to the folder mlflow.save_model wrote, or use Model.fromLocalPath`,
      );
      return undefined;
    }
    if (this.options.skipContentChecks !== true) {
      // One rule as users read it (the model's files, then its MLmodel): the first problem is reported.
      const problems = firstProblem(
        checkModelFiles(this.localPath, content),
        this.isMlflow && mlmodel !== undefined ? checkMlmodel(this.localPath, mlmodel) : [],
      );
      if (problems.length > 0) {
        problemsOf(scope).record(problems);
        return undefined;
      }
    }
    warnIfLarge(scope, this.localPath, content.totalSize);
    const registry = AssetRegistry.of(workspace);
    const upload = registry.upload('models', content);
    const body: ModelVersionBody = {
      properties: {
        modelType: this.modelType,
        modelUri: datastoreUri(workspace, upload.datastorePath),
        isAnonymous: false,
        description: this.options.description,
      },
    };
    const version = registry.version({
      kind: 'models',
      name: this.options.name ?? `${context.defaultNamePrefix}-model`,
      version: content.hash,
      body,
      description: this.options.description,
      dependsOn: upload.blobs,
      requestedBy: scope,
    });
    return { assetId: version.id, dependables: [version] };
  }
}

class ExistingModel extends Model {
  constructor(
    private readonly assetId: string,
    public readonly isMlflow: boolean,
  ) {
    super();
  }

  /** @internal */
  public bind(scope: BindScope, context: AssetBindContext): BoundAsset | undefined {
    const assetId = problemsOf(scope).take(
      resolveAssetId(this.assetId, 'models', context.workspace, 'assetId'),
    );
    return assetId === undefined ? undefined : { assetId, dependables: [] };
  }
}

/**
 * Past this size, a model is better registered once outside the stack than uploaded by Terraform: every blob is
 * read and checksummed on each plan, and a failed upload of many GiB restarts from zero.
 */
const LARGE_MODEL_BYTES = 1024 ** 3;

function warnIfLarge(scope: BindScope, localPath: string, totalSize: number): void {
  if (totalSize < LARGE_MODEL_BYTES) return;
  const gib = (totalSize / 1024 ** 3).toFixed(1);
  Annotations.of(scope).addWarning(
    `model '${localPath}' holds ${gib} GiB: uploading it through Terraform re-reads every file on each plan ` +
      `and restarts a failed upload from zero; register the model once (az ml model create --path ...) and ` +
      `deploy it with Model.fromAssetId('azureml:<name>:<version>')`,
  );
}

/** `azureml://` URI of a path in the workspace's default blob datastore, as the CLI registers models. */
function datastoreUri(workspace: IManagedVnetWorkspace, datastorePath: string): string {
  // The subscription id is the third segment of the workspace's ARM id, known only at apply time.
  const subscriptionId = Fn.element(Fn.split('/', workspace.workspaceId), 2) as string;
  return (
    `azureml://subscriptions/${subscriptionId}/resourcegroups/${workspace.resourceGroupName}` +
    `/workspaces/${workspace.workspaceName}/datastores/workspaceblobstore/paths/${datastorePath}`
  );
}
