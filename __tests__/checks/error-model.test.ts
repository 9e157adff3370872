/** One synth reports every problem of every construct, once each, one line with code and path. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzapiProvider } from '../../src/azapi';
import { ConfigurationErrors, configurationProblems, parseArmId, armIdProblem } from '../../src/checks';
import { Model, OnlineDeployment } from '../../src/deployment';
import { ManagedVnetWorkspace } from '../../src/workspace';
import { endpointOn, howToDeployment } from '../endpoint/helpers';
import { LITERAL_RG } from '../workspace/fixtures';
import { synthJson, testStack } from '../support/synth';

function threeMistakes(stack: TerraformStack): void {
  new ManagedVnetWorkspace(stack, 'MlWorkspace', {
    resourceGroup: LITERAL_RG,
    workspaceName: '-bad',
    publicNetworkAccess: true,
  });
  const { endpoint } = endpointOn(stack, {}, { endpointName: 'endpt_1' });
  new OnlineDeployment(stack, 'Green', { endpoint, ...howToDeployment(), instanceCount: 0 });
  endpoint.routeTraffic({ green: 90 });
}

function messageOf(run: () => void): string {
  try {
    run();
  } catch (e) {
    return (e as Error).stack ?? String(e);
  }
  throw new Error('expected a failure');
}

describe('error model', () => {
  test('app.synth() prints every problem once, one line each with code and path, before the stack trace', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'checks-')), stackTraces: false });
    const stack = new TerraformStack(app, 'secure-endpoint');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    new AzapiProvider(stack, 'azapi');
    threeMistakes(stack);
    const printed = messageOf(() => app.synth());
    const lines = printed.split('\n');
    const problems = lines.filter((l) => /^\s+\[SE\d{3}\] /.test(l));
    expect(problems.map((l) => /\[(SE\d{3})\] (\S+):/.exec(l)?.slice(1, 3))).toEqual([
      ['SE101', 'secure-endpoint/MlWorkspace'],
      ['SE201', 'secure-endpoint/Endpoint'],
      ['SE203', 'secure-endpoint/Endpoint'],
      ['SE216', 'secure-endpoint/Green'],
    ]);
    // Every problem line comes before the first stack frame; no resolution wrapper.
    const firstFrame = lines.findIndex((l) => /^\s+at /.test(l));
    const lastProblem = lines.lastIndexOf(problems[problems.length - 1]);
    expect(firstFrame === -1 || firstFrame > lastProblem).toBe(true);
    expect(printed).not.toMatch(/Resolution error|Object creation stack/);
  });

  test('Testing.synth and Testing.fullSynth stop with the same problems; validation lists them too', () => {
    const stack = testStack();
    threeMistakes(stack);
    expect(() => Testing.synth(stack)).toThrow(ConfigurationErrors);
    expect(() => Testing.fullSynth(stack)).toThrow(/\[SE203\] test\/Endpoint: /);
    expect(configurationProblems(stack).map((p) => p.code)).toEqual(['SE101', 'SE201', 'SE203', 'SE216']);
    expect(stack.node.findAll().flatMap((c) => c.node.validate())).toHaveLength(4);
  });

  test('skipValidation skips the checks, as it skips cdktf validation', () => {
    const app = Testing.app({ skipValidation: true } as Parameters<typeof Testing.app>[0]);
    (app as unknown as { skipValidation: boolean }).skipValidation = true;
    const stack = new TerraformStack(app, 'test');
    new AzapiProvider(stack, 'azapi');
    threeMistakes(stack);
    expect(() => Testing.synth(stack)).not.toThrow();
  });

  test('a boolean from a Terraform variable becomes a conditional expression, never "Enabled"', () => {
    const stack = testStack();
    const open = new TerraformVariable(stack, 'open', { type: 'bool' }).booleanValue as unknown as boolean;
    const { endpoint } = endpointOn(stack, { inboundAccess: undefined }, { publicNetworkAccess: open });
    new OnlineDeployment(stack, 'Blue', {
      endpoint,
      model: Model.mlflowFromAssetId('azureml:m:1'),
      allTraffic: true,
    });
    const json = synthJson(stack);
    const body = Object.values(json.resource?.azapi_resource ?? {}).find((r) =>
      String(r.type).includes('onlineEndpoints@'),
    )?.body as { properties: { publicNetworkAccess: string } };
    expect(body.properties.publicNetworkAccess).toBe('${var.open ? "Enabled" : "Disabled"}');
  });

  test('one ARM id parser: types, names, subscriptions, tokens', () => {
    const id =
      '/subscriptions/ABCDEF00-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1';
    expect(parseArmId(id)).toMatchObject({
      subscriptionId: 'abcdef00-0000-0000-0000-000000000001',
      name: 'st1',
      resourceType: 'Microsoft.Storage/storageAccounts',
    });
    expect(parseArmId('/subscriptions/s/resourceGroups/rg')?.resourceType).toBe(
      'Microsoft.Resources/resourceGroups',
    );
    expect(parseArmId('storage')).toBeUndefined();
    expect(armIdProblem(id, 'Microsoft.ContainerRegistry/registries')).toMatch(
      /Microsoft.Storage\/storageAccounts/,
    );
    expect(armIdProblem(id, 'microsoft.storage/STORAGEACCOUNTS')).toBeUndefined();
  });
});
