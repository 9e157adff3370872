/**
 * `identityBasedDatastores`: the workspace's system datastores authenticate with identities
 * (`systemDatastoresAuthMode: Identity`) and the created storage account refuses shared keys. Then the azurerm
 * provider must reach the account's data plane with Entra ID (`storage_use_azuread`): the account's own
 * data-plane reads and every asset upload fail with a key otherwise. SE166 reads that from the providers.
 */
import { IConstruct } from 'constructs';
import { TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageBlob } from '@cdktf/provider-azurerm/lib/storage-blob';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { ConfigurationError, isKnown } from '../checks';

function isAzurermProvider(c: IConstruct): c is AzurermProvider {
  return c instanceof AzurermProvider;
}

/** The azurerm provider configuration a resource uses: its own, or the stack's default (not aliased) one. */
function azurermProviderOf(resource: TerraformResource, stack: TerraformStack): AzurermProvider | undefined {
  const own: TerraformProvider | undefined = resource.provider;
  if (own !== undefined) return isAzurermProvider(own) ? own : undefined;
  return stack.node
    .findAll()
    .filter(isAzurermProvider)
    .find((p) => p.alias === undefined);
}

/**
 * SE166: every azurerm provider configuration that manages the storage account, or writes blobs or containers
 * into it, sets `storageUseAzuread: true`. A token is unknown and passes; a provider that does not say is refused
 * (azurerm's default is false).
 */
export function checkProvidersUseEntraForStorage(
  storageAccount: TerraformResource,
  storageAccountName: string,
  workspaceName: string,
  /** The workspace's `provider` prop, which applies to the account it creates (set by an aspect at synth). */
  workspaceProviders: TerraformProvider | TerraformProvider[] | undefined,
): ConfigurationError[] {
  const stack = TerraformStack.of(storageAccount);
  const writers = stack.node
    .findAll()
    .filter(
      (c): c is StorageBlob | StorageContainer =>
        (c instanceof StorageBlob || c instanceof StorageContainer) &&
        String(c.storageAccountNameInput ?? '') === String(storageAccountName),
    );
  const providers = new Set<AzurermProvider>();
  const given = (Array.isArray(workspaceProviders) ? workspaceProviders : [workspaceProviders]).find(
    (p): p is AzurermProvider => p !== undefined && isAzurermProvider(p),
  );
  for (const resource of [storageAccount, ...writers]) {
    const provider =
      resource === storageAccount && given !== undefined ? given : azurermProviderOf(resource, stack);
    if (provider !== undefined) providers.add(provider);
  }
  return [...providers]
    .filter((p) => {
      const value = p.storageUseAzureadInput;
      // Unset is azurerm's default, false.
      return (value === undefined || isKnown(value)) && value !== true;
    })
    .map(
      (p) =>
        new ConfigurationError(
          'SE166',
          `azurerm provider '${p.node.path}' has storage_use_azuread ${p.storageUseAzureadInput === false ? 'false' : 'unset (false)'}, ` +
            `and the storage account of workspace '${workspaceName}' refuses shared keys (identityBasedDatastores, ` +
            `or sharedAccessKeyEnabled: false on a brought account): the provider's reads of the account and ` +
            `every asset upload would fail; set storageUseAzuread: true on the provider, and give the deploying ` +
            `principal Storage Blob Data Contributor on the account`,
        ),
    );
}
