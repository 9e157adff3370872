/**
 * A user who installed the wrong edition: this edition's constructs in a stack of the other core. Runs in both jest
 * projects: on cdktf it puts the cdktf edition into a cdktn stack, on cdktn the cdktn edition into a cdktf stack.
 * The other core is loaded by path, which jest's module mapping leaves alone.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { AzapiProvider, ManagedVnetWorkspace, SecureOnlineEndpoint } from '../../src';
import { AzapiResource } from '../../src/azapi';
import { FakeWorkspace } from '../support/fake-workspace';

type Core = typeof import('cdktf');
const rtti = (TerraformStack as unknown as Record<symbol, { fqn: string; version: string }>)[
  Symbol.for('jsii.rtti')
];
const own = rtti.fqn.split('.')[0];
declare const CORE: string; // jest.config.js: the project's core
const other = own === 'cdktf' ? 'cdktn' : 'cdktf';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const otherCore = require(path.join(__dirname, '..', '..', 'node_modules', other)) as Core;
const otherVersion = (
  JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', '..', 'node_modules', other, 'package.json'), 'utf8'),
  ) as { version: string }
).version;

const resourceGroup = {
  id: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml',
  name: 'rg-ml',
  location: 'westeurope',
};

function otherApp(): { app: InstanceType<Core['App']>; stack: TerraformStack; outdir: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'misuse-'));
  const app = new otherCore.App({ outdir, stackTraces: false });
  // A user's stack class, as in the README example.
  class MlStack extends otherCore.TerraformStack {}
  return { app, stack: new MlStack(app, 'ml') as unknown as TerraformStack, outdir };
}

describe('a construct of this edition in a stack of the other core', () => {
  test('fails where it is created, with one line naming both packages and the fix', () => {
    expect(own).toBe(CORE); // the project's module mapping is in effect
    expect(own).not.toBe(other);
    const { stack, outdir } = otherApp();
    const message =
      `${own}-azureml-secure-endpoint is built on ${own}, but stack 'ml' is a ${other} ${otherVersion} stack ` +
      `(construct 'ml/Workspace'): install ${other}-azureml-secure-endpoint instead of ` +
      `${own}-azureml-secure-endpoint and import from it (docs/cdktn.md)`;
    expect(
      () => new ManagedVnetWorkspace(stack, 'Workspace', { resourceGroup, workspaceName: 'mlw' }),
    ).toThrow(new Error(message));
    expect(message).not.toContain('\n');
    const readmeExample = message.replace("'ml/Workspace'", "'ml/azapi'");
    expect(() => new AzapiProvider(stack, 'azapi')).toThrow(new Error(readmeExample));
    // What docs/cdktn.md shows for the README example with the cdktf edition in a cdktn app.
    if (own === 'cdktf') {
      const guide = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'cdktn.md'), 'utf8');
      expect(guide).toContain(`\n${readmeExample}\n`);
    }
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('below a construct of the user', () => {
    const { stack, outdir } = otherApp();
    const group = new Construct(stack, 'Ml');
    expect(
      () =>
        new SecureOnlineEndpoint(group, 'Endpoint', {
          workspace: new FakeWorkspace(group, 'Workspace'),
          endpointName: 'e',
        }),
    ).toThrow(`but stack 'ml' is a ${other} ${otherVersion} stack (construct 'ml/Ml/Endpoint')`);
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('two copies of the same core: one line that says to install one copy', () => {
    let copy: Core | undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    jest.isolateModules(() => (copy = require('cdktf') as Core));
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'misuse-'));
    const stack = new copy!.TerraformStack(new copy!.App({ outdir }), 'ml') as unknown as TerraformStack;
    expect(() => new AzapiProvider(stack, 'azapi')).toThrow(
      new Error(
        `${own}-azureml-secure-endpoint is built on ${own} ${rtti.version}, but stack 'ml' comes from another ` +
          `copy (${own} ${rtti.version}) (construct 'ml/azapi'): install one copy of ${own} (npm ls ${own}; ` +
          `npm dedupe) for the app and ${own}-azureml-secure-endpoint`,
      ),
    );
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test("what the check prevents: the other core cannot synthesize this edition's elements", () => {
    // The azapi L1 bindings have no check of their own (they are what the L2 constructs build on).
    const { app, stack, outdir } = otherApp();
    new AzapiResource(stack, 'Resource', {
      type: 'Microsoft.Resources/resourceGroups@2024-03-01',
      name: 'rg',
      parentId: '/subscriptions/0',
      location: 'westeurope',
      body: {},
    });
    const synth = (): void => app.synth();
    if (own === 'cdktf')
      expect(synth).toThrow(/_resetResolveDiscoveredProviderFeatureUsage is not a function/);
    else expect(synth).not.toThrow(/azureml-secure-endpoint/);
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});
