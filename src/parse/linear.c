/* linear.c — hashed averaged-perceptron models; see linear.h. */
#include "linear.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

uint64_t mz_str_hash(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return mz_fmix(h ^ n);
}

static inline uint32_t fingerprint(uint64_t key)
{
    return (uint32_t)(key >> 32) | 1u;
}

/* Slot of `key` in the runtime table, or UINT32_MAX when absent.  The table always has an empty
 * slot (cap > nrows), so the probe ends. */
static inline uint32_t lin_find(const mz_lin *m, uint64_t key)
{
    uint32_t mask = m->cap - 1, fp = fingerprint(key);
    for (uint32_t s = (uint32_t)key & mask;; s = (s + 1) & mask) {
        uint32_t f = m->slot[2 * s];
        if (f == fp)
            return m->slot[2 * s + 1];
        if (f == 0)
            return UINT32_MAX;
    }
}

/* The slots of all features are prefetched first, so that their cache misses overlap; then the
 * rows found are prefetched before they are added. */
void mz_lin_score(const mz_lin *m, const uint64_t *feats, size_t nf, int32_t *scores)
{
    if (!m->cap)
        return;
    uint32_t nc = m->nclass, mask = m->cap - 1, rows[128];
    size_t nr = 0;
    for (size_t i = 0; i < nf; i++)
        __builtin_prefetch(m->slot + 2 * ((uint32_t)feats[i] & mask));
    for (size_t i = 0; i < nf && nr < 128; i++) {
        uint32_t r = lin_find(m, feats[i]);
        if (r == UINT32_MAX)
            continue;
        __builtin_prefetch(m->w + (size_t)r * nc);
        rows[nr++] = r;
    }
    for (size_t i = 0; i < nr; i++) {
        const int16_t *w = m->w + (size_t)rows[i] * nc;
        for (uint32_t c = 0; c < nc; c++)
            scores[c] += w[c];
    }
}

void mz_lin_free(mz_lin *m)
{
    free(m->slot);
    free(m->w);
    memset(m, 0, sizeof *m);
}

static void put_u32(mz_buf *b, uint32_t v)
{
    unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    mz_buf_put(b, (const char *)c, 4);
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Layout: nclass, log2(cap), nrows; nrows pairs (slot, fingerprint) in slot order; then the rows
 * of int16 weights in the same order. */
void mz_lin_save(const mz_lin *m, mz_buf *out)
{
    uint32_t lg = 0;
    while ((1u << lg) < m->cap)
        lg++;
    put_u32(out, m->nclass);
    put_u32(out, lg);
    put_u32(out, m->nrows);
    for (uint32_t s = 0; s < m->cap; s++)
        if (m->slot[2 * s]) {
            put_u32(out, s);
            put_u32(out, m->slot[2 * s]);
        }
    for (uint32_t s = 0; s < m->cap; s++)
        if (m->slot[2 * s]) {
            const int16_t *w = m->w + (size_t)m->slot[2 * s + 1] * m->nclass;
            for (uint32_t c = 0; c < m->nclass; c++) {
                uint16_t v = (uint16_t)w[c];
                unsigned char b[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
                mz_buf_put(out, (const char *)b, 2);
            }
        }
}

/* Checks the header of a saved model and allocates the arrays.  Returns 0 or -1 with *why. */
static int lin_load_header(mz_lin *m, const unsigned char *p, size_t len, size_t *pos,
                           uint32_t nclass, const char **why)
{
    if (len - *pos < 12) {
        *why = "truncated model";
        return -1;
    }
    uint32_t nc = get_u32(p + *pos), lg = get_u32(p + *pos + 4), nrows = get_u32(p + *pos + 8);
    *pos += 12;
    if (nc != nclass) {
        *why = "model has the wrong number of classes";
        return -1;
    }
    if (lg > 26 || nrows >= (1u << lg)) {
        *why = "model table size out of range";
        return -1;
    }
    size_t need = (size_t)nrows * 8 + (size_t)nrows * nc * 2;
    if (len - *pos < need) {
        *why = "truncated model";
        return -1;
    }
    m->nclass = nc;
    m->cap = 1u << lg;
    m->nrows = nrows;
    m->slot = calloc((size_t)m->cap * 2, sizeof *m->slot);
    m->w = malloc((size_t)nrows * nc * sizeof *m->w + 1);
    if (!m->slot || !m->w) {
        *why = "out of memory";
        return -1;
    }
    return 0;
}

int mz_lin_load(mz_lin *m, const unsigned char *p, size_t len, size_t *pos, uint32_t nclass,
                const char **why)
{
    memset(m, 0, sizeof *m);
    if (lin_load_header(m, p, len, pos, nclass, why) < 0) {
        mz_lin_free(m);
        return -1;
    }
    const unsigned char *q = p + *pos;
    for (uint32_t i = 0; i < m->nrows; i++, q += 8) {
        uint32_t s = get_u32(q), f = get_u32(q + 4);
        if (s >= m->cap || f == 0 || m->slot[2 * s] != 0) {
            *why = "corrupt model table";
            mz_lin_free(m);
            return -1;
        }
        m->slot[2 * s] = f;
        m->slot[2 * s + 1] = i;
    }
    size_t nw = (size_t)m->nrows * m->nclass;
    for (size_t i = 0; i < nw; i++, q += 2)
        m->w[i] = (int16_t)(uint16_t)(q[0] | q[1] << 8);
    *pos = (size_t)(q - p);
    return 0;
}

/* ---- training ---------------------------------------------------------------------------- */

int mz_lin_train_init(mz_lin_train *t, uint32_t nclass)
{
    memset(t, 0, sizeof *t);
    t->nclass = nclass;
    t->cap = 1u << 16;
    t->keys = calloc(t->cap, sizeof *t->keys);
    t->val = calloc(t->cap, sizeof *t->val);
    t->clock = 1;
    return t->keys && t->val ? 0 : -1;
}

/* Slot of key in the training table: its own, or the empty one where it would go. */
static size_t train_slot(const uint64_t *keys, size_t cap, uint64_t key)
{
    size_t mask = cap - 1;
    for (size_t s = (size_t)key & mask;; s = (s + 1) & mask)
        if (keys[s] == key || keys[s] == 0)
            return s;
}

/* Doubles the counting table.  Returns 0, -1 when out of memory. */
static int train_grow(mz_lin_train *t)
{
    size_t cap = t->cap * 2;
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *val = calloc(cap, sizeof *val);
    if (!keys || !val) {
        free(keys);
        free(val);
        return -1;
    }
    for (size_t i = 0; i < t->cap; i++)
        if (t->keys[i]) {
            size_t s = train_slot(keys, cap, t->keys[i]);
            keys[s] = t->keys[i];
            val[s] = t->val[i];
        }
    free(t->keys);
    free(t->val);
    t->keys = keys;
    t->val = val;
    t->cap = cap;
    return 0;
}

int mz_lin_count(mz_lin_train *t, const uint64_t *feats, size_t nf)
{
    for (size_t i = 0; i < nf; i++) {
        uint64_t k = feats[i] ? feats[i] : 1;
        if ((t->n + 1) * 4 > t->cap * 3 && train_grow(t) < 0)
            return -1;
        size_t s = train_slot(t->keys, t->cap, k);
        if (!t->keys[s]) {
            t->keys[s] = k;
            t->n++;
        }
        if (t->val[s] < UINT32_MAX)
            t->val[s]++;
    }
    return 0;
}

int mz_lin_admit(mz_lin_train *t, uint32_t min_count)
{
    size_t n = 0;
    for (size_t i = 0; i < t->cap; i++) {
        if (t->keys[i] && t->val[i] >= min_count)
            n++;
    }
    size_t cap = 64;
    while (cap < n * 2)
        cap *= 2;
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *val = calloc(cap, sizeof *val);
    float *w = calloc(n * t->nclass + 1, sizeof *w), *u = calloc(n * t->nclass + 1, sizeof *u);
    if (!keys || !val || !w || !u) {
        free(keys);
        free(val);
        free(w);
        free(u);
        return -1;
    }
    uint32_t row = 0;
    for (size_t i = 0; i < t->cap; i++)
        if (t->keys[i] && t->val[i] >= min_count) {
            size_t s = train_slot(keys, cap, t->keys[i]);
            keys[s] = t->keys[i];
            val[s] = row++;
        }
    free(t->keys);
    free(t->val);
    t->keys = keys;
    t->val = val;
    t->cap = cap;
    t->n = n;
    t->w = w;
    t->u = u;
    t->admitted = 1;
    return 0;
}

/* Row of a feature, or -1 when it was not admitted. */
static inline long train_row(const mz_lin_train *t, uint64_t key)
{
    if (!key)
        key = 1;
    size_t s = train_slot(t->keys, t->cap, key);
    return t->keys[s] ? (long)t->val[s] : -1;
}

void mz_lin_train_score(const mz_lin_train *t, const uint64_t *feats, size_t nf, float *scores)
{
    uint32_t nc = t->nclass;
    memset(scores, 0, nc * sizeof *scores);
    for (size_t i = 0; i < nf; i++) {
        long r = train_row(t, feats[i]);
        if (r < 0)
            continue;
        const float *w = t->w + (size_t)r * nc;
        for (uint32_t c = 0; c < nc; c++)
            scores[c] += w[c];
    }
}

void mz_lin_update(mz_lin_train *t, const uint64_t *feats, size_t nf, int gold, int pred)
{
    if (gold != pred) {
        float c = (float)t->clock;
        for (size_t i = 0; i < nf; i++) {
            long r = train_row(t, feats[i]);
            if (r < 0)
                continue;
            size_t base = (size_t)r * t->nclass;
            t->w[base + (size_t)gold] += 1.0f;
            t->u[base + (size_t)gold] += c;
            t->w[base + (size_t)pred] -= 1.0f;
            t->u[base + (size_t)pred] -= c;
        }
    }
    t->clock++;
}

/* The averaged weight (Daumé's trick: w - u / c). */
static inline float averaged(const mz_lin_train *t, size_t i)
{
    return t->w[i] - t->u[i] / (float)t->clock;
}

int mz_lin_finish(const mz_lin_train *t, mz_lin *out)
{
    memset(out, 0, sizeof *out);
    uint32_t nc = t->nclass;
    float maxw = 0;
    for (size_t i = 0; i < t->n * nc; i++) {
        float a = fabsf(averaged(t, i));
        if (a > maxw)
            maxw = a;
    }
    float scale = maxw > 0 ? 32767.0f / maxw : 0;
    /* Rows with every weight rounding to zero are dropped. */
    size_t keep = 0;
    unsigned char *live = calloc(t->n + 1, 1);
    if (!live)
        return -1;
    for (size_t r = 0; r < t->n; r++)
        for (uint32_t c = 0; c < nc; c++)
            if (lrintf(averaged(t, r * nc + c) * scale) != 0) {
                live[r] = 1;
                keep++;
                break;
            }
    uint32_t cap = 64;
    while (cap < keep * 2 + 1)
        cap *= 2;
    out->nclass = nc;
    out->cap = cap;
    out->slot = calloc((size_t)cap * 2, sizeof *out->slot);
    out->w = malloc(keep * nc * sizeof *out->w + 1);
    if (!out->slot || !out->w) {
        free(live);
        mz_lin_free(out);
        return -1;
    }
    for (size_t s = 0; s < t->cap; s++) {
        if (!t->keys[s] || !live[t->val[s]])
            continue;
        uint64_t key = t->keys[s];
        uint32_t mask = cap - 1, fp = fingerprint(key), slot = (uint32_t)key & mask;
        while (out->slot[2 * slot])
            slot = (slot + 1) & mask;
        out->slot[2 * slot] = fp;
        out->slot[2 * slot + 1] = out->nrows;
        int16_t *w = out->w + (size_t)out->nrows * nc;
        for (uint32_t c = 0; c < nc; c++)
            w[c] = (int16_t)lrintf(averaged(t, (size_t)t->val[s] * nc + c) * scale);
        out->nrows++;
    }
    free(live);
    return 0;
}

void mz_lin_train_free(mz_lin_train *t)
{
    free(t->keys);
    free(t->val);
    free(t->w);
    free(t->u);
    memset(t, 0, sizeof *t);
}
