/**
 * A synthesized stack (cdk.tf.json) as the ARM resources it becomes: azapi resources from their bodies, azurerm
 * resources through `azurerm.ts`, and the properties and child resources other Terraform resources set
 * (private endpoint connections, diagnostic settings, a network's subnets and flow logs, network rules and keys
 * of a storage account, azapi_update_resource patches). Something Azure may add on its own is marked so that a
 * rule depending on it is undecidable, not compliant.
 */
import { AZURERM, Args, armBody, block, setPath, storageNetworkRulesResource } from './azurerm';
import { known, referenceOf, Unknown } from './values';

export interface ArmResource {
  /** The Terraform address the resource comes from (with a suffix for a second view of one resource). */
  readonly address: string;
  readonly type: string;
  readonly apiVersion: string;
  readonly name: unknown;
  readonly location: unknown;
  /** The ARM JSON a GET returns, as far as the stack tells: `properties`, `sku`, `kind`... */
  readonly body: Record<string, unknown>;
  /** The resource group's ARM body (`managedBy`), or Unknown when it is not in the stack. */
  readonly resourceGroup: unknown;
  /** Child and extension resources (diagnostic settings, private endpoint connections, DNS zone groups). */
  readonly children: ArmResource[];
  /** Child types Azure may create on its own for this resource, with why. */
  readonly azureMayCreate: Record<string, string>;
}

type Blocks = Record<string, Record<string, Args>>;

export interface TerraformJson {
  readonly resource?: Blocks;
  readonly [key: string]: unknown;
}

const stripVersion = (t: string): [string, string] => {
  const [type, version] = t.split('@');
  return [type, version ?? ''];
};

/** Reads a stack's Terraform JSON into ARM resources (children hang under their parent). */
export function armResources(json: TerraformJson): ArmResource[] {
  const blocks: Blocks = json.resource ?? {};
  const byAddress = new Map<string, ArmResource>();
  const resolve = (v: unknown, what: string): unknown => literalOf(blocks, v, what);
  const groups = new Map<string, unknown>();
  for (const [name, args] of Object.entries(blocks.azurerm_resource_group ?? {})) {
    groups.set(`azurerm_resource_group.${name}`, armBody(AZURERM.azurerm_resource_group, args));
  }
  const groupOf = (args: Args): unknown => {
    const ref = referenceOf(args.resource_group_name ?? args.parent_id);
    if (ref?.type === 'azurerm_resource_group') return groups.get(`${ref.type}.${ref.name}`);
    if (ref?.type === 'azapi_resource') return byAddress.get(`${ref.type}.${ref.name}`)?.resourceGroup;
    return new Unknown('the resource group is not in the stack');
  };
  const add = (
    address: string,
    r: Omit<ArmResource, 'address' | 'children' | 'azureMayCreate'>,
  ): ArmResource => {
    const resource: ArmResource = { address, ...r, children: [], azureMayCreate: {} };
    byAddress.set(address, resource);
    return resource;
  };

  // azapi resources in dependency order (parents first), so a child finds its parent's resource group.
  const azapi = Object.entries(blocks.azapi_resource ?? {});
  azapi.sort(([, a], [, b]) => String(a.type).split('/').length - String(b.type).split('/').length);
  for (const [name, args] of azapi) {
    const [type, apiVersion] = stripVersion(String(args.type));
    const body = structuredClone((args.body ?? {}) as Record<string, unknown>);
    if (args.identity !== undefined) body.identity = args.identity;
    add(`azapi_resource.${name}`, {
      type,
      apiVersion,
      name: resolve(args.name, 'the name'),
      location: resolve(args.location, 'the location'),
      body: deepKnown(body, `the body of azapi_resource.${name}`),
      resourceGroup: groupOf(args),
    });
  }
  for (const [tfType, mapping] of Object.entries(AZURERM)) {
    if (tfType === 'azurerm_resource_group') continue;
    for (const [name, args] of Object.entries(blocks[tfType] ?? {})) {
      add(`${tfType}.${name}`, {
        type: mapping.armType,
        apiVersion: mapping.apiVersion,
        name: resolve(args.name, 'the name'),
        location: resolve(args.location, 'the location'),
        body: armBody(mapping, args),
        resourceGroup: groupOf(args),
      });
    }
  }

  const target = (v: unknown): ArmResource | undefined => {
    const ref = referenceOf(v);
    return ref === undefined ? undefined : byAddress.get(`${ref.type}.${ref.name}`);
  };
  const properties = (r: ArmResource): Record<string, unknown> =>
    (r.body.properties ??= {}) as Record<string, unknown>;
  const pushTo = (r: ArmResource, key: string, item: unknown): void => {
    const p = properties(r);
    p[key] = [...((p[key] as unknown[] | undefined) ?? []), item];
  };

  // Diagnostic settings written as azapi resources: extensions of their parent, as the azurerm ones below.
  for (const [name, args] of azapi) {
    const setting = byAddress.get(`azapi_resource.${name}`);
    const parent = target(args.parent_id);
    if (setting?.type === 'Microsoft.Insights/diagnosticSettings' && parent !== undefined)
      parent.children.push(setting);
  }
  // azapi_update_resource: its body is merged into the resource it updates.
  for (const [, args] of Object.entries(blocks.azapi_update_resource ?? {})) {
    const r = target(args.resource_id);
    if (r !== undefined) mergeInto(r.body, deepKnown(args.body as Record<string, unknown>, 'an update body'));
  }
  // Separate resources that write a storage account's properties.
  for (const [, args] of Object.entries(blocks.azurerm_storage_account_network_rules ?? {})) {
    const r = target(args.storage_account_id);
    if (r !== undefined) properties(r).networkAcls = storageNetworkRulesResource(args);
  }
  for (const [, args] of Object.entries(blocks.azurerm_storage_account_customer_managed_key ?? {})) {
    const r = target(args.storage_account_id);
    if (r !== undefined) setPath(r.body, 'properties.encryption.keySource', 'Microsoft.Keyvault');
  }
  // Private endpoints: an automatic connection is approved on the target (a child resource, and the target's
  // privateEndpointConnections); the DNS zone group is the endpoint's child.
  for (const [name, args] of Object.entries(blocks.azurerm_private_endpoint ?? {})) {
    const pe = byAddress.get(`azurerm_private_endpoint.${name}`);
    const dns = block(args, 'private_dns_zone_group');
    if (pe !== undefined && dns !== undefined) {
      pe.children.push(child(pe, 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups', dns.name, {}));
    }
    for (const c of [args.private_service_connection].flat() as Args[]) {
      const r = target(c?.private_connection_resource_id);
      if (r === undefined || c.is_manual_connection === true) continue;
      const connection = { properties: { privateLinkServiceConnectionState: { status: 'Approved' } } };
      pushTo(r, 'privateEndpointConnections', connection);
      r.children.push(child(r, `${r.type}/privateEndpointConnections`, c.name, connection));
    }
  }
  // Diagnostic settings: extension resources of their target.
  for (const [name, args] of Object.entries(blocks.azurerm_monitor_diagnostic_setting ?? {})) {
    const r = target(args.target_resource_id);
    if (r === undefined) continue;
    const logs = ([args.enabled_log ?? []].flat() as Args[]).map((l) => ({
      ...(l.category !== undefined ? { category: l.category } : {}),
      ...(l.category_group !== undefined ? { categoryGroup: l.category_group } : {}),
      enabled: true,
    }));
    const metrics = ([args.enabled_metric ?? []].flat() as Args[]).map((m) => ({
      category: m.category,
      enabled: true,
    }));
    const setting = child(r, 'Microsoft.Insights/diagnosticSettings', args.name, {
      properties: {
        logs,
        metrics,
        ...(args.log_analytics_workspace_id !== undefined
          ? { workspaceId: known(args.log_analytics_workspace_id, 'log_analytics_workspace_id') }
          : {}),
        ...(args.storage_account_id !== undefined
          ? { storageAccountId: known(args.storage_account_id, 'storage_account_id') }
          : {}),
      },
    });
    r.children.push({ ...setting, address: `azurerm_monitor_diagnostic_setting.${name}` });
  }
  // A network's subnets (azurerm_subnet by virtual_network_name) and flow logs.
  const networks = [...byAddress.values()].filter((r) => r.type === 'Microsoft.Network/virtualNetworks');
  for (const network of networks) {
    properties(network).subnets = [];
    properties(network).flowLogs = [];
  }
  for (const [name, args] of Object.entries(blocks.azurerm_virtual_network ?? {})) {
    // Inline subnet blocks (azurerm writes them with the network).
    const network = byAddress.get(`azurerm_virtual_network.${name}`);
    for (const inline of [args.subnet ?? []].flat() as Args[]) {
      if (network === undefined) continue;
      const access = inline.default_outbound_access_enabled ?? true;
      pushTo(network, 'subnets', {
        name: known(inline.name, 'a subnet name'),
        properties: {
          defaultOutboundAccess: known(access, 'subnet.default_outbound_access_enabled'),
          ipConfigurations: new Unknown('Azure lists the network interfaces in a subnet (ipConfigurations)'),
        },
      });
    }
  }
  for (const [name, args] of Object.entries(blocks.azurerm_subnet ?? {})) {
    const subnet = byAddress.get(`azurerm_subnet.${name}`);
    // By reference, or by the literal name of a network of the stack.
    const network =
      target(args.virtual_network_name) ?? networks.find((n) => n.name === args.virtual_network_name);
    if (subnet !== undefined && network !== undefined) {
      pushTo(network, 'subnets', { name: subnet.name, ...subnet.body });
    }
  }
  for (const [, args] of Object.entries(blocks.azurerm_subnet_route_table_association ?? {})) {
    const subnet = target(args.subnet_id);
    if (subnet !== undefined)
      properties(subnet).routeTable = { id: known(args.route_table_id, 'route_table_id') };
  }
  for (const [, args] of Object.entries(blocks.azurerm_network_watcher_flow_log ?? {})) {
    const network = target(args.target_resource_id);
    if (network !== undefined) pushTo(network, 'flowLogs', { id: 'flow log' });
  }
  markManagedNetworkEndpoints(byAddress, blocks);
  return [...byAddress.values()];
}

/**
 * A workspace with a managed network gets private endpoints from its managed network to its storage account,
 * key vault and registry when the network is provisioned (Azure ML "Managed virtual network isolation":
 * required outbound rules). Azure creates them, so the stack cannot tell: a rule on those connections is
 * undecidable unless the stack makes one of its own.
 */
function markManagedNetworkEndpoints(byAddress: Map<string, ArmResource>, blocks: Blocks): void {
  for (const [name, args] of Object.entries(blocks.azapi_resource ?? {})) {
    if (stripVersion(String(args.type))[0] !== 'Microsoft.MachineLearningServices/workspaces') continue;
    const props = ((args.body as Args | undefined)?.properties ?? {}) as Args;
    const mode = (props.managedNetwork as Args | undefined)?.isolationMode;
    if (byAddress.get(`azapi_resource.${name}`) === undefined || mode === undefined || mode === 'Disabled')
      continue;
    for (const key of ['storageAccount', 'keyVault', 'containerRegistry']) {
      const ref = referenceOf(props[key]);
      const associated = ref === undefined ? undefined : byAddress.get(`${ref.type}.${ref.name}`);
      if (associated === undefined) continue;
      const why = `the workspace's managed network creates a private endpoint to it when provisioned (Azure creates it)`;
      associated.azureMayCreate[`${associated.type}/privateEndpointConnections`] = why;
      const p = (associated.body.properties ??= {}) as Record<string, unknown>;
      p.privateEndpointConnections = [
        ...((p.privateEndpointConnections as unknown[] | undefined) ?? []),
        new Unknown(why),
      ];
    }
  }
}

function child(parent: ArmResource, type: string, name: unknown, body: Record<string, unknown>): ArmResource {
  return {
    address: `${parent.address} ${type.split('/').pop()} ${String(name)}`,
    type,
    apiVersion: parent.apiVersion,
    name,
    location: parent.location,
    body,
    resourceGroup: parent.resourceGroup,
    children: [],
    azureMayCreate: {},
  };
}

/** A literal argument, or one a reference names in the stack (`${azurerm_resource_group.x.location}`). */
function literalOf(blocks: Blocks, v: unknown, what: string): unknown {
  const ref = referenceOf(v);
  if (ref !== undefined) {
    const referenced = blocks[ref.type]?.[ref.name]?.[ref.attribute];
    if (referenced !== undefined && referenceOf(referenced) === undefined) return known(referenced, what);
  }
  return known(v, what);
}

/** Every Terraform expression in a body becomes Unknown, naming where it is. */
function deepKnown<T>(v: T, what: string): T {
  if (Array.isArray(v)) return v.map((x) => deepKnown(x, what)) as T;
  if (v !== null && typeof v === 'object' && !(v instanceof Unknown)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepKnown(x, `${what}.${k}`)])) as T;
  }
  return known(v, what) as T;
}

function mergeInto(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(patch ?? {})) {
    const t = target[k];
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof t === 'object' && t !== null) {
      mergeInto(t as Record<string, unknown>, v as Record<string, unknown>);
    } else target[k] = v;
  }
}

/**
 * The data-plane view of online deployments (policy mode Microsoft.MachineLearningServices.v2.Data): the model a
 * deployment serves, by asset id, and its registry when it comes from one.
 */
export function dataPlaneViews(resources: readonly ArmResource[], json: TerraformJson): ArmResource[] {
  const blocks: Blocks = json.resource ?? {};
  return resources
    .filter((r) => r.type === 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments')
    .map((r) => {
      const tfName = r.address.split('.')[1];
      const raw = (
        (blocks.azapi_resource?.[tfName]?.body as Args | undefined)?.properties as Args | undefined
      )?.model;
      const ref = referenceOf(raw);
      let model: Record<string, unknown>;
      if (typeof raw === 'string' && ref === undefined && !raw.includes('${')) {
        const registry = /^azureml:\/\/registries\/([^/]+)\//.exec(raw);
        model = { assetId: raw, ...(registry !== null ? { registryName: registry[1] } : {}) };
      } else if (
        ref !== undefined &&
        String(blocks[ref.type]?.[ref.name]?.type).includes('/workspaces/models/')
      ) {
        // A model version of the workspace itself: not from a registry.
        model = { assetId: new Unknown(`the model id is the Terraform expression ${String(raw)}`) };
      } else
        model = {
          assetId: new Unknown('the model is a Terraform expression'),
          registryName: new Unknown('the model is a Terraform expression'),
        };
      return {
        ...r,
        address: `${r.address} (data plane)`,
        type: 'Microsoft.MachineLearningServices.v2.Data/workspaces/deployments',
        body: { model },
        children: [],
        azureMayCreate: {},
      };
    });
}
