import type { OutboundFqdnRuleOptions } from '../workspace/rule-options';
import { Construct } from 'constructs';

import { problemsOf, readProps } from '../checks';
import { checkFqdnDestination } from './destination-checks';
import { checkApprovedOutboundOnly } from './isolation-check';
import { OutboundRuleBase, OutboundRuleBaseProps, OutboundRuleResourceOptions } from './outbound-rule-base';
import { fqdnDestination } from './outbound-rule-destination';
import { OUTBOUND_RULE_BASE_PROPS } from './readers';
import { defineProps, text } from '../checks/read';

/** Props of an FQDN outbound rule. */
export interface OutboundFqdnRuleProps extends OutboundRuleBaseProps, OutboundFqdnRuleOptions {}

export const OUTBOUND_FQDN_RULE_PROPS = defineProps<OutboundFqdnRuleProps>('OutboundFqdnRuleProps', {
  ...OUTBOUND_RULE_BASE_PROPS,
  // Checked as a host name (SE119); a token is passed through.
  destination: text({ tokens: 'expression', optional: false, what: "a host name (text such as 'pypi.org')" }),
});

/**
 * Allows the managed network to reach a host name on ports 80 and 443 (for example `pypi.org` for image
 * builds). Only with AllowOnlyApprovedOutbound (SE103). The first FQDN rule makes Azure deploy an Azure
 * Firewall in the managed network, which is billed (see `firewallSku`).
 *
 * @example
 * workspace.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
 */
export class OutboundFqdnRule extends OutboundRuleBase {
  /** The allowed host name. */
  public readonly destination: string;

  /** Reads the rule's props with its schema, before the base class builds from them. @internal */
  protected _readRuleProps(props: OutboundRuleBaseProps): OutboundRuleBaseProps {
    return readProps(this, OUTBOUND_FQDN_RULE_PROPS, props as OutboundFqdnRuleProps);
  }

  constructor(scope: Construct, id: string, props: OutboundFqdnRuleProps) {
    super(scope, id, props);
    props = this.readProps as OutboundFqdnRuleProps;
    this.destination = props.destination;
    problemsOf(this).record(checkApprovedOutboundOnly('FQDN', props.ruleName, props.workspace));
    problemsOf(this).record(checkFqdnDestination(props.ruleName, props.destination));
  }

  protected renderRule(props: OutboundRuleBaseProps): OutboundRuleResourceOptions {
    return { destination: fqdnDestination((props as OutboundFqdnRuleProps).destination) };
  }
}
