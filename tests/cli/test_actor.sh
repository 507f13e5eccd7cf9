#!/usr/bin/env bash
# Command-line tests of `mizan actor` (issue 9, item 3: code -> names in both languages, with
# periods for people; name -> codes) and of the warning of `mizan events --actor` for a code the
# dictionaries do not know (issue 9, item 2).
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
M=$MIZAN

"$M" actor RUS > "$TMP/rus.txt"
check "actor RUS: exit 0" test $? -eq 0
check "actor RUS: English and Arabic names" \
  bash -c "grep -q '^  en  Russia | ' '$TMP/rus.txt' && grep -q '^  ar  روسيا' '$TMP/rus.txt' && grep -q '^  en adj  Russian\$' '$TMP/rus.txt'"
check "actor: a code without case" bash -c "'$M' actor rus | cmp -s - '$TMP/rus.txt'"
"$M" actor USAGOV > "$TMP/usa.txt"
check "actor USAGOV: people with their periods, both languages" \
  bash -c "grep -q '^  en  2009-01-20..2017-01-20  Barack Obama' '$TMP/usa.txt' && grep -q '^  ar  2009-01-20..2017-01-20  باراك أوباما' '$TMP/usa.txt'"
"$M" actor "Barack Obama" > "$TMP/obama.txt"
check "actor NAME: its codes and periods" grep -q '^  USAGOV  2009-01-20..2017-01-20  (en "Barack Obama")$' "$TMP/obama.txt"
check "actor NAME: case does not matter" bash -c "'$M' actor russia | grep -q '^  RUS  (en \"Russia\")\$'"
check "actor NAME in Arabic" bash -c "'$M' actor 'روسيا' | grep -q '^  RUS  (ar \"روسيا\")\$'"
"$M" actor RUSS > "$TMP/none.out" 2> "$TMP/none.err"
check "actor unknown: exit 1, nothing on stdout" bash -c "test $? -eq 1 && ! test -s '$TMP/none.out'"
check "actor unknown: the nearest codes" grep -q "no actor code or name 'RUSS'; nearest known codes: RUS," "$TMP/none.err"
check "actor --help" bash -c "'$M' actor --help | grep -q '^usage: mizan actor'"
check "actor without a query: usage error" bash -c "'$M' actor 2>/dev/null; test \$? -eq 1"
check "actor listed by mizan --help" bash -c "'$M' --help | grep -q '^  actor '"

# events --actor: an unknown code that selects nothing is warned about, with the nearest codes.
printf '%s\n' '{"id": "a1", "date": "2024-06-19", "text": "North Korea supplied Russia with missiles."}' > "$TMP/d.jsonl"
"$M" ingest -q --db "$TMP/a.db" "$TMP/d.jsonl"
"$M" events --db "$TMP/a.db" --actor RUSS > "$TMP/e.out" 2> "$TMP/e.err"
check "events --actor unknown: exit 0, no events" bash -c "test $? -eq 0 && ! test -s '$TMP/e.out'"
check "events --actor unknown: a warning with the nearest codes" \
  grep -q "^mizan events: warning: no events, and 'RUSS' is no actor code of the dictionaries; nearest known codes: RUS," "$TMP/e.err"
"$M" events --db "$TMP/a.db" --actor Russia > /dev/null 2> "$TMP/e2.err"
check "events --actor NAME: the warning names its code" grep -q "it is the name of RUS" "$TMP/e2.err"
"$M" events --db "$TMP/a.db" --actor JPN > /dev/null 2> "$TMP/e3.err"
check "events --actor known without events: no warning" bash -c "! test -s '$TMP/e3.err'"
"$M" events --db "$TMP/a.db" --actor JPNMIL > /dev/null 2> "$TMP/e4.err"
check "events --actor country and known role: no warning" bash -c "! test -s '$TMP/e4.err'"
check "events --actor with events: no warning" bash -c "'$M' events --db '$TMP/a.db' --actor RUS 2>&1 >/dev/null | wc -c | grep -qx 0"
finish
