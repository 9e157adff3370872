import { Testing, TerraformVariable } from 'cdktf';
import { BlueDeployment, OnlineDeployment } from '../../src/deployment';
import { validated, synthJson, synthString, synthWith, testStack, mlResourceNamed } from '../support/synth';
import { validateBody } from '../support/conformance';
import { endpointOn, howTo, howToDeployment, trafficUpdate } from './helpers';

const ENDPOINT_TYPE = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2026-05-15-preview';

/** Endpoint with blue (all traffic by default) and green (no traffic by default). */
function blueGreen(
  configure: (e: ReturnType<typeof endpointOn>['endpoint'], green: OnlineDeployment) => void,
) {
  const stack = testStack();
  const { endpoint } = endpointOn(stack);
  new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
  const green = new OnlineDeployment(stack, 'Green', { endpoint, ...howToDeployment() });
  configure(endpoint, green);
  return stack;
}

describe('endpoint traffic', () => {
  test('the how-to: one update after blue sets 100 % to blue', () => {
    const json = synthWith((s) => howTo(s));
    const update = trafficUpdate(json);
    const blue = mlResourceNamed(json, 'workspaces/onlineEndpoints/deployments', 'blue');
    expect(update).toMatchObject({
      type: ENDPOINT_TYPE,
      resource_id: '${azapi_resource.Endpoint_EEF1FD8F.id}',
      body: { properties: { traffic: { blue: 100 }, mirrorTraffic: {} } },
    });
    expect(update.depends_on).toEqual([blue.address]);
  });

  test('before a destroy deletes the deployments, the endpoint is sent back with no traffic', () => {
    const json = synthJson(blueGreen((endpoint) => endpoint.routeTraffic({ blue: 100, green: 0 })));
    const resets = Object.entries(json.resource?.azapi_resource_action ?? {}).filter(([name]) =>
      name.includes('TrafficResetOnDestroy'),
    );
    expect(resets).toHaveLength(1);
    const [, reset] = resets[0] as [string, Record<string, unknown>];
    const blue = mlResourceNamed(json, 'workspaces/onlineEndpoints/deployments', 'blue');
    const green = mlResourceNamed(json, 'workspaces/onlineEndpoints/deployments', 'green');
    const endpoint = mlResourceNamed(json, 'workspaces/onlineEndpoints', 'endpt-moe-1');
    expect(reset).toMatchObject({
      type: ENDPOINT_TYPE,
      resource_id: '${azapi_resource.Endpoint_EEF1FD8F.id}',
      method: 'PUT',
      when: 'destroy',
      locks: ['${azapi_resource.Endpoint_EEF1FD8F.id}'],
      depends_on: [blue.address, green.address],
    });
    // What the endpoint's PUT requires (a PUT replaces the whole resource), closed, with empty traffic.
    const endpointBody = endpoint.body as { properties: Record<string, unknown> };
    expect(reset.body).toEqual({
      location: endpoint.location,
      identity: { type: 'SystemAssigned' },
      properties: {
        authMode: endpointBody.properties.authMode,
        publicNetworkAccess: 'Disabled',
        traffic: {},
        mirrorTraffic: {},
      },
    });
    expect(validateBody(ENDPOINT_TYPE, reset.body)).toEqual([]);
  });

  test('no deployment: the writer and the reset exist with the endpoint, the writer with empty maps', () => {
    // Removing the last deployment (parking the endpoint) must not remove them: the writer empties the traffic
    // with the current settings, and the reset never runs on an endpoint that stays.
    const json = synthWith((s) => endpointOn(s));
    expect(json.resource?.azapi_update_resource).toBeUndefined();
    expect(trafficUpdate(json).body).toEqual({ properties: { traffic: {}, mirrorTraffic: {} } });
    const actions = Object.keys(json.resource?.azapi_resource_action ?? {});
    expect(actions.filter((name) => name.includes('TrafficResetOnDestroy'))).toHaveLength(1);
    expect(json.resource?.terraform_data).toEqual({
      Endpoint_TrafficMaps_082FDEF2: {
        lifecycle: { create_before_destroy: true },
        triggers_replace: { traffic: {}, mirrorTraffic: {} },
      },
    });
  });

  test('the writer sends the current settings; the reset sends only what a PUT requires, closed', () => {
    const json = synthWith((s) => {
      const { endpoint } = endpointOn(
        s,
        {},
        {
          publicNetworkAccess: true,
          description: 'fraud scoring',
          tags: { team: 'scoring' },
        },
      );
      new BlueDeployment(s, 'Blue', { endpoint, ...howToDeployment() });
    });
    const writer = trafficUpdate(json).request as { properties: Record<string, unknown>; tags?: unknown };
    expect(writer.properties).toMatchObject({ publicNetworkAccess: 'Enabled', description: 'fraud scoring' });
    expect(writer.tags).toEqual({ team: 'scoring' });
    const [reset] = Object.entries(json.resource?.azapi_resource_action ?? {})
      .filter(([name]) => name.includes('TrafficResetOnDestroy'))
      .map(([, r]) => r as { body: Record<string, unknown> });
    // Kept from creation (a destroy-time action cannot be updated), so it holds nothing a user changes, and an
    // endpoint whose deletion then fails is left private and serving nothing.
    expect(reset.body).toEqual({
      location: 'westeurope',
      identity: { type: 'SystemAssigned' },
      properties: { authMode: 'Key', publicNetworkAccess: 'Disabled', traffic: {}, mirrorTraffic: {} },
    });
    expect(validateBody(ENDPOINT_TYPE, reset.body)).toEqual([]);
  });

  test('routeTraffic overrides allTraffic; mirrorTraffic copies to a shadow; the update waits for both', () => {
    const stack = blueGreen((endpoint, green) => {
      endpoint.routeTraffic({ blue: 100, green: 0 });
      endpoint.mirrorTraffic(green, 20);
    });
    const json = synthJson(stack);
    const update = trafficUpdate(json);
    expect(update.body).toEqual({
      properties: { traffic: { blue: 100, green: 0 }, mirrorTraffic: { green: 20 } },
    });
    const blue = mlResourceNamed(json, 'workspaces/onlineEndpoints/deployments', 'blue');
    const green = mlResourceNamed(json, 'workspaces/onlineEndpoints/deployments', 'green');
    expect(update.depends_on?.sort()).toEqual([blue.address, green.address].sort());
  });

  test('routeTraffic may come before the deployments it names', () => {
    const stack = testStack();
    const { endpoint } = endpointOn(stack);
    endpoint.routeTraffic({ blue: 100 });
    new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment(), allTraffic: false });
    expect(trafficUpdate(synthJson(stack)).body).toEqual({
      properties: { traffic: { blue: 100 }, mirrorTraffic: {} },
    });
  });

  describe('checks', () => {
    test('SE203 refuses a split that does not sum to 0 or 100; 0 and 100 pass', () => {
      expect(() => synthString(blueGreen((e) => e.routeTraffic({ blue: 80, green: 10 })))).toThrow(
        /\[SE203\].*sums to 90/,
      );
      expect(() => synthString(blueGreen((e) => e.routeTraffic({ blue: 0, green: 0 })))).not.toThrow();
      expect(() => synthString(blueGreen((e) => e.routeTraffic({ blue: 50, green: 50 })))).not.toThrow();
    });

    test('SE204 refuses traffic or mirror naming a deployment the endpoint does not have', () => {
      expect(() => synthString(blueGreen((e) => e.routeTraffic({ blue: 90, red: 10 })))).toThrow(
        /\[SE204\].*'red'/,
      );
      expect(() => synthString(blueGreen((e) => e.mirrorTrafficByName('red', 10)))).toThrow(
        /\[SE204\].*'red'/,
      );
      expect(() => synthString(blueGreen((e) => e.mirrorTrafficByName('green', 10)))).not.toThrow();
    });

    test('SE205 refuses more than 50 % mirrored', () => {
      expect(validated(() => blueGreen((e, g) => e.mirrorTraffic(g, 51)))).toThrow(/\[SE205\]/);
      expect(validated(() => blueGreen((e, g) => e.mirrorTraffic(g, -1)))).toThrow(/\[SE205\]/);
      // 0 % turns mirroring off.
      expect(validated(() => blueGreen((e, g) => e.mirrorTraffic(g, 0)))).not.toThrow();
      expect(validated(() => blueGreen((e, g) => e.mirrorTraffic(g, 50)))).not.toThrow();
    });

    test('SE205 refuses mirrors that sum to more than 50 %', () => {
      const stack = blueGreen((e, g) => {
        new OnlineDeployment(stack0(e), 'Shadow', { endpoint: e, ...howToDeployment() });
        e.mirrorTraffic(g, 30);
        e.mirrorTrafficByName('shadow', 30);
      });
      expect(() => synthString(stack)).toThrow(/\[SE205\].*60 %/);
    });

    test('SE206 refuses mirroring to the deployment that takes 100 %', () => {
      expect(() => synthString(blueGreen((e) => e.mirrorTrafficByName('blue', 10)))).toThrow(
        /\[SE206\].*'blue'/,
      );
      expect(() => synthString(blueGreen((e) => e.mirrorTrafficByName('green', 10)))).not.toThrow();
    });

    test('SE211 refuses two deployments that both ask for all traffic, unless routeTraffic decides', () => {
      const two = (route: boolean) => {
        const stack = testStack();
        const { endpoint } = endpointOn(stack);
        new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
        new OnlineDeployment(stack, 'Green', { endpoint, ...howToDeployment(), allTraffic: true });
        if (route) endpoint.routeTraffic({ blue: 100, green: 0 });
        return stack;
      };
      expect(() => synthString(two(false))).toThrow(/\[SE211\]/);
      expect(() => synthString(two(true))).not.toThrow();
    });

    test('SE212 refuses two deployments with the same name on one endpoint', () => {
      const stack = testStack();
      const { endpoint } = endpointOn(stack);
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
      expect(
        validated(
          () =>
            new OnlineDeployment(stack, 'Blue2', { endpoint, ...howToDeployment(), deploymentName: 'blue' }),
        ),
      ).toThrow(/\[SE212\]/);
      const other = testStack();
      const valid = endpointOn(other).endpoint;
      new BlueDeployment(other, 'Blue', { endpoint: valid, ...howToDeployment() });
      expect(
        validated(() => new OnlineDeployment(other, 'Green', { endpoint: valid, ...howToDeployment() })),
      ).not.toThrow();
    });

    test('SE213 refuses a share that is not a whole percent from 0 to 100', () => {
      expect(validated(() => blueGreen((e) => e.routeTraffic({ blue: 90.5, green: 9.5 })))).toThrow(
        /\[SE213\]/,
      );
      expect(validated(() => blueGreen((e) => e.routeTraffic({ blue: 110, green: -10 })))).toThrow(
        /\[SE213\]/,
      );
      expect(validated(() => blueGreen((e) => e.routeTraffic({ blue: 90, green: 10 })))).not.toThrow();
    });

    test('shares given as Terraform variables are passed on, not refused or summed', () => {
      const stack = blueGreen((e, g) => {
        const blue = new TerraformVariable(stack0(e), 'blue_share', { type: 'number' }).numberValue;
        const mirror = new TerraformVariable(stack0(e), 'mirror_share', { type: 'number' }).numberValue;
        e.routeTraffic({ blue, green: 0 });
        e.mirrorTraffic(g, mirror);
      });
      expect(trafficUpdate(synthJson(stack)).body).toEqual({
        properties: {
          traffic: { blue: '${var.blue_share}', green: 0 },
          mirrorTraffic: { green: '${var.mirror_share}' },
        },
      });
    });

    test('the checks also run as construct validation, as cdktf synth does, with their codes', () => {
      const stack = blueGreen((e) => e.routeTraffic({ blue: 80, green: 10 }));
      expect(validated(() => Testing.synth(stack, true))).toThrow(/\[SE203\]/);
    });
  });
});

/** The stack an endpoint lives in (for adding a third deployment inside a blueGreen callback). */
function stack0(endpoint: ReturnType<typeof endpointOn>['endpoint']) {
  return endpoint.node.scope!;
}
