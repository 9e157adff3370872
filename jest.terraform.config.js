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
};
