/** SE460: an object of this library from another stack is refused with both construct paths. */
import { TerraformStack, Testing } from 'cdktf';
import { configurationProblems } from '../../src/checks';
import { BlueDeployment } from '../../src/deployment';
import { SecureOnlineEndpoint } from '../../src/endpoint';
import { InboundAccess, IsolationMode, ManagedVnetWorkspace } from '../../src/workspace';
import { howToDeployment } from '../endpoint/helpers';
import { armId, LITERAL_RG } from '../workspace/fixtures';

const SUBNET = { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') };

function twoStacks(imported: boolean): string[] {
  const app = Testing.app();
  const platform = new TerraformStack(app, 'platform');
  const serving = new TerraformStack(app, 'serving');
  const ws = new ManagedVnetWorkspace(platform, 'Workspace', {
    resourceGroup: LITERAL_RG,
    workspaceName: 'mlw-stacks',
    inboundPrivateEndpoint: { subnet: SUBNET },
  });
  const workspace = imported
    ? ManagedVnetWorkspace.fromWorkspaceAttributes(serving, 'Workspace', {
        workspaceName: 'mlw-stacks',
        resourceGroupName: LITERAL_RG.name,
        location: 'westeurope',
        inboundAccess: InboundAccess.PRIVATE_ENDPOINT,
        isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
      })
    : ws;
  const endpoint = new SecureOnlineEndpoint(serving, 'Endpoint', { workspace, endpointName: 'endpt-stacks' });
  new BlueDeployment(serving, 'Blue', { endpoint, ...howToDeployment() });
  return configurationProblems(app).map((p) => p.message);
}

test('a workspace object of another stack is refused, naming both construct paths', () => {
  expect(twoStacks(false)).toEqual([
    expect.stringMatching(
      /\[SE460\] serving\/Endpoint: workspace is platform\/Workspace, of stack 'platform', but serving\/Endpoint is in stack 'serving'.*fromWorkspaceAttributes/,
    ),
  ]);
});

test('the workspace imported in the serving stack from the platform stack passes', () => {
  expect(twoStacks(true)).toEqual([]);
});
