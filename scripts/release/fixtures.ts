/**
 * `npm run release:fixtures [layout...]`: rewrites `__tests__/fixtures/last-release/<layout>/` from the current
 * code (each stack's `cdk.tf.json` and `assets/`), for every layout of `main.ts` or only those named. Run it when
 * a version is released, on the tagged commit, and commit the result: the next release's compatibility test and
 * upgrade sequence start from it (docs/compatibility.md). Naming a layout adds the fixture of a layout the last
 * release did not have without touching the others.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Layout, LAYOUTS } from '../../main';
import { LAST_RELEASE_DIR, synthLayout } from './layout-stacks';

function main(args: string[]): void {
  const unknown = args.filter((a) => !(LAYOUTS as readonly string[]).includes(a));
  if (unknown.length > 0) {
    throw new Error(
      `release:fixtures: unknown layout ${unknown.join(', ')}: choose among ${LAYOUTS.join(', ')}`,
    );
  }
  const layouts = (args.length > 0 ? args : [...LAYOUTS]) as Layout[];
  for (const layout of layouts) {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `aml-fixtures-${layout}-`));
    try {
      synthLayout(layout, outdir);
      const target = path.join(LAST_RELEASE_DIR, layout);
      fs.rmSync(target, { recursive: true, force: true });
      fs.cpSync(path.join(outdir, 'stacks'), target, { recursive: true });
      const stacks = fs.readdirSync(target).sort();
      process.stdout.write(`release:fixtures: ${layout}: ${stacks.join(', ')}\n`);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
