import { isKnown, problem, Problems } from '../checks';

/** Azure ML asset (container) names: letters, digits, `-`, `_` and `.`, a letter or digit first, at most 255. */
export const ASSET_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,254}$/;

/** SE226: an asset name Azure ML would refuse at apply (azapi cannot check it: the schema has no pattern). */
export function checkAssetName(kind: string, name: string): Problems {
  if (!isKnown(name)) return [];
  if (typeof name !== 'string' || !ASSET_NAME_PATTERN.test(name)) {
    return [
      problem(
        'SE226',
        `${kind.slice(0, -1)} asset name '${String(name)}' is invalid: Azure ML accepts up to 255 letters, digits, ` +
          `'-', '_' and '.', starting with a letter or digit; choose another name or leave it to the default`,
      ),
    ];
  }
  return [];
}
