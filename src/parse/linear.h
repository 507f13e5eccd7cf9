/*
 * linear.h — multi-class linear models over hashed features, trained as averaged perceptrons.
 *
 * A feature is a 64-bit hash of a template number and its values (mz_feat*).  Training keeps an
 * exact table from feature to a row of float weights, admitting only features seen at least
 * `min_count` times in a counting pass, so memory stays bounded.  Training ends by averaging the
 * weights, rounding them to 16 bits with one scale per model (the argmax does not need the
 * scale) and keeping only the weights that do not round to zero: the runtime table (mz_lin) is
 * an open-addressing array of 16-bit fingerprints and row numbers, each row a short list of
 * (class, weight) pairs — a perceptron touches few classes of a feature — read without any
 * allocation.
 */
#ifndef MZ_LINEAR_H
#define MZ_LINEAR_H

#include <stddef.h>
#include <stdint.h>

#include "../util/buf.h"

/* ---- feature hashing ---------------------------------------------------------------------- */

static inline uint64_t mz_fmix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

static inline uint64_t mz_feat_add(uint64_t h, uint64_t v)
{
    return (h ^ v) * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL;
}

static inline uint64_t mz_feat1(unsigned t, uint64_t a)
{
    return mz_fmix(mz_feat_add((uint64_t)t * 0x8cb92ba72f3d8dd7ULL, a));
}

static inline uint64_t mz_feat2(unsigned t, uint64_t a, uint64_t b)
{
    return mz_fmix(mz_feat_add(mz_feat_add((uint64_t)t * 0x8cb92ba72f3d8dd7ULL, a), b));
}

static inline uint64_t mz_feat3(unsigned t, uint64_t a, uint64_t b, uint64_t c)
{
    return mz_fmix(
        mz_feat_add(mz_feat_add(mz_feat_add((uint64_t)t * 0x8cb92ba72f3d8dd7ULL, a), b), c));
}

/* 64-bit hash of a byte string (FNV-1a, then mixed). */
uint64_t mz_str_hash(const char *s, size_t n);

/* ---- runtime model ---------------------------------------------------------------------- */

typedef struct mz_lin {
    uint32_t nclass;
    uint32_t cap;      /* slots, a power of two, more than nrows */
    uint32_t nrows;
    uint32_t nent;     /* non-zero weights */
    uint32_t *slot;    /* per slot: fingerprint | count << 16 (0 when empty), first weight */
    uint32_t *ent;     /* class | weight << 16; a row is `count` of them */
    /* Models of at most MZ_LIN_INLINE classes keep a slot as (fingerprint, weights...) in
     * `inl` instead: one memory access per feature, for the parser's many look-ups. */
    int16_t *inl;
} mz_lin;

enum { MZ_LIN_INLINE = 3 };

/* Adds the weights of the nf features to scores[0..nclass); scores has room for at least
 * MZ_LIN_INLINE values (an inline model adds to all of them, 0 to those past nclass). */
void mz_lin_score(const mz_lin *m, const uint64_t *feats, size_t nf, int32_t *scores);
/* Prefetches the table slots of the nf features: a caller that knows the features of its next
 * scoring asks for them ahead, so that their cache misses overlap with the work before.  It
 * changes no score. */
void mz_lin_prefetch(const mz_lin *m, const uint64_t *feats, size_t nf);
void mz_lin_free(mz_lin *m);

/* Appends the model to out (little-endian). */
void mz_lin_save(const mz_lin *m, mz_buf *out);
/* Reads a model from p[0..len) at *pos, advancing it.  Returns 0, or -1 when the bytes are not a
 * well-formed model of `nclass` classes (why in *why). */
int mz_lin_load(mz_lin *m, const unsigned char *p, size_t len, size_t *pos, uint32_t nclass,
                const char **why);

/* ---- training ---------------------------------------------------------------------------- */

typedef struct mz_lin_train {
    uint32_t nclass;
    uint64_t *keys;   /* per slot, 0 when empty */
    uint32_t *val;    /* per slot: count while counting, then the row */
    size_t cap, n;
    float *w, *u;     /* n * nclass: weights and the time-weighted sum of updates */
    uint64_t clock;   /* instances seen, for averaging */
    int admitted;     /* 0 while counting */
} mz_lin_train;

/* Returns 0, -1 when out of memory. */
int mz_lin_train_init(mz_lin_train *t, uint32_t nclass);
/* Counts the features (counting pass).  Returns 0, -1 when out of memory. */
int mz_lin_count(mz_lin_train *t, const uint64_t *feats, size_t nf);
/* Ends counting: keeps features seen at least min_count times.  Returns 0, -1 when OOM. */
int mz_lin_admit(mz_lin_train *t, uint32_t min_count);
/* Scores with the current (not averaged) weights. */
void mz_lin_train_score(const mz_lin_train *t, const uint64_t *feats, size_t nf, float *scores);
/* Perceptron update toward `gold` and away from `pred` (no-op when equal); advances the clock. */
void mz_lin_update(mz_lin_train *t, const uint64_t *feats, size_t nf, int gold, int pred);
/* Averages, quantises and prunes into a runtime model.  Returns 0, -1 when out of memory. */
int mz_lin_finish(const mz_lin_train *t, mz_lin *out);
void mz_lin_train_free(mz_lin_train *t);

#endif
