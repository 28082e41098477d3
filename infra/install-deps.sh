#!/usr/bin/env bash
# Installs node_modules exactly as package-lock.json pins them.
# `npm ci` first. This machine's registry mirror holds only Linux builds of
# platform-specific optional packages (@swc/core-darwin-*, ...), which npm 11
# reports as "Missing ... from lock file"; in that one case fall back to
# `npm install --no-save`, which installs the same locked versions and leaves
# the lock file untouched.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log="$(mktemp)"
if npm ci --no-audit --no-fund 2>"$log"; then rm -f "$log"; exit 0; fi
if grep -q 'Missing: .* from lock file' "$log" && ! grep -v 'Missing: @swc/core-\|Missing: @msgpackr-extract/\|Missing: @rollup/\|Missing: @esbuild/\|Missing: @unrs/\|Missing: @napi-rs/' "$log" | grep -q 'Missing:'; then
  echo "npm ci: the registry lacks other platforms' optional builds; installing the locked versions with npm install --no-save" >&2
  rm -f "$log"
  npm install --no-save --no-audit --no-fund
  exit 0
fi
cat "$log" >&2; rm -f "$log"
echo "npm ci failed (see above)" >&2
exit 1
