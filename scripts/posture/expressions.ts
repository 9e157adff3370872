/**
 * Policy language expressions (`"[parameters('effect')]"`, `"[padLeft(current('...'), 3, '0')]"`): a parser and
 * an evaluator of the functions the built-in definitions use. A function the evaluator does not implement, or an
 * Unknown argument, gives Unknown: never a guess. Functions: Azure Policy "Policy functions" and the ARM template
 * functions they allow (https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule).
 */
import { isUnknown, Multi, NOW, Unknown } from './values';

/** What an expression can read: parameters, fields of the evaluated resource, `current()` of a count. */
export interface ExpressionScope {
  parameter(name: string): unknown;
  field(alias: string): unknown;
  current(name?: string): unknown;
  /** `requestContext()`, `resourceGroup()`, `subscription()`: objects of what the evaluation knows. */
  context(name: 'requestcontext' | 'resourcegroup' | 'subscription'): unknown;
}

type Node =
  | { kind: 'literal'; value: unknown }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'member'; target: Node; property: string }
  | { kind: 'index'; target: Node; index: Node };

/** An expression string is `[...]`; `[[` escapes a literal `[`. */
export function isExpression(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('[') && !value.startsWith('[[') && value.endsWith(']');
}

/** Evaluates a value of a definition: an expression is evaluated, any other value is returned as written. */
export function evaluateValue(value: unknown, scope: ExpressionScope): unknown {
  if (typeof value === 'string' && value.startsWith('[[')) return value.slice(1);
  if (!isExpression(value)) return value;
  return evaluate(parse(value.slice(1, -1)), scope);
}

function parse(text: string): Node {
  let i = 0;
  const skip = (): void => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const expect = (ch: string): void => {
    skip();
    if (text[i] !== ch) throw new Error(`expression '${text}': expected '${ch}' at ${i}`);
    i++;
  };
  const primary = (): Node => {
    skip();
    if (text[i] === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`expression '${text}': unterminated string`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += text[i++];
      }
      return { kind: 'literal', value: s };
    }
    const num = /^-?\d+/.exec(text.slice(i));
    if (num !== null) {
      i += num[0].length;
      return { kind: 'literal', value: Number(num[0]) };
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (ident === null) throw new Error(`expression '${text}': unexpected '${text[i]}' at ${i}`);
    i += ident[0].length;
    expect('(');
    const args: Node[] = [];
    skip();
    if (text[i] === ')') i++;
    else {
      for (;;) {
        args.push(postfix());
        skip();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect(')');
        break;
      }
    }
    return { kind: 'call', name: ident[0].toLowerCase(), args };
  };
  const postfix = (): Node => {
    let node = primary();
    for (;;) {
      skip();
      if (text[i] === '.') {
        i++;
        const prop = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
        if (prop === null) throw new Error(`expression '${text}': expected a property name at ${i}`);
        i += prop[0].length;
        node = { kind: 'member', target: node, property: prop[0] };
      } else if (text[i] === '[') {
        i++;
        const index = postfix();
        expect(']');
        node = { kind: 'index', target: node, index };
      } else return node;
    }
  };
  const node = postfix();
  skip();
  if (i !== text.length) throw new Error(`expression '${text}': unexpected '${text.slice(i)}'`);
  return node;
}

const firstUnknown = (values: unknown[]): Unknown | undefined => values.find(isUnknown);

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof Multi) return v.values.length === 0;
  if (typeof v === 'object') return Object.keys(v as object).length === 0;
  return false;
}

function asString(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Functions whose every argument must be known; each returns a value from known arguments. */
const STRICT: Record<string, (args: unknown[]) => unknown> = {
  concat: (a) => (a.every(Array.isArray) ? a.flat() : a.map(asString).join('')),
  equals: ([x, y]) => asString(x).toLowerCase() === asString(y).toLowerCase(),
  empty: ([x]) => isEmpty(x),
  first: ([x]) => (Array.isArray(x) ? x[0] : typeof x === 'string' ? x.charAt(0) : undefined),
  last: ([x]) => (Array.isArray(x) ? x[x.length - 1] : typeof x === 'string' ? x.slice(-1) : undefined),
  length: ([x]) =>
    Array.isArray(x) ? x.length : x instanceof Multi ? x.values.length : typeof x === 'string' ? x.length : 0,
  not: ([x]) => !x,
  padleft: ([x, n, ch]) => asString(x).padStart(Number(n), asString(ch ?? ' ')),
  split: ([x, d]) => asString(x).split(asString(d)),
  string: ([x]) => asString(x),
  tolower: ([x]) => asString(x).toLowerCase(),
  toupper: ([x]) => asString(x).toUpperCase(),
  true: () => true,
  false: () => false,
  greater: ([x, y]) => (x as number) > (y as number),
  less: ([x, y]) => (x as number) < (y as number),
};

function evaluate(node: Node, scope: ExpressionScope): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'member': {
      const target = evaluate(node.target, scope);
      if (isUnknown(target)) return target;
      const record = target as Record<string, unknown> | undefined;
      const key = Object.keys(record ?? {}).find((k) => k.toLowerCase() === node.property.toLowerCase());
      return key === undefined ? undefined : record?.[key];
    }
    case 'index': {
      const target = evaluate(node.target, scope);
      const index = evaluate(node.index, scope);
      const u = firstUnknown([target, index]);
      if (u !== undefined) return u;
      return (target as Record<string | number, unknown> | undefined)?.[index as string | number];
    }
    case 'call':
      return call(node, scope);
  }
}

function call(node: { name: string; args: Node[] }, scope: ExpressionScope): unknown {
  const arg = (n: number): unknown =>
    node.args[n] === undefined ? undefined : evaluate(node.args[n], scope);
  switch (node.name) {
    case 'parameters':
      return scope.parameter(asString(arg(0)));
    case 'field':
      return scope.field(asString(arg(0)));
    case 'current':
      return scope.current(node.args.length === 0 ? undefined : asString(arg(0)));
    case 'requestcontext':
    case 'resourcegroup':
    case 'subscription':
      return scope.context(node.name);
    case 'utcnow':
      return NOW;
    case 'if': {
      const c = arg(0);
      if (isUnknown(c)) return c;
      return c ? arg(1) : arg(2);
    }
    case 'and':
    case 'or': {
      // Short-circuit: one false (and) or one true (or) decides even beside an Unknown.
      const decisive = node.name === 'or';
      let unknown: Unknown | undefined;
      for (let n = 0; n < node.args.length; n++) {
        const v = arg(n);
        if (isUnknown(v)) unknown ??= v;
        else if (Boolean(v) === decisive) return decisive;
      }
      return unknown ?? !decisive;
    }
    case 'coalesce': {
      for (let n = 0; n < node.args.length; n++) {
        const v = arg(n);
        if (isUnknown(v) || (v !== undefined && v !== null)) return v;
      }
      return undefined;
    }
  }
  if (node.name === 'empty') {
    const v = arg(0);
    if (isUnknown(v) && v.nonEmpty) return false;
  }
  const strict = STRICT[node.name];
  if (strict === undefined) return new Unknown(`the policy function ${node.name}() is not evaluated`);
  const args = node.args.map((_, n) => arg(n));
  const unknown = firstUnknown(args);
  if (unknown !== undefined) return unknown;
  if (args.includes(NOW)) return new Unknown(`${node.name}() of utcNow() is not evaluated`);
  return strict(args);
}
