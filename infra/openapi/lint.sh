#!/usr/bin/env bash
# `npm run lint:openapi`: Redocly's linter over the committed OpenAPI document
# (apps/case-api/openapi.json) with redocly.yaml's rules and the exceptions
# stated in .redocly.lint-ignore.yaml. Fails on any error and on any warning:
# Redocly itself exits 0 on warnings.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
doc=apps/case-api/openapi.json
totals="$(npx redocly lint "$doc" --format=json 2>/dev/null | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    try { const t = JSON.parse(s).totals; console.log(`${t.errors} ${t.warnings} ${t.ignored}`); } catch { console.log("unreadable"); }
  });' || true)"
if [[ "$totals" =~ ^0\ 0\ ([0-9]+)$ ]]; then
  echo "OpenAPI lint: $doc has no errors and no warnings (${BASH_REMATCH[1]} stated exceptions)"
  exit 0
fi
echo "OpenAPI lint: $doc has problems (errors warnings ignored: $totals):" >&2
npx redocly lint "$doc" >&2 || true
exit 1
