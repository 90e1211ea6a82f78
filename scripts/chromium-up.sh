#!/usr/bin/env bash
# Installs headless Chromium (Debian's `chromium` package) for the real-browser report test (ReportBrowserIT),
# idempotently: does nothing when a chromium binary is already on the PATH. Needs root and Debian's apt.
# Prints how long the install took. Environment: RT_CHROMIUM (a chromium binary to use instead; skips the install).
set -euo pipefail

say() { echo "[chromium-up] $*"; }

if [ -n "${RT_CHROMIUM:-}" ] && [ -x "${RT_CHROMIUM}" ]; then
  say "using ${RT_CHROMIUM}"
  exit 0
fi
if command -v chromium >/dev/null 2>&1; then
  say "chromium present: $(chromium --version 2>/dev/null || echo unknown version)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
  say "ERROR: chromium is missing and cannot be installed here (needs root and apt-get); install the chromium package" >&2
  exit 1
fi

started=$(date +%s)
say "installing chromium (apt-get)"
log="$(mktemp)"
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  say "ERROR: apt-get install chromium failed" >&2
  exit 1
fi
rm -f "$log"
say "installed $(chromium --version 2>/dev/null || echo chromium) in $(( $(date +%s) - started )) s"
