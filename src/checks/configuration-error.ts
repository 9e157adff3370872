import { Token } from 'cdktf';

/**
 * A configuration refused at synth time. `code` is stable (documented in docs/checks.md) so pipelines and
 * users can search for it; `detail` says what value was wrong, why, and how to fix it; `path` is the construct
 * the problem was found on, once it is reported on one.
 */
export class ConfigurationError extends Error {
  constructor(
    /** The stable rule code, `SExxx` (docs/checks.md lists each with its cause and fix). */
    public readonly code: string,
    /** What value was wrong, why, and how to fix it. */
    public readonly detail: string,
    /** The construct path the problem was found on. @default unknown */
    public readonly path?: string,
  ) {
    super(`[${code}] ${path === undefined ? '' : `${path}: `}${detail}`);
    this.name = 'ConfigurationError';
  }

  /** The same error, located on a construct path (one line: code, path, detail). */
  public at(path: string): ConfigurationError {
    return new ConfigurationError(this.code, this.detail, path);
  }
}

/**
 * What a rule returns: the problems it found, none (`[]`) when the configuration is fine. The construct that runs
 * the rule records them (`problemsOf(construct).record(rule(...))`), located on its path, so that one synth lists
 * every problem, and goes on building from the values it was given.
 */
export type Problems = readonly ConfigurationError[];

/**
 * What a step that builds a value returns (a rendered duration, a request body part): the value, built from what
 * it was given, and the problems found on the way, which its construct records (`problemsOf(this).take`).
 */
export interface Checked<T> {
  readonly value: T;
  readonly problems: Problems;
}

/** How a rule says no: `return [problem(code, detail)]`. */
export function problem(code: string, detail: string): ConfigurationError {
  return new ConfigurationError(code, detail);
}

/**
 * The problems of the first rule that found any, for rules a user reads as one (a range, then an order of two
 * thresholds), so that one mistake is reported once.
 */
export function firstProblem(...found: Problems[]): Problems {
  return found.find((problems) => problems.length > 0) ?? [];
}

/**
 * Stops at once: for a value nothing can be built from (a factory given a negative duration, a local folder that
 * does not exist), not for a rule, which returns its problems. Never caught to go on with a stand-in value.
 */
export function refuse(code: string, message: string): never {
  throw new ConfigurationError(code, message);
}

/**
 * True when the value is known at synth time. Checks skip unresolved tokens (references to other resources,
 * variables): they cannot decide, and must not guess.
 */
export function isKnown<T>(value: T | undefined): value is T {
  return value !== undefined && !Token.isUnresolved(value);
}
