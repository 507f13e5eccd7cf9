#!/usr/bin/env bash
# Command-line tests of provenance (issue 9, item 1): every event carries its document's outlet
# and url and a stable id in every output format, from `code` and from `events`; the ids survive
# re-ingest; a schema-version-1 database is read as it is and migrated when written.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
M=$MIZAN
sql() {
  python3 -c 'import sqlite3,sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print(r[0])' "$1" "$2"
}

cat > "$TMP/docs.jsonl" <<'J'
{"id": "p1", "date": "2024-06-19", "source": "Reuters", "url": "https://example.org/a?x=1", "text": "North Korea supplied Russia with missiles. Russia praised North Korea."}
{"id": "p2", "date": "2024-06-20", "source": "KCNA", "text": "Russia condemned Japan."}
J

"$M" code "$TMP/docs.jsonl" > "$TMP/code.jsonl"
check "code jsonl: id, outlet and url on every event" python3 -c '
import json,sys
ev=[json.loads(l) for l in open(sys.argv[1])]
assert len(ev)>=3, ev
for e in ev:
    assert len(e["id"])==16 and int(e["id"],16)>=0, e
    assert e["outlet"]==("Reuters" if e["doc"]=="p1" else "KCNA"), e
    assert e["url"]==("https://example.org/a?x=1" if e["doc"]=="p1" else ""), e
assert len({e["id"] for e in ev})==len(ev)' "$TMP/code.jsonl"

"$M" code --format tsv "$TMP/docs.jsonl" > "$TMP/code.tsv"
check "code tsv: id, outlet, url columns" python3 -c '
import csv,json,sys
rows=list(csv.DictReader(open(sys.argv[1],newline=""),delimiter="\t",quoting=csv.QUOTE_NONE))
ev=[json.loads(l) for l in open(sys.argv[2])]
assert [(r["id"],r["outlet"],r["url"]) for r in rows]==[(e["id"],e["outlet"],e["url"]) for e in ev]' \
  "$TMP/code.tsv" "$TMP/code.jsonl"

DB="$TMP/p.db"
"$M" ingest -q --db "$DB" "$TMP/docs.jsonl"
check "store: documents.url written" test "$(sql "$DB" "select url from documents where id='p1'")" = "https://example.org/a?x=1"
check "store: schema version 3" test "$(sql "$DB" 'pragma user_version')" -eq 3
"$M" events --db "$DB" > "$TMP/ev1.jsonl"
same_ids() {
  python3 -c '
import json,sys
a=sorted((e["id"],e["outlet"],e["url"]) for e in map(json.loads,open(sys.argv[1])))
b=sorted((e["id"],e["outlet"],e["url"]) for e in map(json.loads,open(sys.argv[2])))
assert a==b and a, (a,b)' "$1" "$2"
}
check "events jsonl: the same ids and provenance as code" same_ids "$TMP/ev1.jsonl" "$TMP/code.jsonl"
for fmt in tsv csv; do
  "$M" events --db "$DB" --format $fmt > "$TMP/ev.$fmt"
  check "events $fmt: id, outlet, url in the header" bash -c "head -1 '$TMP/ev.$fmt' | grep -q 'id.outlet.url\$'"
  check "events $fmt: provenance read back by --events" bash -c \
    "'$M' events --db '$DB' --format $fmt | '$M' network --format json - >/dev/null"
done
check "events csv: ids as in jsonl" python3 -c '
import csv,json,sys
rows=list(csv.DictReader(open(sys.argv[1],newline="")))
ev=[json.loads(l) for l in open(sys.argv[2])]
assert [(r["id"],r["outlet"],r["url"]) for r in rows]==[(e["id"],e["outlet"],e["url"]) for e in ev]' \
  "$TMP/ev.csv" "$TMP/ev1.jsonl"

# Re-ingest, unchanged and then with a changed document (recoded): the same ids.
"$M" ingest -q --db "$DB" "$TMP/docs.jsonl"
sed 's/Russia condemned Japan\./Russia condemned Japan.  /' "$TMP/docs.jsonl" > "$TMP/docs2.jsonl"
"$M" ingest -q --db "$DB" "$TMP/docs2.jsonl"
check "re-ingest: a changed document was recoded" test "$(sql "$DB" "select hash from documents where id='p2'")" != ""
"$M" events --db "$DB" > "$TMP/ev2.jsonl"
check "re-ingest: ids survive" same_ids "$TMP/ev2.jsonl" "$TMP/ev1.jsonl"
rm -f "$DB" "$DB"-wal "$DB"-shm
"$M" ingest -q --db "$DB" -j 3 "$TMP/docs.jsonl"
"$M" events --db "$DB" > "$TMP/ev3.jsonl"
check "a new database: the same ids" same_ids "$TMP/ev3.jsonl" "$TMP/ev1.jsonl"

# A version-1 database (no documents.url): read as it is, migrated when written to.  Version 1
# hashed no url, so the hash of a document with one is another (here simply replaced).  The
# triggers are dropped first: they name the full-text index, whose tokenizer only mizan has
# (the writing mizan makes them again; test_search.sh migrates an index of version 2).
OLD="$TMP/old.db"
"$M" ingest -q --db "$OLD" "$TMP/docs.jsonl"
python3 -c 'import sqlite3,sys
c=sqlite3.connect(sys.argv[1]); c.execute("drop trigger sentences_ai"); c.execute("drop trigger sentences_ad")
c.execute("alter table documents drop column url")
c.execute("update documents set hash=\"0123456789abcdef\" where id=\"p1\"")
c.execute("pragma user_version=1"); c.commit()' "$OLD"
"$M" events --db "$OLD" > "$TMP/old.jsonl"
check "version 1: events read, with outlet and an empty url" python3 -c '
import json,sys
ev=[json.loads(l) for l in open(sys.argv[1])]
assert ev and all(e["url"]=="" and e["outlet"] in ("Reuters","KCNA") for e in ev), ev' "$TMP/old.jsonl"
check "version 1: reading did not migrate" test "$(sql "$OLD" 'pragma user_version')" -eq 1
"$M" ingest -q --db "$OLD" "$TMP/docs.jsonl"
check "version 1: migrated to 3 on ingest" test "$(sql "$OLD" 'pragma user_version')" -eq 3
check "version 1: the triggers made again" \
  test "$(sql "$OLD" "select count(*) from sqlite_master where type='trigger'")" -eq 2
check "version 1: events kept through the migration" \
  test "$(sql "$OLD" 'select count(*) from events')" -eq "$(wc -l < "$TMP/ev1.jsonl")"
check "version 1: documents with a url recoded and their url stored" \
  test "$(sql "$OLD" "select url from documents where id='p1'")" = "https://example.org/a?x=1"
"$M" events --db "$OLD" > "$TMP/old2.jsonl"
check "version 1: the same ids after migration" same_ids "$TMP/old2.jsonl" "$TMP/ev1.jsonl"

# A newer version is still refused.
python3 -c 'import sqlite3,sys
c=sqlite3.connect(sys.argv[1]); c.execute("pragma user_version=4"); c.commit()' "$OLD"
"$M" ingest -q --db "$OLD" "$TMP/docs.jsonl" 2> "$TMP/newer.err"
check "version 4: refused" test $? -ne 0
check "version 4: not rewritten" test "$(sql "$OLD" 'pragma user_version')" -eq 4
finish
