import { IConstruct } from 'constructs';
import { problem } from '../checks/configuration-error';
import { defineProps, object, PropsSchema, readParams, text } from '../checks/read';
import { METRIC_OPTIONS, MetricOptions } from './metrics';

// The metric methods of endpoints and deployments take the same parameters: their readers are defined here once,
// for every method a class lists, so that a metric method added to a class is read like the others.

const OPTIONS = object('MetricOptions', METRIC_OPTIONS);
const METRIC_NAME = text({
  tokens: 'expression',
  optional: false,
  what: "a metric name (text such as 'RequestLatency_P99')",
  check: (value, prop) =>
    value.trim() === ''
      ? [
          problem(
            'SE001',
            `${prop} is empty: give the metric's name as Azure Monitor lists it, such as 'RequestLatency_P99'`,
          ),
        ]
      : [],
});

/** The schemas of a class's metric methods: `metric(metricName, options)`, and each `metricXxx(options)`. */
export interface MetricMethodSchemas<M extends string> {
  readonly metric: PropsSchema<{ metricName: string; options: MetricOptions }>;
  readonly methods: { readonly [K in M]: PropsSchema<{ options: MetricOptions }> };
}

/** The schemas of `<owner>#metric(metricName, options)` and of each `<owner>#<method>(options)`. */
export function defineMetricMethods<M extends string>(
  owner: string,
  methods: readonly M[],
): MetricMethodSchemas<M> {
  return {
    metric: defineProps<{ metricName: string; options: MetricOptions }>(`${owner}#metric`, {
      metricName: METRIC_NAME,
      options: OPTIONS,
    }),
    methods: Object.fromEntries(
      methods.map((method) => [
        method,
        defineProps<{ options: MetricOptions }>(`${owner}#${method}`, { options: OPTIONS }),
      ]),
    ) as { readonly [K in M]: PropsSchema<{ options: MetricOptions }> },
  };
}

/** Reads a metric method's parameters with its schema; a refused option reads as its default. */
export function readMetricParams<P extends { options?: MetricOptions }>(
  scope: IConstruct,
  schema: PropsSchema<P>,
  params: P,
): P {
  return readParams(scope, schema, params);
}
