#!/usr/bin/env bash
# Command-line tests of `mizan parse`, `train-parser` and `eval-parse`: the output of `parse` is
# CoNLL-U that the project's own reader takes back (eval-parse reads it and, parsing the same
# words with the same model, agrees with it everywhere); training on a small treebank written for
# the tests; errors with file and line for bad treebanks and damaged models.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
FX=tests/cli/fixtures

printf 'The minister said on Tuesday that Russia would not send troops to Syria.\nTalks resumed in Geneva.\n' \
  > "$TMP/en.txt"
"$MIZAN" parse --lang en "$TMP/en.txt" > "$TMP/en.conllu"
check "parse en exits 0" test $? -eq 0
check "parse en: two sentences with text comments" test "$(grep -c '^# text = ' "$TMP/en.conllu")" -eq 2
check "parse en: ten columns on every word line" awk -F'\t' '/^[0-9]/ && NF != 10 {exit 1}' "$TMP/en.conllu"
"$MIZAN" eval-parse --lang en "$TMP/en.conllu" > "$TMP/en.eval"
check "parse en output reads back and re-parses identically" grep -q 'UPOS 100.00%  UAS 100.00%  LAS 100.00%' "$TMP/en.eval"
check "parse en: one root per sentence" test "$(awk -F'\t' '$7 == "0"' "$TMP/en.conllu" | wc -l)" -eq 2

printf 'قال الوزير إن المحادثات ستستأنف في القاهرة وبموجبه تلتزم الحكومة بالاتفاق.\n' > "$TMP/ar.txt"
"$MIZAN" parse --lang ar "$TMP/ar.txt" > "$TMP/ar.conllu"
check "parse ar exits 0" test $? -eq 0
"$MIZAN" eval-parse --lang ar "$TMP/ar.conllu" > "$TMP/ar.eval"
check "parse ar output reads back and re-parses identically" grep -q 'UAS 100.00%  LAS 100.00%' "$TMP/ar.eval"
"$MIZAN" eval-parse "$TMP/ar.conllu" > "$TMP/ar2.eval"
check "eval-parse takes the Arabic model for an Arabic treebank" grep -q 'segmentation P 100.00%' "$TMP/ar2.eval"

python3 -c "print(' '.join(['وبالاتفاق'] * 450))" > "$TMP/long.txt"
"$MIZAN" parse --lang ar "$TMP/long.txt" > "$TMP/long.conllu"
check "a long sentence goes out in parts, no word lost" test "$(grep -cP '^\d+\t' "$TMP/long.conllu")" -eq 1350
"$MIZAN" eval-parse --lang ar "$TMP/long.conllu" > "$TMP/long.eval"
check "parts of a long sentence read back and re-parse identically" grep -q 'UAS 100.00%  LAS 100.00%' "$TMP/long.eval"

printf '{"id":"d1","date":"2024-06-19","text":"Leaders met in Cairo."}\n' > "$TMP/in.jsonl"
"$MIZAN" parse "$TMP/in.jsonl" > "$TMP/j.conllu"
check "parse jsonl: document id in the comments" grep -q '^# sent_id = d1-1$' "$TMP/j.conllu"
echo "Police arrested two men." | "$MIZAN" parse > "$TMP/stdin.conllu"
check "parse reads standard input" grep -q 'arrested' "$TMP/stdin.conllu"

"$MIZAN" train-parser -q --lang en --iterations 5 "$FX/tiny.conllu" -o "$TMP/tiny.model" 2> "$TMP/train.err"
check "train-parser on a small treebank exits 0" test $? -eq 0
"$MIZAN" eval-parse --model "$TMP/tiny.model" "$FX/tiny.conllu" > "$TMP/tiny.eval"
check "eval-parse prints UPOS, UAS and LAS" grep -q '^.*tiny.conllu: words 28  UPOS [0-9.]*%  UAS [0-9.]*%  LAS [0-9.]*%$' "$TMP/tiny.eval"
"$MIZAN" train-parser -q --lang en --iterations 5 "$FX/tiny.conllu" -o "$TMP/tiny2.model" 2> /dev/null
check "training is deterministic" cmp -s "$TMP/tiny.model" "$TMP/tiny2.model"
echo "Police met the minister." | "$MIZAN" parse --model "$TMP/tiny.model" > "$TMP/tiny.conllu"
printf '{"id":"r1","date":"2020-01-01","text":"Police met the minister. The army met the police."}\n' > "$TMP/raw.jsonl"
"$MIZAN" train-parser -q --lang en --iterations 5 --raw "$TMP/raw.jsonl" "$FX/tiny.conllu" -o "$TMP/raw.model" 2> /dev/null
check "train-parser --raw learns clusters from the text too" test $? -eq 0 -a -s "$TMP/raw.model"
check "--raw changes the model" test "$(cmp -s "$TMP/tiny.model" "$TMP/raw.model"; echo $?)" = 1
"$MIZAN" train-parser -q --lang en --raw "$TMP/none.jsonl" "$FX/tiny.conllu" -o "$TMP/none.model" 2> /dev/null
check "a missing --raw file exits 2" test $? -eq 2
check "parse --model uses a trained file" grep -q 'minister' "$TMP/tiny.conllu"

printf '1\ta\t_\tDET\t_\t_\t0\troot\t_\t_\n2\tb\t_\tNOUNX\t_\t_\t1\tdep\t_\t_\n' > "$TMP/bad.conllu"
"$MIZAN" eval-parse --lang en "$TMP/bad.conllu" > /dev/null 2> "$TMP/bad.err"
check "a bad treebank exits 2" test $? -eq 2
check "a bad treebank is reported with file and line" grep -q "bad.conllu:2: unknown UPOS tag" "$TMP/bad.err"
head -c 2000 "$TMP/tiny.model" > "$TMP/cut.model"
"$MIZAN" eval-parse --model "$TMP/cut.model" "$FX/tiny.conllu" > /dev/null 2> "$TMP/cut.err"
check "a truncated model exits 2" test $? -eq 2
check "a truncated model is a clear error" grep -q "cut.model: truncated parser model" "$TMP/cut.err"
"$MIZAN" train-parser --lang xx "$FX/tiny.conllu" -o "$TMP/x.model" 2> /dev/null
check "train-parser rejects an unknown language" test $? -eq 1
finish
