#!/usr/bin/env bash
# Command-line tests of interchange (issue 9, item 4, the TSV part): mizan's TSV escapes tab,
# newline, carriage return and backslash as PostgreSQL's text format does, and reads back with
# Python's csv (csv.QUOTE_NONE and the unescape) and with mizan's own reader; the analysis
# commands read the JSONL, CSV and TSV mizan writes, with the same results.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
M=$MIZAN

# Documents whose ids hold every character the formats must carry, and texts with quotes (an
# open quote made Python's default csv dialect read three events as one row).
python3 - > "$TMP/docs.jsonl" <<'PY'
import json
ids = ["tab\there", "new\nline", "back\\slash\\n", 'quote"d', "comma,semi;", "cr\rlf\r\n", "plain"]
texts = ['He said: "Russia condemned Japan.', "Russia condemned Japan. China praised India.",
         'Iran threatened Israel, "officials said.', "Egypt praised Jordan.",
         "Russia condemned Japan.", "China praised India.", "Iran threatened Israel."]
for i, t in zip(ids, texts):
    print(json.dumps({"id": i, "date": "2024-06-19", "text": t}))
PY
"$M" code "$TMP/docs.jsonl" > "$TMP/ev.jsonl"
"$M" code --format tsv "$TMP/docs.jsonl" > "$TMP/ev.tsv"
check "code: events to compare" test "$(wc -l < "$TMP/ev.jsonl")" -ge 6
check "tsv: one line per event plus the header" \
  test "$(wc -l < "$TMP/ev.tsv")" -eq $(( $(wc -l < "$TMP/ev.jsonl") + 1 ))

# Python's csv with QUOTE_NONE, then the four escapes undone: the same events as the JSONL.
cat > "$TMP/same.py" <<'PY'
import csv, json, re, sys
def unescape(s):
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), s)
def rows(path, fmt):
    with open(path, newline="") as f:
        if fmt == "jsonl":
            for l in f:
                r = json.loads(l)
                r.update({"ev_" + k: v for k, v in r.pop("evidence").items() if k != "context"})
                yield r
        elif fmt == "tsv":
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                yield {k: unescape(v) for k, v in r.items()}
        else:
            yield from csv.DictReader(f)
keys = ["doc", "sentence", "date", "lang", "source", "target", "code", "root", "quad",
        "goldstein", "mood", "text", "ev_source", "ev_target", "ev_verb"]
def norm(r):
    return tuple(str(float(r[k])) if k == "goldstein" else str(r[k]) for k in keys)
a = sorted(map(norm, rows(sys.argv[1], sys.argv[2])))
b = sorted(map(norm, rows(sys.argv[3], sys.argv[4])))
assert a == b, (a[:2], b[:2])
assert any("\t" in r[0] for r in a) and any("\n" in r[0] for r in a) and any("\\" in r[0] for r in a)
assert any('"' in r[11] for r in a)
PY
check "tsv read back with Python's csv (QUOTE_NONE + unescape) equals the JSONL" \
  python3 "$TMP/same.py" "$TMP/ev.tsv" tsv "$TMP/ev.jsonl" jsonl

DB=$TMP/i.db
"$M" ingest -q --db "$DB" "$TMP/docs.jsonl"
"$M" events --db "$DB" > "$TMP/db.jsonl"
"$M" events --db "$DB" --format tsv > "$TMP/db.tsv"
"$M" events --db "$DB" --format csv > "$TMP/db.csv"
check "events --format tsv read back with Python's csv equals the JSONL" \
  python3 "$TMP/same.py" "$TMP/db.tsv" tsv "$TMP/db.jsonl" jsonl
check "events --format csv read back with Python's csv equals the JSONL" \
  python3 "$TMP/same.py" "$TMP/db.csv" csv "$TMP/db.jsonl" jsonl

# The project's own reader: every analysis gives the same answer from the three formats.
for f in tsv csv; do
  for cmd in "dyad RUS JPN --events" "profile RUS JPN --events" "network"; do
    # shellcheck disable=SC2086
    "$M" $cmd "$TMP/db.jsonl" > "$TMP/a.out" 2> "$TMP/a.err"; ra=$?
    # shellcheck disable=SC2086
    "$M" $cmd "$TMP/db.$f" > "$TMP/b.out" 2> "$TMP/b.err"; rb=$?
    check "$cmd: $f gives what JSONL gives" \
      bash -c "test $ra -eq 0 && test $rb -eq 0 && cmp -s '$TMP/a.out' '$TMP/b.out' && test -s '$TMP/a.out'"
  done
done
check "code --format tsv read by --events (stdin)" \
  bash -c "\"$M\" dyad RUS JPN --events - < '$TMP/ev.tsv' | cmp -s - <(\"$M\" dyad RUS JPN --events '$TMP/ev.jsonl')"
printf 'doc\tfoo\nx\ty\n' > "$TMP/bad.tsv"
"$M" dyad RUS JPN --events "$TMP/bad.tsv" > /dev/null 2> "$TMP/bad.err"; rc=$?
check "a TSV without the event columns is refused" \
  bash -c "test $rc -eq 2 && grep -q \"bad.tsv:1: not mizan's TSV or CSV\" '$TMP/bad.err'"
awk -F'\t' -v OFS='\t' 'NR==2{$12=99}1' "$TMP/db.tsv" > "$TMP/gold.tsv"
"$M" network "$TMP/gold.tsv" > /dev/null 2> "$TMP/gold.err"; rc=$?
check "a TSV row with a Goldstein value out of range: file:line, exit 2" \
  bash -c "test $rc -eq 2 && grep -q 'gold.tsv:2: missing or bad \"goldstein\"' '$TMP/gold.err'"

finish
