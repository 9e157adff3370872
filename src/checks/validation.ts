import { Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct, IValidation } from 'constructs';
import { Checked, ConfigurationError } from './configuration-error';
import { withExpressions } from './expressions';
import { withOneTreeRead } from './uniqueness';

// Held on the construct object itself (not in a module-level map), so the tree is the only state there is.
const PROBLEMS = Symbol('problems');
const GUARDED = Symbol('guarded');

interface Holder {
  [PROBLEMS]?: ConstructProblems;
  [GUARDED]?: true;
}

/**
 * The one way a construct of this library says what is wrong with its configuration. Each construct has one
 * list, registered once through its `node.addValidation`:
 * - `record`: the problems a rule returns (a rule is a function that returns its problems, none when the
 *   configuration is fine); construction goes on with the values given, so one synth lists every problem;
 * - `report`: a problem found inline while the construct is built;
 * - `addRule`: a rule that can only decide once the whole tree is built (uniqueness across the app, traffic
 *   naming deployments added later); it runs when the app is validated, reading the construct tree.
 * Every problem carries the construct path. `app.synth()`, `Testing.synth` and `Testing.fullSynth` stop with
 * every problem of every stack of the app at once (`ConfigurationErrors`).
 */
export class ConstructProblems implements IValidation {
  /** The problems of `scope`, created (and registered with `node.addValidation`) on first use. */
  public static of(scope: IConstruct): ConstructProblems {
    const holder = scope as IConstruct & Holder;
    const existing = holder[PROBLEMS];
    if (existing !== undefined) return existing;
    const created = new ConstructProblems(scope);
    Object.defineProperty(holder, PROBLEMS, { value: created, enumerable: false });
    scope.node.addValidation(created);
    stopSynthOnProblems(scope);
    return created;
  }

  /** The constructs under `root` (itself included) that have problems recorded, in construct-tree order. */
  public static under(root: IConstruct): ConstructProblems[] {
    return root.node.findAll().flatMap((c) => {
      const problems = (c as IConstruct & Holder)[PROBLEMS];
      return problems === undefined ? [] : [problems];
    });
  }

  private readonly found: ConfigurationError[] = [];
  private readonly rules: Array<() => readonly ConfigurationError[]> = [];

  private constructor(private readonly scope: IConstruct) {}

  /** Records a problem found while building the construct; construction goes on. */
  public report(code: string, detail: string): void {
    this.found.push(new ConfigurationError(code, detail));
  }

  /** Records the problems a rule returned (none: nothing to record); construction goes on. */
  public record(problems: readonly ConfigurationError[]): void {
    this.found.push(...problems);
  }

  /** Records the problems of a step that builds a value (`Checked`), and returns the value. */
  public take<T>(checked: Checked<T>): T {
    this.record(checked.problems);
    return checked.value;
  }

  /** Adds a rule that runs when the app is validated, once the whole construct tree is built. */
  public addRule(rule: () => readonly ConfigurationError[]): void {
    this.rules.push(rule);
  }

  /**
   * The problems recorded so far (not the rules that wait for the whole tree, which would judge a half-built
   * one), located on the construct's path: what a constructor that cannot go on lists with its own problem.
   */
  public recorded(): ConfigurationError[] {
    return this.found.map((p) => p.at(this.scope.node.path));
  }

  /** Every problem of the construct, once each, located on its path. */
  public errors(): ConfigurationError[] {
    const all = [...this.found, ...this.rules.flatMap((rule) => rule())];
    // One problem once, even when a rule finds it again on every validation.
    const unique = new Map(all.map((p) => [p.message, p]));
    // A value a message names may be a token: shown as the expression the user wrote, not its stand-in.
    return [...unique.values()].map(
      (p) => new ConfigurationError(p.code, withExpressions(this.scope, p.detail), this.scope.node.path),
    );
  }

  /** `IValidation`: the problems as cdktf lists them (App.synth, `Testing.synth(stack, true)`). */
  public validate(): string[] {
    return this.errors().map((p) => p.message);
  }
}

/** Every problem recorded under `root`, once each, in construct-tree order, each carrying its construct path. */
export function configurationProblems(root: IConstruct): ConfigurationError[] {
  return withOneTreeRead(root, () => ConstructProblems.under(root).flatMap((p) => p.errors()));
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
 * Makes every synth path stop on the app's problems. cdktf runs a stack's aspects after values are resolved and
 * before writing anything on every path (App.synth also runs validations after them; Testing.synth runs aspects
 * only), so one aspect per stack that throws there gives the same result everywhere and lets no problem wait
 * for the next run. An app created with `skipValidation: true` skips it, as it skips cdktf's validations.
 */
function stopSynthOnProblems(scope: IConstruct): void {
  let stack: TerraformStack;
  try {
    stack = TerraformStack.of(scope);
  } catch {
    return; // Not in a stack (a bare construct tree in a test): node.validate() still lists the problems.
  }
  // Every stack of the app stops, so that `app.synth()` writes no stack while another one has a problem.
  const stacks = [stack, ...stack.node.root.node.children.filter((c) => TerraformStack.isStack(c))];
  for (const s of stacks as Array<TerraformStack & Holder>) {
    if (s[GUARDED] === true) continue;
    Object.defineProperty(s, GUARDED, { value: true, enumerable: false });
    Aspects.of(s).add(new StopOnConfigurationProblems(s));
  }
}

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

/** The problems of `scope`: `problemsOf(this).record(rule(...))`, `.report(...)`, `.addRule(...)`. */
export function problemsOf(scope: IConstruct): ConstructProblems {
  return ConstructProblems.of(scope);
}
