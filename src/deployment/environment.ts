import * as fs from 'fs';
import { EnvironmentVersionBody } from '../arm';
import { isKnown, fromFactory, problem, Problems, problemsOf, Checked } from '../checks';
import { defineProps, object, text } from '../checks/read';
import { parse as parseYaml } from 'yaml';
import { resolveAssetId } from './asset-id';
import { parseImageReference } from './image-reference';
import { AssetRegistry } from './asset-registry';
import { AssetBindContext, BindScope, BoundAsset } from './bind-context';
import { checkCondaDependencies } from './content-checks';
import { hashText, resolveLocalPath } from './local-content';
import { LocalAssetOptions } from './local-asset-options';
import { LOCAL_ASSET_OPTIONS } from './readers';

/** Options of `Environment.fromImage`: the conda file, and how local files are uploaded. */
export interface ImageEnvironmentOptions extends LocalAssetOptions {
  /**
   * A conda file to build into the image (the how-to's `environment/conda.yaml`). Azure ML builds the image on
   * the workspace's image-build compute and downloads the packages from conda and PyPI.
   * @default none: the image is used as it is
   */
  readonly condaFile?: string;
}

/** A bound environment: its id, and whether building it downloads packages. @internal */
export interface BoundEnvironment extends BoundAsset {
  /** True when Azure ML builds an image from a conda file, which needs the package indexes. */
  readonly installsPackages: boolean;
}

export const ENVIRONMENT_FROM_IMAGE_PARAMS = defineProps<{ image: string; options: ImageEnvironmentOptions }>(
  'Environment.fromImage',
  {
    // Checked as an image reference (SE223); a token is passed through.
    image: text({
      tokens: 'expression',
      optional: false,
      what: "an image reference (text such as 'mcr.microsoft.com/azureml/...:latest')",
    }),
    options: object(
      'ImageEnvironmentOptions',
      defineProps<ImageEnvironmentOptions>('ImageEnvironmentOptions', {
        ...LOCAL_ASSET_OPTIONS,
        condaFile: text({
          tokens: 'refuse',
          what: 'a local conda file (text)',
          why: 'the file is read and hashed when the stack is synthesized',
        }),
      }),
    ),
  },
);
export const ENVIRONMENT_FROM_ASSET_ID_PARAMS = defineProps<{ environmentId: string }>(
  'Environment.fromAssetId',
  {
    // Checked for its form (SE217) where it is bound; a token is passed through.
    environmentId: text({
      tokens: 'expression',
      optional: false,
      what: "an asset id (text such as 'azureml:<name>:<version>')",
    }),
  },
);

/** The container image a deployment runs in. */
export abstract class Environment {
  /**
   * A base image, optionally with a conda file, registered as an environment version named by a hash of the
   * image and the conda file's content (the how-to's `image:` plus `conda_file:`).
   */
  public static fromImage(image: string, options: ImageEnvironmentOptions = {}): Environment {
    return fromFactory(
      ENVIRONMENT_FROM_IMAGE_PARAMS,
      { image, options },
      (read) => new ImageEnvironment(read.image, read.options ?? {}),
      ImageEnvironment.prototype,
    );
  }

  /**
   * An existing environment version: an ARM id, an `azureml://registries/azureml/environments/<name>/versions/<v>`
   * URI (curated environments), or `azureml:<name>:<version>`.
   */
  public static fromAssetId(environmentId: string): Environment {
    return fromFactory(
      ENVIRONMENT_FROM_ASSET_ID_PARAMS,
      { environmentId },
      (read) => new ExistingEnvironment(read.environmentId),
      ExistingEnvironment.prototype,
    );
  }

  /** Creates what the environment needs in the deployment's scope and returns its id. @internal */
  public abstract bind(scope: BindScope, context: AssetBindContext): BoundEnvironment | undefined;
}

class ImageEnvironment extends Environment {
  // The conda file as read, by absolute path: what a read gives depends only on the file, so the deployments
  // that bind this environment (a hundred endpoints sharing one) read and parse it once, each recording its
  // problems.
  private readonly condaReads = new Map<string, Checked<string | undefined>>();

  constructor(
    private readonly image: string,
    private readonly options: ImageEnvironmentOptions,
  ) {
    super();
  }

  /** @internal */
  public bind(scope: BindScope, context: AssetBindContext): BoundEnvironment | undefined {
    const image = checkImageReference(this.image);
    if (image.length > 0) {
      problemsOf(scope).record(image);
      return undefined;
    }
    const condaFile = this.options.condaFile;
    const conda =
      condaFile === undefined ? undefined : problemsOf(scope).take(this.readConda(scope, condaFile));
    if (condaFile !== undefined && conda === undefined) return undefined;
    const body: EnvironmentVersionBody = {
      properties: {
        image: this.image,
        // The body carries the conda file's content, not a path.
        condaFile: conda,
        osType: 'Linux',
        isAnonymous: false,
        description: this.options.description,
      },
    };
    const version = AssetRegistry.of(context.workspace).version({
      kind: 'environments',
      name: this.options.name ?? `${context.defaultNamePrefix}-env`,
      version: hashEnvironment(this.image, conda),
      body,
      description: this.options.description,
      requestedBy: scope,
    });
    return { assetId: version.id, dependables: [version], installsPackages: conda !== undefined };
  }

  private readConda(scope: BindScope, condaFile: string): Checked<string | undefined> {
    const key = resolveLocalPath(scope, condaFile);
    let read = this.condaReads.get(key);
    if (read === undefined) {
      read = readCondaFile(scope, condaFile, this.options.skipContentChecks !== true);
      this.condaReads.set(key, read);
    }
    return read;
  }
}

class ExistingEnvironment extends Environment {
  constructor(private readonly environmentId: string) {
    super();
  }

  /** @internal */
  public bind(scope: BindScope, context: AssetBindContext): BoundEnvironment | undefined {
    const assetId = problemsOf(scope).take(
      resolveAssetId(this.environmentId, 'environments', context.workspace, 'environmentId'),
    );
    return assetId === undefined ? undefined : { assetId, dependables: [], installsPackages: false };
  }
}

function hashEnvironment(image: string, conda: string | undefined): string {
  return hashText(image, conda ?? '');
}

function readCondaFile(
  scope: BindScope,
  condaFile: string,
  checkContent: boolean,
): Checked<string | undefined> {
  const resolved = resolveLocalPath(scope, condaFile);
  const nothing = (detail: string) => ({ value: undefined, problems: [problem('SE215', detail)] });
  if (!fs.existsSync(resolved)) {
    return nothing(
      `conda file '${condaFile}' does not exist (relative paths start at the folder of cdktf.json); fix the path`,
    );
  }
  if (!fs.statSync(resolved).isFile()) {
    return nothing(
      `conda file '${condaFile}' is a folder, not a file: give the path of the conda YAML file in it`,
    );
  }
  // Normalised line endings: a checkout with CRLF must not produce another environment version.
  const text = fs.readFileSync(resolved, 'utf8').replace(/\r\n/g, '\n');
  const parsed = checkCondaYaml(condaFile, text);
  if (Array.isArray(parsed)) return { value: undefined, problems: parsed };
  const problems = checkContent ? checkCondaDependencies(condaFile, parsed as Record<string, unknown>) : [];
  return problems.length > 0 ? { value: undefined, problems } : { value: text, problems: [] };
}

/**
 * SE224: Azure ML builds the image from the conda file's YAML; a file that is not a YAML mapping fails the build.
 * Returns the mapping, or the problems.
 */
function checkCondaYaml(condaFile: string, text: string): Record<string, unknown> | Problems {
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return [problem('SE224', `conda file '${condaFile}' is not YAML (${reason}): fix the file`)];
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return [
      problem(
        'SE224',
        `conda file '${condaFile}' is not a YAML mapping: a conda environment file has keys such as name, ` +
          `channels and dependencies; fix the file`,
      ),
    ];
  }
  return parsed as Record<string, unknown>;
}

/** SE223: the base image is a container image reference by docker's grammar (image-reference.ts). */
function checkImageReference(image: string): Problems {
  if (!isKnown(image)) return [];
  const parsed = typeof image === 'string' ? parseImageReference(image) : { problem: 'it is not text' };
  if ('problem' in parsed) {
    return [
      problem(
        'SE223',
        `image '${String(image)}' is not a container image reference: ${parsed.problem}; give one such as ` +
          `'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest'`,
      ),
    ];
  }
  return [];
  return [];
}
