/**
 * Azure's documented limits and grammars, each applied by the reader of the props it governs: probe and request
 * ranges (SE216), deployments per endpoint (SE410), image references by docker's grammar (SE223), asset ids by
 * shape (SE217), ARM ids' segments (SE002), service-tag address prefixes (SE411), event hub names (SE412) and
 * private DNS zone tag names (SE003). Each fires, and its nearest valid input passes.
 */
import { TerraformStack } from 'cdktf';
import { EndpointLogs, SecureOnlineEndpoint } from '../../src/endpoint';
import { Environment, Model, OnlineDeployment, OnlineDeploymentOptions } from '../../src/deployment';
import { parseImageReference } from '../../src/deployment/image-reference';
import { parseRfc3339 } from '../../src/deployment/rfc3339';
import { OutboundServiceTagRule } from '../../src/outbound';
import { addressPrefixProblem } from '../../src/outbound/address-prefix';
import { armIdProblem } from '../../src/checks';
import { IsolationMode, ManagedVnetWorkspace } from '../../src/workspace';
import { FakeWorkspace } from '../support/fake-workspace';
import { reported } from '../support/synth';
import { armId, LITERAL_RG } from '../workspace/fixtures';
import { IMAGE } from '../endpoint/helpers';

function deployment(options: Partial<OnlineDeploymentOptions>) {
  return (stack: TerraformStack): void => {
    const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', {
      workspace: new FakeWorkspace(stack, 'Workspace'),
      endpointName: 'endpt-grammar',
    });
    new OnlineDeployment(stack, 'Blue', {
      endpoint,
      model: Model.mlflowFromAssetId('azureml:m:1'),
      allTraffic: true,
      ...options,
    });
  };
}

test('SE216 probe and request settings outside the ranges of the YAML schema; the limits pass', () => {
  expect(reported(deployment({ livenessProbe: { initialDelaySeconds: 0 } }))).toEqual([
    expect.stringMatching(
      /\[SE216\].*initialDelaySeconds of the liveness probe of 'blue' is 0 seconds: .*at least 1/,
    ),
  ]);
  expect(reported(deployment({ readinessProbe: { failureThreshold: 0 } }))).toEqual([
    expect.stringMatching(/\[SE216\].*failureThreshold/),
  ]);
  expect(reported(deployment({ requestSettings: { requestTimeoutMs: 180_001 } }))).toEqual([
    expect.stringMatching(
      /\[SE216\].*requestTimeoutMs of deployment 'blue' is 180001 milliseconds: .*from 1 to 180000/,
    ),
  ]);
  expect(
    reported(
      deployment({
        livenessProbe: { initialDelaySeconds: 1, periodSeconds: 1, timeoutSeconds: 1, failureThreshold: 1 },
        requestSettings: { requestTimeoutMs: 180_000, maxConcurrentRequestsPerInstance: 1 },
      }),
    ),
  ).toEqual([]);
});

test('SE410 a 21st deployment on one endpoint; 20 pass', () => {
  const many = (count: number) => (stack: TerraformStack) => {
    const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', {
      workspace: new FakeWorkspace(stack, 'Workspace'),
      endpointName: 'endpt-many',
    });
    for (let i = 0; i < count; i++) {
      new OnlineDeployment(stack, `D${i}`, {
        endpoint,
        deploymentName: `dep${i}`,
        model: Model.mlflowFromAssetId('azureml:m:1'),
        allTraffic: i === 0,
      });
    }
  };
  expect(reported(many(21))).toEqual([
    expect.stringMatching(/\[SE410\] test\/D20: deployment 'dep20' is deployment 21 on endpoint .*allows 20/),
  ]);
  expect(reported(many(20))).toEqual([]);
});

test('image references by the distribution grammar: separators docker accepts pass, the rest is refused', () => {
  for (const valid of [
    IMAGE,
    'myregistry.azurecr.io/team__model--serve_v2.1:1.0',
    'localhost:5000/a/b-c:latest',
    'ubuntu',
    'registry.example.com:443/ns/img@sha256:' + 'a'.repeat(64),
    '[::1]:5000/img:tag',
  ]) {
    expect([valid, parseImageReference(valid)]).toEqual([
      valid,
      expect.not.objectContaining({ problem: expect.anything() }),
    ]);
  }
  const problem = (text: string) => (parseImageReference(text) as { problem?: string }).problem;
  expect(problem('https://mcr.microsoft.com/x:1')).toMatch(/scheme/);
  expect(problem('mcr.microsoft.com/Azureml/x:1')).toMatch(/'Azureml'/);
  expect(problem('mcr.microsoft.com/a___b:1')).toMatch(/'a___b'/);
  expect(problem('mcr.microsoft.com/a-:1')).toMatch(/'a-'/);
  expect(problem(`img:${'t'.repeat(129)}`)).toMatch(/tag/);
  expect(problem('img:-x')).toMatch(/tag/);
  expect(problem('img@sha256:abc')).toMatch(/digest/);
  expect(problem('my registry/img')).toMatch(/spaces/);
  const env = (image: string) =>
    deployment({ model: Model.fromAssetId('azureml:m:1'), environment: Environment.fromImage(image) });
  expect(reported(env('myregistry.azurecr.io/team__model--serve:1'))).toEqual([]);
  expect(reported(env('mcr.microsoft.com/Azureml/x:1'))).toEqual([
    expect.stringMatching(
      /\[SE223\].*'mcr.microsoft.com\/Azureml\/x:1' is not a container image reference: .*'Azureml'/,
    ),
  ]);
});

test('SE217 asset ids parsed by shape: the wrong part is named; every documented form passes', () => {
  const model = (assetId: string) => deployment({ model: Model.mlflowFromAssetId(assetId) });
  expect(reported(model('azureml://registries/azureml/models/my model/versions/1'))).toEqual([
    expect.stringMatching(/\[SE217\].*model name 'my model' is not/),
  ]);
  expect(reported(model('azureml://registries/azureml/models/m'))).toEqual([
    expect.stringMatching(/\[SE217\].*none of the forms/),
  ]);
  expect(reported(model('azureml://registries/azureml/environments/m/versions/1'))).toEqual([
    expect.stringMatching(/\[SE217\].*'environments' where 'models' belongs/),
  ]);
  expect(reported(model('azureml:m:'))).toEqual([expect.stringMatching(/\[SE217\].*version ''/)]);
  const bad =
    '/subscriptions/sub/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/models/m/versions/1';
  expect(reported(model(bad))).toEqual([
    expect.stringMatching(/\[SE217\].*subscription 'sub' is not a subscription id/),
  ]);
  for (const valid of [
    'azureml:m:1',
    'azureml://registries/azureml/models/phi-3.mini_v2/versions/12',
    'azureml://registries/azureml/models/m/labels/latest',
    'azureml://subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/workspaces/w/models/m/versions/1',
    'azureml://locations/westeurope/workspaces/00000000-0000-0000-0000-000000000002/models/m/versions/1',
    armId('rg', 'Microsoft.MachineLearningServices/workspaces', 'w/models/m/versions/1'),
  ]) {
    expect([valid, reported(model(valid))]).toEqual([valid, []]);
  }
});

test('SE002 ARM ids whose subscription, group or name segments break ARM grammar; expressions inside pass', () => {
  const type = 'Microsoft.OperationalInsights/workspaces';
  expect(armIdProblem(`/subscriptions/my-sub/resourceGroups/rg/providers/${type}/law`, type)).toMatch(
    /subscription 'my-sub' is not a subscription id/,
  );
  expect(armIdProblem(armId('rg.', type, 'law'), type)).toMatch(/resource group 'rg\.'/);
  expect(armIdProblem(armId('rg', type, 'my law'), type)).toMatch(/name 'my law'/);
  expect(armIdProblem(armId('rg-(prod)_1.x', type, 'law'), type)).toBeUndefined();
  expect(
    armIdProblem(`/subscriptions/\${var.sub}/resourceGroups/rg/providers/${type}/law`, type),
  ).toBeUndefined();
  expect(
    reported(
      (s) =>
        new SecureOnlineEndpoint(s, 'Endpoint', {
          workspace: new FakeWorkspace(s, 'Workspace'),
          endpointName: 'endpt-ids',
          logs: EndpointLogs.toLogAnalytics({
            id: `/subscriptions/sub/resourceGroups/rg/providers/${type}/law`,
          }),
        }),
    ),
  ).toEqual([expect.stringMatching(/\[SE002\].*subscription 'sub'/)]);
});

test('SE411 service-tag address prefixes that are host names or bad ranges; addresses and CIDR ranges pass', () => {
  const rule = (addressPrefixes: string[]) => (stack: TerraformStack) =>
    new OutboundServiceTagRule(stack, 'Rule', {
      workspace: new FakeWorkspace(stack, 'Workspace'),
      ruleName: 'prefixes',
      serviceTag: 'Storage',
      addressPrefixes,
    });
  expect(reported(rule(['10.0.0.0/24', 'storage.example.com']))).toEqual([
    expect.stringMatching(/\[SE411\].*addressPrefixes\[1\] 'storage.example.com' .*host name.*FQDN rule/),
  ]);
  expect(reported(rule(['10.0.0.0/33']))).toEqual([expect.stringMatching(/\[SE411\].*\/33/)]);
  expect(reported(rule(['10.0.0.256']))).toEqual([expect.stringMatching(/\[SE411\]/)]);
  expect(reported(rule(['10.0.0.0/24', '20.1.2.3', '2001:db8::/32', '::1', '::ffff:10.0.0.1/128']))).toEqual(
    [],
  );
  expect(addressPrefixProblem('2001:db8::1::2')).toMatch(/not an IPv4 or IPv6/);
  expect(addressPrefixProblem('1:2:3:4:5:6:7:8')).toBeUndefined();
});

test('SE412 an event hub id where its name belongs; names pass', () => {
  const RULE = armId('rg-eh', 'Microsoft.EventHub/namespaces', 'ns/authorizationRules/send');
  const logs = (eventHubName: string) => (s: TerraformStack) =>
    new SecureOnlineEndpoint(s, 'Endpoint', {
      workspace: new FakeWorkspace(s, 'Workspace'),
      endpointName: 'endpt-eh',
      logs: EndpointLogs.toEventHub({ authorizationRuleId: RULE, eventHubName }),
    });
  const id = armId('rg-eh', 'Microsoft.EventHub/namespaces', 'ns/eventhubs/ml-logs');
  expect(reported(logs(id))).toEqual([
    expect.stringMatching(/\[SE412\].*an ARM id: .*give its last segment \('ml-logs'\)/),
  ]);
  expect(reported(logs('ml logs'))).toEqual([expect.stringMatching(/\[SE412\].*not an event hub name/)]);
  expect(reported(logs('ml-logs.v2_x'))).toEqual([]);
});

test('SE003 tag names private DNS zones refuse (Unicode, parentheses); ASCII names pass', () => {
  const SUBNET = { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') };
  const ws = (tags: Record<string, string>) => (s: TerraformStack) =>
    new ManagedVnetWorkspace(s, 'Workspace', {
      resourceGroup: LITERAL_RG,
      workspaceName: 'mlw-tags',
      inboundPrivateEndpoint: { subnet: SUBNET },
      tags,
    });
  expect(reported(ws({ 'cost(center)': 'x', kostenstelle_ü: 'x' }))).toEqual([
    expect.stringMatching(
      /\[SE003\].*tag name 'cost\(center\)' has characters Azure refuses on private DNS zones/,
    ),
    expect.stringMatching(/tag name 'kostenstelle_ü' has characters/),
  ]);
  expect(reported(ws({ 'cost-center': 'Zürich (HQ)', cost_center2: 'x' }))).toEqual([]);
});

test('RFC 3339 date-times: dates that do not exist and missing seconds are refused', () => {
  const problem = (text: string) => (parseRfc3339(text) as { problem?: string }).problem;
  expect(problem('2026-02-29T00:00:00Z')).toMatch(/has no day 29/);
  expect(problem('2026-13-01T00:00:00Z')).toMatch(/month 13/);
  expect(problem('2026-12-24T00:00Z')).toMatch(/no seconds/);
  expect(problem('2026-12-24T24:00:00Z')).toMatch(/not a time of day/);
  expect(problem('2026-12-24T12:00:60Z')).toMatch(/leap second/);
  expect(problem('2026-12-24 00:00:00Z')).toMatch(/not of the form/);
  expect(parseRfc3339('2028-02-29T00:00:00Z')).toEqual({ ms: Date.UTC(2028, 1, 29) });
  expect(parseRfc3339('2026-12-24t01:00:00.5+01:00')).toEqual({ ms: Date.UTC(2026, 11, 24) + 500 });
});

test("SE002 an imported workspace's subscriptionId that is not a GUID (a subscription's name); a GUID passes", () => {
  const imported = (subscriptionId: string) => (s: TerraformStack) =>
    ManagedVnetWorkspace.fromWorkspaceAttributes(s, 'Imported', {
      workspaceName: 'mlw-x',
      resourceGroupName: 'rg',
      location: 'westeurope',
      subscriptionId,
      isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
    });
  expect(reported(imported('Production'))).toEqual([
    expect.stringMatching(
      /\[SE002\] test\/Imported: subscriptionId is 'Production', which is not a subscription id/,
    ),
  ]);
  expect(reported(imported('00000000-0000-0000-0000-000000000001'))).toEqual([]);
});
