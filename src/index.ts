export * from './azapi';
export * from './arm';
export * from './core';
export type { CheckCode } from './checks';
export { CHECK_CODES, ConfigurationError, ConfigurationErrors, configurationProblems } from './checks';
export * from './workspace';
export * from './outbound';
export * from './endpoint';
export * from './deployment';
