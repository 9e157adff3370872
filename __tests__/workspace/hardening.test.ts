/**
 * The workspace's hardening options: what each one writes (bodies, associated resources, grants and their
 * order), and every check they add, one case that fires and one that passes.
 */
import { Construct } from 'constructs';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { ConfigurationErrors } from '../../src/checks';
import {
  ManagedVnetWorkspace,
  ManagedVnetWorkspaceProps,
  StorageNetworkAccess,
  WorkspaceIdentity,
} from '../../src';
import { expectConformingBodies } from '../support/conformance';
import {
  mlResourcesOfType,
  onlyMlResource,
  onlyResource,
  resourcesOfType,
  synthJson,
  testStack,
  validated,
} from '../support/synth';
import { armId, network } from './fixtures';
import { SynthesizedStack } from '../support/synth';

/** The one resource of a type, with its address. */
function one(json: SynthesizedStack, type: string): Record<string, unknown> & { address: string } {
  const [name, block] = onlyResource(json, type);
  return { ...block, address: `${type}.${name}` };
}

/** The one workspace. */
function theWorkspace(json: SynthesizedStack): Record<string, unknown> & { depends_on?: string[] } {
  return onlyMlResource(json, 'workspaces')[1];
}

const KEY_ID = 'https://kv-cmk-keys.vault.azure.net/keys/cmk';
const VAULT_ID = armId('rg-keys', 'Microsoft.KeyVault/vaults', 'kv-cmk-keys');
const UAI = {
  id: armId('rg-ml', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'id-ml'),
  principalId: '11111111-1111-1111-1111-111111111111',
  clientId: '22222222-2222-2222-2222-222222222222',
};

function workspace(
  scope: Construct,
  overrides: Partial<ManagedVnetWorkspaceProps> = {},
): ManagedVnetWorkspace {
  const { rg, subnet } = network(scope);
  return new ManagedVnetWorkspace(scope, 'Workspace', {
    resourceGroup: rg,
    workspaceName: 'mlw-hardened',
    inboundPrivateEndpoint: { subnet },
    ...overrides,
  });
}

function keyVault(
  scope: Construct,
  settings: { purge?: boolean; rbac?: boolean; bypass?: string } = {},
): KeyVault {
  return new KeyVault(scope, 'Keys', {
    name: 'kv-cmk-keys',
    location: 'westeurope',
    resourceGroupName: 'rg-keys',
    tenantId: '33333333-3333-3333-3333-333333333333',
    skuName: 'standard',
    purgeProtectionEnabled: settings.purge,
    rbacAuthorizationEnabled: settings.rbac ?? true,
    networkAcls: settings.bypass ? { bypass: settings.bypass, defaultAction: 'Deny' } : undefined,
  });
}

/** The codes synth would report for what `build` constructs. */
function codes(build: (stack: TerraformStack) => void): string[] {
  const stack = testStack();
  try {
    validated(() => build(stack))();
  } catch (e) {
    if (e instanceof ConfigurationErrors) {
      for (const p of e.errors) expect(p.message).toMatch(/^\[SE\d+\] test\/\S+: [a-z]/);
      return e.errors.map((p) => p.code);
    }
    throw e;
  }
  return [];
}

describe('customerManagedKey', () => {
  const stack = testStack();
  const vault = keyVault(stack, { purge: true });
  const identity = new UserAssignedIdentity(stack, 'Cmk', {
    name: 'id-cmk',
    location: 'westeurope',
    resourceGroupName: 'rg-ml',
  });
  workspace(stack, { customerManagedKey: { keyVault: vault, keyId: KEY_ID, identity } });
  const json = synthJson(stack);
  const ws = theWorkspace(json);
  const body = ws.body as { properties: Record<string, unknown> };

  test('the workspace is encrypted with the key, through the identity it also carries', () => {
    expect(body.properties.encryption).toEqual({
      status: 'Enabled',
      keyVaultProperties: {
        keyVaultArmId: '${azurerm_key_vault.Keys.id}',
        keyIdentifier: KEY_ID,
        identityClientId: '${azurerm_user_assigned_identity.Cmk.client_id}',
      },
      identity: { userAssignedIdentity: '${azurerm_user_assigned_identity.Cmk.id}' },
    });
    expect(ws.identity).toEqual({
      type: 'SystemAssigned, UserAssigned',
      identity_ids: ['${azurerm_user_assigned_identity.Cmk.id}'],
    });
    expectConformingBodies(json);
  });

  test('the key settings Azure takes at creation only replace the workspace; the key id rotates in place', () => {
    expect(ws.replace_triggers_refs).toEqual(
      expect.arrayContaining([
        'properties.encryption.status',
        'properties.encryption.keyVaultProperties.keyVaultArmId',
      ]),
    );
    expect(ws.replace_triggers_refs).not.toContain('properties.encryption.keyVaultProperties.keyIdentifier');
  });

  test('the identity is granted the key before the workspace, the storage account and the registry', () => {
    const grant = one(json, 'azurerm_role_assignment');
    expect(grant.role_definition_name).toBe('Key Vault Crypto Service Encryption User');
    expect(grant.scope).toBe('${azurerm_key_vault.Keys.id}');
    expect(grant.principal_id).toBe('${azurerm_user_assigned_identity.Cmk.principal_id}');
    const waits = grant.address;
    expect(ws.depends_on).toContain(waits);
    const storage = one(json, 'azurerm_storage_account');
    const registry = one(json, 'azurerm_container_registry');
    expect(storage.depends_on).toContain(waits);
    expect(registry.depends_on).toContain(waits);
    expect(storage.customer_managed_key).toEqual({
      key_vault_key_id: KEY_ID,
      user_assigned_identity_id: '${azurerm_user_assigned_identity.Cmk.id}',
    });
    expect(registry.encryption).toEqual([
      { key_vault_key_id: KEY_ID, identity_client_id: '${azurerm_user_assigned_identity.Cmk.client_id}' },
    ]);
  });

  test('SE160 fires on a vault without purge protection, passes with it and for { id }', () => {
    const cmk = (scope: Construct, purge?: boolean) => ({
      keyVault: keyVault(scope, { purge }),
      keyId: KEY_ID,
      identity: UAI,
    });
    expect(codes((s) => workspace(s, { customerManagedKey: cmk(s, false) }))).toEqual(['SE160']);
    expect(codes((s) => workspace(s, { customerManagedKey: cmk(s, undefined) }))).toEqual(['SE160']);
    expect(codes((s) => workspace(s, { customerManagedKey: cmk(s, true) }))).toEqual([]);
    expect(
      codes((s) =>
        workspace(s, { customerManagedKey: { keyVault: { id: VAULT_ID }, keyId: KEY_ID, identity: UAI } }),
      ),
    ).toEqual([]);
  });

  test('SE161 fires on a key ARM id, passes on versionless and versioned URLs and a token', () => {
    const with_ = (keyId: string) => (s: TerraformStack) =>
      workspace(s, { customerManagedKey: { keyVault: { id: VAULT_ID }, keyId, identity: UAI } });
    expect(codes(with_(`${VAULT_ID}/keys/cmk`))).toEqual(['SE161']);
    expect(codes(with_(''))).toEqual(['SE161']);
    expect(codes(with_(`${KEY_ID}/0123456789abcdef0123456789abcdef`))).toEqual([]);
    expect(
      codes((s) =>
        workspace(s, {
          customerManagedKey: {
            keyVault: { id: VAULT_ID },
            keyId: new TerraformVariable(s, 'key', { type: 'string' }).stringValue,
            identity: UAI,
          },
        }),
      ),
    ).toEqual([]);
  });

  test('SE162 fires on an access-policy vault with the grant and on bypass None; passes without the grant', () => {
    expect(
      codes((s) =>
        workspace(s, {
          customerManagedKey: {
            keyVault: keyVault(s, { purge: true, rbac: false }),
            keyId: KEY_ID,
            identity: UAI,
          },
        }),
      ),
    ).toEqual(['SE162']);
    expect(
      codes((s) =>
        workspace(s, {
          customerManagedKey: {
            keyVault: keyVault(s, { purge: true, bypass: 'None' }),
            keyId: KEY_ID,
            identity: UAI,
          },
        }),
      ),
    ).toEqual(['SE162']);
    expect(
      codes((s) =>
        workspace(s, {
          customerManagedKey: {
            keyVault: keyVault(s, { purge: true, rbac: false, bypass: 'AzureServices' }),
            keyId: KEY_ID,
            identity: UAI,
            grantKeyAccess: false,
          },
        }),
      ),
    ).toEqual([]);
  });
});

describe('identityBasedDatastores', () => {
  test('identity auth mode on the workspace, shared keys off on the created account', () => {
    const stack = testStack();
    stack.node.tryRemoveChild('azurerm');
    new AzurermProvider(stack, 'azurerm', { features: [{}], storageUseAzuread: true });
    workspace(stack, { identityBasedDatastores: true });
    const json = synthJson(stack);
    const body = theWorkspace(json).body as { properties: Record<string, unknown> };
    expect(body.properties.systemDatastoresAuthMode).toBe('Identity');
    const storage = one(json, 'azurerm_storage_account');
    expect(storage.shared_access_key_enabled).toBe(false);
    expect(storage.default_to_oauth_authentication).toBe(true);
    expectConformingBodies(json);
  });

  test('SE166 fires for a provider without storage_use_azuread, passes with it and with a token', () => {
    const withProvider = (useAzuread: 'unset' | boolean | 'token') => (s: TerraformStack) => {
      s.node.tryRemoveChild('azurerm');
      new AzurermProvider(s, 'azurerm', {
        features: [{}],
        storageUseAzuread:
          useAzuread === 'token'
            ? new TerraformVariable(s, 'ad', { type: 'bool' }).booleanValue
            : useAzuread === 'unset'
              ? undefined
              : useAzuread,
      });
      workspace(s, { identityBasedDatastores: true });
    };
    expect(codes(withProvider('unset'))).toEqual(['SE166']);
    expect(codes(withProvider(false))).toEqual(['SE166']);
    expect(codes(withProvider(true))).toEqual([]);
    expect(codes(withProvider('token'))).toEqual([]);
  });

  test('SE166 reads the aliased provider the storage account uses', () => {
    expect(
      codes((s) => {
        const other = new AzurermProvider(s, 'other', { features: [{}], alias: 'other' });
        s.node.tryRemoveChild('azurerm');
        new AzurermProvider(s, 'azurerm', { features: [{}], storageUseAzuread: true });
        workspace(s, { identityBasedDatastores: true, provider: other });
      }),
    ).toEqual(['SE166']);
  });

  test('off by default: the workspace body and the account are as before', () => {
    const stack = testStack();
    workspace(stack);
    const json = synthJson(stack);
    const body = theWorkspace(json).body as { properties: Record<string, unknown> };
    expect(body.properties.systemDatastoresAuthMode).toBeUndefined();
    expect(one(json, 'azurerm_storage_account').shared_access_key_enabled).toBeUndefined();
  });
});

describe('storageNetworkAccess', () => {
  test('allowed IP ranges: network rules with default action Deny', () => {
    const stack = testStack();
    workspace(stack, {
      storageNetworkAccess: StorageNetworkAccess.allowedIpRanges(['20.1.2.3', '20.1.4.0/24']),
    });
    const storage = one(synthJson(stack), 'azurerm_storage_account');
    expect(storage.public_network_access_enabled).toBe(true);
    expect(storage.network_rules).toEqual({
      default_action: 'Deny',
      bypass: ['AzureServices'],
      ip_rules: ['20.1.2.3', '20.1.4.0/24'],
    });
  });

  test('private endpoint: public access off, a blob private endpoint the workspace waits for', () => {
    const stack = testStack();
    const { subnet } = network(new Construct(stack, 'Runner'));
    workspace(stack, { storageNetworkAccess: StorageNetworkAccess.privateEndpoint({ subnet }) });
    const json = synthJson(stack);
    expect(one(json, 'azurerm_storage_account')).toMatchObject({
      public_network_access_enabled: false,
      network_rules: { default_action: 'Deny', bypass: ['AzureServices'], ip_rules: [] },
    });
    const endpoints = resourcesOfType(json, 'azurerm_private_endpoint');
    const [name, blob] = Object.entries(endpoints).find(
      ([, pe]) =>
        (pe.private_service_connection as { subresource_names: string[] }).subresource_names[0] === 'blob',
    )!;
    expect(blob.subnet_id).toMatch(/^\$\{azurerm_subnet\.Runner_pe_[A-F0-9]+\.id\}$/);
    expect(Object.keys(resourcesOfType(json, 'azurerm_private_dns_zone')).length).toBe(3);
    const ws = theWorkspace(json);
    expect(ws.depends_on).toContain(`azurerm_private_endpoint.${name}`);
  });

  test('SE164 fires on empty, private, /32, IPv6, duplicated ranges; passes on public ones and a token', () => {
    const with_ = (ranges: string[]) => (s: TerraformStack) =>
      workspace(s, { storageNetworkAccess: StorageNetworkAccess.allowedIpRanges(ranges) });
    expect(
      codes(with_(Array.from({ length: 401 }, (_, i) => `20.1.${Math.floor(i / 200)}.${i % 200}`))),
    ).toEqual(['SE164']);
    for (const bad of [
      [],
      ['10.1.2.3'],
      ['192.168.0.0/24'],
      ['20.1.2.3/32'],
      ['2001:db8::1'],
      ['20.1.2.3', '20.1.2.3'],
      ['300.1.1.1'],
    ]) {
      expect(codes(with_(bad))).toEqual(['SE164']);
    }
    expect(codes(with_(['20.1.2.3', '172.32.0.0/16']))).toEqual([]);
    expect(
      codes((s) =>
        workspace(s, {
          storageNetworkAccess: StorageNetworkAccess.allowedIpRanges(
            new TerraformVariable(s, 'ranges', { type: 'list(string)' }).listValue,
          ),
        }),
      ),
    ).toEqual([]);
  });

  test('SE163 fires with a brought storage account, passes with the created one', () => {
    const brought = { id: armId('rg-ml', 'Microsoft.Storage/storageAccounts', 'stbrought') };
    expect(
      codes((s) =>
        workspace(s, {
          storageAccount: brought,
          storageNetworkAccess: StorageNetworkAccess.allowedIpRanges(['20.1.2.3']),
          storageInfrastructureEncryption: true,
        }),
      ),
    ).toEqual(['SE163', 'SE163']);
    expect(codes((s) => workspace(s, { storageAccount: brought }))).toEqual([]);
    expect(
      codes((s) =>
        workspace(s, { storageAccount: brought, storageNetworkAccess: StorageNetworkAccess.publicAccess() }),
      ),
    ).toEqual([]);
    expect(codes((s) => workspace(s, { storageInfrastructureEncryption: true }))).toEqual([]);
  });

  test('infrastructure encryption on the created account', () => {
    const stack = testStack();
    workspace(stack, { storageInfrastructureEncryption: true });
    expect(one(synthJson(stack), 'azurerm_storage_account').infrastructure_encryption_enabled).toBe(true);
  });
});

describe('a brought user-assigned identity', () => {
  test('with assignRoles: the roles on the associated resources before the workspace, Contributor after', () => {
    const stack = testStack();
    const identity = new UserAssignedIdentity(stack, 'Ws', {
      name: 'id-ws',
      location: 'westeurope',
      resourceGroupName: 'rg-ml',
    });
    workspace(stack, { identity: WorkspaceIdentity.userAssigned(identity, { assignRoles: true }) });
    const json = synthJson(stack);
    const grants = Object.entries(resourcesOfType(json, 'azurerm_role_assignment'));
    const byScope = (ref: string) =>
      grants.filter(([, g]) => String(g.scope).startsWith(ref)).map(([, g]) => g.role_definition_name);
    expect(byScope('${azurerm_storage_account.')).toEqual(
      expect.arrayContaining(['Storage Blob Data Contributor', 'Reader']),
    );
    expect(byScope('${azurerm_key_vault.')).toEqual(expect.arrayContaining(['Key Vault Administrator']));
    expect(byScope('${azapi_resource.')).toEqual(['Contributor']);
    const ws = theWorkspace(json);
    const before = grants.filter(([, g]) => !String(g.scope).startsWith('${azapi_resource.'));
    expect(before.length).toBe(10);
    for (const [name] of before) expect(ws.depends_on).toContain(`azurerm_role_assignment.${name}`);
    for (const [, g] of grants)
      expect(g.principal_id).toBe('${azurerm_user_assigned_identity.Ws.principal_id}');
    expect(ws.identity).toEqual({
      type: 'UserAssigned',
      identity_ids: ['${azurerm_user_assigned_identity.Ws.id}'],
    });
  });

  test('without assignRoles (the default) nothing is granted, as before', () => {
    const stack = testStack();
    workspace(stack, { identity: WorkspaceIdentity.userAssigned(UAI) });
    expect(resourcesOfType(synthJson(stack), 'azurerm_role_assignment')).toEqual({});
  });

  test('the same identity for the workspace and the key is carried once', () => {
    const stack = testStack();
    workspace(stack, {
      identity: WorkspaceIdentity.userAssigned(UAI),
      customerManagedKey: { keyVault: { id: VAULT_ID }, keyId: KEY_ID, identity: UAI },
    });
    const ws = mlResourcesOfType(synthJson(stack), 'workspaces');
    expect(ws[0][1].identity).toEqual({ type: 'UserAssigned', identity_ids: [UAI.id] });
  });
});

test('a storage account brought as azurerm StorageAccount with shared keys off is checked too', () => {
  expect(
    codes((s) => {
      const account = new StorageAccount(s, 'Brought', {
        name: 'stbrought',
        resourceGroupName: 'rg-ml',
        location: 'westeurope',
        accountTier: 'Standard',
        accountReplicationType: 'LRS',
        sharedAccessKeyEnabled: false,
      });
      workspace(s, { storageAccount: account });
    }),
  ).toEqual(['SE166']);
});
