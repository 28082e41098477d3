#!/usr/bin/env bash
# Benchmarks and the soak (not part of the test suite): build, then run each against the real services.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -d node_modules ] || bash infra/install-deps.sh
bash infra/services.sh
npm run -s build

npx tsc -p bench/tsconfig.json && npx tsc-alias -p bench/tsconfig.json
# `bash bench/run.sh soak` (npm run soak): the bounded soak instead of the benchmarks.
if [ "${1:-}" = soak ]; then exec node dist-bench/bench/soak.js; fi
# BENCH_ONLY=command-path,statistics runs only those (names without .bench.ts).
for b in dist-bench/bench/*.bench.js; do
  name="$(basename "$b" .bench.js)"
  if [ -n "${BENCH_ONLY:-}" ] && [[ ",$BENCH_ONLY," != *",$name,"* ]]; then continue; fi
  echo "== $b"; node "$b"
done
