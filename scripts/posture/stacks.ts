/**
 * The layouts the posture test, `npm run posture` and the table of docs/security.md evaluate: each one's stack,
 * synthesized with the how-to's defaults (no environment), as `npm run synth` writes it.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import { SecureEndpointHardenedStack } from '../../app/hardened-stack';
import { readHowToConfig, SecureEndpointHowToStack } from '../../main';
import type { TerraformJson } from './stack';

export interface PostureLayout {
  /** The layout's key in the expectation file and its column in docs/security.md. */
  readonly name: string;
  /** How users get it. */
  readonly title: string;
  readonly build: (app: App) => TerraformStack;
}

/**
 * A layout is one entry: its stack class and settings. Adding one adds its verdicts to the expectation file
 * (`npm run posture -- --write-expected`) and its column to docs/security.md (`npm run posture -- --write-docs`).
 */
export const POSTURE_LAYOUTS: readonly PostureLayout[] = [
  {
    name: 'default',
    title: 'the how-to stack (`npm run synth`)',
    build: (app) => new SecureEndpointHowToStack(app, 'secure-endpoint', readHowToConfig(app, {})),
  },
  {
    name: 'hardened',
    title: 'the hardened how-to stack (`npm run synth:hardened`)',
    build: (app) => new SecureEndpointHardenedStack(app, 'secure-endpoint', readHowToConfig(app, {})),
  },
];

/** The layout's stack as Terraform JSON. */
export function synthLayout(layout: PostureLayout): TerraformJson {
  const app = Testing.app({ stackTraces: false, stubVersion: true, enableFutureFlags: true });
  return JSON.parse(Testing.synth(layout.build(app))) as TerraformJson;
}
