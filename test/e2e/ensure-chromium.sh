#!/usr/bin/env bash
# Debian's Chromium (and a CJK font, so screenshots show Chinese) for the end-to-end tests and
# the demo. Never a browser downloaded by a test tool. Runs before `npm run test:e2e` / `demo`.
set -euo pipefail
if [ -n "${FASHEN_CHROMIUM:-}" ] && [ -x "$FASHEN_CHROMIUM" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'WenQuanYi'; then exit 0; fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "需要 Debian 的 chromium：apt-get install -y chromium fonts-wqy-microhei / Debian's chromium is required: apt-get install -y chromium fonts-wqy-microhei" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
