/** Outbound rule bodies, the registry helper and the approver role. */
import { OutboundPrivateEndpointRule, PrivateEndpointTarget, ServiceTagProtocol } from '../../src/outbound';
import { IsolationMode, ManagedVnetWorkspace } from '../../src/workspace';
import { expectConformingBodies } from '../support/conformance';
import { resourcesOfType, synthJson, testStack, mlResourcesOfType, onlyMlResource } from '../support/synth';
import { armId, LITERAL_RG, SUB } from '../workspace/fixtures';

const SUBNET = { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') };

function stackWithWorkspace(isolationMode = IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND) {
  const stack = testStack();
  const workspace = new ManagedVnetWorkspace(stack, 'Workspace', {
    resourceGroup: LITERAL_RG,
    workspaceName: 'mlw-rules',
    isolationMode,
    inboundPrivateEndpoint: { subnet: SUBNET },
  });
  return { stack, workspace };
}

function ruleBodies(stack: ReturnType<typeof testStack>): Record<string, unknown> {
  const json = synthJson(stack);
  expectConformingBodies(json);
  return Object.fromEntries(
    mlResourcesOfType(json, 'workspaces/outboundRules').map(([, r]) => [r.name, r.body]),
  );
}

describe('outbound rules', () => {
  test('each rule type writes its exact ARM shape as a workspaces/outboundRules child', () => {
    const { stack, workspace } = stackWithWorkspace();
    workspace.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
    workspace.addOutboundServiceTagRule('Monitor', {
      ruleName: 'monitor',
      serviceTag: 'AzureMonitor',
      protocol: ServiceTagProtocol.ANY,
      portRanges: '80, 443',
    });
    workspace.addOutboundPrivateEndpointRule('Search', {
      ruleName: 'search',
      serviceResourceId: armId('rg-s', 'Microsoft.Search/searchServices', 'srch'),
      subresourceTarget: PrivateEndpointTarget.of('searchService'),
      sparkEnabled: true,
      grantApproverRole: false,
    });
    expect(ruleBodies(stack)).toEqual({
      pypi: { properties: { type: 'FQDN', category: 'UserDefined', destination: 'pypi.org' } },
      monitor: {
        properties: {
          type: 'ServiceTag',
          category: 'UserDefined',
          destination: { serviceTag: 'AzureMonitor', protocol: '*', portRanges: '80, 443', action: 'Allow' },
        },
      },
      search: {
        properties: {
          type: 'PrivateEndpoint',
          category: 'UserDefined',
          destination: {
            serviceResourceId: armId('rg-s', 'Microsoft.Search/searchServices', 'srch'),
            subresourceTarget: 'searchService',
            sparkEnabled: true,
          },
        },
      },
    });
    expect(resourcesOfType(synthJson(stack), 'azurerm_role_assignment')).toEqual({});
  });

  test('private endpoint rules work under AllowInternetOutbound too', () => {
    const { stack, workspace } = stackWithWorkspace(IsolationMode.ALLOW_INTERNET_OUTBOUND);
    workspace.addOutboundPrivateEndpointRule('Vault', {
      ruleName: 'vault',
      serviceResourceId: armId('rg-s', 'Microsoft.KeyVault/vaults', 'kv'),
      subresourceTarget: PrivateEndpointTarget.VAULT,
    });
    expect(Object.keys(ruleBodies(stack))).toEqual(['vault']);
  });

  test('forRegistry creates the registry, blob and ACR rules, each after its approver role', () => {
    const { stack, workspace } = stackWithWorkspace();
    const rules = OutboundPrivateEndpointRule.forRegistry(stack, 'Registry', {
      workspace,
      registryId: armId('rg-r', 'Microsoft.MachineLearningServices/registries', 'mlr'),
      registryStorageAccountId: armId('rg-r', 'Microsoft.Storage/storageAccounts', 'stmlr'),
      registryContainerRegistryId: armId('rg-r', 'Microsoft.ContainerRegistry/registries', 'crmlr'),
      ruleNamePrefix: 'shared',
    });
    expect([rules.registry, rules.storageAccount, rules.containerRegistry].map((r) => r.ruleName)).toEqual([
      'shared-aml',
      'shared-blob',
      'shared-acr',
    ]);
    const json = synthJson(stack);
    const targets = mlResourcesOfType(json, 'workspaces/outboundRules').map(
      ([, r]) =>
        (r.body as { properties: { destination: { subresourceTarget: string } } }).properties.destination
          .subresourceTarget,
    );
    expect(targets.sort()).toEqual(['amlregistry', 'blob', 'registry']);
    const roles = resourcesOfType(json, 'azurerm_role_assignment');
    expect(Object.values(roles).map((r) => r.role_definition_name)).toEqual(
      Array(3).fill('Azure AI Enterprise Network Connection Approver'),
    );
    for (const [, rule] of mlResourcesOfType(json, 'workspaces/outboundRules')) {
      expect(rule.depends_on).toHaveLength(1);
      expect(rule.depends_on?.[0]).toMatch(/^azurerm_role_assignment\./);
    }
  });

  test('rules on an imported workspace use its id and read its principal', () => {
    const stack = testStack();
    const workspace = ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Existing', {
      workspaceName: 'mlw-existing',
      resourceGroupName: 'rg-ml',
      subscriptionId: SUB,
      location: 'westeurope',
      isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
    });
    workspace.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
    const json = synthJson(stack);
    const [[, rule]] = mlResourcesOfType(json, 'workspaces/outboundRules');
    expect(rule.parent_id).toBe(
      `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-existing`,
    );
    expect(workspace.workspacePrincipalId).toMatch(/TfToken/);
    expect(workspace.inboundAccess).toBeUndefined();
  });

  test('provisioning retries while an approver role granted by a rule propagates, and only then', () => {
    const { stack, workspace } = stackWithWorkspace();
    workspace.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' });
    const provision = () => onlyMlResource(synthJson(stack), 'workspaces', 'azapi_resource_action')[1];
    expect(provision()).not.toHaveProperty('retry');
    workspace.addOutboundPrivateEndpointRule('Vault', {
      ruleName: 'vault',
      serviceResourceId: armId('rg-s', 'Microsoft.KeyVault/vaults', 'kv'),
      subresourceTarget: PrivateEndpointTarget.VAULT,
    });
    const [[, rule]] = mlResourcesOfType(synthJson(stack), 'workspaces/outboundRules').filter(
      ([, r]) => r.name === 'vault',
    );
    expect(provision().retry).toEqual({
      error_message_regex: (rule.retry as { error_message_regex: string[] }).error_message_regex,
    });
    expect(provision().retry).toEqual({
      error_message_regex: ['required permissions to read and approve private endpoint'],
    });
  });
});
