/**
 * The values the posture evaluator works with: JSON as Azure Resource Manager stores it, plus `Unknown` for what
 * cannot be known from the Terraform JSON (a Terraform expression, something Azure creates, an alias the mapping
 * does not know). A rule that meets an Unknown cannot decide: its verdict is undecidable, never compliant.
 */

/** A value the evaluator cannot know; `reason` says why (shown with an undecidable verdict). */
export class Unknown {
  /**
   * @param nonEmpty the value is not known but is there: a reference to another resource's id or name, which
   *   Terraform fills with a non-empty string (so `exists` and `equals ''` are decided).
   */
  constructor(
    readonly reason: string,
    readonly nonEmpty = false,
  ) {}
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

/** The values of a `[*]` alias: every element the path reaches (nested `[*]` flattened). */
export class Multi {
  constructor(readonly values: readonly unknown[]) {}
}

/** `utcNow()`: the one instant of an evaluation, equal only to itself (no clock makes a verdict change). */
export const NOW = Symbol('utcNow');

/** A Terraform expression inside a string (`${...}`): its value is only known at plan or apply time. */
export function isTerraformExpression(value: unknown): value is string {
  return typeof value === 'string' && value.includes('${');
}

/** A Terraform reference to a whole attribute, `${type.name.attr}`, as its three parts. */
export function referenceOf(value: unknown): { type: string; name: string; attribute: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)\}$/.exec(value);
  if (m === null) return undefined;
  return { type: m[1], name: m[2], attribute: m[3] };
}

/** A value read from the Terraform JSON: an expression becomes Unknown naming it. */
export function known(value: unknown, what: string): unknown {
  if (isTerraformExpression(value)) {
    const ref = referenceOf(value);
    const nonEmpty =
      ref !== undefined && ['id', 'name'].includes(ref.attribute) && !ref.type.startsWith('var');
    return new Unknown(`${what} is the Terraform expression ${value}`, nonEmpty);
  }
  return value;
}

/** Three-valued logic: true, false, or not decidable. */
export type Tri = boolean | Unknown;

export function and(values: readonly Tri[]): Tri {
  if (values.some((v) => v === false)) return false;
  return values.find(isUnknown) ?? true;
}

export function or(values: readonly Tri[]): Tri {
  if (values.some((v) => v === true)) return true;
  return values.find(isUnknown) ?? false;
}

export function not(value: Tri): Tri {
  return isUnknown(value) ? value : !value;
}

/** Ordinal string order, case-insensitive: the same on every machine (no locale). */
export function ordinal(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
