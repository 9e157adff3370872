import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzapiProvider } from '../../src/azapi';
import { ConfigurationErrors, configurationProblems } from '../../src/checks';

/** A synthesized stack, parsed: `resource.<type>.<name>`, `data`, `output`, `terraform`... */
export interface SynthesizedStack {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, Record<string, unknown>>;
  readonly terraform?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/**
 * A test stack with both providers configured, as users' stacks have them. `Testing.stubVersion` keeps the
 * cdktf version out of snapshots.
 */
export function testStack(): TerraformStack {
  const app = Testing.app({ stackTraces: false, stubVersion: true, enableFutureFlags: true });
  const stack = new TerraformStack(app, 'test');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new AzapiProvider(stack, 'azapi');
  latestStack = stack;
  return stack;
}

/** Synthesizes the stack to its Terraform JSON string (as written to cdk.tf.json). */
export function synthString(stack: TerraformStack): string {
  return Testing.synth(stack);
}

/** Synthesizes the stack and parses it. */
export function synthJson(stack: TerraformStack): SynthesizedStack {
  return JSON.parse(synthString(stack)) as SynthesizedStack;
}

/** Builds a stack with `build` and returns its parsed synthesized JSON. */
export function synthWith(build: (stack: Construct) => void): SynthesizedStack {
  const stack = testStack();
  build(stack);
  return synthJson(stack);
}

// ---------------------------------------------------------------------------------------------------------------
// Lookups in a synthesized stack: the one set every test uses.

/** A synthesized resource block, with its `depends_on` typed. */
export type SynthesizedResource = Record<string, unknown> & { depends_on?: string[] };

/** All resources of one Terraform type, keyed by their logical name. */
export function resourcesOfType(
  json: SynthesizedStack | undefined,
  type: string,
): Record<string, Record<string, unknown>> {
  return json?.resource?.[type] ?? {};
}

/** All data sources of one Terraform type, keyed by their logical name. */
export function dataOfType(
  json: SynthesizedStack | undefined,
  type: string,
): Record<string, Record<string, unknown>> {
  return json?.data?.[type] ?? {};
}

/**
 * The one resource of a type whose logical name starts with `prefix` (any name by default), as
 * `[logical name, block]`; fails when there is not exactly one.
 */
export function onlyResource(
  json: SynthesizedStack,
  type: string,
  prefix = '',
): [string, SynthesizedResource] {
  const matches = Object.entries(resourcesOfType(json, type)).filter(([name]) => name.startsWith(prefix));
  if (matches.length !== 1) {
    throw new Error(
      `expected one ${type} named '${prefix}...', found ${matches.length}: ${matches.map(([n]) => n).join(', ')}`,
    );
  }
  return matches[0];
}

/** The Machine Learning azapi resources (or actions) whose `type` is `Microsoft.MachineLearningServices/<path>@...`. */
export function mlResourcesOfType(
  json: SynthesizedStack,
  path: string,
  terraformType = 'azapi_resource',
): Array<[string, SynthesizedResource]> {
  const prefix = `Microsoft.MachineLearningServices/${path}@`;
  return Object.entries(resourcesOfType(json, terraformType)).filter(([, r]) =>
    String(r.type).startsWith(prefix),
  );
}

/** The `name`s of the Machine Learning azapi resources of a type path, sorted. */
export function mlResourceNames(json: SynthesizedStack, path: string): string[] {
  return mlResourcesOfType(json, path)
    .map(([, r]) => String(r.name))
    .sort();
}

/** The one Machine Learning azapi resource (or action) of that type path, as `[logical name, block]`. */
export function onlyMlResource(
  json: SynthesizedStack,
  path: string,
  terraformType = 'azapi_resource',
): [string, SynthesizedResource] {
  const found = mlResourcesOfType(json, path, terraformType);
  if (found.length !== 1) throw new Error(`expected one ${path}, found ${found.length}`);
  return found[0];
}

/**
 * The one Machine Learning azapi resource of that type path with that `name` (for other azapi Terraform types,
 * the one of that type path), with its Terraform address; fails when there is not exactly one.
 */
export function mlResourceNamed(
  json: SynthesizedStack,
  path: string,
  name: string,
  terraformType = 'azapi_resource',
): SynthesizedResource & { address: string } {
  const found = mlResourcesOfType(json, path, terraformType).filter(
    ([, r]) => r.name === name || terraformType !== 'azapi_resource',
  );
  if (found.length !== 1) throw new Error(`expected one ${path} named ${name}, found ${found.length}`);
  return { ...found[0][1], address: `${terraformType}.${found[0][0]}` };
}

/** Every resource (`type.name`) and data source (`data.type.name`) of a stack, by address. */
export function byAddress(json: SynthesizedStack): Map<string, Record<string, unknown>> {
  const all = new Map<string, Record<string, unknown>>();
  for (const [block, prefix] of [
    [json.resource, ''],
    [json.data, 'data.'],
  ] as const) {
    for (const [type, byName] of Object.entries(block ?? {})) {
      for (const [name, body] of Object.entries(byName)) all.set(`${prefix}${type}.${name}`, body);
    }
  }
  return all;
}

let latestStack: TerraformStack | undefined;

/**
 * `build` followed by what synth does with configuration problems: throws all problems recorded in the app of
 * the latest `testStack()` (or does nothing when there are none). For checks that fire at construction.
 */
export function validated(build: () => unknown): () => void {
  return () => {
    build();
    if (latestStack === undefined) return;
    const problems = configurationProblems(latestStack.node.root);
    if (problems.length > 0) throw new ConfigurationErrors(problems);
  };
}

/** The messages (`[code] path: detail`) synth would report for what `build` constructs in a fresh test stack. */
export function reported(build: (stack: TerraformStack) => void): string[] {
  const stack = testStack();
  try {
    validated(() => build(stack))();
  } catch (e) {
    if (e instanceof ConfigurationErrors) return e.errors.map((p) => p.message);
    throw e;
  }
  return [];
}
