#!/usr/bin/env bash
# Command-line tests of the faults found by trying to break mizan (issue 9, item 9): each check
# failed before its fix.  Big inputs are generated here, in the test's temporary folder.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
M=$MIZAN

sql() { # sql DB QUERY: prints the first column of each row
  python3 -c 'import sqlite3,sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print(r[0])' "$1" "$2"
}
rc_of() { "$@" > /dev/null 2>&1; echo $?; }
echo "Russia condemned Japan." > "$TMP/one.txt"

# --- usage errors are exit 1 ---
check "code --date 9999-99-99 is a usage error" test "$(rc_of "$M" code --date 9999-99-99 "$TMP/one.txt")" -eq 1
check "code -j 2x is a usage error" test "$(rc_of "$M" code -j 2x --date 2024-01-01 "$TMP/one.txt")" -eq 1
check "code -j 0 is a usage error" test "$(rc_of "$M" code -j 0 --date 2024-01-01 "$TMP/one.txt")" -eq 1

# --- PETRARCH XML read by a streaming parser ---
cat > "$TMP/c.xml" <<'XML'
<Sentences>
<!-- <Sentence id="c1" date="20240101"><Text>Russia condemned Japan.</Text></Sentence> -->
<Sentence id="d1" date="20240101"><Text><![CDATA[Japan praised Russia. </Sentence> still text]]></Text></Sentence>
<Sentence id="u1" date="20240101"><Text>China accused India.</Text>
<Sentence id="u2" date="20240101"><Text>Iran threatened Israel.</Text></Sentence>
</Sentences>
XML
"$M" code "$TMP/c.xml" > "$TMP/c.out" 2> "$TMP/c.err"; rc=$?
check "xml: a commented-out sentence is not coded" bash -c "! grep -q '\"doc\":\"c1\"' '$TMP/c.out'"
check "xml: </Sentence> inside CDATA keeps the sentence" grep -q '"doc":"d1"' "$TMP/c.out"
check "xml: an unclosed sentence is reported with its line" grep -q 'c.xml:4: malformed XML: <Sentence> not closed' "$TMP/c.err"
check "xml: the sentence after an unclosed one is coded" grep -q '"doc":"u2"' "$TMP/c.out"
check "xml: an unclosed sentence is not coded" bash -c "! grep -q '\"doc\":\"u1\"' '$TMP/c.out'"
check "xml: malformed file exits 2" test $rc -eq 2
python3 -c '
print("<Sentences>")
for i in range(40000): print("<Sentence id=\"s%d\" date=\"20240101\"><Text>Russia condemned Japan.</Text></Sentence>" % i)
print("</Sentences>")' > "$TMP/big.xml"
start=$(date +%s)
n=$(timeout 60 "$M" code "$TMP/big.xml" | wc -l)
check "xml: 40,000 sentences coded in well under a minute (was 112 s)" \
  bash -c "test $n -eq 40000 && test $(( $(date +%s) - start )) -lt 30"
python3 -c '
import sys
sys.stdout.write("<Sentences><Sentence id=\"h\" date=\"20240101\"><Text>" + "Russia condemned Japan. " * 500000 + "</Text></Sentence></Sentences>")' > "$TMP/huge.xml"
check "xml: a <Text> over 10 MB is read (XML_PARSE_HUGE)" bash -c "\"$M\" code '$TMP/huge.xml' 2>/dev/null | grep -q '\"doc\":\"h\"'"
iconv -f utf-8 -t utf-16 > "$TMP/u16.xml" <<'XML'
<?xml version="1.0" encoding="UTF-16"?>
<Sentences><Sentence id="w1" date="20240101"><Text>Russia condemned Japan.</Text></Sentence></Sentences>
XML
check "xml: UTF-16 is read" bash -c "\"$M\" code '$TMP/u16.xml' | grep -q '\"doc\":\"w1\"'"
printf '<?xml version="1.0" encoding="ISO-8859-1"?>\n<Sentences><Sentence id="l1" date="20240101"><Text>Russia condemned Japan caf\xe9.</Text></Sentence></Sentences>\n' > "$TMP/l1.xml"
check "xml: declared Latin-1 is converted" bash -c "\"$M\" code '$TMP/l1.xml' | grep -q 'café'"
printf '<Sentences><Sentence id="l0" date="20240101"><Text>Russia condemned Japan caf\xe9.</Text></Sentence></Sentences>\n' > "$TMP/l0.xml"
check "xml: undeclared Latin-1 is an error, exit 2" \
  bash -c "\"$M\" code '$TMP/l0.xml' 2>&1 >/dev/null | grep -q 'l0.xml:1: malformed XML: Input is not proper UTF-8'; test \${PIPESTATUS[0]} -eq 2"
echo "garbage <<<" > "$TMP/g.xml"
check "xml: garbage is an error, exit 2" test "$(rc_of "$M" code "$TMP/g.xml")" -eq 2
echo "<html><p>Russia condemned Japan.</p></html>" > "$TMP/h.xml"
check "xml: another XML vocabulary is refused" \
  bash -c "\"$M\" code '$TMP/h.xml' 2>&1 | grep -q 'not PETRARCH XML: the root element is <html>'"

# --- JSON Lines: a huge record when memory runs out; byte-order marks; a directory ---
if [[ "${OUT:-}" != *asan* ]]; then # ASan cannot run under a limit on address space
  python3 -c '
import json
print(json.dumps({"id": "big", "date": "2024-01-01", "text": "Russia condemned Japan. " * 2600000}))
print(json.dumps({"id": "small", "date": "2024-01-01", "text": "Russia condemned Japan."}))' > "$TMP/big.jsonl"
  # With room for the line (the scanner reads it in place; jansson needed four times it), the
  # record is refused for its size; with no room for the line itself, for the memory.
  (ulimit -v 200000; "$M" code "$TMP/big.jsonl" > "$TMP/big.out" 2> "$TMP/big.err"; echo $? > "$TMP/big.rc")
  check "60 MB record under ulimit -v 200000: file:line: text larger than 32 MiB, exit 2" \
    bash -c "grep -q 'big.jsonl:1: text larger than 32 MiB' '$TMP/big.err' && test \$(cat '$TMP/big.rc') -eq 2"
  check "60 MB record under ulimit -v 200000: the next record still coded" grep -q '"doc":"small"' "$TMP/big.out"
  (ulimit -v 110000; "$M" code "$TMP/big.jsonl" > "$TMP/big.out" 2> "$TMP/big.err"; echo $? > "$TMP/big.rc")
  check "60 MB record under ulimit -v 110000: file:line: out of memory, exit 2" \
    bash -c "grep -q 'big.jsonl:1: out of memory' '$TMP/big.err' && test \$(cat '$TMP/big.rc') -eq 2"
  check "60 MB record under ulimit -v 110000: the next record still coded" grep -q '"doc":"small"' "$TMP/big.out"
  rm -f "$TMP/big.jsonl"
fi
printf '\xef\xbb\xbf{"id":"b1","date":"2024-01-01","text":"Russia condemned Japan."}\n' > "$TMP/bom.jsonl"
check "a byte-order mark before the first JSON Lines record is skipped" \
  bash -c "\"$M\" code '$TMP/bom.jsonl' | grep -q '\"doc\":\"b1\"'"
printf '\xef\xbb\xbfRussia condemned Japan.' > "$TMP/bom.txt"
check "a byte-order mark at the start of a text file is not text" \
  bash -c "\"$M\" code --date 2024-01-01 '$TMP/bom.txt' | grep -q '\"text\":\"Russia condemned Japan.\"'"
printf '\xef\xbb\xbf# comment\nZANZIBARIA [ZNZ]\n' > "$TMP/bom.actors.txt"
check "a byte-order mark at the start of a dictionary: no warning" \
  bash -c "! \"$M\" dict check '$TMP/bom.actors.txt' 2>&1 | grep -q warning"
mkdir -p "$TMP/x.jsonl"
check "a directory named x.jsonl is an error, exit 2" \
  bash -c "\"$M\" code '$TMP/x.jsonl' 2>&1 | grep -q 'x.jsonl: cannot read: is a directory'; test \${PIPESTATUS[0]} -eq 2"
# A read error is not an end of file: /proc/self/mem (the reader's own memory, unmapped at
# offset 0) opens and then fails to read with EIO, as a failing disk does in mid-file.
if [ -r /proc/self/mem ]; then
  for f in jsonl xml txt; do
    "$M" code --input $f --date 2024-01-01 /proc/self/mem > /dev/null 2> "$TMP/eio.err"; rc=$?
    check "a read error in $f input: reported, exit 2" \
      bash -c "test $rc -eq 2 && grep -q 'read error: Input/output error' '$TMP/eio.err'"
  done
fi

# --- plain text: ids are the paths as given; a document over the limit refused before reading ---
mkdir -p "$TMP/a" "$TMP/b"
echo "Russia condemned Japan." > "$TMP/a/x.txt"
echo "Japan praised Russia." > "$TMP/b/x.txt"
"$M" ingest -q --db "$TMP/same.db" --date 2024-01-01 "$TMP/a/x.txt" "$TMP/b/x.txt"
check "two x.txt in different folders: two documents" test "$(sql "$TMP/same.db" 'select count(*) from documents')" -eq 2
check "two x.txt: ids are the paths as given" \
  test "$(sql "$TMP/same.db" "select count(*) from documents where id in ('$TMP/a/x.txt','$TMP/b/x.txt')")" -eq 2
truncate -s 2G "$TMP/huge.txt"
start=$(date +%s)
"$M" code --date 2024-01-01 "$TMP/huge.txt" > /dev/null 2> "$TMP/huge.err"; rc=$?
check "a 2 GB text file is refused at once, saying the limit" \
  bash -c "test $rc -eq 2 && grep -q 'over the 32 MiB limit' '$TMP/huge.err' && test $(( $(date +%s) - start )) -lt 5"
rm -f "$TMP/huge.txt"
python3 -c '
import json
print(json.dumps({"id": "big", "date": "2024-01-01", "text": "Russia condemned Japan. " * 1500000}))
print(json.dumps({"id": "small", "date": "2024-01-01", "text": "Russia condemned Japan."}))' > "$TMP/b36.jsonl"
"$M" code "$TMP/b36.jsonl" > "$TMP/b36.out" 2> "$TMP/b36.err"
check "a JSON Lines text over the limit is refused with file:line, the next coded" \
  bash -c "grep -q 'b36.jsonl:1: text larger than 32 MiB' '$TMP/b36.err' && grep -q '\"doc\":\"small\"' '$TMP/b36.out'"
rm -f "$TMP/b36.jsonl"

# --- the store refuses what is not its own ---
python3 -c "import sqlite3; c=sqlite3.connect('$TMP/newer.db'); c.execute('pragma user_version=7'); c.commit()"
"$M" ingest -q --db "$TMP/newer.db" --date 2024-01-01 "$TMP/one.txt" 2> "$TMP/newer.err"; rc=$?
check "a newer schema version is refused with a clear message" \
  bash -c "test $rc -eq 2 && grep -q 'written by a newer mizan (schema version 7' '$TMP/newer.err'"
check "a newer schema version is not rewritten" test "$(sql "$TMP/newer.db" 'pragma user_version')" -eq 7
python3 -c "import sqlite3; c=sqlite3.connect('$TMP/other.db'); c.execute('create table foo(x)'); c.commit()"
"$M" ingest -q --db "$TMP/other.db" --date 2024-01-01 "$TMP/one.txt" 2> "$TMP/other.err"; rc=$?
check "a database that is not mizan's is refused" \
  bash -c "test $rc -eq 2 && grep -q 'not a mizan event store' '$TMP/other.err'"
check "a database that is not mizan's gets no tables" test "$(sql "$TMP/other.db" 'select count(*) from sqlite_master')" -eq 1

# --- re-ingest with other dictionaries or options recodes ---
FDB=$TMP/fp.db
"$M" ingest -q --db "$FDB" --date 2024-01-01 "$TMP/one.txt"
"$M" ingest --db "$FDB" --date 2024-01-01 "$TMP/one.txt" 2> "$TMP/fp1.err"
check "re-ingest, same options: unchanged" grep -q "0 replaced, 1 unchanged" "$TMP/fp1.err"
"$M" ingest --partial --db "$FDB" --date 2024-01-01 "$TMP/one.txt" 2> "$TMP/fp2.err"
check "re-ingest with --partial: recoded" grep -q "1 replaced, 0 unchanged" "$TMP/fp2.err"
echo "JAPAN" > "$TMP/d.discards.txt"
"$M" ingest --partial --discards "$TMP/d.discards.txt" --db "$FDB" --date 2024-01-01 "$TMP/one.txt" 2> "$TMP/fp3.err"
check "re-ingest with --discards: recoded" grep -q "1 replaced, 0 unchanged" "$TMP/fp3.err"
echo "JAPAN" > "$TMP/d.discards.txt"
printf 'ZANZIBARIA [ZNZ]\n' > "$TMP/z.actors.txt"
"$M" ingest --partial --discards "$TMP/d.discards.txt" --actors "$TMP/z.actors.txt" --db "$FDB" --date 2024-01-01 "$TMP/one.txt" 2> "$TMP/fp4.err"
check "re-ingest with --actors: recoded" grep -q "1 replaced, 0 unchanged" "$TMP/fp4.err"
printf 'ZANZIBARIA [ZNZ]\nNIPPONIA [NPP]\n' > "$TMP/z.actors.txt"
"$M" ingest --partial --discards "$TMP/d.discards.txt" --actors "$TMP/z.actors.txt" --db "$FDB" --date 2024-01-01 "$TMP/one.txt" 2> "$TMP/fp5.err"
check "re-ingest after a dictionary file changed: recoded" grep -q "1 replaced, 0 unchanged" "$TMP/fp5.err"
"$M" ingest --partial --discards "$TMP/d.discards.txt" --actors "$TMP/z.actors.txt" --db "$FDB" --date 2024-01-01 "$TMP/one.txt" 2> "$TMP/fp6.err"
check "re-ingest with the same dictionaries again: unchanged" grep -q "0 replaced, 1 unchanged" "$TMP/fp6.err"
"$M" ingest --parse --partial --discards "$TMP/d.discards.txt" --actors "$TMP/z.actors.txt" --db "$FDB" --date 2024-01-01 "$TMP/one.txt" 2> "$TMP/fp7.err"
check "re-ingest with --parse: recoded" grep -q "1 replaced, 0 unchanged" "$TMP/fp7.err"

# --- FTS query syntax errors: always exit 1 ---
for q in 'sanctions AND' '"unterminated' 'foo:bar' '*' '('; do
  check "events --search '$q': a usage error (exit 1)" test "$(rc_of "$M" events --db "$FDB" --search "$q")" -eq 1
done

# --- out-of-range Goldstein values in --events input are refused ---
"$M" code --date 2024-01-01 "$TMP/a/x.txt" "$TMP/b/x.txt" > "$TMP/ev.jsonl"
sed '1s/"goldstein":[-0-9.]*/"goldstein":1e308/' "$TMP/ev.jsonl" > "$TMP/evbad.jsonl"
"$M" network "$TMP/evbad.jsonl" --format svg > "$TMP/net.svg" 2> "$TMP/net.err"; rc=$?
check "goldstein 1e308: file:line, exit 2" bash -c "test $rc -eq 2 && grep -q 'evbad.jsonl:1: missing or bad \"goldstein\"' '$TMP/net.err'"
check "goldstein 1e308: no nan in the SVG" bash -c "! grep -q nan '$TMP/net.svg'"

# --- a full disk: the summary counts the documents not stored ---
python3 -c '
import json
for i in range(3000):
    print(json.dumps({"id": "d%d" % i, "date": "2024-01-01",
                      "text": "Russia condemned Japan over the islands number %d. China praised India." % i}))' > "$TMP/many.jsonl"
(trap '' XFSZ; ulimit -f 800; "$M" ingest --db "$TMP/full.db" "$TMP/many.jsonl" 2> "$TMP/full.err"; echo $? > "$TMP/full.rc")
check "disk full (ulimit -f): exit 2" test "$(cat "$TMP/full.rc")" -eq 2
check "disk full: the summary counts what was not stored as failed" \
  python3 - "$TMP/full.err" "$TMP/full.db" <<'PY'
import re, sqlite3, sys
m = re.search(r"(\d+) documents read: (\d+) added, (\d+) replaced, (\d+) unchanged, (\d+) failed", open(sys.argv[1]).read())
read, added, replaced, unchanged, failed = map(int, m.groups())
stored = sqlite3.connect(sys.argv[2]).execute("select count(*) from documents").fetchone()[0]
assert failed > 0 and added == stored and read == added + replaced + unchanged + failed, (m.groups(), stored)
PY

# --- a database on read-only media can be queried ---
mkdir -p "$TMP/ro" "$TMP/romnt"
"$M" ingest -q --db "$TMP/rw.db" --date 2024-01-01 "$TMP/one.txt"
n_ro=$("$M" events --db "$TMP/rw.db" | wc -l)
cp "$TMP/rw.db" "$TMP/ro/fp.db" # the database file alone, as copied to read-only media
if unshare -m true 2> /dev/null; then # a read-only bind mount in a private mount namespace
  unshare -m bash -c "mount --bind -o ro '$TMP/ro' '$TMP/romnt' && '$M' events --db '$TMP/romnt/fp.db'" \
    > "$TMP/ro.out" 2> "$TMP/ro.err"
  check "a database on a read-only mount can be queried" \
    bash -c "test $n_ro -ge 1 && test \$(wc -l < '$TMP/ro.out') -eq $n_ro"
elif [ "$(id -u)" -ne 0 ]; then # a folder we cannot write
  chmod 555 "$TMP/ro"
  check "a database in a read-only folder can be queried" \
    bash -c "test $n_ro -ge 1 && test \$('$M' events --db '$TMP/ro/fp.db' | wc -l) -eq $n_ro"
  chmod 755 "$TMP/ro"
else
  echo "SKIP: read-only media (neither unshare nor a non-root user)"
fi

# --- dates as news data writes them (issue 9, item 3) ---
cat > "$TMP/dates.jsonl" <<'JSONL'
{"id":"t1","date":"2024-06-19T08:30:00Z","text":"Russia condemned Japan."}
{"id":"t2","date":"2024-06-19T23:30:00-05:00","text":"Russia condemned Japan."}
{"id":"t3","date":"20240619","text":"Russia condemned Japan."}
{"id":"t4","date":"Wed, 19 Jun 2024 22:30:00 -0400","text":"Russia condemned Japan."}
{"id":"t5","date":"2024-06-31","text":"Russia condemned Japan."}
JSONL
"$M" code "$TMP/dates.jsonl" > "$TMP/dates.out" 2> "$TMP/dates.err"
check "dates: ISO timestamps, YYYYMMDD and RFC 2822 read as UTC calendar dates" \
  python3 - "$TMP/dates.out" <<'PY'
import json, sys
got = {r["doc"]: r["date"] for r in map(json.loads, open(sys.argv[1]))}
assert got == {"t1": "2024-06-19", "t2": "2024-06-20", "t3": "2024-06-19", "t4": "2024-06-20"}, got
PY
check "dates: only a malformed date skips its record" grep -q "dates.jsonl:5: bad date '2024-06-31'" "$TMP/dates.err"
printf '<Sentences><Sentence id="x" date="2024-06-19T23:30:00-05:00"><Text>Russia condemned Japan.</Text></Sentence></Sentences>' > "$TMP/d.xml"
check "dates: a timestamp in PETRARCH XML" bash -c "\"$M\" code '$TMP/d.xml' | grep -q '\"date\":\"2024-06-20\"'"
check "dates: code --date takes a timestamp" \
  bash -c "\"$M\" code --date 2024-06-19T23:00:00-03:00 '$TMP/one.txt' | grep -q '\"date\":\"2024-06-20\"'"

finish
