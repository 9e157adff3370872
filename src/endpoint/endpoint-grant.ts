import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';

/** What `EndpointGrant` records. */
export interface EndpointGrantProps {
  /** Object id of the principal granted the role. */
  readonly principalId: string;
  /** ARM id of the role definition assigned. */
  readonly roleDefinitionId: string;
  /** ARM id of the scope the role is assigned on (the endpoint). */
  readonly scope: string;
  /** The role assignment. */
  readonly assignment: RoleAssignment;
}

/**
 * A role granted on an endpoint (`endpoint.grantInvoke(grantee)`): who, which role, where, and the role assignment
 * that does it (to depend on it, `dependsOn: [grant.assignment]`, or to read its id).
 */
export class EndpointGrant {
  /** Object id of the principal granted the role. */
  public readonly principalId: string;
  /** ARM id of the role definition assigned. */
  public readonly roleDefinitionId: string;
  /** ARM id of the scope the role is assigned on. */
  public readonly scope: string;
  /** The role assignment. */
  public readonly assignment: RoleAssignment;

  constructor(props: EndpointGrantProps) {
    this.principalId = props.principalId;
    this.roleDefinitionId = props.roleDefinitionId;
    this.scope = props.scope;
    this.assignment = props.assignment;
  }
}
