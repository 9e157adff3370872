/** Runs one command the way cdktf runs an app (through a shell, from the project folder) and measures it. */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, rmSync } from 'fs';

export interface Sample {
  /** Wall time from spawn to exit. */
  readonly wallMs: number;
  /** User + system CPU time of every Node process of the run. */
  readonly cpuMs: number;
  /** Peak resident memory of the largest Node process of the run. */
  readonly peakRssMb: number;
  /** What the app reported of its own construct + synth time (scaled stacks only). */
  readonly synthMs?: number;
  /** The exit code, when the run was allowed to fail. */
  readonly exitCode?: number;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Where the preloaded usage recorder appends its lines (BENCH_USAGE_FILE). */
  readonly usageFile: string;
  /** Return a failed run's figures with its exit code instead of throwing. @default false */
  readonly allowFailure?: boolean;
}

/** Runs `command` once; throws with its output when it fails, so a broken app never passes for a fast one. */
export function runOnce(command: string, options: RunOptions): Sample {
  rmSync(options.usageFile, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(command, {
    cwd: options.cwd,
    env: { ...options.env, BENCH_USAGE_FILE: options.usageFile },
    shell: true,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && options.allowFailure !== true) {
    throw new Error(`'${command}' failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const usages = existsSync(options.usageFile)
    ? readFileSync(options.usageFile, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as { maxRssKb: number; cpuMs: number })
    : [];
  const synth = /^synth-ms (\S+)$/m.exec(result.stdout);
  return {
    wallMs,
    cpuMs: usages.reduce((sum, u) => sum + u.cpuMs, 0),
    peakRssMb: Math.max(0, ...usages.map((u) => u.maxRssKb / 1024)),
    ...(synth ? { synthMs: Number(synth[1]) } : {}),
    ...(options.allowFailure === true ? { exitCode: result.status ?? -1 } : {}),
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
