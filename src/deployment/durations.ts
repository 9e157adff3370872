import { IsoDuration } from '../arm';
import { refuse } from '../checks';

/**
 * Milliseconds as an ISO 8601 duration (5000 -> `PT5S`, 500 -> `PT0.5S`), as the CLI converts
 * `request_timeout_ms`. Users write the CLI's units; the ARM body carries durations.
 */
export function millisecondsToIso(ms: number, what: string): IsoDuration {
  if (!Number.isInteger(ms) || ms < 0) {
    refuse(
      'SE216',
      `${what} is ${ms} ms: give a whole, non-negative number of milliseconds, for example 5000`,
    );
  }
  return `PT${formatSeconds(ms / 1000)}S`;
}

/** Seconds as an ISO 8601 duration (10 -> `PT10S`), as the CLI converts probe settings. */
export function secondsToIso(seconds: number, what: string): IsoDuration {
  if (!Number.isInteger(seconds) || seconds < 0) {
    refuse('SE216', `${what} is ${seconds} s: give a whole, non-negative number of seconds, for example 10`);
  }
  return `PT${seconds}S`;
}

function formatSeconds(seconds: number): string {
  // At most three decimals (milliseconds); no trailing zeros, no exponent notation.
  return Number(seconds.toFixed(3)).toString();
}
