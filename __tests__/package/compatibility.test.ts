/**
 * The compatibility promise (docs/compatibility.md): upgrading from the last release replaces or deletes none of
 * the resources of its stacks. `__tests__/fixtures/last-release/<layout>/` holds what the release synthesized
 * (`npm run release:fixtures` refreshes it when a version is released); the current code's stacks of the same
 * layout must keep every address, every create-only value, every output and every variable.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Layout } from '../../main';
import { currentStacks, LAST_RELEASE_DIR, readStacks } from '../../scripts/release/layout-stacks';
import { breakingChanges, ComparedStack, FORCE_NEW_TYPES } from '../support/compatibility';

/** The layouts the last release has fixtures of: a layout is compared once its fixture is committed. */
const RELEASED_LAYOUTS: readonly Layout[] = ['single', 'split', 'module', 'hardened'];

describe.each(RELEASED_LAYOUTS)('upgrading the %s layout of the last release', (layout) => {
  test('replaces or deletes none of its resources and keeps its outputs and variables', () => {
    const released = readStacks(path.join(LAST_RELEASE_DIR, layout));
    expect(released.length).toBeGreaterThan(0);
    expect(breakingChanges(released, currentStacks(layout))).toEqual([]);
  });
});

test('every layout folder of the fixtures is compared', () => {
  const folders = fs
    .readdirSync(LAST_RELEASE_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  expect(folders.sort()).toEqual([...RELEASED_LAYOUTS].sort());
});

test('the ForceNew table covers every azurerm resource type of the fixtures', () => {
  const types = new Set(
    RELEASED_LAYOUTS.flatMap((layout) => readStacks(path.join(LAST_RELEASE_DIR, layout))).flatMap((s) =>
      Object.keys((s.json.resource ?? {}) as object).filter((t) => t.startsWith('azurerm_')),
    ),
  );
  expect([...types].filter((t) => !FORCE_NEW_TYPES.includes(t))).toEqual([]);
});

describe('the comparison', () => {
  const single = readStacks(path.join(LAST_RELEASE_DIR, 'single'));
  type Resources = Record<string, Record<string, Record<string, unknown>>>;
  /** The released single stack, changed by `edit` (a deep copy). */
  const changed = (
    edit: (json: { resource: Resources } & Record<string, unknown>) => void,
  ): ComparedStack[] =>
    single.map((s) => {
      const json = structuredClone(s.json) as { resource: Resources } & Record<string, unknown>;
      edit(json);
      return { name: s.name, json };
    });
  const compare = (edit: Parameters<typeof changed>[0]): string[] => breakingChanges(single, changed(edit));
  const azapi = (json: { resource: Resources }, name: string): Record<string, unknown> =>
    json.resource.azapi_resource[name];

  test('an identical stack passes', () => {
    expect(breakingChanges(single, single)).toEqual([]);
  });

  test('in-place changes, new resources and new outputs pass', () => {
    expect(
      compare((json) => {
        // A new api-version, a body property that updates in place, tags, a non-ForceNew azurerm argument.
        const workspace = azapi(json, 'Workspace_2F8C78CC');
        workspace.type = String(workspace.type).replace(/@.*/, '@2026-09-01');
        (workspace.body as { properties: Record<string, unknown> }).properties.description = 'changed';
        workspace.tags = { team: 'fraud' };
        json.resource.azurerm_virtual_network.VirtualNetwork.address_space = ['10.1.0.0/16'];
        json.resource.azurerm_resource_group.Extra = { name: 'rg-extra', location: 'westeurope' };
        (json.output as Record<string, unknown>).extra = { value: 'x' };
      }),
    ).toEqual([]);
  });

  test('a renamed address is a deletion', () => {
    const problems = compare((json) => {
      json.resource.azapi_resource.Endpoint_Renamed = azapi(json, 'Endpoint_EEF1FD8F');
      delete json.resource.azapi_resource.Endpoint_EEF1FD8F;
    });
    expect(problems).toEqual([
      expect.stringContaining('secure-endpoint: azapi_resource.Endpoint_EEF1FD8F is deleted'),
    ]);
  });

  test('a removed stack deletes everything in it', () => {
    expect(breakingChanges(single, [])).toEqual([
      'stack secure-endpoint is removed: every resource in it is deleted',
    ]);
  });

  test.each([
    ['name', (b: Record<string, unknown>) => (b.name = 'endpt-moe-2')],
    ['location', (b: Record<string, unknown>) => (b.location = 'northeurope')],
    ['parent_id', (b: Record<string, unknown>) => (b.parent_id = '${azapi_resource.Other.id}')],
    [
      'type',
      (b: Record<string, unknown>) =>
        (b.type = 'Microsoft.MachineLearningServices/workspaces/batchEndpoints@2026-05-15-preview'),
    ],
  ])('a changed azapi %s is a replacement', (key, edit) => {
    const problems = compare((json) => {
      const endpoint = azapi(json, 'Endpoint_EEF1FD8F');
      if (key === 'location' && endpoint.location === undefined) endpoint.location = 'westeurope';
      edit(endpoint);
    });
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`azapi_resource\\.Endpoint_EEF1FD8F is replaced: ${key} changes`)),
    ]);
  });

  test("a changed value at a replace_triggers_refs path is a replacement (the workspace's storage account)", () => {
    const problems = compare((json) => {
      const body = azapi(json, 'Workspace_2F8C78CC').body as { properties: Record<string, unknown> };
      body.properties.storageAccount = '${azurerm_storage_account.Other.id}';
    });
    expect(problems).toEqual([
      expect.stringContaining('is replaced: body.properties.storageAccount changes'),
    ]);
  });

  test("a deployment's create-only property is a replacement (instanceType)", () => {
    const problems = compare((json) => {
      const body = azapi(json, 'Blue_10BB7880').body as { properties: Record<string, unknown> };
      body.properties.instanceType = 'Standard_DS4_v2';
    });
    expect(problems).toEqual([
      expect.stringContaining(
        'azapi_resource.Blue_10BB7880 is replaced: body.properties.instanceType changes',
      ),
    ]);
  });

  test('a changed ForceNew argument of an azurerm resource is a replacement, also in a nested block', () => {
    const problems = compare((json) => {
      json.resource.azurerm_resource_group.ResourceGroup.location = 'northeurope';
      const pe = json.resource.azurerm_private_endpoint.Workspace_InboundPrivateEndpoint_0E3EBAFB;
      (pe.private_service_connection as Record<string, unknown>).subresource_names = ['other'];
    });
    expect(problems).toEqual([
      expect.stringContaining(
        'azurerm_private_endpoint.Workspace_InboundPrivateEndpoint_0E3EBAFB is replaced: ' +
          'private_service_connection.subresource_names changes',
      ),
      expect.stringContaining('azurerm_resource_group.ResourceGroup is replaced: location changes'),
    ]);
  });

  test('a changed trigger of terraform_data or target of an action is a replacement', () => {
    const problems = compare((json) => {
      const trigger = json.resource.terraform_data.Blue_CreateOnlyProperties_58AF42FE;
      trigger.triggers_replace = { instanceType: 'Standard_DS4_v2' };
      json.resource.azapi_resource_action.Endpoint_Traffic_F1FAD036.resource_id =
        '${azapi_resource.Other.id}';
    });
    expect(problems).toEqual([
      expect.stringContaining(
        'azapi_resource_action.Endpoint_Traffic_F1FAD036 is replaced: resource_id changes',
      ),
      expect.stringContaining(
        'terraform_data.Blue_CreateOnlyProperties_58AF42FE is replaced: triggers_replace',
      ),
    ]);
  });

  test('a resource type without known create-only values fails rather than passes unchecked', () => {
    const released = changed((json) => (json.resource.azurerm_new_thing = { X: { name: 'x' } }));
    expect(breakingChanges(released, released)).toEqual([
      expect.stringContaining('the create-only values of azurerm_new_thing are unknown'),
    ]);
  });

  test('a removed output, a removed variable and a new variable without a default break callers', () => {
    const withVariables = changed((json) => (json.variable = { location: { type: 'string' } }));
    const problems = breakingChanges(
      withVariables,
      changed((json) => {
        delete (json.output as Record<string, unknown>).scoring_uri;
        json.variable = { region: { type: 'string' }, sku: { type: 'string', default: 'a' } };
      }),
    );
    expect(problems).toEqual([
      'secure-endpoint: output scoring_uri is removed',
      'secure-endpoint: variable location is removed',
      'secure-endpoint: new variable region has no default (callers of the release would fail to plan)',
    ]);
  });
});
