/**
 * The Terraform this library writes for input it cannot judge at synth, through real `terraform validate` (azapi
 * and azurerm from the offline mirror): the `lifecycle.precondition` checks of ids given as expressions, the
 * plan-time read of a workspace's Log Analytics workspace from its Application Insights (pre- and postcondition
 * on an azapi data source, in JSON and in HCL), and a blob endpoint from an expression. Skipped with a notice when
 * Terraform is unavailable.
 */
import { TerraformStack, TerraformVariable } from 'cdktf';
import { EndpointLogs, SecureOnlineEndpoint } from '../../src/endpoint';
import { BlueDeployment } from '../../src/deployment';
import { OutboundPrivateEndpointRule } from '../../src/outbound';
import { InboundAccess, IsolationMode, ManagedVnetWorkspace } from '../../src/workspace';
import { howToDeployment } from '../endpoint/helpers';
import { testStack } from '../support/synth';
import { describeTerraformValidation } from '../support/terraform-validate';
import { LITERAL_RG, SUB } from '../workspace/fixtures';

/** The workspace made elsewhere that the imported stacks use. */
const EXISTING = {
  workspaceName: 'mlw-existing',
  resourceGroupName: 'rg-ml',
  subscriptionId: SUB,
  location: 'westeurope',
  isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
  inboundAccess: InboundAccess.ARRANGED_ELSEWHERE,
};

function variable(stack: TerraformStack, name: string): string {
  // A default, so that the stack validates as a module without arguments.
  return new TerraformVariable(stack, name, { type: 'string', default: 'set-by-caller' }).stringValue;
}

/** Ids from variables everywhere an id is read, and a workspace whose Log Analytics workspace is read. */
function idsFromVariables(): TerraformStack {
  const stack = testStack();
  const ws = new ManagedVnetWorkspace(stack, 'Workspace', {
    resourceGroup: LITERAL_RG,
    workspaceName: 'mlw-vars',
    storageAccount: { id: variable(stack, 'storage_id') },
    keyVault: { id: variable(stack, 'key_vault_id') },
    containerRegistry: { id: variable(stack, 'registry_id') },
    applicationInsights: { id: variable(stack, 'insights_id') },
    inboundPrivateEndpoint: { subnet: { id: variable(stack, 'subnet_id') } },
  });
  const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', { workspace: ws, endpointName: 'endpt-vars' });
  new SecureOnlineEndpoint(stack, 'Archived', {
    workspace: ws,
    endpointName: 'endpt-archived',
    logs: EndpointLogs.toEventHub({ authorizationRuleId: variable(stack, 'rule_id') }),
  });
  OutboundPrivateEndpointRule.forRegistry(stack, 'Registry', {
    workspace: ws,
    registryId: variable(stack, 'ml_registry_id'),
    registryStorageAccountId: variable(stack, 'ml_registry_storage_id'),
    registryContainerRegistryId: variable(stack, 'ml_registry_acr_id'),
  });
  new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
  return stack;
}

/** An imported workspace without a Log Analytics id, a blob endpoint and an endpoint id from variables. */
function importedFromVariables(): TerraformStack {
  const stack = testStack();
  const ws = ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Workspace', {
    ...EXISTING,
    storageAccountId: variable(stack, 'storage_id'),
    storageBlobEndpoint: variable(stack, 'blob_endpoint'),
  });
  new SecureOnlineEndpoint(stack, 'Endpoint', { workspace: ws, endpointName: 'endpt-imported' });
  const attached = SecureOnlineEndpoint.fromEndpointAttributes(stack, 'Attached', {
    workspace: ws,
    endpointName: 'endpt-attached',
    endpointId: variable(stack, 'endpoint_id'),
  });
  new BlueDeployment(stack, 'Blue', { endpoint: attached, ...howToDeployment() });
  return stack;
}

/** The imported workspace and its plan-time read alone, as `cdktf synth --hcl` writes them. */
function importedHcl(): TerraformStack {
  const stack = testStack();
  const ws = ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Workspace', {
    ...EXISTING,
    workspaceId: variable(stack, 'workspace_id'),
    keyVaultId: variable(stack, 'key_vault_id'),
  });
  new SecureOnlineEndpoint(stack, 'Endpoint', { workspace: ws, endpointName: 'endpt-imported' });
  return stack;
}

describeTerraformValidation(
  'terraform validate: plan-time checks of input',
  {
    'ids from variables': idsFromVariables,
    'imported workspace, blob endpoint and endpoint id from variables': importedFromVariables,
    'imported workspace read at plan time (HCL)': importedHcl,
  },
  { hcl: ['imported workspace read at plan time (HCL)'] },
);
