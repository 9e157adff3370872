import {
  MonitorAutoscaleSettingProfileFixedDate,
  MonitorAutoscaleSettingProfileRecurrence,
} from '@cdktf/provider-azurerm/lib/monitor-autoscale-setting';
import { Fn, Op, Precondition, Token } from 'cdktf';
import { isKnown, fromFactory, problem, Problems } from '../checks';
import { defineProps, enumOf, list, num, object, text } from '../checks/read';
import { parseRfc3339 } from './rfc3339';
import { timeZoneProblem } from './time-zones';

/** A day of the week, as Azure Monitor autoscale names it. */
export enum WeekDay {
  /** Monday. */
  MONDAY = 'Monday',
  /** Tuesday. */
  TUESDAY = 'Tuesday',
  /** Wednesday. */
  WEDNESDAY = 'Wednesday',
  /** Thursday. */
  THURSDAY = 'Thursday',
  /** Friday. */
  FRIDAY = 'Friday',
  /** Saturday. */
  SATURDAY = 'Saturday',
  /** Sunday. */
  SUNDAY = 'Sunday',
}

/** Options of `ScalingSchedule.weekly`. */
export interface WeeklyScheduleOptions {
  /** The days the window starts on. @default every day */
  readonly days?: WeekDay[];
  /** Hour the window starts, 0 to 23. */
  readonly startHour: number;
  /** Minute of the start hour at which the window starts (0 to 59). @default 0 */
  readonly startMinute?: number;
  /** Hour the window ends, 0 to 23; at or before the start means the next day. */
  readonly endHour: number;
  /** Minute of the end hour at which the window ends (0 to 59). @default 0 */
  readonly endMinute?: number;
  /** Windows time zone name of the hours (`W. Europe Standard Time`). @default 'UTC' */
  readonly timeZone?: string;
}

/** Options of `ScalingSchedule.between`. */
export interface FixedWindowOptions {
  /** Start, RFC 3339 (`2026-12-24T00:00:00Z`). */
  readonly start: string;
  /** End, RFC 3339, after `start`. */
  readonly end: string;
  /** Windows time zone name. @default 'UTC' */
  readonly timeZone?: string;
}

const EXPR = { tokens: 'expression' } as const;
// Hours and minutes are checked by the schedule (SE306); a Terraform expression is checked by a precondition at
// plan time, and the days a window ends on are then decided by Terraform.
const TIME = num(EXPR);
// Checked against Azure Monitor's Windows time zone names where the schedule is used (SE307); a token is passed.
const TIME_ZONE = text({
  ...EXPR,
  what: "a Windows time zone name (text such as 'W. Europe Standard Time')",
});

/** SE307: a time zone Azure Monitor autoscale does not know. */
function checkTimeZone(what: string, zone: string | undefined): Problems {
  if (zone === undefined || !isKnown(zone)) return [];
  const why = timeZoneProblem(zone);
  if (why !== undefined) return [problem('SE307', `timeZone of ${what} is ${why}`)];
  return [];
}
export const SCALING_SCHEDULE_WEEKLY_PARAMS = defineProps<{ options: WeeklyScheduleOptions }>(
  'ScalingSchedule.weekly',
  {
    options: object(
      'WeeklyScheduleOptions',
      defineProps<WeeklyScheduleOptions>('WeeklyScheduleOptions', {
        days: list(enumOf(WeekDay, 'WeekDay', { optional: false }), {
          tokens: 'refuse',
          why: 'the days a window ends on, and overlaps with other windows, are worked out at synth',
        }),
        startHour: num({ ...EXPR, optional: false, missingCode: 'SE306' }),
        startMinute: TIME,
        endHour: num({ ...EXPR, optional: false, missingCode: 'SE306' }),
        endMinute: TIME,
        timeZone: TIME_ZONE,
      }),
      { optional: false },
    ),
  },
);
export const SCALING_SCHEDULE_BETWEEN_PARAMS = defineProps<{ options: FixedWindowOptions }>(
  'ScalingSchedule.between',
  {
    options: object(
      'FixedWindowOptions',
      defineProps<FixedWindowOptions>('FixedWindowOptions', {
        // Checked as RFC 3339 times (SE306); a token is passed through.
        start: text({
          ...EXPR,
          optional: false,
          what: "an RFC 3339 time (text such as '2026-12-24T00:00:00Z')",
        }),
        end: text({
          ...EXPR,
          optional: false,
          what: "an RFC 3339 time (text such as '2026-12-24T00:00:00Z')",
        }),
        timeZone: TIME_ZONE,
      }),
      { optional: false },
    ),
  },
);

/** The instant of an RFC 3339 date-time (rfc3339.ts), or undefined when it is not one. */
function instant(text: string): number | undefined {
  const parsed = parseRfc3339(text);
  return 'ms' in parsed ? parsed.ms : undefined;
}

const WEEK: readonly WeekDay[] = Object.values(WeekDay);
const DAY = 24 * 60;
const WEEK_MINUTES = 7 * DAY;

/** A precondition that a number given as a Terraform expression is whole and from 0 to `max`. */
function wholeInRange(value: number, max: number, what: string): Precondition {
  return {
    // `0 <= value`, not `value >= 0`: cdktf renders a right operand of 0 as `undefined`.
    condition: Op.and(Op.and(Op.lte(0, value), Op.lte(value, max)), Op.eq(Fn.floor(value), value)),
    errorMessage: `${what} must be a whole number from 0 to ${max} (SE306).`,
  };
}

/**
 * When a scheduled autoscale profile applies: a window that repeats each week, or a fixed window.
 *
 * Azure Monitor's recurring profiles have a start and no end: each applies until the next recurring profile
 * starts. A weekly window is therefore written as two profiles, its own at the start and a copy of the default
 * profile at the end (as the portal does), so that the default range applies again after the window.
 */
export abstract class ScalingSchedule {
  /** A window that repeats on the given days (`Monday`-`Friday`, 08:00 to 20:00). */
  public static weekly(options: WeeklyScheduleOptions): ScalingSchedule {
    return fromFactory(
      SCALING_SCHEDULE_WEEKLY_PARAMS,
      { options },
      (read) => new WeeklySchedule(read.options),
      WeeklySchedule.prototype,
    );
  }

  /** Applies between two instants (a sale, a launch); wins over weekly windows. */
  public static between(options: FixedWindowOptions): ScalingSchedule {
    return fromFactory(
      SCALING_SCHEDULE_BETWEEN_PARAMS,
      { options },
      (read) => new FixedWindowSchedule(read.options),
      FixedWindowSchedule.prototype,
    );
  }

  /** The `recurrence` block of the window's start, for weekly windows. */
  public abstract readonly recurrence: MonitorAutoscaleSettingProfileRecurrence | undefined;
  /** The `recurrence` block of the window's end (the default profile's copy), for weekly windows. */
  public abstract readonly endRecurrence: MonitorAutoscaleSettingProfileRecurrence | undefined;
  /** The `fixed_date` block, for fixed windows. */
  public abstract readonly fixedDate: MonitorAutoscaleSettingProfileFixedDate | undefined;

  /**
   * The problems of values Azure Monitor would reject (SE306, SE307); `what` names the profile in the message.
   * @internal
   */
  public abstract _check(what: string): Problems;

  /**
   * The window as minute ranges of the week (0 is Monday 00:00) in its time zone, when every part of it is
   * known; for the overlap check (SE308). @internal
   */
  public abstract weekRanges():
    { readonly timeZone: string; readonly ranges: Array<[number, number]> } | undefined;

  /** The instants the window covers (milliseconds), when known; for the overlap check (SE308). @internal */
  public abstract instants(): { readonly timeZone: string; readonly range: [number, number] } | undefined;

  /** Terraform preconditions for the parts given as expressions (their range, checked at plan time). @internal */
  public abstract preconditions(what: string): Precondition[];
}

class WeeklySchedule extends ScalingSchedule {
  public readonly recurrence: MonitorAutoscaleSettingProfileRecurrence;
  public readonly endRecurrence: MonitorAutoscaleSettingProfileRecurrence;
  public readonly fixedDate = undefined;

  constructor(private readonly options: WeeklyScheduleOptions) {
    super();
    const days = options.days ?? [...WEEK];
    const timezone = options.timeZone ?? 'UTC';
    const startMinute = options.startMinute ?? 0;
    const endMinute = options.endMinute ?? 0;
    const nextDays = days.map((d) => WEEK[(WEEK.indexOf(d) + 1) % WEEK.length]);
    const parts = [options.startHour, startMinute, options.endHour, endMinute];
    let endDays: WeekDay[];
    if (parts.every((p) => isKnown(p))) {
      // A window ending at or before its start time ends on the next day (22:00 to 06:00).
      const start = options.startHour * 60 + startMinute;
      const end = options.endHour * 60 + endMinute;
      endDays = end > start ? days : nextDays;
    } else {
      // An hour from a Terraform variable: Terraform decides whether the window ends on the next day.
      // Literal zeros on the left: cdktf renders a right operand of 0 as `undefined`.
      const start = Op.add(startMinute, Op.mul(options.startHour, 60));
      const end = Op.add(endMinute, Op.mul(options.endHour, 60));
      endDays = Token.asList(Fn.conditional(Op.gt(end, start), [...days], nextDays)) as WeekDay[];
    }
    this.recurrence = {
      days: [...days],
      hours: [options.startHour],
      minutes: [startMinute],
      timezone,
    };
    this.endRecurrence = {
      days: endDays,
      hours: [options.endHour],
      minutes: [endMinute],
      timezone,
    };
  }

  public weekRanges(): { readonly timeZone: string; readonly ranges: Array<[number, number]> } | undefined {
    const { startHour, endHour } = this.options;
    const startMinute = this.options.startMinute ?? 0;
    const endMinute = this.options.endMinute ?? 0;
    const timeZone = this.options.timeZone ?? 'UTC';
    if (![startHour, endHour, startMinute, endMinute, timeZone].every((p) => isKnown(p))) return undefined;
    const start = startHour * 60 + startMinute;
    const end = endHour * 60 + endMinute;
    const length = end > start ? end - start : end + DAY - start;
    const days = this.options.days ?? [...WEEK];
    const ranges = days.flatMap((day): Array<[number, number]> => {
      const from = WEEK.indexOf(day) * DAY + start;
      const to = from + length;
      // A window from Sunday night into Monday wraps around the week.
      return to <= WEEK_MINUTES
        ? [[from, to]]
        : [
            [from, WEEK_MINUTES],
            [0, to - WEEK_MINUTES],
          ];
    });
    return { timeZone, ranges };
  }

  public instants(): undefined {
    return undefined;
  }

  public preconditions(what: string): Precondition[] {
    const parts: Array<[string, number | undefined, number]> = [
      ['startHour', this.options.startHour, 23],
      ['startMinute', this.options.startMinute, 59],
      ['endHour', this.options.endHour, 23],
      ['endMinute', this.options.endMinute, 59],
    ];
    return parts
      .filter(([, value]) => value !== undefined && !isKnown(value))
      .map(([name, value, max]) => wholeInRange(value as number, max, `${name} of ${what}`));
  }

  /** @internal */
  public _check(what: string): Problems {
    const { days } = this.options;
    const zone = checkTimeZone(what, this.options.timeZone);
    if (zone.length > 0) return zone;
    const hours: Array<[string, number | undefined]> = [
      ['startHour', this.options.startHour],
      ['endHour', this.options.endHour],
    ];
    for (const [name, hour] of hours) {
      if (hour === undefined || (isKnown(hour) && (!Number.isInteger(hour) || hour < 0 || hour > 23))) {
        return [problem('SE306', `${what} has ${name} ${hour}: give a whole hour from 0 to 23`)];
      }
    }
    const minutes: Array<[string, number]> = [
      ['startMinute', this.options.startMinute ?? 0],
      ['endMinute', this.options.endMinute ?? 0],
    ];
    for (const [name, minute] of minutes) {
      if (isKnown(minute) && (!Number.isInteger(minute) || minute < 0 || minute > 59)) {
        return [problem('SE306', `${what} has ${name} ${minute}: give a whole minute from 0 to 59`)];
      }
    }
    if (days !== undefined && days.length === 0) {
      return [
        problem(
          'SE306',
          `${what} has an empty list of days: name at least one day, or leave days out for every day`,
        ),
      ];
    }
    if (days !== undefined && new Set(days).size !== days.length) {
      return [problem('SE306', `${what} names a day twice (${days.join(', ')}): name each day once`)];
    }
    return [];
  }
}

class FixedWindowSchedule extends ScalingSchedule {
  public readonly recurrence = undefined;
  public readonly endRecurrence = undefined;
  public readonly fixedDate: MonitorAutoscaleSettingProfileFixedDate;

  constructor(private readonly options: FixedWindowOptions) {
    super();
    this.fixedDate = { start: options.start, end: options.end, timezone: options.timeZone ?? 'UTC' };
  }

  public weekRanges(): undefined {
    return undefined;
  }

  public instants(): { readonly timeZone: string; readonly range: [number, number] } | undefined {
    const { start, end } = this.options;
    const timeZone = this.options.timeZone ?? 'UTC';
    if (![start, end, timeZone].every((p) => isKnown(p))) return undefined;
    const [from, to] = [instant(start), instant(end)];
    if (from === undefined || to === undefined) return undefined;
    return { timeZone, range: [from, to] };
  }

  public preconditions(): Precondition[] {
    return [];
  }

  /** @internal */
  public _check(what: string): Problems {
    const { start, end } = this.options;
    const zone = checkTimeZone(what, this.options.timeZone);
    if (zone.length > 0) return zone;
    for (const [name, value] of [
      ['start', start],
      ['end', end],
    ] as const) {
      const parsed = isKnown(value) ? parseRfc3339(value) : undefined;
      if (parsed !== undefined && 'problem' in parsed) {
        return [
          problem(
            'SE306',
            `${what} has ${name} '${value}', which is not an RFC 3339 time: ${parsed.problem}; write it like ` +
              `2026-12-24T00:00:00Z`,
          ),
        ];
      }
    }
    const [from, to] = [isKnown(start) ? instant(start) : undefined, isKnown(end) ? instant(end) : undefined];
    if (from !== undefined && to !== undefined) {
      if (to <= from) {
        return [
          problem('SE306', `${what} ends (${end}) before it starts (${start}): give an end after the start`),
        ];
      }
    }
    return [];
  }
}
