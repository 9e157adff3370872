/**
 * `npm run release:notes [version]`: prints the CHANGELOG section of a version (default: package.json's), the
 * release notes the release workflow publishes. Exits 1 when the CHANGELOG has no such section.
 */
import * as fs from 'fs';
import * as path from 'path';
import { changelogSection, tagVersion } from './release-rules';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const version = tagVersion(process.argv[2] ?? pkg.version);
const section = changelogSection(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), version);
if (!section) {
  process.stderr.write(`release:notes: CHANGELOG.md has no (or an empty) '## [${version}]' section\n`);
  process.exit(1);
}
process.stdout.write(`${section}\n`);
