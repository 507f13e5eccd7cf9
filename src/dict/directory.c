/*
 * directory.c — the actor dictionaries read as a directory; see directory.h.
 *
 * How it works.  Each actor line `CODE [adj] [FROM..TO] : a | b` gives one record per phrase.
 * Lookups are linear scans: the table has some ten thousand phrases and a command looks up one
 * query, so an index would cost more to build than it saves.
 */
#include "directory.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "../util/vec.h"
#include "engine.h"

void mz_directory_init(mz_directory *d)
{
    memset(d, 0, sizeof *d);
}

void mz_directory_free(mz_directory *d)
{
    free(d->names);
    mz_arena_free(&d->strings);
    memset(d, 0, sizeof *d);
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Trims [*s, *e) of spaces on both sides. */
static void trim(const char **s, const char **e)
{
    while (*s < *e && is_space(**s))
        (*s)++;
    while (*e > *s && is_space((*e)[-1]))
        (*e)--;
}

/* 'a' when the phrase holds an Arabic letter (lead bytes 0xD8..0xDB), else 'e'. */
static char lang_of(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xD8 && c <= 0xDB)
            return 'a';
    }
    return 'e';
}

/* Copies a date of a FROM..TO range ("" when empty); 0 when it is not YYYY-MM-DD or empty. */
static int take_date(const char *s, size_t n, char out[11])
{
    out[0] = '\0';
    if (n == 0)
        return 1;
    if (mz_parse_date(s, n) < 0)
        return 0;
    memcpy(out, s, n);
    out[n] = '\0';
    return 1;
}

/* The head of an actor line (what precedes the colon) into a record without its phrase:
 * 1 when it is CODE [adj] [FROM..TO], 0 when not, -1 out of memory. */
static int parse_head(mz_directory *d, const char *s, const char *e, mz_dir_name *rec)
{
    memset(rec, 0, sizeof *rec);
    const char *w = s;
    int field = 0;
    while (w < e) {
        while (w < e && is_space(*w))
            w++;
        const char *we = w;
        while (we < e && !is_space(*we))
            we++;
        if (we == w)
            break;
        size_t n = (size_t)(we - w);
        const char *dots = NULL;
        for (const char *q = w; q + 1 < we && !dots; q++)
            if (q[0] == '.' && q[1] == '.')
                dots = q;
        if (field == 0) {
            if (!(rec->code = mz_arena_strndup(&d->strings, w, n)))
                return -1;
        } else if (n == 3 && memcmp(w, "adj", 3) == 0) {
            rec->adj = 1;
        } else if (dots) {
            if (!take_date(w, (size_t)(dots - w), rec->from) ||
                !take_date(dots + 2, (size_t)(we - dots - 2), rec->to))
                return 0;
        } else {
            return 0;
        }
        field++;
        w = we;
    }
    return field > 0;
}

/* Appends one record; -1 when memory runs out. */
static int push(mz_directory *d, const mz_dir_name *rec)
{
    if (mz_grow((void **)&d->names, &d->cap, d->n + 1, sizeof *d->names) < 0)
        return -1;
    d->names[d->n++] = *rec;
    return 0;
}

/* One line: a record per phrase of an actor line; nothing for other lines.  -1 out of memory. */
static int load_line(mz_directory *d, const char *s, const char *e)
{
    trim(&s, &e);
    if (s == e || *s == '#')
        return 0;
    const char *colon = memchr(s, ':', (size_t)(e - s));
    if (!colon)
        return 0;
    mz_dir_name rec;
    int ok = parse_head(d, s, colon, &rec);
    if (ok <= 0)
        return ok;
    const char *p = colon + 1;
    while (p < e) {
        const char *bar = memchr(p, '|', (size_t)(e - p));
        const char *pe = bar ? bar : e;
        const char *ps = p;
        trim(&ps, &pe);
        if (pe > ps) {
            rec.phrase = mz_arena_strndup(&d->strings, ps, (size_t)(pe - ps));
            rec.lang = lang_of(ps, (size_t)(pe - ps));
            if (!rec.phrase || push(d, &rec))
                return -1;
        }
        p = bar ? bar + 1 : e;
    }
    return 0;
}

mz_status mz_directory_load_text(mz_directory *d, const char *text, size_t len, mz_error *err)
{
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        if (load_line(d, p, le) < 0)
            return mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
        p = nl ? nl + 1 : end;
    }
    return MZ_OK;
}

mz_status mz_directory_load_builtin(mz_directory *d, mz_error *err)
{
    for (size_t i = 0; i < mz_builtin_count; i++) {
        const mz_builtin *b = &mz_builtin_files[i];
        if (mz_dict_kind_of(b->name) != MZ_DICT_ACTORS)
            continue;
        mz_status s = mz_directory_load_text(d, b->data, b->len, err);
        if (s != MZ_OK)
            return s;
    }
    return MZ_OK;
}

static int ieq_n(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (toupper((unsigned char)a[i]) != toupper((unsigned char)b[i]))
            return 0;
    return 1;
}

int mz_directory_knows(const mz_directory *d, const char *code)
{
    size_t n = strlen(code);
    if (n == 0)
        return 0;
    for (size_t i = 0; i < d->n; i++) {
        const char *c = d->names[i].code;
        size_t cn = strlen(c);
        if (cn >= n && ieq_n(c, code, n) && (cn == n || n % 3 == 0))
            return 1; /* the code, or a whole 3-letter prefix of one (RUS, IGO) */
    }
    /* a known 3-letter head and a known role after it (RUS + MIL) */
    if (n > 3 && n % 3 == 0) {
        int head = 0, role = 0;
        for (size_t i = 0; i < d->n && !(head && role); i++) {
            const char *c = d->names[i].code;
            size_t cn = strlen(c);
            head = head || (cn >= 3 && ieq_n(c, code, 3));
            role = role || (cn > n - 3 && ieq_n(c + cn - (n - 3), code + 3, n - 3));
        }
        return head && role;
    }
    return 0;
}

/* Levenshtein distance of a and b, case-insensitive; codes are short, so the row fits on the
 * stack (longer strings count as far). */
static size_t distance(const char *a, const char *b)
{
    enum { MAXLEN = 63 };
    size_t na = strlen(a), nb = strlen(b);
    if (na > MAXLEN || nb > MAXLEN)
        return (size_t)-1;
    size_t row[MAXLEN + 1];
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j];
            size_t sub = diag + (toupper((unsigned char)a[i - 1]) != toupper((unsigned char)b[j - 1]));
            size_t best = up < row[j - 1] ? up + 1 : row[j - 1] + 1;
            row[j] = sub < best ? sub : best;
            diag = up;
        }
    }
    return row[nb];
}

typedef struct near {
    const char *code;
    size_t dist;
} near;

static int cmp_near(const void *pa, const void *pb)
{
    const near *x = pa, *y = pb;
    if (x->dist != y->dist)
        return x->dist < y->dist ? -1 : 1;
    return strcmp(x->code, y->code);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t mz_directory_nearest(const mz_directory *d, const char *query, const char **out, size_t max)
{
    const char **codes = malloc((d->n ? d->n : 1) * sizeof *codes);
    near *cand = malloc((d->n ? d->n : 1) * sizeof *cand);
    size_t k = 0, nc = 0;
    if (!codes || !cand)
        goto done;
    for (size_t i = 0; i < d->n; i++)
        codes[i] = d->names[i].code;
    qsort(codes, d->n, sizeof *codes, cmp_str);
    size_t qn = strlen(query), limit = qn / 2 > 2 ? qn / 2 : 2;
    for (size_t i = 0; i < d->n; i++) {
        if (i && strcmp(codes[i], codes[i - 1]) == 0)
            continue;
        size_t dist = distance(codes[i], query);
        if (dist <= limit)
            cand[nc++] = (near){codes[i], dist};
    }
    qsort(cand, nc, sizeof *cand, cmp_near);
    for (; k < nc && k < max; k++)
        out[k] = cand[k].code;
done:
    free(codes);
    free(cand);
    return k;
}

int mz_directory_name_is(const char *phrase, const char *query)
{
    const char *qs = query, *qe = query + strlen(query);
    trim(&qs, &qe);
    size_t n = (size_t)(qe - qs);
    return strlen(phrase) == n && ieq_n(phrase, qs, n);
}
