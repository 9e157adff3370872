import { Construct } from 'constructs';
import { TrafficMap } from '../arm';
import { DataAzapiResource } from '../azapi';
import { readParams, readProps } from '../checks';
import { armId, bool, construct, defineProps, name, provider, text } from '../checks/read';
import { TRAFFIC_SPLIT_READER } from '../core/readers';
import { ProviderProps, useProviders } from '../core/providers';
import { IManagedVnetWorkspace } from '../workspace';
import { DeploymentRegistration, IOnlineDeployment, ISecureOnlineEndpoint } from './endpoint-ref';
import { checkEndpointName } from './names';
import { EndpointTraffic } from './traffic';

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
}

const EXPR = { tokens: 'expression' } as const;

defineProps<SecureOnlineEndpointAttributes>('SecureOnlineEndpointAttributes', {
  workspace: construct('a workspace (ManagedVnetWorkspace or an imported one)'),
  endpointName: name({ ...EXPR, check: checkEndpointName }),
  endpointId: armId(EXPR),
  publicNetworkAccess: bool({
    tokens: 'refuse',
    why: 'it says how the endpoint was created, which the checks on private-only endpoints read at synth',
  }),
  endpointScoringUri: text({ ...EXPR, what: 'a URL (text)' }),
  endpointSwaggerUri: text({ ...EXPR, what: 'a URL (text)' }),
  provider: provider(),
});
defineProps<{ split: TrafficMap }>('ImportedSecureOnlineEndpoint#routeTraffic', {
  split: TRAFFIC_SPLIT_READER,
});

/** An online endpoint created elsewhere, to which this stack adds deployments (and, if asked, traffic). */
export class ImportedSecureOnlineEndpoint extends Construct implements ISecureOnlineEndpoint {
  /** ARM id of the endpoint. */
  public readonly endpointId: string;
  /** The endpoint name. */
  public readonly endpointName: string;
  /** The scoring URI. */
  public readonly endpointScoringUri: string;
  /** The OpenAPI (swagger) URI. */
  public readonly endpointSwaggerUri: string;
  /** The workspace the endpoint belongs to. */
  public readonly workspace: IManagedVnetWorkspace;
  /** Whether the endpoint accepts public network access. */
  public readonly publicNetworkAccess: boolean;
  private readonly traffic: EndpointTraffic;

  constructor(scope: Construct, id: string, attrs: SecureOnlineEndpointAttributes) {
    super(scope, id);
    attrs = readProps(this, 'SecureOnlineEndpointAttributes', attrs);
    useProviders(this, attrs.provider);
    this.workspace = attrs.workspace;
    this.endpointName = attrs.endpointName;
    this.publicNetworkAccess = attrs.publicNetworkAccess ?? false;
    this.endpointId =
      attrs.endpointId ?? `${attrs.workspace.workspaceId}/onlineEndpoints/${attrs.endpointName}`;
    const type = attrs.workspace.apiVersion.resourceType('workspaces/onlineEndpoints');
    // Read the URIs that were not given from the live endpoint (one GET at plan time).
    const live =
      attrs.endpointScoringUri === undefined || attrs.endpointSwaggerUri === undefined
        ? new DataAzapiResource(this, 'Resource', {
            type,
            resourceId: this.endpointId,
            responseExportValues: {
              scoringUri: 'properties.scoringUri',
              swaggerUri: 'properties.swaggerUri',
            },
          })
        : undefined;
    this.endpointScoringUri =
      attrs.endpointScoringUri ?? (live as DataAzapiResource).outputString('scoringUri');
    this.endpointSwaggerUri =
      attrs.endpointSwaggerUri ?? (live as DataAzapiResource).outputString('swaggerUri');
    // Traffic this stack writes names only this stack's deployments; the endpoint's own request is not known
    // here, so a destroy does not reset the traffic first.
    this.traffic = new EndpointTraffic(this, this.endpointId, attrs.workspace.apiVersion, undefined);
    this.node.addValidation({ validate: () => this.traffic.problems().map((p) => p.message) });
  }

  /** Sets the live traffic split, as `SecureOnlineEndpoint.routeTraffic` does. */
  public routeTraffic(split: TrafficMap): void {
    ({ split } = readParams(this, 'ImportedSecureOnlineEndpoint#routeTraffic', { split }));
    this.traffic.route(split);
  }

  /** @internal */
  public registerDeployment(deployment: IOnlineDeployment, registration: DeploymentRegistration): void {
    this.traffic.register(deployment, registration);
  }
}
