/**
 * The posture test: the built-in Azure Policy definitions (MCSB, MCSBv2, and every definition with its defaults)
 * evaluated against each layout's stack, compared with the committed expectation. A verdict that gets worse fails
 * with the definition and the resource; one that gets better passes and asks for the file to be rewritten
 * (`npm run posture -- --write-expected`, or `UPDATE_POSTURE=1` on this test). docs/security.md must show what
 * the evaluation says.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { NOTES } from '../../scripts/posture/notes';
import {
  compareWithExpectation,
  docsTables,
  docsTablesIn,
  Expectation,
  expectationOf,
  Posture,
  postureOf,
  VIEWS,
} from '../../scripts/posture/report';
import { evaluateAssignment, stackResources } from '../../scripts/posture/evaluate';
import { assign, loadDefinitions } from '../../scripts/posture/policies';
import { POSTURE_LAYOUTS, synthLayout } from '../../scripts/posture/stacks';

const EXPECTED_FILE = join(__dirname, 'posture-expected.json');
const DOCS_FILE = join(__dirname, '..', '..', 'docs', 'security.md');
const UPDATE = 'npm run posture -- --write-expected --write-docs';

let posture: Posture;
beforeAll(() => {
  posture = postureOf(POSTURE_LAYOUTS);
});

const verdictOf = (layout: string, view: (typeof VIEWS)[number], name: string): string | undefined =>
  posture[layout][view].find((r) => r.name === name)?.verdict;

describe('posture of the layouts', () => {
  test('no verdict is worse than the committed expectation', () => {
    if (process.env.UPDATE_POSTURE !== undefined) {
      writeFileSync(EXPECTED_FILE, `${JSON.stringify(expectationOf(posture), null, 2)}\n`);
    }
    const expected = JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as Expectation;
    const { loosened, changed } = compareWithExpectation(expected, posture);
    // Each line names the layout, the view, the definition's display name, the resource and why.
    expect(loosened).toEqual([]);
    if (changed.length > 0) {
      console.warn(
        `the posture changed without getting worse; rewrite the expectation (${UPDATE}):\n${changed.join('\n')}`,
      );
    }
  });

  test('docs/security.md shows what the evaluation says', () => {
    // Compared cell by cell: prettier pads the tables of the page.
    const cells = (table: string): string[][] =>
      table
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line) =>
          line.startsWith('|')
            ? line
                .slice(1, -1)
                .split(/(?<!\\)\|/)
                .map((c) => (/^\s*-+\s*$/.test(c) ? '---' : c.trim()))
            : [line],
        );
    expect(cells(docsTablesIn(readFileSync(DOCS_FILE, 'utf8')))).toEqual(cells(docsTables(posture)));
  });

  test('every definition a layout does not comply with has a note in docs/security.md', () => {
    const missing = Object.entries(posture).flatMap(([layout, views]) =>
      views.all
        .filter((r) => (r.verdict === 'non-compliant' || r.verdict === 'undecidable') && !NOTES[r.name])
        .map((r) => `${layout}: ${r.displayName} (${r.name})`),
    );
    expect(missing).toEqual([]);
  });

  test('the built-ins that contradict the how-to are reported, not obeyed', () => {
    // V1LegacyMode must stay off for managed online endpoints; the image-build cluster is in the managed
    // network; the approved-outbound rule's parameter defaults to Disabled.
    expect(verdictOf('default', 'all', 'e413671a-dd10-4cc1-a943-45b598596cb7')).toBe('non-compliant');
    expect(verdictOf('default', 'MCSB', '7804b5c7-01dc-4723-969b-ae300cc07ff1')).toBe('non-compliant');
    expect(verdictOf('default', 'MCSBv2', '6ddb1705-c8cf-450e-aa4b-19ad6703c440')).toBe('non-compliant');
  });

  test('what the stack says nothing about is undecidable, not compliant', () => {
    // The private endpoints the managed network makes to the storage account are Azure's.
    expect(verdictOf('default', 'MCSB', '6edd7eda-6dd8-40f7-810d-67160c639cd9')).toBe('undecidable');
    // Network Watcher lives in NetworkWatcherRG, outside the stack.
    expect(verdictOf('default', 'MCSB', 'b6e2945c-0b7b-40f5-9233-7a5323b5cdc6')).toBe('undecidable');
  });
});

const nonCompliant = (layout: string, view: (typeof VIEWS)[number]): string[] =>
  posture[layout][view]
    .filter((r) => r.verdict === 'non-compliant')
    .map((r) => r.name)
    .sort();

describe('what each layout leaves open (docs/security.md lists each with its reason)', () => {
  test('the default stack: the computes virtual network, shared key, virtual network rules (at most 5)', () => {
    expect(nonCompliant('default', 'MCSB')).toEqual(
      [
        '7804b5c7-01dc-4723-969b-ae300cc07ff1',
        '8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54',
        'fd9903f1-38c2-4d36-8e44-5c1c20c561e8',
        '2a1a9cdf-e04d-429a-8416-3bfb72a1b26f',
        'db4f9b05-5ffd-4b34-b714-3c710dbb3fd6',
      ].sort(),
    );
  });

  test('the hardened layout: none under MCSB; under MCSBv2 the DDoS plan (the contradictions exempted)', () => {
    expect(nonCompliant('hardened', 'MCSB')).toEqual([]);
    expect(nonCompliant('hardened', 'MCSBv2')).toEqual(['94de2ad3-e0c1-4caf-ad78-5d47bbc83d3d']);
  });

  test('saved queries: the hardened layout forces customer storage for queries; the default stack does not', () => {
    const d = loadDefinitions().find((x) => x.name === 'fa298e57-9444-42ba-bf04-86e8470e32c7')!;
    const verdict = (name: string) =>
      evaluateAssignment(
        assign(d),
        stackResources(synthLayout(POSTURE_LAYOUTS.find((l) => l.name === name)!)),
      ).verdict;
    expect(verdict('hardened')).toBe('compliant');
    expect(verdict('default')).toBe('non-compliant');
  });

  test('approved outbound: flagged as MCSBv2 assigns it, compliant when assigned with AllowOnlyApprovedOutbound', () => {
    const d = loadDefinitions().find((x) => x.name === '6ddb1705-c8cf-450e-aa4b-19ad6703c440')!;
    const hardened = POSTURE_LAYOUTS.find((l) => l.name === 'hardened')!;
    const resources = stackResources(synthLayout(hardened));
    expect(evaluateAssignment(assign(d), resources).verdict).toBe('non-compliant');
    expect(
      evaluateAssignment(assign(d, { isolationMode: 'AllowOnlyApprovedOutbound' }), resources).verdict,
    ).toBe('compliant');
  });
});

describe('the comparison with the expectation', () => {
  const someNonCompliant = (): { layout: string; view: string; name: string; resource: string } => {
    for (const [layout, views] of Object.entries(posture)) {
      for (const view of VIEWS) {
        for (const r of views[view]) {
          const v = r.resources.find((x) => x.verdict === 'non-compliant');
          if (v !== undefined) return { layout, view, name: r.name, resource: v.resource };
        }
      }
    }
    throw new Error('no non-compliant verdict to test with');
  };

  test('a compliant verdict that becomes non-compliant fails, naming the definition and the resource', () => {
    const { layout, view, name, resource } = someNonCompliant();
    const expected = expectationOf(posture);
    expected[layout][view][name].resources[resource] = 'compliant';
    const { loosened } = compareWithExpectation(expected, posture);
    expect(loosened).toHaveLength(1);
    expect(loosened[0]).toContain(
      `"${expected[layout][view][name].displayName}" on ${resource}: compliant -> non-compliant`,
    );
  });

  test('a new non-compliant resource fails; a tightening is only a change', () => {
    const { layout, view, name, resource } = someNonCompliant();
    const missing = expectationOf(posture);
    delete missing[layout][view][name].resources[resource];
    expect(compareWithExpectation(missing, posture).loosened).toHaveLength(1);

    const stricter = expectationOf(posture);
    const entry = Object.entries(stricter[layout][view]).find(([, d]) =>
      Object.values(d.resources).includes('compliant'),
    );
    if (entry === undefined) throw new Error('no compliant verdict to test with');
    const [compliantName, d] = entry;
    const address = Object.keys(d.resources).find((a) => d.resources[a] === 'compliant') as string;
    stricter[layout][view][compliantName].resources[address] = 'non-compliant';
    const result = compareWithExpectation(stricter, posture);
    expect(result.loosened).toEqual([]);
    expect(result.changed.join('\n')).toContain(`on ${address}: non-compliant -> compliant`);
  });
});
