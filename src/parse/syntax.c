/*
 * syntax.c — tagging, parsing and labelling one sentence: word attributes, the feature templates
 * of the models (tagger passes, supertagger, parser, labeller, relabeller, reattacher), the
 * arc-hybrid transition system, the corrections of the finished tree, and mz_parse_sentence.
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

/* The word as the models read it: punctuation of punct_ascii as its ASCII form. */
static void ascii_punct(const char **s, size_t *n)
{
    for (size_t k = 0; *n == 2 && k < sizeof punct_ascii / sizeof punct_ascii[0]; k++)
        if (strlen(punct_ascii[k].from) == *n && memcmp(*s, punct_ascii[k].from, *n) == 0) {
            *s = punct_ascii[k].to;
            *n = 1;
            return;
        }
}

/* The lower-cased form of s[0..n) with digits as 0, into low (of `cap` bytes); returns its
 * length (at most cap). */
static size_t lower_form(const char *s, size_t n, char *low, size_t cap)
{
    size_t m = n < cap ? n : cap;
    for (size_t i = 0; i < m; i++) {
        unsigned char c = (unsigned char)s[i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c >= '1' && c <= '9' ? '0' : c);
    }
    return m;
}

uint64_t mz_word_lower(const char *s, size_t n)
{
    char low[128];
    ascii_punct(&s, &n);
    size_t m = lower_form(s, n, low, sizeof low);
    return mz_str_hash(low, m) + 1;
}

/* Attributes of one word: hashes of the form, of the lower-cased form with digits as 0, of the
 * shape, of the first 1-3 and last 1-4 characters of the lower-cased form, and the word's
 * cluster with the codes of its bit string's 4- and 6-bit prefixes (0 for none). */
static void word_attrs(mz_wattr *a, const char *s, size_t n, const mz_clusters *cl)
{
    ascii_punct(&s, &n);
    char low[128];
    size_t m = lower_form(s, n, low, sizeof low);
    a->form = mz_str_hash(s, n);
    a->lower = mz_str_hash(low, m) + 1;
    a->shape = shape_hash(s, n);
    size_t suf[4], pre[3];
    char_bounds(low, m, suf, pre);
    for (int k = 0; k < 3; k++)
        a->pre[k] = mz_str_hash(low, pre[k]) + 11 + (uint64_t)k;
    for (int k = 0; k < 4; k++)
        a->suf[k] = mz_str_hash(low + suf[k], m - suf[k]) + 17 + (uint64_t)k;
    uint32_t code = cl && cl->n ? mz_cluster_of(cl, a->lower) : 0;
    a->cf = code & 0x3ff;
    a->c4 = code >> 10 & 0x3f;
    a->c6 = code >> 16 & 0xff;
}

void mz_syn_attrs(mz_parse_work *w, const char *const *forms, const uint32_t *lens, size_t n,
                  const mz_clusters *cl)
{
    w->n = n;
    w->clustered = cl && cl->n;
    memset(&w->a[0], 0, sizeof w->a[0]);
    w->a[0].lower = w->a[0].form = 0x524f4f54; /* the root */
    w->a[0].cf = 0x3ff + 1;                    /* and its cluster, apart from the words' */
    w->a[0].c4 = w->a[0].c6 = 0xfe;
    for (size_t i = 0; i < n; i++)
        word_attrs(&w->a[i + 1], forms[i], lens[i], cl);
    memset(&w->a[n + 1], 0, sizeof w->a[0]);
    w->a[n + 1].lower = 0x454e44; /* end of sentence */
    w->a[n + 1].cf = 0x3ff + 2;
    w->a[n + 1].c4 = w->a[n + 1].c6 = 0xfd;
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
    if (w->clustered) { /* t - 1 and t + 1 are at most the root and the end, which have some */
        const mz_wattr *l = &w->a[t - 1], *r = &w->a[t + 1];
        f[k++] = mz_feat1(29, a->cf);
        f[k++] = mz_feat1(30, a->c4);
        f[k++] = mz_feat1(31, a->c6);
        f[k++] = mz_feat1(32, r->cf);
        f[k++] = mz_feat1(33, l->cf);
        f[k++] = mz_feat2(34, p1, a->c6);
        f[k++] = mz_feat2(35, a->c6, r->cf);
    }
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

/* ---- lookahead ---------------------------------------------------------------------- */

/* The look-ups of the taggers wait on memory (their tables are tens of MB): a pass over tokens
 * 1..n asks, before it scores token t, for the table slots of token t + 1's features, so that
 * their misses overlap with the work on token t (mz_lin_prefetch).  Token t + 1's features are
 * computed before the pass has chosen token t's tag: those that read it see what the pass
 * before left there (the first pass's tags in the second; in the first, another sentence's,
 * and their prefetches go to waste).  What is scored is computed afresh: the lookahead changes
 * no score.  Two tokens ahead, or asking for the rows too, was slower (EWT-sized sentences of
 * the English Wikinews pool). */
typedef size_t (*feat_fn)(const mz_parse_work *w, int t, uint64_t *f);

static void ask_ahead(const mz_lin *m, feat_fn feats, const mz_parse_work *w, int t)
{
    uint64_t f[MZ_MAX_FEATS];
    if (t < (int)w->n)
        mz_lin_prefetch(m, f, feats(w, t + 1, f));
}

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
    if (w->clustered) {
        f[k++] = mz_feat2(320, a->cf, t0);
        f[k++] = mz_feat3(321, a->c6, tm1, tp1);
        f[k++] = mz_feat2(322, w->a[t + 1].cf, t0);
        f[k++] = mz_feat2(323, w->a[t - 1].cf, t0);
        f[k++] = mz_feat2(324, a->c4, s1);
    }
    return k;
}

void mz_run_stagger(const mz_lin *st, mz_parse_work *w)
{
    w->stag[0] = 0;
    for (int t = 1; t <= (int)w->n; t++) {
        int32_t s[MZ_STAG_COUNT] = {0};
        ask_ahead(st, mz_stag_feats, w, t);
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

void mz_tree_load(mz_parse_work *w, const int16_t *head, const uint8_t *lab)
{
    mz_arc_init(w);
    for (int d = 1; d <= (int)w->n; d++) {
        add_arc(w, head[d], d);
        w->lab[d] = lab[d];
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

/* Cluster values of a token for the parser's and labeller's features (constants for none). */
static inline uint64_t acf(const mz_parse_work *w, int t) { return t < 0 ? 0x3ff + 3 : w->a[t].cf; }
static inline uint64_t ac4(const mz_parse_work *w, int t) { return t < 0 ? 0xfc : w->a[t].c4; }
static inline uint64_t ac6(const mz_parse_work *w, int t) { return t < 0 ? 0xfc : w->a[t].c6; }

/* Cluster features (Koo et al. 2008): the clusters of s0, b0, s1 and b1 and their prefixes,
 * alone, in pairs and with the other's tag, after the templates of words and tags. */
static size_t arc_feats_clus(const mz_parse_work *w, const ctx *c, uint64_t *f)
{
    uint64_t s0t = at(w, c->s0), b0t = at(w, c->b0);
    uint64_t s0f = acf(w, c->s0), b0f = acf(w, c->b0), s06 = ac6(w, c->s0), b06 = ac6(w, c->b0);
    uint64_t d = c->b0 >= 0 && c->s0 >= 0 ? dist_bin(c->b0 - c->s0) : 0;
    size_t k = 0;
    f[k++] = mz_feat1(270, s0f);
    f[k++] = mz_feat1(271, b0f);
    f[k++] = mz_feat2(272, s0f, b0t);
    f[k++] = mz_feat2(273, s0t, b0f);
    f[k++] = mz_feat2(274, ac4(w, c->s0), ac4(w, c->b0));
    f[k++] = mz_feat2(275, s06, b06);
    f[k++] = mz_feat2(276, s06 * 32 + s0t, b06 * 32 + b0t);
    f[k++] = mz_feat3(277, ac4(w, c->s1), ac4(w, c->s0), ac4(w, c->b0));
    f[k++] = mz_feat2(278, acf(w, c->b1), b0t);
    f[k++] = mz_feat2(279, acf(w, c->s1), s0t);
    f[k++] = mz_feat3(280, s06, b0t, d);
    f[k++] = mz_feat3(281, s0t, b06, d);
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

/* The parser's templates of words, tags, distances, children and labels (Zhang & Nivre 2011). */
static size_t arc_feats_main(const mz_parse_work *w, const ctx *cp, uint64_t *f)
{
    ctx c = *cp;
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
    return k;
}

/* The features of the parser's state, in the order of its templates; when `ahead` is not NULL,
 * the slots of the first templates' features in it are asked for (mz_lin_prefetch) while the
 * others are computed. */
static size_t arc_feats(const mz_parse_work *w, uint64_t *f, const mz_lin *ahead)
{
    ctx c;
    arc_ctx(w, &c);
    size_t k = arc_feats_main(w, &c, f);
    if (ahead)
        mz_lin_prefetch(ahead, f, k);
    k += arc_feats_more(w, &c, f + k);
    k += arc_feats_stag(w, &c, f + k);
    if (w->clustered)
        k += arc_feats_clus(w, &c, f + k);
    return k;
}

size_t mz_arc_feats(const mz_parse_work *w, uint64_t *f) { return arc_feats(w, f, NULL); }

/* ---- labeller ------------------------------------------------------------------------- */

/* Bit of a core relation (subjects, objects, obliques, auxiliaries, copula, case, determiner,
 * marker, clausal complements, conjunct) in mz_parse_work.sib, 0 for the others. */
uint16_t mz_core_bit(int label)
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
    w->sib[h] |= mz_core_bit(w->lab[d]);
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
    if (w->clustered) {
        f[k++] = mz_feat3(233, acf(w, d), th, dir);
        f[k++] = mz_feat3(234, td, acf(w, h), dir);
        f[k++] = mz_feat3(235, ac6(w, d), ac6(w, h), dir);
    }
    return k;
}

/* ---- relabeller ------------------------------------------------------------------------ */

/* The core relations of h's children other than d, whose relation bit is `bit` (mz_rel_begin's
 * summaries): d's own relation stays only when another child has it too. */
static uint64_t other_children(const mz_parse_work *w, int h, uint16_t bit)
{
    return (uint64_t)((w->cmask[h] & ~bit) | (w->cdup[h] & bit));
}

/* Tree summaries for the relabeller, in one pass each way over the finished tree: per token
 * the core relations of its children seen once (cmask) and at least twice (cdup), its nearest
 * left and right siblings (0 for none) and the word of its first case or mark child. */
void mz_rel_begin(mz_parse_work *w)
{
    int n = (int)w->n;
    int16_t last[MZ_TOKS];
    for (int i = 0; i <= n + 1; i++) {
        w->lab1[i] = w->lab[i];
        w->cmask[i] = w->cdup[i] = 0;
        w->casew[i] = 0;
        last[i] = 0;
    }
    for (int d = 1; d <= n; d++) {
        int h = w->head[d];
        uint16_t bit = mz_core_bit(w->lab[d]);
        w->cdup[h] |= w->cmask[h] & bit;
        w->cmask[h] |= bit;
        if (!w->casew[h] && (w->lab[d] == MZ_DEPREL_CASE || w->lab[d] == MZ_DEPREL_MARK))
            w->casew[h] = w->a[d].lower;
        w->lsib[d] = last[h];
        last[h] = (int16_t)d;
    }
    for (int i = 0; i <= n + 1; i++)
        last[i] = 0;
    for (int d = n; d >= 1; d--) {
        int h = w->head[d];
        w->rsib[d] = last[h];
        last[h] = (int16_t)d;
    }
}

/* Label + 1 given by the parser to token t (0 for none, the root's label for the root). */
static inline uint64_t lb1(const mz_parse_work *w, int t)
{
    return t < 0 ? 0 : t == 0 ? MZ_DEPREL_ROOT + 1 : (uint64_t)w->lab1[t] + 1;
}

/* Features of word d's relation over the whole tree: the parser's label of d, of its head and
 * of its siblings, the core relations the head's other children and d's own children have,
 * the grandparent, and the words and tags of d, its head and its case or mark child. */
size_t mz_rel_feats(const mz_parse_work *w, int d, uint64_t *f)
{
    int h = w->head[d], g = h > 0 ? w->head[h] : -1;
    uint64_t dir = d < h ? 1 : 2, td = at(w, d), th = at(w, h), wd = aw(w, d), wh = aw(w, h);
    uint64_t l0 = lb1(w, d), lh = lb1(w, h), tdh = td * 32 + th;
    uint16_t bit = mz_core_bit(w->lab1[d]);
    uint64_t sibs = other_children(w, h, bit);
    uint64_t kids = w->cmask[d], cw = w->casew[d];
    uint64_t nk = (uint64_t)(w->nl[d] < 3 ? w->nl[d] : 3) * 4 + (w->nr[d] < 3 ? w->nr[d] : 3);
    int ls = w->lsib[d] ? w->lsib[d] : -1, rs = w->rsib[d] ? w->rsib[d] : -1;
    size_t k = 0;
    f[k++] = mz_feat1(400, 0);
    f[k++] = mz_feat1(401, l0);
    f[k++] = mz_feat2(402, l0, td);
    f[k++] = mz_feat3(403, l0, tdh, dir);
    f[k++] = mz_feat2(404, l0, wd);
    f[k++] = mz_feat3(405, l0, wh, dir);
    f[k++] = mz_feat3(406, l0, lh, td);
    f[k++] = mz_feat3(407, tdh, lh, dir);
    f[k++] = mz_feat3(408, tdh, at(w, g), dir);
    f[k++] = mz_feat3(409, l0, sibs, dir);
    f[k++] = mz_feat3(410, tdh, sibs, dir);
    f[k++] = mz_feat3(411, l0, lb1(w, ls), lb1(w, rs));
    f[k++] = mz_feat3(412, td, lb1(w, ls), at(w, ls));
    f[k++] = mz_feat3(413, td, lb1(w, rs), at(w, rs));
    f[k++] = mz_feat2(414, l0, kids);
    f[k++] = mz_feat3(415, td, kids, dir);
    f[k++] = mz_feat3(416, td, wd, dir);
    f[k++] = mz_feat2(417, wh, wd);
    f[k++] = mz_feat3(418, tdh, dist_bin(d - h), dir);
    f[k++] = mz_feat2(419, w->stag[d], l0);
    f[k++] = mz_feat3(420, w->stag[d], ast(w, h), l0);
    f[k++] = mz_feat2(421, l0, cw);
    f[k++] = mz_feat3(422, cw, tdh, dir);
    f[k++] = mz_feat3(423, l0, td, nk);
    f[k++] = mz_feat3(424, l0, (uint64_t)(g == 0), dir);
    f[k++] = mz_feat3(425, tdh, dir, punct_between(w, d, h));
    f[k++] = mz_feat3(426, lh, l0, sibs);
    f[k++] = mz_feat3(427, w->a[d].suf[2], td, l0);
    f[k++] = mz_feat3(428, wh, td, dir);
    f[k++] = mz_feat3(429, l0, td, (uint64_t)((w->cdup[h] & bit) != 0));
    f[k++] = mz_feat3(430, l0, at(w, d - 1), at(w, d + 1 <= (int)w->n ? d + 1 : -1));
    f[k++] = mz_feat3(431, l0, th, lh);
    return k;
}

/* Whether the labeller's best relation (other than root) leads the runner-up by MZ_REL_SURE or
 * more in its scores s (never for a moved word, whose scores are zero). */
static int labeller_sure(const int32_t *s)
{
    int32_t t1 = INT32_MIN, t2 = INT32_MIN;
    for (int c = 0; c < MZ_DEPREL_COUNT; c++) {
        if (c == MZ_DEPREL_ROOT)
            continue;
        if (s[c] > t1) {
            t2 = t1;
            t1 = s[c];
        } else if (s[c] > t2) {
            t2 = s[c];
        }
    }
    return (int64_t)t1 - t2 >= MZ_REL_SURE;
}

/* Each word's relation is the best of the sum of the relabeller's scores and twice the
 * labeller's (kept from the parse; zero for a word the reattacher moved).  On EWT dev the sum
 * beat either alone; the labeller counted once or twice gave the same LAS (81.74 and 81.71,
 * seed 2 81.41 both), three times 81.68; twice keeps more of the parser's labels where the
 * tree around them is wrong, as in the relative clause of tests/unit/test_context.c's
 * parsed_subjects, which the relabeller alone calls parataxis.  A word the labeller is sure of
 * keeps its relation without asking the relabeller. */
void mz_relabel(const mz_lin *rel, mz_parse_work *w)
{
    uint64_t mask = ((1ULL << MZ_DEPREL_COUNT) - 1) & ~(1ULL << MZ_DEPREL_ROOT);
    mz_rel_begin(w);
    for (int d = 1; d <= (int)w->n; d++) {
        if (w->head[d] == 0)
            continue;
        if (labeller_sure(w->labsc[d]))
            continue;
        int32_t s[MZ_DEPREL_COUNT];
        for (int c = 0; c < MZ_DEPREL_COUNT; c++)
            s[c] = 2 * w->labsc[d][c];
        size_t nf = mz_rel_feats(w, d, w->feats);
        mz_lin_score(rel, w->feats, nf, s);
        w->lab[d] = (uint8_t)mz_argmax_i32(s, MZ_DEPREL_COUNT, mask);
    }
}

/* ---- reattacher ------------------------------------------------------------------------ */

/* Whether d dominates c (c is d or in d's subtree), by walking up from c. */
static int dominates(const mz_parse_work *w, int d, int c)
{
    for (int k = 0; c > 0 && k <= (int)w->n; k++) {
        if (c == d)
            return 1;
        c = w->head[c];
    }
    return c == d;
}

int mz_att_cands(const mz_parse_work *w, int d, int16_t *c, uint8_t *kind)
{
    int h = w->head[d], g = h > 0 ? w->head[h] : -1;
    int cand[MZ_ATT_MAX] = {h, g, g > 0 ? w->head[g] : -1, w->lsib[d], w->rsib[d]};
    int m = 0;
    for (int i = 0; i < MZ_ATT_MAX; i++)
        if (cand[i] >= 1) {
            c[m] = (int16_t)cand[i];
            kind[m++] = (uint8_t)i;
        }
    return m;
}

/* Number of verbs strictly between a and b (0, 1, 2+). */
static uint64_t verbs_between(const mz_parse_work *w, int a, int b)
{
    int lo = a < b ? a : b, hi = a < b ? b : a, k = 0;
    for (int i = lo + 1; i < hi && k < 2; i++)
        k += w->tag[i] == MZ_UPOS_VERB;
    return (uint64_t)k;
}

/* Features of candidate head c of word d: its kind and whether it is the current head, the
 * tags, words and supertags of d and c, the parser's labels of both, the core relations c's
 * other children have, the distance and what lies between, and d's case or mark word with c
 * (the prepositional attachment). */
size_t mz_att_feats(const mz_parse_work *w, int d, int c, int kind, uint64_t *f)
{
    int h = w->head[d];
    uint64_t cur = c == h, kd = (uint64_t)kind * 2 + cur;
    uint64_t dir = d < c ? 1 : 2, td = at(w, d), tc = at(w, c), wd = aw(w, d), wc = aw(w, c);
    uint64_t l0 = lb1(w, d), lc = lb1(w, c), dist = dist_bin(d - c), cw = w->casew[d];
    uint64_t tdc = td * 32 + tc, sd = w->stag[d];
    uint16_t bit = mz_core_bit(w->lab1[d]);
    uint64_t kids = c == h ? other_children(w, c, bit) : w->cmask[c];
    size_t k = 0;
    f[k++] = mz_feat1(500, kd);
    f[k++] = mz_feat2(501, kd, tdc);
    f[k++] = mz_feat3(502, kd, tdc, dir);
    f[k++] = mz_feat3(503, tdc, dir, dist);
    f[k++] = mz_feat3(504, wc, td, dir);
    f[k++] = mz_feat3(505, tc, wd, dir);
    f[k++] = mz_feat3(506, wc, wd, dir);
    f[k++] = mz_feat3(507, l0, tc, dir);
    f[k++] = mz_feat3(508, l0, tdc, kd);
    f[k++] = mz_feat3(509, lc, td, l0);
    f[k++] = mz_feat3(510, sd, tc, dir);
    f[k++] = mz_feat3(511, sd, tc, kd);
    f[k++] = mz_feat3(512, kids, l0, tc);
    f[k++] = mz_feat3(513, tdc, punct_between(w, d, c), dir);
    f[k++] = mz_feat3(514, tdc, verbs_between(w, d, c), dir);
    f[k++] = mz_feat3(515, at(w, w->head[c]), tdc, kd);
    f[k++] = mz_feat3(516, cw, tc, dir);
    f[k++] = mz_feat3(517, cw, wc, dir);
    f[k++] = mz_feat3(518, cw, tc, wd);
    f[k++] = mz_feat3(519, sd, ast(w, c), dir);
    f[k++] = mz_feat3(520, sd, wc, dir);
    f[k++] = mz_feat3(521, tdc, dist, kd);
    f[k++] = mz_feat3(522, l0, lc, kd);
    f[k++] = mz_feat3(523, kids, sd, dir);
    f[k++] = mz_feat3(524, tdc, at(w, c - 1), at(w, c + 1 <= (int)w->n ? c + 1 : -1));
    f[k++] = mz_feat3(525, tdc, at(w, d - 1), at(w, d + 1 <= (int)w->n ? d + 1 : -1));
    f[k++] = mz_feat3(526, w->a[c].suf[2], td, dir);
    return k;
}

/* Score of a candidate: class 1 against class 0 of the two-class model. */
static int32_t att_score(const mz_lin *att, mz_parse_work *w, int d, int c, int kind)
{
    int32_t s[MZ_LIN_INLINE] = {0}; /* two classes, room for what an inline model adds */
    size_t nf = mz_att_feats(w, d, c, kind, w->feats);
    mz_lin_score(att, w->feats, nf, s);
    return s[1] - s[0];
}

/* Best candidate head of word d, or its current head unless another candidate scores more
 * than MZ_ATT_MARGIN above it. */
static int best_head(const mz_lin *att, mz_parse_work *w, int d)
{
    int16_t c[MZ_ATT_MAX];
    uint8_t kind[MZ_ATT_MAX];
    int m = mz_att_cands(w, d, c, kind), best = 0;
    int32_t s0 = att_score(att, w, d, c[0], kind[0]), bs = s0;
    for (int i = 1; i < m; i++) {
        int32_t sc = att_score(att, w, d, c[i], kind[i]);
        if (sc > bs) {
            bs = sc;
            best = i;
        }
    }
    return bs - s0 > MZ_ATT_MARGIN ? c[best] : c[0];
}

void mz_reattach(const mz_lin *att, mz_parse_work *w)
{
    int n = (int)w->n, changed = 0;
    int16_t nh[MZ_TOKS];
    uint8_t lb[MZ_TOKS];
    mz_rel_begin(w);
    for (int d = 1; d <= n; d++)
        nh[d] = w->head[d] > 0 ? (int16_t)best_head(att, w, d) : w->head[d];
    /* the moves are decided on the parser's tree and made left to right; one that would close
     * a cycle with those made before is not made */
    for (int d = 1; d <= n; d++) {
        if (nh[d] == w->head[d] || dominates(w, d, nh[d]))
            continue;
        w->head[d] = nh[d];
        memset(w->labsc[d], 0, sizeof w->labsc[d]); /* the labeller's scores were for the old head */
        changed = 1;
    }
    if (!changed)
        return;
    memcpy(nh, w->head, sizeof nh[0] * (size_t)(n + 1));
    memcpy(lb, w->lab, (size_t)(n + 1));
    mz_tree_load(w, nh, lb);
}

/* ---- analysis ---------------------------------------------------------------------------- */

mz_parse_work *mz_parse_work_new(void) { return calloc(1, sizeof(mz_parse_work)); }

void mz_parse_work_free(mz_parse_work *w) { free(w); }

void mz_parse_work_quick(mz_parse_work *w, int quick) { w->quick = quick; }

/* Tags tokens 1..n left to right with `model` over the features of `feats`. */
static void tag_pass(const mz_lin *model, feat_fn feats, mz_parse_work *w)
{
    for (int t = 1; t <= (int)w->n; t++) {
        int32_t s[MZ_UPOS_COUNT] = {0};
        ask_ahead(model, feats, w, t);
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
        memcpy(w->labsc[d], s, sizeof s);
    }
    mz_lab_done(w, d);
}

/* Parses greedily: the best valid transition at each step; each arc is labelled as it is made,
 * so that later decisions see the relations of the children. */
void mz_run_parser(const mz_lin *arc, const mz_lin *lab, mz_parse_work *w)
{
    mz_arc_init(w);
    mz_lab_begin(w);
    while (!mz_arc_done(w)) {
        int32_t s[MZ_TR_COUNT] = {0};
        uint64_t mask = 0;
        for (int tr = 0; tr < MZ_TR_COUNT; tr++)
            if (mz_arc_valid(w, tr))
                mask |= 1ULL << tr;
        size_t nf = arc_feats(w, w->feats, arc);
        mz_lin_score(arc, w->feats, nf, s);
        int tr = mz_argmax_i32(s, MZ_TR_COUNT, mask), d = w->stack[w->sp - 1];
        mz_arc_apply(w, tr);
        if (tr != MZ_TR_SHIFT)
            mz_arc_label(lab, w, d);
    }
}

int mz_parse_sentence(const mz_parse_model *m, mz_parse_work *w, const char *const *forms,
                      const uint32_t *lens, size_t n, const uint8_t *gold_tags, mz_parsed *out)
{
    if (n > MZ_PARSE_MAX_WORDS)
        return -1;
    mz_syn_attrs(w, forms, lens, n, &m->clus);
    if (gold_tags)
        memcpy(w->tag + 1, gold_tags, n);
    else
        mz_run_tagger(m, w);
    if (m->stag.cap)
        mz_run_stagger(&m->stag, w);
    else
        memset(w->stag, 0, n + 2);
    mz_run_parser(&m->arc, &m->lab, w);
    if (m->att.nrows && !w->quick)
        mz_reattach(&m->att, w);
    if (m->rel.nrows)
        mz_relabel(&m->rel, w);
    for (size_t i = 0; i < n; i++) {
        out[i].upos = w->tag[i + 1];
        out[i].head = w->head[i + 1];
        out[i].deprel = w->lab[i + 1];
    }
    return 0;
}
