#!/usr/bin/env bash
# The install and build steps of the image, one per Dockerfile RUN:
#
#   bash infra/image-steps.sh deps           # deps stage:    every dependency, exactly as locked
#   bash infra/image-steps.sh build          # build stage:   dist/ (apps, console, workflow bundle)
#   bash infra/image-steps.sh runtime-deps   # runtime stage: production dependencies only
#
# The Dockerfile runs this file, and infra/check-image-steps.sh runs the same
# Dockerfile lines without Docker, so CI proves the image's steps on every change.
# Runs in the current directory (the image's WORKDIR). npm's download cache is
# a BuildKit cache mount in the Dockerfile, so no layer carries it and nothing
# here cleans it (this script also runs on developers' machines).
set -euo pipefail

step="${1:-}"
case "$step" in
  deps)
    npm ci --no-audit --no-fund
    ;;
  build)
    # tsc -> dist/apps/<app>/src/main.js, dist/libs, dist/workflows; vite -> dist/console;
    # then the Temporal workflow bundle, loaded by the worker via WORKFLOW_BUNDLE.
    npm run -s build
    npm run -s build:workflows -- dist/workflow-bundle.js
    ;;
  runtime-deps)
    npm ci --omit=dev --no-audit --no-fund
    ;;
  *)
    echo "usage: bash infra/image-steps.sh deps|build|runtime-deps" >&2
    exit 2
    ;;
esac
