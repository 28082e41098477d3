#!/usr/bin/env bash
# Installs what the browser and document tests need from Debian's packages:
# chromium (/usr/bin/chromium, driven by playwright-core), fonts-noto-cjk
# (without it Chinese renders as empty boxes; the PDF documents embed its
# Noto Serif CJK SC) and poppler-utils (pdftotext, pdffonts, pdftoppm: the
# document tests read the PDFs with them). Test tools may not download
# browsers or fonts here. Idempotent: quiet when all are present.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 && command -v pdffonts >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: ${missing[*]} missing and apt-get is not available; install Debian's chromium, fonts-noto-cjk and poppler-utils (or set up an equivalent /usr/bin/chromium with CJK fonts) and run again" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-browser: ${missing[*]} missing; run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi

echo "install-browser: installing ${missing[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2; rm -f "$log"
  echo "install-browser: apt-get could not install ${missing[*]} (see above)" >&2
  exit 1
fi
rm -f "$log"
[ -x /usr/bin/chromium ] || { echo "install-browser: /usr/bin/chromium is still missing after apt-get" >&2; exit 1; }
/usr/bin/chromium --version >&2
