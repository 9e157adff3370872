/**
 * `npm run test:rollout`: every day-2 path of `rollout-sequences.ts`, each step synthesized on its own (same stack, same
 * construct ids) and applied one after another on one Terraform state by `../shared/arm-sim/run.sh --sequence`
 * (the real azapi provider against an emulated ARM): every step must apply without a downtime window, the last
 * re-plan must be empty and the destroy clean. A sequence with `refusedAt` must instead stop at that step's plan,
 * with the refusal's words, and change nothing. Skips with one line when `terraform` or the shared folder is missing.
 *
 * Arguments: sequence names to run (all by default). A sequence with `expected` must also show, step by step, those
 * plan counts and emulated ARM writes.
 * Env: TEST_ROLLOUT_JOBS (sequences in parallel, default 3), TEST_ROLLOUT_ONLY (comma-separated names),
 * TEST_ROLLOUT_KEEP (a folder for the syntheses and arm-sim's logs), ARM_SIM_LRO_DELAY_MS (default here 300).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzapiProvider } from '../../src/azapi';
import { ARM_SIM, ROOT, runHarness, runQueued, withProviderRaceRetry } from './arm-sim';
import { buildStep, lastReleaseStack, Sequence, SEQUENCES, StepExpectation } from './rollout-sequences';
import { readHowToConfig, SecureEndpointHowToStack } from '../../main';

/**
 * Synthesizes each step of `sequence` into `<dir>/<step>` and returns the stack folders, in order: a step of the
 * last release is a copy of its fixture, a step of the how-to app the current `main.ts` stack with the how-to's
 * defaults (no `AML_*` setting read from this environment).
 */
function synthesize(sequence: Sequence, dir: string): string[] {
  return sequence.steps.map((step, index) => {
    const outdir = path.join(dir, String(index + 1));
    fs.mkdirSync(outdir, { recursive: true });
    if (step.lastRelease !== undefined) {
      const copy = path.join(outdir, 'stacks', 'secure-endpoint');
      fs.cpSync(path.join(ROOT, lastReleaseStack(step.lastRelease)), copy, { recursive: true });
      return copy;
    }
    if (step.howToApp) {
      const app = new App({ outdir, stackTraces: false });
      new SecureEndpointHowToStack(app, 'secure-endpoint', readHowToConfig(app, {}), undefined);
      app.synth();
      return path.join(outdir, 'stacks', 'secure-endpoint');
    }
    const app = new App({ outdir, stackTraces: false });
    const stack = new TerraformStack(app, sequence.name);
    new LocalBackend(stack, { path: 'terraform.tfstate' });
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    new AzapiProvider(stack, 'azapi');
    buildStep(stack, step);
    app.synth();
    return path.join(outdir, 'stacks', sequence.name);
  });
}

interface Result {
  readonly sequence: Sequence;
  readonly passed: boolean;
  readonly lines: string[];
  readonly seconds: number;
  /** arm-sim's whole output. */
  readonly output: string;
}

function run(
  sequence: Sequence,
  work: string,
  env: NodeJS.ProcessEnv,
  keep: string | undefined,
): Promise<Result> {
  const started = Date.now();
  const stacks = synthesize(sequence, path.join(work, 'steps', sequence.name));
  return new Promise((resolve) => {
    const child = spawn(ARM_SIM, ['--sequence', sequence.name, ...stacks], {
      cwd: ROOT,
      env: { ...env, ...(keep ? { ARM_SIM_KEEP: path.join(keep, 'arm-sim', sequence.name) } : {}) },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => {
      const lines = output
        .split('\n')
        .filter((l) => l.trim() !== '' && !/^arm-sim: (1 sequence|logs kept)/.test(l));
      const verdict = judge(sequence, code ?? 1, output);
      resolve({
        sequence,
        output,
        passed: verdict === undefined,
        lines: verdict === undefined ? lines : [...lines, `     test:rollout: ${verdict}`],
        seconds: (Date.now() - started) / 1000,
      });
    });
  });
}

/** Why the run does not show what the sequence expects, or undefined when it does. */
function judge(sequence: Sequence, code: number, output: string): string | undefined {
  const total = sequence.steps.length;
  if (sequence.noReplaceOrDelete) {
    for (let step = 1; step <= total; step++) {
      const line = new RegExp(
        `step ${step}/${total} apply ok; create \\d+, update \\d+, replace 0, delete 0`,
      );
      if (!line.test(output)) return `step ${step} replaced or deleted something (or did not apply)`;
    }
  }
  for (const step of sequence.unchangedAt ?? []) {
    const line = new RegExp(`step ${step}/${total} apply ok; create 0, update 0, replace 0, delete 0`);
    if (!line.test(output)) return `step ${step} repeats the step before it but its plan was not empty`;
  }
  // ---- live-state sequences: begin ----
  const unexpected = (sequence.expected ?? [])
    .map((expected, index) => (expected ? checkStep(output, index + 1, total, expected) : undefined))
    .filter((problem): problem is string => problem !== undefined);
  if (unexpected.length > 0) return unexpected.join('; ');
  // ---- live-state sequences: end ----
  const refused = sequence.refusedAt;
  if (refused === undefined)
    return code === 0 ? undefined : 'a step failed, went dark, or the re-plan was not empty';
  const stepLine = new RegExp(`step ${refused.step}/${total} apply FAIL; plan FAIL`);
  if (!stepLine.test(output)) return `step ${refused.step} was expected to stop at plan, but it applied`;
  if (!refused.message.test(output)) return `the refusal does not match ${String(refused.message)}`;
  // Nothing may have been written by the refused step: its plan stopped before the apply.
  const earlier = sequence.steps.slice(0, refused.step - 1).map((_, i) => `step ${i + 1}/`);
  for (const step of earlier) {
    if (!new RegExp(`${step}\\d+ apply ok; .*downtime: none`).test(output))
      return `${step} did not apply cleanly`;
  }
  return undefined;
}

// ---- live-state sequences: begin ----
/**
 * Why step `step` does not show the expected plan counts and writes, or undefined when it does. The counts are
 * arm-sim's step line (from the step's JSON plan); the writes its `fake ARM writes` line below it (the emulated
 * ARM's own log of the apply).
 */
function checkStep(
  output: string,
  step: number,
  total: number,
  expected: StepExpectation,
): string | undefined {
  const lines = output.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^arm-sim: \\S+ step ${step}/${total} `).test(l));
  if (at < 0) return `step ${step} has no result line`;
  const counts = /create (\d+), update (\d+), replace (\d+), delete (\d+)/.exec(lines[at]);
  const want = `create ${expected.create}, update ${expected.update}, replace ${expected.replace}, delete ${expected.delete}`;
  if (counts === null || counts[0] !== want) {
    return `step ${step} planned ${counts === null ? 'nothing readable' : counts[0]}, expected ${want}`;
  }
  if (expected.writes === undefined) return undefined;
  const next = lines.slice(at + 1).findIndex((l) => l.startsWith('arm-sim: '));
  const details = lines.slice(at + 1, next < 0 ? undefined : at + 1 + next);
  const writes = details.map((l) => /^\s+fake ARM writes: (.*)$/.exec(l)?.[1]).find((w) => w !== undefined);
  const matches =
    typeof expected.writes === 'string' ? writes === expected.writes : expected.writes.test(writes ?? '');
  return matches
    ? undefined
    : `step ${step} wrote '${writes ?? 'nothing reported'}', expected '${String(expected.writes)}'`;
}
// ---- live-state sequences: end ----

runHarness('test:rollout', 'TEST_ROLLOUT_KEEP', async (work, env, keep) => {
  const started = Date.now();
  // Names given as arguments (`npm run test:rollout -- endpoint-identity api-version-switch`) or in the env.
  const named = [...process.argv.slice(2), ...(process.env.TEST_ROLLOUT_ONLY?.split(',') ?? [])];
  const only = named.length > 0 ? named : undefined;
  const unknown = named.filter((n) => !SEQUENCES.some((s) => s.name === n));
  if (unknown.length > 0) {
    console.log(
      `test:rollout: no sequence named ${unknown.join(', ')}; known: ${SEQUENCES.map((s) => s.name).join(', ')}`,
    );
    return 1;
  }
  const sequences = SEQUENCES.filter((s) => only === undefined || only.includes(s.name));
  const parallel = Math.max(1, Number(process.env.TEST_ROLLOUT_JOBS ?? 3) || 1);
  const results = await runQueued(
    sequences,
    parallel,
    (sequence) => withProviderRaceRetry(() => run(sequence, work, env, keep)),
    (result) => {
      const verdict = result.passed ? 'passed' : 'FAILED';
      console.log(`test:rollout: ${result.sequence.name} ${verdict}: ${result.sequence.title}`);
      const retried = result.output.includes('(retried once')
        ? ['     (retried once: the shared provider cache was being linked)']
        : [];
      console.log([...result.lines, ...retried, `     (${result.seconds.toFixed(0)} s)`].join('\n'));
    },
  );
  const failed = results.filter((r) => !r.passed).map((r) => r.sequence.name);
  const total = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `test:rollout: ${results.length - failed.length}/${results.length} sequences passed in ${total} s ` +
      `(${parallel} in parallel, LRO delay ${env.ARM_SIM_LRO_DELAY_MS} ms)` +
      (failed.length > 0 ? `; FAILED: ${failed.join(', ')}` : ''),
  );
  return failed.length > 0 ? 1 : 0;
});
