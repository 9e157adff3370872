/** Facts about objects the user brings, read as configured (SE462 and the rules of each area). */
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { StorageAccount, StorageAccountConfig } from '@cdktf/provider-azurerm/lib/storage-account';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Principal } from '../../src/core';
import { configurationProblems } from '../../src/checks';
import { EndpointAuthMode, EndpointIdentity, EndpointLogs, SecureOnlineEndpoint } from '../../src/endpoint';
import { WorkspaceIdentity } from '../../src/workspace';
import { mlResourceNamed, reported, synthJson, testStack } from '../support/synth';
import { endpointOn } from '../endpoint/helpers';
import { armId, LITERAL_RG } from '../workspace/fixtures';
import { ManagedVnetWorkspace } from '../../src/workspace';

const GUID_A = '6f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b';
const GUID_B = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const UAMI_ID = armId('rg-id', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'id-endpoint');

function uami(stack: TerraformStack): UserAssignedIdentity {
  return new UserAssignedIdentity(stack, 'Identity', {
    name: 'id-endpoint',
    resourceGroupName: LITERAL_RG.name,
    location: 'westeurope',
  });
}

describe('SE462 the ids of an identity', () => {
  test("an identity's ARM id given as its principal id is refused naming the prop; the GUIDs pass", () => {
    const identity = (principalId: string) =>
      EndpointIdentity.userAssigned({ id: UAMI_ID, principalId, clientId: GUID_B });
    expect(reported((s) => endpointOn(s, {}, { identity: identity(UAMI_ID) }))).toEqual([
      expect.stringMatching(
        /\[SE462\] test\/Endpoint: identity \(user-assigned\)\.principalId is '\/subscriptions\/.*', an ARM resource id/,
      ),
    ]);
    expect(reported((s) => endpointOn(s, {}, { identity: identity(GUID_A) }))).toEqual([]);
  });

  test('principal and client id swapped on an azurerm identity are refused on endpoints and workspaces', () => {
    const swapped = (id: UserAssignedIdentity) => ({
      id: id.id,
      principalId: id.clientId,
      clientId: id.principalId,
    });
    expect(
      reported((s) => endpointOn(s, {}, { identity: EndpointIdentity.userAssigned(swapped(uami(s))) })),
    ).toEqual([
      expect.stringMatching(
        /\[SE462\] test\/Endpoint: identity \(user-assigned\)\.principalId is \$\{azurerm_user_assigned_identity\.Identity\.client_id\}, the identity's client_id/,
      ),
      expect.stringMatching(
        /\[SE462\] test\/Endpoint: identity \(user-assigned\)\.clientId is .*principal_id/,
      ),
    ]);
    expect(
      reported(
        (s) =>
          new ManagedVnetWorkspace(s, 'Workspace', {
            resourceGroup: LITERAL_RG,
            workspaceName: 'mlw-ids',
            inboundPrivateEndpoint: {
              subnet: { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') },
            },
            identity: WorkspaceIdentity.userAssigned(swapped(uami(s))),
          }),
      ),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/\[SE462\] test\/Workspace: identity/)]));
  });

  test('the azurerm identity itself passes', () => {
    expect(reported((s) => endpointOn(s, {}, { identity: EndpointIdentity.userAssigned(uami(s)) }))).toEqual(
      [],
    );
  });

  test("grantInvoke to an identity's client id is refused; its principal id passes", () => {
    const grant = (pick: (id: UserAssignedIdentity) => string) => (s: TerraformStack) =>
      endpointOn(s, {}, { authMode: EndpointAuthMode.AAD_TOKEN }).endpoint.grantInvoke(
        Principal.servicePrincipal(pick(uami(s))),
      );
    expect(reported(grant((id) => id.clientId))).toEqual([
      expect.stringMatching(/\[SE462\] test\/Endpoint\/InvokeAccess: grantee\.principalId is .*client_id/),
    ]);
    expect(reported(grant((id) => id.principalId))).toEqual([]);
  });
});

describe("an endpoint's region from a brought resource group", () => {
  function twoStacks(secondRegion: string): string[] {
    const app = Testing.app();
    for (const [name, region] of [
      ['first', 'westeurope'],
      ['second', secondRegion],
    ]) {
      const stack = new TerraformStack(app, name);
      const rg = new ResourceGroup(stack, 'rg', { name: `rg-${name}`, location: region });
      const workspace = new ManagedVnetWorkspace(stack, 'Workspace', {
        resourceGroup: rg,
        workspaceName: `mlw-${name}`,
        inboundPrivateEndpoint: {
          subnet: { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') },
        },
      });
      new SecureOnlineEndpoint(stack, 'Endpoint', { workspace, endpointName: 'endpt-shared-name' });
    }
    return configurationProblems(app).map((p) => p.message);
  }

  test('SE227 one endpoint name in two stacks whose resource groups are in one region (written two ways)', () => {
    expect(twoStacks('West Europe')).toEqual([
      expect.stringMatching(
        /\[SE227\] second\/Endpoint: endpoint name 'endpt-shared-name' is already used by first\/Endpoint in region 'West Europe'/,
      ),
    ]);
  });

  test('passes when the resource groups are in two regions', () => {
    expect(twoStacks('northeurope')).toEqual([]);
  });
});

describe('SE465 the log archive storage account', () => {
  const archive = (extra: Partial<StorageAccountConfig>) => (s: TerraformStack) => {
    const account = new StorageAccount(s, 'Archive', {
      name: 'starchiveml',
      resourceGroupName: LITERAL_RG.name,
      location: 'westeurope',
      accountTier: 'Standard',
      accountReplicationType: 'LRS',
      ...extra,
    });
    endpointOn(s, {}, { logs: EndpointLogs.toStorageAccount(account) });
  };

  test('an account in another region, or Premium, is refused naming the prop', () => {
    expect(reported(archive({ location: 'northeurope' }))).toEqual([
      expect.stringMatching(
        /\[SE465\] test\/Endpoint: logs \(EndpointLogs\.toStorageAccount\) account\.locationInput is 'northeurope'/,
      ),
    ]);
    expect(reported(archive({ accountTier: 'Premium' }))).toEqual([
      expect.stringMatching(/\[SE465\] test\/Endpoint: .*accountTierInput is 'Premium'/),
    ]);
  });

  test("a Standard account in the endpoint's region (written another way) passes, and so does `{ id }`", () => {
    expect(reported(archive({ location: 'West Europe' }))).toEqual([]);
    expect(
      reported((s) =>
        endpointOn(
          s,
          {},
          {
            logs: EndpointLogs.toStorageAccount({
              id: armId('rg-logs', 'Microsoft.Storage/storageAccounts', 'starchiveml'),
            }),
          },
        ),
      ),
    ).toEqual([]);
  });

  test('a tier from a variable is checked at plan time, on the endpoint', () => {
    const stack = testStack();
    const tier = new TerraformVariable(stack, 'tier', { type: 'string' });
    archive({ accountTier: tier.stringValue })(stack);
    const endpoint = mlResourceNamed(synthJson(stack), 'workspaces/onlineEndpoints', 'endpt-moe-1') as {
      lifecycle?: { precondition?: Array<{ condition: string; error_message: string }> };
    };
    const archiveChecks = endpoint.lifecycle?.precondition?.filter((p) =>
      p.error_message.startsWith('SE465'),
    );
    expect(archiveChecks).toEqual([
      {
        condition: '${(lower(var.tier) != "premium")}',
        error_message: expect.stringMatching(/^SE465 at test\/Endpoint: /),
      },
    ]);
  });
});
