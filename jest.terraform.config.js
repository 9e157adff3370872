/**
 * The tests that run real `terraform init` + `validate` on synthesized configurations (`*.terraform.test.ts`),
 * run by `npm run validate:terraform` after the layouts and examples.
 * @type {import('jest').Config}
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['**/*.terraform.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // One at a time: the suites run `terraform init` against one provider mirror and plugin cache, and two inits
  // unpacking into it at once fail ("could not read package directory").
  maxWorkers: 1,
};
