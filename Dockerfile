# syntax=docker/dockerfile:1
#
# One image for all three zhifa apps (case-api, worker, jobs).
# The default CMD runs case-api; docker-compose.yml picks the entry point of
# the other two with a per-service `command:`.
#
#   docker build -t zhifa:local .
#   docker run --rm zhifa:local                                   # case-api
#   docker run --rm zhifa:local node dist/apps/worker/src/main.js # worker

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------- build ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app

# Dependencies first, so source edits do not invalidate the npm ci layer.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# tsc -p tsconfig.build.json && tsc-alias -p tsconfig.build.json
#   -> dist/apps/<app>/src/main.js, dist/libs/..., dist/workflows/...
COPY . .
RUN npm run build

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
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

COPY --from=build /app/dist ./dist

# Evidence store (EVIDENCE_DIR), archive packages (ARCHIVE_DIR) and the
# private archive-signing keys (ARCHIVE_KEY_DIR). Created here, owned by the
# app user, so a fresh named volume mounted on each inherits that ownership.
RUN mkdir -p /data/evidence /data/archives /data/archive-keys && chmod 700 /data/archive-keys && chown -R node:node /data

# Non-root: the `node` user (uid 1000) that the official image ships.
USER node

EXPOSE 3000
CMD ["node", "dist/apps/case-api/src/main.js"]
