#!/usr/bin/env bash
# Validate docker-compose.yml without a Docker engine.
#
#   bash infra/check-compose.sh [path/to/compose.yml]
#
# Uses, in order: docker-compose (Debian's 1.29 package or any other) on PATH;
# `docker compose` (v2 plugin) if it actually works; else, when root with
# apt-get, installs Debian's docker-compose and uses it. `config` only parses,
# interpolates and schema-checks the file: it needs no engine.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
file="${1:-docker-compose.yml}"

if [[ ! -f "$file" ]]; then
  echo "check-compose: $file not found" >&2
  exit 1
fi

compose=()
if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" -eq 0 ]]; then
  echo "check-compose: installing docker-compose with apt-get..." >&2
  export DEBIAN_FRONTEND=noninteractive
  # --no-install-recommends: the validator only, not the docker.io engine it recommends.
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends docker-compose; } >/dev/null 2>&1; then
    echo "check-compose: 'apt-get install docker-compose' failed" >&2
    exit 1
  fi
  compose=(docker-compose)
else
  echo "check-compose: no compose validator found: need docker-compose on PATH," \
       "a working 'docker compose' plugin, or root with apt-get to install docker-compose" >&2
  exit 1
fi

# -q: print nothing, exit non-zero on an invalid file (errors go to stderr).
"${compose[@]}" -f "$file" config -q
echo "$file: valid"
