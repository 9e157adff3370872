import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { isKnown } from './configuration-error';
import { expressionOf } from './expressions';

/**
 * Every construct of the app `scope` belongs to (all its stacks), in construct-tree order, that `select` keeps.
 * Uniqueness checks read the tree when the app is validated, never module-level state, so that they see what
 * every stack of the app builds, whatever the order constructs were made in.
 */
export function appConstructs<T extends IConstruct>(
  scope: IConstruct,
  select: (construct: IConstruct) => construct is T,
): T[] {
  return scope.node.root.node.findAll().filter(select);
}

/**
 * What two values are compared by, as Azure compares them: a known value normalised (`normalise`, lower case
 * by default); a Terraform expression by the expression it resolves to in its stack (one reference is the same
 * value however often it was read). Undefined when nothing can be said (no value, an expression that cannot be
 * resolved here): such a value is never called a duplicate.
 */
export function comparisonKey(
  scope: IConstruct,
  value: unknown,
  normalise: (known: string) => string = (v) => v.toLowerCase(),
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && isKnown(value)) return `=${normalise(value)}`;
  if (!Token.isUnresolved(value)) return typeof value === 'string' ? `=${normalise(value)}` : undefined;
  const expression = expressionOf(scope, value);
  const stack = scope.node.scopes.find((c) => TerraformStack.isStack(c));
  return expression === undefined || stack === undefined ? undefined : `${stack.node.path}:${expression}`;
}

/** A value for a message: known text as it is, a Terraform expression as the expression (`${var.name}`). */
export function shown(scope: IConstruct, value: unknown): string {
  if (typeof value === 'string' && isKnown(value)) return value;
  return expressionOf(scope, value) ?? String(value);
}

/** An Azure region as ARM compares it: `West Europe` and `westeurope` are one region. */
export function normaliseRegion(region: string): string {
  return region.toLowerCase().replace(/\s+/g, '');
}
