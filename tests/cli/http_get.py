"""A bare HTTP client for the serve tests: sends the path exactly as given (no normalisation
of dots or escapes, unlike a browser), writes the body to OUT and prints the status.

    python3 tests/cli/http_get.py PORT PATH OUT [METHOD]
"""
import http.client
import sys

port, path, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
method = sys.argv[4] if len(sys.argv) > 4 else "GET"
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
conn.request(method, path)
res = conn.getresponse()
with open(out, "wb") as f:
    f.write(res.read())
print(res.status, res.getheader("Content-Type", ""))
