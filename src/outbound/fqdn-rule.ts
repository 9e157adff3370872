import { Construct } from 'constructs';
import { OutboundFqdnRuleOptions } from '../workspace/workspace-ref';
import { check } from '../checks';
import { checkFqdnDestination } from './destination-checks';
import { checkApprovedOutboundOnly } from './isolation-check';
import { OutboundRuleBase, OutboundRuleBaseProps } from './outbound-rule-base';

/** Props of an FQDN outbound rule. */
export interface OutboundFqdnRuleProps extends OutboundRuleBaseProps, OutboundFqdnRuleOptions {}

/**
 * Allows the managed network to reach a host name on ports 80 and 443 (for example `pypi.org` for image
 * builds). Only with AllowOnlyApprovedOutbound (SE103). The first FQDN rule makes Azure deploy an Azure
 * Firewall in the managed network, which is billed (see `firewallSku`).
 */
export class OutboundFqdnRule extends OutboundRuleBase {
  /** The allowed host name. */
  public readonly destination: string;

  constructor(scope: Construct, id: string, props: OutboundFqdnRuleProps) {
    super(scope, id, props, {
      rule: { type: 'FQDN', category: 'UserDefined', destination: props.destination },
    });
    this.destination = props.destination;
    check(this, () => checkApprovedOutboundOnly('FQDN', props.ruleName, props.workspace));
    check(this, () => checkFqdnDestination(props.ruleName, props.destination));
  }
}
