/**
 * One scoped snapshot per documented workspace configuration (docs/workspace.md, listed in ./configurations.ts):
 * each snapshots only the part of the stack the configuration is about, beside assertions that say what it must
 * hold. Every azapi body of every whole stack is checked against the azapi provider's embedded types for its
 * api-version, and `npm run test:apply` applies every whole stack.
 */
import { expectConformingBodies } from '../support/conformance';
import { scoped, SnapshotScope } from '../support/scoped';
import {
  mlResourceNames,
  mlResourcesOfType,
  onlyMlResource,
  resourcesOfType,
  SynthesizedStack,
  synthJson,
  testStack,
} from '../support/synth';
import { WORKSPACE_CONFIGURATIONS } from './configurations';

type Properties = Record<string, unknown> & { managedNetwork: Record<string, unknown> };

function workspaceProperties(json: SynthesizedStack): Properties {
  return (onlyMlResource(json, 'workspaces')[1].body as { properties: Properties }).properties;
}

const WORKSPACE_BODY: SnapshotScope = { mlAttributes: { workspaces: ['body'] } };

interface Case {
  readonly scope: SnapshotScope;
  readonly check: (json: SynthesizedStack) => void;
}

const CASES: Record<string, Case> = {
  'customer-managed key, runner IP ranges and a brought identity': {
    scope: { ...WORKSPACE_BODY, resources: ['azurerm_role_assignment', 'azurerm_storage_account'] },
    check: (json) => {
      expect(workspaceProperties(json)).toMatchObject({
        encryption: {
          status: 'Enabled',
          keyVaultProperties: { keyVaultArmId: '${azurerm_key_vault.keys.id}' },
        },
        primaryUserAssignedIdentity: '${azurerm_user_assigned_identity.identity.id}',
      });
      const roles = Object.values(resourcesOfType(json, 'azurerm_role_assignment')).map(
        (r) => r.role_definition_name,
      );
      expect(roles).toContain('Key Vault Crypto Service Encryption User');
      expect(roles.filter((r) => r === 'Key Vault Crypto Service Encryption User')).toHaveLength(1);
      expect(roles).toContain('Storage Blob Data Contributor');
      const storage = Object.values(resourcesOfType(json, 'azurerm_storage_account'))[0];
      expect(storage.network_rules).toMatchObject({ default_action: 'Deny', ip_rules: ['20.1.2.3'] });
    },
  },
  'approved outbound (the how-to default)': {
    scope: {
      ...WORKSPACE_BODY,
      mlActions: ['workspaces'],
      resources: ['azurerm_monitor_diagnostic_setting'],
    },
    check: (json) => {
      // The workspace's and the created Key Vault's logs go to the created Log Analytics workspace.
      const settings = resourcesOfType(json, 'azurerm_monitor_diagnostic_setting');
      expect(Object.values(settings).map((s) => [s.name, s.log_analytics_workspace_id])).toEqual([
        [
          'workspace-logs',
          '${azurerm_log_analytics_workspace.Workspace_Associated_LogAnalyticsWorkspace_86E541BF.id}',
        ],
        [
          'key-vault-logs',
          '${azurerm_log_analytics_workspace.Workspace_Associated_LogAnalyticsWorkspace_86E541BF.id}',
        ],
      ]);
      expect(workspaceProperties(json)).toMatchObject({
        publicNetworkAccess: 'Disabled',
        managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' },
      });
      expect(onlyMlResource(json, 'workspaces', 'azapi_resource_action')[1].action).toBe(
        'provisionManagedNetwork',
      );
    },
  },
  'internet outbound': {
    scope: WORKSPACE_BODY,
    check: (json) => {
      expect(workspaceProperties(json).managedNetwork.isolationMode).toBe('AllowInternetOutbound');
      expect(mlResourceNames(json, 'workspaces/outboundRules')).toEqual([]);
    },
  },
  'brought associated resources in another resource group': {
    scope: WORKSPACE_BODY,
    check: (json) => {
      expect(workspaceProperties(json)).toMatchObject({
        storageAccount: '${azurerm_storage_account.storage.id}',
        keyVault: '${azurerm_key_vault.vault.id}',
        containerRegistry: '${azurerm_container_registry.registry.id}',
        applicationInsights: '${azurerm_application_insights.insights.id}',
      });
      // The brought resources are the only ones: the workspace creates none of its own.
      for (const [type, name] of [
        ['azurerm_storage_account', 'storage'],
        ['azurerm_key_vault', 'vault'],
        ['azurerm_container_registry', 'registry'],
        ['azurerm_application_insights', 'insights'],
        // The brought Application Insights' own: the workspace creates no Log Analytics workspace either.
        ['azurerm_log_analytics_workspace', 'logs'],
      ]) {
        expect(Object.keys(resourcesOfType(json, type))).toEqual([name]);
      }
    },
  },
  'registry outbound rules': {
    scope: { mlTypes: ['workspaces/outboundRules'], resources: ['azurerm_role_assignment'] },
    check: (json) => {
      expect(mlResourceNames(json, 'workspaces/outboundRules')).toEqual([
        'mlregistry-acr',
        'mlregistry-aml',
        'mlregistry-blob',
      ]);
      for (const [, rule] of mlResourcesOfType(json, 'workspaces/outboundRules')) {
        expect(rule.body).toMatchObject({ properties: { type: 'PrivateEndpoint' } });
      }
      expect(Object.keys(resourcesOfType(json, 'azurerm_role_assignment'))).toHaveLength(3);
    },
  },
  'FQDN and service-tag rules': {
    scope: { mlTypes: ['workspaces/outboundRules'] },
    check: (json) => {
      expect(mlResourceNames(json, 'workspaces/outboundRules')).toEqual([
        'anaconda',
        'datafactory',
        'pypi',
        'pythonhosted',
      ]);
      expect(workspaceProperties(json).managedNetwork.firewallSku).toBe('Basic');
    },
  },
  'bring-your-own DNS zones (hub and spoke)': {
    scope: { resources: ['azurerm_private_endpoint'] },
    check: (json) => {
      expect(resourcesOfType(json, 'azurerm_private_dns_zone')).toEqual({});
      expect(resourcesOfType(json, 'azurerm_private_dns_zone_virtual_network_link')).toEqual({});
      expect(JSON.stringify(resourcesOfType(json, 'azurerm_private_endpoint'))).toContain(
        '/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms',
      );
    },
  },
  'stable api-version': {
    scope: { mlAttributes: { workspaces: ['type', 'body'] } },
    check: (json) => {
      const types = ['azapi_resource', 'azapi_resource_action'].flatMap((t) =>
        Object.values(resourcesOfType(json, t)).map((r) => String(r.type)),
      );
      expect(types.length).toBeGreaterThan(0);
      expect(types.filter((t) => !t.endsWith('@2026-05-01'))).toEqual([]);
    },
  },
  'monitoring through an Azure Monitor private link scope': {
    scope: {
      resources: [
        'azurerm_application_insights',
        'azurerm_log_analytics_workspace',
        'azurerm_monitor_private_link_scoped_service',
      ],
    },
    check: (json) => {
      const [insights] = Object.values(resourcesOfType(json, 'azurerm_application_insights'));
      const [logs] = Object.values(resourcesOfType(json, 'azurerm_log_analytics_workspace'));
      expect(insights).toMatchObject({
        local_authentication_disabled: true,
        internet_ingestion_enabled: false,
        internet_query_enabled: false,
      });
      expect(logs).toMatchObject({
        local_authentication_enabled: false,
        internet_ingestion_enabled: false,
        internet_query_enabled: false,
      });
      const scoped = Object.values(resourcesOfType(json, 'azurerm_monitor_private_link_scoped_service'));
      expect(scoped.map((s) => [s.name, s.scope_name, s.resource_group_name])).toEqual([
        ['mlw-ampls-appi', 'ampls-hub', 'rg-hub-monitor'],
        ['mlw-ampls-log', 'ampls-hub', 'rg-hub-monitor'],
      ]);
    },
  },
  'saved queries in a dedicated storage account': {
    scope: {
      resources: [
        'azurerm_log_analytics_workspace',
        'azurerm_log_analytics_linked_storage_account',
        'azurerm_role_assignment',
      ],
    },
    check: (json) => {
      const [logs] = Object.values(resourcesOfType(json, 'azurerm_log_analytics_workspace'));
      expect(logs).toMatchObject({ cmk_for_query_forced: true, identity: { type: 'SystemAssigned' } });
      const [link] = Object.values(resourcesOfType(json, 'azurerm_log_analytics_linked_storage_account'));
      expect(link).toMatchObject({
        data_source_type: 'Query',
        storage_account_ids: ['${azurerm_storage_account.queries.id}'],
      });
      const grants = Object.values(resourcesOfType(json, 'azurerm_role_assignment')).filter(
        (g) => g.scope === '${azurerm_storage_account.queries.id}',
      );
      expect(grants.map((g) => g.role_definition_name)).toEqual(['Storage Blob Data Contributor']);
    },
  },
  'private DNS zone group left to Azure Policy': {
    scope: { resources: ['azurerm_private_endpoint'] },
    check: (json) => {
      expect(resourcesOfType(json, 'azurerm_private_dns_zone')).toEqual({});
      expect(resourcesOfType(json, 'azurerm_private_dns_zone_virtual_network_link')).toEqual({});
      const [pe] = Object.values(resourcesOfType(json, 'azurerm_private_endpoint'));
      expect(pe.private_dns_zone_group).toBeUndefined();
      expect(pe.lifecycle).toEqual({ ignore_changes: ['private_dns_zone_group'] });
    },
  },
  'existing workspace imported': {
    scope: { data: ['azapi_resource'], mlTypes: ['workspaces/outboundRules'], mlActions: ['workspaces'] },
    check: (json) => {
      expect(mlResourcesOfType(json, 'workspaces')).toEqual([]);
      expect(mlResourceNames(json, 'workspaces/outboundRules')).toEqual(['pypi']);
    },
  },
};

describe('documented workspace configurations', () => {
  test('every configuration has a snapshot scope', () => {
    expect(Object.keys(CASES).sort()).toEqual(WORKSPACE_CONFIGURATIONS.map((c) => c.title).sort());
  });

  test.each(WORKSPACE_CONFIGURATIONS.map((c) => [c.title, c] as const))('%s', (title, configuration) => {
    const stack = testStack();
    configuration.build(stack);
    const json = synthJson(stack);
    expect(scoped(json, CASES[title].scope)).toMatchSnapshot();
    CASES[title].check(json);
    expectConformingBodies(json);
  });
});
