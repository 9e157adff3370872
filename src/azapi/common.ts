import { Tokenization } from 'cdktf';

/** The provider source and version constraint every azapi binding synthesizes against. */
export const AZAPI_PROVIDER_METADATA = {
  providerName: 'azapi',
  providerVersionConstraint: '~> 2.12',
} as const;

/**
 * A request or response body. Any JSON-shaped object; Terraform tokens inside it (references to other
 * resources) resolve to interpolations when the stack is synthesized.
 */
export type AzapiBody = object;

/**
 * Values azapi exports from the response into `output`: a list of property paths, or a map from an output
 * key to a JMESPath query.
 */
export type AzapiResponseExportValues = string[] | { readonly [outputKey: string]: string };

/** Retry block shared by azapi resources: retry a request while its error matches one of the patterns. */
export interface AzapiRetry {
  /** Regular expressions matched against the error message. */
  readonly errorMessageRegex: string[];
  /** @default 10 (provider default) */
  readonly intervalSeconds?: number;
  /** @default 180 (provider default) */
  readonly maxIntervalSeconds?: number;
}

/** Terraform operation timeouts, as Go durations such as `"30m"` or `"2h"`. */
export interface AzapiTimeouts {
  /** @default the provider's 30 minutes */
  readonly create?: string;
  /** @default the provider's 5 minutes */
  readonly read?: string;
  /** @default the provider's 30 minutes */
  readonly update?: string;
  /** @default the provider's 30 minutes */
  readonly delete?: string;
}

export function retryToTerraform(retry?: AzapiRetry): Record<string, unknown> | undefined {
  if (retry === undefined) return undefined;
  return {
    error_message_regex: retry.errorMessageRegex,
    interval_seconds: retry.intervalSeconds,
    max_interval_seconds: retry.maxIntervalSeconds,
  };
}

export function timeoutsToTerraform(timeouts?: AzapiTimeouts): Record<string, unknown> | undefined {
  if (timeouts === undefined) return undefined;
  return { create: timeouts.create, read: timeouts.read, update: timeouts.update, delete: timeouts.delete };
}

/**
 * Turns the JSON attribute map into the typed form `cdktf synth --hcl` renders. Scalars keep their type;
 * `blocks` (such as `identity` and `timeouts`, nested blocks in the provider schema) render as HCL blocks;
 * every other object (bodies, maps, nested attributes such as `retry`) renders as an object expression, which
 * is what azapi expects for `body`.
 */
export function toHclAttributes(
  attributes: Record<string, unknown>,
  blocks: readonly string[] = [],
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (blocks.includes(name)) {
      result[name] = {
        value: escapeHclStrings(value),
        isBlock: true,
        type: 'simple',
        storageClassType: 'object',
      };
      continue;
    }
    const type = hclTypeOf(value);
    result[name] = { value: type.type === 'any' ? escapeHclStrings(value) : value, ...type };
  }
  return result;
}

/**
 * cdktf's HCL renderer writes strings nested in objects and lists between quotes without escaping newlines or
 * backslashes, so a multi-line value (a conda file) or a regular expression would not parse. Escape them here;
 * strings holding Terraform expressions (`${...}`) are left alone, as the renderer leaves them.
 */
function escapeHclStrings(value: unknown): unknown {
  if (typeof value === 'string') {
    if (value.includes('${')) return value;
    return value
      .replace(/\\/g, '\\\\')
      .replace(/"/g, '\\"')
      .replace(/\n/g, '\\n')
      .replace(/\r/g, '\\r')
      .replace(/\t/g, '\\t');
  }
  // Lazy values and other tokens resolve later, on their own: leave them whole.
  if (Tokenization.isResolvable(value)) return value;
  if (Array.isArray(value)) return value.map(escapeHclStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeHclStrings(v)]));
  }
  return value;
}

function hclTypeOf(value: unknown): { isBlock: boolean; type: string; storageClassType: string } {
  if (typeof value === 'string') return { isBlock: false, type: 'simple', storageClassType: 'string' };
  if (typeof value === 'number') return { isBlock: false, type: 'simple', storageClassType: 'number' };
  if (typeof value === 'boolean') return { isBlock: false, type: 'simple', storageClassType: 'boolean' };
  return { isBlock: false, type: 'any', storageClassType: 'any' };
}

/**
 * cdktf 0.21 renders a resource's or data source's `lifecycle` in HCL with `precondition` and `postcondition` as
 * plain attributes (`precondition = [...]`), which Terraform refuses: they are blocks. Marks them as blocks in the
 * HCL form of one element (`hcl[kind][type][name]`); the JSON form is right as it is.
 */
export function conditionsAsHclBlocks(
  hcl: Record<string, unknown>,
  kind: 'resource' | 'data',
  type: string,
  name: string,
): Record<string, unknown> {
  const elements = hcl[kind] as Record<string, Record<string, Record<string, unknown>>> | undefined;
  const attributes = elements?.[type]?.[name];
  const lifecycle = attributes?.lifecycle as Record<string, unknown> | undefined;
  const conditions = ['precondition', 'postcondition'];
  if (attributes === undefined || lifecycle === undefined) return hcl;
  if (!Object.keys(lifecycle).some((key) => conditions.includes(key))) return hcl;
  const asBlocks = (value: unknown) => ({ value, isBlock: true, type: 'list', storageClassType: 'list' });
  attributes.lifecycle = {
    value: Object.fromEntries(
      Object.entries(lifecycle).map(([key, value]) => [
        key,
        conditions.includes(key) ? asBlocks(value) : value,
      ]),
    ),
    isBlock: true,
    type: 'simple',
    storageClassType: 'object',
  };
  return hcl;
}
