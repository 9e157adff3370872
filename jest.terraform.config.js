/**
 * The tests that run real `terraform init` + `validate` on synthesized configurations (`*.terraform.test.ts`),
 * run by `npm run validate:terraform` after the layouts and examples (on cdktf; the cdktn edition's how-to stack
 * is validated by the script itself).
 * @type {import('jest').Config}
 */
const { project } = require('./jest.config');

module.exports = {
  ...project,
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  testMatch: ['**/*.terraform.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // One at a time: the suites run `terraform init` against one provider mirror and plugin cache, and two inits
  // unpacking into it at once fail ("could not read package directory").
  maxWorkers: 1,
};
