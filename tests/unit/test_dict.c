/* Unit tests of the dictionary layer: the loader's errors (with file and line), the matcher,
 * dated actors, and coding through the public API with a small dictionary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "dict/matcher.h"
#include "mizan.h"

static mz_status load(mz_engine *e, mz_dict_kind k, const char *text, mz_error *err)
{
    return mz_engine_load_text(e, k, "test.txt", text, strlen(text), err);
}

static void malformed_lines_report_file_and_line(void **state)
{
    (void)state;
    static const struct {
        mz_dict_kind kind;
        const char *text;
        long line;
        const char *words;
    } cases[] = {
        {MZ_DICT_ACTORS, "RUS : Russia\nRUS Russia\n", 2, "missing ':'"},
        {MZ_DICT_ACTORS, "# c\nrus : Russia\n", 2, "invalid"},
        {MZ_DICT_ACTORS, "RUS 2024-13-01.. : Putin\n", 1, "bad date range"},
        {MZ_DICT_ACTORS, "RUS 2024-01-01..2023-01-01 : Putin\n", 1, "ends before"},
        {MZ_DICT_ACTORS, "RUS : Russia || Moscow\n", 1, "empty phrase"},
        {MZ_DICT_ACTORS, "RUS bogus : Russia\n", 1, "unknown flag"},
        {MZ_DICT_VERBS, "999 : attack\n", 1, "invalid CAMEO"},
        {MZ_DICT_VERBS, "072 : زود/زود\n", 1, "PAST/PRESENT"},
        {MZ_DICT_MARKERS, "maybe : perhaps\n", 1, "invalid marker"},
        {MZ_DICT_AGENTS, "GOVERNMENT : cabinet\n", 1, "invalid"},
        {MZ_DICT_ACTORS, "RUS : Rus\xffsia\n", 1, "invalid UTF-8"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mz_engine *e = mz_engine_new();
        mz_error err = {0};
        assert_int_not_equal(load(e, cases[i].kind, cases[i].text, &err), MZ_OK);
        assert_string_equal(err.file, "test.txt");
        assert_int_equal(err.line, cases[i].line);
        assert_non_null(strstr(err.message, cases[i].words));
        mz_engine_free(e);
    }
}

static void matcher_trie(void **state)
{
    (void)state;
    mz_matcher m;
    assert_int_equal(mz_matcher_init(&m), 0);
    uint32_t a = mz_matcher_intern(&m, "north", 5), b = mz_matcher_intern(&m, "korea", 5);
    assert_int_equal(mz_matcher_intern(&m, "north", 5), a);
    uint32_t n1 = mz_matcher_child(&m, 0, a, 1), n2 = mz_matcher_child(&m, n1, b, 1);
    assert_int_equal(mz_matcher_next(&m, 0, a), n1);
    assert_int_equal(mz_matcher_next(&m, n1, b), n2);
    assert_int_equal(mz_matcher_next(&m, 0, b), MZ_NONE);
    assert_int_equal(mz_matcher_word(&m, "south", 5), MZ_NONE);
    /* many words: the tables grow and every lookup still finds its word */
    char w[16];
    for (int i = 0; i < 5000; i++) {
        int k = snprintf(w, sizeof w, "w%d", i);
        mz_matcher_child(&m, 0, mz_matcher_intern(&m, w, (size_t)k), 1);
    }
    for (int i = 0; i < 5000; i += 7) {
        int k = snprintf(w, sizeof w, "w%d", i);
        assert_int_not_equal(mz_matcher_next(&m, 0, mz_matcher_word(&m, w, (size_t)k)), MZ_NONE);
    }
    mz_matcher_free(&m);
}

/* Codes one sentence with a small engine and returns "SRC CODE TGT" of the first event. */
static const char *code_one(mz_engine *e, const char *text, const char *date, char *out)
{
    mz_coder *c = mz_coder_new(e, 0);
    mz_doc d = {.id = "t", .date = date, .text = text, .len = strlen(text)};
    const mz_event *ev;
    size_t n;
    mz_error err = {0};
    assert_int_equal(mz_coder_code(c, &d, &ev, &n, &err), MZ_OK);
    if (n)
        snprintf(out, 64, "%s %s %s", ev[0].source, ev[0].code, ev[0].target);
    else
        strcpy(out, "none");
    mz_coder_free(c);
    return out;
}

static void dated_actors_and_small_dictionary(void **state)
{
    (void)state;
    mz_engine *e = mz_engine_new();
    mz_error err = {0};
    assert_int_equal(load(e, MZ_DICT_ACTORS,
                          "USA : United States\nUKR : Ukraine\n"
                          "USAGOV 2017-01-20..2021-01-20 : Trump\n"
                          "USAELI 2021-01-21..2025-01-19 : Trump\n", &err), MZ_OK);
    assert_int_equal(load(e, MZ_DICT_VERBS, "042 : visit\n", &err), MZ_OK);
    assert_int_equal(mz_engine_compile(e, &err), MZ_OK);
    char out[64];
    assert_string_equal(code_one(e, "Trump visited Ukraine.", "2018-05-01", out), "USAGOV 042 UKR");
    assert_string_equal(code_one(e, "Trump visited Ukraine.", "2022-05-01", out), "USAELI 042 UKR");
    assert_string_equal(code_one(e, "The United States visits Ukraine.", NULL, out), "USA 042 UKR");
    assert_int_equal(mz_engine_count(e, MZ_DICT_ACTORS, 'e'), 4);
    assert_int_equal(load(e, MZ_DICT_ACTORS, "RUS : Russia\n", &err), MZ_ERR_ARG); /* compiled */
    mz_engine_free(e);
}

static void bad_documents(void **state)
{
    (void)state;
    mz_engine *e = mz_engine_new();
    mz_error err = {0};
    assert_int_equal(mz_engine_compile(e, &err), MZ_OK);
    mz_coder *c = mz_coder_new(e, 0);
    const mz_event *ev;
    size_t n;
    mz_doc d = {.id = "t", .text = "ab\xff", .len = 3};
    assert_int_equal(mz_coder_code(c, &d, &ev, &n, &err), MZ_ERR_UTF8);
    d = (mz_doc){.id = "t", .text = "a\0b", .len = 3};
    assert_int_equal(mz_coder_code(c, &d, &ev, &n, &err), MZ_ERR_UTF8);
    d = (mz_doc){.id = "t", .text = "abc", .len = 3, .date = "2024-02-30"};
    assert_int_equal(mz_coder_code(c, &d, &ev, &n, &err), MZ_ERR_PARSE);
    d = (mz_doc){.id = "t", .text = "", .len = 0};
    assert_int_equal(mz_coder_code(c, &d, &ev, &n, &err), MZ_OK);
    assert_int_equal(n, 0);
    mz_coder_free(c);
    mz_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(malformed_lines_report_file_and_line),
        cmocka_unit_test(matcher_trie),
        cmocka_unit_test(dated_actors_and_small_dictionary),
        cmocka_unit_test(bad_documents),
    };
    return cmocka_run_group_tests_name("dict", tests, NULL, NULL);
}
