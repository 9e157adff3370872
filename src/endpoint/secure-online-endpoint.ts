import { Construct, IConstruct } from 'constructs';
import { Fn, TerraformResource, Token } from 'cdktf';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { addPreconditions, createOnlyPreconditions } from '../core/create-only-guard';
import { ProviderProps, useProviders } from '../core/providers';
import { enabledOrDisabled, OnlineEndpointBody, TrafficMap } from '../arm';
import { AzapiResource, DataAzapiResource } from '../azapi';
import {
  appConstructs,
  ARM_TYPES,
  armIdLifecycle,
  comparisonKey,
  ConfigurationError,
  isKnown,
  normaliseRegion,
  readArmId,
  readProps,
  readTags,
  TAG_LIMITS,
  problemsOf,
  problem,
  Problems,
} from '../checks';
import { bool, construct, defineProps, instanceOf, name, oneOf, provider, tags, text } from '../checks/read';
import { IManagedVnetWorkspace, InboundAccess } from '../workspace';
import { SecureOnlineEndpointBase } from './endpoint-base';
import { EndpointAuthMode } from './endpoint-auth-mode';
import { checkUserAssignedIdentity } from '../core/identity-checks';
import { EndpointIdentity } from './endpoint-identity';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { EndpointDiagnostics, EndpointLogDestination, EndpointLogs } from './endpoint-logs';
import { readDestinationIds } from './log-destination-ids';
import { ISecureOnlineEndpoint } from './endpoint-ref';
import { grantEndpointIdentityRoles } from './identity-roles';
import { importEndpoint, SecureOnlineEndpointAttributes } from './imported-endpoint';
import { checkEndpointName } from './names';

/** Props of `SecureOnlineEndpoint`. */
export interface SecureOnlineEndpointProps extends ProviderProps {
  /** The workspace the endpoint is created in. */
  readonly workspace: IManagedVnetWorkspace;
  /**
   * Endpoint name: 3 to 32 characters, starting with a letter, letters, digits and hyphens, ending with a letter
   * or digit; unique in the Azure region (it is part of the scoring URI).
   */
  readonly endpointName: string;
  /** How clients authenticate. @default EndpointAuthMode.KEY */
  readonly authMode?: EndpointAuthMode;
  /**
   * Whether the scoring URI is reachable from public networks. Disabled, it is reachable only through the
   * workspace's inbound private endpoint (the how-to's `--set public_network_access=disabled`).
   * @default false
   */
  readonly publicNetworkAccess?: boolean;
  /** The identity deployments run as. @default EndpointIdentity.systemAssigned() */
  readonly identity?: EndpointIdentity;
  /** Endpoint description (`properties.description`). @default none */
  readonly description?: string;
  /** Azure tags of the endpoint resource. @default none */
  readonly tags?: { [key: string]: string };
  /**
   * Say that callers reach the workspace privately by means this stack does not show (a private endpoint made
   * elsewhere, a VPN into a peered network). Without it, an endpoint with public network access disabled on a
   * workspace without an inbound private endpoint is refused (SE210): nobody could call it.
   * @default false
   */
  readonly inboundAccessArrangedElsewhere?: boolean;
  /**
   * Where the endpoint's console, traffic and event logs and its metrics go (a diagnostic setting on the
   * endpoint). `EndpointLogs.disabled()` keeps none.
   * @default EndpointLogs.toWorkspaceLogAnalytics(): the workspace's Log Analytics workspace
   */
  readonly logs?: EndpointLogs;
}

const EXPR = { tokens: 'expression' } as const;

export const SECURE_ONLINE_ENDPOINT_PROPS = defineProps<SecureOnlineEndpointProps>(
  'SecureOnlineEndpointProps',
  {
    workspace: construct('a workspace (ManagedVnetWorkspace or an imported one)'),
    endpointName: name({ ...EXPR, check: checkEndpointName }),
    authMode: oneOf(EndpointAuthMode),
    // Sent as `cond ? "Enabled" : "Disabled"`; SE210 treats an expression as possibly false.
    publicNetworkAccess: bool(EXPR),
    identity: instanceOf(EndpointIdentity),
    description: text(EXPR),
    tags: tags(),
    inboundAccessArrangedElsewhere: bool({
      tokens: 'refuse',
      why: 'it decides at synth whether the check that somebody can call the endpoint (SE210) applies',
    }),
    logs: instanceOf(EndpointLogs),
    provider: provider(),
  },
);

/**
 * A managed online endpoint (`workspaces/onlineEndpoints`) with public network access disabled by default.
 * Traffic is set once, after its deployments exist, by a separate update (`Traffic`).
 *
 * @example
 * const endpoint = new SecureOnlineEndpoint(this, 'Endpoint', { workspace, endpointName: 'endpt-moe-1' });
 * endpoint.addDeployment('Blue', { model, code, environment, allTraffic: true });
 */
export class SecureOnlineEndpoint extends SecureOnlineEndpointBase {
  /**
   * An endpoint created elsewhere (another stack, `az ml online-endpoint create`), to add deployments to it:
   * `new BlueDeployment(this, 'Blue', { endpoint: SecureOnlineEndpoint.fromEndpointAttributes(...), ... })`.
   * It can do what a created endpoint does; the traffic it writes names only this stack's deployments and is
   * merged into the live traffic.
   */
  public static fromEndpointAttributes(
    scope: Construct,
    id: string,
    attrs: SecureOnlineEndpointAttributes,
  ): ISecureOnlineEndpoint {
    return importEndpoint(scope, id, attrs);
  }

  /** Object id of the endpoint's identity (system-assigned: known after apply), e.g. to grant it a role. */
  public readonly endpointPrincipalId: string;
  /** The endpoint's `azapi_resource` (construct id `Resource`), for overrides (`addOverride`). */
  public readonly resource: TerraformResource;
  /** The diagnostic setting sending logs and metrics (construct id `Logs/Resource`), unless logs are disabled. */
  public readonly diagnosticSetting: MonitorDiagnosticSetting | undefined;
  /** {@inheritDoc ISecureOnlineEndpoint.endpointId} */
  public readonly endpointId: string;
  /** {@inheritDoc ISecureOnlineEndpoint.endpointName} */
  public readonly endpointName: string;
  /** {@inheritDoc ISecureOnlineEndpoint.endpointScoringUri} */
  public readonly endpointScoringUri: string;
  /** {@inheritDoc ISecureOnlineEndpoint.endpointSwaggerUri} */
  public readonly endpointSwaggerUri: string;
  /** {@inheritDoc ISecureOnlineEndpoint.workspace} */
  public readonly workspace: IManagedVnetWorkspace;
  /** {@inheritDoc ISecureOnlineEndpoint.publicNetworkAccess} */
  public readonly publicNetworkAccess: boolean;
  /** {@inheritDoc SecureOnlineEndpointBase.authMode} */
  public readonly authMode: EndpointAuthMode;

  constructor(scope: Construct, id: string, props: SecureOnlineEndpointProps) {
    super(scope, id);
    props = readProps(this, SECURE_ONLINE_ENDPOINT_PROPS, props);
    useProviders(this, props.provider);
    const publicNetworkAccess = props.publicNetworkAccess ?? false;
    const authMode = props.authMode ?? EndpointAuthMode.KEY;
    checkEndpointProps(this, props, publicNetworkAccess);

    const identity = props.identity ?? EndpointIdentity.systemAssigned();
    const uami = identity.userAssignedIdentity;
    const roles = identityRoles(this, identity, props.workspace);
    const logs = logDestination(this, props);

    const body: OnlineEndpointBody = {
      properties: {
        authMode: authMode._armValue,
        publicNetworkAccess: enabledOrDisabled(publicNetworkAccess),
        description: props.description,
      },
    };
    const type = props.workspace.apiVersion.resourceType('workspaces/onlineEndpoints');
    const resource = new AzapiResource(this, 'Resource', {
      type,
      name: props.endpointName,
      parentId: props.workspace.workspaceId,
      location: props.workspace.location,
      identity: identity._toAzapiIdentity(),
      body: { ...body, properties: { ...body.properties, ...liveTraffic(this, type, props) } },
      tags: props.tags,
      responseExportValues: {
        scoringUri: 'properties.scoringUri',
        swaggerUri: 'properties.swaggerUri',
        ...(uami === undefined ? { principalId: 'identity.principalId' } : {}),
      },
      dependsOn: roles.length > 0 ? roles : undefined,
      lifecycle: armIdLifecycle(this),
    });
    addPreconditions(
      resource,
      createOnlyPreconditions(this, resource, {
        type,
        liveId: `${props.workspace.workspaceId}/onlineEndpoints/${props.endpointName}`,
        subject: `endpoint '${props.endpointName}'`,
        wanted: {
          'identity.type': uami === undefined ? 'SystemAssigned' : 'UserAssigned',
          'identity.userAssignedIdentities': uami === undefined ? [] : [uami.id],
        },
      }),
    );
    this.resource = resource;
    this.endpointId = resource.id;
    this.endpointName = props.endpointName;
    this.endpointScoringUri = resource.outputString('scoringUri');
    this.endpointSwaggerUri = resource.outputString('swaggerUri');
    this.workspace = props.workspace;
    this.publicNetworkAccess = publicNetworkAccess;
    this.authMode = authMode;
    this.endpointPrincipalId = uami?.principalId ?? resource.outputString('principalId');
    this.diagnosticSetting = logs
      ? new EndpointDiagnostics(this, 'Logs', { endpointId: this.endpointId, destination: logs }).resource
      : undefined;
    this._bindTraffic({
      ...body,
      location: props.workspace.location,
      identity: identity._toArmIdentity(),
      tags: props.tags,
    });
  }
}

/** The checks on the props that need no resource: the name (and its uniqueness, at synth), tags, inbound access. */
function checkEndpointProps(
  endpoint: SecureOnlineEndpoint,
  props: SecureOnlineEndpointProps,
  publicNetworkAccess: boolean,
): void {
  problemsOf(endpoint).record(checkEndpointName(props.endpointName));
  problemsOf(endpoint).addRule(() => endpointNameClashes(endpoint));
  readTags(endpoint, 'tags', props.tags, TAG_LIMITS.DEFAULT);
  problemsOf(endpoint).record(checkInboundAccess(publicNetworkAccess, props));
}

/** The roles a user-assigned identity needs, granted before the endpoint's deployments pull the image. */
function identityRoles(
  endpoint: SecureOnlineEndpoint,
  identity: EndpointIdentity,
  workspace: IManagedVnetWorkspace,
): RoleAssignment[] {
  const uami = identity.userAssignedIdentity;
  if (uami === undefined) return [];
  readArmId(endpoint, 'identity (user-assigned) id', uami.id, ARM_TYPES.USER_ASSIGNED_IDENTITY);
  checkUserAssignedIdentity(endpoint, 'identity (user-assigned)', uami);
  return grantEndpointIdentityRoles(endpoint, uami, workspace);
}

/**
 * Where the logs go, or undefined when disabled (or there is none: SE320, recorded on the endpoint). A destination chosen here is
 * checked before the endpoint is created; the default one was checked where the workspace was given it.
 */
function logDestination(
  endpoint: SecureOnlineEndpoint,
  props: SecureOnlineEndpointProps,
): EndpointLogDestination | undefined {
  const settings = props.logs ?? EndpointLogs.toWorkspaceLogAnalytics();
  const logs = problemsOf(endpoint).take(settings._destination(props.workspace, props.endpointName));
  if (props.logs !== undefined && logs !== undefined) {
    readDestinationIds(endpoint, logs);
    settings._checkBrought(endpoint, regionOf(props.workspace));
  }
  return logs;
}

/**
 * The endpoint's live traffic and mirror maps, read at plan time (empty before the endpoint exists). A PUT of the
 * endpoint replaces the whole resource: without them, a change of the endpoint itself (public network access, a
 * description, tags) would empty its traffic until the Traffic writer runs again, and the endpoint would serve
 * nothing in between. The id is built from the workspace, not taken from the endpoint resource, which reads it.
 */
function liveTraffic(
  endpoint: Construct,
  type: string,
  props: SecureOnlineEndpointProps,
): { traffic: TrafficMap; mirrorTraffic: TrafficMap } {
  const live = new DataAzapiResource(endpoint, 'LiveTraffic', {
    type,
    resourceId: `${props.workspace.workspaceId}/onlineEndpoints/${props.endpointName}`,
    ignoreNotFound: true,
    responseExportValues: { traffic: 'properties.traffic', mirrorTraffic: 'properties.mirrorTraffic' },
  });
  // merge() skips a null map (an endpoint that does not exist yet, or reports no traffic).
  const map = (name: string): TrafficMap =>
    Token.asNumberMap(Fn.merge([{}, Fn.try([live.getAnyMapAttribute(`output.${name}`), {}])]));
  return { traffic: map('traffic'), mirrorTraffic: map('mirrorTraffic') };
}

function checkInboundAccess(publicNetworkAccess: boolean, props: SecureOnlineEndpointProps): Problems {
  // An expression (a Terraform variable) may turn out false: it is judged as the private case.
  if (publicNetworkAccess === true || props.inboundAccessArrangedElsewhere) return [];
  const inbound = props.workspace.inboundAccess;
  // A private endpoint's scoring traffic only arrives through the workspace's private endpoint: a public
  // workspace does not make it callable.
  if (inbound === InboundAccess.PRIVATE_ENDPOINT || inbound === InboundAccess.ARRANGED_ELSEWHERE) return [];
  return [
    problem(
      'SE210',
      `endpoint '${props.endpointName}' has public network access ` +
        `${isKnown(publicNetworkAccess) ? 'disabled' : 'from an expression that may be false'}, but workspace ` +
        `${props.workspace.node.path} has no inbound private endpoint (inbound access: ${inbound ?? 'none'}), so ` +
        `nobody could call it; give the workspace an inboundPrivateEndpoint, set publicNetworkAccess: true on the ` +
        `endpoint, or set inboundAccessArrangedElsewhere: true if callers reach the workspace privately another way`,
    ),
  ];
  return [];
}

/** The workspace's region as configured when it is known, else its `location` (text or a reference). */
function regionOf(workspace: IManagedVnetWorkspace): string {
  const configured = (workspace as { _locationAsConfigured?: string })._locationAsConfigured;
  return configured !== undefined && isKnown(configured) ? configured : workspace.location;
}

function isCreatedEndpoint(c: IConstruct): c is SecureOnlineEndpoint {
  return c instanceof SecureOnlineEndpoint;
}

/**
 * SE222 / SE227: an endpoint name is unique in its workspace (one ARM resource) and in its Azure region (the
 * scoring URI `https://<name>.<region>.inference.ml.azure.com` is a DNS name), compared without case, over every
 * stack of the app. Regions compare as ARM does (`West Europe` is `westeurope`); a region from an expression
 * compares equal only to the same expression.
 */
function endpointNameClashes(endpoint: SecureOnlineEndpoint): ConfigurationError[] {
  const name = comparisonKey(endpoint, endpoint.endpointName);
  if (name === undefined) return [];
  const workspaceKey = (e: SecureOnlineEndpoint): string | undefined =>
    comparisonKey(e.workspace, e.workspace.workspaceId);
  // A region from a brought resource group's reference is compared as that group was configured, so that two
  // stacks, each with its own group in one region, still compare equal.
  const regionKey = (e: SecureOnlineEndpoint): string | undefined =>
    comparisonKey(e.workspace, regionOf(e.workspace), normaliseRegion);
  const sameWorkspace = (e: SecureOnlineEndpoint): boolean =>
    e.workspace === endpoint.workspace ||
    (workspaceKey(e) !== undefined && workspaceKey(e) === workspaceKey(endpoint));
  // The first endpoint with a name (in construct-tree order over the app) keeps it; the later ones are reported.
  const all = appConstructs(endpoint, isCreatedEndpoint);
  const others = all.slice(0, all.indexOf(endpoint)).filter((e) => comparisonKey(e, e.endpointName) === name);
  const inWorkspace = others.filter(sameWorkspace);
  if (inWorkspace.length > 0) {
    return [
      new ConfigurationError(
        'SE222',
        `endpoint name '${endpoint.endpointName}' is used twice in workspace ${endpoint.workspace.node.path} ` +
          `(${[...inWorkspace, endpoint].map((e) => e.node.path).join(' and ')}): they would be one Azure resource, ` +
          `the second overwriting the first; give each endpoint its own endpointName`,
      ),
    ];
  }
  const region = regionKey(endpoint);
  const inRegion = region === undefined ? [] : others.filter((e) => regionKey(e) === region);
  if (inRegion.length === 0) return [];
  return [
    new ConfigurationError(
      'SE227',
      `endpoint name '${endpoint.endpointName}' is already used by ${inRegion.map((e) => e.node.path).join(', ')} ` +
        `in region '${regionOf(endpoint.workspace)}': an endpoint name is unique in its Azure region, whatever the ` +
        `workspace or subscription (it is the DNS name <name>.<region>.inference.ml.azure.com), so the second ` +
        `create fails; give each endpoint its own endpointName`,
    ),
  ];
}
