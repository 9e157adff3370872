import type { OutboundServiceTagRuleOptions } from '../workspace/rule-options';
import { ServiceTagProtocol } from './service-tag-protocol';
import { Construct } from 'constructs';
import { problemsOf, readProps } from '../checks';
import { catalogName, catalogText, defineProps, list, oneOf, text } from '../checks/read';
import { SERVICE_TAG_FORM } from './destination-checks';
import { SERVICE_TAGS, ServiceTag } from './service-tag';
import { checkServiceTagDestination } from './destination-checks';
import { checkApprovedOutboundOnly } from './isolation-check';
import { OutboundRuleBase, OutboundRuleBaseProps, OutboundRuleResourceOptions } from './outbound-rule-base';
import { serviceTagDestination } from './outbound-rule-destination';
import { OUTBOUND_RULE_BASE_PROPS } from './readers';

/** Props of a service-tag outbound rule. */
export interface OutboundServiceTagRuleProps extends OutboundRuleBaseProps, OutboundServiceTagRuleOptions {}

export const OUTBOUND_SERVICE_TAG_RULE_PROPS = defineProps<OutboundServiceTagRuleProps>(
  'OutboundServiceTagRuleProps',
  {
    ...OUTBOUND_RULE_BASE_PROPS,
    // A listed tag (SE402), a ServiceTag, or an expression; text not of a tag's form is SE119's.
    serviceTag: catalogName({
      tokens: 'expression',
      optional: false,
      catalog: SERVICE_TAGS,
      classOf: ServiceTag,
      code: 'SE402',
      shape: SERVICE_TAG_FORM,
      what: "a service tag (such as 'AzureMonitor')",
    }),
    protocol: oneOf(ServiceTagProtocol),
    // Checked as ports (SE119); a token is passed through.
    portRanges: text({ tokens: 'expression', what: "ports (text such as '443' or '80, 8080')" }),
    addressPrefixes: list(text({ tokens: 'expression', optional: false, what: 'an address prefix (text)' }), {
      tokens: 'expression',
    }),
  },
);

/**
 * Allows the managed network to reach an Azure service tag. Only with AllowOnlyApprovedOutbound (SE103).
 *
 * @example
 * workspace.addOutboundServiceTagRule('Monitor', {
 *   ruleName: 'azure-monitor',
 *   serviceTag: 'AzureMonitor',
 *   protocol: ServiceTagProtocol.TCP,
 *   portRanges: '443',
 * });
 */
export class OutboundServiceTagRule extends OutboundRuleBase {
  /** Reads the rule's props with its schema, before the base class builds from them. @internal */
  protected _readRuleProps(props: OutboundRuleBaseProps): OutboundRuleBaseProps {
    return readProps(this, OUTBOUND_SERVICE_TAG_RULE_PROPS, props as OutboundServiceTagRuleProps);
  }

  constructor(scope: Construct, id: string, props: OutboundServiceTagRuleProps) {
    super(scope, id, props);
    props = this.readProps as OutboundServiceTagRuleProps;
    problemsOf(this).record(checkApprovedOutboundOnly('service-tag', props.ruleName, props.workspace));
    problemsOf(this).record(
      checkServiceTagDestination(
        props.ruleName,
        catalogText(props.serviceTag),
        props.portRanges ?? '443',
        props.addressPrefixes,
      ),
    );
  }

  protected renderRule(props: OutboundRuleBaseProps): OutboundRuleResourceOptions {
    const p = props as OutboundServiceTagRuleProps;
    return {
      destination: serviceTagDestination({
        serviceTag: catalogText(p.serviceTag),
        protocol: p.protocol,
        portRanges: p.portRanges,
        addressPrefixes: p.addressPrefixes,
      }),
    };
  }
}
