/**
 * `npm run editions:diff`: synthesizes the how-to stack (main.ts, default configuration) on cdktf and on cdktn
 * (through register-cdktn.js) and prints every difference between the two cdk.tf.json files, one line each
 * (`path: cdktf value -> cdktn value`), and whether the assets are the same. __tests__/editions/how-to-parity.test.ts
 * requires the differences to be exactly the framework's metadata version and the azurerm pin.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const STACK = 'secure-endpoint';

/** Runs main.ts on a core into `outdir`, as `npm run synth` runs it, without the CLI; returns the stack folder. */
function synthesizeHowTo(core, outdir) {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CDKTF_OUTDIR: outdir,
    CHECKPOINT_DISABLE: '1',
  };
  env.SWC_NODE_SOURCE_MAP_MODE = 'none';
  const hook = core === 'cdktn' ? ['--require', path.join(__dirname, 'register-cdktn.js')] : [];
  const run = spawnSync(process.execPath, [...hook, '--require', '@swc-node/register', 'main.ts'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`main.ts on ${core} failed:\n${run.stdout}${run.stderr}`);
  return path.join(outdir, 'stacks', STACK);
}

/** Every leaf where two JSON values differ: `a.b.c: <left> -> <right>` (absent values print as undefined). */
function jsonDifferences(left, right, at = '') {
  if (JSON.stringify(left) === JSON.stringify(right)) return [];
  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(left) && isObject(right)) {
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
    return keys.flatMap((key) => jsonDifferences(left[key], right[key], at === '' ? key : `${at}.${key}`));
  }
  return [`${at}: ${JSON.stringify(left)} -> ${JSON.stringify(right)}`];
}

/** Relative path -> content of every file under dir. */
function files(dir) {
  const result = {};
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else result[path.relative(dir, full)] = fs.readFileSync(full, 'base64');
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return result;
}

/** Synthesizes both editions' how-to stacks and compares them. */
function compareHowTo() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'how-to-editions-'));
  try {
    const stacks = {};
    for (const core of ['cdktf', 'cdktn']) stacks[core] = synthesizeHowTo(core, path.join(work, core));
    const read = (core) => JSON.parse(fs.readFileSync(path.join(stacks[core], 'cdk.tf.json'), 'utf8'));
    const [cdktf, cdktn] = [read('cdktf'), read('cdktn')];
    const addresses = (stack) =>
      Object.entries(stack.resource ?? {}).flatMap(([type, byName]) =>
        Object.keys(byName).map((n) => `${type}.${n}`),
      );
    return {
      differences: jsonDifferences(cdktf, cdktn),
      addresses: { cdktf: addresses(cdktf), cdktn: addresses(cdktn) },
      assetsEqual:
        JSON.stringify(files(path.join(stacks.cdktf, 'assets'))) ===
        JSON.stringify(files(path.join(stacks.cdktn, 'assets'))),
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { differences, addresses, assetsEqual } = compareHowTo();
  console.log(
    `how-to stack, cdktf -> cdktn: ${addresses.cdktf.length} and ${addresses.cdktn.length} resources`,
  );
  for (const line of differences) console.log(`  ${line}`);
  console.log(`  assets: ${assetsEqual ? 'identical' : 'DIFFERENT'}`);
}
module.exports = { compareHowTo, jsonDifferences, synthesizeHowTo };
