#!/usr/bin/env bash
# Synthesizes every layout (single, split, module, hardened, hcl), the how-to stack on cdktn and every example (the cdktn one
# on the cdktn edition), then runs `terraform init -backend=false` and `terraform validate` in each stack, then
# the jest tests that validate the other documented
# configurations the same way (`*.terraform.test.ts`). Providers come from the registry, or from the mirror
# TF_CLI_CONFIG_FILE points at, or from ../shared/terraform-providers/mirror.sh when that folder exists; without
# terraform or any provider source it says so in one line and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1

skip() { echo "validate:terraform: skipped, $1"; exit 0; }
command -v terraform >/dev/null 2>&1 || skip "terraform is not installed"

if [ -n "${TF_CLI_CONFIG_FILE:-}" ] && [ -f "$TF_CLI_CONFIG_FILE" ] && grep -q filesystem_mirror "$TF_CLI_CONFIG_FILE"; then
  source_note="providers from the mirror in $TF_CLI_CONFIG_FILE"
elif [ -x ../shared/terraform-providers/mirror.sh ] && mirror_env=$(../shared/terraform-providers/mirror.sh); then
  eval "$mirror_env"
  source_note="providers from ../shared/terraform-providers"
elif curl -fsS -m 10 -o /dev/null https://registry.terraform.io/v1/providers/Azure/azapi/versions 2>/dev/null; then
  source_note="providers from registry.terraform.io"
else
  skip "no provider source (no registry access and no provider mirror; see docs/terraform-users.md)"
fi
echo "validate:terraform: $source_note"

# Synthesize (quietly; a failure prints the synth output).
run() { # label command...
  local log
  log=$(mktemp)
  if ! "${@:2}" >"$log" 2>&1; then
    cat "$log"
    echo "validate:terraform: $1 failed"
    exit 1
  fi
  rm -f "$log"
}
rm -rf cdktf.out cdktf.out.split cdktf.out.module cdktf.out.hardened cdktf.out.hcl cdktf.out.cdktn examples/cdktf.out
run "npm run synth" npm run synth
# The how-to stack on cdktn (the cdktn edition's modules, azurerm 4.73.0).
run "npm run synth:cdktn" npm run synth:cdktn
run "npm run synth:split" npm run synth:split
run "npm run synth:module" npm run synth:module
run "npm run synth:hardened" npm run synth:hardened
run "npm run synth:hcl" npm run synth:hcl
# The quickstart example imports the package by name: build it first.
run "npm run build" npm run build
run "example quickstart synth" bash -c 'cd examples && npx cdktf synth --output cdktf.out'
# The cdktn example app, on the cdktn edition built from the same source (dist/cdktn).
run "npm run example:cdktn" npm run example:cdktn

run "terraform fmt -check (cdktf.out.hcl)" terraform fmt -check -recursive cdktf.out.hcl

dirs=(cdktf.out/stacks/* cdktf.out.split/stacks/* cdktf.out.module/stacks/* cdktf.out.hardened/stacks/* cdktf.out.hcl/stacks/*
  cdktf.out.cdktn/stacks/* examples/cdktf.out/stacks/* examples/cdktn/cdktf.out/stacks/* examples/terraform-module)
failed=0
for dir in "${dirs[@]}"; do
  start=$SECONDS
  if ! init=$(cd "$dir" && terraform init -backend=false -input=false -no-color 2>&1); then
    echo "FAIL  $dir (terraform init)"
    echo "$init" | grep -v '^$' | tail -20
    failed=1
  elif ! out=$(cd "$dir" && terraform validate -no-color 2>&1); then
    echo "FAIL  $dir"
    echo "$out" | grep -v '^$' | tail -40
    failed=1
  else
    warnings=$(grep -c '^Warning:' <<<"$out" || true)
    note=""
    [ "$warnings" = 0 ] || note=", $warnings warnings"
    echo "ok    $dir ($((SECONDS - start)) s$note)"
    [ "$warnings" = 0 ] || grep -A6 '^Warning:' <<<"$out"
  fi
done
rm -rf examples/terraform-module/.terraform examples/terraform-module/.terraform.lock.hcl

# The documented configurations that are not layouts (workspace, endpoint and operations configurations, module
# callers), synthesized and validated by jest (`*.terraform.test.ts`, kept out of `npm test`).
if npx jest --ci --silent -c jest.terraform.config.js >"${TMPDIR:-/tmp}/validate-terraform-jest.log" 2>&1; then
  echo "ok    jest -c jest.terraform.config.js ($(grep -E '^Tests:' "${TMPDIR:-/tmp}/validate-terraform-jest.log" | sed 's/^Tests: *//'))"
else
  cat "${TMPDIR:-/tmp}/validate-terraform-jest.log"
  echo "FAIL  jest -c jest.terraform.config.js"
  failed=1
fi
[ "$failed" = 0 ] || { echo "validate:terraform: failed"; exit 1; }
echo "validate:terraform: every stack is valid"
