/**
 * What makes Terraform replace or delete a live resource when a user upgrades the library: the comparison the
 * compatibility test runs between the last release's stacks and the current code's (docs/compatibility.md).
 *
 * A resource is deleted when its address (`type.name`) or its stack disappears, and replaced when one of its
 * create-only values changes:
 * - `azapi_resource`: the resource type of `type` (the api-version after `@` updates in place), `name`,
 *   `parent_id`, `location`, `replace_triggers_external_values`, and the body values at its
 *   `replace_triggers_refs` paths (azapi 2.x, "Changing this forces a new resource to be created"); for an online
 *   deployment also the create-only properties the library already knows (`createOnlyValues`,
 *   src/deployment/replacement.ts): a change there deletes and creates the deployment again;
 * - `azapi_resource_action`, `azapi_update_resource`: the resource type, `resource_id`, `action`, `parent_id`,
 *   `name` (which resource they act on);
 * - `terraform_data`: `triggers_replace`;
 * - azurerm resources: the ForceNew arguments in `azurerm-force-new.json`, extracted from the pinned providers by
 *   `npm run compat:force-new`.
 * Outputs and a module's variables are the stacks' interface to their callers: none may disappear, and a new
 * variable needs a default.
 */
import { createOnlyValues } from '../../src/deployment/replacement';
import { ManagedOnlineDeploymentProperties } from '../../src/arm';
import * as fs from 'fs';
import * as path from 'path';

/** A stack as the comparison sees it: its folder name and its parsed `cdk.tf.json`. */
export interface ComparedStack {
  readonly name: string;
  readonly json: Record<string, unknown>;
}

type Block = Record<string, unknown>;
type Blocks = Record<string, Record<string, Block>>;

/** The ForceNew arguments of each azurerm resource type of the release's stacks (generated, with its source). */
const FORCE_NEW = (
  JSON.parse(fs.readFileSync(path.join(__dirname, 'azurerm-force-new.json'), 'utf8')) as {
    resourceTypes: Record<string, { forceNew: string[] }>;
  }
).resourceTypes;

/** The azurerm resource types the ForceNew table covers. */
export const FORCE_NEW_TYPES: readonly string[] = Object.keys(FORCE_NEW);

/** `Microsoft.X/y@2026-05-01` -> `Microsoft.X/y` (case-insensitive in ARM). */
function resourceType(type: unknown): string {
  return String(type ?? '')
    .split('@')[0]
    .toLowerCase();
}

/** A value at a dotted path; nested blocks may be written as one object or as a list of objects. */
function at(value: unknown, path: string[]): unknown {
  if (path.length === 0 || value === undefined || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => at(item, path));
  if (typeof value !== 'object') return undefined;
  return at((value as Block)[path[0]], path.slice(1));
}

/** Deterministic text of a value (object keys sorted), for comparing. */
function text(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Block).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The create-only values of a resource, by name; `undefined` for a type whose create-only values are unknown. */
export function createOnly(type: string, body: Block): Record<string, unknown> | undefined {
  if (type === 'azapi_resource') {
    const values: Record<string, unknown> = {
      type: resourceType(body.type),
      name: body.name,
      parent_id: body.parent_id,
      location: body.location,
      replace_triggers_external_values: body.replace_triggers_external_values,
    };
    for (const ref of (body.replace_triggers_refs as string[] | undefined) ?? []) {
      values[`body.${ref}`] = at(body.body, ref.split('.'));
    }
    if (resourceType(body.type).endsWith('/onlineendpoints/deployments')) {
      const properties = (body.body as { properties?: ManagedOnlineDeploymentProperties } | undefined)
        ?.properties;
      if (properties !== undefined) {
        for (const [key, value] of Object.entries(createOnlyValues(properties))) {
          values[`body.properties.${key}`] = value;
        }
      }
    }
    return values;
  }
  if (type === 'azapi_resource_action' || type === 'azapi_update_resource') {
    return {
      type: resourceType(body.type),
      resource_id: body.resource_id,
      parent_id: body.parent_id,
      name: body.name,
      action: body.action,
    };
  }
  if (type === 'terraform_data') return { triggers_replace: body.triggers_replace };
  const table = FORCE_NEW[type];
  if (table === undefined) return undefined;
  return Object.fromEntries(table.forceNew.map((p) => [p, at(body, p.split('.'))]));
}

/** The replace_triggers_refs paths of either version count: a value at any of them decides. */
function comparedValues(type: string, released: Block, current: Block): [Block, Block] {
  if (type !== 'azapi_resource') return [released, current];
  const refs = [
    ...new Set([
      ...((released.replace_triggers_refs as string[] | undefined) ?? []),
      ...((current.replace_triggers_refs as string[] | undefined) ?? []),
    ]),
  ];
  return [
    { ...released, replace_triggers_refs: refs },
    { ...current, replace_triggers_refs: refs },
  ];
}

/** Why the current stack would replace or delete resources of the released one, one line each. */
function stackChanges(stack: string, released: Block, current: Block): string[] {
  const problems: string[] = [];
  const was = (released.resource ?? {}) as Blocks;
  const now = (current.resource ?? {}) as Blocks;
  for (const [type, byName] of Object.entries(was)) {
    for (const [name, body] of Object.entries(byName)) {
      const address = `${stack}: ${type}.${name}`;
      const next = now[type]?.[name];
      if (next === undefined) {
        problems.push(
          `${address} is deleted (its address is gone: a renamed construct id or a removed resource)`,
        );
        continue;
      }
      const [before, after] = comparedValues(type, body, next);
      const old = createOnly(type, before);
      const updated = createOnly(type, after);
      if (old === undefined || updated === undefined) {
        problems.push(
          `${address}: the create-only values of ${type} are unknown (run npm run compat:force-new for an ` +
            `azurerm type, or teach __tests__/support/compatibility.ts the type)`,
        );
        continue;
      }
      for (const key of Object.keys(old)) {
        if (text(old[key]) !== text(updated[key])) {
          problems.push(
            `${address} is replaced: ${key} changes from ${text(old[key])} to ${text(updated[key])}`,
          );
        }
      }
    }
  }
  for (const name of Object.keys((released.output ?? {}) as Block)) {
    if (!(name in ((current.output ?? {}) as Block))) problems.push(`${stack}: output ${name} is removed`);
  }
  const variables = (current.variable ?? {}) as Record<string, Block>;
  for (const name of Object.keys((released.variable ?? {}) as Block)) {
    if (!(name in variables)) problems.push(`${stack}: variable ${name} is removed`);
  }
  for (const [name, variable] of Object.entries(variables)) {
    if (!(name in ((released.variable ?? {}) as Block)) && !('default' in variable)) {
      problems.push(
        `${stack}: new variable ${name} has no default (callers of the release would fail to plan)`,
      );
    }
  }
  return problems;
}

/**
 * Every change from the released stacks to the current ones that replaces or deletes a live resource or breaks
 * the stacks' callers, one line each (empty: the upgrade updates in place or adds).
 */
export function breakingChanges(released: ComparedStack[], current: ComparedStack[]): string[] {
  const byName = new Map(current.map((s) => [s.name, s.json]));
  return released.flatMap((stack) => {
    const now = byName.get(stack.name);
    if (now === undefined) return [`stack ${stack.name} is removed: every resource in it is deleted`];
    return stackChanges(stack.name, stack.json, now);
  });
}
