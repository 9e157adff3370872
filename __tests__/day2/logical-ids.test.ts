/**
 * Construct ids are a public contract: a resource's Terraform address (its logical id) is how the next apply
 * finds it, and a changed address destroys the cloud resource and creates a new one. This test pins every
 * address of the how-to stack (main.ts) and of the blue/green configuration to logical-ids.json.
 *
 * When it fails, read which addresses went and came. Changing one on purpose means updating logical-ids.json
 * (`UPDATE_LOGICAL_IDS=1 npx jest __tests__/day2/logical-ids`) and saying in the commit why users' resources
 * are recreated (or which `moved` block keeps them).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { readHowToConfig, SecureEndpointHowToStack } from '../../main';
import { ENDPOINT_CONFIGURATIONS } from '../endpoint/configurations';
import { SynthesizedStack, synthJson, testStack } from '../support/synth';

const PINNED = path.join(__dirname, 'logical-ids.json');

/** Every resource and data source address of a synthesized stack, sorted. */
function addresses(json: SynthesizedStack): string[] {
  const of = (block: SynthesizedStack['resource'], prefix: string): string[] =>
    Object.entries(block ?? {}).flatMap(([type, byName]) =>
      Object.keys(byName).map((n) => `${prefix}${type}.${n}`),
    );
  return [...of(json.resource, ''), ...of(json.data, 'data.')].sort();
}

function current(): Record<string, string[]> {
  const app = Testing.app({ stackTraces: false, stubVersion: true, enableFutureFlags: true });
  const howTo = new SecureEndpointHowToStack(app, 'secure-endpoint', readHowToConfig(app, {}));
  const blueGreen = ENDPOINT_CONFIGURATIONS.find((c) => c.stackName === 'endpoint-blue-green');
  if (blueGreen === undefined) throw new Error('the blue/green configuration is gone');
  const stack = testStack();
  blueGreen.build(stack);
  return {
    'how-to stack (main.ts)': addresses(JSON.parse(Testing.synth(howTo)) as SynthesizedStack),
    'blue/green configuration': addresses(synthJson(stack)),
  };
}

describe('logical ids', () => {
  const now = current();
  if (process.env.UPDATE_LOGICAL_IDS === '1') fs.writeFileSync(PINNED, `${JSON.stringify(now, null, 2)}\n`);
  const pinned = JSON.parse(fs.readFileSync(PINNED, 'utf8')) as Record<string, string[]>;

  test.each(Object.keys(pinned))('%s keeps every address', (stack) => {
    const was = new Set(pinned[stack]);
    const is = new Set(now[stack]);
    expect({
      gone: [...was].filter((a) => !is.has(a)),
      new: [...is].filter((a) => !was.has(a)),
    }).toEqual({ gone: [], new: [] });
  });
});
