/** The `hardened` layout: the how-to with every hardening option on, as `npm run synth:hardened` writes it. */
import { Testing } from 'cdktf';
import { addLayout, HARDENED_STACK, readHowToConfig, readLayout } from '../../main';
import { SecureEndpointHardenedStack } from '../../app/hardened-stack';
import { IsolationMode } from '../../src';
import { expectConformingBodies } from '../support/conformance';
import { mlResourcesOfType, onlyMlResource, resourcesOfType, SynthesizedStack } from '../support/synth';

function synthHardened(): { text: string; json: SynthesizedStack } {
  const app = Testing.app({ stackTraces: false, stubVersion: true, enableFutureFlags: true });
  const stack = new SecureEndpointHardenedStack(app, HARDENED_STACK, readHowToConfig(app, {}));
  const text = Testing.synth(stack, true);
  return { text, json: JSON.parse(text) as SynthesizedStack };
}

/** The one resource of a type. */
function only(json: SynthesizedStack, type: string): Record<string, unknown> & { depends_on?: string[] } {
  const all = Object.values(resourcesOfType(json, type));
  expect(all).toHaveLength(1);
  return all[0];
}

describe('hardened layout', () => {
  const { text, json } = synthHardened();
  const workspace = onlyMlResource(json, 'workspaces')[1];
  const properties = (workspace.body as { properties: Record<string, unknown> }).properties;

  test('snapshot, conforming bodies, the how-to outputs', () => {
    expect(text).toMatchSnapshot();
    expectConformingBodies(json);
    expect(Object.keys(json.output ?? {}).sort()).toEqual([
      'deployment_id',
      'endpoint_id',
      'invoke_command',
      'logs_command',
      'scoring_uri',
      'swagger_uri',
    ]);
    expect(mlResourcesOfType(json, 'workspaces/onlineEndpoints/deployments')).toHaveLength(1);
  });

  test('the workspace: customer-managed key, identity datastores, a brought identity, private only', () => {
    expect(properties).toMatchObject({
      publicNetworkAccess: 'Disabled',
      v1LegacyMode: false,
      systemDatastoresAuthMode: 'Identity',
      encryption: {
        status: 'Enabled',
        keyVaultProperties: {
          keyVaultArmId: '${azurerm_key_vault.KeyVault.id}',
          keyIdentifier:
            '${azurerm_key_vault.KeyVault.vault_uri}keys/${azurerm_key_vault_key.CustomerManagedKey.name}',
        },
      },
      primaryUserAssignedIdentity: '${azurerm_user_assigned_identity.WorkspaceIdentity.id}',
      managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' },
    });
    expect(workspace.identity).toEqual({
      type: 'UserAssigned',
      identity_ids: ['${azurerm_user_assigned_identity.WorkspaceIdentity.id}'],
    });
  });

  test('storage: no shared keys, no public access, infrastructure encryption, the key; a blob private endpoint', () => {
    const storage = Object.values(resourcesOfType(json, 'azurerm_storage_account'))[0];
    expect(storage).toMatchObject({
      shared_access_key_enabled: false,
      public_network_access_enabled: false,
      infrastructure_encryption_enabled: true,
      allow_nested_items_to_be_public: false,
      queue_encryption_key_type: 'Account',
      table_encryption_key_type: 'Account',
      customer_managed_key: {
        key_vault_key_id:
          '${azurerm_key_vault.KeyVault.vault_uri}keys/${azurerm_key_vault_key.CustomerManagedKey.name}',
      },
    });
    const subresources = Object.values(resourcesOfType(json, 'azurerm_private_endpoint')).map(
      (pe) => (pe.private_service_connection as { subresource_names: string[] }).subresource_names[0],
    );
    expect(subresources.sort()).toEqual(['amlworkspace', 'azuremonitor', 'blob', 'vault']);
  });

  test('monitoring: no local auth, no public ingestion or query, both joined to the private link scope', () => {
    expect(only(json, 'azurerm_application_insights')).toMatchObject({
      local_authentication_disabled: true,
      internet_ingestion_enabled: false,
      internet_query_enabled: false,
    });
    expect(only(json, 'azurerm_log_analytics_workspace')).toMatchObject({
      local_authentication_enabled: false,
      internet_ingestion_enabled: false,
      internet_query_enabled: false,
    });
    expect(only(json, 'azurerm_monitor_private_link_scope')).toMatchObject({
      ingestion_access_mode: 'PrivateOnly',
      query_access_mode: 'PrivateOnly',
    });
    const scoped = Object.values(resourcesOfType(json, 'azurerm_monitor_private_link_scoped_service'));
    expect(scoped.map((s) => s.linked_resource_id).sort()).toEqual([
      '${azurerm_application_insights.Workspace_Associated_ApplicationInsights_CD8E8E20.id}',
      '${azurerm_log_analytics_workspace.Workspace_Associated_LogAnalyticsWorkspace_86E541BF.id}',
    ]);
  });

  test("the scope's endpoint registers in Azure Monitor's zones and the blob zone the storage endpoint shares", () => {
    const endpoints = Object.values(resourcesOfType(json, 'azurerm_private_endpoint'));
    const zonesOf = (subresource: string): string[] =>
      (
        endpoints.find(
          (pe) =>
            (pe.private_service_connection as { subresource_names: string[] }).subresource_names[0] ===
            subresource,
        )!.private_dns_zone_group as { private_dns_zone_ids: string[] }
      ).private_dns_zone_ids;
    expect(zonesOf('azuremonitor')).toContain('${azurerm_private_dns_zone.StorageBlobZone.id}');
    expect(zonesOf('blob')).toEqual(['${azurerm_private_dns_zone.StorageBlobZone.id}']);
    const zones = Object.values(resourcesOfType(json, 'azurerm_private_dns_zone')).map((z) => z.name);
    expect(zones.sort()).toEqual([
      'privatelink.agentsvc.azure-automation.net',
      'privatelink.api.azureml.ms',
      'privatelink.blob.core.windows.net',
      'privatelink.monitor.azure.com',
      'privatelink.notebooks.azure.net',
      'privatelink.ods.opinsights.azure.com',
      'privatelink.oms.opinsights.azure.com',
      'privatelink.vaultcore.azure.net',
    ]);
    const links = Object.values(resourcesOfType(json, 'azurerm_private_dns_zone_virtual_network_link'));
    expect(links).toHaveLength(zones.length);
  });

  test("saved queries: forced to customer storage, the workspace's storage account linked for Query", () => {
    expect(only(json, 'azurerm_log_analytics_workspace')).toMatchObject({
      cmk_for_query_forced: true,
      identity: { type: 'SystemAssigned' },
    });
    expect(only(json, 'azurerm_log_analytics_linked_storage_account')).toMatchObject({
      data_source_type: 'Query',
      storage_account_ids: ['${azurerm_storage_account.Workspace_Associated_StorageAccount_8F84BCCC.id}'],
    });
  });

  test('the image-build cluster refuses local authentication', () => {
    const [, cluster] = onlyMlResource(json, 'workspaces/computes');
    expect((cluster.body as { properties: Record<string, unknown> }).properties.disableLocalAuth).toBe(true);
  });

  test('the contradicting built-ins are exempted from the assignments the variables name, none when empty', () => {
    const exemptions = Object.values(resourcesOfType(json, 'azurerm_resource_policy_exemption'));
    expect(
      exemptions.map((e) => [
        e.policy_assignment_id,
        e.resource_id,
        e.policy_definition_reference_ids,
        e.count,
      ]),
    ).toEqual([
      [
        '${var.mcsb_v2_policy_assignment_id}',
        '${azapi_resource.Workspace_ImageBuildCompute_7F25CD49.id}',
        ['azureMachineLearningComputesShouldBeInAVirtualNetwork'],
        '${signum(length(var.mcsb_v2_policy_assignment_id))}',
      ],
      [
        '${var.mcsb_policy_assignment_id}',
        '${azapi_resource.Workspace_ImageBuildCompute_7F25CD49.id}',
        ['azureMachineLearningComputesShouldBeInAVirtualNetwork'],
        '${signum(length(var.mcsb_policy_assignment_id))}',
      ],
      [
        '${var.mcsb_v2_policy_assignment_id}',
        '${azapi_resource.Workspace_2F8C78CC.id}',
        ['MLAIStudioAllowOnlyApprovedOutboundManagedVnetMode'],
        '${signum(length(var.mcsb_v2_policy_assignment_id))}',
      ],
    ]);
    const variables = json.variable as Record<string, { default: string; validation: unknown[] }>;
    expect(Object.keys(variables).sort()).toEqual([
      'mcsb_policy_assignment_id',
      'mcsb_v2_policy_assignment_id',
    ]);
    for (const v of Object.values(variables)) {
      expect(v.default).toBe('');
      expect(v.validation).toHaveLength(1);
    }
  });

  test('internet outbound is not exempted from the approved-outbound built-in', () => {
    const app = Testing.app({ stackTraces: false, stubVersion: true, enableFutureFlags: true });
    const stack = new SecureEndpointHardenedStack(app, 'internet', {
      ...readHowToConfig(app, {}),
      isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND,
    });
    const out = JSON.parse(Testing.synth(stack)) as SynthesizedStack;
    expect(
      Object.values(resourcesOfType(out, 'azurerm_resource_policy_exemption')).map((e) => e.resource_id),
    ).toEqual([
      '${azapi_resource.Workspace_ImageBuildCompute_7F25CD49.id}',
      '${azapi_resource.Workspace_ImageBuildCompute_7F25CD49.id}',
    ]);
  });

  test("the key's vault: purge protection, RBAC, no public access; the key waits for the runner's grant", () => {
    expect(only(json, 'azurerm_key_vault_key').depends_on).toEqual(
      expect.arrayContaining(['azurerm_role_assignment.KeyVaultCryptoOfficer']),
    );
    const vaults = Object.values(resourcesOfType(json, 'azurerm_key_vault'));
    const keys = vaults.find((v) => String(v.name).startsWith('kvk'))!;
    expect(keys).toMatchObject({
      purge_protection_enabled: true,
      rbac_authorization_enabled: true,
      public_network_access_enabled: false,
    });
    expect(String(keys.name).length).toBeLessThanOrEqual(24);
    expect(resourcesOfType(json, 'azurerm_monitor_diagnostic_setting').KeyVaultDiagnostics).toMatchObject({
      target_resource_id: '${azurerm_key_vault.KeyVault.id}',
      enabled_log: [{ category_group: 'audit' }, { category_group: 'allLogs' }],
    });
  });

  test('the provider reads storage with Entra ID; the subnet has no default outbound access', () => {
    expect(
      (json.provider as { azurerm: Array<Record<string, unknown>> }).azurerm[0].storage_use_azuread,
    ).toBe(true);
    expect(only(json, 'azurerm_subnet').default_outbound_access_enabled).toBe(false);
  });

  test('AML_LAYOUT=hardened adds the stack under its own name (its own state key)', () => {
    expect(readLayout({ AML_LAYOUT: 'hardened' })).toBe('hardened');
    const app = Testing.app({ stackTraces: false });
    const log = console.error;
    console.error = () => undefined;
    try {
      addLayout(app, 'hardened', {});
    } finally {
      console.error = log;
    }
    expect(app.node.children.map((c) => c.node.id)).toEqual([HARDENED_STACK]);
  });
});
