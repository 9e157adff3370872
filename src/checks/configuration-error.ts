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
 * How a rule says no: throws a `ConfigurationError`. The construct that runs the rule records it
 * (`problemsOf(construct).attempt`), located on its path, so that one synth lists every problem.
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
