/**
 * The shape of the source a contributor can rely on: constructors that read as a table of contents, no import
 * cycles (type-only imports included), and framework imports through package roots only (azurerm classes by
 * their deep path, never the package root, which costs a second and about 1 GB in type checking).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '../..');
const MAX_CONSTRUCTOR_LINES = 80;

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (at: string): void => {
    if (fs.statSync(at).isDirectory()) {
      for (const entry of fs.readdirSync(at).sort()) walk(path.join(at, entry));
    } else if (at.endsWith('.ts') && !at.endsWith('.d.ts')) {
      files.push(at);
    }
  };
  for (const entry of ['src', 'app', 'main.ts']) walk(path.join(ROOT, entry));
  return files;
}

const FILES = sourceFiles();
const PARSED = new Map(
  FILES.map((f) => [f, ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true)]),
);
const relative = (file: string): string => path.relative(ROOT, file).split(path.sep).join('/');

/** Module specifiers of every import and re-export of a file, type-only ones included. */
function specifiers(file: ts.SourceFile): string[] {
  return file.statements.flatMap((s) =>
    (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) &&
    s.moduleSpecifier !== undefined &&
    ts.isStringLiteral(s.moduleSpecifier)
      ? [s.moduleSpecifier.text]
      : [],
  );
}

function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
}

/** Groups of files that import each other, directly or around a loop (Tarjan's strongly connected components). */
function importCycles(): string[][] {
  const graph = new Map(
    FILES.map((f) => [
      f,
      specifiers(PARSED.get(f)!).flatMap((s) => {
        const target = resolveLocal(f, s);
        return target === undefined ? [] : [target];
      }),
    ]),
  );
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(relative(w));
    } while (w !== v);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const f of FILES) if (!index.has(f)) visit(f);
  return groups;
}

test('no import cycles among src/, app/ and main.ts (type-only imports count too)', () => {
  expect(FILES.length).toBeGreaterThan(50);
  expect(importCycles()).toEqual([]);
});

test(`no constructor over ${MAX_CONSTRUCTOR_LINES} lines: constructors read as a table of contents`, () => {
  const long: string[] = [];
  let count = 0;
  for (const [file, source] of PARSED) {
    const visit = (node: ts.Node): void => {
      if (ts.isConstructorDeclaration(node) && node.body !== undefined) {
        count += 1;
        const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const last = source.getLineAndCharacterOfPosition(node.end).line;
        if (last - first + 1 > MAX_CONSTRUCTOR_LINES)
          long.push(`${relative(file)}:${first + 1} ${last - first + 1} lines`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  expect(count).toBeGreaterThan(30);
  expect(long).toEqual([]);
});

test('framework imports through package roots; azurerm classes by deep path, never the package root', () => {
  const wrong: string[] = [];
  for (const [file, source] of PARSED) {
    for (const s of specifiers(source)) {
      if (/^(cdktf|cdktn)\//.test(s)) wrong.push(`${relative(file)}: deep import '${s}' into the framework`);
      if (/^@(cdktf|cdktn)\/provider-azurerm$/.test(s))
        wrong.push(`${relative(file)}: '${s}' from the package root (import the class by its deep path)`);
    }
  }
  expect(wrong).toEqual([]);
});

/** Every call in src/ of a function or method named `name`, as `file:line`, with its arguments. */
function callsOf(name: string): Array<{ at: string; args: readonly ts.Expression[]; statement: boolean }> {
  const found: Array<{ at: string; args: readonly ts.Expression[]; statement: boolean }> = [];
  for (const [file, source] of PARSED) {
    if (!relative(file).startsWith('src/')) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const called = ts.isIdentifier(callee)
          ? callee.text
          : ts.isPropertyAccessExpression(callee)
            ? callee.name.text
            : undefined;
        if (called === name) {
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          found.push({
            at: `${relative(file)}:${line}`,
            args: node.arguments,
            statement: ts.isExpressionStatement(node.parent),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

test('props and parameters are read with a schema constant, never a schema looked up by name', () => {
  const byName = ['readProps', 'readParams', 'readMetricParams'].flatMap((fn) =>
    callsOf(fn)
      .filter(
        ({ args }) =>
          args[1] !== undefined && (ts.isStringLiteralLike(args[1]) || ts.isTemplateExpression(args[1])),
      )
      .map(({ at }) => `${at}: ${fn} with a schema name; pass the schema constant (defineProps) instead`),
  );
  // A schema defined and dropped reads nothing: `export const X_PROPS = defineProps<XProps>('XProps', {...})`.
  const dropped = callsOf('defineProps')
    .filter(({ statement }) => statement)
    .map(({ at }) => `${at}: defineProps result dropped; keep it as the constant readProps is given`);
  expect(callsOf('readProps').length + callsOf('readParams').length).toBeGreaterThan(30);
  expect([...byName, ...dropped]).toEqual([]);
});

test('rules return their problems: nothing runs a step and catches its refusal to go on with a stand-in', () => {
  const attempts = callsOf('attempt').map(({ at }) => `${at}: attempt(); record a rule's problems instead`);
  // A catch of ConfigurationError goes on after a refusal: rules and readers return theirs (Problems, Verdict).
  const catches: string[] = [];
  for (const [file, source] of PARSED) {
    if (!relative(file).startsWith('src/')) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCatchClause(node) && /\bConfigurationError\b/.test(node.block.getText(source))) {
        catches.push(`${relative(file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  expect(attempts).toEqual([]);
  expect(catches).toEqual([]);
});
