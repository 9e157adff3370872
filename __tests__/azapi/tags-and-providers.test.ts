/** cdktf tagging Aspects reach the taggable azapi resources; the `provider` prop reaches every resource. */
import { Aspects, IAspect, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzapiProvider } from '../../src/azapi';
import { BlueDeployment } from '../../src/deployment';
import { howToDeployment } from '../endpoint/helpers';
import { howToStack } from '../endpoint/how-to-stack';
import { SynthesizedStack } from '../support/synth';

type Taggable = IConstruct & { tags?: Record<string, string>; tagsInput?: Record<string, string> };

/** The tagging Aspect of the cdktf documentation. */
class TagsAddingAspect implements IAspect {
  constructor(private readonly tags: Record<string, string>) {}
  public visit(node: IConstruct): void {
    if ('tags' in node && 'tagsInput' in node) {
      const taggable = node as Taggable;
      taggable.tags = { ...this.tags, ...(taggable.tagsInput ?? {}) };
    }
  }
}

function synth(stack: TerraformStack): SynthesizedStack {
  return JSON.parse(Testing.synth(stack)) as SynthesizedStack;
}

test('a tagging Aspect tags the workspace, compute, endpoint and deployment, and no proxy resource', () => {
  const { stack, endpoint } = howToStack({ tags: { team: 'ml' } });
  new BlueDeployment(stack, 'Blue', { endpoint, ...howToDeployment() });
  Aspects.of(stack).add(new TagsAddingAspect({ costCenter: '42' }));
  const json = synth(stack);
  const tagged: string[] = [];
  const untagged: string[] = [];
  for (const resource of Object.values(json.resource?.azapi_resource ?? {})) {
    const path = String(resource.type).split('@')[0].replace('Microsoft.MachineLearningServices/', '');
    (resource.tags === undefined ? untagged : tagged).push(path);
    if (resource.tags !== undefined) expect(resource.tags).toMatchObject({ costCenter: '42' });
  }
  expect([...new Set(tagged)].sort()).toEqual([
    'workspaces',
    'workspaces/computes',
    'workspaces/onlineEndpoints',
    'workspaces/onlineEndpoints/deployments',
  ]);
  // Outbound rules and asset containers/versions are proxy resources: ARM refuses top-level tags on them.
  expect(untagged.length).toBeGreaterThan(0);
  for (const path of untagged) expect(path).toMatch(/outboundRules|codes|models|environments/);
  // The user's own tags win over the Aspect's.
  const workspace = Object.values(json.resource?.azapi_resource ?? {}).find((r) =>
    String(r.type).includes('/workspaces@'),
  );
  expect(workspace?.tags).toEqual({ costCenter: '42', team: 'ml' });
});

test('the provider prop: each resource gets the configuration of its own provider type, children inherit', () => {
  const { stack, endpoint } = howToStack();
  const azurerm = new AzurermProvider(stack, 'azurerm-second', {
    alias: 'second',
    features: [{}],
    subscriptionId: '00000000-0000-0000-0000-000000000002',
  });
  const azapi = new AzapiProvider(stack, 'azapi-second', { alias: 'second' });
  const deployment = new BlueDeployment(stack, 'Blue', {
    endpoint,
    ...howToDeployment(),
    provider: [azurerm, azapi],
  });
  // Autoscale is an azurerm resource of the deployment: without one the azurerm provider would be refused (SE008).
  deployment.autoScaleInstanceCount({ minInstances: 1, maxInstances: 2 });
  const json = synth(stack);
  // Terraform's built-in `terraform_data` (the deployment's replacement trigger) has no provider to choose.
  const blue = Object.entries(json.resource ?? {})
    .filter(([type]) => type.startsWith('azapi_') || type.startsWith('azurerm_'))
    .flatMap(([type, byName]) =>
      Object.entries(byName)
        .filter(([name]) => name.startsWith('Blue_'))
        .map(([name, r]) => [`${type}.${name}`, r.provider] as const),
    );
  expect(blue.map(([address]) => address)).toContainEqual(expect.stringMatching(/^azapi_resource\.Blue_/));
  expect(blue.map(([address]) => address)).toContainEqual(
    expect.stringMatching(/^azurerm_monitor_autoscale_setting\.Blue_/),
  );
  for (const [address, provider] of blue) {
    expect({ address, provider }).toEqual({
      address,
      provider: address.startsWith('azurerm_') ? 'azurerm.second' : 'azapi.second',
    });
  }
  // The workspace, made without the prop, keeps the default configurations.
  const workspace = Object.entries(json.resource?.azapi_resource ?? {}).find(
    ([name]) => name === 'Workspace_2F8C78CC',
  );
  expect(workspace?.[1].provider).toBeUndefined();
  // The deployment's assets belong to the workspace's asset registry, so they use the workspace's providers.
  const assets = Object.entries(json.resource ?? {}).flatMap(([, byName]) =>
    Object.entries(byName).filter(([name]) => name.startsWith('Workspace_Assets_')),
  );
  expect(assets.length).toBeGreaterThan(3);
  for (const [, r] of assets) expect(r.provider).toBeUndefined();
});
