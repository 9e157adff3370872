import { Construct } from 'constructs';
import { Postcondition, Precondition } from 'cdktf';
import { DataAzapiResource } from '../azapi';
import { IsolationMode } from './isolation-mode';

/** What the verification reads from the live workspace (`response_export_values` of the data source). */
export const VERIFIED_WORKSPACE_VALUES = {
  v1LegacyMode: 'properties.v1LegacyMode',
  isolationMode: 'properties.managedNetwork.isolationMode',
} as const;

/** What a stack declares about a workspace made elsewhere, checked against the live one at plan time. */
export interface WorkspaceExpectations {
  readonly workspaceName: string;
  readonly resourceGroupName: string;
  /**
   * The isolation mode the stack relies on. Undefined when the stack sets the mode itself
   * (`enableManagedNetwork`): then only v1 legacy mode is checked.
   */
  readonly isolationMode: IsolationMode | undefined;
}

// The live isolation mode; a workspace without a managed network has no `managedNetwork` object (or a null one).
const LIVE_MODE = 'coalesce(try(self.output.isolationMode, null), "Disabled")';

/**
 * Postconditions of the `azapi_resource` data source that reads a workspace made elsewhere: `terraform plan`
 * stops, with the how-to's own words, before anything is created on a workspace where managed online endpoints
 * cannot work or whose managed network is not the one the stack was written for.
 */
export function workspacePostconditions(expect: WorkspaceExpectations): Postcondition[] {
  const name = `workspace '${expect.workspaceName}'`;
  const conditions: Postcondition[] = [
    {
      condition: '${try(self.output.v1LegacyMode, false) != true}',
      errorMessage:
        `V1LegacyMode == true on ${name}: v1_legacy_mode disables the v2 APIs, and managed online endpoints are a ` +
        `feature of the v2 API platform, so endpoint creation would fail. Check with your network security team ` +
        `before disabling it (it may have been enabled for a reason), then run: az ml workspace update --name ` +
        `${expect.workspaceName} --resource-group ${expect.resourceGroupName} --v1-legacy-mode false`,
    },
  ];
  const declared = expect.isolationMode;
  if (declared === undefined) return conditions;
  if (declared.isManaged) {
    conditions.push({
      condition: `\${${LIVE_MODE} != "Disabled"}`,
      errorMessage:
        `${name} has no managed virtual network (isolation mode Disabled), but the stack declares ` +
        `${declared.value}: outbound rules and provisioning need one. Turn it on in place with ` +
        `ManagedVnetWorkspace.enableManagedNetwork (or az ml workspace update --managed-network ...), or declare ` +
        `IsolationMode.DISABLED`,
    });
  }
  conditions.push({
    condition: declared.isManaged
      ? `\${contains(["Disabled", "${declared.value}"], ${LIVE_MODE})}`
      : `\${${LIVE_MODE} == "Disabled"}`,
    errorMessage:
      `${name} has managed network isolation mode \${${LIVE_MODE}}, but the stack declares ${declared.value}: ` +
      `read it with az ml workspace show --name ${expect.workspaceName} --resource-group ` +
      `${expect.resourceGroupName} --query managed_network.isolation_mode and declare that isolationMode`,
  });
  return conditions;
}

/** Props of `readLiveWorkspace`. */
export interface LiveWorkspaceReadProps extends WorkspaceExpectations {
  /** `Microsoft.MachineLearningServices/workspaces@<api-version>`. */
  readonly type: string;
  /** ARM id of the workspace. */
  readonly resourceId: string;
  /** Checks of the ids the stack was given, run before the read (`readArmId`). @default none */
  readonly preconditions?: Precondition[];
}

/**
 * One GET at plan time (`data "azapi_resource"`): reads the workspace's associated resources and identity, and
 * stops the plan when the live workspace is not what the stack was written for.
 */
export function readLiveWorkspace(
  scope: Construct,
  id: string,
  props: LiveWorkspaceReadProps,
): DataAzapiResource {
  return new DataAzapiResource(scope, id, {
    type: props.type,
    resourceId: props.resourceId,
    responseExportValues: {
      workspaceGuid: 'properties.workspaceId',
      storageAccount: 'properties.storageAccount',
      keyVault: 'properties.keyVault',
      containerRegistry: 'properties.containerRegistry',
      applicationInsights: 'properties.applicationInsights',
      principalId: 'identity.principalId',
      ...VERIFIED_WORKSPACE_VALUES,
    },
    lifecycle: {
      precondition:
        props.preconditions !== undefined && props.preconditions.length > 0 ? props.preconditions : undefined,
      postcondition: workspacePostconditions(props),
    },
  });
}
