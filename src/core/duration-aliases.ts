import { isKnown, refuse } from '../checks';
import { Duration } from './duration';

/**
 * A `Duration` prop and the unit-suffixed number prop it replaces (`requestTimeout` and `requestTimeoutMs`),
 * which keeps working for one minor release.
 */
export interface DurationAlias<P> {
  /** The `Duration` prop. */
  readonly prop: keyof P & string;
  /** The deprecated number prop. */
  readonly alias: keyof P & string;
  /** Makes a duration of the alias's unit (`Duration.millis`). */
  readonly unit: (amount: number) => Duration;
  /** The alias's unit, for messages. */
  readonly unitLabel: string;
}

/** One duration as given: its value, and the prop the user set (the alias's name when that is what was set). */
export interface GivenDuration {
  /** The duration. @default not set */
  readonly value?: Duration;
  readonly name: string;
}

/**
 * Reads every `Duration` prop of `given` that has a deprecated number alias, by one table per options interface,
 * so that an alias added to an interface is read like the others. Setting both spellings of one duration is
 * refused (SE010); an alias that is no length of time (negative, not finite) is refused with `code`, the rule of
 * the values it sets. Returns each duration by its `Duration` prop's name.
 */
export function readDurations<P extends object>(
  what: string,
  given: P,
  aliases: readonly DurationAlias<P>[],
  code: string,
): Record<string, GivenDuration> {
  const values = given as Record<string, unknown>;
  const result: Record<string, GivenDuration> = {};
  for (const { prop, alias, unit, unitLabel } of aliases) {
    const duration = values[prop] as Duration | undefined;
    const amount = values[alias] as number | undefined;
    if (duration !== undefined && amount !== undefined) {
      refuse(
        'SE010',
        `${what} sets both ${prop} and ${alias}: ${alias} is the deprecated spelling of ${prop}; remove ${alias} ` +
          `and keep ${prop}`,
      );
    }
    if (amount === undefined) {
      result[prop] = { value: duration, name: prop };
      continue;
    }
    if (isKnown(amount) && (!Number.isFinite(amount) || amount < 0)) {
      refuse(code, `${alias} of ${what} is ${amount}: give a non-negative number of ${unitLabel}`);
    }
    result[prop] = { value: unit(amount), name: alias };
  }
  return result;
}
