#!/usr/bin/env bash
# Command-line tests of `mizan ingest` and `mizan events`: what is stored, idempotent re-ingest,
# changed documents replaced, threads, filters and formats, bad input, and the kill -9 test
# (an ingest killed mid-way and run again ends with exactly what a clean run stores).
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
FX=tests/cli/fixtures
DB=$TMP/t.db

sql() { # sql DB QUERY: prints the first column of each row
  python3 -c 'import sqlite3,sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print(r[0])' "$1" "$2"
}

# --- ingest stores what `mizan code` codes ---
"$MIZAN" code $FX/docs.jsonl > "$TMP/coded.jsonl"
"$MIZAN" ingest --db "$DB" $FX/docs.jsonl 2> "$TMP/ingest1.err"
check "ingest exits 0" test $? -eq 0
check "ingest: 6 documents" test "$(sql "$DB" 'select count(*) from documents')" -eq 6
check "ingest: as many events as mizan code prints" \
  test "$(sql "$DB" 'select count(*) from events')" -eq "$(wc -l < "$TMP/coded.jsonl")"
check "ingest: sentences stored" test "$(sql "$DB" 'select count(*) from sentences')" -ge 8
check "ingest: the database is in WAL mode" test "$(sql "$DB" 'pragma journal_mode')" = wal
check "ingest: summary on stderr" grep -q "6 added, 0 replaced, 0 unchanged" "$TMP/ingest1.err"
"$MIZAN" events --db "$DB" > "$TMP/events1.jsonl"
check "events: the same events as mizan code (sorted)" \
  cmp -s <(sort "$TMP/events1.jsonl") <(sort "$TMP/coded.jsonl")
check "full-text search over sentences (through mizan's tokenizer)" \
  test "$("$MIZAN" events --db "$DB" --search sanction | wc -l)" -eq 2

# --- re-ingest adds nothing; changed content replaces ---
before=$(sql "$DB" 'select count(*) from events')
"$MIZAN" ingest --db "$DB" $FX/docs.jsonl 2> "$TMP/ingest2.err"
check "re-ingest: all unchanged" grep -q "0 added, 0 replaced, 6 unchanged" "$TMP/ingest2.err"
check "re-ingest: no new events" test "$(sql "$DB" 'select count(*) from events')" -eq "$before"
"$MIZAN" ingest --db "$DB" --input jsonl - < $FX/docs.jsonl 2> "$TMP/ingest3.err"
check "re-ingest from stdin: all unchanged" grep -q "6 unchanged" "$TMP/ingest3.err"
sed 's/Russia signed a treaty with North Korea./Japan condemned North Korea. Russia signed a treaty with North Korea./' \
  $FX/docs.jsonl > "$TMP/docs2.jsonl"
"$MIZAN" ingest --db "$DB" "$TMP/docs2.jsonl" 2> "$TMP/ingest4.err"
check "changed document: replaced" grep -q "0 added, 1 replaced, 5 unchanged" "$TMP/ingest4.err"
check "changed document: still 6 documents" test "$(sql "$DB" 'select count(*) from documents')" -eq 6
"$MIZAN" code "$TMP/docs2.jsonl" > "$TMP/coded2.jsonl"
"$MIZAN" events --db "$DB" > "$TMP/events2.jsonl"
check "changed document: its events are the new ones, the others kept" \
  cmp -s <(sort "$TMP/events2.jsonl") <(sort "$TMP/coded2.jsonl")
check "changed document: old sentences gone from the index" \
  test "$(sql "$DB" "select count(*) from sentences where doc='d4'")" -eq 2

# --- threads give the same store ---
"$MIZAN" ingest -q -j 2 --batch 2 --db "$TMP/j2.db" "$TMP/docs2.jsonl"
"$MIZAN" events --db "$TMP/j2.db" > "$TMP/events_j2.jsonl"
check "-j 2: the same events" cmp -s "$TMP/events2.jsonl" "$TMP/events_j2.jsonl"

# --- events: filters and formats ---
n_dyad=$(python3 -c 'import json,sys
print(sum(1 for l in open(sys.argv[1]) for r in [json.loads(l)] if {r["source_country"],r["target_country"]}=={"PRK","RUS"}))' "$TMP/coded2.jsonl")
check "events --dyad: both directions" test "$("$MIZAN" events --db "$DB" --dyad prk,rus | wc -l)" -eq "$n_dyad"
check "events --root 16: the two sanctions" test "$("$MIZAN" events --db "$DB" --root 16 | wc -l)" -eq 2
check "events --actor USA" test "$("$MIZAN" events --db "$DB" --actor USA | grep -c '"USA"')" -ge 2
check "events --from 2025: January and February 2025 only" \
  bash -c "\"$MIZAN\" events --db '$DB' --from 2025 | grep -v '\"date\":\"2025-0[12]' | wc -l | grep -qx 0"
check "events --to 2024-06 (inclusive month)" \
  test "$("$MIZAN" events --db "$DB" --to 2024-06 | grep -c '"date":"2024-06-')" -eq "$("$MIZAN" events --db "$DB" --to 2024-06 | wc -l)"
check "events --search: full-text query" test "$("$MIZAN" events --db "$DB" --search sanctions | wc -l)" -eq 2
"$MIZAN" events --db "$DB" --format csv > "$TMP/ev.csv"
check "events csv: parses, header and one row per event" python3 -c '
import csv,sys
rows=list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows)==int(sys.argv[2]) and set(rows[0])>={"doc","date","source_country","target_country","code","goldstein","text"}, rows[:1]' \
  "$TMP/ev.csv" "$(wc -l < "$TMP/events2.jsonl")"
"$MIZAN" events --db "$DB" --format tsv > "$TMP/ev.tsv"
check "events tsv: header" bash -c "head -1 '$TMP/ev.tsv' | grep -q '^doc	sentence	date'"
check "schema readable without mizan: documents, sentences, events columns" python3 -c '
import sqlite3,sys
c=sqlite3.connect(sys.argv[1])
c.execute("select id,date,lang,source,hash,sentences,events,ingested from documents").fetchall()
c.execute("select doc,idx,text from sentences").fetchall()
c.execute("select doc,sentence,date,lang,source,target,source_country,target_country,code,root,quad,goldstein,plover,mood,text,ev_source,ev_target,ev_verb from events").fetchall()
bad=c.execute("select count(*) from documents d where d.events <> (select count(*) from events e where e.doc=d.id)").fetchone()[0]
assert bad==0' "$DB"
check "docs/SCHEMA.md shows the schema mizan creates" python3 -c '
import re,sqlite3,sys
doc=open("docs/SCHEMA.md",encoding="utf-8").read()
sql=re.search(r"## The schema.s SQL.*?```sql\n(.*?)```",doc,re.S).group(1)
# without mizan, its tokenizer is not there to make the index: unicode61 stands in for it
tok=("tokenize=\x27mizan 1\x27", "tokenize=\x27unicode61\x27")
mem=sqlite3.connect(":memory:"); mem.executescript(sql.replace(*tok))
q="select type,name,sql from sqlite_master where name not like \"sentences_fts_%\" order by name"
a=mem.execute(q).fetchall()
b=[(t,n,s.replace(*tok) if s else s) for t,n,s in sqlite3.connect(sys.argv[1]).execute(q).fetchall()]
assert a==b, (a,b)' "$DB"

# --- bad input ---
"$MIZAN" ingest -q --db "$TMP/bad.db" $FX/docs.jsonl "$TMP/missing.jsonl" 2> "$TMP/bad1.err"
check "missing input: exit 2" test $? -eq 2
check "missing input: the others are ingested" test "$(sql "$TMP/bad.db" 'select count(*) from documents')" -eq 6
{ head -2 $FX/docs.jsonl; echo '{"id": "x", "text": '; echo '{"id": "y", "date": "2024-06-31", "text": "a"}'; tail -n +3 $FX/docs.jsonl; } \
  > "$TMP/bad.jsonl"
"$MIZAN" ingest -q --db "$TMP/bad2.db" "$TMP/bad.jsonl" 2> "$TMP/bad2.err"
check "bad records: exit 2" test $? -eq 2
check "bad records: reported with file and line" grep -q "bad.jsonl:3" "$TMP/bad2.err"
check "bad records: the good ones are stored" test "$(sql "$TMP/bad2.db" 'select count(*) from documents')" -eq 6
"$MIZAN" events --db "$TMP/missing.db" > /dev/null 2>&1
check "events on a missing database: exit 2" test $? -eq 2
check "events did not create the missing database" test ! -e "$TMP/missing.db"
"$MIZAN" events --db "$DB" --root 99 > /dev/null 2>&1
check "events --root 99: usage error" test $? -eq 1
"$MIZAN" events --db "$DB" --from 2024-1 > /dev/null 2>&1
check "events bad date: usage error" test $? -eq 1
"$MIZAN" events --db "$DB" --dyad RUS > /dev/null 2>&1
check "events --dyad without a comma: usage error" test $? -eq 1
"$MIZAN" ingest --db "$DB" > /dev/null 2>&1
check "ingest with no input: usage error" test $? -eq 1
"$MIZAN" ingest --db "$DB" -j 0 $FX/docs.jsonl > /dev/null 2>&1
check "ingest -j 0: usage error" test $? -eq 1

# --- kill -9 mid-ingest, run again: the same store as a clean run ---
N=30000
python3 - "$TMP/big.jsonl" "$N" <<'PY'
import json, random, sys
random.seed(7)
s = ["North Korea supplied Russia with artillery shells.", "Japan condemned North Korea.",
     "The United States imposed sanctions on Russia.", "Russia signed a treaty with North Korea.",
     "زودت كوريا الشمالية روسيا بالصواريخ.", "The weather in Moscow was fine.",
     "China consulted Russia on the crisis.", "South Korea accused North Korea of provocations."]
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        text = " ".join(random.choice(s) for _ in range(random.randint(1, 4)))
        f.write(json.dumps({"id": "k%06d" % i, "date": "2024-%02d-%02d" % (i % 12 + 1, i % 28 + 1),
                            "text": text}, ensure_ascii=False) + "\n")
PY
"$MIZAN" ingest -q --db "$TMP/clean.db" "$TMP/big.jsonl"
check "clean run of the large input" test $? -eq 0
"$MIZAN" ingest -q --batch 250 --db "$TMP/killed.db" "$TMP/big.jsonl" &
pid=$!
docs=0
for _ in $(seq 1 600); do  # wait (at most 60 s) until some batches are committed
  docs=$(sql "$TMP/killed.db" 'select count(*) from documents' 2>/dev/null || echo 0)
  [ "${docs:-0}" -ge 1000 ] && break
  sleep 0.1
done
kill -9 $pid 2>/dev/null
killed=$?
wait $pid 2>/dev/null
check "kill -9 hit a running ingest" test $killed -eq 0
partial=$(sql "$TMP/killed.db" 'select count(*) from documents')
check "killed: part of the input stored ($partial of $N)" test "$partial" -gt 0 -a "$partial" -lt $N
check "killed: only whole batches committed" test $((partial % 250)) -eq 0
check "killed: database intact" test "$(sql "$TMP/killed.db" 'pragma integrity_check')" = ok
check "killed: no document without all its events and sentences" test "$(sql "$TMP/killed.db" \
  'select count(*) from documents d where d.events <> (select count(*) from events e where e.doc = d.id) or d.sentences <> (select count(*) from sentences s where s.doc = d.id)')" -eq 0
"$MIZAN" ingest --db "$TMP/killed.db" "$TMP/big.jsonl" 2> "$TMP/resume.err"
check "re-run after kill -9 exits 0" test $? -eq 0
check "re-run skips what was committed" grep -q "$partial unchanged" "$TMP/resume.err"
for t in documents sentences events; do
  check "after kill -9 and re-run: $t as a clean run" \
    test "$(sql "$TMP/killed.db" "select count(*) from $t")" -eq "$(sql "$TMP/clean.db" "select count(*) from $t")"
done
check "after kill -9 and re-run: the same events as a clean run" \
  cmp -s <("$MIZAN" events --db "$TMP/killed.db") <("$MIZAN" events --db "$TMP/clean.db")
check "full-text index consistent after the kill" \
  cmp -s <("$MIZAN" events --db "$TMP/killed.db" --search 'condemn OR صواريخ') \
  <("$MIZAN" events --db "$TMP/clean.db" --search 'condemn OR صواريخ')

finish
