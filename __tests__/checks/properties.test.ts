/**
 * Property-based tests: generated valid configurations synthesize to conforming, reproducible output with no
 * check firing; generated invalid ones are refused with a ConfigurationError that names the bad value.
 *
 * Invalid cases need only construction and validation (cheap); valid cases synthesize (the expensive part), so
 * they run fewer times. fast-check prints the seed and the counterexample path of any failure; SEED is fixed
 * so a CI run is reproducible (change it locally to explore).
 */
import * as fc from 'fast-check';
import { TerraformStack } from 'cdktf';
import { ConfigurationError, configurationProblems } from '../../src/checks';
import { Model, OnlineDeployment } from '../../src/deployment';
import { SecureOnlineEndpoint } from '../../src/endpoint';
import { ManagedVnetWorkspace } from '../../src/workspace';
import { OutboundFqdnRule, OutboundServiceTagRule } from '../../src/outbound';
import { validateAzapiBodies } from '../support/conformance';
import { FakeWorkspace } from '../support/fake-workspace';
import { synthString, testStack } from '../support/synth';
import { armId, LITERAL_RG } from '../workspace/fixtures';

const SEED = 20261201;
const INVALID_RUNS = 200;
const VALID_RUNS = 12;
// Constructing a workspace creates its associated resources: the most expensive invalid case.
const WORKSPACE_RUNS = 100;
let cases = 0;

const SUBNET = { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') };
const WORKSPACE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/;
const ENDPOINT_NAME = /^[a-zA-Z]([-a-zA-Z0-9]{1,30})[a-zA-Z0-9]$/;
const mlflow = (): Model => Model.mlflowFromAssetId('azureml:model:1');

/** Runs `property` with the fixed seed and counts its cases. */
function check<T>(arbitrary: fc.Arbitrary<T>, numRuns: number, property: (value: T) => void): void {
  fc.assert(
    fc.property(arbitrary, (value) => {
      cases += 1;
      property(value);
    }),
    { seed: SEED, numRuns },
  );
}

/** The problems recorded in the stack: what synth would print. */
function problems(stack: TerraformStack): ConfigurationError[] {
  return configurationProblems(stack);
}

function expectRefused(stack: TerraformStack, code: string, value: unknown): void {
  const found = problems(stack).filter((p) => p.code === code);
  expect(found.map((p) => p.code)).toContain(code);
  expect(found.some((p) => p.message.includes(String(value)))).toBe(true);
}

function endpointStack(endpointName = 'endpt-moe-1'): {
  stack: TerraformStack;
  endpoint: SecureOnlineEndpoint;
} {
  const stack = testStack();
  const workspace = new FakeWorkspace(stack, 'Workspace');
  return { stack, endpoint: new SecureOnlineEndpoint(stack, 'Endpoint', { workspace, endpointName }) };
}

afterAll(() => {
  // At least 1,000 generated configurations per run (the count is printed so CI logs show it).
  console.log(`property-based configurations checked: ${cases}`);
  expect(cases).toBeGreaterThanOrEqual(1000);
});

describe('invalid configurations are refused with the bad value in the message', () => {
  test('workspace names (SE101)', () => {
    const bad = fc.string({ maxLength: 40 }).filter((s) => !WORKSPACE_NAME.test(s));
    check(bad, WORKSPACE_RUNS, (workspaceName) => {
      const stack = testStack();
      new ManagedVnetWorkspace(stack, 'Workspace', {
        resourceGroup: LITERAL_RG,
        workspaceName,
        inboundPrivateEndpoint: { subnet: SUBNET },
      });
      expectRefused(stack, 'SE101', workspaceName);
    });
  });

  test('endpoint names (SE201)', () => {
    const bad = fc.string({ maxLength: 40 }).filter((s) => !ENDPOINT_NAME.test(s));
    check(bad, INVALID_RUNS, (endpointName) => {
      const { stack } = endpointStack(endpointName);
      expectRefused(stack, 'SE201', endpointName);
    });
  });

  test('outbound rule names (SE102) and deployment names (SE202)', () => {
    const bad = fc.string({ maxLength: 40 }).filter((s) => !WORKSPACE_NAME.test(s));
    check(bad, INVALID_RUNS / 2, (ruleName) => {
      const stack = testStack();
      const workspace = new FakeWorkspace(stack, 'Workspace');
      new OutboundFqdnRule(stack, 'Rule', { workspace, ruleName, destination: 'pypi.org' });
      expectRefused(stack, 'SE102', ruleName);
    });
    const badDeployment = fc.string({ maxLength: 40 }).filter((s) => !ENDPOINT_NAME.test(s));
    check(badDeployment, INVALID_RUNS / 2, (deploymentName) => {
      const { stack, endpoint } = endpointStack();
      new OnlineDeployment(stack, 'Blue', { endpoint, model: mlflow(), deploymentName, allTraffic: true });
      expectRefused(stack, 'SE202', deploymentName);
    });
  });

  test('instance counts (SE216)', () => {
    const bad = fc.oneof(
      fc.integer({ max: 0 }),
      fc.integer({ min: 51 }),
      fc.double({ noNaN: false }).filter((n) => !Number.isInteger(n)),
    );
    check(bad, INVALID_RUNS, (instanceCount) => {
      const { stack, endpoint } = endpointStack();
      new OnlineDeployment(stack, 'Blue', { endpoint, model: mlflow(), instanceCount, allTraffic: true });
      expectRefused(stack, 'SE216', instanceCount);
    });
  });

  test('traffic shares (SE213) and splits (SE203)', () => {
    const share = fc.oneof(
      fc.integer({ min: -1000, max: -1 }),
      fc.integer({ min: 101, max: 10000 }),
      fc.double({ min: 0.01, max: 99.99, noNaN: true }).filter((n) => !Number.isInteger(n)),
    );
    check(fc.tuple(share, fc.integer({ min: 0, max: 100 })), INVALID_RUNS, ([blue, green]) => {
      const { stack, endpoint } = endpointStack();
      new OnlineDeployment(stack, 'Blue', { endpoint, model: mlflow() });
      new OnlineDeployment(stack, 'Green', { endpoint, model: mlflow() });
      endpoint.routeTraffic({ blue, green });
      expectRefused(stack, 'SE213', blue);
    });
    check(
      fc
        .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
        .filter(([a, b]) => a + b !== 100 && a + b !== 0),
      INVALID_RUNS / 2,
      ([blue, green]) => {
        const { stack, endpoint } = endpointStack();
        new OnlineDeployment(stack, 'Blue', { endpoint, model: mlflow() });
        new OnlineDeployment(stack, 'Green', { endpoint, model: mlflow() });
        endpoint.routeTraffic({ blue, green });
        expectRefused(stack, 'SE203', blue + green);
      },
    );
  });

  test('FQDN destinations (SE119) and service-tag ports (SE119)', () => {
    const notHost = fc.oneof(
      fc.webUrl(),
      fc.tuple(fc.domain(), fc.integer({ min: 1, max: 65535 })).map(([d, p]) => `${d}:${p}`),
      fc.constantFrom('', ' ', 'pypi org', '*', '**.x.org', 'a..b'),
    );
    check(notHost, INVALID_RUNS / 2, (destination) => {
      const stack = testStack();
      const workspace = new FakeWorkspace(stack, 'Workspace');
      new OutboundFqdnRule(stack, 'Rule', { workspace, ruleName: 'rule-1', destination });
      expectRefused(stack, 'SE119', `'${destination}'`);
    });
    check(fc.integer({ min: 65536, max: 10_000_000 }), INVALID_RUNS / 2, (port) => {
      const stack = testStack();
      const workspace = new FakeWorkspace(stack, 'Workspace');
      new OutboundServiceTagRule(stack, 'Rule', {
        workspace,
        ruleName: 'rule-1',
        serviceTag: 'AzureMonitor',
        portRanges: `443, ${port}`,
      });
      expectRefused(stack, 'SE119', port);
    });
  });

  test('enum values given as text from JavaScript (SE001)', () => {
    check(fc.string(), INVALID_RUNS / 2, (isolationMode) => {
      const stack = testStack();
      expect(() =>
        ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Imported', {
          workspaceName: 'mlw-imported',
          resourceGroupName: 'rg-ml',
          location: 'westeurope',
          isolationMode: isolationMode as never,
        }),
      ).toThrow(/\[SE001\] test\/Imported: isolationMode is the text '[\s\S]*': give an IsolationMode/);
    });
  });
});

describe('valid configurations synthesize, conform and reproduce, with no check firing', () => {
  const host = fc.domain().filter((d) => d.length <= 253 && /^[a-z0-9.-]+$/i.test(d));

  test('workspaces with outbound rules', () => {
    const config = fc.record({
      workspaceName: fc.stringMatching(WORKSPACE_NAME),
      hosts: fc.uniqueArray(host, { maxLength: 3 }),
      port: fc.integer({ min: 1, max: 65535 }),
    });
    check(config, VALID_RUNS, ({ workspaceName, hosts, port }) => {
      const build = (): string => {
        const stack = testStack();
        const ws = new ManagedVnetWorkspace(stack, 'Workspace', {
          resourceGroup: LITERAL_RG,
          workspaceName,
          inboundPrivateEndpoint: { subnet: SUBNET },
        });
        hosts.forEach((destination, i) =>
          ws.addOutboundFqdnRule(`Fqdn${i}`, { ruleName: `fqdn-${i}`, destination }),
        );
        ws.addOutboundServiceTagRule('Tag', {
          ruleName: 'tag-1',
          serviceTag: 'AzureMonitor',
          portRanges: `${port}`,
        });
        expect(problems(stack)).toEqual([]);
        return synthString(stack);
      };
      const first = build();
      expect(build()).toBe(first);
      expect(validateAzapiBodies(JSON.parse(first))).toEqual([]);
    });
  });

  test('endpoints with two deployments, a split and a mirror', () => {
    const config = fc.record({
      endpointName: fc.stringMatching(ENDPOINT_NAME),
      blue: fc.integer({ min: 0, max: 100 }),
      instanceCount: fc.integer({ min: 1, max: 50 }),
      mirror: fc.integer({ min: 0, max: 50 }),
    });
    check(config, VALID_RUNS, ({ endpointName, blue, instanceCount, mirror }) => {
      const build = (): string => {
        const { stack, endpoint } = endpointStack(endpointName);
        new OnlineDeployment(stack, 'Blue', { endpoint, model: mlflow(), instanceCount });
        const green = new OnlineDeployment(stack, 'Green', { endpoint, model: mlflow() });
        const shadow = new OnlineDeployment(stack, 'Shadow', { endpoint, model: mlflow() });
        endpoint.routeTraffic({ blue, green: 100 - blue, shadow: 0 });
        endpoint.mirrorTraffic(shadow, mirror);
        void green;
        expect(problems(stack)).toEqual([]);
        return synthString(stack);
      };
      const first = build();
      expect(build()).toBe(first);
      expect(validateAzapiBodies(JSON.parse(first))).toEqual([]);
    });
  });
});
