#!/usr/bin/env bash
# Prints the path of a Temporal CLI: $TEMPORAL_CLI, then PATH, then
# .tools/bin/temporal; otherwise builds the pinned version with Go.
# v1.5.1 is the newest tag that `go install` accepts (later ones carry a
# `replace` directive); older tags are tried if its build fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/.tools/bin"

if [ -n "${TEMPORAL_CLI:-}" ]; then
  [ -x "$TEMPORAL_CLI" ] || { echo "TEMPORAL_CLI=$TEMPORAL_CLI is not an executable file" >&2; exit 1; }
  echo "$TEMPORAL_CLI"; exit 0
fi
if command -v temporal >/dev/null 2>&1; then command -v temporal; exit 0; fi
if [ -x "$bin/temporal" ]; then echo "$bin/temporal"; exit 0; fi

if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<MSG
No Temporal CLI found and Go is not installed to build one.
Install one of:
  - Go 1.23+ (https://go.dev/dl/), then re-run: the CLI is built into .tools/bin
  - the Temporal CLI (https://docs.temporal.io/cli), on PATH or as TEMPORAL_CLI=/path/to/temporal
Or run the whole stack with Docker: docker compose up
MSG
  exit 1
fi

mkdir -p "$bin"
for version in v1.5.1 v1.5.0 v1.4.0; do
  echo "Building Temporal CLI $version into .tools/bin (first run only, a few minutes)..." >&2
  if GOTOOLCHAIN=local GOBIN="$bin" go install "github.com/temporalio/cli/cmd/temporal@$version" >&2; then
    echo "$bin/temporal"; exit 0
  fi
  echo "Temporal CLI $version failed to build; trying an older tag" >&2
done
echo "Could not build the Temporal CLI with Go ($(go version)). Set TEMPORAL_CLI or use docker compose." >&2
exit 1
