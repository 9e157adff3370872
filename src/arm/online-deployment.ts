import { PublicNetworkAccessType, Sku, StringMap } from './common';

/** ISO 8601 duration, e.g. `PT5S`. */
export type IsoDuration = string;

export interface CodeConfigurationProperties {
  readonly codeId?: string;
  readonly scoringScript: string;
}

export interface OnlineRequestSettings {
  readonly requestTimeout?: IsoDuration;
  readonly maxConcurrentRequestsPerInstance?: number;
  readonly maxQueueWait?: IsoDuration;
}

export interface ProbeSettings {
  readonly initialDelay?: IsoDuration;
  readonly period?: IsoDuration;
  readonly timeout?: IsoDuration;
  readonly successThreshold?: number;
  readonly failureThreshold?: number;
}

export interface DefaultScaleSettings {
  readonly scaleType: 'Default';
}

export interface ManagedOnlineDeploymentProperties {
  readonly endpointComputeType: 'Managed';
  readonly model?: string;
  readonly environmentId?: string;
  readonly codeConfiguration?: CodeConfigurationProperties;
  readonly instanceType?: string;
  readonly description?: string;
  readonly environmentVariables?: StringMap;
  readonly properties?: StringMap;
  readonly appInsightsEnabled?: boolean;
  /** Legacy network isolation; does not apply with a workspace managed network. */
  readonly egressPublicNetworkAccess?: PublicNetworkAccessType;
  readonly requestSettings?: OnlineRequestSettings;
  readonly livenessProbe?: ProbeSettings;
  readonly readinessProbe?: ProbeSettings;
  readonly scaleSettings?: DefaultScaleSettings;
  readonly modelMountPath?: string;
}

/** Body of `workspaces/onlineEndpoints/deployments` (location, tags, identity are azapi attributes). */
export interface OnlineDeploymentBody {
  readonly sku: Sku;
  readonly kind?: string;
  readonly properties: ManagedOnlineDeploymentProperties;
}
