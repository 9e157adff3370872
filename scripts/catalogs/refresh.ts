/**
 * Regenerates the catalogs of Azure names from their public sources (scripts/catalogs/sources.ts):
 *
 *   npm run catalogs:refresh                          # every catalog, from each document's main branch
 *   npm run catalogs:refresh -- regions --ref <sha>   # one catalog, at a commit
 *   npm run catalogs:refresh -- regions --from <file> --ref <sha>   # from a local copy of the document
 *
 * Writes the extract read (the fixture) and the data file; review both diffs like code: a name that disappears
 * means Azure retired it, and users who still give it will be refused.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CATALOG_SOURCES, CatalogSource, fixtureHeader, rawUrl, renderDataFile } from './sources';

const ROOT = path.join(__dirname, '..', '..');

interface Args {
  readonly names: string[];
  readonly from?: string;
  readonly ref?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const names: string[] = [];
  let from: string | undefined;
  let ref: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--from') from = argv[++i];
    else if (argv[i] === '--ref') ref = argv[++i];
    else names.push(argv[i]);
  }
  return { names, from, ref };
}

async function documentText(source: CatalogSource, args: Args, ref: string): Promise<string> {
  if (args.from !== undefined) return fs.readFileSync(args.from, 'utf8');
  const response = await fetch(rawUrl(source, ref));
  if (!response.ok) throw new Error(`${rawUrl(source, ref)}: HTTP ${response.status}`);
  return response.text();
}

async function refresh(source: CatalogSource, args: Args): Promise<void> {
  const ref = args.ref ?? source.branch;
  const rows = source.extract(await documentText(source, args, ref));
  if (rows.length === 0) throw new Error(`${source.name}: no rows found; the document's layout changed`);
  const entries = source.parse(rows);
  fs.writeFileSync(path.join(ROOT, source.fixture), `${[fixtureHeader(source, ref), ...rows].join('\n')}\n`);
  fs.writeFileSync(path.join(ROOT, source.output), renderDataFile(source, entries, ref));
  console.log(`${source.name}: ${entries.length} entries -> ${source.output}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const unknown = args.names.filter((n) => !CATALOG_SOURCES.some((s) => s.name === n));
  if (unknown.length > 0) {
    throw new Error(
      `unknown catalog ${unknown.join(', ')}: one of ${CATALOG_SOURCES.map((s) => s.name).join(', ')}`,
    );
  }
  const chosen = CATALOG_SOURCES.filter((s) => args.names.length === 0 || args.names.includes(s.name));
  if (args.from !== undefined && chosen.length !== 1)
    throw new Error('--from reads one document: name one catalog');
  for (const source of chosen) await refresh(source, args);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exitCode = 1;
});
