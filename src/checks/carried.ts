import { ConfigurationError } from './configuration-error';

// Held on the factory's result itself (not in a module-level map), like a construct's problems.
const CARRIED = Symbol('carriedProblems');

/** What a factory found wrong with its parameters, carried by the value it returned. */
export interface CarriedProblems {
  /** The problems, each naming the factory and the parameter. */
  readonly problems: readonly ConfigurationError[];
  /** Nothing could be built from the parameters: the value must not be used, only reported. */
  readonly unusable: boolean;
}

/**
 * Attaches a factory's problems to the value it returns. A factory is called before the construct that uses its
 * value exists, so it has nowhere to record them; throwing would stop the app before other constructs' problems
 * are recorded. The reader of the prop the value is given to reports them on that construct, with its path.
 */
export function carryProblems<T extends object>(
  value: T,
  problems: readonly ConfigurationError[],
  unusable: boolean,
): T {
  if (problems.length === 0) return value;
  const carried: CarriedProblems = { problems, unusable };
  Object.defineProperty(value, CARRIED, { value: carried, enumerable: false });
  return value;
}

/** The problems a factory's value carries, or undefined. */
export function carriedProblems(value: unknown): CarriedProblems | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as { [CARRIED]?: CarriedProblems })[CARRIED];
}
