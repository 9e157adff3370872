import { ManagedServiceIdentity, PublicNetworkAccessType, StringMap } from './common';

/** `properties.authMode` of an online endpoint. */
export type EndpointAuthModeValue = 'Key' | 'AMLToken' | 'AADToken';

/** Map from deployment name to percent. */
export type TrafficMap = { readonly [deploymentName: string]: number };

/** `properties` of an online endpoint. */
export interface OnlineEndpointProperties {
  /** How clients authenticate: `Key`, `AMLToken` or `AADToken`. */
  readonly authMode: EndpointAuthModeValue;
  /** Free-text description. @default none */
  readonly description?: string;
  /** `Enabled` or `Disabled`. @default Enabled (Azure) */
  readonly publicNetworkAccess?: PublicNetworkAccessType;
  /** Live traffic percent per deployment. @default none */
  readonly traffic?: TrafficMap;
  /** Mirrored traffic percent per deployment. @default none */
  readonly mirrorTraffic?: TrafficMap;
  /** The nested properties object of this part of the body. @default none */
  readonly properties?: StringMap;
}

/** Body of `workspaces/onlineEndpoints` (location, tags, identity are azapi attributes). */
export interface OnlineEndpointBody {
  /** Resource kind. @default none */
  readonly kind?: string;
  /** The nested properties object of this part of the body. */
  readonly properties: OnlineEndpointProperties;
}

/** Body of the traffic update applied after deployments exist. */
export interface OnlineEndpointTrafficUpdateBody {
  /** The nested properties object of this part of the body. */
  readonly properties: {
    /** Live traffic percent per deployment. @default none */
    readonly traffic: TrafficMap;
    /** Mirrored traffic percent per deployment. @default none */
    readonly mirrorTraffic?: TrafficMap;
  };
}

/**
 * A whole `workspaces/onlineEndpoints` PUT request, as sent by an `azapi_resource_action` (which takes the
 * envelope in its body, unlike `azapi_resource`).
 */
export interface OnlineEndpointPutBody extends OnlineEndpointBody {
  /** Azure region. */
  readonly location: string;
  /** The managed identity. */
  readonly identity: ManagedServiceIdentity;
  /** Tags inside `properties` (asset metadata, not Azure resource tags). @default none */
  readonly tags?: StringMap;
}
