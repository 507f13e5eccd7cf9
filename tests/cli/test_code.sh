#!/usr/bin/env bash
# Command-line tests of `mizan code`: the seed article, formats, threads and bad input.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
SEED=../shared/seed/000_ae4390bcb25c32fb.txt

# --- the seed article: the alliance system it describes ---
"$MIZAN" code --date 2025-01-15 "$SEED" > "$TMP/seed.jsonl" 2> "$TMP/seed.err"
check "seed codes with exit 0" test $? -eq 0
has() { # has SRC_COUNTRY ROOT TGT_COUNTRY: an event between the countries with that root
  grep -q "\"source_country\":\"$1\",\"target_country\":\"$3\",\"code\":\"[0-9]*\",\"root\":\"$2\"" "$TMP/seed.jsonl"
}
check "seed: Kim affirms cooperation with Putin (PRK→RUS 03)" has PRK 03 RUS
check "seed: the strategic partnership and mutual-defence pact (PRK–RUS 05)" has PRK 05 RUS
check "seed: North Korea supplies Russia (PRK→RUS 07)" has PRK 07 RUS
check "seed: Russia's war against Ukraine (RUS→UKR 19)" has RUS 19 UKR
check "seed: Washington–Tokyo–Seoul military cooperation (06)" has USA 06 JPN
check "seed: Seoul and Tokyo with Washington (06)" has KOR 06 USA
check "seed: Russia's support in exchange (RUS→PRK 07)" has RUS 07 PRK
check "seed: sanctions by Washington on North Korea (16)" has USA 16 PRK
check "seed: sanctions by Washington on Russia (16)" has USA 16 RUS
check "seed: Russia's diplomatic cover (RUS→PRK 05)" has RUS 05 PRK
check "seed: every record has the contract's fields" \
  python3 -c 'import json,sys
need={"doc","sentence","date","lang","source","target","source_country","target_country","code","root","quad","goldstein","plover","mood","text","evidence"}
for l in open(sys.argv[1]):
    r=json.loads(l); assert need<=set(r), need-set(r)
    assert {"source","target","verb"}<=set(r["evidence"])<={"source","target","verb","context"}, r["evidence"]
    assert set(r["evidence"].get("context",{}))<={"source","target"}
    assert r["date"]=="2025-01-15" and r["lang"]=="ar" and r["mood"] in ("fact","intent") and 1<=r["quad"]<=4' "$TMP/seed.jsonl"

# --- formats ---
printf '{"id":"a","date":"2024-06-19","text":"North Korea supplied Russia with artillery shells."}\n{"id":"b","date":"2024-06-20","lang":"ar","text":"زودت كوريا الشمالية روسيا بالصواريخ."}\n' > "$TMP/two.jsonl"
"$MIZAN" code "$TMP/two.jsonl" > "$TMP/two.out"
check "jsonl: Arabic record coded" grep -q '"doc":"b".*"source":"PRK","target":"RUS"' "$TMP/two.out"
"$MIZAN" code --format tsv "$TMP/two.jsonl" > "$TMP/two.tsv"
check "tsv: header line" bash -c "head -1 '$TMP/two.tsv' | grep -q '^doc	sentence	date	lang	source	target'"
cat > "$TMP/p.xml" <<'XML'
<Sentences>
<Sentence id="x1" date="20240619" source="test"><Text>
زودت كوريا الشمالية روسيا بالصواريخ.
</Text><Parse>(ROOT ...)</Parse></Sentence>
</Sentences>
XML
"$MIZAN" code "$TMP/p.xml" > "$TMP/p.out"
check "xml: sentence coded with its date" grep -q '"doc":"x1","sentence":0,"date":"2024-06-19"' "$TMP/p.out"

# --- threads give the same output in the same order ---
"$MIZAN" code -j 1 examples/corpus.jsonl > "$TMP/j1.out"
"$MIZAN" code -j 2 examples/corpus.jsonl > "$TMP/j2.out"
check "-j 2 equals -j 1" cmp -s "$TMP/j1.out" "$TMP/j2.out"
check "corpus codes events" test -s "$TMP/j1.out"

# --- bad input: reported as file:line: reason, skipped, exit 2; good records still coded ---
printf 'Russia attacked Ukraine.\n\xff\xfe bad bytes\n' > "$TMP/bad.txt"
"$MIZAN" code "$TMP/bad.txt" > /dev/null 2> "$TMP/e1"; rc=$?
check "invalid UTF-8: exit 2" test $rc -eq 2
check "invalid UTF-8: file:line: reason" grep -q "bad.txt:2: invalid UTF-8 at byte 25" "$TMP/e1"
printf 'Russia\0attacked Ukraine.\n' > "$TMP/nul.txt"
"$MIZAN" code "$TMP/nul.txt" > /dev/null 2> "$TMP/e2"; rc=$?
check "NUL byte: exit 2 with reason" bash -c "test $rc -eq 2 && grep -q 'NUL byte' '$TMP/e2'"
: > "$TMP/empty.txt"
"$MIZAN" code "$TMP/empty.txt" > "$TMP/empty.out"; rc=$?
check "empty file: exit 0, no events" bash -c "test $rc -eq 0 && test ! -s '$TMP/empty.out'"
printf '{"id":"1","text":"North Korea supplied Russia with shells."}\n{"id": 2, "text": \n{"id":"3","date":"2024-13-45","text":"x"}\n[1,2]\n{"id":"5"}\n{"id":"6","text":"South Korea condemned North Korea."}\n' > "$TMP/mixed.jsonl"
"$MIZAN" code "$TMP/mixed.jsonl" > "$TMP/mixed.out" 2> "$TMP/e3"; rc=$?
check "malformed JSONL: exit 2" test $rc -eq 2
check "malformed JSONL: line 2 reported" grep -q "mixed.jsonl:2: malformed JSON" "$TMP/e3"
check "bad date: line 3 reported" grep -q "mixed.jsonl:3: bad date '2024-13-45'" "$TMP/e3"
check "not an object: line 4 reported" grep -q "mixed.jsonl:4: record is not a JSON object" "$TMP/e3"
check "missing text: line 5 reported" grep -q 'mixed.jsonl:5: missing "text"' "$TMP/e3"
check "good records around bad ones coded" bash -c "grep -q '\"doc\":\"1\"' '$TMP/mixed.out' && grep -q '\"doc\":\"6\"' '$TMP/mixed.out'"
printf '<Sentences><Sentence id="a" date="20240101"><Text>Russia attacked Ukraine.</Text></Sentence><Sentence id="b"><Text>oops</Sentence>' > "$TMP/bad.xml"
"$MIZAN" code "$TMP/bad.xml" > "$TMP/bx.out" 2> "$TMP/e4"; rc=$?
check "malformed XML: exit 2 with file:line" bash -c "test $rc -eq 2 && grep -q 'bad.xml:1: malformed XML' '$TMP/e4'"
check "malformed XML: the good sentence before it coded" grep -q '"doc":"a"' "$TMP/bx.out"
"$MIZAN" code --date 2024-02-30 "$SEED" > /dev/null 2> "$TMP/e5"; rc=$?
check "bad --date: a usage error (exit 1) with reason" bash -c "test $rc -eq 1 && grep -q -- '--date takes a date' '$TMP/e5'"
# a 100 MB line in JSON Lines: over the 64 MiB record limit, reported and skipped
python3 -c 'import sys
sys.stdout.write("{\"id\":\"ok1\",\"text\":\"Russia attacked Ukraine.\"}\n")
sys.stdout.write("{\"id\":\"huge\",\"text\":\"" + "a" * (100 << 20) + "\"}\n")
sys.stdout.write("{\"id\":\"ok2\",\"text\":\"Russia attacked Ukraine.\"}\n")' > "$TMP/huge.jsonl"
"$MIZAN" code "$TMP/huge.jsonl" > "$TMP/huge.out" 2> "$TMP/e6"; rc=$?
check "100 MB line: exit 2, reported" bash -c "test $rc -eq 2 && grep -q 'huge.jsonl:2: line longer than 64 MiB' '$TMP/e6'"
check "100 MB line: records around it coded" bash -c "grep -q ok1 '$TMP/huge.out' && grep -q ok2 '$TMP/huge.out'"
rm -f "$TMP/huge.jsonl"
# a JSON Lines file that starts with an empty line (found by fuzzing: it crashed the reader)
printf '\n{"id":"a","text":"Russia attacked Ukraine."}\n' > "$TMP/blank.jsonl"
"$MIZAN" code "$TMP/blank.jsonl" > "$TMP/blank.out"; rc=$?
check "jsonl starting with an empty line: exit 0, record coded" bash -c "test $rc -eq 0 && grep -q '\"doc\":\"a\"' '$TMP/blank.out'"
"$MIZAN" code --format xml "$SEED" > /dev/null 2>&1; rc=$?
check "usage error: exit 1" test $rc -eq 1
"$MIZAN" code /nonexistent/file.txt > /dev/null 2> "$TMP/e7"; rc=$?
check "missing file: exit 2 with reason" bash -c "test $rc -eq 2 && grep -q 'cannot open' '$TMP/e7'"

# --- --explain: the account of each decision instead of the events ---
printf 'Kenyan Interior Minister Joseph Kamau accused Somalia of harbouring militants. Kamau did not meet the Somali ambassador.\n' \
  | "$MIZAN" code --explain --lang en > "$TMP/explain.txt"
check "explain: exit 0" test $? -eq 0
check "explain: the document's country" grep -q '^document stdin: country SOM, the country named most' "$TMP/explain.txt"
check "explain: a learned name" grep -q 'learned "Joseph Kamau" as KENGOV' "$TMP/explain.txt"
check "explain: mentions with codes" grep -q 'verb      112     "accused"' "$TMP/explain.txt"
check "explain: a group resolved from the introduction" grep -q 'KENGOV "Kamau" (introduced as' "$TMP/explain.txt"
check "explain: the event emitted" grep -q '^    event KENGOV 112 SOM (fact)$' "$TMP/explain.txt"
check "explain: why a verb was dropped" grep -q 'verb "meet" 040: not coded: negated or hypothetical' "$TMP/explain.txt"
check "explain: no JSON" bash -c "! grep -q '^{' '$TMP/explain.txt'"
printf 'Kenyan Interior Minister Joseph Kamau met Ethiopian officials. Kamau later accused Somalia of harbouring militants.\n' \
  | "$MIZAN" code --lang en > "$TMP/context.jsonl"
check "evidence: the context an actor came from" \
  grep -q '"source":"KENGOV","target":"SOM".*"evidence":{"source":"Kamau",.*"context":{"source":"Kenyan Interior Minister Joseph Kamau"}}' "$TMP/context.jsonl"
# --- --parse: subjects from the dependency parse (where the build has its models) ---
if "$MIZAN" parse --lang en < /dev/null > /dev/null 2>&1; then
  printf 'The Kenyan foreign minister, who met Somali officials on Monday, condemned Ethiopia.\n' \
    | "$MIZAN" code --parse --lang en > "$TMP/parse.jsonl"
  check "--parse: a relative clause's subject from the parse" grep -q '"source":"KENGOV","target":"SOMGOV"' "$TMP/parse.jsonl"
  printf 'The Kenyan foreign minister, who met Somali officials on Monday, condemned Ethiopia.\n' \
    | "$MIZAN" code --lang en > "$TMP/noparse.jsonl"
  check "without --parse: word order alone" bash -c "! grep -q '\"source\":\"KENGOV\",\"target\":\"SOMGOV\"' '$TMP/noparse.jsonl'"
  # the coalition Saudi Arabia leads bombed positions in Yemen: Saudi Arabia is what leads, not
  # what is bombed
  printf 'قصفت قوات التحالف العربي الذي تقوده السعودية مواقع في اليمن.\n' \
    | "$MIZAN" code --lang ar > "$TMP/noparse_ar.jsonl"
  check "without --parse: Arabic word order takes the next group" grep -q '"source":"SAUMIL","target":"SAU",' "$TMP/noparse_ar.jsonl"
  printf 'قصفت قوات التحالف العربي الذي تقوده السعودية مواقع في اليمن.\n' \
    | "$MIZAN" code --parse --lang ar > "$TMP/parse_ar.jsonl"
  check "--parse: Arabic parsed too, another verb's subject is no target" \
    bash -c "! grep -q '\"source\":\"SAUMIL\",\"target\":\"SAU\",' '$TMP/parse_ar.jsonl'"
fi
finish
