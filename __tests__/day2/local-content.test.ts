/**
 * Local model folders as model caches lay them out: files of any size, files linked into place, links that loop.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { BlueDeployment, Model } from '../../src/deployment';
import { endpointOn, howToDeployment } from '../endpoint/helpers';
import { mlResourcesOfType, resourcesOfType, synthJson, testStack, SynthesizedStack } from '../support/synth';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-content-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Synthesizes a deployment of the model folder; returns the JSON and every warning annotation. */
function deploy(modelPath: string): { json: SynthesizedStack; warnings: string[] } {
  const stack = testStack();
  const { endpoint } = endpointOn(stack);
  new BlueDeployment(stack, 'Blue', {
    endpoint,
    ...howToDeployment(),
    model: Model.fromLocalPath(modelPath),
  });
  const json = synthJson(stack);
  const warnings = stack.node
    .findAll()
    .flatMap((c: IConstruct) => c.node.metadata)
    .filter((m) => m.type === '@cdktf/warn')
    .map((m) => String(m.data));
  return { json, warnings };
}

function modelVersion(json: SynthesizedStack): string {
  return String(mlResourcesOfType(json, 'workspaces/models/versions')[0][1].name);
}

function blobNames(json: SynthesizedStack): string[] {
  return Object.values(resourcesOfType(json, 'azurerm_storage_blob'))
    .map((b) => String(b.name).replace(/^cdktf-assets\/(models|codes)\/[0-9a-f]{16}\//, ''))
    .filter((n) => n.startsWith('model/'))
    .sort();
}

function write(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

describe('local model content', () => {
  test('a file over 2 GiB is hashed in chunks, and the size earns a warning naming the better way', () => {
    const model = path.join(dir, 'model');
    fs.mkdirSync(model);
    // A sparse file: 2 GiB + 1 byte on paper, nothing on disk. Reading it whole would throw a RangeError.
    fs.closeSync(fs.openSync(path.join(model, 'weights.bin'), 'w'));
    fs.truncateSync(path.join(model, 'weights.bin'), 2 ** 31 + 1);
    const { json, warnings } = deploy(model);
    expect(modelVersion(json)).toMatch(/^[0-9a-f]{16}$/);
    expect(blobNames(json)).toEqual(['model/weights.bin']);
    expect(warnings).toEqual([
      expect.stringMatching(/holds 2\.0 GiB: .*register the model once .*Model\.fromAssetId/),
    ]);
  }, 120_000);

  test('a small model earns no warning', () => {
    write(path.join(dir, 'model', 'a.json'), '{}');
    expect(deploy(path.join(dir, 'model')).warnings).toEqual([]);
  });

  test('linked files are uploaded with their target bytes, as if copied (a model cache layout)', () => {
    write(path.join(dir, 'cache', 'blobs', 'sha-1'), 'weights');
    write(path.join(dir, 'cache', 'blobs', 'sha-2'), 'config');
    const linked = path.join(dir, 'cache', 'snapshots', 'model');
    fs.mkdirSync(path.join(linked, 'sub'), { recursive: true });
    fs.symlinkSync('../../blobs/sha-1', path.join(linked, 'weights.bin'));
    fs.symlinkSync('../../../blobs/sha-2', path.join(linked, 'sub', 'config.json'));
    write(path.join(dir, 'copied', 'model', 'weights.bin'), 'weights');
    write(path.join(dir, 'copied', 'model', 'sub', 'config.json'), 'config');

    const viaLinks = deploy(linked);
    expect(blobNames(viaLinks.json)).toEqual(['model/sub/config.json', 'model/weights.bin']);
    expect(modelVersion(viaLinks.json)).toBe(modelVersion(deploy(path.join(dir, 'copied', 'model')).json));
  });

  test('a linked folder is walked; a link back to an enclosing folder is skipped with a warning', () => {
    write(path.join(dir, 'shared', 'tokenizer.json'), '{}');
    write(path.join(dir, 'model', 'weights.bin'), 'w');
    fs.symlinkSync('../shared', path.join(dir, 'model', 'tokenizer'));
    fs.symlinkSync('..', path.join(dir, 'model', 'loop'));
    const { json, warnings } = deploy(path.join(dir, 'model'));
    expect(blobNames(json)).toEqual(['model/tokenizer/tokenizer.json', 'model/weights.bin']);
    expect(warnings).toEqual([
      expect.stringMatching(/'model\/loop' links to a folder that contains it; skipped/),
    ]);
  });

  test('SE215 refuses a dangling link: the model would lack the file', () => {
    write(path.join(dir, 'model', 'config.json'), '{}');
    fs.symlinkSync('../missing.bin', path.join(dir, 'model', 'weights.bin'));
    expect(() => deploy(path.join(dir, 'model'))).toThrow(
      /\[SE215\] .*'model\/weights\.bin' is a symbolic link to '\.\.\/missing\.bin', which does not exist/,
    );
  });

  test('the nearest valid input passes: the same folder with the link fixed', () => {
    write(path.join(dir, 'model', 'config.json'), '{}');
    write(path.join(dir, 'weights.bin'), 'w');
    fs.symlinkSync('../weights.bin', path.join(dir, 'model', 'weights.bin'));
    expect(blobNames(deploy(path.join(dir, 'model')).json)).toEqual([
      'model/config.json',
      'model/weights.bin',
    ]);
  });
});
