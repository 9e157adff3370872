import { ManagedServiceIdentity, PublicNetworkAccessType, Sku } from './common';
import { OutboundRule } from './outbound-rule';

/** `managedNetwork.isolationMode`. */
export type IsolationModeValue = 'Disabled' | 'AllowInternetOutbound' | 'AllowOnlyApprovedOutbound';
/** `managedNetwork.firewallSku`. */
export type FirewallSkuValue = 'Standard' | 'Basic';

/** `properties.managedNetwork`. Server-set fields (`status`, `networkId`, ...) are never sent. */
export interface ManagedNetworkSettings {
  /** Outbound isolation of the managed network. */
  readonly isolationMode: IsolationModeValue;
  /** SKU of the managed Azure Firewall (FQDN rules). @default Standard */
  readonly firewallSku?: FirewallSkuValue;
  /** Rules by name (this library writes rules as separate resources instead). @default none */
  readonly outboundRules?: { readonly [ruleName: string]: OutboundRule };
  /** Managed network generation. @default Azure default */
  readonly managedNetworkKind?: 'V1' | 'V2';
  /** Network monitoring of the managed network. @default false */
  readonly enableNetworkMonitor?: boolean;
}

/**
 * `properties.encryption`: the customer-managed key of the workspace. Set at creation only: of it, Azure updates
 * `keyVaultProperties.keyIdentifier` alone (WorkspacePropertiesUpdateParameters), so a changed vault or identity
 * means a new workspace.
 */
export interface WorkspaceEncryption {
  /** `Enabled` turns the customer-managed key on. */
  readonly status: 'Enabled' | 'Disabled';
  /** The key and the identity that unwraps it. */
  readonly keyVaultProperties: {
    /** ARM id of the Key Vault holding the key. */
    readonly keyVaultArmId: string;
    /** The key's URL (versionless: Azure follows its rotation). */
    readonly keyIdentifier: string;
    /** Client id of the user-assigned identity that reads the key. @default none (the system identity) */
    readonly identityClientId?: string;
  };
  /** The user-assigned identity Azure uses for the key (one of the workspace's identities). @default none */
  readonly identity?: { readonly userAssignedIdentity?: string };
}

/** The writable workspace properties this library sends (a subset of WorkspaceProperties). */
export interface WorkspaceProperties {
  /** Display name. @default none */
  readonly friendlyName?: string;
  /** Free-text description. @default none */
  readonly description?: string;
  /** ARM id of the storage account (cannot change after creation). @default none (Azure creates one) */
  readonly storageAccount?: string;
  /** ARM id of the Key Vault (cannot change after creation). @default none (Azure creates one) */
  readonly keyVault?: string;
  /** ARM id of the Application Insights component. @default none */
  readonly applicationInsights?: string;
  /** ARM id of the container registry. @default none (created lazily by Azure) */
  readonly containerRegistry?: string;
  /** Compute that builds environment images when the registry is private. @default none */
  readonly imageBuildCompute?: string;
  /** `Enabled` or `Disabled`. @default Enabled (Azure) */
  readonly publicNetworkAccess?: PublicNetworkAccessType;
  /** v1 legacy mode; must be false for online endpoints. @default false */
  readonly v1LegacyMode?: boolean;
  /** High business impact: reduced diagnostics collection. @default false */
  readonly hbiWorkspace?: boolean;
  /** ARM id of the user-assigned identity the workspace uses. @default none */
  readonly primaryUserAssignedIdentity?: string;
  /** Managed virtual network settings. @default none */
  readonly managedNetwork?: ManagedNetworkSettings;
  /** Provision the managed network at creation. @default false */
  readonly provisionNetworkNow?: boolean;
  /** How the system datastores authenticate. @default AccessKey */
  readonly systemDatastoresAuthMode?: 'AccessKey' | 'Identity' | 'UserDelegationSAS';
  /** Customer-managed key (set at creation). @default none: Microsoft-managed keys */
  readonly encryption?: WorkspaceEncryption;
  /** Isolate data of the workspace. @default false */
  readonly enableDataIsolation?: boolean;
  /** Preview only. @default Azure default */
  readonly allowRoleAssignmentOnRG?: boolean;
  /** Preview only. @default Azure default */
  readonly enableSoftwareBillOfMaterials?: boolean;
  /** Preview only. @default none */
  readonly ipAllowlist?: readonly string[];
  /** Preview only. @default Azure default */
  readonly softDeleteRetentionInDays?: number;
}

/** Body of `Microsoft.MachineLearningServices/workspaces` (location, tags and identity are azapi attributes). */
export interface WorkspaceBody {
  /** Resource kind. @default none */
  readonly kind?: string;
  /** `{ name: "Default", capacity }` for managed deployments. @default Basic */
  readonly sku?: Sku;
  /** The nested properties object of this part of the body. */
  readonly properties: WorkspaceProperties;
}

/**
 * Body of the in-place update that turns on an existing workspace's managed network (merged by
 * `azapi_update_resource` into the live workspace).
 */
export interface WorkspaceManagedNetworkUpdateBody {
  readonly properties: { readonly managedNetwork: ManagedNetworkSettings };
}

/** Request body of the `provisionManagedNetwork` POST action. */
export interface ManagedNetworkProvisionOptions {
  /** Also provision for Spark jobs. @default false */
  readonly includeSpark?: boolean;
}

export type { ManagedServiceIdentity };
