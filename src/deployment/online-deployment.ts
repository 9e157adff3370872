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
import { isKnown, readParams, readProps, readTags, refuse, TAG_LIMITS, problemsOf } from '../checks';
import {
  bool,
  catalogName,
  catalogText,
  construct,
  defineProps,
  instanceOf,
  name,
  num,
  object,
  oneOf,
  provider,
  record,
  tags,
  text,
  without,
} from '../checks/read';
import { registerWithEndpoint } from '../endpoint/deployment-host';
import { IOnlineDeployment, ISecureOnlineEndpoint } from '../endpoint/endpoint-ref';
import { checkDeploymentName } from '../endpoint/names';
import { AssetBindContext, BoundAsset } from './bind-context';
import { CodeConfiguration } from './code-configuration';
import { isoSeconds } from './durations';
import { Duration } from '../core/duration';
import { DurationAlias, readDurations } from '../core/duration-aliases';
import { EgressPublicNetworkAccess } from './egress';
import { Environment } from './environment';
import { AssetRegistry } from './asset-registry';
import { DEPLOYMENT_METRIC_METHODS, DeploymentMetricMethod, deploymentMetric } from './deployment-metrics';
import { Metric, MetricOptions } from '../endpoint/metrics';
import { InstanceCountRange, InstanceScaling } from './instance-scaling';
import { Model } from './model';
import { CreateOnlyChangeGuard, DeploymentReplacementTrigger } from './replacement';
import {
  checkCombination,
  checkInstances,
  checkLegacyEgress,
  checkWhole,
  VM_SIZE,
} from './deployment-checks';
import { INSTANCE_TYPES, InstanceType } from './instance-type';
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
const PROBE = object(
  'ProbeOptions',
  defineProps<ProbeOptions>('ProbeOptions', {
    initialDelay: instanceOf(Duration),
    period: instanceOf(Duration),
    timeout: instanceOf(Duration),
    initialDelaySeconds: NUMBER,
    periodSeconds: NUMBER,
    timeoutSeconds: NUMBER,
    successThreshold: NUMBER,
    failureThreshold: NUMBER,
  }),
);
/** How a deployment's options are read (also for `endpoint.addDeployment` and `BlueDeployment`). */
const ONLINE_DEPLOYMENT_OPTIONS = defineProps<OnlineDeploymentOptions>('OnlineDeploymentOptions', {
  deploymentName: name({
    tokens: 'refuse',
    optional: true,
    why: "it names the deployment in the endpoint's traffic, which is checked at synth",
  }),
  model: instanceOf(Model, { optional: false }),
  code: instanceOf(CodeConfiguration),
  environment: instanceOf(Environment),
  // A size of the SKU list (SE400), an InstanceType, or an expression; text not of a size's form is SE223's.
  instanceType: catalogName({
    ...EXPR,
    catalog: INSTANCE_TYPES,
    classOf: InstanceType,
    code: 'SE400',
    shape: VM_SIZE,
    what: "a VM size (such as 'Standard_DS3_v2')",
  }),
  instanceCount: NUMBER,
  // A Terraform expression is decided at plan time: the traffic update sends `cond ? 100 : 0` (see traffic).
  allTraffic: bool(EXPR),
  requestSettings: object(
    'RequestSettings',
    defineProps<RequestSettings>('RequestSettings', {
      requestTimeout: instanceOf(Duration),
      maxConcurrentRequestsPerInstance: NUMBER,
      maxQueueWait: instanceOf(Duration),
      requestTimeoutMs: NUMBER,
      maxQueueWaitMs: NUMBER,
    }),
  ),
  livenessProbe: PROBE,
  readinessProbe: PROBE,
  environmentVariables: record(EXPR),
  appInsightsEnabled: bool(EXPR),
  egressPublicNetworkAccess: oneOf(EgressPublicNetworkAccess),
  addImageBuildOutboundRules: bool({
    tokens: 'refuse',
    why: "it decides at synth whether the workspace's package-index rules exist and the deployment waits for them",
  }),
  description: text(EXPR),
  tags: tags(),
  provider: provider(),
});
defineProps<OnlineDeploymentProps>('OnlineDeploymentProps', {
  ...ONLINE_DEPLOYMENT_OPTIONS,
  endpoint: construct('an endpoint (SecureOnlineEndpoint or an imported one)'),
});
// BlueDeploymentProps: OnlineDeploymentProps without deploymentName, read by this constructor (name `blue`).
defineProps<Omit<OnlineDeploymentProps, 'deploymentName'>>('BlueDeploymentProps', {
  ...without(ONLINE_DEPLOYMENT_OPTIONS, 'deploymentName'),
  endpoint: construct('an endpoint (SecureOnlineEndpoint or an imported one)'),
});
defineProps<{ instanceRange: InstanceCountRange }>('OnlineDeployment#autoScaleInstanceCount', {
  instanceRange: object(
    'InstanceCountRange',
    defineProps<InstanceCountRange>('InstanceCountRange', { minInstances: NUMBER, maxInstances: NUMBER }),
    { optional: false },
  ),
});

/** What the deployment's model, code and environment were bound to. */
interface BoundAssets {
  /** The model version. */
  readonly model: BoundAsset;
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
    props = readProps(this, 'OnlineDeploymentProps', props);
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
    problemsOf(this).attempt(() => checkDeploymentName(this.deploymentName), undefined);
    problemsOf(this).attempt(() => checkCombination(this.deploymentName, props), undefined);
    problemsOf(this).attempt(() => checkLegacyEgress(this.deploymentName, props, this.endpoint), undefined);
    readTags(this, 'tags', props.tags, TAG_LIMITS.DEFAULT);
    // A token (a Terraform variable) is not checked: its number stand-in would look like a negative count.
    problemsOf(this).attempt(
      () => checkInstances(this.deploymentName, this.instanceCount, catalogText(props.instanceType)),
      undefined,
    );
  }

  /** Binds the model, code and environment, and finds the outbound rules their image build needs. */
  private bindAssets(props: OnlineDeploymentProps): BoundAssets {
    const workspace = this.endpoint.workspace;
    const context: AssetBindContext = {
      workspace,
      defaultNamePrefix: `${this.endpoint.endpointName}-${this.deploymentName}`,
    };
    // A refused asset (a missing local file) is reported with every other problem; construction goes on.
    const unbound = { assetId: '', dependables: [], installsPackages: false };
    const model = problemsOf(this).attempt(() => props.model.bind(this, context), unbound);
    const code = problemsOf(this).attempt(() => props.code?.bind(this, context), unbound);
    const environment = problemsOf(this).attempt(() => props.environment?.bind(this, context), unbound);
    // An MLflow model without an environment gets an image built from the model's own conda dependencies.
    const buildsFromPackages = environment?.installsPackages ?? props.model.isMlflow;
    const imageBuildRules =
      buildsFromPackages && (props.addImageBuildOutboundRules ?? true)
        ? AssetRegistry.of(workspace).packageIndexRules()
        : [];
    return {
      model,
      code,
      environment,
      dependables: [
        ...model.dependables,
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
      model: assets.model.assetId,
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
      requestSettings: problemsOf(this).attempt(
        () => requestSettings(props.requestSettings, name),
        undefined,
      ),
      livenessProbe: problemsOf(this).attempt(
        () => probe(props.livenessProbe, `liveness probe of '${name}'`, true),
        undefined,
      ),
      readinessProbe: problemsOf(this).attempt(
        () => probe(props.readinessProbe, `readiness probe of '${name}'`, false),
        undefined,
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
    ({ instanceRange } = readParams(this, 'OnlineDeployment#autoScaleInstanceCount', { instanceRange }));
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
): OnlineRequestSettings | undefined {
  if (settings === undefined) return undefined;
  const durations = readDurations(`deployment '${name}'`, settings, REQUEST_DURATIONS, 'SE216');
  checkWhole(
    settings.maxConcurrentRequestsPerInstance,
    MAX_CONCURRENT_REQUESTS_LIMITS,
    `maxConcurrentRequestsPerInstance of deployment '${name}'`,
  );
  for (const field of ['requestTimeout', 'maxQueueWait'] as const) {
    checkDurationRange(
      durations[field],
      REQUEST_DURATION_LIMITS[field],
      `of deployment '${name}'`,
      'milliseconds',
    );
  }
  const iso = (field: string): string | undefined => {
    const { value, name: given } = durations[field];
    return value === undefined ? undefined : isoSeconds(value, `${given} of '${name}'`, 'milliseconds');
  };
  return {
    requestTimeout: iso('requestTimeout'),
    maxConcurrentRequestsPerInstance: settings.maxConcurrentRequestsPerInstance,
    maxQueueWait: iso('maxQueueWait'),
  };
}

function probe(
  options: ProbeOptions | undefined,
  what: string,
  liveness: boolean,
): ProbeSettings | undefined {
  if (options === undefined) return undefined;
  const durations = readDurations(`the ${what}`, options, PROBE_DURATIONS, 'SE216');
  for (const field of ['initialDelay', 'period', 'timeout'] as const) {
    checkDurationRange(durations[field], PROBE_DURATION_LIMITS[field], `of the ${what}`, 'seconds');
  }
  for (const field of ['successThreshold', 'failureThreshold'] as const) {
    checkWhole(options[field], PROBE_COUNT_LIMITS[field], `${field} of the ${what}`);
  }
  const success = options.successThreshold;
  if (liveness && isKnown(success) && success !== LIVENESS_SUCCESS_THRESHOLD) {
    refuse(
      'SE216',
      `successThreshold of the ${what} is ${success}: Azure ML fixes a liveness probe's success threshold at 1; ` +
        `remove it or set 1`,
    );
  }
  const seconds = (field: string): string | undefined => {
    const { value, name } = durations[field];
    return value === undefined ? undefined : isoSeconds(value, `${name} of the ${what}`, 'seconds');
  };
  return {
    initialDelay: seconds('initialDelay'),
    period: seconds('period'),
    timeout: seconds('timeout'),
    successThreshold: options.successThreshold,
    failureThreshold: options.failureThreshold,
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
): void {
  const { value, name } = given;
  if (value === undefined || value.isUnresolved()) return;
  const amount = unit === 'milliseconds' ? value.toMilliseconds() : value.toSeconds();
  if (amount >= range.min && amount <= (range.max ?? Number.MAX_SAFE_INTEGER)) return;
  refuse(
    'SE216',
    `${name} ${of} is ${value.toHumanString()}: Azure ML accepts ${describeRange(range)} ${unit}; ` +
      `give a duration in that range`,
  );
}
