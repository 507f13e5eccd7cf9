#!/usr/bin/env bash
# Command-line tests of `mizan serve`: the server is started on a free loopback port over a
# database of the example corpus, and every API endpoint is compared with what the command
# line prints for the same question; then bad parameters (400), unknown paths (404), other
# methods (405), path traversal attempts, concurrent requests and a clean stop.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
source scripts/serve_port.sh
DB=$TMP/corpus.db
"$MIZAN" ingest -q --db "$DB" examples/corpus.jsonl
check "ingest of the example corpus" test -s "$DB"
sum_before=$(cksum < "$DB")

# start OUT ARGS...: starts `mizan serve ARGS` on port 0 (the system picks a free one), its
# output in $TMP/OUT.out and .err, and reads the port from its first line into $port; $server
# is its process id; standard input is passed on (a command put in the background is given
# /dev/null otherwise).  Every server started is stopped at exit.
servers=
trap 'kill $servers 2> /dev/null; rm -rf "$TMP"' EXIT
start() {
  local out=$1
  shift
  "$MIZAN" serve "$@" --listen 127.0.0.1:0 < /dev/stdin > "$TMP/$out.out" 2> "$TMP/$out.err" &
  server=$!
  servers="$servers $server"
  port=$(serve_port "$TMP/$out.out")
  [ -n "$port" ] && return 0
  cat "$TMP/$out.err"
  return 1
}
start serve --db "$DB" -j 3
check "the server says where it listens" test -n "$port"
if [ -z "$port" ]; then
  finish
  exit 1
fi
db_port=$port
db_server=$server

# get PATH [METHOD]: the body in $TMP/body, "STATUS TYPE" on stdout.
get() { python3 tests/cli/http_get.py "$port" "$1" "$TMP/body" "${2:-GET}"; }
# same PATH CLI-ARGS...: the API's body and the command's output are the same bytes.
same() {
  local path=$1
  shift
  get "$path" > "$TMP/status"
  "$MIZAN" "$@" --db "$DB" > "$TMP/cli"
  grep -q '^200 application/json' "$TMP/status" && cmp -s "$TMP/body" "$TMP/cli"
}

# --- the analyses: byte for byte what the commands print ---
check "dyad = mizan dyad --format json" same "/api/dyad?a=RUS&b=PRK" dyad RUS PRK --format json
check "dyad by year, from, to" same "/api/dyad?a=rus&b=prk&by=year&from=2024&to=2025-06" \
  dyad RUS PRK --by year --from 2024 --to 2025-06 --format json
check "dyad with dedup=day" same "/api/dyad?a=PRK&b=RUS&dedup=day&by=week" \
  dyad PRK RUS --dedup day --by week --format json
check "network = mizan network" same "/api/network" network
check "network for a date range" same "/api/network?from=2025-01&to=2025-12" \
  network --from 2025-01 --to 2025-12
check "network with another seed" same "/api/network?seed=7" network --seed 7
check "profile = mizan profile --format json" same "/api/profile?a=RUS&b=PRK" \
  profile RUS PRK --format json
check "profile by month, from" same "/api/profile?a=CHN&b=RUS&by=month&from=2024" \
  profile CHN RUS --by month --from 2024 --format json
check "watch of a dyad = mizan watch --dyad" same "/api/watch?dyad=RUS,PRK" \
  watch --dyad RUS,PRK --format json
check "watch of every dyad, by week, alpha, min_size" \
  same "/api/watch?by=week&alpha=0.1&min_size=0.5" watch --by week --alpha 0.1 --min-size 0.5 --format json
check "watch as of July 2025" same "/api/watch?to=2025-07" watch --to 2025-07 --format json

# --- events: the same records as mizan events, paged, with the total ---
# events_same QUERY CLI-ARGS...: the page's events are lines OFFSET+1.. of the command's JSON
# Lines, and its total is the command's line count.
events_same() {
  local query=$1
  shift
  get "/api/events?$query" > "$TMP/status"
  "$MIZAN" events --db "$DB" "$@" > "$TMP/cli"
  grep -q '^200 application/json' "$TMP/status" && python3 - "$TMP/body" "$TMP/cli" <<'PY'
import json, sys
page = json.load(open(sys.argv[1]))
lines = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
want = lines[page["offset"]:page["offset"] + page["limit"]]
assert page["total"] == len(lines), (page["total"], len(lines))
assert page["events"] == want, (len(page["events"]), len(want))
assert page["events"], "an empty page proves nothing"
PY
}
check "events of a dyad, first page" events_same "dyad=RUS,PRK" --dyad RUS,PRK
check "events of a dyad, a later page" events_same "dyad=RUS,PRK&offset=40&limit=7" --dyad RUS,PRK
check "events of an actor, root and dates" events_same "actor=usa&from=2024&to=2025-06" \
  --actor USA --from 2024 --to 2025-06
check "events by root" events_same "root=7&limit=500" --root 07
check "events: full-text search" events_same "search=missiles" --search missiles
check "events: full-text search in Arabic" events_same "search=%D9%83%D9%88%D8%B1%D9%8A%D8%A7" \
  --search كوريا
get "/api/events?dyad=RUS,PRK&offset=100000" > "$TMP/status"
check "events: a page past the end is empty, with the total" python3 -c '
import json,sys; p=json.load(open(sys.argv[1])); assert p["events"]==[] and p["total"]>0, p' "$TMP/body"

# --- actors and stats ---
get "/api/actors" > "$TMP/status"
cp "$TMP/body" "$TMP/actors.json"
check "actors: every count is what mizan events --actor selects" python3 - "$TMP/actors.json" "$MIZAN" "$DB" <<'PY'
import json, subprocess, sys
actors = json.load(open(sys.argv[1]))["actors"]
assert len(actors) >= 10, actors
for a in actors:
    out = subprocess.run([sys.argv[2], "events", "--db", sys.argv[3], "--actor", a["code"]],
                         capture_output=True, check=True).stdout
    assert a["events"] == len(out.splitlines()), (a, len(out.splitlines()))
counts = [a["events"] for a in actors]
assert counts == sorted(counts, reverse=True), counts
PY
check "actors: names in English and Arabic from the dictionaries" python3 -c '
import json,sys
a={x["code"]:x for x in json.load(open(sys.argv[1]))["actors"]}
assert a["RUS"]["name"]=="Russia" and a["RUS"]["name_ar"]=="روسيا", a["RUS"]
assert a["PRK"]["name"]=="North Korea", a["PRK"]' "$TMP/actors.json"
get "/api/stats" > "$TMP/status"
check "stats: the counts SQLite gives" python3 - "$TMP/body" "$DB" "$(grep -c . examples/corpus.jsonl)" <<'PY'
import json, sqlite3, sys
s = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
one = lambda q: db.execute(q).fetchone()[0]
assert s["documents"] == one("select count(*) from documents") == int(sys.argv[3]), s
assert s["sentences"] == one("select count(*) from sentences"), s
assert s["events"] == one("select count(*) from events"), s
assert s["first"] == one("select min(date) from events") and s["last"] == one("select max(date) from events"), s
assert s["languages"]["ar"] == one("select count(*) from events where lang='ar'"), s
assert sum(s["quad"]) == s["events"], s
PY

# --- bad requests: JSON errors with the status ---
# status_is PATH STATUS [METHOD]: the answer has that status and is a JSON error naming it.
status_is() {
  get "$1" "${3:-GET}" > "$TMP/status"
  grep -q "^$2 application/json" "$TMP/status" &&
    python3 -c 'import json,sys; e=json.load(open(sys.argv[1])); assert e["status"]==int(sys.argv[2]) and e["error"], e' \
      "$TMP/body" "$2"
}
for q in "/api/dyad?a=RUS" "/api/dyad?a=RUS&b=RUS" "/api/dyad?a=RUS&b=PRK&by=fortnight" \
         "/api/dyad?a=RUS&b=PRK&from=2024-13" "/api/dyad?a=R%27US&b=PRK" "/api/network?seed=x" \
         "/api/events?limit=0" "/api/events?limit=501" "/api/events?offset=-1" "/api/events?root=21" \
         "/api/events?dyad=RUS" "/api/events?actor=RUS&dyad=RUS,PRK" "/api/events?search=%22" \
         "/api/events?colour=red" "/api/events?from=2024&from=2025" "/api/watch?alpha=1" \
         "/api/stats?x=1" "/api/profile?a=RUS&b=PRK&dedup=week" \
         "/api/events?search=$(printf 'a%.0s' $(seq 300))" \
         "/api/events?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11&l=12&m=13&n=14&o=15&p=16&q=17"; do
  check "400 for $(printf %.60s "$q")" status_is "$q" 400
done
for p in /api/nope /api /nope /assets/ /assets/nope.js /index.html/x; do
  check "404 for $p" status_is "$p" 404
done
check "405 for POST" status_is "/api/stats" 405 POST
check "405 for DELETE" status_is "/" 405 DELETE

# --- traversal: nothing but the embedded files is ever served ---
for p in "/assets/../../etc/passwd" "/assets/%2e%2e/%2e%2e/etc/passwd" "/../../../../etc/passwd" \
         "/assets/..%2f..%2fMakefile" "/assets//etc/passwd" "/assets/app.js/../../Makefile" \
         "/assets/%2fetc%2fpasswd" "/assets/..%5c..%5cMakefile" "/%2e%2e/Makefile" \
         "/api/../Makefile"; do
  get "$p" > "$TMP/status"
  check "traversal refused: $p" sh -c "grep -q '^404 ' '$TMP/status' && ! grep -q 'root:\|^CC ' '$TMP/body'"
done

# a NUL ends the decoded path: what is left names an embedded file or nothing
get "/assets/app.js%00/../../Makefile" > "$TMP/status"
check "a NUL in the path reaches no file outside" sh -c "grep -q '^404 ' '$TMP/status' || cmp -s '$TMP/body' web/app.js"

# --- the page and its files ---
get "/" > "$TMP/status"
check "/ is the dashboard page" sh -c "grep -q '^200 text/html' '$TMP/status' && grep -q '/assets/app.js' '$TMP/body'"
get "/assets/cytoscape.min.js" > "$TMP/status"
check "the graph library is embedded" sh -c "grep -q '^200 text/javascript' '$TMP/status' && cmp -s '$TMP/body' web/node_modules/cytoscape/dist/cytoscape.min.js"
get "/assets/uPlot.iife.min.js" > "$TMP/status"
check "the chart library is embedded" grep -q '^200 text/javascript' "$TMP/status"

# --- concurrency: parallel requests get the one answer ---
"$MIZAN" network --db "$DB" > "$TMP/net.cli"
python3 - "$port" "$TMP/net.cli" > "$TMP/par.out" <<'PY'
import concurrent.futures, http.client, sys
port, want = int(sys.argv[1]), open(sys.argv[2], "rb").read()
def one(i):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request("GET", "/api/network" if i % 2 else "/api/events?dyad=RUS,PRK&limit=500")
    r = c.getresponse()
    return r.status, i % 2, r.read()
with concurrent.futures.ThreadPoolExecutor(12) as ex:
    res = list(ex.map(one, range(48)))
print(all(s == 200 for s, _, _ in res), all(b == want for s, net, b in res if net))
PY
check "48 concurrent requests: all 200, the networks identical to the command's" \
  grep -qx "True True" "$TMP/par.out"

# --- --events FILE: the events `mizan events` wrote, served from memory, answer as the store ---
"$MIZAN" events --db "$DB" --format jsonl > "$TMP/events.jsonl"
start events --events "$TMP/events.jsonl" -j 2
check "--events: the server says where it listens and what it serves" \
  grep -q "events of $TMP/events.jsonl" "$TMP/events.out"
ev_port=$port
# same_at PORT PATH: PORT's answer to PATH is the --db server's, byte for byte.
same_at() {
  python3 tests/cli/http_get.py "$db_port" "$2" "$TMP/body.db" > "$TMP/status.db"
  python3 tests/cli/http_get.py "$1" "$2" "$TMP/body.ev" > "$TMP/status.ev"
  grep -q '^200 application/json' "$TMP/status.db" && cmp -s "$TMP/status.db" "$TMP/status.ev" &&
    cmp -s "$TMP/body.db" "$TMP/body.ev"
}
for q in "/api/dyad?a=RUS&b=PRK" "/api/dyad?a=PRK&b=RUS&dedup=day&by=week" "/api/network" \
         "/api/network?from=2025-01&to=2025-12&seed=7" "/api/profile?a=CHN&b=RUS&by=month" \
         "/api/watch?by=week&alpha=0.1&min_size=0.5" "/api/events?dyad=RUS,PRK&offset=3&limit=20" \
         "/api/events?actor=usa&from=2024&to=2025-06" "/api/events?root=7&limit=500" \
         "/api/events?search=missiles" "/api/events?search=%D9%83%D9%88%D8%B1%D9%8A%D8%A7" \
         "/api/events?offset=100000" "/api/actors"; do
  check "--events answers as --db: $q" same_at "$ev_port" "$q"
done
python3 tests/cli/http_get.py "$ev_port" /api/stats "$TMP/stats.ev" > /dev/null
python3 tests/cli/http_get.py "$db_port" /api/stats "$TMP/stats.db" > /dev/null
check "--events stats: the store's, but documents and sentences as far as the events tell" \
  python3 - "$TMP/stats.ev" "$TMP/stats.db" "$TMP/events.jsonl" <<'PY'
import json, sys
ev, db = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
lines = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
assert ev["documents"] == len({e["doc"] for e in lines}) <= db["documents"], (ev, db)
assert ev["sentences"] == len({(e["doc"], e["sentence"]) for e in lines}) <= db["sentences"], (ev, db)
for k in ("events", "undated", "first", "last", "countries", "languages", "quad"):
    assert ev[k] == db[k], (k, ev, db)
assert ev["events"] > 0, ev
PY
check "--events: the analyses' answers are cached as well" same_at "$ev_port" "/api/network"
python3 - "$ev_port" "$db_port" > "$TMP/par_ev.out" <<'PY'
import concurrent.futures, http.client, sys
paths = ["/api/network?seed=3", "/api/events?dyad=RUS,PRK&limit=500", "/api/actors"]
def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request("GET", path)
    r = c.getresponse()
    return r.status, r.read()
want = {p: get(int(sys.argv[2]), p) for p in paths}
with concurrent.futures.ThreadPoolExecutor(8) as ex:
    res = list(ex.map(lambda i: (i % 3, get(int(sys.argv[1]), paths[i % 3])), range(24)))
print(all(r == want[paths[i]] and r[0] == 200 for i, r in res))
PY
check "--events: 24 concurrent requests over the connections in memory, answered as --db" \
  grep -qx True "$TMP/par_ev.out"
# the tables mizan writes, and standard input, serve the same events
for fmt in tsv csv; do
  "$MIZAN" events --db "$DB" --format "$fmt" > "$TMP/events.$fmt"
  start "events_$fmt" --events "$TMP/events.$fmt"
  check "--events of a $fmt table answers as --db" same_at "$port" "/api/events?limit=500"
  check "--events of a $fmt table: the same network" same_at "$port" "/api/network"
done
start events_stdin --events - < "$TMP/events.jsonl"
check "--events - reads standard input" same_at "$port" "/api/events?dyad=RUS,PRK&limit=500"
python3 tests/cli/http_get.py "$port" /api/stats "$TMP/stats.stdin" > /dev/null
check "--events -: the same stats as the file" cmp -s "$TMP/stats.stdin" "$TMP/stats.ev"

# bad_events NAME FILE PATTERN: serving FILE fails with status 2 and a message matching PATTERN.
bad_events() {
  timeout 30 "$MIZAN" serve --events "$2" --listen 127.0.0.1:0 > "$TMP/bad.out" 2> "$TMP/bad.err"
  local rc=$?
  check "--events, $1: status 2" test "$rc" -eq 2
  check "--events, $1: the message" grep -q -- "$3" "$TMP/bad.err"
  check "--events, $1: nothing served" test ! -s "$TMP/bad.out"
}
bad_events "a missing file" "$TMP/none.jsonl" "none.jsonl: cannot open"
bad_events "a documents corpus" examples/corpus.jsonl \
  "^examples/corpus.jsonl:1: .*($(grep -c . examples/corpus.jsonl) lines of the file are not events"
{ head -n 2 "$TMP/events.jsonl"; echo '{"doc": "x", "code": "0'; tail -n +3 "$TMP/events.jsonl"; } \
  > "$TMP/one_bad.jsonl"
bad_events "one bad line among events" "$TMP/one_bad.jsonl" "one_bad.jsonl:3: not JSON.*(1 line of"
head -n 1 "$TMP/events.jsonl" | python3 -c 'import json,sys; e=json.load(sys.stdin); del e["doc"]; print(json.dumps(e))' \
  > "$TMP/no_doc.jsonl"
bad_events "an event without a document" "$TMP/no_doc.jsonl" "no_doc.jsonl: event 1 has no document id"
printf 'doc\tfruit\nx\tapple\n' > "$TMP/table.tsv"
bad_events "a table without the event columns" "$TMP/table.tsv" "table.tsv"
head -c 3000 "$MIZAN" > "$TMP/binary"
bad_events "a binary file" "$TMP/binary" "binary:1: "
timeout 30 "$MIZAN" serve --db "$DB" --events "$TMP/events.jsonl" --listen 127.0.0.1:0 \
  > /dev/null 2> "$TMP/err"
check "--db and --events together: status 1" sh -c "test $? -eq 1 && grep -q 'not both' '$TMP/err'"
port=$db_port
server=$db_server

# --- read-only, start-up errors, stop ---
check "the database is unchanged" test "$(cksum < "$DB")" = "$sum_before"
# answers are cached, but never past a change to the database by another process
cat > "$TMP/more.jsonl" <<'JSONL'
{"id": "serve-test-1", "date": "2025-12-31", "lang": "en", "text": "Russia condemned Japan. Japan accused Russia of aggression."}
JSONL
"$MIZAN" ingest -q --db "$DB" "$TMP/more.jsonl"
check "after an ingest elsewhere: the network is recomputed" same "/api/network" network
check "after an ingest elsewhere: the dyad too" same "/api/dyad?a=RUS&b=JPN" dyad RUS JPN --format json
kill -TERM "$server"
wait "$server"
check "SIGTERM stops it with status 0" test $? -eq 0
"$MIZAN" serve --db "$TMP/none.db" --listen 127.0.0.1:0 > /dev/null 2> "$TMP/err"
check "a missing database: status 2 and a message" sh -c "test $? -eq 2 && grep -q 'none.db' '$TMP/err'"
"$MIZAN" serve --db "$DB" --listen localhost > /dev/null 2> "$TMP/err"
check "a bad address: status 1" sh -c "test $? -eq 1 && grep -q 'bad address' '$TMP/err'"
"$MIZAN" serve --db "$DB" --listen 127.0.0.1:0 extra > /dev/null 2>&1
check "an extra argument: status 1" test $? -eq 1
finish
