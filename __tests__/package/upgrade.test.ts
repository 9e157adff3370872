/**
 * An upgrade keeps every resource of a live stack: each Terraform address the last release's how-to stack had
 * (`__tests__/fixtures/last-release/single`) is in this release's how-to stack, with the same resource type, so the
 * next apply updates it in place or leaves it alone, and never deletes or recreates it under another name.
 * `npm run test:rollout` (sequence `upgrade-from-last-release`) applies both on one state.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { readHowToConfig, SecureEndpointHowToStack } from '../../main';
import { SynthesizedStack } from '../support/synth';

const FIXTURE = path.join(
  __dirname,
  '..',
  'fixtures',
  'last-release',
  'single',
  'secure-endpoint',
  'cdk.tf.json',
);

/** `type.name` of every resource and data source (`data.type.name`) of a synthesized stack. */
function addresses(json: SynthesizedStack): string[] {
  const of = (section: Record<string, Record<string, unknown>> | undefined, prefix: string): string[] =>
    Object.entries(section ?? {}).flatMap(([type, items]) =>
      Object.keys(items).map((n) => `${prefix}${type}.${n}`),
    );
  return [...of(json.resource, ''), ...of(json.data, 'data.')].sort();
}

test("every address of the last release's how-to stack is in this release's", () => {
  const last = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as SynthesizedStack;
  const app = Testing.app();
  const stack = new SecureEndpointHowToStack(app, 'secure-endpoint', readHowToConfig(app, {}));
  const current = new Set(addresses(JSON.parse(Testing.synth(stack, true)) as SynthesizedStack));
  const before = addresses(last);
  expect(before.length).toBeGreaterThan(30);
  expect(before.filter((address) => !current.has(address))).toEqual([]);
});
