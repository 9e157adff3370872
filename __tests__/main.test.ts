/** main.ts: the how-to stack as `npm run synth` produces it, and its configuration. */
import { spawnSync } from 'child_process';
import { Testing } from 'cdktf';
import { readHowToConfig, SecureEndpointHowToStack } from '../main';
import { IsolationMode } from '../src/workspace';
import { expectConformingBodies } from './support/conformance';
import { SynthesizedStack } from './support/synth';

function synthMain(
  env: NodeJS.ProcessEnv = {},
  context: Record<string, string> = {},
): { text: string; json: SynthesizedStack } {
  const app = Testing.app({ stackTraces: false, stubVersion: true, enableFutureFlags: true, context });
  const stack = new SecureEndpointHowToStack(app, 'secure-endpoint', readHowToConfig(app, env));
  const text = Testing.synth(stack, true);
  return { text, json: JSON.parse(text) as SynthesizedStack };
}

describe('main.ts how-to stack', () => {
  test('the default configuration: snapshot, conforming bodies, outputs', () => {
    const { text, json } = synthMain();
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
    expect(json.output?.invoke_command?.value).toBe(
      'az ml online-endpoint invoke --name endpt-moe-1 --resource-group rg-secure-endpoint ' +
        '--workspace-name mlw-secure-endpoint --request-file examples/model-1/sample-request.json',
    );
    expect(json.terraform).toMatchObject({ backend: { local: { path: 'terraform.tfstate' } } });
  });

  test('the HCL form (cdktf synth --hcl) is valid Terraform syntax', () => {
    const app = Testing.app({ stackTraces: false, stubVersion: true, enableFutureFlags: true });
    const hcl = Testing.synthHcl(
      new SecureEndpointHowToStack(app, 'secure-endpoint', readHowToConfig(app, {})),
    );
    expect(hcl).toContain('condaFile = "name: model-env\\nchannels:');
    // terraform fmt parses HCL without providers; where terraform is not installed, the line above still runs.
    const fmt = spawnSync('terraform', ['fmt', '-'], { input: hcl, encoding: 'utf8' });
    if (fmt.error === undefined) expect(fmt.stderr).not.toMatch(/Error:/);
  });

  test('no absolute path in the output', () => {
    const { text } = synthMain();
    expect(text).not.toContain(process.cwd());
    expect(text).not.toMatch(/"\/(root|home|tmp|Users)\//);
  });

  test('environment variables override context, context overrides defaults', () => {
    const app = Testing.app({
      context: { endpointName: 'endpt-from-context', isolationMode: 'allow_internet_outbound' },
    });
    const config = readHowToConfig(app, {
      AML_ENDPOINT_NAME: 'endpt-from-env',
      AML_ENDPOINT_PUBLIC_ACCESS: 'enabled',
    });
    expect(config).toEqual({
      location: 'westeurope',
      resourceGroupName: 'rg-secure-endpoint',
      workspaceName: 'mlw-secure-endpoint',
      endpointName: 'endpt-from-env',
      isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND,
      endpointPublicAccess: true,
    });
  });

  test('internet outbound and a public endpoint synthesize without image-build rules', () => {
    const { json } = synthMain({
      AML_ISOLATION_MODE: 'allow_internet_outbound',
      AML_ENDPOINT_PUBLIC_ACCESS: 'enabled',
    });
    const rules = Object.values(json.resource?.azapi_resource ?? {}).filter((r) =>
      String(r.type).includes('outboundRules'),
    );
    expect(rules).toHaveLength(0);
    expectConformingBodies(json);
  });

  test('a JSON boolean in cdktf context sets the endpoint public access', () => {
    const app = Testing.app({ stackTraces: false, context: { endpointPublicAccess: true } });
    expect(readHowToConfig(app, {}).endpointPublicAccess).toBe(true);
    const off = Testing.app({ stackTraces: false, context: { endpointPublicAccess: false } });
    expect(readHowToConfig(off, {}).endpointPublicAccess).toBe(false);
  });

  test('a bad value is refused with the variable, the value and the choices', () => {
    expect(() => readHowToConfig(Testing.app(), { AML_ISOLATION_MODE: 'approved' })).toThrow(
      /AML_ISOLATION_MODE .* is 'approved'.*allow_only_approved_outbound or allow_internet_outbound/,
    );
    expect(() => readHowToConfig(Testing.app(), { AML_ENDPOINT_PUBLIC_ACCESS: 'off' })).toThrow(
      /AML_ENDPOINT_PUBLIC_ACCESS .* is 'off'.*disabled or enabled/,
    );
  });

  test('an invalid endpoint name from the environment is refused by the endpoint check', () => {
    expect(() => synthMain({ AML_ENDPOINT_NAME: 'endpt_1' })).toThrow(/\[SE201\]/);
  });
});
