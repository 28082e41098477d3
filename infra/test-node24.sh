#!/usr/bin/env bash
# The suite on Node 24, the runtime of record, with the node_modules installed
# by the machine's Node (native addons are N-API, the same build serves both):
# unit, then integration and e2e against the real services. The browser tests
# are left to the main run (they drive chromium; the Node version under the
# test runner changes nothing there). Prints how long each part took.
#
#   bash infra/test-node24.sh [jest args...]
#
# .ci/run runs it after `npm test` on the machine's Node: about 20 minutes
# more on the 2-core CI machine (docs/development.md, "Node versions").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -d node_modules ] || bash infra/install-deps.sh
node24_bin="$(bash infra/node24.sh)"
export PATH="$node24_bin:$PATH"
bash infra/services.sh
TEMPORAL_CLI="$(bash infra/temporal-cli.sh)"
export TEMPORAL_CLI
# The CJK font and poppler-utils the document tests read PDFs with.
bash infra/install-browser.sh

timings=()
part() {
  local name="$1" t0=$SECONDS; shift
  echo "==> Node $(node --version): $name"
  "$@"
  timings+=("$name: $(( SECONDS - t0 ))s")
}
part unit npx jest --selectProjects unit "$@"
part "integration + e2e" npx jest --selectProjects integration e2e --runInBand --logHeapUsage "$@"
echo "Node $(node --version) timings: ${timings[*]}"
