/**
 * `npm test`: unit, snapshot, conformance and property tests. Tests that run real Terraform
 * (`*.terraform.test.ts`) are left to `npm run validate:terraform` (jest.terraform.config.js), which CI runs
 * beside them: they take most of a minute and need the providers.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  // Jest leaves a core to its own process by default, which on a 2-core CI runner means one worker; the
  // suite is CPU-bound synthesis and the main process idles, so use every core (34 s instead of 50 s on 2).
  maxWorkers: '100%',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.terraform\\.test\\.ts$'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/__tests__/support/setup.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
