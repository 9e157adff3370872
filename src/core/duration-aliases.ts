import { ConfigurationError, isKnown, problem, Problems } from '../checks';
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

/** What `readDurations` returns: each duration by its `Duration` prop's name, and the problems found. */
export interface ReadDurations {
  readonly values: Record<string, GivenDuration>;
  readonly problems: Problems;
}

/**
 * Reads every `Duration` prop of `given` that has a deprecated number alias, by one table per options interface,
 * so that an alias added to an interface is read like the others. Setting both spellings of one duration is a
 * problem (SE010: the `Duration` prop is used); an alias that is no length of time (negative, not finite) is one
 * with `code`, the rule of the values it sets (the alias is left unset). Returns each duration by its `Duration`
 * prop's name, with the problems; the first problem is the one reported, as for one rule.
 */
export function readDurations<P extends object>(
  what: string,
  given: P,
  aliases: readonly DurationAlias<P>[],
  code: string,
): ReadDurations {
  const values = given as Record<string, unknown>;
  const result: Record<string, GivenDuration> = {};
  const problems: ConfigurationError[] = [];
  for (const { prop, alias, unit, unitLabel } of aliases) {
    const duration = values[prop] as Duration | undefined;
    const amount = values[alias] as number | undefined;
    if (duration !== undefined && amount !== undefined) {
      problems.push(
        problem(
          'SE010',
          `${what} sets both ${prop} and ${alias}: ${alias} is the deprecated spelling of ${prop}; remove ${alias} ` +
            `and keep ${prop}`,
        ),
      );
      result[prop] = { value: duration, name: prop };
      continue;
    }
    if (amount === undefined) {
      result[prop] = { value: duration, name: prop };
      continue;
    }
    if (isKnown(amount) && (!Number.isFinite(amount) || amount < 0)) {
      problems.push(
        problem(code, `${alias} of ${what} is ${amount}: give a non-negative number of ${unitLabel}`),
      );
      result[prop] = { name: alias };
      continue;
    }
    result[prop] = { value: unit(amount), name: alias };
  }
  return { values: result, problems: problems.slice(0, 1) };
}
