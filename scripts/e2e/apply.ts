/**
 * `npm run test:apply`: synthesizes the how-to stack (main.ts) on cdktf and on cdktn (`how-to-cdktn`: the cdktn
 * edition's modules through scripts/editions/register-cdktn.js, azurerm 4.73.0), the hardened layout
 * (`how-to-hardened`, app/hardened-stack.ts) and every documented
 * configuration, then runs each through ../shared/arm-sim (the real azapi provider: apply, a second plan,
 * destroy, against an emulated ARM). Skips with one line when `terraform` or the shared folder is missing.
 *
 * Env: TEST_APPLY_JOBS (parallel arm-sim runs, default 4: they mostly wait on emulated long-running operations),
 * ARM_SIM_LRO_DELAY_MS (default here 300 instead of arm-sim's 1500: ordering is enforced by the emulation's
 * state, not by the delay, and a shorter delay keeps CI time down), TEST_APPLY_ONLY (comma-separated stack names),
 * TEST_APPLY_KEEP (a folder for the synthesized stacks and arm-sim's logs).
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App, dependable, LocalBackend, TerraformDataSource, TerraformResource, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzapiProvider } from '../../src/azapi';
import { SecureEndpointHowToStack } from '../../main';
import { SecureEndpointHardenedStack } from '../../app/hardened-stack';
import { ENDPOINT_CONFIGURATIONS } from '../../__tests__/endpoint/configurations';
import { OPERATIONS_CONFIGURATIONS } from '../../__tests__/operations/configurations';
import { DocumentedConfiguration } from '../../__tests__/support/documented';
import { ARM_SIM, ROOT, runHarness, runQueued, withProviderRaceRetry } from './arm-sim';
import { WORKSPACE_CONFIGURATIONS } from '../../__tests__/workspace/configurations';

/** A synthesized stack to run, with the behaviours it turns off. */
interface Job {
  readonly stackName: string;
  readonly behavioursOff: { readonly [behaviour: string]: string };
  /** The folder holding the stack's folder (its app's `stacks`). */
  readonly stacksDir: string;
}

/**
 * One app per configuration (each with the backend and providers users' stacks have), synthesized. Each is a
 * deployment of its own, with its own state: in one app, names that are unique per Azure region (endpoint names)
 * would be refused across the configurations, as they should be in a user's app.
 */
function synthesize(outdir: string, only: Set<string> | undefined): Job[] {
  const jobs: Job[] = [];
  const wanted = (name: string): boolean => only === undefined || only.has(name);
  const appFor = (name: string): { app: App; stacksDir: string } => {
    const dir = path.join(outdir, name);
    fs.mkdirSync(dir, { recursive: true });
    return { app: new App({ outdir: dir, stackTraces: false }), stacksDir: path.join(dir, 'stacks') };
  };
  if (wanted('how-to')) {
    const { app, stacksDir } = appFor('how-to');
    new SecureEndpointHowToStack(app, 'how-to');
    app.synth();
    jobs.push({ stackName: 'how-to', behavioursOff: {}, stacksDir });
  }
  if (wanted('how-to-hardened')) {
    const { app, stacksDir } = appFor('how-to-hardened');
    new SecureEndpointHardenedStack(app, 'how-to-hardened');
    app.synth();
    jobs.push({ stackName: 'how-to-hardened', behavioursOff: {}, stacksDir });
  }
  const configurations: DocumentedConfiguration[] = [
    ...WORKSPACE_CONFIGURATIONS,
    ...ENDPOINT_CONFIGURATIONS,
    ...OPERATIONS_CONFIGURATIONS,
  ];
  for (const configuration of configurations.filter((c) => wanted(c.stackName))) {
    const { app, stacksDir } = appFor(configuration.stackName);
    const stack = new TerraformStack(app, configuration.stackName);
    new LocalBackend(stack, { path: 'terraform.tfstate' });
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    new AzapiProvider(stack, 'azapi');
    configuration.build(stack);
    if (configuration.existingBeforeTheStack) waitFor(stack, configuration.existingBeforeTheStack(stack));
    app.synth();
    jobs.push({
      stackName: configuration.stackName,
      behavioursOff: configuration.behavioursOff ?? {},
      stacksDir,
    });
  }
  if (wanted('how-to-cdktn')) {
    jobs.push({ stackName: 'how-to-cdktn', behavioursOff: {}, stacksDir: synthesizeCdktnHowTo(outdir) });
  }
  return jobs;
}

/** The how-to stack on cdktn, synthesized in a process of its own (one core per process); returns its `stacks`. */
function synthesizeCdktnHowTo(outdir: string): string {
  const cdktnOut = `${outdir}.cdktn`;
  const script =
    "const { App } = require('cdktf'); const { SecureEndpointHowToStack } = require('./main');" +
    'const app = new App({ outdir: process.argv[1], stackTraces: false });' +
    "new SecureEndpointHowToStack(app, 'how-to-cdktn'); app.synth();";
  const hook = path.join(ROOT, 'scripts', 'editions', 'register-cdktn.js');
  const run = spawnSync(
    process.execPath,
    ['--require', hook, '--require', '@swc-node/register', '-e', script, cdktnOut],
    { cwd: ROOT, env: { ...process.env, SWC_NODE_SOURCE_MAP_MODE: 'none' }, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`synthesizing how-to-cdktn failed:\n${run.stdout}${run.stderr}`);
  return path.join(cdktnOut, 'stacks');
}

/** Makes every resource and data source of the stack wait for what exists before it. */
function waitFor(stack: TerraformStack, existing: TerraformResource): void {
  for (const element of stack.node.findAll()) {
    if (element === existing) continue;
    if (element instanceof TerraformResource || element instanceof TerraformDataSource) {
      element.dependsOn = [...(element.dependsOn ?? []), dependable(existing)];
    }
  }
}

/** Runs arm-sim on one stack; resolves with its output (the one-line verdict and the details under it). */
function armSim(job: Job, env: NodeJS.ProcessEnv, keep: string | undefined): Promise<Result> {
  const off = Object.keys(job.behavioursOff);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(ARM_SIM, [path.join(job.stacksDir, job.stackName)], {
      cwd: ROOT,
      env: {
        ...env,
        ARM_SIM_BEHAVIOURS: ['all', ...off.map((b) => `-${b}`)].join(','),
        ...(keep ? { ARM_SIM_KEEP: path.join(keep, 'arm-sim', job.stackName) } : {}),
      },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) =>
      resolve({ job, code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }),
    );
  });
}

interface Result {
  readonly job: Job;
  readonly code: number;
  readonly output: string;
  readonly seconds: number;
}

function report(result: Result): void {
  const lines = result.output
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^arm-sim: (1 stack|logs kept)/.test(l));
  const off = Object.entries(result.job.behavioursOff).map(([b, why]) => `     behaviour ${b} off: ${why}`);
  console.log([...lines, ...off, `     (${result.seconds.toFixed(0)} s)`].join('\n'));
}

runHarness('test:apply', 'TEST_APPLY_KEEP', async (work, env, keep) => {
  const started = Date.now();
  const only = process.env.TEST_APPLY_ONLY ? new Set(process.env.TEST_APPLY_ONLY.split(',')) : undefined;
  const jobs = synthesize(path.join(work, 'cdktf.out'), only);
  const parallel = Math.max(1, Number(process.env.TEST_APPLY_JOBS ?? 4) || 1);
  const results = await runQueued(
    jobs,
    parallel,
    (job) => withProviderRaceRetry(() => armSim(job, env, keep)),
    report,
  );
  const failed = results.filter((r) => r.code !== 0).map((r) => r.job.stackName);
  const total = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `test:apply: ${results.length - failed.length}/${results.length} stacks applied, re-planned with 0 changes ` +
      `and destroyed in ${total} s (${parallel} in parallel, LRO delay ${env.ARM_SIM_LRO_DELAY_MS} ms)` +
      (failed.length > 0 ? `; FAILED: ${failed.join(', ')}` : ''),
  );
  return failed.length > 0 ? 1 : 0;
});
