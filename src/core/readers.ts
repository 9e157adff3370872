/** How the reference interfaces (resources made elsewhere, principals, traffic splits) are read. Not part of the API. */
import { ANY_RESOURCE_TYPE } from '../checks/read';
import { ARM_TYPES } from '../checks/arm-id';
import {
  armId,
  catalogName,
  CatalogValue,
  defineProps,
  enumOf,
  num,
  object,
  Reader,
  record,
  text,
} from '../checks/read';
import { AzureRegion, REGIONS } from './region';
import type {
  IArmResource,
  IResourceGroup,
  ISubnet,
  IUserAssignedIdentity,
  IVirtualNetwork,
} from './references';
import { IPrincipal, PrincipalType } from './principal';

// How each reference is read (see checks/read.ts). Attributes of resources made in the same app are Terraform
// references (tokens): they are passed through.
const IDS = { tokens: 'expression' } as const;

/**
 * An Azure region prop (`location`): a region of the public cloud as text (SE401 names the nearest ones), an
 * `AzureRegion` (`AzureRegion.of(name)` unchecked), or a Terraform expression, passed through.
 */
export function regionReader(
  options: {
    /** May be left out. @default true */
    readonly optional?: boolean;
    /** The rule that reports a missing value (see Optionality). @default none */
    readonly missingCode?: string;
    /** The form a region has; other text is left to the prop's own rule. @default any text */
    readonly shape?: RegExp;
    /**
     * The value was read against the list where it was given (the owner's props): only its kind is read.
     * @default false
     */
    readonly listChecked?: boolean;
  } = {},
): Reader<string | CatalogValue> {
  const { listChecked, ...rest } = options;
  return catalogName({
    tokens: 'expression',
    ...rest,
    // A form no text has: every name is left unchecked.
    shape: listChecked === true ? /(?!)/ : rest.shape,
    catalog: REGIONS,
    classOf: AzureRegion,
    code: 'SE401',
    what: "an Azure region (such as 'westeurope')",
  });
}

export const RESOURCE_GROUP_READER = object(
  'IResourceGroup',
  defineProps<IResourceGroup>('IResourceGroup', {
    id: armId({ ...IDS, optional: false, resourceType: ARM_TYPES.RESOURCE_GROUP }),
    name: text({ ...IDS, optional: false, what: 'the resource group name (text)' }),
    location: text({ ...IDS, optional: false, what: 'an Azure region (text)' }),
    // Only informs checks that compare regions (SE227); an expression is unknown to them.
    locationInput: text({ tokens: 'unknown', what: 'an Azure region (text)' }),
  }),
  { kind: 'reference', optional: false },
);

export const SUBNET_FIELDS = defineProps<ISubnet>('ISubnet', {
  id: armId({ ...IDS, optional: false, resourceType: ARM_TYPES.SUBNET }),
});

export const VIRTUAL_NETWORK_FIELDS = defineProps<IVirtualNetwork>('IVirtualNetwork', {
  id: armId({ ...IDS, optional: false, resourceType: ARM_TYPES.VIRTUAL_NETWORK }),
  // Compared with the private endpoint's region (SE464); an expression is checked at plan time.
  locationInput: text({ ...IDS, what: 'an Azure region (text)' }),
});

export const ARM_RESOURCE_FIELDS = defineProps<IArmResource>('IArmResource', {
  // Any resource a role is granted on; its type is the caller's.
  id: armId({ ...IDS, optional: false, resourceType: ANY_RESOURCE_TYPE }),
});

export const USER_ASSIGNED_IDENTITY_FIELDS = defineProps<IUserAssignedIdentity>('IUserAssignedIdentity', {
  id: armId({ ...IDS, optional: false, resourceType: ARM_TYPES.USER_ASSIGNED_IDENTITY }),
  principalId: text({ ...IDS, optional: false, what: 'an object id (GUID text)' }),
  clientId: text({ ...IDS, optional: false, what: 'a client id (GUID text)' }),
});

export function subnetReader(optional: boolean, missingCode?: string): Reader<object> {
  return object('ISubnet', SUBNET_FIELDS, {
    kind: 'reference',
    optional,
    missingCode,
  });
}

export function virtualNetworkReader(optional: boolean): Reader<object> {
  return object('IVirtualNetwork', VIRTUAL_NETWORK_FIELDS, { kind: 'reference', optional });
}

export function armResourceReader(optional: boolean): Reader<object> {
  return object('IArmResource', ARM_RESOURCE_FIELDS, { kind: 'reference', optional });
}

export function userAssignedIdentityReader(optional: boolean): Reader<object> {
  return object('IUserAssignedIdentity', USER_ASSIGNED_IDENTITY_FIELDS, { kind: 'reference', optional });
}

/** A principal granted a role (an azurerm identity, `Principal.user(...)`). */
export const PRINCIPAL_READER = object(
  'IPrincipal',
  defineProps<IPrincipal>('IPrincipal', {
    // Checked as a GUID where it is granted (SE311); a token is passed through.
    principalId: text({ ...IDS, optional: false, what: 'an object id (GUID text)' }),
    principalType: enumOf(PrincipalType, 'PrincipalType'),
  }),
  { kind: 'reference', optional: false },
);

/** A traffic split: shares are numbers (SE213 checks them); Terraform number expressions are passed through. */
export function trafficSplitReader(optional: boolean): Reader<{ [key: string]: number }> {
  return record({
    tokens: 'refuse',
    // A key names a deployment, checked at synth (SE204, SE451): a Terraform expression as a key is refused.
    keys: 'refuse',
    why: 'the deployments it names are checked at synth (SE204); give a map whose shares may be expressions',
    optional,
    element: num({ ...IDS, optional: false }),
  });
}

/** A required traffic split (`routeTraffic`'s). */
export const TRAFFIC_SPLIT_READER = trafficSplitReader(false);
