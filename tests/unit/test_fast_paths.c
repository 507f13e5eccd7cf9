/*
 * Unit tests of the coder's fast paths against the slow ones they stand for: the code-point
 * table against the folding rules it is generated from, the UTF-8 validator's shortcuts, the
 * tokenizer's plain-ASCII words, the per-coder memo of known keys, and the buffer's one-pass
 * formatting and JSON escaping by runs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "code/keycache.h"
#include "text/fold.h"
#include "text/token.h"
#include "text/utf8.h"
#include "util/buf.h"

/* Every entry of the table says what the rules say; regenerate the table when this fails
 * (tools/gen_fold_table.c). */
static void table_matches_rules(void **state)
{
    (void)state;
    for (int32_t cp = 0; cp < MZ_CPTAB_PUNCT_END; cp++) {
        const mz_cpinfo *e = mz_cp_table_entry(cp);
        if (!e)
            continue;
        char fold[64];
        int n = mz_fold_cp_ref(cp, fold);
        if (e->cls != mz_char_class_ref(cp) || e->upper != mz_is_upper_ref(cp) || e->flen != n ||
            memcmp(e->fold, fold, (size_t)n) != 0)
            fail_msg("table entry of U+%04X differs from the rules", (unsigned)cp);
    }
    /* the bytes of plain ASCII words */
    for (int32_t b = 0; b < 256; b++) {
        unsigned k = mz_ascii_word[b];
        mz_chclass cls = b < 0x80 ? mz_char_class_ref(b) : MZ_CH_OTHER;
        char fold[64];
        if (!k) {
            assert_true(cls != MZ_CH_LATIN && cls != MZ_CH_DIGIT);
            continue;
        }
        assert_int_equal(mz_fold_cp_ref(b, fold), 1);
        assert_int_equal(k & 0xFF, (unsigned char)fold[0]);
        assert_int_equal((k & MZ_AW_LETTER) != 0, cls == MZ_CH_LATIN);
        assert_int_equal((k & MZ_AW_UPPER) != 0, mz_is_upper_ref(b));
    }
    /* outside the table the answers come from the rules themselves */
    const int32_t outside[] = {0x0800, 0x1E9E, 0x2070, 0x3042, 0xFB50, 0xFDFA, 0xFEFF, 0x1F600};
    for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++) {
        char a[MZ_FOLD_MAX], b[64];
        assert_null(mz_cp_table_entry(outside[i]));
        assert_int_equal(mz_char_class(outside[i]), mz_char_class_ref(outside[i]));
        int n = mz_fold_cp(outside[i], a);
        assert_int_equal(n, mz_fold_cp_ref(outside[i], b));
        assert_memory_equal(a, b, (size_t)n);
    }
    assert_int_equal(mz_char_class(-1), MZ_CH_SPACE); /* the end of text */
}

static void utf8_check_fast_paths(void **state)
{
    (void)state;
    size_t bad = 0;
    const char *why = NULL;
    /* a NUL or a bad byte inside or right after a run of ASCII long enough for the 8-byte path */
    assert_int_equal(mz_utf8_check("abcdefghijklmnop\0q", 18, &bad, &why), -1);
    assert_int_equal(bad, 16);
    assert_int_equal(mz_utf8_check("abcdefgh\0ijklmnop", 17, &bad, &why), -1);
    assert_int_equal(bad, 8);
    assert_int_equal(mz_utf8_check("abcdefghij\x80", 11, &bad, &why), -1);
    assert_int_equal(bad, 10);
    /* two-byte sequences: Arabic passes, a lead byte without its continuation does not */
    const char *ar = "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8 abc";
    assert_int_equal(mz_utf8_check(ar, strlen(ar), &bad, &why), 0);
    assert_int_equal(mz_utf8_check("\xd8\xa7\xd8", 3, &bad, &why), -1);
    assert_int_equal(bad, 2);
    assert_int_equal(mz_utf8_check("\xd8\xa7\xd8 ", 4, &bad, &why), -1);
    assert_int_equal(bad, 2);
    assert_int_equal(mz_utf8_check("\xc1\xbf", 2, &bad, &why), -1); /* overlong two-byte */
    assert_int_equal(bad, 0);
}

/* The validator's answer the slow way: one sequence at a time through the full decoder. */
static int utf8_check_ref(const char *s, size_t n, size_t *bad)
{
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int len = s[i] ? mz_utf8_decode((const unsigned char *)s + i, n - i, &cp) : -1;
        if (len < 0) {
            *bad = i;
            return -1;
        }
        i += (size_t)len;
    }
    return 0;
}

/* The eight-byte path (ASCII and two-byte sequences read as one word) against the slow way, on
 * random strings made mostly of the bytes it decides on: leads, continuations, NUL, C0/C1. */
static void utf8_check_words_agree(void **state)
{
    (void)state;
    static const unsigned char pool[] = {'a', ' ', '.', 0x00, 0x7f, 0xc0, 0xc1, 0xc2, 0xd8, 0xd9,
                                         0xdf, 0x80, 0xa7, 0xbf, 0xe0, 0xe2, 0xed, 0xf0, 0xf4, 0xff};
    uint64_t x = 88172645463325252ull;
    char s[40];
    for (int round = 0; round < 300000; round++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        size_t n = (size_t)(x % sizeof s);
        for (size_t i = 0; i < n; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            unsigned r = (unsigned)(x >> 32) % 8;
            /* mostly valid: ASCII or a two-byte pair; else any byte of the pool */
            if (r < 3) {
                s[i] = (char)('a' + r);
            } else if (r < 6 && i + 1 < n) {
                s[i++] = (char)(0xc2 + (x >> 40) % 30);
                s[i] = (char)(0x80 + (x >> 48) % 64);
            } else {
                s[i] = (char)pool[(x >> 24) % sizeof pool];
            }
        }
        size_t bad = 0, bad_ref = 0;
        const char *why;
        int rc = mz_utf8_check(s, n, &bad, &why);
        assert_int_equal(rc, utf8_check_ref(s, n, &bad_ref));
        if (rc < 0) {
            assert_int_equal(bad, bad_ref);
            assert_string_equal(why, s[bad] ? "invalid UTF-8" : "NUL byte");
        }
    }
}

/* mz_buf_printf formats into the room left, and again after growing when that is too small:
 * short and long appends alike come out as snprintf writes them, NUL-terminated. */
static void buf_printf_one_or_two_passes(void **state)
{
    (void)state;
    mz_buf b = MZ_BUF_INIT;
    char want[600] = "", piece[300];
    for (int i = 0; i < 40; i++) {
        int w = (i * 37) % 250;
        mz_buf_printf(&b, "%d:%*s|%.1f;", i, w, "x", i * 0.25);
        snprintf(piece, sizeof piece, "%d:%*s|%.1f;", i, w, "x", i * 0.25);
        if (strlen(want) + strlen(piece) >= sizeof want) {
            want[0] = '\0';
            mz_buf_clear(&b);
            continue;
        }
        strcat(want, piece);
        assert_int_equal(b.len, strlen(want));
        assert_string_equal(b.data, want);
    }
    mz_buf_free(&b);
}

/* JSON string escaping, which skips plain runs eight bytes at a time, against escaping byte by
 * byte, on random strings of plain bytes, quotes, backslashes and control characters. */
static void json_str_runs_agree(void **state)
{
    (void)state;
    static const char pool[] = "ab \xd8\xa7\"\\\n\t\r\x01\x1f\x7f";
    uint64_t x = 0x2545F4914F6CDD1Dull;
    char s[40], want[40 * 6 + 3];
    mz_buf b = MZ_BUF_INIT;
    for (int round = 0; round < 100000; round++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        size_t n = (size_t)(x % sizeof s), w = 0;
        want[w++] = '"';
        for (size_t i = 0; i < n; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            unsigned char c = (x >> 40) % 4 ? 'a' : (unsigned char)pool[(x >> 20) % (sizeof pool - 1)];
            s[i] = (char)c;
            const char *esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\t' ? "\\t"
                              : c == '\r' ? "\\r" : NULL;
            if (esc)
                w += (size_t)sprintf(want + w, "%s", esc);
            else if (c < 0x20)
                w += (size_t)sprintf(want + w, "\\u%04x", c);
            else
                want[w++] = (char)c;
        }
        want[w++] = '"';
        mz_buf_clear(&b);
        mz_buf_json_str(&b, s, n);
        assert_int_equal(b.len, w);
        assert_memory_equal(b.data, want, w);
    }
    mz_buf_free(&b);
}

/* The words the tokenizer reads on its plain-ASCII path, next to the ones it leaves to the
 * full reader (abbreviations, numbers, apostrophes, accents). */
static void ascii_words(void **state)
{
    (void)state;
    const char *text = "NATO said, U.S. troops didn't leave 1,000.5 km; O'Brien's Élysée visit.";
    const char *forms[] = {"nato", "said", ",", "us", "troops", "did", "n't", "leave",
                           "1,000.5", "km", ";", "o'brien", "'s", "elysee", "visit", "."};
    mz_tokens t = {0};
    assert_int_equal(mz_tokenize(text, strlen(text), &t), 0);
    assert_int_equal(t.n, sizeof forms / sizeof forms[0]);
    for (size_t i = 0; i < t.n; i++)
        assert_string_equal(mz_tok_fold(&t, i), forms[i]);
    assert_true(t.v[0].flags & MZ_TOK_CAPS);
    assert_true(t.v[3].flags & MZ_TOK_ABBREV);
    assert_true(t.v[8].flags & MZ_TOK_NUM);
    /* the padding after the last form */
    const char *last = mz_tok_fold(&t, t.n - 1);
    for (size_t i = 0; i < MZ_TOK_FOLD_PAD; i++)
        assert_int_equal(last[2 + i], 0);
    mz_tokens_free(&t);
}

/* Remembers `n` keys for a form; returns the word. */
static mz_keycache_word remember(mz_keycache *kc, const char *form, unsigned kind, int n)
{
    char padded[MZ_KEYCACHE_FOLD_MAX] = {0};
    memcpy(padded, form, strlen(form));
    mz_keycache_word w;
    mz_keycache_word_make(&w, padded, strlen(form), kind);
    mz_kcand keys[3] = {{(uint32_t)strlen(form), 1, 0}, {7, 2, 1}, {9, 0, 2}};
    mz_keycache_put(kc, &w, keys, n);
    return w;
}

static void keycache_remembers(void **state)
{
    (void)state;
    mz_keycache *kc = mz_keycache_new();
    assert_non_null(kc);
    const mz_kcand *keys = NULL;
    mz_keycache_word said = remember(kc, "said", 1, 1);
    mz_keycache_word none = remember(kc, "the", 1, 0);
    assert_int_equal(mz_keycache_get(kc, &said, &keys), 1);
    assert_int_equal(keys[0].word, 4);
    assert_int_equal(mz_keycache_get(kc, &none, &keys), 0);
    /* the same form with another kind, or bytes past the form that differ, is another word */
    char junk[MZ_KEYCACHE_FOLD_MAX];
    memset(junk, 'x', sizeof junk);
    memcpy(junk, "said", 4);
    mz_keycache_word w;
    mz_keycache_word_make(&w, junk, 4, 1);
    assert_int_equal(mz_keycache_get(kc, &w, &keys), 1);
    mz_keycache_word_make(&w, junk, 4, 2);
    assert_int_equal(mz_keycache_get(kc, &w, &keys), -1);
    mz_keycache_word_make(&w, junk, 5, 1);
    assert_int_equal(mz_keycache_get(kc, &w, &keys), -1);
    /* too many keys: not remembered */
    mz_keycache_word many = remember(kc, "many", 1, 4);
    assert_int_equal(mz_keycache_get(kc, &many, &keys), -1);
    /* many words: the memo stays bounded and never answers wrongly */
    char form[16];
    for (int i = 0; i < 100000; i++) {
        snprintf(form, sizeof form, "w%d", i);
        remember(kc, form, 1, 1 + i % 3);
    }
    for (int i = 0; i < 100000; i += 7) {
        snprintf(form, sizeof form, "w%d", i);
        char padded[MZ_KEYCACHE_FOLD_MAX] = {0};
        memcpy(padded, form, strlen(form));
        mz_keycache_word_make(&w, padded, strlen(form), 1);
        int n = mz_keycache_get(kc, &w, &keys);
        if (n >= 0) {
            assert_int_equal(n, 1 + i % 3);
            assert_int_equal(keys[0].word, strlen(form));
        }
    }
    mz_keycache_free(kc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(table_matches_rules), cmocka_unit_test(utf8_check_fast_paths),
        cmocka_unit_test(utf8_check_words_agree),
        cmocka_unit_test(ascii_words), cmocka_unit_test(keycache_remembers),
        cmocka_unit_test(buf_printf_one_or_two_passes), cmocka_unit_test(json_str_runs_agree),
    };
    return cmocka_run_group_tests_name("fast paths", tests, NULL, NULL);
}
