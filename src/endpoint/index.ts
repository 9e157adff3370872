export * from './endpoint-auth-mode';
export * from './endpoint-identity';
export * from './endpoint-ref';
export * from './secure-online-endpoint';
export * from './imported-endpoint';
export * from './endpoint-logs';
export { EndpointInvokeAccess, LIST_KEYS_ACTION, SCORE_DATA_ACTION, TOKEN_ACTION } from './invoke-access';
export type { EndpointInvokeAccessProps } from './invoke-access';
