/**
 * What `test:apply` and `test:rollout` share: where the emulated ARM lives, whether it can run here, and one
 * provider mirror for every run (parallel runs must not unpack it at the same time).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
export const ARM_SIM = path.join(SHARED, 'arm-sim', 'run.sh');
const MIRROR = path.join(SHARED, 'terraform-providers', 'mirror.sh');

/** Why the emulated ARM cannot run here, or undefined when it can. */
export function skipReason(): string | undefined {
  if (!fs.existsSync(ARM_SIM)) return `${path.relative(ROOT, ARM_SIM)} not found`;
  for (const tool of ['terraform', 'openssl']) {
    if (spawnSync(tool, ['version'], { stdio: 'ignore' }).status !== 0) return `${tool} not found`;
  }
  return undefined;
}

/**
 * Unpacks the provider builds once into `work` and returns the environment arm-sim runs with (the mirror, the
 * CLI configuration and the LRO delay, 300 ms unless ARM_SIM_LRO_DELAY_MS says otherwise: ordering is enforced by
 * the emulation's state, not by the delay), or the reason it could not.
 */
export function armSimEnvironment(work: string): NodeJS.ProcessEnv | string {
  const mirrorDir = path.join(work, 'terraform-mirror');
  const mirror = spawnSync(MIRROR, [], { env: { ...process.env, AML_TF_MIRROR_DIR: mirrorDir } });
  if (mirror.status !== 0) return `provider mirror unavailable: ${mirror.stderr.toString().trim()}`;
  return {
    ...process.env,
    TF_MIRROR: path.join(mirrorDir, 'mirror'),
    TFRC: path.join(mirrorDir, 'terraformrc'),
    TF_PLUGIN_CACHE_DIR: path.join(mirrorDir, 'plugin-cache'),
    ARM_SIM_LRO_DELAY_MS: process.env.ARM_SIM_LRO_DELAY_MS ?? '300',
  };
}

/** Runs `jobs` with at most `parallel` at a time, calling `done` as each finishes. */
export async function runQueued<J, R>(
  jobs: readonly J[],
  parallel: number,
  run: (job: J) => Promise<R>,
  done: (result: R) => void,
): Promise<R[]> {
  const results: R[] = [];
  const queue = [...jobs];
  const worker = async (): Promise<void> => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      const result = await run(job);
      results.push(result);
      done(result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, worker));
  return results;
}

/**
 * Parallel runs share one provider plugin cache; a run can find a provider folder another run's `terraform init`
 * is linking at that moment ("could not read package directory"). That is the harness, not the stack: such a run
 * is retried once, and says so.
 */
export async function withProviderRaceRetry<R extends { readonly output: string }>(
  run: () => Promise<R>,
): Promise<R> {
  const first = await run();
  if (!/could not read package directory|Failed to load plugin schemas/.test(first.output)) return first;
  const second = await run();
  return {
    ...second,
    output: `${second.output}\n     (retried once: the shared provider cache was being linked)`,
  };
}

/**
 * Runs one arm-sim harness as a script: skips in one line when the emulated ARM cannot run here, gives `body` a
 * work folder (the one `keepVariable` names, kept; else a temporary one, removed) and the arm-sim environment, and
 * exits with the code `body` returns (1 on an error).
 */
export function runHarness(
  label: string,
  keepVariable: string,
  body: (work: string, env: NodeJS.ProcessEnv, keep: string | undefined) => Promise<number>,
): void {
  const run = async (): Promise<number> => {
    const reason = skipReason();
    if (reason !== undefined) {
      console.log(`${label}: skipped (${reason})`);
      return 0;
    }
    const kept = process.env[keepVariable];
    const keep = kept ? path.resolve(kept) : undefined;
    const work = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), `${label.replace(/\W/g, '-')}-`));
    fs.mkdirSync(work, { recursive: true });
    try {
      const env = armSimEnvironment(work);
      if (typeof env === 'string') {
        console.log(`${label}: skipped (${env})`);
        return 0;
      }
      return await body(work, env, keep);
    } finally {
      if (keep === undefined) fs.rmSync(work, { recursive: true, force: true });
    }
  };
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
