/** The metric helpers of endpoints and deployments, and an alert built from one. */
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { Model, OnlineDeployment } from '../../src/deployment';
import { Construct } from 'constructs';
import { Duration } from '../../src';
import {
  EndpointMetric,
  IOnlineDeployment,
  Metric,
  MetricAggregation,
  MetricAlertOperator,
  SecureOnlineEndpoint,
} from '../../src/endpoint';
import { FakeWorkspace } from '../support/fake-workspace';
import { onlyResource, reported, synthWith } from '../support/synth';

const ENDPOINTS = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints';

describe('metric helpers', () => {
  test('an endpoint names its metrics on its own id, a deployment on its own', () => {
    synthWith((stack) => {
      const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', {
        workspace: new FakeWorkspace(stack, 'Workspace'),
        endpointName: 'endpt-metrics',
      });
      const blue = new OnlineDeployment(stack, 'Blue', {
        endpoint,
        deploymentName: 'blue',
        model: Model.mlflowFromAssetId('azureml:m:1'),
        allTraffic: true,
      });
      const names = (metrics: EndpointMetric[]): string[] => metrics.map((m) => m.metricName);
      const onEndpoint = [
        endpoint.metricRequestLatency(),
        endpoint.metricRequestLatencyP50(),
        endpoint.metricRequestLatencyP90(),
        endpoint.metricRequestLatencyP95(),
        endpoint.metricRequestLatencyP99(),
        endpoint.metricRequestsPerMinute(),
        endpoint.metricConnectionsActive(),
        endpoint.metricNewConnectionsPerSecond(),
        endpoint.metricNetworkBytes(),
        endpoint.metricDataCollectionEventsPerMinute(),
        endpoint.metricDataCollectionErrorsPerMinute(),
      ];
      expect(names(onEndpoint)).toEqual([
        'RequestLatency',
        'RequestLatency_P50',
        'RequestLatency_P90',
        'RequestLatency_P95',
        'RequestLatency_P99',
        'RequestsPerMinute',
        'ConnectionsActive',
        'NewConnectionsPerSecond',
        'NetworkBytes',
        'DataCollectionEventsPerMinute',
        'DataCollectionErrorsPerMinute',
      ]);
      for (const m of onEndpoint) {
        expect(m).toMatchObject({ metricNamespace: ENDPOINTS, resourceId: endpoint.endpointId });
        expect(m.aggregation).toBe(MetricAggregation.AVERAGE);
      }
      const onDeployment = [
        blue.metricRequestLatencyP50(),
        blue.metricRequestLatencyP90(),
        blue.metricRequestLatencyP95(),
        blue.metricRequestLatencyP99(),
        blue.metricRequestsPerMinute(),
        blue.metricCpuUtilization(),
        blue.metricMemoryUtilization(),
        blue.metricDiskUtilization(),
        blue.metricGpuUtilization(),
        blue.metricGpuMemoryUtilization(),
        blue.metricGpuEnergy(),
        blue.metricDeploymentCapacity(),
        blue.metricDataCollectionEventsPerMinute(),
        blue.metricDataCollectionErrorsPerMinute(),
      ];
      expect(names(onDeployment)).toEqual([
        'RequestLatency_P50',
        'RequestLatency_P90',
        'RequestLatency_P95',
        'RequestLatency_P99',
        'RequestsPerMinute',
        'CpuUtilizationPercentage',
        'CpuMemoryUtilizationPercentage',
        'DiskUtilization',
        'GpuUtilizationPercentage',
        'GpuMemoryUtilizationPercentage',
        'GpuEnergyJoules',
        'DeploymentCapacity',
        'DataCollectionEventsPerMinute',
        'DataCollectionErrorsPerMinute',
      ]);
      for (const m of onDeployment) {
        expect(m).toMatchObject({
          metricNamespace: `${ENDPOINTS}/deployments`,
          resourceId: blue.deploymentId,
        });
      }
    });
  });

  test('with() changes the aggregation and filters, leaving the original as it was', () => {
    const latency = new EndpointMetric({
      metricNamespace: ENDPOINTS,
      metricName: 'RequestLatency',
      resourceId: 'id',
    });
    const blue = latency.with({
      aggregation: MetricAggregation.MAXIMUM,
      dimensions: { deployment: ['blue'] },
    });
    expect(blue).toMatchObject({ aggregation: 'Maximum', dimensions: { deployment: ['blue'] } });
    expect(latency).toMatchObject({ aggregation: 'Average', dimensions: {} });
    expect(blue.toAlertCriteria(MetricAlertOperator.GREATER_THAN, 500)).toEqual({
      metricNamespace: ENDPOINTS,
      metricName: 'RequestLatency',
      aggregation: 'Maximum',
      operator: 'GreaterThan',
      threshold: 500,
      dimension: [{ name: 'deployment', operator: 'Include', values: ['blue'] }],
    });
  });

  test('an alert on the 99th percentile latency of one deployment, built from the endpoint metric', () => {
    const json = synthWith((stack) => {
      const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', {
        workspace: new FakeWorkspace(stack, 'Workspace'),
        endpointName: 'endpt-alert',
      });
      endpoint.addDeployment('Blue', {
        deploymentName: 'blue',
        model: Model.mlflowFromAssetId('azureml:m:1'),
        allTraffic: true,
      });
      const slow = endpoint.metricRequestLatencyP99().with({ dimensions: { deployment: ['blue'] } });
      new MonitorMetricAlert(stack, 'SlowScoring', {
        name: 'endpt-alert-slow-scoring',
        resourceGroupName: 'rg-ml',
        scopes: [slow.resourceId],
        criteria: [slow.toAlertCriteria(MetricAlertOperator.GREATER_THAN, 1000)],
      });
    });
    const [name, alert] = onlyResource(json, 'azurerm_monitor_metric_alert');
    expect(name).toContain('SlowScoring');
    expect(alert.scopes).toEqual([expect.stringMatching(/^\$\{azapi_resource\.Endpoint_[0-9A-F]+\.id\}$/)]);
    expect(alert.criteria).toEqual([
      {
        metric_namespace: ENDPOINTS,
        metric_name: 'RequestLatency_P99',
        aggregation: 'Average',
        operator: 'GreaterThan',
        threshold: 1000,
        dimension: [{ name: 'deployment', operator: 'Include', values: ['blue'] }],
      },
    ]);
  });
});

describe('metric(name, options) and metric options', () => {
  const build = (stack: Construct) => {
    const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', {
      workspace: new FakeWorkspace(stack, 'Workspace'),
      endpointName: 'endpt-metrics',
    });
    const blue: IOnlineDeployment = endpoint.addDeployment('Blue', {
      deploymentName: 'blue',
      model: Model.mlflowFromAssetId('azureml:m:1'),
      allTraffic: true,
    });
    return { endpoint, blue };
  };

  test('every metric method takes aggregation, period and dimensions; the defaults are Average and one minute', () => {
    synthWith((stack) => {
      const { endpoint, blue } = build(stack);
      const m = blue.metricCpuUtilization();
      expect(m).toBeInstanceOf(Metric);
      expect(m).toMatchObject({ aggregation: MetricAggregation.AVERAGE, unit: 'Percent', dimensions: {} });
      expect(m.period.toMinutes()).toBe(1);
      const max = endpoint.metricRequestLatencyP99({
        aggregation: MetricAggregation.MAXIMUM,
        period: Duration.minutes(5),
        dimensions: { deployment: ['blue'] },
      });
      expect(max).toMatchObject({ aggregation: 'Maximum', dimensions: { deployment: ['blue'] } });
      expect(max.period.toMinutes()).toBe(5);
    });
  });

  test('metric(name) names any metric, with the unit when the table lists it', () => {
    synthWith((stack) => {
      const { endpoint, blue } = build(stack);
      expect(endpoint.metric('RequestLatency_P99')).toEqual(endpoint.metricRequestLatencyP99());
      expect(blue.metric('CpuUtilizationPercentage')).toEqual(blue.metricCpuUtilization());
      const future = blue.metric('GpuTemperature', { aggregation: MetricAggregation.MAXIMUM });
      expect(future).toMatchObject({
        metricName: 'GpuTemperature',
        metricNamespace: `${ENDPOINTS}/deployments`,
        resourceId: blue.deploymentId,
        aggregation: 'Maximum',
        unit: undefined,
      });
    });
  });

  test('SE001: an empty metric name or an aggregation that is not a MetricAggregation', () => {
    const found = reported((stack) => {
      const { endpoint, blue } = build(stack);
      blue.metric('');
      endpoint.metricNetworkBytes({ aggregation: 'P99' as MetricAggregation });
    });
    expect(found).toEqual([
      expect.stringMatching(
        /^\[SE001\] test\/Endpoint: options\.aggregation is the text 'P99': give a MetricAggregation/,
      ),
      expect.stringMatching(/^\[SE001\] test\/Endpoint\/Blue: metricName is empty/),
    ]);
  });

  test('EndpointMetric, deprecated, still builds a Metric', () => {
    const old = new EndpointMetric({
      metricNamespace: ENDPOINTS,
      metricName: 'RequestLatency',
      resourceId: 'id',
    });
    expect(old).toBeInstanceOf(Metric);
    expect(old.with({ aggregation: MetricAggregation.MINIMUM }).aggregation).toBe('Minimum');
  });
});
