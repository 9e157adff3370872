import type { OutboundRule } from '../arm';
import { fromFactory } from '../checks';
import { ANY_RESOURCE_TYPE, armId, bool, defineProps, list, object, oneOf, text } from '../checks/read';
import { PrivateEndpointTarget } from './private-endpoint-target';
import { ServiceTagProtocol } from './service-tag-protocol';

/** What `OutboundRuleDestination.privateEndpoint` takes. */
export interface PrivateEndpointDestinationOptions {
  /** ARM id of the resource the private endpoint connects to. */
  readonly serviceResourceId: string;
  /** The target's private link sub-resource (group id). */
  readonly subresourceTarget: PrivateEndpointTarget;
  /** Whether Spark jobs may use the endpoint too. @default false */
  readonly sparkEnabled?: boolean;
  /** Host names resolved to the private endpoint (Application Gateway targets). @default - none */
  readonly fqdns?: string[];
}

/** What `OutboundRuleDestination.serviceTag` takes. */
export interface ServiceTagDestinationOptions {
  /** The Azure service tag, such as `AzureMonitor`. @default - none (give `addressPrefixes`) */
  readonly serviceTag?: string;
  /** The protocol. @default ServiceTagProtocol.TCP */
  readonly protocol?: ServiceTagProtocol;
  /** Ports, such as `443` or `80,8080`. @default '443' */
  readonly portRanges?: string;
  /** Address prefixes; when given, Azure ignores `serviceTag`. @default - none */
  readonly addressPrefixes?: string[];
}

const EXPR = { tokens: 'expression' } as const;
const HOST_NAMES = list(text({ ...EXPR, optional: false, what: 'a host name (text)' }), EXPR);
export const OUTBOUND_RULE_DESTINATION_FQDN_PARAMS = defineProps<{ hostName: string }>(
  'OutboundRuleDestination.fqdn',
  {
    hostName: text({ ...EXPR, optional: false, what: "a host name (text such as 'pypi.org')" }),
  },
);
export const OUTBOUND_RULE_DESTINATION_PRIVATE_ENDPOINT_PARAMS = defineProps<{
  options: PrivateEndpointDestinationOptions;
}>('OutboundRuleDestination.privateEndpoint', {
  options: object(
    'PrivateEndpointDestinationOptions',
    defineProps<PrivateEndpointDestinationOptions>('PrivateEndpointDestinationOptions', {
      serviceResourceId: armId({ ...EXPR, optional: false, resourceType: ANY_RESOURCE_TYPE }),
      subresourceTarget: oneOf(PrivateEndpointTarget, { optional: false }),
      sparkEnabled: bool(EXPR),
      fqdns: HOST_NAMES,
    }),
    { optional: false },
  ),
});
export const OUTBOUND_RULE_DESTINATION_SERVICE_TAG_PARAMS = defineProps<{
  options: ServiceTagDestinationOptions;
}>('OutboundRuleDestination.serviceTag', {
  options: object(
    'ServiceTagDestinationOptions',
    defineProps<ServiceTagDestinationOptions>('ServiceTagDestinationOptions', {
      serviceTag: text({ ...EXPR, what: "a service tag (text such as 'AzureMonitor')" }),
      protocol: oneOf(ServiceTagProtocol),
      portRanges: text({ ...EXPR, what: "ports (text such as '443' or '80, 8080')" }),
      addressPrefixes: list(text({ ...EXPR, optional: false, what: 'an address prefix (text)' }), EXPR),
    }),
    { optional: false },
  ),
});

/**
 * Where an outbound rule lets the managed network go: a host name, a private endpoint to an Azure resource, or
 * a service tag. Each factory makes one of the three kinds of rule Azure Machine Learning knows; every rule
 * this library writes is user-defined and allows.
 */
export class OutboundRuleDestination {
  /** An FQDN rule: the host name, reached on ports 80 and 443 through the managed Azure Firewall. */
  public static fqdn(hostName: string): OutboundRuleDestination {
    return fromFactory(
      OUTBOUND_RULE_DESTINATION_FQDN_PARAMS,
      { hostName },
      (read) => fqdnDestination(read.hostName),
      OutboundRuleDestination.prototype,
    );
  }

  /** A private endpoint rule: a private endpoint from the managed network to an Azure resource. */
  public static privateEndpoint(options: PrivateEndpointDestinationOptions): OutboundRuleDestination {
    return fromFactory(
      OUTBOUND_RULE_DESTINATION_PRIVATE_ENDPOINT_PARAMS,
      { options },
      (read) => privateEndpointDestination(read.options),
      OutboundRuleDestination.prototype,
    );
  }

  /** A service-tag rule: an Azure service tag, or address prefixes. */
  public static serviceTag(options: ServiceTagDestinationOptions): OutboundRuleDestination {
    return fromFactory(
      OUTBOUND_RULE_DESTINATION_SERVICE_TAG_PARAMS,
      { options },
      (read) => serviceTagDestination(read.options),
      OutboundRuleDestination.prototype,
    );
  }

  /** @internal */
  public static _fromRule(rule: OutboundRule): OutboundRuleDestination {
    return new OutboundRuleDestination(rule);
  }

  private constructor(private readonly rule: OutboundRule) {}

  /** The rule as ARM expects it in the body (`properties`). @internal */
  public _render(): OutboundRule {
    return this.rule;
  }
}

// The rules' own renderers: the concrete rule classes call them with props they have read already (a refused
// prop is recorded there, and must not throw here).

/** An FQDN rule's destination. */
export function fqdnDestination(hostName: string): OutboundRuleDestination {
  return OutboundRuleDestination._fromRule({ type: 'FQDN', category: 'UserDefined', destination: hostName });
}

/** A private endpoint rule's destination. */
export function privateEndpointDestination(
  options: PrivateEndpointDestinationOptions,
): OutboundRuleDestination {
  return OutboundRuleDestination._fromRule({
    type: 'PrivateEndpoint',
    category: 'UserDefined',
    destination: {
      serviceResourceId: options.serviceResourceId,
      subresourceTarget: options.subresourceTarget.value,
      sparkEnabled: options.sparkEnabled ?? false,
    },
    fqdns: options.fqdns,
  });
}

/** A service-tag rule's destination. */
export function serviceTagDestination(options: ServiceTagDestinationOptions): OutboundRuleDestination {
  return OutboundRuleDestination._fromRule({
    type: 'ServiceTag',
    category: 'UserDefined',
    destination: {
      serviceTag: options.serviceTag,
      protocol: (options.protocol ?? ServiceTagProtocol.TCP).value,
      portRanges: options.portRanges ?? '443',
      action: 'Allow',
      addressPrefixes: options.addressPrefixes,
    },
  });
}
