/**
 * The posture evaluator on small hand-made resources: each operator and combinator fires and passes, Unknown
 * stays undecidable, counts, parameters and effects, existence checks, and the azurerm mapping.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { aliasPathsOf, knownAliases } from '../../scripts/posture/aliases';
import { AZURERM, FROM_OTHER_RESOURCES } from '../../scripts/posture/azurerm';
import { evaluateCondition } from '../../scripts/posture/conditions';
import {
  evaluateAssignment,
  PolicyExemption,
  policyExemptions,
  stackResources,
} from '../../scripts/posture/evaluate';
import { evaluateValue } from '../../scripts/posture/expressions';
import {
  assign,
  Definition,
  loadDefinitions,
  loadInitiative,
  POLICY_DIR,
} from '../../scripts/posture/policies';
import type { ArmResource } from '../../scripts/posture/stack';
import { isUnknown, Unknown } from '../../scripts/posture/values';

const STORAGE = 'Microsoft.Storage/storageAccounts';

function resource(
  body: Record<string, unknown>,
  type = STORAGE,
  extra: Partial<ArmResource> = {},
): ArmResource {
  return {
    address: 'test.resource',
    type,
    apiVersion: '2023-05-01',
    name: 'stname',
    location: 'westeurope',
    body,
    resourceGroup: { managedBy: '' },
    children: [],
    azureMayCreate: {},
    ...extra,
  };
}

const field = (f: string): string => `${STORAGE}/${f}`;
const when = (
  condition: object,
  body: Record<string, unknown>,
  parameters: Record<string, unknown> = {},
): unknown => evaluateCondition(condition, { resource: resource(body), parameters }).value;

describe('conditions: each operator fires and passes', () => {
  const tls = (v: unknown): Record<string, unknown> => ({ properties: { minimumTlsVersion: v } });
  const cases: [string, object, unknown, unknown][] = [
    // operator, condition, a value that makes it true, a value that makes it false
    ['equals', { field: field('minimumTlsVersion'), equals: 'TLS1_2' }, 'tls1_2', 'TLS1_0'],
    ['notEquals', { field: field('minimumTlsVersion'), notEquals: 'TLS1_2' }, 'TLS1_0', 'TLS1_2'],
    ['in', { field: field('minimumTlsVersion'), in: ['TLS1_0', 'TLS1_1'] }, 'TLS1_1', 'TLS1_2'],
    ['notIn', { field: field('minimumTlsVersion'), notIn: ['TLS1_0', 'TLS1_1'] }, 'TLS1_2', 'TLS1_0'],
    ['contains', { field: field('minimumTlsVersion'), contains: '1_2' }, 'TLS1_2', 'TLS1_0'],
    ['notContains', { field: field('minimumTlsVersion'), notContains: '1_2' }, 'TLS1_0', 'TLS1_2'],
    ['like', { field: field('minimumTlsVersion'), like: 'tls1_*' }, 'TLS1_0', 'SSL3'],
    ['notLike', { field: field('minimumTlsVersion'), notLike: 'tls1_*' }, 'SSL3', 'TLS1_0'],
    ['exists true', { field: field('minimumTlsVersion'), exists: 'true' }, 'TLS1_0', undefined],
    ['exists false', { field: field('minimumTlsVersion'), exists: false }, undefined, 'TLS1_0'],
    ['less', { field: field('minimumTlsVersion'), less: 'TLS1_2' }, 'TLS1_0', 'TLS1_2'],
    ['lessOrEquals', { field: field('minimumTlsVersion'), lessOrEquals: 'TLS1_1' }, 'TLS1_1', 'TLS1_2'],
    ['greater', { field: field('minimumTlsVersion'), greater: 'TLS1_1' }, 'TLS1_2', 'TLS1_1'],
    ['greaterOrEquals', { field: field('minimumTlsVersion'), greaterOrEquals: 'TLS1_2' }, 'TLS1_2', 'TLS1_0'],
  ];
  test.each(cases)('%s', (_name, condition, fires, passes) => {
    expect(when(condition, tls(fires))).toBe(true);
    expect(when(condition, tls(passes))).toBe(false);
  });

  test('booleans compare with their string form, case-insensitively', () => {
    const c = { field: field('allowSharedKeyAccess'), equals: 'True' };
    expect(when(c, { properties: { allowSharedKeyAccess: true } })).toBe(true);
    expect(when(c, { properties: { allowSharedKeyAccess: false } })).toBe(false);
  });

  test('a missing field equals nothing and differs from everything', () => {
    expect(when({ field: field('sasPolicy'), equals: '' }, {})).toBe(false);
    expect(when({ field: field('sasPolicy'), notEquals: 'x' }, {})).toBe(true);
  });

  test('numbers compare as numbers', () => {
    expect(when({ value: "[padLeft(9, 3, '0')]", less: '010' }, {})).toBe(true);
    expect(when({ value: 12, greater: 9 }, {})).toBe(true);
  });
});

describe('conditions: combinators and three-valued logic', () => {
  const yes = { value: 'a', equals: 'a' };
  const no = { value: 'a', equals: 'b' };
  const unknown = { field: field('allowSharedKeyAccess'), equals: true };
  const body = { properties: { allowSharedKeyAccess: new Unknown('a Terraform variable') } };

  test('allOf, anyOf, not', () => {
    expect(when({ allOf: [yes, yes] }, {})).toBe(true);
    expect(when({ allOf: [yes, no] }, {})).toBe(false);
    expect(when({ anyOf: [no, yes] }, {})).toBe(true);
    expect(when({ anyOf: [no, no] }, {})).toBe(false);
    expect(when({ not: no }, {})).toBe(true);
    expect(when({ not: yes }, {})).toBe(false);
    // Lower-case keys, as some built-ins spell them.
    expect(when({ anyof: [no, yes] }, {})).toBe(true);
  });

  test('an unknown value is decided only by the rest', () => {
    expect(isUnknown(when(unknown, body))).toBe(true);
    expect(isUnknown(when({ not: unknown }, body))).toBe(true);
    expect(when({ allOf: [unknown, no] }, body)).toBe(false);
    expect(when({ anyOf: [unknown, yes] }, body)).toBe(true);
    expect(isUnknown(when({ allOf: [unknown, yes] }, body))).toBe(true);
  });

  test('a reference to another resource id exists and is not empty, and nothing more', () => {
    const ref = { properties: { WorkspaceResourceId: new Unknown('a reference', true) } };
    const on = (c: object): unknown =>
      evaluateCondition(c, { resource: resource(ref, 'Microsoft.Insights/components'), parameters: {} })
        .value;
    expect(on({ field: 'Microsoft.Insights/components/WorkspaceResourceId', exists: false })).toBe(false);
    expect(on({ field: 'Microsoft.Insights/components/WorkspaceResourceId', equals: '' })).toBe(false);
    expect(isUnknown(on({ field: 'Microsoft.Insights/components/WorkspaceResourceId', equals: 'x' }))).toBe(
      true,
    );
  });

  test('an alias the mapping does not know is undecidable, with its name', () => {
    const v = when({ field: field('somethingNew'), equals: 'x' }, {});
    expect(v).toBeInstanceOf(Unknown);
    expect((v as Unknown).reason).toContain(`the alias ${field('somethingNew')} is not in the mapping`);
  });

  test('a [*] alias holds when every element does (and so for none)', () => {
    const c = { field: field('networkAcls.virtualNetworkRules[*].id'), exists: true };
    const rules = (ids: unknown[]): Record<string, unknown> => ({
      properties: { networkAcls: { virtualNetworkRules: ids.map((id) => ({ id })) } },
    });
    expect(when(c, rules(['a', 'b']))).toBe(true);
    expect(when(c, rules(['a', undefined]))).toBe(false);
    expect(when(c, rules([]))).toBe(true);
  });
});

describe('conditions: count', () => {
  const connections = (statuses: unknown[]): Record<string, unknown> => ({
    properties: {
      privateEndpointConnections: statuses.map((s) =>
        isUnknown(s) ? s : { properties: { privateLinkServiceConnectionState: { status: s } } },
      ),
    },
  });
  const kv = 'Microsoft.KeyVault/vaults';
  const approved = {
    count: {
      field: `${kv}/privateEndpointConnections[*]`,
      where: {
        field: `${kv}/privateEndpointConnections[*].privateLinkServiceConnectionState.status`,
        equals: 'Approved',
      },
    },
    less: 1,
  };
  const on = (body: Record<string, unknown>): unknown =>
    evaluateCondition(approved, { resource: resource(body, kv), parameters: {} }).value;

  test('counts the elements where the condition holds', () => {
    expect(on(connections(['Pending']))).toBe(true);
    expect(on(connections(['Pending', 'Approved']))).toBe(false);
  });

  test('an element that may exist makes the count a range: decided only if every count gives one answer', () => {
    expect(isUnknown(on(connections([new Unknown('Azure creates it')])))).toBe(true);
    expect(on(connections(['Approved', new Unknown('Azure creates it')]))).toBe(false);
  });

  test('a value count names its element for current()', () => {
    const c = {
      count: { value: "[parameters('list')]", name: 'x', where: { value: "[current('x')]", like: 'a*' } },
      equals: 2,
    };
    expect(when(c, {}, { list: ['ab', 'ac', 'b'] })).toBe(true);
    expect(when(c, {}, { list: ['ab', 'b'] })).toBe(false);
  });
});

describe('expressions', () => {
  const scope = {
    parameter: (n: string) => ({ days: '7', list: ['a'] })[n],
    field: () => undefined,
    current: () => undefined,
    context: () => ({ apiVersion: '2023-05-01', managedBy: '' }),
  };
  test('the functions the built-ins use', () => {
    expect(evaluateValue("[padLeft(parameters('days'), 3, '0')]", scope)).toBe('007');
    expect(evaluateValue("[concat('a', 'b', 'c')]", scope)).toBe('abc');
    expect(evaluateValue("[first(parameters('list'))]", scope)).toBe('a');
    expect(evaluateValue("[equals(parameters('days'), '7')]", scope)).toBe(true);
    expect(evaluateValue('[requestContext().apiVersion]', scope)).toBe('2023-05-01');
    expect(evaluateValue("[if(and(false(), utcNow()), 'x', 'y')]", scope)).toBe('y');
    expect(evaluateValue('[[not an expression]', scope)).toBe('[not an expression]');
  });
  test('a function that is not evaluated is Unknown, never a guess', () => {
    const v = evaluateValue("[ipRangeContains('10.0.0.0/8', '10.1.0.0/16')]", scope);
    expect(v).toBeInstanceOf(Unknown);
    expect((v as Unknown).reason).toBe('the policy function iprangecontains() is not evaluated');
  });
});

describe('definitions and assignments', () => {
  const byName = (name: string): Definition => {
    const d = loadDefinitions().find((x) => x.name === name);
    if (d === undefined) throw new Error(name);
    return d;
  };
  const sharedKey = byName('8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54');
  const logs = byName('cf820ca0-f99e-4f3e-84fb-66e913812d21');

  test('an Audit rule: non-compliant when its if matches, compliant when not, out of scope for other types', () => {
    const verdict = (body: Record<string, unknown>, type = STORAGE): string =>
      evaluateAssignment(assign(sharedKey), [resource(body, type)]).verdict;
    expect(verdict({ properties: { allowSharedKeyAccess: true } })).toBe('non-compliant');
    expect(verdict({ properties: { allowSharedKeyAccess: false } })).toBe('compliant');
    expect(verdict({ properties: { allowSharedKeyAccess: new Unknown('var.shared_key') } })).toBe(
      'undecidable',
    );
    expect(verdict({}, 'Microsoft.KeyVault/vaults')).toBe('not-applicable');
  });

  test('an exemption for the reference id makes a flagged verdict undecidable, never compliant', () => {
    const flagged = [resource({ properties: { allowSharedKeyAccess: true } })];
    const inInitiative = { ...assign(sharedKey), referenceId: 'storageSharedKey' };
    const exemption = (referenceIds: string[], target = 'test.resource'): PolicyExemption => ({
      address: 'azurerm_resource_policy_exemption.x',
      resource: target,
      referenceIds,
      assignmentId: '${var.assignment}',
      count: '${var.assignment == "" ? 0 : 1}',
    });
    const fires = evaluateAssignment(inInitiative, flagged, [exemption(['storageSharedKey'])]);
    expect(fires.verdict).toBe('undecidable');
    expect(fires.resources[0].reason).toMatch(/^exempted by azurerm_resource_policy_exemption\.x/);
    // Another reference id, another resource, or a definition assigned alone: the exemption does not apply.
    expect(evaluateAssignment(inInitiative, flagged, [exemption(['other'])]).verdict).toBe('non-compliant');
    expect(evaluateAssignment(inInitiative, flagged, [exemption(['storageSharedKey'], 'y.z')]).verdict).toBe(
      'non-compliant',
    );
    expect(evaluateAssignment(assign(sharedKey), flagged, [exemption(['storageSharedKey'])]).verdict).toBe(
      'non-compliant',
    );
  });

  test('exemptions are read from the stack: the exempted resource by its reference', () => {
    expect(
      policyExemptions({
        resource: {
          azurerm_resource_policy_exemption: {
            e: {
              resource_id: '${azapi_resource.Workspace_1.id}',
              policy_assignment_id: '${var.a}',
              policy_definition_reference_ids: ['r1'],
            },
          },
        },
      }),
    ).toEqual([
      {
        address: 'azurerm_resource_policy_exemption.e',
        resource: 'azapi_resource.Workspace_1',
        referenceIds: ['r1'],
        assignmentId: '${var.a}',
        count: undefined,
      },
    ]);
  });

  test('an initiative gives each assignment its reference id', () => {
    const v2 = loadInitiative('MCSBv2');
    expect(
      v2.assignments.find((a) => a.definition.name === '6ddb1705-c8cf-450e-aa4b-19ad6703c440')?.referenceId,
    ).toBe('MLAIStudioAllowOnlyApprovedOutboundManagedVnetMode');
  });

  test('an assignment that disables a definition does not evaluate it', () => {
    const result = evaluateAssignment(assign(sharedKey, { effect: 'Disabled' }), [
      resource({ properties: { allowSharedKeyAccess: true } }),
    ]);
    expect(result.verdict).toBe('disabled');
  });

  test('an initiative passes its own parameter defaults', () => {
    const mcsb = loadInitiative('MCSB');
    const kvLogs = mcsb.assignments.find((a) => a.definition.name === logs.name);
    expect(kvLogs?.parameters.requiredRetentionDays).toBe('1');
    expect(kvLogs?.effect).toBe('auditifnotexists');
    const cmk = mcsb.assignments.find((a) => a.definition.name === '6fac406b-40ca-413b-bf8e-0bf964659c25');
    expect(cmk?.effect).toBe('disabled');
  });

  test('AuditIfNotExists: a related diagnostic setting with a log enabled is compliant, none is not', () => {
    const vault = (children: ArmResource[]): ArmResource =>
      resource({}, 'Microsoft.KeyVault/vaults', { children });
    const setting = resource(
      { properties: { logs: [{ categoryGroup: 'audit', enabled: true }] } },
      'Microsoft.Insights/diagnosticSettings',
    );
    const off = resource(
      { properties: { logs: [{ categoryGroup: 'audit', enabled: false }] } },
      'Microsoft.Insights/diagnosticSettings',
    );
    expect(evaluateAssignment(assign(logs), [vault([setting])]).verdict).toBe('compliant');
    expect(evaluateAssignment(assign(logs), [vault([off])]).verdict).toBe('non-compliant');
    expect(evaluateAssignment(assign(logs), [vault([])]).verdict).toBe('non-compliant');
  });

  test('AuditIfNotExists: a related resource Azure may create makes it undecidable', () => {
    const pl = byName('6edd7eda-6dd8-40f7-810d-67160c639cd9');
    const account = resource({}, STORAGE, {
      azureMayCreate: { [`${STORAGE}/privateEndpointConnections`]: 'the managed network creates one' },
    });
    const result = evaluateAssignment(assign(pl), [account]);
    expect(result.verdict).toBe('undecidable');
    expect(result.resources[0].reason).toContain('the managed network creates one');
  });

  test('the mapping knows every alias the fixture definitions use', () => {
    const used = new Set<string>();
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v !== null && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k.toLowerCase() === 'field' && typeof x === 'string' && x.includes('/'))
            used.add(x.toLowerCase());
          if (k !== 'deployment') collect(x);
        }
      } else if (typeof v === 'string') {
        for (const m of v.matchAll(/(?:field|current)\('([^']+\/[^']+)'\)/g)) used.add(m[1].toLowerCase());
      }
    };
    for (const d of loadDefinitions()) collect(d.policyRule);
    const known = new Set(knownAliases().map((a) => a.toLowerCase()));
    expect([...used].filter((a) => !known.has(a)).sort()).toEqual([]);
  });

  test('the fixtures are the 69 definitions and the two initiatives', () => {
    expect(loadDefinitions()).toHaveLength(69);
    expect(readdirSync(join(POLICY_DIR, 'policySetDefinitions')).sort()).toEqual([
      'AzureSecurityCenter.json',
      'MCSBv2.json',
    ]);
    expect(readFileSync(join(POLICY_DIR, 'LICENSE'), 'utf8')).toContain('MIT License');
  });
});

describe('the azurerm mapping', () => {
  const account = (args: Record<string, unknown>): ArmResource => {
    const json = {
      resource: {
        azurerm_storage_account: {
          st: {
            name: 'st',
            location: 'westeurope',
            account_tier: 'Standard',
            account_replication_type: 'LRS',
            ...args,
          },
        },
      },
    };
    const found = stackResources(json).find((r) => r.address === 'azurerm_storage_account.st');
    if (found === undefined) throw new Error('no storage account');
    return found;
  };
  const props = (r: ArmResource): Record<string, unknown> => r.body.properties as Record<string, unknown>;

  test('an argument left out takes the provider default; a set one its value; a token is unknown', () => {
    expect(props(account({})).allowSharedKeyAccess).toBe(true);
    expect(props(account({ shared_access_key_enabled: false })).allowSharedKeyAccess).toBe(false);
    expect(
      props(account({ shared_access_key_enabled: '${var.shared_key}' })).allowSharedKeyAccess,
    ).toBeInstanceOf(Unknown);
    expect(props(account({ public_network_access_enabled: false })).publicNetworkAccess).toBe('Disabled');
    expect(account({}).body.sku).toEqual({ name: 'Standard_LRS' });
  });

  test('blocks become ARM objects: network rules, SAS policy', () => {
    const r = account({
      network_rules: { default_action: 'Deny', bypass: ['AzureServices'], ip_rules: ['1.2.3.4'] },
      sas_policy: { expiration_period: '01.00:00:00' },
    });
    expect(props(r).networkAcls).toMatchObject({
      defaultAction: 'Deny',
      bypass: 'AzureServices',
      ipRules: [{ value: '1.2.3.4' }],
    });
    expect(props(r).sasPolicy).toEqual({ sasExpirationPeriod: '01.00:00:00', expirationAction: 'Log' });
  });

  test('a private endpoint to a resource is an approved connection on it; a diagnostic setting its child', () => {
    const json = {
      resource: {
        azurerm_key_vault: { kv: { name: 'kv', sku_name: 'standard' } },
        azurerm_private_endpoint: {
          pe: {
            name: 'pe',
            private_service_connection: {
              name: 'c',
              is_manual_connection: false,
              private_connection_resource_id: '${azurerm_key_vault.kv.id}',
              subresource_names: ['vault'],
            },
          },
        },
        azurerm_monitor_diagnostic_setting: {
          ds: {
            name: 'ds',
            target_resource_id: '${azurerm_key_vault.kv.id}',
            enabled_log: [{ category_group: 'audit' }],
          },
        },
      },
    };
    const kv = stackResources(json).find((r) => r.address === 'azurerm_key_vault.kv');
    expect(props(kv as ArmResource).privateEndpointConnections).toEqual([
      { properties: { privateLinkServiceConnectionState: { status: 'Approved' } } },
    ]);
    expect(kv?.children.map((c) => c.type).sort()).toEqual([
      'Microsoft.Insights/diagnosticSettings',
      'Microsoft.KeyVault/vaults/privateEndpointConnections',
    ]);
  });
});

describe('the mapping tables', () => {
  test('every alias path of an azurerm-made type is written by a row or by the resources that set it', () => {
    const uncovered = Object.entries(AZURERM).flatMap(([tfType, mapping]) =>
      aliasPathsOf(mapping.armType)
        .map((path) => path.replace(/\[\*\]/g, ''))
        .filter(
          (path) =>
            !mapping.rows.some((row) => path.startsWith(row.arm) || row.arm.startsWith(path)) &&
            !FROM_OTHER_RESOURCES.some((p) => path.startsWith(p)),
        )
        .map((path) => `${tfType}: ${path}`),
    );
    expect(uncovered).toEqual([]);
  });

  test('every row says where it comes from', () => {
    const rows = Object.values(AZURERM).flatMap((m) => m.rows);
    expect(rows.filter((r) => r.source.trim() === '').map((r) => r.arm)).toEqual([]);
  });
});

describe('a network and its subnets', () => {
  const privateSubnets = '7bca8353-aa3b-429b-904a-9229c4385837';
  const verdictOn = (resource: Record<string, unknown>): string => {
    const d = loadDefinitions().find((x) => x.name === privateSubnets) as Definition;
    const resources = stackResources({ resource } as never).filter(
      (r) => r.type === 'Microsoft.Network/virtualNetworks',
    );
    return evaluateAssignment(assign(d), resources).verdict;
  };
  const vnet = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    vnet: { name: 'vnet', location: 'westeurope', address_space: ['10.0.0.0/16'], ...extra },
  });

  test('a subnet resource joins its network by reference or by literal name', () => {
    for (const virtual_network_name of ['${azurerm_virtual_network.vnet.name}', 'vnet']) {
      const subnet = (access: boolean): Record<string, unknown> => ({
        azurerm_virtual_network: vnet(),
        azurerm_subnet: { s: { name: 's', virtual_network_name, default_outbound_access_enabled: access } },
      });
      expect(verdictOn(subnet(true))).toBe('non-compliant');
      expect(verdictOn(subnet(false))).toBe('compliant');
    }
  });

  test('inline subnet blocks count too', () => {
    const inline = (access?: boolean): Record<string, unknown> => ({
      azurerm_virtual_network: vnet({ subnet: [{ name: 's', default_outbound_access_enabled: access }] }),
    });
    expect(verdictOn(inline())).toBe('non-compliant');
    expect(verdictOn(inline(false))).toBe('compliant');
  });
});
