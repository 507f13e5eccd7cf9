#!/usr/bin/env bash
# Installs what mizan needs to build and test on Debian (run as root, or with sudo available).
set -euo pipefail
pkgs=(build-essential pkg-config libsqlite3-dev sqlite3 libstemmer-dev libutf8proc-dev libjansson-dev
      libxml2-dev libigraph-dev libgsl-dev libcmocka-dev libmicrohttpd-dev python3
      librsvg2-bin time clang-14 libclang-rt-14-dev mandoc
      chromium fonts-dejavu-core wrk python3-networkx)
# `mizan serve`'s dashboard: npm installs its JavaScript libraries at build time (web/), headless
# Chromium loads it in tests/cli/test_dashboard.sh and scripts/screenshot.sh, wrk loads the
# server in bench/serve.sh.  networkx reads the network's node-link JSON in
# tests/cli/test_interchange.sh.
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm may come with a nodejs of another origin than Debian's; Debian's packages only if none
command -v npm > /dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
