/**
 * The built-in definitions and initiatives, read from `__tests__/fixtures/azure-policy/` (or `AZURE_POLICY_DIR`),
 * and what an assignment really evaluates: an initiative passes each definition parameter values, often
 * `[parameters('...')]` of its own whose default decides (an effect assigned `Disabled` is not evaluated); a
 * definition's own defaults fill the rest.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { evaluateValue, isExpression } from './expressions';
import { ordinal, Unknown } from './values';

export const POLICY_DIR =
  process.env.AZURE_POLICY_DIR ?? join(__dirname, '..', '..', '__tests__', 'fixtures', 'azure-policy');

export interface Definition {
  /** The definition's name, a GUID. */
  readonly name: string;
  readonly displayName: string;
  /** The folder it is in (Machine Learning, Storage, Key Vault, Container Registry, Monitoring, Network). */
  readonly category: string;
  readonly mode: string;
  readonly parameters: Readonly<Record<string, { defaultValue?: unknown }>>;
  readonly policyRule: { if: unknown; then: { effect: string; details?: Record<string, unknown> } };
}

export interface Assignment {
  readonly definition: Definition;
  /** Every parameter's value; one without a value is Unknown. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** The effect, lower case (`audit`, `deny`, `auditifnotexists`, `deployifnotexists`, `modify`, `disabled`). */
  readonly effect: string;
  /** Its `policyDefinitionReferenceId` in the initiative (what an exemption names); none when assigned alone. */
  readonly referenceId?: string;
}

/** The initiatives the posture test evaluates, by their file in the fixtures. */
export const INITIATIVES = [
  { key: 'MCSB', file: 'AzureSecurityCenter.json', id: '1f3afdf9-d0c9-4c3d-847f-89da613e70a8' },
  { key: 'MCSBv2', file: 'MCSBv2.json', id: 'e3ec7e09-768c-4b64-882c-fcada3772047' },
] as const;
export type InitiativeKey = (typeof INITIATIVES)[number]['key'];

export interface Initiative {
  readonly key: InitiativeKey | 'all';
  readonly displayName: string;
  readonly assignments: readonly Assignment[];
}

let cache: Definition[] | undefined;

/** Every definition of the fixtures, sorted by category and display name. */
export function loadDefinitions(dir = POLICY_DIR): Definition[] {
  if (dir === POLICY_DIR && cache !== undefined) return cache;
  const root = join(dir, 'policyDefinitions');
  const defs: Definition[] = [];
  for (const category of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, category)).sort()) {
      if (!file.endsWith('.json')) continue;
      const raw = JSON.parse(readFileSync(join(root, category, file), 'utf8')) as {
        name: string;
        properties: Omit<Definition, 'name' | 'category'>;
      };
      defs.push({ name: raw.name, category, ...raw.properties });
    }
  }
  defs.sort((a, b) => ordinal(a.category, b.category) || ordinal(a.displayName, b.displayName));
  if (dir === POLICY_DIR) cache = defs;
  return defs;
}

/** A definition assigned with `values` (expressions already resolved); its defaults fill the rest. */
export function assign(definition: Definition, values: Readonly<Record<string, unknown>> = {}): Assignment {
  const parameters: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(definition.parameters ?? {})) {
    if (values[name] !== undefined) parameters[name] = values[name];
    else if (p.defaultValue !== undefined) parameters[name] = p.defaultValue;
    else parameters[name] = new Unknown(`the parameter ${name} has no default: the assignment sets it`);
  }
  const noField = (): never => {
    throw new Error(`definition ${definition.name}: the effect reads a field`);
  };
  const effect = evaluateValue(definition.policyRule.then.effect, {
    parameter: (n) => parameters[n],
    field: noField,
    current: noField,
    context: noField,
  });
  return { definition, parameters, effect: String(effect).toLowerCase() };
}

/** Every definition with its own defaults: what a reviewer assigning it alone evaluates. */
export function defaultsInitiative(dir = POLICY_DIR): Initiative {
  return {
    key: 'all',
    displayName: 'every definition with its defaults',
    assignments: loadDefinitions(dir).map((d) => assign(d)),
  };
}

/** An initiative's assignments of the definitions in the fixtures. */
export function loadInitiative(key: InitiativeKey, dir = POLICY_DIR): Initiative {
  const meta = INITIATIVES.find((i) => i.key === key);
  if (meta === undefined) throw new Error(`unknown initiative ${key}`);
  const raw = JSON.parse(readFileSync(join(dir, 'policySetDefinitions', meta.file), 'utf8')) as {
    name: string;
    properties: {
      displayName: string;
      parameters?: Record<string, { defaultValue?: unknown }>;
      policyDefinitions: {
        policyDefinitionId: string;
        policyDefinitionReferenceId?: string;
        parameters?: Record<string, { value: unknown }>;
      }[];
    };
  };
  if (raw.name !== meta.id) throw new Error(`${meta.file} is initiative ${raw.name}, not ${meta.id}`);
  const setParams = raw.properties.parameters ?? {};
  const byName = new Map(loadDefinitions(dir).map((d) => [d.name, d]));
  const assignments = new Map<string, Assignment>();
  for (const entry of raw.properties.policyDefinitions) {
    const definition = byName.get(entry.policyDefinitionId.split('/').pop() ?? '');
    if (definition === undefined) continue;
    const values: Record<string, unknown> = {};
    for (const [name, { value }] of Object.entries(entry.parameters ?? {})) {
      values[name] = isExpression(value)
        ? evaluateValue(value, {
            parameter: (n) =>
              setParams[n]?.defaultValue ?? new Unknown(`the initiative parameter ${n} has no default`),
            field: () => new Unknown('field() in an initiative parameter'),
            current: () => undefined,
            context: () => new Unknown('a context function in an initiative parameter'),
          })
        : value;
    }
    const a = { ...assign(definition, values), referenceId: entry.policyDefinitionReferenceId };
    // A definition listed twice counts once, by its enabled assignment if it has one.
    const before = assignments.get(definition.name);
    if (before === undefined || before.effect === 'disabled') assignments.set(definition.name, a);
  }
  return {
    key,
    displayName: raw.properties.displayName,
    assignments: [...assignments.values()].sort(
      (a, b) =>
        ordinal(a.definition.category, b.definition.category) ||
        ordinal(a.definition.displayName, b.definition.displayName),
    ),
  };
}
