/* linear.c — hashed averaged-perceptron models; see linear.h. */
#include "linear.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

uint64_t mz_str_hash(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return mz_fmix(h ^ n);
}

static inline uint32_t fingerprint(uint64_t key)
{
    return (uint32_t)(key >> 48) | 1u;
}

/* Memory for a runtime table of `bytes` (zeroed when `zero`), released with free().  A table
 * of 1 MB or more is allocated in whole 2 MB pages, on a 2 MB boundary, and advised into huge
 * pages: the look-ups of a parse fall on random pages of tables of tens of MB, and with pages
 * of 4 KB nearly each one also misses the TLB; and a table's pages fault in 2 MB at a time when
 * the model loads.  Where there are no huge pages, the advice does nothing. */
static void *table_alloc(size_t bytes, int zero)
{
#ifdef MADV_HUGEPAGE
    enum { HUGE = 2u << 20 };
    if (bytes >= HUGE / 2) {
        void *p = NULL;
        size_t all = (bytes + HUGE - 1) / HUGE * HUGE; /* whole huge pages */
        if (posix_memalign(&p, HUGE, all) != 0)
            return NULL;
        madvise(p, all, MADV_HUGEPAGE);
        return zero ? memset(p, 0, bytes) : p;
    }
#endif
    return zero ? calloc(bytes, 1) : malloc(bytes);
}

/* Slot of `key` in the runtime table, or UINT32_MAX when absent.  The table always has an empty
 * slot (cap > nrows), so the probe ends. */
static inline uint32_t lin_find(const mz_lin *m, uint64_t key)
{
    uint32_t mask = m->cap - 1, fp = fingerprint(key);
    for (uint32_t s = (uint32_t)key & mask;; s = (s + 1) & mask) {
        uint32_t f = m->slot[2 * s];
        if ((f & 0xffff) == fp)
            return s;
        if (f == 0)
            return UINT32_MAX;
    }
}

/* The slots of all features are prefetched first, so that their cache misses overlap; then the
 * rows found are prefetched (their first line) before they are added. */
/* Scoring of an inline model: each slot is the fingerprint and the weights of every class. */
static void score_inline(const mz_lin *m, const uint64_t *feats, size_t nf, int32_t *scores)
{
    uint32_t mask = m->cap - 1;
    for (size_t i = 0; i < nf; i++)
        __builtin_prefetch(m->inl + 4 * ((uint32_t)feats[i] & mask));
    for (size_t i = 0; i < nf; i++) {
        uint16_t fp = (uint16_t)fingerprint(feats[i]);
        for (uint32_t s = (uint32_t)feats[i] & mask;; s = (s + 1) & mask) {
            const int16_t *e = m->inl + 4 * s;
            if ((uint16_t)e[0] == fp) {
                scores[0] += e[1];
                scores[1] += e[2];
                scores[2] += e[3];
                break;
            }
            if (e[0] == 0)
                break;
        }
    }
}

/* Adds rows rows[0..nr) of a model of more classes to scores. */
static void add_rows(const mz_lin *m, const uint32_t *rows, size_t nr, int32_t *scores)
{
    for (size_t i = 0; i < nr; i++) {
        const uint32_t *e = m->ent + m->slot[2 * rows[i] + 1], *end = e + (m->slot[2 * rows[i]] >> 16);
        for (; e < end; e++)
            scores[*e & 0xff] += (int16_t)(uint16_t)(*e >> 16);
    }
}

void mz_lin_prefetch(const mz_lin *m, const uint64_t *feats, size_t nf)
{
    if (!m->cap)
        return;
    uint32_t mask = m->cap - 1;
    const char *base = m->inl ? (const char *)m->inl : (const char *)m->slot;
    for (size_t i = 0; i < nf; i++) /* a slot is 8 bytes in either layout */
        __builtin_prefetch(base + 8 * (size_t)((uint32_t)feats[i] & mask));
}

void mz_lin_score(const mz_lin *m, const uint64_t *feats, size_t nf, int32_t *scores)
{
    if (!m->cap)
        return;
    if (m->inl) {
        score_inline(m, feats, nf, scores);
        return;
    }
    uint32_t mask = m->cap - 1, rows[128];
    size_t nr = 0;
    for (size_t i = 0; i < nf; i++)
        __builtin_prefetch(m->slot + 2 * ((uint32_t)feats[i] & mask));
    for (size_t i = 0; i < nf && nr < 128; i++) {
        uint32_t s = lin_find(m, feats[i]);
        if (s == UINT32_MAX)
            continue;
        __builtin_prefetch(m->ent + m->slot[2 * s + 1]);
        rows[nr++] = s;
    }
    add_rows(m, rows, nr, scores);
}

void mz_lin_free(mz_lin *m)
{
    free(m->slot);
    free(m->ent);
    free(m->inl);
    memset(m, 0, sizeof *m);
}

/* Moves a model of few classes into the inline layout (slot and ent are freed).  Returns 0, -1
 * when out of memory. */
static int make_inline(mz_lin *m)
{
    if (m->nclass > MZ_LIN_INLINE || m->inl)
        return 0;
    m->inl = table_alloc((size_t)m->cap * 4 * sizeof *m->inl, 1);
    if (!m->inl)
        return -1;
    for (uint32_t s = 0; s < m->cap; s++) {
        uint32_t f = m->slot[2 * s], first = m->slot[2 * s + 1];
        if (!f)
            continue;
        m->inl[4 * s] = (int16_t)(uint16_t)(f & 0xffff);
        for (uint32_t i = first; i < first + (f >> 16); i++)
            m->inl[4 * s + 1 + (m->ent[i] & 0xff)] = (int16_t)(uint16_t)(m->ent[i] >> 16);
    }
    free(m->slot);
    free(m->ent);
    m->slot = NULL;
    m->ent = NULL;
    return 0;
}

/* Fingerprint, weight count and weights of slot s, in the layout of either kind of model.
 * Returns the fingerprint (0 when the slot is empty). */
static uint32_t slot_row(const mz_lin *m, uint32_t s, uint32_t *ent, uint32_t *n)
{
    *n = 0;
    if (m->inl) {
        const int16_t *e = m->inl + 4 * s;
        for (uint32_t c = 0; c < m->nclass; c++)
            if (e[1 + c])
                ent[(*n)++] = c | (uint32_t)(uint16_t)e[1 + c] << 16;
        return (uint16_t)e[0];
    }
    uint32_t f = m->slot[2 * s], first = m->slot[2 * s + 1];
    for (uint32_t i = 0; f && i < (f >> 16); i++)
        ent[(*n)++] = m->ent[first + i];
    return f & 0xffff;
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

static void put_varint(mz_buf *b, uint32_t v)
{
    while (v >= 0x80) {
        mz_buf_putc(b, (char)(v | 0x80));
        v >>= 7;
    }
    mz_buf_putc(b, (char)v);
}

/* Layout: nclass, log2(cap), nrows, nent (u32 each); then per row in slot order: the distance
 * from the previous row's slot (varint), the fingerprint (u16), the number of weights (u8) and
 * that many (class u8, weight i16) triples. */
void mz_lin_save(const mz_lin *m, mz_buf *out)
{
    uint32_t lg = 0, ent[256], n, rows = 0, ents = 0;
    while ((1u << lg) < m->cap)
        lg++;
    /* Rows without a weight are not written (a loaded file may hold zero weights). */
    for (uint32_t s = 0; s < m->cap; s++)
        if (slot_row(m, s, ent, &n) && n) {
            rows++;
            ents += n;
        }
    put_u32(out, m->nclass);
    put_u32(out, lg);
    put_u32(out, rows);
    put_u32(out, ents);
    uint32_t prev = 0;
    for (uint32_t s = 0; s < m->cap; s++) {
        uint32_t fp = slot_row(m, s, ent, &n);
        if (!fp || !n)
            continue;
        put_varint(out, s - prev);
        prev = s;
        unsigned char h[3] = {(unsigned char)fp, (unsigned char)(fp >> 8), (unsigned char)n};
        mz_buf_put(out, (const char *)h, 3);
        for (uint32_t i = 0; i < n; i++) {
            unsigned char t[3] = {(unsigned char)ent[i], (unsigned char)(ent[i] >> 16),
                                  (unsigned char)(ent[i] >> 24)};
            mz_buf_put(out, (const char *)t, 3);
        }
    }
}

/* Checks the header of a saved model and allocates the arrays.  Returns 0 or -1 with *why. */
static int lin_load_header(mz_lin *m, const unsigned char *p, size_t len, size_t *pos,
                           uint32_t nclass, const char **why)
{
    if (len - *pos < 16) {
        *why = "truncated model";
        return -1;
    }
    uint32_t nc = get_u32(p + *pos), lg = get_u32(p + *pos + 4), nrows = get_u32(p + *pos + 8);
    uint32_t nent = get_u32(p + *pos + 12);
    *pos += 16;
    if (nc != nclass) {
        *why = "model has the wrong number of classes";
        return -1;
    }
    if (lg > 26 || nrows >= (1u << lg) || nent > (len - *pos) / 3 || nrows > (len - *pos) / 4) {
        *why = "model table size out of range";
        return -1;
    }
    m->nclass = nc;
    m->cap = 1u << lg;
    if (nc <= MZ_LIN_INLINE) /* read straight into the inline layout */
        m->inl = table_alloc((size_t)m->cap * 4 * sizeof *m->inl, 1);
    else {
        m->slot = table_alloc((size_t)m->cap * 2 * sizeof *m->slot, 1);
        m->ent = table_alloc(((size_t)nent + 1) * sizeof *m->ent, 0);
    }
    if (nc <= MZ_LIN_INLINE ? !m->inl : !m->slot || !m->ent) {
        *why = "out of memory";
        return -1;
    }
    m->nrows = nrows;
    m->nent = nent;
    return 0;
}

/* The reading of a model's rows: where the bytes are, where the rows go, what is left. */
typedef struct lin_reader {
    const unsigned char *q, *end;
    uint32_t slot, nent, nclass, cap, maxent;
} lin_reader;

/* Reads the next row's slot delta, fingerprint and count; returns 0 when malformed.  The first
 * row may sit in slot 0, every later one is past the one before. */
static inline int lin_row_head(lin_reader *rd, int first, uint32_t *fp, uint32_t *n)
{
    const unsigned char *q = rd->q;
    uint32_t delta = 0;
    for (int shift = 0;; shift += 7) {
        if (q >= rd->end || shift > 28)
            return 0;
        delta |= (uint32_t)(*q & 0x7f) << shift;
        if (!(*q++ & 0x80))
            break;
    }
    if (rd->end - q < 3 || (!first && delta == 0) || delta >= rd->cap - rd->slot)
        return 0;
    rd->slot += delta;
    *fp = (uint32_t)q[0] | (uint32_t)q[1] << 8;
    *n = q[2];
    q += 3;
    if (!(*fp & 1) || *n == 0 || *n > rd->nclass || (size_t)(rd->end - q) / 3 < *n ||
        rd->maxent - rd->nent < *n)
        return 0;
    rd->q = q;
    return 1;
}

/* Reads every row into the inline layout; returns 0 when malformed.  The reader is copied into
 * a local so that the compiler keeps it in registers across the stores. */
static int lin_read_inline(mz_lin *m, lin_reader *reader)
{
    lin_reader rd = *reader;
    int16_t *inl = m->inl;
    int ok = 1;
    for (uint32_t r = 0; ok && r < m->nrows; r++) {
        uint32_t fp, n;
        if (!lin_row_head(&rd, r == 0, &fp, &n) || inl[4 * (size_t)rd.slot]) {
            ok = 0;
            break;
        }
        int16_t *e = inl + 4 * (size_t)rd.slot;
        e[0] = (int16_t)(uint16_t)fp;
        for (uint32_t i = 0; i < n; i++, rd.q += 3) {
            if (rd.q[0] >= rd.nclass) {
                ok = 0;
                break;
            }
            e[1 + rd.q[0]] = (int16_t)(uint16_t)(rd.q[1] | rd.q[2] << 8);
        }
        rd.nent += n;
    }
    *reader = rd;
    return ok;
}

/* Reads every row into the slot and weight arrays; returns 0 when malformed (the reader is
 * local, as above). */
static int lin_read_rows(mz_lin *m, lin_reader *reader)
{
    lin_reader rd = *reader;
    uint32_t *slot = m->slot, *ent = m->ent;
    int ok = 1;
    for (uint32_t r = 0; ok && r < m->nrows; r++) {
        uint32_t fp, n;
        if (!lin_row_head(&rd, r == 0, &fp, &n) || slot[2 * rd.slot]) {
            ok = 0;
            break;
        }
        slot[2 * rd.slot] = fp | n << 16;
        slot[2 * rd.slot + 1] = rd.nent;
        uint32_t *e = ent + rd.nent;
        for (uint32_t i = 0; i < n; i++, rd.q += 3) {
            if (rd.q[0] >= rd.nclass) {
                ok = 0;
                break;
            }
            e[i] = rd.q[0] | (uint32_t)rd.q[1] << 16 | (uint32_t)rd.q[2] << 24;
        }
        rd.nent += n;
    }
    *reader = rd;
    return ok;
}

int mz_lin_load(mz_lin *m, const unsigned char *p, size_t len, size_t *pos, uint32_t nclass,
                const char **why)
{
    memset(m, 0, sizeof *m);
    if (lin_load_header(m, p, len, pos, nclass, why) < 0) {
        mz_lin_free(m);
        return -1;
    }
    lin_reader rd = {p + *pos, p + len, 0, 0, m->nclass, m->cap, m->nent};
    int ok = m->inl ? lin_read_inline(m, &rd) : lin_read_rows(m, &rd);
    if (!ok || rd.nent != m->nent) {
        *why = ok ? "corrupt model table (weight count)" : "corrupt model table";
        mz_lin_free(m);
        return -1;
    }
    *pos = (size_t)(rd.q - p);
    if (make_inline(m) < 0) {
        *why = "out of memory";
        mz_lin_free(m);
        return -1;
    }
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

/* Quantised averaged weight i of the training model. */
static inline int16_t quantised(const mz_lin_train *t, size_t i, float scale)
{
    return (int16_t)lrintf(averaged(t, i) * scale);
}

/* Counts the rows and weights that survive quantisation. */
static void count_live(const mz_lin_train *t, float scale, size_t *rows, size_t *ents)
{
    *rows = *ents = 0;
    for (size_t r = 0; r < t->n; r++) {
        size_t k = 0;
        for (uint32_t c = 0; c < t->nclass; c++)
            k += quantised(t, r * t->nclass + c, scale) != 0;
        *rows += k > 0;
        *ents += k;
    }
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
    size_t rows, ents;
    count_live(t, scale, &rows, &ents);
    uint32_t cap = 64;
    while (cap < rows + rows / 2 + 1)
        cap *= 2;
    out->nclass = nc;
    out->cap = cap;
    out->slot = calloc((size_t)cap * 2, sizeof *out->slot);
    out->ent = malloc((ents + 1) * sizeof *out->ent);
    if (!out->slot || !out->ent) {
        mz_lin_free(out);
        return -1;
    }
    /* Rows are numbered in slot order after placing, so place first, then fill. */
    for (size_t s = 0; s < t->cap; s++) {
        if (!t->keys[s])
            continue;
        size_t base = (size_t)t->val[s] * nc, k = 0;
        for (uint32_t c = 0; c < nc; c++)
            k += quantised(t, base + c, scale) != 0;
        if (!k)
            continue;
        uint64_t key = t->keys[s];
        uint32_t mask = cap - 1, slot = (uint32_t)key & mask;
        while (out->slot[2 * slot])
            slot = (slot + 1) & mask;
        out->slot[2 * slot] = fingerprint(key);
        out->slot[2 * slot + 1] = t->val[s];
    }
    for (uint32_t s = 0; s < cap; s++) {
        if (!out->slot[2 * s])
            continue;
        size_t base = (size_t)out->slot[2 * s + 1] * nc;
        uint32_t first = out->nent;
        out->slot[2 * s + 1] = first;
        out->nrows++;
        for (uint32_t c = 0; c < nc; c++) {
            int16_t q = quantised(t, base + c, scale);
            if (q)
                out->ent[out->nent++] = c | (uint32_t)(uint16_t)q << 16;
        }
        out->slot[2 * s] |= (out->nent - first) << 16;
    }
    if (make_inline(out) < 0) {
        mz_lin_free(out);
        return -1;
    }
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
