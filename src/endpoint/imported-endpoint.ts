import { Construct } from 'constructs';
import { DataAzapiResource } from '../azapi';
import { ARM_TYPES, armIdLifecycle, isKnown, parseArmId, readArmId, readProps, problemsOf } from '../checks';
import { armId, bool, construct, defineProps, name, oneOf, provider, text } from '../checks/read';
import { ProviderProps, useProviders } from '../core/providers';
import { IManagedVnetWorkspace } from '../workspace';
import { SecureOnlineEndpointBase } from './endpoint-base';
import { EndpointAuthMode } from './endpoint-auth-mode';
import { ISecureOnlineEndpoint } from './endpoint-ref';
import { checkEndpointName } from './names';

/** What `SecureOnlineEndpoint.fromEndpointAttributes` needs to know about an endpoint created elsewhere. */
export interface SecureOnlineEndpointAttributes extends ProviderProps {
  /** The workspace the endpoint belongs to (created here, or `ManagedVnetWorkspace.fromWorkspaceAttributes`). */
  readonly workspace: IManagedVnetWorkspace;
  /** The endpoint name. */
  readonly endpointName: string;
  /** ARM id of the endpoint. @default `<workspace id>/onlineEndpoints/<endpointName>` */
  readonly endpointId?: string;
  /** Whether the endpoint accepts public network access, as created. @default false */
  readonly publicNetworkAccess?: boolean;
  /** The scoring URI. @default read from the endpoint with an azapi data source */
  readonly endpointScoringUri?: string;
  /** The OpenAPI (swagger) URI. @default read from the endpoint with an azapi data source */
  readonly endpointSwaggerUri?: string;
  /**
   * How clients authenticate, as created: `grantInvoke` assigns the role this mode needs (and refuses `KEY`).
   * @default EndpointAuthMode.KEY (the CLI's default)
   */
  readonly authMode?: EndpointAuthMode;
}

const EXPR = { tokens: 'expression' } as const;

export const SECURE_ONLINE_ENDPOINT_ATTRIBUTES = defineProps<SecureOnlineEndpointAttributes>(
  'SecureOnlineEndpointAttributes',
  {
    workspace: construct('a workspace (ManagedVnetWorkspace or an imported one)'),
    endpointName: name({ ...EXPR, check: checkEndpointName }),
    endpointId: armId({ ...EXPR, resourceType: ARM_TYPES.ML_ONLINE_ENDPOINT }),
    publicNetworkAccess: bool({
      tokens: 'refuse',
      why: 'it says how the endpoint was created, which the checks on private-only endpoints read at synth',
    }),
    endpointScoringUri: text({ ...EXPR, what: 'a URL (text)' }),
    endpointSwaggerUri: text({ ...EXPR, what: 'a URL (text)' }),
    authMode: oneOf(EndpointAuthMode),
    provider: provider(),
  },
);
/**
 * An online endpoint created elsewhere, to which this stack adds deployments (and, if asked, traffic, mirrors and
 * grants). Private: `SecureOnlineEndpoint.fromEndpointAttributes` makes it, typed as `ISecureOnlineEndpoint`.
 */
class ImportedSecureOnlineEndpoint extends SecureOnlineEndpointBase {
  public readonly endpointId: string;
  public readonly endpointName: string;
  public readonly endpointScoringUri: string;
  public readonly endpointSwaggerUri: string;
  public readonly workspace: IManagedVnetWorkspace;
  public readonly publicNetworkAccess: boolean;
  public readonly authMode: EndpointAuthMode;

  constructor(scope: Construct, id: string, attrs: SecureOnlineEndpointAttributes) {
    super(scope, id);
    attrs = readProps(this, SECURE_ONLINE_ENDPOINT_ATTRIBUTES, attrs);
    useProviders(this, attrs.provider);
    readArmId(this, 'endpointId', attrs.endpointId, ARM_TYPES.ML_ONLINE_ENDPOINT, { optional: true });
    checkIdAgrees(this, attrs);
    this.endpointId =
      attrs.endpointId ?? `${attrs.workspace.workspaceId}/onlineEndpoints/${attrs.endpointName}`;
    const uris = readUris(this, attrs, this.endpointId);
    this.endpointName = attrs.endpointName;
    this.endpointScoringUri = uris.endpointScoringUri;
    this.endpointSwaggerUri = uris.endpointSwaggerUri;
    this.workspace = attrs.workspace;
    this.publicNetworkAccess = attrs.publicNetworkAccess ?? false;
    this.authMode = attrs.authMode ?? EndpointAuthMode.KEY;
    // The endpoint's own request is not known here: traffic is merged into the live maps, and a destroy does not
    // reset it first.
    this._bindTraffic(undefined);
  }
}

/** Imports an endpoint made elsewhere; see `SecureOnlineEndpoint.fromEndpointAttributes`. */
export function importEndpoint(
  scope: Construct,
  id: string,
  attrs: SecureOnlineEndpointAttributes,
): ISecureOnlineEndpoint {
  return new ImportedSecureOnlineEndpoint(scope, id, attrs);
}

/** The URIs as given, the others read from the live endpoint (one GET at plan time, construct id `Resource`). */
function readUris(
  scope: Construct,
  attrs: SecureOnlineEndpointAttributes,
  endpointId: string,
): { endpointScoringUri: string; endpointSwaggerUri: string } {
  const live =
    attrs.endpointScoringUri === undefined || attrs.endpointSwaggerUri === undefined
      ? new DataAzapiResource(scope, 'Resource', {
          type: attrs.workspace.apiVersion.resourceType('workspaces/onlineEndpoints'),
          resourceId: endpointId,
          responseExportValues: {
            scoringUri: 'properties.scoringUri',
            swaggerUri: 'properties.swaggerUri',
          },
          lifecycle: armIdLifecycle(scope),
        })
      : undefined;
  return {
    endpointScoringUri: attrs.endpointScoringUri ?? (live as DataAzapiResource).outputString('scoringUri'),
    endpointSwaggerUri: attrs.endpointSwaggerUri ?? (live as DataAzapiResource).outputString('swaggerUri'),
  };
}

/**
 * SE228: an endpoint id and name given together name one endpoint, in the given workspace (names, groups and
 * subscriptions compared without case, as ARM does).
 */
function checkIdAgrees(scope: Construct, attrs: SecureOnlineEndpointAttributes): void {
  const parsed = parseArmId(attrs.endpointId);
  if (parsed === undefined || parsed.names.length !== 2) return;
  const [workspaceName, endpointName] = parsed.names;
  const problems: string[] = [];
  if (isKnown(attrs.endpointName) && endpointName.toLowerCase() !== attrs.endpointName.toLowerCase()) {
    problems.push(`names endpoint '${endpointName}', but endpointName is '${attrs.endpointName}'`);
  }
  const workspace = attrs.workspace;
  if (
    isKnown(workspace.workspaceName) &&
    workspaceName.toLowerCase() !== workspace.workspaceName.toLowerCase()
  ) {
    problems.push(
      `is in workspace '${workspaceName}', but the workspace given is '${workspace.workspaceName}'`,
    );
  }
  const group = workspace.resourceGroupName;
  if (isKnown(group) && parsed.resourceGroup.toLowerCase() !== group.toLowerCase()) {
    problems.push(`is in resource group '${parsed.resourceGroup}', but the workspace's is '${group}'`);
  }
  const subscription = parseArmId(workspace.workspaceId)?.subscriptionId;
  if (subscription !== undefined && parsed.subscriptionId !== subscription) {
    problems.push(`is in subscription '${parsed.subscriptionId}', but the workspace's is '${subscription}'`);
  }
  for (const problem of problems) {
    problemsOf(scope).report(
      'SE228',
      `imported endpoint id '${attrs.endpointId}' ${problem}: deployments would go to one endpoint and traffic ` +
        `to another; correct one of them, or leave endpointId unset to have it built from the workspace and ` +
        `endpointName`,
    );
  }
}
