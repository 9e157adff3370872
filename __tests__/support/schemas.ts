/**
 * The schemas of the library, found the way a reader of the source finds them: each is a constant exported by the
 * module that declares its interface or method (`defineProps`), not an entry in a registry. Every module under
 * `src/` is loaded and its exports (and the plain objects among them, such as a class's metric methods) searched
 * for schemas, with the schemas their readers nest, by the name each was given.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isPropsSchema, Schema, schemaName } from '../../src/checks/read';

const SRC = path.join(__dirname, '..', '..', 'src');

function modules(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? modules(path.join(dir, e.name))
        : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')
          ? [path.join(dir, e.name)]
          : [],
    )
    .sort();
}

/**
 * Schemas within an exported value: a schema and the schemas its readers nest (an options object's fields, a
 * list's element), or the values of a plain object (a class's metric methods, a reader).
 */
function schemasIn(value: unknown, seen: Set<unknown>): Schema[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || seen.has(value)) return [];
  seen.add(value);
  if (Object.getPrototypeOf(value) !== Object.prototype) return [];
  const nested = Object.values(value).flatMap((v) => schemasIn(v, seen));
  return isPropsSchema(value) ? [value as Schema, ...nested] : nested;
}

/** Every exported schema of `src/`, by name (loaded once); a name given to two schemas is an error. */
export function exportedSchemas(): ReadonlyMap<string, Schema> {
  cached ??= collect();
  return cached;
}
let cached: ReadonlyMap<string, Schema> | undefined;

function collect(): ReadonlyMap<string, Schema> {
  const found = new Map<string, Schema>();
  const duplicates: string[] = [];
  const seen = new Set<unknown>();
  for (const file of modules(SRC)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exports = require(file) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      for (const schema of schemasIn(value, seen)) {
        const name = schemaName(schema) as string;
        const existing = found.get(name);
        if (existing !== undefined && existing !== schema) duplicates.push(name);
        found.set(name, schema);
      }
    }
  }
  if (duplicates.length > 0) throw new Error(`two schemas are named ${duplicates.join(', ')}`);
  return found;
}
