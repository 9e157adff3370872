import { IAspect, Aspects, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ConfigurationError } from './configuration-error';

/** Checks recorded on a construct: problems found at construction, and checks that can only run at synth. */
interface Recorded {
  readonly found: ConfigurationError[];
  readonly later: Array<() => ConfigurationError[]>;
}

const recorded = new WeakMap<IConstruct, Recorded>();
const guardedStacks = new WeakSet<TerraformStack>();

function recordOn(scope: IConstruct): Recorded {
  let entry = recorded.get(scope);
  if (entry === undefined) {
    const created: Recorded = { found: [], later: [] };
    entry = created;
    recorded.set(scope, created);
    // cdktf's own validation (App.synth, Testing.synth(stack, true)) lists these with the construct path.
    scope.node.addValidation({ validate: () => problemsOn(scope, created).map((p) => p.message) });
    guard(scope);
  }
  return entry;
}

function problemsOn(scope: IConstruct, entry: Recorded): ConfigurationError[] {
  const all = [...entry.found, ...entry.later.flatMap((check) => check())];
  // One problem once, even when a check that runs at synth finds it on every validation.
  const unique = new Map(all.map((p) => [p.message, p.at(scope.node.path)]));
  return [...unique.values()];
}

/**
 * Records a problem on the construct it belongs to; construction goes on. `app.synth()`, `Testing.synth` and
 * `Testing.fullSynth` then stop with every recorded problem of every stack of the app at once
 * (`ConfigurationErrors`), each with its construct path.
 */
export function report(scope: IConstruct, code: string, detail: string): void {
  recordOn(scope).found.push(new ConfigurationError(code, detail));
}

/**
 * Runs a check that throws `ConfigurationError` (a shared rule used by several constructs) and records what it
 * throws on the construct instead. Any other error passes through.
 */
export function check(scope: IConstruct, run: () => void): void {
  try {
    run();
  } catch (e) {
    if (!(e instanceof ConfigurationError)) throw e;
    recordOn(scope).found.push(e);
  }
}

/**
 * A check that can only decide once the whole tree is built (traffic naming deployments added later): it runs
 * when the stack is validated, never while Terraform values are resolved.
 */
export function checkAtSynth(scope: IConstruct, run: () => ConfigurationError[]): void {
  recordOn(scope).later.push(run);
}

/** Every problem recorded under `root`, once each, in construct-tree order, each carrying its construct path. */
export function configurationProblems(root: IConstruct): ConfigurationError[] {
  return root.node.findAll().flatMap((c) => {
    const entry = recorded.get(c);
    return entry === undefined ? [] : problemsOn(c, entry);
  });
}

/** All problems of a synth, one line each (code, construct path, what and why and how to fix), then the stack. */
export class ConfigurationErrors extends Error {
  constructor(
    /** Every problem found, in construct order. */
    public readonly errors: ConfigurationError[],
  ) {
    super(
      `${errors.length} configuration problem${errors.length === 1 ? '' : 's'}, fix ` +
        `${errors.length === 1 ? 'it' : 'them'} and synthesize again:\n` +
        errors.map((e) => `  ${e.message}`).join('\n'),
    );
    this.name = 'ConfigurationErrors';
  }
}

/**
 * Every synth path runs the stack's aspects after values are resolved and before writing anything (App.synth
 * first resolves, then runs aspects, then validations; Testing.synth runs aspects only). This aspect stops the
 * synth there with all problems of the app (every stack), so the output is the same on every path and no problem
 * waits for the next run.
 * An app created with `skipValidation: true` skips it, as it skips cdktf's validations.
 */
class StopOnConfigurationProblems implements IAspect {
  constructor(private readonly stack: TerraformStack) {}

  public visit(node: IConstruct): void {
    if (node !== this.stack) return;
    const app = node.node.root as { skipValidation?: boolean };
    if (app.skipValidation === true) return;
    // Every stack of the app, not only this one: `app.synth()` synthesizes the stacks one by one, and stopping
    // at the first with only its own problems would hide the others' until the next run.
    const problems = configurationProblems(this.stack.node.root);
    if (problems.length > 0) throw new ConfigurationErrors(problems);
  }
}

function guard(scope: IConstruct): void {
  let stack: TerraformStack;
  try {
    stack = TerraformStack.of(scope);
  } catch {
    return; // Not in a stack (a bare construct tree in a test): validation still lists the problems.
  }
  // Every stack of the app stops, so that `app.synth()` writes no stack while another one has a problem.
  const stacks = [stack, ...stack.node.root.node.children.filter((c) => TerraformStack.isStack(c))];
  for (const s of stacks) {
    if (guardedStacks.has(s)) continue;
    guardedStacks.add(s);
    Aspects.of(s).add(new StopOnConfigurationProblems(s));
  }
}

/**
 * Runs a step that refuses what it cannot work with (a missing local file, for example) and records the refusal
 * on the construct, returning `fallback` so that construction, and the other checks, go on.
 */
export function attempt<T>(scope: IConstruct, run: () => T, fallback: T): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof ConfigurationError)) throw e;
    recordOn(scope).found.push(e);
    return fallback;
  }
}
