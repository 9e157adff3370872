/**
 * Options of a model (or code, or environment) registered from local files. In a file of its own because the
 * three asset kinds and their props readers (readers.ts) all import it.
 */
export interface LocalAssetOptions {
  /** Asset (container) name in the workspace. @default `<endpoint name>-<deployment name>-<model|code|env>` */
  readonly name?: string;
  /** @default none */
  readonly description?: string;
}
