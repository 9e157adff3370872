#!/usr/bin/env bash
# `npm run test:cli-synth`: each edition's app synthesized by its own CLI, as users run it, writes the stacks the
# direct run writes.
# - cdktf: `cdktf synth` of the how-to app (cdktf.json, this machine's Node.js) against `main.ts` run directly.
# - cdktn: `cdktn synth` of examples/cdktn (cdktn-cli 0.24, which needs Node.js 22.19 or later: installed from the
#   npm registry into a cache, run on Node.js 22 from scripts/ci/node.sh) against `npm run example:cdktn`, which
#   builds the cdktn edition, type-checks the example and runs it directly.
# Cache of the CLI: $AML_CDKTN_CLI_CACHE (default ${XDG_CACHE_HOME:-~/.cache}/aml-cdktn-cli/0.24).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CHECKPOINT_DISABLE=1
root=$PWD
same_stacks() { # label cli-out direct-out
  if ! diff -r "$2/stacks" "$3/stacks" >/dev/null; then
    echo "test:cli-synth: $1: the CLI's stacks differ from the direct run's:" >&2
    diff -r "$2/stacks" "$3/stacks" | head -40 >&2
    exit 1
  fi
  echo "test:cli-synth: $1: the CLI wrote the stacks the direct run writes ($(ls "$2/stacks" | tr '\n' ' ' | sed 's/ $//'))"
}

# cdktf
npm run --silent synth -- --output cdktf.out >/dev/null 2>&1 || npm run synth -- --output cdktf.out
rm -rf cdktf.out.direct
CDKTF_OUTDIR=cdktf.out.direct SWC_NODE_SOURCE_MAP_MODE=none node --require @swc-node/register main.ts 2>/dev/null
same_stacks "cdktf synth" cdktf.out cdktf.out.direct
rm -rf cdktf.out.direct

# cdktn
node22=$(scripts/ci/node.sh 22)
cli=${AML_CDKTN_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/aml-cdktn-cli/0.24}
version() { node -p "require('$cli/node_modules/cdktn-cli/package.json').version" 2>/dev/null || true; }
if [[ "$(version)" != 0.24.* ]]; then
  mkdir -p "$cli"
  PATH="$node22:$PATH" npm install --prefix "$cli" --no-save --no-audit --no-fund --loglevel=error cdktn-cli@0.24.x >&2
fi
npm run --silent example:cdktn
cd examples/cdktn
rm -rf cdktf.out.cli
# The app command of examples/cdktn/cdktf.json (npx ts-node) finds ts-node in the repository's node_modules.
# Its output (and Terraform's notices) is shown only when it fails.
if ! PATH="$node22:$root/node_modules/.bin:$PATH" "$cli/node_modules/.bin/cdktn" synth --output cdktf.out.cli \
  >cdktf.out.cli.log 2>&1; then
  cat cdktf.out.cli.log >&2
  echo "test:cli-synth: cdktn synth failed" >&2
  exit 1
fi
same_stacks "cdktn synth (cdktn-cli $(version), Node.js $("$node22/node" --version))" cdktf.out.cli cdktf.out
rm -rf cdktf.out.cli cdktf.out.cli.log
