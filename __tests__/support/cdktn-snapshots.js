/**
 * Snapshot serializer of jest's cdktn project (jest.config.js): the cdktn run compares against the snapshots the
 * cdktf run writes. It rewrites exactly two things cdktn synthesizes differently, and nothing else:
 * - the azurerm pin in `terraform.required_providers`: the version @cdktn/provider-azurerm was generated from
 *   becomes the one @cdktf/provider-azurerm was generated from (only that exact version);
 * - the text of a synthesized stack (JSON text of an object with a `terraform` block): cdktn writes an empty object
 *   or list as `{}`/`[]`, cdktf (json-stable-stringify) as `{` and `}` on two lines; such text is printed again in
 *   cdktf's form.
 * A pin that is not the known one, or any other change, still fails the snapshot.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');
/** The azurerm version a provider package's bindings pin (`providerVersion: '4.55.0'`). */
function pin(pkg) {
  const bindings = fs.readFileSync(
    path.join(root, 'node_modules', pkg, 'lib', 'provider', 'index.js'),
    'utf8',
  );
  const version = /providerVersion: '([^']+)'/.exec(bindings)?.[1];
  if (version === undefined) throw new Error(`no providerVersion in ${pkg}/lib/provider/index.js`);
  return version;
}
const CDKTN_PIN = pin('@cdktn/provider-azurerm');
const CDKTF_PIN = pin('@cdktf/provider-azurerm');

/** The same value with a cdktn azurerm pin replaced by the cdktf one; undefined when there is none. */
function withCdktfPin(value) {
  const azurerm = value?.terraform?.required_providers?.azurerm;
  if (azurerm?.version !== CDKTN_PIN) return undefined;
  return {
    ...value,
    terraform: {
      ...value.terraform,
      required_providers: {
        ...value.terraform.required_providers,
        azurerm: { ...azurerm, version: CDKTF_PIN },
      },
    },
  };
}

/** JSON text as cdktf's Testing.synth writes it: JSON.stringify with 2 spaces, empty {} and [] split in two lines. */
function cdktfText(value) {
  return JSON.stringify(value, null, 2).replace(
    /^( *)(.*)(\{\}|\[\])(,?)$/gm,
    (_, indent, before, empty, comma) => {
      return `${indent}${before}${empty[0]}\n${indent}${empty[1]}${comma}`;
    },
  );
}

/** The parsed stack when the text is a synthesized stack's JSON, else undefined. */
function parsedJsonText(text) {
  if (!text.startsWith('{') || !text.includes('"terraform"')) return undefined;
  try {
    const parsed = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && 'terraform' in parsed ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const normalised = new WeakSet();

module.exports = {
  test(value) {
    if (typeof value === 'string') {
      const parsed = parsedJsonText(value);
      if (parsed === undefined) return false;
      return cdktfText(withCdktfPin(parsed) ?? parsed) !== value;
    }
    return (
      value !== null &&
      typeof value === 'object' &&
      !normalised.has(value) &&
      withCdktfPin(value) !== undefined
    );
  },
  serialize(value, config, indentation, depth, refs, printer) {
    if (typeof value === 'string') {
      const parsed = parsedJsonText(value);
      return printer(cdktfText(withCdktfPin(parsed) ?? parsed), config, indentation, depth, refs);
    }
    const replaced = withCdktfPin(value);
    normalised.add(replaced);
    return printer(replaced, config, indentation, depth, refs);
  },
};
