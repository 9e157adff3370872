import { Construct } from 'constructs';
import { OnlineEndpointPutBody, TrafficMap } from '../arm';
import { AzapiResourceAction, AzapiUpdateResource } from '../azapi';
import { readParams, problemsOf } from '../checks';
import { construct, constructId, definedSchemas, defineProps, num, object, readValue } from '../checks/read';
import { PRINCIPAL_READER, TRAFFIC_SPLIT_READER } from '../core/readers';
import { IPrincipal } from '../core';
import { OnlineDeployment, OnlineDeploymentOptions } from '../deployment/online-deployment';
import { IManagedVnetWorkspace } from '../workspace';
import { ENDPOINT_BASE } from './deployment-host';
import { EndpointAuthMode } from './endpoint-auth-mode';
import { EndpointGrant } from './endpoint-grant';
import { DeploymentRegistration, IOnlineDeployment, ISecureOnlineEndpoint } from './endpoint-ref';
import { checkInvokeAuthMode, EndpointInvokeAccess } from './invoke-access';
import {
  ENDPOINT_METRIC_NAMESPACE,
  ENDPOINT_METRICS,
  EndpointMetric,
  MetricDefinition,
  metricOf,
} from './metrics';
import { EndpointTraffic } from './traffic';

defineProps<{ grantee: IPrincipal }>('SecureOnlineEndpointBase#grantInvoke', { grantee: PRINCIPAL_READER });
const CONSTRUCT_ID = constructId();
defineProps<{ id: string; props: OnlineDeploymentOptions }>('SecureOnlineEndpointBase#addDeployment', {
  id: CONSTRUCT_ID,
  // Read by the OnlineDeployment this method creates (the deployment's construct path in messages).
  props: object('OnlineDeploymentOptions', definedSchemas().get('OnlineDeploymentOptions') ?? {}, {
    optional: false,
  }),
});
defineProps<{ split: TrafficMap }>('SecureOnlineEndpointBase#routeTraffic', { split: TRAFFIC_SPLIT_READER });
defineProps<{ deployment: IOnlineDeployment | string; percent: number }>(
  'SecureOnlineEndpointBase#mirrorTraffic',
  {
    deployment: construct('a deployment of this endpoint, or its name', { alsoName: true }),
    // SE205 checks the share; a Terraform number expression is passed through.
    percent: num({ tokens: 'expression', optional: false }),
  },
);

/** The attributes every endpoint has: those of `ISecureOnlineEndpoint`, and how clients authenticate. */
export type SecureOnlineEndpointAttributeValues = Pick<
  ISecureOnlineEndpoint,
  | 'endpointId'
  | 'endpointName'
  | 'endpointScoringUri'
  | 'endpointSwaggerUri'
  | 'workspace'
  | 'publicNetworkAccess'
> & {
  /** How clients authenticate. */
  readonly authMode: EndpointAuthMode;
};

/**
 * What every online endpoint can do, created here (`SecureOnlineEndpoint`) or elsewhere
 * (`SecureOnlineEndpoint.fromEndpointAttributes`): take deployments, route and mirror their traffic, grant callers
 * the right to invoke it, and name its metrics. Traffic is written once, after the deployments exist, by one
 * resource (construct id `Traffic`) that every deployment of the endpoint registers with.
 */
export abstract class SecureOnlineEndpointBase extends Construct implements ISecureOnlineEndpoint {
  /** The attributes, set once by the concrete class as soon as it knows them. */
  protected abstract readonly attributes: SecureOnlineEndpointAttributeValues;

  private trafficRegistry?: EndpointTraffic;
  private invokeAccess?: EndpointInvokeAccess;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    Object.defineProperty(this, ENDPOINT_BASE, { value: true });
  }

  /** ARM id of the endpoint. */
  public get endpointId(): string {
    return this.attributes.endpointId;
  }

  /** The endpoint name. */
  public get endpointName(): string {
    return this.attributes.endpointName;
  }

  /** The scoring URI (`properties.scoringUri`, known after apply). */
  public get endpointScoringUri(): string {
    return this.attributes.endpointScoringUri;
  }

  /** The OpenAPI (swagger) URI (`properties.swaggerUri`, known after apply). */
  public get endpointSwaggerUri(): string {
    return this.attributes.endpointSwaggerUri;
  }

  /** The workspace the endpoint belongs to. */
  public get workspace(): IManagedVnetWorkspace {
    return this.attributes.workspace;
  }

  /** Whether the scoring URI is reachable from public networks. */
  public get publicNetworkAccess(): boolean {
    return this.attributes.publicNetworkAccess;
  }

  /** How clients authenticate. */
  public get authMode(): EndpointAuthMode {
    return this.attributes.authMode;
  }

  /** Adds a deployment to this endpoint (`new OnlineDeployment(this, id, { endpoint: this, ...props })`). */
  public addDeployment(id: string, props: OnlineDeploymentOptions): OnlineDeployment {
    readValue(CONSTRUCT_ID, id, 'id', this);
    return new OnlineDeployment(this, id, { ...props, endpoint: this });
  }

  /**
   * Sets the live traffic split, e.g. `{ blue: 90, green: 10 }`: whole percents summing to 100 (or 0), naming
   * only this endpoint's deployments. Overrides every deployment's `allTraffic`. A second call replaces the first.
   * On an endpoint made elsewhere, the split names only this stack's deployments and is merged into the live one.
   */
  public routeTraffic(split: TrafficMap): void {
    ({ split } = readParams(this, 'SecureOnlineEndpointBase#routeTraffic', { split }));
    this.traffic.route(split);
  }

  /**
   * Copies `percent` of the live traffic to a deployment whose responses are discarded (shadow testing).
   * At most 50 % in total, and never to the deployment taking 100 % of the live traffic.
   */
  public mirrorTraffic(deployment: IOnlineDeployment | string, percent: number): void {
    ({ deployment, percent } = readParams(this, 'SecureOnlineEndpointBase#mirrorTraffic', {
      deployment,
      percent,
    }));
    this.traffic.mirrorTo(typeof deployment === 'string' ? deployment : deployment.deploymentName, percent);
  }

  /**
   * Lets `grantee` call this endpoint, and nothing else: with `AAD_TOKEN` the scoring data action
   * (`onlineEndpoints/score/action`), with `AML_TOKEN` the token action (`onlineEndpoints/token/action`), through
   * one custom role (construct id `InvokeAccess`) assigned on this endpoint only. Refused for `KEY` endpoints
   * (SE310): whoever holds the key can call them. Granting one principal twice returns the first grant.
   */
  public grantInvoke(grantee: IPrincipal): EndpointGrant {
    ({ grantee } = readParams(this, 'SecureOnlineEndpointBase#grantInvoke', { grantee }));
    problemsOf(this).attempt(() => checkInvokeAuthMode(this.endpointName, this.authMode), undefined);
    this.invokeAccess ??= new EndpointInvokeAccess(this, 'InvokeAccess', {
      workspace: this.workspace,
      endpointName: this.endpointName,
      endpointId: this.endpointId,
      authMode: this.authMode,
    });
    return this.invokeAccess.grant(grantee);
  }

  /** The action that empties the traffic before a destroy deletes the deployments (an endpoint created here). */
  public get trafficReset(): AzapiResourceAction | undefined {
    return this.traffic.trafficReset;
  }

  /**
   * The traffic writer (construct id `Traffic`): for an endpoint created here, an `azapi_resource_action`
   * created with the endpoint that PUTs its request with the declared `traffic` and `mirrorTraffic` whenever
   * they change; for one made elsewhere, an `azapi_update_resource` created when the first deployment registers,
   * which merges them into the live maps.
   */
  public get trafficUpdate(): AzapiResourceAction | AzapiUpdateResource | undefined {
    return this.traffic.trafficUpdate;
  }

  /**
   * Called by each deployment's constructor (through `registerWithEndpoint`): the endpoint's single traffic
   * writer waits for it, and traffic may name it.
   * @internal
   */
  public _registerDeployment(deployment: IOnlineDeployment, registration: DeploymentRegistration): void {
    this.traffic.register(deployment, registration);
  }

  /** Average time to respond to a request, in milliseconds (`RequestLatency`, by `deployment`). */
  public metricRequestLatency(): EndpointMetric {
    return this.metric(ENDPOINT_METRICS.requestLatency);
  }

  /** 50th percentile request latency, in milliseconds (`RequestLatency_P50`, by `deployment`). */
  public metricRequestLatencyP50(): EndpointMetric {
    return this.metric(ENDPOINT_METRICS.requestLatencyP50);
  }

  /** 90th percentile request latency, in milliseconds (`RequestLatency_P90`, by `deployment`). */
  public metricRequestLatencyP90(): EndpointMetric {
    return this.metric(ENDPOINT_METRICS.requestLatencyP90);
  }

  /** 95th percentile request latency, in milliseconds (`RequestLatency_P95`, by `deployment`). */
  public metricRequestLatencyP95(): EndpointMetric {
    return this.metric(ENDPOINT_METRICS.requestLatencyP95);
  }

  /** 99th percentile request latency, in milliseconds (`RequestLatency_P99`, by `deployment`). */
  public metricRequestLatencyP99(): EndpointMetric {
    return this.metric(ENDPOINT_METRICS.requestLatencyP99);
  }

  /**
   * Requests sent to the endpoint within a minute (`RequestsPerMinute`, by `deployment`, `statusCode`,
   * `statusCodeClass` and `modelStatusCode`).
   */
  public metricRequestsPerMinute(): EndpointMetric {
    return this.metric(ENDPOINT_METRICS.requestsPerMinute);
  }

  /** Concurrent TCP connections from clients (`ConnectionsActive`). */
  public metricConnectionsActive(): EndpointMetric {
    return this.metric(ENDPOINT_METRICS.connectionsActive);
  }

  /** New TCP connections from clients per second (`NewConnectionsPerSecond`). */
  public metricNewConnectionsPerSecond(): EndpointMetric {
    return this.metric(ENDPOINT_METRICS.newConnectionsPerSecond);
  }

  /** Bytes per second served (`NetworkBytes`). */
  public metricNetworkBytes(): EndpointMetric {
    return this.metric(ENDPOINT_METRICS.networkBytes);
  }

  /** Data collection events processed per minute (`DataCollectionEventsPerMinute`, by `deployment`, `type`). */
  public metricDataCollectionEventsPerMinute(): EndpointMetric {
    return this.metric(ENDPOINT_METRICS.dataCollectionEventsPerMinute);
  }

  /** Data collection events dropped per minute (`DataCollectionErrorsPerMinute`, by `deployment`, `reason`, `type`). */
  public metricDataCollectionErrorsPerMinute(): EndpointMetric {
    return this.metric(ENDPOINT_METRICS.dataCollectionErrorsPerMinute);
  }

  /**
   * Sets up the endpoint's traffic: the registry of its deployments and the writer (created now when the request
   * is known, else when the first deployment registers). `request` is the endpoint's own request (re-sent whole
   * with the traffic; its required part, closed and without traffic, when the endpoint is destroyed); undefined for an endpoint made elsewhere, whose request is not known here (its traffic is
   * merged into the live one, and a destroy does not reset it). An endpoint that never calls it gets the latter.
   * @internal
   */
  protected _bindTraffic(request: OnlineEndpointPutBody | undefined): void {
    this.trafficRegistry = new EndpointTraffic(this, this.endpointId, this.workspace.apiVersion, request);
    const traffic = this.trafficRegistry;
    problemsOf(this).addRule(() => traffic.problems());
  }

  private get traffic(): EndpointTraffic {
    if (this.trafficRegistry === undefined) this._bindTraffic(undefined);
    return this.trafficRegistry as EndpointTraffic;
  }

  private metric(definition: MetricDefinition): EndpointMetric {
    return metricOf(ENDPOINT_METRIC_NAMESPACE, definition, this.endpointId);
  }
}
