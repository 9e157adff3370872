/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/__tests__/support/setup.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
