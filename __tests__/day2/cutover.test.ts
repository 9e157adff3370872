/**
 * A blue-to-green cutover, as two successive syntheses of one stack: blue and green at 90/10, then green alone
 * at 100 %. Between the two, only blue, its own resources and the endpoint's traffic may change: every shared
 * resource (workspace, uploads, shared asset versions, image-build rules, the endpoint) keeps its Terraform
 * address and its body, so the second apply deletes blue and re-routes traffic, and nothing else.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BlueDeployment, Model, OnlineDeployment, OnlineDeploymentOptions } from '../../src/deployment';
import { howToDeployment, trafficUpdate } from '../endpoint/helpers';
import { howToStack } from '../endpoint/how-to-stack';
import { byAddress, SynthesizedStack, synthJson, mlResourceNamed } from '../support/synth';

interface Cutover {
  /** Addresses only in the blue+green synthesis. */
  readonly removed: string[];
  /** Addresses only in the green-only synthesis. */
  readonly added: string[];
  /** Addresses in both whose body changed. */
  readonly changed: string[];
  readonly before: SynthesizedStack;
}

function cutover(blue: OnlineDeploymentOptions, green: OnlineDeploymentOptions): Cutover {
  const synth = (withBlue: boolean): SynthesizedStack => {
    const { stack, endpoint } = howToStack();
    if (withBlue) new BlueDeployment(stack, 'Blue', { endpoint, ...blue, allTraffic: false });
    new OnlineDeployment(stack, 'Green', { endpoint, ...green });
    endpoint.routeTraffic(withBlue ? { blue: 90, green: 10 } : { green: 100 });
    return synthJson(stack);
  };
  const before = synth(true);
  // Resources only (data sources are reads, not what an apply adds or removes), each as its JSON text.
  const [a, b] = [before, synth(false)].map(
    (json) =>
      new Map(
        [...byAddress(json)].filter(([k]) => !k.startsWith('data.')).map(([k, v]) => [k, JSON.stringify(v)]),
      ),
  );
  return {
    removed: [...a.keys()].filter((k) => !b.has(k)).sort(),
    added: [...b.keys()].filter((k) => !a.has(k)).sort(),
    changed: [...a.keys()].filter((k) => b.has(k) && a.get(k) !== b.get(k)).sort(),
    before,
  };
}

const TRAFFIC = [
  expect.stringMatching(/^azapi_resource_action\.Endpoint_TrafficResetOnDestroy_/),
  expect.stringMatching(/^azapi_resource_action\.Endpoint_Traffic_/),
  // The maps the writer runs on: replaced, so the writer runs again (and only then).
  expect.stringMatching(/^terraform_data\.Endpoint_TrafficMaps_/),
];

describe('blue-to-green cutover', () => {
  test('same files, default asset names: blue, its trigger and its own containers and versions go', () => {
    const result = cutover(howToDeployment(), { ...howToDeployment(), instanceType: 'Standard_F4s_v2' });
    expect(result.added).toEqual([]);
    expect(result.changed).toEqual(TRAFFIC);
    expect(result.removed).toEqual([
      expect.stringMatching(/^azapi_resource\.Blue_[0-9A-F]{8}$/),
      expect.stringMatching(/^azapi_resource\.Workspace_Assets_Container-codes-endpt-moe-1-blue-code_/),
      expect.stringMatching(/^azapi_resource\.Workspace_Assets_Container-environments-endpt-moe-1-blue-env_/),
      expect.stringMatching(/^azapi_resource\.Workspace_Assets_Container-models-endpt-moe-1-blue-model_/),
      expect.stringMatching(/^azapi_resource\.Workspace_Assets_Version-codes-endpt-moe-1-blue-code-/),
      expect.stringMatching(/^azapi_resource\.Workspace_Assets_Version-environments-endpt-moe-1-blue-env-/),
      expect.stringMatching(/^azapi_resource\.Workspace_Assets_Version-models-endpt-moe-1-blue-model-/),
      expect.stringMatching(/^azapi_resource_action\.Blue_CreateOnlyChange_Create_/),
      expect.stringMatching(/^azapi_resource_action\.Blue_CreateOnlyChange_Delete_/),
      expect.stringMatching(/^terraform_data\.Blue_CreateOnlyProperties_/),
    ]);
    // The uploads green shares with blue stay where they were.
    const blobs = Object.keys(result.before.resource?.azurerm_storage_blob ?? {});
    expect(blobs.length).toBeGreaterThan(0);
    for (const blob of blobs) expect(result.removed).not.toContain(`azurerm_storage_blob.${blob}`);
  });

  test('one named model, new content for green: blue leaves its version, the container and upload stay', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-'));
    try {
      fs.mkdirSync(path.join(dir, 'model'));
      fs.writeFileSync(path.join(dir, 'model', 'weights.bin'), 'model-2');
      const named = (modelPath: string): OnlineDeploymentOptions => ({
        ...howToDeployment(),
        model: Model.fromLocalPath(modelPath, { name: 'sample-model' }),
      });
      const result = cutover(named('examples/model-1/model'), named(path.join(dir, 'model')));
      expect(result.added).toEqual([]);
      expect(result.changed).toEqual(TRAFFIC);
      const removed = result.removed.filter((a) => a.includes('-models-'));
      // Blue's model version and its upload go; the shared container stays.
      expect(removed).toEqual([
        expect.stringMatching(/^azapi_resource\.Workspace_Assets_Version-models-sample-model-[0-9a-f]{16}_/),
        expect.stringMatching(/^azurerm_storage_blob\.Workspace_Assets_Upload-models-[0-9a-f]{16}-model_/),
      ]);
      expect(result.removed.every((a) => !a.includes('Container-models-sample-model'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the traffic writer no longer waits for blue and runs again only for its maps; blue goes after it', () => {
    const { stack, endpoint } = howToStack();
    new OnlineDeployment(stack, 'Green', { endpoint, ...howToDeployment() });
    endpoint.routeTraffic({ green: 100 });
    const json = synthJson(stack);
    const update = trafficUpdate(json);
    // The whole map: the live traffic becomes exactly this, with no key left of blue.
    expect(update.body).toEqual({ properties: { traffic: { green: 100 }, mirrorTraffic: {} } });
    expect(update.method).toBe('PUT');
    expect((update.depends_on ?? []).every((d) => !d.includes('Blue'))).toBe(true);
    // Replaced (run again) when its maps change, the new one before the old goes, so before blue goes.
    expect(update.lifecycle).toEqual({
      create_before_destroy: true,
      ignore_changes: ['body', 'type'],
      replace_triggered_by: [expect.stringMatching(/^terraform_data\.Endpoint_TrafficMaps_[0-9A-F]{8}$/)],
    });
    // What lets Terraform write the traffic before it deletes a removed deployment.
    expect(mlResourceNamed(json, 'workspaces/onlineEndpoints/deployments', 'green').lifecycle).toEqual({
      create_before_destroy: true,
    });
  });
});
