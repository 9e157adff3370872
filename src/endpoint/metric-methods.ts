import { IConstruct } from 'constructs';
import { ConfigurationError } from '../checks/configuration-error';
import { defineProps, object, readParams, text } from '../checks/read';
import { METRIC_OPTIONS, MetricOptions } from './metrics';

// The metric methods of endpoints and deployments take the same parameters: their readers are defined here once,
// for every method a class lists, so that a metric method added to a class is read like the others.

const OPTIONS = object('MetricOptions', METRIC_OPTIONS);
const METRIC_NAME = text({
  tokens: 'expression',
  optional: false,
  what: "a metric name (text such as 'RequestLatency_P99')",
  check: (value, prop) => {
    if (value.trim() === '') {
      throw new ConfigurationError(
        'SE001',
        `${prop} is empty: give the metric's name as Azure Monitor lists it, such as 'RequestLatency_P99'`,
      );
    }
  },
});

/** Defines the readers of `<owner>#metric(metricName, options)` and of each `<owner>#<method>(options)`. */
export function defineMetricMethods(owner: string, methods: readonly string[]): void {
  defineProps<{ metricName: string; options: MetricOptions }>(`${owner}#metric`, {
    metricName: METRIC_NAME,
    options: OPTIONS,
  });
  for (const method of methods)
    defineProps<{ options: MetricOptions }>(`${owner}#${method}`, { options: OPTIONS });
}

/** Reads a metric method's parameters under its schema name; a refused option reads as its default. */
export function readMetricParams<P extends { options?: MetricOptions }>(
  scope: IConstruct,
  schemaName: string,
  params: P,
): P {
  return readParams(scope, schemaName, params);
}
