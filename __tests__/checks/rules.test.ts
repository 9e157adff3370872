/** The checks this library added for input it used to let through: each fires, and its nearest valid input passes. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Construct } from 'constructs';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Environment, Model, OnlineDeployment, OnlineDeploymentOptions } from '../../src/deployment';
import { SecureOnlineEndpoint } from '../../src/endpoint';
import {
  OutboundFqdnRule,
  OutboundPrivateEndpointRule,
  OutboundServiceTagRule,
  PrivateEndpointTarget,
} from '../../src/outbound';
import {
  ImageBuildCompute,
  IsolationMode,
  ManagedVnetWorkspace,
  ManagedVnetWorkspaceProps,
} from '../../src/workspace';
import { FakeWorkspace } from '../support/fake-workspace';
import { reported, synthString, testStack } from '../support/synth';
import { armId, LITERAL_RG } from '../workspace/fixtures';
import { IMAGE } from '../endpoint/helpers';

const SUBNET = { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') };
const STORAGE = armId('rg-data', 'Microsoft.Storage/storageAccounts', 'stdata');
const REGISTRY = armId('rg-reg', 'Microsoft.MachineLearningServices/registries', 'mlreg');

function workspace(scope: Construct, overrides: Partial<ManagedVnetWorkspaceProps> = {}, id = 'Workspace') {
  return new ManagedVnetWorkspace(scope, id, {
    resourceGroup: LITERAL_RG,
    workspaceName: 'mlw-rules',
    inboundPrivateEndpoint: { subnet: SUBNET },
    ...overrides,
  });
}

function deployment(
  options: Partial<OnlineDeploymentOptions>,
  ws: Partial<ConstructorParameters<typeof FakeWorkspace>[2]> = {},
) {
  return (stack: TerraformStack): void => {
    const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', {
      workspace: new FakeWorkspace(stack, 'Workspace', ws),
      endpointName: 'endpt-rules',
    });
    new OnlineDeployment(stack, 'Blue', {
      endpoint,
      model: Model.mlflowFromAssetId('azureml:m:1'),
      allTraffic: true,
      ...options,
    });
  };
}

test('SE115 private-endpoint rule targets: missing, not an ARM id, the wrong type', () => {
  const rule =
    (serviceResourceId: string, target = PrivateEndpointTarget.AML_REGISTRY) =>
    (stack: TerraformStack) =>
      new OutboundPrivateEndpointRule(stack, 'Rule', {
        workspace: new FakeWorkspace(stack, 'Workspace'),
        ruleName: 'registry',
        serviceResourceId,
        subresourceTarget: target,
      });
  expect(reported(rule(''))).toEqual([expect.stringMatching(/\[SE115\] test\/Rule: .*is empty/)]);
  expect(reported(rule('mlreg'))).toEqual([
    expect.stringMatching(/\[SE115\].*'mlreg'.*not an ARM resource id/),
  ]);
  expect(reported(rule(STORAGE))).toEqual([
    expect.stringMatching(/\[SE115\].*Microsoft.Storage\/storageAccounts, not/),
  ]);
  expect(reported(rule(REGISTRY))).toEqual([]);
  expect(reported(rule(STORAGE, PrivateEndpointTarget.BLOB))).toEqual([]);
  expect(reported(rule(STORAGE, PrivateEndpointTarget.of('searchService')))).toEqual([]);
  // A registry rule set with a storage account id given twice and the registry's own registry missing.
  expect(
    reported((stack) =>
      OutboundPrivateEndpointRule.forRegistry(stack, 'Reg', {
        workspace: new FakeWorkspace(stack, 'Workspace'),
        registryId: REGISTRY,
        registryStorageAccountId: REGISTRY,
        registryContainerRegistryId: undefined as unknown as string,
      }),
    ),
  ).toEqual([
    expect.stringMatching(/\[SE115\] test\/Reg\/StorageAccount: .*registries, not of a Microsoft.Storage/),
    expect.stringMatching(/\[SE115\] test\/Reg\/ContainerRegistry: .*is empty/),
  ]);
});

test('SE116 a private-endpoint rule on a workspace with isolation Disabled; managed isolation passes', () => {
  const rule = (isolationMode: IsolationMode) => (stack: TerraformStack) =>
    new OutboundPrivateEndpointRule(stack, 'Rule', {
      workspace: new FakeWorkspace(stack, 'Workspace', { isolationMode }),
      ruleName: 'data',
      serviceResourceId: STORAGE,
      subresourceTarget: PrivateEndpointTarget.BLOB,
    });
  expect(reported(rule(IsolationMode.DISABLED))).toEqual([expect.stringMatching(/\[SE116\].*'data'/)]);
  expect(reported(rule(IsolationMode.ALLOW_INTERNET_OUTBOUND))).toEqual([]);
});

test('SE117 two workspaces with one name in one resource group; another group or name passes', () => {
  expect(
    reported((s) => {
      workspace(s, {}, 'One');
      workspace(s, { workspaceName: 'MLW-RULES' }, 'Two');
    }),
  ).toEqual([
    expect.stringMatching(/\[SE117\] test\/Two: .*'MLW-RULES'.*test\/One/),
    // The two would also create the same private DNS zones in the group.
    expect.stringMatching(/\[SE123\] test\/Two\/InboundPrivateEndpoint: /),
  ]);
  expect(
    reported((s) => {
      const one = workspace(s, {}, 'One');
      const zones = one.inboundPrivateEndpoint?.privateDnsZones.map((z) => z.id) ?? [];
      workspace(
        s,
        {
          workspaceName: 'mlw-rules-2',
          inboundPrivateEndpoint: { subnet: SUBNET, privateDnsZoneIds: zones },
        },
        'Two',
      );
      workspace(s, { resourceGroup: { ...LITERAL_RG, id: `${LITERAL_RG.id}-2`, name: 'rg-ml-2' } }, 'Three');
    }),
  ).toEqual([]);
});

test('SE118 imported workspaces without required attributes; with them it passes', () => {
  const attrs = {
    workspaceName: 'mlw-x',
    resourceGroupName: 'rg',
    location: 'westeurope',
    isolationMode: IsolationMode.DISABLED,
  };
  const imported = (a: object) => (s: TerraformStack) =>
    ManagedVnetWorkspace.fromWorkspaceAttributes(s, 'Imported', a as typeof attrs);
  expect(() => reported(imported({ ...attrs, isolationMode: undefined }))).toThrow(
    /\[SE118\].*isolationMode/,
  );
  expect(reported(imported({ ...attrs, location: undefined }))).toEqual([
    expect.stringMatching(/\[SE118\].*no location/),
  ]);
  expect(reported(imported({ ...attrs, workspaceId: STORAGE }))).toEqual([
    expect.stringMatching(
      /\[SE002\] test\/Imported: workspaceId .*stdata.*Microsoft.Storage\/storageAccounts, not of a Machine Learning workspace/,
    ),
  ]);
  expect(reported(imported(attrs))).toEqual([]);
});

test('SE119 FQDN destinations and service-tag ports; host names and port lists pass', () => {
  const fqdn = (destination: string) => (stack: TerraformStack) =>
    new OutboundFqdnRule(stack, 'Rule', {
      workspace: new FakeWorkspace(stack, 'Workspace'),
      ruleName: 'pypi',
      destination,
    });
  expect(reported(fqdn('https://pypi.org/simple'))).toEqual([
    expect.stringMatching(/\[SE119\].*'https:\/\/pypi.org\/simple'/),
  ]);
  expect(reported(fqdn('pypi.org:443'))).toHaveLength(1);
  expect(reported(fqdn('pypi.org'))).toEqual([]);
  expect(reported(fqdn('*.anaconda.org'))).toEqual([]);
  const tag =
    (portRanges: string, serviceTag = 'AzureMonitor') =>
    (stack: TerraformStack) =>
      new OutboundServiceTagRule(stack, 'Rule', {
        workspace: new FakeWorkspace(stack, 'Workspace'),
        ruleName: 'mon',
        serviceTag,
        portRanges,
      });
  expect(reported(tag('443, 70000'))).toEqual([expect.stringMatching(/\[SE119\].*'443, 70000'.*65535/)]);
  expect(reported(tag('90-80'))).toEqual([expect.stringMatching(/backwards/)]);
  expect(reported(tag('443', ''))).toEqual([expect.stringMatching(/serviceTag ''/)]);
  expect(reported(tag('80, 443, 8000-8100'))).toEqual([]);
  expect(reported(tag('*', 'Storage.WestEurope'))).toEqual([]);
});

test('SE120 image-build cluster node count, idle time and VM size; the defaults pass', () => {
  const ws = (cluster: Parameters<typeof ImageBuildCompute.cluster>[0]) => (s: TerraformStack) =>
    workspace(s, { imageBuildCompute: ImageBuildCompute.cluster(cluster) });
  expect(reported(ws({ maxNodeCount: 0 }))).toEqual([expect.stringMatching(/\[SE120\].*maxNodeCount is 0/)]);
  expect(reported(ws({ nodeIdleTimeBeforeScaleDown: '120s' }))).toEqual([expect.stringMatching(/'120s'/)]);
  expect(reported(ws({ vmSize: '' }))).toEqual([expect.stringMatching(/vmSize ''/)]);
  expect(
    reported(ws({ maxNodeCount: 2, nodeIdleTimeBeforeScaleDown: 'PT5M', vmSize: 'Standard_D4s_v3' })),
  ).toEqual([]);
});

test('SE107/SE104 a workspace publicNetworkAccess from a variable needs inbound access; it is an expression', () => {
  const open = (s: TerraformStack): boolean =>
    new TerraformVariable(s, 'open', { type: 'bool' }).booleanValue as unknown as boolean;
  expect(
    reported((s) => workspace(s, { publicNetworkAccess: open(s), inboundPrivateEndpoint: undefined })),
  ).toEqual([expect.stringMatching(/\[SE107\].*from an expression/)]);
  const stack = testStack();
  workspace(stack, { publicNetworkAccess: open(stack) });
  expect(synthString(stack)).toContain('\\"Enabled\\" : \\"Disabled\\"');
});

test('SE222 two endpoints with one name in one workspace; two names pass', () => {
  const two = (second: string) => (stack: TerraformStack) => {
    const ws = new FakeWorkspace(stack, 'Workspace');
    new SecureOnlineEndpoint(stack, 'One', { workspace: ws, endpointName: 'endpt-a' });
    new SecureOnlineEndpoint(stack, 'Two', { workspace: ws, endpointName: second });
  };
  expect(reported(two('ENDPT-A'))).toEqual([expect.stringMatching(/\[SE222\] test\/Two: .*'ENDPT-A'/)]);
  expect(reported(two('endpt-b'))).toEqual([]);
});

test('SE216 instance counts up to 50, whole request and probe settings, liveness success threshold 1', () => {
  expect(reported(deployment({ instanceCount: 51 }))).toEqual([
    expect.stringMatching(/\[SE216\].*51.*1 to 50/),
  ]);
  expect(reported(deployment({ instanceCount: 50 }))).toEqual([]);
  expect(reported(deployment({ requestSettings: { maxConcurrentRequestsPerInstance: 0 } }))).toEqual([
    expect.stringMatching(/maxConcurrentRequestsPerInstance .* is 0/),
  ]);
  expect(reported(deployment({ livenessProbe: { successThreshold: 2 } }))).toEqual([
    expect.stringMatching(/successThreshold of the liveness probe .* is 2/),
  ]);
  expect(reported(deployment({ readinessProbe: { periodSeconds: 0, failureThreshold: 1.5 } }))).toHaveLength(
    1,
  );
  expect(
    reported(
      deployment({
        readinessProbe: { successThreshold: 2, periodSeconds: 5 },
        livenessProbe: { successThreshold: 1 },
      }),
    ),
  ).toEqual([]);
});

test('SE223 instance types and images that are not names; real ones pass', () => {
  expect(reported(deployment({ instanceType: '' }))).toEqual([
    expect.stringMatching(/\[SE223\].*instanceType .* is ''/),
  ]);
  expect(reported(deployment({ instanceType: 'Standard_NC6s_v3' }))).toEqual([]);
  const env = (image: string) =>
    deployment({ model: Model.fromAssetId('azureml:m:1'), environment: Environment.fromImage(image) });
  expect(reported(env('https://mcr.microsoft.com/azureml/x:1'))).toEqual([
    expect.stringMatching(/\[SE223\].*'https:/),
  ]);
  expect(reported(env(''))).toHaveLength(1);
  expect(reported(env(IMAGE))).toEqual([]);
});

test('SE224 a conda file that is not YAML; SE215 says a folder is a folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conda-'));
  const write = (name: string, text: string): string => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const env = (condaFile: string) =>
    deployment({
      model: Model.fromAssetId('azureml:m:1'),
      environment: Environment.fromImage(IMAGE, { condaFile }),
    });
  expect(reported(env(write('bad.yaml', 'name: [unclosed')))).toEqual([
    expect.stringMatching(/\[SE224\].*not YAML/),
  ]);
  expect(reported(env(write('list.yaml', '- a\n- b\n')))).toEqual([
    expect.stringMatching(/not a YAML mapping/),
  ]);
  expect(reported(env(dir))).toEqual([expect.stringMatching(/\[SE215\].*is a folder, not a file/)]);
  expect(reported(env(write('ok.yaml', 'name: env\ndependencies:\n  - python=3.10\n')))).toEqual([]);
});

test('SE224 on every deployment sharing an environment, from one parse of its conda file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conda-'));
  const condaFile = path.join(dir, 'bad.yaml');
  fs.writeFileSync(condaFile, 'name: [unclosed');
  const environment = Environment.fromImage(IMAGE, { condaFile });
  // The module object the library calls through (an `import * as` namespace here would be a copy of it).
  const reads = jest.spyOn(jest.requireActual<typeof import('yaml')>('yaml'), 'parse');
  const shared = (stack: TerraformStack): void => {
    const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', {
      workspace: new FakeWorkspace(stack, 'Workspace'),
      endpointName: 'endpt-rules',
    });
    for (const id of ['Blue', 'Green']) {
      new OnlineDeployment(stack, id, { endpoint, model: Model.fromAssetId('azureml:m:1'), environment });
    }
  };
  try {
    expect(reported(shared)).toEqual([
      expect.stringMatching(/\[SE224\] test\/Blue: conda file .* is not YAML/),
      expect.stringMatching(/\[SE224\] test\/Green: conda file .* is not YAML/),
    ]);
    expect(reads).toHaveBeenCalledTimes(1);
  } finally {
    reads.mockRestore();
  }
});

test('SE217 an azureml:// URI of another asset kind or without a version; the right kind passes', () => {
  const model = (id: string) => deployment({ model: Model.mlflowFromAssetId(id) });
  expect(reported(model('azureml://registries/azureml/environments/e/versions/1'))).toEqual([
    expect.stringMatching(/\[SE217\]/),
  ]);
  expect(reported(model('azureml://registries/azureml/models/m'))).toHaveLength(1);
  expect(reported(model('azureml://registries/azureml/models/m/versions/3'))).toEqual([]);
  expect(reported(model('azureml://registries/azureml/models/m/labels/latest'))).toEqual([]);
});

test('SE206/SE225 mirroring to a live deployment or to two deployments; one shadow at 0 % live passes', () => {
  const mirror =
    (live: Record<string, number>, mirrors: Record<string, number>) => (stack: TerraformStack) => {
      const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', {
        workspace: new FakeWorkspace(stack, 'Workspace'),
        endpointName: 'endpt-rules',
      });
      for (const name of ['blue', 'green', 'shadow']) {
        new OnlineDeployment(stack, name, { endpoint, model: Model.mlflowFromAssetId('azureml:m:1') });
      }
      endpoint.routeTraffic(live);
      for (const [name, percent] of Object.entries(mirrors)) endpoint.mirrorTrafficByName(name, percent);
    };
  expect(reported(mirror({ blue: 90, green: 10 }, { green: 10 }))).toEqual([
    expect.stringMatching(/\[SE206\].*'green'.*10 %/),
  ]);
  expect(reported(mirror({ blue: 100 }, { green: 10, shadow: 10 }))).toEqual([
    expect.stringMatching(/\[SE225\]/),
  ]);
  expect(reported(mirror({ blue: 100, green: 0 }, { green: 10, shadow: 0 }))).toEqual([]);
  // Text is not a share: refused at once by the split's reader, naming the share and the value.
  expect(() => reported(mirror({ blue: '100' as unknown as number }, {}))).toThrow(
    /\[SE001\] test\/Endpoint: split\['blue'\] is the text '100': give a number/,
  );
});

test('SE118/SE121 inbound private endpoint without a subnet or with a bad name; a subnet and a good name pass', () => {
  const pe = (inbound: object) => (s: TerraformStack) =>
    workspace(s, { inboundPrivateEndpoint: inbound as ManagedVnetWorkspaceProps['inboundPrivateEndpoint'] });
  expect(reported(pe({}))).toEqual([expect.stringMatching(/\[SE118\].*no subnet id/)]);
  expect(reported(pe({ subnet: SUBNET, privateEndpointName: 'pe-' }))).toEqual([
    expect.stringMatching(/\[SE121\].*'pe-'/),
  ]);
  expect(reported(pe({ subnet: SUBNET, privateEndpointName: 'pe-mlw_1' }))).toEqual([]);
});

test('SE112 an Application Insights name with a slash; a plain one passes', () => {
  const appi = (applicationInsights: string) => (s: TerraformStack) =>
    workspace(s, { associatedResourceNames: { applicationInsights } });
  expect(reported(appi('appi/ml'))).toEqual([expect.stringMatching(/\[SE112\].*'appi\/ml'/)]);
  expect(reported(appi('appi.'))).toHaveLength(1);
  expect(reported(appi('appi ml-1'))).toEqual([]);
});

test('SE226 an asset name Azure ML refuses; a valid name passes', () => {
  const named = (name: string) =>
    deployment({
      model: Model.fromAssetId('azureml:m:1'),
      environment: Environment.fromImage(IMAGE, { name }),
    });
  expect(reported(named('my env'))).toEqual([expect.stringMatching(/\[SE226\].*'my env'/)]);
  expect(reported(named('-env'))).toHaveLength(1);
  expect(reported(named('my-env_1.0'))).toEqual([]);
});

test('SE215 an empty local path (it would upload the whole project); a real path passes', () => {
  expect(reported(deployment({ model: Model.mlflowFromLocalPath('') }))).toEqual([
    expect.stringMatching(/\[SE215\].*model path \(localPath\) is empty/),
  ]);
  expect(
    reported(
      deployment({
        model: Model.fromAssetId('azureml:m:1'),
        environment: Environment.fromAssetId('azureml:e:1'),
      }),
    ),
  ).toEqual([]);
});

test('SE001 a value of the wrong kind stops at once, naming the prop and the value; the right kind passes', () => {
  // A factory throws nothing: the deployment its value is given to cannot be built, and stops with every
  // problem recorded so far in the app (the workspace's before it).
  expect(() =>
    reported((s) => {
      workspace(s, { identity: 'SystemAssigned' as never }, 'Other');
      deployment({ model: Model.fromLocalPath(5 as unknown as string) })(s);
    }),
  ).toThrow(
    /\[SE001\] test\/Blue: Model\.fromLocalPath: localPath is the number 5: give a local path \(text\)[^]*\[SE001\] test\/Other: identity/,
  );
  // An optional prop of the wrong kind is reported with the others; the construct goes on with its default.
  expect(reported((s) => workspace(s, { identity: 'SystemAssigned' as never }))).toEqual([
    expect.stringMatching(
      /\[SE001\] test\/Workspace: identity is the text 'SystemAssigned': give a WorkspaceIdentity/,
    ),
  ]);
  expect(() => reported(deployment({ model: null as never }))).toThrow(/\[SE001\] test\/Blue: model is null/);
  expect(reported(deployment({ model: Model.mlflowFromAssetId('azureml:m:1') }))).toEqual([]);
});
