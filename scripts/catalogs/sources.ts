/**
 * Where each catalog of Azure names comes from, and how its public source is turned into the data file next to
 * the reader that applies it. `refresh.ts` downloads the source, writes the extract it read (the fixture under
 * `__tests__/fixtures/catalogs/`) and the data file; `__tests__/checks/catalogs.test.ts` parses the committed
 * extract again and fails when it and the data file disagree. Nothing here runs at synth.
 */

/** One catalog: its public source, the extract kept as a fixture, and the data file generated from it. */
export interface CatalogSource {
  /** The catalog's name, as `refresh.ts` takes it. */
  readonly name: string;
  /** The document's title, for comments. */
  readonly title: string;
  /** The GitHub repository that holds the document. */
  readonly repo: string;
  /** The document's path in the repository. */
  readonly path: string;
  /** The branch refreshed from. */
  readonly branch: string;
  /** The extract of the source, relative to the repository root. */
  readonly fixture: string;
  /** The generated data file, relative to the repository root. */
  readonly output: string;
  /** The rows of the document the catalog is made of, one line each, normalised (cells trimmed). */
  extract(markdown: string): string[];
  /** The entries the rows name, in the data file's order. */
  parse(rows: readonly string[]): readonly CatalogEntry[];
  /** The data file's declarations (after the generated header). */
  render(entries: readonly CatalogEntry[]): string;
}

/** One entry: its name as Azure spells it and, per catalog, what else the library reads of it. */
export interface CatalogEntry {
  readonly name: string;
  /** Regions: the display name (`West Europe`), which ARM accepts too. */
  readonly displayName?: string;
  /** Service tags: whether `Tag.Region` forms exist. */
  readonly regional?: boolean;
  /** Instance types: whether the VM has GPUs. */
  readonly gpu?: boolean;
}

/** The cells of a Markdown table row, trimmed, or undefined for a line that is not a row. */
function cells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|')) return undefined;
  return trimmed
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
}

/** Markdown and DocFx markup out of a cell: images, bold, links. */
function plain(cell: string): string {
  return cell
    .replace(/:::image[^:]*:::/g, '')
    .replace(/\*\*/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim();
}

/** The lines from the first line matching `start` to the first blank line after it. */
function section(markdown: string, start: RegExp): string[] {
  const lines = markdown.split(/\r?\n/);
  const from = lines.findIndex((l) => start.test(l));
  if (from < 0)
    throw new Error(`the source no longer has a line matching ${start}: read it and update the extract`);
  const rest = lines.slice(from);
  const end = rest.findIndex((l, i) => i > 0 && l.trim() === '');
  return end < 0 ? rest : rest.slice(0, end);
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Azure's own spelling of a VM size from the SKU list's upper-case one: `STANDARD_NC24ADS_A100_V4` is
 * `Standard_NC24ads_A100_v4` (family and size upper case, feature letters lower case, `v` of the version lower).
 * ARM compares sizes without case; the spelling only makes messages read as the portal and the CLI print them.
 */
export function vmSizeSpelling(upper: string): string {
  const [, ...segments] = upper.split('_');
  const spelled = segments.map((segment, i) => {
    if (/^V\d+$/.test(segment)) return segment.toLowerCase();
    const size = /^([A-Z]+)(\d+)([A-Z]*)$/.exec(segment);
    if (i === 0 && size !== null) return `${size[1]}${size[2]}${size[3].toLowerCase()}`;
    return segment;
  });
  return ['Standard', ...spelled].join('_');
}

const INSTANCE_TYPES: CatalogSource = {
  name: 'instance-types',
  title: 'Managed online endpoints SKU list',
  repo: 'MicrosoftDocs/azure-ai-docs',
  path: 'articles/machine-learning/reference-managed-online-endpoints-vm-sku-list.md',
  branch: 'main',
  fixture: '__tests__/fixtures/catalogs/instance-types.md',
  output: 'src/deployment/instance-type-catalog.ts',
  // The table's rows: family | VM size name | infiniband | architecture | GPUs | cores | skip reservation.
  extract: (markdown) =>
    markdown
      .split(/\r?\n/)
      .map(cells)
      .filter((c): c is string[] => c !== undefined && /^STANDARD_/i.test(c[1] ?? ''))
      .map((c) => `| ${c[1].toUpperCase()} | ${c[3]} |`),
  parse: (rows) =>
    rows.map((row) => {
      const [size, architecture] = cells(row) ?? [];
      return { name: vmSizeSpelling(size), gpu: /gpu/i.test(architecture) };
    }),
  render: (entries) =>
    [
      '/** The VM sizes of the SKU list, as Azure spells them, and whether each has GPUs. */',
      'export const INSTANCE_TYPE_CATALOG: ReadonlyArray<{ readonly name: string; readonly gpu: boolean }> = [',
      ...entries.map((e) => `  { name: ${quote(e.name)}, gpu: ${e.gpu === true} },`),
      '];',
    ].join('\n'),
};

const REGIONS: CatalogSource = {
  name: 'regions',
  title: 'Azure regions list',
  repo: 'MicrosoftDocs/reliability-docs',
  path: 'articles/reliability/regions-list.md',
  branch: 'main',
  fixture: '__tests__/fixtures/catalogs/regions.md',
  output: 'src/core/region-catalog.ts',
  // The "All" tab's table: region | zones | paired region | location | geography | programmatic name.
  // A restricted region named only as another's pair (Sweden South) has no row: its programmatic name is its
  // display name in lower case without spaces, as for every listed region.
  extract: (markdown) => {
    const rows = section(markdown, /^\| Region \| Availability zone support/)
      .map(cells)
      .filter((c): c is string[] => c !== undefined && /^[a-z0-9]+$/.test(c[5] ?? ''));
    const listed = new Set(rows.map((c) => c[5]));
    const pairs = rows
      .map((c) => plain(c[2]))
      .filter((p) => p !== '' && p !== 'N/A')
      .map((p) => [p, p.toLowerCase().replace(/\s+/g, '')])
      .filter(([, name]) => !listed.has(name));
    const unique = [...new Map(pairs.map(([p, name]) => [name, p])).entries()];
    return [
      ...rows.map((c) => `| ${plain(c[0])} | ${c[5]} |`),
      ...unique.map(([name, p]) => `| ${p} | ${name} |`),
    ];
  },
  parse: (rows) =>
    rows.map((row) => {
      const [displayName, name] = cells(row) ?? [];
      return { name, displayName };
    }),
  render: (entries) =>
    [
      "/** The public cloud's regions: the programmatic name ARM ids and `location` use, and the display name. */",
      'export const REGION_CATALOG: ReadonlyArray<{ readonly name: string; readonly displayName: string }> = [',
      ...entries.map((e) => `  { name: ${quote(e.name)}, displayName: ${quote(e.displayName ?? e.name)} },`),
      '];',
    ].join('\n'),
};

const SERVICE_TAGS: CatalogSource = {
  name: 'service-tags',
  title: 'Virtual network service tags',
  repo: 'MicrosoftDocs/azure-docs',
  path: 'articles/virtual-network/service-tags-overview.md',
  branch: 'main',
  fixture: '__tests__/fixtures/catalogs/service-tags.md',
  output: 'src/outbound/service-tag-catalog.ts',
  // The table of available tags: tag(s) | purpose | direction | can be regional | firewall. A row may name
  // several tags (`AzureFrontDoor.Frontend <br/> AzureFrontDoor.Backend`).
  extract: (markdown) =>
    section(markdown, /^\| Tag \| Purpose \|/)
      .map(cells)
      .filter((c): c is string[] => c !== undefined && /^\*\*/.test(c[0] ?? ''))
      .flatMap((c) =>
        c[0]
          .split(/<br\s*\/?>/i)
          .map(plain)
          .filter((t) => t !== '')
          .map((tag) => `| ${tag} | ${c[3]} |`),
      ),
  parse: (rows) =>
    rows.map((row) => {
      const [name, regional] = cells(row) ?? [];
      return { name, regional: /^yes$/i.test(regional) };
    }),
  render: (entries) =>
    [
      '/** The service tags of the public cloud, and whether each has regional forms (`Storage.WestEurope`). */',
      'export const SERVICE_TAG_CATALOG: ReadonlyArray<{ readonly name: string; readonly regional: boolean }> = [',
      ...entries.map((e) => `  { name: ${quote(e.name)}, regional: ${e.regional === true} },`),
      '];',
    ].join('\n'),
};

/** Every catalog, by name. */
export const CATALOG_SOURCES: readonly CatalogSource[] = [INSTANCE_TYPES, REGIONS, SERVICE_TAGS];

/** The address of a source document's text at a commit or branch. */
export function rawUrl(source: CatalogSource, ref: string): string {
  return `https://raw.githubusercontent.com/${source.repo}/${ref}/${source.path}`;
}

/** The header of an extract: where it was read, at which commit. */
export function fixtureHeader(source: CatalogSource, ref: string): string {
  return `<!-- ${source.title}: ${source.repo} ${source.path} at ${ref}; written by scripts/catalogs/refresh.ts -->`;
}

/** The commit (or branch) an extract's header names. */
export function fixtureRef(fixture: string): string | undefined {
  return /^<!-- .* at (\S+); written by/.exec(fixture)?.[1];
}

/** The rows of an extract (every line after its header). */
export function fixtureRows(fixture: string): string[] {
  return fixture.split(/\r?\n/).filter((l) => l.startsWith('|'));
}

/** The data file for `entries` read from `source` at `ref`. */
export function renderDataFile(source: CatalogSource, entries: readonly CatalogEntry[], ref: string): string {
  return [
    '/*',
    ` * Generated by scripts/catalogs/refresh.ts (npm run catalogs:refresh -- ${source.name}); do not edit.`,
    ` * Source: "${source.title}", ${source.repo} ${source.path} at ${ref}`,
    ` * (${rawUrl(source, ref)}).`,
    ` * The rows read are in ${source.fixture}; __tests__/checks/catalogs.test.ts compares the two.`,
    ' */',
    '',
    source.render(entries),
    '',
  ].join('\n');
}
