export * from './azapi';
export * from './arm';
export * from './core';
export { ConfigurationError } from './checks';
export * from './workspace';
export * from './outbound';
export * from './endpoint';
export * from './deployment';
