/** What npm users get: the README example, working links, one entry point, consistent version statements. */
import * as fs from 'fs';
import * as path from 'path';
import * as api from '../../src';

const root = path.join(__dirname, '../..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
  keywords: string[];
  license: string;
  exports: Record<string, unknown>;
  files: string[];
  peerDependencies: Record<string, string>;
};
const readme = read('README.md');
const repo = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

describe('package', () => {
  test('the README example is examples/quickstart.ts, which the type check and validate:terraform compile', () => {
    const block = /## Example[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme);
    expect(block?.[1]).toBe(read('examples/quickstart.ts'));
    expect(block?.[1]).toContain("from 'cdktf-azureml-secure-endpoint'");
  });

  // npmjs.com resolves a relative link against `repository` (the package is the repository's root), so a relative
  // link works there, in a clone and in the tarball when its file ships in the package; others are absolute.
  test('README links work on the npm page and in the package: shipped files relative, others absolute', () => {
    const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      if (!link.startsWith('https://')) {
        const file = link.split('#')[0];
        const shipped = /^docs\/[^/]+\.md$/.test(file) || file === 'CHANGELOG.md';
        expect({ link, shipped, exists: fs.existsSync(path.join(root, file)) }).toEqual({
          link,
          shipped: true,
          exists: true,
        });
      } else if (link.startsWith(`${repo}/blob/main/`)) {
        const file = link.slice(`${repo}/blob/main/`.length).split('#')[0];
        expect({ link, exists: fs.existsSync(path.join(root, file)) }).toEqual({ link, exists: true });
      }
    }
  });

  test('metadata: license file, repository, homepage, bugs, keywords', () => {
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toContain('MIT License');
    expect(pkg.homepage.startsWith(repo)).toBe(true);
    expect(pkg.bugs.url).toBe(`${repo}/issues`);
    expect(pkg.keywords).toEqual(expect.arrayContaining(['cdktf', 'azure', 'azureml']));
    expect(read('CHANGELOG.md')).toMatch(/## \[Unreleased\]/);
  });

  test('one entry point: no deep imports of internals', () => {
    expect(Object.keys(pkg.exports).sort()).toEqual(['.', './package.json']);
    expect(pkg.files).toEqual(['lib/**/*.js', 'lib/**/*.d.ts', 'docs/*.md', 'CHANGELOG.md']);
  });

  test('the API report is the allow-list: the root exports exactly the values it lists', () => {
    // api/*.api.md is generated from the built declarations (npm run api) and CI fails when they differ
    // (npm run api:check); this ties the runtime exports to the same reviewed list.
    const report = read('api/cdktf-azureml-secure-endpoint.api.md');
    const declared = [
      ...report.matchAll(/^export (?:declare )?(?:abstract )?(class|enum|const|function) (\w+)/gm),
    ].map((m) => m[2]);
    // A name that shadows a global type (`InstanceType`) is declared as `InstanceType_2` and exported under its
    // own name: `export { InstanceType_2 as InstanceType }`.
    const declaredValues = new Set(
      [...report.matchAll(/^(?:declare )?(?:abstract )?(?:class|enum|const|function) (\w+)/gm)].map(
        (m) => m[1],
      ),
    );
    for (const [, local, exported] of report.matchAll(/^export \{ (\w+) as (\w+) \}/gm)) {
      if (declaredValues.has(local)) declared.push(exported);
    }
    expect(Object.keys(api).sort()).toEqual([...new Set(declared)].sort());
  });

  test('the azurerm peer range and the README pin statement agree with the installed provider bindings', () => {
    const minimum = pkg.peerDependencies['@cdktf/provider-azurerm'].replace(/^\^/, '');
    const installed = JSON.parse(read('node_modules/@cdktf/provider-azurerm/package.json')) as {
      version: string;
    };
    expect(installed.version).toBe(minimum);
    const bindings = read('node_modules/@cdktf/provider-azurerm/lib/provider/index.js');
    const pinned = /providerVersion: '([^']+)'/.exec(bindings)?.[1];
    expect(readme).toContain(`${pinned} with ${minimum}, the lowest version the peer range`);
  });
});
