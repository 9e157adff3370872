import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { refuse } from '../checks';

/** Folder and file names never uploaded: caches that differ between machines and would change the hash. */
const IGNORED_NAMES = new Set(['__pycache__', '.DS_Store']);

/** A file to upload: where it is, and its path in the asset (POSIX, starting with the asset's base name). */
export interface LocalFile {
  readonly absolutePath: string;
  readonly relativePath: string;
}

/** A local file or folder with a content hash computed at synth time. */
export interface LocalContent {
  /** Base name of the file or folder (`model`, `score.py`): the asset keeps it, as the CLI's upload does. */
  readonly baseName: string;
  readonly isDirectory: boolean;
  /** The files, sorted by relative path. */
  readonly files: LocalFile[];
  /** First 16 hex digits of sha256 over the sorted relative paths and file bytes. */
  readonly hash: string;
}

/**
 * Reads a local file or folder. Relative paths are resolved from the folder of cdktf.json, like
 * `TerraformAsset`, so `cdktf synth` gives the same result from any working directory.
 */
export function readLocalContent(scope: IConstruct, userPath: string, what: string): LocalContent {
  // An empty path would resolve to the project folder itself and upload all of it.
  if (userPath.trim() === '') {
    refuse('SE215', `${what} is empty: give the path of the file or folder to upload`);
  }
  const absolute = resolveLocalPath(scope, userPath);
  if (!fs.existsSync(absolute)) {
    refuse(
      'SE215',
      `${what} '${userPath}' does not exist (relative paths start at the folder of cdktf.json, ` +
        `${baseDirectory(scope)}); fix the path`,
    );
  }
  const baseName = path.basename(absolute);
  const isDirectory = fs.statSync(absolute).isDirectory();
  const files = isDirectory
    ? listFiles(absolute, baseName)
    : [{ absolutePath: absolute, relativePath: baseName }];
  if (files.length === 0) {
    refuse('SE215', `${what} '${userPath}' is an empty folder: there is nothing to upload; add the files`);
  }
  return { baseName, isDirectory, files, hash: hashFiles(files) };
}

/** A user's path made absolute: relative paths start at the folder of cdktf.json, as for `TerraformAsset`. */
export function resolveLocalPath(scope: IConstruct, userPath: string): string {
  return path.resolve(baseDirectory(scope), userPath);
}

/** sha256 over each file's relative path, size and bytes, in sorted order; same content, same hash. */
export function hashFiles(files: readonly LocalFile[]): string {
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    const bytes = fs.readFileSync(file.absolutePath);
    hash.update(`${file.relativePath}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}

/** First 16 hex digits of the sha256 of some text (environment versions). */
export function hashText(...parts: string[]): string {
  const hash = crypto.createHash('sha256');
  for (const part of parts) hash.update(`${Buffer.byteLength(part)}\0${part}`);
  return hash.digest('hex').slice(0, 16);
}

function listFiles(directory: string, prefix: string): LocalFile[] {
  const files: LocalFile[] = [];
  const entries = fs.readdirSync(directory, { withFileTypes: true });
  for (const entry of entries) {
    if (IGNORED_NAMES.has(entry.name)) continue;
    const absolutePath = path.join(directory, entry.name);
    const relativePath = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...listFiles(absolutePath, relativePath));
    else if (entry.isFile()) files.push({ absolutePath, relativePath });
  }
  // Sorted by code point, not locale, so every machine orders the same way.
  return files.sort((a, b) =>
    a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0,
  );
}

function baseDirectory(scope: IConstruct): string {
  const fromContext = scope.node.tryGetContext('cdktfJsonPath') as string | undefined;
  if (fromContext !== undefined) return path.dirname(fromContext);
  let dir = process.cwd();
  for (;;) {
    if (fs.existsSync(path.join(dir, 'cdktf.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
