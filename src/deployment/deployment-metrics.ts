import { IConstruct } from 'constructs';
import { defineMetricMethods, readMetricParams } from '../endpoint/metric-methods';
import type { PropsSchema } from '../checks/read';
import {
  DEPLOYMENT_METRIC_NAMESPACE,
  DEPLOYMENT_METRICS,
  Metric,
  MetricOptions,
  metricOf,
} from '../endpoint/metrics';

/** The metric methods of `OnlineDeployment`, and the metric of the table each names. */
export const DEPLOYMENT_METRIC_METHODS = {
  metricRequestLatencyP50: DEPLOYMENT_METRICS.requestLatencyP50,
  metricRequestLatencyP90: DEPLOYMENT_METRICS.requestLatencyP90,
  metricRequestLatencyP95: DEPLOYMENT_METRICS.requestLatencyP95,
  metricRequestLatencyP99: DEPLOYMENT_METRICS.requestLatencyP99,
  metricRequestsPerMinute: DEPLOYMENT_METRICS.requestsPerMinute,
  metricCpuUtilization: DEPLOYMENT_METRICS.cpuUtilizationPercentage,
  metricMemoryUtilization: DEPLOYMENT_METRICS.cpuMemoryUtilizationPercentage,
  metricDiskUtilization: DEPLOYMENT_METRICS.diskUtilization,
  metricGpuUtilization: DEPLOYMENT_METRICS.gpuUtilizationPercentage,
  metricGpuMemoryUtilization: DEPLOYMENT_METRICS.gpuMemoryUtilizationPercentage,
  metricGpuEnergy: DEPLOYMENT_METRICS.gpuEnergyJoules,
  metricDeploymentCapacity: DEPLOYMENT_METRICS.deploymentCapacity,
  metricDataCollectionEventsPerMinute: DEPLOYMENT_METRICS.dataCollectionEventsPerMinute,
  metricDataCollectionErrorsPerMinute: DEPLOYMENT_METRICS.dataCollectionErrorsPerMinute,
} as const;

/** A metric method of `OnlineDeployment`. */
export type DeploymentMetricMethod = keyof typeof DEPLOYMENT_METRIC_METHODS;

export const ONLINE_DEPLOYMENT_METRIC_METHODS = defineMetricMethods(
  'OnlineDeployment',
  Object.keys(DEPLOYMENT_METRIC_METHODS) as DeploymentMetricMethod[],
);

/** A deployment's metric by its Azure Monitor name, its options read under `OnlineDeployment#<method>`. */
export function deploymentMetric(
  deployment: IConstruct,
  deploymentId: string,
  method: DeploymentMetricMethod | 'metric',
  metricName: string,
  given: MetricOptions | undefined,
): Metric {
  ({ metricName, options: given } = readMetricParams(deployment, schemaOf(method), {
    metricName,
    options: given,
  }));
  return metricOf(DEPLOYMENT_METRIC_NAMESPACE, DEPLOYMENT_METRICS, metricName, deploymentId, given);
}

function schemaOf(
  method: DeploymentMetricMethod | 'metric',
): PropsSchema<{ metricName: string; options: MetricOptions }> {
  // A method's schema reads only its options: the metric name it passes along is its own.
  return method === 'metric'
    ? ONLINE_DEPLOYMENT_METRIC_METHODS.metric
    : (ONLINE_DEPLOYMENT_METRIC_METHODS.methods[method] as PropsSchema<object> as PropsSchema<{
        metricName: string;
        options: MetricOptions;
      }>);
}
