/**
 * The cdktn edition's package is generated (npm run build:cdktn); these check what it is generated from and what
 * must agree with it: the module renames, the peer ranges, the install instructions and the cdktn example app.
 */
import * as fs from 'fs';
import * as path from 'path';

/* eslint-disable @typescript-eslint/no-require-imports */
const { renameModules, renameInCodeBlocks, cdktnReadme } = require('../../scripts/editions/build-cdktn') as {
  renameModules(text: string, fileName: string): string;
  renameInCodeBlocks(markdown: string): string;
  cdktnReadme(readme: string, guide: string): string;
};
const { jestModuleNameMapper } = require('../../scripts/editions/modules') as {
  jestModuleNameMapper(): Record<string, string>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const root = path.join(__dirname, '..', '..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');
const json = <T>(file: string): T => JSON.parse(read(file)) as T;
interface Pkg {
  name: string;
  version: string;
  peerDependencies: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  overrides?: Record<string, unknown>;
}
const pkg = json<Pkg>('package.json');
const edition = json<Pkg>('scripts/editions/cdktn.json');
const guide = read('docs/cdktn.md');
const readme = read('README.md');
const installed = (name: string): string => json<Pkg>(`node_modules/${name}/package.json`).version;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

describe('the cdktn edition', () => {
  test('the build changes module specifiers of src/ and nothing else, and leaves no cdktf module', () => {
    const files = sourceFiles('src');
    expect(files.length).toBeGreaterThan(50);
    let changed = 0;
    for (const file of files) {
      const before = read(file).split('\n');
      const after = renameModules(read(file), file).split('\n');
      expect(after.length).toBe(before.length);
      after.forEach((line, i) => {
        if (line === before[i]) return;
        changed++;
        expect({ file, line }).toEqual({
          file,
          line: expect.stringMatching(/(from |require\(|import\()'(cdktn|@cdktn\/)/),
        });
        expect(line.replace(/'cdktn/, "'cdktf").replace(/'@cdktn\//, "'@cdktf/")).toBe(before[i]);
      });
      expect({
        file,
        rest: after.filter((l) => /['"](cdktf|@cdktf\/)[^'"]*['"]/.test(l) && /from |require\(/.test(l)),
      }).toEqual({ file, rest: [] });
    }
    expect(changed).toBeGreaterThan(40);
  });

  test('src/ imports cdktf from its package root, not by deep path (both cores export the same root)', () => {
    for (const file of sourceFiles('src'))
      expect({ file, deep: /from 'cdktf\//.test(read(file)) }).toEqual({ file, deep: false });
  });

  test('jest maps the same modules the build renames', () => {
    const source =
      "import { App } from 'cdktf';\nimport { P } from '@cdktf/provider-azurerm/lib/provider';\n";
    const mapped = Object.entries(jestModuleNameMapper()).reduce(
      (text, [pattern, to]) =>
        text.replace(/'([^']+)'/g, (all, spec: string) =>
          new RegExp(pattern).test(spec) ? `'${spec.replace(new RegExp(pattern), to)}'` : all,
        ),
      source,
    );
    expect(mapped).toBe(renameModules(source, 'x.ts'));
  });

  test('peer ranges: the installed dev versions are their minimum; the azurerm pin statement is true', () => {
    expect(edition.name).toBe('cdktn-azureml-secure-endpoint');
    expect(edition.peerDependencies.cdktn).toBe(`^${installed('cdktn')}`);
    expect(edition.peerDependencies['@cdktn/provider-azurerm']).toBe(
      `^${installed('@cdktn/provider-azurerm')}`,
    );
    // cdktn 0.24 takes constructs >=10.6.0 <10.8.0; the dev dependency must satisfy both cores.
    expect(edition.peerDependencies.constructs).toBe('^10.6.0');
    expect(installed('constructs')).toMatch(/^10\.[67]\./);
    const bindings = read('node_modules/@cdktn/provider-azurerm/lib/provider/index.js');
    const pin = /providerVersion: '([^']+)'/.exec(bindings)?.[1];
    expect(guide).toContain(`${pin} with ${installed('@cdktn/provider-azurerm')}.`);
  });

  test('the overrides entry: the same in package.json, the install guide and the example app', () => {
    const documented = /## Install[\s\S]*?```json\n([\s\S]*?)```/.exec(guide)?.[1];
    const overrides = (JSON.parse(documented ?? '{}') as { overrides?: unknown }).overrides;
    expect(overrides).toEqual({ '@cdktn/provider-azurerm': { cdktn: '$cdktn' } });
    expect(pkg.overrides).toEqual(overrides);
    expect(json<Pkg>('examples/cdktn/package.json').overrides).toEqual(overrides);
  });

  test('the install command names the peer ranges', () => {
    const command = /^npm install cdktn-azureml-secure-endpoint (.*)$/m.exec(guide)?.[1].split(' ');
    expect(command?.sort()).toEqual(
      Object.entries(edition.peerDependencies)
        .map(([n, r]) => `${n}@${r}`)
        .sort(),
    );
  });

  test('examples/cdktn is the README example for cdktn, with the dependencies a cdktn user installs', () => {
    const cdktnExample = /## Example[\s\S]*?```ts\n([\s\S]*?)```/.exec(renameInCodeBlocks(readme))?.[1];
    expect(read('examples/cdktn/main.ts')).toBe(cdktnExample);
    expect(cdktnExample).toContain("from 'cdktn-azureml-secure-endpoint'");
    expect(cdktnExample).not.toMatch(/'cdktf|'@cdktf\//);
    const example = json<Pkg>('examples/cdktn/package.json');
    expect(example.dependencies).toEqual({ ...edition.peerDependencies, [edition.name]: `^${pkg.version}` });
    expect(fs.realpathSync(path.join(root, 'examples/cdktn/model-1'))).toBe(
      path.join(root, 'examples/model-1'),
    );
  });

  test('its README: the cdktn title, example and install sections; links as in the root README', () => {
    const text = cdktnReadme(readme, guide);
    expect(text.startsWith('# cdktn-azureml-secure-endpoint\n')).toBe(true);
    expect(text).toContain('"@cdktn/provider-azurerm": { "cdktn": "$cdktn" }');
    expect(text).toContain('npm install cdktn-azureml-secure-endpoint cdktn@^0.24.0');
    expect(text).not.toContain('npm install cdktf');
    const example = /## Example[\s\S]*?```ts\n([\s\S]*?)```/.exec(text)?.[1];
    expect(example).toBe(read('examples/cdktn/main.ts'));
    const links = (t: string): string[] => [...t.matchAll(/\]\((https:[^)]+)\)/g)].map((m) => m[1]);
    expect(links(text)).toEqual(expect.arrayContaining(links(readme)));
  });
});
