#!/usr/bin/env bash
# Command-line tests of how `mizan code` reads and hands out documents (issue 9, item 7): JSON
# Lines read by blocks (records across block boundaries, a pipe that delivers a record in
# pieces, a byte-order mark split between reads), the in-place scanner and jansson reading the
# same records alike, and the pipeline writing in input order whatever the number of threads.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
M=$MIZAN

# --- records across the 1 MiB blocks, one of them over a block: the same with any -j ---
python3 - "$TMP/blocks.jsonl" <<'PY'
import json, sys
sents = ["Russia condemned Japan.", "North Korea supplied Russia with artillery shells.",
         "Japan praised South Korea.", "China accused India of provocation."]
with open(sys.argv[1], "w") as f:
    for i in range(4000):
        text = " ".join(sents[(i + k) % 4] for k in range(1 + i % 9)) + " " + "x" * (i % 300)
        f.write(json.dumps({"id": "d%d" % i, "date": "2024-06-19", "text": text}) + "\n")
        if i == 1500:  # a record of 3 MB, longer than a block
            f.write(json.dumps({"id": "long", "date": "2024-06-19",
                                "text": "Japan praised Russia. " * 140000}) + "\n")
PY
"$M" code -j 1 "$TMP/blocks.jsonl" > "$TMP/b1.out" 2> "$TMP/b1.err"; rc1=$?
"$M" code -j 2 "$TMP/blocks.jsonl" > "$TMP/b2.out" 2> "$TMP/b2.err"; rc2=$?
"$M" code -j 5 "$TMP/blocks.jsonl" > "$TMP/b5.out" 2> "$TMP/b5.err"; rc5=$?
check "blocks: exit 0 with any -j" test "$rc1$rc2$rc5" = 000
check "blocks: every document coded, in input order" python3 - "$TMP/b1.out" <<'PY'
import json, sys
docs = [json.loads(l)["doc"] for l in open(sys.argv[1])]
order = [d for i, d in enumerate(docs) if i == 0 or d != docs[i - 1]]
want = ["d%d" % i for i in range(1501)] + ["long"] + ["d%d" % i for i in range(1501, 4000)]
assert order == want, (len(order), [a for a, b in zip(order, want) if a != b][:3])
PY
check "blocks: -j 2 writes what -j 1 writes" cmp -s "$TMP/b1.out" "$TMP/b2.out"
check "blocks: -j 5 writes what -j 1 writes" cmp -s "$TMP/b1.out" "$TMP/b5.out"
check "blocks: the same from standard input" bash -c "\"$M\" code --input jsonl -j 2 < '$TMP/blocks.jsonl' | cmp -s - '$TMP/b1.out'"

# --- a pipe that hands over records in pieces, the byte-order mark split between reads ---
{
  printf '\xef'; sleep 0.2
  printf '\xbb\xbf{"id":"p1","date":"2024-06-19","te'; sleep 0.2
  printf 'xt":"Russia condemned Japan."}\n{"id":"p2","date":"2024-06-19",'; sleep 0.2
  printf '"text":"Japan praised Russia."}'
} | "$M" code --input jsonl -j 2 > "$TMP/pipe.out" 2> "$TMP/pipe.err"; rc=$?
check "pipe: records in pieces, BOM split, last line without newline: both coded" \
  bash -c "test $rc -eq 0 && grep -q '\"doc\":\"p1\"' '$TMP/pipe.out' && grep -q '\"doc\":\"p2\"' '$TMP/pipe.out' && test ! -s '$TMP/pipe.err'"

# --- the scanner and jansson read records alike ---
# The same documents written flat (the scanner reads them) and with what only jansson reads:
# nested values, reals, negative numbers, escaped keys.
python3 - "$TMP/flat.jsonl" "$TMP/nested.jsonl" <<'PY'
import json, sys
texts = ["Russia condemned Japan.", "North Korea supplied Russia with \"shells\".\nJapan\tobjected.",
         "Japan praised South Korea \u2014 caf\u00e9 \U0001F600.", "\u0632\u0648\u062f\u062a \u0643\u0648\u0631\u064a\u0627 \u0627\u0644\u0634\u0645\u0627\u0644\u064a\u0629 \u0631\u0648\u0633\u064a\u0627 \u0628\u0627\u0644\u0635\u0648\u0627\u0631\u064a\u062e."]
with open(sys.argv[1], "w") as flat, open(sys.argv[2], "w") as nested:
    for i, t in enumerate(texts):
        rec = {"id": "n%d" % i, "date": "2024-06-19", "source": "wire", "url": "http://x/%d" % i, "text": t}
        flat.write(json.dumps(rec, ensure_ascii=(i % 2 == 0)) + "\n")
        extra = dict(rec, tags=["a", {"b": 1}], score=-1.5, meta={"k": None})
        line = json.dumps(extra, ensure_ascii=(i % 2 == 1))
        nested.write(line.replace('"source"', '"sour\\u0063e"', 1) + "\n")
PY
"$M" code "$TMP/flat.jsonl" > "$TMP/flat.out"
"$M" code "$TMP/nested.jsonl" > "$TMP/nested.out"
check "scanner and jansson: the same events from the same documents" \
  bash -c "test -s '$TMP/flat.out' && cmp -s '$TMP/flat.out' '$TMP/nested.out'"
printf '{"id":"a","id":"b","text":"Russia condemned Japan."}\n{"id":"c","text":"a\\u0000b"}\n{"id":"d","text":"\\ud800"}\n{"id":-7,"text":"Russia condemned Japan."}\n{"id":"e","text":"Russia condemned Japan.","date":5}\n' > "$TMP/traps.jsonl"
"$M" code "$TMP/traps.jsonl" > "$TMP/traps.out" 2> "$TMP/traps.err"
check "a duplicate key: jansson's message" grep -q "traps.jsonl:1: malformed JSON: duplicate object key" "$TMP/traps.err"
check "\\u0000 in a string: jansson's message" grep -q "traps.jsonl:2: malformed JSON: .*NUL" "$TMP/traps.err"
check "a lone surrogate: jansson's message" grep -q "traps.jsonl:3: malformed JSON: invalid Unicode" "$TMP/traps.err"
check "a negative integer id is read" grep -q '"doc":"-7"' "$TMP/traps.out"
check "a date that is a number" grep -q 'traps.jsonl:5: "date" is not a string' "$TMP/traps.err"

# --- output in input order over several files and standard input, failures in their place ---
printf '{"id":"s1","text":"Russia condemned Japan."}\n' > "$TMP/s1.jsonl"
printf '{"id":"s2","text":"Japan praised Russia."}\n{"id":"s3"}\n{"id":"s4","text":"China accused India."}\n' > "$TMP/s2.jsonl"
for j in 1 3; do
  printf '{"id":"s5","text":"Iran threatened Israel."}\n' \
    | "$M" code -j $j "$TMP/s1.jsonl" "$TMP/s2.jsonl" - --input jsonl > "$TMP/s$j.out" 2> "$TMP/s$j.err"
  echo $? > "$TMP/s$j.rc"
done
check "several inputs: documents in input order" \
  bash -c "test \"\$(grep -o '\"doc\":\"s[0-9]\"' '$TMP/s3.out' | uniq | tr -d '\n')\" = '\"doc\":\"s1\"\"doc\":\"s2\"\"doc\":\"s4\"\"doc\":\"s5\"'"
check "several inputs: -j 3 writes what -j 1 writes, exit 2 for the bad record" \
  bash -c "cmp -s '$TMP/s1.out' '$TMP/s3.out' && cmp -s '$TMP/s1.err' '$TMP/s3.err' && test \$(cat '$TMP/s3.rc') = 2"

finish
