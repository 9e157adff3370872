/**
 * `npm run posture`: the built-in Azure Policy definitions evaluated against each layout's stack (the same
 * evaluation as `__tests__/security/posture.test.ts`). Prints, per layout and view, the counts and the
 * definitions that are not compliant.
 *
 *   npm run posture                       counts and the non-compliant and undecidable definitions
 *   npm run posture -- --verbose          with the reason of each verdict
 *   npm run posture -- --write-expected   rewrites __tests__/security/posture-expected.json
 *   npm run posture -- --write-docs       rewrites the generated part of docs/security.md
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { docsTables, expectationOf, formatLayout, postureOf, withDocsTables } from './report';
import { POSTURE_LAYOUTS } from './stacks';

const ROOT = join(__dirname, '..', '..');
export const EXPECTED_FILE = join(ROOT, '__tests__', 'security', 'posture-expected.json');
export const DOCS_FILE = join(ROOT, 'docs', 'security.md');

async function main(args: string[]): Promise<void> {
  const unknownArg = args.find((a) => !['--verbose', '--write-expected', '--write-docs'].includes(a));
  if (unknownArg !== undefined) {
    throw new Error(`unknown option '${unknownArg}': use --verbose, --write-expected or --write-docs`);
  }
  const posture = postureOf(POSTURE_LAYOUTS);
  for (const layout of POSTURE_LAYOUTS) {
    console.log(
      formatLayout(`${layout.name}: ${layout.title}`, posture[layout.name], args.includes('--verbose')),
    );
  }
  if (args.includes('--write-expected')) {
    writeFileSync(EXPECTED_FILE, `${JSON.stringify(expectationOf(posture), null, 2)}\n`);
    console.log(`wrote ${EXPECTED_FILE.slice(ROOT.length + 1)}`);
  }
  if (args.includes('--write-docs')) {
    const prettier = await import('prettier');
    const doc = withDocsTables(readFileSync(DOCS_FILE, 'utf8'), docsTables(posture));
    const options = (await prettier.resolveConfig(DOCS_FILE)) ?? {};
    writeFileSync(DOCS_FILE, await prettier.format(doc, { ...options, filepath: DOCS_FILE }));
    console.log(`wrote ${DOCS_FILE.slice(ROOT.length + 1)}`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
