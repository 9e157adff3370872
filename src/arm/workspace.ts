import { ManagedServiceIdentity, PublicNetworkAccessType, Sku } from './common';
import { OutboundRule } from './outbound-rule';

export type IsolationModeValue = 'Disabled' | 'AllowInternetOutbound' | 'AllowOnlyApprovedOutbound';
export type FirewallSkuValue = 'Standard' | 'Basic';

/** `properties.managedNetwork`. Server-set fields (`status`, `networkId`, ...) are never sent. */
export interface ManagedNetworkSettings {
  readonly isolationMode: IsolationModeValue;
  readonly firewallSku?: FirewallSkuValue;
  readonly outboundRules?: { readonly [ruleName: string]: OutboundRule };
  readonly managedNetworkKind?: 'V1' | 'V2';
  readonly enableNetworkMonitor?: boolean;
}

/** The writable workspace properties this library sends (a subset of WorkspaceProperties). */
export interface WorkspaceProperties {
  readonly friendlyName?: string;
  readonly description?: string;
  readonly storageAccount?: string;
  readonly keyVault?: string;
  readonly applicationInsights?: string;
  readonly containerRegistry?: string;
  readonly imageBuildCompute?: string;
  readonly publicNetworkAccess?: PublicNetworkAccessType;
  readonly v1LegacyMode?: boolean;
  readonly hbiWorkspace?: boolean;
  readonly primaryUserAssignedIdentity?: string;
  readonly managedNetwork?: ManagedNetworkSettings;
  readonly provisionNetworkNow?: boolean;
  readonly systemDatastoresAuthMode?: 'AccessKey' | 'Identity' | 'UserDelegationSAS';
  readonly enableDataIsolation?: boolean;
  /** Preview only. */
  readonly allowRoleAssignmentOnRG?: boolean;
  /** Preview only. */
  readonly enableSoftwareBillOfMaterials?: boolean;
  /** Preview only. */
  readonly ipAllowlist?: readonly string[];
  /** Preview only. */
  readonly softDeleteRetentionInDays?: number;
}

/** Body of `Microsoft.MachineLearningServices/workspaces` (location, tags and identity are azapi attributes). */
export interface WorkspaceBody {
  readonly kind?: string;
  readonly sku?: Sku;
  readonly properties: WorkspaceProperties;
}

/** Request body of the `provisionManagedNetwork` POST action. */
export interface ManagedNetworkProvisionOptions {
  readonly includeSpark?: boolean;
}

export type { ManagedServiceIdentity };
