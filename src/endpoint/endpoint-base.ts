import { ONLINE_DEPLOYMENT_OPTIONS } from '../deployment/deployment-options-schema';
import { Construct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { OnlineEndpointPutBody, TrafficMap } from '../arm';
import { problem, readParams, problemsOf } from '../checks';
import { construct, constructId, defineProps, name, num, object, readValue } from '../checks/read';
import { PRINCIPAL_READER, TRAFFIC_SPLIT_READER } from '../core/readers';
import { IPrincipal } from '../core';
import { OnlineDeployment, OnlineDeploymentOptions } from '../deployment/online-deployment';
import { IManagedVnetWorkspace } from '../workspace';
import { ENDPOINT_BASE } from './deployment-host';
import { EndpointAuthMode } from './endpoint-auth-mode';
import { EndpointGrant } from './endpoint-grant';
import { DeploymentRegistration, IOnlineDeployment, ISecureOnlineEndpoint } from './endpoint-ref';
import { checkInvokeAuthMode, EndpointInvokeAccess } from './invoke-access';
import { ENDPOINT_METRIC_NAMESPACE, ENDPOINT_METRICS, Metric, MetricOptions, metricOf } from './metrics';
import { defineMetricMethods, readMetricParams } from './metric-methods';
import { ROUTE_TRAFFIC_OPTIONS, RouteTrafficOptions } from './route-traffic-options';
import { EndpointTraffic } from './traffic';

export const SECURE_ONLINE_ENDPOINT_BASE_GRANT_INVOKE_PARAMS = defineProps<{ grantee: IPrincipal }>(
  'SecureOnlineEndpointBase#grantInvoke',
  { grantee: PRINCIPAL_READER },
);
const CONSTRUCT_ID = constructId();
export const SECURE_ONLINE_ENDPOINT_BASE_ADD_DEPLOYMENT_PARAMS = defineProps<{
  id: string;
  props: OnlineDeploymentOptions;
}>('SecureOnlineEndpointBase#addDeployment', {
  id: CONSTRUCT_ID,
  // Read by the OnlineDeployment this method creates (the deployment's construct path in messages).
  props: object('OnlineDeploymentOptions', ONLINE_DEPLOYMENT_OPTIONS, {
    optional: false,
  }),
});
export const SECURE_ONLINE_ENDPOINT_BASE_METRIC_METHODS = defineMetricMethods('SecureOnlineEndpointBase', [
  'metricRequestLatency',
  'metricRequestLatencyP50',
  'metricRequestLatencyP90',
  'metricRequestLatencyP95',
  'metricRequestLatencyP99',
  'metricRequestsPerMinute',
  'metricConnectionsActive',
  'metricNewConnectionsPerSecond',
  'metricNetworkBytes',
  'metricDataCollectionEventsPerMinute',
  'metricDataCollectionErrorsPerMinute',
]);
export const SECURE_ONLINE_ENDPOINT_BASE_ROUTE_TRAFFIC_PARAMS = defineProps<{
  split: TrafficMap;
  options: RouteTrafficOptions;
}>('SecureOnlineEndpointBase#routeTraffic', {
  split: TRAFFIC_SPLIT_READER,
  options: object('RouteTrafficOptions', ROUTE_TRAFFIC_OPTIONS),
});
// SE205 checks the share; a Terraform number expression is passed through.
const MIRROR_PERCENT = num({ tokens: 'expression', optional: false });
export const SECURE_ONLINE_ENDPOINT_BASE_MIRROR_TRAFFIC_PARAMS = defineProps<{
  deployment: IOnlineDeployment;
  percent: number;
}>('SecureOnlineEndpointBase#mirrorTraffic', {
  deployment: construct(
    'a deployment of this endpoint (to name one made elsewhere, use mirrorTrafficByName)',
  ),
  percent: MIRROR_PERCENT,
});
export const SECURE_ONLINE_ENDPOINT_BASE_MIRROR_TRAFFIC_BY_NAME_PARAMS = defineProps<{
  deploymentName: string;
  percent: number;
}>('SecureOnlineEndpointBase#mirrorTrafficByName', {
  deploymentName: name({
    tokens: 'refuse',
    optional: false,
    what: "a deployment name (text such as 'green')",
    why: "it names a deployment in the endpoint's traffic, which is checked at synth",
    check: (value, prop) =>
      value.trim() === ''
        ? [
            problem(
              'SE001',
              `${prop} is empty: give the name of a deployment of this endpoint, such as 'green'`,
            ),
          ]
        : [],
  }),
  percent: MIRROR_PERCENT,
});

/**
 * What every online endpoint can do, created here (`SecureOnlineEndpoint`) or elsewhere
 * (`SecureOnlineEndpoint.fromEndpointAttributes`): take deployments, route and mirror their traffic, grant callers
 * the right to invoke it, and name its metrics. Traffic is written once, after the deployments exist, by one
 * resource (construct id `Traffic`) that every deployment of the endpoint registers with.
 */
export abstract class SecureOnlineEndpointBase extends Construct implements ISecureOnlineEndpoint {
  // The attributes, as aws-cdk's resource bases declare them: abstract here, set by the class that knows them
  // (created or imported); documented once, on ISecureOnlineEndpoint.
  /** {@inheritDoc ISecureOnlineEndpoint.endpointId} */
  public abstract readonly endpointId: string;
  /** {@inheritDoc ISecureOnlineEndpoint.endpointName} */
  public abstract readonly endpointName: string;
  /** {@inheritDoc ISecureOnlineEndpoint.endpointScoringUri} */
  public abstract readonly endpointScoringUri: string;
  /** {@inheritDoc ISecureOnlineEndpoint.endpointSwaggerUri} */
  public abstract readonly endpointSwaggerUri: string;
  /** {@inheritDoc ISecureOnlineEndpoint.workspace} */
  public abstract readonly workspace: IManagedVnetWorkspace;
  /** {@inheritDoc ISecureOnlineEndpoint.publicNetworkAccess} */
  public abstract readonly publicNetworkAccess: boolean;
  /** How clients authenticate. */
  public abstract readonly authMode: EndpointAuthMode;

  private trafficRegistry?: EndpointTraffic;
  private invokeAccess?: EndpointInvokeAccess;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    Object.defineProperty(this, ENDPOINT_BASE, { value: true });
  }

  /** Adds a deployment to this endpoint (`new OnlineDeployment(this, id, { endpoint: this, ...props })`). */
  public addDeployment(id: string, props: OnlineDeploymentOptions): OnlineDeployment {
    readValue(CONSTRUCT_ID, id, 'id', this);
    return new OnlineDeployment(this, id, { ...props, endpoint: this });
  }

  /**
   * Sets the live traffic split, e.g. `{ blue: 90, green: 10 }`: whole percents summing to 100 (or 0), naming
   * only this endpoint's deployments. Overrides every deployment's `allTraffic`. A second call replaces the first.
   * On an endpoint made elsewhere, the split names this stack's deployments and is merged into the live one;
   * name the shares of deployments made elsewhere in `options.keep` (`routeTraffic({ green: 10 }, { keep: {
   * blue: 90 } })`).
   */
  public routeTraffic(split: { [deploymentName: string]: number }, options: RouteTrafficOptions = {}): void {
    ({ split, options } = readParams(this, SECURE_ONLINE_ENDPOINT_BASE_ROUTE_TRAFFIC_PARAMS, {
      split,
      options,
    }));
    this.traffic.route(split, options?.keep ?? {});
  }

  /**
   * Copies `percent` of the live traffic to a deployment whose responses are discarded (shadow testing).
   * At most 50 % in total, and never to the deployment taking 100 % of the live traffic.
   */
  public mirrorTraffic(deployment: IOnlineDeployment, percent: number): void {
    ({ deployment, percent } = readParams(this, SECURE_ONLINE_ENDPOINT_BASE_MIRROR_TRAFFIC_PARAMS, {
      deployment,
      percent,
    }));
    this.traffic.mirrorTo(deployment.deploymentName, percent, deployment);
  }

  /**
   * `mirrorTraffic` to a deployment given by name: one of this endpoint's deployments made in another stack or
   * outside Terraform. The same limits apply.
   */
  public mirrorTrafficByName(deploymentName: string, percent: number): void {
    ({ deploymentName, percent } = readParams(
      this,
      SECURE_ONLINE_ENDPOINT_BASE_MIRROR_TRAFFIC_BY_NAME_PARAMS,
      {
        deploymentName,
        percent,
      },
    ));
    this.traffic.mirrorTo(deploymentName, percent);
  }

  /**
   * Lets `grantee` call this endpoint, and nothing else: with `AAD_TOKEN` the scoring data action
   * (`onlineEndpoints/score/action`), with `AML_TOKEN` the token action (`onlineEndpoints/token/action`), through
   * one custom role (construct id `InvokeAccess`) assigned on this endpoint only. Refused for `KEY` endpoints
   * (SE310): whoever holds the key can call them. Granting one principal twice returns the first grant.
   */
  public grantInvoke(grantee: IPrincipal): EndpointGrant {
    ({ grantee } = readParams(this, SECURE_ONLINE_ENDPOINT_BASE_GRANT_INVOKE_PARAMS, { grantee }));
    problemsOf(this).record(checkInvokeAuthMode(this.endpointName, this.authMode));
    this.invokeAccess ??= new EndpointInvokeAccess(this, 'InvokeAccess', {
      workspace: this.workspace,
      endpointName: this.endpointName,
      endpointId: this.endpointId,
      authMode: this.authMode,
    });
    return this.invokeAccess.grant(grantee);
  }

  /** The action that empties the traffic before a destroy deletes the deployments (an endpoint created here). */
  public get trafficReset(): TerraformResource | undefined {
    return this.traffic.trafficReset;
  }

  /**
   * The traffic writer (construct id `Traffic`): for an endpoint created here, an `azapi_resource_action`
   * created with the endpoint that PUTs its request with the declared `traffic` and `mirrorTraffic` whenever
   * they change; for one made elsewhere, an `azapi_update_resource` created when the first deployment registers,
   * which merges them into the live maps.
   */
  public get trafficUpdate(): TerraformResource | undefined {
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

  /** {@inheritDoc ISecureOnlineEndpoint.metric} */
  public metric(metricName: string, options?: MetricOptions): Metric {
    ({ metricName, options } = readMetricParams(this, SECURE_ONLINE_ENDPOINT_BASE_METRIC_METHODS.metric, {
      metricName,
      options,
    }));
    return metricOf(ENDPOINT_METRIC_NAMESPACE, ENDPOINT_METRICS, metricName, this.endpointId, options);
  }

  /** {@inheritDoc ISecureOnlineEndpoint.metricRequestLatency} */
  public metricRequestLatency(options?: MetricOptions): Metric {
    return this.namedMetric('metricRequestLatency', ENDPOINT_METRICS.requestLatency.metricName, options);
  }

  /** {@inheritDoc ISecureOnlineEndpoint.metricRequestLatencyP50} */
  public metricRequestLatencyP50(options?: MetricOptions): Metric {
    return this.namedMetric(
      'metricRequestLatencyP50',
      ENDPOINT_METRICS.requestLatencyP50.metricName,
      options,
    );
  }

  /** {@inheritDoc ISecureOnlineEndpoint.metricRequestLatencyP90} */
  public metricRequestLatencyP90(options?: MetricOptions): Metric {
    return this.namedMetric(
      'metricRequestLatencyP90',
      ENDPOINT_METRICS.requestLatencyP90.metricName,
      options,
    );
  }

  /** {@inheritDoc ISecureOnlineEndpoint.metricRequestLatencyP95} */
  public metricRequestLatencyP95(options?: MetricOptions): Metric {
    return this.namedMetric(
      'metricRequestLatencyP95',
      ENDPOINT_METRICS.requestLatencyP95.metricName,
      options,
    );
  }

  /** {@inheritDoc ISecureOnlineEndpoint.metricRequestLatencyP99} */
  public metricRequestLatencyP99(options?: MetricOptions): Metric {
    return this.namedMetric(
      'metricRequestLatencyP99',
      ENDPOINT_METRICS.requestLatencyP99.metricName,
      options,
    );
  }

  /** {@inheritDoc ISecureOnlineEndpoint.metricRequestsPerMinute} */
  public metricRequestsPerMinute(options?: MetricOptions): Metric {
    return this.namedMetric(
      'metricRequestsPerMinute',
      ENDPOINT_METRICS.requestsPerMinute.metricName,
      options,
    );
  }

  /** {@inheritDoc ISecureOnlineEndpoint.metricConnectionsActive} */
  public metricConnectionsActive(options?: MetricOptions): Metric {
    return this.namedMetric(
      'metricConnectionsActive',
      ENDPOINT_METRICS.connectionsActive.metricName,
      options,
    );
  }

  /** {@inheritDoc ISecureOnlineEndpoint.metricNewConnectionsPerSecond} */
  public metricNewConnectionsPerSecond(options?: MetricOptions): Metric {
    return this.namedMetric(
      'metricNewConnectionsPerSecond',
      ENDPOINT_METRICS.newConnectionsPerSecond.metricName,
      options,
    );
  }

  /** {@inheritDoc ISecureOnlineEndpoint.metricNetworkBytes} */
  public metricNetworkBytes(options?: MetricOptions): Metric {
    return this.namedMetric('metricNetworkBytes', ENDPOINT_METRICS.networkBytes.metricName, options);
  }

  /** {@inheritDoc ISecureOnlineEndpoint.metricDataCollectionEventsPerMinute} */
  public metricDataCollectionEventsPerMinute(options?: MetricOptions): Metric {
    return this.namedMetric(
      'metricDataCollectionEventsPerMinute',
      ENDPOINT_METRICS.dataCollectionEventsPerMinute.metricName,
      options,
    );
  }

  /** {@inheritDoc ISecureOnlineEndpoint.metricDataCollectionErrorsPerMinute} */
  public metricDataCollectionErrorsPerMinute(options?: MetricOptions): Metric {
    return this.namedMetric(
      'metricDataCollectionErrorsPerMinute',
      ENDPOINT_METRICS.dataCollectionErrorsPerMinute.metricName,
      options,
    );
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

  /** A metric method's metric, its options read under the method's name. */
  private namedMetric(
    method: keyof typeof SECURE_ONLINE_ENDPOINT_BASE_METRIC_METHODS.methods,
    metricName: string,
    given: MetricOptions | undefined,
  ): Metric {
    const { options } = readMetricParams(this, SECURE_ONLINE_ENDPOINT_BASE_METRIC_METHODS.methods[method], {
      options: given,
    });
    return metricOf(ENDPOINT_METRIC_NAMESPACE, ENDPOINT_METRICS, metricName, this.endpointId, options);
  }
}
