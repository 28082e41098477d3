#!/usr/bin/env bash
# Runs zhifa locally: Temporal dev server (file database under .data/),
# migrations and demo seed, the three apps, then a demo case through the
# API. Ctrl-C stops everything cleanly.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

PORT="${PORT:-3000}"
TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/zhifa}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
export TEMPORAL_NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
export EVIDENCE_DIR="${EVIDENCE_DIR:-$root/.data/evidence}"
export NODE_ENV="${NODE_ENV:-development}"
# Readable lines in .data/logs and the terminal (no colour codes: the apps write to files); LOG_FORMAT=json to try production's.
export LOG_FORMAT="${LOG_FORMAT:-text}"
export PORT

mkdir -p .data/logs "$EVIDENCE_DIR"
[ -d node_modules ] || bash infra/install-deps.sh
bash infra/services.sh
temporal_cli="$(bash infra/temporal-cli.sh)"

# A per-checkout secret for local tokens, never committed.
[ -s .data/dev-jwt-secret ] || head -c 48 /dev/urandom | base64 | tr -d '\n' > .data/dev-jwt-secret
export JWT_SECRET="${JWT_SECRET:-$(cat .data/dev-jwt-secret)}"

for p in "$PORT" "$TEMPORAL_PORT" "$TEMPORAL_UI_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "Port $p is already in use (another zhifa or Temporal running?). Stop it or set PORT / TEMPORAL_PORT / TEMPORAL_UI_PORT." >&2
    exit 1
  fi
done

echo "==> Building (apps, and the console into dist/console)"
npm run -s build

# Servers run in their own sessions so Ctrl-C reaches only this script,
# which then stops them in order: apps first (they drain in-flight work
# against Temporal), Temporal last.
temporal_pid=""
app_pids=()
tail_pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "==> Stopping (apps finish in-flight work first)"
  for pid in "${app_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${app_pids[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done; done
  [ -n "$temporal_pid" ] && kill -TERM "$temporal_pid" 2>/dev/null || true
  [ -n "$temporal_pid" ] && while kill -0 "$temporal_pid" 2>/dev/null; do sleep 0.2; done
  for pid in "${tail_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  pkill -P $$ 2>/dev/null || true
  echo "Stopped."
}
trap stop INT TERM EXIT

echo "==> Temporal dev server (state in .data/temporal.db)"
setsid "$temporal_cli" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
  --db-filename .data/temporal.db --namespace "$TEMPORAL_NAMESPACE" --log-level warn >.data/logs/temporal.log 2>&1 &
temporal_pid=$!
for _ in $(seq 1 120); do
  "$temporal_cli" operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1 && break
  kill -0 "$temporal_pid" 2>/dev/null || { echo "Temporal failed to start; see .data/logs/temporal.log" >&2; exit 1; }
  sleep 0.5
done

echo "==> Migrations and demo seed"
node dist/infra/seed/seed-demo.main.js

start_app() {
  local name="$1" log=".data/logs/$1.log"
  : >"$log"
  setsid node "dist/apps/$name/src/main.js" >>"$log" 2>&1 &
  app_pids+=($!)
  tail -n +1 -F "$log" 2>/dev/null | sed -u "s/^/[$name] /" &
  tail_pids+=($!)
}
start_app worker
start_app jobs
start_app case-api

api="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do
  curl -fsS "$api/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$api/ready" >/dev/null || { echo "case-api did not become ready; see .data/logs/" >&2; exit 1; }

node dist/infra/demo/demo.main.js "$api"

cat <<MSG

zhifa is running.
  Console    $api/console/   (执法办案平台: sign in with a demo user in one click)
  API        $api/api/v1
  OpenAPI    $api/api/docs   (JSON: $api/api/docs-json)
  Readiness  $api/ready
  Temporal   http://127.0.0.1:$TEMPORAL_UI_PORT   (gRPC $TEMPORAL_ADDRESS)
  Dev tokens $api/api/v1/dev/tokens   (also in .data/dev-tokens.txt)
  Logs       .data/logs/
Press Ctrl-C to stop.
MSG
while kill -0 "$temporal_pid" 2>/dev/null; do
  for pid in "${app_pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "An app exited unexpectedly; see .data/logs/" >&2; exit 1; }
  done
  sleep 1
done
echo "Temporal dev server exited; see .data/logs/temporal.log" >&2
exit 1
