/*
 * syntax.c — tagging, parsing and labelling one sentence: word attributes, the feature templates
 * of the models (tagger passes, supertagger, parser, labeller), the arc-hybrid transition
 * system, and mz_parse_sentence.
 *
 * Features are 64-bit hashes of a template number and the values it looks at: word hashes,
 * tags + 1 (0 standing for "no such token"), distances and child counts.  The same extractors
 * serve training and analysis, so the two cannot drift apart.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- word attributes ------------------------------------------------------------------ */

/* Length of the UTF-8 sequence that starts with byte c (1 for stray bytes). */
static size_t u8len(unsigned char c)
{
    return c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/* Byte offsets where the last k characters start (k = 1..4) and where the first k end. */
static void char_bounds(const char *s, size_t n, size_t *suf, size_t *pre)
{
    size_t cnt = 0, i = 0;
    for (int k = 0; k < 3; k++)
        pre[k] = n;
    while (i < n) {
        i += u8len((unsigned char)s[i]);
        if (i > n)
            i = n;
        if (cnt < 3)
            pre[cnt] = i;
        cnt++;
    }
    /* walk back for suffixes */
    size_t j = n;
    for (int k = 0; k < 4; k++) {
        if (j > 0) {
            j--;
            while (j > 0 && ((unsigned char)s[j] & 0xc0) == 0x80)
                j--;
        }
        suf[k] = j;
    }
}

/* Shape class of a byte: 'X' upper, 'x' lower, 'd' digit, 'a' non-ASCII, else the byte. */
static char shape_of(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return 'X';
    if (c >= 'a' && c <= 'z')
        return 'x';
    if (c >= '0' && c <= '9')
        return 'd';
    if (c >= 0x80)
        return (c & 0xc0) == 0x80 ? 0 : 'a';
    return (char)c;
}

/* Hash of the word's shape with runs of a class cut to two ("Xxxxx" -> "Xxx"). */
static uint64_t shape_hash(const char *s, size_t n)
{
    char buf[32];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof buf; i++) {
        char c = shape_of((unsigned char)s[i]);
        if (!c)
            continue;
        if (k >= 2 && buf[k - 1] == c && buf[k - 2] == c)
            continue;
        buf[k++] = c;
    }
    return mz_str_hash(buf, k) ^ 0x5a5a;
}

/* Punctuation the treebanks write in ASCII and Arabic news in its own script: the Arabic
 * treebank has "," ";" and '"' where the news has ، ؛ « ».  A word that is one of these is read as
 * its ASCII form, so that the models know it (neither treebank has any of them, so training
 * reads the same words as before and the models need no retraining). */
static const struct {
    const char *from, *to;
} punct_ascii[] = {
    {"\xd8\x8c", ","},  /* ، */
    {"\xd8\x9b", ";"},  /* ؛ */
    {"\xc2\xab", "\""}, /* « */
    {"\xc2\xbb", "\""}, /* » */
};

/* Attributes of one word: hashes of the form, of the lower-cased form with digits as 0, of the
 * shape, and of the first 1-3 and last 1-4 characters of the lower-cased form. */
static void word_attrs(mz_wattr *a, const char *s, size_t n)
{
    for (size_t k = 0; n == 2 && k < sizeof punct_ascii / sizeof punct_ascii[0]; k++)
        if (strlen(punct_ascii[k].from) == n && memcmp(s, punct_ascii[k].from, n) == 0) {
            s = punct_ascii[k].to;
            n = 1;
            break;
        }
    char low[128];
    size_t m = n < sizeof low ? n : sizeof low;
    for (size_t i = 0; i < m; i++) {
        unsigned char c = (unsigned char)s[i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c >= '1' && c <= '9' ? '0' : c);
    }
    a->form = mz_str_hash(s, n);
    a->lower = mz_str_hash(low, m) + 1;
    a->shape = shape_hash(s, n);
    size_t suf[4], pre[3];
    char_bounds(low, m, suf, pre);
    for (int k = 0; k < 3; k++)
        a->pre[k] = mz_str_hash(low, pre[k]) + 11 + (uint64_t)k;
    for (int k = 0; k < 4; k++)
        a->suf[k] = mz_str_hash(low + suf[k], m - suf[k]) + 17 + (uint64_t)k;
}

void mz_syn_attrs(mz_parse_work *w, const char *const *forms, const uint32_t *lens, size_t n)
{
    w->n = n;
    memset(&w->a[0], 0, sizeof w->a[0]);
    w->a[0].lower = w->a[0].form = 0x524f4f54; /* the root */
    for (size_t i = 0; i < n; i++)
        word_attrs(&w->a[i + 1], forms[i], lens[i]);
    memset(&w->a[n + 1], 0, sizeof w->a[0]);
    w->a[n + 1].lower = 0x454e44; /* end of sentence */
}

/* ---- tagger --------------------------------------------------------------------------- */

/* Attribute of token t, or a constant for positions outside the sentence. */
static uint64_t lw(const mz_parse_work *w, int t)
{
    return t < 1 ? 0x5354 - (uint64_t)t : t > (int)w->n ? 0x454e44 + (uint64_t)t - w->n : w->a[t].lower;
}

static uint64_t sfx3(const mz_parse_work *w, int t)
{
    return t < 1 || t > (int)w->n ? (uint64_t)t * 7 : w->a[t].suf[2];
}

static uint64_t shp(const mz_parse_work *w, int t)
{
    return t < 1 || t > (int)w->n ? (uint64_t)t * 13 : w->a[t].shape;
}

/* Previous tag + 1, 0 at the start. */
static uint64_t ptag(const mz_parse_work *w, int t) { return t < 1 ? 0 : (uint64_t)w->tag[t] + 1; }

size_t mz_tag_feats(const mz_parse_work *w, int t, uint64_t *f)
{
    const mz_wattr *a = &w->a[t];
    uint64_t p1 = ptag(w, t - 1), p2 = ptag(w, t - 2);
    size_t k = 0;
    f[k++] = mz_feat1(0, 0);
    f[k++] = mz_feat1(1, a->lower);
    for (int i = 0; i < 4; i++)
        f[k++] = mz_feat1(2 + (unsigned)i, a->suf[i]);
    for (int i = 0; i < 3; i++)
        f[k++] = mz_feat1(6 + (unsigned)i, a->pre[i]);
    f[k++] = mz_feat1(9, a->shape);
    f[k++] = mz_feat1(10, p1);
    f[k++] = mz_feat2(11, p2, 0);
    f[k++] = mz_feat2(12, p1, p2);
    f[k++] = mz_feat2(13, p1, a->lower);
    f[k++] = mz_feat1(14, lw(w, t - 1));
    f[k++] = mz_feat1(15, sfx3(w, t - 1));
    f[k++] = mz_feat1(16, lw(w, t - 2));
    f[k++] = mz_feat1(17, lw(w, t + 1));
    f[k++] = mz_feat1(18, sfx3(w, t + 1));
    f[k++] = mz_feat1(19, lw(w, t + 2));
    f[k++] = mz_feat2(20, lw(w, t - 1), a->lower);
    f[k++] = mz_feat2(21, a->lower, lw(w, t + 1));
    f[k++] = mz_feat2(22, p1, lw(w, t + 1));
    f[k++] = mz_feat1(23, a->form);
    f[k++] = mz_feat2(24, a->shape, t == 1);
    f[k++] = mz_feat2(25, a->suf[2], p1);
    f[k++] = mz_feat1(26, shp(w, t + 1));
    f[k++] = mz_feat1(27, shp(w, t - 1));
    f[k++] = mz_feat2(28, a->suf[1], sfx3(w, t + 1));
    return k;
}

/* First-pass tag + 1 of token t, with constants outside the sentence. */
static uint64_t ftag(const mz_parse_work *w, int t)
{
    return t < 1 ? 20 + (uint64_t)(-t)
                 : t > (int)w->n ? 30 + (uint64_t)(t - (int)w->n) : (uint64_t)w->tag1[t] + 1;
}

size_t mz_tag2_feats(const mz_parse_work *w, int t, uint64_t *f)
{
    const mz_wattr *a = &w->a[t];
    uint64_t p1 = ptag(w, t - 1), f0 = ftag(w, t), n1 = ftag(w, t + 1), n2 = ftag(w, t + 2);
    size_t k = mz_tag_feats(w, t, f);
    f[k++] = mz_feat1(40, f0);
    f[k++] = mz_feat1(41, n1);
    f[k++] = mz_feat2(42, n1, n2);
    f[k++] = mz_feat2(43, a->lower, n1);
    f[k++] = mz_feat2(44, p1, n1);
    f[k++] = mz_feat3(45, p1, f0, n1);
    f[k++] = mz_feat2(46, a->suf[2], n1);
    f[k++] = mz_feat2(47, a->lower, f0);
    f[k++] = mz_feat3(48, lw(w, t + 1), n1, n2);
    f[k++] = mz_feat2(49, a->shape, n1);
    return k;
}

/* ---- supertagger ------------------------------------------------------------------------ */

/* Tag + 1 of token t, with constants outside the sentence. */
static uint64_t tg(const mz_parse_work *w, int t)
{
    return t < 1 ? 20 + (uint64_t)(-t) : t > (int)w->n ? 30 + (uint64_t)(t - (int)w->n) : (uint64_t)w->tag[t] + 1;
}

/* Supertag + 1 of token t (0 outside). */
static uint64_t stg(const mz_parse_work *w, int t) { return t < 1 || t > (int)w->n ? 0 : w->stag[t]; }

size_t mz_stag_feats(const mz_parse_work *w, int t, uint64_t *f)
{
    const mz_wattr *a = &w->a[t];
    uint64_t tm2 = tg(w, t - 2), tm1 = tg(w, t - 1), t0 = tg(w, t), tp1 = tg(w, t + 1), tp2 = tg(w, t + 2);
    uint64_t s1 = stg(w, t - 1), s2 = stg(w, t - 2);
    size_t k = 0;
    f[k++] = mz_feat1(300, t0);
    f[k++] = mz_feat2(301, a->lower, t0);
    f[k++] = mz_feat2(302, a->suf[2], t0);
    f[k++] = mz_feat2(303, tm1, t0);
    f[k++] = mz_feat2(304, t0, tp1);
    f[k++] = mz_feat3(305, tm1, t0, tp1);
    f[k++] = mz_feat3(306, tm2, tm1, t0);
    f[k++] = mz_feat3(307, t0, tp1, tp2);
    f[k++] = mz_feat2(308, s1, t0);
    f[k++] = mz_feat3(309, s2, s1, t0);
    f[k++] = mz_feat3(310, s1, t0, tp1);
    f[k++] = mz_feat3(311, a->lower, tm1, tp1);
    f[k++] = mz_feat2(312, a->lower, tp1);
    f[k++] = mz_feat2(313, a->lower, tm1);
    f[k++] = mz_feat3(314, lw(w, t - 1), tm1, t0);
    f[k++] = mz_feat3(315, lw(w, t + 1), tp1, t0);
    f[k++] = mz_feat2(316, a->lower, s1);
    f[k++] = mz_feat3(317, t0, (uint64_t)(t == 1), (uint64_t)(t == (int)w->n));
    f[k++] = mz_feat2(318, a->lower, lw(w, t + 1));
    f[k++] = mz_feat2(319, lw(w, t - 1), a->lower);
    return k;
}

void mz_run_stagger(const mz_lin *st, mz_parse_work *w)
{
    w->stag[0] = 0;
    for (int t = 1; t <= (int)w->n; t++) {
        int32_t s[MZ_STAG_COUNT] = {0};
        size_t nf = mz_stag_feats(w, t, w->feats);
        mz_lin_score(st, w->feats, nf, s);
        int best = 0;
        for (int c = 1; c < MZ_STAG_COUNT; c++)
            if (s[c] > s[best])
                best = c;
        w->stag[t] = (uint8_t)(best + 1);
    }
    w->stag[w->n + 1] = 0;
}

/* ---- arc-hybrid transitions ------------------------------------------------------------ */

void mz_arc_init(mz_parse_work *w)
{
    size_t n = w->n + 2;
    for (size_t i = 0; i < n; i++) {
        w->head[i] = -1;
        w->lc1[i] = w->lc2[i] = w->rc1[i] = w->rc2[i] = 0;
        w->nl[i] = w->nr[i] = 0;
    }
    w->stack[0] = 0;
    w->sp = 1;
    w->b = 1;
}

int mz_arc_done(const mz_parse_work *w) { return w->b > (int)w->n && w->sp == 1; }

/* SHIFT needs a buffer; LEFT a word on the stack and a buffer; RIGHT two stack items, and the
 * root takes its one dependent only at the end, so every tree has a single root word. */
int mz_arc_valid(const mz_parse_work *w, int tr)
{
    int buf = w->b <= (int)w->n;
    switch (tr) {
    case MZ_TR_SHIFT: return buf;
    case MZ_TR_LEFT: return buf && w->sp >= 2;
    default: return w->sp >= 3 || (w->sp == 2 && !buf);
    }
}

/* Records the arc h -> d and updates h's outermost children and counts. */
static void add_arc(mz_parse_work *w, int h, int d)
{
    w->head[d] = (int16_t)h;
    if (d < h) {
        if (!w->lc1[h] || d < w->lc1[h]) {
            w->lc2[h] = w->lc1[h];
            w->lc1[h] = (int16_t)d;
        } else if (!w->lc2[h] || d < w->lc2[h]) {
            w->lc2[h] = (int16_t)d;
        }
        if (w->nl[h] < 255)
            w->nl[h]++;
    } else {
        if (!w->rc1[h] || d > w->rc1[h]) {
            w->rc2[h] = w->rc1[h];
            w->rc1[h] = (int16_t)d;
        } else if (!w->rc2[h] || d > w->rc2[h]) {
            w->rc2[h] = (int16_t)d;
        }
        if (w->nr[h] < 255)
            w->nr[h]++;
    }
}

void mz_arc_apply(mz_parse_work *w, int tr)
{
    if (tr == MZ_TR_SHIFT) {
        w->stack[w->sp++] = (int16_t)w->b++;
    } else if (tr == MZ_TR_LEFT) {
        add_arc(w, w->b, w->stack[--w->sp]);
    } else {
        int d = w->stack[--w->sp];
        add_arc(w, w->stack[w->sp - 1], d);
    }
}

/* Word and tag values of a token for the parser's features; -1 means no token. */
static inline uint64_t aw(const mz_parse_work *w, int t) { return t < 0 ? 1 : w->a[t].lower; }
static inline uint64_t at(const mz_parse_work *w, int t)
{
    return t < 0 ? 0 : t == 0 ? 18 : (uint64_t)w->tag[t] + 1;
}
static inline int kid(const int16_t *v, int t) { return t < 0 || !v[t] ? -1 : v[t]; }

/* Label + 1 of a token (0 for no token). */
static inline uint64_t lb(const mz_parse_work *w, int t) { return t < 0 ? 0 : (uint64_t)w->lab[t] + 1; }

/* Distance bucket: 1, 2, 3, 4, 5-6, 7-9, 10+. */
static uint64_t dist_bin(int d)
{
    if (d < 0)
        d = -d;
    return d <= 4 ? (uint64_t)d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
}

/* Number of punctuation tokens strictly between d and h (0, 1, 2+). */
static uint64_t punct_between(const mz_parse_work *w, int d, int h)
{
    int lo = d < h ? d : h, hi = d < h ? h : d;
    int k = hi - 1 >= lo + 1 ? w->npunct[hi - 1] - w->npunct[lo] : 0;
    return (uint64_t)(k < 2 ? k : 2);
}

/* The tokens the parser's features look at. */
typedef struct ctx {
    int s0, s1, s2, b0, b1, b2;
    int s0l, s0l2, s0r, s0r2, s1l, s1r, b0l, b0l2;
} ctx;

static void arc_ctx(const mz_parse_work *w, ctx *c)
{
    int n = (int)w->n;
    c->s0 = w->sp >= 1 ? w->stack[w->sp - 1] : -1;
    c->s1 = w->sp >= 2 ? w->stack[w->sp - 2] : -1;
    c->s2 = w->sp >= 3 ? w->stack[w->sp - 3] : -1;
    c->b0 = w->b <= n ? w->b : -1;
    c->b1 = w->b + 1 <= n ? w->b + 1 : -1;
    c->b2 = w->b + 2 <= n ? w->b + 2 : -1;
    c->s0l = kid(w->lc1, c->s0);
    c->s0l2 = kid(w->lc2, c->s0);
    c->s0r = kid(w->rc1, c->s0);
    c->s0r2 = kid(w->rc2, c->s0);
    c->s1l = kid(w->lc1, c->s1);
    c->s1r = kid(w->rc1, c->s1);
    c->b0l = kid(w->lc1, c->b0);
    c->b0l2 = kid(w->lc2, c->b0);
}

/* Word-and-tag value of a token. */
static inline uint64_t awt(const mz_parse_work *w, int t) { return aw(w, t) * 31 + at(w, t); }

/* Zhang & Nivre (2011)-style additions: punctuation between s0 and b0, the buffer's words in
 * pairs, the words of s1's and s2's children, s0's word with its children's tags. */
static size_t arc_feats_more(const mz_parse_work *w, const ctx *c, uint64_t *f)
{
    uint64_t s0w = aw(w, c->s0), s0t = at(w, c->s0), s1w = aw(w, c->s1), s1t = at(w, c->s1);
    uint64_t b0w = aw(w, c->b0), b0t = at(w, c->b0), b1w = aw(w, c->b1), b1t = at(w, c->b1);
    uint64_t b2t = at(w, c->b2), s2t = at(w, c->s2);
    uint64_t pb = c->s0 >= 0 && c->b0 >= 0 ? punct_between(w, c->s0, c->b0) : 3;
    size_t k = 0;
    f[k++] = mz_feat3(180, s0t, b0t, pb);
    f[k++] = mz_feat3(181, s0w, b0t, pb);
    f[k++] = mz_feat2(182, b0w, b1w);
    f[k++] = mz_feat2(183, b0w, b1t);
    f[k++] = mz_feat2(184, b0t, b1w);
    f[k++] = mz_feat3(185, b0w, b1t, b2t);
    f[k++] = mz_feat1(186, aw(w, c->b2));
    f[k++] = mz_feat2(187, aw(w, c->s1l), s1t);
    f[k++] = mz_feat2(188, aw(w, c->s1r), s1t);
    f[k++] = mz_feat3(189, s0w, at(w, c->s0l), b0t);
    f[k++] = mz_feat3(190, s0w, at(w, c->s0r), b0t);
    f[k++] = mz_feat3(191, s0t, b0w, at(w, c->b0l));
    f[k++] = mz_feat2(192, c->b0 >= 0 ? w->sib[c->b0] : 0, b0w);
    f[k++] = mz_feat3(193, s2t, s1t, b0t);
    f[k++] = mz_feat2(194, aw(w, c->s2), s0t);
    f[k++] = mz_feat3(195, s1w, s0t, b0t);
    return k;
}

/* Supertag + 1 of a token for the parser's features (0 for none and for the root). */
static inline uint64_t ast(const mz_parse_work *w, int t) { return t > 0 ? w->stag[t] : 0; }

/* Features of the supertags of s0, s1, s2, b0, b1 and b0's leftmost child, alone, in pairs and
 * with words, tags, distances and child counts; and those of s0 and s1 with whether they have
 * right children yet (a supertag that promises right dependents to a word without any says
 * that it is not to be reduced yet). */
static size_t arc_feats_stag(const mz_parse_work *w, const ctx *c, uint64_t *f)
{
    uint64_t ss0 = ast(w, c->s0), sb0 = ast(w, c->b0), ss1 = ast(w, c->s1);
    uint64_t d = c->b0 >= 0 && c->s0 >= 0 ? dist_bin(c->b0 - c->s0) : 0;
    uint64_t d1 = c->s1 >= 0 ? dist_bin(c->s0 - c->s1) : 0;
    uint64_t s0n = c->s0 >= 0 ? (uint64_t)w->nl[c->s0] * 4 + w->nr[c->s0] : 0;
    size_t k = 0;
    f[k++] = mz_feat1(243, ss0);
    f[k++] = mz_feat1(244, sb0);
    f[k++] = mz_feat2(245, ss0, sb0);
    f[k++] = mz_feat2(246, ss1, ss0);
    f[k++] = mz_feat3(247, ss1, ss0, sb0);
    f[k++] = mz_feat2(248, sb0, ast(w, c->b1));
    f[k++] = mz_feat3(249, ss0, sb0, d);
    f[k++] = mz_feat2(250, ss0, at(w, c->b0));
    f[k++] = mz_feat2(251, at(w, c->s0), sb0);
    f[k++] = mz_feat3(252, ss0, s0n, sb0);
    f[k++] = mz_feat2(253, ss1, at(w, c->s0));
    f[k++] = mz_feat3(259, ss0, sb0, aw(w, c->s0));
    f[k++] = mz_feat3(260, ss0, sb0, aw(w, c->b0));
    f[k++] = mz_feat3(261, ss0, at(w, c->s0r), sb0);
    f[k++] = mz_feat3(262, ss0, sb0, ast(w, c->b0l));
    f[k++] = mz_feat3(263, ss1, ss0, d1);
    f[k++] = mz_feat3(264, ast(w, c->s2), ss1, ss0);
    uint64_t s0r = c->s0 >= 0 && w->nr[c->s0] > 0, s1r = c->s1 >= 0 && w->nr[c->s1] > 0;
    f[k++] = mz_feat2(265, ss0, s0r);
    f[k++] = mz_feat3(266, ss0, s0r, at(w, c->b0));
    f[k++] = mz_feat3(267, ss1, s1r, ss0);
    return k;
}

size_t mz_arc_feats(const mz_parse_work *w, uint64_t *f)
{
    ctx c;
    arc_ctx(w, &c);
    uint64_t s0w = aw(w, c.s0), s0t = at(w, c.s0), s0wt = awt(w, c.s0);
    uint64_t s1w = aw(w, c.s1), s1t = at(w, c.s1), s1wt = awt(w, c.s1);
    uint64_t b0w = aw(w, c.b0), b0t = at(w, c.b0), b0wt = awt(w, c.b0);
    uint64_t b1t = at(w, c.b1), b2t = at(w, c.b2), s2t = at(w, c.s2);
    uint64_t d = c.b0 >= 0 && c.s0 >= 0 ? dist_bin(c.b0 - c.s0) : 0;
    uint64_t d1 = c.s1 >= 0 ? dist_bin(c.s0 - c.s1) : 0;
    uint64_t s0nl = c.s0 >= 0 ? w->nl[c.s0] : 0, s0nr = c.s0 >= 0 ? w->nr[c.s0] : 0;
    uint64_t b0nl = c.b0 >= 0 ? w->nl[c.b0] : 0;
    size_t k = 0;
    f[k++] = mz_feat1(100, 0);
    f[k++] = mz_feat1(101, s0w);
    f[k++] = mz_feat1(102, s0t);
    f[k++] = mz_feat1(103, s0wt);
    f[k++] = mz_feat1(104, s1w);
    f[k++] = mz_feat1(105, s1t);
    f[k++] = mz_feat1(106, s1wt);
    f[k++] = mz_feat1(107, b0w);
    f[k++] = mz_feat1(108, b0t);
    f[k++] = mz_feat1(109, b0wt);
    f[k++] = mz_feat1(110, aw(w, c.b1));
    f[k++] = mz_feat1(111, b1t);
    f[k++] = mz_feat1(112, awt(w, c.b1));
    f[k++] = mz_feat1(113, b2t);
    f[k++] = mz_feat1(114, s2t);
    f[k++] = mz_feat2(115, s0wt, b0wt);
    f[k++] = mz_feat2(116, s0wt, b0w);
    f[k++] = mz_feat2(117, s0w, b0wt);
    f[k++] = mz_feat2(118, s0wt, b0t);
    f[k++] = mz_feat2(119, s0t, b0wt);
    f[k++] = mz_feat2(120, s0w, b0w);
    f[k++] = mz_feat2(121, s0t, b0t);
    f[k++] = mz_feat2(122, b0t, b1t);
    f[k++] = mz_feat2(123, s1wt, s0wt);
    f[k++] = mz_feat2(124, s1w, s0w);
    f[k++] = mz_feat2(125, s1t, s0t);
    f[k++] = mz_feat2(126, s1t, s0w);
    f[k++] = mz_feat2(127, s1w, s0t);
    f[k++] = mz_feat3(128, b0t, b1t, b2t);
    f[k++] = mz_feat3(129, s0t, b0t, b1t);
    f[k++] = mz_feat3(130, s1t, s0t, b0t);
    f[k++] = mz_feat3(131, s2t, s1t, s0t);
    f[k++] = mz_feat3(132, s0t, at(w, c.s0l), b0t);
    f[k++] = mz_feat3(133, s0t, at(w, c.s0r), b0t);
    f[k++] = mz_feat3(134, s0t, b0t, at(w, c.b0l));
    f[k++] = mz_feat3(135, s1t, at(w, c.s1r), s0t);
    f[k++] = mz_feat3(136, s1t, s0t, at(w, c.s0r));
    f[k++] = mz_feat3(137, s1t, at(w, c.s1l), s0t);
    f[k++] = mz_feat2(138, s0w, d);
    f[k++] = mz_feat2(139, s0t, d);
    f[k++] = mz_feat2(140, b0w, d);
    f[k++] = mz_feat2(141, b0t, d);
    f[k++] = mz_feat3(142, s0w, b0w, d);
    f[k++] = mz_feat3(143, s0t, b0t, d);
    f[k++] = mz_feat3(144, s1t, s0t, d1);
    f[k++] = mz_feat3(145, s1w, s0w, d1);
    f[k++] = mz_feat2(146, s0w, s0nr);
    f[k++] = mz_feat2(147, s0t, s0nr);
    f[k++] = mz_feat2(148, s0w, s0nl);
    f[k++] = mz_feat2(149, s0t, s0nl);
    f[k++] = mz_feat2(150, b0w, b0nl);
    f[k++] = mz_feat2(151, b0t, b0nl);
    f[k++] = mz_feat2(152, s1t, c.s1 >= 0 ? w->nr[c.s1] : 0);
    f[k++] = mz_feat1(153, aw(w, c.s0l));
    f[k++] = mz_feat1(154, at(w, c.s0l));
    f[k++] = mz_feat1(155, aw(w, c.s0r));
    f[k++] = mz_feat1(156, at(w, c.s0r));
    f[k++] = mz_feat1(157, aw(w, c.b0l));
    f[k++] = mz_feat1(158, at(w, c.b0l));
    f[k++] = mz_feat1(159, at(w, c.s1r));
    f[k++] = mz_feat3(160, s0t, at(w, c.s0l), at(w, c.s0l2));
    f[k++] = mz_feat3(161, s0t, at(w, c.s0r), at(w, c.s0r2));
    f[k++] = mz_feat3(162, b0t, at(w, c.b0l), at(w, c.b0l2));
    f[k++] = mz_feat3(163, s0t, b0t, aw(w, c.b1));
    f[k++] = mz_feat3(164, s1t, s0w, b0t);
    uint64_t s0x = c.s0 > 0 ? w->a[c.s0].suf[2] : 0, b0x = c.b0 > 0 ? w->a[c.b0].suf[2] : 0;
    f[k++] = mz_feat1(165, s0x);
    f[k++] = mz_feat1(166, b0x);
    f[k++] = mz_feat2(167, s0x, b0t);
    f[k++] = mz_feat2(168, s0t, b0x);
    f[k++] = mz_feat2(169, s0x, b0x);
    f[k++] = mz_feat2(170, lb(w, c.s0l), s0t);
    f[k++] = mz_feat2(171, lb(w, c.s0r), s0t);
    f[k++] = mz_feat2(172, lb(w, c.b0l), b0t);
    f[k++] = mz_feat2(173, lb(w, c.s1r), s1t);
    f[k++] = mz_feat2(174, c.s0 >= 0 ? w->sib[c.s0] : 0, s0t);
    f[k++] = mz_feat2(175, c.b0 >= 0 ? w->sib[c.b0] : 0, b0t);
    f[k++] = mz_feat2(176, c.s0 >= 0 ? w->sib[c.s0] : 0, s0w);
    f[k++] = mz_feat3(177, lb(w, c.s0l), lb(w, c.s0l2), s0t);
    f[k++] = mz_feat3(178, lb(w, c.s0r), lb(w, c.s0r2), s0t);
    f[k++] = mz_feat3(179, c.s0 >= 0 ? w->sib[c.s0] : 0, s0t, b0t);
    k += arc_feats_more(w, &c, f + k);
    k += arc_feats_stag(w, &c, f + k);
    return k;
}

/* ---- labeller ------------------------------------------------------------------------- */

/* Bit of a core relation (subjects, objects, obliques, auxiliaries, copula, case, determiner,
 * marker, clausal complements, conjunct) in mz_parse_work.sib, 0 for the others. */
static uint16_t core_bit(int label)
{
    static const uint8_t core[] = {26, 28, 29, 5, 12, 6, 15, 24, 13, 8, 36, 11};
    for (size_t k = 0; k < sizeof core; k++)
        if (label == core[k])
            return (uint16_t)(1u << k);
    return 0;
}

void mz_lab_begin(mz_parse_work *w)
{
    int n = (int)w->n;
    w->npunct[0] = 0;
    for (int i = 0; i <= n + 1; i++) {
        w->sib[i] = 0;
        w->lastlab[i] = 0;
        w->lab[i] = 0;
        if (i >= 1 && i <= n)
            w->npunct[i] = (uint16_t)(w->npunct[i - 1] + (w->tag[i] == MZ_UPOS_PUNCT));
    }
}

void mz_lab_done(mz_parse_work *w, int d)
{
    int h = w->head[d];
    if (h < 0)
        return;
    w->sib[h] |= core_bit(w->lab[d]);
    w->lastlab[h] = (uint8_t)(w->lab[d] + 1);
}

size_t mz_lab_feats(const mz_parse_work *w, int d, uint64_t *f)
{
    int h = w->head[d], n = (int)w->n;
    uint64_t dir = d < h ? 1 : 2, td = at(w, d), th = at(w, h), wd = aw(w, d), wh = aw(w, h);
    uint64_t dist = dist_bin(d - h);
    int hh = h > 0 ? w->head[h] : -1;
    int l = kid(w->lc1, d), r = kid(w->rc1, d);
    uint64_t tprev = d > 1 ? at(w, d - 1) : 0, tnext = d < n ? at(w, d + 1) : 0;
    size_t k = 0;
    f[k++] = mz_feat1(200, 0);
    f[k++] = mz_feat1(201, td);
    f[k++] = mz_feat1(202, wd);
    f[k++] = mz_feat1(203, th);
    f[k++] = mz_feat1(204, wh);
    f[k++] = mz_feat2(205, td, dir);
    f[k++] = mz_feat3(206, th, td, dir);
    f[k++] = mz_feat3(207, wh, td, dir);
    f[k++] = mz_feat3(208, th, wd, dir);
    f[k++] = mz_feat2(209, wh, wd);
    f[k++] = mz_feat3(210, td, th, dist);
    f[k++] = mz_feat2(211, wd, dir);
    f[k++] = mz_feat3(212, at(w, hh), th, td);
    f[k++] = mz_feat3(213, td, at(w, l), aw(w, l));
    f[k++] = mz_feat2(214, td, at(w, r));
    f[k++] = mz_feat3(215, td, tprev, dir);
    f[k++] = mz_feat3(216, td, tnext, dir);
    f[k++] = mz_feat3(217, w->lastlab[h], td, dir);
    f[k++] = mz_feat3(218, th, td, (uint64_t)(w->nl[d] + w->nr[d] > 0));
    f[k++] = mz_feat2(219, w->a[d].suf[2], td);
    f[k++] = mz_feat2(220, wh, dir);
    f[k++] = mz_feat3(221, (uint64_t)(hh == 0), td, dir);
    f[k++] = mz_feat3(222, td, aw(w, l), th);
    f[k++] = mz_feat3(223, td, th, (uint64_t)w->nl[h] * 4 + dir);
    f[k++] = mz_feat3(224, wd, th, dir);
    f[k++] = mz_feat3(225, punct_between(w, d, h), td * 32 + th, dir);
    f[k++] = mz_feat3(226, w->sib[h], td, dir);
    f[k++] = mz_feat3(227, w->sib[h], td * 32 + th, dir);
    f[k++] = mz_feat2(228, aw(w, r), td);
    f[k++] = mz_feat3(229, w->a[d].suf[1], th, dir);
    f[k++] = mz_feat3(230, h > 0 ? w->a[h].suf[2] : 0, td, dir);
    f[k++] = mz_feat3(231, td * 32 + th, at(w, l), at(w, r));
    f[k++] = mz_feat3(232, aw(w, l), th, td * 4 + dir);
    f[k++] = mz_feat1(254, w->stag[d]);
    f[k++] = mz_feat2(255, w->stag[d], th);
    f[k++] = mz_feat3(256, w->stag[d], td, dir);
    f[k++] = mz_feat3(257, w->stag[d], ast(w, h), dir);
    f[k++] = mz_feat3(258, w->stag[d], wd, dir);
    return k;
}

/* ---- analysis ---------------------------------------------------------------------------- */

mz_parse_work *mz_parse_work_new(void) { return calloc(1, sizeof(mz_parse_work)); }

void mz_parse_work_free(mz_parse_work *w) { free(w); }

/* Tags tokens 1..n left to right with `model` over the features of `feats`. */
static void tag_pass(const mz_lin *model, size_t (*feats)(const mz_parse_work *, int, uint64_t *),
                     mz_parse_work *w)
{
    for (int t = 1; t <= (int)w->n; t++) {
        int32_t s[MZ_UPOS_COUNT] = {0};
        size_t nf = feats(w, t, w->feats);
        mz_lin_score(model, w->feats, nf, s);
        w->tag[t] = (uint8_t)mz_argmax_i32(s, MZ_UPOS_COUNT, ~0ULL);
    }
}

void mz_run_tagger(const mz_parse_model *m, mz_parse_work *w)
{
    tag_pass(&m->tag, mz_tag_feats, w);
    if (!m->tag2.nrows)
        return;
    memcpy(w->tag1, w->tag, w->n + 2);
    tag_pass(&m->tag2, mz_tag2_feats, w);
}

/* Labels the arc just made to token d: `root` for the root's dependent, else the labeller's
 * best relation other than root. */
void mz_arc_label(const mz_lin *lab, mz_parse_work *w, int d)
{
    if (w->head[d] == 0) {
        w->lab[d] = MZ_DEPREL_ROOT;
    } else {
        uint64_t mask = ((1ULL << MZ_DEPREL_COUNT) - 1) & ~(1ULL << MZ_DEPREL_ROOT);
        int32_t s[MZ_DEPREL_COUNT] = {0};
        size_t nf = mz_lab_feats(w, d, w->feats);
        mz_lin_score(lab, w->feats, nf, s);
        w->lab[d] = (uint8_t)mz_argmax_i32(s, MZ_DEPREL_COUNT, mask);
    }
    mz_lab_done(w, d);
}

/* Parses greedily: the best valid transition at each step; each arc is labelled as it is made,
 * so that later decisions see the relations of the children. */
static void run_parser(const mz_parse_model *m, mz_parse_work *w)
{
    mz_arc_init(w);
    mz_lab_begin(w);
    while (!mz_arc_done(w)) {
        int32_t s[MZ_TR_COUNT] = {0};
        uint64_t mask = 0;
        for (int tr = 0; tr < MZ_TR_COUNT; tr++)
            if (mz_arc_valid(w, tr))
                mask |= 1ULL << tr;
        size_t nf = mz_arc_feats(w, w->feats);
        mz_lin_score(&m->arc, w->feats, nf, s);
        int tr = mz_argmax_i32(s, MZ_TR_COUNT, mask), d = w->stack[w->sp - 1];
        mz_arc_apply(w, tr);
        if (tr != MZ_TR_SHIFT)
            mz_arc_label(&m->lab, w, d);
    }
}

int mz_parse_sentence(const mz_parse_model *m, mz_parse_work *w, const char *const *forms,
                      const uint32_t *lens, size_t n, const uint8_t *gold_tags, mz_parsed *out)
{
    if (n > MZ_PARSE_MAX_WORDS)
        return -1;
    mz_syn_attrs(w, forms, lens, n);
    if (gold_tags)
        memcpy(w->tag + 1, gold_tags, n);
    else
        mz_run_tagger(m, w);
    if (m->stag.cap)
        mz_run_stagger(&m->stag, w);
    else
        memset(w->stag, 0, n + 2);
    run_parser(m, w);
    for (size_t i = 0; i < n; i++) {
        out[i].upos = w->tag[i + 1];
        out[i].head = w->head[i + 1];
        out[i].deprel = w->lab[i + 1];
    }
    return 0;
}
