import * as fs from 'fs';
import { parse as parseYaml } from 'yaml';
import { problem, Problems } from '../checks';
import { LocalContent, LocalFile } from './local-content';

/**
 * Cheap, local checks of what is uploaded, so that content Azure ML can only fail on minutes into the apply
 * (after the image build, when the container starts) is refused at synth. Nothing is executed: files are read
 * and parsed only. Each asset can skip them (`skipContentChecks`) for the unusual case they do not fit.
 */

/**
 * The functions Azure ML's inference server calls in a scoring script: `init()` once when the container starts,
 * `run(data)` per request. Source: Azure ML docs, "Understand the scoring script" (how-to-deploy-online-endpoints).
 */
const SCORING_FUNCTIONS = ['init', 'run'] as const;

/** What a scoring script is: a Python source file. Notebooks are what users most often give instead. */
const PYTHON_SOURCE = /\.py$/i;

/** A top-level definition or import of `name`: `def run(`, `async def run(`, `run = ...`, `from m import run`. */
function definesAtTopLevel(source: string, name: string): boolean {
  const patterns = [
    new RegExp(`^(?:async\\s+)?def\\s+${name}\\s*\\(`, 'm'),
    new RegExp(`^${name}\\s*=`, 'm'),
    new RegExp(`^from\\s+\\S+\\s+import\\s+[^\\n]*\\b${name}\\b`, 'm'),
  ];
  return patterns.some((p) => p.test(source));
}

/** Python source without its string literals and comments, so that `def run(` inside a docstring is not read. */
function withoutStringsAndComments(source: string): string {
  return source
    .replace(/("""|''')[^]*?\1/g, '""')
    .replace(/(["'])(?:\\.|(?!\1)[^\\\n])*\1/g, '""')
    .replace(/#[^\n]*/g, '');
}

/** SE454, SE455: the scoring script is Python source that defines `init` and `run` at its top level. */
export function checkScoringScript(directory: string, scoringScript: string, file: LocalFile): Problems {
  const where = `scoring script '${scoringScript}' in code folder '${directory}'`;
  if (!PYTHON_SOURCE.test(scoringScript)) {
    const notebook = /\.ipynb$/i.test(scoringScript)
      ? ' (a notebook: export it with jupyter nbconvert --to script, then keep init and run)'
      : '';
    return [
      problem(
        'SE454',
        `${where} is not a Python file${notebook}: Azure ML's inference server imports the scoring script as a ` +
          `Python module; give a .py file that defines init() and run(data), or set skipContentChecks: true ` +
          `in the code's options if the server is configured otherwise`,
      ),
    ];
  }
  const source = withoutStringsAndComments(fs.readFileSync(file.absolutePath, 'utf8'));
  const missing = SCORING_FUNCTIONS.filter((name) => !definesAtTopLevel(source, name));
  if (missing.length > 0) {
    return [
      problem(
        'SE455',
        `${where} does not define ${missing.map((m) => `${m}()`).join(' or ')} at its top level: Azure ML calls ` +
          `init() when the container starts and run(data) for each request, and the deployment fails after the ` +
          `image build without them; define both, or set skipContentChecks: true in the code's options if they ` +
          `come from elsewhere`,
      ),
    ];
  }
  return [];
}

/**
 * SE456: a conda file's `dependencies` is a list whose entries are package specs (text) or `pip:` lists. Source:
 * conda's environment file format ("Creating an environment file manually", conda docs).
 */
export function checkCondaDependencies(condaFile: string, parsed: Record<string, unknown>): Problems {
  const dependencies = parsed.dependencies;
  if (dependencies === undefined || dependencies === null) return [];
  const fix =
    'write it as a list (`dependencies:` then lines such as `- python=3.10` and `- pip:` with its own list), ' +
    'or set skipContentChecks: true in the environment options';
  if (!Array.isArray(dependencies)) {
    return [
      problem(
        'SE456',
        `conda file '${condaFile}' has dependencies that are ${describe(dependencies)}, not a list: conda ` +
          `refuses it when Azure ML builds the image; ${fix}`,
      ),
    ];
  }
  for (const [i, entry] of (dependencies as unknown[]).entries()) {
    if (typeof entry === 'string') continue;
    const pip = isMapping(entry) ? entry.pip : undefined;
    if (isMapping(entry) && Object.keys(entry).length === 1 && Array.isArray(pip)) continue;
    return [
      problem(
        'SE456',
        `conda file '${condaFile}' has dependencies[${i}] that is ${describe(entry)}: each entry is a package ` +
          `spec (text) or a \`pip:\` list; ${fix}`,
      ),
    ];
  }
  return [];
}

/** SE457: an MLflow model's `MLmodel` is a YAML mapping with at least one flavor (MLflow's model format). */
export function checkMlmodel(localPath: string, file: LocalFile): Problems {
  const where = `MLflow model '${localPath}' has an MLmodel file`;
  const fix =
    'save the model again with mlflow.<flavor>.save_model, or set skipContentChecks: true in the model options';
  const text = fs.readFileSync(file.absolutePath, 'utf8');
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return [
      problem('SE457', `${where} that is not YAML (${reason}): Azure ML reads the flavor from it; ${fix}`),
    ];
  }
  if (!isMapping(parsed)) {
    return [
      problem(
        'SE457',
        `${where} that is ${text.trim() === '' ? 'empty' : 'not a YAML mapping'}: Azure ML reads the flavor and ` +
          `signature from it; ${fix}`,
      ),
    ];
  }
  const flavors = parsed.flavors;
  if (!isMapping(flavors) || Object.keys(flavors).length === 0) {
    return [
      problem(
        'SE457',
        `${where} without flavors: Azure ML serves an MLflow model through one of its flavors ` +
          `(python_function, sklearn...); ${fix}`,
      ),
    ];
  }
  return [];
}

/** SE458: a model has at least one file that is not empty (a folder of zero-byte files serves nothing). */
export function checkModelFiles(localPath: string, content: LocalContent): Problems {
  if (content.files.some((f) => f.size > 0)) return [];
  return [
    problem(
      'SE458',
      `model '${localPath}' holds ${content.files.length} file${content.files.length === 1 ? '' : 's'}, all ` +
        `empty: the deployment would load nothing (an unfinished copy, or files kept in Git LFS and not pulled); ` +
        `give the folder with the model's files, or set skipContentChecks: true in the model options`,
    ),
  ];
  return [];
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isMapping(value)) return 'a mapping';
  return typeof value === 'string' ? `the text '${value}'` : `the ${typeof value} ${String(value)}`;
}
