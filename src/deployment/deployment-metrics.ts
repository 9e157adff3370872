import { IOnlineDeployment } from '../endpoint/endpoint-ref';
import {
  DEPLOYMENT_METRIC_NAMESPACE,
  DEPLOYMENT_METRICS,
  EndpointMetric,
  metricOf,
} from '../endpoint/metrics';

/** The name of a metric every online deployment publishes (`DEPLOYMENT_METRICS`). */
export type DeploymentMetricKey = keyof typeof DEPLOYMENT_METRICS;

/** One metric of a deployment, from the table of the metrics Azure ML publishes for deployments. */
export function deploymentMetric(deployment: IOnlineDeployment, key: DeploymentMetricKey): EndpointMetric {
  return metricOf(DEPLOYMENT_METRIC_NAMESPACE, DEPLOYMENT_METRICS[key], deployment.deploymentId);
}
