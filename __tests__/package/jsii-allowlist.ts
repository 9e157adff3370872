/**
 * What `jsii` would refuse in this package's public API today. Each entry is `rule: where`, with why it stays;
 * the list must only shrink: a new violation fails `jsii-rules.test.ts`, and so does an entry that no longer is
 * one (remove it). The azapi L1 bindings, the ARM request shapes, the string unions (`*Value`, `TrafficMap`),
 * the `Omit<>` props and the union-typed members left the public API in 1.0.
 */
export const JSII_ALLOWED: readonly string[] = [
  // Module-level helpers and data tables users import by name. Each would become a static member (a rename with
  // a deprecated alias, itself a violation for one minor release); kept as they are in 1.0.
  'non-type-export: azapiResourcesOfType',
  'non-type-export: BLOB_PRIVATE_DNS_ZONE',
  'non-type-export: CHECK_CODES',
  'non-type-export: configurationProblems',
  'non-type-export: DEFAULT_ML_API_VERSION',
  'non-type-export: ENDPOINT_LOG_CATEGORIES',
  'non-type-export: MAX_INSTANCE_COUNT',
  'non-type-export: NETWORK_CONNECTION_APPROVER_ROLE',
  'non-type-export: PACKAGE_INDEX_RULES',
  'non-type-export: USER_ASSIGNED_WORKSPACE_ROLES',
  'non-type-export: WORKSPACE_PRIVATE_DNS_ZONES',
  // aws-cdk's name (`metric.with({...})`); jsii renames it `with_` in Python, as it does for aws-cdk.
  'reserved-word: Metric#with',
  // The reference interfaces mirror the attributes of the azurerm classes (`KeyVault`, `ContainerRegistry`), so
  // that those classes satisfy them as they are: the types are the generated bindings' own.
  'type-operator: ICustomerManagedKeyVault.networkAclsInput',
  'type-operator: IWorkspaceKeyVault.networkAclsInput',
  'union: ICustomerManagedKeyVault.purgeProtectionEnabledInput',
  'union: ICustomerManagedKeyVault.rbacAuthorizationEnabledInput',
  'union: IWorkspaceContainerRegistry.publicNetworkAccessEnabledInput',
  'union: IWorkspaceStorageAccount.isHnsEnabledInput',
  // Text checked against a catalog, or the catalog's enum-like class (`AzureRegion`, `InstanceType`,
  // `ServiceTag`; `of()` for a value the catalog lacks). One type is the jsii way: the class alone would break
  // the released `location: string` and `instanceType: string`, text alone would hide the catalog. Open.
  'union: ExistingWorkspaceAttributes.location',
  'union: InboundPrivateEndpointOptions.location',
  'union: ManagedVnetWorkspaceProps.location',
  'union: OnlineDeploymentSettings.instanceType',
  'union: OutboundServiceTagRuleOptions.serviceTag',
  // One provider or several (an aliased azurerm and an aliased azapi) on every construct; splitting it into
  // `provider` and `providers` changes every construct's props and how they are read, for a later release.
  'union: ProviderProps.provider',
];
