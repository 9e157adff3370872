import {
  MonitorAutoscaleSettingProfileFixedDate,
  MonitorAutoscaleSettingProfileRecurrence,
} from '@cdktf/provider-azurerm/lib/monitor-autoscale-setting';
import { isKnown, refuse } from '../checks';

/** A day of the week, as Azure Monitor autoscale names it. */
export enum WeekDay {
  MONDAY = 'Monday',
  TUESDAY = 'Tuesday',
  WEDNESDAY = 'Wednesday',
  THURSDAY = 'Thursday',
  FRIDAY = 'Friday',
  SATURDAY = 'Saturday',
  SUNDAY = 'Sunday',
}

/** Options of `ScalingSchedule.weekly`. */
export interface WeeklyScheduleOptions {
  /** The days the window starts on. @default every day */
  readonly days?: WeekDay[];
  /** Hour the window starts, 0 to 23. */
  readonly startHour: number;
  /** @default 0 */
  readonly startMinute?: number;
  /** Hour the window ends, 0 to 23; at or before the start means the next day. */
  readonly endHour: number;
  /** @default 0 */
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

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const WEEK: readonly WeekDay[] = Object.values(WeekDay);

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
    return new WeeklySchedule(options);
  }

  /** Applies between two instants (a sale, a launch); wins over weekly windows. */
  public static between(options: FixedWindowOptions): ScalingSchedule {
    return new FixedWindowSchedule(options);
  }

  /** The `recurrence` block of the window's start, for weekly windows. */
  public abstract readonly recurrence: MonitorAutoscaleSettingProfileRecurrence | undefined;
  /** The `recurrence` block of the window's end (the default profile's copy), for weekly windows. */
  public abstract readonly endRecurrence: MonitorAutoscaleSettingProfileRecurrence | undefined;
  /** The `fixed_date` block, for fixed windows. */
  public abstract readonly fixedDate: MonitorAutoscaleSettingProfileFixedDate | undefined;

  /** Refuses values Azure Monitor would reject (SE306); `what` names the profile in the message. */
  public abstract check(what: string): void;
}

class WeeklySchedule extends ScalingSchedule {
  public readonly recurrence: MonitorAutoscaleSettingProfileRecurrence;
  public readonly endRecurrence: MonitorAutoscaleSettingProfileRecurrence;
  public readonly fixedDate = undefined;

  constructor(private readonly options: WeeklyScheduleOptions) {
    super();
    const days = options.days ?? [...WEEK];
    const timezone = options.timeZone ?? 'UTC';
    const start = options.startHour * 60 + (options.startMinute ?? 0);
    const end = options.endHour * 60 + (options.endMinute ?? 0);
    // A window ending at or before its start time ends on the next day (22:00 to 06:00).
    const endDays = end > start ? days : days.map((d) => WEEK[(WEEK.indexOf(d) + 1) % WEEK.length]);
    this.recurrence = {
      days: [...days],
      hours: [options.startHour],
      minutes: [options.startMinute ?? 0],
      timezone,
    };
    this.endRecurrence = {
      days: endDays,
      hours: [options.endHour],
      minutes: [options.endMinute ?? 0],
      timezone,
    };
  }

  public check(what: string): void {
    const { days } = this.options;
    const hours: Array<[string, number | undefined]> = [
      ['startHour', this.options.startHour],
      ['endHour', this.options.endHour],
    ];
    for (const [name, hour] of hours) {
      if (hour === undefined || (isKnown(hour) && (!Number.isInteger(hour) || hour < 0 || hour > 23))) {
        refuse('SE306', `${what} has ${name} ${hour}: give a whole hour from 0 to 23`);
      }
    }
    const minutes: Array<[string, number]> = [
      ['startMinute', this.options.startMinute ?? 0],
      ['endMinute', this.options.endMinute ?? 0],
    ];
    for (const [name, minute] of minutes) {
      if (isKnown(minute) && (!Number.isInteger(minute) || minute < 0 || minute > 59)) {
        refuse('SE306', `${what} has ${name} ${minute}: give a whole minute from 0 to 59`);
      }
    }
    if (days !== undefined && days.length === 0) {
      refuse(
        'SE306',
        `${what} has an empty list of days: name at least one day, or leave days out for every day`,
      );
    }
    if (days !== undefined && new Set(days).size !== days.length) {
      refuse('SE306', `${what} names a day twice (${days.join(', ')}): name each day once`);
    }
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

  public check(what: string): void {
    const { start, end } = this.options;
    for (const [name, value] of [
      ['start', start],
      ['end', end],
    ] as const) {
      if (isKnown(value) && !RFC3339.test(value)) {
        refuse(
          'SE306',
          `${what} has ${name} '${value}', which is not an RFC 3339 time: write it like 2026-12-24T00:00:00Z`,
        );
      }
    }
    if (isKnown(start) && isKnown(end) && RFC3339.test(start) && RFC3339.test(end)) {
      if (Date.parse(end) <= Date.parse(start)) {
        refuse('SE306', `${what} ends (${end}) before it starts (${start}): give an end after the start`);
      }
    }
  }
}
