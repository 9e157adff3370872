export * from './api-version';
export * from './common';
export * from './outbound-rule';
export * from './workspace';
export * from './online-endpoint';
export * from './online-deployment';
export * from './assets';
