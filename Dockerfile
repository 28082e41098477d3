# syntax=docker/dockerfile:1
#
# One image for all three zhifa apps (case-api, worker, jobs).
# The default CMD runs case-api; docker-compose.yml picks the entry point of
# the other two with a per-service `command:`.
#
#   docker build -t zhifa:local .
#   docker run --rm zhifa:local                                   # case-api
#   docker run --rm zhifa:local node dist/apps/worker/src/main.js # worker
#
# Every install and build step is a `bash infra/image-steps.sh <step>`; CI
# runs these same lines without Docker (infra/check-image-steps.sh), so keep
# other RUN lines to system setup (apt packages, directories).

# Node 24 LTS, the runtime of record; the same version as infra/node24.sh.
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

# ----------------------------------------------------------------- deps ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# Only the manifests: source edits do not invalidate the npm ci layer. npm's
# download cache is a BuildKit cache mount: reused between builds, in no layer.
COPY package.json package-lock.json ./
COPY infra/image-steps.sh ./infra/
RUN --mount=type=cache,target=/root/.npm bash infra/image-steps.sh deps

# ---------------------------------------------------------------- build ----
FROM deps AS build
COPY . .
# dist/apps, dist/libs (migrations included), dist/workflows, dist/console,
# dist/workflow-bundle.js
RUN bash infra/image-steps.sh build

# -------------------------------------------------------------- runtime ----
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production

# The CJK font the official documents embed (Noto Serif CJK SC, from Debian's
# fonts-noto-cjk): installed here from the package registry, never fetched at
# run time.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*

# Production dependencies only. They stay owned by root: the app user can read
# them but not change them.
COPY package.json package-lock.json ./
COPY infra/image-steps.sh ./infra/
RUN --mount=type=cache,target=/root/.npm bash infra/image-steps.sh runtime-deps

# The compiled apps and their migrations (applied by each app at start), the
# console's production build (served by case-api at /console) and the
# prebuilt workflow bundle.
COPY --from=build /app/dist ./dist
# The worker loads this bundle instead of running webpack at every start.
ENV WORKFLOW_BUNDLE=/app/dist/workflow-bundle.js

# Evidence store (EVIDENCE_DIR), archive packages (ARCHIVE_DIR) and the
# private archive-signing keys (ARCHIVE_KEY_DIR). Created here, owned by the
# app user, so a fresh named volume mounted on each inherits that ownership.
RUN mkdir -p /data/evidence /data/archives /data/archive-keys && chmod 700 /data/archive-keys && chown -R node:node /data

# Non-root: the `node` user (uid 1000) that the official image ships.
USER node

EXPOSE 3000
CMD ["node", "dist/apps/case-api/src/main.js"]
