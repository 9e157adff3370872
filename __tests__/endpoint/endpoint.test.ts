import { TerraformOutput } from 'cdktf';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { BlueDeployment } from '../../src/deployment';
import { EndpointAuthMode, EndpointIdentity, SecureOnlineEndpoint } from '../../src/endpoint';
import { InboundAccess, IsolationMode, ManagedVnetWorkspace } from '../../src/workspace';
import { expectConformingBodies } from '../support/conformance';
import {
  validated,
  resourcesOfType,
  synthJson,
  synthWith,
  testStack,
  mlResourcesOfType,
  mlResourceNamed,
} from '../support/synth';
import { endpointOn, howTo, howToDeployment, trafficUpdate } from './helpers';

const ENDPOINT_TYPE = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2026-05-15-preview';

describe('SecureOnlineEndpoint', () => {
  test('defaults: key auth, public network access disabled, system-assigned identity, the live traffic kept', () => {
    const json = synthWith((s) => endpointOn(s));
    const endpoint = mlResourceNamed(json, 'workspaces/onlineEndpoints', 'endpt-moe-1');
    expect(endpoint).toMatchObject({
      type: ENDPOINT_TYPE,
      name: 'endpt-moe-1',
      parent_id: '${azapi_resource.Workspace_2F8C78CC.id}',
      location: 'westeurope',
      identity: { type: 'SystemAssigned' },
      body: { properties: { authMode: 'Key', publicNetworkAccess: 'Disabled' } },
      response_export_values: { scoringUri: 'properties.scoringUri', swaggerUri: 'properties.swaggerUri' },
    });
    // A PUT of the endpoint sends back the traffic it has (read at plan time), never a split of its own.
    const properties = (endpoint.body as { properties: Record<string, string> }).properties;
    expect(properties.traffic).toMatch(
      /^\$\{merge\(\{\}, try\(data\.azapi_resource\.Endpoint_LiveTraffic_\w+\.output\.traffic, \{\}\)\)\}$/,
    );
    expect(endpoint.ignore_body_changes).toBeUndefined();
    expect(endpoint.depends_on).toBeUndefined();
  });

  test('attributes are the id and the exported URIs', () => {
    const json = synthWith((s) => {
      const { endpoint } = endpointOn(s);
      new TerraformOutput(s, 'id', { value: endpoint.endpointId });
      new TerraformOutput(s, 'scoring', { value: endpoint.endpointScoringUri });
      new TerraformOutput(s, 'swagger', { value: endpoint.endpointSwaggerUri });
    });
    expect(json.output).toEqual({
      id: { value: '${azapi_resource.Endpoint_EEF1FD8F.id}' },
      scoring: { value: '${azapi_resource.Endpoint_EEF1FD8F.output.scoringUri}' },
      swagger: { value: '${azapi_resource.Endpoint_EEF1FD8F.output.swaggerUri}' },
    });
  });

  test.each([
    [EndpointAuthMode.KEY, 'Key'],
    [EndpointAuthMode.AML_TOKEN, 'AMLToken'],
    [EndpointAuthMode.AAD_TOKEN, 'AADToken'],
  ])('auth mode %s', (authMode, value) => {
    const json = synthWith((s) =>
      endpointOn(s, {}, { authMode, publicNetworkAccess: true, description: 'd', tags: { a: 'b' } }),
    );
    expect(mlResourceNamed(json, 'workspaces/onlineEndpoints', 'endpt-moe-1')).toMatchObject({
      body: { properties: { authMode: value, publicNetworkAccess: 'Enabled', description: 'd' } },
      tags: { a: 'b' },
    });
  });

  test('a user-assigned identity gets the documented roles before the endpoint is created', () => {
    const json = synthWith((s) => {
      const uami = new UserAssignedIdentity(s, 'uami', {
        name: 'uai-endpoint',
        location: 'westeurope',
        resourceGroupName: 'rg-ml',
      });
      endpointOn(s, {}, { identity: EndpointIdentity.userAssigned(uami) });
    });
    const endpoint = mlResourceNamed(json, 'workspaces/onlineEndpoints', 'endpt-moe-1');
    expect(endpoint.identity).toEqual({
      type: 'UserAssigned',
      identity_ids: ['${azurerm_user_assigned_identity.uami.id}'],
    });
    const roles = Object.values(resourcesOfType(json, 'azurerm_role_assignment'));
    expect(roles.map((r) => r.role_definition_name).sort()).toEqual([
      'AcrPull',
      'AzureML Metrics Writer (preview)',
      'Key Vault Secrets User',
      'Storage Blob Data Reader',
    ]);
    for (const role of roles) {
      expect(role.principal_id).toBe('${azurerm_user_assigned_identity.uami.principal_id}');
      expect(role.principal_type).toBe('ServicePrincipal');
    }
    expect(endpoint.depends_on).toHaveLength(4);
    expect(endpoint.depends_on?.every((d) => d.startsWith('azurerm_role_assignment.'))).toBe(true);
  });

  describe('checks', () => {
    test.each(['ab', 'a'.repeat(33), '1endpoint', 'endpoint-', 'end_point', 'endpt moe'])(
      'SE201 refuses endpoint name %p',
      (endpointName) => {
        expect(validated(() => endpointOn(testStack(), {}, { endpointName }))).toThrow(
          /\[SE201\] .*endpoint name/,
        );
      },
    );

    test.each(['abc', 'endpt-moe-1', 'a'.repeat(32), 'E1-x'])(
      'SE201 accepts endpoint name %p',
      (endpointName) => {
        expect(validated(() => endpointOn(testStack(), {}, { endpointName }))).not.toThrow();
      },
    );

    test('SE210 refuses a private endpoint on a workspace nobody can reach privately', () => {
      expect(validated(() => endpointOn(testStack(), { inboundAccess: null }))).toThrow(
        /\[SE210\].*inboundPrivateEndpoint/,
      );
      // A public workspace does not help: scoring traffic to a private endpoint only comes through the PE.
      expect(validated(() => endpointOn(testStack(), { inboundAccess: InboundAccess.PUBLIC }))).toThrow(
        /\[SE210\]/,
      );
    });

    test('SE210 passes with an inbound private endpoint, public access, or inbound access arranged elsewhere', () => {
      expect(validated(() => endpointOn(testStack()))).not.toThrow();
      expect(
        validated(() => endpointOn(testStack(), { inboundAccess: InboundAccess.ARRANGED_ELSEWHERE })),
      ).not.toThrow();
      expect(
        validated(() => endpointOn(testStack(), { inboundAccess: null }, { publicNetworkAccess: true })),
      ).not.toThrow();
      expect(
        validated(() =>
          endpointOn(testStack(), { inboundAccess: null }, { inboundAccessArrangedElsewhere: true }),
        ),
      ).not.toThrow();
    });

    test('SE214 refuses a user-assigned identity when the workspace has no container registry', () => {
      const build = (containerRegistryId: string | null) => () => {
        const stack = testStack();
        const uami = {
          id: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami',
          principalId: '11111111-2222-4333-8444-555555555555',
          clientId: '66666666-7777-4888-9999-000000000000',
        };
        endpointOn(stack, { containerRegistryId }, { identity: EndpointIdentity.userAssigned(uami) });
      };
      expect(validated(build(null))).toThrow(/\[SE214\]/);
      expect(validated(build('/subscriptions/00000000-0000-0000-0000-000000000001/acr'))).not.toThrow();
    });
  });

  test('addDeployment creates a deployment on this endpoint', () => {
    const json = synthWith((s) => {
      const { endpoint } = howTo(s);
      endpoint.addDeployment('Green', howToDeployment());
    });
    const green = mlResourceNamed(json, 'workspaces/onlineEndpoints/deployments', 'green');
    expect(green.name).toBe('green');
    expect(green.parent_id).toBe('${azapi_resource.Endpoint_EEF1FD8F.id}');
  });
});

describe('with a workspace created elsewhere (ManagedVnetWorkspace.fromWorkspaceAttributes)', () => {
  const imported = (inboundAccess?: InboundAccess, storageBlobEndpoint?: string) => {
    const stack = testStack();
    const workspace = ManagedVnetWorkspace.fromWorkspaceAttributes(stack, 'Workspace', {
      workspaceName: 'mlw-existing',
      resourceGroupName: 'rg-ml',
      subscriptionId: '00000000-0000-0000-0000-000000000001',
      location: 'westeurope',
      isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
      inboundAccess,
      storageAccountName: 'stexisting',
      storageBlobEndpoint,
      logAnalyticsWorkspaceId:
        '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.OperationalInsights/workspaces/log-existing',
    });
    const endpoint = new SecureOnlineEndpoint(stack, 'Endpoint', { workspace, endpointName: 'endpt-moe-1' });
    new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
    return synthJson(stack);
  };

  test('SE210 fires when nothing says how the imported workspace is reached', () => {
    expect(validated(() => imported())).toThrow(/\[SE210\]/);
  });

  test('the how-to deploys into it: rules, provisioning, blue and traffic', () => {
    const json = imported(InboundAccess.ARRANGED_ELSEWHERE);
    const blue = mlResourceNamed(json, 'workspaces/onlineEndpoints/deployments', 'blue');
    const action = mlResourcesOfType(json, 'workspaces', 'azapi_resource_action').map(([n]) => n);
    expect(action).toHaveLength(1);
    expect(blue.depends_on).toContain(`azapi_resource_action.${action[0]}`);
    expect(mlResourcesOfType(json, 'workspaces/outboundRules')).toHaveLength(5);
    expect(trafficUpdate(json).body).toEqual({ properties: { traffic: { blue: 100 }, mirrorTraffic: {} } });
    expectConformingBodies(json);
  });

  test('code is registered at the storage account blob endpoint: public cloud by default, or the one given', () => {
    const codeUri = (json: ReturnType<typeof imported>) => {
      const [[, version]] = mlResourcesOfType(json, 'workspaces/codes/versions');
      return (version.body as { properties: { codeUri: string } }).properties.codeUri;
    };
    expect(codeUri(imported(InboundAccess.ARRANGED_ELSEWHERE))).toMatch(
      /^https:\/\/stexisting\.blob\.core\.windows\.net\/azureml-blobstore-/,
    );
    expect(
      codeUri(imported(InboundAccess.ARRANGED_ELSEWHERE, 'https://stexisting.blob.core.usgovcloudapi.net/')),
    ).toMatch(/^https:\/\/stexisting\.blob\.core\.usgovcloudapi\.net\/azureml-blobstore-/);
  });
});
