import type { Duration } from '../core/duration';
import type { ProviderProps } from '../core/providers';
import type { CodeConfiguration } from './code-configuration';
import type { EgressPublicNetworkAccess } from './egress';
import type { Environment } from './environment';
import type { InstanceType } from './instance-type';
import type { Model } from './model';

// The props a deployment takes besides its endpoint, apart from the construct so that the endpoint's interface
// (addDeployment) can name them without importing the deployment.

/** The CLI's `request_settings`. */
export interface RequestSettings {
  /**
   * Scoring request timeout, whole milliseconds, at most 3 minutes for managed endpoints.
   * @default Duration.seconds(5) (service default)
   */
  readonly requestTimeout?: Duration;
  /** @default 1 (service default) */
  readonly maxConcurrentRequestsPerInstance?: number;
  /** Deprecated for managed endpoints. @default Duration.millis(500) (service default) */
  readonly maxQueueWait?: Duration;
  /**
   * Scoring request timeout in milliseconds.
   * @deprecated Use `requestTimeout: Duration.millis(...)`; removed in the next minor release.
   * @default - `requestTimeout`
   */
  readonly requestTimeoutMs?: number;
  /**
   * Maximum queue wait in milliseconds.
   * @deprecated Use `maxQueueWait: Duration.millis(...)`; removed in the next minor release.
   * @default - `maxQueueWait`
   */
  readonly maxQueueWaitMs?: number;
}

/** The CLI's `liveness_probe` / `readiness_probe`; durations in whole seconds. */
export interface ProbeOptions {
  /** Wait after the container starts before the first probe. @default Duration.seconds(10) (CLI default) */
  readonly initialDelay?: Duration;
  /** Time between probes. @default Duration.seconds(10) (service default) */
  readonly period?: Duration;
  /** Time a probe may take. @default Duration.seconds(2) (service default) */
  readonly timeout?: Duration;
  /** @default 1 (service default) */
  readonly successThreshold?: number;
  /** @default 30 (service default) */
  readonly failureThreshold?: number;
  /**
   * @deprecated Use `initialDelay: Duration.seconds(...)`; removed in the next minor release.
   * @default - `initialDelay`
   */
  readonly initialDelaySeconds?: number;
  /**
   * @deprecated Use `period: Duration.seconds(...)`; removed in the next minor release.
   * @default - `period`
   */
  readonly periodSeconds?: number;
  /**
   * @deprecated Use `timeout: Duration.seconds(...)`; removed in the next minor release.
   * @default - `timeout`
   */
  readonly timeoutSeconds?: number;
}

/**
 * What every deployment is configured with, whatever its name and its share of the traffic: the props
 * `OnlineDeploymentOptions` (any deployment) and `BlueDeploymentProps` (the how-to's `blue`) share.
 */
export interface OnlineDeploymentSettings extends ProviderProps {
  /** The model served. */
  readonly model: Model;
  /**
   * Scoring code; needs an environment. With an MLflow model, code and environment together customise the
   * deployment (no generated script or image). @default none
   */
  readonly code?: CodeConfiguration;
  /** The image the deployment runs in. Required unless the model is MLflow. @default none */
  readonly environment?: Environment;
  /**
   * VM size: text read against Azure ML's managed online endpoints SKU list without case (SE400), an
   * `InstanceType` (`InstanceType.of(name)` for a size the list does not have yet, unchecked), or a Terraform
   * expression (passed through).
   * @default 'Standard_DS3_v2' (the how-to's)
   */
  readonly instanceType?: string | InstanceType;
  /** Number of instances (`sku.capacity`). @default 1 */
  readonly instanceCount?: number;
  /** Scoring request limits. @default service defaults */
  readonly requestSettings?: RequestSettings;
  /** Liveness probe. @default service defaults */
  readonly livenessProbe?: ProbeOptions;
  /** Readiness probe. @default service defaults */
  readonly readinessProbe?: ProbeOptions;
  /** Environment variables of the scoring container. @default none */
  readonly environmentVariables?: { [name: string]: string };
  /** Send scoring logs and metrics to the workspace's Application Insights. @default false */
  readonly appInsightsEnabled?: boolean;
  /**
   * Legacy network isolation only: with a workspace managed network this setting no longer applies; Azure ML
   * advises not to set it. Cannot be changed after creation.
   * @default not set
   */
  readonly egressPublicNetworkAccess?: EgressPublicNetworkAccess;
  /**
   * Under AllowOnlyApprovedOutbound, add the FQDN rules that building an image from a conda file needs
   * (anaconda.com, *.anaconda.com, *.anaconda.org, pypi.org, *.pythonhosted.org): for an environment with a
   * conda file, and for an MLflow model without an environment (Azure ML builds its image from the model's own
   * conda.yaml). Turn off when your own rules (or a private package mirror) cover the build; otherwise the image
   * build fails long after apply starts.
   * @default true
   */
  readonly addImageBuildOutboundRules?: boolean;
  /** Deployment description (`properties.description`). @default none */
  readonly description?: string;
  /** Azure tags of the deployment resource. @default none */
  readonly tags?: { [key: string]: string };
}

/** A deployment's props without its endpoint (for `endpoint.addDeployment`). */
export interface OnlineDeploymentOptions extends OnlineDeploymentSettings {
  /** Deployment name, 3 to 32 characters as for endpoints; unique in the endpoint. @default the construct id in lower case */
  readonly deploymentName?: string;
  /**
   * Take 100 % of the endpoint's traffic once deployed (the CLI's `--all-traffic`), unless the endpoint's
   * `routeTraffic` says otherwise.
   * @default false
   */
  readonly allTraffic?: boolean;
}
