/** The parts of the how-to every layout shares: the client network, the endpoint with its blue deployment, outputs. */
import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import {
  BlueDeployment,
  CodeConfiguration,
  Environment,
  IManagedVnetWorkspace,
  Model,
  SecureOnlineEndpoint,
} from '../src';

/** The network clients call the endpoint from: the workspace's inbound private endpoint lives here. */
export interface HowToNetwork {
  readonly resourceGroup: ResourceGroup;
  readonly virtualNetwork: VirtualNetwork;
  readonly subnet: Subnet;
}

/** Creates the resource group, the virtual network and the private endpoint subnet (ids are addresses: keep them). */
export function addHowToNetwork(
  scope: Construct,
  c: { readonly resourceGroupName: string; readonly location: string; readonly workspaceName: string },
): HowToNetwork {
  const resourceGroup = new ResourceGroup(scope, 'ResourceGroup', {
    name: c.resourceGroupName,
    location: c.location,
  });
  const virtualNetwork = new VirtualNetwork(scope, 'VirtualNetwork', {
    name: `vnet-${c.workspaceName}`,
    resourceGroupName: resourceGroup.name,
    location: resourceGroup.location,
    addressSpace: ['10.0.0.0/16'],
  });
  const subnet = new Subnet(scope, 'PrivateEndpointSubnet', {
    name: 'snet-private-endpoints',
    resourceGroupName: resourceGroup.name,
    virtualNetworkName: virtualNetwork.name,
    addressPrefixes: ['10.0.1.0/24'],
  });
  return { resourceGroup, virtualNetwork, subnet };
}

/** What the endpoint and its deployment are made of. */
export interface HowToEndpointOptions {
  readonly endpointName: string;
  readonly publicNetworkAccess: boolean;
  /** Instance type of the blue deployment. @default 'Standard_DS3_v2' */
  readonly instanceType?: string;
  /** Instance count of the blue deployment. @default 1 */
  readonly instanceCount?: number;
  /**
   * Whether the deployment adds the package-index outbound rules its image build needs. A split layout turns it
   * off: the workspace stack owns the workspace's rules.
   * @default true
   */
  readonly addImageBuildOutboundRules?: boolean;
}

/**
 * az ml online-endpoint create -f endpoint.yml --set public_network_access=disabled;
 * az ml online-deployment create --name blue -f blue-deployment.yml --all-traffic
 */
export function addHowToEndpoint(
  scope: Construct,
  workspace: IManagedVnetWorkspace,
  o: HowToEndpointOptions,
): { endpoint: SecureOnlineEndpoint; blue: BlueDeployment } {
  const endpoint = new SecureOnlineEndpoint(scope, 'Endpoint', {
    workspace,
    endpointName: o.endpointName,
    publicNetworkAccess: o.publicNetworkAccess,
  });
  const blue = new BlueDeployment(scope, 'Blue', {
    endpoint,
    model: Model.fromLocalPath('examples/model-1/model'),
    code: CodeConfiguration.fromLocalPath('examples/model-1/onlinescoring', 'score.py'),
    environment: Environment.fromImage('mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest', {
      condaFile: 'examples/model-1/environment/conda.yaml',
    }),
    instanceType: o.instanceType ?? 'Standard_DS3_v2',
    instanceCount: o.instanceCount ?? 1,
    addImageBuildOutboundRules: o.addImageBuildOutboundRules,
  });
  return { endpoint, blue };
}

/** The outputs: URIs, ids, and ready-to-run `az ml` commands. */
export function addHowToOutputs(
  scope: Construct,
  c: {
    readonly resourceGroupName: string;
    readonly workspaceName: string;
    readonly endpointName: string;
    readonly endpointPublicAccess: boolean;
  },
  endpoint: SecureOnlineEndpoint,
  blue: BlueDeployment,
): void {
  const target = `--resource-group ${c.resourceGroupName} --workspace-name ${c.workspaceName}`;
  new TerraformOutput(scope, 'scoring_uri', { value: endpoint.endpointScoringUri });
  new TerraformOutput(scope, 'swagger_uri', { value: endpoint.endpointSwaggerUri });
  new TerraformOutput(scope, 'endpoint_id', { value: endpoint.endpointId });
  new TerraformOutput(scope, 'deployment_id', { value: blue.deploymentId });
  new TerraformOutput(scope, 'invoke_command', {
    description: c.endpointPublicAccess
      ? 'Calls the endpoint with the sample request.'
      : 'Calls the endpoint with the sample request; run it from the virtual network (public access is disabled).',
    value:
      `az ml online-endpoint invoke --name ${c.endpointName} ${target} ` +
      '--request-file examples/model-1/sample-request.json',
  });
  new TerraformOutput(scope, 'logs_command', {
    description:
      'Reads the blue deployment logs (add --container storage-initializer for model download errors).',
    value: `az ml online-deployment get-logs --name blue --endpoint-name ${c.endpointName} ${target}`,
  });
}
