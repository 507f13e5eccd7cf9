#!/usr/bin/env bash
# End-to-end test of the dashboard: `mizan serve` over the example corpus, the page loaded in
# headless Chromium (Debian's chromium, which scripts/deps.sh installs), and the DOM read after
# its scripts ran: the timeline, the network and the list of events must be drawn with the
# corpus's data, Arabic sentences right-to-left.  Without chromium the test is skipped with a
# message, except under CI (CI=true), where scripts/deps.sh has run and a skip would hide a
# missing install.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
source scripts/serve_port.sh
browser=$(command -v chromium || command -v chromium-browser)
if [ -z "$browser" ]; then
  if [ "${CI:-}" = true ]; then
    echo "FAIL: chromium is not installed (scripts/deps.sh installs it)"
    exit 1
  fi
  echo "test_dashboard: skipped: no chromium (bash scripts/deps.sh installs it)"
  exit 0
fi
DB=$TMP/corpus.db
"$MIZAN" ingest -q --db "$DB" examples/corpus.jsonl
"$MIZAN" serve --db "$DB" --listen 127.0.0.1:0 > "$TMP/serve.out" 2> "$TMP/serve.err" &
server=$!
trap 'kill "$server" 2> /dev/null; rm -rf "$TMP"' EXIT
port=$(serve_port "$TMP/serve.out")
check "the server is up" test -n "$port"

# dom URL OUT: the page's DOM once its scripts ran (virtual time lets every fetch finish).
dom() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$TMP/profile" --virtual-time-budget=20000 --dump-dom "$1" > "$2" 2> "$TMP/chromium.err"
}
dom "http://127.0.0.1:$port/" "$TMP/page.html"
check "chromium loaded the page" test -s "$TMP/page.html"
check "the page's scripts ran to the end" grep -q 'data-ready="1"' "$TMP/page.html"
# what the page must show, from the command line on the same store
"$MIZAN" events --db "$DB" --dyad RUS,PRK | wc -l > "$TMP/dyad_n"
"$MIZAN" network --db "$DB" --format json |
  python3 -c 'import json, sys; print(len(json.load(sys.stdin)["nodes"]))' > "$TMP/nodes_n"
check "timeline, network and events drawn with the corpus's data" python3 - "$TMP/page.html" \
  "$(cat "$TMP/dyad_n")" "$(cat "$TMP/nodes_n")" <<'PY'
import sys
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.by_id, self.stack, self.canvases, self.items, self.rtl = {}, [], {}, 0, []
        self.in_rtl = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.by_id[a["id"]] = a
        if tag not in ("br", "img", "input", "meta", "link"):
            self.stack.append(a.get("id"))
        if tag == "canvas":
            for i in ("timeline", "network"):
                if i in self.stack:
                    self.canvases[i] = self.canvases.get(i, 0) + 1
        if tag == "li" and "evidence" in self.stack:
            self.items += 1
        if tag == "p" and a.get("dir") == "rtl" and "evidence" in self.stack:
            self.in_rtl = True
            self.rtl.append("")
    def handle_endtag(self, tag):
        if tag not in ("br", "img", "input", "meta", "link") and self.stack:
            self.stack.pop()
        if tag == "p":
            self.in_rtl = False
    def handle_data(self, d):
        if self.in_rtl:
            self.rtl[-1] += d

p = Page()
p.feed(open(sys.argv[1], encoding="utf-8").read())
t, n, e = p.by_id["timeline"], p.by_id["network"], p.by_id["evidence"]
assert int(t["data-points"]) >= 30 and int(t["data-changes"]) >= 1, t   # 2023-01..2025-12, the July 2025 break
assert p.canvases.get("timeline", 0) >= 1, p.canvases
assert int(n["data-nodes"]) == int(sys.argv[3]) > 0 and int(n["data-edges"]) >= 30, n
assert p.canvases.get("network", 0) >= 1, p.canvases
assert int(e["data-total"]) == int(sys.argv[2]) > 50 and p.items == 50, (e, p.items)  # RUS-PRK, page 1
assert p.rtl and all(any("\u0600" <= c <= "\u06ff" for c in s) for s in p.rtl), p.rtl[:3]
PY
check "the first event's evidence sentence is listed" \
  grep -q "The White House said North Korea had delivered infantry rockets" "$TMP/page.html"
# a search for an Arabic word (Moscow) from a link: the list holds only sentences with it
dom "http://127.0.0.1:$port/#search=%D9%85%D9%88%D8%B3%D9%83%D9%88" "$TMP/search.html"
"$MIZAN" events --db "$DB" --search موسكو | wc -l > "$TMP/n"
check "a search from the page lists what mizan events --search finds" python3 - "$TMP/search.html" "$(cat "$TMP/n")" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
total = re.search(r'id="evidence" data-total="(\d+)"', html)
assert total and int(total.group(1)) == int(sys.argv[2]) > 0, (total and total.group(1), sys.argv[2])
assert "موسكو" in html
PY
finish
