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

/** All resources of one Terraform type, keyed by their logical name. */
export function resourcesOfType(
  json: SynthesizedStack,
  type: string,
): Record<string, Record<string, unknown>> {
  return json.resource?.[type] ?? {};
}

/** The one resource of a type whose logical name contains `fragment`; fails when there is not exactly one. */
export function resourceNamed(
  json: SynthesizedStack,
  type: string,
  fragment: string,
): Record<string, unknown> & { depends_on?: string[] } {
  const matches = Object.entries(resourcesOfType(json, type)).filter(([name]) => name.includes(fragment));
  if (matches.length !== 1) {
    throw new Error(
      `expected one ${type} named like '${fragment}', found ${matches.length}: ${matches.map(([n]) => n).join(', ')}`,
    );
  }
  return matches[0][1] as Record<string, unknown> & { depends_on?: string[] };
}

/** The Machine Learning azapi resources (or actions) whose `type` is `Microsoft.MachineLearningServices/<path>@...`. */
export function mlResourcesOfType(
  json: SynthesizedStack,
  path: string,
  terraformType = 'azapi_resource',
): Array<[string, Record<string, unknown> & { depends_on?: string[] }]> {
  const prefix = `Microsoft.MachineLearningServices/${path}@`;
  return Object.entries(resourcesOfType(json, terraformType)).filter(([, r]) =>
    String(r.type).startsWith(prefix),
  ) as Array<[string, Record<string, unknown> & { depends_on?: string[] }]>;
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
