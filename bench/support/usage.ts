/**
 * Preloaded into every Node process of a measured run (NODE_OPTIONS=--require): at exit it appends the process's
 * peak resident memory and CPU time to BENCH_USAGE_FILE, one JSON line per process, so runners that start a
 * second process (npx, a CLI that re-executes node) are counted whole.
 */
import { appendFileSync } from 'fs';

const file = process.env.BENCH_USAGE_FILE;
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const line = { maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
}
