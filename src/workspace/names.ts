import { createHash } from 'crypto';
import { IConstruct } from 'constructs';
import { isKnown, problemsOf, problem, Problems } from '../checks';

/** Workspace and outbound rule names (ARM schema pattern of both resources). */
export const ML_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/;

/** Azure ML compute names: 3-24, letter first, letters/digits/hyphens, not ending in `-<digits>`. */
const COMPUTE_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;

/**
 * A short hash of the construct path: stable across machines and runs, different for two workspaces with the
 * same name in different stacks, so the globally unique names of created resources do not collide.
 */
export function stableSuffix(scope: IConstruct, length: number): string {
  return createHash('sha256').update(scope.node.path).digest('hex').slice(0, length);
}

/** Lower-case letters and digits of a name (unresolved tokens contribute nothing). */
function alphanumeric(name: string): string {
  return isKnown(name) ? name.toLowerCase().replace(/[^a-z0-9]/g, '') : '';
}

/** Storage account: 3-24 lower-case letters and digits, globally unique. */
export function defaultStorageAccountName(scope: IConstruct, workspaceName: string): string {
  return `st${alphanumeric(workspaceName)}`.slice(0, 16) + stableSuffix(scope, 8);
}

/** Key Vault: 3-24 letters, digits and hyphens, letter first, globally unique. */
export function defaultKeyVaultName(scope: IConstruct, workspaceName: string): string {
  return `kv${alphanumeric(workspaceName)}`.slice(0, 16) + stableSuffix(scope, 8);
}

/** Container registry: 5-50 letters and digits, globally unique. */
export function defaultContainerRegistryName(scope: IConstruct, workspaceName: string): string {
  return `cr${alphanumeric(workspaceName)}`.slice(0, 40) + stableSuffix(scope, 8);
}

/** SE101: workspace name. */
export function checkWorkspaceName(name: string): Problems {
  if (isKnown(name) && !ML_NAME_PATTERN.test(name)) {
    return [
      problem(
        'SE101',
        `workspace name '${name}' is invalid: Azure accepts 3 to 33 characters, letters, digits, '_' and '-', ` +
          `starting with a letter or digit (${ML_NAME_PATTERN.source}); choose a name that matches`,
      ),
    ];
  }
  return [];
}

/** SE102: outbound rule name. */
export function checkRuleName(name: string): Problems {
  if (isKnown(name) && !ML_NAME_PATTERN.test(name)) {
    return [
      problem(
        'SE102',
        `outbound rule name '${name}' is invalid: Azure accepts 3 to 33 characters, letters, digits, '_' and '-', ` +
          `starting with a letter or digit (${ML_NAME_PATTERN.source}); choose a name that matches`,
      ),
    ];
  }
  return [];
}

/** SE110: compute name (azapi cannot check it: the API's pattern uses a look-ahead). */
export function checkComputeName(name: string): Problems {
  if (isKnown(name) && (!COMPUTE_NAME_PATTERN.test(name) || /-\d+$/.test(name))) {
    return [
      problem(
        'SE110',
        `image-build compute name '${name}' is invalid: Azure ML compute names have 3 to 24 characters, start ` +
          `with a letter, contain only letters, digits and hyphens, and do not end with a hyphen followed by ` +
          `digits; choose a name such as 'image-build'`,
      ),
    ];
  }
  return [];
}

/**
 * SE112: an overridden name of a created associated resource (defaults derive from a valid workspace name and
 * always match, so only names given are checked).
 */
export function checkAssociatedName(
  scope: IConstruct,
  kind: string,
  name: string | undefined,
  pattern: RegExp,
  rule: string,
): void {
  if (name !== undefined && isKnown(name) && !pattern.test(name)) {
    problemsOf(scope).report(
      'SE112',
      `${kind} name '${name}' is invalid: ${rule}; choose another name or leave it to the default`,
    );
  }
}

/** Application Insights: 1-260 characters without %, &, backslash, ?, / or control characters, not ending in space or '.'. */
export const APPLICATION_INSIGHTS_NAME_PATTERN = new RegExp(
  // Control characters are what the pattern refuses.
  // eslint-disable-next-line no-control-regex
  '^(?=.{1,260}$)[^%&\\\\?/\\u0000-\\u001f]*[^%&\\\\?/\\u0000-\\u001f. ]$',
);
/** azurerm private endpoint: 1-80, letter or digit first, letter, digit or `_` last, `.`, `-`, `_` inside. */
export const PRIVATE_ENDPOINT_NAME_PATTERN = /^[a-zA-Z0-9]([a-zA-Z0-9._-]{0,78}[a-zA-Z0-9_])?$/;
export const STORAGE_ACCOUNT_NAME_PATTERN = /^[a-z0-9]{3,24}$/;
export const KEY_VAULT_NAME_PATTERN = /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;
export const CONTAINER_REGISTRY_NAME_PATTERN = /^[a-zA-Z0-9]{5,50}$/;
/** Log Analytics workspace: 4-63 letters, digits and hyphens, not starting or ending with a hyphen (azurerm). */
export const LOG_ANALYTICS_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$/;

/**
 * Log Analytics workspace: `<workspace name>-log` with `_` (valid in workspace names, refused by Log Analytics)
 * replaced by `-`.
 */
export function defaultLogAnalyticsName(workspaceName: string): string {
  return isKnown(workspaceName) ? `${workspaceName.replace(/_/g, '-')}-log` : `${workspaceName}-log`;
}

/** The blob endpoint of a storage account in Azure public cloud, with the trailing slash Azure gives it. */
export function publicCloudBlobEndpoint(storageAccountName: string): string {
  return `https://${storageAccountName}.blob.core.windows.net/`;
}
