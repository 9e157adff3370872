/** Who defined an outbound rule. Rules written by users are `UserDefined`; the service adds the others. */
export type RuleCategory = 'Required' | 'Recommended' | 'UserDefined' | 'Dependency';

/** `FQDN` rule: allow traffic to a host name (ports 80 and 443, through the managed Azure Firewall). */
export interface FqdnOutboundRule {
  readonly type: 'FQDN';
  readonly category: RuleCategory;
  readonly destination: string;
}

export interface PrivateEndpointDestination {
  readonly serviceResourceId: string;
  readonly subresourceTarget: string;
  readonly sparkEnabled?: boolean;
}

/** `PrivateEndpoint` rule: a private endpoint from the managed network to an Azure resource. */
export interface PrivateEndpointOutboundRule {
  readonly type: 'PrivateEndpoint';
  readonly category: RuleCategory;
  readonly destination: PrivateEndpointDestination;
  readonly fqdns?: readonly string[];
}

export type RuleAction = 'Allow' | 'Deny';

export interface ServiceTagDestination {
  readonly serviceTag?: string;
  readonly protocol?: string;
  readonly portRanges?: string;
  readonly action?: RuleAction;
  /** If given, `serviceTag` is ignored. */
  readonly addressPrefixes?: readonly string[];
}

/** `ServiceTag` rule: allow traffic to an Azure service tag or address prefixes. */
export interface ServiceTagOutboundRule {
  readonly type: 'ServiceTag';
  readonly category: RuleCategory;
  readonly destination: ServiceTagDestination;
}

/** The OutboundRule union, discriminated on `type` (exact case). */
export type OutboundRule = FqdnOutboundRule | PrivateEndpointOutboundRule | ServiceTagOutboundRule;

/** Body of `Microsoft.MachineLearningServices/workspaces/outboundRules` (a proxy resource: no location or tags). */
export interface OutboundRuleResourceBody {
  readonly properties: OutboundRule;
}
