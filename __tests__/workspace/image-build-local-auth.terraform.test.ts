/**
 * The image-build cluster's `disableLocalAuth` when the code leaves it unset, evaluated by real Terraform
 * (`terraform console`, no provider needed) with the plan-time read of the live cluster replaced by each case:
 * on for a cluster that does not exist yet; a live cluster keeps what it has. `null` leaves the property out of
 * the request, as an earlier release sent it, so an upgraded stack sends its cluster nothing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ManagedVnetWorkspace } from '../../src/workspace';
import { onlyMlResource, synthJson, testStack } from '../support/synth';
import { armId, LITERAL_RG } from './fixtures';

const terraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
const describeWithTerraform = terraform ? describe : describe.skip;
if (!terraform) console.log('image-build local auth: skipped (terraform not found)');

function synthesizedExpression(): string {
  const stack = testStack();
  new ManagedVnetWorkspace(stack, 'Workspace', {
    resourceGroup: LITERAL_RG,
    workspaceName: 'mlw-local-auth',
    inboundPrivateEndpoint: {
      subnet: { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'v/subnets/pe') },
    },
  });
  const [, compute] = onlyMlResource(synthJson(stack), 'workspaces/computes');
  return String((compute.body as { properties: Record<string, unknown> }).properties.disableLocalAuth);
}

/** The value Terraform gives the property when the data source reads `live`. */
function evaluate(expression: string, live: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-auth-'));
  try {
    const body = expression
      .replace(/data\.azapi_resource\.\w+_LiveImageBuildCompute_[0-9A-F]{8}/g, 'local.live')
      .replace(/^\$\{/, '')
      .replace(/\}$/, '');
    fs.writeFileSync(
      path.join(dir, 'main.tf'),
      `locals {\n  live = jsondecode(${JSON.stringify(JSON.stringify(live))})\n  value = ${body}\n}\n`,
    );
    const run = spawnSync('terraform', ['console'], {
      cwd: dir,
      input: 'local.value == null ? "absent" : tostring(local.value)',
      encoding: 'utf8',
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' },
    });
    if (run.status !== 0) throw new Error(`terraform console: ${run.stderr}`);
    return JSON.parse(run.stdout.trim()) as string;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeWithTerraform('image-build cluster local auth, evaluated by terraform', () => {
  const expression = synthesizedExpression();

  test.each([
    ['no cluster yet: created with local auth off', { exists: false, output: null }, 'true'],
    ['a live cluster with it off keeps it off', { exists: true, output: { disableLocalAuth: true } }, 'true'],
    [
      'a live cluster with local auth: nothing sent',
      { exists: true, output: { disableLocalAuth: false } },
      'absent',
    ],
    ['a live cluster that reports nothing: nothing sent', { exists: true, output: {} }, 'absent'],
    ['a live cluster with a null output: nothing sent', { exists: true, output: null }, 'absent'],
  ])('%s', (_name, live, expected) => {
    expect(evaluate(expression, live)).toBe(expected);
  });
});
