/**
 * The Azure ML how-to "Secure your managed online endpoints with network isolation", end to end, as a cdktf app
 * (the default `cdktf synth` target). Configure it with environment variables or cdktf context (see README and
 * docs/how-to.md); everything else follows the how-to's defaults. `AML_LAYOUT` chooses one stack (`single`),
 * three stacks (`split`: network, workspace, endpoints) or a Terraform module (`module`); `AML_STATE_*` a shared
 * Azure Storage state (docs/ci-deployment.md, docs/terraform-users.md).
 */
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzapiProvider, IsolationMode, ManagedVnetWorkspace } from './src';
import { addHowToEndpoint, addHowToNetwork, addHowToOutputs } from './app/how-to';
import { SecureEndpointModuleStack } from './app/module-stack';
import { addSplitStacks } from './app/split-stacks';
import { addBackend, LOCAL_STATE_NOTICE, readRemoteStateSettings, RemoteStateSettings } from './app/state';

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
  constructor(scope: Construct, id: string, config?: HowToConfig, state?: RemoteStateSettings) {
    super(scope, id);
    const c = config ?? readHowToConfig(this);
    addBackend(this, id, state);
    new AzurermProvider(this, 'azurerm', { features: [{}] });
    new AzapiProvider(this, 'azapi');

    const { resourceGroup: rg, virtualNetwork: vnet, subnet } = addHowToNetwork(this, c);

    // az ml workspace create -m allow_only_approved_outbound; az ml workspace provision-network
    const workspace = new ManagedVnetWorkspace(this, 'Workspace', {
      resourceGroup: rg,
      workspaceName: c.workspaceName,
      isolationMode: c.isolationMode,
      inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
    });

    const { endpoint, blue } = addHowToEndpoint(this, workspace, {
      endpointName: c.endpointName,
      publicNetworkAccess: c.endpointPublicAccess,
    });
    addHowToOutputs(this, c, endpoint, blue);
  }
}

/** The stack layouts `AML_LAYOUT` chooses from. */
export const LAYOUTS = ['single', 'split', 'module'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Reads `AML_LAYOUT`: `single` (default), `split` or `module`. */
export function readLayout(env: NodeJS.ProcessEnv = process.env): Layout {
  const value = (env.AML_LAYOUT ?? '').trim().toLowerCase() || 'single';
  if (!(LAYOUTS as readonly string[]).includes(value)) {
    throw new Error(
      `AML_LAYOUT is '${env.AML_LAYOUT}': choose ${LAYOUTS.join(', ')} or unset it for the default 'single'`,
    );
  }
  return value as Layout;
}

/** Adds the stacks of a layout to the app. */
export function addLayout(app: App, layout: Layout, env: NodeJS.ProcessEnv = process.env): void {
  if (layout === 'module') {
    // A module has no backend: the caller's configuration keeps the state.
    new SecureEndpointModuleStack(app, 'secure-endpoint');
    return;
  }
  const state = readRemoteStateSettings(env);
  if (state === undefined) console.error(LOCAL_STATE_NOTICE);
  const config = readHowToConfig(app, env);
  if (layout === 'split') addSplitStacks(app, config, state);
  else new SecureEndpointHowToStack(app, 'secure-endpoint', config, state);
}

// Synthesize only when run as the app (cdktf.json's `node --require @swc-node/register main.ts`), not when a test
// imports the stack.
if (require.main === module) {
  const app = new App();
  addLayout(app, readLayout());
  app.synth();
}
