#!/usr/bin/env bash
# Command-line tests of interchange (issue 9, item 4, the TSV part): mizan's TSV escapes tab,
# newline, carriage return and backslash as PostgreSQL's text format does, and reads back with
# Python's csv (csv.QUOTE_NONE and the unescape) and with mizan's own reader; the analysis
# commands read the JSONL, CSV and TSV mizan writes, with the same results.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
M=$MIZAN

# Documents whose ids hold every character the formats must carry, and texts with quotes (an
# open quote made Python's default csv dialect read three events as one row).
python3 - > "$TMP/docs.jsonl" <<'PY'
import json
ids = ["tab\there", "new\nline", "back\\slash\\n", 'quote"d', "comma,semi;", "cr\rlf\r\n", "plain"]
texts = ['He said: "Russia condemned Japan.', "Russia condemned Japan. China praised India.",
         'Iran threatened Israel, "officials said.', "Egypt praised Jordan.",
         "Russia condemned Japan.", "China praised India.", "Iran threatened Israel."]
for i, t in zip(ids, texts):
    print(json.dumps({"id": i, "date": "2024-06-19", "text": t}))
PY
"$M" code "$TMP/docs.jsonl" > "$TMP/ev.jsonl"
"$M" code --format tsv "$TMP/docs.jsonl" > "$TMP/ev.tsv"
check "code: events to compare" test "$(wc -l < "$TMP/ev.jsonl")" -ge 6
check "tsv: one line per event plus the header" \
  test "$(wc -l < "$TMP/ev.tsv")" -eq $(( $(wc -l < "$TMP/ev.jsonl") + 1 ))

# Python's csv with QUOTE_NONE, then the four escapes undone: the same events as the JSONL.
cat > "$TMP/same.py" <<'PY'
import csv, json, re, sys
def unescape(s):
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), s)
def rows(path, fmt):
    with open(path, newline="") as f:
        if fmt == "jsonl":
            for l in f:
                r = json.loads(l)
                r.update({"ev_" + k: v for k, v in r.pop("evidence").items() if k != "context"})
                yield r
        elif fmt == "tsv":
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                yield {k: unescape(v) for k, v in r.items()}
        else:
            yield from csv.DictReader(f)
keys = ["doc", "sentence", "date", "lang", "source", "target", "code", "root", "quad",
        "goldstein", "mood", "text", "ev_source", "ev_target", "ev_verb"]
def norm(r):
    return tuple(str(float(r[k])) if k == "goldstein" else str(r[k]) for k in keys)
a = sorted(map(norm, rows(sys.argv[1], sys.argv[2])))
b = sorted(map(norm, rows(sys.argv[3], sys.argv[4])))
assert a == b, (a[:2], b[:2])
assert any("\t" in r[0] for r in a) and any("\n" in r[0] for r in a) and any("\\" in r[0] for r in a)
assert any('"' in r[11] for r in a)
PY
check "tsv read back with Python's csv (QUOTE_NONE + unescape) equals the JSONL" \
  python3 "$TMP/same.py" "$TMP/ev.tsv" tsv "$TMP/ev.jsonl" jsonl

DB=$TMP/i.db
"$M" ingest -q --db "$DB" "$TMP/docs.jsonl"
"$M" events --db "$DB" > "$TMP/db.jsonl"
"$M" events --db "$DB" --format tsv > "$TMP/db.tsv"
"$M" events --db "$DB" --format csv > "$TMP/db.csv"
check "events --format tsv read back with Python's csv equals the JSONL" \
  python3 "$TMP/same.py" "$TMP/db.tsv" tsv "$TMP/db.jsonl" jsonl
check "events --format csv read back with Python's csv equals the JSONL" \
  python3 "$TMP/same.py" "$TMP/db.csv" csv "$TMP/db.jsonl" jsonl

# The project's own reader: every analysis gives the same answer from the three formats.
for f in tsv csv; do
  for cmd in "dyad RUS JPN --events" "profile RUS JPN --events" "network"; do
    # shellcheck disable=SC2086
    "$M" $cmd "$TMP/db.jsonl" > "$TMP/a.out" 2> "$TMP/a.err"; ra=$?
    # shellcheck disable=SC2086
    "$M" $cmd "$TMP/db.$f" > "$TMP/b.out" 2> "$TMP/b.err"; rb=$?
    check "$cmd: $f gives what JSONL gives" \
      bash -c "test $ra -eq 0 && test $rb -eq 0 && cmp -s '$TMP/a.out' '$TMP/b.out' && test -s '$TMP/a.out'"
  done
done
check "code --format tsv read by --events (stdin)" \
  bash -c "\"$M\" dyad RUS JPN --events - < '$TMP/ev.tsv' | cmp -s - <(\"$M\" dyad RUS JPN --events '$TMP/ev.jsonl')"
printf 'doc\tfoo\nx\ty\n' > "$TMP/bad.tsv"
"$M" dyad RUS JPN --events "$TMP/bad.tsv" > /dev/null 2> "$TMP/bad.err"; rc=$?
check "a TSV without the event columns is refused" \
  bash -c "test $rc -eq 2 && grep -q \"bad.tsv:1: not mizan's TSV or CSV\" '$TMP/bad.err'"
awk -F'\t' -v OFS='\t' 'NR==2{$12=99}1' "$TMP/db.tsv" > "$TMP/gold.tsv"
"$M" network "$TMP/gold.tsv" > /dev/null 2> "$TMP/gold.err"; rc=$?
check "a TSV row with a Goldstein value out of range: file:line, exit 2" \
  bash -c "test $rc -eq 2 && grep -q 'gold.tsv:2: missing or bad \"goldstein\"' '$TMP/gold.err'"

# Network interchange (issue 9, item 2): node-link JSON as NetworkX loads it; GraphML and GEXF
# with weight (absolute), goldstein (signed) and sign on edges; --directed.
printf '%s\n' '{"id": "n1", "date": "2024-06-19", "text": "North Korea supplied Russia with missiles. Russia praised North Korea. Russia condemned Japan. Japan condemned Russia. Japan criticized Russia."}' \
  | "$M" code --input jsonl > "$TMP/net.ev"
for d in "" --directed; do
  "$M" network --format node-link $d "$TMP/net.ev" > "$TMP/nl$d.json"
  check "node-link$d: the keys of networkx.node_link_graph" python3 -c '
import json,sys
g=json.load(open(sys.argv[1]))
assert set(g)>={"nodes","links","directed","multigraph","graph"}, g
assert g["directed"]==(sys.argv[2]=="--directed") and g["multigraph"] is False
ids={n["id"] for n in g["nodes"]}
assert g["links"] and all(l["source"] in ids and l["target"] in ids for l in g["links"])
assert all(l["weight"]==abs(l["goldstein"]) and l["sign"]==(l["goldstein"]>0)-(l["goldstein"]<0) for l in g["links"])
assert any(l["goldstein"]<0 for l in g["links"])' "$TMP/nl$d.json" "$d"
done
check "node-link --directed: one link per direction" python3 -c '
import json,sys
g=json.load(open(sys.argv[1]))
pairs={(l["source"],l["target"]) for l in g["links"]}
assert ("RUS","JPN") in pairs and ("JPN","RUS") in pairs, pairs' "$TMP/nl--directed.json"
# networkx: Debian's (scripts/deps.sh installs python3-networkx for the system's python3), or
# the first python3 on the path that has it
nxpy=
for py in python3 /usr/bin/python3; do
  if "$py" -c 'import networkx' 2>/dev/null; then nxpy=$py; break; fi
done
if [ -n "$nxpy" ]; then
  check "node-link: networkx.node_link_graph loads it, directed or not" "$nxpy" -c '
import inspect,json,sys,networkx as nx
kw={"edges":"links"} if "edges" in inspect.signature(nx.node_link_graph).parameters else {}
for path,directed in ((sys.argv[1],False),(sys.argv[2],True)):
    with open(path) as f:
        g=nx.node_link_graph(json.load(f),**kw)
    assert g.is_directed()==directed and g.number_of_edges()>0
    assert all(d["weight"]>=0 and "goldstein" in d for _,_,d in g.edges(data=True))' \
    "$TMP/nl.json" "$TMP/nl--directed.json"
else
  echo "test_interchange: networkx not installed; node-link checked with the json module only"
fi
for f in graphml gexf; do
  "$M" network --format $f --directed "$TMP/net.ev" > "$TMP/dnet.$f"
  check "$f --directed: a directed graph, weight absolute and goldstein signed" python3 -c '
import sys,xml.etree.ElementTree as ET
r=ET.parse(sys.argv[1]).getroot()
fmt=sys.argv[2]
if fmt=="graphml":
    ns={"g":"http://graphml.graphdrawing.org/xmlns"}
    assert r.find("g:graph",ns).get("edgedefault")=="directed"
    edges=[{d.get("key"):d.text for d in e.findall("g:data",ns)} for e in r.iter("{%s}edge"%ns["g"])]
else:
    ns={"g":"http://gexf.net/1.3"}
    assert r.find("g:graph",ns).get("defaultedgetype")=="directed"
    edges=[]
    for e in r.iter("{%s}edge"%ns["g"]):
        a={v.get("for"):v.get("value") for v in e.iter("{%s}attvalue"%ns["g"])}
        a["weight"]=e.get("weight"); edges.append(a)
assert len(edges)==4, edges
assert all(float(e["weight"])==abs(float(e["goldstein"])) for e in edges)
assert any(float(e["goldstein"])<0 for e in edges) and all(e["sign"] in ("1","-1","0") for e in edges)' \
    "$TMP/dnet.$f" $f
done

finish
