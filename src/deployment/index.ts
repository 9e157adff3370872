export * from './bind-context';
export * from './model';
export * from './code-configuration';
export * from './environment';
export * from './egress';
export { PACKAGE_INDEX_RULES } from './image-build-rules';
export type { PackageIndexRule } from './image-build-rules';
export * from './online-deployment';
export * from './blue-deployment';
