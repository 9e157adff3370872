/**
 * `savedQueriesStorage`: what is synthesized (the Log Analytics workspace forced to customer storage for queries,
 * its identity, the grant and the `Query` link, in that order), what the default leaves untouched, and the checks:
 * SE142 with a brought Application Insights, SE002 for an id of another type; a token id passes through.
 */
import { TerraformVariable } from 'cdktf';
import { ManagedVnetWorkspace, ManagedVnetWorkspaceProps, SavedQueriesStorage } from '../../src/workspace';
import { reported, resourcesOfType, synthJson, testStack } from '../support/synth';
import { armId, LITERAL_RG } from './fixtures';

const SUBNET = { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') };
const LOGS = armId('rg-logs', 'Microsoft.OperationalInsights/workspaces', 'law-central');
const QUERIES_ACCOUNT = armId('rg-logs', 'Microsoft.Storage/storageAccounts', 'stqueries');

const PROPS: ManagedVnetWorkspaceProps = {
  resourceGroup: LITERAL_RG,
  workspaceName: 'mlw-queries',
  inboundPrivateEndpoint: { subnet: SUBNET },
};

type Resource = Record<string, unknown>;

function synthWith(props: Partial<ManagedVnetWorkspaceProps>): ReturnType<typeof synthJson> {
  const stack = testStack();
  new ManagedVnetWorkspace(stack, 'Workspace', { ...PROPS, ...props });
  return synthJson(stack);
}

function all(json: ReturnType<typeof synthJson>, type: string): Array<[string, Resource]> {
  return Object.entries(resourcesOfType(json, type)) as Array<[string, Resource]>;
}

function one(json: ReturnType<typeof synthJson>, type: string): [string, Resource] {
  const found = all(json, type);
  expect(found).toHaveLength(1);
  return found[0];
}

const savedQueriesGrants = (json: ReturnType<typeof synthJson>) =>
  all(json, 'azurerm_role_assignment').filter(([name]) => name.includes('SavedQueriesStorageAccess'));

describe('savedQueriesStorage: SavedQueriesStorage.workspaceStorageAccount()', () => {
  const json = synthWith({ savedQueriesStorage: SavedQueriesStorage.workspaceStorageAccount() });
  const [logsName, logs] = one(json, 'azurerm_log_analytics_workspace');
  const [accountName] = one(json, 'azurerm_storage_account');

  test('the Log Analytics workspace is forced to customer storage for queries and has an identity', () => {
    expect(logs).toMatchObject({
      cmk_for_query_forced: true,
      identity: { type: 'SystemAssigned' },
      local_authentication_enabled: false,
    });
  });

  test("the workspace's storage account is linked for Query, after the grant", () => {
    const grants = savedQueriesGrants(json);
    expect(grants).toHaveLength(1);
    const [grantName, grant] = grants[0];
    expect(grant).toMatchObject({
      role_definition_name: 'Storage Blob Data Contributor',
      principal_type: 'ServicePrincipal',
      scope: `\${azurerm_storage_account.${accountName}.id}`,
      principal_id: `\${azurerm_log_analytics_workspace.${logsName}.identity[0].principal_id}`,
    });
    const [linkName, link] = one(json, 'azurerm_log_analytics_linked_storage_account');
    expect(linkName).toMatch(/^Workspace_Associated_SavedQueriesStorage_/);
    expect(link).toMatchObject({
      data_source_type: 'Query',
      resource_group_name: LITERAL_RG.name,
      workspace_id: `\${azurerm_log_analytics_workspace.${logsName}.id}`,
      storage_account_ids: [`\${azurerm_storage_account.${accountName}.id}`],
      depends_on: [`azurerm_role_assignment.${grantName}`],
    });
  });

  test('a brought workspace storage account is the one linked', () => {
    const brought = armId('rg-ml', 'Microsoft.Storage/storageAccounts', 'stbrought');
    const withBrought = synthWith({
      storageAccount: { id: brought },
      savedQueriesStorage: SavedQueriesStorage.workspaceStorageAccount(),
    });
    const [, link] = one(withBrought, 'azurerm_log_analytics_linked_storage_account');
    expect(link.storage_account_ids).toEqual([brought]);
    expect(savedQueriesGrants(withBrought)[0][1].scope).toBe(brought);
  });
});

describe('savedQueriesStorage: SavedQueriesStorage.storageAccount(id)', () => {
  test('links the given account and grants the identity on it', () => {
    const json = synthWith({ savedQueriesStorage: SavedQueriesStorage.storageAccount(QUERIES_ACCOUNT) });
    const [, link] = one(json, 'azurerm_log_analytics_linked_storage_account');
    expect(link.storage_account_ids).toEqual([QUERIES_ACCOUNT]);
    expect(savedQueriesGrants(json)[0][1].scope).toBe(QUERIES_ACCOUNT);
    expect(one(json, 'azurerm_log_analytics_workspace')[1].cmk_for_query_forced).toBe(true);
  });

  test('a Terraform expression for the id passes through to the link and the grant', () => {
    const stack = testStack();
    const id = new TerraformVariable(stack, 'queries_account', { type: 'string' }).stringValue;
    new ManagedVnetWorkspace(stack, 'Workspace', {
      ...PROPS,
      savedQueriesStorage: SavedQueriesStorage.storageAccount(id),
    });
    const json = synthJson(stack);
    const [, link] = one(json, 'azurerm_log_analytics_linked_storage_account');
    expect(link.storage_account_ids).toEqual(['${var.queries_account}']);
    expect(savedQueriesGrants(json)[0][1].scope).toBe('${var.queries_account}');
  });

  test('an id of another resource type is refused (SE002), naming the prop', () => {
    expect(
      reported((stack) => {
        new ManagedVnetWorkspace(stack, 'Workspace', {
          ...PROPS,
          savedQueriesStorage: SavedQueriesStorage.storageAccount(LOGS),
        });
      }),
    ).toEqual([
      expect.stringMatching(/^\[SE002\] test\/Workspace: .*savedQueriesStorage \(storage account\) id/),
    ]);
  });

  test('an empty id is refused, naming the prop', () => {
    expect(
      reported((stack) => {
        new ManagedVnetWorkspace(stack, 'Workspace', {
          ...PROPS,
          savedQueriesStorage: SavedQueriesStorage.storageAccount(''),
        });
      }),
    ).toEqual([
      expect.stringMatching(/^\[SE0\d\d\] test\/Workspace: .*savedQueriesStorage \(storage account\) id/),
    ]);
  });
});

describe('savedQueriesStorage unset (the default)', () => {
  test('nothing changes on the Log Analytics workspace: a live stack of the previous release plans no change', () => {
    const json = synthWith({});
    const [, logs] = one(json, 'azurerm_log_analytics_workspace');
    expect(logs).not.toHaveProperty('cmk_for_query_forced');
    expect(logs).not.toHaveProperty('identity');
    expect(all(json, 'azurerm_log_analytics_linked_storage_account')).toEqual([]);
    expect(savedQueriesGrants(json)).toEqual([]);
  });
});

describe('SE142 savedQueriesStorage with a brought Application Insights', () => {
  test('fires: no Log Analytics workspace is created to link storage to; the settings would do nothing', () => {
    expect(
      reported((stack) => {
        new ManagedVnetWorkspace(stack, 'Workspace', {
          ...PROPS,
          applicationInsights: {
            id: armId('rg-ml', 'Microsoft.Insights/components', 'appi'),
            workspaceId: LOGS,
          },
          savedQueriesStorage: SavedQueriesStorage.workspaceStorageAccount(),
        });
      }),
    ).toEqual([
      expect.stringMatching(
        /^\[SE142\] test\/Workspace: savedQueriesStorage set with a brought applicationInsights: .*data_source_type Query and cmk_for_query_forced/,
      ),
    ]);
  });

  test('passes with a created Application Insights', () => {
    expect(
      reported((stack) => {
        new ManagedVnetWorkspace(stack, 'Workspace', {
          ...PROPS,
          savedQueriesStorage: SavedQueriesStorage.workspaceStorageAccount(),
        });
      }),
    ).toEqual([]);
  });
});
