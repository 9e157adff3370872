import { Construct } from 'constructs';
import { ServiceTagDestination } from '../arm';
import { check, expectKind } from '../checks';
import { checkServiceTagDestination } from './destination-checks';
import { checkApprovedOutboundOnly } from './isolation-check';
import { OutboundRuleBase, OutboundRuleBaseProps } from './outbound-rule-base';

/** Protocol of a service-tag rule. Enum-like. */
export class ServiceTagProtocol {
  /** TCP. */
  public static readonly TCP = new ServiceTagProtocol('TCP');
  /** UDP. */
  public static readonly UDP = new ServiceTagProtocol('UDP');
  /** ICMP. */
  public static readonly ICMP = new ServiceTagProtocol('ICMP');
  /** Any protocol. */
  public static readonly ANY = new ServiceTagProtocol('*');

  private constructor(
    /** The ARM value of `destination.protocol`. */
    public readonly value: string,
  ) {}
}

/** Options of a service-tag outbound rule. */
export interface OutboundServiceTagRuleOptions {
  /** Rule name: 3 to 33 characters, letters, digits, `_` and `-`, starting with a letter or digit. */
  readonly ruleName: string;
  /** The Azure service tag, e.g. `DataFactory` or `AzureMonitor`. */
  readonly serviceTag: string;
  /** @default ServiceTagProtocol.TCP */
  readonly protocol?: ServiceTagProtocol;
  /** Ports, e.g. `'443'` or `'80, 8080'`. @default '443' */
  readonly portRanges?: string;
  /** Address prefixes; when given, Azure ignores `serviceTag`. @default none */
  readonly addressPrefixes?: string[];
}

/** Props of a service-tag outbound rule. */
export interface OutboundServiceTagRuleProps extends OutboundRuleBaseProps, OutboundServiceTagRuleOptions {}

/** Allows the managed network to reach an Azure service tag. Only with AllowOnlyApprovedOutbound (SE103). */
export class OutboundServiceTagRule extends OutboundRuleBase {
  constructor(scope: Construct, id: string, props: OutboundServiceTagRuleProps) {
    expectKind('addressPrefixes', props.addressPrefixes, 'list', true);
    expectKind('protocol', props.protocol, ServiceTagProtocol, true);
    const destination: ServiceTagDestination = {
      serviceTag: props.serviceTag,
      protocol: (props.protocol ?? ServiceTagProtocol.TCP).value,
      portRanges: props.portRanges ?? '443',
      action: 'Allow',
      addressPrefixes: props.addressPrefixes,
    };
    super(scope, id, props, { rule: { type: 'ServiceTag', category: 'UserDefined', destination } });
    check(this, () => checkApprovedOutboundOnly('service-tag', props.ruleName, props.workspace));
    check(this, () =>
      checkServiceTagDestination(
        props.ruleName,
        props.serviceTag,
        props.portRanges ?? '443',
        props.addressPrefixes,
      ),
    );
  }
}
