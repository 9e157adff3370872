import { IConstruct } from 'constructs';
import { ARM_TYPES } from '../checks/arm-id';
import { Checked, problem, readArmId, readParams } from '../checks';
import { armId, defineProps, name, object } from '../checks/read';
import { armResourceReader } from './readers';
import { IArmResource } from './references';

/** Where a diagnostic setting sends logs and metrics. */
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

/** What the default destination reads: the workspace whose Log Analytics workspace receives the logs. */
export interface ILogAnalyticsHost extends IConstruct {
  /**
   * ARM id of the Log Analytics workspace behind the workspace's Application Insights.
   * @default none: the workspace has none (a classic Application Insights), and the default destination refuses
   */
  readonly logAnalyticsWorkspaceId?: string;
}

/** Where an `EndpointLogs` resolves to: nowhere, a destination, or the host's Log Analytics that it lacks. @internal */
export type ResolvedLogs =
  | { readonly kind: 'none' }
  | { readonly kind: 'to'; readonly destination: EndpointLogDestination }
  | { readonly kind: 'no-default' };

const EXPR = { tokens: 'expression' } as const;

export const ENDPOINT_LOGS_TO_LOG_ANALYTICS_PARAMS = defineProps<{ workspace: IArmResource }>(
  'EndpointLogs.toLogAnalytics',
  {
    workspace: armResourceReader(false),
  },
);
export const ENDPOINT_LOGS_TO_STORAGE_ACCOUNT_PARAMS = defineProps<{ account: IArmResource }>(
  'EndpointLogs.toStorageAccount',
  {
    account: armResourceReader(false),
  },
);
export const ENDPOINT_LOGS_TO_EVENT_HUB_PARAMS = defineProps<{ options: EventHubLogOptions }>(
  'EndpointLogs.toEventHub',
  {
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
  },
);

/** How a destination is read (the endpoint's diagnostics props name it). @internal */
export const LOG_DESTINATION_SCHEMA = defineProps<EndpointLogDestination>('EndpointLogDestination', {
  logAnalyticsWorkspaceId: armId({ ...EXPR, resourceType: ARM_TYPES.LOG_ANALYTICS_WORKSPACE }),
  storageAccountId: armId({ ...EXPR, resourceType: ARM_TYPES.STORAGE_ACCOUNT }),
  eventhubAuthorizationRuleId: armId({ ...EXPR, resourceType: ARM_TYPES.EVENT_HUB_AUTHORIZATION_RULE }),
  eventhubName: name({ ...EXPR, optional: true }),
});

/**
 * Where a diagnostic setting sends its logs and metrics: an online endpoint's (its `logs` prop), and the
 * workspace's and its Key Vault's (the workspace's `diagnosticLogs` prop). By default the workspace's own Log
 * Analytics workspace: the one behind its Application Insights. Enum-like: use the static factories.
 */
export abstract class EndpointLogs {
  /** The Log Analytics workspace behind the Machine Learning workspace's Application Insights (the default). */
  public static toWorkspaceLogAnalytics(): EndpointLogs {
    return new WorkspaceLogAnalytics();
  }

  /** Another Log Analytics workspace (azurerm `LogAnalyticsWorkspace`, or `{ id }`). */
  public static toLogAnalytics(workspace: IArmResource): EndpointLogs {
    readParams(undefined, ENDPOINT_LOGS_TO_LOG_ANALYTICS_PARAMS, { workspace });
    return new FixedDestination({ logAnalyticsWorkspaceId: workspace.id });
  }

  /** A storage account, for archiving (azurerm `StorageAccount`, or `{ id }`). */
  public static toStorageAccount(account: IArmResource): EndpointLogs {
    readParams(undefined, ENDPOINT_LOGS_TO_STORAGE_ACCOUNT_PARAMS, { account });
    return new FixedDestination({ storageAccountId: account.id });
  }

  /** An event hub, for a SIEM. */
  public static toEventHub(options: EventHubLogOptions): EndpointLogs {
    readParams(undefined, ENDPOINT_LOGS_TO_EVENT_HUB_PARAMS, { options });
    return new FixedDestination({
      eventhubAuthorizationRuleId: options.authorizationRuleId,
      eventhubName: options.eventHubName,
    });
  }

  /**
   * No diagnostic setting. For an endpoint: the logs stay only as long as the deployment's instances
   * (`get-logs`), and the how-to's troubleshooting queries have nothing to read. For the workspace: no audit
   * trail of who changed or called it. Say so explicitly.
   */
  public static disabled(): EndpointLogs {
    return new NoLogs();
  }

  /**
   * The destination for an endpoint in `workspace`, or undefined when disabled. Throws SE320 when the logs go to
   * the workspace's Log Analytics workspace and it has none: there is no destination to build.
   */
  public destination(workspace: ILogAnalyticsHost, endpointName: string): EndpointLogDestination | undefined {
    const found = this._destination(workspace, endpointName);
    if (found.problems.length > 0) throw found.problems[0];
    return found.value;
  }

  /**
   * `destination`, for the endpoint that records the problem (SE320) with its others and builds no diagnostic
   * setting. @internal
   */
  public _destination(
    workspace: ILogAnalyticsHost,
    endpointName: string,
  ): Checked<EndpointLogDestination | undefined> {
    const resolved = this._resolve(workspace.logAnalyticsWorkspaceId);
    if (resolved.kind === 'no-default') {
      return {
        value: undefined,
        problems: [
          problem(
            'SE320',
            `endpoint '${endpointName}' sends its logs to the workspace's Log Analytics workspace by default, but ` +
              `workspace ${workspace.node.path} has none (its brought Application Insights is a classic one, ` +
              `workspaceId ''); give the endpoint ` +
              `logs: EndpointLogs.toLogAnalytics(...) (or another destination), or EndpointLogs.disabled() to keep none`,
          ),
        ],
      };
    }
    return { value: resolved.kind === 'to' ? resolved.destination : undefined, problems: [] };
  }

  /** Resolves against the workspace's Log Analytics workspace id (undefined or '' when it has none). @internal */
  public abstract _resolve(workspaceLogAnalyticsId: string | undefined): ResolvedLogs;
}

class WorkspaceLogAnalytics extends EndpointLogs {
  public _resolve(id: string | undefined): ResolvedLogs {
    if (id === undefined || id === '') return { kind: 'no-default' };
    return { kind: 'to', destination: { logAnalyticsWorkspaceId: id } };
  }
}

class FixedDestination extends EndpointLogs {
  constructor(private readonly target: EndpointLogDestination) {
    super();
  }

  public _resolve(): ResolvedLogs {
    return { kind: 'to', destination: this.target };
  }
}

class NoLogs extends EndpointLogs {
  public _resolve(): ResolvedLogs {
    return { kind: 'none' };
  }
}

/**
 * SE002: the ids of a destination the user chose name resources of the right types (the workspace's own Log
 * Analytics workspace was checked where the workspace was given it). Their plan-time checks go to `scope`; `prop`
 * names the prop in the messages (`logs`, `diagnosticLogs`).
 */
export function readDestinationIds(
  scope: IConstruct,
  prop: string,
  destination: EndpointLogDestination,
): void {
  const optional = { optional: true };
  const ids = [
    ['Log Analytics workspace', destination.logAnalyticsWorkspaceId, ARM_TYPES.LOG_ANALYTICS_WORKSPACE],
    ['storage account', destination.storageAccountId, ARM_TYPES.STORAGE_ACCOUNT],
    [
      'event hub authorizationRuleId',
      destination.eventhubAuthorizationRuleId,
      ARM_TYPES.EVENT_HUB_AUTHORIZATION_RULE,
    ],
  ] as const;
  for (const [what, id, type] of ids) readArmId(scope, `${prop} (${what})`, id, type, optional);
}
