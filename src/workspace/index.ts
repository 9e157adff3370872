export * from './isolation-mode';
export * from './workspace-ref';
