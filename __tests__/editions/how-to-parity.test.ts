/**
 * Moving from the cdktf edition to the cdktn edition changes no address and no body: the how-to stack (main.ts)
 * synthesized on each core differs only in the framework's metadata and the azurerm version each provider package
 * pins (docs/cdktn.md). Runs in the cdktf project only: it starts main.ts once per core.
 */
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compareHowTo } = require('../../scripts/editions/how-to-diff') as {
  compareHowTo(): {
    differences: string[];
    addresses: { cdktf: string[]; cdktn: string[] };
    assetsEqual: boolean;
  };
};

const root = path.join(__dirname, '..', '..');
const version = (pkg: string): string =>
  (
    JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
const pin = (pkg: string): string | undefined =>
  /providerVersion: '([^']+)'/.exec(
    fs.readFileSync(path.join(root, 'node_modules', pkg, 'lib', 'provider', 'index.js'), 'utf8'),
  )?.[1];

test('the how-to stack of both editions: same addresses, bodies and assets; metadata and azurerm pin differ', () => {
  const { differences, addresses, assetsEqual } = compareHowTo();
  expect(addresses.cdktn).toEqual(addresses.cdktf);
  expect(addresses.cdktf.length).toBeGreaterThan(30);
  expect(differences).toEqual([
    `//.metadata.version: "${version('cdktf')}" -> "${version('cdktn')}"`,
    `terraform.required_providers.azurerm.version: "${pin('@cdktf/provider-azurerm')}" -> "${pin('@cdktn/provider-azurerm')}"`,
  ]);
  expect(assetsEqual).toBe(true);
  // What docs/cdktn.md shows.
  const guide = fs.readFileSync(path.join(root, 'docs', 'cdktn.md'), 'utf8');
  expect(guide).toContain(['```', ...differences, '```'].join('\n'));
});
