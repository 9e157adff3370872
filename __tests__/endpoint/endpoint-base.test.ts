/** What every endpoint can do (SecureOnlineEndpointBase), created here or imported, and endpoints of other kinds. */
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { Model, OnlineDeployment } from '../../src/deployment';
import {
  EndpointAuthMode,
  EndpointGrant,
  EndpointInvokeAccess,
  ISecureOnlineEndpoint,
  SecureOnlineEndpoint,
  SecureOnlineEndpointBase,
} from '../../src/endpoint';
import * as api from '../../src';
import { Principal } from '../../src/core';
import { IManagedVnetWorkspace } from '../../src/workspace';
import { FakeWorkspace } from '../support/fake-workspace';
import { mlResourcesOfType, reported, resourcesOfType, synthWith } from '../support/synth';

const OBJECT_ID = '33333333-3333-3333-3333-333333333333';
const deploymentOn = (scope: Construct, endpoint: ISecureOnlineEndpoint, name = 'blue'): OnlineDeployment =>
  new OnlineDeployment(scope, `Deployment-${name}`, {
    endpoint,
    deploymentName: name,
    model: Model.mlflowFromAssetId('azureml:m:1'),
  });
const imported = (
  scope: Construct,
  extra: Partial<api.SecureOnlineEndpointAttributes> = {},
): ISecureOnlineEndpoint =>
  SecureOnlineEndpoint.fromEndpointAttributes(scope, 'Endpoint', {
    workspace: new FakeWorkspace(scope, 'Workspace'),
    endpointName: 'endpt-shared',
    ...extra,
  });

describe('fromEndpointAttributes', () => {
  test('returns the interface, implemented by a class the package does not export', () => {
    synthWith((stack) => {
      const endpoint = imported(stack);
      expect(endpoint).toBeInstanceOf(SecureOnlineEndpointBase);
      expect(endpoint.constructor.name).toBe('ImportedSecureOnlineEndpoint');
    });
    expect(Object.keys(api)).not.toContain('ImportedSecureOnlineEndpoint');
  });

  test('traffic naming a deployment the imported endpoint does not have stops Testing.synth (SE204)', () => {
    expect(() =>
      synthWith((stack) => {
        const endpoint = imported(stack);
        deploymentOn(stack, endpoint);
        endpoint.routeTraffic({ green: 100 });
      }),
    ).toThrow(/SE204.*Endpoint.*names deployment 'green'/s);
  });

  test('an imported endpoint takes deployments, mirrors traffic and grants callers like a created one', () => {
    let grant: EndpointGrant | undefined;
    const json = synthWith((stack) => {
      const endpoint = imported(stack, { authMode: EndpointAuthMode.AAD_TOKEN });
      endpoint.addDeployment('Blue', {
        deploymentName: 'blue',
        model: Model.mlflowFromAssetId('azureml:m:1'),
      });
      deploymentOn(stack, endpoint, 'green');
      endpoint.routeTraffic({ blue: 100 });
      endpoint.mirrorTrafficByName('green', 10);
      grant = endpoint.grantInvoke(Principal.group(OBJECT_ID));
    });
    const [[, traffic]] = mlResourcesOfType(json, 'workspaces/onlineEndpoints', 'azapi_update_resource');
    expect(traffic.body).toEqual({ properties: { traffic: { blue: 100 }, mirrorTraffic: { green: 10 } } });
    expect(Object.keys(resourcesOfType(json, 'azurerm_role_assignment'))).toHaveLength(1);
    expect(grant?.principalId).toBe(OBJECT_ID);
    expect(grant?.scope).toMatch(/\/onlineEndpoints\/endpt-shared$/);
  });

  test('grantInvoke on an imported endpoint whose auth mode is not given is refused as a key endpoint (SE310)', () => {
    expect(
      reported((stack) => {
        imported(stack).grantInvoke(Principal.group(OBJECT_ID));
      }),
    ).toEqual([expect.stringMatching(/^\[SE310\].*endpt-shared.*key authentication/)]);
  });
});

describe('grantInvoke', () => {
  test('returns a grant: principal, role definition, scope and the role assignment', () => {
    synthWith((stack) => {
      const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', {
        workspace: new FakeWorkspace(stack, 'Workspace'),
        endpointName: 'endpt-grant',
        authMode: EndpointAuthMode.AAD_TOKEN,
      });
      const grant = endpoint.grantInvoke(Principal.group(OBJECT_ID));
      expect(grant).toBeInstanceOf(EndpointGrant);
      expect(grant.principalId).toBe(OBJECT_ID);
      expect(grant.scope).toBe(endpoint.endpointId);
      // The custom role's id, known after apply.
      expect(endpoint.node.findChild('InvokeAccess')).toBeInstanceOf(EndpointInvokeAccess);
      expect(Token.isUnresolved(grant.roleDefinitionId)).toBe(true);
      expect(grant.assignment.node.path).toMatch(/InvokeAccess\/Grant/);
      expect(endpoint.grantInvoke(Principal.group(OBJECT_ID))).toBe(grant);
    });
  });
});

/** An endpoint class of the user's own: it compiles (it implements the whole interface). */
class OwnEndpoint extends Construct implements ISecureOnlineEndpoint {
  public readonly endpointId =
    '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-secure/onlineEndpoints/own';
  public readonly endpointName = 'own';
  public readonly endpointScoringUri = 'https://own.westeurope.inference.ml.azure.com/score';
  public readonly endpointSwaggerUri = 'https://own.westeurope.inference.ml.azure.com/swagger.json';
  public readonly publicNetworkAccess = false;
  constructor(
    scope: Construct,
    id: string,
    public readonly workspace: IManagedVnetWorkspace,
  ) {
    super(scope, id);
  }
  public addDeployment = unused;
  public routeTraffic = unused;
  public mirrorTraffic = unused;
  public mirrorTrafficByName = unused;
  public grantInvoke = unused;
  public metric = unused;
  public metricRequestLatency = unused;
  public metricRequestLatencyP50 = unused;
  public metricRequestLatencyP90 = unused;
  public metricRequestLatencyP95 = unused;
  public metricRequestLatencyP99 = unused;
  public metricRequestsPerMinute = unused;
  public metricConnectionsActive = unused;
  public metricNewConnectionsPerSecond = unused;
  public metricNetworkBytes = unused;
  public metricDataCollectionEventsPerMinute = unused;
  public metricDataCollectionErrorsPerMinute = unused;
}
function unused(): never {
  throw new Error('not used by the test');
}

describe('an endpoint of another kind', () => {
  test('a construct of your own implementing ISecureOnlineEndpoint is refused by the deployment (SE001)', () => {
    expect(() =>
      synthWith((stack) => {
        const endpoint = new OwnEndpoint(stack, 'Own', new FakeWorkspace(stack, 'Workspace'));
        deploymentOn(stack, endpoint);
      }),
    ).toThrow(
      /SE001.*endpoint test\/Own \(OwnEndpoint\) is not an endpoint of this library.*SecureOnlineEndpoint\.fromEndpointAttributes/s,
    );
  });

  test('a plain object with the endpoint attributes is refused by the deployment (SE001), not a TypeError', () => {
    expect(() =>
      synthWith((stack) => {
        const workspace = new FakeWorkspace(stack, 'Workspace');
        const endpoint = { ...new OwnEndpoint(stack, 'Own', workspace), node: undefined };
        deploymentOn(stack, endpoint as unknown as ISecureOnlineEndpoint);
      }),
    ).toThrow(/^\[SE001\] test\/Deployment-blue: endpoint is an object: give an endpoint/);
  });
});
