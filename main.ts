/**
 * The Azure ML how-to "Secure your managed online endpoints with network isolation", end to end, as a cdktf app
 * (the default `cdktf synth` target). Configure it with environment variables or cdktf context (see README and
 * docs/how-to.md); everything else follows the how-to's defaults. `AML_LAYOUT` chooses one stack (`single`),
 * three stacks (`split`: network, workspace, endpoints), a Terraform module (`module`) or the how-to with every
 * hardening option on (`hardened`, docs/hardened-layout.md); `AML_STATE_*` a shared
 * Azure Storage state (docs/ci-deployment.md, docs/terraform-users.md).
 */
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzapiProvider, ManagedVnetWorkspace } from './src';
import { addHowToEndpoint, addHowToNetwork, addHowToOutputs } from './app/how-to';
import { SecureEndpointHardenedStack } from './app/hardened-stack';
import { SecureEndpointModuleStack } from './app/module-stack';
import { addSplitStacks } from './app/split-stacks';
import { addBackend, LOCAL_STATE_NOTICE, readRemoteStateSettings, RemoteStateSettings } from './app/state';
import { type HowToConfig, readHowToConfig } from './app/config';

export { type HowToConfig, readHowToConfig };

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
export const LAYOUTS = ['single', 'split', 'module', 'hardened'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Reads `AML_LAYOUT`: `single` (default), `split`, `module` or `hardened`. */
export function readLayout(env: NodeJS.ProcessEnv = process.env): Layout {
  const value = (env.AML_LAYOUT ?? '').trim().toLowerCase() || 'single';
  if (!(LAYOUTS as readonly string[]).includes(value)) {
    throw new Error(
      `AML_LAYOUT is '${env.AML_LAYOUT}': choose ${LAYOUTS.join(', ')} or unset it for the default 'single'`,
    );
  }
  return value as Layout;
}

/** The stack name of the `hardened` layout (`cdktf.out.hardened/stacks/secure-endpoint-hardened`). */
export const HARDENED_STACK = 'secure-endpoint-hardened';

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
  // A stack name of its own, hence a state key of its own: switching a live deployment between `single` and
  // `hardened` would replace the workspace (the key and the storage settings are set at creation).
  else if (layout === 'hardened') new SecureEndpointHardenedStack(app, HARDENED_STACK, config, state);
  else new SecureEndpointHowToStack(app, 'secure-endpoint', config, state);
}

// Synthesize only when run as the app (cdktf.json's `node --require @swc-node/register main.ts`), not when a test
// imports the stack.
if (require.main === module) {
  const app = new App();
  addLayout(app, readLayout());
  app.synth();
}
