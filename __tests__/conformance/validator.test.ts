import * as fs from 'fs';
import * as path from 'path';
import { AzapiResource, AzapiResourceAction } from '../../src/azapi';
import {
  AZURE_SPECS_DIR,
  expectConformingBodies,
  specApiVersions,
  validateActionBody,
  validateAzapiBodies,
  validateBody,
} from '../support/conformance';
import { SynthesizedStack, synthJson, testStack } from '../support/synth';

const STABLE = '2026-05-01';
const PREVIEW = '2026-05-15-preview';
const ml = (resourcePath: string, version: string = STABLE) =>
  `Microsoft.MachineLearningServices/${resourcePath}@${version}`;
const VERSIONS = [STABLE, PREVIEW];

const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg';
const WS_ID = `${RG}/providers/Microsoft.MachineLearningServices/workspaces/ml-prod`;

// ml-api-shapes.md §9 and §11 (full ARM bodies: the envelope keys azapi merges in from its attributes included)
const WORKSPACE = {
  name: 'ml-prod',
  location: 'westeurope',
  identity: { type: 'SystemAssigned' },
  sku: { name: 'Basic', tier: 'Basic' },
  kind: 'Default',
  properties: {
    friendlyName: 'ml-prod',
    storageAccount: `${RG}/providers/Microsoft.Storage/storageAccounts/st1`,
    keyVault: `${RG}/providers/Microsoft.KeyVault/vaults/kv1`,
    applicationInsights: `${RG}/providers/Microsoft.Insights/components/ai1`,
    containerRegistry: `${RG}/providers/Microsoft.ContainerRegistry/registries/acr1`,
    publicNetworkAccess: 'Disabled',
    imageBuildCompute: 'cpu-cluster',
    v1LegacyMode: false,
    managedNetwork: {
      isolationMode: 'AllowOnlyApprovedOutbound',
      firewallSku: 'Standard',
      outboundRules: { pypi: { type: 'FQDN', category: 'UserDefined', destination: 'pypi.org' } },
    },
  },
};
const ENDPOINT = {
  name: 'ep-secure',
  location: 'westeurope',
  identity: { type: 'SystemAssigned' },
  properties: { authMode: 'Key', publicNetworkAccess: 'Disabled' },
};
const probe = {
  initialDelay: 'PT10S',
  period: 'PT10S',
  timeout: 'PT2S',
  successThreshold: 1,
  failureThreshold: 30,
};
const DEPLOYMENT = {
  name: 'blue',
  location: 'westeurope',
  sku: { name: 'Default', capacity: 1 },
  properties: {
    endpointComputeType: 'Managed',
    model: `${WS_ID}/models/m/versions/1`,
    environmentId: `${WS_ID}/environments/e/versions/1`,
    codeConfiguration: { codeId: `${WS_ID}/codes/c/versions/1`, scoringScript: 'score.py' },
    instanceType: 'Standard_DS3_v2',
    egressPublicNetworkAccess: 'Disabled',
    appInsightsEnabled: true,
    requestSettings: { requestTimeout: 'PT5S', maxConcurrentRequestsPerInstance: 1 },
    livenessProbe: probe,
    readinessProbe: probe,
    scaleSettings: { scaleType: 'Default' },
  },
};
const RULE = { name: 'pypi', properties: { type: 'FQDN', category: 'UserDefined', destination: 'pypi.org' } };
const MINIMAL: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
  ['workspaces', WORKSPACE],
  ['workspaces/outboundRules', RULE],
  ['workspaces/onlineEndpoints', ENDPOINT],
  ['workspaces/onlineEndpoints/deployments', DEPLOYMENT],
  ['workspaces/models', { name: 'm', properties: {} }],
  ['workspaces/codes', { name: 'c', properties: {} }],
  ['workspaces/environments', { name: 'e', properties: {} }],
  [
    'workspaces/models/versions',
    {
      name: '1',
      properties: {
        modelType: 'custom_model',
        isAnonymous: false,
        modelUri:
          'azureml://subscriptions/s/resourcegroups/rg/workspaces/ws/datastores/workspaceblobstore/paths/m',
      },
    },
  ],
  ['workspaces/models/versions', { name: '2', properties: { modelType: 'mlflow_model' } }],
  [
    'workspaces/codes/versions',
    {
      name: '0f3a9c2be1d4',
      properties: {
        codeUri: 'https://st1.blob.core.windows.net/azureml-blobstore-x/code',
        isAnonymous: false,
      },
    },
  ],
  [
    'workspaces/environments/versions',
    {
      name: '1',
      properties: {
        image: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest',
        condaFile: 'name: env\ndependencies:\n  - python=3.11\n',
        osType: 'Linux',
        isAnonymous: false,
      },
    },
  ],
  [
    'workspaces/computes',
    {
      name: 'cpu-cluster',
      location: 'westeurope',
      properties: {
        computeType: 'AmlCompute',
        properties: {
          vmSize: 'Standard_DS3_v2',
          vmPriority: 'Dedicated',
          osType: 'Linux',
          enableNodePublicIp: false,
          remoteLoginPortPublicAccess: 'Disabled',
          scaleSettings: { minNodeCount: 0, maxNodeCount: 1, nodeIdleTimeBeforeScaleDown: 'PT120S' },
        },
      },
    },
  ],
];

/** A deep copy of `body` with `edit` applied to it. */
function withChange<T>(body: T, edit: (copy: Record<string, Record<string, unknown>>) => void): T {
  const copy = structuredClone(body) as Record<string, Record<string, unknown>>;
  edit(copy);
  return copy as T;
}

function omit(body: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));
}

// ---------------------------------------------------------------------------------------------------------------
// Spec examples: <AZURE_SPECS_DIR>/<version>/examples/**.json, mapped to a resource or action through the
// operationId -> path table of the openapi.subset.json files that have `paths`.

interface Operation {
  readonly method: string;
  readonly template: string;
  readonly bodyParam?: string;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function listJson(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listJson(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

function operations(): Map<string, Operation> {
  const ops = new Map<string, Operation>();
  for (const version of specApiVersions()) {
    const file = path.join(AZURE_SPECS_DIR, version, 'openapi.subset.json');
    if (!fs.existsSync(file)) continue;
    const paths = (readJson(file).paths ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
    for (const [template, item] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(item)) {
        const params = (op.parameters ?? []) as Array<Record<string, unknown>>;
        const bodyParam = params.find((p) => p.in === 'body')?.name;
        ops.set(String(op.operationId), { method, template, bodyParam: bodyParam as string | undefined });
      }
    }
  }
  return ops;
}

/**
 * Turns an example request into what our library would synthesize: the ARM body split into the azapi attributes
 * and `body`. Stripped from the body: `name` (the path parameter becomes the `name` attribute), `location`,
 * `tags`, `identity` (azapi attributes; `identity.userAssignedIdentities` keys become `identity_ids`), and
 * `id`, `type`, `systemData` (ARM envelope, read-only, never part of an azapi body).
 */
function exampleAsStack(file: string, ops: Map<string, Operation>): SynthesizedStack {
  const example = readJson(file);
  const params = example.parameters as Record<string, unknown>;
  const op = ops.get(String(example.operationId));
  if (op === undefined)
    throw new Error(`${file}: operationId ${String(example.operationId)} not in openapi.subset`);
  const version = String(params['api-version']);
  const segments = op.template.split('/providers/Microsoft.MachineLearningServices/')[1].split('/');
  const typePath = segments.filter((_, i) => i % 2 === 0);
  const body = op.bodyParam !== undefined ? (params[op.bodyParam] as Record<string, unknown>) : undefined;
  if (op.method === 'post') {
    const action = typePath.pop() as string;
    return {
      resource: {
        azapi_resource_action: {
          example: {
            type: ml(typePath.join('/'), version),
            resource_id: WS_ID,
            action,
            method: 'POST',
            body,
          },
        },
      },
    };
  }
  if (op.method !== 'put' || body === undefined) throw new Error(`${file}: not a PUT with a body`);
  const nameParam = segments[segments.length - 1].replace(/[{}]/g, '');
  const { location, tags, identity } = body;
  const rest = omit(body, ['name', 'id', 'type', 'systemData', 'location', 'tags', 'identity']);
  const uami = (identity as { userAssignedIdentities?: Record<string, unknown> } | undefined)
    ?.userAssignedIdentities;
  return {
    resource: {
      azapi_resource: {
        example: {
          type: ml(typePath.join('/'), version),
          name: params[nameParam],
          parent_id: WS_ID,
          location,
          tags,
          identity: identity && {
            type: (identity as Record<string, unknown>).type,
            identity_ids: uami && Object.keys(uami),
          },
          body: rest,
        },
      },
    },
  };
}

const EXAMPLES = specApiVersions().flatMap((v) => listJson(path.join(AZURE_SPECS_DIR, v, 'examples')));

// ---------------------------------------------------------------------------------------------------------------

describe('conformance validator: rejects', () => {
  test('an unknown property, with a suggestion', () => {
    const body = withChange(WORKSPACE, (b) => (b.properties.v1LegacyMod = false));
    expect(validateBody(ml('workspaces'), body, 'azapi_resource.ws')).toEqual([
      "azapi_resource.ws body.properties.v1LegacyMod: unknown property (expected a property of WorkspaceProperties, did you mean 'v1LegacyMode'?, got 'v1LegacyMod')",
    ]);
  });

  test('a read-only property (properties.scoringUri on an online endpoint)', () => {
    const body = withChange(ENDPOINT, (b) => (b.properties.scoringUri = 'https://x'));
    expect(validateBody(ml('workspaces/onlineEndpoints'), body, 'azapi_resource.ep')).toEqual([
      'azapi_resource.ep body.properties.scoringUri: read-only property must not be sent (OnlineEndpointProperties.scoringUri is read-only)',
    ]);
    // id and type in a body are read-only ARM envelope keys
    expect(validateBody(ml('workspaces/onlineEndpoints'), { ...ENDPOINT, id: '/x', type: 'y' })).toEqual([
      `${ml('workspaces/onlineEndpoints')} body.id: read-only property must not be sent (Microsoft.MachineLearningServices/workspaces/onlineEndpoints.id is read-only)`,
      `${ml('workspaces/onlineEndpoints')} body.type: read-only property must not be sent (Microsoft.MachineLearningServices/workspaces/onlineEndpoints.type is read-only)`,
    ]);
  });

  test.each(VERSIONS)('closed-enum and discriminator values compared case-sensitively (%s)', (version) => {
    const rule = withChange(RULE, (b) => (b.properties.type = 'fqdn'));
    expect(validateBody(ml('workspaces/outboundRules', version), rule, 'r')).toEqual([
      'r body.properties.type: value not allowed (expected one of "FQDN", "PrivateEndpoint", "ServiceTag", got "fqdn") — values are case-sensitive, did you mean "FQDN"?',
    ]);
    const deployment = withChange(DEPLOYMENT, (b) => (b.properties.endpointComputeType = 'managed'));
    expect(validateBody(ml('workspaces/onlineEndpoints/deployments', version), deployment, 'd')).toEqual([
      'd body.properties.endpointComputeType: value not allowed (expected one of "Kubernetes", "Managed", got "managed") — values are case-sensitive, did you mean "Managed"?',
    ]);
    // sku.tier is the closed union "Free" | "Basic" | "Standard" | "Premium" (no plain string member)
    const ws = withChange(WORKSPACE, (b) => (b.sku.tier = 'basic'));
    expect(validateBody(ml('workspaces', version), ws, 'w')).toEqual([
      'w body.sku.tier: value not allowed (expected one of "Free", "Basic", "Standard", "Premium", got "basic") — values are case-sensitive, did you mean "Basic"?',
    ]);
    // an open (extensible) union accepts any string, but only strings
    const open = withChange(WORKSPACE, (b) => (b.properties.publicNetworkAccess = 'disabled-ish'));
    expect(validateBody(ml('workspaces', version), open)).toEqual([]);
    const notString = withChange(WORKSPACE, (b) => (b.properties.publicNetworkAccess = false));
    expect(validateBody(ml('workspaces', version), notString, 'w')).toEqual([
      'w body.properties.publicNetworkAccess: wrong type (expected string, got boolean false)',
    ]);
  });

  test('missing required properties (authMode, properties, a discriminator)', () => {
    const endpoint = withChange(ENDPOINT, (b) => delete b.properties.authMode);
    expect(validateBody(ml('workspaces/onlineEndpoints'), endpoint, 'e')).toEqual([
      'e body.properties.authMode: required property is missing (required by OnlineEndpointProperties)',
    ]);
    expect(validateBody(ml('workspaces/outboundRules'), { name: 'pypi' }, 'r')).toEqual([
      'r body.properties: required property is missing (required by Microsoft.MachineLearningServices/workspaces/outboundRules)',
    ]);
    const noType = withChange(RULE, (b) => delete b.properties.type);
    expect(validateBody(ml('workspaces/outboundRules'), noType, 'r')).toEqual([
      'r body.properties.type: required property is missing (discriminator of OutboundRule, expected one of "FQDN", "PrivateEndpoint", "ServiceTag")',
    ]);
    const compute = withChange(MINIMAL[MINIMAL.length - 1][1], (b) => {
      delete (b.properties.properties as Record<string, Record<string, unknown>>).scaleSettings.maxNodeCount;
    });
    expect(validateBody(ml('workspaces/computes'), compute, 'c')).toEqual([
      'c body.properties.properties.scaleSettings.maxNodeCount: required property is missing (required by ScaleSettings)',
    ]);
  });

  test('top-level name, location and tags: missing is fine (azapi attributes), on a proxy resource rejected', () => {
    const endpoint = omit(ENDPOINT, ['location', 'name']);
    expect(validateBody(ml('workspaces/onlineEndpoints'), endpoint)).toEqual([]);
    expect(
      validateBody(ml('workspaces/outboundRules'), { ...RULE, location: 'westeurope', tags: {} }, 'r'),
    ).toEqual([
      "r body.location: unknown property (expected a property of Microsoft.MachineLearningServices/workspaces/outboundRules, got 'location')",
      "r body.tags: unknown property (expected a property of Microsoft.MachineLearningServices/workspaces/outboundRules, got 'tags')",
    ]);
  });

  test('a preview-only workspace property sent with the stable api-version', () => {
    for (const [key, value] of [
      ['ipAllowlist', ['203.0.113.0/24']],
      ['allowRoleAssignmentOnRG', true],
    ] as const) {
      const body = withChange(WORKSPACE, (b) => (b.properties[key] = value));
      expect(validateBody(ml('workspaces', STABLE), body, 'ws')).toEqual([
        `ws body.properties.${key}: unknown property (expected a property of WorkspaceProperties, got '${key}')`,
      ]);
      expect(validateBody(ml('workspaces', PREVIEW), body, 'ws')).toEqual([]);
    }
  });

  test('pattern violations on names; a pattern RE2 cannot compile is skipped as azapi does', () => {
    expect(validateBody(ml('workspaces/outboundRules'), { ...RULE, name: '-bad' }, 'r')).toEqual([
      'r body.name: string does not match pattern (expected /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/, got "-bad")',
    ]);
    expect(validateBody(ml('workspaces'), { ...WORKSPACE, name: 'ab' }, 'w')).toEqual([
      'w body.name: string does not match pattern (expected /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/, got "ab")',
    ]);
    // workspaces/computes' name pattern uses a look-ahead: azapi (Go regexp) cannot compile it and skips it
    const [, compute] = MINIMAL[MINIMAL.length - 1];
    expect(validateBody(ml('workspaces/computes'), { ...compute, name: 'cpu-1' })).toEqual([]);
  });

  test('wrong JSON types', () => {
    const body = withChange(WORKSPACE, (b) => {
      b.properties.v1LegacyMode = 'false';
      b.properties.friendlyName = 3;
      b.properties.associatedWorkspaces = 'ws1';
      b.properties.managedNetwork = [];
      b.sku.capacity = 1.5;
    });
    expect(validateBody(ml('workspaces'), body, 'w')).toEqual([
      'w body.sku.capacity: wrong type (expected integer, got number 1.5)',
      'w body.properties.friendlyName: wrong type (expected string, got integer 3)',
      'w body.properties.v1LegacyMode: wrong type (expected boolean, got string "false")',
      'w body.properties.managedNetwork: wrong type (expected object, got array)',
      'w body.properties.associatedWorkspaces: wrong type (expected array, got string "ws1")',
    ]);
    const rules = withChange(WORKSPACE, (b) => {
      (b.properties.managedNetwork as Record<string, unknown>).outboundRules = {
        a: { type: 'FQDN', destination: 1 },
      };
    });
    expect(validateBody(ml('workspaces'), rules, 'w')).toEqual([
      'w body.properties.managedNetwork.outboundRules.a.destination: wrong type (expected string, got integer 1)',
    ]);
  });

  test('an unknown api-version, resource type, provider or action', () => {
    expect(validateBody('Microsoft.MachineLearningServices/workspaces@2099-01-01', WORKSPACE, 'w')).toEqual([
      `w type: unknown api-version (expected one of [${VERSIONS.join(', ')}] with azapi-v2.12.0-embedded-types.json in ${AZURE_SPECS_DIR}, got '2099-01-01')`,
    ]);
    expect(validateBody(ml('workspaces/onlineEndpoint'), ENDPOINT, 'e')).toEqual([
      expect.stringMatching(
        /^e type: unknown resource type \(expected a ResourceType of .*, did you mean 'microsoft.machinelearningservices\/workspaces\/onlineendpoints'\?, got 'Microsoft.MachineLearningServices\/workspaces\/onlineEndpoint'\)$/,
      ),
    ]);
    expect(validateBody('Microsoft.Network/privateEndpoints@2024-05-01', {}, 'p')).toEqual([
      expect.stringMatching(
        /^p type: no embedded types for provider \(expected Microsoft.MachineLearningServices/,
      ),
    ]);
    expect(validateBody('workspaces', {}, 'x')).toEqual([
      "x type: malformed type (expected '<provider>/<type>@<api-version>', got 'workspaces')",
    ]);
    expect(validateActionBody(ml('workspaces'), 'provisionEverything', {}, 'a')).toEqual([
      expect.stringMatching(
        /^a action: unknown action \(expected a ResourceFunctionType of .*provisionmanagednetwork/,
      ),
    ]);
  });

  test('action input bodies (provisionManagedNetwork)', () => {
    expect(
      validateActionBody(ml('workspaces'), 'provisionManagedNetwork', { includeSpark: 'no', spark: 1 }, 'a'),
    ).toEqual([
      'a body.includeSpark: wrong type (expected boolean, got string "no")',
      "a body.spark: unknown property (expected a property of ManagedNetworkProvisionOptions, got 'spark')",
    ]);
  });
});

describe('conformance validator: accepts', () => {
  test('the spec examples were found', () => {
    expect(EXAMPLES.map((f) => path.relative(AZURE_SPECS_DIR, f)).sort()).toEqual(
      expect.arrayContaining([
        path.join(STABLE, 'examples/ManagedNetwork/createOrUpdateRule.json'),
        path.join(PREVIEW, 'examples/ManagedNetwork/provision.json'),
      ]),
    );
  });

  const ops = operations();
  for (const file of EXAMPLES) {
    test(`spec example ${path.relative(AZURE_SPECS_DIR, file)}`, () => {
      const stack = exampleAsStack(file, ops);
      expect(validateAzapiBodies(stack)).toEqual([]);
      // the example really is checked: breaking it produces errors
      const resource = Object.values(stack.resource ?? {})[0].example;
      const broken = { ...resource, body: { ...(resource.body as object), notInTheSpec: 1 } };
      const kind = Object.keys(stack.resource ?? {})[0];
      expect(validateAzapiBodies({ resource: { [kind]: { example: broken } } })).toEqual([
        expect.stringContaining(`${kind}.example body.notInTheSpec: unknown property`),
      ]);
    });
  }

  test.each(VERSIONS)('the minimal bodies of ml-api-shapes §9 and §11 (%s)', (version) => {
    for (const [resourcePath, body] of MINIMAL) {
      expect(validateBody(ml(resourcePath, version), body)).toEqual([]);
    }
    expect(
      validateActionBody(ml('workspaces', version), 'provisionManagedNetwork', { includeSpark: false }),
    ).toEqual([]);
  });

  test('a workspace body with ${...} interpolations wherever a value of any type goes', () => {
    const v = (name: string) => `\${var.${name}}`;
    const body = {
      name: v('name'), // pattern-checked string
      location: v('location'),
      tags: { env: v('env') },
      identity: { type: v('identity_type'), userAssignedIdentities: { [v('uami_id')]: {} } },
      sku: { name: 'Basic', tier: v('tier'), capacity: v('capacity') }, // closed enum, integer
      properties: {
        friendlyName: `ml-${v('suffix')}`, // string
        v1LegacyMode: v('legacy'), // boolean
        publicNetworkAccess: v('pna'), // open enum
        associatedWorkspaces: v('list'), // array
        serverlessComputeSettings: v('object'), // object
        managedNetwork: {
          isolationMode: 'AllowOnlyApprovedOutbound',
          outboundRules: {
            [v('rule_key')]: { type: 'FQDN', destination: 'pypi.org' }, // map key
            byValue: v('rule'), // map value
            byType: { type: v('rule_type'), destination: v('dest') }, // discriminator
            pe: {
              type: 'PrivateEndpoint',
              destination: {
                serviceResourceId: v('sa_id'),
                subresourceTarget: 'blob',
                sparkEnabled: v('spark'),
              },
            },
          },
        },
        sharedPrivateLinkResources: [v('item')], // array item
      },
    };
    for (const version of VERSIONS) expect(validateBody(ml('workspaces', version), body)).toEqual([]);
    expect(validateBody(ml('workspaces'), v('whole_body'))).toEqual([]);
    const deployment = withChange(DEPLOYMENT, (b) => {
      b.properties.endpointComputeType = v('compute_type');
      b.properties.requestSettings = v('settings');
      b.sku.capacity = v('instances');
    });
    expect(validateBody(ml('workspaces/onlineEndpoints/deployments'), deployment)).toEqual([]);
    expect(validateActionBody(ml('workspaces'), 'provisionManagedNetwork', { includeSpark: v('s') })).toEqual(
      [],
    );
  });
});

describe('conformance validator: synthesized stacks', () => {
  test('validateAzapiBodies names the Terraform address of each bad body, attributes included', () => {
    const stack = testStack();
    const version = STABLE;
    const ws = new AzapiResource(stack, 'ws', {
      type: ml('workspaces', version),
      name: 'ml-prod',
      parentId: RG,
      location: 'westeurope',
      identity: {
        type: 'SystemAssigned, UserAssigned',
        identityIds: [`${RG}/providers/x/userAssignedIdentities/u`],
      },
      tags: { env: 'test' },
      body: { sku: WORKSPACE.sku, properties: WORKSPACE.properties },
    });
    new AzapiResource(stack, 'good_rule', {
      type: ml('workspaces/outboundRules', version),
      name: 'pypi',
      parentId: ws.id,
      body: { properties: { type: 'FQDN', category: 'UserDefined', destination: 'pypi.org' } },
    });
    new AzapiResource(stack, 'bad_rule', {
      type: ml('workspaces/outboundRules', version),
      name: '-bad',
      parentId: ws.id,
      location: 'westeurope',
      body: { properties: { type: 'fqdn', destination: `files.${ws.outputString('x')}` } },
    });
    new AzapiResource(stack, 'endpoint', {
      type: ml('workspaces/onlineEndpoints', version),
      name: 'ep',
      parentId: ws.id,
      location: ws.outputString('location'),
      body: { properties: { authMode: 'Key', scoringUri: 'https://x' } },
    });
    new AzapiResourceAction(stack, 'provision', {
      type: ml('workspaces', version),
      resourceId: ws.id,
      action: 'provisionManagedNetwork',
      method: 'POST',
      body: { includeSpark: 'false' },
    });
    const json = synthJson(stack);
    expect(validateAzapiBodies(json)).toEqual([
      'azapi_resource.bad_rule name: string does not match pattern (expected /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/, got "-bad")',
      "azapi_resource.bad_rule location: unknown property (expected a property of Microsoft.MachineLearningServices/workspaces/outboundRules, got 'location')",
      'azapi_resource.bad_rule body.properties.type: value not allowed (expected one of "FQDN", "PrivateEndpoint", "ServiceTag", got "fqdn") — values are case-sensitive, did you mean "FQDN"?',
      'azapi_resource.endpoint body.properties.scoringUri: read-only property must not be sent (OnlineEndpointProperties.scoringUri is read-only)',
      'azapi_resource_action.provision body.includeSpark: wrong type (expected boolean, got string "false")',
    ]);
  });

  test('expectConformingBodies passes a conforming stack', () => {
    const stack = testStack();
    new AzapiResource(stack, 'ws', {
      type: ml('workspaces', PREVIEW),
      name: 'ml-prod',
      parentId: RG,
      location: 'westeurope',
      identity: { type: 'SystemAssigned' },
      body: { properties: { ...WORKSPACE.properties, ipAllowlist: ['203.0.113.0/24'] } },
    });
    expectConformingBodies(synthJson(stack));
  });

  test('loading is cached: many validations stay fast', () => {
    const start = Date.now();
    for (let i = 0; i < 200; i++) {
      for (const [resourcePath, body] of MINIMAL)
        validateBody(ml(resourcePath, i % 2 ? STABLE : PREVIEW), body);
    }
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
