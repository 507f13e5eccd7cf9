# serve_port FILE [SECONDS]: waits (10 s unless SECONDS says otherwise) for `mizan serve` to
# write its address to FILE, the file its standard output goes to, and prints the port it
# listens on; prints nothing when it does not start in time.  Sourced by the scripts,
# benchmarks and tests that start a server on port 0.
serve_port() {
  local port= tries=$(( ${2:-10} * 20 ))
  for _ in $(seq "$tries"); do
    port=$(sed -n 's|^mizan serve: http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$1" 2> /dev/null)
    [ -n "$port" ] && break
    sleep 0.05
  done
  printf '%s' "$port"
}
