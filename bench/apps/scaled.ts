/**
 * A scaled stack: BENCH_ENDPOINTS endpoints on one managed-network workspace, each with a blue deployment taking
 * all traffic and a green one, all from the how-to's model, code and environment. Prints the milliseconds spent
 * constructing and synthesizing (module loading excluded), which the benchmark reads to check linear growth.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import {
  AzapiProvider,
  BlueDeployment,
  CodeConfiguration,
  Environment,
  ManagedVnetWorkspace,
  Model,
  SecureOnlineEndpoint,
} from '../../src';

const start = process.hrtime.bigint();
const count = Number(process.env.BENCH_ENDPOINTS ?? '1');
const app = new App();
const stack = new TerraformStack(app, 'scaled');
new LocalBackend(stack, { path: 'terraform.tfstate' });
new AzurermProvider(stack, 'azurerm', { features: [{}] });
new AzapiProvider(stack, 'azapi');
const resourceGroup = new ResourceGroup(stack, 'ResourceGroup', { name: 'rg-bench', location: 'westeurope' });
const virtualNetwork = new VirtualNetwork(stack, 'VirtualNetwork', {
  name: 'vnet-bench',
  resourceGroupName: resourceGroup.name,
  location: resourceGroup.location,
  addressSpace: ['10.0.0.0/16'],
});
const subnet = new Subnet(stack, 'PrivateEndpointSubnet', {
  name: 'snet-private-endpoints',
  resourceGroupName: resourceGroup.name,
  virtualNetworkName: virtualNetwork.name,
  addressPrefixes: ['10.0.1.0/24'],
});
const workspace = new ManagedVnetWorkspace(stack, 'Workspace', {
  resourceGroup,
  workspaceName: 'mlw-bench',
  inboundPrivateEndpoint: { subnet, virtualNetwork },
});
const sources = {
  model: Model.fromLocalPath('examples/model-1/model'),
  code: CodeConfiguration.fromLocalPath('examples/model-1/onlinescoring', 'score.py'),
  environment: Environment.fromImage('mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest', {
    condaFile: 'examples/model-1/environment/conda.yaml',
  }),
};
for (let i = 1; i <= count; i++) {
  const endpoint = new SecureOnlineEndpoint(stack, `Endpoint${i}`, {
    workspace,
    endpointName: `endpt-bench-${i}`,
  });
  new BlueDeployment(stack, `Blue${i}`, { endpoint, ...sources });
  endpoint.addDeployment('Green', sources);
}
app.synth();
process.stdout.write(`synth-ms ${Number(process.hrtime.bigint() - start) / 1e6}\n`);
