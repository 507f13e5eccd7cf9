#!/usr/bin/env bash
# Runs every test of one build: unit tests, golden tests, command-line tests.
# Environment: MIZAN (the binary), OUT (the build folder).
set -u
cd "$(dirname "$0")/.."
: "${MIZAN:?}" "${OUT:?}"
export MIZAN
status=0
echo "== unit tests ($OUT)"
for t in "$OUT"/tests/test_*; do
  [ -x "$t" ] || continue
  "$t" || status=1
done
echo "== golden tests ($OUT)"
"$OUT"/tests/golden_run -q --baseline tests/golden/baseline.txt tests/golden/*.txt || status=1
echo "== evaluation ($OUT): F1 floor from docs/ACCURACY.md"
floor=$(sed -n 's/^Floor: ar \([0-9.]*\), en \([0-9.]*\)$/--min-f1 ar=\1 --min-f1 en=\2/p' docs/ACCURACY.md)
if [ -z "$floor" ]; then
  echo "docs/ACCURACY.md has no 'Floor: ar X, en Y' line"
  status=1
else
  # shellcheck disable=SC2086
  scores=$("$MIZAN" eval $floor eval/*.txt)
  rc=$?
  printf '%s\n' "$scores" | sed -n '1,3p;/floor/p'
  [ "$rc" -eq 0 ] || status=1
fi
echo "== command-line tests ($OUT)"
for t in tests/cli/test_*.sh; do
  [ -f "$t" ] || continue
  bash "$t" || status=1
done
exit $status
