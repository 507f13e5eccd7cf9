#!/usr/bin/env bash
# Command-line tests of full-text search (`mizan ingest`, then `mizan events --search`) with
# mizan's tokenizer: English stems, Arabic words with their clitics and variant letters, prefix
# and phrase queries, a query with no word, and a store of schema version 2 (made here with its
# old unicode61 index) read as it is and rebuilt when opened for writing.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
DB=$TMP/s.db

sql() { # sql DB QUERY: prints the first column of each row
  python3 -c 'import sqlite3,sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print(r[0])' "$1" "$2"
}
# docs DB QUERY: the documents of the events found, sorted, on one line
docs() {
  "$MIZAN" events --db "$1" --search "$2" | python3 -c 'import json,sys
print(" ".join(sorted({json.loads(l)["doc"] for l in sys.stdin})))'
}
search_is() { # search_is QUERY EXPECTED-DOCS
  check "search '$1' finds ${2:-nothing}" test "$(docs "$DB" "$1")" = "$2"
}

cat > "$TMP/s.jsonl" <<'JSONL'
{"id": "e1", "date": "2024-06-01", "lang": "en", "text": "The United States imposed sanctions on Russia."}
{"id": "e2", "date": "2024-06-02", "lang": "en", "text": "The European Union sanctioned North Korea."}
{"id": "e3", "date": "2024-06-03", "lang": "en", "text": "China negotiated with Russia over the treaty."}
{"id": "e4", "date": "2024-06-04", "lang": "en", "text": "Japan condemned North Korea."}
{"id": "a1", "date": "2024-06-05", "lang": "ar", "text": "فرضت الولايات المتحدة عقوبات على روسيا."}
{"id": "a2", "date": "2024-06-06", "lang": "ar", "text": "ونددت اليابان بالعقوبات الروسية على كوريا الشمالية."}
{"id": "a3", "date": "2024-06-07", "lang": "ar", "text": "وفرض الاتحاد الأوروبي والعقوبات على كوريا الشمالية."}
{"id": "a4", "date": "2024-06-08", "lang": "ar", "text": "أدانت اليابان كوريا الشمالية."}
JSONL
"$MIZAN" ingest -q --db "$DB" "$TMP/s.jsonl"
check "ingest exits 0" test $? -eq 0
check "ingest: an event from each of the 8 documents" test "$(sql "$DB" 'select count(distinct doc) from events')" -eq 8
check "a new store is schema version 3" test "$(sql "$DB" 'pragma user_version')" -eq 3

# --- English: stems ---
search_is sanction "e1 e2"
search_is sanctions "e1 e2"
search_is SANCTIONED "e1 e2"
search_is negotiations "e3"
search_is 'condemn AND korea' "e4"
# --- Arabic: clitics, the article, variant letters and diacritics ---
search_is عقوبات "a1 a2 a3"
search_is العقوبات "a1 a2 a3"
search_is والعقوبات "a3"          # a query word is taken as written, not split
search_is أدانت "a4"
search_is ادانت "a4"
search_is 'أَدانَتْ' "a4"
search_is 'sanctions OR عقوبات' "a1 a2 a3 e1 e2"
# --- prefixes and phrases ---
search_is 'negotiat*' "e3"       # the stem is negoti: the prefix meets the word as written
search_is 'sanct*' "e1 e2"
search_is 'عقوب*' "a1 a2 a3"
search_is '"imposed sanctions"' "e1"
search_is '"imposing sanction on russia"' "e1"
search_is '"sanctions imposed"' ""
search_is '"كوريا الشمالية"' "a2 a3 a4"
search_is 'NEAR(japan korea, 3)' "e4"

# --- a query with no word, and bad syntax: usage errors ---
"$MIZAN" events --db "$DB" --search '"؟ …"' > "$TMP/none.out" 2> "$TMP/none.err"
check "a query with no word: exit 1" test $? -eq 1
check "a query with no word: says so" grep -q "has no word to search for" "$TMP/none.err"
check "a query with no word: prints no event" test ! -s "$TMP/none.out"
"$MIZAN" events --db "$DB" --search 'sanctions AND' > /dev/null 2> "$TMP/bad.err"
check "bad FTS5 syntax: exit 1" test $? -eq 1
check "bad FTS5 syntax: says so" grep -q "bad --search query" "$TMP/bad.err"

# --- invalid UTF-8 cannot reach the index: the document is refused, the others stored ---
printf '{"id": "u1", "text": "Japan condemned Russia."}\n' > "$TMP/u.jsonl"
printf 'Japan condemned \xff Russia.\n' > "$TMP/bad.txt"
"$MIZAN" ingest -q --db "$DB" "$TMP/u.jsonl" "$TMP/bad.txt" 2> /dev/null
check "invalid UTF-8 in a document: refused (exit 2)" test $? -eq 2
search_is condemnation "e4 u1"

# --- a store of schema version 2: read as it is, rebuilt when opened for writing ---
python3 - "$TMP/old.db" "$DB" <<'PY'
import sqlite3, sys
old = sqlite3.connect(sys.argv[1])
old.executescript("""
CREATE TABLE documents (id TEXT PRIMARY KEY, date TEXT NOT NULL DEFAULT '', lang TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '', hash TEXT NOT NULL,
  sentences INTEGER NOT NULL DEFAULT 0, events INTEGER NOT NULL DEFAULT 0,
  ingested TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
CREATE TABLE sentences (id INTEGER PRIMARY KEY, doc TEXT NOT NULL REFERENCES documents(id),
  idx INTEGER NOT NULL, text TEXT NOT NULL, UNIQUE (doc, idx));
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
""")
new = sqlite3.connect(sys.argv[2])
sql = new.execute("select sql from sqlite_master where name = 'events'").fetchone()[0]
old.execute(sql)
for t in ("documents", "sentences", "events"):
    rows = new.execute("select * from " + t).fetchall()
    old.executemany("insert into %s values (%s)" % (t, ",".join("?" * len(rows[0]))), rows)
old.execute("pragma user_version = 2")
old.commit()
PY
check "version-2 store made" test "$(sql "$TMP/old.db" 'pragma user_version')" -eq 2
"$MIZAN" events --db "$TMP/old.db" --search sanctions > "$TMP/old1.out" 2> "$TMP/old1.err"
check "version 2, read-only: exact words still found" test "$(wc -l < "$TMP/old1.out")" -eq 1
check "version 2, read-only: a note tells how to rebuild" grep -q "made by another version of mizan" "$TMP/old1.err"
check "version 2, read-only: not changed" test "$(sql "$TMP/old.db" 'pragma user_version')" -eq 2
"$MIZAN" ingest -q --db "$TMP/old.db" --input jsonl - < /dev/null
check "version 2 opened for writing: now version 3" test "$(sql "$TMP/old.db" 'pragma user_version')" -eq 3
check "version 2 opened for writing: the index rebuilt" \
  test "$(docs "$TMP/old.db" 'sanction OR عقوبات')" = "a1 a2 a3 e1 e2"
"$MIZAN" events --db "$TMP/old.db" --search sanction > /dev/null 2> "$TMP/old2.err"
check "version 3: no note" test ! -s "$TMP/old2.err"
check "the same events as the store made new" \
  cmp -s <("$MIZAN" events --db "$TMP/old.db" --search 'korea OR كوريا') \
  <("$MIZAN" events --db "$DB" --search 'korea OR كوريا')

finish
