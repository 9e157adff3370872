/**
 * The hardening options of `ManagedVnetWorkspaceProps` as settings of the associated resources the workspace
 * creates: one place that says what each option changes on the storage account and the registry.
 */
import { ITerraformDependable } from 'cdktf';
import { ContainerRegistryConfig } from '@cdktf/provider-azurerm/lib/container-registry';
import { StorageAccountConfig } from '@cdktf/provider-azurerm/lib/storage-account';
import { CustomerManagedKeyOptions } from './customer-managed-key';
import { StorageNetworkAccess } from './storage-network-access';

/** What the hardening options set on the created storage account. */
export type StorageAccountHardening = Pick<
  StorageAccountConfig,
  | 'publicNetworkAccessEnabled'
  | 'networkRules'
  | 'sharedAccessKeyEnabled'
  | 'defaultToOauthAuthentication'
  | 'infrastructureEncryptionEnabled'
  | 'identity'
  | 'customerManagedKey'
  | 'queueEncryptionKeyType'
  | 'tableEncryptionKeyType'
  | 'dependsOn'
>;

/** What the hardening options set on the created container registry. */
export type ContainerRegistryHardening = Pick<
  ContainerRegistryConfig,
  'identity' | 'encryption' | 'dependsOn'
>;

/** The options that shape the created storage account and registry. */
export interface HardeningOptions {
  /** The workspace's customer-managed key. @default none */
  readonly customerManagedKey?: CustomerManagedKeyOptions;
  /** The key's role assignment, which everything encrypted with the key waits for. @default none */
  readonly keyAccess?: ITerraformDependable;
  /** Shared keys off on the account. @default false */
  readonly identityBasedDatastores?: boolean;
  /** How the deploy path reaches the account. @default public access */
  readonly storageNetworkAccess?: StorageNetworkAccess;
  /** Infrastructure encryption on the account. @default unset (azurerm's false) */
  readonly storageInfrastructureEncryption?: boolean;
}

/** The storage account's settings; empty when no option is set (the account stays as it was). */
export function storageAccountHardening(o: HardeningOptions): StorageAccountHardening {
  const cmk = o.customerManagedKey;
  return {
    ...(o.storageNetworkAccess?._accountSettings() ?? {}),
    // Shared keys off: the system datastores and the deploy path use Entra ID (SE166 checks the provider).
    ...(o.identityBasedDatastores === true
      ? { sharedAccessKeyEnabled: false, defaultToOauthAuthentication: true }
      : {}),
    // ForceNew in azurerm: documented as replacing the account.
    ...(o.storageInfrastructureEncryption !== undefined
      ? { infrastructureEncryptionEnabled: o.storageInfrastructureEncryption }
      : {}),
    ...(cmk !== undefined
      ? {
          identity: { type: 'UserAssigned', identityIds: [cmk.identity.id] },
          customerManagedKey: { keyVaultKeyId: cmk.keyId, userAssignedIdentityId: cmk.identity.id },
          // Queues and tables under the account's key (the customer-managed one), not a service key of
          // Microsoft's (Azure Policy "Queue Storage / Table Storage should use customer-managed key for
          // encryption"). ForceNew in azurerm, like the workspace's key: decided before the first apply.
          queueEncryptionKeyType: 'Account',
          tableEncryptionKeyType: 'Account',
          ...(o.keyAccess !== undefined ? { dependsOn: [o.keyAccess] } : {}),
        }
      : {}),
  };
}

/** The registry's settings: the customer-managed key (Azure sets it only when the registry is created). */
export function containerRegistryHardening(o: HardeningOptions): ContainerRegistryHardening {
  const cmk = o.customerManagedKey;
  if (cmk === undefined) return {};
  return {
    identity: { type: 'UserAssigned', identityIds: [cmk.identity.id] },
    encryption: [{ keyVaultKeyId: cmk.keyId, identityClientId: cmk.identity.clientId }],
    ...(o.keyAccess !== undefined ? { dependsOn: [o.keyAccess] } : {}),
  };
}
