/** How the workspace's props that several constructs share are read (checks/read.ts). Not part of the API. */
import { ARM_TYPES } from '../checks/arm-id';
import { armId, body, bool, defineProps, name, object, text } from '../checks/read';
import type {
  AssociatedResourceNames,
  IWorkspaceApplicationInsights,
  IWorkspaceContainerRegistry,
  IWorkspaceKeyVault,
  IWorkspaceStorageAccount,
} from './associated-resource-types';

const EXPR = { tokens: 'expression' } as const;

/** How brought associated resources are read (azurerm objects or `{ id }`). */
export const ASSOCIATED_READERS = {
  storageAccount: object(
    'IWorkspaceStorageAccount',
    defineProps<IWorkspaceStorageAccount>('IWorkspaceStorageAccount', {
      id: armId({ ...EXPR, optional: false, resourceType: ARM_TYPES.STORAGE_ACCOUNT }),
      name: name({ ...EXPR, optional: true }),
      primaryBlobEndpoint: text({
        ...EXPR,
        what: "a blob endpoint URL (text such as 'https://<account>.blob.core.windows.net/')",
      }),
      // Read as configured on an azurerm StorageAccount (SE461); an expression is checked at plan time.
      isHnsEnabledInput: bool(EXPR),
      accountTierInput: text({ ...EXPR, what: "a storage tier (text such as 'Standard')" }),
    }),
    { kind: 'reference' },
  ),
  keyVault: object(
    'IWorkspaceKeyVault',
    defineProps<IWorkspaceKeyVault>('IWorkspaceKeyVault', {
      id: armId({ ...EXPR, optional: false, resourceType: ARM_TYPES.KEY_VAULT }),
      // azurerm's KeyVault gives the configured block (or a token); SE106 reads a known bypass only.
      networkAclsInput: body({ tokens: 'unknown' }),
    }),
    { kind: 'reference' },
  ),
  containerRegistry: object(
    'IWorkspaceContainerRegistry',
    defineProps<IWorkspaceContainerRegistry>('IWorkspaceContainerRegistry', {
      id: armId({ ...EXPR, optional: false, resourceType: ARM_TYPES.CONTAINER_REGISTRY }),
      // Read as configured on an azurerm ContainerRegistry; a token is unknown to SE104 / SE105, which skip it.
      skuInput: text({ tokens: 'unknown', what: "a registry SKU (text such as 'Premium')" }),
      publicNetworkAccessEnabledInput: bool({ tokens: 'unknown' }),
    }),
    { kind: 'reference' },
  ),
  applicationInsights: object(
    'IWorkspaceApplicationInsights',
    defineProps<IWorkspaceApplicationInsights>('IWorkspaceApplicationInsights', {
      id: armId({ ...EXPR, optional: false, resourceType: ARM_TYPES.APPLICATION_INSIGHTS }),
      workspaceId: armId({ ...EXPR, resourceType: ARM_TYPES.LOG_ANALYTICS_WORKSPACE }),
    }),
    { kind: 'reference' },
  ),
};

export const ASSOCIATED_NAMES = defineProps<AssociatedResourceNames>('AssociatedResourceNames', {
  // Each is checked against its resource's rule where it is used (SE112); tokens are passed through.
  storageAccount: name({ ...EXPR, optional: true }),
  keyVault: name({ ...EXPR, optional: true }),
  containerRegistry: name({ ...EXPR, optional: true }),
  applicationInsights: name({ ...EXPR, optional: true }),
  logAnalyticsWorkspace: name({ ...EXPR, optional: true }),
});

/** How `associatedResourceNames` is read. */
export const ASSOCIATED_NAMES_READER = object('AssociatedResourceNames', ASSOCIATED_NAMES);
