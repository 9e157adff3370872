/** What is uploaded, checked at synth: scoring script, conda dependencies, MLmodel, model files (SE454-SE458). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CodeConfiguration,
  Environment,
  Model,
  OnlineDeployment,
  OnlineDeploymentOptions,
} from '../../src/deployment';
import { reported } from '../support/synth';
import { endpointOn, howToDeployment, IMAGE } from '../endpoint/helpers';

/** A folder with the given files (path inside it to content), made fresh for each call. */
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-content-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const deploy = (options: Partial<OnlineDeploymentOptions>) => () =>
  reported((s) => {
    const { endpoint } = endpointOn(s);
    new OnlineDeployment(s, 'Blue', { endpoint, ...howToDeployment(), ...options });
  });

const SCRIPT =
  'import json\n\ndef init():\n    pass\n\n\ndef run(raw_data):\n    return json.loads(raw_data)\n';

describe('scoring script', () => {
  const code = (files: Record<string, string>, script = 'score.py', skip = false) =>
    CodeConfiguration.fromLocalPath(folder(files), script, skip ? { skipContentChecks: true } : {});

  test('SE455 a script without run() (or whose run is only in a docstring) is refused; init and run pass', () => {
    expect(deploy({ code: code({ 'score.py': 'def init():\n    pass\n' }) })()).toEqual([
      expect.stringMatching(/\[SE455\] test\/Blue: scoring script 'score.py' .* does not define run\(\)/),
    ]);
    expect(
      deploy({ code: code({ 'score.py': '"""\ndef run(data):\n"""\ndef init():\n  pass\n' }) })(),
    ).toEqual([expect.stringMatching(/\[SE455\].*run\(\)/)]);
    expect(deploy({ code: code({ 'score.py': '' }) })()).toEqual([
      expect.stringMatching(/\[SE455\].*init\(\) or run\(\)/),
    ]);
    expect(deploy({ code: code({ 'score.py': SCRIPT }) })()).toEqual([]);
    // Imported from a module of the code folder, or async: still defined.
    expect(
      deploy({ code: code({ 'score.py': 'from app.serve import init, run\n', 'app/serve.py': SCRIPT }) })(),
    ).toEqual([]);
    expect(
      deploy({ code: code({ 'score.py': 'async def init():\n  pass\nasync def run(d):\n  return d\n' }) })(),
    ).toEqual([]);
  });

  test('SE454 a notebook as scoring script is refused, with the way to export it', () => {
    expect(deploy({ code: code({ 'score.ipynb': '{"cells": []}' }, 'score.ipynb') })()).toEqual([
      expect.stringMatching(
        /\[SE454\] test\/Blue: scoring script 'score.ipynb' .* is not a Python file \(a notebook: export it/,
      ),
    ]);
  });

  test('skipContentChecks skips them for that code', () => {
    expect(deploy({ code: code({ 'score.ipynb': '{}' }, 'score.ipynb', true) })()).toEqual([]);
    expect(deploy({ code: code({ 'score.py': 'print(1)\n' }, 'score.py', true) })()).toEqual([]);
  });
});

describe('conda file', () => {
  const env = (conda: string, skip = false) =>
    Environment.fromImage(IMAGE, {
      condaFile: path.join(folder({ 'conda.yaml': conda }), 'conda.yaml'),
      ...(skip ? { skipContentChecks: true } : {}),
    });

  test('SE456 dependencies as a mapping, or an entry that is neither a spec nor a pip list, is refused', () => {
    expect(deploy({ environment: env('name: x\ndependencies:\n  python: 3.10\n') })()).toEqual([
      expect.stringMatching(
        /\[SE456\] test\/Blue: conda file '.*conda.yaml' has dependencies that are a mapping, not a list/,
      ),
    ]);
    expect(deploy({ environment: env('dependencies:\n  - python=3.10\n  - pip: numpy\n') })()).toEqual([
      expect.stringMatching(/\[SE456\].*dependencies\[1\] that is a mapping/),
    ]);
  });

  test('a list of specs and pip lists passes, so does no dependencies key, and skipContentChecks', () => {
    expect(deploy({ environment: env('dependencies:\n  - python=3.10\n  - pip:\n    - numpy\n') })()).toEqual(
      [],
    );
    expect(deploy({ environment: env('name: x\nchannels: [conda-forge]\n') })()).toEqual([]);
    expect(deploy({ environment: env('dependencies:\n  python: 3.10\n', true) })()).toEqual([]);
  });
});

describe('model files', () => {
  test('SE458 a model folder of empty files is refused; one non-empty file passes', () => {
    expect(deploy({ model: Model.fromLocalPath(folder({ 'a.bin': '', 'b.bin': '' })) })()).toEqual([
      expect.stringMatching(/\[SE458\] test\/Blue: model '.*' holds 2 files, all empty/),
    ]);
    expect(deploy({ model: Model.fromLocalPath(folder({ 'a.bin': '', 'b.bin': 'x' })) })()).toEqual([]);
    expect(
      deploy({ model: Model.fromLocalPath(folder({ 'a.bin': '' }), { skipContentChecks: true }) })(),
    ).toEqual([]);
  });

  test('SE457 an MLflow MLmodel that is empty, or has no flavor, is refused; one with a flavor passes', () => {
    const mlflow = (mlmodel: string) =>
      deploy({
        model: Model.mlflowFromLocalPath(
          path.join(folder({ 'model/MLmodel': mlmodel, 'model/model.pkl': 'x' }), 'model'),
        ),
        code: undefined,
        environment: undefined,
      })();
    expect(mlflow('')).toEqual([
      expect.stringMatching(/\[SE457\] test\/Blue: MLflow model '.*' has an MLmodel file that is empty/),
    ]);
    expect(mlflow('artifact_path: model\n')).toEqual([expect.stringMatching(/\[SE457\].*without flavors/)]);
    expect(mlflow('flavors:\n  python_function:\n    loader_module: mlflow.sklearn\n')).toEqual([]);
  });
});
