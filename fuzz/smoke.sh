#!/usr/bin/env bash
# Runs every fuzz target briefly: first each file of fuzz/regressions/<target>/ once, then
# fuzzing for SECONDS on fuzz/corpus/<target>/.  New inputs go to OUT/work/<target>/, emptied
# first so that each run takes the same time (and never into the source tree).  Fails when any target crashes, leaks, times out or trips a sanitizer; the
# input that did it is left in OUT/artifacts/<target>/.
# Usage: fuzz/smoke.sh OUT SECONDS   (what `make fuzz-smoke` runs)
set -u
cd "$(dirname "$0")/.."
out=${1:?build folder, e.g. build/fuzz}
secs=${2:-15}
flags=(-rss_limit_mb=2048 -timeout=10 -max_len=8192 -print_final_stats=0)
passed=0 failed=0
for src in fuzz/fuzz_*.c; do
  t=$(basename "$src" .c)
  bin=$out/$t
  log=$out/logs/$t.log
  rm -rf "$out/work/$t"
  mkdir -p "$out/work/$t" "$out/artifacts/$t" "$out/logs"
  ok=1
  regs=()
  [ -d "fuzz/regressions/$t" ] && mapfile -t regs < <(find "fuzz/regressions/$t" -type f | sort)
  if ((${#regs[@]})); then
    if ! "$bin" "${flags[@]}" -artifact_prefix="$out/artifacts/$t/" "${regs[@]}" >"$log" 2>&1; then
      echo "FAIL $t: a regression input fails again (see $log)"
      ok=0
    fi
  fi
  if ((ok)); then
    if ! "$bin" "${flags[@]}" -max_total_time="$secs" -artifact_prefix="$out/artifacts/$t/" \
         "$out/work/$t" "fuzz/corpus/$t" >>"$log" 2>&1; then
      echo "FAIL $t: see $log and $out/artifacts/$t/"
      ok=0
    fi
  fi
  if ((ok)); then
    echo "ok   $t: ${#regs[@]} regression inputs, ${secs}s of fuzzing"
    passed=$((passed + 1))
  else
    tail -n 30 "$log"
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
((failed == 0))
