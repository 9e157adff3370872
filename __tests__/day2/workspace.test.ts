/** The workspace on the second apply and at destroy: casing of echoed ids, create-only settings, purging. */
import { ManagedVnetWorkspace } from '../../src/workspace';
import { SynthesizedStack, synthWith, onlyMlResource } from '../support/synth';
import { network } from '../workspace/fixtures';

function workspace(purgeOnDestroy?: boolean): {
  json: SynthesizedStack;
  resource: Record<string, unknown>;
} {
  const json = synthWith((s) => {
    const { rg, vnet, subnet } = network(s);
    new ManagedVnetWorkspace(s, 'Workspace', {
      resourceGroup: rg,
      workspaceName: 'mlw-day2',
      inboundPrivateEndpoint: { subnet, virtualNetwork: vnet },
      purgeOnDestroy,
    });
  });
  return { json, resource: onlyMlResource(json, 'workspaces')[1] };
}

describe('workspace on day 2', () => {
  test('ids echoed in another case do not replace it: ignore_casing with the create-only triggers', () => {
    const { resource } = workspace();
    expect(resource.ignore_casing).toBe(true);
    expect(resource.replace_triggers_refs).toEqual(['properties.storageAccount', 'properties.keyVault']);
  });

  test('purgeOnDestroy is off by default: the destroy leaves a recoverable, soft-deleted workspace', () => {
    expect(workspace().resource.delete_query_parameters).toBeUndefined();
    expect(workspace(false).resource.delete_query_parameters).toBeUndefined();
  });

  test('purgeOnDestroy: true sends forceToPurge on the DELETE', () => {
    expect(workspace(true).resource.delete_query_parameters).toEqual({ forceToPurge: ['true'] });
  });

  test('the image-build cluster is replaced when a setting Azure cannot update changes', () => {
    const [, compute] = onlyMlResource(workspace().json, 'workspaces/computes');
    expect(compute.replace_triggers_refs).toEqual([
      'properties.properties.vmSize',
      'properties.properties.vmPriority',
      'properties.properties.osType',
      'properties.properties.enableNodePublicIp',
    ]);
  });
});
