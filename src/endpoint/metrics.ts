import type { MonitorMetricAlertCriteria } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { defineProps, enumOf, instanceOf, list, record, text } from '../checks/read';
import { Duration } from '../core/duration';

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

/** How an alert or an autoscale rule compares the aggregated metric with its threshold. */
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

/** What can be chosen for a metric: `endpoint.metricRequestLatencyP99({ aggregation: ... })`, or `with(...)`. */
export interface MetricOptions {
  /** How values are combined in each period. @default MetricAggregation.AVERAGE */
  readonly aggregation?: MetricAggregation;
  /**
   * The time grain the values are combined over: what an autoscale rule evaluates each time (its `timeGrain`,
   * one minute to twelve hours in whole minutes). An alert sets its own frequency and window.
   * @default Duration.minutes(1), the grain Azure ML reports every endpoint and deployment metric at
   */
  readonly period?: Duration;
  /**
   * Only the series whose dimension has one of the values, e.g. `{ deployment: ['blue'] }` on an endpoint metric,
   * `{ instanceId: ['...'] }` on a deployment metric.
   * @default every series
   */
  readonly dimensions?: { [name: string]: string[] };
}

/**
 * The options of an endpoint or deployment metric.
 * @deprecated Use `MetricOptions`; this name is removed in the next minor release.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, not a type alias (jsii refuses those)
export interface EndpointMetricOptions extends MetricOptions {}

/** One Azure Monitor metric of one resource. */
export interface MetricProps extends MetricOptions {
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
 * The props of an endpoint or deployment metric.
 * @deprecated Use `MetricProps`; this name is removed in the next minor release.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, not a type alias (jsii refuses those)
export interface EndpointMetricProps extends MetricProps {}

// Dimension filters are read at synth into alert criteria: a map of lists given as one expression cannot be.
const DIMENSIONS = record<string[]>({
  tokens: 'refuse',
  why: 'each dimension becomes a filter block of its own at synth',
  element: list(text({ tokens: 'expression' }), { tokens: 'refuse', why: 'each value is a filter entry' }),
});
/** How a metric's options are read (the metric methods of endpoints and deployments). */
export const METRIC_OPTIONS = defineProps<MetricOptions>('MetricOptions', {
  aggregation: enumOf(MetricAggregation, 'MetricAggregation'),
  period: instanceOf(Duration),
  dimensions: DIMENSIONS,
});

/** The grain Azure ML reports its metrics at. */
const ONE_MINUTE = Duration.minutes(1);

/**
 * A metric Azure Monitor publishes for a resource: for an alert
 * (`new MonitorMetricAlert(this, 'Slow', { scopes: [m.resourceId], criteria: [m.toAlertCriteria(...)] })`), an
 * autoscale rule (`scaling.scaleOnMetric('queue', { metric: m, ... })`) or a dashboard. A value: nothing is
 * created. Endpoints and deployments name theirs (`endpoint.metric('RequestLatency')`,
 * `deployment.metricCpuUtilization()`).
 *
 * @example
 * const p99 = endpoint.metricRequestLatencyP99({ aggregation: MetricAggregation.MAXIMUM });
 * new MonitorMetricAlert(stack, 'Slow', {
 *   name: 'slow-scoring',
 *   resourceGroupName: 'rg-ml',
 *   scopes: [p99.resourceId],
 *   criteria: [p99.toAlertCriteria(MetricAlertOperator.GREATER_THAN, 1000)],
 * });
 */
export class Metric {
  /** The metric namespace: the resource type that publishes the metric. */
  public readonly metricNamespace: string;
  /** The metric name, as the Azure Monitor REST API names it (`RequestLatency_P99`). */
  public readonly metricName: string;
  /** ARM id of the resource publishing the metric. */
  public readonly resourceId: string;
  /** How values are combined in each period (`MetricAggregation.AVERAGE` unless chosen). */
  public readonly aggregation: MetricAggregation;
  /** The time grain values are combined over (one minute unless chosen). */
  public readonly period: Duration;
  /** Dimension filters (name to accepted values); empty for every series. */
  public readonly dimensions: { [name: string]: string[] };
  /** Unit of the values, as Azure Monitor reports it; undefined when not known. */
  public readonly unit?: string;

  constructor(props: MetricProps) {
    this.metricNamespace = props.metricNamespace;
    this.metricName = props.metricName;
    this.resourceId = props.resourceId;
    this.aggregation = props.aggregation ?? MetricAggregation.AVERAGE;
    this.period = props.period ?? ONE_MINUTE;
    this.dimensions = { ...(props.dimensions ?? {}) };
    this.unit = props.unit;
  }

  /** The same metric with another aggregation, period or dimension filter (filters are added to these). */
  public with(options: MetricOptions): Metric {
    return new Metric({
      metricNamespace: this.metricNamespace,
      metricName: this.metricName,
      resourceId: this.resourceId,
      unit: this.unit,
      aggregation: options.aggregation ?? this.aggregation,
      period: options.period ?? this.period,
      dimensions: { ...this.dimensions, ...(options.dimensions ?? {}) },
    });
  }

  /** One `criteria` block of an azurerm `MonitorMetricAlert` whose `scopes` hold `resourceId`. */
  public toAlertCriteria(comparison: MetricAlertOperator, threshold: number): MonitorMetricAlertCriteria {
    const dimension = Object.entries(this.dimensions).map(([name, values]) => ({
      name,
      operator: 'Include',
      values,
    }));
    return {
      metricNamespace: this.metricNamespace,
      metricName: this.metricName,
      aggregation: this.aggregation,
      operator: comparison,
      threshold,
      ...(dimension.length > 0 ? { dimension } : {}),
    };
  }
}

/**
 * A metric of an online endpoint or deployment.
 * @deprecated Use `Metric`, which every metric method returns; this name is removed in the next minor release.
 */
export class EndpointMetric extends Metric {}

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

/**
 * A metric on one resource: one of the table's (with its unit), or a name the table does not list yet (its unit
 * unknown), with the caller's options.
 * @internal
 */
export function metricOf(
  namespace: string,
  table: { readonly [key: string]: MetricDefinition },
  metricName: string,
  resourceId: string,
  options: MetricOptions = {},
): Metric {
  const unit = Object.values(table).find((d) => d.metricName === metricName)?.unit;
  return new Metric({ metricNamespace: namespace, metricName, unit, resourceId, ...options });
}
