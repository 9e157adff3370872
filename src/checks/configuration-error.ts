import { Token } from 'cdktf';

/**
 * A configuration refused at synth time. `code` is stable (documented in docs/checks.md) so pipelines and
 * users can search for it; the message says what value was wrong, why, and how to fix it.
 */
export class ConfigurationError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(`[${code}] ${message}`);
    this.name = 'ConfigurationError';
  }
}

/** Throws a `ConfigurationError` with the given code and message. */
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
