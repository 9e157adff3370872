export * from './references';
// useProviders is plumbing the constructs call; only the prop's interface is public.
export type { ProviderProps } from './providers';
export * from './principal';
export { Duration } from './duration';
export { AzureRegion } from './region';
