/**
 * Can `jsii` compile this package? It is not a dependency, so each of its restrictions that matters is a rule
 * here (__tests__/support/jsii-rules.ts), run with the TypeScript compiler over the declarations src/index.ts
 * exports. Today's violations are the allow-list (jsii-allowlist.ts), which may only shrink; every rule has a
 * case that fires and one that passes, on a small API of its own.
 */
import * as os from 'os';
import * as path from 'path';
import { JSII_RULES, JsiiRule, jsiiViolations, memoryHost } from '../support/jsii-rules';
import * as api from '../../src';
import { JSII_ALLOWED } from './jsii-allowlist';

const ENTRY = path.join(__dirname, '..', '..', 'src', 'index.ts');

describe('the public API against jsii', () => {
  const current = jsiiViolations(ENTRY).map((v) => `${v.rule}: ${v.where}`);

  test('no violation outside the allow-list', () => {
    expect(current.filter((v) => !JSII_ALLOWED.includes(v))).toEqual([]);
  });

  test('the allow-list only shrinks: every entry is still a violation', () => {
    expect(JSII_ALLOWED.filter((v) => !current.includes(v))).toEqual([]);
  });

  test('what this release made jsii-clean stays clean', () => {
    const mine = current.filter((v) =>
      /Metric|Duration|Scaling|mirrorTraffic|autoScaleInstanceCount/.test(v),
    );
    expect(mine).toEqual(['reserved-word: Metric#with']);
  });

  test('no azapi binding, ARM shape, string union or Omit<> props comes back', () => {
    const frozen = current.filter((v) =>
      /Azapi|OutboundRule|Destination|Traffic|Value\b|Omit|EndpointIdentity|AttributeValues/.test(v),
    );
    expect(frozen).toEqual([]);
    // Of the azapi bindings, only the provider is exported (an app declares it).
    const azapi = Object.keys(api).filter((name) => /azapi/i.test(name) && name !== 'azapiResourcesOfType');
    expect(azapi).toEqual(['AzapiProvider']);
  });
});

/** The violations of a small API given as `index.ts` (and other files) in a folder of its own. */
function check(files: Record<string, string>): string[] {
  const dir = path.join(os.tmpdir(), 'jsii-rules-case');
  return jsiiViolations(path.join(dir, 'index.ts'), memoryHost(dir, files)).map(
    (v) => `${v.rule}: ${v.where}`,
  );
}

// Each rule: an API that breaks it, and the nearest one that does not.
const CASES: Record<JsiiRule, { fires: string; passes: string; where: string }> = {
  union: {
    fires: 'export class A { public go(x: string | number): void {} }',
    passes: 'export class A { public go(x?: string, y: string | undefined = undefined): void {} }',
    where: 'A#go(x)',
  },
  'literal-type': {
    fires: "export interface P { readonly kind: 'a' | 'b'; }",
    passes: 'export enum Kind { A = "a", B = "b" }\nexport interface P { readonly kind: Kind; }',
    where: 'P.kind',
  },
  'type-operator': {
    fires:
      'interface Q { readonly a: string; readonly b: string; }\nexport interface P extends Omit<Q, "a"> {}',
    passes: 'export interface Q { readonly b: string; }\nexport interface P extends Q {}',
    where: 'P extends Omit',
  },
  intersection: {
    fires:
      'export interface A { readonly a: string; }\nexport class C { public x: A & { readonly b: string } = { a: "", b: "" }; }',
    passes: 'export interface A { readonly a: string; }\nexport class C { public x: A = { a: "" }; }',
    where: 'C#x',
  },
  tuple: {
    fires: 'export class C { public go(): [string, number] { return ["", 0]; } }',
    passes: 'export class C { public go(): string[] { return []; } }',
    where: 'C#go',
  },
  'type-alias': {
    fires: 'export type Body = object;',
    passes: 'export interface Body { readonly value: string; }',
    where: 'Body',
  },
  'non-type-export': {
    fires: 'export function helper(): void {}',
    passes: 'export class Helpers { public static helper(): void {} }',
    where: 'helper',
  },
  'index-signature': {
    fires: 'export interface Tags { readonly [key: string]: string; }',
    passes: 'export interface P { readonly tags: { [key: string]: string }; }',
    where: 'Tags',
  },
  'struct-method': {
    fires: 'export interface Options { readonly a: string; go(): void; }',
    passes: 'export interface IThing { readonly a: string; go(): void; }',
    where: 'Options.go',
  },
  'struct-mutable': {
    fires: 'export interface Options { a: string; }',
    passes: 'export interface Options { readonly a: string; }',
    where: 'Options.a',
  },
  generic: {
    fires: 'export class Box<T> { }',
    passes: 'export class Box { }',
    where: 'Box',
  },
  overload: {
    fires:
      'export class C { public go(a: string): void;\npublic go(a: number): void;\npublic go(a: unknown): void {} }',
    passes: 'export class C { public go(a: string): void {} }',
    where: 'C#go',
  },
  'reserved-word': {
    fires: 'export interface Options { readonly default: string; }',
    passes: 'export interface Options { readonly defaultValue: string; }',
    where: 'Options.default',
  },
  'enum-member': {
    fires: 'export enum Mode { Fast = "fast" }',
    passes: 'export enum Mode { FAST = "fast" }',
    where: 'Mode.Fast',
  },
  'underscore-member': {
    fires: 'export class C { public _hidden(): void {} }',
    passes: 'export class C {\n  /** @internal */\n  public _hidden(): void {}\n}',
    where: 'C#_hidden',
  },
  'unexported-type': {
    fires: 'interface Hidden { readonly a: string; }\nexport class C { public go(h: Hidden): void {} }',
    passes: 'export interface Shown { readonly a: string; }\nexport class C { public go(h: Shown): void {} }',
    where: 'C#go(h) (Hidden)',
  },
};

describe.each(Object.keys(JSII_RULES) as JsiiRule[])('rule %s', (rule) => {
  test('fires', () => {
    expect(check({ 'index.ts': CASES[rule].fires })).toContain(`${rule}: ${CASES[rule].where}`);
  });
  test('passes', () => {
    expect(check({ 'index.ts': CASES[rule].passes }).filter((v) => v.startsWith(`${rule}:`))).toEqual([]);
  });
});
