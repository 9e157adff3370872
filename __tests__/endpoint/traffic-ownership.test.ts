/**
 * Traffic as ARM reads it: deployment names without case, deployment objects of this endpoint only, shares of
 * deployments made elsewhere named with `keep`, keys that are known at synth.
 */
import { Fn, TerraformVariable } from 'cdktf';
import { BlueDeployment, OnlineDeployment } from '../../src/deployment';
import { SecureOnlineEndpoint } from '../../src/endpoint';
import { FakeWorkspace } from '../support/fake-workspace';
import { mlResourcesOfType, reported, synthJson, testStack } from '../support/synth';
import { endpointOn, howToDeployment, trafficUpdate } from './helpers';

describe('traffic names and owners', () => {
  test('SE212 two deployments whose names differ only in case are refused; two names pass', () => {
    const build = (second: string) => () => {
      const stack = testStack();
      const { endpoint } = endpointOn(stack);
      new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
      new OnlineDeployment(stack, 'Second', { endpoint, ...howToDeployment(), deploymentName: second });
      return stack;
    };
    expect(
      reported((s) => {
        const { endpoint } = endpointOn(s);
        new BlueDeployment(s, 'Blue', { endpoint, ...howToDeployment() });
        new OnlineDeployment(s, 'Second', { endpoint, ...howToDeployment(), deploymentName: 'BLUE' });
      }),
    ).toEqual([
      expect.stringMatching(/\[SE212\] test\/Second: deployment name 'BLUE' is used twice .*'blue'/),
    ]);
    expect(() => synthJson(build('green')())).not.toThrow();
  });

  test('traffic naming a deployment in another case is one deployment (ARM compares without case)', () => {
    expect(
      reported((s) => {
        const { endpoint } = endpointOn(s);
        new BlueDeployment(s, 'Blue', { endpoint, ...howToDeployment() });
        endpoint.routeTraffic({ Blue: 100 });
      }),
    ).toEqual([]);
  });

  test('SE451 a split naming one deployment twice in two cases is refused; one key passes', () => {
    const split = (traffic: Record<string, number>) => (s: ReturnType<typeof testStack>) => {
      const { endpoint } = endpointOn(s);
      new BlueDeployment(s, 'Blue', { endpoint, ...howToDeployment() });
      endpoint.routeTraffic(traffic);
    };
    expect(reported(split({ blue: 50, BLUE: 50 }))).toEqual([
      expect.stringMatching(
        /\[SE451\] test\/Endpoint: traffic names deployment 'BLUE' twice \('blue' and 'BLUE'\)/,
      ),
    ]);
    expect(reported(split({ blue: 100 }))).toEqual([]);
  });

  test('SE452 mirrorTraffic given a deployment of another endpoint is refused with both paths; its own passes', () => {
    const build = (other: boolean) => (s: ReturnType<typeof testStack>) => {
      const { ws, endpoint } = endpointOn(s);
      new BlueDeployment(s, 'Blue', { endpoint, ...howToDeployment() });
      const green = new OnlineDeployment(s, 'Green', { endpoint, ...howToDeployment() });
      const second = new SecureOnlineEndpoint(s, 'Second', { workspace: ws, endpointName: 'endpt-moe-2' });
      const theirs = new OnlineDeployment(s, 'TheirGreen', {
        endpoint: second,
        ...howToDeployment(),
        deploymentName: 'green',
      });
      endpoint.mirrorTraffic(other ? theirs : green, 10);
    };
    expect(reported(build(true))).toEqual([
      expect.stringMatching(
        /\[SE452\] test\/Endpoint: mirrorTraffic was given deployment test\/TheirGreen \('green'\), which is not a deployment of endpoint test\/Endpoint/,
      ),
    ]);
    expect(reported(build(false))).toEqual([]);
  });

  test('a variable as a key of the traffic map is refused (SE006) naming the prop; literal keys with expression shares pass', () => {
    expect(
      reported((s) => {
        const { endpoint } = endpointOn(s);
        new BlueDeployment(s, 'Blue', { endpoint, ...howToDeployment() });
        const name = new TerraformVariable(s, 'name', { type: 'string' });
        endpoint.routeTraffic({ [name.stringValue]: 100 });
      }),
    ).toEqual([
      expect.stringMatching(/\[SE006\] test\/Endpoint: a key of split is a Terraform text expression/),
    ]);
    expect(
      reported((s) => {
        const { endpoint } = endpointOn(s);
        new BlueDeployment(s, 'Blue', { endpoint, ...howToDeployment() });
        const share = new TerraformVariable(s, 'share', { type: 'number' });
        endpoint.routeTraffic({ blue: share.numberValue });
      }),
    ).toEqual([]);
  });
});

describe('traffic on an endpoint made elsewhere', () => {
  const imported = (s: ReturnType<typeof testStack>) =>
    SecureOnlineEndpoint.fromEndpointAttributes(s, 'Endpoint', {
      workspace: new FakeWorkspace(s, 'Workspace'),
      endpointName: 'endpt-shared',
    });

  test("a canary next to the platform team's blue: keep names its share, the update writes both", () => {
    const stack = testStack();
    const endpoint = imported(stack);
    new OnlineDeployment(stack, 'Green', { endpoint, ...howToDeployment() });
    endpoint.routeTraffic({ green: 10 }, { keep: { blue: 90 } });
    const json = synthJson(stack);
    const [[, traffic]] = mlResourcesOfType(json, 'workspaces/onlineEndpoints', 'azapi_update_resource');
    expect(traffic.body).toEqual({ properties: { traffic: { blue: 90, green: 10 }, mirrorTraffic: {} } });
  });

  test('without keep, a deployment made elsewhere is not known (SE204, and the message says how)', () => {
    expect(
      reported((s) => {
        const endpoint = imported(s);
        new OnlineDeployment(s, 'Green', { endpoint, ...howToDeployment() });
        endpoint.routeTraffic({ blue: 90, green: 10 });
      }),
    ).toEqual([expect.stringMatching(/\[SE204\].*'blue'.*keep: \{ blue: <percent> \}/)]);
  });

  test('the kept shares count in the sum (SE203) and a kept name that is a deployment of this stack is refused (SE453)', () => {
    expect(
      reported((s) => {
        const endpoint = imported(s);
        new OnlineDeployment(s, 'Green', { endpoint, ...howToDeployment() });
        endpoint.routeTraffic({ green: 10 }, { keep: { blue: 80 } });
      }),
    ).toEqual([expect.stringMatching(/\[SE203\].*sums to 90/)]);
    expect(
      reported((s) => {
        const endpoint = imported(s);
        new OnlineDeployment(s, 'Green', { endpoint, ...howToDeployment() });
        endpoint.routeTraffic({ green: 10 }, { keep: { Green: 90 } });
      }),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /\[SE453\] test\/Endpoint: routeTraffic keeps 'Green', which is deployment test\/Green/,
        ),
      ]),
    );
  });

  test('the created endpoint writes kept shares too (its PUT carries the whole map)', () => {
    const stack = testStack();
    const { endpoint } = endpointOn(stack);
    new OnlineDeployment(stack, 'Green', { endpoint, ...howToDeployment() });
    endpoint.routeTraffic({ green: 10 }, { keep: { blue: 90 } });
    expect(trafficUpdate(synthJson(stack)).body).toEqual({
      properties: { traffic: { blue: 90, green: 10 }, mirrorTraffic: {} },
    });
  });
});

describe('tokens where a reader did not look', () => {
  test('SE450 a list element taken with [i] as a name is refused naming the prop; Fn.element passes', () => {
    const build = (element: boolean) => (s: ReturnType<typeof testStack>) => {
      const names = new TerraformVariable(s, 'names', { type: 'list(string)' });
      endpointOn(
        s,
        {},
        {
          endpointName: element ? names.listValue[0] : (Fn.element(names.listValue, 0) as string),
        },
      );
    };
    // The name is required: nothing can be built without it, so the constructor stops with the problem.
    expect(() => reported(build(true))).toThrow(
      /\[SE450\] test\/Endpoint: endpointName is an element of a Terraform list taken with \[i\].*Fn\.element/,
    );
    expect(reported(build(false))).toEqual([]);
  });

  test('a token in a message is shown as the expression the user wrote, not as a stand-in', () => {
    const messages = reported((s) => {
      const { endpoint } = endpointOn(s);
      new BlueDeployment(s, 'Blue', { endpoint, ...howToDeployment() });
      new OnlineDeployment(s, 'Green', { endpoint, ...howToDeployment() });
      const share = new TerraformVariable(s, 'share', { type: 'number' });
      endpoint.routeTraffic({ blue: share.numberValue, green: 0 });
      endpoint.mirrorTrafficByName('blue', 10);
    });
    expect(messages).toEqual([expect.stringMatching(/\[SE206\].*'blue', which takes \$\{var\.share\} %/)]);
    expect(messages.join('\n')).not.toMatch(/TfToken|e\+\d{3}/);
  });
});
