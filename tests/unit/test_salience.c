/*
 * Unit tests of the salience model (src/dict/salience.h): reading and writing its text format,
 * the errors a malformed model gives, which acts it judges, and its probabilities; and of the
 * coder's use of it: an act with both parties named is never judged.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "dict/salience.h"

static const char model[] = "# a model written for the tests\n"
                            "lang ar\n"
                            "types PROTEST ASSAULT\n"
                            "dims 16\n"
                            "threshold 0.4\n"
                            "threshold ASSAULT 0.3\n"
                            "told 0.005\n"
                            "3 1.5\n"
                            "7 -2.0\n";

static void reads_and_scores(void **state)
{
    (void)state;
    mz_salience m;
    mz_error err = {0};
    assert_int_equal(mz_salience_parse(&m, "t", model, sizeof model - 1, &err), MZ_OK);
    assert_string_equal(m.lang, "ar");
    assert_int_equal(m.ntypes, 2);
    assert_int_equal(m.dims, 16);
    assert_true(m.threshold > 0.39 && m.threshold < 0.41);
    /* ASSAULT has its own threshold, PROTEST the model's */
    assert_true(mz_salience_threshold(&m, "ASSAULT") > 0.29 && mz_salience_threshold(&m, "ASSAULT") < 0.31);
    assert_true(mz_salience_threshold(&m, "PROTEST") > 0.39 && mz_salience_threshold(&m, "PROTEST") < 0.41);
    assert_true(m.told_threshold > 0.0049 && m.told_threshold < 0.0051); /* acts with both parties named */
    assert_true(mz_salience_judges(&m, "ar", "ASSAULT"));
    assert_false(mz_salience_judges(&m, "en", "ASSAULT"));
    assert_false(mz_salience_judges(&m, "ar", "CONSULT"));
    /* features are reduced modulo dims: 19 is 3, 23 is 7 */
    const uint32_t f[] = {19, 23};
    double p = mz_salience_prob(&m, "PROTEST", f, 2); /* sigmoid(1.5 - 2.0) */
    assert_true(p > 0.377 && p < 0.378);
    assert_true(mz_salience_prob(&m, "PROTEST", f, 0) == 0.5);
    mz_salience_free(&m);
}

/* In a typed model each type reads the weights at its own mix of the feature. */
static void typed_models_keep_types_apart(void **state)
{
    (void)state;
    char text[256];
    uint32_t fa = mz_salience_mix(5, 0) & 15, fb = mz_salience_mix(5, 1) & 15;
    assert_int_not_equal(fa, fb); /* the two types read feature 5 in different slots */
    snprintf(text, sizeof text, "lang ar\ntypes PROTEST ASSAULT\ndims 16\ntyped\n%u 2.0\n", fa);
    mz_salience m;
    mz_error err = {0};
    assert_int_equal(mz_salience_parse(&m, "t", text, strlen(text), &err), MZ_OK);
    assert_true(m.typed);
    const uint32_t f[] = {5};
    assert_true(mz_salience_prob(&m, "PROTEST", f, 1) > 0.88); /* sigmoid(2.0) */
    assert_true(mz_salience_prob(&m, "ASSAULT", f, 1) == 0.5);
    char buf[512] = "";
    FILE *out = fmemopen(buf, sizeof buf, "w");
    assert_non_null(out);
    assert_int_equal(mz_salience_write(&m, out), 0);
    fclose(out);
    assert_non_null(strstr(buf, "\ntyped\n"));
    mz_salience_free(&m);
}

static void writes_what_it_reads(void **state)
{
    (void)state;
    mz_salience m, again;
    mz_error err = {0};
    assert_int_equal(mz_salience_parse(&m, "t", model, sizeof model - 1, &err), MZ_OK);
    char buf[512] = "";
    FILE *f = fmemopen(buf, sizeof buf, "w");
    assert_non_null(f);
    assert_int_equal(mz_salience_write(&m, f), 0);
    fclose(f);
    assert_int_equal(mz_salience_parse(&again, "t", buf, strlen(buf), &err), MZ_OK);
    assert_int_equal(again.dims, m.dims);
    assert_true(again.type_has_threshold[1] && !again.type_has_threshold[0]);
    assert_true(again.type_threshold[1] > 0.29 && again.type_threshold[1] < 0.31);
    assert_true(again.told_threshold > 0.0049 && again.told_threshold < 0.0051);
    assert_memory_equal(again.w, m.w, m.dims * sizeof *m.w);
    mz_salience_free(&m);
    mz_salience_free(&again);
}

/* Each malformed model is refused with a message naming the line. */
static void malformed_models(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        long line;
        const char *says;
    } bad[] = {
        {"lang ar\ntypes PROTEST\n3 1.0\n", 3, "below 'dims'"},
        {"lang ar\ntypes PROTEST\ndims 10\n", 3, "power of two"},
        {"lang ar\ntypes PROTEST\ndims 8\n9 1.0\n", 4, "below 'dims'"},
        {"lang ar\ncolour blue\n", 2, "unknown model line"},
        {"lang ar\nthreshold PROTEST 0.3\ntypes PROTEST\n", 2, "of a type listed before"},
        {"lang ar\ntypes PROTEST\nthreshold\n", 3, "of a type listed before"},
        {"types PROTEST\ndims 8\n", 0, "needs lang"},
        {"", 0, "needs lang"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        mz_salience m;
        mz_error err = {0};
        assert_int_equal(mz_salience_parse(&m, "bad.txt", bad[i].text, strlen(bad[i].text), &err), MZ_ERR_PARSE);
        assert_int_equal(err.line, bad[i].line);
        if (!strstr(err.message, bad[i].says))
            fail_msg("case %zu: '%s' does not say '%s'", i, err.message, bad[i].says);
        assert_null(m.w);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_and_scores),
        cmocka_unit_test(typed_models_keep_types_apart),
        cmocka_unit_test(writes_what_it_reads),
        cmocka_unit_test(malformed_models),
    };
    return cmocka_run_group_tests_name("salience", tests, NULL, NULL);
}
