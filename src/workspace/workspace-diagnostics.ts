import { Construct } from 'constructs';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { problemsOf } from '../checks';
import {
  EndpointLogDestination,
  EndpointLogs,
  ILogAnalyticsHost,
  readDestinationIds,
} from '../core/log-destinations';

/**
 * The log category groups a workspace's and a Key Vault's diagnostic settings enable. Both resource types list
 * `audit` and `allLogs` among their supported category groups (Azure Monitor, "Supported logs for
 * Microsoft.MachineLearningServices/workspaces" and "...Microsoft.KeyVault/vaults"); `allLogs` holds every
 * `audit` category. Both are sent, as Azure Policy's own "Enable logging by category group" definitions write
 * them (`DS_LA_machinelearningservices-workspaces_DINE`), so that a rule looking for either finds it.
 */
export const DIAGNOSTIC_CATEGORY_GROUPS = ['audit', 'allLogs'] as const;

/** Props of `ResourceDiagnostics`. */
export interface ResourceDiagnosticsProps {
  /** ARM id of the resource whose logs are sent. */
  readonly targetResourceId: string;
  /** Name of the setting on the resource. */
  readonly settingName: string;
  /** Where the logs go. */
  readonly destination: EndpointLogDestination;
}

/**
 * One diagnostic setting (construct id `Resource`) sending the `audit` and `allLogs` category groups and all
 * metrics of a resource to one destination; Log Analytics gets resource-specific tables (`Dedicated`) where the
 * resource has them.
 */
export class ResourceDiagnostics extends Construct {
  /** The diagnostic setting. */
  public readonly resource: MonitorDiagnosticSetting;

  constructor(scope: Construct, id: string, props: ResourceDiagnosticsProps) {
    super(scope, id);
    const { destination } = props;
    this.resource = new MonitorDiagnosticSetting(this, 'Resource', {
      name: props.settingName,
      targetResourceId: props.targetResourceId,
      ...destination,
      logAnalyticsDestinationType:
        destination.logAnalyticsWorkspaceId === undefined ? undefined : 'Dedicated',
      enabledLog: DIAGNOSTIC_CATEGORY_GROUPS.map((categoryGroup) => ({ categoryGroup })),
      enabledMetric: [{ category: 'AllMetrics' }],
    });
  }
}

/** The workspace's diagnostic settings, as `ManagedVnetWorkspace.diagnosticSettings` exposes them. */
export interface WorkspaceDiagnosticSettings {
  /** On the workspace (construct id `Diagnostics/Resource`, setting `workspace-logs`). @default none when disabled */
  readonly workspace?: MonitorDiagnosticSetting;
  /** On the created Key Vault (`KeyVaultDiagnostics/Resource`, `key-vault-logs`). @default none when disabled or brought */
  readonly keyVault?: MonitorDiagnosticSetting;
}

/** What the workspace's diagnostic settings read from the workspace. */
interface DiagnosedWorkspace extends ILogAnalyticsHost {
  readonly workspaceId: string;
}

/** Names of the settings on the workspace and on its Key Vault. */
export const WORKSPACE_DIAGNOSTIC_SETTING_NAMES = { workspace: 'workspace-logs', keyVault: 'key-vault-logs' };

/**
 * The diagnostic settings of the workspace and of the Key Vault created for it, to `logs`. Unset, they go to the
 * Log Analytics workspace behind Application Insights when it is known at synth (`knownLogAnalyticsId`: created
 * here, or a brought component with its `workspaceId`); otherwise (a classic component, a brought `{ id }`) the
 * default creates none, so that no stack of an earlier release gains a plan-time read or a refusal. Asked for
 * explicitly, the workspace's Log Analytics workspace is read as endpoints read it, and SE140 refuses a classic one.
 */
export function createDiagnostics(
  workspace: DiagnosedWorkspace,
  logs: EndpointLogs | undefined,
  keyVault: KeyVault | undefined,
  knownLogAnalyticsId: string | undefined,
): WorkspaceDiagnosticSettings {
  const resolved =
    logs === undefined
      ? EndpointLogs.toWorkspaceLogAnalytics()._resolve(() => knownLogAnalyticsId)
      : logs._resolve(() => workspace.logAnalyticsWorkspaceId);
  if (resolved.kind === 'none' || (resolved.kind === 'no-default' && logs === undefined)) return {};
  if (resolved.kind === 'no-default') {
    problemsOf(workspace).report(
      'SE140',
      `diagnosticLogs sends the workspace's resource logs to its Log Analytics workspace, but it has none (the ` +
        `brought Application Insights is a classic one, workspaceId ''); give diagnosticLogs: ` +
        `EndpointLogs.toLogAnalytics(...) (or another destination), or EndpointLogs.disabled() to keep none`,
    );
    return {};
  }
  const { destination } = resolved;
  if (logs !== undefined) readDestinationIds(workspace, 'diagnosticLogs', destination);
  const names = WORKSPACE_DIAGNOSTIC_SETTING_NAMES;
  return {
    workspace: new ResourceDiagnostics(workspace, 'Diagnostics', {
      targetResourceId: workspace.workspaceId,
      settingName: names.workspace,
      destination,
    }).resource,
    keyVault:
      keyVault === undefined
        ? undefined
        : new ResourceDiagnostics(workspace, 'KeyVaultDiagnostics', {
            targetResourceId: keyVault.id,
            settingName: names.keyVault,
            destination,
          }).resource,
  };
}
