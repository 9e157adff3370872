import { IConstruct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import type { TrafficMap } from '../arm';
import type { IPrincipal } from '../core';
import type { OnlineDeploymentOptions } from '../deployment/deployment-options';
import { IManagedVnetWorkspace } from '../workspace';
import type { EndpointGrant } from './endpoint-grant';
import type { EndpointMetric } from './metrics';
import type { RouteTrafficOptions } from './route-traffic-options';

/** A deployment as the endpoint's traffic sees it. */
export interface IOnlineDeployment extends IConstruct, ITerraformDependable {
  /** The deployment name (`blue`). */
  readonly deploymentName: string;
  /** ARM id of the deployment. */
  readonly deploymentId: string;
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
  /** The scoring URI (`https://<name>.<region>.inference.ml.azure.com/score`). */
  readonly endpointScoringUri: string;
  /** The OpenAPI (swagger) URI. */
  readonly endpointSwaggerUri: string;
  /** The workspace the endpoint belongs to. */
  readonly workspace: IManagedVnetWorkspace;
  /** Whether the endpoint is reachable from public networks. */
  readonly publicNetworkAccess: boolean;

  /** Adds a deployment to this endpoint (`new OnlineDeployment(this, id, { endpoint: this, ...props })`). */
  addDeployment(id: string, props: OnlineDeploymentOptions): IOnlineDeployment;
  /** Sets the live traffic split, e.g. `{ blue: 90, green: 10 }`. */
  routeTraffic(split: TrafficMap, options?: RouteTrafficOptions): void;
  /** Copies `percent` of the live traffic to a deployment whose responses are discarded (shadow testing). */
  mirrorTraffic(deployment: IOnlineDeployment | string, percent: number): void;
  /** Lets `grantee` call this endpoint, and nothing else. */
  grantInvoke(grantee: IPrincipal): EndpointGrant;

  /** Average time to respond to a request, in milliseconds (`RequestLatency`). */
  metricRequestLatency(): EndpointMetric;
  /** 50th percentile request latency, in milliseconds (`RequestLatency_P50`). */
  metricRequestLatencyP50(): EndpointMetric;
  /** 90th percentile request latency, in milliseconds (`RequestLatency_P90`). */
  metricRequestLatencyP90(): EndpointMetric;
  /** 95th percentile request latency, in milliseconds (`RequestLatency_P95`). */
  metricRequestLatencyP95(): EndpointMetric;
  /** 99th percentile request latency, in milliseconds (`RequestLatency_P99`). */
  metricRequestLatencyP99(): EndpointMetric;
  /** Requests sent to the endpoint within a minute (`RequestsPerMinute`). */
  metricRequestsPerMinute(): EndpointMetric;
  /** Concurrent TCP connections from clients (`ConnectionsActive`). */
  metricConnectionsActive(): EndpointMetric;
  /** New TCP connections from clients per second (`NewConnectionsPerSecond`). */
  metricNewConnectionsPerSecond(): EndpointMetric;
  /** Bytes per second served (`NetworkBytes`). */
  metricNetworkBytes(): EndpointMetric;
  /** Data collection events processed per minute (`DataCollectionEventsPerMinute`). */
  metricDataCollectionEventsPerMinute(): EndpointMetric;
  /** Data collection events dropped per minute (`DataCollectionErrorsPerMinute`). */
  metricDataCollectionErrorsPerMinute(): EndpointMetric;
}
