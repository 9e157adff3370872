/**
 * The replay: the how-to's own synthesized output (BENCH_REPLAY_JSON, a `cdk.tf.json` that `main.ts` wrote),
 * rebuilt with cdktf's generic classes after loading the provider class of every azurerm type it holds. What cdktf
 * and the provider cost for these resources with no library at all, so the least any library writing them could
 * cost; `main.ts` minus this app is the library's own share (its modules, readers, checks, typed provider classes
 * and the tokens its references create).
 */
import { readFileSync } from 'fs';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { GenericProvider, replay, Synthesized } from '../support/replay';

/** The provider class module of an azurerm type, by the provider package's file naming, by deep path. */
function loadProviderClass(kind: 'resource' | 'data', type: string): void {
  if (!type.startsWith('azurerm_')) return;
  const name = type.replace(/^azurerm_/, '').replace(/_/g, '-');
  // Which modules is known only from the output, so they are loaded by name.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(`@cdktf/provider-azurerm/lib/${kind === 'data' ? `data-azurerm-${name}` : name}`);
}

const file = process.env.BENCH_REPLAY_JSON;
if (file === undefined || file === '') throw new Error('set BENCH_REPLAY_JSON to the cdk.tf.json to replay');

const app = new App();
const stack = new TerraformStack(app, 'replay');
new LocalBackend(stack, { path: 'terraform.tfstate' });
new AzurermProvider(stack, 'azurerm', { features: [{}] });
new GenericProvider(stack, 'azapi', 'azure/azapi');
replay(stack, JSON.parse(readFileSync(file, 'utf8')) as Synthesized, loadProviderClass);
app.synth();
