import { isKnown, problem, Problems } from '../checks';
import { InboundPrivateEndpointOptions } from './inbound-private-endpoint';
import { SavedQueriesStorage } from './saved-queries-storage';

/** What the monitoring hardening rules read from the workspace's props. */
export interface MonitoringSettings {
  /** Whether Application Insights was brought. */
  readonly applicationInsightsBrought: boolean;
  /** `applicationInsightsLocalAuth`. @default true */
  readonly applicationInsightsLocalAuth?: boolean;
  /** `monitoringPublicNetworkAccess`. @default true */
  readonly monitoringPublicNetworkAccess?: boolean;
  /** `monitoringPrivateLinkScopeId`. @default none */
  readonly monitoringPrivateLinkScopeId?: string;
  /** `savedQueriesStorage`. @default none */
  readonly savedQueriesStorage?: SavedQueriesStorage;
}

/**
 * SE141: public ingestion and query off with no private link scope leaves nothing that can query the logs (and
 * no private path for ingestion). SE142: the monitoring settings shape the Application Insights and Log Analytics
 * workspace created here; a brought one is its owner's, and the setting would silently do nothing.
 */
export function checkMonitoringAccess(settings: MonitoringSettings): Problems {
  if (settings.applicationInsightsBrought) {
    const given = (
      [
        ['applicationInsightsLocalAuth', settings.applicationInsightsLocalAuth],
        ['monitoringPublicNetworkAccess', settings.monitoringPublicNetworkAccess],
        ['monitoringPrivateLinkScopeId', settings.monitoringPrivateLinkScopeId],
        ['savedQueriesStorage', settings.savedQueriesStorage],
      ] as const
    )
      // A token may turn out null (unset): only a value known at synth is refused.
      .filter(([, value]) => value !== undefined && isKnown(value))
      .map(([prop]) => prop);
    if (given.length > 0) {
      return [
        problem(
          'SE142',
          `${given.join(', ')} set with a brought applicationInsights: these settings shape the Application ` +
            `Insights and Log Analytics workspace the workspace creates, and a brought one is configured by its ` +
            `owner; set them on your own resources (local_authentication_disabled, internet_ingestion_enabled, ` +
            `internet_query_enabled; for saved queries, an azurerm_log_analytics_linked_storage_account of ` +
            `data_source_type Query and cmk_for_query_forced on your Log Analytics workspace) and leave them ` +
            `unset here, or leave applicationInsights unset`,
        ),
      ];
    }
  }
  if (
    settings.monitoringPublicNetworkAccess === false &&
    settings.monitoringPrivateLinkScopeId === undefined &&
    !settings.applicationInsightsBrought
  ) {
    return [
      problem(
        'SE141',
        `monitoringPublicNetworkAccess is false but no monitoringPrivateLinkScopeId is given: with public ` +
          `ingestion and query off, the logs and Application Insights can be read (and written by clients) only ` +
          `through an Azure Monitor private link scope; give monitoringPrivateLinkScopeId (the scope of your ` +
          `network, with its private endpoint), or leave monitoringPublicNetworkAccess unset`,
      ),
    ];
  }
  return [];
}

/** SE143: a zone group left to policy and zone ids for one written here contradict each other. */
export function checkPrivateDnsByPolicy(options: InboundPrivateEndpointOptions | undefined): Problems {
  if (options?.privateDnsZoneGroupByPolicy !== true || options.privateDnsZoneIds === undefined) return [];
  const ids = options.privateDnsZoneIds;
  const shown = isKnown(ids) && Array.isArray(ids) ? `[${ids.join(', ')}]` : 'an expression';
  return [
    problem(
      'SE143',
      `inboundPrivateEndpoint has privateDnsZoneGroupByPolicy: true and privateDnsZoneIds ${shown}: zone ids ` +
        `are for a zone group created here, while privateDnsZoneGroupByPolicy leaves the zone group to an Azure ` +
        `Policy (DeployIfNotExists); remove privateDnsZoneIds, or privateDnsZoneGroupByPolicy`,
    ),
  ];
  return [];
}
