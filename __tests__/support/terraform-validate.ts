import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';

// The same rewrite `npm run synth:hcl` applies (a CommonJS script, shared with scripts/format-hcl.mjs).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unquoteAddressLists } = require('../../scripts/hcl-references') as {
  unquoteAddressLists: (text: string) => string;
};

const MIRROR_SCRIPT = path.resolve(__dirname, '../../../shared/terraform-providers/mirror.sh');

let environment: NodeJS.ProcessEnv | null | undefined;

/**
 * The environment with the offline provider mirror configured (`mirror.sh`), or null when real validation is
 * unavailable here (no terraform, no xz): callers skip, with a one-line notice. Without the mirror folder, Terraform's own configuration is used (providers from the registry).
 */
export function terraformEnvironment(): NodeJS.ProcessEnv | null {
  if (environment !== undefined) return environment;
  environment = null;
  if (!fs.existsSync(MIRROR_SCRIPT)) {
    const found = spawnSync('terraform', ['version'], { encoding: 'utf8' });
    if (found.status === 0) environment = { ...process.env, CHECKPOINT_DISABLE: '1' };
    return environment;
  }
  const result = spawnSync('bash', [MIRROR_SCRIPT], { encoding: 'utf8' });
  if (result.status !== 0) return environment;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const match of result.stdout.matchAll(/^export (\w+)='?([^'\n]*)'?$/gm)) env[match[1]] = match[2];
  environment = env;
  return environment;
}

interface Diagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly detail?: string;
  readonly address?: string;
  readonly range?: { readonly filename: string };
}

/**
 * `terraform validate -json` diagnostics (errors and warnings) of several synthesized stacks, by name. The stacks
 * become modules of one root so that Terraform loads the providers' schemas once (a few seconds each on a
 * shared machine); a diagnostic is attributed to a stack by its module folder.
 */
export function terraformValidateAll(
  stacks: { readonly [name: string]: TerraformStack },
  env: NodeJS.ProcessEnv,
  options: { readonly hcl?: readonly string[] } = {},
): { [name: string]: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-validate-'));
  try {
    const names = Object.keys(stacks);
    const modules: Record<string, { source: string }> = {};
    names.forEach((name, i) => {
      fs.mkdirSync(path.join(dir, `m${i}`));
      // Stacks named in `hcl` are written as `npm run synth:hcl` writes them.
      const hcl = options.hcl?.includes(name) ?? false;
      const file = path.join(dir, `m${i}`, hcl ? 'cdk.tf' : 'cdk.tf.json');
      // As `npm run synth:hcl` finishes it (scripts/hcl-references.js): cdktf quotes the address lists.
      fs.writeFileSync(
        file,
        hcl ? unquoteAddressLists(Testing.synthHcl(stacks[name])) : Testing.synth(stacks[name]),
      );
      modules[`m${i}`] = { source: `./m${i}` };
    });
    fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({ module: modules }));
    execFileSync('terraform', ['init', '-backend=false', '-input=false', '-no-color'], {
      cwd: dir,
      env,
      encoding: 'utf8',
    });
    const result = spawnSync('terraform', ['validate', '-json', '-no-color'], {
      cwd: dir,
      env,
      encoding: 'utf8',
    });
    const report = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] };
    const byName: { [name: string]: string[] } = Object.fromEntries(names.map((n) => [n, []]));
    for (const d of report.diagnostics) {
      const folder = /^m(\d+)\//.exec(d.range?.filename ?? '')?.[1];
      const owner = folder === undefined ? '(root)' : names[Number(folder)];
      // Provider configuration blocks inside a module are what makes each stack standalone: expected here.
      if (d.severity === 'warning' && /provider configuration/i.test(`${d.summary} ${d.detail}`)) continue;
      // cdktf's HCL renderer quotes every `depends_on` entry (all of cdktf's HCL output has these warnings).
      if (d.severity === 'warning' && d.summary === 'Quoted references are deprecated') continue;
      (byName[owner] ??= []).push(`${d.severity}: ${d.address ?? ''} ${d.summary} ${d.detail ?? ''}`.trim());
    }
    return byName;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A jest `describe` that builds each stack, runs real `terraform validate` over all of them at once and expects no
 * diagnostic for any (nor outside them). Stacks named in `hcl` are written as `cdktf synth --hcl` writes them.
 * Skipped with a notice when Terraform is unavailable.
 */
export function describeTerraformValidation(
  title: string,
  stacks: { readonly [name: string]: () => TerraformStack },
  options: { readonly hcl?: readonly string[] } = {},
): void {
  const env = terraformEnvironment();
  if (env === null) {
    process.stdout.write('[terraform] real validation unavailable (terraform or xz missing)\n');
    describe.skip(title, () => test('skipped', () => undefined));
    return;
  }
  describe(title, () => {
    let diagnostics: { [name: string]: string[] } = {};
    beforeAll(() => {
      const built = Object.fromEntries(Object.entries(stacks).map(([name, build]) => [name, build()]));
      diagnostics = terraformValidateAll(built, env, options);
    }, 300_000);

    test('nothing outside the configurations is reported', () => {
      expect(diagnostics['(root)'] ?? []).toEqual([]);
    });

    test.each(Object.keys(stacks))('%s', (name) => {
      expect(diagnostics[name]).toEqual([]);
    });
  });
}
