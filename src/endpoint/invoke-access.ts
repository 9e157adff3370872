import { ARM_TYPES, checkLiteralArmId } from '../checks/arm-id';
import { createHash } from 'crypto';
import { Construct, IConstruct } from 'constructs';
import { Fn } from 'cdktf';
import { RoleDefinition } from '@cdktf/provider-azurerm/lib/role-definition';
import { isKnown, readParams, readProps, problemsOf, problem, Problems } from '../checks';
import { armId, construct, defineProps, name, oneOf } from '../checks/read';
import { PRINCIPAL_READER } from '../core/readers';
import { IPrincipal, PrincipalType } from '../core';
import { checkIdentityId } from '../core/identity-checks';
import { grantRoleOnce } from '../core/role-assignments';
import { IManagedVnetWorkspace } from '../workspace';
import { EndpointAuthMode } from './endpoint-auth-mode';
import { EndpointGrant } from './endpoint-grant';

/** Sending a scoring request with a Microsoft Entra token: a data action, checked on every request. */
export const SCORE_DATA_ACTION = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/score/action';
/** Getting an Azure Machine Learning token for the endpoint (`az ml online-endpoint get-credentials`). */
export const TOKEN_ACTION = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/token/action';
/** Reading the endpoint's keys: what key callers need, not granted here. */
export const LIST_KEYS_ACTION =
  'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/listKeys/action';

/** Props of `EndpointInvokeAccess`. */
export interface EndpointInvokeAccessProps {
  readonly workspace: IManagedVnetWorkspace;
  readonly endpointName: string;
  readonly endpointId: string;
  readonly authMode: EndpointAuthMode;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const ENDPOINT_INVOKE_ACCESS_PROPS = defineProps<EndpointInvokeAccessProps>(
  'EndpointInvokeAccessProps',
  {
    workspace: construct('a workspace (ManagedVnetWorkspace or an imported one)'),
    endpointName: name({ tokens: 'expression' }),
    endpointId: armId({ tokens: 'expression', optional: false, resourceType: ARM_TYPES.ML_ONLINE_ENDPOINT }),
    authMode: oneOf(EndpointAuthMode, { optional: false }),
  },
);
export const ENDPOINT_INVOKE_ACCESS_GRANT_PARAMS = defineProps<{ grantee: IPrincipal }>(
  'EndpointInvokeAccess#grant',
  { grantee: PRINCIPAL_READER },
);

/**
 * Who may call an endpoint: one custom role definition (construct id `RoleDefinition`) holding only what the
 * endpoint's auth mode needs to call it, and one role assignment per grantee on the endpoint itself.
 *
 * No built-in role fits: `AzureML Data Scientist` also deploys, deletes and reads keys across the workspace.
 * The definition lives at the workspace's resource group (custom roles cannot be defined at a single resource)
 * and is assignable only there; the assignments are scoped to the endpoint, so a grantee can call this endpoint
 * and no other.
 */
export class EndpointInvokeAccess extends Construct {
  /** The custom role definition. */
  public readonly roleDefinition: RoleDefinition;
  private readonly props: EndpointInvokeAccessProps;
  private readonly grants = new Map<string, EndpointGrant>();

  constructor(scope: Construct, id: string, props: EndpointInvokeAccessProps) {
    super(scope, id);
    props = readProps(this, ENDPOINT_INVOKE_ACCESS_PROPS, props);
    checkLiteralArmId(this, 'endpointId', props.endpointId, ARM_TYPES.ML_ONLINE_ENDPOINT);
    this.props = props;
    const resourceGroupId = resourceGroupIdOf(props.workspace.workspaceId);
    const aad = props.authMode === EndpointAuthMode.AAD_TOKEN;
    const workspace = `${props.workspace.resourceGroupName}/${props.workspace.workspaceName}`;
    this.roleDefinition = new RoleDefinition(this, 'RoleDefinition', {
      // Role names are unique in the tenant: the endpoint's workspace and resource group make it so.
      name: `AzureML online endpoint ${aad ? 'invoker' : 'token reader'} ${props.endpointName} (${workspace})`,
      scope: resourceGroupId,
      assignableScopes: [resourceGroupId],
      description: aad
        ? `Send scoring requests with a Microsoft Entra token to online endpoint ${props.endpointName}`
        : `Get Azure Machine Learning tokens to call online endpoint ${props.endpointName}`,
      permissions: [aad ? { actions: [], dataActions: [SCORE_DATA_ACTION] } : { actions: [TOKEN_ACTION] }],
    });
  }

  /** Assigns the role to one principal on the endpoint; granting the same principal again returns the first grant. */
  public grant(grantee: IPrincipal): EndpointGrant {
    ({ grantee } = readParams(this, ENDPOINT_INVOKE_ACCESS_GRANT_PARAMS, { grantee }));
    problemsOf(this).record(checkPrincipal(this.props.endpointName, grantee));
    // A known id that is no GUID is SE311 above; a reference to another attribute of an identity is a swap.
    if (!isKnown(grantee.principalId))
      checkIdentityId(this, 'grantee.principalId', grantee.principalId, 'principal');
    const key = grantKey(grantee) ?? `At${this.grants.size}`;
    const existing = this.grants.get(key);
    if (existing !== undefined) return existing;
    const type =
      grantee.principalType ?? (isManagedIdentity(grantee) ? PrincipalType.SERVICE_PRINCIPAL : undefined);
    // The same principal given again in other letter case is the same assignment for Azure: the first is returned.
    const granted = {
      principalId: grantee.principalId,
      roleDefinitionId: this.roleDefinition.roleDefinitionResourceId,
      scope: this.props.endpointId,
    };
    const assignment = grantRoleOnce(this, `Grant${key}`, {
      scope: granted.scope,
      roleDefinitionId: granted.roleDefinitionId,
      principalId: granted.principalId,
      principalType: type,
      // A managed identity or application may be minutes old: skip the Entra lookup that would not find it yet.
      skipServicePrincipalAadCheck: type === PrincipalType.SERVICE_PRINCIPAL ? true : undefined,
      description: `Call online endpoint ${this.props.endpointName}`,
    });
    const grant =
      [...this.grants.values()].find((g) => g.assignment === assignment) ??
      new EndpointGrant({ ...granted, assignment });
    this.grants.set(key, grant);
    return grant;
  }
}

/** Refuses grantInvoke on a key endpoint (SE310): keys are not per caller and RBAC does not hand them out. */
export function checkInvokeAuthMode(endpointName: string, authMode: EndpointAuthMode): Problems {
  if (authMode !== EndpointAuthMode.KEY) return [];
  return [
    problem(
      'SE310',
      `endpoint '${endpointName}' uses key authentication, where any holder of the endpoint's key can call it and ` +
        `no role says who: key callers get the key from 'az ml online-endpoint get-credentials' (which needs ` +
        `${LIST_KEYS_ACTION}) and keep it in a secret store; to grant callers one by one, use ` +
        `EndpointAuthMode.AAD_TOKEN (or AML_TOKEN)`,
    ),
  ];
  return [];
}

/** `/subscriptions/<s>/resourceGroups/<g>` of an ARM id: computed now when known, by Terraform otherwise. */
function resourceGroupIdOf(armId: string): string {
  if (isKnown(armId)) return armId.split('/').slice(0, 5).join('/');
  return Fn.join('/', Fn.slice(Fn.split('/', armId), 0, 5));
}

function checkPrincipal(endpointName: string, grantee: IPrincipal): Problems {
  const id = grantee.principalId;
  if (id === undefined || id === null || id === '') {
    return [
      problem(
        'SE311',
        `a grantee of endpoint '${endpointName}' has no principal id: pass an identity with a principalId, or ` +
          `Principal.servicePrincipal(objectId) with the object id (not the application id)`,
      ),
    ];
  }
  if (isKnown(id) && !GUID.test(id)) {
    return [
      problem(
        'SE311',
        `principal id '${id}' granted on endpoint '${endpointName}' is not a GUID: give the Microsoft Entra object ` +
          `id (az ad sp show --id <app id> --query id)`,
      ),
    ];
  }
  return [];
}

/**
 * A key independent of call order, so that construct ids (and Terraform addresses) stay put when grants are
 * added or removed: the grantee construct's path, or the known object id. A token from elsewhere (a variable)
 * gets its position, the only thing known about it.
 */
function grantKey(grantee: IPrincipal): string | undefined {
  const source = isConstruct(grantee)
    ? grantee.node.path
    : isKnown(grantee.principalId)
      ? grantee.principalId
      : undefined;
  return source === undefined ? undefined : createHash('sha256').update(source).digest('hex').slice(0, 8);
}

function isConstruct(value: unknown): value is IConstruct {
  return typeof value === 'object' && value !== null && 'node' in value && value.node instanceof Object;
}

function isManagedIdentity(grantee: IPrincipal): boolean {
  return 'clientId' in grantee;
}
