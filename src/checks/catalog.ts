/**
 * A catalog of the names Azure knows for one kind of value (VM sizes, regions, service tags, time zones): how a
 * name given as text is looked up (ARM compares these names without case, regions also without spaces) and which
 * known names are nearest to one that is not in it, for "did you mean" in messages. The data of each catalog
 * lives next to the class that reads it, with its source; this file holds no Azure knowledge.
 */

/** How one catalog compares names and what messages call its entries. */
export interface CatalogOptions {
  /** What one entry is, for messages: `'a VM size of the managed online endpoints SKU list'`. */
  readonly what: string;
  /** Where the names come from, for messages: `"Azure ML's managed online endpoints SKU list"`. */
  readonly source: string;
  /**
   * The form two names are compared in. @default lower case (ARM compares names without case)
   */
  readonly key?: (name: string) => string;
}

/** The names of one catalog, looked up as Azure compares them. */
export class Catalog {
  private readonly byKey: ReadonlyMap<string, string>;
  private readonly key: (name: string) => string;

  /**
   * @param names the names as Azure spells them (the first of several with one key is the one messages show)
   * @param aliases other spellings Azure accepts for a name (a region's display name), by the name they stand for
   */
  constructor(
    public readonly names: readonly string[],
    public readonly options: CatalogOptions,
    aliases: ReadonlyArray<readonly [string, string]> = [],
  ) {
    this.key = options.key ?? ((n) => n.toLowerCase());
    const byKey = new Map<string, string>();
    for (const [alias, name] of [...names.map((n) => [n, n] as const), ...aliases]) {
      const k = this.key(alias);
      if (!byKey.has(k)) byKey.set(k, name);
    }
    this.byKey = byKey;
  }

  /** The catalog's spelling of `name`, or undefined when the catalog does not know it. */
  public find(name: string): string | undefined {
    return this.byKey.get(this.key(name));
  }

  /** Up to `count` known names nearest to `name` (edit distance of their compared forms), nearest first. */
  public nearest(name: string, count = 3): string[] {
    const wanted = this.key(name);
    if (wanted === '') return [];
    const scored = this.names.map((n) => {
      const k = this.key(n);
      // A known name that contains the given one (or the other way round) is as near as one edit.
      const contained = k.includes(wanted) || wanted.includes(k) ? 1 : Number.MAX_SAFE_INTEGER;
      return { n, d: Math.min(distance(wanted, k), contained + Math.abs(k.length - wanted.length) / 100) };
    });
    const limit = Math.max(2, Math.ceil(wanted.length / 3));
    return scored
      .filter((s) => s.d <= limit)
      .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))
      .slice(0, count)
      .map((s) => s.n);
  }

  /**
   * Why `name` is refused, for a message that begins with the prop and its value: not in the catalog.
   * Undefined when the catalog knows it.
   */
  public problem(name: string): string | undefined {
    if (this.find(name) !== undefined) return undefined;
    return `which is not ${this.options.what} (${this.options.source})`;
  }

  /** `did you mean 'a', 'b' or 'c'?` with the nearest names to `name`, or '' when none is near. */
  public guess(name: string): string {
    return didYouMean(this.nearest(name));
  }
}

/** `did you mean 'a', 'b' or 'c'?`, or '' for no names. */
export function didYouMean(names: readonly string[]): string {
  if (names.length === 0) return '';
  const quoted = names.map((n) => `'${n}'`);
  const last = quoted.pop();
  return `did you mean ${quoted.length === 0 ? last : `${quoted.join(', ')} or ${last}`}?`;
}

/** Levenshtein distance of two strings (insertions, deletions, substitutions of one character). */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
