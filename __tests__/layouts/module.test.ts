/** The `module` layout: a Terraform module a caller can use with for_each. */
import { Testing } from 'cdktf';
import { MODULE_PROVIDER_RANGES, SecureEndpointModuleStack } from '../../app/module-stack';
import { mlResourcesOfType, SynthesizedStack } from '../support/synth';

function synthModule(): SynthesizedStack {
  const app = Testing.app({ stackTraces: false, stubVersion: true, enableFutureFlags: true });
  return JSON.parse(Testing.synth(new SecureEndpointModuleStack(app, 'secure-endpoint'))) as SynthesizedStack;
}

describe('module layout', () => {
  const json = synthModule();

  test('no backend, no provider configuration, provider version ranges', () => {
    expect(json.provider).toBeUndefined();
    expect(json.terraform).not.toHaveProperty('backend');
    expect(json.terraform?.required_providers).toEqual({
      azapi: { source: 'Azure/azapi', version: MODULE_PROVIDER_RANGES.azapi },
      azurerm: { source: 'azurerm', version: MODULE_PROVIDER_RANGES.azurerm },
    });
  });

  test('inputs are variables and results are outputs', () => {
    expect(Object.keys(json.variable as object).sort()).toEqual([
      'endpoint_name',
      'endpoint_public_access',
      'instance_count',
      'instance_type',
      'isolation_mode',
      'location',
      'private_dns_zone_ids',
      'private_endpoint_subnet_id',
      'resource_group_name',
      'virtual_network_id',
      'workspace_name',
    ]);
    expect(Object.keys(json.output ?? {}).sort()).toEqual([
      'deployment_id',
      'endpoint_id',
      'endpoint_name',
      'scoring_uri',
      'swagger_uri',
      'workspace_id',
      'workspace_name',
    ]);
    const [, workspace] = mlResourcesOfType(json, 'workspaces')[0];
    expect(workspace.name).toBe('${var.workspace_name}');
    const [, deployment] = mlResourcesOfType(json, 'workspaces/onlineEndpoints/deployments')[0];
    expect(deployment.body).toMatchObject({
      sku: { capacity: '${var.instance_count}' },
      properties: { instanceType: '${var.instance_type}' },
    });
  });

  test('globally unique names differ per instance (derived from the variables, not the construct path)', () => {
    const account = Object.values(json.resource?.azurerm_storage_account ?? {})[0];
    expect(account.name).toContain('var.workspace_name');
    expect(account.name).toContain('var.resource_group_name');
  });

  test('the isolation mode and public access follow the variables; FQDN rules only under approved outbound', () => {
    const [, workspace] = mlResourcesOfType(json, 'workspaces')[0];
    expect(JSON.stringify(workspace.body)).toContain(
      'var.isolation_mode == \\"allow_only_approved_outbound\\"',
    );
    const [, endpoint] = mlResourcesOfType(json, 'workspaces/onlineEndpoints')[0];
    expect(
      (endpoint.body as { properties: { publicNetworkAccess: string } }).properties.publicNetworkAccess,
    ).toBe('${var.endpoint_public_access ? "Enabled" : "Disabled"}');
    const rules = mlResourcesOfType(json, 'workspaces/outboundRules');
    expect(rules.length).toBe(5);
    for (const [, rule] of rules)
      expect(rule.count).toBe('${var.isolation_mode == "allow_only_approved_outbound" ? 1 : 0}');
  });

  test('asset sources are relative to path.module', () => {
    const blobs = Object.values(json.resource?.azurerm_storage_blob ?? {});
    expect(blobs.length).toBeGreaterThan(0);
    for (const blob of blobs) expect(blob.source).toMatch(/^\$\{path\.module\}\/assets\//);
  });
});
