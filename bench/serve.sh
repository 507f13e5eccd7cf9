#!/usr/bin/env bash
# Load benchmark of `mizan serve` (docs/PERFORMANCE.md): the example corpus ingested into a
# temporary database, the server on a free loopback port, and wrk (Debian's wrk, which
# scripts/deps.sh installs) on /api/network and /api/events for a bounded time each, then on
# /api/network with a new seed every request (bench/serve_seeds.lua: never from the cache,
# with 2 connections and a 10 s timeout, as each answer is computed).  Prints
# requests per second, latency percentiles, errors, and the server's resident memory before,
# between and after the runs.  Loopback only; every run stops by itself.
#
#   bash bench/serve.sh [MIZAN [SECONDS [CONNECTIONS]]]    defaults: build/release/mizan, 20, 16
set -euo pipefail
mizan=${1:-build/release/mizan}
secs=${2:-20}
conns=${3:-16}
[[ $mizan != /* ]] && mizan=$PWD/$mizan
cd "$(dirname "$0")/.."
source scripts/serve_port.sh
command -v wrk > /dev/null || { echo "bench/serve.sh: needs wrk (bash scripts/deps.sh)" >&2; exit 1; }
tmp=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2> /dev/null; rm -rf "$tmp"' EXIT
"$mizan" ingest -q --db "$tmp/corpus.db" examples/corpus.jsonl
"$mizan" serve --db "$tmp/corpus.db" --listen 127.0.0.1:0 -j 4 > "$tmp/serve.out" 2> /dev/null &
server=$!
port=$(serve_port "$tmp/serve.out")
[ -n "$port" ] || { echo "bench/serve.sh: the server did not start" >&2; exit 1; }
rss() { awk '/^VmRSS/ { print $2 " kB" }' "/proc/$server/status"; }
echo "mizan serve -j 4 over examples/corpus.jsonl ($(nproc) cores); wrk -t2 -c$conns -d${secs}s"
echo "memory at start: $(rss)"
status=0
for path in "/api/network" "/api/events?dyad=RUS,PRK&limit=50" "/api/network?seed=N"; do
  if [ "$path" = "/api/network?seed=N" ]; then
    wrk -t2 -c2 -d"${secs}s" --timeout 10s --latency -s bench/serve_seeds.lua \
      "http://127.0.0.1:$port/" > "$tmp/wrk.out"
  else
    wrk -t2 -c"$conns" -d"${secs}s" --latency "http://127.0.0.1:$port$path" > "$tmp/wrk.out"
  fi
  req=$(awk '/^Requests\/sec/ { print $2 }' "$tmp/wrk.out")
  lat=$(awk '/Latency Distribution/ { on = 1; next } on && /%/ { printf "%s %s  ", $1, $2 } on && !/%/ { on = 0 }' "$tmp/wrk.out")
  total=$(awk '/requests in/ { print $1 }' "$tmp/wrk.out")
  bad=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { for (i = 4; i <= NF; i += 2) n += $i } END { print n + 0 }' "$tmp/wrk.out")
  printf '%s: %s requests/s (%s requests), latency %s, errors %s; memory after: %s\n' \
    "$path" "$req" "$total" "$lat" "$bad" "$(rss)"
  [ "$bad" -eq 0 ] || status=1
done
exit $status
