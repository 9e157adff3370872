/** How props several deployment factories share are read (checks/read.ts). Not part of the API. */
import { bool, defineProps, name, text } from '../checks/read';
import type { LocalAssetOptions } from './local-asset-options';

const EXPR = { tokens: 'expression' } as const;

/** How `LocalAssetOptions` are read (also for code and environments). */
export const LOCAL_ASSET_OPTIONS = defineProps<LocalAssetOptions>('LocalAssetOptions', {
  // Checked as an asset name (SE226) where the asset is registered; a token is passed through.
  name: name({ ...EXPR, optional: true }),
  description: text(EXPR),
  skipContentChecks: bool({
    tokens: 'refuse',
    why: 'the files are read and checked when the stack is synthesized',
  }),
});
