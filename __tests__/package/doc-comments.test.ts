/** Every optional prop of the public API says its default (the API reference is generated from these comments). */
import * as fs from 'fs';
import * as path from 'path';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

test('every optional readonly property has a doc comment with @default', () => {
  const src = path.join(__dirname, '../../src');
  const missing: string[] = [];
  for (const file of sourceFiles(src)) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (!/^\s+readonly \w+\?:/.test(line)) return;
      let doc = '';
      let j = index - 1;
      if (lines[j]?.trim().endsWith('*/')) {
        while (j >= 0 && !lines[j].includes('/**')) doc = lines[j--] + doc;
        doc = (lines[j] ?? '') + doc;
      }
      if (!doc.includes('@default')) missing.push(`${path.relative(src, file)}:${index + 1} ${line.trim()}`);
    });
  }
  expect(missing).toEqual([]);
});
