# mizan — one Makefile.  `make` builds build/release/mizan; `make check` builds and runs every
# test twice, optimised and under AddressSanitizer + UndefinedBehaviorSanitizer.

CC ?= cc
PKGS := sqlite3 libxml-2.0 jansson igraph gsl libutf8proc
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

DATA := data/cameo.tsv $(sort $(wildcard data/dict/*.txt))
LIB_SRC := $(sort $(wildcard src/util/*.c src/text/*.c src/dict/*.c src/code/*.c src/io/*.c \
                             src/store/*.c src/analyze/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(OUT)/%.o) $(OUT)/gen/builtin_data.o
CLI_OBJ := $(CLI_SRC:%.c=$(OUT)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(OUT)/tests/%)
BENCH_SRC := $(sort $(wildcard bench/*.c))
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(OUT)/bench/%)

.PHONY: all demo check test test-one deps clean bench format
all: $(OUT)/mizan

$(OUT)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O1 -Wall -Wextra -o $@ $<

$(OUT)/gen/builtin_data.c: $(OUT)/tools/embed $(DATA)
	@mkdir -p $(dir $@)
	$(OUT)/tools/embed $@ $(DATA)

$(OUT)/gen/builtin_data.o: $(OUT)/gen/builtin_data.c
	$(CC) $(CFLAGS_ALL) -Isrc/dict -c -o $@ $<

$(OUT)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

$(OUT)/libmizan.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(OUT)/mizan: $(CLI_OBJ) $(OUT)/libmizan.a
	$(CC) $(LDFLAGS_MODE) -o $@ $(CLI_OBJ) $(OUT)/libmizan.a $(LIBS)

$(OUT)/tests/%: tests/unit/%.c $(OUT)/libmizan.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -o $@ $< $(OUT)/libmizan.a $(LIBS) -lcmocka $(LDFLAGS_MODE)

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

test: check

demo: $(OUT)/mizan
	$(OUT)/mizan code --date 2024-06-20 examples/article_ar.txt

bench: $(BENCH_BIN) $(OUT)/mizan
	@for b in $(BENCH_BIN); do echo "== $$b"; $$b || exit 1; done

deps:
	bash scripts/deps.sh

format:
	clang-format -i include/*.h src/*/*.c src/*/*.h tests/*.c tests/unit/*.c bench/*.c tools/*.c

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
