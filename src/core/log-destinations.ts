import { IConstruct } from 'constructs';
import { ARM_TYPES } from '../checks/arm-id';
import { fromFactory, readArmId, problem, Problems, Checked } from '../checks';
import { checkLogArchiveAccount, ILogArchiveStorageAccount, LOG_ARCHIVE_ACCOUNT_READER } from './log-archive';
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

/**
 * An event hub's name, from "Naming rules and restrictions for Azure resources" (Microsoft.EventHub,
 * `namespaces/eventhubs`): 1 to 256 letters, digits, `.`, `_` and `-`, starting and ending with a letter or digit.
 */
const EVENT_HUB_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,254}[a-zA-Z0-9])?$/;

/** SE412: the event hub's name, not its id (nor the namespace's or the rule's): a name is what the setting takes. */
function checkEventHubName(name_: string, prop: string): Problems {
  if (EVENT_HUB_NAME.test(name_)) return [];
  const id = /^\/subscriptions\//i.test(name_);
  const lastSegment =
    name_
      .split('/')
      .filter((s) => s !== '')
      .pop() ?? '';
  return [
    problem(
      'SE412',
      `${prop} is '${name_}', ${id ? 'an ARM id' : 'not an event hub name'}: the diagnostic setting takes the event ` +
        `hub's name (1 to 256 letters, digits, '.', '_' and '-', starting and ending with a letter or digit) in the ` +
        `namespace of authorizationRuleId; give ${id ? `its last segment ('${lastSegment}')` : 'the name'}, ` +
        `or leave it unset for one event hub per category`,
    ),
  ];
  return [];
}
const EVENT_HUB_NAME_READER = name({ ...EXPR, optional: true, check: checkEventHubName });

export const ENDPOINT_LOGS_TO_LOG_ANALYTICS_PARAMS = defineProps<{ workspace: IArmResource }>(
  'EndpointLogs.toLogAnalytics',
  {
    workspace: armResourceReader(false),
  },
);
export const ENDPOINT_LOGS_TO_STORAGE_ACCOUNT_PARAMS = defineProps<{ account: ILogArchiveStorageAccount }>(
  'EndpointLogs.toStorageAccount',
  {
    account: LOG_ARCHIVE_ACCOUNT_READER,
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
        eventHubName: EVENT_HUB_NAME_READER,
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
  eventhubName: EVENT_HUB_NAME_READER,
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
    return fromFactory(
      ENDPOINT_LOGS_TO_LOG_ANALYTICS_PARAMS,
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
      ENDPOINT_LOGS_TO_STORAGE_ACCOUNT_PARAMS,
      { account },
      (read) => new FixedDestination({ storageAccountId: read.account.id }, read.account),
      FixedDestination.prototype,
    );
  }

  /** An event hub, for a SIEM. */
  public static toEventHub(options: EventHubLogOptions): EndpointLogs {
    return fromFactory(
      ENDPOINT_LOGS_TO_EVENT_HUB_PARAMS,
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
    const resolved = this._resolve(() => workspace.logAnalyticsWorkspaceId);
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

  /**
   * Checks what only the brought destination can tell (a storage account's region and tier) for an endpoint in
   * `region`, on `scope` (plan time for expressions). @internal
   */
  public _checkBrought(_scope: IConstruct, _region: string): void {}

  /**
   * Resolves against the workspace's Log Analytics workspace id (undefined or '' when it has none). Asked for
   * only by the default destination: an imported workspace reads it from the live Application Insights, a read
   * (and a plan-time check) that a stack choosing its own destination must not get. @internal
   */
  public abstract _resolve(workspaceLogAnalyticsId: () => string | undefined): ResolvedLogs;
}

class WorkspaceLogAnalytics extends EndpointLogs {
  public _resolve(workspaceLogAnalyticsId: () => string | undefined): ResolvedLogs {
    const id = workspaceLogAnalyticsId();
    if (id === undefined || id === '') return { kind: 'no-default' };
    return { kind: 'to', destination: { logAnalyticsWorkspaceId: id } };
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
