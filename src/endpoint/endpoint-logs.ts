import { ARM_TYPES, canonicalArmId, checkLiteralArmId } from '../checks/arm-id';
import { Construct } from 'constructs';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { readProps } from '../checks';
import { armId, defineProps, object } from '../checks/read';
import { EndpointLogDestination, LOG_DESTINATION_SCHEMA } from '../core/log-destinations';

/**
 * The online endpoint log categories (Azure Monitor "supported logs" of `workspaces/onlineEndpoints`); each
 * lands in a Log Analytics table of the same name.
 */
export const ENDPOINT_LOG_CATEGORIES = [
  /** What the scoring containers print (the how-to's `get-logs`), kept after the instance is gone. */
  'AmlOnlineEndpointConsoleLog',
  /** One record per scoring request: status codes, durations, the auth type (why a call failed). */
  'AmlOnlineEndpointTrafficLog',
  /** Deployment events: image pulls, probe failures, out-of-memory kills, container restarts. */
  'AmlOnlineEndpointEventLog',
] as const;

export { EndpointLogs } from '../core/log-destinations';
export type { EndpointLogDestination, EventHubLogOptions } from '../core/log-destinations';

const EXPR = { tokens: 'expression' } as const;

export const ENDPOINT_DIAGNOSTICS_PROPS = defineProps<EndpointDiagnosticsProps>('EndpointDiagnosticsProps', {
  endpointId: armId({ ...EXPR, optional: false, resourceType: ARM_TYPES.ML_ONLINE_ENDPOINT }),
  destination: object('EndpointLogDestination', LOG_DESTINATION_SCHEMA, { optional: false }),
});

/** Props of `EndpointDiagnostics`. */
export interface EndpointDiagnosticsProps {
  /** ARM id of the endpoint. */
  readonly endpointId: string;
  /** Where the logs go. */
  readonly destination: EndpointLogDestination;
}

/**
 * The diagnostic setting (construct id `Resource`, setting name `endpoint-logs`) that sends every online
 * endpoint log category and all metrics to one destination. Log Analytics gets resource-specific tables
 * (`Dedicated`), which is what the documented queries read.
 */
export class EndpointDiagnostics extends Construct {
  /** Name of the diagnostic setting on the endpoint. */
  public static readonly SETTING_NAME = 'endpoint-logs';
  /** The diagnostic setting. */
  public readonly resource: MonitorDiagnosticSetting;

  constructor(scope: Construct, id: string, props: EndpointDiagnosticsProps) {
    super(scope, id);
    props = readProps(this, ENDPOINT_DIAGNOSTICS_PROPS, props);
    checkLiteralArmId(this, 'endpointId', props.endpointId, ARM_TYPES.ML_ONLINE_ENDPOINT);
    // The endpoint checked the destination's ids itself (before the endpoint, for plan-time checks).
    const { destination } = props;
    this.resource = new MonitorDiagnosticSetting(this, 'Resource', {
      name: EndpointDiagnostics.SETTING_NAME,
      targetResourceId: props.endpointId,
      ...destination,
      // azurerm parses these ids with case: written as its parsers need (an id as the CLI prints it passes).
      logAnalyticsWorkspaceId: canonicalArmId(
        destination.logAnalyticsWorkspaceId,
        ARM_TYPES.LOG_ANALYTICS_WORKSPACE,
      ),
      storageAccountId: canonicalArmId(destination.storageAccountId, ARM_TYPES.STORAGE_ACCOUNT),
      eventhubAuthorizationRuleId: canonicalArmId(
        destination.eventhubAuthorizationRuleId,
        ARM_TYPES.EVENT_HUB_AUTHORIZATION_RULE,
      ),
      logAnalyticsDestinationType:
        destination.logAnalyticsWorkspaceId === undefined ? undefined : 'Dedicated',
      enabledLog: ENDPOINT_LOG_CATEGORIES.map((category) => ({ category })),
      enabledMetric: [{ category: 'AllMetrics' }],
    });
  }
}
