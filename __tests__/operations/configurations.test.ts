/**
 * One snapshot per documented operations configuration, scoped to the resources the feature adds (the workspace,
 * endpoint and deployment bodies have their own snapshots). Every azapi body of every stack is checked against
 * the azapi provider's embedded types.
 */
import { expectConformingBodies } from '../support/conformance';
import { synthJson } from '../support/synth';
import { buildConfiguration, OPERATIONS_CONFIGURATIONS } from './configurations';
import { scoped, SnapshotScope } from '../support/scoped';

const DEPLOYMENTS = 'workspaces/onlineEndpoints/deployments';
const AUTOSCALE: SnapshotScope = {
  resources: ['azurerm_monitor_autoscale_setting'],
  mlAttributes: { [DEPLOYMENTS]: ['ignore_body_changes'] },
};
const GRANTS: SnapshotScope = { resources: ['azurerm_role_definition', 'azurerm_role_assignment'] };
// The endpoints' settings: the workspace's own (`Workspace_...`) are snapshotted with the workspace.
const LOGS: SnapshotScope = { resources: ['azurerm_monitor_diagnostic_setting'], names: /^(?!Workspace_)/ };
const MLFLOW: SnapshotScope = {
  mlTypes: ['workspaces/outboundRules'],
  mlAttributes: { [DEPLOYMENTS]: ['depends_on', 'body'] },
};
const EXISTING: SnapshotScope = {
  data: ['azapi_resource'],
  mlTypes: ['workspaces'],
  mlAttributes: { [DEPLOYMENTS]: ['depends_on'], 'workspaces/onlineEndpoints': ['parent_id'] },
};

const SCOPES: Record<string, SnapshotScope> = {
  'autoscale on CPU utilization': AUTOSCALE,
  'autoscale on request latency': AUTOSCALE,
  'autoscale on any metric, with durations': AUTOSCALE,
  'autoscale on a schedule, with CPU rules in every profile': AUTOSCALE,
  'grantInvoke on an AADToken endpoint': GRANTS,
  'grantInvoke on an AMLToken endpoint': GRANTS,
  'logs to the workspace Log Analytics (default)': LOGS,
  'logs to another Log Analytics workspace': LOGS,
  'logs archived to a storage account': LOGS,
  'logs turned off': LOGS,
  'MLflow model from a local folder under approved outbound': MLFLOW,
  'MLflow model by asset id under approved outbound': MLFLOW,
  'imported workspace verified at plan time': EXISTING,
  'workspace imported by its ARM id': EXISTING,
  'managed network enabled on an existing workspace': EXISTING,
};

describe('documented operations configurations', () => {
  test('every configuration has a snapshot scope', () => {
    expect(Object.keys(SCOPES).sort()).toEqual(OPERATIONS_CONFIGURATIONS.map((c) => c.title).sort());
  });

  test.each(OPERATIONS_CONFIGURATIONS.map((c) => c.title))('%s', (name) => {
    const json = synthJson(buildConfiguration(name));
    expect(scoped(json, SCOPES[name])).toMatchSnapshot();
    expectConformingBodies(json);
  });
});
