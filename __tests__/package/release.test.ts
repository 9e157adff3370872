/** What `npm run release:check` and `npm run release:notes` decide (scripts/release/release-rules.ts). */
import * as fs from 'fs';
import * as path from 'path';
import {
  changelogSection,
  changelogVersions,
  releaseProblems,
  tagVersion,
} from '../../scripts/release/release-rules';
import { parse } from 'yaml';

const CHANGELOG = `# Changelog

## [Unreleased]

- Next.

## [1.1.0]

- Added X.

### Fixed

- Y.

## [1.0.0]

- First.

[1.1.0]: https://example.com/compare/v1.0.0...v1.1.0
`;

const good = {
  version: '1.1.0',
  packages: [
    { name: 'a', version: '1.1.0', engines: { node: '>=22' } },
    { name: 'b', version: '1.1.0', engines: { node: '>=22' } },
  ],
  expectedNames: ['a', 'b'],
  changelog: CHANGELOG,
  tag: 'v1.1.0',
};

test('the section of a version is its body, subsections included, up to the next version', () => {
  expect(changelogVersions(CHANGELOG)).toEqual(['Unreleased', '1.1.0', '1.0.0']);
  expect(changelogSection(CHANGELOG, '1.1.0')).toBe('- Added X.\n\n### Fixed\n\n- Y.');
  expect(changelogSection(CHANGELOG, '1.0.0')).toBe('- First.');
  expect(changelogSection(CHANGELOG, '2.0.0')).toBeUndefined();
});

test('a tag names a version with or without its v', () => {
  expect(tagVersion('v1.2.3')).toBe('1.2.3');
  expect(tagVersion('1.2.3-rc.1')).toBe('1.2.3-rc.1');
  expect(tagVersion('vnext')).toBe('vnext');
});

test('versions, tag, engines and changelog that agree pass', () => {
  expect(releaseProblems(good)).toEqual([]);
  expect(releaseProblems({ ...good, tag: undefined })).toEqual([]);
});

test('each disagreement is one problem that says what to do', () => {
  expect(
    releaseProblems({
      ...good,
      packages: [
        { name: 'a', version: '1.1.0', engines: { node: '>=22' } },
        { name: 'b', version: '1.0.0', engines: { node: '>=20' } },
      ],
      tag: 'v1.2.0',
    }),
  ).toEqual([
    'b is packed as 1.0.0, package.json says 1.1.0',
    'the packages declare different engines: {"node":">=22"} and {"node":">=20"}',
    "tag 'v1.2.0' does not name version 1.1.0: tag the commit v1.1.0",
  ]);
  expect(releaseProblems({ ...good, version: '1.2', tag: undefined })[0]).toContain(
    "'1.2' is not a semantic",
  );
  expect(releaseProblems({ ...good, packages: good.packages.slice(0, 1) })).toContain(
    'packed a, expected a, b',
  );
  expect(releaseProblems({ ...good, version: '1.2.0', tag: undefined, packages: [] })).toEqual([
    'packed nothing, expected a, b',
    "CHANGELOG.md has no '## [1.2.0]' section: move the [Unreleased] entries under it before tagging",
  ]);
  expect(releaseProblems({ ...good, changelog: `${CHANGELOG}\n## [1.1.0]\n\n- Again.\n` })).toEqual([
    "CHANGELOG.md has 2 '## [1.1.0]' sections: keep one",
  ]);
  expect(releaseProblems({ ...good, changelog: '## [1.1.0]\n\n## [1.0.0]\n- x\n' })).toEqual([
    "CHANGELOG.md's '## [1.1.0]' section is empty: it is the release notes",
  ]);
});

test("this repository's CHANGELOG has a section for package.json's version", () => {
  const root = path.join(__dirname, '..', '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  expect(changelogSection(fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), version)).toMatch(/\S/);
});

describe('the release workflow', () => {
  interface Step {
    readonly uses?: string;
    readonly run?: string;
    readonly with?: Record<string, unknown>;
    readonly env?: Record<string, string>;
  }
  const root = path.join(__dirname, '..', '..');
  const workflow = parse(fs.readFileSync(path.join(root, '.github/workflows/release.yml'), 'utf8')) as {
    on: { push: { tags: string[]; branches?: string[] } };
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
  const runs = steps.map((s) => s.run ?? '');
  const index = (pattern: RegExp): number => runs.findIndex((r) => pattern.test(r));

  test('runs on version tags only, with provenance rights', () => {
    expect(workflow.on.push).toEqual({ tags: ['v*.*.*'] });
    expect(workflow.permissions['id-token']).toBe('write');
  });

  test('is thin: CI, the release check, then publishing both packed tarballs with provenance, then the notes', () => {
    const order = [
      /^\.ci\/run$/,
      /npm run release:check -- --tag/,
      /npm publish .*--provenance/,
      /release:notes/,
    ];
    const positions = order.map(index);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(runs.join('\n')).toContain('dist/packages/*.tgz');
    // Built from one commit: nothing is packed, built or installed outside the repository's scripts.
    expect(runs.join('\n')).not.toMatch(/npm (pack|run build|install)/);
  });

  test('sets up a supported Node.js line', () => {
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect([22, 24]).toContain(Number(node?.with?.['node-version']));
  });
});
