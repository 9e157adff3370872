/**
 * The floor: the least a cdktf app on this provider costs, one azurerm resource imported by deep path. Every
 * other figure of the benchmark is read against this app run the same way.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';

const app = new App();
const stack = new TerraformStack(app, 'floor');
new LocalBackend(stack, { path: 'terraform.tfstate' });
new AzurermProvider(stack, 'azurerm', { features: [{}] });
new ResourceGroup(stack, 'ResourceGroup', { name: 'rg-floor', location: 'westeurope' });
app.synth();
