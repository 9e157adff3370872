/** The synthesized ordering: provisioning after everything that shapes the managed network; rules serialized. */
import {
  ManagedVnetWorkspace,
  WorkspaceIdentity,
  ImageBuildCompute,
  IsolationMode,
} from '../../src/workspace';
import { PrivateEndpointTarget } from '../../src/outbound';
import { synthJson, testStack, mlResourcesOfType, onlyMlResource } from '../support/synth';
import { armId, network } from './fixtures';

const UAMI = armId('rg-id', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'uami');

function build() {
  const stack = testStack();
  const { rg, vnet, subnet } = network(stack);
  const workspace = new ManagedVnetWorkspace(stack, 'Workspace', {
    resourceGroup: rg,
    workspaceName: 'mlw-deps',
    inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
  });
  return { stack, workspace };
}

describe('managed network dependencies', () => {
  test('provisioning depends on the workspace, the inbound private endpoint and every rule', () => {
    const { stack, workspace } = build();
    workspace.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
    workspace.addOutboundPrivateEndpointRule('Data', {
      ruleName: 'data-blob',
      serviceResourceId: armId('rg-data', 'Microsoft.Storage/storageAccounts', 'stdata'),
      subresourceTarget: PrivateEndpointTarget.BLOB,
    });
    const json = synthJson(stack);
    const [wsName] = onlyMlResource(json, 'workspaces');
    const [, provision] = onlyMlResource(json, 'workspaces', 'azapi_resource_action');
    const ruleNames = mlResourcesOfType(json, 'workspaces/outboundRules').map(([name]) => name);
    expect(ruleNames).toHaveLength(2);
    const pe = Object.keys(json.resource?.azurerm_private_endpoint ?? {})[0];
    const expected = [
      `azapi_resource.${wsName}`,
      `azurerm_private_endpoint.${pe}`,
      ...ruleNames.map((n) => `azapi_resource.${n}`),
    ];
    expect(provision.depends_on).toHaveLength(expected.length);
    expect(provision.depends_on).toEqual(expect.arrayContaining(expected));
  });

  test('a rule added after construction (as deployment constructs do) joins provisioning depends_on', () => {
    const { stack, workspace } = build();
    synthJson(stack); // construction finished once
    const late = workspace.addOutboundFqdnRule('Conda', { ruleName: 'conda', destination: '*.anaconda.org' });
    const json = synthJson(stack);
    const [, provision] = onlyMlResource(json, 'workspaces', 'azapi_resource_action');
    const [ruleName] =
      mlResourcesOfType(json, 'workspaces/outboundRules').find(([, r]) => r.name === 'conda') ?? [];
    expect(late.ruleName).toBe('conda');
    expect(provision.depends_on).toContain(`azapi_resource.${ruleName}`);
  });

  test('rules and provisioning share one lock on the workspace id, so rule writes never run in parallel', () => {
    const { stack, workspace } = build();
    workspace.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
    workspace.addOutboundFqdnRule('Conda', { ruleName: 'conda', destination: '*.anaconda.org' });
    const json = synthJson(stack);
    const [wsName] = onlyMlResource(json, 'workspaces');
    const lock = [`\${azapi_resource.${wsName}.id}`];
    for (const [, rule] of mlResourcesOfType(json, 'workspaces/outboundRules')) {
      expect(rule.locks).toEqual(lock);
      expect(rule).not.toHaveProperty('location');
      expect(rule).not.toHaveProperty('tags');
    }
    expect(onlyMlResource(json, 'workspaces', 'azapi_resource_action')[1].locks).toEqual(lock);
  });

  test('the workspace never references its rules: deleting a rule cannot update or replace it', () => {
    const { stack, workspace } = build();
    workspace.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
    const json = synthJson(stack);
    const [, ws] = onlyMlResource(json, 'workspaces');
    const text = JSON.stringify(ws);
    expect(text).not.toContain('Pypi');
    expect(text).not.toContain('outboundRules":');
    expect(ws.depends_on).toBeUndefined();
    expect(ws.ignore_body_changes).toEqual(['properties.managedNetwork.outboundRules']);
    expect(ws.replace_triggers_refs).toEqual(['properties.storageAccount', 'properties.keyVault']);
  });

  test('the image-build compute is created after provisioning; managedNetworkReady is both', () => {
    const { stack, workspace } = build();
    const json = synthJson(stack);
    const [provisionName] = onlyMlResource(json, 'workspaces', 'azapi_resource_action');
    const [, compute] = onlyMlResource(json, 'workspaces/computes');
    expect(compute.depends_on).toEqual([`azapi_resource_action.${provisionName}`]);
    expect(workspace.managedNetworkReady).toEqual([
      workspace._managedNetworkProvisioning?.resource,
      workspace.imageBuildComputeResource,
    ]);
  });

  test('without a managed network there is no provisioning; with an existing compute nothing is created', () => {
    const stack = testStack();
    const { rg } = network(stack);
    const workspace = new ManagedVnetWorkspace(stack, 'Workspace', {
      resourceGroup: rg,
      workspaceName: 'mlw-plain',
      isolationMode: IsolationMode.DISABLED,
      publicNetworkAccess: true,
      imageBuildCompute: ImageBuildCompute.existing('cpu-cluster'),
      identity: WorkspaceIdentity.userAssigned({
        id: UAMI,
        principalId: '11111111-2222-4333-8444-555555555555',
        clientId: '66666666-7777-4888-9999-000000000000',
      }),
    });
    const json = synthJson(stack);
    expect(json.resource?.azapi_resource_action).toBeUndefined();
    expect(mlResourcesOfType(json, 'workspaces/computes')).toHaveLength(0);
    expect(workspace.managedNetworkReady).toEqual([workspace.resource]);
    expect(workspace.workspacePrincipalId).toBe('11111111-2222-4333-8444-555555555555');
    const [, ws] = onlyMlResource(json, 'workspaces');
    expect(ws.identity).toEqual({ type: 'UserAssigned', identity_ids: [UAMI] });
    expect(ws.body).toMatchObject({
      properties: { primaryUserAssignedIdentity: UAMI, imageBuildCompute: 'cpu-cluster' },
    });
  });
});
