import { fromFactory } from '../checks';
import { bool, defineProps, object } from '../checks/read';
import { userAssignedIdentityReader } from '../core/readers';
import { AzapiResourceIdentity } from '../azapi';
import { IUserAssignedIdentity } from '../core';

/** Options of `WorkspaceIdentity.userAssigned`. */
export interface UserAssignedWorkspaceIdentityOptions {
  /**
   * Grant the identity the roles Azure ML needs on the associated resources (before the workspace is created)
   * and Contributor on the workspace (docs/workspace.md lists them). Off by default because a stack that
   * already grants them itself would get a second assignment, which Azure refuses (RoleAssignmentExists).
   * @default false: grant the roles yourself
   */
  readonly assignRoles?: boolean;
}

export const WORKSPACE_IDENTITY_USER_ASSIGNED_PARAMS = defineProps<{
  identity: IUserAssignedIdentity;
  options?: UserAssignedWorkspaceIdentityOptions;
}>('WorkspaceIdentity.userAssigned', {
  identity: userAssignedIdentityReader(false),
  options: object(
    'UserAssignedWorkspaceIdentityOptions',
    defineProps<UserAssignedWorkspaceIdentityOptions>('UserAssignedWorkspaceIdentityOptions', {
      assignRoles: bool({
        tokens: 'refuse',
        why: 'it decides at synth whether the role assignments exist, which the workspace waits for',
      }),
    }),
    { optional: true },
  ),
});

/** The managed identity of a workspace. Enum-like: use the static factories. */
export class WorkspaceIdentity {
  /** A system-assigned identity, created and deleted with the workspace (the default). */
  public static systemAssigned(): WorkspaceIdentity {
    return new WorkspaceIdentity(undefined, false);
  }

  /**
   * A user-assigned identity that already exists, also sent as `primaryUserAssignedIdentity`. It outlives the
   * workspace, so its grants survive a rebuild. With `assignRoles: true` the workspace grants it the roles
   * Azure ML needs; otherwise give them yourself (the system-assigned identity gets them from Azure).
   */
  public static userAssigned(
    identity: IUserAssignedIdentity,
    options?: UserAssignedWorkspaceIdentityOptions,
  ): WorkspaceIdentity {
    return fromFactory(
      WORKSPACE_IDENTITY_USER_ASSIGNED_PARAMS,
      { identity, options },
      (read) => new WorkspaceIdentity(read.identity, read.options?.assignRoles ?? false),
      WorkspaceIdentity.prototype,
    );
  }

  private constructor(
    /** The user-assigned identity, or undefined for a system-assigned one. */
    public readonly userAssignedIdentity: IUserAssignedIdentity | undefined,
    /** Whether the workspace grants the user-assigned identity its roles. */
    public readonly assignRoles: boolean,
  ) {}

  /**
   * The azapi `identity` block; `extra` is another user-assigned identity the workspace must carry (the
   * customer-managed key's), added beside the workspace's own. @internal
   */
  public _toAzapiIdentity(extra?: IUserAssignedIdentity): AzapiResourceIdentity {
    const own = this.userAssignedIdentity;
    // The same object, or the same id (a token attribute is a new token string on every read: compare objects too).
    if (
      extra === undefined ||
      (own !== undefined && (own === extra || String(own.id) === String(extra.id)))
    ) {
      return own === undefined ? { type: 'SystemAssigned' } : { type: 'UserAssigned', identityIds: [own.id] };
    }
    return own === undefined
      ? { type: 'SystemAssigned, UserAssigned', identityIds: [extra.id] }
      : { type: 'UserAssigned', identityIds: [own.id, extra.id] };
  }
}
