#!/usr/bin/env bash
# Command-line tests of `mizan train-salience` on a labelled set written for the project: the
# cross-validated report, the model file, determinism and bad input.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
SET=tests/cli/fixtures/salience/ar_protest_labelled.jsonl

"$MIZAN" train-salience --folds 2 -o "$TMP/model.txt" "$SET" > "$TMP/report.txt" 2> "$TMP/err.txt"
check "train: exit 0" test $? -eq 0
check "report: the set without and with the model" \
  bash -c "grep -q '^ar_protest_labelled *without model' '$TMP/report.txt' && grep -q '^ar_protest_labelled *cross-valid\.' '$TMP/report.txt'"
check "report: ambiguous sentences are skipped" grep -q 'over 8 sentences' "$TMP/report.txt"
check "model: language, types, dims and threshold" \
  bash -c "grep -qx 'lang ar' '$TMP/model.txt' && grep -qx 'types PROTEST' '$TMP/model.txt' && grep -qx 'dims 262144' '$TMP/model.txt' && grep -q '^threshold 0\.[0-9]*$' '$TMP/model.txt'"
check "model: the told threshold, by default" grep -qx 'told 0.0030' "$TMP/model.txt"
"$MIZAN" train-salience --folds 2 --told-threshold 0 -o "$TMP/untold.txt" "$SET" > /dev/null 2>&1
check "--told-threshold 0: no told line (acts with both parties named never judged)" \
  bash -c "! grep -q '^told' '$TMP/untold.txt'"
check "model: weights as INDEX WEIGHT lines" grep -Eq '^[0-9]+ -?[0-9]+\.[0-9]+$' "$TMP/model.txt"
"$MIZAN" train-salience --folds 2 -o "$TMP/again.txt" "$SET" > /dev/null 2>&1
check "training is deterministic" cmp -s "$TMP/model.txt" "$TMP/again.txt"
"$MIZAN" train-salience --folds 2 --errors "$SET" > "$TMP/errors.txt" 2>&1
check "--errors: exit 0" test $? -eq 0
check "--errors: each listed sentence with its set, label and score" \
  bash -c "! grep -E '^ar_protest_labelled ' '$TMP/errors.txt' | grep -v ' cross-valid\.\| without model' | grep -vqE '^ar_protest_labelled [^ ]+: (extra|missed) PROTEST(, difficult no)? \(score -?[0-9.]+, threshold [0-9.]+\)$'"
check "--errors: the figures are the same" \
  bash -c "diff <(grep 'cross-valid' '$TMP/report.txt') <(grep 'cross-valid' '$TMP/errors.txt')"

printf '{"id": "x", "text": "زار الرئيس المصري موسكو.", "event": "PROTEST"}\n' > "$TMP/nolabel.jsonl"
"$MIZAN" train-salience "$TMP/nolabel.jsonl" > /dev/null 2> "$TMP/nolabel.err"
check "a record without a label: exit 2" test $? -eq 2
check "a record without a label: file and line" grep -q 'nolabel.jsonl:1:' "$TMP/nolabel.err"
printf '{"id": "x", "text": "زار الرئيس المصري موسكو.", "event": "PROTEST", "label": "easy no"}\n' > "$TMP/noacts.jsonl"
"$MIZAN" train-salience "$TMP/noacts.jsonl" > /dev/null 2> "$TMP/noacts.err"
check "no act of the type: exit 2" test $? -eq 2
check "no act of the type: the reason" grep -q 'nothing to learn' "$TMP/noacts.err"
"$MIZAN" train-salience --folds 1 "$SET" > /dev/null 2>&1
check "--folds 1: usage error" test $? -eq 1
"$MIZAN" train-salience --told-threshold 2 "$SET" > /dev/null 2>&1
check "--told-threshold 2: usage error" test $? -eq 1
finish
