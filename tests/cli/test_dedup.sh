#!/usr/bin/env bash
# Command-line tests of `mizan events --dedup day` (issue 9, item 4): the events of one day with
# the same source, target and code are one record with mentions, distinct outlets (sources) and
# documents; without --dedup the output is unchanged.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
M=$MIZAN

cat > "$TMP/dd.jsonl" <<'J'
{"id": "r1", "date": "2024-06-19", "source": "Reuters", "text": "North Korea supplied Russia with missiles. North Korea supplied Russia with missiles."}
{"id": "a1", "date": "2024-06-19", "source": "AP", "text": "North Korea supplied Russia with missiles."}
{"id": "r2", "date": "2024-06-19", "source": "Reuters", "text": "North Korea supplied Russia with missiles. Russia condemned Japan."}
{"id": "k1", "date": "2024-06-20", "source": "KCNA", "text": "North Korea supplied Russia with missiles."}
{"id": "u1", "text": "North Korea supplied Russia with missiles."}
{"id": "u2", "text": "North Korea supplied Russia with missiles."}
J
DB="$TMP/dd.db"
"$M" ingest -q --db "$DB" "$TMP/dd.jsonl"
"$M" events --db "$DB" > "$TMP/all.jsonl"
check "without --dedup: every event" test "$(wc -l < "$TMP/all.jsonl")" -eq 8
check "without --dedup: no counts" bash -c "! grep -q mentions '$TMP/all.jsonl'"
"$M" events --db "$DB" --dedup day > "$TMP/dd.out"
check "--dedup day: one record per day, source, target and code; undated events apart" python3 -c '
import json,sys
rs=[json.loads(l) for l in open(sys.argv[1])]
got=sorted((r["date"],r["source"],r["target"],r["code"],r["mentions"],r["sources"],r["documents"]) for r in rs)
want=sorted([("","PRK","RUS","072",1,0,1)]*2+[("2024-06-19","PRK","RUS","072",4,2,3),
    ("2024-06-19","RUS","JPN","111",1,1,1),("2024-06-20","PRK","RUS","072",1,1,1)])
assert got==want, got' "$TMP/dd.out"
check "--dedup day: a group is shown by its first event" python3 -c '
import json,sys
r=[json.loads(l) for l in open(sys.argv[1]) if json.loads(l)["mentions"]==4][0]
assert (r["doc"],r["sentence"])==("a1",0), r' "$TMP/dd.out"
for fmt in tsv csv; do
  "$M" events --db "$DB" --dedup day --format $fmt > "$TMP/dd.$fmt"
  check "--dedup day --format $fmt: the counts as the last columns" python3 -c '
import csv,sys
fmt=sys.argv[2]
rows=list(csv.DictReader(open(sys.argv[1],newline=""),**({"delimiter":"\t","quoting":csv.QUOTE_NONE} if fmt=="tsv" else {})))
assert list(rows[0])[-3:]==["mentions","sources","documents"], list(rows[0])
assert sorted(int(r["mentions"]) for r in rows)==[1,1,1,1,4], rows' "$TMP/dd.$fmt" $fmt
done
check "--dedup day output still reads as events" bash -c "'$M' events --db '$DB' --dedup day | '$M' network --format json - > /dev/null"
check "--dedup day with a filter" bash -c "test \$('$M' events --db '$DB' --dedup day --actor JPN | wc -l) -eq 1"
check "--dedup takes day only" bash -c "'$M' events --db '$DB' --dedup week 2>/dev/null; test \$? -eq 1"

# The analysis commands take --dedup day too: the same groups, counted once.
check "network --dedup day: PRK-RUS counted once a day (and each undated event)" bash -c "'$M' network --db '$DB' --format node-link --dedup day | python3 -c '
import json,sys
l={(x[\"source\"],x[\"target\"]):x[\"events\"] for x in json.load(sys.stdin)[\"links\"]}
assert l[(\"PRK\",\"RUS\")]==4, l'"
check "network without --dedup: every event" bash -c "'$M' network --db '$DB' --format node-link | grep -q '\"source\":\"PRK\",\"target\":\"RUS\",[^}]*\"events\":7'"
check "dyad --dedup day" bash -c "'$M' dyad PRK RUS --db '$DB' --by day --dedup day | grep -q '^2024-06-19,2024-06-19,PRK,RUS,1,'"
check "dyad without --dedup" bash -c "'$M' dyad PRK RUS --db '$DB' --by day | grep -q '^2024-06-19,2024-06-19,PRK,RUS,4,'"
check "profile --dedup day" bash -c "'$M' profile PRK RUS --db '$DB' --dedup day --format json | python3 -c 'import json,sys; json.load(sys.stdin)'"
check "dyad --dedup from an events file" bash -c "'$M' events --db '$DB' | '$M' dyad PRK RUS --events - --by day --dedup day | grep -q '^2024-06-19,2024-06-19,PRK,RUS,1,'"
check "watch --dedup day runs" bash -c "'$M' watch --db '$DB' --dedup day > /dev/null"
finish
