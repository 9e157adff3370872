/**
 * What a release must agree on, as pure functions (tested in __tests__/package/release.test.ts): the CHANGELOG
 * section of a version, and the versions of both packages, the tag and the CHANGELOG.
 */

/** A packed package: its name and version as its tarball's package.json says. */
export interface PackedPackage {
  readonly name: string;
  readonly version: string;
  readonly engines?: Record<string, string>;
}

/** Semantic version `MAJOR.MINOR.PATCH`, with an optional pre-release (`-rc.1`); no build metadata. */
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/;

/** The `## [x.y.z]` headings of a Keep a Changelog file, in order (`Unreleased` included). */
export function changelogVersions(changelog: string): string[] {
  return [...changelog.matchAll(/^## \[([^\]]+)\]/gm)].map((m) => m[1]);
}

/**
 * The body of the `## [version]` section (up to the next `## ` heading or link definitions), trimmed;
 * `undefined` when the CHANGELOG has no such section.
 */
export function changelogSection(changelog: string, version: string): string | undefined {
  const lines = changelog.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## [${version}]`));
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith('## ') || /^\[[^\]]+\]: /.test(l));
  return rest
    .slice(0, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}

/** `v1.2.3` or `1.2.3` -> `1.2.3`; a tag that is not a version stays as it is (and then fails the check). */
export function tagVersion(tag: string): string {
  return tag.replace(/^v(?=\d)/, '');
}

/**
 * Why the packages cannot be released as they are, one line each (empty: they can): the root version is a
 * semantic version, both packages carry it and the same `engines`, the tag (when given) names it, and the
 * CHANGELOG has exactly one non-empty section for it.
 */
export function releaseProblems(input: {
  readonly version: string;
  readonly packages: readonly PackedPackage[];
  readonly expectedNames: readonly string[];
  readonly changelog: string;
  readonly tag?: string;
}): string[] {
  const { version, packages, expectedNames, changelog, tag } = input;
  const problems: string[] = [];
  if (!SEMVER.test(version))
    problems.push(`package.json version '${version}' is not a semantic version (x.y.z)`);
  const names = packages.map((p) => p.name).sort();
  if (JSON.stringify(names) !== JSON.stringify([...expectedNames].sort())) {
    problems.push(
      `packed ${names.join(', ') || 'nothing'}, expected ${[...expectedNames].sort().join(', ')}`,
    );
  }
  for (const p of packages) {
    if (p.version !== version)
      problems.push(`${p.name} is packed as ${p.version}, package.json says ${version}`);
  }
  const engines = new Set(packages.map((p) => JSON.stringify(p.engines ?? {})));
  if (engines.size > 1)
    problems.push(`the packages declare different engines: ${[...engines].join(' and ')}`);
  if (tag !== undefined && tagVersion(tag) !== version) {
    problems.push(`tag '${tag}' does not name version ${version}: tag the commit v${version}`);
  }
  const sections = changelogVersions(changelog).filter((v) => v === version);
  if (sections.length === 0) {
    problems.push(
      `CHANGELOG.md has no '## [${version}]' section: move the [Unreleased] entries under it before tagging`,
    );
  } else if (sections.length > 1) {
    problems.push(`CHANGELOG.md has ${sections.length} '## [${version}]' sections: keep one`);
  } else if (!changelogSection(changelog, version)) {
    problems.push(`CHANGELOG.md's '## [${version}]' section is empty: it is the release notes`);
  }
  return problems;
}
