import { TerraformResource, TerraformStack } from 'cdktf';

/**
 * A documented configuration: built into a stack that already has both providers, snapshot-tested by
 * `configurations.test.ts` and applied against the emulated ARM by `npm run test:apply`.
 */
export interface DocumentedConfiguration {
  /** The test name (and so the snapshot's name). */
  readonly title: string;
  /** Stack name for `test:apply`: lower case, digits and hyphens. */
  readonly stackName: string;
  readonly build: (stack: TerraformStack) => void;
  /**
   * Emulated behaviours to turn off in `test:apply`, each with the reason (an asset deployed by ARM id refers to
   * something made outside the stack, which the emulation does not hold).
   * @default none: every behaviour on
   */
  readonly behavioursOff?: { readonly [behaviour: string]: string };
  /**
   * For `test:apply` only: creates, in the stack, what the configuration expects to exist before it (the emulated
   * ARM starts empty), such as a workspace made with `az ml workspace create`. Everything else in the stack
   * waits for it.
   * @default nothing exists before the stack
   */
  readonly existingBeforeTheStack?: (stack: TerraformStack) => TerraformResource;
}
