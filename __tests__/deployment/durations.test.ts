/** A deployment's request settings and probes as `Duration`s, and their deprecated unit-suffixed spellings. */
import { Duration } from '../../src';
import { BlueDeployment, OnlineDeploymentOptions } from '../../src/deployment';
import { endpointOn, howToDeployment } from '../endpoint/helpers';
import { mlResourceNamed, reported, synthWith } from '../support/synth';

const DEPLOYMENTS = 'workspaces/onlineEndpoints/deployments';

function body(props: Partial<OnlineDeploymentOptions>): unknown {
  const json = synthWith((s) => {
    const { endpoint } = endpointOn(s);
    new BlueDeployment(s, 'Blue', { endpoint, ...howToDeployment(), ...props });
  });
  return mlResourceNamed(json, DEPLOYMENTS, 'blue').body;
}

const problems = (props: Partial<OnlineDeploymentOptions>): string[] =>
  reported((s) => {
    const { endpoint } = endpointOn(s);
    new BlueDeployment(s, 'Blue', { endpoint, ...howToDeployment(), ...props });
  });

describe('deployment durations', () => {
  test('render as the ISO 8601 seconds the CLI sends, as their deprecated spellings did', () => {
    const current = body({
      requestSettings: { requestTimeout: Duration.seconds(90), maxQueueWait: Duration.millis(500) },
      livenessProbe: {
        initialDelay: Duration.minutes(1),
        period: Duration.seconds(10),
        timeout: Duration.seconds(2),
      },
    });
    expect(current).toMatchObject({
      properties: {
        requestSettings: { requestTimeout: 'PT90S', maxQueueWait: 'PT0.5S' },
        livenessProbe: { initialDelay: 'PT60S', period: 'PT10S', timeout: 'PT2S' },
      },
    });
    const old = body({
      requestSettings: { requestTimeoutMs: 90_000, maxQueueWaitMs: 500 },
      livenessProbe: { initialDelaySeconds: 60, periodSeconds: 10, timeoutSeconds: 2 },
    });
    expect(current).toEqual(old);
  });

  test.each([
    [
      'a timeout above 3 minutes',
      { requestSettings: { requestTimeout: Duration.minutes(4) } },
      /Azure ML accepts from 1 to 180000 milliseconds/,
    ],
    [
      'a timeout in fractions of a millisecond',
      { requestSettings: { requestTimeout: Duration.seconds(1.0005) } },
      /requestTimeout of 'blue' is 1\.0005 seconds: give a whole number of milliseconds/,
    ],
    [
      'a probe period in fractions of a second',
      { readinessProbe: { period: Duration.millis(1500) } },
      /period of the readiness probe of 'blue' is 1500 milliseconds: give a whole number of seconds/,
    ],
    [
      'a probe period under a second',
      { readinessProbe: { period: Duration.seconds(0) } },
      /at least 1 second/,
    ],
    ['a negative deprecated value', { livenessProbe: { periodSeconds: -1 } }, /periodSeconds .* is -1/],
  ])('SE216 refuses %s', (_name, props, message) => {
    const found = problems(props as Partial<OnlineDeploymentOptions>);
    expect(found).toEqual([expect.stringMatching(/^\[SE216\]/)]);
    expect(found[0]).toMatch(message);
  });

  test('SE216: the nearest valid durations pass', () => {
    expect(
      problems({
        requestSettings: { requestTimeout: Duration.minutes(3) },
        readinessProbe: { period: Duration.seconds(1), initialDelay: Duration.seconds(1) },
      }),
    ).toEqual([]);
  });

  test('SE010: a duration given in both spellings is refused; either alone passes', () => {
    expect(
      problems({ requestSettings: { requestTimeout: Duration.seconds(5), requestTimeoutMs: 5000 } }),
    ).toEqual([
      expect.stringMatching(
        /^\[SE010\] .*Blue: deployment 'blue' sets both requestTimeout and requestTimeoutMs/,
      ),
    ]);
    expect(problems({ readinessProbe: { timeout: Duration.seconds(2), timeoutSeconds: 2 } })).toEqual([
      expect.stringMatching(/^\[SE010\] .*sets both timeout and timeoutSeconds/),
    ]);
    expect(problems({ requestSettings: { requestTimeoutMs: 5000 } })).toEqual([]);
  });
});
