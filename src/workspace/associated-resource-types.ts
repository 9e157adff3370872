/**
 * The associated resources a workspace can be given (azurerm objects or `{ id }`) and the names of the ones it
 * creates. In a file of their own because `SecureAssociatedResources`, the workspace checks and the props
 * readers (readers.ts) all import them.
 */
import { IResolvable } from 'cdktf';

/** A storage account: azurerm `StorageAccount`, or `{ id }` for one made elsewhere. */
export interface IWorkspaceStorageAccount {
  /** ARM id of the storage account. */
  readonly id: string;
  /** Account name. @default derived from `id` */
  readonly name?: string;
  /** Blob endpoint, as azurerm `StorageAccount` gives it. @default the public cloud's, from the name */
  readonly primaryBlobEndpoint?: string;
  /**
   * Whether hierarchical namespace (Data Lake Storage Gen2) is on, as configured (azurerm `StorageAccount`
   * gives it). Azure ML refuses such an account as the workspace's default storage (SE461); an expression is
   * checked at plan time. @default unknown: not checked
   */
  readonly isHnsEnabledInput?: boolean | IResolvable;
  /**
   * The performance tier as configured (`Standard` or `Premium`; azurerm `StorageAccount` gives it). Azure ML
   * refuses a Premium account as the workspace's default storage (SE461); an expression is checked at plan
   * time. @default unknown: not checked
   */
  readonly accountTierInput?: string;
}

/**
 * A Key Vault: azurerm `KeyVault`, or `{ id }`. When its network ACLs are known (`networkAclsInput`, set by
 * azurerm `KeyVault`), their bypass is checked (SE106).
 */
export interface IWorkspaceKeyVault {
  /** ARM id of the Key Vault. */
  readonly id: string;
  /** The vault's network ACLs as configured. @default unknown: SE106 cannot decide and is skipped */
  readonly networkAclsInput?: {
    /** `AzureServices` or `None`. */
    readonly bypass: string;
  };
}

/**
 * A container registry: azurerm `ContainerRegistry`, or `{ id }`. When known, its SKU and public network access
 * are checked (SE104, SE105).
 */
export interface IWorkspaceContainerRegistry {
  /** ARM id of the container registry. */
  readonly id: string;
  /** The registry SKU as configured (`Basic`, `Standard`, `Premium`). @default unknown: SE104 is skipped */
  readonly skuInput?: string;
  /** Whether the registry accepts public network traffic. @default unknown: SE105 is skipped */
  readonly publicNetworkAccessEnabledInput?: boolean | IResolvable;
}

/** Application Insights: azurerm `ApplicationInsights`, or `{ id }`. */
export interface IWorkspaceApplicationInsights {
  /** ARM id of the Application Insights component. */
  readonly id: string;
  /**
   * ARM id of the Log Analytics workspace behind it (azurerm `ApplicationInsights.workspaceId`), where online
   * endpoints send their logs by default. @default unknown: endpoints then need their own `logs` destination
   */
  readonly workspaceId?: string;
}

/** Names of the associated resources the workspace creates. Globally unique names default to a stable hash. */
export interface AssociatedResourceNames {
  /** @default `st` + workspace name + 8 hex characters of the construct path's hash (at most 24) */
  readonly storageAccount?: string;
  /** @default `kv` + workspace name + 8 hex characters of the construct path's hash (at most 24) */
  readonly keyVault?: string;
  /** @default `cr` + workspace name + 8 hex characters of the construct path's hash */
  readonly containerRegistry?: string;
  /** @default `<workspace name>-appi` */
  readonly applicationInsights?: string;
  /** @default `<workspace name>-log`, with `_` replaced by `-` (Log Analytics refuses underscores) */
  readonly logAnalyticsWorkspace?: string;
}
