import { IConstruct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import type { IPrincipal } from '../core';
import type { OnlineDeploymentOptions } from '../deployment/deployment-options';
import { IManagedVnetWorkspace } from '../workspace';
import type { EndpointGrant } from './endpoint-grant';
import type { Metric, MetricOptions } from './metrics';
import type { RouteTrafficOptions } from './route-traffic-options';

/** A deployment as the endpoint's traffic sees it. */
export interface IOnlineDeployment extends IConstruct, ITerraformDependable {
  /** The deployment name (`blue`). */
  readonly deploymentName: string;
  /** ARM id of the deployment. */
  readonly deploymentId: string;

  /**
   * A metric of this deployment by its Azure Monitor name (`CpuUtilizationPercentage`): one of the `metricXxx`
   * methods' metrics, or one Azure Monitor lists that they do not name yet.
   */
  metric(metricName: string, options?: MetricOptions): Metric;
  /** 50th percentile request latency, in milliseconds (`RequestLatency_P50`). */
  metricRequestLatencyP50(options?: MetricOptions): Metric;
  /** 90th percentile request latency, in milliseconds (`RequestLatency_P90`). */
  metricRequestLatencyP90(options?: MetricOptions): Metric;
  /** 95th percentile request latency, in milliseconds (`RequestLatency_P95`). */
  metricRequestLatencyP95(options?: MetricOptions): Metric;
  /** 99th percentile request latency, in milliseconds (`RequestLatency_P99`). */
  metricRequestLatencyP99(options?: MetricOptions): Metric;
  /** Requests sent to the deployment within a minute (`RequestsPerMinute`, by `envoy_response_code`). */
  metricRequestsPerMinute(options?: MetricOptions): Metric;
  /** CPU utilization of each instance, in percent (`CpuUtilizationPercentage`, by `instanceId`). */
  metricCpuUtilization(options?: MetricOptions): Metric;
  /** Memory utilization of each instance, in percent (`CpuMemoryUtilizationPercentage`, by `instanceId`). */
  metricMemoryUtilization(options?: MetricOptions): Metric;
  /** Disk utilization of each instance, in percent (`DiskUtilization`, by `instanceId`, `disk`). */
  metricDiskUtilization(options?: MetricOptions): Metric;
  /** GPU utilization of each instance, in percent (`GpuUtilizationPercentage`, by `instanceId`). */
  metricGpuUtilization(options?: MetricOptions): Metric;
  /** GPU memory utilization of each instance, in percent (`GpuMemoryUtilizationPercentage`). */
  metricGpuMemoryUtilization(options?: MetricOptions): Metric;
  /** Energy used by each GPU node per minute, in joules (`GpuEnergyJoules`, by `instanceId`). */
  metricGpuEnergy(options?: MetricOptions): Metric;
  /** Instances in the deployment (`DeploymentCapacity`, by `instanceId`, `State`). */
  metricDeploymentCapacity(options?: MetricOptions): Metric;
  /** Data collection events processed per minute (`DataCollectionEventsPerMinute`). */
  metricDataCollectionEventsPerMinute(options?: MetricOptions): Metric;
  /** Data collection events dropped per minute (`DataCollectionErrorsPerMinute`). */
  metricDataCollectionErrorsPerMinute(options?: MetricOptions): Metric;
}

/** How a deployment asks for traffic when it registers with its endpoint. @internal */
export interface DeploymentRegistration {
  /** The deployment takes 100 % of the traffic unless `routeTraffic` says otherwise (the CLI's `--all-traffic`). */
  readonly allTraffic: boolean;
}

/**
 * A managed online endpoint that deployments attach to: one created here (`SecureOnlineEndpoint`) or elsewhere
 * (`SecureOnlineEndpoint.fromEndpointAttributes`). Both extend `SecureOnlineEndpointBase`, which holds what the
 * endpoint does for its deployments; a deployment refuses (SE001) an endpoint that does not.
 */
export interface ISecureOnlineEndpoint extends IConstruct {
  /** ARM id of the endpoint. */
  readonly endpointId: string;
  /** The endpoint name. */
  readonly endpointName: string;
  /** The scoring URI (`https://<name>.<region>.inference.ml.azure.com/score`, known after apply). */
  readonly endpointScoringUri: string;
  /** The OpenAPI (swagger) URI (`properties.swaggerUri`, known after apply). */
  readonly endpointSwaggerUri: string;
  /** The workspace the endpoint belongs to. */
  readonly workspace: IManagedVnetWorkspace;
  /** Whether the scoring URI is reachable from public networks. */
  readonly publicNetworkAccess: boolean;

  /** Adds a deployment to this endpoint (`new OnlineDeployment(this, id, { endpoint: this, ...props })`). */
  addDeployment(id: string, props: OnlineDeploymentOptions): IOnlineDeployment;
  /** Sets the live traffic split, e.g. `{ blue: 90, green: 10 }`. */
  routeTraffic(split: { [deploymentName: string]: number }, options?: RouteTrafficOptions): void;
  /** Copies `percent` of the live traffic to a deployment whose responses are discarded (shadow testing). */
  mirrorTraffic(deployment: IOnlineDeployment, percent: number): void;
  /** `mirrorTraffic` to a deployment of this endpoint given by name (made in another stack, or outside Terraform). */
  mirrorTrafficByName(deploymentName: string, percent: number): void;
  /** Lets `grantee` call this endpoint, and nothing else. */
  grantInvoke(grantee: IPrincipal): EndpointGrant;

  /**
   * A metric of this endpoint by its Azure Monitor name (`RequestLatency_P99`, `ConnectionsActive`): one of the
   * `metricXxx` methods' metrics, or one Azure Monitor lists that they do not name yet.
   */
  metric(metricName: string, options?: MetricOptions): Metric;
  /** Average time to respond to a request, in milliseconds (`RequestLatency`, by `deployment`). */
  metricRequestLatency(options?: MetricOptions): Metric;
  /** 50th percentile request latency, in milliseconds (`RequestLatency_P50`, by `deployment`). */
  metricRequestLatencyP50(options?: MetricOptions): Metric;
  /** 90th percentile request latency, in milliseconds (`RequestLatency_P90`, by `deployment`). */
  metricRequestLatencyP90(options?: MetricOptions): Metric;
  /** 95th percentile request latency, in milliseconds (`RequestLatency_P95`, by `deployment`). */
  metricRequestLatencyP95(options?: MetricOptions): Metric;
  /** 99th percentile request latency, in milliseconds (`RequestLatency_P99`, by `deployment`). */
  metricRequestLatencyP99(options?: MetricOptions): Metric;
  /**
   * Requests sent to the endpoint within a minute (`RequestsPerMinute`, by `deployment`, `statusCode`,
   * `statusCodeClass` and `modelStatusCode`).
   */
  metricRequestsPerMinute(options?: MetricOptions): Metric;
  /** Concurrent TCP connections from clients (`ConnectionsActive`). */
  metricConnectionsActive(options?: MetricOptions): Metric;
  /** New TCP connections from clients per second (`NewConnectionsPerSecond`). */
  metricNewConnectionsPerSecond(options?: MetricOptions): Metric;
  /** Bytes per second served (`NetworkBytes`). */
  metricNetworkBytes(options?: MetricOptions): Metric;
  /** Data collection events processed per minute (`DataCollectionEventsPerMinute`, by `deployment`, `type`). */
  metricDataCollectionEventsPerMinute(options?: MetricOptions): Metric;
  /** Data collection events dropped per minute (`DataCollectionErrorsPerMinute`, by `deployment`, `reason`, `type`). */
  metricDataCollectionErrorsPerMinute(options?: MetricOptions): Metric;
}
