/**
 * The `module` layout used the way Terraform users use it: callers of the synthesized folder through real
 * `terraform validate` (run by `npm run validate:terraform`, not by `npm test`).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { SecureEndpointModuleStack } from '../../app/module-stack';
import { terraformValidate, terraformWithProviders } from '../support/terraform';

const terraform = terraformWithProviders();
if ('skip' in terraform)
  process.stdout.write(`[terraform] module callers not validated: ${terraform.skip}\n`);
const withTerraform = 'skip' in terraform ? test.skip : test;

withTerraform(
  'callers using the module twice with for_each, or letting it create the DNS zones, pass terraform validate',
  () => {
    if ('skip' in terraform) return;
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
  },
  180_000,
);
