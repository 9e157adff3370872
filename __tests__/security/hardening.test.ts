/**
 * The evaluator sees each setting that closes a gap of the how-to stack: the Terraform arguments (or azapi body
 * properties, or related resources) a hardening writes turn its definition from non-compliant or undecidable to
 * compliant. Each case edits the synthesized default stack as the setting would and evaluates the definition;
 * the settings that are now defaults are checked the other way round.
 */
import { Testing } from 'cdktf';
import { readHowToConfig, SecureEndpointHowToStack } from '../../main';
import { evaluateAssignment, stackResources } from '../../scripts/posture/evaluate';
import { assign, loadDefinitions } from '../../scripts/posture/policies';
import type { TerraformJson } from '../../scripts/posture/stack';

type Blocks = Record<string, Record<string, Record<string, unknown>>>;

let synthesized: (TerraformJson & { resource: Blocks }) | undefined;

/** A fresh copy of the how-to stack's Terraform JSON (synthesized once). */
function howTo(): TerraformJson & { resource: Blocks } {
  synthesized ??= synthHowTo();
  return structuredClone(synthesized);
}

function synthHowTo(): TerraformJson & { resource: Blocks } {
  const app = Testing.app({ stackTraces: false, stubVersion: true, enableFutureFlags: true });
  const stack = new SecureEndpointHowToStack(app, 'secure-endpoint', readHowToConfig(app, {}));
  return JSON.parse(Testing.synth(stack)) as TerraformJson & { resource: Blocks };
}

/** The one resource of a Terraform type (or the azapi resource of an ARM type). */
function only(
  json: { resource: Blocks },
  tfType: string,
  armType?: string,
): [string, Record<string, unknown>] {
  const found = Object.entries(json.resource[tfType] ?? {}).filter(
    ([, r]) => armType === undefined || String(r.type).split('@')[0] === armType,
  );
  if (found.length !== 1) throw new Error(`expected one ${tfType} ${armType ?? ''}, found ${found.length}`);
  return found[0];
}

const body = (r: Record<string, unknown>): Record<string, unknown> =>
  (r.body as { properties: Record<string, unknown> }).properties;

const WORKSPACE = 'Microsoft.MachineLearningServices/workspaces';
const COMPUTE = 'Microsoft.MachineLearningServices/workspaces/computes';

const CASES: [string, string, (json: { resource: Blocks }) => void][] = [
  [
    'storage shared key off',
    '8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54',
    (j) => (only(j, 'azurerm_storage_account')[1].shared_access_key_enabled = false),
  ],
  [
    'storage public network access off',
    'b2982f36-99f2-4db5-8eff-283140c09693',
    (j) => (only(j, 'azurerm_storage_account')[1].public_network_access_enabled = false),
  ],
  [
    'storage network rules deny by default (separate resource)',
    '2a1a9cdf-e04d-429a-8416-3bfb72a1b26f',
    (j) => {
      const [name] = only(j, 'azurerm_storage_account');
      j.resource.azurerm_storage_account_network_rules = {
        rules: { storage_account_id: `\${azurerm_storage_account.${name}.id}`, default_action: 'Deny' },
      };
    },
  ],
  [
    'storage infrastructure encryption',
    '4733ea7b-a883-42fe-8cac-97454c2a9e4a',
    (j) => (only(j, 'azurerm_storage_account')[1].infrastructure_encryption_enabled = true),
  ],
  [
    'storage customer-managed key (separate resource)',
    '6fac406b-40ca-413b-bf8e-0bf964659c25',
    (j) => {
      const [name] = only(j, 'azurerm_storage_account');
      j.resource.azurerm_storage_account_customer_managed_key = {
        cmk: { storage_account_id: `\${azurerm_storage_account.${name}.id}`, key_name: 'k' },
      };
    },
  ],
  [
    'a blob private endpoint of the stack',
    '6edd7eda-6dd8-40f7-810d-67160c639cd9',
    (j) => {
      const [name] = only(j, 'azurerm_storage_account');
      j.resource.azurerm_private_endpoint.blob = {
        name: 'pe-blob',
        subnet_id: '${azurerm_subnet.PrivateEndpointSubnet.id}',
        private_service_connection: {
          name: 'blob',
          is_manual_connection: false,
          private_connection_resource_id: `\${azurerm_storage_account.${name}.id}`,
          subresource_names: ['blob'],
        },
      };
    },
  ],
  [
    'registry customer-managed key',
    '5b9159ae-1701-4a6f-9a7a-aa9c8ddd0580',
    (j) =>
      (only(j, 'azurerm_container_registry')[1].encryption = {
        key_vault_key_id: 'k',
        identity_client_id: 'i',
      }),
  ],
  [
    'Log Analytics public ingestion and query off',
    '6c53d030-cc64-46f0-906d-2bc061cd1334',
    (j) =>
      Object.assign(only(j, 'azurerm_log_analytics_workspace')[1], {
        internet_ingestion_enabled: false,
        internet_query_enabled: false,
      }),
  ],
  [
    'Application Insights public ingestion and query off',
    '1bc02227-0cb6-4e11-8f53-eb0b22eab7e8',
    (j) =>
      Object.assign(only(j, 'azurerm_application_insights')[1], {
        internet_ingestion_enabled: false,
        internet_query_enabled: false,
      }),
  ],
  [
    'Application Insights local authentication off',
    '199d5677-e4d9-4264-9465-efe1839c06bd',
    (j) => (only(j, 'azurerm_application_insights')[1].local_authentication_disabled = true),
  ],
  [
    'image-build compute local authentication off',
    'e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f',
    (j) => (body(only(j, 'azapi_resource', COMPUTE)[1]).disableLocalAuth = true),
  ],
  [
    'workspace customer-managed key',
    '7f40cee6-e933-4d0f-a782-b96615e0f4a6',
    (j) => (body(only(j, 'azapi_resource', WORKSPACE)[1]).encryption = { status: 'Enabled' }),
  ],
  [
    'workspace user-assigned identity',
    '5f0c7d88-c7de-45b8-ac49-db49e72eaa78',
    (j) =>
      (body(only(j, 'azapi_resource', WORKSPACE)[1]).primaryUserAssignedIdentity =
        '${azurerm_user_assigned_identity.id.id}'),
  ],
  [
    'private subnet',
    '7bca8353-aa3b-429b-904a-9229c4385837',
    (j) => (only(j, 'azurerm_subnet')[1].default_outbound_access_enabled = false),
  ],
];

/** A diagnostic setting of the stack on the resource `target` (an interpolation of its id) removed. */
function removeDiagnosticSetting(json: { resource: Blocks }, target: string): void {
  const settings = json.resource.azurerm_monitor_diagnostic_setting ?? {};
  const found = Object.keys(settings).filter((name) => settings[name].target_resource_id === target);
  if (found.length !== 1)
    throw new Error(`expected one diagnostic setting on ${target}, found ${found.length}`);
  delete settings[found[0]];
}

/**
 * The secure defaults: the how-to stack complies with each definition, and undoing the setting (as a change
 * that loosens it would) makes it non-compliant.
 */
const DEFAULT_CASES: [string, string, (json: { resource: Blocks }) => void][] = [
  [
    'storage SAS policy',
    'bc1b984e-ddae-40cc-801a-050a030e4fbe',
    (j) => delete only(j, 'azurerm_storage_account')[1].sas_policy,
  ],
  [
    'key vault public network access off',
    '405c5871-3e91-4644-8a63-58e19d68ff5b',
    (j) => (only(j, 'azurerm_key_vault')[1].public_network_access_enabled = true),
  ],
  [
    'key vault diagnostic setting',
    'cf820ca0-f99e-4f3e-84fb-66e913812d21',
    (j) => removeDiagnosticSetting(j, `\${azurerm_key_vault.${only(j, 'azurerm_key_vault')[0]}.id}`),
  ],
  [
    'workspace diagnostic setting',
    'afe0c3be-ba3b-4544-ba52-0c99672a8ad6',
    (j) => removeDiagnosticSetting(j, `\${azapi_resource.${only(j, 'azapi_resource', WORKSPACE)[0]}.id}`),
  ],
  [
    'registry exports off',
    '524b0254-c285-4903-bee6-bb8126cde579',
    (j) => delete only(j, 'azurerm_container_registry')[1].export_policy_enabled,
  ],
  [
    'Log Analytics local authentication off',
    'e15effd4-2278-4c65-a0da-4d6f6d1890e2',
    (j) => delete only(j, 'azurerm_log_analytics_workspace')[1].local_authentication_enabled,
  ],
];

describe('each secure default is compliant, and undoing it is not', () => {
  const definitions = new Map(loadDefinitions().map((d) => [d.name, d]));
  test.each(DEFAULT_CASES)('%s', (_name, definition, loosen) => {
    const d = definitions.get(definition);
    if (d === undefined) throw new Error(`no definition ${definition}`);
    const json = howTo();
    expect(evaluateAssignment(assign(d), stackResources(json)).verdict).toBe('compliant');
    loosen(json);
    expect(evaluateAssignment(assign(d), stackResources(json)).verdict).toBe('non-compliant');
  });
});

describe('each hardening turns its definition compliant', () => {
  const definitions = new Map(loadDefinitions().map((d) => [d.name, d]));
  test.each(CASES)('%s', (_name, definition, harden) => {
    const d = definitions.get(definition);
    if (d === undefined) throw new Error(`no definition ${definition}`);
    const json = howTo();
    expect(evaluateAssignment(assign(d), stackResources(json)).verdict).not.toBe('compliant');
    harden(json);
    expect(evaluateAssignment(assign(d), stackResources(json)).verdict).toBe('compliant');
  });
});
