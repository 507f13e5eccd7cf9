#!/usr/bin/env bash
# Command-line tests of `mizan eval` on real-news sets: the set formats, scoring, the error
# listing and bad input.  The sets in tests/cli/fixtures/realsets are written for the project.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
SETS=tests/cli/fixtures/realsets

"$MIZAN" eval "$SETS" > "$TMP/all.txt" 2> "$TMP/all.err"
check "a folder of sets: exit 0" test $? -eq 0
row() { # row SET KIND TP FP FN: the set's line has these counts
  grep -Eq "^$1 +[a-z]+ +$2 +[0-9]+ +$3 +$4 +$5 " "$TMP/all.txt"
}
check "event set scored by (source, target, root)" row en_demo events 3 0 1
check "detection set: ambiguous skipped, 'easy no' not flagged" row ar_protest_demo PROTEST 1 0 0
check "per-language total" grep -Eq '^all event sets +en +events +4 +3 +0 +1 ' "$TMP/all.txt"
check "per-root lines" grep -Eq '^root 11 +en +events +0 +1 +0 +1 ' "$TMP/all.txt"

"$MIZAN" eval --errors "$SETS/en_demo_input.jsonl" > "$TMP/err.txt"
check "--errors lists the miss" grep -q '^en_demo art1_2: missed KOR 11 PRK$' "$TMP/err.txt"
check "--errors shows the sentence and the evidence" \
  grep -q 'coded JPN 111 PRK: source "Japan", verb "condemned", target "North Korea"' "$TMP/err.txt"

# bad input: a malformed line is reported with file:line, and the exit status is 2
mkdir -p "$TMP/bad"
printf '{"id": "x_0", "text": "Japan condemned North Korea."}\n{"id": \n' > "$TMP/bad/en_x_input.jsonl"
printf '{"id": "x_0", "events": []}\n' > "$TMP/bad/en_x_gold.jsonl"
"$MIZAN" eval "$TMP/bad" > /dev/null 2> "$TMP/bad.err"
check "malformed set: exit 2" test $? -eq 2
check "malformed set: file and line" grep -q 'en_x_input.jsonl:2: not a JSON object' "$TMP/bad.err"
rm "$TMP/bad/en_x_gold.jsonl"
printf '{"id": "x_0", "text": "Japan condemned North Korea."}\n' > "$TMP/bad/en_x_input.jsonl"
"$MIZAN" eval "$TMP/bad/en_x_input.jsonl" > /dev/null 2> "$TMP/nogold.err"
check "missing gold file: exit 2" test $? -eq 2
check "missing gold file: named" grep -q 'en_x_gold.jsonl: cannot open' "$TMP/nogold.err"
"$MIZAN" eval "$TMP" > /dev/null 2> "$TMP/none.err"
check "a folder without sets: exit 2" test $? -eq 2
"$MIZAN" eval "$SETS" eval/en_news.txt > /dev/null 2>&1
check "sets and case files mixed: usage error" test $? -eq 1
finish
