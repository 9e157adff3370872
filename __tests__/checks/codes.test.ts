/** The list of codes in src/checks and docs/checks.md say the same; every code the source reports is listed. */
import * as fs from 'fs';
import * as path from 'path';
import { CHECK_CODES } from '../../src/checks';

const ROOT = path.join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

test('docs/checks.md lists exactly the codes of CHECK_CODES, with the same summary, under the linked page', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'checks.md'), 'utf8');
  const rows: Array<{ code: string; summary: string; doc: string }> = [];
  let section = '';
  for (const line of doc.split('\n')) {
    const heading = /^## .*\(\[details\]\(([^)]+)\)\)/.exec(line);
    if (heading !== null) section = heading[1];
    const row = /^\| (SE\d{3}) \| (.*?)\s*\|$/.exec(line);
    if (row !== null) rows.push({ code: row[1], summary: row[2], doc: section });
  }
  const sorted = <T extends { code: string }>(list: readonly T[]): T[] =>
    [...list].sort((a, b) => a.code.localeCompare(b.code));
  expect(sorted(rows)).toEqual(sorted(CHECK_CODES.map(({ code, summary, doc }) => ({ code, summary, doc }))));
});

test('every code reported in src/ is in CHECK_CODES, and every listed code is reported somewhere', () => {
  const text = sourceFiles(path.join(ROOT, 'src'))
    .filter((f) => !f.endsWith('codes.ts'))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
  const used = new Set([...text.matchAll(/'(SE\d{3})'/g)].map((m) => m[1]));
  const listed = new Set(CHECK_CODES.map((c) => c.code));
  expect([...used].filter((c) => !listed.has(c))).toEqual([]);
  expect([...listed].filter((c) => !used.has(c))).toEqual([]);
  expect(listed.size).toBe(CHECK_CODES.length);
});
