import { Op, Token } from 'cdktf';
import { isKnown, problem } from '../checks';
import { defineProps, fromFactory, num, PropsSchema } from '../checks/read';

/** One unit of time: its name in messages, its length in milliseconds, and its ISO 8601 designator. */
class TimeUnit {
  public static readonly MILLISECONDS = new TimeUnit('milliseconds', 1);
  public static readonly SECONDS = new TimeUnit('seconds', 1_000);
  public static readonly MINUTES = new TimeUnit('minutes', 60_000);
  public static readonly HOURS = new TimeUnit('hours', 3_600_000);
  public static readonly DAYS = new TimeUnit('days', 86_400_000);

  private constructor(
    public readonly label: string,
    public readonly inMillis: number,
  ) {}
}

type Factory = 'millis' | 'seconds' | 'minutes' | 'hours' | 'days';
const AMOUNT = { amount: num({ tokens: 'expression', optional: false }) };
/** The parameters of each factory, `Duration.<factory>(amount)`. */
export const DURATION_FACTORY_PARAMS: { readonly [F in Factory]: PropsSchema<{ amount: number }> } = {
  millis: defineProps<{ amount: number }>('Duration.millis', AMOUNT),
  seconds: defineProps<{ amount: number }>('Duration.seconds', AMOUNT),
  minutes: defineProps<{ amount: number }>('Duration.minutes', AMOUNT),
  hours: defineProps<{ amount: number }>('Duration.hours', AMOUNT),
  days: defineProps<{ amount: number }>('Duration.days', AMOUNT),
};

/**
 * A length of time, as aws-cdk's `Duration`: `Duration.minutes(5)`, `Duration.millis(500)`. Each API renders it
 * in the unit Azure takes (`PT5M` for an autoscale cooldown, `PT0.5S` for a request timeout) and refuses a length
 * it cannot express (a cooldown of 90 seconds is not a whole number of minutes).
 *
 * The amount may be a Terraform number expression (`Duration.seconds(variable.numberValue)`): it is then converted
 * by Terraform at plan time, and the checks that need a known value skip it.
 *
 * @example
 * blue.autoScaleInstanceCount({ minInstances: 1, maxInstances: 4 }).scaleOnCpuUtilization('Cpu', {
 *   targetUtilizationPercent: 70,
 *   scaleInCooldown: Duration.minutes(15),
 * });
 */
export class Duration {
  /** `amount` milliseconds. */
  public static millis(amount: number): Duration {
    return Duration.of('millis', amount, TimeUnit.MILLISECONDS);
  }

  /** `amount` seconds. */
  public static seconds(amount: number): Duration {
    return Duration.of('seconds', amount, TimeUnit.SECONDS);
  }

  /** `amount` minutes. */
  public static minutes(amount: number): Duration {
    return Duration.of('minutes', amount, TimeUnit.MINUTES);
  }

  /** `amount` hours. */
  public static hours(amount: number): Duration {
    return Duration.of('hours', amount, TimeUnit.HOURS);
  }

  /** `amount` days. */
  public static days(amount: number): Duration {
    return Duration.of('days', amount, TimeUnit.DAYS);
  }

  private static of(factory: Factory, amount: number, unit: TimeUnit): Duration {
    return fromFactory<{ amount: number }, Duration>(
      DURATION_FACTORY_PARAMS[factory],
      { amount },
      (read) =>
        isKnown(read.amount) && (!Number.isFinite(read.amount) || read.amount < 0)
          ? [
              problem(
                'SE009',
                `Duration.${factory}(${read.amount}) is not a length of time: give a finite, non-negative number ` +
                  `of ${unit.label}`,
              ),
            ]
          : new Duration(read.amount, unit),
      Duration.prototype,
    );
  }

  private constructor(
    private readonly amount: number,
    private readonly unit: TimeUnit,
  ) {}

  /** Whether the amount is a Terraform expression, known only at plan time. */
  public isUnresolved(): boolean {
    return !isKnown(this.amount);
  }

  /** The length in milliseconds (a Terraform expression when the amount is one). */
  public toMilliseconds(): number {
    return this.in(TimeUnit.MILLISECONDS);
  }

  /** The length in seconds, possibly fractional (`Duration.millis(500)` is 0.5). */
  public toSeconds(): number {
    return this.in(TimeUnit.SECONDS);
  }

  /** The length in minutes, possibly fractional (`Duration.seconds(90)` is 1.5). */
  public toMinutes(): number {
    return this.in(TimeUnit.MINUTES);
  }

  /** The length in hours, possibly fractional. */
  public toHours(): number {
    return this.in(TimeUnit.HOURS);
  }

  /** The length in days, possibly fractional. */
  public toDays(): number {
    return this.in(TimeUnit.DAYS);
  }

  /**
   * The length as an ISO 8601 duration in its largest whole units (`PT1H30M`, `PT0.5S`, `P2D`); `PT0S` for zero.
   * An amount given as a Terraform expression is rendered in its own unit (`PT${var.timeout}S`), and in seconds
   * for milliseconds.
   */
  public toIsoString(): string {
    if (this.isUnresolved()) {
      switch (this.unit) {
        case TimeUnit.DAYS:
          return `P${Token.asString(this.amount)}D`;
        case TimeUnit.HOURS:
          return `PT${Token.asString(this.amount)}H`;
        case TimeUnit.MINUTES:
          return `PT${Token.asString(this.amount)}M`;
        default:
          return `PT${Token.asString(this.toSeconds())}S`;
      }
    }
    let millis = this.toMilliseconds();
    const days = Math.floor(millis / TimeUnit.DAYS.inMillis);
    millis -= days * TimeUnit.DAYS.inMillis;
    const parts: string[] = [];
    for (const [unit, letter] of [
      [TimeUnit.HOURS, 'H'],
      [TimeUnit.MINUTES, 'M'],
    ] as const) {
      const count = Math.floor(millis / unit.inMillis);
      millis -= count * unit.inMillis;
      if (count > 0) parts.push(`${count}${letter}`);
    }
    if (millis > 0) parts.push(`${formatSeconds(millis / 1000)}S`);
    if (days > 0 && parts.length === 0) return `P${days}D`;
    if (days === 0 && parts.length === 0) return 'PT0S';
    return `P${days > 0 ? `${days}D` : ''}T${parts.join('')}`;
  }

  /** The length for messages: `5 minutes`, `500 milliseconds`, or `a Terraform expression of seconds`. */
  public toHumanString(): string {
    if (this.isUnresolved()) return `a Terraform expression of ${this.unit.label}`;
    const label = this.amount === 1 ? this.unit.label.replace(/s$/, '') : this.unit.label;
    return `${this.amount} ${label}`;
  }

  private in(target: TimeUnit): number {
    if (target === this.unit) return this.amount;
    if (this.isUnresolved()) {
      // Terraform converts at plan time, with the smaller factor as the operand (500 ms -> var / 1000).
      return target.inMillis > this.unit.inMillis
        ? Token.asNumber(Op.div(this.amount, target.inMillis / this.unit.inMillis))
        : Token.asNumber(Op.mul(this.amount, this.unit.inMillis / target.inMillis));
    }
    // Through whole milliseconds, so that 0.1 s is 100 ms and not 100.00000000000001.
    return Number(((this.amount * this.unit.inMillis) / target.inMillis).toPrecision(15));
  }
}

/** Seconds with at most three decimals (milliseconds), no trailing zeros, no exponent notation. */
export function formatSeconds(seconds: number): string {
  return Number(seconds.toFixed(3)).toString();
}
