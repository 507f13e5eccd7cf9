/* jsonl.c — the in-place scanner of flat JSON Lines records; see jsonl.h. */
#include "jsonl.h"

#include <string.h>

#include "../text/utf8.h"
#include "../util/buf.h"

enum { MAX_KEYS = 64, MAX_DIGITS = 18 };

/* A value found by the first pass: where it lies and what it is. */
typedef struct span {
    const char *key;
    size_t klen;
    mz_jv_kind kind;
    char *at;       /* a string: its first byte after the quote; else the token */
    size_t len;     /* a string: the bytes before the closing quote */
    int escaped;    /* a string with a backslash */
    long long num;
} span;

static const char *skip_ws(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    return p;
}

static int hex4(const char *p, const char *e, unsigned *v)
{
    if (e - p < 4)
        return -1;
    *v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                            : 16u;
        if (d == 16)
            return -1;
        *v = *v << 4 | d;
    }
    return 0;
}

/* Checks the \u escape at p (just after the "\u"): a code point other than U+0000, a surrogate
 * only as the first of a pair.  Returns the bytes it takes after the "\u" (4 or 10), or -1. */
static int check_u(const char *p, const char *e)
{
    unsigned v, lo;
    if (hex4(p, e, &v) < 0 || v == 0 || (v >= 0xdc00 && v <= 0xdfff))
        return -1;
    if (v < 0xd800 || v > 0xdbff)
        return 4;
    if (e - p < 10 || p[4] != '\\' || p[5] != 'u' || hex4(p + 6, e, &lo) < 0 || lo < 0xdc00 ||
        lo > 0xdfff)
        return -1;
    return 10;
}

/* Scans the string whose opening quote is at *pp; on success *pp is past the closing quote.
 * Refuses control characters and bad escapes (the bytes are valid UTF-8, checked before). */
static int scan_string(const char **pp, const char *e, span *s)
{
    const char *p = *pp + 1;
    s->at = (char *)p;
    s->escaped = 0;
    for (;;) {
        const char *q = p + mz_json_plain_len(p, (size_t)(e - p));
        if (q == e || (unsigned char)*q < 0x20)
            return -1;
        if (*q == '"') {
            s->len = (size_t)(q - s->at);
            *pp = q + 1;
            return 0;
        }
        s->escaped = 1;
        if (q + 1 == e)
            return -1;
        if (q[1] == 'u') {
            int n = check_u(q + 2, e);
            if (n < 0)
                return -1;
            p = q + 2 + n;
        } else if (strchr("\"\\/bfnrt", q[1]) && q[1]) {
            p = q + 2;
        } else {
            return -1;
        }
    }
}

/* A JSON value ends at white space, a comma or the closing brace. */
static int ends_value(const char *p, const char *e)
{
    return p == e || *p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == ',' || *p == '}';
}

/* Scans a value other than a string: a small non-negative integer, true, false or null. */
static int scan_scalar(const char **pp, const char *e, span *s)
{
    static const struct { const char *word; mz_jv_kind kind; } words[] = {
        {"true", MZ_JV_BOOL}, {"false", MZ_JV_BOOL}, {"null", MZ_JV_NULL}};
    const char *p = *pp;
    if (*p >= '0' && *p <= '9') {
        const char *q = p;
        long long v = 0;
        while (q < e && *q >= '0' && *q <= '9' && q - p < MAX_DIGITS)
            v = v * 10 + (*q++ - '0');
        if ((*p == '0' && q - p > 1) || !ends_value(q, e)) /* a 19th digit does not end it */
            return -1;
        s->kind = MZ_JV_INT;
        s->num = v;
        *pp = q;
        return 0;
    }
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i].word);
        if ((size_t)(e - p) >= n && memcmp(p, words[i].word, n) == 0 && ends_value(p + n, e)) {
            s->kind = words[i].kind;
            *pp = p + n;
            return 0;
        }
    }
    return -1;
}

/* Scans `"key": value` at *pp into s. */
static int scan_member(const char **pp, const char *e, span *s)
{
    const char *p = *pp;
    if (p == e || *p != '"')
        return -1;
    s->key = ++p;
    while (p < e && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20)
        p++;
    if (p == e || *p != '"')
        return -1; /* an escape in a key: left to jansson */
    s->klen = (size_t)(p - s->key);
    p = skip_ws(p + 1, e);
    if (p == e || *p != ':')
        return -1;
    p = skip_ws(p + 1, e);
    if (p == e)
        return -1;
    if (*p == '"') {
        s->kind = MZ_JV_STRING;
        if (scan_string(&p, e, s) < 0)
            return -1;
    } else if (scan_scalar(&p, e, s) < 0) {
        return -1;
    }
    *pp = p;
    return 0;
}

static int seen_before(const span *sp, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (sp[i].klen == sp[n].klen && memcmp(sp[i].key, sp[n].key, sp[n].klen) == 0)
            return 1;
    return 0;
}

/* First pass: the whole object, checked, its members in sp.  Returns their number or -1. */
static int scan_object(const char *line, size_t n, span *sp)
{
    const char *p = skip_ws(line, line + n), *e = line + n;
    if (p == e || *p != '{')
        return -1;
    p = skip_ws(p + 1, e);
    int count = 0;
    if (p < e && *p == '}') {
        p++;
    } else {
        for (;;) {
            if (count == MAX_KEYS || scan_member(&p, e, &sp[count]) < 0 || seen_before(sp, (size_t)count))
                return -1;
            count++;
            p = skip_ws(p, e);
            if (p < e && *p == ',') {
                p = skip_ws(p + 1, e);
                continue;
            }
            if (p < e && *p == '}') {
                p++;
                break;
            }
            return -1;
        }
    }
    return skip_ws(p, e) == e ? count : -1;
}

/* Decodes a checked string with escapes where it lies (the result is never longer) and ends
 * it with a NUL; returns its decoded length. */
static size_t unescape(char *s, size_t n)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    char *w = s;
    const char *r = s, *e = s + n;
    for (;;) {
        const char *bs = memchr(r, '\\', (size_t)(e - r));
        size_t k = (size_t)((bs ? bs : e) - r);
        if (w != r)
            memmove(w, r, k);
        w += k;
        r += k;
        if (!bs)
            break;
        if (r[1] != 'u') {
            *w++ = to[strchr(from, r[1]) - from];
            r += 2;
            continue;
        }
        unsigned v, lo;
        hex4(r + 2, e, &v);
        r += 6;
        if (v >= 0xd800 && v <= 0xdbff) {
            hex4(r + 2, e, &lo);
            v = 0x10000 + ((v - 0xd800) << 10) + (lo - 0xdc00);
            r += 6;
        }
        w += mz_utf8_encode((int32_t)v, w);
    }
    *w = '\0';
    return (size_t)(w - s);
}

int mz_jsonl_scan(char *line, size_t n, mz_jsonl_field *f, size_t nf)
{
    size_t bad;
    const char *why;
    span sp[MAX_KEYS];
    if (mz_utf8_check(line, n, &bad, &why) < 0)
        return -1;
    int count = scan_object(line, n, sp);
    if (count < 0)
        return -1;
    for (size_t i = 0; i < nf; i++) {
        f[i].kind = MZ_JV_ABSENT;
        size_t klen = strlen(f[i].name);
        for (int k = 0; k < count; k++) {
            if (sp[k].klen != klen || memcmp(sp[k].key, f[i].name, klen) != 0)
                continue;
            f[i].kind = sp[k].kind;
            f[i].num = sp[k].num;
            if (sp[k].kind == MZ_JV_STRING) {
                f[i].len = sp[k].escaped ? unescape(sp[k].at, sp[k].len) : sp[k].len;
                sp[k].at[sp[k].escaped ? f[i].len : sp[k].len] = '\0';
                f[i].s = sp[k].at;
            }
            break;
        }
    }
    return 0;
}
