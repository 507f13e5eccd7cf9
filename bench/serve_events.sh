#!/usr/bin/env bash
# Start-up benchmark of `mizan serve --events` (docs/PERFORMANCE.md): the events of the example
# corpus (`mizan events --format jsonl` of its store) repeated COPIES times under other document
# ids, then `mizan serve --events` on a free loopback port, timed from its start to its first
# line (the file read and written into the in-memory store), with its resident memory then and
# its /api/stats; and, for comparison, the time `mizan network` takes to read the same file.
# Loopback only; the server is stopped at the end.
#
#   bash bench/serve_events.sh [MIZAN [COPIES]]    defaults: build/release/mizan, 400
set -euo pipefail
mizan=${1:-build/release/mizan}
copies=${2:-400}
[[ $mizan != /* ]] && mizan=$PWD/$mizan
cd "$(dirname "$0")/.."
source scripts/serve_port.sh
tmp=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2> /dev/null; rm -rf "$tmp"' EXIT
"$mizan" ingest -q --db "$tmp/corpus.db" examples/corpus.jsonl
"$mizan" events --db "$tmp/corpus.db" --format jsonl > "$tmp/one.jsonl"
python3 - "$tmp/one.jsonl" "$tmp/events.jsonl" "$copies" <<'PY'
import json, sys
events = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for k in range(int(sys.argv[3])):
        for e in events:
            out.write(json.dumps(dict(e, doc=f"{e['doc']}-{k}"), ensure_ascii=False) + "\n")
PY
echo "events file: $(wc -l < "$tmp/events.jsonl") events, $(($(stat -c %s "$tmp/events.jsonl") / 1024)) kB"
start=$(date +%s.%N)
"$mizan" serve --events "$tmp/events.jsonl" --listen 127.0.0.1:0 > "$tmp/serve.out" 2> /dev/null &
server=$!
port=$(serve_port "$tmp/serve.out" 60)
[ -n "$port" ] || { echo "bench/serve_events.sh: the server did not start" >&2; exit 1; }
echo "serve --events: listening after $(awk "BEGIN {printf \"%.1f\", $(date +%s.%N) - $start}") s;" \
  "memory $(awk '/VmRSS/ {print $2, $3}' "/proc/$server/status")"
python3 tests/cli/http_get.py "$port" /api/stats "$tmp/stats" > /dev/null
echo "/api/stats: $(cat "$tmp/stats")"
/usr/bin/time -f "network FILE (reading and one analysis, for comparison): %e s, %M kB" \
  "$mizan" network "$tmp/events.jsonl" > /dev/null
