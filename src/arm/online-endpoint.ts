import { ManagedServiceIdentity, PublicNetworkAccessType, StringMap } from './common';

export type EndpointAuthModeValue = 'Key' | 'AMLToken' | 'AADToken';

/** Map from deployment name to percent. */
export type TrafficMap = { readonly [deploymentName: string]: number };

export interface OnlineEndpointProperties {
  readonly authMode: EndpointAuthModeValue;
  readonly description?: string;
  readonly publicNetworkAccess?: PublicNetworkAccessType;
  readonly traffic?: TrafficMap;
  readonly mirrorTraffic?: TrafficMap;
  readonly properties?: StringMap;
}

/** Body of `workspaces/onlineEndpoints` (location, tags, identity are azapi attributes). */
export interface OnlineEndpointBody {
  readonly kind?: string;
  readonly properties: OnlineEndpointProperties;
}

/** Body of the traffic update applied after deployments exist. */
export interface OnlineEndpointTrafficUpdateBody {
  readonly properties: {
    readonly traffic: TrafficMap;
    readonly mirrorTraffic?: TrafficMap;
  };
}

/**
 * A whole `workspaces/onlineEndpoints` PUT request, as sent by an `azapi_resource_action` (which takes the
 * envelope in its body, unlike `azapi_resource`).
 */
export interface OnlineEndpointPutBody extends OnlineEndpointBody {
  readonly location: string;
  readonly identity: ManagedServiceIdentity;
  readonly tags?: StringMap;
}
