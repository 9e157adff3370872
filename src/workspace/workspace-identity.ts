import { readParams } from '../checks';
import { defineProps } from '../checks/read';
import { userAssignedIdentityReader } from '../core/readers';
import { AzapiResourceIdentity } from '../azapi';
import { IUserAssignedIdentity } from '../core';

export const WORKSPACE_IDENTITY_USER_ASSIGNED_PARAMS = defineProps<{ identity: IUserAssignedIdentity }>(
  'WorkspaceIdentity.userAssigned',
  {
    identity: userAssignedIdentityReader(false),
  },
);

/** The managed identity of a workspace. Enum-like: use the static factories. */
export class WorkspaceIdentity {
  /** A system-assigned identity, created and deleted with the workspace (the default). */
  public static systemAssigned(): WorkspaceIdentity {
    return new WorkspaceIdentity(undefined);
  }

  /**
   * A user-assigned identity, also sent as `primaryUserAssignedIdentity`. Give it the roles Azure ML needs on
   * the associated resources yourself (the system-assigned identity gets them from Azure automatically).
   */
  public static userAssigned(identity: IUserAssignedIdentity): WorkspaceIdentity {
    readParams(undefined, WORKSPACE_IDENTITY_USER_ASSIGNED_PARAMS, { identity });
    return new WorkspaceIdentity(identity);
  }

  private constructor(
    /** The user-assigned identity, or undefined for a system-assigned one. */
    public readonly userAssignedIdentity: IUserAssignedIdentity | undefined,
  ) {}

  /** The azapi `identity` block. @internal */
  public _toAzapiIdentity(): AzapiResourceIdentity {
    return this.userAssignedIdentity === undefined
      ? { type: 'SystemAssigned' }
      : { type: 'UserAssigned', identityIds: [this.userAssignedIdentity.id] };
  }
}
