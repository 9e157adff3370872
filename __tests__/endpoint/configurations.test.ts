/**
 * One scoped snapshot per documented endpoint/deployment configuration (docs/endpoint.md, docs/deployment.md,
 * listed in ./configurations.ts), built on the real ManagedVnetWorkspace: each snapshots only the part of the
 * stack the configuration is about, beside assertions that say what it must hold (the how-to's whole stack has
 * its snapshot in __tests__/main.test.ts). Every azapi body of every whole stack is checked against the azapi
 * provider's embedded types; the traffic update (which azapi never checks) is checked merged into the endpoint
 * body it updates; `npm run test:apply` applies every whole stack.
 */
import { expectConformingBodies, validateBody } from '../support/conformance';
import { scoped, SnapshotScope } from '../support/scoped';
import {
  mlResourceNamed,
  mlResourceNames,
  mlResourcesOfType,
  resourcesOfType,
  SynthesizedStack,
  synthJson,
  testStack,
} from '../support/synth';
import { ENDPOINT_CONFIGURATIONS } from './configurations';
import { trafficUpdate } from './helpers';

const ENDPOINTS = 'workspaces/onlineEndpoints';
const DEPLOYMENTS = 'workspaces/onlineEndpoints/deployments';

function expectTrafficUpdateConforms(json: SynthesizedStack): void {
  const endpoint = mlResourceNamed(json, ENDPOINTS, 'endpt-moe-1');
  const update = trafficUpdate(json);
  const body = endpoint.body as { properties: object };
  const merged = {
    ...body,
    location: endpoint.location,
    properties: { ...body.properties, ...(update.body as { properties: object }).properties },
  };
  expect(validateBody(String(update.type), merged, update.address)).toEqual([]);
}

type Properties = Record<string, unknown>;

function endpointProperties(json: SynthesizedStack): Properties {
  return (mlResourceNamed(json, ENDPOINTS, 'endpt-moe-1').body as { properties: Properties }).properties;
}

function deploymentProperties(json: SynthesizedStack, name = 'blue'): Properties {
  return (mlResourceNamed(json, DEPLOYMENTS, name).body as { properties: Properties }).properties;
}

const IMAGE_BUILD_RULES = [
  'image-build-anaconda-com',
  'image-build-anaconda-com-sub',
  'image-build-anaconda-org-sub',
  'image-build-pypi-org',
  'image-build-pythonhosted-sub',
];
const ENDPOINT_BODY: SnapshotScope = { mlAttributes: { [ENDPOINTS]: ['body'] } };
const DEPLOYMENT_BODY: SnapshotScope = { mlAttributes: { [DEPLOYMENTS]: ['body'] } };

interface Case {
  readonly scope: SnapshotScope;
  readonly check: (json: SynthesizedStack) => void;
}

const CASES: Record<string, Case> = {
  'the how-to as written: approved outbound, public access disabled, blue with all traffic': {
    scope: { mlTypes: [ENDPOINTS, DEPLOYMENTS] },
    check: (json) => {
      expect(endpointProperties(json)).toMatchObject({ authMode: 'Key', publicNetworkAccess: 'Disabled' });
      expect(trafficUpdate(json).body.properties.traffic).toEqual({ blue: 100 });
      expect(mlResourceNames(json, 'workspaces/outboundRules')).toEqual(IMAGE_BUILD_RULES);
    },
  },
  'internet outbound (the how-to alternative): no image-build FQDN rules': {
    scope: { mlAttributes: { workspaces: ['body'] } },
    check: (json) => {
      const workspace = mlResourcesOfType(json, 'workspaces')[0][1].body as {
        properties: { managedNetwork: Properties };
      };
      expect(workspace.properties.managedNetwork.isolationMode).toBe('AllowInternetOutbound');
      expect(mlResourceNames(json, 'workspaces/outboundRules')).toEqual([]);
    },
  },
  'endpoint public network access enabled (the how-to alternative)': {
    scope: ENDPOINT_BODY,
    check: (json) => expect(endpointProperties(json).publicNetworkAccess).toBe('Enabled'),
  },
  'AMLToken auth': {
    scope: ENDPOINT_BODY,
    check: (json) => expect(endpointProperties(json).authMode).toBe('AMLToken'),
  },
  'AADToken auth': {
    scope: ENDPOINT_BODY,
    check: (json) => expect(endpointProperties(json).authMode).toBe('AADToken'),
  },
  'user-assigned endpoint identity with its role assignments': {
    scope: {
      mlAttributes: { [ENDPOINTS]: ['identity'] },
      resources: ['azurerm_role_assignment'],
    },
    check: (json) => {
      const principal = '${azurerm_user_assigned_identity.EndpointIdentity.principal_id}';
      const assignments = Object.values(resourcesOfType(json, 'azurerm_role_assignment'));
      expect(assignments.map((a) => a.role_definition_name).sort()).toEqual([
        'AcrPull',
        'AzureML Metrics Writer (preview)',
        'Key Vault Secrets User',
        'Storage Blob Data Reader',
      ]);
      for (const assignment of assignments) expect(assignment.principal_id).toBe(principal);
    },
  },
  'blue/green: all live traffic to blue, 20 % mirrored to green': {
    scope: { mlAttributes: { [DEPLOYMENTS]: ['name', 'body'] }, mlActions: [ENDPOINTS] },
    check: (json) => {
      expect(trafficUpdate(json).body.properties).toEqual({
        traffic: { blue: 100, green: 0 },
        mirrorTraffic: { green: 20 },
      });
      expect(deploymentProperties(json, 'green').instanceType).toBe('Standard_F4s_v2');
    },
  },
  'MLflow model: no code, no environment; the image-build rules its conda dependencies need': {
    scope: {
      ...DEPLOYMENT_BODY,
      mlTypes: ['workspaces/outboundRules', 'workspaces/models', 'workspaces/models/versions'],
    },
    check: (json) => {
      expect(deploymentProperties(json)).not.toHaveProperty('codeConfiguration');
      expect(deploymentProperties(json)).not.toHaveProperty('environmentId');
      expect(mlResourcesOfType(json, 'workspaces/codes')).toEqual([]);
      expect(mlResourcesOfType(json, 'workspaces/environments')).toEqual([]);
      expect(mlResourceNames(json, 'workspaces/outboundRules')).toEqual(IMAGE_BUILD_RULES);
    },
  },
  'assets by id: a registry model, a workspace code version, a curated environment': {
    scope: DEPLOYMENT_BODY,
    check: (json) => {
      expect(deploymentProperties(json).model).toBe(
        'azureml://registries/azureml/models/sklearn-regression/versions/1',
      );
      for (const path of ['workspaces/models', 'workspaces/codes', 'workspaces/environments']) {
        expect(mlResourcesOfType(json, path)).toEqual([]);
      }
      expect(resourcesOfType(json, 'azurerm_storage_blob')).toEqual({});
    },
  },
  'legacy egress setting: egressPublicNetworkAccess Disabled, as the legacy scripts set it': {
    scope: DEPLOYMENT_BODY,
    check: (json) => expect(deploymentProperties(json).egressPublicNetworkAccess).toBe('Disabled'),
  },
};

describe('documented endpoint and deployment configurations', () => {
  test('every configuration has a snapshot scope', () => {
    expect(Object.keys(CASES).sort()).toEqual(ENDPOINT_CONFIGURATIONS.map((c) => c.title).sort());
  });

  test.each(ENDPOINT_CONFIGURATIONS.map((c) => [c.title, c] as const))('%s', (title, configuration) => {
    const stack = testStack();
    configuration.build(stack);
    const json = synthJson(stack);
    expect(scoped(json, CASES[title].scope)).toMatchSnapshot();
    CASES[title].check(json);
    expectConformingBodies(json);
    expectTrafficUpdateConforms(json);
  });
});
