/** The synthesized dependency graph of the how-to and of a blue/green endpoint, on the real workspace. */
import { BlueDeployment, OnlineDeployment } from '../../src/deployment';
import { resourcesOfType, synthJson, mlResourcesOfType, mlResourceNamed } from '../support/synth';
import { howToStack } from './how-to-stack';
import { howToDeployment, trafficUpdate } from './helpers';

const DEPLOYMENTS = 'workspaces/onlineEndpoints/deployments';

function blueGreen() {
  const { stack, endpoint } = howToStack();
  new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment(), allTraffic: false });
  const green = new OnlineDeployment(stack, 'Green', { endpoint, ...howToDeployment() });
  // Azure ML mirrors only to a deployment without live traffic (SE206).
  endpoint.routeTraffic({ blue: 100, green: 0 });
  endpoint.mirrorTraffic(green, 10);
  return synthJson(stack);
}

describe('dependency graph', () => {
  const json = blueGreen();
  // The provisioning is the action on the workspace itself (the endpoint has its own destroy-time action).
  const provisioning = mlResourcesOfType(json, 'workspaces', 'azapi_resource_action').map(
    ([n]) => `azapi_resource_action.${n}`,
  );
  const address = (type: string, name: string) => `${type}.${name}`;

  test.each(['blue', 'green'])(
    'deployment %s waits for managed-network provisioning and the image-build compute',
    (name) => {
      const deps = mlResourceNamed(json, DEPLOYMENTS, name).depends_on ?? [];
      expect(provisioning).toHaveLength(1);
      expect(deps).toContain(provisioning[0]);
      const compute = mlResourcesOfType(json, 'workspaces/computes')[0][0];
      expect(deps).toContain(address('azapi_resource', compute));
    },
  );

  test.each(['blue', 'green'])(
    'deployment %s waits for its own model, code and environment versions',
    (name) => {
      const deployment = mlResourceNamed(json, DEPLOYMENTS, name);
      for (const kind of ['models', 'codes', 'environments']) {
        // Default asset names are `<endpoint>-<deployment>-<kind>`: the container names the deployment.
        const versions = mlResourcesOfType(json, `workspaces/${kind}/versions`).filter(([n]) =>
          n.includes(`-endpt-moe-1-${name}-`),
        );
        expect(versions).toHaveLength(1);
        expect(deployment.depends_on).toContain(address('azapi_resource', versions[0][0]));
      }
    },
  );

  test('every image-build rule is waited for by the provisioning and by the deployments', () => {
    const rules = mlResourcesOfType(json, 'workspaces/outboundRules').filter(([, r]) =>
      String(r.name).startsWith('image-build-'),
    );
    expect(rules).toHaveLength(5);
    const action = mlResourcesOfType(json, 'workspaces', 'azapi_resource_action')[0][1];
    for (const [rule] of rules) {
      expect(action.depends_on).toContain(address('azapi_resource', rule));
      expect(mlResourceNamed(json, DEPLOYMENTS, 'blue').depends_on).toContain(
        address('azapi_resource', rule),
      );
    }
  });

  test('asset versions wait for their uploaded blobs', () => {
    const blobs = Object.keys(resourcesOfType(json, 'azurerm_storage_blob'));
    for (const kind of ['models', 'codes']) {
      for (const [, version] of mlResourcesOfType(json, `workspaces/${kind}/versions`)) {
        const deps = version.depends_on ?? [];
        expect(deps.length).toBeGreaterThan(0);
        for (const dep of deps) expect(blobs.map((b) => address('azurerm_storage_blob', b))).toContain(dep);
      }
    }
  });

  test('deployments and the traffic update of one endpoint hold the endpoint lock (one operation at a time)', () => {
    const lock = ['${azapi_resource.Endpoint_EEF1FD8F.id}'];
    for (const name of ['blue', 'green'])
      expect(mlResourceNamed(json, DEPLOYMENTS, name).locks).toEqual(lock);
    expect(trafficUpdate(json).locks).toEqual(lock);
  });

  test('the traffic update waits for every deployment it names', () => {
    const update = trafficUpdate(json);
    expect(update.body).toEqual({
      properties: { traffic: { blue: 100, green: 0 }, mirrorTraffic: { green: 10 } },
    });
    for (const name of ['blue', 'green'])
      expect(update.depends_on).toContain(mlResourceNamed(json, DEPLOYMENTS, name).address);
  });

  test("nothing in the endpoint's body references a deployment; its traffic is the live traffic, read by id", () => {
    const endpoint = mlResourceNamed(json, 'workspaces/onlineEndpoints', 'endpt-moe-1');
    const text = JSON.stringify(endpoint);
    expect(text).not.toMatch(/Blue|Green|blue|green/);
    const live = 'data.azapi_resource.Endpoint_LiveTraffic_415C1BD4';
    expect(endpoint.body).toEqual({
      properties: {
        authMode: 'Key',
        publicNetworkAccess: 'Disabled',
        traffic: `\${merge({}, try(${live}.output.traffic, {}))}`,
        mirrorTraffic: `\${merge({}, try(${live}.output.mirrorTraffic, {}))}`,
      },
    });
    expect(endpoint.depends_on).toBeUndefined();
    // The read does not reference the endpoint resource (that would defer it to apply time, and be a cycle).
    expect(json.data?.azapi_resource?.Endpoint_LiveTraffic_415C1BD4).toMatchObject({
      resource_id: '${azapi_resource.Workspace_2F8C78CC.id}/onlineEndpoints/endpt-moe-1',
      ignore_not_found: true,
    });
  });
});
