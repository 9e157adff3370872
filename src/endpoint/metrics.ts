import type { MonitorMetricAlertCriteria } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';

/** How Azure Monitor combines a metric's values over a time grain. */
export enum MetricAggregation {
  /** The mean of the values in each time grain. */
  AVERAGE = 'Average',
  /** The smallest value in each time grain. */
  MINIMUM = 'Minimum',
  /** The largest value in each time grain. */
  MAXIMUM = 'Maximum',
  /** The sum of the values in each time grain. */
  TOTAL = 'Total',
  /** The number of values in each time grain. */
  COUNT = 'Count',
}

/** How an alert compares the aggregated metric with its threshold. */
export enum MetricAlertOperator {
  /** Fires above the threshold. */
  GREATER_THAN = 'GreaterThan',
  /** Fires at or above the threshold. */
  GREATER_THAN_OR_EQUAL = 'GreaterThanOrEqual',
  /** Fires below the threshold. */
  LESS_THAN = 'LessThan',
  /** Fires at or below the threshold. */
  LESS_THAN_OR_EQUAL = 'LessThanOrEqual',
  /** Fires at the threshold. */
  EQUALS = 'Equals',
}

/** What can be changed on a metric: `endpoint.metricRequestLatencyP99().with({ aggregation: ... })`. */
export interface EndpointMetricOptions {
  /** @default the metric's own (Average for every metric of online endpoints and deployments) */
  readonly aggregation?: MetricAggregation;
  /**
   * Only the series whose dimension has one of the values, e.g. `{ deployment: ['blue'] }` on an endpoint metric,
   * `{ instanceId: ['...'] }` on a deployment metric.
   * @default every series
   */
  readonly dimensions?: { [name: string]: string[] };
}

/** One Azure Monitor metric of one resource. */
export interface EndpointMetricProps extends EndpointMetricOptions {
  /** The metric namespace: the resource type that publishes it. */
  readonly metricNamespace: string;
  /** The metric name, as the Azure Monitor REST API names it (`RequestLatency_P99`). */
  readonly metricName: string;
  /** ARM id of the resource publishing the metric. */
  readonly resourceId: string;
  /** Unit of the values, as Azure Monitor reports it. @default unknown */
  readonly unit?: string;
}

/**
 * A metric Azure ML publishes for an online endpoint or deployment, for an alert
 * (`new MonitorMetricAlert(this, 'Slow', { scopes: [m.resourceId], criteria: [m.toAlertCriteria(...)] })`), an
 * autoscale rule (`metricName`, `metricNamespace`, `resourceId`) or a dashboard. A value: nothing is created.
 */
export class EndpointMetric {
  /** The metric namespace: the resource type that publishes the metric. */
  public readonly metricNamespace: string;
  /** The metric name, as the Azure Monitor REST API names it (`RequestLatency_P99`). */
  public readonly metricName: string;
  /** ARM id of the endpoint or deployment publishing the metric. */
  public readonly resourceId: string;
  /** How values are combined over a time grain (`MetricAggregation.AVERAGE` unless `with` changed it). */
  public readonly aggregation: MetricAggregation;
  /** Dimension filters (name to accepted values); empty for every series. */
  public readonly dimensions: { [name: string]: string[] };
  /** Unit of the values, as Azure Monitor reports it; undefined when not known. */
  public readonly unit: string | undefined;

  constructor(props: EndpointMetricProps) {
    this.metricNamespace = props.metricNamespace;
    this.metricName = props.metricName;
    this.resourceId = props.resourceId;
    this.aggregation = props.aggregation ?? MetricAggregation.AVERAGE;
    this.dimensions = { ...(props.dimensions ?? {}) };
    this.unit = props.unit;
  }

  /** The same metric with another aggregation or dimension filter. */
  public with(options: EndpointMetricOptions): EndpointMetric {
    return new EndpointMetric({
      ...this,
      aggregation: options.aggregation ?? this.aggregation,
      dimensions: { ...this.dimensions, ...(options.dimensions ?? {}) },
    });
  }

  /** One `criteria` block of an azurerm `MonitorMetricAlert` whose `scopes` hold `resourceId`. */
  public toAlertCriteria(operator: MetricAlertOperator, threshold: number): MonitorMetricAlertCriteria {
    const dimension = Object.entries(this.dimensions).map(([name, values]) => ({
      name,
      operator: 'Include',
      values,
    }));
    return {
      metricNamespace: this.metricNamespace,
      metricName: this.metricName,
      aggregation: this.aggregation,
      operator,
      threshold,
      ...(dimension.length > 0 ? { dimension } : {}),
    };
  }
}

/** A metric as Azure Monitor lists it: its REST API name and unit. @internal */
export interface MetricDefinition {
  readonly metricName: string;
  readonly unit: string;
}

/** @internal */
export const ENDPOINT_METRIC_NAMESPACE = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints';
/** @internal */
export const DEPLOYMENT_METRIC_NAMESPACE = `${ENDPOINT_METRIC_NAMESPACE}/deployments`;

const metric = (metricName: string, unit: string): MetricDefinition => ({ metricName, unit });
// Published by the endpoint (with a `deployment` dimension) and by each deployment.
const PER_ENDPOINT_AND_DEPLOYMENT = {
  requestLatencyP50: metric('RequestLatency_P50', 'Milliseconds'),
  requestLatencyP90: metric('RequestLatency_P90', 'Milliseconds'),
  requestLatencyP95: metric('RequestLatency_P95', 'Milliseconds'),
  requestLatencyP99: metric('RequestLatency_P99', 'Milliseconds'),
  requestsPerMinute: metric('RequestsPerMinute', 'Count'),
  dataCollectionEventsPerMinute: metric('DataCollectionEventsPerMinute', 'Count'),
  dataCollectionErrorsPerMinute: metric('DataCollectionErrorsPerMinute', 'Count'),
} as const;

/**
 * The metrics Azure Monitor lists for `Microsoft.MachineLearningServices/workspaces/onlineEndpoints` ("Supported
 * metrics" reference). Every one is reported each minute, averaged by default. The one table the metric helpers
 * and autoscale read.
 * @internal
 */
export const ENDPOINT_METRICS = {
  ...PER_ENDPOINT_AND_DEPLOYMENT,
  requestLatency: metric('RequestLatency', 'Milliseconds'),
  connectionsActive: metric('ConnectionsActive', 'Count'),
  newConnectionsPerSecond: metric('NewConnectionsPerSecond', 'CountPerSecond'),
  networkBytes: metric('NetworkBytes', 'BytesPerSecond'),
} as const;

/**
 * The metrics Azure Monitor lists for `Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments`:
 * the latency percentiles, requests and data collection per deployment, and each instance's resources.
 * @internal
 */
export const DEPLOYMENT_METRICS = {
  ...PER_ENDPOINT_AND_DEPLOYMENT,
  cpuUtilizationPercentage: metric('CpuUtilizationPercentage', 'Percent'),
  cpuMemoryUtilizationPercentage: metric('CpuMemoryUtilizationPercentage', 'Percent'),
  diskUtilization: metric('DiskUtilization', 'Percent'),
  gpuUtilizationPercentage: metric('GpuUtilizationPercentage', 'Percent'),
  gpuMemoryUtilizationPercentage: metric('GpuMemoryUtilizationPercentage', 'Percent'),
  gpuEnergyJoules: metric('GpuEnergyJoules', 'Count'),
  deploymentCapacity: metric('DeploymentCapacity', 'Count'),
} as const;

/** A metric of the table, on one resource. @internal */
export function metricOf(
  namespace: string,
  definition: MetricDefinition,
  resourceId: string,
): EndpointMetric {
  return new EndpointMetric({ metricNamespace: namespace, ...definition, resourceId });
}
