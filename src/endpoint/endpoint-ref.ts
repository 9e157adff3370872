import { IConstruct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { IManagedVnetWorkspace } from '../workspace';

/** A deployment as the endpoint's traffic sees it. */
export interface IOnlineDeployment extends IConstruct, ITerraformDependable {
  /** The deployment name (`blue`). */
  readonly deploymentName: string;
  /** ARM id of the deployment. */
  readonly deploymentId: string;
}

/** How a deployment asks for traffic when it registers with its endpoint. @internal */
export interface DeploymentRegistration {
  /** The deployment takes 100 % of the traffic unless `routeTraffic` says otherwise (the CLI's `--all-traffic`). */
  readonly allTraffic: boolean;
}

/** A managed online endpoint that deployments attach to. */
export interface ISecureOnlineEndpoint extends IConstruct {
  /** ARM id of the endpoint. */
  readonly endpointId: string;
  /** The endpoint name. */
  readonly endpointName: string;
  /** The scoring URI (`https://<name>.<region>.inference.ml.azure.com/score`). */
  readonly endpointScoringUri: string;
  /** The OpenAPI (swagger) URI. */
  readonly endpointSwaggerUri: string;
  /** The workspace the endpoint belongs to. */
  readonly workspace: IManagedVnetWorkspace;
  /** Whether the endpoint is reachable from public networks. */
  readonly publicNetworkAccess: boolean;
  /**
   * Called by each deployment's constructor: the endpoint's single traffic update waits for it, and traffic
   * may name it.
   * @internal
   */
  registerDeployment(deployment: IOnlineDeployment, registration: DeploymentRegistration): void;
}
