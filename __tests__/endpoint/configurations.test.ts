/**
 * One snapshot per documented endpoint/deployment configuration (docs/endpoint.md, docs/deployment.md, listed in
 * ./configurations.ts), built on the real ManagedVnetWorkspace. Every azapi body in them is checked against
 * the azapi provider's embedded types; the traffic update (which azapi never checks) is checked merged into the
 * endpoint body it updates.
 */
import { TerraformStack } from 'cdktf';
import { expectConformingBodies, validateBody } from '../support/conformance';
import { SynthesizedStack, synthJson, synthString, testStack, mlResourceNamed } from '../support/synth';
import { ENDPOINT_CONFIGURATIONS } from './configurations';
import { trafficUpdate } from './helpers';

function expectTrafficUpdateConforms(json: SynthesizedStack): void {
  const endpoint = mlResourceNamed(json, 'workspaces/onlineEndpoints', 'endpt-moe-1');
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
  test.each(ENDPOINT_CONFIGURATIONS.map((c) => [c.title, c] as const))('%s', (_title, configuration) => {
    const stack = testStack();
    configuration.build(stack);
    expectSnapshotAndConformance(stack);
  });
});
