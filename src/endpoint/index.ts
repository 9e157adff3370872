export * from './endpoint-auth-mode';
export * from './endpoint-identity';
export * from './endpoint-ref';
export * from './secure-online-endpoint';
export * from './imported-endpoint';
