/* keys.c — lookup keys; see keys.h. */
#include "keys.h"

#include <libstemmer.h>
#include <string.h>

#include "token.h"

int mz_keygen_init(mz_keygen *k)
{
    k->en = sb_stemmer_new("english", "UTF_8");
    return k->en ? 0 : -1;
}

void mz_keygen_free(mz_keygen *k)
{
    if (k->en)
        sb_stemmer_delete(k->en);
    k->en = NULL;
}

size_t mz_en_stem(mz_keygen *k, const char *w, size_t len, char *out, size_t cap)
{
    const sb_symbol *s = sb_stemmer_stem(k->en, (const sb_symbol *)w, (int)len);
    size_t n = s ? (size_t)sb_stemmer_length(k->en) : len;
    if (!s)
        s = (const sb_symbol *)w;
    if (n + 1 > cap)
        return 0;
    memcpy(out, s, n);
    out[n] = '\0';
    return n;
}

static size_t exact_caps(const char *fold, size_t len, char *out, size_t cap)
{
    if (len + 2 > cap)
        return 0;
    out[0] = '=';
    for (size_t i = 0; i < len; i++)
        out[i + 1] = (char)((fold[i] >= 'a' && fold[i] <= 'z') ? fold[i] - 32 : fold[i]);
    out[len + 1] = '\0';
    return len + 1;
}

int mz_token_keys(mz_keygen *k, const char *fold, size_t len, uint32_t tokflags, mz_cand *out)
{
    if (tokflags & MZ_TOK_ARABIC)
        return mz_ar_candidates(fold, len, out);
    int n = 0;
    size_t l = (tokflags & MZ_TOK_WORD) ? mz_en_stem(k, fold, len, out[0].s, MZ_CAND_BYTES)
                                         : (len + 1 <= MZ_CAND_BYTES ? len : 0);
    if (!(tokflags & MZ_TOK_WORD) && l)
        memcpy(out[0].s, fold, len + 1);
    if (l) {
        out[0].len = (uint8_t)l;
        out[0].flags = out[0].stripped = 0;
        n = 1;
    }
    if (tokflags & MZ_TOK_CAPS) {
        l = exact_caps(fold, len, out[n].s, MZ_CAND_BYTES);
        if (l) {
            out[n].len = (uint8_t)l;
            out[n].flags = out[n].stripped = 0;
            n++;
        }
    }
    return n;
}

/* Whether an acronym of three capitals loses a letter to the stemmer (IED: "ie", the stem of
 * "ies" and "i.e." too): such a word is matched as written in capitals, not by its stem. */
static int stem_mangles_acronym(const char *fold, size_t len, const char *stem, size_t n)
{
    return len == 3 && (n != len || memcmp(stem, fold, len) != 0);
}

size_t mz_dict_key(mz_keygen *k, const char *fold, size_t len, int arabic, int caps, char *out,
                   size_t cap)
{
    if (arabic) {
        if (len + 1 > cap)
            return 0;
        memcpy(out, fold, len);
        out[len] = '\0';
        return mz_ar_canon(out, len);
    }
    if (caps && len <= 2)
        return exact_caps(fold, len, out, cap);
    size_t n = mz_en_stem(k, fold, len, out, cap);
    if (caps && stem_mangles_acronym(fold, len, out, n))
        return exact_caps(fold, len, out, cap);
    return n;
}

/* A word of a list with its length, so that the tests below (asked of many tokens for each of
 * their dictionary entries) measure nothing. */
typedef struct lit {
    const char *s;
    size_t n;
} lit;
#define LIT(x) {x, sizeof x - 1}

static int ends_in(const char *w, size_t len, lit suffix)
{
    return len >= suffix.n && memcmp(w + len - suffix.n, suffix.s, suffix.n) == 0;
}

int mz_adjective_form(const char *w, size_t len)
{
    static const lit endings[] = {LIT("tive"), LIT("tives"), LIT("sive"), LIT("sives")};
    static const lit nouns[] = {LIT("offensive"), LIT("offensives"), LIT("initiative"),
                                LIT("initiatives")};
    /* words whose stem is a verb's ("several": sever; "firefighters": firefight, a gunfight) */
    static const lit words[] = {LIT("several"), LIT("firefighter"), LIT("firefighters"),
                                LIT("firefighting")};
    if (len < 7)
        return 0; /* no word of the lists is shorter */
    for (size_t k = 0; (w[0] == 's' || w[0] == 'f') && k < sizeof words / sizeof words[0]; k++)
        if (len == words[k].n && memcmp(w, words[k].s, len) == 0) /* they begin with s or f */
            return 1;
    if (w[len - 1] != 'e' && w[len - 1] != 's')
        return 0; /* every noun and ending below ends so: most words are ruled out at once */
    for (size_t k = 0; k < sizeof nouns / sizeof nouns[0]; k++)
        if (ends_in(w, len, nouns[k]))
            return 0;
    for (size_t k = 0; k < sizeof endings / sizeof endings[0]; k++)
        if (len > endings[k].n + 3 && ends_in(w, len, endings[k]))
            return 1;
    return 0;
}

int mz_adverb_ending(const char *w, size_t len)
{
    static const lit endings[] = {LIT("ally"),  LIT("arily"), LIT("ively"), LIT("ously"),
                                  LIT("edly"),  LIT("ently"), LIT("antly"), LIT("ingly"),
                                  LIT("ately"), LIT("icly")};
    if (len < 8 || w[len - 1] != 'y')
        return 0; /* as mz_adverb_form (keys.h) asks first */
    for (size_t k = 0; k < sizeof endings / sizeof endings[0]; k++)
        if (ends_in(w, len, endings[k]))
            return 1;
    return 0;
}

int mz_agentive_word(const char *w, size_t len)
{
    static const lit endings[] = {LIT("er"),  LIT("ers"),  LIT("or"), LIT("ors"),
                                  LIT("ist"), LIT("ists"), LIT("ic"), LIT("ics")};
    for (size_t k = 0; k < sizeof endings / sizeof endings[0]; k++) {
        size_t m = endings[k].n;
        if (len > m + 2 && strncmp(w + len - m, endings[k].s, m) == 0)
            return 1;
    }
    return 0;
}
