export * from './isolation-mode';
export * from './workspace-ref';
export * from './firewall-sku';
export * from './workspace-identity';
export { ImageBuildCompute } from './image-build-compute';
export type { ImageBuildClusterOptions } from './image-build-compute';
export * from './associated-resource-types';
export * from './associated-resources';
export { WORKSPACE_PRIVATE_DNS_ZONES, WorkspacePrivateEndpoint } from './inbound-private-endpoint';
export type {
  InboundPrivateEndpointOptions,
  WorkspacePrivateEndpointProps,
} from './inbound-private-endpoint';
export * from './managed-network-provisioning';
export * from './workspace-base';
export * from './managed-vnet-workspace';
export type { ImportedWorkspaceAttributes } from './imported-workspace';
export type { EnableManagedNetworkProps } from './enable-managed-network';
export * from './managed-network-update';
export * from './rule-options';
export { StorageNetworkAccess } from './storage-network-access';
export type { StoragePrivateEndpointOptions } from './storage-network-access';
export { SavedQueriesStorage } from './saved-queries-storage';
export { BenchmarkAssignment, BenchmarkExemptions } from './benchmark-exemptions';
export type { BenchmarkExemptionsProps } from './benchmark-exemptions';
