#!/usr/bin/env bash
# Command-line tests of the TABARI/PETRARCH import: the Phoenix dictionaries (test fixtures in
# ../shared/reference/petrarch, never copied into the project) load without errors, fast and
# small enough, and code English text alone (--no-builtin); malformed lines give file:line.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
P=../shared/reference/petrarch
if [ ! -d "$P" ]; then
  echo "test_petrarch: skipped ($P is absent)"
  finish
  exit $?
fi
FILES=(--actors "$P/Phoenix.Countries.actors.txt" --actors "$P/Phoenix.International.actors.txt"
       --actors "$P/Phoenix.MilNonState.actors.txt" --agents "$P/Phoenix.agents.txt"
       --verbs "$P/CAMEO.2.0.txt" --discards "$P/Phoenix.discards.txt")
ASAN=0
ldd "$MIZAN" 2>/dev/null | grep -q libasan && ASAN=1

# --- every file loads without errors (warnings for what cannot apply are allowed) ---
for f in Phoenix.Countries.actors.txt Phoenix.International.actors.txt Phoenix.MilNonState.actors.txt \
         Phoenix.agents.txt CAMEO.2.0.txt Phoenix.discards.txt; do
  "$MIZAN" dict check "$P/$f" > "$TMP/check.out" 2> "$TMP/check.err"; rc=$?
  check "dict check $f: exit 0" test $rc -eq 0
  check "dict check $f: ok" grep -q "^$P/$f: ok (" "$TMP/check.out"
done
"$MIZAN" dict check "$P/CAMEO.2.0.txt" > "$TMP/cameo.out"
check "dict check lists what cannot apply, with file:line" \
  grep -q "^$P/CAMEO.2.0.txt:[0-9]*: warning: code only for the other direction" "$TMP/cameo.out"

# --- load time (printed) and peak memory (checked); not in the sanitizer build ---
# `dict stats` reports the time the engine took to load and compile, in CPU time (which other
# work on the machine disturbs less than the wall clock); /usr/bin/time the process's peak
# memory.  Three runs: the best time, the highest peak.
"$MIZAN" dict stats --no-builtin "${FILES[@]}" > "$TMP/stats.out" 2> "$TMP/stats.err"
check "dict stats with the Phoenix files: exit 0" test $? -eq 0
if [ "$ASAN" -eq 0 ]; then
  best_ms=999999
  peak_kb=0
  for i in 1 2 3; do
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -v "$MIZAN" dict stats --no-builtin "${FILES[@]}" > "$TMP/s.out" 2> "$TMP/time.err"
      kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/time.err")
      [ -n "$kb" ] && [ "$kb" -gt "$peak_kb" ] && peak_kb=$kb
    else
      "$MIZAN" dict stats --no-builtin "${FILES[@]}" > "$TMP/s.out" 2> /dev/null
    fi
    ms=$(sed -n 's/^load + compile: [0-9]* ms (CPU \([0-9]*\) ms)$/\1/p' "$TMP/s.out")
    [ -n "$ms" ] && [ "$ms" -lt "$best_ms" ] && best_ms=$ms
  done
  echo "test_petrarch: Phoenix dictionaries alone: load + compile $best_ms ms CPU, peak memory $((peak_kb / 1024)) MB"
  # Time is a measurement, not a test: it is printed here and recorded by bench/bench_petrarch.c
  # in docs/PERFORMANCE.md (limit 200 ms); a loaded machine would make a timed check flaky.
  if [ -x /usr/bin/time ]; then
    check "peak memory <= 100 MB ($peak_kb KB)" test "$peak_kb" -gt 0 -a "$peak_kb" -le 102400
  else
    echo "test_petrarch: /usr/bin/time missing (Debian package 'time'): peak memory not measured"
  fi
else
  echo "test_petrarch: sanitizer build: load time and memory not measured"
fi
check "stats: actors by class" grep -Eq "^person +0 +[1-9][0-9]{4} " "$TMP/stats.out"
check "stats: verb patterns per root" grep -Eq "^19 +0 +[1-9][0-9]{3,} " "$TMP/stats.out"
check "stats: organisations and groups" \
  bash -c "grep -Eq '^organisation +0 +[1-9]' '$TMP/stats.out' && grep -Eq '^group +0 +[1-9]' '$TMP/stats.out'"
check "a note tells that some entries were skipped" grep -q "dict check FILE" "$TMP/stats.err"

# --- English text coded with the Phoenix dictionaries alone ---
cat > "$TMP/en.txt" <<'EOF'
Russia attacked Ukraine.
The United States imposed sanctions on Iran.
China accused Japan of provocations.
Egyptian police arrested Hamas militants.
Germany agreed to provide financial aid to Jordan.
North Korea threatened South Korea with military action.
The Kenyan government expressed support for Somalia.
Turkey rejected the proposal from Greece.
Pakistan and India held talks in Islamabad.
Manchester United beat Arsenal in the final.
Iran rushed troops to the border with Iraq.
Saudi Arabia sent humanitarian aid to Yemen.
Brazil expelled the Venezuelan ambassador.
Nigeria did not attack Cameroon.
EOF
"$MIZAN" code --no-builtin --date 2015-06-01 "${FILES[@]}" "$TMP/en.txt" > "$TMP/en.jsonl" 2> "$TMP/en.err"
check "code with the Phoenix files alone: exit 0" test $? -eq 0
ev() { # ev SENTENCE SOURCE CODE TARGET: that event was coded from that sentence
  grep -q "\"sentence\":$1,.*\"source\":\"$2\",\"target\":\"$4\",.*\"code\":\"$3\"" "$TMP/en.jsonl"
}
none() { ! grep -q "\"sentence\":$1," "$TMP/en.jsonl"; }
check "Russia attacked Ukraine: RUS 190 UKR" ev 0 RUS 190 UKR
check "imposed sanctions on: USA 163 IRN" ev 1 USA 163 IRN
check "accused: CHN 112 JPN" ev 2 CHN 112 JPN
check "Egyptian police arrested Hamas: EGYCOP 173 PSEREBHMS" ev 3 EGYCOP 173 PSEREBHMS
check "provide financial aid: DEU 070 JOR (PROVIDENCE does not take 'provide')" ev 4 DEU 070 JOR
check "threatened: PRK 130 KOR" ev 5 PRK 130 KOR
check "Kenyan government (agent ~GOV): KENGOV 032 SOM" ev 6 KENGOV 032 SOM
check "rejected the proposal: TUR 120 GRC" ev 7 TUR 120 GRC
check "held talks: PAK 046 IND" ev 8 PAK 046 IND
check "discard (Manchester United): nothing coded" none 9
check "rushed troops to the border (optional 'the'): IRN 154 IRQ" ev 10 IRN 154 IRQ
check "sent humanitarian aid: SAU 073 YEM" ev 11 SAU 073 YEM
check "expelled the ambassador: BRA 174 VENGOV" ev 12 BRA 174 VENGOV
check "negation (built-in markers stay): nothing coded" none 13
check "the same text with the built-ins too still codes" \
  bash -c "'$MIZAN' code --date 2015-06-01 ${FILES[*]} '$TMP/en.txt' 2>/dev/null | grep -q '\"source\":\"RUS\",\"target\":\"UKR\"'"

# --- PETRARCH's own unit-test suite: its four dictionaries load, and the records are coded at the
# share recorded in docs/ACCURACY.md ("PETRARCH conformance"); the records file names the
# dictionaries in its <Environment>, which `mizan eval` loads from beside it ---
S=$P/unittest
if [ -f "$S/PETR.UnitTest.records.xml" ]; then
  "$MIZAN" dict check "$S"/PETR.Validate.*.txt > "$TMP/suite.check" 2>&1
  check "dict check the suite's four dictionaries: exit 0" test $? -eq 0
  check "dict check names the codes it cannot read ([###], [+++])" \
    grep -q "PETR.Validate.verbs.txt:[0-9]*: warning: malformed code" "$TMP/suite.check"
  "$MIZAN" eval --errors --min-exact 76.1 "$S/PETR.UnitTest.records.xml" > "$TMP/suite.out" 2> "$TMP/suite.err"
  rc=$?
  check "suite coded at the recorded share (>= 76.1 %)" test $rc -eq 0
  sed -n 's/^all  */test_petrarch: PETRARCH unit-test suite: records, exact, share: /p' "$TMP/suite.out"
  check "suite: a row per category" grep -Eq "^COMPOUND +42 +[0-9]+ " "$TMP/suite.out"
  check "suite: failing records listed with a reason" grep -q "^  DEMO-[0-9]*: " "$TMP/suite.out"
  "$MIZAN" eval --min-exact 100 "$S/PETR.UnitTest.records.xml" > /dev/null 2>&1
  check "--min-exact above the share: exit 1" test $? -eq 1
  "$MIZAN" code --input xml --no-builtin --verbs "$S/PETR.Validate.verbs.txt" \
    --actors "$S/PETR.Validate.actors.txt" --agents "$S/PETR.Validate.agents.txt" \
    --discards "$S/PETR.Validate.discards.txt" "$S/PETR.UnitTest.records.xml" > "$TMP/suite.jsonl" 2> /dev/null
  check "code --input xml reads the <Validation> file, a sentence across lines as one" \
    grep -q '"doc":"DEMO-01",.*"text":"Arnor is about to restore full diplomatic ties with Gondor almost  *five years' "$TMP/suite.jsonl"
else
  echo "test_petrarch: PETRARCH unit-test suite skipped ($S is absent)"
fi
printf '<Sentences><Sentence id="x"><Text>a</Text></Sentence></Sentences>\n' > "$TMP/notsuite.xml"
"$MIZAN" eval "$TMP/notsuite.xml" > /dev/null 2> "$TMP/e7"; rc=$?
check "eval of XML that is no validation file: exit 2 with a message" \
  bash -c "test $rc -eq 2 && grep -q 'not PETRARCH validation records' '$TMP/e7'"

# --- malformed PETRARCH lines: file:line: reason, exit 2 ---
printf 'RUSSIA_ [RUS]\n+RUSSIAN_\nUKRAINE_ [UKR\n' > "$TMP/bad.actors.txt"
"$MIZAN" dict check "$TMP/bad.actors.txt" > /dev/null 2> "$TMP/e1"; rc=$?
check "unclosed [: exit 2" test $rc -eq 2
check "unclosed [: file:line: reason" grep -q "bad.actors.txt:3: '\[' without '\]'" "$TMP/e1"
printf '# synonym first\n+RUSSIAN_\n' > "$TMP/bad2.actors.txt"
"$MIZAN" dict check "$TMP/bad2.actors.txt" > /dev/null 2> "$TMP/e2"
check "synonym before any entry: file:line" grep -q "bad2.actors.txt:2: synonym" "$TMP/e2"
printf -- '---  ATTACK   [190]  ---\nATTACK\n- FOO BAR [190]\n' > "$TMP/bad.verbs.txt"
"$MIZAN" dict check "$TMP/bad.verbs.txt" > /dev/null 2> "$TMP/e3"
check "pattern without '*': file:line" grep -q "bad.verbs.txt:3: pattern without '\*'" "$TMP/e3"
printf -- '&WEAPON\n+ROCKET\n- * &WEAPON [190]\n' > "$TMP/bad2.verbs.txt"
"$MIZAN" dict check "$TMP/bad2.verbs.txt" > /dev/null 2> "$TMP/e4"
check "pattern outside a family: file:line" grep -q "bad2.verbs.txt:3: pattern line outside a verb family" "$TMP/e4"
printf 'FARMER [~AGR]\n!MINIST! OF_DEFENCE [~GOV]\n' > "$TMP/bad.agents.txt"
"$MIZAN" dict check "$TMP/bad.agents.txt" > /dev/null 2> "$TMP/e5"
check "undefined substitution set: file:line" grep -q "bad.agents.txt:2: undefined substitution set" "$TMP/e5"
"$MIZAN" code --no-builtin --actors "$TMP/bad.actors.txt" < /dev/null > /dev/null 2> "$TMP/e6"; rc=$?
check "code refuses a malformed PETRARCH file with file:line" \
  bash -c "test $rc -ne 0 && grep -q 'bad.actors.txt:3:' '$TMP/e6'"
finish
