import { Construct, IConstruct } from 'constructs';
import { Fn, Token } from 'cdktf';
import { ProviderProps, useProviders } from '../core/providers';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { enabledOrDisabled, OnlineEndpointBody, TrafficMap } from '../arm';
import { AzapiResource, AzapiResourceAction, AzapiUpdateResource, DataAzapiResource } from '../azapi';
import {
  appConstructs,
  ARM_TYPES,
  armIdLifecycle,
  attempt,
  check,
  checkAtSynth,
  comparisonKey,
  ConfigurationError,
  isKnown,
  normaliseRegion,
  readArmId,
  readParams,
  readProps,
  readTags,
  refuse,
  TAG_LIMITS,
} from '../checks';
import {
  bool,
  construct,
  constructId,
  definedSchemas,
  defineProps,
  instanceOf,
  object,
  readValue,
  name,
  num,
  oneOf,
  provider,
  tags,
  text,
} from '../checks/read';
import { PRINCIPAL_READER, TRAFFIC_SPLIT_READER } from '../core/readers';
import { IPrincipal } from '../core';
import { OnlineDeployment, OnlineDeploymentOptions } from '../deployment/online-deployment';
import { IManagedVnetWorkspace, InboundAccess } from '../workspace';
import { EndpointAuthMode } from './endpoint-auth-mode';
import { EndpointIdentity } from './endpoint-identity';
import { EndpointDiagnostics, EndpointLogs } from './endpoint-logs';
import { readDestinationIds } from './log-destination-ids';
import { DeploymentRegistration, IOnlineDeployment, ISecureOnlineEndpoint } from './endpoint-ref';
import { grantEndpointIdentityRoles } from './identity-roles';
import { ImportedSecureOnlineEndpoint, SecureOnlineEndpointAttributes } from './imported-endpoint';
import { checkInvokeAuthMode, EndpointInvokeAccess } from './invoke-access';
import { checkEndpointName } from './names';
import { EndpointTraffic } from './traffic';

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

defineProps<SecureOnlineEndpointProps>('SecureOnlineEndpointProps', {
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
});

defineProps<{ grantee: IPrincipal }>('SecureOnlineEndpoint#grantInvoke', { grantee: PRINCIPAL_READER });
const CONSTRUCT_ID = constructId();
defineProps<{ id: string; props: OnlineDeploymentOptions }>('SecureOnlineEndpoint#addDeployment', {
  id: CONSTRUCT_ID,
  // Read by the OnlineDeployment this method creates (the deployment's construct path in messages).
  props: object('OnlineDeploymentOptions', definedSchemas().get('OnlineDeploymentOptions') ?? {}, {
    optional: false,
  }),
});
defineProps<{ split: TrafficMap }>('SecureOnlineEndpoint#routeTraffic', { split: TRAFFIC_SPLIT_READER });
defineProps<{ deployment: IOnlineDeployment | string; percent: number }>(
  'SecureOnlineEndpoint#mirrorTraffic',
  {
    deployment: construct('a deployment of this endpoint, or its name', { alsoName: true }),
    // SE205 checks the share; a Terraform number expression is passed through.
    percent: num({ ...EXPR, optional: false }),
  },
);

/**
 * A managed online endpoint (`workspaces/onlineEndpoints`) with public network access disabled by default.
 * Traffic is set once, after its deployments exist, by a separate update (`Traffic`).
 */
export class SecureOnlineEndpoint extends Construct implements ISecureOnlineEndpoint {
  /**
   * An endpoint created elsewhere (another stack, `az ml online-endpoint create`), to add deployments to it:
   * `new BlueDeployment(this, 'Blue', { endpoint: SecureOnlineEndpoint.fromEndpointAttributes(...), ... })`.
   * Returns a construct with the endpoint's attributes and `routeTraffic`; traffic it writes names only this
   * stack's deployments.
   */
  public static fromEndpointAttributes(
    scope: Construct,
    id: string,
    attrs: SecureOnlineEndpointAttributes,
  ): ImportedSecureOnlineEndpoint {
    return new ImportedSecureOnlineEndpoint(scope, id, attrs);
  }

  /** ARM id of the endpoint. */
  public readonly endpointId: string;
  /** The endpoint name. */
  public readonly endpointName: string;
  /** The scoring URI (`properties.scoringUri`, known after apply). */
  public readonly endpointScoringUri: string;
  /** The OpenAPI (swagger) URI (`properties.swaggerUri`, known after apply). */
  public readonly endpointSwaggerUri: string;
  /** The workspace the endpoint belongs to. */
  public readonly workspace: IManagedVnetWorkspace;
  /** Whether the scoring URI is reachable from public networks. */
  public readonly publicNetworkAccess: boolean;
  /** How clients authenticate. */
  public readonly authMode: EndpointAuthMode;
  /** Object id of the endpoint's identity (system-assigned: known after apply), e.g. to grant it a role. */
  public readonly endpointPrincipalId: string;
  /** The endpoint resource. */
  public readonly resource: AzapiResource;
  /** The diagnostic setting sending logs and metrics (construct id `Logs`), unless logs are disabled. */
  public readonly diagnostics: EndpointDiagnostics | undefined;

  private readonly traffic: EndpointTraffic;
  private invokeAccess?: EndpointInvokeAccess;

  constructor(scope: Construct, id: string, props: SecureOnlineEndpointProps) {
    super(scope, id);
    props = readProps(this, 'SecureOnlineEndpointProps', props);
    useProviders(this, props.provider);
    check(this, () => checkEndpointName(props.endpointName));
    checkAtSynth(this, () => endpointNameClashes(this));
    readTags(this, 'tags', props.tags, TAG_LIMITS.DEFAULT);
    this.workspace = props.workspace;
    this.endpointName = props.endpointName;
    this.publicNetworkAccess = props.publicNetworkAccess ?? false;
    this.authMode = props.authMode ?? EndpointAuthMode.KEY;
    check(this, () => checkInboundAccess(this, props));

    const identity = props.identity ?? EndpointIdentity.systemAssigned();
    const uami = identity.userAssignedIdentity;
    if (uami !== undefined) {
      readArmId(this, 'identity (user-assigned) id', uami.id, ARM_TYPES.USER_ASSIGNED_IDENTITY);
    }
    // A user-assigned identity must hold its roles before the endpoint's deployments pull the image.
    const roles = uami === undefined ? [] : grantEndpointIdentityRoles(this, uami, props.workspace);

    const logSettings = props.logs ?? EndpointLogs.toWorkspaceLogAnalytics();
    const logs = attempt(this, () => logSettings.destination(props.workspace, props.endpointName), undefined);
    // A destination chosen here is checked before the endpoint is created; the default one was checked where
    // the workspace was given it.
    if (props.logs !== undefined && logs !== undefined) readDestinationIds(this, logs);

    const body: OnlineEndpointBody = {
      properties: {
        authMode: this.authMode.value,
        publicNetworkAccess: enabledOrDisabled(this.publicNetworkAccess),
        description: props.description,
      },
    };
    const apiVersion = props.workspace.apiVersion;
    const type = apiVersion.resourceType('workspaces/onlineEndpoints');
    this.resource = new AzapiResource(this, 'Resource', {
      type,
      name: props.endpointName,
      parentId: props.workspace.workspaceId,
      location: props.workspace.location,
      identity: identity.toAzapiIdentity(),
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
    this.endpointId = this.resource.id;
    this.endpointScoringUri = this.resource.outputString('scoringUri');
    this.endpointSwaggerUri = this.resource.outputString('swaggerUri');
    this.endpointPrincipalId = uami?.principalId ?? this.resource.outputString('principalId');

    if (logs !== undefined) {
      this.diagnostics = new EndpointDiagnostics(this, 'Logs', {
        endpointId: this.endpointId,
        destination: logs,
        destinationIdsRead: true,
      });
    }

    this.traffic = new EndpointTraffic(this, this.endpointId, apiVersion, {
      ...body,
      location: props.workspace.location,
      identity: identity.toArmIdentity(),
      tags: props.tags,
    });
    checkAtSynth(this, () => this.traffic.problems());
  }

  /**
   * Lets `grantee` call this endpoint, and nothing else: with `AAD_TOKEN` the scoring data action
   * (`onlineEndpoints/score/action`), with `AML_TOKEN` the token action (`onlineEndpoints/token/action`), through
   * one custom role (construct id `InvokeAccess`) assigned on this endpoint only. Refused for `KEY` endpoints
   * (SE310): whoever holds the key can call them. Granting one principal twice returns the first assignment.
   */
  public grantInvoke(grantee: IPrincipal): RoleAssignment {
    ({ grantee } = readParams(this, 'SecureOnlineEndpoint#grantInvoke', { grantee }));
    check(this, () => checkInvokeAuthMode(this.endpointName, this.authMode));
    this.invokeAccess ??= new EndpointInvokeAccess(this, 'InvokeAccess', {
      workspace: this.workspace,
      endpointName: this.endpointName,
      endpointId: this.endpointId,
      authMode: this.authMode,
    });
    return this.invokeAccess.grant(grantee);
  }

  /** Adds a deployment to this endpoint (`new OnlineDeployment(this, id, { endpoint: this, ...props })`). */
  public addDeployment(id: string, props: OnlineDeploymentOptions): OnlineDeployment {
    readValue(CONSTRUCT_ID, id, 'id');
    return new OnlineDeployment(this, id, { ...props, endpoint: this });
  }

  /**
   * Sets the live traffic split, e.g. `{ blue: 90, green: 10 }`: whole percents summing to 100 (or 0), naming
   * only this endpoint's deployments. Overrides every deployment's `allTraffic`. A second call replaces the first.
   */
  public routeTraffic(split: TrafficMap): void {
    ({ split } = readParams(this, 'SecureOnlineEndpoint#routeTraffic', { split }));
    this.traffic.route(split);
  }

  /**
   * Copies `percent` of the live traffic to a deployment whose responses are discarded (shadow testing).
   * At most 50 % in total, and never to the deployment taking 100 % of the live traffic.
   */
  public mirrorTraffic(deployment: IOnlineDeployment | string, percent: number): void {
    ({ deployment, percent } = readParams(this, 'SecureOnlineEndpoint#mirrorTraffic', {
      deployment,
      percent,
    }));
    this.traffic.mirrorTo(typeof deployment === 'string' ? deployment : deployment.deploymentName, percent);
  }

  /** @internal */
  public registerDeployment(deployment: IOnlineDeployment, registration: DeploymentRegistration): void {
    this.traffic.register(deployment, registration);
  }

  /** The action that zeroes the traffic before a destroy deletes the deployments (with the traffic update). */
  public get trafficReset(): AzapiResourceAction | undefined {
    return this.traffic.trafficReset;
  }

  /**
   * The traffic writer (construct id `Traffic`), created when the first deployment registers: an
   * `azapi_resource_action` that PUTs the endpoint's request with the declared `traffic` and `mirrorTraffic`.
   */
  public get trafficUpdate(): AzapiResourceAction | AzapiUpdateResource | undefined {
    return this.traffic.trafficUpdate;
  }
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

function checkInboundAccess(endpoint: SecureOnlineEndpoint, props: SecureOnlineEndpointProps): void {
  // An expression (a Terraform variable) may turn out false: it is judged as the private case.
  if (endpoint.publicNetworkAccess === true || props.inboundAccessArrangedElsewhere) return;
  const inbound = props.workspace.inboundAccess;
  // A private endpoint's scoring traffic only arrives through the workspace's private endpoint: a public
  // workspace does not make it callable.
  if (inbound === InboundAccess.PRIVATE_ENDPOINT || inbound === InboundAccess.ARRANGED_ELSEWHERE) return;
  refuse(
    'SE210',
    `endpoint '${props.endpointName}' has public network access ` +
      `${isKnown(endpoint.publicNetworkAccess) ? 'disabled' : 'from an expression that may be false'}, but workspace ` +
      `${props.workspace.node.path} has no inbound private endpoint (inbound access: ${inbound ?? 'none'}), so ` +
      `nobody could call it; give the workspace an inboundPrivateEndpoint, set publicNetworkAccess: true on the ` +
      `endpoint, or set inboundAccessArrangedElsewhere: true if callers reach the workspace privately another way`,
  );
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
  const regionKey = (e: SecureOnlineEndpoint): string | undefined =>
    comparisonKey(e.workspace, e.workspace.location, normaliseRegion);
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
        `in region '${endpoint.workspace.location}': an endpoint name is unique in its Azure region, whatever the ` +
        `workspace or subscription (it is the DNS name <name>.<region>.inference.ml.azure.com), so the second ` +
        `create fails; give each endpoint its own endpointName`,
    ),
  ];
}
