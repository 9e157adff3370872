/**
 * The catalogs of Azure's names: each data file agrees with the extract of its public source committed beside
 * the tests, lookups compare as Azure does, and every prop that reads a catalog refuses an unknown name with the
 * nearest ones (SE400, SE401, SE402) while listed names, the classes' `of()` and Terraform expressions pass.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { CATALOG_SOURCES, fixtureRef, fixtureRows, renderDataFile } from '../../scripts/catalogs/sources';
import { Catalog, distance } from '../../src/checks/catalog';
import { AzureRegion } from '../../src/core/region';
import { REGIONS } from '../../src/core/region';
import { Model, OnlineDeployment, OnlineDeploymentOptions } from '../../src/deployment';
import { INSTANCE_TYPES, InstanceType } from '../../src/deployment/instance-type';
import { SecureOnlineEndpoint } from '../../src/endpoint';
import { OutboundServiceTagRule } from '../../src/outbound';
import { SERVICE_TAGS, ServiceTag } from '../../src/outbound/service-tag';
import { IsolationMode, ManagedVnetWorkspace, ManagedVnetWorkspaceProps } from '../../src/workspace';
import { FakeWorkspace } from '../support/fake-workspace';
import { reported, synthString, testStack } from '../support/synth';
import { armId, LITERAL_RG } from '../workspace/fixtures';

const ROOT = path.join(__dirname, '..', '..');

describe.each(CATALOG_SOURCES.map((s) => [s.name, s] as const))('catalog %s', (_name, source) => {
  const fixture = fs.readFileSync(path.join(ROOT, source.fixture), 'utf8');

  test('the data file is what the committed extract of its source generates', () => {
    const ref = fixtureRef(fixture);
    expect(ref).toMatch(/^[0-9a-f]{40}$/);
    const rows = fixtureRows(fixture);
    expect(rows.length).toBeGreaterThan(10);
    const expected = renderDataFile(source, source.parse(rows), ref ?? '');
    expect(fs.readFileSync(path.join(ROOT, source.output), 'utf8')).toBe(expected);
  });

  test('names are unique without case', () => {
    const names = source.parse(fixtureRows(fixture)).map((e) => e.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });
});

test('the extract is the source document read by the same rules (rows found in a document of that layout)', () => {
  const regions = CATALOG_SOURCES.find((s) => s.name === 'regions')!;
  const doc = [
    '| Region | Availability zone support | Paired region | Physical location | Geography | Programmatic name |',
    '|---|---|---|---|---|---|',
    '| West Europe | :::image alt-text="Yes" type="content"::: | North Europe | Netherlands | Europe | westeurope |',
    '| Sweden Central | | Sweden South | Gävle | Sweden | swedencentral |',
    '',
    '| Region | Availability zone support | Paired region | Physical location | Geography | Programmatic name |',
    '| Ignored | | | | | ignored |',
  ].join('\n');
  expect(regions.extract(doc)).toEqual([
    '| West Europe | westeurope |',
    '| Sweden Central | swedencentral |',
    '| North Europe | northeurope |',
    '| Sweden South | swedensouth |',
  ]);
  const skus = CATALOG_SOURCES.find((s) => s.name === 'instance-types')!;
  expect(
    skus.parse(
      skus.extract('| standardNCADSA100v4Family | STANDARD_NC24ADS_A100_V4 | - | NvidiaGpu | 1 | 24 | Yes |'),
    ),
  ).toEqual([{ name: 'Standard_NC24ads_A100_v4', gpu: true }]);
  const tags = CATALOG_SOURCES.find((s) => s.name === 'service-tags')!;
  const tagDoc = [
    '| Tag | Purpose | Can use inbound or outbound? | Can be regional? | Can use with Azure Firewall? |',
    '| --- | --- | --- | --- | --- |',
    '| **AzureFrontDoor.Frontend** <br/> **AzureFrontDoor.Backend** | Azure Front Door. | Both | Yes | Yes |',
    '| **AzureMonitor** | Log Analytics. | Outbound | No | Yes |',
  ].join('\n');
  expect(tags.parse(tags.extract(tagDoc))).toEqual([
    { name: 'AzureFrontDoor.Frontend', regional: true },
    { name: 'AzureFrontDoor.Backend', regional: true },
    { name: 'AzureMonitor', regional: false },
  ]);
});

test('lookups compare as ARM does and suggest the nearest names', () => {
  expect(INSTANCE_TYPES.find('standard_ds3_v2')).toBe('Standard_DS3_v2');
  expect(INSTANCE_TYPES.find('Standard_DS3_v9')).toBeUndefined();
  expect(INSTANCE_TYPES.nearest('Standard_DS3_v9')[0]).toBe('Standard_DS3_v2');
  expect(INSTANCE_TYPES.nearest('DS3_v2')).toContain('Standard_DS3_v2');
  expect(REGIONS.find('West Europe')).toBe('westeurope');
  expect(REGIONS.find('WESTEUROPE')).toBe('westeurope');
  expect(REGIONS.nearest('westeurop')).toEqual(['westeurope']);
  expect(SERVICE_TAGS.find('storage.westeurope')).toBe('Storage.westeurope');
  expect(SERVICE_TAGS.find('AzureFrontDoor.Frontend')).toBe('AzureFrontDoor.Frontend');
  expect(SERVICE_TAGS.find('AzureCloud.germanywc')).toBe('AzureCloud.germanywc');
  expect(SERVICE_TAGS.problem('AzureMonitor.WestEurope')).toMatch(/'AzureMonitor' has no regional forms/);
  expect(SERVICE_TAGS.problem('Storage.WestEuropa')).toMatch(/'WestEuropa' is not an Azure region/);
  expect(SERVICE_TAGS.guess('Storage.WestEuropa')).toBe("did you mean 'Storage.westeurope'?");
  expect(SERVICE_TAGS.guess('AzureMonitor.WestEurope')).toBe("did you mean 'AzureMonitor'?");
  expect(new Catalog(['a'], { what: 'x', source: 'y' }).nearest('')).toEqual([]);
  expect(distance('kitten', 'sitting')).toBe(3);
});

function deployment(instanceType: OnlineDeploymentOptions['instanceType']) {
  return (stack: TerraformStack): void => {
    const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', {
      workspace: new FakeWorkspace(stack, 'Workspace'),
      endpointName: 'endpt-catalog',
    });
    new OnlineDeployment(stack, 'Blue', {
      endpoint,
      model: Model.mlflowFromAssetId('azureml:m:1'),
      allTraffic: true,
      instanceType,
    });
  };
}

test('SE400 an instance type not in the SKU list, with the nearest sizes', () => {
  expect(reported(deployment('Standard_DS3_v9'))).toEqual([
    expect.stringMatching(
      /\[SE400\] .*Blue: instanceType is 'Standard_DS3_v9', which is not a VM size .*InstanceType\.of\('Standard_DS3_v9'\).*; did you mean 'Standard_DS3_v2'/,
    ),
  ]);
  // A retired GPU size.
  expect(reported(deployment('Standard_NC6'))).toEqual([expect.stringMatching(/\[SE400\].*'Standard_NC6'/)]);
  // Text not of a size's form keeps its earlier code.
  expect(reported(deployment(''))).toEqual([expect.stringMatching(/\[SE223\]/)]);
});

test('SE400 passes listed sizes in any case, InstanceType members and of(), and expressions', () => {
  expect(reported(deployment('standard_f4s_v2'))).toEqual([]);
  expect(reported(deployment(InstanceType.STANDARD_NC24ADS_A100_V4))).toEqual([]);
  const stack = testStack();
  deployment(InstanceType.of('Standard_NEW99_v9'))(stack);
  expect(synthString(stack)).toMatch(/"instanceType": "Standard_NEW99_v9"/);
  const tokenStack = testStack();
  deployment(new TerraformVariable(tokenStack, 'size', { type: 'string' }).stringValue)(tokenStack);
  expect(synthString(tokenStack)).toContain('var.size');
});

const SUBNET = { id: armId('rg-net', 'Microsoft.Network/virtualNetworks', 'vnet/subnets/pe') };

function workspace(overrides: Partial<ManagedVnetWorkspaceProps>) {
  return (stack: TerraformStack): void => {
    new ManagedVnetWorkspace(stack, 'Workspace', {
      resourceGroup: LITERAL_RG,
      workspaceName: 'mlw-catalog',
      inboundPrivateEndpoint: { subnet: SUBNET },
      ...overrides,
    });
  };
}

test('SE401 a location that is not an Azure region, on every prop that takes one', () => {
  expect(reported(workspace({ location: 'westeurop' }))).toEqual([
    expect.stringMatching(/\[SE401\] .*Workspace: location is 'westeurop', .*did you mean 'westeurope'\?/),
  ]);
  expect(
    reported(workspace({ inboundPrivateEndpoint: { subnet: SUBNET, location: 'west-europe' } })),
  ).toEqual([expect.stringMatching(/\[SE401\].*location is 'west-europe'/)]);
  expect(reported(workspace({ resourceGroup: { ...LITERAL_RG, location: 'westeruope' } }))).toEqual([
    expect.stringMatching(/\[SE401\].*resourceGroup\.location is 'westeruope'.*AzureRegion\.of/),
  ]);
  expect(
    reported((stack) =>
      ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Imported', {
        workspaceName: 'mlw-x',
        resourceGroupName: 'rg',
        location: 'europe',
        isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
      }),
    ),
  ).toEqual([expect.stringMatching(/\[SE401\].*location is 'europe'/)]);
});

test('SE401 passes regions by name or display name, AzureRegion members and of(), and expressions', () => {
  expect(reported(workspace({ location: 'West Europe' }))).toEqual([]);
  expect(reported(workspace({ location: AzureRegion.SWEDEN_CENTRAL }))).toEqual([]);
  const stack = testStack();
  workspace({ location: AzureRegion.of('usgovvirginia') })(stack);
  expect(synthString(stack)).toMatch(/"location": "usgovvirginia"/);
  const tokenStack = testStack();
  workspace({
    location: new TerraformVariable(tokenStack, 'region', { type: 'string' }).stringValue,
    resourceGroup: { ...LITERAL_RG, location: 'not-a-region-but-unused' },
  })(tokenStack);
  expect(synthString(tokenStack)).toContain('var.region');
});

function tagRule(serviceTag: string | ServiceTag) {
  return (stack: TerraformStack): void => {
    new OutboundServiceTagRule(stack, 'Rule', {
      workspace: new FakeWorkspace(stack, 'Workspace'),
      ruleName: 'tag',
      serviceTag,
    });
  };
}

test('SE402 a service tag Azure does not have, or a regional form it does not have', () => {
  expect(reported(tagRule('AzureMonitr'))).toEqual([
    expect.stringMatching(/\[SE402\] .*Rule: serviceTag is 'AzureMonitr', .*did you mean 'AzureMonitor'/),
  ]);
  expect(reported(tagRule('AzureMonitor.WestEurope'))).toEqual([
    expect.stringMatching(/\[SE402\].*no regional/),
  ]);
  expect(reported(tagRule('Storage.EuropeWest'))).toEqual([
    expect.stringMatching(/\[SE402\].*not an Azure region/),
  ]);
  // Text not of a tag's form keeps its earlier code.
  expect(reported(tagRule('https://x'))).toEqual([expect.stringMatching(/\[SE119\]/)]);
});

test('SE402 passes listed tags in any case, regional forms, ServiceTag members and of(), and expressions', () => {
  expect(reported(tagRule('azuremonitor'))).toEqual([]);
  expect(reported(tagRule('Storage.WestEurope'))).toEqual([]);
  expect(reported(tagRule('AzureFrontDoor.Frontend'))).toEqual([]);
  expect(reported(tagRule(ServiceTag.AZURE_MACHINE_LEARNING))).toEqual([]);
  const stack = testStack();
  tagRule(ServiceTag.of('BrandNewTag'))(stack);
  expect(synthString(stack)).toContain('BrandNewTag');
  const tokenStack = testStack();
  tagRule(new TerraformVariable(tokenStack, 'tag', { type: 'string' }).stringValue)(tokenStack);
  expect(synthString(tokenStack)).toContain('var.tag');
});
