/** Compiles TypeScript to plain CommonJS with SWC (no type check, no source maps) for the compiled-JS rows. */
import { mkdirSync, readdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { transformFileSync } from '@swc/core';

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * Writes `<outDir>/<file relative to root>.js` for each file or folder given (relative to root), keeping the
 * layout, so relative imports and `node_modules` resolution work as from the sources.
 */
export function compileToJs(root: string, outDir: string, entries: readonly string[]): void {
  for (const entry of entries) {
    const full = path.join(root, entry);
    const files = entry.endsWith('.ts') ? [full] : tsFiles(full);
    for (const file of files) {
      const { code } = transformFileSync(file, {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
        sourceMaps: false,
        swcrc: false,
      });
      const out = path.join(outDir, path.relative(root, file).replace(/\.ts$/, '.js'));
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, code);
    }
  }
}
