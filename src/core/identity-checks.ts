import { IConstruct } from 'constructs';
import { isKnown, problemsOf } from '../checks';
import { expressionOf } from '../checks/expressions';
import type { IUserAssignedIdentity } from './references';

/** A GUID, as Microsoft Entra writes object and client ids. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The attributes of an identity that are not what an id of each kind names: azurerm's `UserAssignedIdentity`,
 * `DataAzurermUserAssignedIdentity` and the `identity` blocks of other resources call them `id` (the ARM id),
 * `principal_id` (the object id role assignments name), `client_id` (the application id tokens are asked with)
 * and `tenant_id`. A reference to one of the others where one is expected is a swap.
 */
const ATTRIBUTES: Record<
  'principal' | 'client',
  { readonly wanted: string; readonly others: readonly string[] }
> = {
  principal: { wanted: 'principal_id', others: ['client_id', 'id', 'tenant_id'] },
  client: { wanted: 'client_id', others: ['principal_id', 'id', 'tenant_id'] },
};

/**
 * SE462: an id of the wrong kind where an identity's object (principal) id or client id belongs: an ARM id or
 * other text that is no GUID, or a reference to another attribute of an identity (`uami.clientId` given as the
 * principal id, the two swapped). Role assignments to a client id fail at apply ("principal not found"), or
 * worse, succeed for another principal that happens to have that object id.
 */
export function checkIdentityId(
  scope: IConstruct,
  prop: string,
  value: string | undefined,
  kind: 'principal' | 'client',
): void {
  if (value === undefined || value === null) return;
  const { wanted, others } = ATTRIBUTES[kind];
  const what = kind === 'principal' ? 'object (principal) id' : 'client (application) id';
  if (isKnown(value)) {
    if (typeof value !== 'string' || GUID.test(value)) return;
    const armId = value.trim().toLowerCase().startsWith('/subscriptions/');
    problemsOf(scope).report(
      'SE462',
      `${prop} is '${value}', ${armId ? "an ARM resource id (the identity's id)" : 'not a GUID'}: it takes the ` +
        `identity's ${what}, a GUID; give the identity's ${wanted} (azurerm: .${camel(wanted)})`,
    );
    return;
  }
  const expression = expressionOf(scope, value);
  const attribute = expression === undefined ? undefined : /\.([a-z_]+)\}$/.exec(expression)?.[1];
  if (attribute === undefined || !others.includes(attribute)) return;
  problemsOf(scope).report(
    'SE462',
    `${prop} is ${expression}, the identity's ${attribute}, but it takes the identity's ${what}: give ` +
      `.${camel(wanted)} (${wanted}) instead${attribute === 'id' ? '' : ' (the two ids are swapped)'}`,
  );
}

/** Both ids of a user-assigned identity (its `id` is read as an ARM id by its own reader). */
export function checkUserAssignedIdentity(
  scope: IConstruct,
  prop: string,
  identity: IUserAssignedIdentity,
): void {
  checkIdentityId(scope, `${prop}.principalId`, identity.principalId, 'principal');
  checkIdentityId(scope, `${prop}.clientId`, identity.clientId, 'client');
}

function camel(attribute: string): string {
  return attribute.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}
