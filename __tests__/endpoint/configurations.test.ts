/**
 * One snapshot per documented endpoint/deployment configuration (docs/endpoint.md, docs/deployment.md), built on
 * the real ManagedVnetWorkspace. Every azapi body in them is checked against the azapi provider's embedded types;
 * the traffic update (which azapi never checks) is checked merged into the endpoint body it updates.
 */
import { TerraformStack } from 'cdktf';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import {
  BlueDeployment,
  CodeConfiguration,
  EgressPublicNetworkAccess,
  Environment,
  Model,
  OnlineDeployment,
} from '../../src/deployment';
import { EndpointAuthMode, EndpointIdentity } from '../../src/endpoint';
import { IsolationMode } from '../../src/workspace';
import { azureSpecsAvailable, expectConformingBodies, validateBody } from '../support/conformance';
import { SynthesizedStack, synthJson, synthString } from '../support/synth';
import { howToDeployment, named, trafficUpdate } from './helpers';
import { howToStack } from './how-to-stack';

function expectTrafficUpdateConforms(json: SynthesizedStack): void {
  if (!azureSpecsAvailable()) return;
  const endpoint = named(json, 'workspaces/onlineEndpoints', 'endpt-moe-1');
  const update = trafficUpdate(json);
  const body = endpoint.body as { properties: object };
  const merged = {
    ...body,
    location: endpoint.location,
    properties: { ...body.properties, ...(update.body as { properties: object }).properties },
  };
  expect(validateBody(String(update.type), merged, update.address)).toEqual([]);
}

function expectSnapshotAndConformance(stack: TerraformStack): void {
  expect(synthString(stack)).toMatchSnapshot();
  const json = synthJson(stack);
  expectConformingBodies(json);
  if (json.resource?.azapi_update_resource) expectTrafficUpdateConforms(json);
}

describe('documented endpoint and deployment configurations', () => {
  test('the how-to as written: approved outbound, public access disabled, blue with all traffic', () => {
    const { stack, endpoint } = howToStack();
    new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    expectSnapshotAndConformance(stack);
  });

  test('internet outbound (the how-to alternative): no image-build FQDN rules', () => {
    const { stack, endpoint } = howToStack({ isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND });
    new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    expectSnapshotAndConformance(stack);
  });

  test('endpoint public network access enabled (the how-to alternative)', () => {
    const { stack, endpoint } = howToStack({}, { publicNetworkAccess: true });
    new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    expectSnapshotAndConformance(stack);
  });

  test('AMLToken auth', () => {
    const { stack, endpoint } = howToStack({}, { authMode: EndpointAuthMode.AML_TOKEN });
    new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    expectSnapshotAndConformance(stack);
  });

  test('AADToken auth', () => {
    const { stack, endpoint } = howToStack({}, { authMode: EndpointAuthMode.AAD_TOKEN });
    new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    expectSnapshotAndConformance(stack);
  });

  test('user-assigned endpoint identity with its role assignments', () => {
    const { stack, endpoint } = howToStack({}, {}, (s) => ({
      identity: EndpointIdentity.userAssigned(
        new UserAssignedIdentity(s, 'EndpointIdentity', {
          name: 'uai-endpt-moe-1',
          location: 'westeurope',
          resourceGroupName: 'rg-ml',
        }),
      ),
    }));
    new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    expectSnapshotAndConformance(stack);
  });

  test('blue/green: all live traffic to blue, 20 % mirrored to green', () => {
    const { stack, endpoint } = howToStack();
    new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    const green = new OnlineDeployment(stack, 'Green', {
      endpoint,
      ...howToDeployment(),
      instanceType: 'Standard_F4s_v2',
    });
    // Azure ML mirrors only to a deployment without live traffic.
    endpoint.routeTraffic({ blue: 100, green: 0 });
    endpoint.mirrorTraffic(green, 20);
    expectSnapshotAndConformance(stack);
  });

  test('MLflow model: no code, no environment, no image-build rules', () => {
    const { stack, endpoint } = howToStack();
    new BlueDeployment(stack, 'Blue', {
      endpoint,
      model: Model.mlflowFromLocalPath('__tests__/deployment/fixtures/mlflow-model'),
    });
    expectSnapshotAndConformance(stack);
  });

  test('assets by id: a registry model, a workspace code version, a curated environment', () => {
    const { stack, endpoint } = howToStack();
    new BlueDeployment(stack, 'Blue', {
      endpoint,
      model: Model.fromAssetId('azureml://registries/azureml/models/sklearn-regression/versions/1'),
      code: CodeConfiguration.fromAssetId('azureml:score-code:1', 'score.py'),
      environment: Environment.fromAssetId(
        'azureml://registries/azureml/environments/sklearn-1.5/versions/1',
      ),
    });
    expectSnapshotAndConformance(stack);
  });

  test('legacy egress setting: egressPublicNetworkAccess Disabled, as the legacy scripts set it', () => {
    const { stack, endpoint } = howToStack();
    new BlueDeployment(stack, 'Blue', {
      endpoint,
      ...howToDeployment(),
      egressPublicNetworkAccess: EgressPublicNetworkAccess.DISABLED,
    });
    expectSnapshotAndConformance(stack);
  });
});
