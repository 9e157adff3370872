/**
 * The cdktn project's snapshot serializer (__tests__/support/cdktn-snapshots.js) makes a cdktn synth compare equal
 * to the cdktf snapshot of the same stack, and nothing else: a changed value, or another azurerm pin, still fails.
 */
import * as path from 'path';
import * as cdktf from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';

/* eslint-disable @typescript-eslint/no-require-imports */
const modules = path.join(__dirname, '..', '..', 'node_modules');
const cdktn = require(path.join(modules, 'cdktn')) as typeof cdktf;
const cdktnProvider = require(path.join(modules, '@cdktn/provider-azurerm/lib/provider')) as {
  AzurermProvider: typeof AzurermProvider;
};
const cdktnGroup = require(path.join(modules, '@cdktn/provider-azurerm/lib/resource-group')) as {
  ResourceGroup: typeof ResourceGroup;
};
const serializer = require('../support/cdktn-snapshots') as {
  test(value: unknown): boolean;
  serialize(
    value: unknown,
    config: object,
    indentation: string,
    depth: number,
    refs: unknown[],
    printer: (v: unknown) => string,
  ): string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The same small stack on a core: a provider, a resource with empty objects and lists, an output. */
function synth(core: typeof cdktf, provider: typeof AzurermProvider, group: typeof ResourceGroup): string {
  const app = core.Testing.app({ stackTraces: false, stubVersion: true });
  const stack = new core.TerraformStack(app, 'test');
  new provider(stack, 'azurerm', { features: [{}] });
  const rg = new group(stack, 'ResourceGroup', { name: 'rg', location: 'westeurope', tags: {} });
  rg.addOverride('lifecycle.ignore_changes', []);
  new core.TerraformOutput(stack, 'id', { value: rg.id });
  return core.Testing.synth(stack);
}

const asSnapshot = (text: string): string =>
  serializer.test(text) ? serializer.serialize(text, {}, '', 0, [], (v) => v as string) : text;

describe('cdktn snapshot serializer', () => {
  const cdktfText = synth(cdktf, AzurermProvider, ResourceGroup);
  const cdktnText = synth(cdktn, cdktnProvider.AzurermProvider, cdktnGroup.ResourceGroup);

  test('a cdktn synth of a stack prints as the cdktf synth of the same stack', () => {
    expect(cdktnText).not.toBe(cdktfText); // empty objects and the azurerm pin are spelled differently
    expect(cdktnText).toContain('{}');
    expect(asSnapshot(cdktnText)).toBe(cdktfText);
    expect(serializer.test(cdktfText)).toBe(false); // cdktf's own text is left alone
  });

  test('any other difference still shows', () => {
    const changed = [
      cdktnText.replace('"westeurope"', '"northeurope"'),
      cdktnText.replace('"tags": {}', '"tags": {\n"a": "b"}'),
      cdktnText.replace(/"version": "4\.73\.0"/, '"version": "4.74.0"'),
    ];
    for (const text of changed) {
      expect(text).not.toBe(cdktnText);
      expect(asSnapshot(text)).not.toBe(cdktfText);
    }
  });
});
