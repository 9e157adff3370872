import { Op, Token } from 'cdktf';
import { IsoDuration } from '../arm';
import { isKnown, refuse } from '../checks';

/**
 * Milliseconds as an ISO 8601 duration (5000 -> `PT5S`, 500 -> `PT0.5S`), as the CLI converts
 * `request_timeout_ms`. Users write the CLI's units; the ARM body carries durations. A token (a Terraform
 * variable) is converted by Terraform instead of being checked.
 */
export function millisecondsToIso(ms: number, what: string): IsoDuration {
  // A Terraform variable or reference: Terraform divides and formats it at plan time (500 -> "0.5").
  if (!isKnown(ms)) return `PT${Token.asString(Op.div(ms, 1000))}S`;
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
  if (!isKnown(seconds)) return `PT${Token.asString(seconds)}S`;
  if (!Number.isInteger(seconds) || seconds < 0) {
    refuse('SE216', `${what} is ${seconds} s: give a whole, non-negative number of seconds, for example 10`);
  }
  return `PT${seconds}S`;
}

function formatSeconds(seconds: number): string {
  // At most three decimals (milliseconds); no trailing zeros, no exponent notation.
  return Number(seconds.toFixed(3)).toString();
}
