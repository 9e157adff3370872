import { Checked, ConfigurationError, isKnown, problem } from '../checks';
import { IManagedVnetWorkspace } from '../workspace';
import { AssetKind } from './asset-registry';

const ARM_VERSION_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/(workspaces|registries)\/[^/]+\/([a-z]+)\/[^/]+\/versions\/[^/]+$/i;
const SHORT_FORM = /^azureml:([^:/]+):([^:/]+)$/;

/**
 * Turns an asset id as users write it into what the deployment body takes: an ARM version id or an
 * `azureml://` URI (registries, datastores) pass through; the CLI's short form `azureml:<name>:<version>`
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
  const short = SHORT_FORM.exec(assetId);
  if (short !== null) return `${workspace.workspaceId}/${kind}/${short[1]}/versions/${short[2]}`;
  const uri = /^azureml:\/\/.+\/([a-z]+)\/[^/]+\/(versions|labels)\/[^/]+$/i.exec(assetId);
  if (uri !== null && uri[1].toLowerCase() === kind.toLowerCase()) return assetId;
  const arm = ARM_VERSION_ID.exec(assetId);
  if (arm !== null && arm[2].toLowerCase() === kind.toLowerCase()) return assetId;
  const singular = kind.slice(0, -1);
  return problem(
    'SE217',
    `${singular} asset id ${prop} '${assetId}' is not a ${singular} version: give an ARM id ending in ` +
      `'/${kind}/<name>/versions/<version>', an 'azureml://registries/<registry>/${kind}/<name>/versions/<version>' ` +
      `URI, or 'azureml:<name>:<version>'`,
  );
}
