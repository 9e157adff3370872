/**
 * Properties Azure sets only at creation (the instance type, the legacy egress flag) and everything else, which
 * Azure rolls in place. A create-only change never replaces the deployment through Terraform: the deployment's
 * guard reads the live deployment and traffic at plan time, refuses the change while the deployment serves, and
 * otherwise deletes and creates it again itself. `npm run test:rollout` applies these on live state.
 */
import { BlueDeployment, EgressPublicNetworkAccess, OnlineDeploymentOptions } from '../../src/deployment';
import { CodeConfiguration } from '../../src/deployment';
import { howToDeployment, trafficUpdate } from '../endpoint/helpers';
import { howToStack } from '../endpoint/how-to-stack';
import {
  onlyResource,
  resourcesOfType,
  SynthesizedStack,
  synthJson,
  mlResourceNamed,
} from '../support/synth';

const DEPLOYMENTS = 'workspaces/onlineEndpoints/deployments';

function synth(options: Partial<OnlineDeploymentOptions> = {}, green = false): SynthesizedStack {
  const { stack, endpoint } = howToStack();
  new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment(), ...options });
  if (green) {
    endpoint.addDeployment('Green', howToDeployment());
    endpoint.routeTraffic({ blue: 50, green: 50 });
  }
  return synthJson(stack);
}

function trigger(json: SynthesizedStack, prefix = 'Blue_'): [string, Record<string, unknown>] {
  return onlyResource(json, 'terraform_data', prefix);
}

type Action = Record<string, unknown> & { lifecycle: Record<string, unknown>; depends_on?: string[] };

function guard(json: SynthesizedStack, step: 'Delete' | 'Create'): [string, Action] {
  return onlyResource(json, 'azapi_resource_action', `Blue_CreateOnlyChange_${step}_`) as [string, Action];
}

describe('create-only deployment properties', () => {
  test('the trigger holds exactly the create-only values; the deployment is never replaced by Terraform', () => {
    const json = synth({ egressPublicNetworkAccess: EgressPublicNetworkAccess.DISABLED });
    const [, data] = trigger(json);
    expect(data.triggers_replace).toEqual({
      instanceType: 'Standard_DS3_v2',
      egressPublicNetworkAccess: 'Disabled',
    });
    // create_before_destroy: removed from the code, it is deleted after the traffic writer moved its traffic.
    expect(mlResourceNamed(json, DEPLOYMENTS, 'blue').lifecycle).toEqual({ create_before_destroy: true });
  });

  test.each([
    ['instanceType', { instanceType: 'Standard_F4s_v2' }],
    ['egressPublicNetworkAccess', { egressPublicNetworkAccess: EgressPublicNetworkAccess.DISABLED }],
  ])('changing %s changes the trigger (the guard runs again)', (_what, change) => {
    expect(trigger(synth(change))[1].triggers_replace).not.toEqual(trigger(synth())[1].triggers_replace);
  });

  test.each([
    ['instanceCount', { instanceCount: 3 }],
    ['environmentVariables', { environmentVariables: { A: 'b' } }],
    ['requestSettings', { requestSettings: { requestTimeoutMs: 10_000 } }],
    ['appInsightsEnabled', { appInsightsEnabled: true }],
    [
      'code content',
      { code: CodeConfiguration.fromLocalPath('__tests__/fixtures/model-1-v2/onlinescoring', 'score.py') },
    ],
  ])('changing %s leaves the trigger alone (an update in place, rolled by Azure)', (_what, change) => {
    const [name, before] = trigger(synth());
    const [nameAfter, after] = trigger(synth(change));
    expect(nameAfter).toBe(name);
    expect(after).toEqual(before);
  });

  test('the guard deletes only a live deployment that differs, and refuses while it takes traffic', () => {
    const json = synth();
    const [, remove] = guard(json, 'Delete');
    const [createName, create] = guard(json, 'Create');
    const live = (name: string): string =>
      Object.keys(json.data?.azapi_resource ?? {}).find((k) =>
        k.startsWith(`Blue_CreateOnlyChange_${name}_`),
      ) ?? '';
    const deployment = `data.azapi_resource.${live('LiveDeployment')}`;
    const traffic = `data.azapi_resource.${live('LiveTraffic')}`;
    const recreate = `(${deployment}.exists && (try(lower(${deployment}.output.instanceType), "") != lower("Standard_DS3_v2")))`;
    expect(remove.method).toBe(`\${${recreate} ? "DELETE" : "GET"}`);
    expect(create.method).toBe(`\${${recreate} ? "PUT" : "GET"}`);
    // Created anew with the deployment's whole request, after the delete.
    const blue = mlResourceNamed(json, DEPLOYMENTS, 'blue');
    expect(create.body).toEqual({ ...(blue.body as object), location: blue.location });
    expect(create.depends_on).toEqual([`azapi_resource_action.${guard(json, 'Delete')[0]}`]);
    expect(blue.depends_on).toContain(`azapi_resource_action.${createName}`);
    for (const action of [remove, create]) {
      expect(action.ignore_not_found).toBe(true);
      expect(action.lifecycle.ignore_changes).toEqual(['method', 'body', 'type']);
      expect(action.lifecycle.replace_triggered_by).toEqual([`terraform_data.${trigger(json)[0]}`]);
    }
    const [precondition] = remove.lifecycle.precondition as { condition: string; error_message: string }[];
    expect(precondition.condition).toBe(
      `\${!(${recreate} && (try(${traffic}.output.traffic["blue"], 0) > 0 || ` +
        `try(${traffic}.output.mirrorTraffic["blue"], 0) > 0))}`,
    );
    expect(precondition.error_message).toMatch(
      /^deployment 'blue' of endpoint 'endpt-moe-1' takes live or mirrored traffic .* its instanceType changes from '\$\{try\(data\.azapi_resource\.\w+\.output\.instanceType, ""\)\}' to 'Standard_DS3_v2'.* Nothing was changed\. Add a new deployment with the new instanceType/,
    );
    // The reads run at plan time: by the id built from the workspace, not a reference to the endpoint resource.
    for (const name of ['LiveDeployment', 'LiveTraffic']) {
      const read = json.data?.azapi_resource?.[live(name)] as Record<string, unknown>;
      expect(read.ignore_not_found).toBe(true);
      expect(read.resource_id).toMatch(
        /^\$\{azapi_resource\.Workspace_2F8C78CC\.id\}\/onlineEndpoints\/endpt-moe-1/,
      );
    }
  });

  test('the egress flag is compared only when it is set', () => {
    const [, without] = guard(synth(), 'Delete');
    const [, withFlag] = guard(
      synth({ egressPublicNetworkAccess: EgressPublicNetworkAccess.DISABLED }),
      'Delete',
    );
    expect(String(without.method)).not.toMatch(/egressPublicNetworkAccess/);
    expect(String(withFlag.method)).toMatch(
      /lower\(data\.azapi_resource\.\w+\.output\.egressPublicNetworkAccess\), ""\) != lower\("Disabled"\)/,
    );
  });

  test('the traffic writer and the destroy-time reset are never replaced with a deployment', () => {
    const json = synth({}, true);
    // Replaced by its maps only (see the traffic tests), never by a deployment's create-only change.
    const lifecycle = trafficUpdate(json).lifecycle as { replace_triggered_by?: string[] } | undefined;
    expect(lifecycle?.replace_triggered_by).toEqual([
      expect.stringMatching(/^terraform_data\.Endpoint_TrafficMaps_[0-9A-F]{8}$/),
    ]);
    const reset = Object.values(resourcesOfType(json, 'azapi_resource_action')).filter(
      (r) => r.when === 'destroy',
    );
    expect(reset).toHaveLength(1);
    // azapi cannot update a destroy-time action: it keeps the request it was created with, and its api-version.
    expect(reset[0].lifecycle).toEqual({ ignore_changes: ['body', 'type'] });
  });
});
