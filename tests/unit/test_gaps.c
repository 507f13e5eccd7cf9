/* Unit tests of dict/gaps.c on a small dictionary written here: what a phrase covers is not
 * listed, the classes take their words, Arabic verbs with a conjunction are counted under the
 * bare form, a phrase nearly always continued gives way to the longer one, and listing can be
 * repeated as documents come. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "dict/gaps.h"
#include "mizan.h"

static mz_engine *small_engine(void)
{
    static const char actors[] = "RUS : Russia | روسيا\nRUS adj : Russian | روسي\n";
    static const char agents[] = "GOV : minister | وزير\n";
    static const char verbs[] = "111 : condemn | أدان/يدين\n";
    mz_engine *e = mz_engine_new();
    mz_error err = {0};
    assert_int_equal(mz_engine_load_text(e, MZ_DICT_ACTORS, "a", actors, strlen(actors), &err), MZ_OK);
    assert_int_equal(mz_engine_load_text(e, MZ_DICT_AGENTS, "g", agents, strlen(agents), &err), MZ_OK);
    assert_int_equal(mz_engine_load_text(e, MZ_DICT_VERBS, "v", verbs, strlen(verbs), &err), MZ_OK);
    assert_int_equal(mz_engine_compile(e, &err), MZ_OK);
    return e;
}

/* The count of a listed phrase of a class, 0 when not listed. */
static size_t listed(mz_gaps *g, mz_gap_class cls, const char *phrase)
{
    const mz_gap *v;
    size_t n = mz_gaps_list(g, &v);
    assert_true(n != (size_t)-1);
    for (size_t i = 0; i < n; i++)
        if (v[i].cls == cls && strcmp(v[i].phrase, phrase) == 0)
            return v[i].count;
    return 0;
}

static int add(mz_gaps *g, const char *text, int arabic)
{
    return mz_gaps_add(g, text, strlen(text), arabic);
}

static void english_classes(void **state)
{
    (void)state;
    mz_engine *e = small_engine();
    mz_gaps *g = mz_gaps_new(e);
    assert_non_null(g);
    assert_int_equal(add(g, "The minister said the Quorvel Accord Council condemned Russia. "
                            "Russia was redeploying troops, and Russian sailors redeployed.", 0), 0);
    assert_int_equal(listed(g, MZ_GAP_NAME, "Quorvel Accord Council"), 1);
    assert_int_equal(listed(g, MZ_GAP_VERB, "redeploying"), 2); /* one stem for both forms */
    assert_int_equal(listed(g, MZ_GAP_TITLE, "sailors"), 1);
    assert_int_equal(listed(g, MZ_GAP_VERB, "condemned"), 0);  /* a dictionary verb */
    assert_int_equal(listed(g, MZ_GAP_NAME, "The"), 0);        /* a function word */
    /* listing again after more text counts everything once */
    assert_int_equal(add(g, "Officials in Russia met the Quorvel Accord Council.", 0), 0);
    assert_int_equal(listed(g, MZ_GAP_NAME, "Quorvel Accord Council"), 2);
    assert_int_equal(listed(g, MZ_GAP_NAME, "Quorvel Accord Council"), 2);
    mz_gaps_free(g);
    mz_engine_free(e);
}

static void arabic_classes(void **state)
{
    (void)state;
    mz_engine *e = small_engine();
    mz_gaps *g = mz_gaps_new(e);
    assert_non_null(g);
    /* استكشاف is a verbal noun (استفعال); with the conjunction it is counted under the bare form */
    assert_int_equal(add(g, "أعلنت روسيا استكشاف حقل. وقالت روسيا إن الاستكشاف بدأ. وروسيا تريد واستكشاف.", 1), 0);
    assert_int_equal(listed(g, MZ_GAP_VERB, "استكشاف"), 3);
    /* حزب زورفان is always followed by للسلام: only the longer name is listed */
    assert_int_equal(add(g, "أدان حزب زورفان للسلام روسيا. ودعا حزب زورفان للسلام روسيا.", 1), 0);
    assert_int_equal(listed(g, MZ_GAP_NAME, "حزب زورفان للسلام"), 2);
    assert_int_equal(listed(g, MZ_GAP_NAME, "حزب زورفان"), 0);
    /* a title after وزير, a noun before a country adjective */
    assert_int_equal(add(g, "أدان وزير الري روسيا. وأدانت الجامعات الروسية روسيا.", 1), 0);
    assert_int_equal(listed(g, MZ_GAP_TITLE, "وزير الري"), 1);
    assert_int_equal(listed(g, MZ_GAP_TITLE, "الجامعات"), 1);
    mz_gaps_free(g);
    mz_engine_free(e);
}

static void known_phrases(void **state)
{
    (void)state;
    mz_engine *e = small_engine();
    mz_gaps *g = mz_gaps_new(e);
    assert_non_null(g);
    assert_int_equal(add(g, "The minister condemned Russia.", 0), 0);
    assert_int_equal(listed(g, MZ_GAP_KNOWN, "condemned (verb 111)"), 0); /* off by default */
    mz_gaps_count_known(g, 1);
    assert_int_equal(add(g, "Russian troops condemned Russia.", 0), 0);
    assert_int_equal(listed(g, MZ_GAP_KNOWN, "condemned (verb 111)"), 1);
    assert_int_equal(listed(g, MZ_GAP_KNOWN, "Russia (actor RUS)"), 1);
    assert_int_equal(listed(g, MZ_GAP_KNOWN, "Russian (adjective RUS)"), 1);
    mz_gaps_free(g);
    mz_engine_free(e);
}

static void empty_and_uncompiled(void **state)
{
    (void)state;
    mz_engine *raw = mz_engine_new();
    assert_null(mz_gaps_new(raw)); /* the engine must be compiled */
    mz_engine_free(raw);
    mz_engine *e = small_engine();
    mz_gaps *g = mz_gaps_new(e);
    const mz_gap *v;
    assert_int_equal(add(g, "", 0), 0);
    assert_int_equal(mz_gaps_list(g, &v), 0);
    assert_string_equal(mz_gap_class_name(MZ_GAP_TITLE), "title");
    mz_gaps_free(g);
    mz_gaps_free(NULL);
    mz_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(english_classes),
        cmocka_unit_test(arabic_classes),
        cmocka_unit_test(known_phrases),
        cmocka_unit_test(empty_and_uncompiled),
    };
    return cmocka_run_group_tests_name("gaps", tests, NULL, NULL);
}
