import { CodeVersionBody } from '../arm';
import { fromFactory, problemsOf } from '../checks';
import { defineProps, object, text } from '../checks/read';
import { resolveAssetId } from './asset-id';
import { AssetRegistry } from './asset-registry';
import { AssetBindContext, BindScope, BoundAsset } from './bind-context';
import { checkScoringScript } from './content-checks';
import { readLocalContent } from './local-content';
import { LocalAssetOptions } from './local-asset-options';
import { LOCAL_ASSET_OPTIONS } from './readers';

const SCRIPT = text({
  tokens: 'refuse',
  optional: false,
  what: "a path in the code folder (text such as 'score.py')",
  why: 'the script is looked for in the code folder when the stack is synthesized (SE218)',
});
export const CODE_CONFIGURATION_FROM_LOCAL_PATH_PARAMS = defineProps<{
  directory: string;
  scoringScript: string;
  options: LocalAssetOptions;
}>('CodeConfiguration.fromLocalPath', {
  directory: text({
    tokens: 'refuse',
    optional: false,
    what: 'a local folder (text)',
    why: 'the files are read, hashed and uploaded when the stack is synthesized',
  }),
  scoringScript: SCRIPT,
  options: object('LocalAssetOptions', LOCAL_ASSET_OPTIONS),
});
export const CODE_CONFIGURATION_FROM_ASSET_ID_PARAMS = defineProps<{ codeId: string; scoringScript: string }>(
  'CodeConfiguration.fromAssetId',
  {
    // Checked for its form (SE217) where it is bound; a token is passed through.
    codeId: text({
      tokens: 'expression',
      optional: false,
      what: "an asset id (text such as 'azureml:<name>:<version>')",
    }),
    // Sent as the deployment's scoring script; a token is passed through.
    scoringScript: text({
      tokens: 'expression',
      optional: false,
      what: "a path in the code (text such as 'score.py')",
    }),
  },
);

/** The scoring code of a deployment: a folder and the script in it that defines `init()` and `run()`. */
export abstract class CodeConfiguration {
  /**
   * A local folder uploaded and registered as a code version named by its content hash (the how-to's
   * `code_configuration: code: ../../model-1/onlinescoring/, scoring_script: score.py`).
   */
  public static fromLocalPath(
    directory: string,
    scoringScript: string,
    options: LocalAssetOptions = {},
  ): CodeConfiguration {
    return fromFactory(
      CODE_CONFIGURATION_FROM_LOCAL_PATH_PARAMS,
      { directory, scoringScript, options },
      (read) => new LocalCode(read.directory, read.scoringScript, read.options ?? {}),
      LocalCode.prototype,
    );
  }

  /** An existing code version (ARM id, `azureml://` URI or `azureml:<name>:<version>`) and its script. */
  public static fromAssetId(codeId: string, scoringScript: string): CodeConfiguration {
    return fromFactory(
      CODE_CONFIGURATION_FROM_ASSET_ID_PARAMS,
      { codeId, scoringScript },
      (read) => new ExistingCode(read.codeId, read.scoringScript),
      ExistingCode.prototype,
    );
  }

  /** The scoring script's path relative to the code folder. */
  public abstract readonly scoringScript: string;

  /** Creates what the code needs in the deployment's scope and returns the code version id. @internal */
  public abstract bind(scope: BindScope, context: AssetBindContext): BoundAsset | undefined;
}

class LocalCode extends CodeConfiguration {
  constructor(
    private readonly directory: string,
    public readonly scoringScript: string,
    private readonly options: LocalAssetOptions,
  ) {
    super();
  }

  /** @internal */
  public bind(scope: BindScope, context: AssetBindContext): BoundAsset | undefined {
    const { workspace } = context;
    const content = problemsOf(scope).take(
      readLocalContent(scope, this.directory, 'code folder (directory)'),
    );
    if (content === undefined) return undefined;
    const scriptPath = `${content.baseName}/${this.scoringScript.replace(/^\.\//, '')}`;
    if (!content.isDirectory || !content.files.some((f) => f.relativePath === scriptPath)) {
      problemsOf(scope).report(
        'SE218',
        `scoring script '${this.scoringScript}' is not in code folder '${this.directory}': the script path is ` +
          `relative to the code folder; give the folder that contains it and the path inside it`,
      );
      return undefined;
    }
    const script = content.files.find((f) => f.relativePath === scriptPath);
    if (this.options.skipContentChecks !== true && script !== undefined) {
      const problems = checkScoringScript(this.directory, this.scoringScript, script);
      if (problems.length > 0) {
        problemsOf(scope).record(problems);
        return undefined;
      }
    }
    const registry = AssetRegistry.of(workspace);
    const upload = registry.upload('codes', content);
    const store = workspace.workspaceBlobStore;
    const body: CodeVersionBody = {
      properties: {
        // The code version points at the folder; the deployment names the script (scoringScript is not a
        // property of code versions).
        codeUri: `${store.blobEndpoint}${store.containerName}/${upload.datastorePath}`,
        isAnonymous: false,
        description: this.options.description,
      },
    };
    const version = registry.version({
      kind: 'codes',
      name: this.options.name ?? `${context.defaultNamePrefix}-code`,
      version: content.hash,
      body,
      description: this.options.description,
      dependsOn: upload.blobs,
      requestedBy: scope,
    });
    return { assetId: version.id, dependables: [version] };
  }
}

class ExistingCode extends CodeConfiguration {
  constructor(
    private readonly codeId: string,
    public readonly scoringScript: string,
  ) {
    super();
  }

  /** @internal */
  public bind(scope: BindScope, context: AssetBindContext): BoundAsset | undefined {
    const assetId = problemsOf(scope).take(resolveAssetId(this.codeId, 'codes', context.workspace, 'codeId'));
    return assetId === undefined ? undefined : { assetId, dependables: [] };
  }
}
