import { ARM_TYPES, canonicalArmId, checkLiteralArmId } from '../checks/arm-id';
import { Construct, IConstruct } from 'constructs';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { fromFactory, readProps, refuse } from '../checks';
import { armId, defineProps, name, object } from '../checks/read';
import { armResourceReader } from '../core/readers';
import { IArmResource } from '../core';
import { IManagedVnetWorkspace } from '../workspace';
import { checkLogArchiveAccount, ILogArchiveStorageAccount, LOG_ARCHIVE_ACCOUNT_READER } from './log-archive';

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

/** Where the diagnostic setting sends logs and metrics. */
export interface EndpointLogDestination {
  /** ARM id of a Log Analytics workspace. @default none */
  readonly logAnalyticsWorkspaceId?: string;
  /** ARM id of a storage account. @default none */
  readonly storageAccountId?: string;
  /** ARM id of an event hub namespace authorization rule. @default none */
  readonly eventhubAuthorizationRuleId?: string;
  /** Event hub name. @default one per category, created by Azure Monitor */
  readonly eventhubName?: string;
}

/** Options of `EndpointLogs.toEventHub`. */
export interface EventHubLogOptions {
  /** ARM id of the namespace's authorization rule with Send rights. */
  readonly authorizationRuleId: string;
  /** Event hub name. @default one event hub per category, created by Azure Monitor */
  readonly eventHubName?: string;
}

const EXPR = { tokens: 'expression' } as const;

defineProps<{ workspace: IArmResource }>('EndpointLogs.toLogAnalytics', {
  workspace: armResourceReader(false),
});
defineProps<{ account: ILogArchiveStorageAccount }>('EndpointLogs.toStorageAccount', {
  account: LOG_ARCHIVE_ACCOUNT_READER,
});
defineProps<{ options: EventHubLogOptions }>('EndpointLogs.toEventHub', {
  options: object(
    'EventHubLogOptions',
    defineProps<EventHubLogOptions>('EventHubLogOptions', {
      authorizationRuleId: armId({
        ...EXPR,
        optional: false,
        resourceType: ARM_TYPES.EVENT_HUB_AUTHORIZATION_RULE,
      }),
      eventHubName: name({ ...EXPR, optional: true }),
    }),
    { optional: false },
  ),
});
const DESTINATION = defineProps<EndpointLogDestination>('EndpointLogDestination', {
  logAnalyticsWorkspaceId: armId({ ...EXPR, resourceType: ARM_TYPES.LOG_ANALYTICS_WORKSPACE }),
  storageAccountId: armId({ ...EXPR, resourceType: ARM_TYPES.STORAGE_ACCOUNT }),
  eventhubAuthorizationRuleId: armId({ ...EXPR, resourceType: ARM_TYPES.EVENT_HUB_AUTHORIZATION_RULE }),
  eventhubName: name({ ...EXPR, optional: true }),
});
defineProps<EndpointDiagnosticsProps>('EndpointDiagnosticsProps', {
  endpointId: armId({ ...EXPR, optional: false, resourceType: ARM_TYPES.ML_ONLINE_ENDPOINT }),
  destination: object('EndpointLogDestination', DESTINATION, { optional: false }),
});

/**
 * Where an online endpoint's console, traffic and event logs and its metrics go (an
 * `azurerm_monitor_diagnostic_setting` on the endpoint). By default the workspace's own Log Analytics
 * workspace: the one behind its Application Insights.
 */
export abstract class EndpointLogs {
  /** The Log Analytics workspace behind the Machine Learning workspace's Application Insights (the default). */
  public static toWorkspaceLogAnalytics(): EndpointLogs {
    return new WorkspaceLogAnalytics();
  }

  /** Another Log Analytics workspace (azurerm `LogAnalyticsWorkspace`, or `{ id }`). */
  public static toLogAnalytics(workspace: IArmResource): EndpointLogs {
    return fromFactory(
      'EndpointLogs.toLogAnalytics',
      { workspace },
      (read) => new FixedDestination({ logAnalyticsWorkspaceId: read.workspace.id }),
      FixedDestination.prototype,
    );
  }

  /**
   * A storage account, for archiving (azurerm `StorageAccount`, or `{ id }`): in the endpoint's region and not
   * Premium (SE465, read from the azurerm account as configured).
   */
  public static toStorageAccount(account: ILogArchiveStorageAccount): EndpointLogs {
    return fromFactory(
      'EndpointLogs.toStorageAccount',
      { account },
      (read) => new FixedDestination({ storageAccountId: read.account.id }, read.account),
      FixedDestination.prototype,
    );
  }

  /** An event hub, for a SIEM. */
  public static toEventHub(options: EventHubLogOptions): EndpointLogs {
    return fromFactory(
      'EndpointLogs.toEventHub',
      { options },
      (read) =>
        new FixedDestination({
          eventhubAuthorizationRuleId: read.options.authorizationRuleId,
          eventhubName: read.options.eventHubName,
        }),
      FixedDestination.prototype,
    );
  }

  /**
   * No diagnostic setting: the logs stay only as long as the deployment's instances (`get-logs`), and the
   * how-to's troubleshooting queries have nothing to read. Say so explicitly.
   */
  public static disabled(): EndpointLogs {
    return new NoLogs();
  }

  /**
   * Checks what only the brought destination can tell (a storage account's region and tier) for an endpoint in
   * `region`, on `scope` (plan time for expressions). @internal
   */
  public _checkBrought(_scope: IConstruct, _region: string): void {}

  /** The destination for an endpoint in `workspace`, or undefined when disabled. */
  public abstract destination(
    workspace: IManagedVnetWorkspace,
    endpointName: string,
  ): EndpointLogDestination | undefined;
}

class WorkspaceLogAnalytics extends EndpointLogs {
  public destination(workspace: IManagedVnetWorkspace, endpointName: string): EndpointLogDestination {
    const id = workspace.logAnalyticsWorkspaceId;
    if (id === undefined || id === '') {
      refuse(
        'SE320',
        `endpoint '${endpointName}' sends its logs to the workspace's Log Analytics workspace by default, but ` +
          `workspace ${workspace.node.path} has none (its brought Application Insights is a classic one, ` +
          `workspaceId ''); give the endpoint ` +
          `logs: EndpointLogs.toLogAnalytics(...) (or another destination), or EndpointLogs.disabled() to keep none`,
      );
    }
    return { logAnalyticsWorkspaceId: id };
  }
}

class FixedDestination extends EndpointLogs {
  constructor(
    private readonly target: EndpointLogDestination,
    /** The archive account as given, for the facts only it can tell. */
    private readonly archive?: ILogArchiveStorageAccount,
  ) {
    super();
  }

  /** @internal */
  public _checkBrought(scope: IConstruct, region: string): void {
    if (this.archive !== undefined) checkLogArchiveAccount(scope, this.archive, region);
  }

  public destination(): EndpointLogDestination {
    return this.target;
  }
}

class NoLogs extends EndpointLogs {
  public destination(): undefined {
    return undefined;
  }
}

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
    props = readProps(this, 'EndpointDiagnosticsProps', props);
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
