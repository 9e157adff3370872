import { Construct } from 'constructs';
import { useProviders } from '../core/providers';
import { ITerraformDependable, Token } from 'cdktf';
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
import { millisecondsToIso, secondsToIso } from './durations';
import { EgressPublicNetworkAccess } from './egress';
import { Environment } from './environment';
import { AssetRegistry } from './asset-registry';
import { deploymentMetric } from './deployment-metrics';
import { EndpointMetric } from '../endpoint/metrics';
import { InstanceCountRange, InstanceScaling } from './instance-scaling';
import { Model } from './model';
import { CreateOnlyChangeGuard, DeploymentReplacementTrigger } from './replacement';
import { checkCombination, checkInstances, checkLegacyEgress, checkWhole } from './deployment-checks';
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
  instanceType: text({ ...EXPR, what: "a VM size (text such as 'Standard_DS3_v2')" }),
  instanceCount: NUMBER,
  // A Terraform expression is decided at plan time: the traffic update sends `cond ? 100 : 0` (see traffic).
  allTraffic: bool(EXPR),
  requestSettings: object(
    'RequestSettings',
    defineProps<RequestSettings>('RequestSettings', {
      requestTimeoutMs: NUMBER,
      maxConcurrentRequestsPerInstance: NUMBER,
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
defineProps<{ range: InstanceCountRange }>('OnlineDeployment#autoScaleInstanceCount', {
  range: object(
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

/** Longest request timeout Azure ML accepts on managed endpoints. */
const MAX_REQUEST_TIMEOUT_MS = 180_000;

/**
 * A managed online deployment (`workspaces/onlineEndpoints/deployments`). It waits for the workspace's managed
 * network to be provisioned and for its model, code and environment versions, and registers with the endpoint's
 * traffic.
 */
export class OnlineDeployment extends Construct implements IOnlineDeployment {
  /** The deployment name (`blue`). */
  public readonly deploymentName: string;
  /** ARM id of the deployment. */
  public readonly deploymentId: string;
  /** The deployment resource. */
  public readonly resource: AzapiResource;
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
    this.resource = this.createResource(props, body, [...assets.dependables, ...guard.actions]);
    this.deploymentId = this.resource.id;
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
      () => checkInstances(this.deploymentName, this.instanceCount, props.instanceType),
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
      instanceType: props.instanceType ?? 'Standard_DS3_v2',
      description: props.description,
      environmentVariables: props.environmentVariables,
      appInsightsEnabled: props.appInsightsEnabled ?? false,
      egressPublicNetworkAccess: props.egressPublicNetworkAccess?.value,
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
  public autoScaleInstanceCount(range: InstanceCountRange): InstanceScaling {
    ({ range } = readParams(this, 'OnlineDeployment#autoScaleInstanceCount', { range }));
    if (this.scaling !== undefined) {
      problemsOf(this).report(
        'SE303',
        `deployment '${this.deploymentName}' already has an autoscale setting (${this.scaling.node.path}): one ` +
          `deployment takes one setting; add rules to the InstanceScaling the first call returned`,
      );
      return this.scaling;
    }
    this.scaling = new InstanceScaling(this, 'AutoScale', {
      ...range,
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

  /** 50th percentile request latency, in milliseconds (`RequestLatency_P50`). */
  public metricRequestLatencyP50(): EndpointMetric {
    return deploymentMetric(this, 'requestLatencyP50');
  }

  /** 90th percentile request latency, in milliseconds (`RequestLatency_P90`). */
  public metricRequestLatencyP90(): EndpointMetric {
    return deploymentMetric(this, 'requestLatencyP90');
  }

  /** 95th percentile request latency, in milliseconds (`RequestLatency_P95`). */
  public metricRequestLatencyP95(): EndpointMetric {
    return deploymentMetric(this, 'requestLatencyP95');
  }

  /** 99th percentile request latency, in milliseconds (`RequestLatency_P99`). */
  public metricRequestLatencyP99(): EndpointMetric {
    return deploymentMetric(this, 'requestLatencyP99');
  }

  /** Requests sent to the deployment within a minute (`RequestsPerMinute`, by `envoy_response_code`). */
  public metricRequestsPerMinute(): EndpointMetric {
    return deploymentMetric(this, 'requestsPerMinute');
  }

  /** CPU utilization of each instance, in percent (`CpuUtilizationPercentage`, by `instanceId`). */
  public metricCpuUtilization(): EndpointMetric {
    return deploymentMetric(this, 'cpuUtilizationPercentage');
  }

  /** Memory utilization of each instance, in percent (`CpuMemoryUtilizationPercentage`, by `instanceId`). */
  public metricMemoryUtilization(): EndpointMetric {
    return deploymentMetric(this, 'cpuMemoryUtilizationPercentage');
  }

  /** Disk utilization of each instance, in percent (`DiskUtilization`, by `instanceId`, `disk`). */
  public metricDiskUtilization(): EndpointMetric {
    return deploymentMetric(this, 'diskUtilization');
  }

  /** GPU utilization of each instance, in percent (`GpuUtilizationPercentage`, by `instanceId`). */
  public metricGpuUtilization(): EndpointMetric {
    return deploymentMetric(this, 'gpuUtilizationPercentage');
  }

  /** GPU memory utilization of each instance, in percent (`GpuMemoryUtilizationPercentage`). */
  public metricGpuMemoryUtilization(): EndpointMetric {
    return deploymentMetric(this, 'gpuMemoryUtilizationPercentage');
  }

  /** Energy used by each GPU node per minute, in joules (`GpuEnergyJoules`, by `instanceId`). */
  public metricGpuEnergy(): EndpointMetric {
    return deploymentMetric(this, 'gpuEnergyJoules');
  }

  /** Instances in the deployment (`DeploymentCapacity`, by `instanceId`, `State`). */
  public metricDeploymentCapacity(): EndpointMetric {
    return deploymentMetric(this, 'deploymentCapacity');
  }

  /** Data collection events processed per minute (`DataCollectionEventsPerMinute`). */
  public metricDataCollectionEventsPerMinute(): EndpointMetric {
    return deploymentMetric(this, 'dataCollectionEventsPerMinute');
  }

  /** Data collection events dropped per minute (`DataCollectionErrorsPerMinute`). */
  public metricDataCollectionErrorsPerMinute(): EndpointMetric {
    return deploymentMetric(this, 'dataCollectionErrorsPerMinute');
  }
}

function requestSettings(
  settings: RequestSettings | undefined,
  name: string,
): OnlineRequestSettings | undefined {
  if (settings === undefined) return undefined;
  const timeout = settings.requestTimeoutMs;
  checkWhole(
    settings.maxConcurrentRequestsPerInstance,
    1,
    `maxConcurrentRequestsPerInstance of deployment '${name}'`,
  );
  if (isKnown(timeout) && timeout > MAX_REQUEST_TIMEOUT_MS) {
    refuse(
      'SE216',
      `requestTimeoutMs of deployment '${name}' is ${timeout}: managed online endpoints allow at most ` +
        `${MAX_REQUEST_TIMEOUT_MS} ms; lower it`,
    );
  }
  return {
    requestTimeout:
      timeout === undefined ? undefined : millisecondsToIso(timeout, `requestTimeoutMs of '${name}'`),
    maxConcurrentRequestsPerInstance: settings.maxConcurrentRequestsPerInstance,
    maxQueueWait:
      settings.maxQueueWaitMs === undefined
        ? undefined
        : millisecondsToIso(settings.maxQueueWaitMs, `maxQueueWaitMs of '${name}'`),
  };
}

function probe(
  options: ProbeOptions | undefined,
  what: string,
  liveness: boolean,
): ProbeSettings | undefined {
  if (options === undefined) return undefined;
  checkWhole(options.periodSeconds, 1, `periodSeconds of the ${what}`);
  checkWhole(options.timeoutSeconds, 1, `timeoutSeconds of the ${what}`);
  checkWhole(options.failureThreshold, 1, `failureThreshold of the ${what}`);
  checkWhole(options.successThreshold, 1, `successThreshold of the ${what}`);
  const success = options.successThreshold;
  if (liveness && isKnown(success) && success !== 1) {
    refuse(
      'SE216',
      `successThreshold of the ${what} is ${success}: Azure ML fixes a liveness probe's success threshold at 1; ` +
        `remove it or set 1`,
    );
  }
  const seconds = (value: number | undefined, field: string): string | undefined =>
    value === undefined ? undefined : secondsToIso(value, `${field} of the ${what}`);
  return {
    initialDelay: seconds(options.initialDelaySeconds, 'initialDelaySeconds'),
    period: seconds(options.periodSeconds, 'periodSeconds'),
    timeout: seconds(options.timeoutSeconds, 'timeoutSeconds'),
    successThreshold: options.successThreshold,
    failureThreshold: options.failureThreshold,
  };
}
