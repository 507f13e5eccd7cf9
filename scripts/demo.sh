#!/usr/bin/env bash
# The README's demo of the event store and the analyses: ingests examples/corpus.jsonl into a
# temporary database, runs each analysis command on it, and redraws the two charts of the README
# (docs/img/dyad_rus_prk.svg and docs/img/network.svg, with PNG copies made by rsvg-convert from
# Debian's librsvg2-bin, which scripts/deps.sh installs).
#
#   bash scripts/demo.sh [MIZAN [IMAGE_DIR]]      defaults: build/release/mizan, docs/img
set -euo pipefail
mizan=${1:-}
img=${2:-}
# Paths given relative to the current folder stay valid after the cd to the project.
[ -n "$mizan" ] && [[ $mizan != /* ]] && mizan=$PWD/$mizan
[ -n "$img" ] && [[ $img != /* ]] && img=$PWD/$img
cd "$(dirname "$0")/.."
mizan=${mizan:-build/release/mizan}
img=${img:-docs/img}
if [ ! -x "$mizan" ]; then
  echo "demo: no program at $mizan (build it first: make)" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/corpus.db

show() { printf '\n$ mizan %s\n' "$*" | sed "s|$tmp/|\$TMP/|g"; }

show ingest --db "$db" examples/corpus.jsonl
"$mizan" ingest --db "$db" examples/corpus.jsonl 2>&1 | sed "s|$tmp/|\$TMP/|g"

show events --db "$db" --dyad RUS,PRK --from 2025-12 --format tsv "| cut -f3,7-9,12,18"
"$mizan" events --db "$db" --dyad RUS,PRK --from 2025-12 --format tsv | cut -f3,7-9,12,18

# The CSV as an aligned table (the start-date column left out).
show dyad --db "$db" RUS PRK --by month
"$mizan" dyad --db "$db" RUS PRK --by month |
  awk -F, '{ printf "%-7s %-6s %-6s %6s %5s %5s %5s %5s %13s %14s %8s\n",
             $1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 }'

# One node or edge per line; otherwise the JSON exactly as printed.
show network --db "$db"
"$mizan" network --db "$db" | python3 -c '
import json, sys
net = json.load(sys.stdin)
print("{\"nodes\":[")
print(",\n".join("  " + json.dumps(n, separators=(",", ":")) for n in net["nodes"]))
print("],\"edges\":[")
print(",\n".join("  " + json.dumps(e, separators=(",", ":")) for e in net["edges"]))
print("],\"unbalanced\":%s}" % json.dumps(net["unbalanced"]))'

show profile --db "$db" RUS PRK
"$mizan" profile --db "$db" RUS PRK

show watch --db "$db" --dyad RUS,PRK
"$mizan" watch --db "$db" --dyad RUS,PRK

show watch --db "$db"
"$mizan" watch --db "$db"

# The same question asked at the end of July 2025.
show watch --db "$db" --to 2025-07
"$mizan" watch --db "$db" --to 2025-07

mkdir -p "$img"
"$mizan" dyad --db "$db" RUS PRK --by month --format svg > "$img/dyad_rus_prk.svg"
"$mizan" network --db "$db" --format svg > "$img/network.svg"
printf '\ncharts: %s/dyad_rus_prk.svg, %s/network.svg\n' "$img" "$img"
if command -v rsvg-convert > /dev/null; then
  rsvg-convert -o "$img/dyad_rus_prk.png" "$img/dyad_rus_prk.svg"
  rsvg-convert -o "$img/network.png" "$img/network.svg"
  printf 'and their PNG copies: %s/dyad_rus_prk.png, %s/network.png\n' "$img" "$img"
else
  echo "demo: rsvg-convert not found (Debian package librsvg2-bin); PNGs not made" >&2
fi
