// The public surface, name by name: what is not listed here is internal, whatever its module exports.
// api/cdktf-azureml-secure-endpoint.api.md is the reviewed report of it (npm run api).

// The azapi provider configuration is public (the README's app declares it); the azapi L1 bindings the
// constructs build on are internal: their resources are reached as cdktf `TerraformResource`s (`resource`).
export { AzapiProvider } from './azapi/provider';
export type { AzapiProviderConfig } from './azapi/provider';
export { DEFAULT_ML_API_VERSION, MlApiVersion } from './arm/api-version';
export { Duration } from './core/duration';
export { Principal, PrincipalType } from './core/principal';
export { AzureRegion } from './core/region';
export type { IPrincipal } from './core/principal';
export type { ProviderProps } from './core/providers';
export type {
  IArmResource,
  IResourceGroup,
  ISubnet,
  IUserAssignedIdentity,
  IVirtualNetwork,
} from './core/references';
export { CHECK_CODES } from './checks/codes';
export type { CheckCode } from './checks/codes';
export { ConfigurationError } from './checks/configuration-error';
export { ConfigurationErrors, configurationProblems } from './checks/validation';
export type {
  AssociatedResourceNames,
  IWorkspaceApplicationInsights,
  IWorkspaceContainerRegistry,
  IWorkspaceKeyVault,
  IWorkspaceStorageAccount,
} from './workspace/associated-resource-types';
export type { EnableManagedNetworkProps } from './workspace/enable-managed-network';
export { FirewallSku } from './workspace/firewall-sku';
export { ImageBuildCompute } from './workspace/image-build-compute';
export type { ImageBuildClusterOptions } from './workspace/image-build-compute';
export type {
  ExistingWorkspaceAttributes,
  ImportedWorkspaceAttributes,
} from './workspace/imported-workspace';
export { WORKSPACE_PRIVATE_DNS_ZONES } from './workspace/inbound-private-endpoint';
export type {
  InboundPrivateEndpointOptions,
  IWorkspacePrivateEndpoint,
} from './workspace/inbound-private-endpoint';
export { IsolationMode } from './workspace/isolation-mode';
export { ManagedVnetWorkspace } from './workspace/managed-vnet-workspace';
export type { ManagedVnetWorkspaceProps } from './workspace/managed-vnet-workspace';
export type { WorkspaceDiagnosticSettings } from './workspace/workspace-diagnostics';
export { ManagedVnetWorkspaceBase } from './workspace/workspace-base';
export { WorkspaceIdentity } from './workspace/workspace-identity';
export type { UserAssignedWorkspaceIdentityOptions } from './workspace/workspace-identity';
export { USER_ASSIGNED_WORKSPACE_ROLES } from './workspace/workspace-identity-roles';
export type { CustomerManagedKeyOptions, ICustomerManagedKeyVault } from './workspace/customer-managed-key';
export { BLOB_PRIVATE_DNS_ZONE, StorageNetworkAccess } from './workspace/storage-network-access';
export type { StoragePrivateEndpointOptions } from './workspace/storage-network-access';
export { SavedQueriesStorage } from './workspace/saved-queries-storage';
export { BenchmarkAssignment, BenchmarkExemptions } from './workspace/benchmark-exemptions';
export type { BenchmarkExemptionsProps } from './workspace/benchmark-exemptions';
export { InboundAccess } from './workspace/workspace-ref';
export type { IManagedVnetWorkspace, IOutboundRule, WorkspaceBlobStore } from './workspace/workspace-ref';
export { OutboundFqdnRule } from './outbound/fqdn-rule';
export type { OutboundFqdnRuleProps } from './outbound/fqdn-rule';
export { OutboundRuleBase } from './outbound/outbound-rule-base';
export type { OutboundRuleBaseProps, OutboundRuleResourceOptions } from './outbound/outbound-rule-base';
export { OutboundRuleDestination } from './outbound/outbound-rule-destination';
export type {
  PrivateEndpointDestinationOptions,
  ServiceTagDestinationOptions,
} from './outbound/outbound-rule-destination';
export {
  NETWORK_CONNECTION_APPROVER_ROLE,
  OutboundPrivateEndpointRule,
} from './outbound/private-endpoint-rule';
export type {
  OutboundPrivateEndpointRuleProps,
  RegistryOutboundRules,
  RegistryOutboundRulesProps,
} from './outbound/private-endpoint-rule';
export { PrivateEndpointTarget } from './outbound/private-endpoint-target';
export { OutboundServiceTagRule } from './outbound/service-tag-rule';
export { ServiceTag } from './outbound/service-tag';
export { ServiceTagProtocol } from './outbound/service-tag-protocol';
export type { OutboundServiceTagRuleProps } from './outbound/service-tag-rule';
export type {
  OutboundFqdnRuleOptions,
  OutboundPrivateEndpointRuleOptions,
  OutboundServiceTagRuleOptions,
} from './workspace/rule-options';
export { EndpointAuthMode } from './endpoint/endpoint-auth-mode';
export { SecureOnlineEndpointBase } from './endpoint/endpoint-base';
export type { RouteTrafficOptions } from './endpoint/route-traffic-options';
export { EndpointGrant } from './endpoint/endpoint-grant';
export type { EndpointGrantProps } from './endpoint/endpoint-grant';
export { EndpointIdentity } from './endpoint/endpoint-identity';
export { ENDPOINT_LOG_CATEGORIES, EndpointLogs } from './endpoint/endpoint-logs';
export type { ILogArchiveStorageAccount } from './core/log-archive';
export type { EndpointLogDestination, EventHubLogOptions } from './endpoint/endpoint-logs';
export type { ILogAnalyticsHost } from './core/log-destinations';
export type { IOnlineDeployment, ISecureOnlineEndpoint } from './endpoint/endpoint-ref';
export type { SecureOnlineEndpointAttributes } from './endpoint/imported-endpoint';
export { EndpointMetric, Metric, MetricAggregation, MetricAlertOperator } from './endpoint/metrics';
export type {
  EndpointMetricOptions,
  EndpointMetricProps,
  MetricOptions,
  MetricProps,
} from './endpoint/metrics';
export { SecureOnlineEndpoint } from './endpoint/secure-online-endpoint';
export type { SecureOnlineEndpointProps } from './endpoint/secure-online-endpoint';
export { BlueDeployment } from './deployment/blue-deployment';
export type { BlueDeploymentProps } from './deployment/blue-deployment';
export { CodeConfiguration } from './deployment/code-configuration';
export { MAX_INSTANCE_COUNT } from './deployment/deployment-checks';
export type {
  OnlineDeploymentOptions,
  OnlineDeploymentSettings,
  ProbeOptions,
  RequestSettings,
} from './deployment/deployment-options';
export { EgressPublicNetworkAccess } from './deployment/egress';
export { Environment } from './deployment/environment';
export { InstanceType } from './deployment/instance-type';
export type { ImageEnvironmentOptions } from './deployment/environment';
export { PACKAGE_INDEX_RULES } from './deployment/image-build-rules';
export type { PackageIndexRule } from './deployment/image-build-rules';
export { InstanceScaling } from './deployment/instance-scaling';
export type {
  CpuUtilizationScalingOptions,
  InstanceCountRange,
  InstanceScalingProps,
  MetricScalingOptions,
  MetricScalingRuleOptions,
  RequestLatencyScalingOptions,
  ScheduledScalingOptions,
} from './deployment/instance-scaling';
export type { LocalAssetOptions } from './deployment/local-asset-options';
export { Model } from './deployment/model';
export { OnlineDeployment } from './deployment/online-deployment';
export type { OnlineDeploymentProps } from './deployment/online-deployment';
export { ScalingSchedule, WeekDay } from './deployment/scaling-schedule';
export type { FixedWindowOptions, WeeklyScheduleOptions } from './deployment/scaling-schedule';
export { azapiResourcesOfType } from './testing';
export type { SynthesizedAzapiResource } from './testing';
