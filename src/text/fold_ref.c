/*
 * fold_ref.c — the definition of character classes and folding (fold.h), one code point at a
 * time through utf8proc.
 *
 * These functions are the rules; fold.c answers from a table made from them for the code points
 * that text is mostly made of, and calls them for the rest.  tools/gen_fold_table.c builds the
 * table by calling them, and the text unit tests check that table and rules agree.
 */
#include "fold.h"

#include <utf8proc.h>

#include "utf8.h"

/* Folding of the Arabic block U+0621..U+06FF as data: FOLD_DROP removes the character,
 * 0 keeps it, anything else replaces it. */
enum { FOLD_DROP = -1 };

typedef struct fold_rule {
    int32_t from;
    int32_t to;
} fold_rule;

static const fold_rule arabic_rules[] = {
    {0x0622, 0x0627}, /* آ → ا */
    {0x0623, 0x0627}, /* أ → ا */
    {0x0624, 0x0621}, /* ؤ → ء: hamza seats vary with case (حلفاؤ, حلفاء, حلفائ) */
    {0x0625, 0x0627}, /* إ → ا */
    {0x0626, 0x0621}, /* ئ → ء */
    {0x0629, 0x0647}, /* ة → ه */
    {0x0640, FOLD_DROP}, /* tatweel */
    {0x0649, 0x064A}, /* ى → ي */
    {0x0670, FOLD_DROP}, /* superscript alef */
    {0x0671, 0x0627}, /* ٱ → ا */
    {0x06A9, 0x0643}, /* Persian kaf → ك */
    {0x06AA, 0x0643},
    {0x06C1, 0x0647}, /* heh goal → ه */
    {0x06C3, 0x0647},
    {0x06CC, 0x064A}, /* Persian yeh → ي */
    {0x06D2, 0x064A},
};

static int32_t arabic_fold(int32_t cp)
{
    if (cp >= 0x064B && cp <= 0x065F)
        return FOLD_DROP; /* harakat, shadda, sukun and other marks */
    if (cp >= 0x0660 && cp <= 0x0669)
        return '0' + (cp - 0x0660);
    if (cp >= 0x06F0 && cp <= 0x06F9)
        return '0' + (cp - 0x06F0);
    size_t lo = 0, hi = sizeof arabic_rules / sizeof arabic_rules[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (arabic_rules[mid].from == cp)
            return arabic_rules[mid].to;
        if (arabic_rules[mid].from < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return cp;
}

mz_chclass mz_char_class_ref(int32_t cp)
{
    if (cp < 0x80) {
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
            return MZ_CH_LATIN;
        if (cp >= '0' && cp <= '9')
            return MZ_CH_DIGIT;
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
            return MZ_CH_SPACE;
        return cp < 0x20 ? MZ_CH_SPACE : MZ_CH_PUNCT;
    }
    if (cp >= 0x0600 && cp <= 0x06FF) {
        if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640)
            return MZ_CH_MARK;
        if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9))
            return MZ_CH_DIGIT;
        if ((cp >= 0x0621 && cp <= 0x064A) || (cp >= 0x0671 && cp <= 0x06D3) || cp == 0x06D5 ||
            (cp >= 0x06FA && cp <= 0x06FC))
            return MZ_CH_ARABIC;
        return MZ_CH_PUNCT; /* ، ؛ ؟ ٪ ۔ and the rest */
    }
    if ((cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF)) {
        return cp == 0xFEFF ? MZ_CH_SPACE : MZ_CH_ARABIC; /* presentation forms; BOM is space */
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return MZ_CH_LATIN;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return MZ_CH_MARK;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return MZ_CH_DIGIT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return MZ_CH_SPACE;
    case UTF8PROC_CATEGORY_CF:
        return MZ_CH_MARK; /* ZWNJ, ZWJ, LRM, RLM: invisible, kept inside the word, folded away */
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return MZ_CH_PUNCT;
    default:
        return MZ_CH_OTHER;
    }
}

/* Folds through utf8proc: compatibility decomposition, case folding, marks stripped; each
 * resulting code point that lands in the Arabic block is folded again by the table. */
static int fold_generic(int32_t cp, char *out)
{
    if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CF)
        return 0;
    utf8proc_int32_t dec[4];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, dec, 4, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK,
        &last);
    if (n < 0 || n > 4)
        return mz_utf8_encode(cp, out);
    int len = 0;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        int32_t c = dec[i];
        if (c >= 0x0600 && c <= 0x06FF)
            c = arabic_fold(c);
        if (c != FOLD_DROP)
            len += mz_utf8_encode(c, out + len);
    }
    return len;
}

int mz_fold_cp_ref(int32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
        return 1;
    }
    if (cp >= 0x0600 && cp <= 0x06FF) {
        int32_t f = arabic_fold(cp);
        return f == FOLD_DROP ? 0 : mz_utf8_encode(f, out);
    }
    return fold_generic(cp, out);
}

int mz_is_upper_ref(int32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return 1;
    return cp > 0x7F && mz_char_class_ref(cp) == MZ_CH_LATIN && utf8proc_isupper(cp);
}
