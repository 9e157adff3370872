/**
 * One snapshot per documented workspace configuration (docs/workspace.md, listed in ./configurations.ts).
 * Every azapi body in them is checked against the azapi provider's embedded types for its api-version.
 */
import { TerraformStack } from 'cdktf';
import { expectConformingBodies } from '../support/conformance';
import { synthJson, synthString, testStack } from '../support/synth';
import { WORKSPACE_CONFIGURATIONS } from './configurations';

function expectSnapshotAndConformance(stack: TerraformStack): void {
  expect(synthString(stack)).toMatchSnapshot();
  expectConformingBodies(synthJson(stack));
}

describe('documented workspace configurations', () => {
  test.each(WORKSPACE_CONFIGURATIONS.map((c) => [c.title, c] as const))('%s', (_title, configuration) => {
    const stack = testStack();
    configuration.build(stack);
    expectSnapshotAndConformance(stack);
  });
});
