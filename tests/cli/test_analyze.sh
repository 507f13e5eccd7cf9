#!/usr/bin/env bash
# Command-line tests of `mizan dyad`, `network`, `profile` and `watch` on fixed event sets with
# answers worked out by hand (tests/cli/fixtures/events*.jsonl), on a pipe from `mizan code`
# (the seed article's alliance system), and on a database made by `mizan ingest`.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
FX=tests/cli/fixtures
SEED=../shared/seed/000_ae4390bcb25c32fb.txt
EV=$FX/events.jsonl

# --- dyad: sums by hand ---
"$MIZAN" dyad RUS PRK --events "$EV" > "$TMP/dyad.csv"
check "dyad exits 0" test $? -eq 0
cat > "$TMP/dyad.want" <<'EOF'
period,start,source,target,events,quad1,quad2,quad3,quad4,goldstein_sum,goldstein_mean,net_coop
2024-01,2024-01-01,RUS,PRK,2,1,1,0,0,16.3,8.15,2
2024-01,2024-01-01,PRK,RUS,1,0,0,1,0,-2,-2,-1
2024-02,2024-02-01,RUS,PRK,0,0,0,0,0,0,,0
2024-02,2024-02-01,PRK,RUS,0,0,0,0,0,0,,0
2024-03,2024-03-01,RUS,PRK,1,0,0,0,1,-8,-8,-1
2024-03,2024-03-01,PRK,RUS,1,1,0,0,0,1,1,1
EOF
check "dyad csv: hand-computed sums per month and direction" diff -u "$TMP/dyad.want" "$TMP/dyad.csv"
"$MIZAN" dyad rus prk --by year --format json --events - < "$EV" > "$TMP/dyad.json"
check "dyad json from stdin, by year, lower-case codes" python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
assert d["a"]=="RUS" and d["b"]=="PRK" and d["by"]=="year" and d["undated"]==1, d
p=d["periods"]; assert len(p)==2 and p[0]["period"]=="2024", p
assert p[0]["events"]==3 and abs(p[0]["goldstein_sum"]-8.3)<1e-9 and p[0]["quad"]==[1,1,0,1], p[0]
assert p[1]["events"]==2 and p[1]["goldstein_sum"]==-1 and p[1]["net_coop"]==0, p[1]
t=d["total"]; assert t[0]["events"]==4 and abs(t[0]["goldstein_sum"]-9.3)<1e-9, t' "$TMP/dyad.json"
"$MIZAN" dyad RUS PRK --events "$EV" --from 2024-03 > "$TMP/dyad_from.csv"
check "dyad --from keeps March only" test "$(wc -l < "$TMP/dyad_from.csv")" -eq 3
"$MIZAN" dyad RUS PRK --events "$EV" --format svg > "$TMP/dyad.svg"
check "dyad svg is well-formed with two series" python3 -c '
import sys, xml.etree.ElementTree as ET
r=ET.parse(sys.argv[1]).getroot(); ns="{http://www.w3.org/2000/svg}"
assert r.tag==ns+"svg" and len(r.findall(ns+"polyline"))==2' "$TMP/dyad.svg"

# --- network: exact JSON, other formats ---
"$MIZAN" network "$EV" > "$TMP/net.json"
check "network exits 0" test $? -eq 0
cat > "$TMP/net.want" <<'EOF'
{"nodes":[{"id":"CHN","bloc":1,"events":1},{"id":"JPN","bloc":2,"events":2},{"id":"KOR","bloc":2,"events":3},{"id":"PRK","bloc":1,"events":8},{"id":"RUS","bloc":1,"events":9},{"id":"USA","bloc":2,"events":5}],"edges":[{"a":"CHN","b":"RUS","weight":1,"events":1},{"a":"JPN","b":"KOR","weight":1,"events":1},{"a":"JPN","b":"USA","weight":7.4,"events":1},{"a":"KOR","b":"PRK","weight":-7,"events":1},{"a":"KOR","b":"USA","weight":7.4,"events":1},{"a":"PRK","b":"RUS","weight":8.3,"events":6},{"a":"PRK","b":"USA","weight":-8,"events":1},{"a":"RUS","b":"USA","weight":-10,"events":2}],"unbalanced":0}
EOF
check "network json: exact form, two blocs, balanced" diff -u "$TMP/net.want" "$TMP/net.json"
"$MIZAN" network - < "$EV" > "$TMP/net2.json"
check "network: stdin gives the same" cmp -s "$TMP/net.json" "$TMP/net2.json"
"$MIZAN" network "$EV" --from 2024-02 --to 2024-02 > "$TMP/net_feb.json"
check "network --from/--to: February's 7 edges, no RUS-PRK edge" python3 -c '
import json,sys
n=json.load(open(sys.argv[1]))
assert len(n["edges"])==7, n["edges"]
assert not [e for e in n["edges"] if (e["a"],e["b"])==("PRK","RUS")]' "$TMP/net_feb.json"
for f in graphml gexf svg; do
  "$MIZAN" network "$EV" --format $f > "$TMP/net.$f"
  check "network $f is well-formed XML" python3 -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])' "$TMP/net.$f"
done
check "graphml carries the weight and the signed goldstein" grep -q '<edge source="RUS" target="USA"><data key="weight">10</data><data key="goldstein">-10</data><data key="sign">-1</data>' "$TMP/net.graphml"
"$MIZAN" network "$EV" --format dot > "$TMP/net.dot"
check "dot: an undirected graph with the PRK-RUS edge" bash -c "head -1 '$TMP/net.dot' | grep -q '^graph mizan {' && grep -q '\"PRK\" -- \"RUS\"' '$TMP/net.dot'"

# --- the seed article: Russia and North Korea together, the United States apart ---
"$MIZAN" code "$SEED" | "$MIZAN" network - > "$TMP/seed_net.json"
check "seed | network -: RUS and PRK one bloc, USA another, signs as expected" python3 -c '
import json,sys
n=json.load(open(sys.argv[1]))
b={x["id"]:x["bloc"] for x in n["nodes"]}
w={(e["a"],e["b"]):e["weight"] for e in n["edges"]}
assert b["RUS"]==b["PRK"] and b["USA"]!=b["RUS"], b
assert w[("PRK","RUS")]>0 and w[("PRK","USA")]<0 and w[("RUS","USA")]<0, w' "$TMP/seed_net.json"

# --- profile ---
"$MIZAN" profile RUS PRK --events "$EV" --format json > "$TMP/prof.json"
check "profile json: gives, asymmetry, shared enemy by hand" python3 -c '
import json,sys
p=json.load(open(sys.argv[1]))
g=p["gives"]
assert g[0]["source"]=="RUS" and g[0]["events"]==4 and abs(g[0]["goldstein"]-9.3)<1e-9, g[0]
assert g[1]["events"]==2 and g[1]["goldstein"]==-1, g[1]
assert {r["root"] for r in g[0]["roots"]}=={"04","05","07","16"}
assert abs(p["asymmetry"]-1)<1e-9
assert [e["id"] for e in p["shared_enemies"]]==["USA"], p["shared_enemies"]
e=p["shared_enemies"][0]; assert e["goldstein_a"]==-10 and e["goldstein_b"]==-8, e' "$TMP/prof.json"
"$MIZAN" profile RUS PRK --events "$EV" > "$TMP/prof.txt"
check "profile text names what each gives" bash -c "grep -q 'What RUS gives PRK' '$TMP/prof.txt' && grep -q '07 provide aid' '$TMP/prof.txt'"

# --- watch: the planted change ---
"$MIZAN" watch --dyad RUS,PRK --events $FX/events_change.jsonl --format csv > "$TMP/watch.csv"
check "watch finds the planted change in July 2024, RUS→PRK, down by about 10" python3 -c '
import csv,sys
rows=list(csv.DictReader(open(sys.argv[1])))
assert len(rows)==1, rows
r=rows[0]
assert (r["kind"],r["source"],r["target"],r["period"],r["date"],r["direction"])==("change","RUS","PRK","2024-07","2024-07-01","down"), r
assert -11<float(r["size"])<-9 and float(r["p"])<0.001, r' "$TMP/watch.csv"
"$MIZAN" watch --dyad RUS,PRK --events $FX/events_change.jsonl --to 2024-06 > "$TMP/watch_none.txt"
check "watch before the change finds none" grep -q "none found" "$TMP/watch_none.txt"
"$MIZAN" watch --events $FX/events_change.jsonl --format json > "$TMP/watch_all.json"
check "watch without --dyad: by December the new level is the trend, no break" python3 -c '
import json,sys
w=json.load(open(sys.argv[1])); assert w["changes"]==[] and w["breaks"]==[], w' "$TMP/watch_all.json"
"$MIZAN" watch --events $FX/events_change.jsonl --to 2024-07 --format json > "$TMP/watch_jul.json"
check "watch without --dyad: July 2024, the first month of the change, breaks RUS→PRK's trend" python3 -c '
import json,sys
b=json.load(open(sys.argv[1]))["breaks"]
assert [(x["source"],x["target"],x["period"],x["direction"]) for x in b]==[("RUS","PRK","2024-07","down")], b
assert b[0]["history"]==18 and b[0]["observed"]<0<b[0]["expected"], b' "$TMP/watch_jul.json"

# --- from a database: the same answers as from a pipe ---
"$MIZAN" ingest -q --db "$TMP/c.db" examples/corpus.jsonl
check "ingest of the example corpus" test $? -eq 0
"$MIZAN" code examples/corpus.jsonl > "$TMP/corpus.jsonl"
"$MIZAN" network --db "$TMP/c.db" > "$TMP/db_net.json"
"$MIZAN" network "$TMP/corpus.jsonl" > "$TMP/pipe_net.json"
check "network: database and pipe agree" cmp -s "$TMP/db_net.json" "$TMP/pipe_net.json"
"$MIZAN" dyad RUS PRK --db "$TMP/c.db" --by year > "$TMP/db_dyad.csv"
"$MIZAN" dyad RUS PRK --events "$TMP/corpus.jsonl" --by year > "$TMP/pipe_dyad.csv"
check "dyad: database and pipe agree" cmp -s "$TMP/db_dyad.csv" "$TMP/pipe_dyad.csv"
"$MIZAN" profile RUS PRK --db "$TMP/c.db" > /dev/null
check "profile on the corpus" test $? -eq 0
"$MIZAN" watch --db "$TMP/c.db" > /dev/null
check "watch on the corpus" test $? -eq 0

# --- errors ---
"$MIZAN" dyad RUS --events "$EV" > /dev/null 2>&1
check "dyad with one country: usage error" test $? -eq 1
"$MIZAN" dyad RUS RUS --events "$EV" > /dev/null 2>&1
check "dyad with the same country twice: usage error" test $? -eq 1
"$MIZAN" dyad RUS PRK --events "$EV" --by quarter > /dev/null 2>&1
check "unknown period: usage error" test $? -eq 1
"$MIZAN" network "$EV" --format png > /dev/null 2>&1
check "unknown format: usage error" test $? -eq 1
"$MIZAN" network --db "$TMP/c.db" "$EV" > /dev/null 2>&1
check "database and file together: usage error" test $? -eq 1
"$MIZAN" watch --dyad RUS --events "$EV" > /dev/null 2>&1
check "watch --dyad without a comma: usage error" test $? -eq 1
"$MIZAN" dyad RUS PRK --events "$EV" --from 2024-13 > /dev/null 2>&1
check "bad date: usage error" test $? -eq 1
"$MIZAN" network "$TMP/missing.jsonl" > /dev/null 2>&1
check "missing events file: exit 2" test $? -eq 2
"$MIZAN" network --db "$TMP/missing.db" > /dev/null 2>&1
check "missing database: exit 2" test $? -eq 2
check "missing database was not created" test ! -e "$TMP/missing.db"
{ head -3 "$EV"; echo 'not json'; echo '{"source":"A"}'; tail -n +4 "$EV"; } > "$TMP/bad.jsonl"
"$MIZAN" network "$TMP/bad.jsonl" > "$TMP/bad_net.json" 2> "$TMP/bad.err"
check "bad lines: exit 2" test $? -eq 2
check "bad lines: reported with file and line" grep -q "bad.jsonl:4:" "$TMP/bad.err"
check "bad lines: the rest is still analysed" cmp -s "$TMP/bad_net.json" "$TMP/net.json"
"$MIZAN" dyad --help > /dev/null
check "dyad --help exits 0" test $? -eq 0

finish
