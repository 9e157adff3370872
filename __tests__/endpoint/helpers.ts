import { Construct } from 'constructs';
import {
  BlueDeployment,
  CodeConfiguration,
  Environment,
  Model,
  OnlineDeploymentOptions,
} from '../../src/deployment';
import { SecureOnlineEndpoint, SecureOnlineEndpointProps } from '../../src/endpoint';
import { FakeWorkspace, FakeWorkspaceOptions } from '../support/fake-workspace';
import { SynthesizedResource, SynthesizedStack } from '../support/synth';

export const IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest';

/** The how-to's blue-deployment.yml as props (paths relative to cdktf.json, i.e. the repository root). */
export function howToDeployment(): OnlineDeploymentOptions {
  return {
    model: Model.fromLocalPath('examples/model-1/model'),
    code: CodeConfiguration.fromLocalPath('examples/model-1/onlinescoring', 'score.py'),
    environment: Environment.fromImage(IMAGE, { condaFile: 'examples/model-1/environment/conda.yaml' }),
    instanceType: 'Standard_DS3_v2',
    instanceCount: 1,
  };
}

/** A fake workspace and an endpoint on it. */
export function endpointOn(
  scope: Construct,
  workspace: FakeWorkspaceOptions = {},
  endpoint: Partial<SecureOnlineEndpointProps> = {},
): { ws: FakeWorkspace; endpoint: SecureOnlineEndpoint } {
  const ws = new FakeWorkspace(scope, 'Workspace', workspace);
  return {
    ws,
    endpoint: new SecureOnlineEndpoint(scope, 'Endpoint', {
      workspace: ws,
      endpointName: 'endpt-moe-1',
      ...endpoint,
    }),
  };
}

/** The how-to: fake workspace, endpoint, blue with all traffic. */
export function howTo(scope: Construct): {
  ws: FakeWorkspace;
  endpoint: SecureOnlineEndpoint;
  blue: BlueDeployment;
} {
  const { ws, endpoint } = endpointOn(scope);
  const blue = new BlueDeployment(scope, 'Blue', { endpoint, ...howToDeployment() });
  return { ws, endpoint, blue };
}

type Resource = SynthesizedResource;
type Json = SynthesizedStack;

/**
 * The endpoint's traffic writer: the `azapi_resource_action` that PUTs a created endpoint's request (its `body`
 * here is narrowed to the traffic part, `request` is the whole request), or the `azapi_update_resource` of an
 * endpoint made elsewhere.
 */
export function trafficUpdate(
  json: Json,
): Resource & { address: string; body: { properties: Record<string, unknown> }; request?: unknown } {
  const actions = Object.entries(json.resource?.azapi_resource_action ?? {}).filter(
    ([name, r]) => /_Traffic_[0-9A-F]{8}$/.test(name) && (r as Resource).when === undefined,
  );
  const updates = Object.entries(json.resource?.azapi_update_resource ?? {});
  const found = [
    ...actions.map(([name, r]) => ['azapi_resource_action', name, r] as const),
    ...updates.map(([name, r]) => ['azapi_update_resource', name, r] as const),
  ];
  if (found.length !== 1) throw new Error(`expected one traffic writer, found ${found.length}`);
  const [type, name, resource] = found[0];
  const r = resource as Resource & { body: { properties: Record<string, unknown> } };
  const { traffic, mirrorTraffic } = r.body.properties;
  return {
    ...r,
    address: `${type}.${name}`,
    body: { properties: { traffic, mirrorTraffic } },
    request: r.body,
  };
}
