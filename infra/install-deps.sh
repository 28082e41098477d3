#!/usr/bin/env bash
# Installs node_modules exactly as package-lock.json pins them, with `npm ci`:
# the same command the Dockerfile runs (infra/image-steps.sh). The lock holds
# every platform's optional native builds (@swc/core-*, @unrs/*, rolldown,
# lightningcss, msgpackr-extract: Linux, macOS and Windows, x64 and arm64), so
# there is no fallback: a lock that npm ci refuses is a bug to fix in the lock.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
npm ci --no-audit --no-fund 2>"$log" || status=$?
cat "$log" >&2
[ "$status" -eq 0 ] && exit 0
if grep -q 'from lock file\|in sync' "$log"; then
  cat >&2 <<'MSG'

npm ci refused package-lock.json: it no longer matches package.json.
Regenerate the lock (it keeps every platform's optional builds), check that
`npm ci` passes in a clean clone, and commit both files:
  npm install --package-lock-only --no-audit --no-fund
MSG
else
  echo "npm ci failed (see above)" >&2
fi
exit 1
