#!/usr/bin/env bash
# The README's picture of the dashboard: ingests examples/corpus.jsonl into a temporary
# database, starts `mizan serve` on a free loopback port and has headless Chromium (Debian's
# chromium, which scripts/deps.sh installs) take a screenshot of the page once its scripts ran.
#
#   bash scripts/screenshot.sh [MIZAN [OUT.png]]     defaults: build/release/mizan, docs/img/dashboard.png
set -euo pipefail
mizan=${1:-}
out=${2:-}
[ -n "$mizan" ] && [[ $mizan != /* ]] && mizan=$PWD/$mizan
[ -n "$out" ] && [[ $out != /* ]] && out=$PWD/$out
cd "$(dirname "$0")/.."
source scripts/serve_port.sh
mizan=${mizan:-build/release/mizan}
out=${out:-docs/img/dashboard.png}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ ! -x "$mizan" ] || [ -z "$browser" ]; then
  echo "screenshot: needs $mizan (make) and chromium (bash scripts/deps.sh)" >&2
  exit 1
fi
tmp=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2> /dev/null; rm -rf "$tmp"' EXIT
"$mizan" ingest -q --db "$tmp/corpus.db" examples/corpus.jsonl
"$mizan" serve --db "$tmp/corpus.db" --listen 127.0.0.1:0 > "$tmp/serve.out" &
server=$!
port=$(serve_port "$tmp/serve.out")
[ -n "$port" ] || { echo "screenshot: the server did not start" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
# the events panel shows a search for Moscow in Arabic, so right-to-left sentences are seen
search=%D9%85%D9%88%D8%B3%D9%83%D9%88
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
  --user-data-dir="$tmp/profile" --window-size=1400,1250 --virtual-time-budget=20000 \
  --screenshot="$out" "http://127.0.0.1:$port/#search=$search" 2> "$tmp/chromium.err"
echo "screenshot: $out"
