import { ManagedVnetWorkspace } from '../../src/workspace';
import { expectConformingBodies } from '../support/conformance';
import { synthJson, testStack } from '../support/synth';
import { network, oneOfType } from './fixtures';

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
    const [, ws] = oneOfType(json, 'workspaces');
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
});
