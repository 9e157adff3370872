import { Construct } from 'constructs';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { grantRoleOnce } from '../core/role-assignments';
import { problemsOf } from '../checks';
import { IUserAssignedIdentity } from '../core';
import { IManagedVnetWorkspace } from '../workspace';

/**
 * The roles Azure grants a system-assigned endpoint identity by itself (docs: concept-endpoints-online-auth,
 * "Automatic role assignment for endpoint identity"), plus read access to Key Vault secrets. A user-assigned
 * identity gets none of them automatically, so we grant them. Endpoints sharing one identity on one workspace
 * share the grants (Azure refuses a second assignment of one role to one principal on one scope).
 */
export function grantEndpointIdentityRoles(
  scope: Construct,
  identity: IUserAssignedIdentity,
  workspace: IManagedVnetWorkspace,
): RoleAssignment[] {
  const registryId = workspace.containerRegistryId;
  if (registryId === undefined) {
    problemsOf(scope).report(
      'SE214',
      `workspace ${workspace.node.path} has no container registry id, so the user-assigned endpoint identity ` +
        `cannot be granted AcrPull and could not pull the deployment image; give the workspace a container ` +
        `registry, or use EndpointIdentity.systemAssigned()`,
    );
    return [];
  }
  const grant = (id: string, role: string, resourceId: string, description: string): RoleAssignment =>
    grantRoleOnce(scope, id, {
      scope: resourceId,
      roleDefinitionName: role,
      principalId: identity.principalId,
      // The identity may be minutes old; skipping the Entra lookup avoids PrincipalNotFound while it replicates.
      principalType: 'ServicePrincipal',
      skipServicePrincipalAadCheck: true,
      description,
    });
  return [
    grant('AcrPull', 'AcrPull', registryId, 'Online endpoint identity pulls the deployment image'),
    grant(
      'StorageBlobDataReader',
      'Storage Blob Data Reader',
      workspace.storageAccountId,
      'Online endpoint identity reads models from the default datastore',
    ),
    grant(
      'MetricsWriter',
      'AzureML Metrics Writer (preview)',
      workspace.workspaceId,
      'Online endpoint identity writes deployment metrics to the workspace',
    ),
    grant(
      'KeyVaultSecretsUser',
      'Key Vault Secrets User',
      workspace.keyVaultId,
      'Online endpoint identity reads workspace secrets (RBAC-authorized Key Vault)',
    ),
  ];
}
