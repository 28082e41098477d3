#!/usr/bin/env bash
# Runs the Dockerfile's install and build steps without Docker, then checks
# what the runtime stage would hold.
#
#   bash infra/check-image-steps.sh
#
# It reads the Dockerfile itself: every stage gets a clean directory standing
# for its WORKDIR (/app), COPY lines copy from the build context (this work
# tree less .dockerignore) or from an earlier stage, ENV lines are exported,
# and each `RUN bash infra/image-steps.sh <step>` is run there exactly as
# written. Other RUN lines (apt packages, /data directories) need the image's
# own root filesystem and are listed, not run. An instruction it does not know
# fails the check, so it cannot silently drift from the Dockerfile.
#
# Then, in the runtime stage's directory (production dependencies only): the
# three apps' entry points, the migrations and the console build exist, every
# app module loads, no dev dependency is installed, and the prebuilt workflow
# bundle (WORKFLOW_BUNDLE) replays the stored histories in tests/replay.
# Uses the Node on PATH; the image's Node version is the Dockerfile's ARG.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
started=$(date +%s)
say() { printf '[check-image-steps %3ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }
die() { echo "check-image-steps: $*" >&2; exit 1; }

# A clean directory outside the repository: Node resolves a package missing
# from a stage's node_modules in every parent directory, so a stage under the
# work tree would silently borrow the repository's node_modules. Removing two
# node_modules trees takes minutes on a busy disk, so it happens in the
# background once the check is done (KEEP=1 keeps the directory to inspect).
work="$(mktemp -d "${TMPDIR:-/tmp}/zhifa-image-steps.XXXXXX")"
if [ "${KEEP:-}" = 1 ]; then
  say "keeping $work"
else
  trap '(nice -n 19 rm -rf "$work" >/dev/null 2>&1 &)' EXIT
fi
parent="$work"
until [ "$parent" = / ]; do
  parent="$(dirname "$parent")"
  [ ! -e "${parent%/}/node_modules" ] || die "${parent%/}/node_modules would stand in for missing packages; set TMPDIR elsewhere"
done

# The build context, as `docker build .` sends it.
ctx="$work/context"
mkdir -p "$ctx"
tar -C "$root" --exclude-from=.dockerignore -cf - . | tar -C "$ctx" -xf -
say "build context: $(du -sh "$ctx" | cut -f1)"

declare -A stage_dir=()
stage="" dir="" envfile="" cmd_main=""

# Container path (absolute, or relative to WORKDIR /app) -> path under the stage directory.
in_stage() {
  local base="$1" p="$2"
  case "$p" in
    /app) echo "$base" ;;
    /app/*) echo "$base/${p#/app/}" ;;
    /*) die "path $p is outside WORKDIR /app" ;;
    *) echo "$base/$p" ;;
  esac
}

copy() {
  local from="" args=()
  for a in "$@"; do
    case "$a" in
      --from=*) from="${a#--from=}" ;;
      --chown=*|--chmod=*|--link) ;;
      --*) die "COPY option $a is not supported here" ;;
      *) args+=("$a") ;;
    esac
  done
  local n=${#args[@]} dest src srcroot target
  (( n >= 2 )) || die "COPY needs a source and a destination"
  dest="$(in_stage "$dir" "${args[n-1]}")"
  if [ -n "$from" ]; then srcroot="${stage_dir[$from]:-}"; [ -n "$srcroot" ] || die "COPY --from=$from: no such stage"; fi
  for src in "${args[@]:0:n-1}"; do
    if [ -n "$from" ]; then src="$(in_stage "$srcroot" "$src")"; else src="$ctx/$src"; fi
    [ -e "$src" ] || die "COPY source ${src#"$work"/} not found"
    if [ -d "$src" ]; then
      mkdir -p "$dest"; cp -a --remove-destination "$src/." "$dest/"
    elif [[ "${args[n-1]}" == */ || $n -gt 2 ]]; then
      mkdir -p "$dest"; cp -a --remove-destination "$src" "$dest/"
    else
      mkdir -p "$(dirname "$dest")"; cp -a --remove-destination "$src" "$dest"
    fi
  done
}

# Instructions, with line continuations joined and comments dropped.
mapfile -t lines < <(sed -e ':a' -e '/\\$/{N;s/\\\n//;ta}' Dockerfile | grep -v '^[[:space:]]*#' | grep -v '^[[:space:]]*$')
for line in "${lines[@]}"; do
  read -r instr rest <<<"$line"
  case "${instr^^}" in
    ARG) ;;
    FROM)
      read -r base as name extra <<<"$rest"
      [[ "${as,,}" == as && -n "$name" && -z "$extra" ]] || die "FROM without a stage name: $line"
      stage="$name" dir="$work/stage-$name" envfile="$work/stage-$name.env"
      if [ -n "${stage_dir[$base]:-}" ]; then
        # Hard links: fast, and every later write here replaces files (cp --remove-destination, npm, tsc) rather than editing them.
        cp -al "${stage_dir[$base]}" "$dir"; cp "$work/stage-$base.env" "$envfile"
      else
        mkdir -p "$dir"; : >"$envfile"
      fi
      stage_dir[$name]="$dir"
      say "stage $name (from $base)"
      ;;
    WORKDIR) [ "$rest" = /app ] || die "WORKDIR $rest: this check maps /app only" ;;
    ENV)
      [[ "$rest" == *=* ]] || die "ENV needs KEY=value: $line"
      key="${rest%%=*}" value="${rest#*=}"
      [[ "$value" == /app || "$value" == /app/* ]] && value="$(in_stage "$dir" "$value")"
      printf 'export %s=%q\n' "$key" "$value" >>"$envfile"
      ;;
    COPY) read -r -a words <<<"$rest"; copy "${words[@]}" ;;
    RUN)
      run="$rest"
      while [[ "$run" == --* ]]; do run="${run#* }"; done
      if [[ "$run" =~ ^bash\ infra/image-steps\.sh\ ([a-z-]+)$ ]]; then
        say "RUN (stage $stage) $run"
        (cd "$dir" && source "$envfile" && bash infra/image-steps.sh "${BASH_REMATCH[1]}") >"$work/$stage-${BASH_REMATCH[1]}.log" 2>&1 \
          || { tail -40 "$work/$stage-${BASH_REMATCH[1]}.log" >&2; die "RUN $run failed in stage $stage"; }
      else
        say "not run (system setup in the image): $run"
      fi
      ;;
    CMD) cmd_main="$(sed -n 's/^\[ *"node", *"\([^"]*\)".*/\1/p' <<<"$rest")" ;;
    USER|EXPOSE|LABEL) ;;
    *) die "instruction $instr is not known to this check: $line" ;;
  esac
done

[ -n "$stage" ] || die "no stage in the Dockerfile"
say "checking the last stage ($stage)"
cd "$dir"
source "$envfile"
for app in case-api worker jobs; do
  [ -f "dist/apps/$app/src/main.js" ] || die "dist/apps/$app/src/main.js missing"
done
[ -n "$cmd_main" ] && { [ -f "$cmd_main" ] || die "CMD's $cmd_main missing"; }
[ -f dist/console/index.html ] || die "dist/console/index.html missing (the console case-api serves)"
ls dist/libs/persistence/src/migrations/*.js >/dev/null 2>&1 || die "no compiled migrations in dist/libs/persistence/src/migrations"
[ -n "${WORKFLOW_BUNDLE:-}" ] || die "the runtime stage sets no WORKFLOW_BUNDLE"
[ -s "$WORKFLOW_BUNDLE" ] || die "WORKFLOW_BUNDLE ${WORKFLOW_BUNDLE#"$dir"/} missing"
# (Not typescript: @nestjs/swagger 12 declares it an optional peer, and npm
# installs an optional peer the lock holds even with --omit=dev.)
for dev in jest tsc-alias @swc-node/register @swc/jest vite eslint @temporalio/testing; do
  [ ! -e "node_modules/$dev" ] || die "dev dependency $dev is installed in the runtime stage"
done

# The font the documents embed comes from a system step (apt) this check does
# not run: make sure the Dockerfile installs the Debian package that holds the
# file the jobs app opens (checked against dpkg where the package is known).
font="$(sed -n "s/^exports\.CJK_FONT_FILE = '\([^']*\)';$/\1/p" dist/apps/jobs/src/documents/pdf-layout.js)"
[ -n "$font" ] || die "CJK_FONT_FILE not found in dist/apps/jobs/src/documents/pdf-layout.js"
grep -q 'apt-get install .*fonts-noto-cjk' "$root/Dockerfile" || die "the Dockerfile does not install fonts-noto-cjk (documents need $font)"
if dpkg-query -L fonts-noto-cjk >/dev/null 2>&1; then
  dpkg-query -L fonts-noto-cjk | grep -qxF "$font" || die "fonts-noto-cjk has no $font"
fi

HISTORIES="$root/tests/replay/histories" node - <<'JS'
// Runs with the runtime stage's node_modules (production dependencies only).
const { readdirSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
require('reflect-metadata');
for (const m of ['case-api/src/api.module', 'worker/src/worker.module', 'jobs/src/jobs.module']) {
  require(resolve('dist/apps', m));
}
console.log('app modules load with production dependencies only');
const { DefaultLogger, Runtime, Worker } = require('@temporalio/worker');
const { temporal } = require('@temporalio/proto');
Runtime.install({ logger: new DefaultLogger('WARN') });
(async () => {
  const dir = process.env.HISTORIES;
  const files = readdirSync(dir).filter((f) => f.endsWith('.binpb'));
  if (!files.length) throw new Error(`no histories in ${dir}`);
  for (const file of files) {
    const history = temporal.api.history.v1.History.decode(readFileSync(join(dir, file)));
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE }, replayName: file }, history);
    console.log(`workflow bundle replays ${file}`);
  }
  process.exit(0);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
JS
say "image steps OK (apps, migrations, console, font package, workflow bundle)"
