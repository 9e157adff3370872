/**
 * How the azapi bindings read their configuration (checks/read.ts). As in cdktf-generated bindings, every value
 * may be a Terraform expression and is passed through; a value or token of the wrong kind is refused. Not part of
 * the API.
 */
import { body, bool, defineProps, list, num, object, Reader, tags, text } from '../checks/read';
import type { AzapiRetry, AzapiTimeouts } from './common';
import type { AzapiProviderConfig } from './provider';
import type { AzapiResourceConfig, AzapiResourceIdentity } from './resource';
import type { AzapiUpdateResourceConfig } from './update-resource';
import type { DataAzapiResourceConfig } from './data-resource';

export const EXPR = { tokens: 'expression' } as const;
export const TEXT = text(EXPR);
export const REQUIRED_TEXT = text({ ...EXPR, optional: false });
export const FLAG = bool(EXPR);
export const TEXTS = list(text({ ...EXPR, optional: false }), EXPR);
export const EXPORT_VALUES = body({ lists: true });

export const RETRY = object(
  'AzapiRetry',
  defineProps<AzapiRetry>('AzapiRetry', {
    errorMessageRegex: list(text({ ...EXPR, optional: false }), { ...EXPR, optional: false }),
    intervalSeconds: num(EXPR),
    maxIntervalSeconds: num(EXPR),
  }),
);
export const TIMEOUTS = object(
  'AzapiTimeouts',
  defineProps<AzapiTimeouts>('AzapiTimeouts', { create: TEXT, read: TEXT, update: TEXT, delete: TEXT }),
);
const IDENTITY: Reader<object> = object(
  'AzapiResourceIdentity',
  defineProps<AzapiResourceIdentity>('AzapiResourceIdentity', { type: REQUIRED_TEXT, identityIds: TEXTS }),
);

export type OwnProps<C> = Omit<
  C,
  'dependsOn' | 'count' | 'provider' | 'lifecycle' | 'forEach' | 'provisioners' | 'connection'
>;

defineProps<AzapiProviderConfig>('AzapiProviderConfig', {
  alias: text({
    tokens: 'refuse',
    why: 'resources refer to the configuration by its alias (azapi.<alias>) in the synthesized output',
  }),
  subscriptionId: TEXT,
  tenantId: TEXT,
  clientId: TEXT,
  environment: TEXT,
  useCli: FLAG,
  useMsi: FLAG,
  useOidc: FLAG,
  defaultLocation: TEXT,
  skipProviderRegistration: FLAG,
  enablePreflight: FLAG,
});

defineProps<OwnProps<AzapiResourceConfig>>('AzapiResourceConfig', {
  type: REQUIRED_TEXT,
  name: REQUIRED_TEXT,
  parentId: REQUIRED_TEXT,
  location: TEXT,
  body: body(),
  identity: IDENTITY,
  tags: tags(),
  taggable: bool({
    tokens: 'refuse',
    why: 'it decides at synth whether the resource takes tags (cdktf tagging aspects read it)',
  }),
  responseExportValues: EXPORT_VALUES,
  schemaValidationEnabled: FLAG,
  ignoreCasing: FLAG,
  ignoreMissingProperty: FLAG,
  ignoreNullProperty: FLAG,
  ignoreBodyChanges: TEXTS,
  locks: TEXTS,
  replaceTriggersRefs: TEXTS,
  replaceTriggersExternalValues: body({ lists: true }),
  deleteQueryParameters: body(),
  retry: RETRY,
  timeouts: TIMEOUTS,
});

defineProps<OwnProps<AzapiUpdateResourceConfig>>('AzapiUpdateResourceConfig', {
  type: REQUIRED_TEXT,
  resourceId: TEXT,
  name: TEXT,
  parentId: TEXT,
  body: body(),
  responseExportValues: EXPORT_VALUES,
  ignoreCasing: FLAG,
  ignoreMissingProperty: FLAG,
  locks: TEXTS,
  replaceTriggersRefs: TEXTS,
  retry: RETRY,
  timeouts: TIMEOUTS,
});

defineProps<OwnProps<DataAzapiResourceConfig>>('DataAzapiResourceConfig', {
  type: REQUIRED_TEXT,
  resourceId: TEXT,
  name: TEXT,
  parentId: TEXT,
  responseExportValues: EXPORT_VALUES,
  ignoreNotFound: FLAG,
});

defineProps<{ key: string }>('AzapiResource#outputString', { key: REQUIRED_TEXT });
defineProps<{ key: string }>('DataAzapiResource#outputString', { key: REQUIRED_TEXT });
defineProps<{ path: string }>('AzapiResource#addIgnoreBodyChanges', { path: REQUIRED_TEXT });
