/**
 * The roles a brought user-assigned workspace identity needs (a system-assigned identity gets them from Azure
 * when the workspace is created). Source: "Workspace using a user-assigned managed identity",
 * learn.microsoft.com/azure/machine-learning/how-to-identity-based-service-authentication, and, for the managed
 * network's private endpoints to the associated resources, "Azure AI Enterprise Network Connection Approver",
 * learn.microsoft.com/azure/machine-learning/how-to-managed-network.
 */
import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { grantRoleOnce } from '../core/role-assignments';
import { IUserAssignedIdentity } from '../core';

/** The associated resources roles are granted on, before the workspace exists. */
export type AssociatedResource = 'storageAccount' | 'keyVault' | 'containerRegistry' | 'applicationInsights';

/** Role names by associated resource. */
export const USER_ASSIGNED_WORKSPACE_ROLES: { readonly [resource in AssociatedResource]: readonly string[] } =
  {
    storageAccount: [
      'Reader',
      'Storage Blob Data Contributor',
      'Storage File Data Privileged Contributor',
      'Azure AI Enterprise Network Connection Approver',
    ],
    keyVault: ['Contributor', 'Key Vault Administrator', 'Azure AI Enterprise Network Connection Approver'],
    containerRegistry: ['Contributor', 'Azure AI Enterprise Network Connection Approver'],
    applicationInsights: ['Contributor'],
  };

/** The role on the workspace itself, granted once it exists. */
export const USER_ASSIGNED_WORKSPACE_SELF_ROLE = 'Contributor';

/** Construct ids of the grants: `<Resource><Role without spaces>`, stable Terraform addresses. */
function grantId(resource: string, role: string): string {
  return `${resource[0].toUpperCase()}${resource.slice(1)}${role.replace(/[^A-Za-z0-9]/g, '')}`;
}

/** Grants the associated-resource roles; returns what the workspace waits for. */
export function grantAssociatedRoles(
  scope: Construct,
  identity: IUserAssignedIdentity,
  ids: { readonly [resource in AssociatedResource]: string },
): ITerraformDependable[] {
  const grants: ITerraformDependable[] = [];
  for (const resource of Object.keys(USER_ASSIGNED_WORKSPACE_ROLES) as AssociatedResource[]) {
    for (const role of USER_ASSIGNED_WORKSPACE_ROLES[resource]) {
      grants.push(
        grantRoleOnce(scope, grantId(resource, role), {
          scope: ids[resource],
          roleDefinitionName: role,
          principalId: identity.principalId,
          principalType: 'ServicePrincipal',
        }),
      );
    }
  }
  return grants;
}

/** Grants the role on the workspace (after it exists: its id is a reference). */
export function grantWorkspaceRole(
  scope: Construct,
  identity: IUserAssignedIdentity,
  workspaceId: string,
): void {
  grantRoleOnce(scope, grantId('workspace', USER_ASSIGNED_WORKSPACE_SELF_ROLE), {
    scope: workspaceId,
    roleDefinitionName: USER_ASSIGNED_WORKSPACE_SELF_ROLE,
    principalId: identity.principalId,
    principalType: 'ServicePrincipal',
  });
}
