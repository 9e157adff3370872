import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { SecureOnlineEndpoint, SecureOnlineEndpointProps } from '../../src/endpoint';
import { ManagedVnetWorkspace, ManagedVnetWorkspaceProps } from '../../src/workspace';
import { testStack } from '../support/synth';
import { network } from '../workspace/fixtures';

interface Built {
  readonly stack: TerraformStack;
  readonly workspace: ManagedVnetWorkspace;
  readonly endpoint: SecureOnlineEndpoint;
}

/**
 * A workspace as the how-to creates it (approved outbound, inbound private endpoint) and an endpoint on it, in
 * `stack` (a new test stack by default).
 */
export function howToStack(
  workspace: Partial<ManagedVnetWorkspaceProps> = {},
  endpoint: Partial<SecureOnlineEndpointProps> = {},
  scope?: (stack: Construct) => Partial<SecureOnlineEndpointProps>,
  stack: TerraformStack = testStack(),
): Built {
  const { rg, vnet, subnet } = network(stack);
  const ws = new ManagedVnetWorkspace(stack, 'Workspace', {
    resourceGroup: rg,
    workspaceName: 'mlw-secure',
    inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
    ...workspace,
  });
  const e = new SecureOnlineEndpoint(stack, 'Endpoint', {
    workspace: ws,
    endpointName: 'endpt-moe-1',
    ...endpoint,
    ...(scope ? scope(stack) : {}),
  });
  return { stack, workspace: ws, endpoint: e };
}
