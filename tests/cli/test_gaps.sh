#!/usr/bin/env bash
# Command-line tests of `mizan dict gaps`: the unrecognised words of a small text written for
# the project (tests/cli/fixtures/gaps.jsonl, invented names) come out in their classes, counted.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
F=tests/cli/fixtures/gaps.jsonl

"$MIZAN" dict gaps "$F" > "$TMP/all.tsv"; rc=$?
check "gaps: exit 0" test $rc -eq 0
check "gaps: header" bash -c "head -1 '$TMP/all.tsv' | grep -qx 'class	count	phrase	example'"
row() { # row CLASS COUNT PHRASE: that line is listed
  cut -f1-3 "$TMP/all.tsv" | grep -qxF "$1	$2	$3"
}
check "gaps: English name, twice" row name 2 "Zorvan Liberation Council"
check "gaps: English -ed/-ing forms counted under one stem" row verb 3 recalibrated
check "gaps: English word after 'to'" row verb 1 reconvene
check "gaps: English title before a name" row title 1 lawyer
check "gaps: English title after a country's 's" row title 1 "electoral commission"
check "gaps: English noun after a country adjective" row title 1 haberdashers
check "gaps: Arabic organisation after منظمة, with its clitic forms" row name 2 "منظمة زورفان للسلام"
check "gaps: Arabic verbal noun (استفعال)" row verb 2 "استكشاف"
check "gaps: Arabic title after وزير" row title 1 "وزير شؤون الزراعة"
check "gaps: Arabic noun before a country adjective" row title 1 "الجامعات"
check "gaps: known words are not listed" bash -c "! cut -f3 '$TMP/all.tsv' | grep -qxE 'condemned|Russia|troops|officials|أدانت|روسيا'"
check "gaps: sentence-initial function words are not names" bash -c "! cut -f1,3 '$TMP/all.tsv' | grep -qxE 'name	(Officials|Monday|Egypt)'"
check "gaps: example is the sentence around the phrase" \
  bash -c "grep -q '^name	2	Zorvan Liberation Council	Officials said the Zorvan Liberation Council condemned' '$TMP/all.tsv'"

"$MIZAN" dict gaps --top 1 --class verb "$F" > "$TMP/top.tsv"
check "gaps: --top 1 --class verb gives one verb" bash -c "test \$(wc -l < '$TMP/top.tsv') -eq 2 && sed -n 2p '$TMP/top.tsv' | grep -q '^verb	3	recalibrated'"
"$MIZAN" dict gaps --lang en "$F" > "$TMP/en.tsv"
check "gaps: --lang en reads the Arabic record as English (no Arabic classes)" \
  bash -c "! grep -q 'زورفان' '$TMP/en.tsv'"
"$MIZAN" dict gaps --known "$F" > "$TMP/known.tsv"
check "gaps: --known lists recognised phrases with their reading" \
  bash -c "cut -f1-3 '$TMP/known.tsv' | grep -qxF 'known	3	Russia (actor RUS)' && cut -f1-3 '$TMP/known.tsv' | grep -qxF 'known	1	condemned (verb 111)'"
check "gaps: --known keeps the other classes" grep -q "^name	2	Zorvan Liberation Council	" "$TMP/known.tsv"
check "gaps: recognised phrases are not listed without --known" bash -c "! grep -q '^known' '$TMP/all.tsv'"
"$MIZAN" dict gaps --class known --top 1 "$F" > "$TMP/k1.tsv"
check "gaps: --class known implies --known" bash -c "test \$(wc -l < '$TMP/k1.tsv') -eq 2 && grep -q '^known	3	' '$TMP/k1.tsv'"
"$MIZAN" dict gaps --class nouns "$F" > /dev/null 2>&1
check "gaps: unknown class is a usage error" test $? -eq 1
"$MIZAN" dict gaps "$TMP/missing.jsonl" > /dev/null 2> "$TMP/err"; rc=$?
check "gaps: missing file: exit 2 with its name" bash -c "test $rc -eq 2 && grep -q missing.jsonl '$TMP/err'"
finish
