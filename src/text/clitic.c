/* clitic.c — Arabic clitic candidates; see clitic.h. */
#include "clitic.h"

#include <string.h>

/* Folded Arabic letters are all two bytes in UTF-8 (U+0621..U+064A). */
#define AR_WAW "\xd9\x88"
#define AR_FA "\xd9\x81"
#define AR_BA "\xd8\xa8"
#define AR_LAM "\xd9\x84"
#define AR_KAF "\xd9\x83"
#define AR_SIN "\xd8\xb3"
#define AR_ALEF "\xd8\xa7"
#define AR_TA "\xd8\xaa"
#define AR_HA "\xd9\x87"
#define AR_YA "\xd9\x8a"
#define AR_NUN "\xd9\x86"

typedef struct affix {
    const char *s;
    uint8_t flags;
} affix;

static const affix conjunctions[] = {{"", 0}, {AR_WAW, MZ_CL_CONJ}, {AR_FA, MZ_CL_CONJ}};

static const affix prepositions[] = {
    {"", 0}, {AR_BA, MZ_CL_BI}, {AR_LAM, MZ_CL_LI}, {AR_KAF, MZ_CL_KA}, {AR_SIN, MZ_CL_FUT}};

/* Pronoun suffixes, longest first. */
static const char *const suffixes[] = {
    AR_HA "\xd9\x85" AR_ALEF, /* هما */
    AR_KAF "\xd9\x85" AR_ALEF, /* كما */
    AR_HA "\xd9\x85",          /* هم */
    AR_HA AR_ALEF,             /* ها */
    AR_HA AR_NUN,              /* هن */
    AR_KAF "\xd9\x85",         /* كم */
    AR_NUN AR_ALEF,            /* نا */
    AR_HA,                     /* ه */
    AR_KAF,                    /* ك */
};

static size_t letters(size_t bytes) { return bytes / 2; }

static int starts(const char *s, size_t len, const char *p)
{
    size_t n = strlen(p);
    return n <= len && memcmp(s, p, n) == 0;
}

static int ends(const char *s, size_t len, const char *p)
{
    size_t n = strlen(p);
    return n <= len && memcmp(s + len - n, p, n) == 0;
}

size_t mz_ar_canon(char *s, size_t len)
{
    /* twice: الألماني folds to الالماني, whose stem is the same as ألماني's */
    for (int k = 0; k < 2 && starts(s, len, AR_ALEF AR_LAM) && letters(len) >= 4; k++) {
        memmove(s, s + 4, len - 4);
        len -= 4;
        s[len] = '\0';
    }
    return len;
}

/* Adds a candidate unless it is a duplicate or too short. */
static int add(mz_cand *out, int n, const char *s, size_t len, uint8_t flags, uint8_t stripped)
{
    if (n >= MZ_CAND_MAX || len + 1 > MZ_CAND_BYTES || letters(len) < 2)
        return n;
    char tmp[MZ_CAND_BYTES];
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    len = mz_ar_canon(tmp, len);
    for (int i = 0; i < n; i++)
        if (out[i].len == len && memcmp(out[i].s, tmp, len) == 0)
            return n;
    memcpy(out[n].s, tmp, len + 1);
    out[n].len = (uint8_t)len;
    out[n].flags = flags;
    out[n].stripped = stripped;
    return n + 1;
}

/* Adds the stem with and without each pronoun suffix (and without an accusative alef); a stem left ending in ت after the suffix
 * also gets its ta marbuta back (علاقتها → علاقة). */
static int add_suffixed(mz_cand *out, int n, const char *s, size_t len, uint8_t flags, uint8_t stripped)
{
    n = add(out, n, s, len, flags, stripped);
    /* the alef of the accusative tanween: دعماً عسكرياً → دعم عسكري */
    if (ends(s, len, AR_ALEF) && letters(len) >= 4)
        n = add(out, n, s, len - 2, flags, (uint8_t)(stripped + 1));
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        if (!ends(s, len, suffixes[i]))
            continue;
        size_t stem = len - strlen(suffixes[i]);
        if (letters(stem) < 2)
            continue;
        uint8_t f = (uint8_t)(flags | MZ_CL_SUFFIX | (i == 0 ? MZ_CL_DUAL : 0));
        uint8_t k = (uint8_t)(stripped + letters(len - stem));
        n = add(out, n, s, stem, f, k);
        if (ends(s, stem, AR_TA) && stem + 1 < MZ_CAND_BYTES) {
            char tmp[MZ_CAND_BYTES];
            memcpy(tmp, s, stem - 2);
            memcpy(tmp + stem - 2, AR_HA, 2);
            n = add(out, n, tmp, stem, f, k);
        }
        break; /* longest matching suffix only */
    }
    return n;
}

static int is_present_prefix(const char *s, size_t len)
{
    return starts(s, len, AR_YA) || starts(s, len, AR_TA) || starts(s, len, AR_NUN) ||
           starts(s, len, AR_ALEF);
}

int mz_ar_candidates(const char *fold, size_t len, mz_cand *out)
{
    if (len + 1 > MZ_CAND_BYTES)
        return 0;
    int n = 0;
    for (size_t c = 0; c < sizeof conjunctions / sizeof conjunctions[0]; c++) {
        const affix *cj = &conjunctions[c];
        if (!starts(fold, len, cj->s))
            continue;
        const char *s1 = fold + strlen(cj->s);
        size_t l1 = len - strlen(cj->s);
        for (size_t p = 0; p < sizeof prepositions / sizeof prepositions[0]; p++) {
            const affix *pr = &prepositions[p];
            if (!starts(s1, l1, pr->s))
                continue;
            const char *s2 = s1 + strlen(pr->s);
            size_t l2 = l1 - strlen(pr->s);
            if ((pr->flags & MZ_CL_FUT) && !is_present_prefix(s2, l2))
                continue;
            uint8_t flags = (uint8_t)(cj->flags | pr->flags);
            uint8_t k = (uint8_t)(letters(strlen(cj->s)) + letters(strlen(pr->s)));
            if (starts(s2, l2, AR_ALEF AR_LAM))
                flags |= MZ_CL_DEF;
            n = add_suffixed(out, n, s2, l2, flags, k);
            /* لل: the preposition ل before the article, whose alef is not written */
            if ((pr->flags & MZ_CL_LI) && starts(s2, l2, AR_LAM))
                n = add_suffixed(out, n, s2 + 2, l2 - 2, (uint8_t)(flags | MZ_CL_DEF), (uint8_t)(k + 1));
        }
    }
    return n;
}
