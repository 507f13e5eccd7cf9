/* Unit tests of the text layer: UTF-8, folding, tokens, sentences, Arabic clitics and verbs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "text/arverb.h"
#include "text/clitic.h"
#include "text/fold.h"
#include "text/token.h"
#include "text/utf8.h"

static void utf8_check_reports_offset(void **state)
{
    (void)state;
    size_t bad = 0;
    const char *why = NULL;
    assert_int_equal(mz_utf8_check("abc", 3, &bad, &why), 0);
    assert_int_equal(mz_utf8_check("ab\xff", 3, &bad, &why), -1);
    assert_int_equal(bad, 2);
    assert_string_equal(why, "invalid UTF-8");
    assert_int_equal(mz_utf8_check("a\0b", 3, &bad, &why), -1);
    assert_int_equal(bad, 1);
    assert_string_equal(why, "NUL byte");
    assert_int_equal(mz_utf8_check("\xe2\x82", 2, &bad, &why), -1);      /* truncated */
    assert_int_equal(mz_utf8_check("\xc0\xaf", 2, &bad, &why), -1);      /* overlong */
    assert_int_equal(mz_utf8_check("\xed\xa0\x80", 3, &bad, &why), -1);  /* surrogate */
}

/* Folds a whole string through the tokenizer's folding, one word. */
static const char *fold_word(const char *s, char *out)
{
    mz_tokens t = {0};
    assert_int_equal(mz_tokenize(s, strlen(s), &t), 0);
    assert_int_equal(t.n, 1);
    strcpy(out, mz_tok_fold(&t, 0));
    mz_tokens_free(&t);
    return out;
}

static void arabic_folding(void **state)
{
    (void)state;
    char out[256];
    assert_string_equal(fold_word("زوّدت", out), "زودت");                 /* shadda */
    assert_string_equal(fold_word("روســيا", out), "روسيا");              /* tatweel */
    assert_string_equal(fold_word("أمريكا", out), fold_word("امريكا", out + 128));
    assert_string_equal(fold_word("إيران", out), "ايران");
    assert_string_equal(fold_word("مصطفى", out), "مصطفي");                /* alef maqsura */
    assert_string_equal(fold_word("العقوبة", out), "العقوبه");            /* ta marbuta */
    assert_string_equal(fold_word("٢٠٢٤", out), "2024");                  /* Arabic-Indic digits */
    assert_string_equal(fold_word("Élysée", out), "elysee");
    /* the folded ta marbuta is told from a written ه by a flag: العقوبة, not عقوب + "his" */
    mz_tokens t = {0};
    const char *s = "العقوبة عقوبه سيطرةً";
    assert_int_equal(mz_tokenize(s, strlen(s), &t), 0);
    assert_int_equal(t.n, 3);
    assert_true(t.v[0].flags & MZ_TOK_FINAL_TA);
    assert_false(t.v[1].flags & MZ_TOK_FINAL_TA);
    assert_true(t.v[2].flags & MZ_TOK_FINAL_TA); /* a mark after it changes nothing */
    mz_tokens_free(&t);
}

static void tokens_and_sentences(void **state)
{
    (void)state;
    const char *text = "Russia's army didn't attack the U.S. on Monday. Mr. Smith said so!\n"
                       "هل انتهت الحرب؟ لا؛ لم تنته.";
    mz_tokens t = {0};
    mz_sentences s = {0};
    assert_int_equal(mz_tokenize(text, strlen(text), &t), 0);
    assert_string_equal(mz_tok_fold(&t, 0), "russia");
    assert_string_equal(mz_tok_fold(&t, 1), "'s");
    assert_string_equal(mz_tok_fold(&t, 3), "did");
    assert_string_equal(mz_tok_fold(&t, 4), "n't");
    assert_string_equal(mz_tok_fold(&t, 7), "us");
    assert_true(t.v[7].flags & MZ_TOK_CAPS);
    assert_int_equal(mz_split_sentences(text, &t, &s), 0);
    assert_int_equal(s.n, 5); /* "Mr." and "U.S. on" end none; ! ؟ ؛ and . do */
    mz_sentences_free(&s);
    mz_tokens_free(&t);
}

static void long_sentence_is_cut(void **state)
{
    (void)state;
    char big[MZ_SENT_MAX_TOKENS * 4 + 16];
    size_t n = 0;
    for (int i = 0; i < MZ_SENT_MAX_TOKENS + 10; i++)
        n += (size_t)sprintf(big + n, "ab ");
    mz_tokens t = {0};
    mz_sentences s = {0};
    assert_int_equal(mz_tokenize(big, n, &t), 0);
    assert_int_equal(mz_split_sentences(big, &t, &s), 0);
    assert_int_equal(s.n, 2);
    mz_sentences_free(&s);
    mz_tokens_free(&t);
}

static int has_cand(const mz_cand *c, int n, const char *s, unsigned flags)
{
    for (int i = 0; i < n; i++)
        if (strcmp(c[i].s, s) == 0 && (c[i].flags & flags) == flags)
            return 1;
    return 0;
}

static void clitic_candidates(void **state)
{
    (void)state;
    mz_cand c[MZ_CAND_MAX];
    char f[256];
    fold_word("والعقوبات", f);
    int n = mz_ar_candidates(f, strlen(f), c);
    assert_true(has_cand(c, n, "عقوبات", MZ_CL_CONJ | MZ_CL_DEF));
    fold_word("لروسيا", f);
    n = mz_ar_candidates(f, strlen(f), c);
    assert_true(has_cand(c, n, "روسيا", MZ_CL_LI));
    fold_word("للولايات", f);
    n = mz_ar_candidates(f, strlen(f), c);
    assert_true(has_cand(c, n, "ولايات", MZ_CL_LI | MZ_CL_DEF));
    fold_word("سيزور", f);
    n = mz_ar_candidates(f, strlen(f), c);
    assert_true(has_cand(c, n, "يزور", MZ_CL_FUT));
    fold_word("اتفاقهما", f);
    n = mz_ar_candidates(f, strlen(f), c);
    assert_true(has_cand(c, n, "اتفاق", MZ_CL_SUFFIX | MZ_CL_DUAL));
    fold_word("علاقتها", f);
    n = mz_ar_candidates(f, strlen(f), c);
    assert_true(has_cand(c, n, "علاقه", MZ_CL_SUFFIX));
    fold_word("عسكرياً", f);
    n = mz_ar_candidates(f, strlen(f), c);
    assert_true(has_cand(c, n, "عسكري", 0));
    /* the unsplit word always comes first */
    fold_word("بريطانيا", f);
    n = mz_ar_candidates(f, strlen(f), c);
    assert_string_equal(c[0].s, "بريطانيا");
}

static int has_form(const mz_form *f, int n, const char *s, unsigned flags)
{
    for (int i = 0; i < n; i++)
        if (strcmp(f[i].s, s) == 0 && (f[i].flags & flags) == flags)
            return 1;
    return 0;
}

static void verb_conjugation(void **state)
{
    (void)state;
    mz_form f[MZ_FORMS_MAX];
    int n = mz_ar_conjugate("زود", "يزود", f);
    assert_true(n > 10);
    assert_true(has_form(f, n, "زودت", MZ_FORM_PAST | MZ_FORM_FEM));
    assert_true(has_form(f, n, "زودوا", MZ_FORM_PAST));
    assert_true(has_form(f, n, "تزود", MZ_FORM_PRES | MZ_FORM_FEM));
    assert_true(has_form(f, n, "يزودون", MZ_FORM_PRES));
    n = mz_ar_conjugate("اعطي", "يعطي", f); /* أعطى: weak final letter */
    assert_true(has_form(f, n, "اعطت", MZ_FORM_PAST | MZ_FORM_FEM));
    assert_true(has_form(f, n, "يعطون", MZ_FORM_PRES));
    assert_int_equal(mz_ar_conjugate("زود", "زود", f), 0); /* present must start with ي */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_check_reports_offset), cmocka_unit_test(arabic_folding),
        cmocka_unit_test(tokens_and_sentences),     cmocka_unit_test(long_sentence_is_cut),
        cmocka_unit_test(clitic_candidates),        cmocka_unit_test(verb_conjugation),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
