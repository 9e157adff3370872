// Finishes `cdktf synth --hcl`: writes `depends_on` and `replace_triggered_by` entries as references (cdktf 0.21
// quotes them: Terraform accepts that with a deprecation warning in `depends_on` and refuses it in
// `replace_triggered_by`) and runs `terraform fmt`, so the output is `terraform fmt -check`
// clean. Usage: node scripts/format-hcl.mjs <output folder>
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import console from 'node:console';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2];
if (root === undefined) {
  console.error('usage: node scripts/format-hcl.mjs <folder>');
  process.exit(2);
}

const ADDRESS = /^"((?:data\.|module\.)?[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?)"(,?)$/;

function tfFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === '.terraform' || name === 'assets') return [];
    if (statSync(path).isDirectory()) return tfFiles(path);
    return name.endsWith('.tf') ? [path] : [];
  });
}

for (const file of tfFiles(root)) {
  const lines = readFileSync(file, 'utf8').split('\n');
  let inAddressList = false;
  const out = lines.map((line) => {
    const trimmed = line.trim();
    if (/^(depends_on|replace_triggered_by)\s*=\s*\[$/.test(trimmed)) inAddressList = true;
    else if (inAddressList && trimmed.startsWith(']')) inAddressList = false;
    else if (inAddressList) {
      const match = ADDRESS.exec(trimmed);
      if (match) return line.replace(trimmed, `${match[1]}${match[2]}`);
    }
    return line;
  });
  writeFileSync(file, out.join('\n'));
}

const fmt = spawnSync('terraform', ['fmt', '-recursive', '-list=false', root], { stdio: 'inherit' });
if (fmt.error !== undefined) {
  console.error(`synth:hcl: terraform not found, ${root} is not formatted (install Terraform and rerun)`);
} else if (fmt.status !== 0) {
  process.exit(fmt.status ?? 1);
}
