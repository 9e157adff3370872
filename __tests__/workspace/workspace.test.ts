import { PrivateEndpointTarget } from '../../src/outbound';
import { ImageBuildCompute, IsolationMode, ManagedVnetWorkspace } from '../../src/workspace';
import { expectConformingBodies } from '../support/conformance';
import { resourcesOfType, synthJson, testStack, onlyMlResource } from '../support/synth';
import { armId, network, SUB } from './fixtures';

describe('ManagedVnetWorkspace defaults', () => {
  test('the how-to default synthesizes a secure workspace whose bodies conform', () => {
    const stack = testStack();
    const { rg, vnet, subnet } = network(stack);
    new ManagedVnetWorkspace(stack, 'Workspace', {
      resourceGroup: rg,
      workspaceName: 'mlw-secure',
      inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
    });
    const json = synthJson(stack);
    const [, ws] = onlyMlResource(json, 'workspaces');
    expect(ws.type).toBe('Microsoft.MachineLearningServices/workspaces@2026-05-15-preview');
    expect(ws.body).toMatchObject({
      properties: {
        publicNetworkAccess: 'Disabled',
        v1LegacyMode: false,
        imageBuildCompute: 'image-build',
        managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound', firewallSku: 'Standard' },
      },
    });
    expect(ws.ignore_body_changes).toEqual(['properties.managedNetwork.outboundRules']);
    expectConformingBodies(json);
  });

  test('a workspace name with an underscore gives a Log Analytics name azurerm accepts', () => {
    const stack = testStack();
    const { rg, vnet, subnet } = network(stack);
    new ManagedVnetWorkspace(stack, 'Workspace', {
      resourceGroup: rg,
      workspaceName: 'mlw_team_a',
      inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
    });
    const logs = Object.values(resourcesOfType(synthJson(stack), 'azurerm_log_analytics_workspace'));
    expect(logs.map((l) => l.name)).toEqual(['mlw-team-a-log']);
    // azurerm's validate.LogAnalyticsWorkspaceName
    expect(logs[0].name).toMatch(/^[A-Za-z0-9][A-Za-z0-9-]+[A-Za-z0-9]$/);
  });

  test('the image-build cluster has no public IP only where a managed network gives it one', () => {
    const computeProps = (isolationMode: IsolationMode) => {
      const stack = testStack();
      const { rg } = network(stack);
      new ManagedVnetWorkspace(stack, 'Workspace', {
        resourceGroup: rg,
        workspaceName: 'mlw-compute',
        isolationMode,
        publicNetworkAccess: true,
        imageBuildCompute: ImageBuildCompute.cluster(),
      });
      const json = synthJson(stack);
      expectConformingBodies(json);
      const [, compute] = onlyMlResource(json, 'workspaces/computes');
      return (compute.body as { properties: { properties: Record<string, unknown> } }).properties.properties;
    };
    expect(computeProps(IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND).enableNodePublicIp).toBe(false);
    expect(computeProps(IsolationMode.ALLOW_INTERNET_OUTBOUND).enableNodePublicIp).toBe(false);
    // Without a managed network Azure refuses a no-public-IP cluster outside a subnet.
    expect(computeProps(IsolationMode.DISABLED)).not.toHaveProperty('enableNodePublicIp');
  });

  test('an imported workspace has every add...Rule method of a created one', () => {
    const stack = testStack();
    const imported = ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Existing', {
      workspaceName: 'mlw-existing',
      resourceGroupName: 'rg-ml',
      subscriptionId: SUB,
      location: 'westeurope',
      isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
      workspacePrincipalId: '11111111-1111-1111-1111-111111111111',
    });
    imported.addOutboundPrivateEndpointRule('Data', {
      ruleName: 'data-blob',
      serviceResourceId: armId('rg-data', 'Microsoft.Storage/storageAccounts', 'stdata'),
      subresourceTarget: PrivateEndpointTarget.BLOB,
    });
    imported.addOutboundServiceTagRule('Monitor', { ruleName: 'monitor', serviceTag: 'AzureMonitor' });
    expect(imported.outboundRules.map((r) => r.ruleName)).toEqual(['data-blob', 'monitor']);
    const json = synthJson(stack);
    expectConformingBodies(json);
    const [, provision] = onlyMlResource(json, 'workspaces', 'azapi_resource_action');
    expect(provision.depends_on).toHaveLength(2);
  });
});
