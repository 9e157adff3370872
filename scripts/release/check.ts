/**
 * `npm run release:check [-- --tag vX.Y.Z]`: what the release workflow checks before publishing, runnable
 * anywhere. Packs both packages from this commit (`npm run pack:all`: dist/packages), reads each tarball's
 * package.json, and checks (scripts/release/release-rules.ts) that both carry package.json's version and the same
 * engines, that the tag names that version (`--tag`, else GITHUB_REF_NAME when GITHUB_REF_TYPE is `tag`), that
 * CHANGELOG.md has one non-empty section for it, and that the API report (api/) matches the built declarations
 * (`npm run api:check`). Exits 1 with one line per problem.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PackedPackage, releaseProblems } from './release-rules';

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGES = path.join(ROOT, 'dist', 'packages');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const EDITION = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'editions', 'cdktn.json'), 'utf8')) as {
  name: string;
};

function run(args: string[]): boolean {
  return spawnSync(NPM, args, { cwd: ROOT, stdio: 'inherit' }).status === 0;
}

function tagArgument(argv: string[]): string | undefined {
  const i = argv.indexOf('--tag');
  if (i >= 0) return argv[i + 1];
  return process.env.GITHUB_REF_TYPE === 'tag' ? process.env.GITHUB_REF_NAME : undefined;
}

function packed(): PackedPackage[] {
  return fs
    .readdirSync(PACKAGES)
    .filter((f) => f.endsWith('.tgz'))
    .sort()
    .map((f) => {
      const json = execFileSync('tar', ['-xzOf', path.join(PACKAGES, f), 'package/package.json'], {
        encoding: 'utf8',
      });
      return JSON.parse(json) as PackedPackage;
    });
}

function main(): number {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  fs.rmSync(PACKAGES, { recursive: true, force: true });
  if (!run(['run', '--silent', 'pack:all'])) {
    process.stderr.write('release:check: npm run pack:all failed\n');
    return 1;
  }
  const problems = releaseProblems({
    version: pkg.version,
    packages: packed(),
    expectedNames: [pkg.name, EDITION.name],
    changelog: fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'),
    tag: tagArgument(process.argv.slice(2)),
  });
  if (!run(['run', '--silent', 'api:check'])) {
    problems.push(
      'the API report (api/) differs from the built declarations: run npm run api and review the diff',
    );
  }
  for (const p of problems) process.stderr.write(`release:check: ${p}\n`);
  if (problems.length > 0) return 1;
  const files = fs.readdirSync(PACKAGES).sort().join(', ');
  process.stdout.write(`release:check: ${pkg.version} ready to publish (${files} in dist/packages)\n`);
  return 0;
}

process.exit(main());
