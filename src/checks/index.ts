export * from './configuration-error';
export * from './validation';
export * from './codes';
export * from './arm-id';
export * from './types';
export * from './tags';
export * from './uniqueness';
export * from './read';
