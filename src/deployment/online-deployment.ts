import { Construct } from 'constructs';
import { useProviders } from '../core/providers';
import { ITerraformDependable, TerraformResource, Token } from 'cdktf';
import {
  ManagedOnlineDeploymentProperties,
  OnlineDeploymentBody,
  OnlineRequestSettings,
  ProbeSettings,
} from '../arm';
import { AzapiResource } from '../azapi';
import {
  isKnown,
  readParams,
  readProps,
  readTags,
  TAG_LIMITS,
  problemsOf,
  problem,
  Problems,
  firstProblem,
  Checked,
} from '../checks';
import { catalogText, construct, defineProps, num, object, without } from '../checks/read';
import { registerWithEndpoint } from '../endpoint/deployment-host';
import { IOnlineDeployment, ISecureOnlineEndpoint } from '../endpoint/endpoint-ref';
import { checkDeploymentName } from '../endpoint/names';
import { AssetBindContext, BoundAsset } from './bind-context';
import { isoSeconds } from './durations';
import { Duration } from '../core/duration';
import { DurationAlias, readDurations } from '../core/duration-aliases';
import { AssetRegistry } from './asset-registry';
import { DEPLOYMENT_METRIC_METHODS, DeploymentMetricMethod, deploymentMetric } from './deployment-metrics';
import { Metric, MetricOptions } from '../endpoint/metrics';
import { InstanceCountRange, InstanceScaling } from './instance-scaling';
import { CreateOnlyChangeGuard, DeploymentReplacementTrigger } from './replacement';
import { checkCombination, checkInstances, checkLegacyEgress, checkWhole } from './deployment-checks';
import { InstanceType } from './instance-type';
import {
  describeRange,
  LIVENESS_SUCCESS_THRESHOLD,
  MAX_CONCURRENT_REQUESTS_LIMITS,
  PROBE_COUNT_LIMITS,
  PROBE_DURATION_LIMITS,
  REQUEST_DURATION_LIMITS,
  WholeRange,
} from './deployment-limits';
import type { OnlineDeploymentOptions, ProbeOptions, RequestSettings } from './deployment-options';
import { ONLINE_DEPLOYMENT_OPTIONS } from './deployment-options-schema';

export { MAX_INSTANCE_COUNT } from './deployment-checks';

export type { OnlineDeploymentOptions, ProbeOptions, RequestSettings } from './deployment-options';

/** Props of `OnlineDeployment`. */
export interface OnlineDeploymentProps extends OnlineDeploymentOptions {
  /** The endpoint the deployment belongs to. */
  readonly endpoint: ISecureOnlineEndpoint;
}

const EXPR = { tokens: 'expression' } as const;
// Numbers are checked by the deployment's own rules (SE216), which skip a Terraform expression; it is sent as is.
const NUMBER = num(EXPR);
export const ONLINE_DEPLOYMENT_PROPS = defineProps<OnlineDeploymentProps>('OnlineDeploymentProps', {
  ...ONLINE_DEPLOYMENT_OPTIONS,
  endpoint: construct('an endpoint (SecureOnlineEndpoint or an imported one)'),
});
// BlueDeploymentProps: OnlineDeploymentProps without deploymentName, read by this constructor (name `blue`).
export const BLUE_DEPLOYMENT_PROPS = defineProps<Omit<OnlineDeploymentProps, 'deploymentName'>>(
  'BlueDeploymentProps',
  {
    ...without(ONLINE_DEPLOYMENT_OPTIONS, 'deploymentName'),
    endpoint: construct('an endpoint (SecureOnlineEndpoint or an imported one)'),
  },
);
export const ONLINE_DEPLOYMENT_AUTO_SCALE_INSTANCE_COUNT_PARAMS = defineProps<{
  instanceRange: InstanceCountRange;
}>('OnlineDeployment#autoScaleInstanceCount', {
  instanceRange: object(
    'InstanceCountRange',
    defineProps<InstanceCountRange>('InstanceCountRange', { minInstances: NUMBER, maxInstances: NUMBER }),
    { optional: false },
  ),
});

/** What the deployment's model, code and environment were bound to. */
interface BoundAssets {
  /** The model version. @default none: the model could not be bound (its problem is recorded) */
  readonly model?: BoundAsset;
  /** The code version. @default none: no code, or the code was refused */
  readonly code?: BoundAsset;
  /** The environment version. @default none: no environment, or the environment was refused */
  readonly environment?: BoundAsset;
  /** The asset versions and uploads, then the package-index rules the image build needs. */
  readonly dependables: ITerraformDependable[];
}

// The unit-suffixed spellings of the request settings and probes, kept for one minor release.
const MILLIS = { unit: Duration.millis, unitLabel: 'milliseconds' } as const;
const SECONDS = { unit: Duration.seconds, unitLabel: 'seconds' } as const;
const REQUEST_DURATIONS: readonly DurationAlias<RequestSettings>[] = [
  { prop: 'requestTimeout', alias: 'requestTimeoutMs', ...MILLIS },
  { prop: 'maxQueueWait', alias: 'maxQueueWaitMs', ...MILLIS },
];
const PROBE_DURATIONS: readonly DurationAlias<ProbeOptions>[] = [
  { prop: 'initialDelay', alias: 'initialDelaySeconds', ...SECONDS },
  { prop: 'period', alias: 'periodSeconds', ...SECONDS },
  { prop: 'timeout', alias: 'timeoutSeconds', ...SECONDS },
];

/**
 * A managed online deployment (`workspaces/onlineEndpoints/deployments`). It waits for the workspace's managed
 * network to be provisioned and for its model, code and environment versions, and registers with the endpoint's
 * traffic.
 *
 * @example
 * const green = new OnlineDeployment(this, 'Green', {
 *   endpoint,
 *   model: Model.fromAssetId('azureml:model-1:2'),
 *   environment: Environment.fromAssetId('azureml:env-1:1'),
 *   requestSettings: { requestTimeout: Duration.seconds(10) },
 * });
 * endpoint.routeTraffic({ blue: 90, green: 10 });
 */
export class OnlineDeployment extends Construct implements IOnlineDeployment {
  /** {@inheritDoc IOnlineDeployment.deploymentName} */
  public readonly deploymentName: string;
  /** {@inheritDoc IOnlineDeployment.deploymentId} */
  public readonly deploymentId: string;
  /** The deployment's `azapi_resource` (construct id `Resource`), for overrides (`addOverride`). */
  public readonly resource: TerraformResource;
  /**
   * Replaced when a property Azure sets only at creation changes; its replacement makes the deployment's
   * `CreateOnlyChange` guard recreate the deployment (or stop the plan while it serves traffic).
   */
  private readonly replacementTrigger: DeploymentReplacementTrigger;
  /** The endpoint the deployment belongs to. */
  public readonly endpoint: ISecureOnlineEndpoint;
  /** The instance count the deployment is created with (`sku.capacity`). */
  public readonly instanceCount: number;
  private scaling?: InstanceScaling;

  constructor(scope: Construct, id: string, props: OnlineDeploymentProps) {
    super(scope, id);
    props = readProps(this, ONLINE_DEPLOYMENT_PROPS, props);
    useProviders(this, props.provider);
    this.endpoint = props.endpoint;
    this.deploymentName = props.deploymentName ?? id.toLowerCase();
    this.instanceCount = props.instanceCount ?? 1;
    this.validateProps(props);

    const assets = this.bindAssets(props);
    const body = this.renderBody(props, assets);
    this.replacementTrigger = new DeploymentReplacementTrigger(this, 'CreateOnlyProperties', body.properties);
    const guard = this.guardCreateOnlyChanges(props, body);
    const resource = this.createResource(props, body, [...assets.dependables, ...guard.actions]);
    this.resource = resource;
    this.deploymentId = resource.id;
    registerWithEndpoint(this.endpoint, this, { allTraffic: props.allTraffic ?? false });
  }

  /** Checks on what the user gave, reported together at synth. */
  private validateProps(props: OnlineDeploymentProps): void {
    problemsOf(this).record(checkDeploymentName(this.deploymentName));
    problemsOf(this).record(checkCombination(this.deploymentName, props));
    problemsOf(this).record(checkLegacyEgress(this.deploymentName, props, this.endpoint));
    readTags(this, 'tags', props.tags, TAG_LIMITS.DEFAULT);
    // A token (a Terraform variable) is not checked: its number stand-in would look like a negative count.
    problemsOf(this).record(
      checkInstances(this.deploymentName, this.instanceCount, catalogText(props.instanceType)),
    );
  }

  /** Binds the model, code and environment, and finds the outbound rules their image build needs. */
  private bindAssets(props: OnlineDeploymentProps): BoundAssets {
    const workspace = this.endpoint.workspace;
    const context: AssetBindContext = {
      workspace,
      defaultNamePrefix: `${this.endpoint.endpointName}-${this.deploymentName}`,
    };
    // An asset that cannot be bound (a missing local file) records its problem on this deployment and binds to
    // nothing; construction goes on, so that one synth lists every problem (and writes nothing).
    const model = props.model.bind(this, context);
    const code = props.code?.bind(this, context);
    const environment = props.environment?.bind(this, context);
    // An MLflow model without an environment gets an image built from the model's own conda dependencies.
    const buildsFromPackages =
      props.environment === undefined ? props.model.isMlflow : (environment?.installsPackages ?? false);
    const imageBuildRules =
      buildsFromPackages && (props.addImageBuildOutboundRules ?? true)
        ? AssetRegistry.of(workspace).packageIndexRules()
        : [];
    return {
      model,
      code,
      environment,
      dependables: [
        ...(model?.dependables ?? []),
        ...(code?.dependables ?? []),
        ...(environment?.dependables ?? []),
        ...imageBuildRules,
      ],
    };
  }

  /** The deployment's ARM body, from the props and the bound assets. */
  private renderBody(props: OnlineDeploymentProps, assets: BoundAssets): OnlineDeploymentBody {
    const { code, environment } = assets;
    const name = this.deploymentName;
    const properties: ManagedOnlineDeploymentProperties = {
      endpointComputeType: 'Managed',
      model: assets.model?.assetId,
      codeConfiguration:
        code === undefined || props.code === undefined
          ? undefined
          : { codeId: code.assetId, scoringScript: props.code.scoringScript },
      environmentId: environment?.assetId,
      instanceType: catalogText(props.instanceType) ?? InstanceType.STANDARD_DS3_V2.value,
      description: props.description,
      environmentVariables: props.environmentVariables,
      appInsightsEnabled: props.appInsightsEnabled ?? false,
      egressPublicNetworkAccess: props.egressPublicNetworkAccess?._armValue,
      requestSettings: problemsOf(this).take(requestSettings(props.requestSettings, name)),
      livenessProbe: problemsOf(this).take(probe(props.livenessProbe, `liveness probe of '${name}'`, true)),
      readinessProbe: problemsOf(this).take(
        probe(props.readinessProbe, `readiness probe of '${name}'`, false),
      ),
    };
    return { sku: { name: 'Default', capacity: this.instanceCount }, properties };
  }

  /** What makes a change of a create-only property safe on live state (see CreateOnlyChangeGuard). */
  private guardCreateOnlyChanges(
    props: OnlineDeploymentProps,
    body: OnlineDeploymentBody,
  ): CreateOnlyChangeGuard {
    const { endpoint } = this;
    const workspace = endpoint.workspace;
    return new CreateOnlyChangeGuard(this, 'CreateOnlyChange', {
      apiVersion: workspace.apiVersion,
      endpointId: endpoint.endpointId,
      endpointName: endpoint.endpointName,
      // A literal id as it is; a reference to the endpoint resource rebuilt from the workspace (see the guard).
      liveEndpointId: Token.isUnresolved(endpoint.endpointId)
        ? `${workspace.workspaceId}/onlineEndpoints/${endpoint.endpointName}`
        : endpoint.endpointId,
      deploymentName: this.deploymentName,
      request: { ...body, location: workspace.location, tags: props.tags },
      trigger: this.replacementTrigger,
    });
  }

  private createResource(
    props: OnlineDeploymentProps,
    body: OnlineDeploymentBody,
    waitsFor: ITerraformDependable[],
  ): AzapiResource {
    const { endpoint } = this;
    const workspace = endpoint.workspace;
    return new AzapiResource(this, 'Resource', {
      type: workspace.apiVersion.resourceType('workspaces/onlineEndpoints/deployments'),
      name: this.deploymentName,
      parentId: endpoint.endpointId,
      location: workspace.location,
      body,
      tags: props.tags,
      // "You can't create online deployments until you provision the managed network."
      dependsOn: [...workspace.managedNetworkReady, ...waitsFor],
      // Azure ML runs one operation at a time per endpoint: deployments of one endpoint (and its traffic update)
      // take the endpoint's azapi lock instead of failing with a conflict when Terraform runs them in parallel.
      locks: [endpoint.endpointId],
      // Image builds and VM allocation routinely take longer than azapi's 30-minute default.
      timeouts: { create: '120m', update: '120m', delete: '60m' },
      // Never replaced by Terraform (see CreateOnlyChangeGuard). Removed from the code, it is deleted only after
      // the endpoint's traffic writer, which depended on it, has moved its traffic away: Terraform orders the
      // destroy of a create_before_destroy object after the updates of its dependents.
      lifecycle: { createBeforeDestroy: true },
    });
  }

  /**
   * Scales the deployment's instances between `minInstances` and `maxInstances` with Azure Monitor autoscale,
   * starting from `instanceCount`; add rules on the result (`scaleOnCpuUtilization`, `scaleOnRequestLatency`,
   * `scaleOnSchedule`). One autoscale setting per deployment (construct id `AutoScale`): a second call is
   * refused (SE303). From then on the deployment ignores drift of `sku.capacity`, which autoscale owns
   * (`lifecycle.ignore_changes`; adding autoscale sends nothing to the deployment).
   */
  public autoScaleInstanceCount(instanceRange: InstanceCountRange): InstanceScaling {
    ({ instanceRange } = readParams(this, ONLINE_DEPLOYMENT_AUTO_SCALE_INSTANCE_COUNT_PARAMS, {
      instanceRange,
    }));
    if (this.scaling !== undefined) {
      problemsOf(this).report(
        'SE303',
        `deployment '${this.deploymentName}' already has an autoscale setting (${this.scaling.node.path}): one ` +
          `deployment takes one setting; add rules to the InstanceScaling the first call returned`,
      );
      return this.scaling;
    }
    this.scaling = new InstanceScaling(this, 'AutoScale', {
      ...instanceRange,
      endpoint: this.endpoint,
      deploymentName: this.deploymentName,
      deploymentId: this.deploymentId,
      defaultInstances: this.instanceCount,
      deployment: this.resource,
    });
    // Autoscale changes the capacity in Azure; without this the next apply would set it back. Terraform's own
    // ignore_changes, not azapi's ignore_body_changes: a change of that argument is a change of the resource, so
    // adding autoscale would send the deployment again (a rolling update in Azure for nothing); lifecycle
    // arguments are no part of the resource.
    const lifecycle = this.resource.lifecycle ?? {};
    this.resource.lifecycle = {
      ...lifecycle,
      ignoreChanges: [...((lifecycle.ignoreChanges as string[] | undefined) ?? []), 'body.sku.capacity'],
    };
    return this.scaling;
  }

  /** The deployment resource's address, so the traffic update (and users) can depend on the deployment. */
  public get fqn(): string {
    return this.resource.fqn;
  }

  /** {@inheritDoc IOnlineDeployment.metric} */
  public metric(metricName: string, options?: MetricOptions): Metric {
    return deploymentMetric(this, this.deploymentId, 'metric', metricName, options);
  }

  /** {@inheritDoc IOnlineDeployment.metricRequestLatencyP50} */
  public metricRequestLatencyP50(options?: MetricOptions): Metric {
    return this.namedMetric('metricRequestLatencyP50', options);
  }

  /** {@inheritDoc IOnlineDeployment.metricRequestLatencyP90} */
  public metricRequestLatencyP90(options?: MetricOptions): Metric {
    return this.namedMetric('metricRequestLatencyP90', options);
  }

  /** {@inheritDoc IOnlineDeployment.metricRequestLatencyP95} */
  public metricRequestLatencyP95(options?: MetricOptions): Metric {
    return this.namedMetric('metricRequestLatencyP95', options);
  }

  /** {@inheritDoc IOnlineDeployment.metricRequestLatencyP99} */
  public metricRequestLatencyP99(options?: MetricOptions): Metric {
    return this.namedMetric('metricRequestLatencyP99', options);
  }

  /** {@inheritDoc IOnlineDeployment.metricRequestsPerMinute} */
  public metricRequestsPerMinute(options?: MetricOptions): Metric {
    return this.namedMetric('metricRequestsPerMinute', options);
  }

  /** {@inheritDoc IOnlineDeployment.metricCpuUtilization} */
  public metricCpuUtilization(options?: MetricOptions): Metric {
    return this.namedMetric('metricCpuUtilization', options);
  }

  /** {@inheritDoc IOnlineDeployment.metricMemoryUtilization} */
  public metricMemoryUtilization(options?: MetricOptions): Metric {
    return this.namedMetric('metricMemoryUtilization', options);
  }

  /** {@inheritDoc IOnlineDeployment.metricDiskUtilization} */
  public metricDiskUtilization(options?: MetricOptions): Metric {
    return this.namedMetric('metricDiskUtilization', options);
  }

  /** {@inheritDoc IOnlineDeployment.metricGpuUtilization} */
  public metricGpuUtilization(options?: MetricOptions): Metric {
    return this.namedMetric('metricGpuUtilization', options);
  }

  /** {@inheritDoc IOnlineDeployment.metricGpuMemoryUtilization} */
  public metricGpuMemoryUtilization(options?: MetricOptions): Metric {
    return this.namedMetric('metricGpuMemoryUtilization', options);
  }

  /** {@inheritDoc IOnlineDeployment.metricGpuEnergy} */
  public metricGpuEnergy(options?: MetricOptions): Metric {
    return this.namedMetric('metricGpuEnergy', options);
  }

  /** {@inheritDoc IOnlineDeployment.metricDeploymentCapacity} */
  public metricDeploymentCapacity(options?: MetricOptions): Metric {
    return this.namedMetric('metricDeploymentCapacity', options);
  }

  /** {@inheritDoc IOnlineDeployment.metricDataCollectionEventsPerMinute} */
  public metricDataCollectionEventsPerMinute(options?: MetricOptions): Metric {
    return this.namedMetric('metricDataCollectionEventsPerMinute', options);
  }

  /** {@inheritDoc IOnlineDeployment.metricDataCollectionErrorsPerMinute} */
  public metricDataCollectionErrorsPerMinute(options?: MetricOptions): Metric {
    return this.namedMetric('metricDataCollectionErrorsPerMinute', options);
  }

  private namedMetric(method: DeploymentMetricMethod, options: MetricOptions | undefined): Metric {
    const { metricName } = DEPLOYMENT_METRIC_METHODS[method];
    return deploymentMetric(this, this.deploymentId, method, metricName, options);
  }
}

function requestSettings(
  settings: RequestSettings | undefined,
  name: string,
): Checked<OnlineRequestSettings | undefined> {
  if (settings === undefined) return { value: undefined, problems: [] };
  const durations = readDurations(`deployment '${name}'`, settings, REQUEST_DURATIONS, 'SE216');
  const iso = (field: string): Checked<string | undefined> => {
    const { value, name: given } = durations.values[field];
    return value === undefined
      ? { value: undefined, problems: [] }
      : isoSeconds(value, `${given} of '${name}'`, 'milliseconds');
  };
  const [requestTimeout, maxQueueWait] = [iso('requestTimeout'), iso('maxQueueWait')];
  return {
    value: {
      requestTimeout: requestTimeout.value,
      maxConcurrentRequestsPerInstance: settings.maxConcurrentRequestsPerInstance,
      maxQueueWait: maxQueueWait.value,
    },
    // The settings are one rule as users read them: the first problem is reported.
    problems: firstProblem(
      durations.problems,
      checkWhole(
        settings.maxConcurrentRequestsPerInstance,
        MAX_CONCURRENT_REQUESTS_LIMITS,
        `maxConcurrentRequestsPerInstance of deployment '${name}'`,
      ),
      ...(['requestTimeout', 'maxQueueWait'] as const).map((field) =>
        checkDurationRange(
          durations.values[field],
          REQUEST_DURATION_LIMITS[field],
          `of deployment '${name}'`,
          'milliseconds',
        ),
      ),
      requestTimeout.problems,
      maxQueueWait.problems,
    ),
  };
}

function probe(
  options: ProbeOptions | undefined,
  what: string,
  liveness: boolean,
): Checked<ProbeSettings | undefined> {
  if (options === undefined) return { value: undefined, problems: [] };
  const durations = readDurations(`the ${what}`, options, PROBE_DURATIONS, 'SE216');
  const success = options.successThreshold;
  const fixedSuccess =
    liveness && isKnown(success) && success !== LIVENESS_SUCCESS_THRESHOLD
      ? [
          problem(
            'SE216',
            `successThreshold of the ${what} is ${success}: Azure ML fixes a liveness probe's success threshold ` +
              `at 1; remove it or set 1`,
          ),
        ]
      : [];
  const seconds = (field: string): Checked<string | undefined> => {
    const { value, name } = durations.values[field];
    return value === undefined
      ? { value: undefined, problems: [] }
      : isoSeconds(value, `${name} of the ${what}`, 'seconds');
  };
  const [initialDelay, period, timeout] = [seconds('initialDelay'), seconds('period'), seconds('timeout')];
  return {
    value: {
      initialDelay: initialDelay.value,
      period: period.value,
      timeout: timeout.value,
      successThreshold: options.successThreshold,
      failureThreshold: options.failureThreshold,
    },
    // The probe is one rule as users read it: the first problem is reported.
    problems: firstProblem(
      durations.problems,
      ...(['initialDelay', 'period', 'timeout'] as const).map((field) =>
        checkDurationRange(
          durations.values[field],
          PROBE_DURATION_LIMITS[field],
          `of the ${what}`,
          'seconds',
        ),
      ),
      ...(['successThreshold', 'failureThreshold'] as const).map((field) =>
        checkWhole(options[field], PROBE_COUNT_LIMITS[field], `${field} of the ${what}`),
      ),
      fixedSuccess,
      initialDelay.problems,
      period.problems,
      timeout.problems,
    ),
  };
}

/**
 * SE216 when a known duration is outside the range Azure ML documents (`deployment-limits.ts`), in the unit the
 * service counts it in. Fractions of the unit are refused where the duration is rendered (`isoSeconds`).
 */
function checkDurationRange(
  given: { readonly value?: Duration; readonly name: string },
  range: WholeRange,
  of: string,
  unit: 'milliseconds' | 'seconds',
): Problems {
  const { value, name } = given;
  if (value === undefined || value.isUnresolved()) return [];
  const amount = unit === 'milliseconds' ? value.toMilliseconds() : value.toSeconds();
  if (amount >= range.min && amount <= (range.max ?? Number.MAX_SAFE_INTEGER)) return [];
  return [
    problem(
      'SE216',
      `${name} ${of} is ${value.toHumanString()}: Azure ML accepts ${describeRange(range)} ${unit}; ` +
        `give a duration in that range`,
    ),
  ];
  return [];
}
