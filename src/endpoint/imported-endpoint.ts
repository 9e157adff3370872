import { Construct } from 'constructs';
import { TrafficMap } from '../arm';
import { DataAzapiResource } from '../azapi';
import {
  ARM_TYPES,
  armIdLifecycle,
  isKnown,
  parseArmId,
  readArmId,
  readParams,
  readProps,
  report,
} from '../checks';
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
  endpointId: armId({ ...EXPR, resourceType: ARM_TYPES.ML_ONLINE_ENDPOINT }),
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
    readArmId(this, 'endpointId', attrs.endpointId, ARM_TYPES.ML_ONLINE_ENDPOINT, { optional: true });
    checkIdAgrees(this, attrs);
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
            lifecycle: armIdLifecycle(this),
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
    report(
      scope,
      'SE228',
      `imported endpoint id '${attrs.endpointId}' ${problem}: deployments would go to one endpoint and traffic ` +
        `to another; correct one of them, or leave endpointId unset to have it built from the workspace and ` +
        `endpointName`,
    );
  }
}
