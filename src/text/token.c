/* token.c — tokens and sentences; see token.h. */
#include "token.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "fold.h"
#include "utf8.h"

/* A cursor over valid UTF-8 text. */
typedef struct cursor {
    const unsigned char *s;
    size_t len;
} cursor;

static int32_t peek(const cursor *c, size_t at, int *n)
{
    int32_t cp = 0;
    int k = at < c->len ? mz_utf8_decode(c->s + at, c->len - at, &cp) : -1;
    if (k < 0) {
        *n = at < c->len ? 1 : 0;
        return at < c->len ? 0xFFFD : -1;
    }
    *n = k;
    return cp;
}

static int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

static int is_upper_ascii(int32_t cp) { return cp >= 'A' && cp <= 'Z'; }

static int push(mz_tokens *out, uint32_t start, uint32_t end, uint32_t flags, const char *fold,
                size_t flen)
{
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 256;
        mz_token *v = realloc(out->v, cap * sizeof *v);
        if (!v)
            return -1;
        out->v = v;
        out->cap = cap;
    }
    mz_token *t = &out->v[out->n++];
    t->start = start;
    t->end = end;
    t->fold = (uint32_t)out->fold.len;
    t->fold_len = (uint32_t)flen;
    t->flags = flags;
    mz_buf_put(&out->fold, fold, flen);
    mz_buf_putc(&out->fold, '\0');
    return out->fold.oom ? -1 : 0;
}

/* State while a word is being read. */
typedef struct word {
    char fold[256];
    size_t flen;
    int letters, uppers;
    int first_upper, arabic, damma, digits_only;
    int marks_after_first; /* still reading the marks on the first letter */
} word;

static void word_add(word *w, int32_t cp, mz_chclass cls)
{
    char tmp[16];
    int n = mz_fold_cp(cp, tmp);
    if (w->flen + (size_t)n < sizeof w->fold) {
        memcpy(w->fold + w->flen, tmp, (size_t)n);
        w->flen += (size_t)n;
    }
    if (cls == MZ_CH_MARK) {
        if (w->marks_after_first && mz_is_damma(cp))
            w->damma = 1;
        return;
    }
    w->marks_after_first = (w->letters == 0 && cls == MZ_CH_ARABIC);
    if (cls == MZ_CH_LATIN || cls == MZ_CH_ARABIC) {
        int upper = is_upper_ascii(cp) || (cp > 0x7F && cls == MZ_CH_LATIN && utf8proc_isupper(cp));
        if (w->letters == 0)
            w->first_upper = upper;
        w->letters++;
        w->uppers += upper;
        if (cls == MZ_CH_ARABIC)
            w->arabic = 1;
        w->digits_only = 0;
    }
}

static uint32_t word_flags(const word *w)
{
    uint32_t f = w->digits_only ? MZ_TOK_NUM : MZ_TOK_WORD;
    if (w->arabic)
        f |= MZ_TOK_ARABIC;
    if (w->letters >= 2 && w->uppers == w->letters)
        f |= MZ_TOK_CAPS;
    if (w->first_upper)
        f |= MZ_TOK_INITCAP;
    if (w->damma)
        f |= MZ_TOK_DAMMA;
    return f;
}

/* Whether the character at `at` continues a word begun in `script` (1 Arabic, 0 other). */
static int continues(mz_chclass cls, int arabic)
{
    if (cls == MZ_CH_MARK || cls == MZ_CH_DIGIT)
        return 1;
    if (cls == MZ_CH_ARABIC)
        return arabic;
    return cls == MZ_CH_LATIN && !arabic;
}

/* Reads a dotted abbreviation (U.S., U.N., e.g.) starting at `i`; returns its end or `i`. */
static size_t read_abbrev(const cursor *c, size_t i, word *w)
{
    size_t j = i;
    int pairs = 0;
    for (;;) {
        int n1, n2;
        int32_t a = peek(c, j, &n1);
        if (a < 0 || mz_char_class(a) != MZ_CH_LATIN)
            break;
        int32_t dot = peek(c, j + (size_t)n1, &n2);
        if (dot != '.')
            break;
        int n3;
        int32_t after = peek(c, j + (size_t)n1 + 1, &n3);
        if (pairs == 0 && (after < 0 || mz_char_class(after) != MZ_CH_LATIN))
            break;
        word_add(w, a, MZ_CH_LATIN);
        j += (size_t)n1 + 1;
        pairs++;
        if (after < 0 || mz_char_class(after) != MZ_CH_LATIN)
            break;
        int n4;
        if (peek(c, j + (size_t)n3, &n4) != '.')
            break; /* "U.Name": stop before the word */
    }
    return pairs >= 2 ? j : i;
}

/* Reads one word starting at `i` into `w`; returns the end offset. */
static size_t read_word(const cursor *c, size_t i, word *w)
{
    memset(w, 0, sizeof *w);
    w->digits_only = 1;
    size_t ab = read_abbrev(c, i, w);
    if (ab != i)
        return ab;
    memset(w, 0, sizeof *w);
    w->digits_only = 1;
    int n;
    int32_t cp = peek(c, i, &n);
    w->arabic = mz_char_class(cp) == MZ_CH_ARABIC;
    int script_arabic = w->arabic;
    while (cp >= 0) {
        mz_chclass cls = mz_char_class(cp);
        if (!continues(cls, script_arabic)) {
            int n2, n3;
            int32_t next = peek(c, i + (size_t)n, &n2);
            /* a decimal point or thousands separator inside a number */
            if ((cp == '.' || cp == ',' || cp == 0x066B || cp == 0x066C) && w->digits_only &&
                w->flen && next >= 0 && mz_char_class(next) == MZ_CH_DIGIT) {
                word_add(w, cp, MZ_CH_DIGIT);
                i += (size_t)n;
                cp = next;
                n = n2;
                continue;
            }
            /* an apostrophe inside a Latin word, unless it starts 's or the word ends n't */
            if (is_apostrophe(cp) && !script_arabic && next >= 0 &&
                mz_char_class(next) == MZ_CH_LATIN && !((next | 0x20) == 's' &&
                mz_char_class(peek(c, i + (size_t)n + (size_t)n2, &n3)) != MZ_CH_LATIN) &&
                !((next | 0x20) == 't' && w->flen && w->fold[w->flen - 1] == 'n')) {
                word_add(w, '\'', MZ_CH_PUNCT);
                i += (size_t)n;
                cp = next;
                n = n2;
                continue;
            }
            break;
        }
        word_add(w, cp, cls);
        i += (size_t)n;
        cp = peek(c, i, &n);
    }
    w->arabic = script_arabic;
    return i;
}

int mz_tokenize(const char *text, size_t len, mz_tokens *out)
{
    cursor c = {(const unsigned char *)text, len};
    out->n = 0;
    mz_buf_clear(&out->fold);
    uint32_t pending = 0;
    size_t i = 0;
    while (i < len) {
        int n;
        int32_t cp = peek(&c, i, &n);
        mz_chclass cls = mz_char_class(cp);
        if (cls == MZ_CH_SPACE) {
            if (cp == '\n' || cp == 0x2029)
                pending = MZ_TOK_NEWLINE;
            i += (size_t)n;
            continue;
        }
        if (cls == MZ_CH_LATIN || cls == MZ_CH_ARABIC || cls == MZ_CH_DIGIT || cls == MZ_CH_MARK) {
            word w;
            size_t end = read_word(&c, i, &w);
            if (w.flen > 0 || end > i) {
                uint32_t f = word_flags(&w) | pending;
                if (end > i + 1 && text[end - 1] == '.')
                    f |= MZ_TOK_ABBREV;
                /* English n't: split "didn't" into "did" + "n't" */
                if (!w.arabic && w.flen > 1 && w.fold[w.flen - 1] == 'n' && end < len) {
                    int na, nt;
                    int32_t ap = peek(&c, end, &na);
                    int32_t t = peek(&c, end + (size_t)na, &nt);
                    if (is_apostrophe(ap) && (t | 0x20) == 't') {
                        if (push(out, (uint32_t)i, (uint32_t)(end - 1), f, w.fold, w.flen - 1) < 0 ||
                            push(out, (uint32_t)(end - 1), (uint32_t)(end + (size_t)na + 1),
                                 MZ_TOK_WORD, "n't", 3) < 0)
                            return -1;
                        i = end + (size_t)na + (size_t)nt;
                        pending = 0;
                        continue;
                    }
                }
                if (push(out, (uint32_t)i, (uint32_t)end, f, w.fold, w.flen) < 0)
                    return -1;
            }
            i = end > i ? end : i + (size_t)n;
            pending = 0;
            continue;
        }
        /* English 's after a word */
        if (is_apostrophe(cp) && out->n && !(out->v[out->n - 1].flags & MZ_TOK_ARABIC) &&
            out->v[out->n - 1].end == i) {
            int ns, nx;
            int32_t s = peek(&c, i + (size_t)n, &ns);
            if ((s | 0x20) == 's' && mz_char_class(peek(&c, i + (size_t)n + (size_t)ns, &nx)) != MZ_CH_LATIN) {
                if (push(out, (uint32_t)i, (uint32_t)(i + (size_t)n + (size_t)ns), MZ_TOK_WORD, "'s", 2) < 0)
                    return -1;
                i += (size_t)n + (size_t)ns;
                pending = 0;
                continue;
            }
        }
        /* a hyphen between two words joins nothing and is no token */
        if ((cp == '-' || cp == 0x2010 || cp == 0x2011) && out->n && out->v[out->n - 1].end == i) {
            int nx;
            int32_t next = peek(&c, i + (size_t)n, &nx);
            mz_chclass nc = next >= 0 ? mz_char_class(next) : MZ_CH_SPACE;
            if (nc == MZ_CH_LATIN || nc == MZ_CH_ARABIC || nc == MZ_CH_DIGIT) {
                i += (size_t)n;
                continue;
            }
        }
        char tmp[8];
        int tl = mz_utf8_encode(cp, tmp);
        if (push(out, (uint32_t)i, (uint32_t)(i + (size_t)n), MZ_TOK_PUNCT | pending, tmp, (size_t)tl) < 0)
            return -1;
        pending = 0;
        i += (size_t)n;
    }
    return 0;
}

void mz_tokens_free(mz_tokens *t)
{
    free(t->v);
    mz_buf_free(&t->fold);
    memset(t, 0, sizeof *t);
}
