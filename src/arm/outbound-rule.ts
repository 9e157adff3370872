/** Who defined an outbound rule. Rules written by users are `UserDefined`; the service adds the others. */
export type RuleCategory = 'Required' | 'Recommended' | 'UserDefined' | 'Dependency';

/** `FQDN` rule: allow traffic to a host name (ports 80 and 443, through the managed Azure Firewall). */
export interface FqdnOutboundRule {
  /** The discriminator of the union member. */
  readonly type: 'FQDN';
  /** `UserDefined` for rules written here. */
  readonly category: RuleCategory;
  /** What the rule allows. */
  readonly destination: string;
}

/** `destination` of a private endpoint rule. */
export interface PrivateEndpointDestination {
  /** ARM id of the target resource. */
  readonly serviceResourceId: string;
  /** Private link sub-resource, e.g. `blob`, `vault`, `amlworkspace`. */
  readonly subresourceTarget: string;
  /** Also for Spark jobs. @default false */
  readonly sparkEnabled?: boolean;
}

/** `PrivateEndpoint` rule: a private endpoint from the managed network to an Azure resource. */
export interface PrivateEndpointOutboundRule {
  /** The discriminator of the union member. */
  readonly type: 'PrivateEndpoint';
  /** `UserDefined` for rules written here. */
  readonly category: RuleCategory;
  /** What the rule allows. */
  readonly destination: PrivateEndpointDestination;
  /** FQDNs resolved to the private endpoint (Application Gateway targets). @default none */
  readonly fqdns?: readonly string[];
}

/** `action` of a service-tag rule. */
export type RuleAction = 'Allow' | 'Deny';

/** `destination` of a service-tag rule. */
export interface ServiceTagDestination {
  /** Azure service tag, e.g. `DataFactory`. @default none */
  readonly serviceTag?: string;
  /** `TCP`, `UDP`, `ICMP` or `*`. @default none */
  readonly protocol?: string;
  /** Ports, e.g. `443` or `80,443`. @default none */
  readonly portRanges?: string;
  /** `Allow` or `Deny`. @default Allow */
  readonly action?: RuleAction;
  /** If given, `serviceTag` is ignored. @default none */
  readonly addressPrefixes?: readonly string[];
}

/** `ServiceTag` rule: allow traffic to an Azure service tag or address prefixes. */
export interface ServiceTagOutboundRule {
  /** The discriminator of the union member. */
  readonly type: 'ServiceTag';
  /** `UserDefined` for rules written here. */
  readonly category: RuleCategory;
  /** What the rule allows. */
  readonly destination: ServiceTagDestination;
}

/** The OutboundRule union, discriminated on `type` (exact case). */
export type OutboundRule = FqdnOutboundRule | PrivateEndpointOutboundRule | ServiceTagOutboundRule;

/** Body of `Microsoft.MachineLearningServices/workspaces/outboundRules` (a proxy resource: no location or tags). */
export interface OutboundRuleResourceBody {
  /** The nested properties object of this part of the body. */
  readonly properties: OutboundRule;
}
