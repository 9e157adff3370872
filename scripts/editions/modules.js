/**
 * The cdktn edition is the same source with the framework's module names changed. This table is the one place
 * that says how: the build (scripts/editions/build-cdktn.js), jest's cdktn project (jest.config.js) and the
 * runtime hook for apps run from this repository (scripts/editions/register-cdktn.js) all read it.
 *
 * Only module specifiers change (import/export/require/import()); strings in the output (asset paths such as
 * `cdktf-assets/...`, context keys such as `cdktfJsonPath`, `CDKTF_OUTDIR`, which cdktn keeps) do not.
 */
'use strict';

/** [from, to]: a specifier equal to `from`, or starting with `from` + '/', gets `to` in its place. */
const MODULE_RENAMES = [
  ['cdktf', 'cdktn'],
  ['@cdktf/provider-azurerm', '@cdktn/provider-azurerm'],
];

/** The specifier a cdktn build imports instead of `specifier` (unchanged when it is not a framework module). */
function toCdktn(specifier) {
  for (const [from, to] of MODULE_RENAMES) {
    if (specifier === from) return to;
    if (specifier.startsWith(`${from}/`)) return to + specifier.slice(from.length);
  }
  return specifier;
}

/** The same renames as jest `moduleNameMapper` entries. */
function jestModuleNameMapper() {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const mapper = {};
  for (const [from, to] of MODULE_RENAMES) {
    mapper[`^${escape(from)}$`] = to;
    mapper[`^${escape(from)}/(.*)$`] = `${to}/$1`;
  }
  return mapper;
}

module.exports = { MODULE_RENAMES, toCdktn, jestModuleNameMapper };
