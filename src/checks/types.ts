import { Token } from 'cdktf';
import { refuse } from './configuration-error';

/** What a prop must be: text, a number, a yes/no, a plain object, a list, or an instance of one of our classes. */
export type Expected = 'text' | 'number' | 'boolean' | 'object' | 'list' | ClassOf;

/** A class, also one with a private constructor (enum-like classes): its prototype and name. */
export interface ClassOf {
  readonly prototype: object;
  readonly name: string;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the text '${value}'`;
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : `an object (${String(value)})`;
  return `${typeof value} ${String(value)}`;
}

function matches(value: unknown, expected: Expected): boolean {
  switch (expected) {
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      // A Terraform variable's booleanValue is a token object.
      return typeof value === 'boolean' || Token.isUnresolved(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'list':
      return Array.isArray(value) || Token.isUnresolved(value);
    default:
      return (
        typeof value === 'object' &&
        value !== null &&
        Object.prototype.isPrototypeOf.call(expected.prototype, value)
      );
  }
}

/**
 * SE001: a value of the wrong kind (JavaScript callers, `as` casts, JSON configuration): text where an object is
 * expected, `null`, a number for a name. Nothing sensible can be built from it, so the constructor or factory
 * stops at once instead of failing later with a TypeError that names neither the prop nor the value.
 * `undefined` passes when the prop is optional.
 */
export function expectKind(what: string, value: unknown, expected: Expected, optional = false): void {
  if (value === undefined && optional) return;
  if (matches(value, expected)) return;
  const wanted =
    typeof expected === 'string'
      ? { text: 'text', number: 'a number', boolean: 'true or false', object: 'an object', list: 'a list' }[
          expected
        ]
      : `a ${expected.name} (use its static members or factories)`;
  refuse('SE001', `${what} is ${describe(value)}: give ${wanted}${optional ? ', or leave it unset' : ''}`);
}
