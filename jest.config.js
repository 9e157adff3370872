/**
 * `npm test`: unit, snapshot, conformance and property tests, run twice: once on cdktf (project `cdktf`) and once
 * on cdktn (project `cdktn`: the same tests and sources with the module renames of the cdktn edition,
 * scripts/editions/modules.js). Both projects compare against the same snapshots: the cdktn project's serializer
 * (__tests__/support/cdktn-snapshots.js) turns cdktn's spelling of a synthesized stack into cdktf's (empty
 * objects, the azurerm pin of each provider package) and nothing else, so any other difference fails.
 * Update snapshots from the cdktf project (`npx jest --selectProjects cdktf -u`), then run both: `-u` on both
 * projects would let a real cdktn difference overwrite the cdktf snapshot.
 * Tests that run real Terraform (`*.terraform.test.ts`) are left to `npm run validate:terraform`
 * (jest.terraform.config.js), which CI runs beside them: they take most of a minute and need the providers.
 * The tests of the editions themselves (`__tests__/editions/` but misuse) run once, in the cdktf project.
 * @type {import('jest').Config}
 */
const { jestModuleNameMapper } = require('./scripts/editions/modules');

/** What both projects share (jest.terraform.config.js starts from it too). */
const project = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.terraform\\.test\\.ts$'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  setupFilesAfterEnv: ['<rootDir>/__tests__/support/setup.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};

module.exports = {
  // Jest leaves a core to its own process by default, which on a 2-core CI runner means one worker; the
  // suite is CPU-bound synthesis and the main process idles, so use every core (34 s instead of 50 s on 2).
  maxWorkers: '100%',
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  projects: [
    // `CORE`: the core a project's tests must find behind `import ... from 'cdktf'` (__tests__/editions/misuse.test.ts).
    { ...project, displayName: 'cdktf', globals: { CORE: 'cdktf' } },
    {
      ...project,
      displayName: 'cdktn',
      globals: { CORE: 'cdktn' },
      testPathIgnorePatterns: [
        ...project.testPathIgnorePatterns,
        '/__tests__/editions/(how-to-parity|packages|snapshots)',
      ],
      moduleNameMapper: jestModuleNameMapper(),
      snapshotSerializers: ['<rootDir>/__tests__/support/cdktn-snapshots.js'],
    },
  ],
};
// Not enumerable: jest would warn about an unknown option.
Object.defineProperty(module.exports, 'project', { value: project });
