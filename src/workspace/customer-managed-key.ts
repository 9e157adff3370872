/**
 * `customerManagedKey`: the workspace, its created storage account and its created container registry encrypted
 * with a key of your Key Vault, read through a user-assigned identity. What the option needs from the key's vault
 * (purge protection, RBAC, the trusted-services bypass) is checked here, where the option is read.
 */
import { Construct } from 'constructs';
import { IResolvable, ITerraformDependable } from 'cdktf';
import { WorkspaceEncryption } from '../arm';
import { ARM_TYPES, isKnown, problem, Problems } from '../checks';
import { armId, body, bool, defineProps, object, text } from '../checks/read';
import { userAssignedIdentityReader } from '../core/readers';
import { IUserAssignedIdentity } from '../core';
import { grantRoleOnce } from '../core/role-assignments';

/**
 * The Key Vault holding the key: azurerm `KeyVault`, or `{ id }`. What azurerm `KeyVault` says of its settings
 * is checked (SE160, SE162); for `{ id }` those checks cannot decide and are skipped.
 */
export interface ICustomerManagedKeyVault {
  /** ARM id of the Key Vault. */
  readonly id: string;
  /** Purge protection as configured. @default unknown: SE160 is skipped */
  readonly purgeProtectionEnabledInput?: boolean | IResolvable;
  /** Whether the vault authorises with Azure RBAC, as configured. @default unknown: SE162 is skipped */
  readonly rbacAuthorizationEnabledInput?: boolean | IResolvable;
  /** The vault's network ACLs as configured. @default unknown: SE162 is skipped */
  readonly networkAclsInput?: {
    /** `AzureServices` or `None`. */
    readonly bypass: string;
  };
}

/** The customer-managed key of `ManagedVnetWorkspaceProps.customerManagedKey`. */
export interface CustomerManagedKeyOptions {
  /** The Key Vault holding the key. Purge protection must be on (SE160): Azure refuses a key without it. */
  readonly keyVault: ICustomerManagedKeyVault;
  /**
   * The key's versionless URL, `https://<vault>.vault.azure.net/keys/<name>` (azurerm `KeyVaultKey.versionlessId`):
   * Azure then follows the key's rotation. A versioned URL pins one version (rotation is a workspace update).
   */
  readonly keyId: string;
  /**
   * The user-assigned identity that reads the key for the workspace, the storage account and the registry. It is
   * added to the identities of each of them.
   */
  readonly identity: IUserAssignedIdentity;
  /**
   * Grant the identity `Key Vault Crypto Service Encryption User` on the vault (an RBAC vault, SE162), before
   * anything encrypted with the key is created. Turn off when the grant is made elsewhere (an access policy, a
   * platform team's assignment): Azure refuses a second assignment of the same role.
   * @default true
   */
  readonly grantKeyAccess?: boolean;
}

const EXPR = { tokens: 'expression' } as const;

/** How `customerManagedKey` is read. */
export const CUSTOMER_MANAGED_KEY_READER = object(
  'CustomerManagedKeyOptions',
  defineProps<CustomerManagedKeyOptions>('CustomerManagedKeyOptions', {
    keyVault: object(
      'ICustomerManagedKeyVault',
      defineProps<ICustomerManagedKeyVault>('ICustomerManagedKeyVault', {
        id: armId({ ...EXPR, optional: false, resourceType: ARM_TYPES.KEY_VAULT }),
        purgeProtectionEnabledInput: bool({ tokens: 'unknown' }),
        rbacAuthorizationEnabledInput: bool({ tokens: 'unknown' }),
        // azurerm's KeyVault gives the configured block (or a token); SE162 reads a known bypass only.
        networkAclsInput: body({ tokens: 'unknown' }),
      }),
      { kind: 'reference', optional: false },
    ),
    keyId: text({ ...EXPR, optional: false, what: 'a Key Vault key URL (text)' }),
    identity: userAssignedIdentityReader(false),
    grantKeyAccess: bool({
      tokens: 'refuse',
      why: 'it decides at synth whether the role assignment exists, which the encrypted resources wait for',
    }),
  }),
  { optional: true },
);

/**
 * A Key Vault key URL: `https://<vault>.<vault DNS suffix>/keys/<name>` with an optional 32-character version.
 * Vault names: 3 to 24 letters, digits and hyphens; key names: 1 to 127 letters, digits and hyphens (Key Vault's
 * "Object identifiers" and naming rules, learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates).
 */
const KEY_URL =
  /^https:\/\/[a-zA-Z0-9-]{3,24}\.[a-z0-9.-]+\/keys\/[a-zA-Z0-9-]{1,127}(\/[0-9a-fA-F]{32})?\/?$/;

/** An azurerm attribute that is set to a literal, or unset (then azurerm's default applies); not a token. */
function knownOrUnset(value: unknown): boolean {
  return value === undefined || isKnown(value);
}

/** SE160, SE161, SE162: what Azure checks of the key and its vault, where the library can see it. */
export function checkCustomerManagedKey(options: CustomerManagedKeyOptions): Problems {
  const vault = options.keyVault;
  const purge = vault.purgeProtectionEnabledInput;
  // azurerm KeyVault has the attribute (undefined when unset: purge protection off); `{ id }` does not.
  if ('purgeProtectionEnabledInput' in vault && knownOrUnset(purge) && purge !== true) {
    return [
      problem(
        'SE160',
        `customerManagedKey.keyVault '${vault.id}' has purge protection ${purge === false ? 'off' : 'unset (off)'}: ` +
          `Azure ML, Storage and Container Registry refuse a customer-managed key whose vault could be purged ` +
          `with the key in it; set purgeProtectionEnabled: true on the Key Vault (it cannot be turned off again)`,
      ),
    ];
  }
  const keyId = options.keyId;
  if (isKnown(keyId) && !KEY_URL.test(keyId)) {
    return [
      problem(
        'SE161',
        `customerManagedKey.keyId '${keyId}' is not a Key Vault key URL: give ` +
          `'https://<vault>.vault.azure.net/keys/<name>' (azurerm KeyVaultKey.versionlessId), not the key's ARM id`,
      ),
    ];
  }
  const rbac = vault.rbacAuthorizationEnabledInput;
  if (
    (options.grantKeyAccess ?? true) &&
    'rbacAuthorizationEnabledInput' in vault &&
    isKnown(rbac) &&
    !rbac
  ) {
    return [
      problem(
        'SE162',
        `customerManagedKey.keyVault '${vault.id}' uses access policies, not Azure RBAC: the role assignment ` +
          `grantKeyAccess makes would not open it (azurerm's default is access policies); set rbacAuthorizationEnabled: true on the vault, or give the ` +
          `identity an access policy with get, wrapKey and unwrapKey and set grantKeyAccess: false`,
      ),
    ];
  }
  const bypass = vault.networkAclsInput?.bypass;
  if (isKnown(bypass) && bypass !== 'AzureServices') {
    return [
      problem(
        'SE162',
        `customerManagedKey.keyVault '${vault.id}' has network ACL bypass '${bypass}': Storage and Container ` +
          `Registry reach a key behind a vault firewall only as trusted services; set networkAcls.bypass = ` +
          `'AzureServices' on the vault`,
      ),
    ];
  }
  return [];
}

/**
 * The role that lets a service wrap and unwrap with a key: get, wrapKey, unwrapKey on keys (built-in role
 * e147488a-f6f5-4113-8e2d-b22465e65bf6, learn.microsoft.com/azure/key-vault/general/rbac-guide).
 */
export const CRYPTO_SERVICE_ENCRYPTION_USER = 'Key Vault Crypto Service Encryption User';

/** The key's grant to the identity; undefined when the user makes it elsewhere. */
export function grantKeyAccess(
  scope: Construct,
  options: CustomerManagedKeyOptions,
): ITerraformDependable | undefined {
  if (options.grantKeyAccess === false) return undefined;
  return grantRoleOnce(scope, 'CustomerManagedKeyAccess', {
    scope: options.keyVault.id,
    roleDefinitionName: CRYPTO_SERVICE_ENCRYPTION_USER,
    principalId: options.identity.principalId,
    principalType: 'ServicePrincipal',
    description: 'Reads the customer-managed key of an Azure ML workspace and its storage and registry',
  });
}

/** The workspace's `properties.encryption` for the key. */
export function workspaceEncryption(options: CustomerManagedKeyOptions): WorkspaceEncryption {
  return {
    status: 'Enabled',
    keyVaultProperties: {
      keyVaultArmId: options.keyVault.id,
      keyIdentifier: options.keyId,
      identityClientId: options.identity.clientId,
    },
    identity: { userAssignedIdentity: options.identity.id },
  };
}

/**
 * The workspace body paths Azure sets at creation only (all of `encryption` but `keyIdentifier`): a change of
 * them replaces the workspace rather than failing the update. Only added when a key is given, so that a workspace
 * without one keeps its replace triggers as they were.
 */
export const ENCRYPTION_REPLACE_TRIGGERS = [
  'properties.encryption.status',
  'properties.encryption.keyVaultProperties.keyVaultArmId',
  'properties.encryption.identity.userAssignedIdentity',
];
