import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The environment for running real `terraform` with the providers of ../shared/terraform-providers, or undefined
 * (with the reason) when terraform or the provider mirror is not available on this machine.
 */
export function terraformWithProviders(): { env: NodeJS.ProcessEnv } | { skip: string } {
  const mirror = path.resolve(__dirname, '../../../shared/terraform-providers/mirror.sh');
  if (!fs.existsSync(mirror)) return { skip: 'no provider mirror at ../shared/terraform-providers' };
  const result = spawnSync(mirror, { encoding: 'utf8' });
  if (result.status !== 0) return { skip: `provider mirror unavailable: ${result.stderr.trim()}` };
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const match of result.stdout.matchAll(/^export (\w+)='?([^'\n]*)'?$/gm)) env[match[1]] = match[2];
  return { env };
}

/** `terraform init -backend=false && terraform validate` in a folder; the combined output and whether it passed. */
export function terraformValidate(dir: string, env: NodeJS.ProcessEnv): { ok: boolean; output: string } {
  let output = '';
  for (const args of [
    ['init', '-backend=false', '-input=false', '-no-color'],
    ['validate', '-no-color'],
  ]) {
    const run = spawnSync('terraform', args, { cwd: dir, env, encoding: 'utf8' });
    output += `${run.stdout}${run.stderr}`;
    if (run.status !== 0) return { ok: false, output };
  }
  return { ok: true, output };
}
