#!/usr/bin/env bash
# Codes the real article pools of ../shared/realtext (text nobody here wrote, not repeated)
# through the `mizan code` command, as a user runs it, and prints the rates: documents, MB,
# sentences and events, then MB/s and sentences/s in wall-clock and CPU time (user + system),
# with one thread and with two.  Usage: bench/realtext.sh [MIZAN] [REALTEXT_DIR]
set -u
MIZAN=${1:-build/release/mizan}
DIR=${2:-../shared/realtext}
if [ ! -d "$DIR" ]; then
  echo "realtext: $DIR not found; nothing measured"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-34s %6s %7s %9s %8s %3s %9s %9s %12s %12s\n' pool docs MB sentences events -j \
  'MB/s' 'MB/s cpu' 'sent/s' 'sent/s cpu'
for pool in "$DIR"/*_articles.jsonl; do
  [ -f "$pool" ] || continue
  docs=$(wc -l < "$pool")
  bytes=$(wc -c < "$pool")
  # sentences are counted once, untimed, from the account --explain gives
  sentences=$("$MIZAN" code --explain "$pool" 2>/dev/null | grep -c '^sentence ')
  for j in 1 2; do
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$MIZAN" code -j "$j" "$pool" > "$tmp/out" 2>/dev/null
    events=$(wc -l < "$tmp/out")
    read -r wall user sys < "$tmp/time"
    awk -v p="$(basename "$pool")" -v d="$docs" -v b="$bytes" -v s="$sentences" -v e="$events" \
        -v j="$j" -v w="$wall" -v u="$user" -v y="$sys" 'BEGIN {
      mb = b / 1e6; cpu = u + y; if (w < 0.001) w = 0.001; if (cpu < 0.001) cpu = 0.001
      printf "%-34s %6d %7.1f %9d %8d %3d %9.1f %9.1f %12.0f %12.0f\n", p, d, mb, s, e, j,
             mb / w, mb / cpu, s / w, s / cpu }'
  done
done
