import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { isKnown } from './configuration-error';
import { expressionOf } from './expressions';

// The tree as one validation pass read it, held on the app's root construct while the pass runs (the tree is the
// only state there is): every rule of the pass that asks for the app's constructs filters that one read, and
// each selection is made once. Without it, a rule per construct (endpoint names, role assignments) that walks the
// whole tree makes validation grow with the square of the stack's size.
const TREE_READ = Symbol('treeRead');

interface TreeRead {
  readonly all: readonly IConstruct[];
  readonly selected: Map<(construct: IConstruct) => boolean, readonly IConstruct[]>;
}

interface TreeReadHolder {
  [TREE_READ]?: TreeRead;
}

/**
 * Runs `pass` (rules that read the tree, which add no construct) with the tree of `root`'s app read once:
 * `appConstructs` answers from that read while it runs. A nested call runs in the outer one's read.
 */
export function withOneTreeRead<T>(root: IConstruct, pass: () => T): T {
  const holder = root.node.root as IConstruct & TreeReadHolder;
  if (holder[TREE_READ] !== undefined) return pass();
  const read: TreeRead = { all: holder.node.findAll(), selected: new Map() };
  Object.defineProperty(holder, TREE_READ, { value: read, configurable: true, enumerable: false });
  try {
    return pass();
  } finally {
    delete holder[TREE_READ];
  }
}

/**
 * Every construct of the app `scope` belongs to (all its stacks), in construct-tree order, that `select` keeps.
 * Uniqueness checks read the tree when the app is validated, never module-level state, so that they see what
 * every stack of the app builds, whatever the order constructs were made in. Inside `withOneTreeRead` (a
 * validation pass), the pass's read of the tree.
 */
export function appConstructs<T extends IConstruct>(
  scope: IConstruct,
  select: (construct: IConstruct) => construct is T,
): T[] {
  const read = (scope.node.root as IConstruct & TreeReadHolder)[TREE_READ];
  if (read === undefined) return scope.node.root.node.findAll().filter(select);
  let selected = read.selected.get(select);
  if (selected === undefined) {
    selected = read.all.filter(select);
    read.selected.set(select, selected);
  }
  return [...selected] as T[];
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
