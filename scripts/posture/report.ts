/**
 * The posture of the layouts: verdicts per view (each initiative, and every definition with its defaults),
 * counts, the expectation file the posture test compares with, and the generated table of docs/security.md.
 */
import { DefinitionResult, evaluateInitiative, VerdictKind } from './evaluate';
import { NOTES } from './notes';
import {
  defaultsInitiative,
  Definition,
  Initiative,
  INITIATIVES,
  loadDefinitions,
  loadInitiative,
} from './policies';
import { PostureLayout, synthLayout } from './stacks';
import { ordinal } from './values';

/** The views: the two initiatives as assigned, and every definition with its own defaults. */
export const VIEWS = [...INITIATIVES.map((i) => i.key), 'all'] as const;
export type View = (typeof VIEWS)[number];

export type LayoutPosture = Record<View, DefinitionResult[]>;
export type Posture = Record<string, LayoutPosture>;

function initiatives(): Record<View, Initiative> {
  return { MCSB: loadInitiative('MCSB'), MCSBv2: loadInitiative('MCSBv2'), all: defaultsInitiative() };
}

/** Evaluates every view on every layout. */
export function postureOf(layouts: readonly PostureLayout[]): Posture {
  const views = initiatives();
  const out: Posture = {};
  for (const layout of layouts) {
    const json = synthLayout(layout);
    out[layout.name] = Object.fromEntries(
      VIEWS.map((v) => [v, evaluateInitiative(views[v], json)]),
    ) as LayoutPosture;
  }
  return out;
}

export type Counts = Record<VerdictKind | 'disabled', number>;

/** How many definitions of a view end in each verdict. */
export function countsOf(results: readonly DefinitionResult[]): Counts {
  const counts: Counts = {
    compliant: 0,
    'non-compliant': 0,
    undecidable: 0,
    'not-applicable': 0,
    disabled: 0,
  };
  for (const r of results) counts[r.verdict]++;
  return counts;
}

const VIEW_TITLES: Record<View, string> = {
  MCSB: 'Microsoft cloud security benchmark (1f3afdf9-d0c9-4c3d-847f-89da613e70a8)',
  MCSBv2: '[Preview]: Microsoft cloud security benchmark v2 (e3ec7e09-768c-4b64-882c-fcada3772047)',
  all: 'every definition of the six categories, with its defaults',
};

/** The text `npm run posture` prints for one layout. */
export function formatLayout(name: string, posture: LayoutPosture, verbose = false): string {
  const lines = [`${name}`];
  for (const view of VIEWS) {
    const c = countsOf(posture[view]);
    lines.push(
      `  ${VIEW_TITLES[view]}`,
      `    compliant ${c.compliant}, non-compliant ${c['non-compliant']}, undecidable ${c.undecidable}, ` +
        `not applicable ${c['not-applicable']}, disabled by the assignment ${c.disabled}`,
    );
    for (const kind of ['non-compliant', 'undecidable'] as const) {
      for (const r of posture[view].filter((x) => x.verdict === kind)) {
        lines.push(`    ${kind}: ${r.displayName}`);
        for (const v of r.resources.filter((x) => x.verdict === kind)) {
          lines.push(`      ${v.resource}${verbose ? `: ${v.reason}` : ''}`);
        }
      }
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// The expectation file

export interface ExpectedDefinition {
  readonly displayName: string;
  readonly verdict: VerdictKind | 'disabled';
  /** Terraform address to verdict, for the resources in scope. */
  readonly resources: Record<string, VerdictKind>;
}
export type Expectation = Record<string, Record<string, Record<string, ExpectedDefinition>>>;

/** The expectation file's content for a posture (sorted, so that it diffs well). */
export function expectationOf(posture: Posture): Expectation {
  const out: Expectation = {};
  for (const [layout, views] of Object.entries(posture)) {
    out[layout] = {};
    for (const view of VIEWS) {
      out[layout][view] = Object.fromEntries(
        views[view].map((r) => [
          r.name,
          {
            displayName: r.displayName,
            verdict: r.verdict,
            resources: Object.fromEntries(
              [...r.resources]
                .sort((a, b) => ordinal(a.resource, b.resource))
                .map((v) => [v.resource, v.verdict]),
            ),
          },
        ]),
      );
    }
  }
  return out;
}

/** How bad a verdict is: a change to a worse one loosens the posture. */
const RANK: Record<string, number> = { 'non-compliant': 2, undecidable: 1 };
const rank = (v: string | undefined): number => RANK[v ?? ''] ?? 0;

export interface Comparison {
  /** Verdicts that got worse: compliant (or new) to undecidable or non-compliant, undecidable to non-compliant. */
  readonly loosened: string[];
  /** Every other difference (tightenings, resources gone, definitions added). */
  readonly changed: string[];
}

/** Compares a posture with the expectation file. */
export function compareWithExpectation(expected: Expectation, posture: Posture): Comparison {
  const loosened: string[] = [];
  const changed: string[] = [];
  for (const [layout, views] of Object.entries(posture)) {
    for (const view of VIEWS) {
      const before = expected[layout]?.[view] ?? {};
      for (const r of views[view]) {
        const was = before[r.name];
        const seen = new Set<string>();
        for (const v of r.resources) {
          seen.add(v.resource);
          const prev = was?.resources[v.resource];
          const line = `${layout} / ${view}: "${r.displayName}" on ${v.resource}: ${prev ?? 'not evaluated'} -> ${v.verdict} (${v.reason})`;
          if (rank(v.verdict) > rank(prev)) loosened.push(line);
          else if (prev !== v.verdict) changed.push(line);
        }
        for (const [resource, prev] of Object.entries(was?.resources ?? {})) {
          if (!seen.has(resource))
            changed.push(`${layout} / ${view}: "${r.displayName}" on ${resource}: ${prev} -> gone`);
        }
        if (was === undefined) changed.push(`${layout} / ${view}: "${r.displayName}" is new`);
        else if (was.verdict !== r.verdict && !changed.some((c) => c.includes(`"${r.displayName}"`))) {
          changed.push(`${layout} / ${view}: "${r.displayName}": ${was.verdict} -> ${r.verdict}`);
        }
      }
    }
    if (expected[layout] === undefined) changed.push(`${layout}: a new layout`);
  }
  return { loosened, changed };
}

// ---------------------------------------------------------------------------------------------------------------
// The generated part of docs/security.md

export const DOCS_BEGIN =
  '<!-- posture:begin (generated by `npm run posture -- --write-docs`; do not edit) -->';
export const DOCS_END = '<!-- posture:end -->';

const EFFECTS: Record<string, string> = {
  audit: 'Audit',
  deny: 'Deny',
  modify: 'Modify',
  auditifnotexists: 'AuditIfNotExists',
  deployifnotexists: 'DeployIfNotExists',
  disabled: 'Disabled',
};

const CELL: Record<VerdictKind, string> = {
  compliant: 'compliant',
  'non-compliant': '**non-compliant**',
  undecidable: '_undecidable_',
  'not-applicable': 'not applicable',
};

const escape = (s: string): string => s.replace(/\|/g, '\\|');

/** The tables between the markers: counts per layout and view, then one row per definition by category. */
export function docsTables(posture: Posture): string {
  const layouts = Object.keys(posture);
  const out: string[] = [];
  out.push(`| layout | view | compliant | non-compliant | undecidable | not applicable | disabled |`);
  out.push(`|---|---|---|---|---|---|---|`);
  for (const layout of layouts) {
    for (const view of VIEWS) {
      const c = countsOf(posture[layout][view]);
      out.push(
        `| ${layout} | ${view === 'all' ? 'every definition, defaults' : view} | ${c.compliant} | ${c['non-compliant']} | ` +
          `${c.undecidable} | ${c['not-applicable']} | ${c.disabled} |`,
      );
    }
  }
  const assigned = (view: View, d: Definition): string => {
    const r = posture[layouts[0]][view].find((x) => x.name === d.name);
    return r === undefined ? '-' : (EFFECTS[r.effect] ?? r.effect);
  };
  const byCategory = new Map<string, Definition[]>();
  for (const d of loadDefinitions()) byCategory.set(d.category, [...(byCategory.get(d.category) ?? []), d]);
  for (const [category, defs] of byCategory) {
    out.push('', `### ${category}`, '');
    out.push(`| definition | MCSB | MCSBv2 | ${layouts.join(' | ')} | why, and what closes it |`);
    out.push(`|---|---|---|${layouts.map(() => '---|').join('')}---|`);
    for (const d of defs) {
      const cells = layouts.map((layout) => {
        const base = posture[layout].all.find((x) => x.name === d.name);
        let cell = base === undefined ? '-' : base.verdict === 'disabled' ? 'disabled' : CELL[base.verdict];
        for (const view of INITIATIVES.map((i) => i.key)) {
          const r = posture[layout][view].find((x) => x.name === d.name);
          if (r !== undefined && r.verdict !== 'disabled' && r.verdict !== base?.verdict) {
            cell += ` (${view}: ${CELL[r.verdict]})`;
          }
        }
        return cell;
      });
      out.push(
        `| ${escape(d.displayName)} | ${assigned('MCSB', d)} | ${assigned('MCSBv2', d)} | ${cells.join(' | ')} | ` +
          `${escape(NOTES[d.name] ?? '')} |`,
      );
    }
  }
  return out.join('\n');
}

/** docs/security.md with its generated part replaced. */
export function withDocsTables(doc: string, tables: string): string {
  const begin = doc.indexOf(DOCS_BEGIN);
  const end = doc.indexOf(DOCS_END);
  if (begin < 0 || end < begin)
    throw new Error(`docs/security.md has no '${DOCS_BEGIN}' ... '${DOCS_END}' markers`);
  return `${doc.slice(0, begin + DOCS_BEGIN.length)}\n\n${tables}\n\n${doc.slice(end)}`;
}

/** The generated part of docs/security.md as written. */
export function docsTablesIn(doc: string): string {
  const begin = doc.indexOf(DOCS_BEGIN);
  const end = doc.indexOf(DOCS_END);
  if (begin < 0 || end < begin) return '';
  return doc.slice(begin + DOCS_BEGIN.length, end).trim();
}
