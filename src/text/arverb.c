/* arverb.c — Arabic verb conjugation; see arverb.h. */
#include "arverb.h"

#include <stdio.h>
#include <string.h>

typedef struct suffix_rule {
    const char *suffix;
    unsigned flags;
} suffix_rule;

/* Past tense: 3ms (bare), 3fs/1s/2s ت, 3mp وا, 3md ا, 3fd تا, 1p نا, 2mp تم, 3fp ن. */
static const suffix_rule past_rules[] = {
    {"", MZ_FORM_PAST},
    {"\xd8\xaa", MZ_FORM_PAST | MZ_FORM_FEM},
    {"\xd9\x88\xd8\xa7", MZ_FORM_PAST | MZ_FORM_OWN},
    {"\xd8\xa7", MZ_FORM_PAST | MZ_FORM_OWN},
    {"\xd8\xaa\xd8\xa7", MZ_FORM_PAST | MZ_FORM_FEM | MZ_FORM_OWN},
    {"\xd9\x86\xd8\xa7", MZ_FORM_PAST | MZ_FORM_OWN},
    {"\xd8\xaa\xd9\x85", MZ_FORM_PAST | MZ_FORM_OWN},
    {"\xd9\x86", MZ_FORM_PAST | MZ_FORM_FEM | MZ_FORM_OWN},
};

/* Present tense person prefixes: ي he/they, ت she/you, ن we, ا I. */
static const suffix_rule pres_prefixes[] = {
    {"\xd9\x8a", MZ_FORM_PRES},
    {"\xd8\xaa", MZ_FORM_PRES | MZ_FORM_FEM},
    {"\xd9\x86", MZ_FORM_PRES | MZ_FORM_OWN},
    {"\xd8\xa7", MZ_FORM_PRES | MZ_FORM_OWN},
};

/* Present tense suffixes: bare, ون plural, وا subjunctive plural, ان dual, ين 2fs, ن fem. plural. */
static const char *const pres_suffixes[] = {
    "", "\xd9\x88\xd9\x86", "\xd9\x88\xd8\xa7", "\xd8\xa7\xd9\x86", "\xd9\x8a\xd9\x86", "\xd9\x86",
};

#define AR_YA "\xd9\x8a"
#define AR_ALEF "\xd8\xa7"
#define AR_WAW "\xd9\x88"

static int ends_weak(const char *s)
{
    size_t n = strlen(s);
    return n >= 2 && (strcmp(s + n - 2, AR_YA) == 0 || strcmp(s + n - 2, AR_ALEF) == 0 ||
                      strcmp(s + n - 2, AR_WAW) == 0);
}

static int add(mz_form *out, int n, const char *a, size_t alen, const char *b, const char *c,
               unsigned flags)
{
    if (n < 0 || n >= MZ_FORMS_MAX)
        return n;
    size_t bl = strlen(b), cl = strlen(c);
    if (alen + bl + cl + 1 > MZ_FORM_BYTES)
        return -1;
    char tmp[MZ_FORM_BYTES];
    memcpy(tmp, a, alen);
    memcpy(tmp + alen, b, bl);
    memcpy(tmp + alen + bl, c, cl);
    tmp[alen + bl + cl] = '\0';
    for (int i = 0; i < n; i++)
        if (strcmp(out[i].s, tmp) == 0)
            return n;
    memcpy(out[n].s, tmp, alen + bl + cl + 1);
    out[n].flags = flags;
    return n + 1;
}

int mz_ar_conjugate(const char *past, const char *pres, mz_form *out)
{
    size_t pl = strlen(past), rl = strlen(pres);
    if (rl < 4 || strncmp(pres, AR_YA, 2) != 0 || pl < 4)
        return 0;
    int n = 0;
    for (size_t i = 0; i < sizeof past_rules / sizeof past_rules[0]; i++) {
        n = add(out, n, past, pl, past_rules[i].suffix, "", past_rules[i].flags);
        if (i > 0 && ends_weak(past)) /* أعطى + ت → أعطت, دعا + وا → دعوا */
            n = add(out, n, past, pl - 2, past_rules[i].suffix, "", past_rules[i].flags);
    }
    const char *stem = pres + 2;
    size_t sl = rl - 2;
    for (size_t p = 0; p < sizeof pres_prefixes / sizeof pres_prefixes[0]; p++) {
        char pre[MZ_FORM_BYTES];
        int m = snprintf(pre, sizeof pre, "%s%.*s", pres_prefixes[p].suffix, (int)sl, stem);
        if (m < 0 || (size_t)m >= sizeof pre)
            return 0;
        for (size_t s = 0; s < sizeof pres_suffixes / sizeof pres_suffixes[0]; s++) {
            if (s > 0 && (pres_prefixes[p].flags & MZ_FORM_OWN))
                break; /* I and we take no plural or dual ending (اثنان is "two", not a verb) */
            unsigned f = pres_prefixes[p].flags;
            if (s > 0) /* تزودون, تزودان: not a feminine singular, and their own subject */
                f = (f & ~(unsigned)MZ_FORM_FEM) | MZ_FORM_OWN;
            n = add(out, n, pre, (size_t)m, pres_suffixes[s], "", f);
            if (s > 0 && ends_weak(stem)) /* يعطي + ون → يعطون */
                n = add(out, n, pre, (size_t)m - 2, pres_suffixes[s], "", f);
        }
    }
    return n < 0 ? 0 : n;
}

/* Participle endings of the circumstantial accusative news uses after a comma: ا, ة (folded ه)
 * feminine, ين plural.  The bare form is as often a noun (مطالب: demands; مشيد: built). */
static const char *const part_suffixes[] = {
    "\xd8\xa7", "\xd9\x87", "\xd9\x8a\xd9\x86",
};

int mz_ar_participle(const char *part, mz_form *out, int n)
{
    for (size_t s = 0; s < sizeof part_suffixes / sizeof part_suffixes[0]; s++)
        n = add(out, n, part, strlen(part), part_suffixes[s], "", MZ_FORM_PART);
    return n < 0 ? 0 : n;
}
