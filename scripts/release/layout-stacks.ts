/**
 * The how-to app's stacks of one layout, synthesized as `npm run synth` (and `synth:split`, `synth:module`)
 * writes them with no `AML_*` setting: what `npm run release:fixtures` commits as the last release's stacks and
 * what the compatibility test compares them with. The same code path as `main.ts`, run in this process.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { addLayout, Layout } from '../../main';

/** A synthesized stack: its folder name and the parsed `cdk.tf.json`. */
export interface LayoutStack {
  readonly name: string;
  readonly json: Record<string, unknown>;
}

/** Where the fixtures of the last release live, one folder per layout, one folder per stack in it. */
export const LAST_RELEASE_DIR = path.resolve(__dirname, '..', '..', '__tests__', 'fixtures', 'last-release');

/**
 * Synthesizes `layout` into `outdir` (its `stacks/<name>/cdk.tf.json` and `assets/`) with an empty environment:
 * the how-to's defaults, local state. The local-state notice `main.ts` prints is not repeated here.
 */
export function synthLayout(layout: Layout, outdir: string): void {
  const notice = console.error;
  console.error = () => undefined;
  try {
    const app = new App({ outdir, stackTraces: false });
    addLayout(app, layout, {});
    app.synth();
  } finally {
    console.error = notice;
  }
}

/** The stacks a layout folder holds (`<dir>/<stack>/cdk.tf.json`), sorted by name. */
export function readStacks(dir: string): LayoutStack[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'cdk.tf.json')))
    .map((e) => e.name)
    .sort()
    .map((name) => ({
      name,
      json: JSON.parse(fs.readFileSync(path.join(dir, name, 'cdk.tf.json'), 'utf8')) as Record<
        string,
        unknown
      >,
    }));
}

/** The current code's stacks of a layout, synthesized into a temporary folder. */
export function currentStacks(layout: Layout): LayoutStack[] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `aml-${layout}-`));
  try {
    synthLayout(layout, outdir);
    return readStacks(path.join(outdir, 'stacks'));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
