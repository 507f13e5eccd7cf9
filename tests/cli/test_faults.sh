#!/usr/bin/env bash
# Command-line tests of the faults found by trying to break mizan (issue 9, item 9): each check
# failed before its fix.  Big inputs are generated here, in the test's temporary folder.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
M=$MIZAN

sql() { # sql DB QUERY: prints the first column of each row
  python3 -c 'import sqlite3,sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print(r[0])' "$1" "$2"
}
rc_of() { "$@" > /dev/null 2>&1; echo $?; }
echo "Russia condemned Japan." > "$TMP/one.txt"

# --- usage errors are exit 1 ---
check "code --date 9999-99-99 is a usage error" test "$(rc_of "$M" code --date 9999-99-99 "$TMP/one.txt")" -eq 1
check "code -j 2x is a usage error" test "$(rc_of "$M" code -j 2x --date 2024-01-01 "$TMP/one.txt")" -eq 1
check "code -j 0 is a usage error" test "$(rc_of "$M" code -j 0 --date 2024-01-01 "$TMP/one.txt")" -eq 1

finish
