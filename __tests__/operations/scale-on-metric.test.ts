/**
 * Autoscale on any metric (`scaleOnMetric`), which the CPU and latency helpers build on: the metric's aggregation
 * and period, the operators as enums, the durations, and the deprecated unit-suffixed spellings.
 */
import { Construct } from 'constructs';
import { BlueDeployment, InstanceScaling } from '../../src/deployment';
import { Duration, Metric, MetricAggregation, MetricAlertOperator } from '../../src';
import { SecureOnlineEndpoint } from '../../src/endpoint';
import { endpointOn, howToDeployment } from '../endpoint/helpers';
import { onlyResource, reported, synthWith } from '../support/synth';

interface Rule {
  metric_trigger: Record<string, unknown>;
  scale_action: Record<string, unknown>;
}

function scaled(scope: Construct): {
  blue: BlueDeployment;
  endpoint: SecureOnlineEndpoint;
  scaling: InstanceScaling;
} {
  const { endpoint } = endpointOn(scope);
  const blue = new BlueDeployment(scope, 'Blue', { endpoint, ...howToDeployment() });
  return { blue, endpoint, scaling: blue.autoScaleInstanceCount({ minInstances: 1, maxInstances: 4 }) };
}

function rules(build: (s: ReturnType<typeof scaled>) => void): Rule[] {
  const json = synthWith((stack) => build(scaled(stack)));
  const setting = onlyResource(json, 'azurerm_monitor_autoscale_setting')[1] as {
    profile: { rule: Rule[] }[];
  };
  return setting.profile[0].rule;
}

const problems = (build: (s: ReturnType<typeof scaled>) => void): string[] =>
  reported((stack) => build(scaled(stack)));

describe('scaleOnMetric', () => {
  test("a metric's aggregation is the rule's statistic and its period the time grain", () => {
    const [out, into] = rules(({ endpoint, scaling }) =>
      scaling.scaleOnMetric('Requests', {
        metric: endpoint.metricRequestsPerMinute({
          aggregation: MetricAggregation.MAXIMUM,
          period: Duration.minutes(5),
        }),
        scaleOutThreshold: 1000,
        scaleInThreshold: 200,
        evaluationWindow: Duration.minutes(15),
        evaluationAggregation: MetricAggregation.TOTAL,
        scaleOutCooldown: Duration.minutes(3),
        scaleInCooldown: Duration.hours(1),
      }),
    );
    expect(out.metric_trigger).toMatchObject({
      metric_name: 'RequestsPerMinute',
      metric_namespace: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
      metric_resource_id: expect.stringMatching(/azapi_resource\.Endpoint/),
      statistic: 'Max',
      time_grain: 'PT5M',
      time_window: 'PT15M',
      time_aggregation: 'Total',
      operator: 'GreaterThan',
      threshold: 1000,
    });
    expect(out.scale_action).toMatchObject({ direction: 'Increase', cooldown: 'PT3M' });
    expect(into.metric_trigger).toMatchObject({ operator: 'LessThan', threshold: 200 });
    expect(into.scale_action).toMatchObject({ direction: 'Decrease', cooldown: 'PT60M' });
  });

  test('the CPU helper is scaleOnMetric on the deployment CPU metric', () => {
    const helper = rules(({ scaling }) =>
      scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 70 }),
    );
    const generic = rules(({ blue, scaling }) =>
      scaling.scaleOnMetric('Cpu', {
        metric: blue.metricCpuUtilization(),
        scaleOutThreshold: 70,
        scaleInThreshold: 35,
      }),
    );
    expect(generic).toEqual(helper);
    expect(helper[0].metric_trigger).toMatchObject({ statistic: 'Average', time_aggregation: 'Average' });
  });

  test('a metric where lower is worse scales out below and in above', () => {
    const [out, into] = rules(({ scaling }) =>
      scaling.scaleOnMetric('Headroom', {
        metric: new Metric({ metricNamespace: 'Contoso.Queue', metricName: 'Free', resourceId: 'id' }),
        scaleOutThreshold: 10,
        scaleInThreshold: 50,
        scaleOutOperator: MetricAlertOperator.LESS_THAN,
        scaleInOperator: MetricAlertOperator.GREATER_THAN_OR_EQUAL,
      }),
    );
    expect(out.metric_trigger).toMatchObject({ operator: 'LessThan', threshold: 10 });
    expect(into.metric_trigger).toMatchObject({ operator: 'GreaterThanOrEqual', threshold: 50 });
  });

  const queue = new Metric({ metricNamespace: 'Contoso.Queue', metricName: 'Depth', resourceId: 'id' });
  test.each([
    [
      'operators on one side',
      {
        scaleOutOperator: MetricAlertOperator.GREATER_THAN,
        scaleInOperator: MetricAlertOperator.GREATER_THAN,
      },
      /scales out on GreaterThan and in on GreaterThan/,
    ],
    ['an EQUALS operator', { scaleInOperator: MetricAlertOperator.EQUALS }, /choose opposite operators/],
    ['a scale-in threshold above scale-out', { scaleInThreshold: 20 }, /scaleInThreshold\) and out above 10/],
    [
      'a count aggregation',
      { metric: queue.with({ aggregation: MetricAggregation.COUNT }) },
      /aggregated by Count, which autoscale cannot combine/,
    ],
    [
      'a period that is not whole minutes',
      { metric: queue.with({ period: Duration.seconds(30) }) },
      /the metric's period .* is 0\.5/,
    ],
    ['a cooldown in seconds', { scaleOutCooldown: Duration.seconds(90) }, /scaleOutCooldown .* is 1\.5/],
    ['a window under 5 minutes', { evaluationWindow: Duration.minutes(4) }, /evaluationWindow .* is 4/],
  ])('SE305 refuses %s', (_name, options, message) => {
    const found = problems(({ scaling }) =>
      scaling.scaleOnMetric('Queue', {
        metric: queue,
        scaleOutThreshold: 10,
        scaleInThreshold: 2,
        ...options,
      }),
    );
    expect(found).toEqual([expect.stringMatching(/^\[SE305\] .*Blue\/AutoScale/)]);
    expect(found[0]).toMatch(message);
  });

  test('SE305: the nearest valid scaling passes', () => {
    expect(
      problems(({ scaling }) =>
        scaling.scaleOnMetric('Queue', {
          metric: queue.with({ aggregation: MetricAggregation.TOTAL, period: Duration.hours(12) }),
          scaleOutThreshold: 10,
          scaleInThreshold: 9,
          scaleOutCooldown: Duration.minutes(1),
          evaluationWindow: Duration.minutes(5),
        }),
      ),
    ).toEqual([]);
  });
});

describe('the deprecated unit-suffixed autoscale options', () => {
  test('give the same rules as their Duration spelling', () => {
    const old = rules(({ scaling }) =>
      scaling.scaleOnCpuUtilization('Cpu', {
        targetUtilizationPercent: 70,
        scaleOutCooldownMinutes: 3,
        scaleInCooldownMinutes: 20,
        evaluationMinutes: 10,
      }),
    );
    const current = rules(({ scaling }) =>
      scaling.scaleOnCpuUtilization('Cpu', {
        targetUtilizationPercent: 70,
        scaleOutCooldown: Duration.minutes(3),
        scaleInCooldown: Duration.minutes(20),
        evaluationWindow: Duration.minutes(10),
      }),
    );
    expect(current).toEqual(old);
  });

  test('SE010: both spellings of one duration are refused; one alone passes', () => {
    const both = problems(({ scaling }) =>
      scaling.scaleOnRequestLatency('Latency', {
        targetMilliseconds: 500,
        evaluationWindow: Duration.minutes(10),
        evaluationMinutes: 10,
      }),
    );
    expect(both).toEqual([
      expect.stringMatching(
        /^\[SE010\] .*sets both evaluationWindow and evaluationMinutes: evaluationMinutes is the deprecated spelling/,
      ),
    ]);
    expect(
      problems(({ scaling }) =>
        scaling.scaleOnRequestLatency('Latency', { targetMilliseconds: 500, evaluationMinutes: 10 }),
      ),
    ).toEqual([]);
  });
});
