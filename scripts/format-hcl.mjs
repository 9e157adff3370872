// Finishes `cdktf synth --hcl`: writes `depends_on` and `replace_triggered_by` entries as references
// (hcl-references.js says why) and runs `terraform fmt`, so the output is `terraform fmt -check`
// clean. Usage: node scripts/format-hcl.mjs <output folder>
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import console from 'node:console';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import hclReferences from './hcl-references.js';

const root = process.argv[2];
if (root === undefined) {
  console.error('usage: node scripts/format-hcl.mjs <folder>');
  process.exit(2);
}

function tfFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === '.terraform' || name === 'assets') return [];
    if (statSync(path).isDirectory()) return tfFiles(path);
    return name.endsWith('.tf') ? [path] : [];
  });
}

for (const file of tfFiles(root)) {
  writeFileSync(file, hclReferences.unquoteAddressLists(readFileSync(file, 'utf8')));
}

const fmt = spawnSync('terraform', ['fmt', '-recursive', '-list=false', root], { stdio: 'inherit' });
if (fmt.error !== undefined) {
  console.error(`synth:hcl: terraform not found, ${root} is not formatted (install Terraform and rerun)`);
} else if (fmt.status !== 0) {
  process.exit(fmt.status ?? 1);
}
