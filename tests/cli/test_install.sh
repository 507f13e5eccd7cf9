#!/usr/bin/env bash
# Tests of a Unix tool's finish: `make install` into a staging folder (DESTDIR) puts the program,
# library, header, pkg-config file, man pages and licences where PREFIX says; the installed
# program runs; every man page renders without warnings (mandoc -T lint, else man --warnings,
# else skipped); a program built with `pkg-config --cflags --libs mizan` links and runs; `mizan
# help` agrees with `--help`; `make uninstall` removes every file it installed.
cd "$(dirname "$0")/../.." || exit 1
source tests/cli/lib.sh
: "${OUT:=build/release}"
BUILD_NAME=${OUT#build/}
# The test may run inside `make check`: its make's flags and job server are not ours.
unset MAKEFLAGS MFLAGS MAKELEVEL

DEST=$TMP/dest
P=$DEST/usr/local
make -s install BUILD="$BUILD_NAME" DESTDIR="$DEST" PREFIX=/usr/local > "$TMP/install.log" 2>&1
check "make install DESTDIR=... PREFIX=/usr/local exits 0" test $? -eq 0
for f in bin/mizan lib/libmizan.a include/mizan.h lib/pkgconfig/mizan.pc share/man/man1/mizan.1 \
         share/mizan/cameo.tsv share/mizan/dict/actors.txt share/doc/mizan/LICENSE \
         share/doc/mizan/NOTICE share/doc/mizan/LICENSE.models share/doc/mizan/CITATION.cff; do
  check "installed $f" test -s "$P/$f"
done
check "installed program is executable" test -x "$P/bin/mizan"
check "mizan.pc names the prefix, not the staging folder" grep -qx 'prefix=/usr/local' "$P/lib/pkgconfig/mizan.pc"
version=$(sed -n 's/^#define MIZAN_VERSION "\(.*\)"/\1/p' include/mizan.h)
check "mizan.pc carries the version" grep -qx "Version: $version" "$P/lib/pkgconfig/mizan.pc"
check "CITATION.cff carries the version" grep -qx "version: $version" CITATION.cff

# ---- the installed program and its help
M=$P/bin/mizan
check "installed mizan --version" test "$("$M" --version)" = "mizan $version"
"$M" help > "$TMP/help.txt"
check "mizan help exits 0" test $? -eq 0
commands=$(sed -n 's/^  \([a-z-]*\) .*/\1/p' "$TMP/help.txt")
check "mizan help lists the commands" test "$(printf '%s\n' "$commands" | wc -w)" -ge 13
for c in $commands; do
  "$M" help "$c" > "$TMP/h1" 2>&1
  rc=$?
  "$M" "$c" --help > "$TMP/h2" 2>&1
  check "mizan help $c exits 0" test "$rc" -eq 0
  check "mizan help $c is mizan $c --help" cmp -s "$TMP/h1" "$TMP/h2"
  check "mizan help $c prints on standard output" test -n "$("$M" help "$c" 2> /dev/null)"
  check "man page mizan-$c.1 exists" test -s "$P/share/man/man1/mizan-$c.1"
done
check "mizan help code equals mizan code --help" \
  test "$("$M" help code)" = "$("$M" code --help)"
"$M" help no-such-command > "$TMP/out" 2> "$TMP/err"
check "mizan help of an unknown command exits 1" test $? -eq 1
check "... and says which" grep -q "unknown command 'no-such-command'" "$TMP/err"
check "... on standard error only" test ! -s "$TMP/out"
for sub in "" check stats gaps; do
  # shellcheck disable=SC2086
  "$M" dict $sub --help > "$TMP/out" 2>&1
  check "mizan dict $sub --help exits 0" test $? -eq 0
  check "mizan dict $sub --help prints the usage" grep -q '^usage: mizan dict check' "$TMP/out"
done
"$M" dict check -- tests/cli/fixtures/does-not-exist.txt > /dev/null 2>&1
check "mizan dict check -- FILE still checks FILE" test $? -eq 2
"$M" dict check -- > /dev/null 2>&1
check "mizan dict check -- with no file is a usage error" test $? -eq 1

# ---- man pages: one per command and mizan(1); each renders without a warning
pages=$(ls "$P"/share/man/man1/*.1)
check "man pages: mizan(1) and one per command" test "$(printf '%s\n' "$pages" | wc -l)" -eq $(($(printf '%s\n' "$commands" | wc -w) + 1))
if command -v mandoc > /dev/null; then
  for pg in $pages; do
    check "mandoc -T lint $(basename "$pg")" mandoc -T lint -W warning "$pg"
  done
elif command -v man > /dev/null && command -v groff > /dev/null; then
  for pg in $pages; do
    LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$pg" > "$TMP/page" 2> "$TMP/warn"
    check "man -l $(basename "$pg") renders" grep -q 'NAME' "$TMP/page"
    check "man --warnings $(basename "$pg") is silent" test ! -s "$TMP/warn"
  done
else
  echo "test_install: no mandoc or man: man pages not rendered (bash scripts/deps.sh installs mandoc)"
fi

# ---- pkg-config: a program built with the installed library (optimised build only: the
# sanitizer build's library needs the sanitizer runtime at link time)
if command -v pkg-config > /dev/null && [ "$BUILD_NAME" = release ]; then
  PFX=$TMP/prefix
  make -s install BUILD="$BUILD_NAME" PREFIX="$PFX" > "$TMP/install2.log" 2>&1
  check "make install PREFIX=DIR (no DESTDIR) exits 0" test $? -eq 0
  export PKG_CONFIG_PATH=$PFX/lib/pkgconfig
  check "pkg-config --modversion mizan" test "$(pkg-config --modversion mizan)" = "$version"
  check "pkg-config --cflags mizan names the include folder" \
    grep -q -- "-I$PFX/include" <<< "$(pkg-config --cflags mizan)"
  check "pkg-config --libs mizan links libmizan" grep -q -- "-L$PFX/lib -lmizan" <<< "$(pkg-config --libs mizan)"
  cat > "$TMP/use.c" << 'EOF'
#include <mizan.h>
#include <stdio.h>
int main(void)
{
    mz_error err = {0};
    mz_engine *e = mz_engine_new();
    int ok = e && mz_engine_load_builtin(e, &err) == MZ_OK && mz_engine_compile(e, &err) == MZ_OK;
    printf("%s %s\n", MIZAN_VERSION, ok ? "ok" : err.message);
    mz_engine_free(e);
    return !ok;
}
EOF
  # shellcheck disable=SC2046
  cc -std=c11 -Wall -Wextra -o "$TMP/use" "$TMP/use.c" $(pkg-config --cflags --libs mizan) 2> "$TMP/cc.log"
  check "a program builds with pkg-config --cflags --libs mizan" test $? -eq 0
  check "... and runs with the built-in dictionaries" test "$("$TMP/use")" = "$version ok"
  make -s uninstall PREFIX="$PFX" > /dev/null 2>&1
  unset PKG_CONFIG_PATH
elif ! command -v pkg-config > /dev/null; then
  echo "test_install: no pkg-config: mizan.pc not tried"
fi

# ---- uninstall
make -s uninstall DESTDIR="$DEST" PREFIX=/usr/local > /dev/null 2>&1
check "make uninstall exits 0" test $? -eq 0
check "make uninstall leaves no file" test -z "$(find "$DEST" -type f)"
finish
