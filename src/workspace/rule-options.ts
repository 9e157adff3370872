import type { PrivateEndpointTarget } from '../outbound/private-endpoint-target';
import type { ServiceTag } from '../outbound/service-tag';
import type { ServiceTagProtocol } from '../outbound/service-tag-protocol';

// What a workspace's add...Rule methods take: apart from the rule classes, so that the workspace's interface can
// name them without importing the rules (which import the workspace).

/** Options of an FQDN outbound rule. */
export interface OutboundFqdnRuleOptions {
  /** Rule name: 3 to 33 characters, letters, digits, `_` and `-`, starting with a letter or digit. */
  readonly ruleName: string;
  /** Host name, wildcards allowed (`*.anaconda.org`). */
  readonly destination: string;
}

/** Options of a private endpoint outbound rule. */
export interface OutboundPrivateEndpointRuleOptions {
  /** Rule name: 3 to 33 characters, letters, digits, `_` and `-`, starting with a letter or digit. */
  readonly ruleName: string;
  /** ARM id of the resource the private endpoint connects to. */
  readonly serviceResourceId: string;
  /** The private link sub-resource, e.g. `PrivateEndpointTarget.BLOB`. */
  readonly subresourceTarget: PrivateEndpointTarget;
  /** Also reachable from Spark jobs (provision the network with `includeSpark`). @default false */
  readonly sparkEnabled?: boolean;
  /** Host names to map to the private endpoint (for application gateways and similar targets). @default none */
  readonly fqdns?: string[];
  /**
   * Grant the workspace identity the "Azure AI Enterprise Network Connection Approver" role on the target, so
   * the workspace can approve the private endpoint connection (otherwise Azure fails with "Workspace managed
   * identity don't have required permissions to read and approve private endpoint connections"). Needs a
   * deploying principal allowed to assign roles on the target (Owner or User Access Administrator). Turn it
   * off when the role is granted elsewhere, or the target approves connections manually.
   * @default true (when the workspace's principal id is known)
   */
  readonly grantApproverRole?: boolean;
}

/** Options of a service-tag outbound rule. */
export interface OutboundServiceTagRuleOptions {
  /** Rule name: 3 to 33 characters, letters, digits, `_` and `-`, starting with a letter or digit. */
  readonly ruleName: string;
  /**
   * The Azure service tag: text read against the public cloud's service tags and their regional forms
   * (`AzureMonitor`, `Storage.WestEurope`; SE402), a `ServiceTag` (`ServiceTag.of(name)` for a tag the list does
   * not have yet, unchecked), or a Terraform expression.
   */
  readonly serviceTag: string | ServiceTag;
  /** @default ServiceTagProtocol.TCP */
  readonly protocol?: ServiceTagProtocol;
  /** Ports, e.g. `'443'` or `'80, 8080'`. @default '443' */
  readonly portRanges?: string;
  /** Address prefixes; when given, Azure ignores `serviceTag`. @default none */
  readonly addressPrefixes?: string[];
}
