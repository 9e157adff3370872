/**
 * The `if` and `existenceCondition` language of Azure Policy, in three-valued logic: allOf/anyOf/not, field and
 * value conditions with every operator the built-ins use, `count` with `where` over a `[*]` alias or a value array,
 * policy expressions through `expressions.ts`. A condition that reads something unknown is Unknown unless the
 * rest decides it (one false in allOf, one true in anyOf).
 * Semantics: https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule
 * (conditions, count, "[*]" aliases: a condition on a [*] alias holds when it holds for every element, so it
 * holds for an empty array; string comparisons are case-insensitive; a missing field equals nothing).
 */
import { aliasPath } from './aliases';
import { evaluateValue, ExpressionScope } from './expressions';
import type { ArmResource } from './stack';
import { and, isUnknown, Multi, not, NOW, or, ordinal, Tri, Unknown } from './values';

/** What a condition reads: the resource `field` conditions name, the parameters, and the count scopes. */
export interface ConditionContext {
  readonly resource: ArmResource;
  /** The resource `[field()]` expressions name (in an existenceCondition, the resource of the `if`). */
  readonly expressionResource?: ArmResource;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly scopes?: readonly CountScope[];
}

interface CountScope {
  /** The ARM path of the counted array (ends with [*]), for a field count; the name, for a value count. */
  readonly path?: string;
  readonly name?: string;
  readonly element: unknown;
}

export interface Outcome {
  readonly value: Tri;
  /** For true: the leaf conditions that made it so; for Unknown: why it could not be decided. */
  readonly why: readonly string[];
}

const OPERATORS = [
  'equals',
  'notequals',
  'like',
  'notlike',
  'match',
  'matchinsensitively',
  'notmatch',
  'notmatchinsensitively',
  'contains',
  'notcontains',
  'in',
  'notin',
  'containskey',
  'notcontainskey',
  'less',
  'lessorequals',
  'greater',
  'greaterorequals',
  'exists',
] as const;
type Operator = (typeof OPERATORS)[number];

const lowerKeys = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));

function get(v: unknown, key: string): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || isUnknown(v)) return undefined;
  const k = Object.keys(v).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : (v as Record<string, unknown>)[k];
}

/** Walks an ARM path from a value; `[*]` segments give a Multi of every element reached. */
export function walk(v: unknown, path: string): unknown {
  const segments = path === '' ? [] : path.split('.');
  const step = (value: unknown, i: number): unknown => {
    if (i === segments.length || isUnknown(value)) return value;
    const seg = segments[i];
    if (!seg.endsWith('[*]')) return step(get(value, seg), i + 1);
    const arr = get(value, seg.slice(0, -3));
    if (isUnknown(arr)) return arr;
    const items = Array.isArray(arr) ? arr : [];
    const out: unknown[] = [];
    for (const item of items) {
      const r = step(item, i + 1);
      if (r instanceof Multi) out.push(...r.values);
      else out.push(r);
    }
    return new Multi(out);
  };
  return step(v, 0);
}

/** The value of `field(alias)` on the context's resource (or the count element the alias is under). */
export function fieldValue(
  resource: ArmResource,
  alias: string,
  scopes: readonly CountScope[] = [],
): unknown {
  switch (alias.toLowerCase()) {
    case 'type':
      return resource.type;
    case 'name':
    case 'fullname':
      return resource.name;
    case 'location':
      return resource.location;
    case 'kind':
      return get(resource.body, 'kind');
    case 'id':
      return new Unknown('the resource id holds the subscription, which the stack does not know');
  }
  const path = aliasPath(alias);
  if (path === undefined) return new Unknown(`the alias ${alias} is not in the mapping`);
  for (const scope of [...scopes].reverse()) {
    if (scope.path !== undefined && path.toLowerCase().startsWith(scope.path.toLowerCase())) {
      return walk(scope.element, path.slice(scope.path.length).replace(/^\./, ''));
    }
  }
  return walk(resource.body, path);
}

function expressionScope(ctx: ConditionContext): ExpressionScope {
  const scopes = ctx.scopes ?? [];
  const lower = new Map(Object.entries(ctx.parameters).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    parameter: (name) =>
      lower.has(name.toLowerCase())
        ? lower.get(name.toLowerCase())
        : new Unknown(`the parameter ${name} has no value: the assignment sets it`),
    field: (alias) => fieldValue(ctx.expressionResource ?? ctx.resource, alias),
    current: (name) => {
      if (name === undefined) return scopes[scopes.length - 1]?.element;
      const named = [...scopes].reverse().find((s) => s.name?.toLowerCase() === name.toLowerCase());
      if (named !== undefined) return named.element;
      return fieldValue(ctx.resource, name, scopes);
    },
    context: (name) => {
      if (name === 'requestcontext') return { apiVersion: ctx.resource.apiVersion };
      if (name === 'resourcegroup') return ctx.resource.resourceGroup;
      return new Unknown('the subscription is not in the stack');
    },
  };
}

const text = (v: unknown): string =>
  v === undefined
    ? '(absent)'
    : isUnknown(v)
      ? '(unknown)'
      : typeof v === 'string'
        ? `'${v}'`
        : JSON.stringify(v);

/** Evaluates a condition. */
export function evaluateCondition(condition: unknown, ctx: ConditionContext): Outcome {
  const c = lowerKeys(condition as Record<string, unknown>);
  if (c.allof !== undefined)
    return combine(
      (c.allof as unknown[]).map((x) => evaluateCondition(x, ctx)),
      'all',
    );
  if (c.anyof !== undefined)
    return combine(
      (c.anyof as unknown[]).map((x) => evaluateCondition(x, ctx)),
      'any',
    );
  if (c.not !== undefined) {
    const inner = evaluateCondition(c.not, ctx);
    return {
      value: not(inner.value),
      why: isUnknown(inner.value) ? inner.why : inner.why.map((w) => `not (${w})`),
    };
  }
  const op = OPERATORS.find((o) => c[o] !== undefined);
  if (op === undefined)
    return unknown(new Unknown(`a condition without a known operator: ${JSON.stringify(condition)}`));
  const right = evaluateValue(c[op], expressionScope(ctx));
  if (c.count !== undefined)
    return countCondition(lowerKeys(c.count as Record<string, unknown>), op, right, ctx);
  const isField = c.field !== undefined;
  const left = isField
    ? fieldValue(ctx.resource, String(c.field), ctx.scopes)
    : evaluateValue(c.value, expressionScope(ctx));
  const label = isField ? String(c.field) : String(c.value);
  if (left instanceof Multi) {
    const results = left.values.map((v) => compare(op, v, right));
    const value = and(results);
    return describe(value, `${label} ${op} ${text(right)} for every element (${left.values.length})`);
  }
  return describe(compare(op, left, right), `${label} ${op} ${text(right)} (value: ${text(left)})`);
}

function describe(value: Tri, leaf: string): Outcome {
  if (isUnknown(value)) return unknown(value);
  return { value, why: [leaf] };
}

const unknown = (u: Unknown): Outcome => ({ value: u, why: [u.reason] });

function combine(outcomes: Outcome[], kind: 'all' | 'any'): Outcome {
  const value = kind === 'all' ? and(outcomes.map((o) => o.value)) : or(outcomes.map((o) => o.value));
  if (isUnknown(value))
    return { value, why: outcomes.filter((o) => isUnknown(o.value)).flatMap((o) => o.why) };
  const decisive = kind === 'all' ? value : !value;
  // allOf true / anyOf false: every child counts; otherwise the first child that decided.
  const why = decisive
    ? outcomes.flatMap((o) => o.why)
    : (outcomes.find((o) => o.value === value)?.why ?? []);
  return { value, why: why.filter((w) => !/^type (equals|in) /i.test(w)) };
}

function countCondition(
  count: Record<string, unknown>,
  op: Operator,
  right: unknown,
  ctx: ConditionContext,
): Outcome {
  const scopes = ctx.scopes ?? [];
  let elements: unknown;
  let scopeOf: (e: unknown) => CountScope;
  if (count.field !== undefined) {
    const alias = String(count.field);
    const path = aliasPath(alias);
    elements =
      path === undefined
        ? new Unknown(`the alias ${alias} is not in the mapping`)
        : fieldValue(ctx.resource, alias, scopes);
    scopeOf = (element) => ({ path, element });
  } else {
    const v = evaluateValue(count.value, expressionScope(ctx));
    elements = isUnknown(v) ? v : new Multi(Array.isArray(v) ? v : []);
    scopeOf = (element) => ({ name: count.name === undefined ? undefined : String(count.name), element });
  }
  if (isUnknown(elements)) return unknown(elements);
  const items = elements instanceof Multi ? elements.values : [];
  let min = 0;
  let uncertain = 0;
  const reasons: string[] = [];
  for (const element of items) {
    const r: Tri =
      count.where === undefined
        ? isUnknown(element)
          ? element
          : true
        : evaluateCondition(count.where, { ...ctx, scopes: [...scopes, scopeOf(element)] }).value;
    if (r === true) min++;
    else if (isUnknown(r)) {
      uncertain++;
      reasons.push(r.reason);
    }
  }
  const results = new Set<boolean>();
  for (let n = min; n <= min + uncertain; n++) {
    const r = compare(op, n, right);
    if (isUnknown(r)) return unknown(r);
    results.add(r);
  }
  const label = `count of ${String(count.field ?? count.value)}${count.where === undefined ? '' : ' where ...'}`;
  if (results.size > 1) return unknown(new Unknown(reasons[0] ?? `${label} is not known`));
  return describe([...results][0], `${label} ${op} ${text(right)} (count: ${min})`);
}

const norm = (v: unknown): string => (typeof v === 'string' ? v.toLowerCase() : JSON.stringify(v));
const eq = (a: unknown, b: unknown): boolean =>
  a !== undefined &&
  a !== null &&
  (norm(a) === norm(b) || String(a).toLowerCase() === String(b).toLowerCase());

function like(value: string, pattern: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return re.test(value);
}

function order(a: unknown, b: unknown): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return ordinal(String(a), String(b));
}

/** One operator on known or Unknown values. */
export function compare(op: Operator, left: unknown, right: unknown): Tri {
  // x in [] and x notIn [] hold whatever x is.
  if ((op === 'in' || op === 'notin') && Array.isArray(right) && right.length === 0) return op === 'notin';
  if (isUnknown(left) && left.nonEmpty) {
    if (op === 'exists' && !isUnknown(right)) return String(right).toLowerCase() === 'true';
    if ((op === 'equals' || op === 'notequals') && right === '') return op === 'notequals';
  }
  if (isUnknown(left)) return left;
  if (isUnknown(right)) return right;
  if (left === NOW || right === NOW) {
    if (left !== right) return new Unknown('a comparison with the evaluation time utcNow()');
    return ['equals', 'lessorequals', 'greaterorequals'].includes(op);
  }
  const absent = left === undefined || left === null;
  switch (op) {
    case 'exists':
      return String(right).toLowerCase() === 'true' ? !absent : absent;
    case 'equals':
      return eq(left, right);
    case 'notequals':
      return !eq(left, right);
    case 'in':
      return Array.isArray(right) && right.some((r) => eq(left, r));
    case 'notin':
      return !(Array.isArray(right) && right.some((r) => eq(left, r)));
    case 'contains':
    case 'notcontains': {
      const has = Array.isArray(left)
        ? left.some((x) => eq(x, right))
        : !absent && String(left).toLowerCase().includes(String(right).toLowerCase());
      return op === 'contains' ? has : !has;
    }
    case 'like':
      return !absent && like(String(left), String(right));
    case 'notlike':
      return absent || !like(String(left), String(right));
    case 'less':
      return !absent && order(left, right) < 0;
    case 'lessorequals':
      return !absent && order(left, right) <= 0;
    case 'greater':
      return !absent && order(left, right) > 0;
    case 'greaterorequals':
      return !absent && order(left, right) >= 0;
    default:
      return new Unknown(`the operator ${op} is not evaluated`);
  }
}
