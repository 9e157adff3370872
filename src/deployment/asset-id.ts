import { Checked, ConfigurationError, isKnown, problem } from '../checks';
import { IManagedVnetWorkspace } from '../workspace';
import { ASSET_NAME_PATTERN } from './asset-name';
import { AssetKind } from './asset-registry';

/**
 * The forms an asset version id takes, from Azure ML's CLI (v2) core YAML syntax (`reference-yaml-core-syntax.md`,
 * "Referencing an Azure Machine Learning asset" and registries' `azureml://registries/...` URIs) and the ARM
 * id of a version (`workspaces|registries/<name>/<kind>/<name>/versions/<version>`). Each is parsed by shape:
 * which segment is the registry, the kind, the asset name and the version, so that a name with a space, a
 * missing version or another kind is refused with the part that is wrong.
 */
const FORMS: ReadonlyArray<{ readonly form: string; readonly pattern: RegExp }> = [
  // azureml:<name>:<version>, the CLI's short form in the deployment's workspace.
  { form: 'short', pattern: /^azureml:(?<name>[^:/]*):(?<version>[^:/]*)$/ },
  // azureml://registries/<registry>/<kind>/<name>/versions/<version> (or /labels/<label>).
  {
    form: 'registry',
    pattern:
      /^azureml:\/\/registries\/(?<registry>[^/]*)\/(?<kind>[^/]*)\/(?<name>[^/]*)\/(?:versions\/(?<version>[^/]*)|labels\/(?<label>[^/]*))$/i,
  },
  // azureml://subscriptions/<sub>/resourceGroups/<rg>/workspaces/<ws>/<kind>/<name>/versions/<version>.
  {
    form: 'workspace',
    pattern:
      /^azureml:\/\/subscriptions\/(?<subscription>[^/]*)\/resourcegroups\/[^/]+\/(?:providers\/Microsoft\.MachineLearningServices\/)?workspaces\/[^/]+\/(?<kind>[^/]*)\/(?<name>[^/]*)\/(?:versions\/(?<version>[^/]*)|labels\/(?<label>[^/]*))$/i,
  },
  // azureml://locations/<region>/workspaces/<workspace guid>/<kind>/<name>/versions/<version>.
  {
    form: 'location',
    pattern:
      /^azureml:\/\/locations\/[^/]+\/workspaces\/[^/]+\/(?<kind>[^/]*)\/(?<name>[^/]*)\/(?:versions\/(?<version>[^/]*)|labels\/(?<label>[^/]*))$/i,
  },
  // The ARM id of a version in a workspace or a registry.
  {
    form: 'arm',
    pattern:
      /^\/subscriptions\/(?<subscription>[^/]+)\/resourceGroups\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/(?:workspaces|registries)\/[^/]+\/(?<kind>[^/]*)\/(?<name>[^/]*)\/versions\/(?<version>[^/]*)$/i,
  },
];

/** A registry name: 3 to 33 letters, digits, `-` and `_`, a letter or digit first (Azure ML registries). */
const REGISTRY_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/;
/** A version or label: letters, digits, `.`, `_` and `-` (Azure ML asset versions), a letter or digit first. */
const VERSION = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,254}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why the parts of a parsed id are wrong, or undefined. */
function partsProblem(groups: Record<string, string | undefined>, kind: AssetKind): string | undefined {
  const singular = kind.slice(0, -1);
  if (groups.kind !== undefined && groups.kind.toLowerCase() !== kind.toLowerCase()) {
    return `it names ${groups.kind === '' ? 'no kind' : `'${groups.kind}'`} where '${kind}' belongs`;
  }
  if (groups.registry !== undefined && !REGISTRY_NAME.test(groups.registry)) {
    return `registry name '${groups.registry}' is not 3 to 33 letters, digits, '-' and '_'`;
  }
  if (groups.subscription !== undefined && !GUID.test(groups.subscription)) {
    return `subscription '${groups.subscription}' is not a subscription id (a GUID)`;
  }
  if (!ASSET_NAME_PATTERN.test(groups.name ?? '')) {
    return `${singular} name '${groups.name ?? ''}' is not up to 255 letters, digits, '-', '_' and '.' starting with a letter or digit`;
  }
  const version = groups.version ?? groups.label;
  if (!VERSION.test(version ?? '')) {
    return `${groups.label !== undefined ? 'label' : 'version'} '${version ?? ''}' is not letters, digits, '.', '_' and '-'`;
  }
  return undefined;
}

/**
 * Turns an asset id as users write it into what the deployment body takes: an ARM version id or an
 * `azureml://` URI (registries, workspaces) pass through; the CLI's short form `azureml:<name>:<version>`
 * becomes the version's ARM id in the deployment's workspace. Anything else is refused (SE217).
 */
export function resolveAssetId(
  assetId: string,
  kind: AssetKind,
  workspace: IManagedVnetWorkspace,
  prop: string,
): Checked<string | undefined> {
  const resolved = resolve(assetId, kind, workspace, prop);
  return typeof resolved === 'string'
    ? { value: resolved, problems: [] }
    : { value: undefined, problems: [resolved] };
}

function resolve(
  assetId: string,
  kind: AssetKind,
  workspace: IManagedVnetWorkspace,
  prop: string,
): string | ConfigurationError {
  if (!isKnown(assetId)) return assetId;
  const singular = kind.slice(0, -1);
  let why = 'it has none of the forms below';
  for (const { form, pattern } of FORMS) {
    const match = pattern.exec(assetId);
    if (match === null) continue;
    const groups = match.groups ?? {};
    const found = partsProblem(groups, kind);
    if (found === undefined) {
      return form === 'short'
        ? `${workspace.workspaceId}/${kind}/${groups.name}/versions/${groups.version}`
        : assetId;
    }
    why = found;
    break;
  }
  return problem(
    'SE217',
    `${singular} asset id ${prop} '${assetId}' is not a ${singular} version: ${why}; give an ARM id ending in ` +
      `'/${kind}/<name>/versions/<version>', an 'azureml://registries/<registry>/${kind}/<name>/versions/<version>' ` +
      `URI, or 'azureml:<name>:<version>'`,
  );
}
