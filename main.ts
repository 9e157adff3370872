import { App, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { AzapiProvider } from './src';

/** The how-to "Secure your managed online endpoints with network isolation", as a cdktf stack. */
export class SecureEndpointHowToStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // An explicit backend keeps cdktf from writing an absolute state path into cdk.tf.json.
    new LocalBackend(this, { path: 'terraform.tfstate' });
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    new AzapiProvider(this, 'azapi');
    new ResourceGroup(this, 'ResourceGroup', { name: 'rg-secure-endpoint', location: 'westeurope' });
  }
}

const app = new App();
new SecureEndpointHowToStack(app, 'secure-endpoint');
app.synth();
