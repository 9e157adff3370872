/**
 * Properties Azure sets only at creation replace the deployment, and the replacement takes the endpoint's
 * traffic with it (Azure refuses to delete a deployment that still takes traffic). Everything else is an
 * in-place update.
 */
import { BlueDeployment, EgressPublicNetworkAccess, OnlineDeploymentOptions } from '../../src/deployment';
import { howToDeployment, named } from '../endpoint/helpers';
import { howToStack } from '../endpoint/how-to-stack';
import { resourcesOfType, SynthesizedStack, synthJson } from '../support/synth';

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
  const found = Object.entries(resourcesOfType(json, 'terraform_data')).filter(([n]) => n.startsWith(prefix));
  expect(found).toHaveLength(1);
  return found[0];
}

describe('create-only deployment properties', () => {
  test('the trigger holds exactly the create-only values, and the deployment is replaced with it', () => {
    const json = synth({ egressPublicNetworkAccess: EgressPublicNetworkAccess.DISABLED });
    const [name, data] = trigger(json);
    const body = named(json, DEPLOYMENTS, 'blue').body as { properties: Record<string, unknown> };
    expect(data.triggers_replace).toEqual({
      instanceType: 'Standard_DS3_v2',
      codeId: (body.properties.codeConfiguration as { codeId: string }).codeId,
      scoringScript: 'score.py',
      egressPublicNetworkAccess: 'Disabled',
    });
    expect(data.input).toBeUndefined();
    expect(named(json, DEPLOYMENTS, 'blue').lifecycle).toEqual({
      replace_triggered_by: [`terraform_data.${name}`],
    });
  });

  test.each([
    ['instanceType', { instanceType: 'Standard_F4s_v2' }],
    ['egressPublicNetworkAccess', { egressPublicNetworkAccess: EgressPublicNetworkAccess.DISABLED }],
  ])('changing %s changes the trigger (a replacement)', (_what, change) => {
    expect(trigger(synth(change))[1].triggers_replace).not.toEqual(trigger(synth())[1].triggers_replace);
  });

  test.each([
    ['instanceCount', { instanceCount: 3 }],
    ['environmentVariables', { environmentVariables: { A: 'b' } }],
    ['requestSettings', { requestSettings: { requestTimeoutMs: 10_000 } }],
    ['appInsightsEnabled', { appInsightsEnabled: true }],
  ])('changing %s leaves the trigger alone (an update in place)', (_what, change) => {
    const [name, before] = trigger(synth());
    const [nameAfter, after] = trigger(synth(change));
    expect(nameAfter).toBe(name);
    expect(after).toEqual(before);
  });

  test('the traffic update and the destroy-time reset are replaced with any deployment', () => {
    const json = synth({}, true);
    const triggers = ['Blue_', 'Endpoint_Green_'].map((p) => `terraform_data.${trigger(json, p)[0]}`);
    const update = Object.values(resourcesOfType(json, 'azapi_update_resource'))[0];
    const reset = Object.values(resourcesOfType(json, 'azapi_resource_action')).filter(
      (r) => r.when === 'destroy',
    );
    expect(reset).toHaveLength(1);
    for (const resource of [update, reset[0]]) {
      expect(resource.lifecycle).toEqual({ replace_triggered_by: triggers });
    }
  });
});
