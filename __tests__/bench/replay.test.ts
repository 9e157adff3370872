/** The benchmark's replay: the how-to's output rebuilt with no library is the same output, so it measures it. */
import { Testing, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { GenericProvider, replay, Synthesized } from '../../bench/support/replay';
import { readHowToConfig, SecureEndpointHowToStack } from '../../main';
import { synthJson } from '../support/synth';

/**
 * A synthesized stack without cdktf's metadata ('//', the construct paths of each side) and the `terraform` block
 * (backend and required providers, which each stack declares itself).
 */
function comparable(json: Synthesized): Record<string, unknown> {
  const copy = JSON.parse(
    JSON.stringify(json, (key, value: unknown) => (key === '//' ? undefined : value)),
  ) as Record<string, unknown>;
  delete copy.terraform;
  return copy;
}

test('the replay of the how-to writes the same resources, data sources, providers and outputs', () => {
  const app = Testing.app({ stackTraces: false, stubVersion: true, enableFutureFlags: true });
  const howTo = new SecureEndpointHowToStack(app, 'secure-endpoint', readHowToConfig(app, {}));
  const original = synthJson(howTo);

  const stack = new TerraformStack(Testing.app({ stackTraces: false, stubVersion: true }), 'replay');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new GenericProvider(stack, 'azapi', 'azure/azapi');
  const types: string[] = [];
  replay(stack, original, (kind, type) => types.push(`${kind} ${type}`));
  const replayed = synthJson(stack);

  expect(Object.keys(original.resource ?? {}).length).toBeGreaterThan(10);
  expect(comparable(replayed)).toEqual(comparable(original));
  expect(types).toContain('data azurerm_client_config');
  expect(types).toContain('resource azapi_resource');
});
