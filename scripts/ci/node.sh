#!/usr/bin/env bash
# Prints the bin folder of Node.js MAJOR (22, 24...), installed once from the npm registry's official binaries
# (the `node-<platform>-<arch>` packages `npx -p node@MAJOR` uses) into a cache folder, so CI can run a command
# on another Node.js line than the machine's: PATH="$(scripts/ci/node.sh 22):$PATH" npm test.
# Cache: $AML_NODE_CACHE (default ${XDG_CACHE_HOME:-~/.cache}/aml-node/MAJOR); delete it to take a newer patch.
set -euo pipefail
major=${1:?usage: scripts/ci/node.sh MAJOR}
case "$major" in *[!0-9]*) echo "node.sh: '$major' is not a Node.js major version (22, 24...)" >&2; exit 2 ;; esac
platform=$(node -p 'process.platform')
arch=$(node -p 'process.arch')
package="node-$platform-$arch"
dir=${AML_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/aml-node}/$major
bin="$dir/node_modules/$package/bin"
if ! "$bin/node" --version 2>/dev/null | grep -q "^v$major\."; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "$package@$major" >&2
fi
"$bin/node" --version >&2
echo "$bin"
