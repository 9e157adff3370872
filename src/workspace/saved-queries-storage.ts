/**
 * `savedQueriesStorage`: the storage account the created Log Analytics workspace keeps its saved queries (and
 * log search alert queries) in, encrypted with that account's keys, and the workspace made to refuse any other
 * place (`forceCmkForQuery`). What Azure asks for, from Azure Monitor's "Customer-managed key" article (section
 * "Customer-managed key for saved queries and log search alerts") and "Use customer-managed storage accounts in
 * Azure Monitor Logs" (learn.microsoft.com/azure/azure-monitor/logs/private-storage):
 * - a storage account linked to the workspace for data source type `Query`, in the workspace's region;
 * - since 31 August 2025, a managed identity on the workspace to add or update that link;
 * - Azure Monitor reaching the account: trusted Microsoft services allowed through its network rules.
 * The built-in definition "Saved-queries in Azure Monitor should be saved in customer storage account for logs
 * encryption" (fa298e57-9444-42ba-bf04-86e8470e32c7) reads only `forceCmkForQuery`.
 */
import { ARM_TYPES, fromFactory } from '../checks';
import { armId, defineProps } from '../checks/read';
import { IWorkspaceStorageAccount } from './associated-resource-types';

/** The data source type of a linked storage account for saved queries (Microsoft.OperationalInsights). */
export const QUERY_DATA_SOURCE_TYPE = 'Query';

/**
 * The role the Log Analytics workspace's identity gets on the linked account: Azure Monitor writes the saved
 * queries with it, so the account may refuse shared keys (`identityBasedDatastores`).
 */
export const SAVED_QUERIES_STORAGE_ROLE = 'Storage Blob Data Contributor';

export const SAVED_QUERIES_STORAGE_ACCOUNT_PARAMS = defineProps<{ storageAccountId: string }>(
  'SavedQueriesStorage.storageAccount',
  {
    storageAccountId: armId({
      tokens: 'expression',
      optional: false,
      resourceType: ARM_TYPES.STORAGE_ACCOUNT,
    }),
  },
);

/**
 * Where the created Log Analytics workspace keeps saved queries and log search alert queries: a storage account
 * of yours, linked for queries, with the workspace forced to use it. Enum-like: use the static factories.
 */
export class SavedQueriesStorage {
  /**
   * The workspace's own storage account (the one it creates, or the one given as `storageAccount`): no new
   * account to pay for or secure; it carries the workspace's hardening (customer-managed key, network, shared
   * keys off).
   */
  public static workspaceStorageAccount(): SavedQueriesStorage {
    return new SavedQueriesStorage(undefined);
  }

  /**
   * Another storage account, by ARM id: a StorageV2 account in the Log Analytics workspace's region that lets
   * trusted Microsoft services through its network rules. The Log Analytics workspace's identity is granted
   * Storage Blob Data Contributor on it, so the deploying principal needs to assign roles there.
   */
  public static storageAccount(storageAccountId: string): SavedQueriesStorage {
    return fromFactory(
      SAVED_QUERIES_STORAGE_ACCOUNT_PARAMS,
      { storageAccountId },
      (read) => new SavedQueriesStorage(read.storageAccountId),
      SavedQueriesStorage.prototype,
    );
  }

  private constructor(
    /** The account given, or undefined for the workspace's own. @internal */
    public readonly _storageAccountId: string | undefined,
  ) {}

  /** ARM id of the account to link, given the workspace's storage account. @internal */
  public _accountId(workspaceAccount: IWorkspaceStorageAccount): string {
    return this._storageAccountId ?? workspaceAccount.id;
  }
}
