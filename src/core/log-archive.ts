import { Fn, Op } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkBroughtFact, isKnown, normaliseRegion } from '../checks';
import { ARM_TYPES } from '../checks/arm-id';
import { armId, defineProps, object, text } from '../checks/read';
import type { IArmResource } from './references';

/**
 * A storage account that archives an endpoint's logs (`EndpointLogs.toStorageAccount`): azurerm `StorageAccount`,
 * or `{ id }`. When its region and tier are known (set by azurerm `StorageAccount`), they are checked (SE465).
 */
export interface ILogArchiveStorageAccount extends IArmResource {
  /**
   * The account's region as configured. Azure Monitor sends a regional resource's logs only to a storage account
   * in the same region (SE465); an expression is checked at plan time. @default unknown: not checked
   */
  readonly locationInput?: string;
  /**
   * The performance tier as configured (`Standard`, `Premium`). Azure Monitor does not archive to Premium
   * accounts (SE465); an expression is checked at plan time. @default unknown: not checked
   */
  readonly accountTierInput?: string;
}

const EXPR = { tokens: 'expression' } as const;

/** How `ILogArchiveStorageAccount` is read. */
export const LOG_ARCHIVE_ACCOUNT_READER = object(
  'ILogArchiveStorageAccount',
  defineProps<ILogArchiveStorageAccount>('ILogArchiveStorageAccount', {
    id: armId({ ...EXPR, optional: false, resourceType: ARM_TYPES.STORAGE_ACCOUNT }),
    // Compared with the endpoint's region and refused when Premium (SE465); an expression is checked at plan time.
    locationInput: text({ ...EXPR, what: 'an Azure region (text)' }),
    accountTierInput: text({ ...EXPR, what: "a storage tier (text such as 'Standard')" }),
  }),
  { kind: 'reference', optional: false },
);

/**
 * SE465: Azure Monitor's diagnostic settings archive only to a storage account in the monitored resource's
 * region, and not to a Premium account (Azure Monitor docs, "Diagnostic settings": destinations; the setting's
 * create fails). Read from the brought azurerm `StorageAccount` as configured; expressions at plan time.
 */
export function checkLogArchiveAccount(
  scope: IConstruct,
  account: ILogArchiveStorageAccount,
  endpointRegion: string,
): void {
  if (isKnown(endpointRegion)) {
    checkBroughtFact(scope, {
      value: account.locationInput,
      attribute: 'logs (EndpointLogs.toStorageAccount) account.locationInput',
      refuses: (v) => normaliseRegion(v) !== normaliseRegion(endpointRegion),
      accepts: (v) => Op.eq(Fn.lower(Fn.replace(v, ' ', '')), normaliseRegion(endpointRegion)),
      code: 'SE465',
      why:
        `the endpoint is in region '${endpointRegion}', and Azure Monitor archives a resource's logs only to a ` +
        `storage account in its region; give an account in that region`,
    });
  }
  checkBroughtFact(scope, {
    value: account.accountTierInput,
    attribute: 'logs (EndpointLogs.toStorageAccount) account.accountTierInput',
    refuses: (v) => v.toLowerCase() === 'premium',
    accepts: (v) => Op.neq(Fn.lower(v), 'premium'),
    code: 'SE465',
    why: 'Azure Monitor does not archive logs to a Premium storage account; give a Standard account',
  });
}
