/*
 * cluster.c — word clusters learnt from unannotated text, for the features of the English
 * models (after Koo, Carreras & Collins 2008, "Simple semi-supervised dependency parsing").
 *
 * The clusters are those of a class bigram model (Brown et al. 1992), found in two steps that
 * are cheaper than Brown's exact algorithm and give the same kind of result:
 *
 *   1. the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998): the words seen
 *      at least MZ_CL_MIN_COUNT times, most frequent first, start in MZ_CL_CLASSES classes
 *      round robin; each word in turn moves to the class where the likelihood of the text under
 *      the class bigram model is highest, until few words move;
 *   2. Brown's agglomeration over those classes: the two classes whose merging loses the least
 *      likelihood are merged, until one is left.  The merges make a binary tree; a word's
 *      bit string is the path from the root to its class (0 left, 1 right).
 *
 * A word's features are its class and the first 4 and 6 bits of its string (all of it when
 * shorter), as in Koo et al.  Rarer words, and words not in the text, have none.  Everything is
 * deterministic: ties go to the lower class, the words are ordered by count and hash.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A word of the vocabulary: its hash and its count. */
typedef struct vword {
    uint64_t h;
    uint32_t count;
} vword;

/* A bigram of word ids and its count, for the neighbour lists. */
typedef struct bigram {
    uint32_t a, b, count;
} bigram;

/* Working state of the clustering. */
typedef struct clwork {
    uint32_t nv;          /* vocabulary words: ids 0..nv-1; nv = rare words, nv + 1 = boundary */
    int k;                /* classes to learn: 0..k-1; k = rare words, k + 1 = boundary */
    int nc;               /* k + 2 */
    uint32_t *cls;        /* class of each id */
    uint32_t *rstart, *lstart; /* neighbour lists (CSR): right of a, left of b */
    uint32_t *rnb, *rcnt, *lnb, *lcnt;
    double *m;            /* nc x nc class bigram counts */
    double *nl, *nr;      /* class counts as the first and as the second word of a bigram */
    double *xlx;          /* x log x for the integer counts 0..total */
    size_t total;
} clwork;

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_bigram(const void *a, const void *b)
{
    const bigram *x = a, *y = b;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    return x->b < y->b ? -1 : x->b > y->b;
}

/* Most frequent first, then by hash. */
static int cmp_vword_freq(const void *a, const void *b)
{
    const vword *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->h < y->h ? -1 : x->h > y->h;
}

static int cmp_vword_hash(const void *a, const void *b)
{
    const vword *x = a, *y = b;
    return x->h < y->h ? -1 : x->h > y->h;
}

/* x log x of a count (exact for the integer counts of the tables, computed for others). */
static inline double xlx(const clwork *c, double x)
{
    size_t i = (size_t)x;
    return (double)i == x && i <= c->total ? c->xlx[i] : x > 0 ? x * log(x) : 0;
}

/* Id of a word hash (binary search over the vocabulary sorted by hash), nv when rare. */
static uint32_t word_id(const vword *v, uint32_t nv, uint64_t h)
{
    size_t lo = 0, hi = nv;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid].h < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < nv && v[lo].h == h ? (uint32_t)lo : nv;
}

/* The vocabulary: the distinct hashes of toks (0 = boundary, left out) seen min_count times or
 * more, sorted by hash (the id order).  Returns the count, or -1 when out of memory. */
static long build_vocab(const uint64_t *toks, size_t n, uint32_t min_count, vword **out)
{
    uint64_t *s = malloc((n + 1) * sizeof *s);
    vword *v = malloc((n + 1) * sizeof *v);
    if (!s || !v) {
        free(s);
        free(v);
        return -1;
    }
    size_t m = 0, nv = 0;
    for (size_t i = 0; i < n; i++)
        if (toks[i])
            s[m++] = toks[i];
    qsort(s, m, sizeof *s, cmp_u64);
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j < m && s[j] == s[i])
            j++;
        if (j - i >= min_count)
            v[nv++] = (vword){s[i], (uint32_t)(j - i)};
        i = j;
    }
    free(s);
    *out = v;
    return (long)nv;
}

/* Fills the neighbour lists and the x log x table from the token ids (boundaries around every
 * sentence).  Returns 0, -1 when out of memory. */
static int build_bigrams(clwork *c, const uint32_t *ids, size_t n)
{
    bigram *bg = malloc((n + 1) * sizeof *bg);
    size_t nb = 0;
    if (!bg)
        return -1;
    for (size_t i = 0; i + 1 < n; i++)
        if (!(ids[i] == c->nv + 1 && ids[i + 1] == c->nv + 1))
            bg[nb++] = (bigram){ids[i], ids[i + 1], 1};
    qsort(bg, nb, sizeof *bg, cmp_bigram);
    size_t u = 0;
    for (size_t i = 0; i < nb; i++) {
        if (u && bg[u - 1].a == bg[i].a && bg[u - 1].b == bg[i].b)
            bg[u - 1].count++;
        else
            bg[u++] = bg[i];
    }
    size_t ids_n = c->nv + 2;
    c->rstart = calloc(ids_n + 1, sizeof *c->rstart);
    c->lstart = calloc(ids_n + 1, sizeof *c->lstart);
    c->rnb = malloc((u + 1) * sizeof *c->rnb);
    c->rcnt = malloc((u + 1) * sizeof *c->rcnt);
    c->lnb = malloc((u + 1) * sizeof *c->lnb);
    c->lcnt = malloc((u + 1) * sizeof *c->lcnt);
    c->total = nb;
    c->xlx = malloc((nb + 1) * sizeof *c->xlx);
    if (!c->rstart || !c->lstart || !c->rnb || !c->rcnt || !c->lnb || !c->lcnt || !c->xlx) {
        free(bg);
        return -1;
    }
    for (size_t i = 0; i <= nb; i++)
        c->xlx[i] = i ? (double)i * log((double)i) : 0;
    for (size_t i = 0; i < u; i++) {
        c->rstart[bg[i].a + 1]++;
        c->lstart[bg[i].b + 1]++;
    }
    for (size_t i = 0; i < ids_n; i++) {
        c->rstart[i + 1] += c->rstart[i];
        c->lstart[i + 1] += c->lstart[i];
    }
    uint32_t *fill = calloc(ids_n, sizeof *fill);
    if (!fill) {
        free(bg);
        return -1;
    }
    for (size_t i = 0; i < u; i++) { /* sorted by a: bigram i is the right lists' entry i */
        c->rnb[i] = bg[i].b;
        c->rcnt[i] = bg[i].count;
        uint32_t l = c->lstart[bg[i].b] + fill[bg[i].b]++;
        c->lnb[l] = bg[i].a;
        c->lcnt[l] = bg[i].count;
    }
    free(fill);
    free(bg);
    return 0;
}

/* Sets the class bigram counts from the classes of the words. */
static void count_classes(clwork *c)
{
    size_t nc = (size_t)c->nc;
    memset(c->m, 0, nc * nc * sizeof *c->m);
    memset(c->nl, 0, nc * sizeof *c->nl);
    memset(c->nr, 0, nc * sizeof *c->nr);
    for (uint32_t a = 0; a < c->nv + 2; a++)
        for (uint32_t i = c->rstart[a]; i < c->rstart[a + 1]; i++) {
            uint32_t ca = c->cls[a], cb = c->cls[c->rnb[i]];
            c->m[ca * nc + cb] += c->rcnt[i];
            c->nl[ca] += c->rcnt[i];
            c->nr[cb] += c->rcnt[i];
        }
}

/* Sparse class counts of a word's neighbours: dense values, and the classes that have some. */
typedef struct nbcounts {
    double *v;
    int *nz;
    int n;
} nbcounts;

static void nb_add(nbcounts *s, int cl, double x)
{
    if (s->v[cl] == 0)
        s->nz[s->n++] = cl;
    s->v[cl] += x;
}

static void nb_clear(nbcounts *s)
{
    for (int i = 0; i < s->n; i++)
        s->v[s->nz[i]] = 0;
    s->n = 0;
}

/* Gain in the log likelihood (up to a constant) of putting word w, removed from every class,
 * into class b: its right neighbours' classes r, left neighbours' l, its bigrams with itself
 * `self`, its counts as first and second word wl, wr. */
static double gain(const clwork *c, int b, const nbcounts *r, const nbcounts *l, double self,
                   double wl, double wr)
{
    const double *row = c->m + (size_t)b * (size_t)c->nc;
    double g = 0;
    for (int i = 0; i < r->n; i++) {
        int d = r->nz[i];
        if (d != b)
            g += xlx(c, row[d] + r->v[d]) - xlx(c, row[d]);
    }
    for (int i = 0; i < l->n; i++) {
        int e = l->nz[i];
        if (e != b) {
            double x = c->m[(size_t)e * (size_t)c->nc + (size_t)b];
            g += xlx(c, x + l->v[e]) - xlx(c, x);
        }
    }
    g += xlx(c, row[b] + r->v[b] + l->v[b] + self) - xlx(c, row[b]);
    g -= xlx(c, c->nl[b] + wl) - xlx(c, c->nl[b]);
    g -= xlx(c, c->nr[b] + wr) - xlx(c, c->nr[b]);
    return g;
}

/* Adds (sign 1) or removes (sign -1) word w's bigrams to or from class b's counts. */
static void move_counts(clwork *c, int b, const nbcounts *r, const nbcounts *l, double self,
                        double wl, double wr, double sign)
{
    size_t nc = (size_t)c->nc;
    for (int i = 0; i < r->n; i++)
        c->m[(size_t)b * nc + (size_t)r->nz[i]] += sign * r->v[r->nz[i]];
    for (int i = 0; i < l->n; i++)
        c->m[(size_t)l->nz[i] * nc + (size_t)b] += sign * l->v[l->nz[i]];
    c->m[(size_t)b * nc + (size_t)b] += sign * self;
    c->nl[b] += sign * wl;
    c->nr[b] += sign * wr;
}

/* One exchange pass over the words in `order`; returns how many moved. */
static size_t exchange_pass(clwork *c, const uint32_t *order, nbcounts *r, nbcounts *l)
{
    size_t moved = 0;
    for (uint32_t k = 0; k < c->nv; k++) {
        uint32_t w = order[k];
        int a = (int)c->cls[w];
        double self = 0, wl = 0, wr = 0;
        for (uint32_t i = c->rstart[w]; i < c->rstart[w + 1]; i++) {
            wl += c->rcnt[i];
            if (c->rnb[i] == w)
                self += c->rcnt[i];
            else
                nb_add(r, (int)c->cls[c->rnb[i]], c->rcnt[i]);
        }
        for (uint32_t i = c->lstart[w]; i < c->lstart[w + 1]; i++) {
            wr += c->lcnt[i];
            if (c->lnb[i] != w)
                nb_add(l, (int)c->cls[c->lnb[i]], c->lcnt[i]);
        }
        move_counts(c, a, r, l, self, wl, wr, -1);
        int best = a;
        double bg = gain(c, a, r, l, self, wl, wr);
        for (int b = 0; b < c->k; b++) {
            double g = b == a ? bg : gain(c, b, r, l, self, wl, wr);
            if (g > bg + 1e-9) {
                bg = g;
                best = b;
            }
        }
        move_counts(c, best, r, l, self, wl, wr, 1);
        c->cls[w] = (uint32_t)best;
        moved += best != a;
        nb_clear(r);
        nb_clear(l);
    }
    return moved;
}

/* The part of the change in the log likelihood when classes i and j merge that comes from
 * class d's row and column (d neither i nor j). */
static double merge_term(const clwork *c, int i, int j, int d)
{
    size_t nc = (size_t)c->nc;
    const double *m = c->m;
    double a = m[(size_t)i * nc + (size_t)d], b = m[(size_t)j * nc + (size_t)d];
    double x = m[(size_t)d * nc + (size_t)i], y = m[(size_t)d * nc + (size_t)j];
    return xlx(c, a + b) - xlx(c, a) - xlx(c, b) + xlx(c, x + y) - xlx(c, x) - xlx(c, y);
}

/* Change in the log likelihood when classes i and j merge (both active; `act` lists the
 * classes to sum over: the active ones and the two fixed ones). */
static double merge_delta(const clwork *c, int i, int j, const int *act, int nact)
{
    size_t nc = (size_t)c->nc;
    const double *m = c->m;
    double g = 0;
    for (int t = 0; t < nact; t++)
        if (act[t] != i && act[t] != j)
            g += merge_term(c, i, j, act[t]);
    double ii = m[(size_t)i * nc + (size_t)i], ij = m[(size_t)i * nc + (size_t)j];
    double ji = m[(size_t)j * nc + (size_t)i], jj = m[(size_t)j * nc + (size_t)j];
    g += xlx(c, ii + ij + ji + jj) - xlx(c, ii) - xlx(c, ij) - xlx(c, ji) - xlx(c, jj);
    g -= xlx(c, c->nl[i] + c->nl[j]) - xlx(c, c->nl[i]) - xlx(c, c->nl[j]);
    g -= xlx(c, c->nr[i] + c->nr[j]) - xlx(c, c->nr[i]) - xlx(c, c->nr[j]);
    return g;
}

/* Merges class j into class i in the counts. */
static void merge_counts(clwork *c, int i, int j)
{
    size_t nc = (size_t)c->nc;
    for (size_t d = 0; d < nc; d++)
        c->m[(size_t)i * nc + d] += c->m[(size_t)j * nc + d];
    for (size_t e = 0; e < nc; e++)
        if ((int)e != j)
            c->m[e * nc + (size_t)i] += c->m[e * nc + (size_t)j];
    for (size_t d = 0; d < nc; d++)
        c->m[(size_t)j * nc + d] = c->m[d * nc + (size_t)j] = 0;
    c->nl[i] += c->nl[j];
    c->nr[i] += c->nr[j];
    c->nl[j] = c->nr[j] = 0;
}

/* Merges classes i and j (into i) and brings the changes of the other pairs' merges, in
 * delta (k x k, by class), up to date: a pair (a, b) apart from i and j changes only in the
 * terms of rows and columns i and j (Brown et al.'s update, O(k^2) a merge instead of k^3). */
static void merge_update(clwork *c, double *delta, int i, int j, const int *act, int nact)
{
    int k = c->k, na = nact - 2;
    for (int x = 0; x < na; x++)
        for (int y = x + 1; y < na; y++) {
            int a = act[x], b = act[y];
            if (a != i && a != j && b != i && b != j)
                delta[a * k + b] -= merge_term(c, a, b, i) + merge_term(c, a, b, j);
        }
    merge_counts(c, i, j);
    for (int x = 0; x < na; x++)
        for (int y = x + 1; y < na; y++) {
            int a = act[x], b = act[y];
            if (a == j || b == j)
                continue;
            if (a != i && b != i)
                delta[a * k + b] += merge_term(c, a, b, i);
        }
}

/* Brown's agglomeration of the k classes: fills the tree's children (nodes 0..k-1 are the
 * classes, k.. the merges, the last one the root).  The changes of the pairs' merges are
 * kept in a k x k table, pair (a, b) at a * k + b with a listed before b in `act`.  Returns 0,
 * -1 when out of memory. */
static int agglomerate(clwork *c, int *kids)
{
    int k = c->k, nact = k + 2;
    int *act = malloc((size_t)nact * sizeof *act), *node = malloc((size_t)k * sizeof *node);
    double *delta = malloc((size_t)k * (size_t)k * sizeof *delta);
    if (!act || !node || !delta) {
        free(act);
        free(node);
        free(delta);
        return -1;
    }
    for (int i = 0; i < nact; i++)
        act[i] = i;
    for (int i = 0; i < k; i++)
        node[i] = i;
    for (int x = 0; x < k; x++)
        for (int y = x + 1; y < k; y++)
            delta[x * k + y] = merge_delta(c, x, y, act, nact);
    for (int step = 0; step < k - 1; step++) {
        int bi = -1, bj = -1, na = nact - 2; /* the active classes are act[0..na) */
        double best = 0;
        for (int x = 0; x < na; x++)
            for (int y = x + 1; y < na; y++) {
                double g = delta[act[x] * k + act[y]];
                if (bi < 0 || g > best + 1e-9) {
                    best = g;
                    bi = x;
                    bj = y;
                }
            }
        int i = act[bi], j = act[bj];
        merge_update(c, delta, i, j, act, nact);
        kids[2 * (k + step)] = node[i];
        kids[2 * (k + step) + 1] = node[j];
        node[i] = k + step;
        memmove(act + bj, act + bj + 1, (size_t)(nact - bj - 1) * sizeof *act);
        nact--;
        /* the pairs with the merged class, anew */
        for (int x = 0; x < nact - 2; x++) {
            int a = act[x];
            if (a == i)
                continue;
            int lo = x < bi ? a : i, hi = x < bi ? i : a;
            delta[lo * k + hi] = merge_delta(c, lo, hi, act, nact);
        }
    }
    free(act);
    free(node);
    free(delta);
    return 0;
}

/* Code of a bit-string prefix of `len` bits: a leading 1 then the bits. */
static uint32_t prefix_code(uint64_t bits, int len, int p)
{
    int l = len < p ? len : p;
    return (1u << l) | (uint32_t)(bits >> (len - l));
}

/* Walks the merge tree from `node` (path bits so far, depth len) and sets each class's code:
 * class + 1, the 4-bit prefix code << 10 and the 6-bit one << 16. */
static void class_codes(const int *kids, int k, int node, uint64_t bits, int len, uint32_t *code)
{
    if (node < k) {
        code[node] = (uint32_t)(node + 1) | prefix_code(bits, len, 4) << 10 |
                     prefix_code(bits, len, 6) << 16;
        return;
    }
    /* deeper than 6 bits only the prefixes matter: keep the top bits */
    uint64_t b0 = len < 40 ? bits << 1 : bits, b1 = len < 40 ? bits << 1 | 1 : bits;
    int nl = len < 40 ? len + 1 : len;
    class_codes(kids, k, kids[2 * node], b0, nl, code);
    class_codes(kids, k, kids[2 * node + 1], b1, nl, code);
}

static void clwork_free(clwork *c)
{
    free(c->cls);
    free(c->rstart);
    free(c->lstart);
    free(c->rnb);
    free(c->rcnt);
    free(c->lnb);
    free(c->lcnt);
    free(c->m);
    free(c->nl);
    free(c->nr);
    free(c->xlx);
}

/* Exchange passes, then the agglomeration, then the codes of the words into cl. */
static int cluster_words(clwork *c, vword *v, mz_clusters *cl)
{
    int k = c->k;
    size_t nc = (size_t)c->nc;
    uint32_t *order = malloc((c->nv + 1) * sizeof *order);
    vword *byf = malloc((c->nv + 1) * sizeof *byf);
    nbcounts r = {calloc(nc, sizeof(double)), malloc(nc * sizeof(int)), 0};
    nbcounts l = {calloc(nc, sizeof(double)), malloc(nc * sizeof(int)), 0};
    int *kids = malloc(4 * (size_t)k * sizeof *kids);
    uint32_t *code = calloc((size_t)k, sizeof *code);
    int rc = order && byf && r.v && r.nz && l.v && l.nz && kids && code ? 0 : -1;
    if (rc == 0) {
        memcpy(byf, v, c->nv * sizeof *v);
        qsort(byf, c->nv, sizeof *byf, cmp_vword_freq);
        for (uint32_t i = 0; i < c->nv; i++) {
            order[i] = word_id(v, c->nv, byf[i].h);
            c->cls[order[i]] = i % (uint32_t)k;
        }
        count_classes(c);
        for (int it = 0; it < MZ_CL_PASSES; it++)
            if (exchange_pass(c, order, &r, &l) * 1000 < c->nv)
                break;
        rc = agglomerate(c, kids);
    }
    if (rc == 0) {
        class_codes(kids, k, 2 * k - 2, 0, 0, code);
        cl->n = c->nv;
        cl->hash = malloc((c->nv + 1) * sizeof *cl->hash);
        cl->code = malloc((c->nv + 1) * sizeof *cl->code);
        if (!cl->hash || !cl->code)
            rc = -1;
        for (uint32_t i = 0; rc == 0 && i < c->nv; i++) {
            cl->hash[i] = v[i].h;
            cl->code[i] = code[c->cls[i]];
        }
        if (rc == 0)
            rc = mz_clusters_index(cl);
    }
    free(order);
    free(byf);
    free(r.v);
    free(r.nz);
    free(l.v);
    free(l.nz);
    free(kids);
    free(code);
    return rc;
}

int mz_clusters_learn(mz_clusters *cl, const uint64_t *toks, size_t n)
{
    memset(cl, 0, sizeof *cl);
    vword *v = NULL;
    long nv = build_vocab(toks, n, MZ_CL_MIN_COUNT, &v);
    if (nv < 0)
        return -1;
    qsort(v, (size_t)nv, sizeof *v, cmp_vword_hash);
    clwork c = {0};
    c.nv = (uint32_t)nv;
    c.k = nv < MZ_CL_CLASSES ? (int)nv : MZ_CL_CLASSES;
    c.nc = c.k + 2;
    if (c.k < 2) {
        free(v);
        return 0; /* too little text: no clusters */
    }
    size_t nc = (size_t)c.nc;
    uint32_t *ids = malloc((n + 2) * sizeof *ids);
    c.cls = malloc((c.nv + 2) * sizeof *c.cls);
    c.m = malloc(nc * nc * sizeof *c.m);
    c.nl = malloc(nc * sizeof *c.nl);
    c.nr = malloc(nc * sizeof *c.nr);
    int rc = ids && c.cls && c.m && c.nl && c.nr ? 0 : -1;
    if (rc == 0) {
        size_t m = 0;
        ids[m++] = c.nv + 1;
        for (size_t i = 0; i < n; i++)
            ids[m++] = toks[i] ? word_id(v, c.nv, toks[i]) : c.nv + 1;
        ids[m++] = c.nv + 1;
        c.cls[c.nv] = (uint32_t)c.k;
        c.cls[c.nv + 1] = (uint32_t)c.k + 1;
        rc = build_bigrams(&c, ids, m);
    }
    if (rc == 0)
        rc = cluster_words(&c, v, cl);
    free(ids);
    free(v);
    clwork_free(&c);
    if (rc < 0)
        mz_clusters_free(cl);
    return rc;
}

int mz_clusters_index(mz_clusters *cl)
{
    uint32_t cap = 16;
    while (cap < 2 * cl->n)
        cap *= 2;
    free(cl->slot);
    cl->slot = calloc(cap, sizeof *cl->slot);
    if (!cl->slot)
        return -1;
    cl->mask = cap - 1;
    for (size_t i = 0; i < cl->n; i++) {
        uint32_t s = (uint32_t)mz_fmix(cl->hash[i]) & cl->mask;
        while (cl->slot[s])
            s = (s + 1) & cl->mask;
        cl->slot[s] = (uint32_t)i + 1;
    }
    return 0;
}

uint32_t mz_cluster_of(const mz_clusters *cl, uint64_t h)
{
    if (!cl->slot)
        return 0;
    for (uint32_t s = (uint32_t)mz_fmix(h) & cl->mask;; s = (s + 1) & cl->mask) {
        uint32_t i = cl->slot[s];
        if (!i)
            return 0;
        if (cl->hash[i - 1] == h)
            return cl->code[i - 1];
    }
}

void mz_clusters_free(mz_clusters *cl)
{
    free(cl->hash);
    free(cl->code);
    free(cl->slot);
    cl->hash = NULL;
    cl->code = NULL;
    cl->slot = NULL;
    cl->n = 0;
}
