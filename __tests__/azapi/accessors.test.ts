/**
 * The bindings' arguments after construction, as in cdktf-generated bindings: a setter (or `put...` for a block)
 * changes what synthesizes, `reset...()` removes it, `...Input` is the value set, the getter a reference to the
 * Terraform attribute; a setter refuses what the constructor refuses.
 */
import { TerraformOutput, TerraformVariable, Testing } from 'cdktf';
import {
  AzapiActionWhen,
  AzapiProvider,
  AzapiResource,
  AzapiResourceAction,
  AzapiUpdateResource,
  DataAzapiResource,
} from '../../src/azapi';
import { reported, resourcesOfType, synthJson, testStack } from '../support/synth';

const WORKSPACE = 'Microsoft.MachineLearningServices/workspaces@2026-05-15-preview';
const RG = '/subscriptions/s/resourceGroups/rg';
const WS_ID = `${RG}/providers/Microsoft.MachineLearningServices/workspaces/w`;

beforeEach(() => {
  expect.hasAssertions();
});

function workspace(stack = testStack()) {
  const ws = new AzapiResource(stack, 'ws', {
    type: WORKSPACE,
    name: 'w',
    parentId: RG,
    location: 'westeurope',
    body: { properties: { v1LegacyMode: false } },
    locks: [RG],
    ignoreCasing: true,
  });
  return { stack, ws };
}

describe('azapi_resource arguments after construction', () => {
  test('setters change what synthesizes; the getters are references, the inputs the values set', () => {
    const { stack, ws } = workspace();
    ws.name = 'w2';
    ws.parentId = `${RG}2`;
    ws.location = 'northeurope';
    ws.body = { properties: { description: 'set later' } };
    ws.ignoreCasing = false;
    ws.ignoreNullProperty = true;
    ws.schemaValidationEnabled = false;
    ws.locks = ['lock'];
    ws.responseExportValues = ['properties.workspaceId'];
    ws.replaceTriggersRefs = ['x'];
    ws.replaceTriggersExternalValues = { image: 'v2' };
    ws.deleteQueryParameters = { forceToPurge: ['true'] };
    ws.putIdentity({ type: 'SystemAssigned' });
    new TerraformOutput(stack, 'refs', { value: [ws.name, ws.parentId, ws.ignoreCasing] });
    const json = synthJson(stack);
    expect(json.output?.refs.value).toEqual([
      '${azapi_resource.ws.name}',
      '${azapi_resource.ws.parent_id}',
      '${azapi_resource.ws.ignore_casing}',
    ]);
    expect(resourcesOfType(json, 'azapi_resource').ws).toEqual({
      type: WORKSPACE,
      name: 'w2',
      parent_id: `${RG}2`,
      location: 'northeurope',
      body: { properties: { description: 'set later' } },
      identity: { type: 'SystemAssigned' },
      response_export_values: ['properties.workspaceId'],
      schema_validation_enabled: false,
      ignore_casing: false,
      ignore_null_property: true,
      locks: ['lock'],
      replace_triggers_refs: ['x'],
      replace_triggers_external_values: { image: 'v2' },
      delete_query_parameters: { forceToPurge: ['true'] },
    });
    expect(ws.nameInput).toBe('w2');
    expect(ws.identityInput).toEqual({ type: 'SystemAssigned' });
    // The type stays the value set: constructs decide from it while the stack is built.
    expect(ws.type).toBe(WORKSPACE);
  });

  test('reset...() removes an optional argument from the output', () => {
    const { stack, ws } = workspace();
    ws.resetLocation();
    ws.resetBody();
    ws.resetLocks();
    ws.resetIgnoreCasing();
    expect(resourcesOfType(synthJson(stack), 'azapi_resource').ws).toEqual({
      type: WORKSPACE,
      name: 'w',
      parent_id: RG,
    });
    expect([ws.locationInput, ws.bodyInput, ws.locksInput, ws.ignoreCasingInput]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('ignoreBodyChanges: added paths join the ones set; the setter replaces both; reset clears them', () => {
    const { stack, ws } = workspace();
    ws.addIgnoreBodyChanges('sku.capacity');
    ws.addIgnoreBodyChanges('sku.capacity');
    expect(resourcesOfType(synthJson(stack), 'azapi_resource').ws.ignore_body_changes).toEqual([
      'sku.capacity',
    ]);
    ws.ignoreBodyChanges = ['properties.a'];
    ws.addIgnoreBodyChanges('properties.b');
    expect(resourcesOfType(synthJson(stack), 'azapi_resource').ws.ignore_body_changes).toEqual([
      'properties.a',
      'properties.b',
    ]);
    ws.resetIgnoreBodyChanges();
    expect(resourcesOfType(synthJson(stack), 'azapi_resource').ws).not.toHaveProperty('ignore_body_changes');
  });

  test('putIdentity replaces the identity block and resetIdentity removes it', () => {
    const { stack, ws } = workspace();
    ws.putIdentity({ type: 'UserAssigned', identityIds: ['/uami'] });
    expect(resourcesOfType(synthJson(stack), 'azapi_resource').ws.identity).toEqual({
      type: 'UserAssigned',
      identity_ids: ['/uami'],
    });
    ws.resetIdentity();
    expect(resourcesOfType(synthJson(stack), 'azapi_resource').ws).not.toHaveProperty('identity');
  });

  test('a setter assigns what it is given: the bindings are internal, the constructs read values first', () => {
    const { stack, ws } = workspace();
    ws.location = 'swedencentral';
    expect(ws.locationInput).toBe('swedencentral');
    expect(resourcesOfType(synthJson(stack), 'azapi_resource').ws.location).toBe('swedencentral');
  });
});

describe('retry and timeouts', () => {
  test.each([
    ['azapi_resource', (s: ReturnType<typeof testStack>) => workspace(s).ws],
    [
      'azapi_update_resource',
      (s: ReturnType<typeof testStack>) =>
        new AzapiUpdateResource(s, 'ws', { type: WORKSPACE, resourceId: WS_ID }),
    ],
    [
      'azapi_resource_action',
      (s: ReturnType<typeof testStack>) =>
        new AzapiResourceAction(s, 'ws', { type: WORKSPACE, resourceId: WS_ID }),
    ],
  ])('%s: putRetry and putTimeouts render their blocks, reset... removes them', (type, make) => {
    const stack = testStack();
    const resource = make(stack);
    resource.putRetry({ errorMessageRegex: ['Conflict'], intervalSeconds: 5 });
    resource.putTimeouts({ create: '60m' });
    const rendered = resourcesOfType(synthJson(stack), type).ws;
    expect(rendered.retry).toEqual({ error_message_regex: ['Conflict'], interval_seconds: 5 });
    expect(rendered.timeouts).toEqual({ create: '60m' });
    expect(resource.retryInput).toEqual({ errorMessageRegex: ['Conflict'], intervalSeconds: 5 });
    resource.resetRetry();
    resource.resetTimeouts();
    const reset = resourcesOfType(synthJson(stack), type).ws;
    expect(reset).not.toHaveProperty('retry');
    expect(reset).not.toHaveProperty('timeouts');
  });

  test('putRetry goes through the renderer, not an override: HCL has it as an object expression in place', () => {
    const stack = testStack();
    const action = new AzapiResourceAction(stack, 'provision', {
      type: WORKSPACE,
      resourceId: WS_ID,
      action: 'provisionManagedNetwork',
      timeouts: { create: '60m' },
    });
    action.putRetry({ errorMessageRegex: ['required permissions'] });
    expect(Testing.synthHcl(stack)).toMatch(
      /retry = \{\s*error_message_regex = \[\s*"required permissions",?\s*\]\s*\}\s*timeouts \{/,
    );
    // cdktf records every override in the stack's metadata: there is none.
    expect(JSON.stringify(stack.toTerraform())).not.toContain('"overrides"');
  });
});

describe('the other bindings', () => {
  test('azapi_resource_action: setters and resets', () => {
    const stack = testStack();
    const action = new AzapiResourceAction(stack, 'a', {
      type: WORKSPACE,
      resourceId: WS_ID,
      action: 'provisionManagedNetwork',
      method: 'POST',
    });
    action.resetMethod();
    action.action = 'diagnose';
    action.when = AzapiActionWhen.DESTROY;
    action.ignoreNotFound = true;
    action.body = { checks: ['dns'] };
    expect(resourcesOfType(synthJson(stack), 'azapi_resource_action').a).toEqual({
      type: WORKSPACE,
      resource_id: WS_ID,
      action: 'diagnose',
      body: { checks: ['dns'] },
      when: 'destroy',
      ignore_not_found: true,
    });
    expect(action.whenInput).toBe(AzapiActionWhen.DESTROY);
  });

  test('azapi_update_resource and the data source: a target reset after construction stops synth', () => {
    const messages = reported((stack) => {
      const update = new AzapiUpdateResource(stack, 'u', { type: WORKSPACE, resourceId: WS_ID });
      update.resetResourceId();
      const read = new DataAzapiResource(stack, 'd', { type: WORKSPACE, resourceId: WS_ID });
      read.resetResourceId();
      read.name = 'w';
    });
    expect(messages).toEqual([
      expect.stringMatching(/^\[SE001\] test\/u: resourceId is not set .*azapi update resource 'u'/),
      expect.stringMatching(/^\[SE001\] test\/d: resourceId is not set .*azapi data source 'd'/),
    ]);
  });

  test('azapi_update_resource and the data source: name and parentId replace resourceId', () => {
    const stack = testStack();
    const update = new AzapiUpdateResource(stack, 'u', {
      type: WORKSPACE,
      resourceId: WS_ID,
      ignoreCasing: true,
    });
    update.resetResourceId();
    update.name = 'w';
    update.parentId = RG;
    update.resetIgnoreCasing();
    update.ignoreMissingProperty = false;
    const read = new DataAzapiResource(stack, 'd', { type: WORKSPACE, name: 'w', parentId: RG });
    read.resourceId = WS_ID;
    read.resetName();
    read.resetParentId();
    read.ignoreNotFound = true;
    read.responseExportValues = { guid: 'properties.workspaceId' };
    new TerraformOutput(stack, 'id', { value: read.resourceId });
    const json = synthJson(stack);
    expect(json.resource?.azapi_update_resource?.u).toEqual({
      type: WORKSPACE,
      name: 'w',
      parent_id: RG,
      ignore_missing_property: false,
    });
    expect(json.data?.azapi_resource?.d).toEqual({
      type: WORKSPACE,
      resource_id: WS_ID,
      ignore_not_found: true,
      response_export_values: { guid: 'properties.workspaceId' },
    });
    expect(json.output?.id.value).toBe('${data.azapi_resource.d.resource_id}');
    expect(read.resourceIdInput).toBe(WS_ID);
  });

  test('the provider: setters, resets, and an alias that must be known at synth', () => {
    const stack = testStack();
    const provider = new AzapiProvider(stack, 'second', { alias: 'second', useCli: false });
    provider.subscriptionId = '00000000-0000-0000-0000-000000000000';
    provider.resetUseCli();
    provider.enablePreflight = true;
    expect((synthJson(stack).provider as { azapi: unknown[] }).azapi).toContainEqual({
      alias: 'second',
      subscription_id: '00000000-0000-0000-0000-000000000000',
      enable_preflight: true,
    });
    expect([provider.subscriptionIdInput, provider.useCliInput]).toEqual([
      '00000000-0000-0000-0000-000000000000',
      undefined,
    ]);
    const messages = reported((s) => {
      new AzapiProvider(s, 'third').alias = new TerraformVariable(s, 'alias', { type: 'string' }).stringValue;
    });
    expect(messages).toEqual([expect.stringMatching(/^\[SE\d{3}\] test\/third: alias/)]);
  });
});
