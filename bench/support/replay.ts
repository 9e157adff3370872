/**
 * Rebuilds a synthesized stack (a `cdk.tf.json`) with cdktf's generic resource and data source classes, each
 * attribute set as written: the same resources with no library behind them. The benchmark's replay case runs it on
 * the how-to's output to measure what cdktf and the provider cost for those resources alone.
 */
import { TerraformDataSource, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

type Blocks = Record<string, Record<string, Record<string, unknown>>>;

/** A synthesized stack, as far as the replay reads it. */
export interface Synthesized {
  readonly resource?: Blocks;
  readonly data?: Blocks;
  readonly [block: string]: unknown;
}

/** A provider block without its bindings: its name and source, which is all the output holds of it here. */
export class GenericProvider extends TerraformProvider {
  constructor(scope: Construct, name: string, source: string) {
    super(scope, name, {
      terraformResourceType: name,
      terraformProviderSource: source,
      terraformGeneratorMetadata: { providerName: name },
    });
  }
}

/**
 * Adds every resource and data source of `synthesized` to `stack` (the stack's own providers and backend stay the
 * caller's), calling `onType` once per resource or data source type first, which the benchmark uses to load that
 * type's provider class as a library would. Outputs, variables and locals are added as written.
 */
export function replay(
  stack: TerraformStack,
  synthesized: Synthesized,
  onType: (kind: 'resource' | 'data', type: string) => void = () => undefined,
): void {
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, blocks] of Object.entries(synthesized[kind] ?? {})) {
      onType(kind, type);
      for (const [id, attributes] of Object.entries(blocks)) {
        const config = {
          terraformResourceType: type,
          terraformGeneratorMetadata: { providerName: type.split('_')[0] },
        };
        const element =
          kind === 'resource'
            ? new TerraformResource(stack, id, config)
            : new TerraformDataSource(stack, id, config);
        // '//' is cdktf's own metadata (construct path, unique id), which synth writes again.
        for (const [key, value] of Object.entries(attributes))
          if (key !== '//') element.addOverride(key, value);
      }
    }
  }
  for (const [block, value] of Object.entries(synthesized)) {
    if (!['resource', 'data', 'provider', 'terraform', '//'].includes(block)) stack.addOverride(block, value);
  }
}
