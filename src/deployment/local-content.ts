import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { Annotations } from 'cdktf';
import { Checked, ConfigurationError, problem } from '../checks';

/** Folder and file names never uploaded: caches that differ between machines and would change the hash. */
const IGNORED_NAMES = new Set(['__pycache__', '.DS_Store']);

/** A file to upload: where it is, and its path in the asset (POSIX, starting with the asset's base name). */
export interface LocalFile {
  readonly absolutePath: string;
  readonly relativePath: string;
  /** Size in bytes (of the link's target, for a symbolic link). */
  readonly size: number;
  /** First 16 hex digits of sha256 over this file alone (its relative path, size and bytes). */
  readonly hash: string;
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
  /** Total size of the files in bytes. */
  readonly totalSize: number;
}

/** A file found in the folder, before hashing. */
interface FoundFile {
  readonly absolutePath: string;
  readonly relativePath: string;
}

/**
 * Reads a local file or folder. Relative paths are resolved from the folder of cdktf.json, like
 * `TerraformAsset`, so `cdktf synth` gives the same result from any working directory. Symbolic links are
 * followed (model caches link their files into place), each folder once, so a link back up the tree ends.
 */
export function readLocalContent(
  scope: IConstruct,
  userPath: string,
  what: string,
): Checked<LocalContent | undefined> {
  const nothing = (detail: string) => ({ value: undefined, problems: [problem('SE215', detail)] });
  // An empty path would resolve to the project folder itself and upload all of it.
  if (userPath.trim() === '') {
    return nothing(`${what} is empty: give the path of the file or folder to upload`);
  }
  const absolute = resolveLocalPath(scope, userPath);
  if (!fs.existsSync(absolute)) {
    return nothing(
      `${what} '${userPath}' does not exist (relative paths start at the folder of cdktf.json, ` +
        `${baseDirectory(scope)}); fix the path`,
    );
  }
  const baseName = path.basename(absolute);
  const isDirectory = fs.statSync(absolute).isDirectory();
  const dangling: ConfigurationError[] = [];
  const found = isDirectory
    ? listFiles(scope, absolute, baseName, new Set([fs.realpathSync(absolute)]), { what, userPath, dangling })
    : [{ absolutePath: absolute, relativePath: baseName }];
  if (dangling.length > 0) return { value: undefined, problems: dangling.slice(0, 1) };
  if (found.length === 0) {
    return nothing(`${what} '${userPath}' is an empty folder: there is nothing to upload; add the files`);
  }
  // One pass over the bytes gives each file's hash and the content hash.
  const contentHash = crypto.createHash('sha256');
  const files = found.map((file) => hashFile(file, contentHash));
  const totalSize = files.reduce((sum, file) => sum + file.size, 0);
  return {
    value: { baseName, isDirectory, files, hash: contentHash.digest('hex').slice(0, 16), totalSize },
    problems: [],
  };
}

/** A user's path made absolute: relative paths start at the folder of cdktf.json, as for `TerraformAsset`. */
export function resolveLocalPath(scope: IConstruct, userPath: string): string {
  return path.resolve(baseDirectory(scope), userPath);
}

/** Bytes read at a time: files of any size (model weights of many GiB) are hashed without loading them whole. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Hashes one file in chunks into its own sha256 and into `content` (relative path, size, then bytes: the same
 * digest as hashing the whole file at once, so existing versions keep their names).
 */
function hashFile(file: FoundFile, content: crypto.Hash): LocalFile {
  const own = crypto.createHash('sha256');
  const fd = fs.openSync(file.absolutePath, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const header = `${file.relativePath}\0${size}\0`;
    own.update(header);
    content.update(header);
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(size, 1)));
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) {
      const chunk = buffer.subarray(0, read);
      own.update(chunk);
      content.update(chunk);
    }
    return { ...file, size, hash: own.digest('hex').slice(0, 16) };
  } finally {
    fs.closeSync(fd);
  }
}

/** First 16 hex digits of the sha256 of some text (environment versions). */
export function hashText(...parts: string[]): string {
  const hash = crypto.createHash('sha256');
  for (const part of parts) hash.update(`${Buffer.byteLength(part)}\0${part}`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The files under a folder, sorted. Symbolic links are followed: a link to a file is uploaded with the target's
 * bytes under the link's name; a link to a folder is walked, unless that folder is, or contains, one being
 * walked (a link back up the tree), which is skipped with a warning instead of recursing forever.
 */
function listFiles(
  scope: IConstruct,
  directory: string,
  prefix: string,
  walking: Set<string>,
  source: ListedSource,
): FoundFile[] {
  const { what, userPath } = source;
  const files: FoundFile[] = [];
  const entries = fs.readdirSync(directory, { withFileTypes: true });
  for (const entry of entries) {
    if (IGNORED_NAMES.has(entry.name)) continue;
    const absolutePath = path.join(directory, entry.name);
    const relativePath = `${prefix}/${entry.name}`;
    const stat = entry.isSymbolicLink() ? statLink(absolutePath, relativePath, source) : entry;
    if (stat === undefined) continue;
    if (stat.isDirectory()) {
      const real = fs.realpathSync(absolutePath);
      // A folder that is, or contains, one being walked would recurse forever.
      if ([...walking].some((w) => w === real || w.startsWith(real + path.sep))) {
        Annotations.of(scope).addWarning(
          `${what} '${userPath}': '${relativePath}' links to a folder that contains it; skipped (its files ` +
            `are uploaded once, under their own path)`,
        );
        continue;
      }
      walking.add(real);
      files.push(...listFiles(scope, absolutePath, relativePath, walking, source));
      walking.delete(real);
    } else if (stat.isFile()) files.push({ absolutePath, relativePath });
  }
  // Sorted by code point, not locale, so every machine orders the same way.
  return files.sort((a, b) =>
    a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0,
  );
}

/** What a symbolic link points at; a dangling link is refused rather than leaving the file out of the asset. */
function statLink(absolutePath: string, relativePath: string, source: ListedSource): fs.Stats | undefined {
  // Asked first rather than caught: a dangling link is a problem of the source, not an error to recover from.
  if (!fs.existsSync(absolutePath)) {
    source.dangling.push(
      problem(
        'SE215',
        `${source.what} '${source.userPath}': '${relativePath}' is a symbolic link to ` +
          `'${fs.readlinkSync(absolutePath)}', which does not exist, so the uploaded asset would lack that file; ` +
          `fix or remove the link`,
      ),
    );
    return undefined;
  }
  return fs.statSync(absolutePath);
}

/** What is being listed, for messages, and the dangling links found. */
interface ListedSource {
  readonly what: string;
  readonly userPath: string;
  readonly dangling: ConfigurationError[];
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
