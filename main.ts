/**
 * The Azure ML how-to "Secure your managed online endpoints with network isolation", end to end, as a cdktf app
 * (the default `cdktf synth` target). Configure it with environment variables or cdktf context (see README and
 * docs/how-to.md); everything else follows the how-to's defaults.
 */
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import {
  AzapiProvider,
  BlueDeployment,
  CodeConfiguration,
  Environment,
  IsolationMode,
  ManagedVnetWorkspace,
  Model,
  SecureOnlineEndpoint,
} from './src';

/** What the how-to lets you choose. */
export interface HowToConfig {
  readonly location: string;
  readonly resourceGroupName: string;
  readonly workspaceName: string;
  readonly endpointName: string;
  readonly isolationMode: IsolationMode;
  readonly endpointPublicAccess: boolean;
}

/** One setting: its environment variable, its cdktf context key, its default. */
interface Setting {
  readonly env: string;
  readonly context: string;
  readonly default: string;
}

const SETTINGS = {
  location: { env: 'AZURE_LOCATION', context: 'location', default: 'westeurope' },
  resourceGroupName: { env: 'AML_RESOURCE_GROUP', context: 'resourceGroup', default: 'rg-secure-endpoint' },
  workspaceName: { env: 'AML_WORKSPACE_NAME', context: 'workspaceName', default: 'mlw-secure-endpoint' },
  endpointName: { env: 'AML_ENDPOINT_NAME', context: 'endpointName', default: 'endpt-moe-1' },
  isolationMode: {
    env: 'AML_ISOLATION_MODE',
    context: 'isolationMode',
    default: 'allow_only_approved_outbound',
  },
  endpointPublicAccess: {
    env: 'AML_ENDPOINT_PUBLIC_ACCESS',
    context: 'endpointPublicAccess',
    default: 'disabled',
  },
} satisfies Record<keyof HowToConfig, Setting>;

// The CLI's spellings (`az ml workspace create -m ...`, `--set public_network_access=...`).
const ISOLATION_MODES: Record<string, IsolationMode> = {
  allow_only_approved_outbound: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
  allow_internet_outbound: IsolationMode.ALLOW_INTERNET_OUTBOUND,
};
// `true`/`false` too: a JSON boolean in cdktf.json's context arrives here as that text.
const PUBLIC_ACCESS: Record<string, boolean> = { disabled: false, enabled: true, false: false, true: true };

/** Reads the configuration: environment variable first, then cdktf context, then the how-to's default. */
export function readHowToConfig(scope: Construct, env: NodeJS.ProcessEnv = process.env): HowToConfig {
  const read = (setting: Setting): string => {
    const fromEnv = env[setting.env];
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv.trim();
    const fromContext: unknown = scope.node.tryGetContext(setting.context);
    if (fromContext !== undefined) return String(fromContext).trim();
    return setting.default;
  };
  const choose = <T>(setting: Setting, choices: Record<string, T>): T => {
    const value = read(setting);
    const choice = choices[value.toLowerCase()];
    if (choice === undefined) {
      throw new Error(
        `${setting.env} (or context '${setting.context}') is '${value}': the how-to stack accepts ` +
          `${Object.keys(choices).join(' or ')}; set one of them or unset it for the default '${setting.default}'`,
      );
    }
    return choice;
  };
  return {
    location: read(SETTINGS.location),
    resourceGroupName: read(SETTINGS.resourceGroupName),
    workspaceName: read(SETTINGS.workspaceName),
    endpointName: read(SETTINGS.endpointName),
    isolationMode: choose(SETTINGS.isolationMode, ISOLATION_MODES),
    endpointPublicAccess: choose(SETTINGS.endpointPublicAccess, PUBLIC_ACCESS),
  };
}

/** The how-to as a stack: network, secured workspace, private endpoint, blue deployment with all traffic. */
export class SecureEndpointHowToStack extends TerraformStack {
  constructor(scope: Construct, id: string, config?: HowToConfig) {
    super(scope, id);
    const c = config ?? readHowToConfig(this);
    // An explicit backend keeps cdktf from writing an absolute state path into cdk.tf.json.
    new LocalBackend(this, { path: 'terraform.tfstate' });
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    new AzapiProvider(this, 'azapi');

    const rg = new ResourceGroup(this, 'ResourceGroup', { name: c.resourceGroupName, location: c.location });
    // The network clients call the endpoint from: the workspace's inbound private endpoint lives here.
    const vnet = new VirtualNetwork(this, 'VirtualNetwork', {
      name: `vnet-${c.workspaceName}`,
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

    // az ml workspace create -m allow_only_approved_outbound; az ml workspace provision-network
    const workspace = new ManagedVnetWorkspace(this, 'Workspace', {
      resourceGroup: rg,
      workspaceName: c.workspaceName,
      isolationMode: c.isolationMode,
      inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
    });

    // az ml online-endpoint create -f endpoint.yml --set public_network_access=disabled
    const endpoint = new SecureOnlineEndpoint(this, 'Endpoint', {
      workspace,
      endpointName: c.endpointName,
      publicNetworkAccess: c.endpointPublicAccess,
    });

    // az ml online-deployment create --name blue -f blue-deployment.yml --all-traffic
    const blue = new BlueDeployment(this, 'Blue', {
      endpoint,
      model: Model.fromLocalPath('examples/model-1/model'),
      code: CodeConfiguration.fromLocalPath('examples/model-1/onlinescoring', 'score.py'),
      environment: Environment.fromImage('mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest', {
        condaFile: 'examples/model-1/environment/conda.yaml',
      }),
      instanceType: 'Standard_DS3_v2',
      instanceCount: 1,
    });

    const target = `--resource-group ${c.resourceGroupName} --workspace-name ${c.workspaceName}`;
    new TerraformOutput(this, 'scoring_uri', { value: endpoint.endpointScoringUri });
    new TerraformOutput(this, 'swagger_uri', { value: endpoint.endpointSwaggerUri });
    new TerraformOutput(this, 'endpoint_id', { value: endpoint.endpointId });
    new TerraformOutput(this, 'deployment_id', { value: blue.deploymentId });
    new TerraformOutput(this, 'invoke_command', {
      description: c.endpointPublicAccess
        ? 'Calls the endpoint with the sample request.'
        : 'Calls the endpoint with the sample request; run it from the virtual network (public access is disabled).',
      value:
        `az ml online-endpoint invoke --name ${c.endpointName} ${target} ` +
        '--request-file examples/model-1/sample-request.json',
    });
    new TerraformOutput(this, 'logs_command', {
      description:
        'Reads the blue deployment logs (add --container storage-initializer for model download errors).',
      value: `az ml online-deployment get-logs --name blue --endpoint-name ${c.endpointName} ${target}`,
    });
  }
}

// Synthesize only when run as the app (cdktf.json's `node --require @swc-node/register main.ts`), not when a test
// imports the stack.
if (require.main === module) {
  const app = new App();
  new SecureEndpointHowToStack(app, 'secure-endpoint');
  app.synth();
}
