/**
 * The classes of input the second half of the "trust the input" work refuses or now accepts: ARM ids of the
 * wrong type (SE002), tags Azure refuses (SE003), contradicting attributes (SE122, SE228, SE114 on imported
 * workspaces), uniqueness in its real scope over every stack of an app (SE123, SE227, SE312), every stack's
 * problems at once, and valid configurations that used to be refused or broken. Each rule fires and its nearest
 * valid input passes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { AzapiProvider } from '../../src/azapi';
import {
  ARM_TYPES,
  ConfigurationErrors,
  readArmId,
  readTags,
  TAG_LIMITS,
  armIdPreconditions,
  shown,
} from '../../src/checks';
import { Principal } from '../../src/core';
import { Model, OnlineDeployment } from '../../src/deployment';
import { EndpointAuthMode, EndpointIdentity, EndpointLogs, SecureOnlineEndpoint } from '../../src/endpoint';
import { OutboundPrivateEndpointRule, PrivateEndpointTarget } from '../../src/outbound';
import {
  InboundAccess,
  IsolationMode,
  ManagedVnetWorkspace,
  ManagedVnetWorkspaceProps,
} from '../../src/workspace';
import { endpointOn, howToDeployment } from '../endpoint/helpers';
import { FakeWorkspace } from '../support/fake-workspace';
import { mlResourcesOfType, reported, resourcesOfType, synthJson, testStack } from '../support/synth';
import { armId, LITERAL_RG, OTHER_SUB, SUB } from '../workspace/fixtures';

const STORAGE = armId('rg-data', 'Microsoft.Storage/storageAccounts', 'stdata');
const VAULT = armId('rg-data', 'Microsoft.KeyVault/vaults', 'kvdata');
const LOGS = armId('rg-data', 'Microsoft.OperationalInsights/workspaces', 'log-data');
const UAMI_ID = armId('rg-id', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'uami');
const CLIENT_ID = '6f1d0b3e-2c4a-4e57-9c1b-0a2d3e4f5a6b';
const SUBNET = { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') };
const WORKSPACE_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-existing`;

function workspace(scope: Construct, overrides: Partial<ManagedVnetWorkspaceProps> = {}, id = 'Workspace') {
  return new ManagedVnetWorkspace(scope, id, {
    resourceGroup: LITERAL_RG,
    workspaceName: 'mlw-inputs',
    publicNetworkAccess: true,
    ...overrides,
  });
}

const imported = {
  workspaceName: 'mlw-existing',
  resourceGroupName: 'rg-ml',
  location: 'westeurope',
  isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
  inboundAccess: InboundAccess.ARRANGED_ELSEWHERE,
};

function appWithProviders(): App {
  return new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'inputs-')), stackTraces: false });
}

function stackIn(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new AzapiProvider(stack, 'azapi');
  return stack;
}

function problemsOfSynth(app: App): string[] {
  try {
    app.synth();
  } catch (e) {
    if (e instanceof ConfigurationErrors) return e.errors.map((p) => p.message);
    throw e;
  }
  return [];
}

describe('SE002 ARM ids of the type the prop expects', () => {
  test('readArmId: another type, a GUID, text, compared without case; the right type passes', () => {
    const messages = reported((stack) => {
      readArmId(stack, 'logs', STORAGE, ARM_TYPES.LOG_ANALYTICS_WORKSPACE);
      readArmId(stack, 'identity', CLIENT_ID, ARM_TYPES.USER_ASSIGNED_IDENTITY);
      readArmId(stack, 'vault', 'kvdata', ARM_TYPES.KEY_VAULT);
      readArmId(stack, 'count', 3, ARM_TYPES.KEY_VAULT);
      readArmId(
        stack,
        'ok',
        VAULT.replace('Microsoft.KeyVault/vaults', 'microsoft.keyvault/VAULTS'),
        ARM_TYPES.KEY_VAULT,
      );
      readArmId(stack, 'unset', undefined, ARM_TYPES.KEY_VAULT, { optional: true });
    });
    expect(messages).toEqual([
      expect.stringMatching(
        /^\[SE002\] test: logs '.*stdata' is refused: it is the id of a Microsoft.Storage\/storageAccounts, not of a Log Analytics workspace \(Microsoft.OperationalInsights\/workspaces\); give the ARM id of a Log Analytics workspace/,
      ),
      expect.stringMatching(
        /\[SE002\] test: identity '6f1d0b3e-.*' is refused: it is a GUID \(a client, principal/,
      ),
      expect.stringMatching(/\[SE002\] test: vault 'kvdata' is refused: it is not an ARM resource id/),
      expect.stringMatching(/\[SE002\] test: count is number 3, not an ARM id/),
    ]);
  });

  test('swapped storage and Key Vault ids on a workspace are refused; the right ones pass', () => {
    const swapped = reported((s) =>
      workspace(s, { storageAccount: { id: VAULT }, keyVault: { id: STORAGE } }),
    );
    expect(swapped).toEqual([
      expect.stringMatching(
        /\[SE002\] test\/Workspace: storageAccount.id '.*kvdata' .*Microsoft.KeyVault\/vaults, not of a storage account/,
      ),
      expect.stringMatching(/\[SE002\] test\/Workspace: keyVault.id '.*stdata' .*not of a Key Vault/),
    ]);
    expect(
      reported((s) => workspace(s, { storageAccount: { id: STORAGE }, keyVault: { id: VAULT } })),
    ).toEqual([]);
  });

  test('azurerm resources of the wrong kind are refused at synth, by the type of the resource referenced', () => {
    const messages = reported((s) => {
      const common = { resourceGroupName: 'rg-data', location: 'westeurope' };
      const vault = new KeyVault(s, 'Vault', {
        ...common,
        name: 'kvdata',
        tenantId: CLIENT_ID,
        skuName: 'standard',
      });
      const account = new StorageAccount(s, 'Account', {
        ...common,
        name: 'stdata',
        accountTier: 'Standard',
        accountReplicationType: 'LRS',
      });
      workspace(s, {
        storageAccount: vault,
        keyVault: account,
      } as unknown as Partial<ManagedVnetWorkspaceProps>);
    });
    expect(messages).toEqual([
      expect.stringMatching(
        /\[SE002\].*storageAccount.id '\$\{azurerm_key_vault.Vault.id\}' is refused: it is the id of a Key Vault/,
      ),
      expect.stringMatching(/\[SE002\].*keyVault.id '\$\{azurerm_storage_account.Account.id\}' is refused/),
    ]);
  });

  test("an identity's client id (a GUID) instead of its resource id is refused, on endpoints and workspaces", () => {
    const wrong = { id: CLIENT_ID, principalId: CLIENT_ID, clientId: CLIENT_ID };
    expect(reported((s) => endpointOn(s, {}, { identity: EndpointIdentity.userAssigned(wrong) }))).toEqual([
      expect.stringMatching(
        /\[SE002\] test\/Endpoint: identity \(user-assigned\) id '6f1d.*' is refused: it is a GUID/,
      ),
    ]);
    const right = { ...wrong, id: UAMI_ID };
    expect(reported((s) => endpointOn(s, {}, { identity: EndpointIdentity.userAssigned(right) }))).toEqual(
      [],
    );
  });

  test('log destinations: a storage account as Log Analytics, a workspace id as an event hub rule', () => {
    const messages = reported((s) => {
      endpointOn(s, {}, { logs: EndpointLogs.toLogAnalytics({ id: STORAGE }) });
      new SecureOnlineEndpoint(s, 'Second', {
        workspace: new FakeWorkspace(s, 'Other'),
        endpointName: 'endpt-second',
        logs: EndpointLogs.toEventHub({ authorizationRuleId: WORKSPACE_ID }),
      });
    });
    expect(messages).toEqual([
      expect.stringMatching(/\[SE002\] test\/Endpoint: logs \(Log Analytics workspace\) .*stdata/),
      expect.stringMatching(
        /\[SE002\] test\/Second: logs \(event hub authorizationRuleId\) .*workspaces\/mlw-existing/,
      ),
    ]);
    expect(reported((s) => endpointOn(s, {}, { logs: EndpointLogs.toLogAnalytics({ id: LOGS }) }))).toEqual(
      [],
    );
  });

  test('a workspace id as an endpoint id is refused', () => {
    const messages = reported((s) =>
      SecureOnlineEndpoint.fromEndpointAttributes(s, 'Endpoint', {
        workspace: new FakeWorkspace(s, 'Workspace'),
        endpointName: 'mlw-existing',
        endpointId: WORKSPACE_ID,
      }),
    );
    expect(messages).toEqual([
      expect.stringMatching(
        /\[SE002\] test\/Endpoint: endpointId .* not of a Machine Learning online endpoint/,
      ),
    ]);
  });

  test('a token id becomes a plan-time precondition on the resource that uses it; references of known kind do not', () => {
    const stack = testStack();
    const logs = new TerraformVariable(stack, 'logs_id', { type: 'string' }).stringValue;
    const identity = new UserAssignedIdentity(stack, 'Identity', {
      name: 'uami',
      resourceGroupName: 'rg-id',
      location: 'westeurope',
    });
    endpointOn(
      stack,
      {},
      {
        identity: EndpointIdentity.userAssigned(identity),
        logs: EndpointLogs.toLogAnalytics({ id: logs }),
      },
    );
    const json = synthJson(stack);
    // Checked before the endpoint is created; the identity is an azurerm user-assigned identity, whose type is
    // certain: nothing to check at plan time for it (its preconditions are the create-only ones, SE240/SE241).
    const [, endpoint] = mlResourcesOfType(json, 'workspaces/onlineEndpoints')[0];
    expect(endpoint.lifecycle).toEqual({
      precondition: [
        {
          condition:
            '${can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft[.]OperationalInsights/workspaces/[^/]+$", var.logs_id))}',
          error_message: expect.stringMatching(
            /^SE002 at test\/Endpoint: logs \(Log Analytics workspace\) '\$\{var.logs_id\}' is not the ARM id of a Log Analytics workspace/,
          ),
        },
        expect.objectContaining({ error_message: expect.stringMatching(/^SE240: /) }),
        expect.objectContaining({ error_message: expect.stringMatching(/^SE241: /) }),
      ],
    });
    const setting = Object.values(resourcesOfType(json, 'azurerm_monitor_diagnostic_setting'))[0];
    expect(setting.lifecycle).toBeUndefined();
  });

  test('an id written around expressions is judged by its literal type segments', () => {
    const messages = reported((s) => {
      const sub = new TerraformVariable(s, 'sub', { type: 'string' }).stringValue;
      readArmId(
        s,
        'keyVault',
        `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st`,
        ARM_TYPES.KEY_VAULT,
      );
      readArmId(
        s,
        'storage',
        `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st`,
        ARM_TYPES.STORAGE_ACCOUNT,
      );
      expect(armIdPreconditions(s)).toEqual([]);
    });
    expect(messages).toEqual([expect.stringMatching(/\[SE002\] test: keyVault .* not of a Key Vault/)]);
  });
});

describe('SE003 tags Azure keeps', () => {
  test('readTags: count, names, characters, value length, names differing in case; a valid set passes', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`tag${i}`, 'x']));
    const messages = reported((s) => {
      readTags(s, 'many', many, TAG_LIMITS.DEFAULT);
      readTags(s, 'chars', { 'cost/center': 'a', 'a<b': 'b' }, TAG_LIMITS.DEFAULT);
      readTags(s, 'long', { ['n'.repeat(513)]: 'v', value: 'v'.repeat(257) }, TAG_LIMITS.DEFAULT);
      readTags(s, 'case', { Env: 'prod', env: 'dev' }, TAG_LIMITS.DEFAULT);
      readTags(s, 'number', { env: 3 }, TAG_LIMITS.DEFAULT);
      readTags(s, 'valid', { environment: 'production', 'Cost Center': '1234' }, TAG_LIMITS.DEFAULT);
    });
    expect(messages).toEqual([
      expect.stringMatching(/\[SE003\] test: many is refused: 51 tags: Azure keeps at most 50;/),
      expect.stringMatching(/chars is refused: tag name 'cost\/center' contains one of < > % & \\ \? \//),
      expect.stringMatching(/chars is refused: tag name 'a<b' contains/),
      expect.stringMatching(
        /long is refused: tag name 'n+\.\.\.' has 513 characters: Azure takes at most 512;/,
      ),
      expect.stringMatching(
        /long is refused: tag 'value' has a value of 257 characters: Azure takes at most 256;/,
      ),
      expect.stringMatching(/case is refused: tag names 'Env' and 'env' differ only in case/),
      expect.stringMatching(/number is refused: tag 'env' has the number 3 as its value/),
    ]);
  });

  test('workspace tags are checked against the resources they are passed on to: storage account, DNS zones', () => {
    const tags = { ['s'.repeat(129)]: 'x', 'Cost Center': 'x', '1st': 'x' };
    expect(reported((s) => workspace(s, { tags, inboundPrivateEndpoint: { subnet: SUBNET } }))).toEqual([
      expect.stringMatching(
        /\[SE003\] test\/Workspace: tags is refused: tag name 's+\.\.\.' has 129 characters: Azure takes at most 128 on storage accounts/,
      ),
      expect.stringMatching(/tag name 'Cost Center' has a space: Azure refuses it on private DNS zones/),
      expect.stringMatching(/tag name '1st' starts with a digit: Azure refuses it on private DNS zones/),
    ]);
    // A brought storage account and brought zones: the same tags reach only resources that keep them.
    expect(
      reported((s) =>
        workspace(s, {
          tags,
          storageAccount: { id: STORAGE },
          inboundPrivateEndpoint: {
            subnet: SUBNET,
            privateDnsZoneIds: [
              armId('rg-dns', 'Microsoft.Network/privateDnsZones', 'privatelink.api.azureml.ms'),
              armId('rg-dns', 'Microsoft.Network/privateDnsZones', 'privatelink.notebooks.azure.net'),
            ],
          },
        }),
      ),
    ).toEqual([]);
  });

  test('a tag map from one Terraform expression passes through; literal names with expression values are checked', () => {
    const stack = testStack();
    const tags = new TerraformVariable(stack, 'tags', { type: 'map(string)' });
    const owner = new TerraformVariable(stack, 'owner', { type: 'string' }).stringValue;
    endpointOn(stack, {}, { tags: tags.value as { [key: string]: string } });
    const json = synthJson(stack);
    const [, endpoint] = mlResourcesOfType(json, 'workspaces/onlineEndpoints')[0];
    expect(endpoint.tags).toBe('${var.tags}');
    expect(reported((s) => endpointOn(s, {}, { tags: { owner, 'a&b': owner } }))).toEqual([
      expect.stringMatching(/\[SE003\] test\/Endpoint: tags is refused: tag name 'a&b' contains/),
    ]);
  });
});

describe('attributes that contradict each other', () => {
  test('SE122: an imported workspace id naming another workspace, group or subscription', () => {
    const id = `/subscriptions/${SUB}/resourceGroups/rg-other/providers/Microsoft.MachineLearningServices/workspaces/mlw-other`;
    const messages = reported((s) =>
      ManagedVnetWorkspace.fromWorkspaceAttributes(s, 'Imported', {
        ...imported,
        workspaceId: id,
        subscriptionId: OTHER_SUB,
      }),
    );
    expect(messages).toEqual([
      expect.stringMatching(
        /\[SE122\] test\/Imported: imported workspace id .* names workspace 'mlw-other', but workspaceName is 'mlw-existing'/,
      ),
      expect.stringMatching(/\[SE122\].* names resource group 'rg-other', but resourceGroupName is 'rg-ml'/),
      expect.stringMatching(/\[SE122\].* names subscription '.*0001', but subscriptionId is '.*0002'/),
    ]);
    const upper = WORKSPACE_ID.replace('mlw-existing', 'MLW-EXISTING').replace('rg-ml', 'RG-ML');
    expect(
      reported((s) =>
        ManagedVnetWorkspace.fromWorkspaceAttributes(s, 'Imported', { ...imported, workspaceId: upper }),
      ),
    ).toEqual([]);
  });

  test('SE108: an imported workspace whose storage account is in another subscription', () => {
    const elsewhere = armId('rg-data', 'Microsoft.Storage/storageAccounts', 'stdata', OTHER_SUB);
    expect(
      reported((s) =>
        ManagedVnetWorkspace.fromWorkspaceAttributes(s, 'Imported', {
          ...imported,
          workspaceId: WORKSPACE_ID,
          storageAccountId: elsewhere,
        }),
      ),
    ).toEqual([
      expect.stringMatching(
        /\[SE108\] test\/Imported: storage account '.*0002.*' is in subscription .*0002, the workspace in .*0001/,
      ),
    ]);
    expect(
      reported((s) =>
        ManagedVnetWorkspace.fromWorkspaceAttributes(s, 'Imported', {
          ...imported,
          subscriptionId: SUB,
          storageAccountId: STORAGE,
        }),
      ),
    ).toEqual([]);
  });

  test('SE228: an imported endpoint whose id names another endpoint or workspace', () => {
    const endpointId = (workspaceName: string, endpointName: string) =>
      `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/${workspaceName}/onlineEndpoints/${endpointName}`;
    const attach = (id: string) => (s: TerraformStack) =>
      SecureOnlineEndpoint.fromEndpointAttributes(s, 'Endpoint', {
        workspace: new FakeWorkspace(s, 'Workspace'),
        endpointName: 'endpt-shared',
        endpointId: id,
      });
    expect(reported(attach(endpointId('mlw-other', 'endpt-other')))).toEqual([
      expect.stringMatching(
        /\[SE228\] test\/Endpoint: imported endpoint id .* names endpoint 'endpt-other', but endpointName is 'endpt-shared'/,
      ),
      expect.stringMatching(
        /\[SE228\].* is in workspace 'mlw-other', but the workspace given is 'mlw-secure'/,
      ),
    ]);
    expect(reported(attach(endpointId('MLW-SECURE', 'ENDPT-SHARED')))).toEqual([]);
  });

  test('SE114: an imported workspace with isolation Disabled gets no provisioning action', () => {
    const messages = reported((stack) =>
      ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Imported', {
        ...imported,
        isolationMode: IsolationMode.DISABLED,
        provisionManagedNetwork: true,
      }),
    );
    expect(messages).toEqual([
      expect.stringMatching(
        /\[SE114\] test\/Imported: provisionManagedNetwork is true but the isolation mode is Disabled/,
      ),
    ]);
    const quiet = testStack();
    const ws = ManagedVnetWorkspace.fromWorkspaceAttributes(quiet, 'Imported', {
      ...imported,
      isolationMode: IsolationMode.DISABLED,
    });
    expect(ws.managedNetworkReady).toEqual([]);
    expect(mlResourcesOfType(synthJson(quiet), 'workspaces', 'azapi_resource_action')).toEqual([]);
  });
});

describe('uniqueness in its real scope, over every stack of the app', () => {
  test('SE227: one endpoint name in two workspaces of one region, also across stacks and region spellings', () => {
    const app = appWithProviders();
    const one = stackIn(app, 'one');
    const two = stackIn(app, 'two');
    endpointOn(one, {}, { endpointName: 'endpt-shared' });
    const other = new FakeWorkspace(two, 'Workspace');
    Object.defineProperty(other, 'location', { value: 'West Europe' });
    new SecureOnlineEndpoint(two, 'Endpoint', { workspace: other, endpointName: 'ENDPT-SHARED' });
    expect(problemsOfSynth(app)).toEqual([
      expect.stringMatching(
        /^\[SE227\] two\/Endpoint: endpoint name 'ENDPT-SHARED' is already used by one\/Endpoint in region 'West Europe'/,
      ),
    ]);
  });

  test('SE227 passes for another region or another name', () => {
    expect(
      reported((s) => {
        endpointOn(s, {}, { endpointName: 'endpt-shared' });
        const other = new FakeWorkspace(s, 'Other');
        Object.defineProperty(other, 'location', { value: 'northeurope' });
        new SecureOnlineEndpoint(s, 'InOtherRegion', { workspace: other, endpointName: 'endpt-shared' });
        new SecureOnlineEndpoint(s, 'OtherName', {
          workspace: new FakeWorkspace(s, 'Third'),
          endpointName: 'endpt-third',
        });
      }),
    ).toEqual([]);
  });

  test('SE123: two workspaces creating the same private DNS zones in one resource group, across stacks', () => {
    const app = appWithProviders();
    workspace(stackIn(app, 'one'), { workspaceName: 'mlw-one', inboundPrivateEndpoint: { subnet: SUBNET } });
    workspace(stackIn(app, 'two'), { workspaceName: 'mlw-two', inboundPrivateEndpoint: { subnet: SUBNET } });
    expect(problemsOfSynth(app)).toEqual([
      expect.stringMatching(
        /^\[SE123\] two\/Workspace\/InboundPrivateEndpoint: the inbound private endpoint creates the private DNS zones privatelink.api.azureml.ms and privatelink.notebooks.azure.net in resource group 'rg-ml', which one\/Workspace\/InboundPrivateEndpoint creates too/,
      ),
    ]);
  });

  test('SE123 passes when the second workspace uses the first one zones, or another group', () => {
    expect(
      reported((s) => {
        const first = workspace(
          s,
          { workspaceName: 'mlw-one', inboundPrivateEndpoint: { subnet: SUBNET } },
          'One',
        );
        const zones = first.inboundPrivateEndpoint?.privateDnsZones.map((z) => z.id) ?? [];
        workspace(
          s,
          { workspaceName: 'mlw-two', inboundPrivateEndpoint: { subnet: SUBNET, privateDnsZoneIds: zones } },
          'Two',
        );
        workspace(
          s,
          {
            workspaceName: 'mlw-three',
            resourceGroup: { ...LITERAL_RG, id: `${LITERAL_RG.id}-2`, name: 'rg-ml-2' },
            inboundPrivateEndpoint: { subnet: SUBNET },
          },
          'Three',
        );
      }),
    ).toEqual([]);
  });

  test('one principal granted twice in other letter case gets one role assignment', () => {
    const stack = testStack();
    const { endpoint } = endpointOn(stack, {}, { authMode: EndpointAuthMode.AAD_TOKEN });
    const first = endpoint.grantInvoke(Principal.user(CLIENT_ID));
    const second = endpoint.grantInvoke(Principal.user(CLIENT_ID.toUpperCase()));
    expect(second).toBe(first);
    expect(Object.keys(resourcesOfType(synthJson(stack), 'azurerm_role_assignment'))).toHaveLength(1);
  });

  test('two endpoints sharing one user-assigned identity on one workspace share its role assignments', () => {
    const stack = testStack();
    const identity = EndpointIdentity.userAssigned({
      id: UAMI_ID,
      principalId: CLIENT_ID,
      clientId: CLIENT_ID,
    });
    const { ws } = endpointOn(stack, {}, { identity });
    new SecureOnlineEndpoint(stack, 'Second', { workspace: ws, endpointName: 'endpt-second', identity });
    expect(Object.keys(resourcesOfType(synthJson(stack), 'azurerm_role_assignment'))).toHaveLength(4);
  });

  test('SE312: the same grant in two stacks (Azure refuses the second); other principals pass', () => {
    const app = appWithProviders();
    const one = stackIn(app, 'one');
    const two = stackIn(app, 'two');
    const target = armId('rg-data', 'Microsoft.Storage/storageAccounts', 'stdata');
    for (const [stack, principal] of [
      [one, CLIENT_ID],
      [two, CLIENT_ID.toUpperCase()],
    ] as const) {
      const ws = new FakeWorkspace(stack, 'Workspace');
      Object.defineProperty(ws, 'workspacePrincipalId', { value: principal });
      new OutboundPrivateEndpointRule(stack, 'Blob', {
        workspace: ws,
        ruleName: 'data-blob',
        serviceResourceId: target,
        subresourceTarget: PrivateEndpointTarget.BLOB,
      });
    }
    expect(problemsOfSynth(app)).toEqual([
      expect.stringMatching(
        /^\[SE312\] two\/Blob: role 'Azure AI Enterprise Network Connection Approver' is granted to principal '6F1D.*' on scope '.*stdata' twice \(one\/Blob\/ApproverRole and two\/Blob\/ApproverRole\)/,
      ),
    ]);
  });

  test('two rules to one storage account (blob and file) in one stack share the approver grant', () => {
    const stack = testStack();
    const ws = new FakeWorkspace(stack, 'Workspace');
    Object.defineProperty(ws, 'workspacePrincipalId', { value: CLIENT_ID });
    const rules = [PrivateEndpointTarget.BLOB, PrivateEndpointTarget.FILE].map(
      (target) =>
        new OutboundPrivateEndpointRule(stack, `Rule${target.value}`, {
          workspace: ws,
          ruleName: `data-${target.value}`,
          serviceResourceId: STORAGE,
          subresourceTarget: target,
        }),
    );
    expect(rules[1].approverRoleAssignment).toBe(rules[0].approverRoleAssignment);
    expect(Object.keys(resourcesOfType(synthJson(stack), 'azurerm_role_assignment'))).toHaveLength(1);
  });
});

describe('every problem of every stack at once', () => {
  test('app.synth() lists the problems of both stacks, each with its construct path, and writes nothing', () => {
    const app = appWithProviders();
    workspace(stackIn(app, 'first'), { workspaceName: '-bad' });
    endpointOn(stackIn(app, 'second'), {}, { endpointName: 'endpt_1' });
    expect(problemsOfSynth(app)).toEqual([
      expect.stringMatching(/^\[SE101\] first\/Workspace: /),
      expect.stringMatching(/^\[SE201\] second\/Endpoint: /),
    ]);
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'first', 'cdk.tf.json'))).toBe(false);
  });

  test('Testing.synth and fullSynth of one stack stop with the problems of every stack too', () => {
    const app = Testing.app({ stackTraces: false });
    const first = stackIn(app, 'first');
    endpointOn(stackIn(app, 'second'), {}, { endpointName: 'endpt_1' });
    workspace(first, { workspaceName: '-bad' });
    expect(() => Testing.synth(first)).toThrow(
      /\[SE101\] first\/Workspace: [\s\S]*\[SE201\] second\/Endpoint: /,
    );
    expect(() => Testing.fullSynth(first)).toThrow(ConfigurationErrors);
  });
});

describe('valid configurations that used to be refused or broken', () => {
  test('storageBlobEndpoint without a trailing slash gives a well-formed code URI', () => {
    const stack = testStack();
    const ws = ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Imported', {
      ...imported,
      subscriptionId: SUB,
      logAnalyticsWorkspaceId: LOGS,
      storageAccountName: 'stdata',
      storageBlobEndpoint: 'https://stdata.blob.core.chinacloudapi.cn',
    });
    expect(ws.workspaceBlobStore.blobEndpoint).toBe('https://stdata.blob.core.chinacloudapi.cn/');
    const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', { workspace: ws, endpointName: 'endpt-cn' });
    new OnlineDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    const [, code] = mlResourcesOfType(synthJson(stack), 'workspaces/codes/versions')[0];
    expect((code.body as { properties: { codeUri: string } }).properties.codeUri).toMatch(
      /^https:\/\/stdata\.blob\.core\.chinacloudapi\.cn\/azureml-blobstore-\$\{.*\}\/cdktf-assets\/codes\//,
    );
  });

  test('a blob endpoint from an expression gets its slash from Terraform', () => {
    const stack = testStack();
    const endpointVar = new TerraformVariable(stack, 'blob', { type: 'string' }).stringValue;
    const ws = ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Imported', {
      ...imported,
      subscriptionId: SUB,
      storageBlobEndpoint: endpointVar,
    });
    expect(shown(stack, ws.workspaceBlobStore.blobEndpoint)).toBe('${trimsuffix(var.blob, "/")}/');
  });

  test('an imported workspace without logAnalyticsWorkspaceId reads it at plan time from its Application Insights', () => {
    const stack = testStack();
    const ws = ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Imported', {
      ...imported,
      subscriptionId: SUB,
    });
    new SecureOnlineEndpoint(stack, 'Endpoint', { workspace: ws, endpointName: 'endpt-imported' });
    const json = synthJson(stack);
    const reads = json.data?.azapi_resource ?? {};
    const component = Object.entries(reads).find(([name]) => name.includes('ApplicationInsights'))?.[1];
    expect(component).toMatchObject({
      type: 'Microsoft.Insights/components@2020-02-02',
      resource_id: expect.stringMatching(
        /^\$\{data\.azapi_resource\.Imported_[0-9A-F]{8}\.output\.applicationInsights\}$/,
      ),
      response_export_values: { logAnalyticsWorkspaceId: 'properties.WorkspaceResourceId' },
    });
    const lifecycle = component?.lifecycle as { precondition: unknown[]; postcondition: unknown[] };
    expect(lifecycle.postcondition).toEqual([
      expect.objectContaining({ error_message: expect.stringMatching(/^SE320: /) }),
    ]);
    const setting = Object.values(resourcesOfType(json, 'azurerm_monitor_diagnostic_setting'))[0];
    expect(setting.log_analytics_workspace_id).toMatch(
      /ApplicationInsights_[0-9A-F]{8}\.output\.logAnalyticsWorkspaceId\}$/,
    );
    // Nothing asks for it: nothing is read.
    const quiet = testStack();
    ManagedVnetWorkspace.fromWorkspaceAttributes(quiet, 'Imported', { ...imported, subscriptionId: SUB });
    expect(Object.keys(synthJson(quiet).data?.azapi_resource ?? {})).toHaveLength(1);
  });

  test('a brought Application Insights given by id alone: its Log Analytics workspace is read at plan time', () => {
    const stack = testStack();
    const ws = workspace(stack, {
      applicationInsights: { id: armId('rg-data', 'Microsoft.Insights/components', 'appi') },
    });
    expect(shown(stack, ws.logAnalyticsWorkspaceId)).toMatch(
      /^\$\{data\.azapi_resource\.Workspace_ApplicationInsightsLogs_[0-9A-F]{8}\.output\.logAnalyticsWorkspaceId\}$/,
    );
    // A classic component (workspaceId '') has none: SE320 as before.
    expect(
      reported(
        (s) =>
          new SecureOnlineEndpoint(s, 'Endpoint', {
            workspace: workspace(s, {
              applicationInsights: { id: armId('rg', 'Microsoft.Insights/components', 'a'), workspaceId: '' },
            }),
            endpointName: 'endpt-classic',
            publicNetworkAccess: true,
          }),
      ),
    ).toEqual([expect.stringMatching(/\[SE320\]/)]);
  });

  test('an MLflow model without code or environment still needs neither', () => {
    expect(
      reported((s) => {
        const { endpoint } = endpointOn(s);
        new OnlineDeployment(s, 'Blue', {
          endpoint,
          model: Model.mlflowFromAssetId('azureml:mlflow-model:1'),
        });
      }),
    ).toEqual([]);
  });
});

test('SE003 once, on the workspace, for tags it passes on to its associated resources and private endpoint', () => {
  const tags = { ['s'.repeat(129)]: 'x', 'Cost Center': 'x' };
  expect(reported((s) => workspace(s, { tags, inboundPrivateEndpoint: { subnet: SUBNET } }))).toEqual([
    expect.stringMatching(/\[SE003\] test\/Workspace: .*129 characters/),
    expect.stringMatching(/\[SE003\] test\/Workspace: .*'Cost Center' has a space/),
  ]);
});

test('SE122 at plan time: an imported workspace id from an expression is compared with workspaceName by Terraform', () => {
  const stack = testStack();
  const id = new TerraformVariable(stack, 'workspace_id', { type: 'string' }).stringValue;
  ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Imported', { ...imported, workspaceId: id });
  const read = Object.values(synthJson(stack).data?.azapi_resource ?? {})[0];
  const conditions = (read.lifecycle as { precondition: Array<{ condition: string; error_message: string }> })
    .precondition;
  expect(conditions).toContainEqual({
    condition: '${(lower(element(split("/", var.workspace_id), 8)) == "mlw-existing")}',
    error_message: expect.stringMatching(
      /^SE122 at test\/Imported: imported workspace id '\$\{var.workspace_id\}' does not name workspace 'mlw-existing'/,
    ),
  });
});

test('SE108 at plan time: an imported storage account compared with the provider subscription by Terraform', () => {
  const stack = testStack();
  ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Imported', { ...imported, storageAccountId: STORAGE });
  const read = Object.values(synthJson(stack).data?.azapi_resource ?? {})[0];
  const conditions = (read.lifecycle as { precondition: Array<{ condition: string; error_message: string }> })
    .precondition;
  expect(conditions).toEqual([
    {
      condition: expect.stringMatching(
        /^\$\{\(lower\(element\(split\("\/", "\/subscriptions\/0{8}-0{4}-0{4}-0{4}-0{11}1\/.*stdata"\), 2\)\) == lower\(element\(split\("\/", "\/subscriptions\/\$\{data.azurerm_client_config.Imported_ClientConfig_[0-9A-F]{8}.subscription_id\}\/resourceGroups/,
      ),
      error_message: expect.stringMatching(
        /^SE108 at test\/Imported: storageAccountId '.*stdata' is in another subscription/,
      ),
    },
  ]);
  // Both subscriptions known: decided at synth, nothing left for the plan.
  const known = testStack();
  ManagedVnetWorkspace.fromWorkspaceAttributes(known, 'Imported', {
    ...imported,
    subscriptionId: SUB,
    storageAccountId: STORAGE,
  });
  expect(Object.values(synthJson(known).data?.azapi_resource ?? {})[0].lifecycle).not.toHaveProperty(
    'precondition',
  );
});
