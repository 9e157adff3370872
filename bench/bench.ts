/**
 * `npm run bench`: how long this library makes a user wait for `cdktf synth`, against a bare cdktf app run the
 * same way. Every case runs once to warm up, then REPS times in interleaved rounds (so a burst of load on a shared
 * machine hits every case alike); the table gives medians and spread, the budget lines whether each budget holds.
 * Writes bench/results.json. Exits 1 when a budget fails.
 *
 *   npm run bench [-- --reps 7] [-- --skip-jest]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileToJs } from './support/compile';
import { runOnce, Sample } from './support/measure';
import { Budget, budgetLines, CaseResult, summarize, Summary, table } from './support/report';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', '.out');

interface Case {
  readonly id: string;
  readonly label: string;
  readonly runner: string;
  readonly command: string;
  readonly floorId: string;
  readonly env?: Record<string, string>;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

/**
 * The app command of cdktf.json with its entry file replaced: every app case runs exactly as `cdktf synth` would.
 * BENCH_APP stands in for cdktf.json's command, to compare another runner.
 */
function appRunner(): { runner: string; label: string; context: unknown; run: (entry: string) => string } {
  const config = JSON.parse(readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8')) as {
    app: string;
    context?: unknown;
  };
  const tokens = (process.env.BENCH_APP ?? config.app).split(' ');
  const at = tokens.indexOf('main.ts');
  if (at === -1)
    throw new Error(
      `the app command '${tokens.join(' ')}' does not name main.ts; the benchmark cannot run it`,
    );
  const runner = tokens.filter((_, i) => i !== at).join(' ');
  return {
    runner,
    label: process.env.BENCH_APP === undefined ? 'cdktf.json' : 'BENCH_APP',
    context: config.context ?? {},
    run: (entry) => tokens.map((t, i) => (i === at ? entry : t)).join(' '),
  };
}

/** main.ts's layouts: the default one, and the others when main.ts reads AML_LAYOUT. */
function layouts(): { layouts: string[]; note?: string } {
  const main = readFileSync(path.join(ROOT, 'main.ts'), 'utf8');
  if (!main.includes('AML_LAYOUT')) {
    return { layouts: [], note: 'main.ts has no AML_LAYOUT: the split and module layouts are not measured' };
  }
  return { layouts: ['split', 'module'] };
}

function cases(
  app: ReturnType<typeof appRunner>,
  extraLayouts: readonly string[],
  replayJson: string,
): Case[] {
  const js = 'node (compiled JS)';
  const scaled = [1, 10, 100].map((n): Case => ({
    id: `scaled-${n}`,
    label: `${n} endpoint${n === 1 ? '' : 's'} x blue + green`,
    runner: app.label,
    command: app.run('bench/apps/scaled.ts'),
    floorId: 'floor',
    env: { BENCH_ENDPOINTS: String(n) },
  }));
  return [
    {
      id: 'floor',
      label: 'floor: bare app, 1 resource',
      runner: app.label,
      command: app.run('bench/apps/floor.ts'),
      floorId: 'floor',
    },
    {
      id: 'floor-js',
      label: 'floor: bare app, 1 resource',
      runner: js,
      command: 'node bench/.out/bench/apps/floor.js',
      floorId: 'floor-js',
    },
    {
      id: 'main',
      label: 'main.ts (how-to)',
      runner: app.label,
      command: app.run('main.ts'),
      floorId: 'floor',
    },
    ...extraLayouts.map((layout): Case => ({
      id: `main-${layout}`,
      label: `main.ts, AML_LAYOUT=${layout}`,
      runner: app.label,
      command: app.run('main.ts'),
      floorId: 'floor',
      env: { AML_LAYOUT: layout },
    })),
    {
      id: 'replay',
      label: "replay of main.ts's output, no library",
      runner: app.label,
      command: app.run('bench/apps/replay.ts'),
      floorId: 'floor',
      env: { BENCH_REPLAY_JSON: replayJson },
    },
    {
      id: 'main-js',
      label: 'main.ts (how-to)',
      runner: js,
      command: 'node bench/.out/main.js',
      floorId: 'floor-js',
    },
    ...scaled,
  ];
}

/** Synthesizes the how-to once into a folder of its own and returns its cdk.tf.json, which the replay case rebuilds. */
function synthesizeForReplay(
  app: ReturnType<typeof appRunner>,
  env: NodeJS.ProcessEnv,
  usageFile: string,
): string {
  const outdir = path.join(OUT, 'replay-source');
  runOnce(app.run('main.ts'), { cwd: ROOT, env: { ...env, CDKTF_OUTDIR: outdir }, usageFile });
  const stacks = readdirSync(path.join(outdir, 'stacks'));
  if (stacks.length !== 1)
    throw new Error(`main.ts wrote ${stacks.length} stacks (${stacks.join(', ')}); the replay takes one`);
  return path.join(outdir, 'stacks', stacks[0], 'cdk.tf.json');
}

/**
 * The library's own share of main.ts: what it costs over the replay of its output (the same resources built with
 * no library). Not a budget: the figure that says how much any change to the library can win.
 */
function libraryShare(summaries: readonly Summary[]): string {
  const main = summaries.find((s) => s.id === 'main');
  const replay = summaries.find((s) => s.id === 'replay');
  if (main === undefined || replay === undefined) return '';
  const ms = (v: number): string => `${Math.round(v * 1000)} ms`;
  return (
    `the library's share of main.ts (main.ts minus the replay of its output): ` +
    `wall ${ms(main.medianS - replay.medianS)}, CPU ${ms(main.cpuS - replay.cpuS)}; ` +
    `main.ts is ${(main.medianS / replay.medianS).toFixed(2)}x the replay (wall), ` +
    `${(main.cpuS / replay.cpuS).toFixed(2)}x (CPU)\n\n`
  );
}

/** The whole jest suite as `npm test` runs it, once: wall time, and the CPU time of all its processes. */
function measureJest(env: NodeJS.ProcessEnv, usageFile: string): Sample {
  // A failing suite still has a duration; the budget line says it failed.
  return runOnce('npm test --silent -- --ci --silent', { cwd: ROOT, env, usageFile, allowFailure: true });
}

/**
 * Time budgets are on wall time. When the load average exceeds the CPU count, wall time mostly measures the wait
 * for a CPU (other work on a shared machine), so they are judged on CPU time, which a busy machine barely moves
 * and which an idle machine's wall time follows; both are printed.
 */
function budgets(summaries: readonly Summary[], jest: Sample | undefined, busy: boolean): Budget[] {
  const get = (id: string): Summary => {
    const s = summaries.find((x) => x.id === id);
    if (s === undefined) throw new Error(`no case ${id}`);
    return s;
  };
  const on = busy ? 'judged on CPU time' : 'judged on wall time';
  const ratio = (s: Summary, limit: number, name: string): Budget => {
    const judged = busy ? s.cpuRatioToFloor : s.ratioToFloor;
    return {
      name,
      limit: `<= ${limit.toFixed(2)}x`,
      measured: `wall ${s.ratioToFloor.toFixed(2)}x, CPU ${s.cpuRatioToFloor.toFixed(2)}x; ${on}`,
      holds: judged <= limit,
    };
  };
  const main = get('main');
  const s10 = get('scaled-10');
  const s100 = get('scaled-100');
  const growth = (s100.synthMs ?? NaN) / (s10.synthMs ?? NaN);
  const list: Budget[] = [
    ratio(main, 1.3, 'main.ts against the same-runner floor'),
    ratio(s100, 3, '100 endpoints x 2 deployments against the same-runner floor'),
    {
      name: 'construct + synth time, 100 endpoints against 10 (linear growth is at most 10x)',
      limit: '<= 10x',
      measured: `${growth.toFixed(1)}x (${Math.round(s10.synthMs ?? NaN)} ms -> ${Math.round(s100.synthMs ?? NaN)} ms)`,
      holds: growth <= 10,
    },
    {
      name: 'peak memory of the how-to synth (main.ts)',
      limit: '< 300 MB',
      measured: `${Math.round(main.peakRssMb)} MB`,
      holds: main.peakRssMb < 300,
    },
  ];
  if (jest !== undefined) {
    const wallS = jest.wallMs / 1000;
    const cpuS = jest.cpuMs / 1000;
    list.push({
      // Every test runs on cdktf and on cdktn (two jest projects): 60 s a core.
      name: 'npm test (the jest suite, both cores)',
      limit: '< 120 s',
      measured:
        // Always wall time: jest runs a worker per CPU, so its CPU time adds up the workers' and says nothing
        // about how long `npm test` takes.
        `wall ${wallS.toFixed(1)} s, CPU ${cpuS.toFixed(1)} s; judged on wall time` +
        (jest.exitCode === 0 ? '' : `; the suite FAILED (exit ${jest.exitCode}): run npm test`),
      holds: wallS < 120 && jest.exitCode === 0,
    });
  }
  return list;
}

function main(): void {
  const reps = option('--reps', 7);
  const skipJest = process.argv.includes('--skip-jest');
  const app = appRunner();
  const { layouts: extraLayouts, note } = layouts();
  rmSync(OUT, { recursive: true, force: true });
  compileToJs(ROOT, OUT, ['bench/apps', 'bench/support/usage.ts', 'main.ts', 'app', 'src']);
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'bench-cdktf-out-'));
  // What the cdktf CLI (0.21) sets for the app it runs, plus the usage recorder.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CDKTF_OUTDIR: outdir,
    CDKTF_CONTEXT_JSON: JSON.stringify({ ...(app.context as object), cdktfRelativeModules: [] }),
    CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: 'true',
    SYNTH_HCL_OUTPUT: 'false',
    CHECKPOINT_DISABLE: '1',
    NODE_OPTIONS: [
      process.env.NODE_OPTIONS ?? '--max-old-space-size=4096',
      `--require ${path.join(OUT, 'bench/support/usage.js')}`,
    ].join(' '),
  };
  // The app command carries its runner's settings itself; none leaks in from the shell that started the bench.
  delete env.SWC_NODE_SOURCE_MAP_MODE;
  const usageFile = path.join(OUT, 'usage.jsonl');
  const all = cases(app, extraLayouts, synthesizeForReplay(app, env, usageFile));
  const samples = new Map<string, Sample[]>(all.map((c) => [c.id, []]));
  const loadStart = os.loadavg();
  process.stdout.write(`the app runs with (${app.label}): ${app.runner}\n`);
  if (note !== undefined) process.stdout.write(`note: ${note}\n`);
  process.stdout.write(`warming up ${all.length} cases, then ${reps} rounds`);
  // Warm-up: fills the OS file cache and any transpile cache, and fails fast on a broken app.
  for (const c of all) runOnce(c.command, { cwd: ROOT, env: { ...env, ...c.env }, usageFile });
  for (let round = 0; round < reps; round++) {
    for (const c of all)
      samples.get(c.id)?.push(runOnce(c.command, { cwd: ROOT, env: { ...env, ...c.env }, usageFile }));
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  let jest: Sample | undefined;
  if (!skipJest) {
    process.stdout.write('running the jest suite once (npm test)...\n');
    jest = measureJest({ ...process.env, NODE_OPTIONS: env.NODE_OPTIONS }, usageFile);
  }
  const loadEnd = os.loadavg();
  rmSync(outdir, { recursive: true, force: true });

  const results: CaseResult[] = all.map((c) => ({ ...c, samples: samples.get(c.id) ?? [] }));
  const summaries = summarize(results);
  // Other work before the bench started; the load at the end is mostly the bench's own runs (on 2 CPUs each
  // run's two threads already make a load average of about 2), so it does not say the machine was shared.
  const busy = loadStart[0] > os.cpus().length;
  const checks = budgets(summaries, jest, busy);
  const machine =
    `${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
    `load average ${loadStart[0].toFixed(1)} at start, ${loadEnd[0].toFixed(1)} at end; ${reps} repetitions per case`;
  const judged = busy
    ? `the load average exceeded ${os.cpus().length}: time budgets are judged on CPU time`
    : 'time budgets are judged on wall time';
  process.stdout.write(`\n${machine}; ${judged}\n\n${table(summaries)}\n\n`);
  if (jest !== undefined) {
    process.stdout.write(
      `jest suite (npm test), one run: ${(jest.wallMs / 1000).toFixed(1)} s wall, ` +
        `${(jest.cpuMs / 1000).toFixed(1)} s CPU of all its processes\n\n`,
    );
  }
  process.stdout.write(libraryShare(summaries));
  process.stdout.write(`${budgetLines(checks)}\n`);
  writeFileSync(
    path.join(ROOT, 'bench', 'results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine, appRunner: app.runner, appRunnerFrom: app.label, note, summaries, jest, budgets: checks, results }, null, 2)}\n`,
  );
  if (checks.some((b) => !b.holds)) process.exitCode = 1;
}

main();
