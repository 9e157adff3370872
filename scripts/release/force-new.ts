/**
 * `npm run compat:force-new`: writes `__tests__/support/azurerm-force-new.json`, the arguments of each azurerm
 * resource type in the last release's stacks whose change makes Terraform replace the resource (ForceNew).
 *
 * `terraform providers schema -json` does not carry ForceNew, so this asks the provider itself: for each resource
 * type, one resource whose prior state holds the release's values (references replaced by literals of the right
 * shape) and whose configuration changes every argument the release sets, planned with `-refresh=false`; the
 * plan's `replace_paths` are the arguments that force a new resource. The provider is configured against a local
 * stand-in for Azure's metadata, token and provider-list endpoints (nothing else is called: no refresh, no apply).
 * Run it when the azurerm pin changes, with the providers of `terraform-providers/mirror.sh` (TF_CLI_CONFIG_FILE);
 * it needs `terraform`, `openssl` and the provider versions the packages pin.
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, '__tests__', 'fixtures', 'last-release');
const OUT = path.join(ROOT, '__tests__', 'support', 'azurerm-force-new.json');
/** The azurerm versions the two editions pin (@cdktf/provider-azurerm 14.23.1, @cdktn/provider-azurerm 16.1.0). */
const VERSIONS = ['4.55.0', '4.73.0'];
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const RG = `${SUB}/resourceGroups/rg1`;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Body = Record<string, Json>;

/** Literals for arguments the release sets from a reference, by argument name (valid for the provider's checks). */
const LITERALS: Record<string, Json> = {
  location: 'westeurope',
  resource_group_name: 'rg1',
  virtual_network_name: 'vnet1',
  storage_account_name: 'storage1',
  storage_container_name: 'container1',
  private_dns_zone_name: 'privatelink.api.azureml.ms',
  tenant_id: '00000000-0000-0000-0000-0000000000aa',
  subnet_id: `${RG}/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/snet1`,
  virtual_network_id: `${RG}/providers/Microsoft.Network/virtualNetworks/vnet1`,
  workspace_id: `${RG}/providers/Microsoft.OperationalInsights/workspaces/law1`,
  log_analytics_workspace_id: `${RG}/providers/Microsoft.OperationalInsights/workspaces/law1`,
  target_resource_id: `${RG}/providers/Microsoft.MachineLearningServices/workspaces/mlw1/onlineEndpoints/ep1`,
  private_connection_resource_id: `${RG}/providers/Microsoft.MachineLearningServices/workspaces/mlw1`,
  private_dns_zone_ids: [`${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms`],
  // The hardened layout's customer-managed key, identities, grants, private link scope and exemptions.
  key_vault_id: `${RG}/providers/Microsoft.KeyVault/vaults/kv1`,
  key_vault_key_id: 'https://kv1.vault.azure.net/keys/key1',
  user_assigned_identity_id: `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1`,
  identity_ids: [`${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1`],
  principal_id: '00000000-0000-0000-0000-0000000000cc',
  identity_client_id: '00000000-0000-0000-0000-0000000000dd',
  scope: `${RG}/providers/Microsoft.Storage/storageAccounts/storage1`,
  scope_name: 'ampls1',
  linked_resource_id: `${RG}/providers/Microsoft.Insights/components/appi1`,
  storage_account_ids: [`${RG}/providers/Microsoft.Storage/storageAccounts/storage1`],
  policy_assignment_id: `${SUB}/providers/Microsoft.Authorization/policyAssignments/assignment1`,
  resource_id: `${RG}/providers/Microsoft.MachineLearningServices/workspaces/mlw1/computes/cluster1`,
};

/** A different value of the same kind that passes the provider's validation, for enum-like values. */
const SWAPS: Record<string, string> = {
  westeurope: 'northeurope',
  web: 'other',
  Premium: 'Standard',
  Standard: 'Premium',
  standard: 'premium',
  AzureServices: 'None',
  Deny: 'Allow',
  PerGB2018: 'PerNode',
  Dedicated: 'AzureDiagnostics',
  StorageV2: 'BlockBlobStorage',
  LRS: 'GRS',
  TLS1_2: 'TLS1_0',
  Block: 'Page',
  premium: 'standard',
  Account: 'Service',
  Log: 'Block',
  Query: 'CustomLogs',
  Mitigated: 'Waiver',
  PrivateOnly: 'Open',
  SystemAssigned: 'UserAssigned',
  UserAssigned: 'SystemAssigned',
  RSA: 'RSA-HSM',
  wrapKey: 'encrypt',
  unwrapKey: 'decrypt',
};

/** Numbers whose neighbours are not valid values (RSA key sizes). */
const NUMBER_SWAPS: Record<number, number> = { 2048: 3072, 3072: 4096, 4096: 3072 };

/** Replaces references (`${...}`) with literals; `undefined` when an argument cannot be given a literal. */
function literal(name: string, value: Json): Json | undefined {
  if (typeof value === 'string' && value.includes('${')) {
    if (name === 'source') return sourceFile();
    return LITERALS[name];
  }
  if (Array.isArray(value)) {
    if (value.some((v) => typeof v === 'string' && v.includes('${'))) return LITERALS[name];
    const items = value.map((v) => literal(name, v));
    return items.every((i) => i !== undefined) ? (items as Json[]) : undefined;
  }
  if (value !== null && typeof value === 'object') return literalBody(value);
  return value;
}

function literalBody(body: Body): Body {
  const out: Body = {};
  for (const [key, value] of Object.entries(body)) {
    if (['//', 'lifecycle', 'depends_on', 'provider', 'count', 'for_each', 'timeouts'].includes(key))
      continue;
    const v = literal(key, value);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

let sourcePath = '';
function sourceFile(): string {
  return sourcePath;
}

/** Every leaf changed to another valid value of its kind. */
function mutate(value: Json): Json {
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'number') return NUMBER_SWAPS[value] ?? (value >= 90 ? value - 1 : value + 1);
  if (typeof value === 'string') {
    if (value in SWAPS) return SWAPS[value];
    if (/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(value))
      return value.replace(/^(\d+\.\d+\.)(\d+)/, (_, a, b) => a + (+b + 2));
    if (/^[0-9a-f-]{36}$/.test(value)) return value.slice(0, -1) + (value.endsWith('a') ? 'b' : 'a');
    if (value === sourcePath) return `${sourcePath}.2`;
    if (value.startsWith('privatelink.')) return value.replace('privatelink.', 'privatelink.x');
    // ISO 8601 durations (a key's rotation policy): one more of the same unit.
    const duration = /^P(\d+)([DMY])$/.exec(value);
    if (duration !== null) return `P${+duration[1] + 1}${duration[2]}`;
    // Same length and alphabet (names have length limits): the last character changed.
    const last = value.slice(-1);
    return value.slice(0, -1) + (/\d/.test(last) ? String((+last + 1) % 10) : last === 'a' ? 'b' : 'a');
  }
  if (Array.isArray(value)) return value.map(mutate);
  if (value !== null && typeof value === 'object') {
    const changed: Body = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mutate(v)]));
    // A manual private link connection needs a request message (azurerm 4.73 refuses one without).
    if (changed.is_manual_connection === true) changed.request_message = 'probe';
    return changed;
  }
  return value;
}

/**
 * The state form of a configuration body: nested blocks written as one object become one-element lists, at every
 * depth (a key's `rotation_policy.automatic`).
 */
function asState(body: Body, block: SchemaBlock): Body {
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => {
      const nested = block.block_types?.[k]?.block;
      if (nested === undefined || v === null || typeof v !== 'object') return [k, v];
      const items = (Array.isArray(v) ? v : [v]).map((item) =>
        item !== null && typeof item === 'object' && !Array.isArray(item) ? asState(item, nested) : item,
      );
      return [k, items];
    }),
  );
}

const rank = (file: string): number => (file.includes('/module/') ? 2 : file.includes('/hardened/') ? 1 : 0);

/** One resource of each azurerm type in the release's stacks (the first found), as literals. */
function baselines(): Map<string, Body> {
  const found = new Map<string, Body>();
  const stacks = execFileSync('find', [FIXTURES, '-name', 'cdk.tf.json'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    // The module layout's names come from variables: the other layouts' literal names first. The hardened
    // layout last but for module: a type the others have keeps the baseline it was probed with before.
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const file of stacks) {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      resource?: Record<string, Record<string, Body>>;
    };
    for (const [type, resources] of Object.entries(json.resource ?? {})) {
      if (!type.startsWith('azurerm_') || found.has(type)) continue;
      found.set(type, literalBody(Object.values(resources)[0]));
    }
  }
  return found;
}

interface Stand {
  readonly dir: string;
  readonly metadataHost: string;
  readonly msiEndpoint: string;
  close(): void;
}

/** Azure's metadata (HTTPS, a throw-away certificate), a managed-identity token and an empty provider list. */
async function standIn(dir: string): Promise<Stand> {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'key.pem',
      '-out',
      'cert.pem',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const claims = { oid: '00000000-0000-0000-0000-000000000001', tid: '00000000-0000-0000-0000-0000000000aa' };
  const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, exp: 4102444800 })}.x`;
  let base = '';
  const handler: http.RequestListener = (req, res) => {
    res.setHeader('content-type', 'application/json');
    const url = req.url ?? '';
    if (url.includes('/metadata/endpoints')) {
      res.end(
        JSON.stringify({
          name: 'AzureCloud',
          portal: base,
          resourceManager: `${base}/`,
          microsoftGraphResourceId: `${base}/`,
          graph: `${base}/`,
          authentication: {
            loginEndpoint: base,
            audiences: ['https://management.azure.com/'],
            tenant: 'common',
            identityProvider: 'AAD',
          },
          suffixes: {
            keyVaultDns: 'vault.azure.net',
            storage: 'core.windows.net',
            acrLoginServer: 'azurecr.io',
          },
        }),
      );
    } else if (url.includes('/token')) {
      res.end(
        JSON.stringify({
          access_token: token,
          expires_on: '4102444800',
          expires_in: '3600',
          token_type: 'Bearer',
        }),
      );
    } else if (url.includes('/providers?')) {
      res.end(JSON.stringify({ value: [] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  };
  const tls = https.createServer(
    { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) },
    handler,
  );
  const plain = http.createServer(handler);
  const listen = (s: http.Server): Promise<number> =>
    new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as { port: number }).port)));
  const tlsPort = await listen(tls);
  const plainPort = await listen(plain);
  base = `https://127.0.0.1:${tlsPort}`;
  return {
    dir,
    metadataHost: `127.0.0.1:${tlsPort}`,
    msiEndpoint: `http://127.0.0.1:${plainPort}/metadata/identity/oauth2/token`,
    close: () => {
      tls.close();
      plain.close();
    },
  };
}

interface SchemaBlock {
  readonly block_types?: Record<string, { readonly block: SchemaBlock }>;
}

interface Schema {
  readonly version: number;
  readonly block: SchemaBlock;
}

/** The arguments that force a new resource, per type, for one provider version. */
async function probe(
  version: string,
  stand: Stand,
  found: Map<string, Body>,
): Promise<Record<string, string[]>> {
  const dir = fs.mkdtempSync(path.join(stand.dir, `azurerm-${version}-`));
  const provider = {
    features: [{}],
    subscription_id: '00000000-0000-0000-0000-000000000000',
    tenant_id: '00000000-0000-0000-0000-0000000000aa',
    use_cli: false,
    use_msi: true,
    msi_endpoint: stand.msiEndpoint,
    metadata_host: stand.metadataHost,
    resource_provider_registrations: 'none',
  };
  const terraform = { required_providers: { azurerm: { source: 'hashicorp/azurerm', version } } };
  fs.writeFileSync(
    path.join(dir, 'main.tf.json'),
    JSON.stringify({ terraform, provider: { azurerm: provider } }),
  );
  const env = { ...process.env, SSL_CERT_FILE: path.join(stand.dir, 'cert.pem'), CHECKPOINT_DISABLE: '1' };
  // Asynchronous: the stand-in answers from this process while terraform runs.
  const tf = (...args: string[]): Promise<string> =>
    new Promise((resolve, reject) => {
      const child = spawn('terraform', args, { cwd: dir, env });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('close', (code) => {
        const stdout = Buffer.concat(out).toString('utf8');
        if (code === 0) resolve(stdout);
        else
          reject(
            new Error(`terraform ${args.join(' ')} (azurerm ${version}):\n${Buffer.concat(err)}${stdout}`),
          );
      });
    });
  await tf('init', '-backend=false', '-input=false', '-no-color');
  const schemas = (
    JSON.parse(await tf('providers', 'schema', '-json')) as {
      provider_schemas: Record<string, { resource_schemas: Record<string, Schema> }>;
    }
  ).provider_schemas['registry.terraform.io/hashicorp/azurerm'].resource_schemas;

  const resources: Record<string, Record<string, Body>> = {};
  const state: object[] = [];
  for (const [type, body] of found) {
    const schema = schemas[type];
    resources[type] = { probe: mutate(body) as Body };
    const id = `${RG}/providers/Probe/${type}/probe`;
    state.push({
      mode: 'managed',
      type,
      name: 'probe',
      provider: 'provider["registry.terraform.io/hashicorp/azurerm"]',
      instances: [{ schema_version: schema.version, attributes: { ...asState(body, schema.block), id } }],
    });
  }
  fs.writeFileSync(
    path.join(dir, 'main.tf.json'),
    JSON.stringify({ terraform, provider: { azurerm: provider }, resource: resources }),
  );
  fs.writeFileSync(
    path.join(dir, 'terraform.tfstate'),
    JSON.stringify({
      version: 4,
      terraform_version: '1.11.4',
      serial: 1,
      lineage: 'probe',
      outputs: {},
      resources: state,
    }),
  );
  await tf('plan', '-refresh=false', '-input=false', '-no-color', '-out=plan.bin');
  const plan = JSON.parse(await tf('show', '-json', 'plan.bin')) as {
    resource_changes: Array<{
      type: string;
      change: { actions: string[]; replace_paths?: Array<Array<string | number>> };
    }>;
  };
  const out: Record<string, string[]> = {};
  for (const change of plan.resource_changes) {
    const changed = change.change.actions.join(',');
    if (changed === 'no-op') throw new Error(`${change.type}: the changed configuration planned no change`);
    const paths = (change.change.replace_paths ?? []).map((p) =>
      p.filter((s) => typeof s === 'string').join('.'),
    );
    out[change.type] = [...new Set(paths)].sort();
  }
  return out;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'force-new-'));
  sourcePath = path.join(dir, 'blob.txt');
  fs.writeFileSync(sourcePath, 'probe');
  fs.writeFileSync(`${sourcePath}.2`, 'probe 2');
  const stand = await standIn(dir);
  try {
    const found = baselines();
    const byVersion: Array<Record<string, string[]>> = [];
    for (const v of VERSIONS) byVersion.push(await probe(v, stand, found));
    const types = [...found.keys()].sort();
    const table: Record<string, { forceNew: string[]; probed: string[] }> = {};
    for (const type of types) {
      const union = [...new Set(byVersion.flatMap((v) => v[type] ?? []))].sort();
      const probed = Object.keys(found.get(type) ?? {}).sort();
      table[type] = { forceNew: union, probed };
    }
    const out = {
      $comment: [
        'Generated by `npm run compat:force-new` (scripts/release/force-new.ts); do not edit by hand.',
        `Source: plans of hashicorp/azurerm ${VERSIONS.join(' and ')} (the versions the editions pin): the`,
        "replace_paths of a change of every argument the last release's stacks set. forceNew: the arguments",
        '(dotted paths of nested blocks) whose change replaces the resource; probed: the top-level arguments',
        'that were changed. Read by __tests__/support/compatibility.ts.',
      ].join(' '),
      providerVersions: VERSIONS,
      resourceTypes: table,
    };
    fs.writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
    // In the repository's format, so `npm run lint` passes on the generated file.
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'prettier'), ['--write', OUT], { stdio: 'ignore' });
    process.stdout.write(
      `compat:force-new: ${types.length} resource types written to ${path.relative(ROOT, OUT)}\n`,
    );
  } finally {
    stand.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`compat:force-new: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
