import { PublicNetworkAccessType, Sku, StringMap } from './common';

/** ISO 8601 duration, e.g. `PT5S`. */
export type IsoDuration = string;

/** `properties.codeConfiguration` of a deployment. */
export interface CodeConfigurationProperties {
  /** ARM id of the code version. @default none */
  readonly codeId?: string;
  /** Path of the scoring script inside the code folder, e.g. `score.py`. */
  readonly scoringScript: string;
}

/** `properties.requestSettings` of a deployment. */
export interface OnlineRequestSettings {
  /** Scoring request timeout. @default PT5S */
  readonly requestTimeout?: IsoDuration;
  /** Concurrent requests per instance. @default 1 */
  readonly maxConcurrentRequestsPerInstance?: number;
  /** Deprecated for managed endpoints. @default PT0.5S */
  readonly maxQueueWait?: IsoDuration;
}

/** A liveness or readiness probe of a deployment. */
export interface ProbeSettings {
  /** Delay before the first probe. @default PT10S */
  readonly initialDelay?: IsoDuration;
  /** Interval between probes. @default PT10S */
  readonly period?: IsoDuration;
  /** Probe timeout. @default PT2S */
  readonly timeout?: IsoDuration;
  /** Successes before healthy. @default 1 */
  readonly successThreshold?: number;
  /** Failures before unhealthy. @default 30 */
  readonly failureThreshold?: number;
}

/** `properties.scaleSettings` for a fixed instance count. */
export interface DefaultScaleSettings {
  /** Always `Default`: a fixed instance count (`sku.capacity`). */
  readonly scaleType: 'Default';
}

/** `properties` of a managed online deployment. */
export interface ManagedOnlineDeploymentProperties {
  /** Always `Managed`: a managed online deployment. */
  readonly endpointComputeType: 'Managed';
  /** ARM id (or `azureml://` URI) of the model version. @default none */
  readonly model?: string;
  /** ARM id (or `azureml://` URI) of the environment version. @default none (MLflow) */
  readonly environmentId?: string;
  /** Scoring code and script. @default none (MLflow) */
  readonly codeConfiguration?: CodeConfigurationProperties;
  /** VM size. @default Standard_DS3_v2 (this library) */
  readonly instanceType?: string;
  /** Free-text description. @default none */
  readonly description?: string;
  /** Environment variables of the scoring container. @default none */
  readonly environmentVariables?: StringMap;
  /** The nested properties object of this part of the body. @default none */
  readonly properties?: StringMap;
  /** Send scoring logs and metrics to Application Insights. @default false */
  readonly appInsightsEnabled?: boolean;
  /** Legacy network isolation; does not apply with a workspace managed network. @default not sent */
  readonly egressPublicNetworkAccess?: PublicNetworkAccessType;
  /** Scoring request limits. @default service defaults */
  readonly requestSettings?: OnlineRequestSettings;
  /** Liveness probe. @default service defaults */
  readonly livenessProbe?: ProbeSettings;
  /** Readiness probe. @default service defaults */
  readonly readinessProbe?: ProbeSettings;
  /** Node count and scale-down delay. @default Default */
  readonly scaleSettings?: DefaultScaleSettings;
  /** Where the model is mounted in the container. @default /var/azureml-app/azureml-models */
  readonly modelMountPath?: string;
}

/** Body of `workspaces/onlineEndpoints/deployments` (location, tags, identity are azapi attributes). */
export interface OnlineDeploymentBody {
  /** `{ name: "Default", capacity }` for managed deployments. */
  readonly sku: Sku;
  /** Resource kind. @default none */
  readonly kind?: string;
  /** The nested properties object of this part of the body. */
  readonly properties: ManagedOnlineDeploymentProperties;
}

/**
 * A whole `workspaces/onlineEndpoints/deployments` PUT request, as sent by an `azapi_resource_action` (which takes
 * the envelope in its body, unlike `azapi_resource`).
 */
export interface OnlineDeploymentPutBody extends OnlineDeploymentBody {
  /** Azure region. */
  readonly location: string;
  /** Azure tags of the deployment. @default none */
  readonly tags?: { readonly [key: string]: string };
}
