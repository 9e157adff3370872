/**
 * Options of a model (or code, or environment) registered from local files. In a file of its own because the
 * three asset kinds and their props readers (readers.ts) all import it.
 */
export interface LocalAssetOptions {
  /** Asset (container) name in the workspace. @default `<endpoint name>-<deployment name>-<model|code|env>` */
  readonly name?: string;
  /** @default none */
  readonly description?: string;
  /**
   * Skips the checks of the uploaded content: a scoring script that is a Python file defining `init()` and
   * `run()` (SE454, SE455), a conda file whose `dependencies` is a list (SE456), an MLflow `MLmodel` with a
   * flavor (SE457), a model with at least one non-empty file (SE458). For the unusual asset they do not fit (a
   * scoring script whose functions are made at import time, a model whose files are written by the container).
   * @default false: the content is checked at synth
   */
  readonly skipContentChecks?: boolean;
}
