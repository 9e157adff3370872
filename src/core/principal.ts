import { defineProps, fromFactory, PropsSchema, text } from '../checks/read';
/** The kind of Microsoft Entra principal a role is assigned to (`principal_type` of a role assignment). */
export enum PrincipalType {
  /** An application's service principal or a managed identity. */
  SERVICE_PRINCIPAL = 'ServicePrincipal',
  /** A user. */
  USER = 'User',
  /** A security group. */
  GROUP = 'Group',
}

/**
 * Someone who can be granted a role: anything with a Microsoft Entra object id. An azurerm
 * `UserAssignedIdentity` satisfies it as is; `Principal` wraps a bare object id.
 */
export interface IPrincipal {
  /** Object id of the principal. */
  readonly principalId: string;
  /**
   * The principal's kind. Given, the role assignment skips the Entra lookup of the id (and works for an
   * identity created minutes ago). @default looked up by Azure; managed identities (objects with a `clientId`)
   * count as service principals
   */
  readonly principalType?: PrincipalType;
}

// A principal's object id: checked as a GUID where it is granted (SE311); a token is passed through.
const OBJECT_ID = text({ tokens: 'expression', optional: false, what: 'an object id (GUID text)' });
export const PRINCIPAL_SERVICE_PRINCIPAL_PARAMS = defineProps<{ objectId: string }>(
  'Principal.servicePrincipal',
  { objectId: OBJECT_ID },
);
export const PRINCIPAL_USER_PARAMS = defineProps<{ objectId: string }>('Principal.user', {
  objectId: OBJECT_ID,
});
export const PRINCIPAL_GROUP_PARAMS = defineProps<{ objectId: string }>('Principal.group', {
  objectId: OBJECT_ID,
});

/** Wraps a Microsoft Entra object id as an `IPrincipal`. */
export class Principal {
  /** An application's service principal (its object id, not its application id) or a managed identity. */
  public static servicePrincipal(objectId: string): IPrincipal {
    return principal(PRINCIPAL_SERVICE_PRINCIPAL_PARAMS, objectId, PrincipalType.SERVICE_PRINCIPAL);
  }

  /** A user, by object id. */
  public static user(objectId: string): IPrincipal {
    return principal(PRINCIPAL_USER_PARAMS, objectId, PrincipalType.USER);
  }

  /** A security group, by object id. */
  public static group(objectId: string): IPrincipal {
    return principal(PRINCIPAL_GROUP_PARAMS, objectId, PrincipalType.GROUP);
  }

  private constructor() {}
}

/** A principal of one type, read by the factory's schema; what is wrong is reported where it is granted. */
function principal(
  schema: PropsSchema<{ objectId: string }>,
  objectId: string,
  principalType: PrincipalType,
): IPrincipal {
  return fromFactory(
    schema,
    { objectId },
    (read): IPrincipal => ({ principalId: read.objectId, principalType }),
    Object.prototype as IPrincipal,
  );
}
