/** The benchmark's table and budget lines, as Markdown so docs/performance.md can quote a run as it printed. */
import { median, Sample } from './measure';

export interface CaseResult {
  readonly id: string;
  readonly label: string;
  readonly runner: string;
  readonly command: string;
  /** The case this one is read against (the floor run by the same runner). */
  readonly floorId: string;
  readonly samples: readonly Sample[];
}

export interface Summary {
  readonly id: string;
  readonly label: string;
  readonly runner: string;
  readonly medianS: number;
  readonly minS: number;
  readonly maxS: number;
  /** (max - min) / median: how noisy the repetitions were. */
  readonly spread: number;
  readonly ratioToFloor: number;
  readonly cpuS: number;
  /** The same ratio on CPU time: what the wall ratio would be on an idle machine. */
  readonly cpuRatioToFloor: number;
  readonly peakRssMb: number;
  readonly synthMs?: number;
}

export interface Budget {
  readonly name: string;
  readonly limit: string;
  readonly measured: string;
  readonly holds: boolean;
}

export function summarize(results: readonly CaseResult[]): Summary[] {
  const wall = (r: CaseResult) => median(r.samples.map((s) => s.wallMs)) / 1000;
  const cpu = (r: CaseResult) => median(r.samples.map((s) => s.cpuMs)) / 1000;
  const byId = new Map(results.map((r) => [r.id, r]));
  return results.map((r) => {
    const walls = r.samples.map((s) => s.wallMs / 1000);
    const floor = byId.get(r.floorId);
    const synth = r.samples.flatMap((s) => (s.synthMs === undefined ? [] : [s.synthMs]));
    return {
      id: r.id,
      label: r.label,
      runner: r.runner,
      medianS: wall(r),
      minS: Math.min(...walls),
      maxS: Math.max(...walls),
      spread: (Math.max(...walls) - Math.min(...walls)) / wall(r),
      ratioToFloor: floor === undefined ? NaN : wall(r) / wall(floor),
      cpuS: cpu(r),
      cpuRatioToFloor: floor === undefined ? NaN : cpu(r) / cpu(floor),
      peakRssMb: Math.max(...r.samples.map((s) => s.peakRssMb)),
      ...(synth.length > 0 ? { synthMs: median(synth) } : {}),
    };
  });
}

const s2 = (n: number) => n.toFixed(2);

export function table(summaries: readonly Summary[]): string {
  const rows = summaries.map((s) =>
    [
      s.label,
      s.runner,
      s2(s.medianS),
      `${s2(s.minS)}–${s2(s.maxS)}`,
      `${Math.round(s.spread * 100)} %`,
      `${s2(s.ratioToFloor)}x`,
      `${s2(s.cpuS)} (${s2(s.cpuRatioToFloor)}x)`,
      Math.round(s.peakRssMb).toString(),
      s.synthMs === undefined ? '' : Math.round(s.synthMs).toString(),
    ].join(' | '),
  );
  return [
    '| case | runner | wall median (s) | min–max (s) | spread | x floor | CPU median (s, x floor) | peak RSS (MB) | construct + synth (ms) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

export function budgetLines(budgets: readonly Budget[]): string {
  return budgets
    .map((b) => `${b.holds ? 'PASS' : 'FAIL'}  ${b.name}: ${b.measured} (budget ${b.limit})`)
    .join('\n');
}
