import { Testing } from 'cdktf';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import {
  AzapiActionWhen,
  AzapiResource,
  AzapiResourceAction,
  AzapiUpdateResource,
  DataAzapiResource,
} from '../../src/azapi';
import { resourcesOfType, synthJson, synthString, testStack } from '../support/synth';

const WORKSPACE = 'Microsoft.MachineLearningServices/workspaces@2026-05-15-preview';

describe('azapi bindings', () => {
  test('the provider is pinned to Azure/azapi ~> 2.12', () => {
    const json = synthJson(testStack());
    expect(json.terraform).toMatchObject({
      required_providers: { azapi: { source: 'Azure/azapi', version: '~> 2.12' } },
    });
  });

  test('azapi_resource emits an object body whose references resolve to interpolations', () => {
    const stack = testStack();
    const rg = new ResourceGroup(stack, 'rg', { name: 'rg-ml', location: 'westeurope' });
    const ws = new AzapiResource(stack, 'ws', {
      type: WORKSPACE,
      name: 'mlw-secure',
      parentId: rg.id,
      location: rg.location,
      body: { properties: { v1LegacyMode: false, description: `in ${rg.name}` } },
      identity: { type: 'SystemAssigned' },
      tags: { env: 'test' },
      responseExportValues: { workspaceGuid: 'properties.workspaceId' },
      locks: [rg.id],
      ignoreBodyChanges: ['properties.managedNetwork.outboundRules'],
      replaceTriggersRefs: ['x'],
      retry: { errorMessageRegex: ['Conflict'] },
      timeouts: { create: '60m' },
    });
    const synthesized = synthString(stack);
    expect(synthesized).toHaveResourceWithProperties(AzapiResource, {
      type: WORKSPACE,
      name: 'mlw-secure',
      parent_id: '${azurerm_resource_group.rg.id}',
      location: '${azurerm_resource_group.rg.location}',
      body: { properties: { v1LegacyMode: false, description: 'in ${azurerm_resource_group.rg.name}' } },
      identity: { type: 'SystemAssigned' },
      tags: { env: 'test' },
      response_export_values: { workspaceGuid: 'properties.workspaceId' },
      locks: ['${azurerm_resource_group.rg.id}'],
      ignore_body_changes: ['properties.managedNetwork.outboundRules'],
      replace_triggers_refs: ['x'],
      retry: { error_message_regex: ['Conflict'] },
      timeouts: { create: '60m' },
    });
    expect(ws.id).toMatch(/^\$\{TfToken/);
    expect(Testing.synth(stack)).not.toContain('"body": "'); // never a JSON string
  });

  test('a body may reference another azapi resource and its exported output', () => {
    const stack = testStack();
    const ws = new AzapiResource(stack, 'ws', {
      type: WORKSPACE,
      name: 'w',
      parentId: '/subscriptions/s/resourceGroups/rg',
      responseExportValues: { workspaceGuid: 'properties.workspaceId' },
    });
    new AzapiResource(stack, 'child', {
      type: 'Microsoft.MachineLearningServices/workspaces/codes/versions@2026-05-15-preview',
      name: '1',
      parentId: `${ws.id}/codes/score`,
      body: {
        properties: {
          codeUri: `https://st.blob.core.windows.net/azureml-blobstore-${ws.outputString('workspaceGuid')}/c`,
        },
      },
    });
    const child = resourcesOfType(synthJson(stack), 'azapi_resource').child;
    expect(child.parent_id).toBe('${azapi_resource.ws.id}/codes/score');
    expect(child.body).toEqual({
      properties: {
        codeUri:
          'https://st.blob.core.windows.net/azureml-blobstore-${azapi_resource.ws.output.workspaceGuid}/c',
      },
    });
  });

  test('azapi_resource_action, azapi_update_resource and the data source synthesize their arguments', () => {
    const stack = testStack();
    const ws = new AzapiResource(stack, 'ws', {
      type: WORKSPACE,
      name: 'w',
      parentId: '/subscriptions/s/resourceGroups/rg',
    });
    new AzapiResourceAction(stack, 'provision', {
      type: WORKSPACE,
      resourceId: ws.id,
      action: 'provisionManagedNetwork',
      method: 'POST',
      body: { includeSpark: false },
      when: AzapiActionWhen.APPLY,
      locks: [ws.id],
      responseExportValues: ['status'],
      dependsOn: [ws],
    });
    new AzapiUpdateResource(stack, 'traffic', {
      type: WORKSPACE,
      resourceId: ws.id,
      body: { properties: { traffic: { blue: 100 } } },
    });
    new DataAzapiResource(stack, 'existing', { type: WORKSPACE, resourceId: '/subscriptions/s/x' });
    const json = synthJson(stack);
    expect(json.resource?.azapi_resource_action?.provision).toEqual({
      type: WORKSPACE,
      resource_id: '${azapi_resource.ws.id}',
      action: 'provisionManagedNetwork',
      method: 'POST',
      body: { includeSpark: false },
      when: 'apply',
      locks: ['${azapi_resource.ws.id}'],
      response_export_values: ['status'],
      depends_on: ['azapi_resource.ws'],
    });
    expect(json.resource?.azapi_update_resource?.traffic).toEqual({
      type: WORKSPACE,
      resource_id: '${azapi_resource.ws.id}',
      body: { properties: { traffic: { blue: 100 } } },
    });
    expect(json.data?.azapi_resource?.existing).toEqual({
      type: WORKSPACE,
      resource_id: '/subscriptions/s/x',
    });
  });

  test('update resource and data source refuse to be created without a target', () => {
    const stack = testStack();
    expect(() => new AzapiUpdateResource(stack, 'u', { type: WORKSPACE })).toThrow(
      /\[SE001\] test\/u: resourceId is not set/,
    );
    expect(() => new DataAzapiResource(stack, 'd', { type: WORKSPACE, name: 'x' })).toThrow(
      /\[SE001\] test\/d: resourceId is not set/,
    );
  });

  test('HCL synthesis renders bodies and retry as object expressions, identity and timeouts as blocks', () => {
    const stack = testStack();
    new AzapiResource(stack, 'ws', {
      type: WORKSPACE,
      name: 'w',
      parentId: '/subscriptions/s/resourceGroups/rg',
      body: { properties: { v1LegacyMode: false } },
      identity: { type: 'SystemAssigned' },
      retry: { errorMessageRegex: ['Conflict'] },
      timeouts: { create: '60m' },
    });
    const hcl = Testing.synthHcl(stack);
    expect(hcl).toContain('resource "azapi_resource" "ws"');
    expect(hcl).toMatch(/body = \{\s*properties = \{\s*v1LegacyMode = false/);
    expect(hcl).toMatch(/retry = \{\s*error_message_regex = \[\s*"Conflict",?\s*\]/);
    expect(hcl).toMatch(/identity \{\s*type = "SystemAssigned"\s*\}/);
    expect(hcl).toMatch(/timeouts \{\s*create = "60m"\s*\}/);
  });

  test('HCL synthesis escapes newlines, quotes and backslashes in nested strings, not in expressions', () => {
    const stack = testStack();
    const rg = new AzapiResource(stack, 'rg', { type: WORKSPACE, name: 'r', parentId: '/subscriptions/s' });
    new AzapiResource(stack, 'env', {
      type: 'Microsoft.MachineLearningServices/workspaces/environments/versions@2026-05-15-preview',
      name: '1',
      parentId: `${rg.id}/environments/e`,
      body: { properties: { condaFile: 'name: env\nchannels:\n  - "conda-forge"\n', image: `${rg.id}/x` } },
      retry: { errorMessageRegex: ['\\d+ conflict'] },
    });
    const hcl = Testing.synthHcl(stack);
    expect(hcl).toContain('condaFile = "name: env\\nchannels:\\n  - \\"conda-forge\\"\\n"');
    expect(hcl).toContain('image = "${azapi_resource.rg.id}/x"');
    expect(hcl).toContain('"\\\\d+ conflict"');
    // The JSON output carries the values unescaped.
    const body = resourcesOfType(synthJson(stack), 'azapi_resource').env.body as {
      properties: { condaFile: string };
    };
    expect(body.properties.condaFile).toBe('name: env\nchannels:\n  - "conda-forge"\n');
  });
});
