/**
 * `npm run test:packages`: what a user of each edition gets from npm. Packs both packages (`npm run pack:all`),
 * then for each one makes a new project of its own framework in a temporary folder, installs the tarball with the
 * package's README install command (and, for cdktn, the README's `overrides` entry), compiles the README example
 * with `skipLibCheck: false` and synthesizes it by running the compiled app (what `cdktf synth` / `cdktn synth`
 * run; cdktn-cli itself needs Node.js 22.19). It checks that each project holds one framework core and not the
 * other, and that the two synthesized stacks differ only in the framework metadata and the azurerm pin.
 *
 * Installs come from the npm registry (`--prefer-offline`: the npm cache first). Without the registry and without
 * the packages in the cache it skips in one line. About a minute or two: CI runs it after `npm test`.
 * Env: TEST_PACKAGES_KEEP (a folder to keep the projects in).
 */
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jsonDifferences } = require('../editions/how-to-diff') as {
  jsonDifferences(left: unknown, right: unknown): string[];
};

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGES = path.join(ROOT, 'dist', 'packages');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Edition {
  readonly core: 'cdktf' | 'cdktn';
  readonly packageDir: string;
}
const EDITIONS: Edition[] = [
  { core: 'cdktf', packageDir: ROOT },
  { core: 'cdktn', packageDir: path.join(ROOT, 'dist', 'cdktn') },
];

class Skip extends Error {}

function sh(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): SpawnSyncReturns<string> {
  const run = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${run.stdout}\n${run.stderr}`);
  }
  return run;
}

/** The README's example, its `npm install` line for the package and its `overrides` entry, if any. */
function readmeParts(
  readme: string,
  name: string,
): { example: string; install: string[]; overrides?: object } {
  const example = /## Example[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  const installSection = /## Install\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
  const install = new RegExp(`^npm install (${name} .*)$`, 'm').exec(installSection)?.[1];
  const json = /```json\n([\s\S]*?)```/.exec(installSection)?.[1];
  if (example === undefined || install === undefined)
    throw new Error(`${name}: README without example or install`);
  const overrides = json === undefined ? undefined : (JSON.parse(json) as { overrides: object }).overrides;
  return { example, install: install.split(/\s+/), overrides };
}

/** A new project of the edition's framework with the packed edition installed; returns the synthesized stack. */
function tryEdition(edition: Edition, tarball: string, work: string): Record<string, unknown> {
  const pkg = JSON.parse(fs.readFileSync(path.join(edition.packageDir, 'package.json'), 'utf8')) as {
    name: string;
  };
  const dir = path.join(work, edition.core);
  fs.mkdirSync(dir, { recursive: true });
  const { example, install, overrides } = readmeParts(
    fs.readFileSync(path.join(edition.packageDir, 'README.md'), 'utf8'),
    pkg.name,
  );
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      { name: `try-${edition.core}`, private: true, ...(overrides ? { overrides } : {}) },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(dir, 'main.ts'), example);
  fs.writeFileSync(
    path.join(dir, 'cdktf.json'),
    JSON.stringify({ language: 'typescript', app: 'node build/main.js' }),
  );
  fs.cpSync(path.join(ROOT, 'examples', 'model-1'), path.join(dir, 'model-1'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'commonjs',
        lib: ['ES2022'],
        strict: true,
        skipLibCheck: false,
        types: ['node'],
        outDir: 'build',
      },
      include: ['main.ts'],
    }),
  );
  const npmFlags = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
  const started = Date.now();
  const packages = install.map((p) => (p === pkg.name ? tarball : p));
  const installed = spawnSync(NPM, ['install', ...npmFlags, ...packages], { cwd: dir, encoding: 'utf8' });
  if (installed.status !== 0) {
    const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|ENOTCACHED/.test(
      installed.stderr,
    );
    if (offline)
      throw new Skip(`the npm registry is unreachable and the npm cache lacks ${packages.join(' ')}`);
    throw new Error(`npm install ${packages.join(' ')} failed:\n${installed.stderr}`);
  }
  sh(NPM, ['install', ...npmFlags, '--save-dev', 'typescript@~5.9.3', '@types/node@^22'], dir);
  const installSeconds = (Date.now() - started) / 1000;

  // One framework core, the edition's own.
  const other = edition.core === 'cdktf' ? 'cdktn' : 'cdktf';
  for (const name of [other, `@${other}/provider-azurerm`]) {
    if (fs.existsSync(path.join(dir, 'node_modules', name)))
      throw new Error(`${edition.core}: ${name} got installed`);
  }
  sh(NPM, ['ls', edition.core, 'constructs'], dir); // fails on an invalid or missing peer

  sh(process.execPath, [path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], dir);
  sh(process.execPath, [path.join(dir, 'build', 'main.js')], dir, { CDKTF_OUTDIR: 'cdktf.out' });
  const stack = JSON.parse(
    fs.readFileSync(path.join(dir, 'cdktf.out', 'stacks', 'ml', 'cdk.tf.json'), 'utf8'),
  );
  const versions = sh(NPM, ['ls', '--depth=0', '--parseable', '--long'], dir)
    .stdout.trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(':')[1])
    .join(', ');
  const resources = Object.values((stack as { resource: Record<string, object> }).resource).reduce<number>(
    (n, byName) => n + Object.keys(byName).length,
    0,
  );
  console.log(
    `ok    ${pkg.name}: installed in ${installSeconds.toFixed(0)} s (${versions}), README example compiled ` +
      `(skipLibCheck false) and synthesized: ${resources} resources`,
  );
  return stack as Record<string, unknown>;
}

function main(): number {
  const keep = process.env.TEST_PACKAGES_KEEP ? path.resolve(process.env.TEST_PACKAGES_KEEP) : undefined;
  const work = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'test-packages-'));
  try {
    fs.rmSync(PACKAGES, { recursive: true, force: true });
    sh(NPM, ['run', '--silent', 'pack:all'], ROOT);
    const tarballs = fs.readdirSync(PACKAGES).filter((f) => f.endsWith('.tgz'));
    const stacks: Record<string, Record<string, unknown>> = {};
    for (const edition of EDITIONS) {
      const tarball = tarballs.find((t) => t.startsWith(`${edition.core}-azureml-secure-endpoint-`));
      if (tarball === undefined)
        throw new Error(`pack:all wrote no ${edition.core} tarball (${tarballs.join(', ')})`);
      stacks[edition.core] = tryEdition(edition, path.join(PACKAGES, tarball), work);
    }
    const differences = jsonDifferences(stacks.cdktf, stacks.cdktn);
    const expected = [/^\/\/\.metadata\.version: /, /^terraform\.required_providers\.azurerm\.version: /];
    const unexpected = differences.filter((d) => !expected.some((e) => e.test(d)));
    console.log(`      README example, cdktf -> cdktn: ${differences.join('; ')}`);
    if (unexpected.length > 0 || differences.length !== expected.length) {
      console.log('test:packages: FAILED, the two editions synthesize the README example differently');
      return 1;
    }
    console.log(`test:packages: both packages install, compile and synthesize the README example`);
    return 0;
  } catch (error) {
    if (error instanceof Skip) {
      console.log(`test:packages: skipped (${error.message})`);
      return 0;
    }
    throw error;
  } finally {
    if (keep === undefined) fs.rmSync(work, { recursive: true, force: true });
  }
}

process.exit(main());
