import { problemsOf } from '../checks';
import { DeploymentRegistration, IOnlineDeployment, ISecureOnlineEndpoint } from './endpoint-ref';

/**
 * Marks `SecureOnlineEndpointBase`, the endpoints that hold a traffic registry. A symbol rather than `instanceof`:
 * the deployment module cannot import the base (whose `addDeployment` creates deployments) without an import
 * cycle, and a symbol also recognises an endpoint of a second copy of this library.
 */
export const ENDPOINT_BASE = Symbol.for('cdktf-azureml-secure-endpoint.SecureOnlineEndpointBase');

/** The cooperation every endpoint of this library offers its deployments. */
interface DeploymentHost extends ISecureOnlineEndpoint {
  _registerDeployment(deployment: IOnlineDeployment, registration: DeploymentRegistration): void;
}

function isDeploymentHost(endpoint: ISecureOnlineEndpoint): endpoint is DeploymentHost {
  return (endpoint as unknown as Record<symbol, unknown>)[ENDPOINT_BASE] === true;
}

/**
 * Called by each deployment's constructor: the endpoint's single traffic writer waits for the deployment, and
 * traffic may name it. An endpoint of another kind (your own class implementing `ISecureOnlineEndpoint`) has no
 * traffic writer, so the deployment would get no traffic: it is refused (SE001).
 */
export function registerWithEndpoint(
  endpoint: ISecureOnlineEndpoint,
  deployment: IOnlineDeployment,
  registration: DeploymentRegistration,
): void {
  if (isDeploymentHost(endpoint)) {
    endpoint._registerDeployment(deployment, registration);
    return;
  }
  problemsOf(deployment).report(
    'SE001',
    `endpoint ${endpoint.node.path} (${endpoint.constructor.name}) is not an endpoint of this library: a ` +
      `deployment registers with its endpoint's traffic writer, which only SecureOnlineEndpoint holds, so ` +
      `deployment '${deployment.deploymentName}' would get no traffic; pass a SecureOnlineEndpoint, or ` +
      `SecureOnlineEndpoint.fromEndpointAttributes(scope, id, { workspace, endpointName }) for an endpoint made ` +
      `elsewhere`,
  );
}
