#!/usr/bin/env bash
# `npm run example:cdktn`: builds the cdktn edition (dist/cdktn), then does with examples/cdktn what its users do:
# type-checks it (tsconfig.json: skipLibCheck false) and synthesizes it to examples/cdktn/cdktf.out. The example
# imports `cdktn-azureml-secure-endpoint` by name: examples/cdktn/node_modules links it to dist/cdktn; `cdktn`
# and the provider come from this repository's node_modules. It runs the app the way its `synth:direct` script
# does, without cdktn-cli (`npm run test:cli-synth` runs `cdktn synth` on Node.js 22 and compares).
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run --silent build:cdktn
mkdir -p examples/cdktn/node_modules
ln -sfn ../../../dist/cdktn examples/cdktn/node_modules/cdktn-azureml-secure-endpoint
cd examples/cdktn
rm -rf cdktf.out
../../node_modules/.bin/tsc -p tsconfig.json
CDKTF_OUTDIR=cdktf.out CHECKPOINT_DISABLE=1 ../../node_modules/.bin/ts-node --transpile-only main.ts
echo "example:cdktn: type-checked and synthesized to examples/cdktn/cdktf.out ($(ls cdktf.out/stacks | tr '\n' ' ' | sed 's/ $//'))"
