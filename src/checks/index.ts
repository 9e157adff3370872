export * from './configuration-error';
