/** `.ci/run` tests what the package says it supports: each Node.js line, both CLIs, the release check. */
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');
const ci = read('.ci/run');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };

/** The Node.js lines CI installs (`name=$(scripts/ci/node.sh MAJOR)`), by variable. */
const lines = Object.fromEntries(
  [...ci.matchAll(/^(\w+)=\$\(scripts\/ci\/node\.sh (\d+)\)$/gm)].map((m) => [m[1], Number(m[2])]),
);

test('the README test command runs on every supported LTS line, the lowest being the engines floor', () => {
  const tested = [...ci.matchAll(/^PATH="\$(\w+):\$PATH" npm test -- --ci$/gm)].map((m) => lines[m[1]]);
  expect(tested).toEqual([22, 24]);
  expect(read('README.md')).toMatch(/^npm ci && npm test$/m);
  expect(pkg.engines.node).toBe(`>=${Math.min(...tested)}`);
  expect(read('README.md')).toContain(`Node.js ${tested.join(' or ')}`);
});

test('both CLIs, both packages and the release check run in CI', () => {
  expect(ci).toMatch(/^npm run test:cli-synth$/m);
  expect(ci).toMatch(/^PATH="\$\w+:\$PATH" npm run test:packages$/m);
  expect(ci).toMatch(/^npm run release:check$/m);
});
