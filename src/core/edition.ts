import { IConstruct } from 'constructs';
import { TerraformStack } from 'cdktf';

/**
 * The framework core this build of the library imports (`cdktf`, or `cdktn` in the cdktn edition, which is this
 * source with its module names changed), and the core's version, from its jsii type information.
 */
function coreOf(type: unknown): { readonly name: string; readonly version: string } | undefined {
  // A stack class's own jsii type information, or the first of its base classes' (a user's subclass has none).
  for (let t = type; typeof t === 'function'; t = Object.getPrototypeOf(t)) {
    const rtti = (t as unknown as { [key: symbol]: { fqn?: string; version?: string } | undefined })[
      Symbol.for('jsii.rtti')
    ];
    const match = /^([^.]+)\.TerraformStack$/.exec(rtti?.fqn ?? '');
    if (match) return { name: match[1], version: rtti?.version ?? 'unknown' };
  }
  return undefined;
}

const OWN_CORE = coreOf(TerraformStack) ?? { name: 'cdktf', version: 'unknown' };

/** The package name of the library's edition for a core. */
export function editionPackage(core: string): string {
  return `${core}-azureml-secure-endpoint`;
}

/**
 * Refuses a construct of this library in a stack of another framework core (the cdktf edition in a cdktn app, or
 * the reverse), or of another copy of the same core, with one line that names both packages and the fix. Both
 * cores mark their stacks with the same symbol, so the other core's stack is found, and adopting this core's
 * elements would fail inside its synth (`_resetResolveDiscoveredProviderFeatureUsage is not a function`) or
 * synthesize silently wrong output (Aspects and aliased providers lost). Outside any stack it does nothing.
 */
export function checkFrameworkCore(scope: IConstruct): void {
  const stack: IConstruct | undefined = [...scope.node.scopes]
    .reverse()
    .find((s) => TerraformStack.isStack(s));
  if (stack === undefined || stack instanceof TerraformStack) return;
  const own = editionPackage(OWN_CORE.name);
  const theirs = coreOf(stack.constructor);
  const where = `stack '${stack.node.path}'`;
  if (theirs === undefined || theirs.name === OWN_CORE.name) {
    const copy = theirs === undefined ? 'an unknown core' : `${theirs.name} ${theirs.version}`;
    throw new Error(
      `${own} is built on ${OWN_CORE.name} ${OWN_CORE.version}, but ${where} comes from another copy (${copy}) ` +
        `(construct '${scope.node.path}'): install one copy of ${OWN_CORE.name} (npm ls ${OWN_CORE.name}; npm dedupe) ` +
        `for the app and ${own}`,
    );
  }
  throw new Error(
    `${own} is built on ${OWN_CORE.name}, but ${where} is a ${theirs.name} ${theirs.version} stack ` +
      `(construct '${scope.node.path}'): install ${editionPackage(theirs.name)} instead of ${own} and import ` +
      `from it (docs/cdktn.md)`,
  );
}
