import { armId, defineProps, object, Reader, text } from '../checks/read';
import { IArmResource, IResourceGroup, ISubnet, IUserAssignedIdentity, IVirtualNetwork } from './references';

// How each reference is read (see checks/read.ts). Attributes of resources made in the same app are Terraform
// references (tokens): they are passed through.
const IDS = { tokens: 'expression' } as const;

export const RESOURCE_GROUP_READER = object(
  'IResourceGroup',
  defineProps<IResourceGroup>('IResourceGroup', {
    id: armId({ ...IDS, optional: false }),
    name: text({ ...IDS, optional: false, what: 'the resource group name (text)' }),
    location: text({ ...IDS, optional: false, what: 'an Azure region (text)' }),
  }),
  { kind: 'reference', optional: false },
);

export function subnetReader(optional: boolean): Reader<object> {
  return object('ISubnet', defineProps<ISubnet>('ISubnet', { id: armId({ ...IDS, optional: false }) }), {
    kind: 'reference',
    optional,
  });
}

export function virtualNetworkReader(optional: boolean): Reader<object> {
  return object(
    'IVirtualNetwork',
    defineProps<IVirtualNetwork>('IVirtualNetwork', { id: armId({ ...IDS, optional: false }) }),
    { kind: 'reference', optional },
  );
}

export function armResourceReader(optional: boolean): Reader<object> {
  return object(
    'IArmResource',
    defineProps<IArmResource>('IArmResource', { id: armId({ ...IDS, optional: false }) }),
    { kind: 'reference', optional },
  );
}

export function userAssignedIdentityReader(optional: boolean): Reader<object> {
  return object(
    'IUserAssignedIdentity',
    defineProps<IUserAssignedIdentity>('IUserAssignedIdentity', {
      id: armId({ ...IDS, optional: false }),
      principalId: text({ ...IDS, optional: false, what: 'an object id (GUID text)' }),
      clientId: text({ ...IDS, optional: false, what: 'a client id (GUID text)' }),
    }),
    { kind: 'reference', optional },
  );
}
