import { App, AzurermBackend, TerraformOutput, TerraformStack } from 'cdktn';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktn/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktn/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktn/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktn/provider-azurerm/lib/virtual-network';
import {
  AzapiProvider,
  BlueDeployment,
  CodeConfiguration,
  Environment,
  ManagedVnetWorkspace,
  Model,
  SecureOnlineEndpoint,
} from 'cdktn-azureml-secure-endpoint';

class MlStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Shared state in Azure Storage, read and written with your Entra ID login (no storage key).
    new AzurermBackend(this, {
      resourceGroupName: 'rg-tfstate',
      storageAccountName: 'sttfstate001',
      containerName: 'tfstate',
      key: 'ml/secure-endpoint.tfstate',
      useAzureadAuth: true,
    });
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    new AzapiProvider(this, 'azapi');

    const rg = new ResourceGroup(this, 'ResourceGroup', { name: 'rg-ml', location: 'westeurope' });
    const vnet = new VirtualNetwork(this, 'VirtualNetwork', {
      name: 'vnet-ml',
      resourceGroupName: rg.name,
      location: rg.location,
      addressSpace: ['10.0.0.0/16'],
    });
    const subnet = new Subnet(this, 'PrivateEndpointSubnet', {
      name: 'snet-private-endpoints',
      resourceGroupName: rg.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: ['10.0.1.0/24'],
    });

    const workspace = new ManagedVnetWorkspace(this, 'Workspace', {
      resourceGroup: rg,
      workspaceName: 'mlw-secure',
      inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
    });
    const endpoint = new SecureOnlineEndpoint(this, 'Endpoint', { workspace, endpointName: 'endpt-moe-1' });
    new BlueDeployment(this, 'Blue', {
      endpoint,
      model: Model.fromLocalPath('model-1/model'),
      code: CodeConfiguration.fromLocalPath('model-1/onlinescoring', 'score.py'),
      environment: Environment.fromImage('mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest', {
        condaFile: 'model-1/environment/conda.yaml',
      }),
      instanceType: 'Standard_DS3_v2',
      instanceCount: 1,
    });
    new TerraformOutput(this, 'scoring_uri', { value: endpoint.endpointScoringUri });
  }
}

const app = new App();
new MlStack(app, 'ml');
app.synth();
