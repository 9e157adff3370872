export * from './references';
export * from './providers';
