/**
 * The secure defaults of the resources the workspace creates (each applies in place on a stack of the previous
 * release: see `scripts/e2e/rollout-sequences.ts`, sequence `upgrade-from-last-release`), the image-build
 * cluster's local-auth option, the monitoring hardening props and the DNS zone group left to policy, with their
 * checks SE140 to SE143: one case that fires, one that passes.
 */
import { TerraformVariable } from 'cdktf';
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { EndpointLogs } from '../../src/endpoint';
import { ImageBuildCompute, ManagedVnetWorkspace, ManagedVnetWorkspaceProps } from '../../src/workspace';
import { onlyMlResource, reported, resourcesOfType, synthJson, testStack } from '../support/synth';
import { armId, LITERAL_RG } from './fixtures';

const SUBNET = { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') };
const AMPLS = armId('rg-hub', 'Microsoft.Insights/privateLinkScopes', 'ampls');
const LOGS = armId('rg-logs', 'Microsoft.OperationalInsights/workspaces', 'law-central');
const CLASSIC_INSIGHTS = {
  id: armId('rg-ml', 'Microsoft.Insights/components', 'appi-classic'),
  workspaceId: '',
};

const PROPS: ManagedVnetWorkspaceProps = {
  resourceGroup: LITERAL_RG,
  workspaceName: 'mlw-defaults',
  inboundPrivateEndpoint: { subnet: SUBNET },
};

function only(json: ReturnType<typeof synthJson>, type: string): Record<string, unknown> {
  const all = Object.values(resourcesOfType(json, type));
  expect(all).toHaveLength(1);
  return all[0];
}

describe('secure defaults of the created resources', () => {
  const stack = testStack();
  new ManagedVnetWorkspace(stack, 'Workspace', PROPS);
  const json = synthJson(stack);

  test('Key Vault: public network access off, ACL default Deny with the AzureServices bypass', () => {
    expect(only(json, 'azurerm_key_vault')).toMatchObject({
      public_network_access_enabled: false,
      network_acls: { bypass: 'AzureServices', default_action: 'Deny' },
    });
  });

  test('registry: exports off (it is private); Log Analytics: local authentication off', () => {
    expect(only(json, 'azurerm_container_registry')).toMatchObject({
      public_network_access_enabled: false,
      export_policy_enabled: false,
    });
    expect(only(json, 'azurerm_log_analytics_workspace')).toMatchObject({
      local_authentication_enabled: false,
    });
  });

  test('storage: a SAS expiration policy that logs, never blocks', () => {
    expect(only(json, 'azurerm_storage_account').sas_policy).toEqual({
      expiration_period: '1.00:00:00',
      expiration_action: 'Log',
    });
  });

  test('monitoring stays reachable as before unless asked: nothing sent for Application Insights', () => {
    const insights = only(json, 'azurerm_application_insights');
    expect(insights.local_authentication_disabled).toBeUndefined();
    expect(insights.internet_ingestion_enabled).toBeUndefined();
    expect(insights.internet_query_enabled).toBeUndefined();
  });

  test('image-build cluster: local auth off when it is created; a live cluster keeps its own, read at plan', () => {
    const [, compute] = onlyMlResource(json, 'workspaces/computes');
    const live = Object.entries(json.data?.azapi_resource ?? {}).find(([name]) =>
      name.startsWith('Workspace_LiveImageBuildCompute_'),
    );
    expect(live?.[1]).toMatchObject({
      resource_id: '${azapi_resource.Workspace_2F8C78CC.id}/computes/image-build',
      ignore_not_found: true,
      response_export_values: { disableLocalAuth: 'properties.disableLocalAuth' },
    });
    const read = `data.azapi_resource.${live?.[0]}`;
    expect((compute.body as { properties: Record<string, unknown> }).properties.disableLocalAuth).toBe(
      `\${${read}.exists ? (try(${read}.output.disableLocalAuth, false) == true ? true : null) : true}`,
    );
    // Never a replacement for it: the value follows the live cluster.
    expect(compute.replace_triggers_refs).not.toContain('properties.disableLocalAuth');
  });

  test('diagnostic settings on the workspace and the Key Vault: audit and allLogs, all metrics', () => {
    const settings = Object.values(resourcesOfType(json, 'azurerm_monitor_diagnostic_setting'));
    expect(settings.map((s) => [s.name, s.target_resource_id])).toEqual([
      ['workspace-logs', '${azapi_resource.Workspace_2F8C78CC.id}'],
      ['key-vault-logs', '${azurerm_key_vault.Workspace_Associated_KeyVault_E088D21C.id}'],
    ]);
    for (const setting of settings) {
      expect(setting).toMatchObject({
        enabled_log: [{ category_group: 'audit' }, { category_group: 'allLogs' }],
        enabled_metric: [{ category: 'AllMetrics' }],
        log_analytics_destination_type: 'Dedicated',
      });
    }
  });
});

describe('diagnosticLogs', () => {
  test('another destination is used for both settings; disabled creates none', () => {
    const stack = testStack();
    new ManagedVnetWorkspace(stack, 'Workspace', {
      ...PROPS,
      diagnosticLogs: EndpointLogs.toLogAnalytics({ id: LOGS }),
    });
    const settings = Object.values(resourcesOfType(synthJson(stack), 'azurerm_monitor_diagnostic_setting'));
    expect(settings.map((s) => s.log_analytics_workspace_id)).toEqual([LOGS, LOGS]);

    const off = testStack();
    new ManagedVnetWorkspace(off, 'Workspace', { ...PROPS, diagnosticLogs: EndpointLogs.disabled() });
    expect(resourcesOfType(synthJson(off), 'azurerm_monitor_diagnostic_setting')).toEqual({});
  });

  test('a brought Key Vault gets no setting from the workspace (its owner decides)', () => {
    const stack = testStack();
    new ManagedVnetWorkspace(stack, 'Workspace', {
      ...PROPS,
      keyVault: { id: armId('rg-ml', 'Microsoft.KeyVault/vaults', 'kv-own') },
    });
    const settings = Object.values(resourcesOfType(synthJson(stack), 'azurerm_monitor_diagnostic_setting'));
    expect(settings.map((s) => s.name)).toEqual(['workspace-logs']);
  });

  test('SE140 fires when asked for the workspace Log Analytics of a classic Application Insights', () => {
    expect(
      reported((stack) => {
        new ManagedVnetWorkspace(stack, 'Workspace', {
          ...PROPS,
          applicationInsights: CLASSIC_INSIGHTS,
          diagnosticLogs: EndpointLogs.toWorkspaceLogAnalytics(),
        });
      }),
    ).toEqual([expect.stringMatching(/^\[SE140\] test\/Workspace: diagnosticLogs sends .* workspaceId ''/)]);
  });

  test('SE140 passes: unset with a classic component, no setting and no refusal (as in the last release)', () => {
    const stack = testStack();
    expect(
      reported(
        (s) => new ManagedVnetWorkspace(s, 'Workspace', { ...PROPS, applicationInsights: CLASSIC_INSIGHTS }),
      ),
    ).toEqual([]);
    new ManagedVnetWorkspace(stack, 'Workspace', { ...PROPS, applicationInsights: CLASSIC_INSIGHTS });
    expect(resourcesOfType(synthJson(stack), 'azurerm_monitor_diagnostic_setting')).toEqual({});
  });

  test('a wrong destination id is refused by name (SE002)', () => {
    expect(
      reported((stack) => {
        new ManagedVnetWorkspace(stack, 'Workspace', {
          ...PROPS,
          diagnosticLogs: EndpointLogs.toLogAnalytics({ id: AMPLS }),
        });
      }),
    ).toEqual([
      expect.stringMatching(/^\[SE002\] test\/Workspace: diagnosticLogs \(Log Analytics workspace\)/),
    ]);
  });
});

describe('ImageBuildCompute.cluster({ disableLocalAuth })', () => {
  test('true is sent, and replaces a live cluster rather than sending Azure a change it does not make', () => {
    const stack = testStack();
    new ManagedVnetWorkspace(stack, 'Workspace', {
      ...PROPS,
      imageBuildCompute: ImageBuildCompute.cluster({ disableLocalAuth: true }),
    });
    const [, compute] = onlyMlResource(synthJson(stack), 'workspaces/computes');
    expect(compute.body).toMatchObject({ properties: { disableLocalAuth: true } });
    expect(compute.replace_triggers_refs).toContain('properties.disableLocalAuth');
  });

  test('false is Azure default: nothing sent', () => {
    const stack = testStack();
    new ManagedVnetWorkspace(stack, 'Workspace', {
      ...PROPS,
      imageBuildCompute: ImageBuildCompute.cluster({ disableLocalAuth: false }),
    });
    const out = synthJson(stack);
    const [, compute] = onlyMlResource(out, 'workspaces/computes');
    expect(JSON.stringify(compute.body)).not.toContain('disableLocalAuth');
    expect(JSON.stringify(out.data ?? {})).not.toContain('LiveImageBuildCompute');
  });
});

describe('SE141 monitoring public network access off', () => {
  test('fires without a private link scope', () => {
    expect(
      reported((stack) => {
        new ManagedVnetWorkspace(stack, 'Workspace', { ...PROPS, monitoringPublicNetworkAccess: false });
      }),
    ).toEqual([expect.stringMatching(/^\[SE141\] test\/Workspace: monitoringPublicNetworkAccess is false/)]);
  });

  test('passes with a private link scope', () => {
    expect(
      reported((stack) => {
        new ManagedVnetWorkspace(stack, 'Workspace', {
          ...PROPS,
          monitoringPublicNetworkAccess: false,
          monitoringPrivateLinkScopeId: AMPLS,
        });
      }),
    ).toEqual([]);
  });

  test('an expression for the switch is refused by name: it decides what is required at synth', () => {
    expect(
      reported((stack) => {
        const open = new TerraformVariable(stack, 'open', { type: 'bool' })
          .booleanValue as unknown as boolean;
        new ManagedVnetWorkspace(stack, 'Workspace', { ...PROPS, monitoringPublicNetworkAccess: open });
      }),
    ).toEqual([expect.stringMatching(/^\[SE006\] .*monitoringPublicNetworkAccess/)]);
  });

  test('a private link scope id of another type is refused (SE002)', () => {
    expect(
      reported((stack) => {
        new ManagedVnetWorkspace(stack, 'Workspace', { ...PROPS, monitoringPrivateLinkScopeId: LOGS });
      }),
    ).toEqual([expect.stringMatching(/^\[SE002\] .*monitoringPrivateLinkScopeId/)]);
  });
});

describe('SE142 monitoring settings with a brought Application Insights', () => {
  test('fires, naming every setting given', () => {
    expect(
      reported((stack) => {
        const insights = new ApplicationInsights(stack, 'appi', {
          name: 'appi-own',
          resourceGroupName: 'rg-ml',
          location: 'westeurope',
          applicationType: 'web',
          workspaceId: LOGS,
        });
        new ManagedVnetWorkspace(stack, 'Workspace', {
          ...PROPS,
          applicationInsights: insights,
          applicationInsightsLocalAuth: false,
          monitoringPublicNetworkAccess: false,
        });
      }),
    ).toEqual([
      expect.stringMatching(
        /^\[SE142\] test\/Workspace: applicationInsightsLocalAuth, monitoringPublicNetworkAccess set with a brought/,
      ),
    ]);
  });

  test('passes with the settings on a created Application Insights, or unset with a brought one', () => {
    expect(
      reported((stack) => {
        new ManagedVnetWorkspace(stack, 'Workspace', { ...PROPS, applicationInsightsLocalAuth: false });
      }),
    ).toEqual([]);
    expect(
      reported((stack) => {
        new ManagedVnetWorkspace(stack, 'Workspace', {
          ...PROPS,
          applicationInsights: { id: CLASSIC_INSIGHTS.id, workspaceId: LOGS },
        });
      }),
    ).toEqual([]);
  });
});

describe('SE143 DNS zone group left to policy', () => {
  test('fires with zone ids as well', () => {
    const zone = armId('rg-dns', 'Microsoft.Network/privateDnsZones', 'privatelink.api.azureml.ms');
    expect(
      reported((stack) => {
        new ManagedVnetWorkspace(stack, 'Workspace', {
          ...PROPS,
          inboundPrivateEndpoint: {
            subnet: SUBNET,
            privateDnsZoneGroupByPolicy: true,
            privateDnsZoneIds: [
              zone,
              zone.replace('privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net'),
            ],
          },
        });
      }),
    ).toEqual([
      expect.stringMatching(
        /^\[SE143\] test\/Workspace: inboundPrivateEndpoint has privateDnsZoneGroupByPolicy/,
      ),
    ]);
  });

  test('passes alone: no zone group, no zone, the policy-written group ignored', () => {
    const stack = testStack();
    expect(
      reported((s) => {
        new ManagedVnetWorkspace(s, 'Workspace', {
          ...PROPS,
          inboundPrivateEndpoint: { subnet: SUBNET, privateDnsZoneGroupByPolicy: true },
        });
      }),
    ).toEqual([]);
    new ManagedVnetWorkspace(stack, 'Workspace', {
      ...PROPS,
      inboundPrivateEndpoint: { subnet: SUBNET, privateDnsZoneGroupByPolicy: true },
    });
    const json = synthJson(stack);
    expect(resourcesOfType(json, 'azurerm_private_dns_zone')).toEqual({});
    const pe = only(json, 'azurerm_private_endpoint');
    expect(pe.private_dns_zone_group).toBeUndefined();
    expect(pe.lifecycle).toEqual({ ignore_changes: ['private_dns_zone_group'] });
  });
});

describe('monitoring hardening', () => {
  test('public network access off with a scope: both resources closed and joined to the scope', () => {
    const stack = testStack();
    new ManagedVnetWorkspace(stack, 'Workspace', {
      ...PROPS,
      monitoringPublicNetworkAccess: false,
      monitoringPrivateLinkScopeId: AMPLS,
    });
    const json = synthJson(stack);
    for (const type of ['azurerm_application_insights', 'azurerm_log_analytics_workspace']) {
      expect(only(json, type)).toMatchObject({
        internet_ingestion_enabled: false,
        internet_query_enabled: false,
      });
    }
    const joined = Object.values(resourcesOfType(json, 'azurerm_monitor_private_link_scoped_service'));
    expect(joined.map((s) => [s.scope_name, s.resource_group_name])).toEqual([
      ['ampls', 'rg-hub'],
      ['ampls', 'rg-hub'],
    ]);
  });

  test('a scope id written from references: its parts are read at synth; a whole-id reference is split by Terraform', () => {
    const stack = testStack();
    const group = new TerraformVariable(stack, 'group', { type: 'string' }).stringValue;
    const name = new TerraformVariable(stack, 'scope', { type: 'string' }).stringValue;
    new ManagedVnetWorkspace(stack, 'Workspace', {
      ...PROPS,
      monitoringPrivateLinkScopeId: `/subscriptions/s/resourceGroups/${group}/providers/Microsoft.Insights/privateLinkScopes/${name}`,
    });
    const composed = Object.values(
      resourcesOfType(synthJson(stack), 'azurerm_monitor_private_link_scoped_service'),
    );
    expect(composed.map((s) => [s.scope_name, s.resource_group_name])).toEqual([
      ['${var.scope}', '${var.group}'],
      ['${var.scope}', '${var.group}'],
    ]);

    const whole = testStack();
    const id = new TerraformVariable(whole, 'ampls', { type: 'string' }).stringValue;
    new ManagedVnetWorkspace(whole, 'Workspace', { ...PROPS, monitoringPrivateLinkScopeId: id });
    const split = Object.values(
      resourcesOfType(synthJson(whole), 'azurerm_monitor_private_link_scoped_service'),
    );
    expect(split[0]).toMatchObject({
      scope_name: '${element(split("/", var.ampls), 8)}',
      resource_group_name: '${element(split("/", var.ampls), 4)}',
    });
  });
});
