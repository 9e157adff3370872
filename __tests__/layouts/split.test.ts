/** The `split` layout: three stacks whose only links are output values. */
import { TerraformStack, Testing } from 'cdktf';
import { readHowToConfig } from '../../main';
import { addSplitStacks, SPLIT_STACKS } from '../../app/split-stacks';
import { readRemoteStateSettings } from '../../app/state';
import {
  byAddress,
  mlResourcesOfType,
  onlyResource,
  resourcesOfType,
  SynthesizedStack,
} from '../support/synth';

function synthSplit(env: NodeJS.ProcessEnv = {}): Record<string, SynthesizedStack> {
  const app = Testing.app({ stackTraces: false, stubVersion: true, enableFutureFlags: true });
  addSplitStacks(app, readHowToConfig(app, env), readRemoteStateSettings(env));
  const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  return Object.fromEntries(stacks.map((s) => [s.node.id, JSON.parse(Testing.synth(s)) as SynthesizedStack]));
}

/** Every `depends_on` list of a stack, with where it is. */
function dependsOnLists(json: SynthesizedStack): Array<[string, unknown[]]> {
  const lists: Array<[string, unknown[]]> = [];
  for (const [address, body] of byAddress(json)) {
    if (body.depends_on) lists.push([address, body.depends_on as unknown[]]);
  }
  for (const [name, body] of Object.entries(json.output ?? {})) {
    const dependsOn = (body as { depends_on?: unknown[] }).depends_on;
    if (dependsOn) lists.push([`output.${name}`, dependsOn]);
  }
  return lists;
}

describe('split layout', () => {
  const stacks = synthSplit();

  test('three stacks: network, workspace, endpoints', () => {
    expect(Object.keys(stacks).sort()).toEqual([...SPLIT_STACKS].sort());
  });

  test.each(['workspace', 'endpoints'])(
    'every depends_on entry of %s is an address in the same stack',
    (name) => {
      const json = stacks[name];
      const addresses = new Set(byAddress(json).keys());
      const lists = dependsOnLists(json);
      expect(lists.length).toBeGreaterThan(0);
      const outside = lists.flatMap(([where, dependsOn]) =>
        dependsOn
          .filter((entry) => typeof entry !== 'string' || !addresses.has(entry))
          .map((entry) => ({ where, entry })),
      );
      expect(outside).toEqual([]);
    },
  );

  test('the network stack orders by reference only, to its own resources', () => {
    const json = stacks.network;
    expect(dependsOnLists(json)).toEqual([]);
    const addresses = new Set(byAddress(json).keys());
    const references = [...JSON.stringify(json).matchAll(/\$\{([a-z_]+\.[A-Za-z0-9_-]+)\./g)].map(
      (m) => m[1],
    );
    // Every reference resolves in the stack, and everything but the zone links (leaves) is referred to.
    expect(references.filter((r) => !addresses.has(r))).toEqual([]);
    expect([...addresses].filter((a) => !references.includes(a))).toEqual([
      'azurerm_private_dns_zone_virtual_network_link.ApiZoneLink',
      'azurerm_private_dns_zone_virtual_network_link.NotebooksZoneLink',
    ]);
    const [, subnet] = onlyResource(json, 'azurerm_subnet');
    expect(subnet.virtual_network_name).toBe('${azurerm_virtual_network.VirtualNetwork.name}');
    for (const link of Object.values(
      resourcesOfType(json, 'azurerm_private_dns_zone_virtual_network_link'),
    )) {
      expect(link.virtual_network_id).toBe('${azurerm_virtual_network.VirtualNetwork.id}');
      expect(addresses.has(String(link.private_dns_zone_name).replace(/^\$\{(.*)\.name\}$/, '$1'))).toBe(
        true,
      );
    }
  });

  test('the network stack owns the network and the DNS zones; no Machine Learning resource', () => {
    const json = stacks.network;
    expect(Object.keys(json.resource ?? {}).sort()).toEqual([
      'azurerm_private_dns_zone',
      'azurerm_private_dns_zone_virtual_network_link',
      'azurerm_resource_group',
      'azurerm_subnet',
      'azurerm_virtual_network',
    ]);
  });

  test('the workspace stack owns every outbound rule, the package-index rules included', () => {
    const rules = mlResourcesOfType(stacks.workspace, 'workspaces/outboundRules').map(
      ([, r]) => (r.body as { properties: { destination: string } }).properties.destination,
    );
    expect(rules.sort()).toEqual([
      '*.anaconda.com',
      '*.anaconda.org',
      '*.pythonhosted.org',
      'anaconda.com',
      'pypi.org',
    ]);
    expect(mlResourcesOfType(stacks.endpoints, 'workspaces/outboundRules')).toEqual([]);
    // No zones of its own: the network stack's are used.
    expect(stacks.workspace.resource?.azurerm_private_dns_zone).toBeUndefined();
  });

  test('workspace_id is written only once the managed network is ready and the endpoints read it as a value', () => {
    const output = stacks.workspace.output?.workspace_id as { depends_on: string[] };
    expect(output.depends_on).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^azapi_resource_action\.Workspace_ManagedNetworkProvisioning_/),
        expect.stringMatching(/^azapi_resource\.Workspace_ImageBuildCompute_/),
        expect.stringMatching(/^azapi_resource\.Workspace_ImageBuildPypiOrg_/),
      ]),
    );
    const [, endpoint] = mlResourcesOfType(stacks.endpoints, 'workspaces/onlineEndpoints')[0];
    expect(endpoint.parent_id).toBe('${data.terraform_remote_state.WorkspaceState.outputs.workspace_id}');
    // Nothing provisions twice.
    const actions = Object.keys(stacks.endpoints.resource?.azapi_resource_action ?? {});
    expect(actions.filter((name) => name.includes('ManagedNetworkProvisioning'))).toEqual([]);
  });

  test('each stack has its own state key in Azure Storage when AML_STATE_* is set', () => {
    const remote = synthSplit({
      AML_STATE_RESOURCE_GROUP: 'rg-tfstate',
      AML_STATE_STORAGE_ACCOUNT: 'sttfstate',
      AML_STATE_CONTAINER: 'tfstate',
    });
    const keys = SPLIT_STACKS.map((name) => {
      const backend = (remote[name].terraform as { backend: { azurerm: Record<string, unknown> } }).backend;
      expect(backend.azurerm).toMatchObject({ use_azuread_auth: true, container_name: 'tfstate' });
      expect(backend.azurerm).not.toHaveProperty('access_key');
      return backend.azurerm.key;
    });
    expect(keys).toEqual([
      'cdktf-azureml-secure-endpoint/network.tfstate',
      'cdktf-azureml-secure-endpoint/workspace.tfstate',
      'cdktf-azureml-secure-endpoint/endpoints.tfstate',
    ]);
    const read = remote.endpoints.data?.terraform_remote_state?.WorkspaceState as { config: { key: string } };
    expect(read.config.key).toBe('cdktf-azureml-secure-endpoint/workspace.tfstate');
  });
});
