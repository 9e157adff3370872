/**
 * Scoped snapshots: a documented configuration snapshots only the part of its synthesized stack it is about, so
 * that its snapshot changes only when that part does. The one whole-stack snapshot is the how-to's
 * (__tests__/main.test.ts); every configuration's whole stack is still checked, by the conformance checks of its
 * test and by `npm run test:apply`.
 */
import { SynthesizedStack } from './synth';

/** What a scoped snapshot keeps: whole Terraform types, and azapi resources by ML type path. */
export interface SnapshotScope {
  /** Resource types kept whole (`azurerm_monitor_autoscale_setting`). */
  readonly resources?: string[];
  /** Of `resources`, only the Terraform names this matches. @default every one */
  readonly names?: RegExp;
  /** Data source types kept whole (`azapi_resource`). */
  readonly data?: string[];
  /** azapi resources (any azapi Terraform type) whose ML type path is one of these, kept whole. */
  readonly mlTypes?: string[];
  /** `azapi_resource_action`s whose ML type path is one of these, kept whole. */
  readonly mlActions?: string[];
  /** For `azapi_resource`s of these ML type paths, only these attributes. */
  readonly mlAttributes?: { readonly [mlType: string]: string[] };
}

function mlPath(type: unknown): string | undefined {
  const match = /^Microsoft\.MachineLearningServices\/([^@]+)@/.exec(String(type));
  return match?.[1];
}

/** The part of a synthesized stack that `scope` selects, grouped by `resource.<type>` / `data.<type>`. */
export function scoped(json: SynthesizedStack, scope: SnapshotScope): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {};
  const put = (section: string, type: string, name: string, value: unknown) => {
    const key = `${section}.${type}`;
    out[key] ??= {};
    out[key][name] = value;
  };
  for (const type of scope.resources ?? []) {
    for (const [name, value] of Object.entries(json.resource?.[type] ?? {})) {
      if (scope.names === undefined || scope.names.test(name)) put('resource', type, name, value);
    }
  }
  for (const type of scope.data ?? []) {
    for (const [name, value] of Object.entries(json.data?.[type] ?? {})) put('data', type, name, value);
  }
  for (const [tfType, resources] of Object.entries(json.resource ?? {})) {
    if (!tfType.startsWith('azapi_')) continue;
    for (const [name, value] of Object.entries(resources)) {
      const path = mlPath(value.type);
      if (path === undefined) continue;
      if (scope.mlTypes?.includes(path)) put('resource', tfType, name, value);
      else if (tfType === 'azapi_resource_action' && scope.mlActions?.includes(path)) {
        put('resource', tfType, name, value);
      }
      const attributes = tfType === 'azapi_resource' ? scope.mlAttributes?.[path] : undefined;
      if (attributes !== undefined) {
        put('resource', tfType, name, Object.fromEntries(attributes.map((a) => [a, value[a]])));
      }
    }
  }
  return out;
}
