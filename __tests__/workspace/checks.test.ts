/** Every synth-time check of the workspace half: one case that fires (with its stable code), one that passes. */
import { Construct } from 'constructs';
import { StorageAccount, StorageAccountConfig } from '@cdktf/provider-azurerm/lib/storage-account';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Fn, TerraformStack, TerraformVariable } from 'cdktf';
import { MlApiVersion } from '../../src/arm';
import { ConfigurationErrors } from '../../src/checks';
import { OutboundServiceTagRule } from '../../src/outbound';
import {
  FirewallSku,
  ImageBuildCompute,
  IsolationMode,
  ManagedVnetWorkspace,
  ManagedVnetWorkspaceProps,
} from '../../src/workspace';
import { validated, synthJson, testStack } from '../support/synth';
import { armId, LITERAL_RG, OTHER_SUB } from './fixtures';

const SUBNET = { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') };

function workspace(
  overrides: Partial<ManagedVnetWorkspaceProps> = {},
  scope?: Construct,
): ManagedVnetWorkspace {
  return new ManagedVnetWorkspace(scope ?? testStack(), 'Workspace', {
    resourceGroup: LITERAL_RG,
    workspaceName: 'mlw-checks',
    inboundPrivateEndpoint: { subnet: SUBNET },
    ...overrides,
  });
}

/** Runs `build` and returns the ConfigurationError code it throws (or undefined). */
function codeOf(build: () => unknown): string | undefined {
  try {
    validated(build)();
  } catch (error) {
    if (error instanceof ConfigurationErrors) {
      const [first] = error.errors;
      // Code and construct path shown, then a lower-case message.
      expect(first.message).toMatch(new RegExp(`^\\[${first.code}\\] test/\\S+: [a-z]`));
      return first.code;
    }
    throw error;
  }
  return undefined;
}

describe('SE101 workspace name', () => {
  test('fires on a name Azure rejects', () => {
    expect(codeOf(() => workspace({ workspaceName: '-bad' }))).toBe('SE101');
    expect(validated(() => workspace({ workspaceName: 'ab' }))).toThrow(/workspace name 'ab' is invalid/);
  });
  test('passes on a valid name and on an unresolved token', () => {
    expect(codeOf(() => workspace({ workspaceName: 'mlw_ok-1' }))).toBeUndefined();
    const stack = testStack();
    const name = new TerraformVariable(stack, 'name', { type: 'string' }).stringValue;
    expect(codeOf(() => workspace({ workspaceName: name }, stack))).toBeUndefined();
  });
});

describe('SE102 outbound rule name', () => {
  test('fires on a name Azure rejects', () => {
    const ws = workspace();
    expect(codeOf(() => ws.addOutboundFqdnRule('Bad', { ruleName: 'x', destination: 'pypi.org' }))).toBe(
      'SE102',
    );
  });
  test('passes on a valid name', () => {
    const ws = workspace();
    expect(
      codeOf(() => ws.addOutboundFqdnRule('Ok', { ruleName: 'pypi_org-1', destination: 'pypi.org' })),
    ).toBeUndefined();
  });
});

describe('SE103 FQDN and service-tag rules need AllowOnlyApprovedOutbound', () => {
  test('fires for an FQDN rule and a service-tag rule under AllowInternetOutbound', () => {
    const ws = workspace({ isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND });
    expect(codeOf(() => ws.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' }))).toBe(
      'SE103',
    );
    expect(
      codeOf(
        () =>
          new OutboundServiceTagRule(ws, 'Tag', {
            workspace: ws,
            ruleName: 'monitor',
            serviceTag: 'AzureMonitor',
          }),
      ),
    ).toBe('SE103');
  });
  test('passes under AllowOnlyApprovedOutbound', () => {
    const ws = workspace();
    expect(
      codeOf(() => ws.addOutboundFqdnRule('Pypi', { ruleName: 'pypi', destination: 'pypi.org' })),
    ).toBeUndefined();
    expect(
      codeOf(() => ws.addOutboundServiceTagRule('Tag', { ruleName: 'monitor', serviceTag: 'AzureMonitor' })),
    ).toBeUndefined();
  });
});

describe('SE104 brought registry must be Premium when the workspace is private', () => {
  const registry = (sku: string) => ({
    id: armId('rg-ml', 'Microsoft.ContainerRegistry/registries', 'cr1'),
    skuInput: sku,
    publicNetworkAccessEnabledInput: true,
  });
  test('fires for a Standard registry', () => {
    expect(codeOf(() => workspace({ containerRegistry: registry('Standard') }))).toBe('SE104');
  });
  test('passes for Premium, for a public workspace, and for an unknown SKU', () => {
    expect(codeOf(() => workspace({ containerRegistry: registry('Premium') }))).toBeUndefined();
    expect(
      codeOf(() =>
        workspace({
          containerRegistry: registry('Standard'),
          publicNetworkAccess: true,
          inboundPrivateEndpoint: undefined,
        }),
      ),
    ).toBeUndefined();
    expect(codeOf(() => workspace({ containerRegistry: { id: registry('x').id } }))).toBeUndefined();
  });
});

describe('SE105 image-build compute needed for a private registry', () => {
  test('fires when the created (private) registry has no image-build compute', () => {
    expect(codeOf(() => workspace({ imageBuildCompute: ImageBuildCompute.none() }))).toBe('SE105');
  });
  test('passes with a public brought registry, or with an existing compute', () => {
    const publicRegistry = {
      id: armId('rg-ml', 'Microsoft.ContainerRegistry/registries', 'cr1'),
      skuInput: 'Premium',
      publicNetworkAccessEnabledInput: true,
    };
    expect(
      codeOf(() =>
        workspace({ imageBuildCompute: ImageBuildCompute.none(), containerRegistry: publicRegistry }),
      ),
    ).toBeUndefined();
    expect(
      codeOf(() => workspace({ imageBuildCompute: ImageBuildCompute.existing('cpu-cluster') })),
    ).toBeUndefined();
  });
});

describe('SE106 brought Key Vault bypass', () => {
  const vault = (bypass: string) => ({
    id: armId('rg-ml', 'Microsoft.KeyVault/vaults', 'kv1'),
    networkAclsInput: { bypass },
  });
  test('fires when the bypass is None', () => {
    expect(codeOf(() => workspace({ keyVault: vault('None') }))).toBe('SE106');
  });
  test('passes with AzureServices, or when the ACLs are not known', () => {
    expect(codeOf(() => workspace({ keyVault: vault('AzureServices') }))).toBeUndefined();
    expect(codeOf(() => workspace({ keyVault: { id: vault('x').id } }))).toBeUndefined();
  });
});

describe('SE107 private workspace without inbound access', () => {
  test('fires with public access off and no private endpoint', () => {
    expect(codeOf(() => workspace({ inboundPrivateEndpoint: undefined }))).toBe('SE107');
  });
  test('passes when inbound access is said to be arranged elsewhere, or public access is on', () => {
    const elsewhere = workspace({ inboundPrivateEndpoint: undefined, inboundAccessArrangedElsewhere: true });
    expect(elsewhere.inboundAccess).toBe('ArrangedElsewhere');
    const open = workspace({ inboundPrivateEndpoint: undefined, publicNetworkAccess: true });
    expect(open.inboundAccess).toBe('Public');
    expect(workspace().inboundAccess).toBe('PrivateEndpoint');
  });
});

describe('SE108 associated resources in another subscription', () => {
  test('fires for a storage account in another subscription', () => {
    const storageAccount = { id: armId('rg-other', 'Microsoft.Storage/storageAccounts', 'st1', OTHER_SUB) };
    expect(codeOf(() => workspace({ storageAccount }))).toBe('SE108');
  });
  test('passes for another resource group of the same subscription, and for unresolved ids', () => {
    const storageAccount = { id: armId('rg-other', 'Microsoft.Storage/storageAccounts', 'st1') };
    expect(codeOf(() => workspace({ storageAccount }))).toBeUndefined();
    const stack = testStack();
    const id = new TerraformVariable(stack, 'storage', { type: 'string' }).stringValue;
    expect(codeOf(() => workspace({ storageAccount: { id } }, stack))).toBeUndefined();
  });
  test('fires, with an unresolved resource group id, when two brought resources are in two subscriptions', () => {
    const storageAccount = { id: armId('rg-other', 'Microsoft.Storage/storageAccounts', 'st1') };
    const keyVault = { id: armId('rg-other', 'Microsoft.KeyVault/vaults', 'kv1', OTHER_SUB) };
    const build = () => {
      const stack = testStack();
      const rgId = new TerraformVariable(stack, 'rg', { type: 'string' }).stringValue;
      return workspace({ resourceGroup: { ...LITERAL_RG, id: rgId }, storageAccount, keyVault }, stack);
    };
    expect(codeOf(build)).toBe('SE108');
    expect(validated(build)).toThrow(OTHER_SUB);
  });
  test('passes, with an unresolved resource group id, when the brought resources share a subscription', () => {
    const stack = testStack();
    const rgId = new TerraformVariable(stack, 'rg', { type: 'string' }).stringValue;
    const storageAccount = { id: armId('rg-a', 'Microsoft.Storage/storageAccounts', 'st1', OTHER_SUB) };
    const keyVault = { id: armId('rg-b', 'Microsoft.KeyVault/vaults', 'kv1', OTHER_SUB) };
    expect(
      codeOf(() =>
        workspace({ resourceGroup: { ...LITERAL_RG, id: rgId }, storageAccount, keyVault }, stack),
      ),
    ).toBeUndefined();
  });
});

describe('SE109 preview-only properties with the stable api-version', () => {
  test('fires for softDeleteRetentionInDays with 2026-05-01', () => {
    expect(
      codeOf(() => workspace({ apiVersion: MlApiVersion.V2026_05_01, softDeleteRetentionInDays: 14 })),
    ).toBe('SE109');
  });
  test('passes with the preview api-version, and stable without preview properties', () => {
    expect(codeOf(() => workspace({ softDeleteRetentionInDays: 14 }))).toBeUndefined();
    expect(codeOf(() => workspace({ apiVersion: MlApiVersion.V2026_05_01 }))).toBeUndefined();
  });
});

describe('SE110 image-build compute name', () => {
  test('fires for a name ending in a hyphen and digits', () => {
    expect(
      codeOf(() => workspace({ imageBuildCompute: ImageBuildCompute.cluster({ computeName: 'build-01' }) })),
    ).toBe('SE110');
  });
  test('passes for a valid name', () => {
    expect(
      codeOf(() => workspace({ imageBuildCompute: ImageBuildCompute.cluster({ computeName: 'build01' }) })),
    ).toBeUndefined();
  });
});

describe('SE111 duplicate rule name', () => {
  test('fires for two different rules with one name', () => {
    const ws = workspace();
    ws.addOutboundFqdnRule('A', { ruleName: 'pypi', destination: 'pypi.org' });
    expect(
      codeOf(() => ws.addOutboundFqdnRule('B', { ruleName: 'pypi', destination: 'files.pythonhosted.org' })),
    ).toBe('SE111');
  });
  test('passes when the same FQDN rule is asked for twice (it is returned once)', () => {
    const ws = workspace();
    const first = ws.addOutboundFqdnRule('A', { ruleName: 'pypi', destination: 'pypi.org' });
    expect(ws.addOutboundFqdnRule('B', { ruleName: 'pypi', destination: 'pypi.org' })).toBe(first);
  });
  test('fires for two rules whose names differ only in letter case (ARM compares them without case)', () => {
    const ws = workspace();
    ws.addOutboundFqdnRule('A', { ruleName: 'pypi', destination: 'pypi.org' });
    expect(
      codeOf(() => ws.addOutboundFqdnRule('B', { ruleName: 'PyPI', destination: 'files.pythonhosted.org' })),
    ).toBe('SE111');
  });
  test('the same FQDN rule asked for in other letter case is the same rule', () => {
    const ws = workspace();
    const first = ws.addOutboundFqdnRule('A', { ruleName: 'pypi', destination: 'pypi.org' });
    expect(ws.addOutboundFqdnRule('B', { ruleName: 'PYPI', destination: 'PyPI.org' })).toBe(first);
  });
});

describe('SE112 overridden names of created resources', () => {
  test('fires for an upper-case storage account name', () => {
    expect(codeOf(() => workspace({ associatedResourceNames: { storageAccount: 'StMl' } }))).toBe('SE112');
  });
  test('fires for a Log Analytics workspace name with an underscore (azurerm refuses it at plan)', () => {
    expect(codeOf(() => workspace({ associatedResourceNames: { logAnalyticsWorkspace: 'ml_logs' } }))).toBe(
      'SE112',
    );
  });
  test('passes for valid names', () => {
    expect(
      codeOf(() =>
        workspace({ associatedResourceNames: { storageAccount: 'stml001', keyVault: 'kv-ml-001' } }),
      ),
    ).toBeUndefined();
  });
});

describe('SE113 created image-build cluster and a private registry without a managed network', () => {
  const privateRegistry = {
    id: armId('rg-ml', 'Microsoft.ContainerRegistry/registries', 'cr1'),
    skuInput: 'Premium',
    publicNetworkAccessEnabled: false,
    publicNetworkAccessEnabledInput: false,
  };
  test('fires with isolation Disabled, a brought private registry and the default cluster', () => {
    expect(
      codeOf(() => workspace({ isolationMode: IsolationMode.DISABLED, containerRegistry: privateRegistry })),
    ).toBe('SE113');
  });
  test('passes with an existing compute (yours, in your network), or with a managed network', () => {
    expect(
      codeOf(() =>
        workspace({
          isolationMode: IsolationMode.DISABLED,
          containerRegistry: privateRegistry,
          imageBuildCompute: ImageBuildCompute.existing('vnet-builder'),
        }),
      ),
    ).toBeUndefined();
    expect(codeOf(() => workspace({ containerRegistry: privateRegistry }))).toBeUndefined();
  });
  test('the registry created for a workspace without a managed network is public, so the default passes', () => {
    const ws = workspace({ isolationMode: IsolationMode.DISABLED });
    expect(ws.containerRegistryPrivateOnly).toBe(false);
    const registry = synthJson(TerraformStack.of(ws)).resource?.azurerm_container_registry ?? {};
    expect(Object.values(registry).map((r) => r.public_network_access_enabled)).toEqual([true]);
  });
  test('the registry created for a managed network stays private', () => {
    const registry = synthJson(TerraformStack.of(workspace())).resource?.azurerm_container_registry ?? {};
    expect(Object.values(registry).map((r) => r.public_network_access_enabled)).toEqual([false]);
  });
});

describe('SE114 provisioning without a managed network', () => {
  test('fires when provisionManagedNetwork is true with isolation Disabled', () => {
    expect(
      codeOf(() => workspace({ isolationMode: IsolationMode.DISABLED, provisionManagedNetwork: true })),
    ).toBe('SE114');
  });
  test('passes when it is left to its default, or with a managed network', () => {
    expect(codeOf(() => workspace({ isolationMode: IsolationMode.DISABLED }))).toBeUndefined();
    expect(codeOf(() => workspace({ provisionManagedNetwork: true }))).toBeUndefined();
  });
});

describe('SE459 firewall SKU without approved outbound', () => {
  test('fires for a firewall SKU with internet outbound (it would be dropped without a word)', () => {
    expect(
      codeOf(() =>
        workspace({ isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND, firewallSku: FirewallSku.BASIC }),
      ),
    ).toBe('SE459');
  });
  test('passes with approved outbound, and with internet outbound and no SKU', () => {
    expect(codeOf(() => workspace({ firewallSku: FirewallSku.BASIC }))).toBeUndefined();
    expect(codeOf(() => workspace({ isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND }))).toBeUndefined();
  });
});

describe('SE461 default storage account Azure ML refuses', () => {
  const account = (stack: TerraformStack, extra: Partial<StorageAccountConfig>) =>
    new StorageAccount(stack, 'storage', {
      name: 'stmlchecks',
      resourceGroupName: LITERAL_RG.name,
      location: 'westeurope',
      accountTier: 'Standard',
      accountReplicationType: 'LRS',
      ...extra,
    });

  test('fires for hierarchical namespace and for the Premium tier, read from the brought azurerm account', () => {
    for (const extra of [{ isHnsEnabled: true }, { accountTier: 'Premium' }]) {
      const stack = testStack();
      expect(codeOf(() => workspace({ storageAccount: account(stack, extra) }, stack))).toBe('SE461');
    }
  });

  test('passes for a Standard account without hierarchical namespace, and for `{ id }` (unknown)', () => {
    const stack = testStack();
    expect(
      codeOf(() => workspace({ storageAccount: account(stack, { isHnsEnabled: false }) }, stack)),
    ).toBeUndefined();
    expect(
      codeOf(() =>
        workspace({
          storageAccount: { id: armId('rg-st', 'Microsoft.Storage/storageAccounts', 'stmlchecks') },
        }),
      ),
    ).toBeUndefined();
  });

  test('a tier from a variable is checked at plan time: a precondition on the workspace', () => {
    const stack = testStack();
    const tier = new TerraformVariable(stack, 'tier', { type: 'string' });
    workspace({ storageAccount: account(stack, { accountTier: tier.stringValue }) }, stack);
    const json = synthJson(stack);
    const ws = Object.values(json.resource?.azapi_resource ?? {}).find((r) =>
      (r as { type: string }).type.startsWith('Microsoft.MachineLearningServices/workspaces@'),
    ) as { lifecycle?: { precondition?: Array<{ condition: string; error_message: string }> } };
    expect(ws.lifecycle?.precondition).toEqual(
      expect.arrayContaining([
        {
          condition: '${(lower(var.tier) != "premium")}',
          error_message: expect.stringMatching(
            /^SE461 at test\/Workspace: storageAccount\.accountTierInput is '\$\{var\.tier\}'/,
          ),
        },
      ]),
    );
  });
});

describe('SE463 inbound private DNS zones', () => {
  const zone = (name: string) => armId('rg-hub', 'Microsoft.Network/privateDnsZones', name);
  const withZones = (ids: string[], stack?: TerraformStack) =>
    workspace({ inboundPrivateEndpoint: { subnet: SUBNET, privateDnsZoneIds: ids } }, stack);

  test('fires for another zone, a missing zone, and two zones of two clouds', () => {
    expect(
      codeOf(() =>
        withZones([zone('privatelink.api.azureml.ms'), zone('privatelink.blob.core.windows.net')]),
      ),
    ).toBe('SE463');
    expect(codeOf(() => withZones([zone('privatelink.api.azureml.ms')]))).toBe('SE463');
    expect(
      codeOf(() =>
        withZones([zone('privatelink.api.azureml.ms'), zone('privatelink.notebooks.usgovcloudapi.net')]),
      ),
    ).toBe('SE463');
  });

  test('passes for the two zones of one cloud, in any order and letter case', () => {
    expect(
      codeOf(() => withZones([zone('privatelink.notebooks.azure.net'), zone('PrivateLink.API.AzureML.ms')])),
    ).toBeUndefined();
    expect(
      codeOf(() =>
        withZones([zone('privatelink.api.ml.azure.us'), zone('privatelink.notebooks.usgovcloudapi.net')]),
      ),
    ).toBeUndefined();
  });

  test('ids from expressions are checked at plan time by the zone name in them', () => {
    const stack = testStack();
    const ids = new TerraformVariable(stack, 'zones', { type: 'list(string)' });
    withZones([Fn.element(ids.listValue, 0), Fn.element(ids.listValue, 1)] as string[], stack);
    const json = synthJson(stack);
    const pe = Object.values(json.resource?.azurerm_private_endpoint ?? {})[0] as {
      lifecycle?: { precondition?: Array<{ condition: string; error_message: string }> };
    };
    expect(pe.lifecycle?.precondition).toHaveLength(2);
    expect(pe.lifecycle?.precondition?.[0].condition).toContain('contains(');
    expect(pe.lifecycle?.precondition?.[0].error_message).toMatch(
      /^SE463 at test\/Workspace\/InboundPrivateEndpoint/,
    );
  });
});

describe("SE464 inbound private endpoint outside its network's region", () => {
  const inRegion = (networkRegion: string, location?: string) => () => {
    const stack = testStack();
    const vnet = new VirtualNetwork(stack, 'vnet', {
      name: 'vnet-hub',
      resourceGroupName: 'rg-net',
      location: networkRegion,
      addressSpace: ['10.0.0.0/16'],
    });
    return workspace({ inboundPrivateEndpoint: { subnet: SUBNET, virtualNetwork: vnet, location } }, stack);
  };

  test('fires for a network in another region than the workspace (the endpoint default)', () => {
    expect(codeOf(inRegion('northeurope'))).toBe('SE464');
    expect(codeOf(inRegion('westeurope', 'northeurope'))).toBe('SE464');
  });

  test('passes for the same region written two ways, or an endpoint location set to the network', () => {
    expect(codeOf(inRegion('West Europe'))).toBeUndefined();
    expect(codeOf(inRegion('northeurope', 'North Europe'))).toBeUndefined();
  });
});
