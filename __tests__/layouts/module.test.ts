/** The `module` layout: a Terraform module a caller can use with for_each. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { MODULE_PROVIDER_RANGES, SecureEndpointModuleStack } from '../../app/module-stack';
import { mlResourcesOfType, SynthesizedStack } from '../support/synth';
import { terraformValidate, terraformWithProviders } from '../support/terraform';

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

  test('callers using the module twice with for_each, or letting it create the DNS zones, pass terraform validate', () => {
    const terraform = terraformWithProviders();
    if ('skip' in terraform) {
      console.log(`skipped: ${terraform.skip}`);
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-module-'));
    try {
      const app = new App({ outdir: dir, stackTraces: false });
      new SecureEndpointModuleStack(app, 'secure-endpoint');
      app.synth();
      const caller = fs
        .readFileSync(path.join(__dirname, '../../examples/terraform-module/main.tf'), 'utf8')
        .replace('../../cdktf.out.module/stacks/secure-endpoint', '../stacks/secure-endpoint');
      expect(caller).toContain('for_each = local.teams');
      // And a caller that lets the module create the DNS zones in its virtual network.
      const zonesCreated = caller
        .replace(
          /\n {2}private_dns_zone_ids .*\n/,
          '\n  virtual_network_id         = azurerm_virtual_network.clients.id\n',
        )
        .replace('for_each = local.teams', 'for_each = { fraud = local.teams.fraud }');
      expect(zonesCreated).not.toContain('private_dns_zone_ids');
      for (const [name, text] of [
        ['caller', caller],
        ['caller-zones', zonesCreated],
      ]) {
        fs.mkdirSync(path.join(dir, name));
        fs.writeFileSync(path.join(dir, name, 'main.tf'), text);
        const result = terraformValidate(path.join(dir, name), terraform.env);
        expect({ name, output: result.output }).toEqual({
          name,
          output: expect.stringContaining('is valid'),
        });
        expect(result.ok).toBe(true);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
