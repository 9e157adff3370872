/**
 * The `module` layout: the how-to as a Terraform module. Inputs are Terraform variables, results are outputs;
 * there is no backend and no provider configuration (the caller configures both providers, so the module works
 * with `count`, `for_each` and `depends_on`); `required_providers` holds version ranges; local assets are read
 * from `path.module`.
 */
import { Fn, TerraformOutput, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import {
  AzapiProvider,
  IsolationMode,
  ManagedVnetWorkspace,
  OutboundRuleBase,
  WORKSPACE_PRIVATE_DNS_ZONES,
} from '../src';
import { addHowToEndpoint } from './how-to';

/** The provider version ranges the module accepts (the versions the library is built and validated with). */
export const MODULE_PROVIDER_RANGES = { azurerm: '>= 4.55.0, < 5.0.0', azapi: '>= 2.12.0, < 3.0.0' } as const;

type ModuleVariables = ReturnType<typeof moduleVariables>;

const ISOLATION_MODES = ['allow_only_approved_outbound', 'allow_internet_outbound'];

export class SecureEndpointModuleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const v = moduleVariables(this);
    this.declareProviders();
    const workspace = this.createWorkspace(v);
    const { endpoint, blue } = addHowToEndpoint(this, workspace, {
      endpointName: v.endpointName.stringValue,
      // Built private; endpoint_public_access picks the value below.
      publicNetworkAccess: false,
      instanceType: v.instanceType.stringValue,
      instanceCount: v.instanceCount.numberValue,
    });
    selectByVariables(v, workspace, endpoint);
    addOutputs(this, {
      workspace_id: workspace.workspaceId,
      workspace_name: workspace.workspaceName,
      endpoint_id: endpoint.endpointId,
      endpoint_name: endpoint.endpointName,
      scoring_uri: endpoint.endpointScoringUri,
      swagger_uri: endpoint.endpointSwaggerUri,
      deployment_id: blue.deploymentId,
    });
  }

  /** Providers declared for `required_providers` only: their configuration blocks are removed. */
  private declareProviders(): void {
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    new AzapiProvider(this, 'azapi');
    this.addOverride('provider', undefined);
    // No backend: cdktf would otherwise add a local one (with an absolute path); the caller keeps the state.
    this.addOverride('terraform.backend', undefined);
    this.addOverride('terraform.required_providers.azurerm.version', MODULE_PROVIDER_RANGES.azurerm);
    this.addOverride('terraform.required_providers.azapi.version', MODULE_PROVIDER_RANGES.azapi);
  }

  private createWorkspace(v: ModuleVariables): ManagedVnetWorkspace {
    const client = new DataAzurermClientConfig(this, 'ClientConfig', {});
    const workspaceName = v.workspaceName.stringValue;
    const resourceGroupName = v.resourceGroupName.stringValue;
    // Globally unique names must differ between the module's instances: derived from the group and workspace
    // names (a construct-path hash, the library's default, is the same in every instance).
    const suffix = Fn.substr(Fn.sha256(Fn.format('%s/%s', [resourceGroupName, workspaceName])), 0, 8);
    const alphanumeric = (prefix: string, length: number): string =>
      Fn.substr(
        Fn.replace(Fn.lower(Fn.format(`${prefix}%s`, [workspaceName])), '/[^a-z0-9]/', ''),
        0,
        length,
      ) + suffix;
    return new ManagedVnetWorkspace(this, 'Workspace', {
      resourceGroup: {
        id: `/subscriptions/${client.subscriptionId}/resourceGroups/${resourceGroupName}`,
        name: resourceGroupName,
        location: v.location.stringValue,
      },
      workspaceName,
      // The variable picks the value (selectByVariables); the constructs are built for the stricter mode, which
      // needs rules.
      isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
      inboundPrivateEndpoint: {
        subnet: { id: v.subnetId.stringValue },
        privateDnsZoneIds: privateDnsZoneIds(this, v, workspaceName, resourceGroupName),
      },
      associatedResourceNames: {
        storageAccount: alphanumeric('st', 16),
        keyVault: alphanumeric('kv', 16),
        containerRegistry: alphanumeric('cr', 40),
        logAnalyticsWorkspace: Fn.format('%s-log', [Fn.replace(workspaceName, '_', '-')]),
      },
    });
  }
}

/**
 * isolation_mode: the workspace body takes the variable's value; FQDN rules (the image build's package indexes)
 * and the firewall exist only under approved-outbound-only, where Azure accepts them. endpoint_public_access: the
 * endpoint's body and its traffic requests take the variable's value.
 */
function selectByVariables(
  v: ModuleVariables,
  workspace: ManagedVnetWorkspace,
  endpoint: ReturnType<typeof addHowToEndpoint>['endpoint'],
): void {
  const approvedOnly = `var.${v.isolationMode.friendlyUniqueId} == "allow_only_approved_outbound"`;
  workspace.resource.addOverride(
    'body.properties.managedNetwork.isolationMode',
    `\${${approvedOnly} ? "AllowOnlyApprovedOutbound" : "AllowInternetOutbound"}`,
  );
  workspace.resource.addOverride(
    'body.properties.managedNetwork.firewallSku',
    `\${${approvedOnly} ? "Standard" : null}`,
  );
  const publicAccess = `\${var.${v.endpointPublicAccess.friendlyUniqueId} ? "Enabled" : "Disabled"}`;
  endpoint.resource.addOverride('body.properties.publicNetworkAccess', publicAccess);
  endpoint.trafficReset?.addOverride('body.properties.publicNetworkAccess', publicAccess);
  endpoint.trafficUpdate?.addOverride('body.properties.publicNetworkAccess', publicAccess);
  for (const rule of workspace.outboundRules) {
    if (rule instanceof OutboundRuleBase) rule.resource.addOverride('count', `\${${approvedOnly} ? 1 : 0}`);
  }
}

function addOutputs(stack: TerraformStack, outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) {
    // Variables and outputs share the construct namespace; Terraform keeps them apart.
    new TerraformOutput(stack, `${name}_output`, { value }).overrideLogicalId(name);
  }
}

/**
 * The workspace's private DNS zone ids: the caller's (`private_dns_zone_ids`), or two zones created here and linked
 * to `virtual_network_id` when that variable is null (`count` 0 or 1, so one module works both ways).
 */
function privateDnsZoneIds(
  scope: Construct,
  v: ReturnType<typeof moduleVariables>,
  workspaceName: string,
  resourceGroupName: string,
): string[] {
  const create = `var.${v.privateDnsZoneIds.friendlyUniqueId} == null ? 1 : 0`;
  const created = WORKSPACE_PRIVATE_DNS_ZONES.map((zoneName, index) => {
    const id = index === 0 ? 'ApiZone' : 'NotebooksZone';
    const zone = new PrivateDnsZone(scope, id, { name: zoneName, resourceGroupName });
    zone.addOverride('count', `\${${create}}`);
    const link = new PrivateDnsZoneVirtualNetworkLink(scope, `${id}Link`, {
      name: Fn.format('%s-link', [workspaceName]),
      resourceGroupName,
      privateDnsZoneName: zoneName,
      virtualNetworkId: v.virtualNetworkId.stringValue,
      registrationEnabled: false,
    });
    link.addOverride('count', `\${${create}}`);
    link.addOverride('depends_on', [`azurerm_private_dns_zone.${zone.friendlyUniqueId}`]);
    return `one(azurerm_private_dns_zone.${zone.friendlyUniqueId}[*].id)`;
  });
  const given = `var.${v.privateDnsZoneIds.friendlyUniqueId}`;
  return Token.asList(`\${${given} != null ? ${given} : [${created.join(', ')}]}`);
}

/** The module's variables. */
function moduleVariables(scope: Construct) {
  const text = (id: string, description: string, defaultValue?: string) =>
    new TerraformVariable(scope, id, { type: 'string', description, default: defaultValue, nullable: false });
  const isolationMode = text(
    'isolation_mode',
    'Outbound isolation of the managed network: allow_only_approved_outbound or allow_internet_outbound.',
    'allow_only_approved_outbound',
  );
  isolationMode.addValidation({
    condition: `\${contains(${JSON.stringify(ISOLATION_MODES)}, var.isolation_mode)}`,
    errorMessage: `isolation_mode must be one of ${ISOLATION_MODES.join(', ')}.`,
  });
  const privateDnsZoneIds = new TerraformVariable(scope, 'private_dns_zone_ids', {
    type: 'list(string)',
    description:
      'Ids of existing privatelink.api.azureml.ms and privatelink.notebooks.azure.net private DNS zones; ' +
      'null to create both zones in the resource group, linked to virtual_network_id.',
  });
  // `default: null` makes the variable optional; cdktf's config cannot carry a null, an override can.
  privateDnsZoneIds.addOverride('default', null);
  const virtualNetworkId = new TerraformVariable(scope, 'virtual_network_id', {
    type: 'string',
    description:
      'Virtual network the created private DNS zones are linked to (when private_dns_zone_ids is null).',
  });
  virtualNetworkId.addOverride('default', null);
  virtualNetworkId.addValidation({
    condition: '${var.private_dns_zone_ids != null || var.virtual_network_id != null}',
    errorMessage: 'Set private_dns_zone_ids (existing zones) or virtual_network_id (to create the zones in).',
  });
  const instanceCount = new TerraformVariable(scope, 'instance_count', {
    type: 'number',
    description: 'Instances of the blue deployment.',
    default: 1,
    nullable: false,
  });
  instanceCount.addValidation({
    condition: '${var.instance_count >= 1 && floor(var.instance_count) == var.instance_count}',
    errorMessage: 'instance_count must be a whole number of at least 1.',
  });
  return {
    resourceGroupName: text(
      'resource_group_name',
      'Existing resource group of the workspace and the endpoint.',
    ),
    location: text('location', 'Azure region of the workspace and the endpoint.'),
    workspaceName: text('workspace_name', 'Workspace name (3 to 33 letters, digits, _ and -).'),
    endpointName: text('endpoint_name', 'Online endpoint name, unique in the region.'),
    subnetId: text('private_endpoint_subnet_id', "Subnet of the workspace's inbound private endpoint."),
    privateDnsZoneIds,
    virtualNetworkId,
    isolationMode,
    endpointPublicAccess: new TerraformVariable(scope, 'endpoint_public_access', {
      type: 'bool',
      description: "Whether the endpoint's scoring URI is reachable from public networks.",
      default: false,
      nullable: false,
    }),
    instanceType: text('instance_type', 'VM size of the blue deployment.', 'Standard_DS3_v2'),
    instanceCount,
  };
}
