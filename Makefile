# mizan — one Makefile.  `make` builds build/release/mizan; `make check` builds and runs every
# test twice, optimised and under AddressSanitizer + UndefinedBehaviorSanitizer.

CC ?= cc
PKGS := sqlite3 libxml-2.0 jansson igraph gsl libutf8proc libmicrohttpd
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-missing-field-initializers
BASE_CFLAGS := -std=c11 -D_DEFAULT_SOURCE -Iinclude -Isrc $(PKG_CFLAGS) $(WARN) -g
LIBS := $(PKG_LIBS) -lstemmer -lpthread -lm
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

BUILD ?= release
ifeq ($(BUILD),asan)
  CFLAGS_MODE := -O1 $(SAN)
  LDFLAGS_MODE := $(SAN)
else
  CFLAGS_MODE := -O2
  LDFLAGS_MODE :=
endif
OUT := build/$(BUILD)
CFLAGS_ALL := $(BASE_CFLAGS) $(CFLAGS_MODE) $(CFLAGS)

DATA := data/cameo.tsv $(wildcard data/salience.txt) $(sort $(wildcard data/dict/*.txt))
LIB_SRC := $(sort $(wildcard src/util/*.c src/text/*.c src/dict/*.c src/code/*.c src/io/*.c \
                             src/store/*.c src/analyze/*.c src/parse/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
# The server (src/serve) and the dashboard it embeds belong to the program, not the library.
SERVE_SRC := $(sort $(wildcard src/serve/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(OUT)/%.o) $(OUT)/gen/builtin_data.o
CLI_OBJ := $(CLI_SRC:%.c=$(OUT)/%.o) $(SERVE_SRC:%.c=$(OUT)/%.o) $(OUT)/gen/assets_data.o
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(OUT)/tests/%)
BENCH_SRC := $(sort $(wildcard bench/*.c))
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(OUT)/bench/%)

.PHONY: all demo check test test-one deps clean bench format eval-real salience models install uninstall
all: $(OUT)/mizan

$(OUT)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O1 -Wall -Wextra -o $@ $<

$(OUT)/gen/builtin_data.c: $(OUT)/tools/embed $(DATA)
	@mkdir -p $(dir $@)
	$(OUT)/tools/embed $@ $(DATA)

$(OUT)/gen/builtin_data.o: $(OUT)/gen/builtin_data.c
	$(CC) $(CFLAGS_ALL) -Isrc/dict -c -o $@ $<

# The dashboard: the project's own page, script and style (web/), and the JavaScript libraries
# npm installs beside them at the versions web/package-lock.json pins.  All are compiled into
# the program, so the page needs no network and the server no files.
WEB_OWN := web/index.html web/app.css web/app.js
WEB_LIBS := web/node_modules/cytoscape/dist/cytoscape.min.js \
            web/node_modules/uplot/dist/uPlot.iife.min.js web/node_modules/uplot/dist/uPlot.min.css
WEB_STAMP := web/node_modules/.package-lock.json

$(WEB_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(WEB_LIBS): $(WEB_STAMP)

$(OUT)/gen/assets_data.c: $(OUT)/tools/embed $(WEB_OWN) $(WEB_STAMP)
	@mkdir -p $(dir $@)
	$(OUT)/tools/embed -i serve/assets.h -T mz_asset -t mz_assets -n mz_asset_count $@ \
	  $(WEB_OWN) $(WEB_LIBS)

$(OUT)/gen/assets_data.o: $(OUT)/gen/assets_data.c
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

# The parser models are included by the assembler into builtin.o (src/parse/builtin.c).
MODELS := data/models/en.model data/models/ar.model
ifeq ($(words $(wildcard $(MODELS))),2)
$(OUT)/src/parse/builtin.o: $(MODELS)
$(OUT)/src/parse/builtin.o: CFLAGS_ALL += -DMZ_HAVE_MODELS
endif

$(OUT)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

$(OUT)/libmizan.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(OUT)/mizan: $(CLI_OBJ) $(OUT)/libmizan.a
	$(CC) $(LDFLAGS_MODE) -o $@ $(CLI_OBJ) $(OUT)/libmizan.a $(LIBS)

# A unit test links the library and the objects listed as its prerequisites (the server's
# modules, which are the program's and not in the library, for test_serve).
$(OUT)/tests/%: tests/unit/%.c $(OUT)/libmizan.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(filter %.o,$^) $(OUT)/libmizan.a $(LIBS) -lcmocka $(LDFLAGS_MODE)

$(OUT)/tests/test_serve: $(SERVE_SRC:%.c=$(OUT)/%.o) $(OUT)/gen/assets_data.o

$(OUT)/tests/golden_run: tests/golden_run.c $(OUT)/libmizan.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(OUT)/libmizan.a $(LIBS) $(LDFLAGS_MODE)

$(OUT)/bench/%: bench/%.c $(OUT)/libmizan.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(OUT)/libmizan.a $(LIBS) $(LDFLAGS_MODE)

# Runs the tests of one build (BUILD=release or BUILD=asan).
test-one: $(OUT)/mizan $(UNIT_BIN) $(OUT)/tests/golden_run
	@MIZAN=$(OUT)/mizan OUT=$(OUT) bash tests/run.sh

# The test command of the README: both builds.
check:
	$(MAKE) BUILD=release test-one
	$(MAKE) BUILD=asan test-one
	$(MAKE) fuzz-smoke

test: check

demo: $(OUT)/mizan
	$(OUT)/mizan code --date 2024-06-20 examples/article_ar.txt
	bash scripts/demo.sh $(OUT)/mizan
	@echo
	@echo "The dashboard on the example corpus (then open http://127.0.0.1:8080/):"
	@echo "  $(OUT)/mizan ingest --db demo.db examples/corpus.jsonl && $(OUT)/mizan serve --db demo.db"

bench: $(BENCH_BIN) $(OUT)/mizan
	@for b in $(filter-out %/bench_pipe,$(BENCH_BIN)); do echo "== $$b"; $$b || exit 1; done
	@echo "== $(OUT)/bench/bench_pipe (the command beside the library, real article pools of $(REALTEXT))"
	@$(OUT)/bench/bench_pipe -m $(OUT)/mizan $(REALTEXT)/ar_saudinews_dev_articles.jsonl \
	  $(REALTEXT)/en_wikinews_dev_articles.jsonl

# Precision, recall and F1 on the real-news sets beside the project (../shared/realtext); not part
# of the test command, which never needs them.
REALTEXT ?= ../shared/realtext
eval-real: $(OUT)/mizan
	$(OUT)/mizan eval $(REALTEXT)

# Retrains the built-in salience model (data/salience.txt) from the labelled Arabic detection
# sets beside the project, printing its nested cross-validated figures; commit the result.
salience: $(OUT)/mizan
	$(OUT)/mizan train-salience -o data/salience.txt $(REALTEXT)/argsr_protest_dev.jsonl \
	  $(REALTEXT)/argsr_assault_dev.jsonl

deps:
	bash scripts/deps.sh

# Rebuilds the shipped parser models from the treebanks (see data/models/LICENSE), then the
# binary that embeds them.  The English word clusters are learnt from the training split's
# words and the English Wikinews articles of $(REALTEXT).  Deterministic: the same files give
# the same models.
TREEBANKS ?= ../shared/treebanks
models: $(OUT)/mizan
	@mkdir -p data/models
	$(OUT)/mizan train-parser -q --lang en $(TREEBANKS)/en_ewt-ud-train.conllu \
	  --raw $(REALTEXT)/en_wikinews_dev_articles.jsonl \
	  --dev $(TREEBANKS)/en_ewt-ud-dev.conllu -o data/models/en.model
	$(OUT)/mizan train-parser -q --lang ar $(TREEBANKS)/ar_pud-ud-test.conllu -o data/models/ar.model
	$(MAKE) $(OUT)/mizan

# ---- installing ----------------------------------------------------------------------------
# `make install [PREFIX=/usr/local] [DESTDIR=staging]` installs the program, the static library,
# the public header, a pkg-config file, the man pages and, under PREFIX/share/mizan, the shipped
# dictionaries and CAMEO table for reference (the program needs no data at run time: all of it
# is compiled in).  `make uninstall` removes exactly those files.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
DOCDIR ?= $(DATADIR)/doc/mizan
INSTALL ?= install
MAN_PAGES := $(sort $(wildcard man/*.1))
VERSION := $(shell sed -n 's/^\#define MIZAN_VERSION "\(.*\)"/\1/p' include/mizan.h)
SHARE_DICT := $(sort $(wildcard data/dict/*.txt))

# A folder under PREFIX is written ${prefix}/..., so that pkg-config --define-variable=prefix=DIR
# finds a staged (DESTDIR) or moved installation.
under_prefix = $(patsubst $(PREFIX)/%,$${prefix}/%,$(1))

$(OUT)/mizan.pc: mizan.pc.in include/mizan.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(call under_prefix,$(LIBDIR))|' \
	  -e 's|@INCLUDEDIR@|$(call under_prefix,$(INCLUDEDIR))|' \
	  -e 's|@VERSION@|$(VERSION)|' $< > $@

# The .pc file depends on PREFIX, so it is rewritten on every install.
install: $(OUT)/mizan $(OUT)/libmizan.a
	@rm -f $(OUT)/mizan.pc
	$(MAKE) --no-print-directory $(OUT)/mizan.pc
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR) \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/mizan/dict $(DESTDIR)$(DOCDIR)
	$(INSTALL) -m 755 $(OUT)/mizan $(DESTDIR)$(BINDIR)/mizan
	$(INSTALL) -m 644 $(OUT)/libmizan.a $(DESTDIR)$(LIBDIR)/libmizan.a
	$(INSTALL) -m 644 include/mizan.h $(DESTDIR)$(INCLUDEDIR)/mizan.h
	$(INSTALL) -m 644 $(OUT)/mizan.pc $(DESTDIR)$(LIBDIR)/pkgconfig/mizan.pc
	$(INSTALL) -m 644 $(MAN_PAGES) $(DESTDIR)$(MANDIR)/man1/
	$(INSTALL) -m 644 data/cameo.tsv $(DESTDIR)$(DATADIR)/mizan/cameo.tsv
	$(INSTALL) -m 644 $(SHARE_DICT) $(DESTDIR)$(DATADIR)/mizan/dict/
	$(INSTALL) -m 644 LICENSE NOTICE CITATION.cff README.md $(DESTDIR)$(DOCDIR)/
	$(INSTALL) -m 644 data/models/LICENSE $(DESTDIR)$(DOCDIR)/LICENSE.models

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mizan $(DESTDIR)$(LIBDIR)/libmizan.a $(DESTDIR)$(INCLUDEDIR)/mizan.h \
	  $(DESTDIR)$(LIBDIR)/pkgconfig/mizan.pc $(DESTDIR)$(DATADIR)/mizan/cameo.tsv
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MAN_PAGES)))
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/mizan/dict/,$(notdir $(SHARE_DICT)))
	rm -f $(addprefix $(DESTDIR)$(DOCDIR)/,LICENSE NOTICE CITATION.cff README.md LICENSE.models)
	-rmdir $(DESTDIR)$(DATADIR)/mizan/dict $(DESTDIR)$(DATADIR)/mizan $(DESTDIR)$(DOCDIR) 2>/dev/null

format:
	clang-format -i include/*.h src/*/*.c src/*/*.h tests/*.c tests/unit/*.c bench/*.c tools/*.c

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)

# ---- fuzzing (see fuzz/README.md) --------------------------------------------------------
# `make fuzz` builds the libFuzzer targets fuzz/fuzz_*.c into build/fuzz/.  The library is
# built there by the rules above in a sub-make (BUILD=fuzz) with clang and
# -fsanitize=fuzzer-no-link,address,undefined; each target is linked with -fsanitize=fuzzer.
# `make fuzz-smoke` replays fuzz/regressions/<target>/ and then fuzzes each target for
# FUZZ_SECONDS on fuzz/corpus/<target>/; any crash, leak, timeout or sanitizer report fails it.
# `make check` runs it last: about 40 s of fuzzing, plus 30 s to build build/fuzz from scratch.
FUZZ_CC ?= clang-14
FUZZ_SECONDS ?= 10
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)
ifeq ($(BUILD),fuzz)
  ifneq ($(CC),$(FUZZ_CC))
    $(error build/fuzz is built by `make fuzz` only (clang, sanitizers); choose another BUILD name)
  endif
endif

.PHONY: fuzz fuzz-bins fuzz-smoke
fuzz:
	$(MAKE) BUILD=fuzz CC=$(FUZZ_CC) CFLAGS="-O1 $(FUZZ_SAN) -fsanitize=fuzzer-no-link" fuzz-bins

# Only meaningful inside the sub-make above, where build/fuzz/libmizan.a has a rule.
fuzz-bins: $(FUZZ_BIN)

build/fuzz/fuzz_%: fuzz/fuzz_%.c build/fuzz/libmizan.a
	$(FUZZ_CC) $(BASE_CFLAGS) -O1 $(FUZZ_SAN) -fsanitize=fuzzer -MMD -MP -o $@ $< \
	  build/fuzz/libmizan.a $(LIBS)

fuzz-smoke: fuzz
	bash fuzz/smoke.sh build/fuzz $(FUZZ_SECONDS)
