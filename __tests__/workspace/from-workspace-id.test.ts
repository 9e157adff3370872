/** ManagedVnetWorkspace.fromWorkspaceId: a workspace made elsewhere, imported from its ARM id alone. */
import { TerraformVariable } from 'cdktf';
import { IsolationMode, ManagedVnetWorkspace, Model, SecureOnlineEndpoint } from '../../src';
import { dataOfType, resourcesOfType, reported, synthWith } from '../support/synth';
import { armId } from './fixtures';

const WORKSPACE_ID = armId('rg-ml', 'Microsoft.MachineLearningServices/workspaces', 'mlw-existing');

describe('fromWorkspaceId', () => {
  test('names from the id, the region read from the live workspace, the how-to isolation verified at plan', () => {
    const json = synthWith((stack) => {
      const ws = ManagedVnetWorkspace.fromWorkspaceId(stack, 'Existing', WORKSPACE_ID);
      expect(ws).toMatchObject({
        workspaceId: WORKSPACE_ID,
        workspaceName: 'mlw-existing',
        resourceGroupName: 'rg-ml',
        isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
      });
      // How callers reach the workspace is not known from the id: a private endpoint says it is arranged.
      const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', {
        workspace: ws,
        endpointName: 'endpt-byid',
        inboundAccessArrangedElsewhere: true,
      });
      endpoint.addDeployment('Blue', { model: Model.mlflowFromAssetId('azureml:m:1'), allTraffic: true });
    });
    expect(Object.values(dataOfType(json, 'azapi_resource'))).toContainEqual(
      expect.objectContaining({ resource_id: WORKSPACE_ID }),
    );
    const endpoint = Object.values(resourcesOfType(json, 'azapi_resource')).find(
      (r) => typeof r.type === 'string' && r.type.includes('onlineEndpoints@'),
    );
    expect(endpoint?.location).toMatch(/^\$\{data\.azapi_resource\.Existing_[0-9A-F]+\.location\}$/);
  });

  test('an id given as a Terraform expression: group and name split by Terraform', () => {
    const json = synthWith((stack) => {
      const id = new TerraformVariable(stack, 'workspace_id', { type: 'string' }).stringValue;
      const ws = ManagedVnetWorkspace.fromWorkspaceId(stack, 'Existing', id);
      ws.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
    });
    const [read] = Object.values(dataOfType(json, 'azapi_resource'));
    expect(read).toMatchObject({ resource_id: '${var.workspace_id}' });
    expect(JSON.stringify(json)).toContain('element(split(\\"/\\", var.workspace_id), 8)');
  });

  test('SE002: the id of another resource type is refused; a workspace id passes', () => {
    const storage = armId('rg-ml', 'Microsoft.Storage/storageAccounts', 'stml');
    expect(() =>
      reported((stack) => ManagedVnetWorkspace.fromWorkspaceId(stack, 'Existing', storage)),
    ).toThrow(
      /^\[SE002\] test: workspaceId '.*storageAccounts\/stml' of test\/Existing is refused: it is the id of a Microsoft\.Storage\/storageAccounts, not of a Microsoft\.MachineLearningServices\/workspaces/,
    );
    expect(
      reported((stack) => ManagedVnetWorkspace.fromWorkspaceId(stack, 'Existing', WORKSPACE_ID)),
    ).toEqual([]);
  });
});
