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
echo "== command-line tests ($OUT)"
for t in tests/cli/test_*.sh; do
  [ -f "$t" ] || continue
  bash "$t" || status=1
done
exit $status
