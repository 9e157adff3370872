/** Duration: conversions, ISO 8601, Terraform expressions as amounts, and what it refuses. */
import { TerraformOutput, TerraformVariable, Testing } from 'cdktf';
import { Duration } from '../../src';
import { ConfigurationError } from '../../src/checks';
import { carriedProblems } from '../../src/checks/carried';
import { testStack } from '../support/synth';

describe('Duration', () => {
  test('converts between units, fractions included', () => {
    expect(Duration.minutes(5).toSeconds()).toBe(300);
    expect(Duration.seconds(90).toMinutes()).toBe(1.5);
    expect(Duration.millis(500).toSeconds()).toBe(0.5);
    expect(Duration.seconds(0.1).toMilliseconds()).toBe(100);
    expect(Duration.hours(2).toMinutes()).toBe(120);
    expect(Duration.days(1).toHours()).toBe(24);
    expect(Duration.minutes(1440).toDays()).toBe(1);
  });

  test.each([
    ['5 minutes', Duration.minutes(5), 'PT5M'],
    ['90 minutes', Duration.minutes(90), 'PT1H30M'],
    ['500 ms', Duration.millis(500), 'PT0.5S'],
    ['5 s', Duration.seconds(5), 'PT5S'],
    ['2 days', Duration.days(2), 'P2D'],
    ['25 hours', Duration.hours(25), 'P1DT1H'],
    ['zero', Duration.seconds(0), 'PT0S'],
  ])('%s renders as ISO 8601', (_name, duration, iso) => {
    expect(duration.toIsoString()).toBe(iso);
  });

  test('says its length in words', () => {
    expect(Duration.minutes(1).toHumanString()).toBe('1 minute');
    expect(Duration.millis(250).toHumanString()).toBe('250 milliseconds');
  });

  test('an amount given as a Terraform expression is converted by Terraform', () => {
    const stack = testStack();
    const seconds = new TerraformVariable(stack, 'seconds', { type: 'number' }).numberValue;
    const millis = new TerraformVariable(stack, 'millis', { type: 'number' }).numberValue;
    const d = Duration.seconds(seconds);
    expect(d.isUnresolved()).toBe(true);
    expect(d.toSeconds()).toBe(seconds);
    new TerraformOutput(stack, 'iso', { value: d.toIsoString() });
    new TerraformOutput(stack, 'from_millis', { value: Duration.millis(millis).toIsoString() });
    new TerraformOutput(stack, 'in_seconds', { value: Duration.minutes(seconds).toSeconds() });
    const outputs = (JSON.parse(Testing.synth(stack)) as { output: Record<string, { value: unknown }> })
      .output;
    expect(outputs.iso.value).toBe('PT${var.seconds}S');
    expect(outputs.from_millis.value).toBe('PT${(var.millis / 1000)}S');
    expect(outputs.in_seconds.value).toBe('${(var.seconds * 60)}');
    expect(Duration.minutes(seconds).toHumanString()).toBe('a Terraform expression of minutes');
  });

  // A factory throws nothing: what is wrong travels with the value and is reported, with every other problem of
  // the app, by the construct it is given to (docs/checks.md).
  const carried = (d: Duration): string[] =>
    (carriedProblems(d)?.problems ?? []).map((e: ConfigurationError) => e.message);

  test('SE009: a negative, infinite or NaN amount is no length of time', () => {
    for (const d of [Duration.minutes(-5), Duration.seconds(Infinity), Duration.millis(NaN)]) {
      expect(carried(d)).toEqual([expect.stringMatching(/^\[SE00[19]\]/)]);
      expect(carriedProblems(d)?.unusable).toBe(true);
    }
    expect(carried(Duration.minutes(-5))).toEqual([
      expect.stringMatching(/\[SE009\] Duration\.minutes: Duration\.minutes\(-5\) is not a length of time/),
    ]);
    expect(carriedProblems(Duration.minutes(0))).toBeUndefined();
  });

  test('SE001: an amount that is not a number', () => {
    expect(carried(Duration.minutes('5' as unknown as number))).toEqual([
      expect.stringMatching(/\[SE001\].*amount/),
    ]);
  });
});
