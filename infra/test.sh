#!/usr/bin/env bash
# The whole test suite against the real services: unit, integration
# (Temporal dev server, Postgres, Redis), e2e over HTTP, the fault tests on
# private services, then the console in Debian's chromium against the same
# stack (screenshots in .data/screenshots/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -d node_modules ] || bash infra/install-deps.sh
bash infra/services.sh
TEMPORAL_CLI="$(bash infra/temporal-cli.sh)"
export TEMPORAL_CLI
# Chromium for the browser tests; the CJK font and poppler-utils the document tests (unit and e2e) read PDFs with.
bash infra/install-browser.sh
npx jest --selectProjects unit "$@"
# In band, every suite loads the three apps into the one Jest process; each
# suite's heap after it is logged, so a suite that keeps the ones before it
# alive shows as a climb (see docs/development.md, "Memory in the in-band run").
npx jest --selectProjects integration e2e --runInBand --logHeapUsage "$@"
# The fault tests: each file starts a Postgres, Redis and Temporal dev server of its own on free loopback ports and
# kills or stops them (never the shared ones); in band, so only one such set runs at a time.
npx jest --selectProjects reliability --runInBand "$@"
# The browser tests drive the console's production build, served by case-api.
npm run -s build:console
npx jest --selectProjects browser --runInBand "$@"
