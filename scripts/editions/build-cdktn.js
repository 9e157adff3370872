/**
 * `npm run build:cdktn`: the cdktn edition (`cdktn-azureml-secure-endpoint`) in dist/cdktn, from the same src/.
 *
 * - dist/cdktn/src: src/ with the module renames of modules.js applied to every module specifier (import, export,
 *   require, import(), import types), found with the TypeScript parser; nothing else in the source changes.
 * - dist/cdktn/lib: that source compiled with tsconfig.build.json's options, type-checked against cdktn and
 *   @cdktn/provider-azurerm.
 * - package.json: the root's, with the name, description, keywords and peer ranges of scripts/editions/cdktn.json.
 * - README.md: the root README for cdktn users (see cdktnReadme), docs/*.md with the imports of their code
 *   blocks renamed, CHANGELOG.md and LICENSE as they are.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const ts = require('typescript');
const { toCdktn } = require('./modules');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'dist', 'cdktn');
const EDITION = JSON.parse(fs.readFileSync(path.join(__dirname, 'cdktn.json'), 'utf8'));
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** The TypeScript source with every module specifier renamed. */
function renameModules(text, fileName, rename = toCdktn) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const specifier = (node) => {
    if (node && ts.isStringLiteralLike(node)) {
      const renamed = rename(node.text);
      if (renamed !== node.text)
        edits.push({ start: node.getStart(source) + 1, end: node.getEnd() - 1, renamed });
    }
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) specifier(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      specifier(node.moduleReference.expression);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument))
      specifier(node.argument.literal);
    else if (ts.isModuleDeclaration(node)) specifier(node.name);
    else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      specifier(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.renamed + result.slice(edit.end);
  }
  return result;
}

/** Markdown with the imports of its ```ts blocks renamed, the package's own name included. */
function renameInCodeBlocks(markdown) {
  const rename = (s) => (s === rootPackage.name ? EDITION.name : toCdktn(s));
  return markdown.replace(
    /```ts\n([\s\S]*?)```/g,
    (_, code) => '```ts\n' + renameModules(code, 'block.ts', rename) + '```',
  );
}

/** `## Heading` sections of a markdown text by heading. */
function sections(markdown) {
  const result = new Map();
  for (const part of markdown.split(/^(?=## )/m).slice(1)) result.set(part.split('\n')[0], part);
  return result;
}

/**
 * The README of the cdktn edition: the root README with its title, first sentence and code blocks for cdktn, its
 * Install and Requirements sections replaced by those of docs/cdktn.md, and the provider package and CLI names
 * in the prose changed.
 */
function cdktnReadme(readme, guide) {
  const replacements = sections(guide);
  const rootName = rootPackage.name;
  let text = renameInCodeBlocks(readme)
    .replace(`# ${rootName}\n`, `# ${EDITION.name}\n`)
    .replace(/^CDK for Terraform constructs/m, 'CDK Terrain (`cdktn`) constructs');
  text = text.replace(/^## [^\n]*\n[\s\S]*?(?=^## |(?![\s\S]))/gm, (section) => {
    const heading = section.split('\n')[0];
    if (heading === '## Install' || heading === '## Requirements') {
      const replacement = replacements.get(heading);
      if (replacement === undefined) throw new Error(`docs/cdktn.md has no '${heading}' section`);
      return replacement.replace(/\n*$/, '\n\n');
    }
    if (heading.startsWith('## This repository')) return section;
    return section
      .replace(/`@cdktf\/provider-azurerm`/g, '`@cdktn/provider-azurerm`')
      .replace(/npx cdktf /g, 'npx cdktn ');
  });
  const editionNote =
    `This is the **cdktn edition** of [\`${rootName}\`](https://www.npmjs.com/package/${rootName}): the same ` +
    `constructs, built from the same source, for apps on CDK Terrain (\`cdktn\` 0.24 and ` +
    '`@cdktn/provider-azurerm` 16). Apps on `cdktf` 0.21 install `' +
    rootName +
    '`.\n\n';
  return text.replace(/(^# [^\n]*\n\n[\s\S]*?\n\n)/, `$1${editionNote}`).replace(/\n*$/, '\n');
}

function build() {
  fs.rmSync(OUT, { recursive: true, force: true });
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) files.push(full);
    }
  };
  walk(path.join(ROOT, 'src'));
  for (const file of files.sort()) {
    const target = path.join(OUT, 'src', path.relative(path.join(ROOT, 'src'), file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, renameModules(fs.readFileSync(file, 'utf8'), file));
  }
  fs.writeFileSync(
    path.join(OUT, 'tsconfig.json'),
    JSON.stringify(
      {
        extends: '../../tsconfig.build.json',
        compilerOptions: { rootDir: 'src', outDir: 'lib' },
        include: ['src/**/*.ts'],
        exclude: [],
      },
      null,
      2,
    ) + '\n',
  );
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', OUT], {
    stdio: 'inherit',
  });
  if (tsc.status !== 0) throw new Error('build:cdktn: tsc failed on dist/cdktn/src');

  const pkg = { ...rootPackage };
  pkg.name = EDITION.name;
  pkg.description = EDITION.description;
  pkg.keywords = [...EDITION.keywords, ...rootPackage.keywords.filter((k) => !EDITION.keywords.includes(k))];
  pkg.peerDependencies = EDITION.peerDependencies;
  for (const key of ['scripts', 'devDependencies', 'overrides']) delete pkg[key];
  fs.writeFileSync(path.join(OUT, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');

  const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
  fs.writeFileSync(path.join(OUT, 'README.md'), cdktnReadme(read('README.md'), read('docs/cdktn.md')));
  fs.mkdirSync(path.join(OUT, 'docs'));
  for (const doc of fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md'))) {
    fs.writeFileSync(path.join(OUT, 'docs', doc), renameInCodeBlocks(read(`docs/${doc}`)));
  }
  fs.copyFileSync(path.join(ROOT, 'CHANGELOG.md'), path.join(OUT, 'CHANGELOG.md'));
  fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(OUT, 'LICENSE'));
  console.log(
    `build:cdktn: ${files.length} source files -> ${path.relative(ROOT, OUT)} (${pkg.name}@${pkg.version})`,
  );
}

if (require.main === module) build();
module.exports = { renameModules, renameInCodeBlocks, cdktnReadme };
