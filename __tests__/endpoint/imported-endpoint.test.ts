/** SecureOnlineEndpoint.fromEndpointAttributes: deployments on an endpoint created elsewhere. */
import { BlueDeployment } from '../../src/deployment';
import { SecureOnlineEndpoint } from '../../src/endpoint';
import { FakeWorkspace } from '../support/fake-workspace';
import { mlResourcesOfType, synthWith } from '../support/synth';
import { howToDeployment } from './helpers';

describe('SecureOnlineEndpoint.fromEndpointAttributes', () => {
  test('a deployment on an imported endpoint: parent id, lock, traffic, no endpoint resource, no reset', () => {
    const json = synthWith((stack) => {
      const workspace = new FakeWorkspace(stack, 'Workspace');
      const endpoint = SecureOnlineEndpoint.fromEndpointAttributes(stack, 'Endpoint', {
        workspace,
        endpointName: 'endpt-shared',
      });
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    });
    expect(mlResourcesOfType(json, 'workspaces/onlineEndpoints')).toEqual([]);
    const [[, deployment]] = mlResourcesOfType(json, 'workspaces/onlineEndpoints/deployments');
    expect(deployment.parent_id).toMatch(/\/onlineEndpoints\/endpt-shared$/);
    expect(deployment.locks).toEqual([deployment.parent_id]);
    const [[, traffic]] = mlResourcesOfType(json, 'workspaces/onlineEndpoints', 'azapi_update_resource');
    expect(traffic.body).toEqual({ properties: { traffic: { blue: 100 }, mirrorTraffic: {} } });
    const actions = Object.keys(json.resource?.azapi_resource_action ?? {});
    expect(actions.filter((name) => name.includes('TrafficReset'))).toEqual([]);
    // The URIs come from the live endpoint; the deployment's create-only guard reads it and its traffic.
    const reads = Object.values(json.data?.azapi_resource ?? {}).map((d) => d.response_export_values);
    expect(reads).toContainEqual({
      scoringUri: 'properties.scoringUri',
      swaggerUri: 'properties.swaggerUri',
    });
    expect(reads).toHaveLength(3);
  });

  test('given URIs and id: nothing is read', () => {
    const json = synthWith((stack) => {
      const workspace = new FakeWorkspace(stack, 'Workspace');
      const endpoint = SecureOnlineEndpoint.fromEndpointAttributes(stack, 'Endpoint', {
        workspace,
        endpointName: 'endpt-shared',
        endpointId:
          '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-secure/onlineEndpoints/endpt-shared',
        endpointScoringUri: 'https://endpt-shared.westeurope.inference.ml.azure.com/score',
        endpointSwaggerUri: 'https://endpt-shared.westeurope.inference.ml.azure.com/swagger.json',
      });
      expect(endpoint.endpointScoringUri).toContain('endpt-shared');
    });
    expect(json.data?.azapi_resource).toBeUndefined();
  });

  test('a bad endpoint name is refused (SE201 family) as for a created endpoint', () => {
    expect(() =>
      synthWith((stack) => {
        SecureOnlineEndpoint.fromEndpointAttributes(stack, 'Endpoint', {
          workspace: new FakeWorkspace(stack, 'Workspace'),
          endpointName: '1-bad_name',
        });
      }),
    ).toThrow(/endpoint name/);
  });
});
