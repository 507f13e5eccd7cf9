/*
 * keycache.h — a per-coder memo of the known lookup keys of words.
 *
 * Making a word's keys is the coder's dearest step per token: the Snowball stemmer for English,
 * up to sixteen clitic readings for Arabic, then a vocabulary probe for each.  The result depends
 * only on the word's folded form and on the token flags that choose the kind of key (keys.h), and
 * news repeats its words, so each coder remembers the known keys of the words it met last: a
 * fixed-size, two-way set-associative table with least-recently-used replacement.  Words longer
 * than MZ_KEYCACHE_FOLD_MAX bytes, or with more known keys than an entry holds, are not
 * remembered.  The memo belongs to one coder (one thread) and to the engine it codes with.
 */
#ifndef MZ_KEYCACHE_H
#define MZ_KEYCACHE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "coder.h"

enum { MZ_KEYCACHE_FOLD_MAX = 32 };

typedef struct mz_keycache mz_keycache;

/* A word as the memo knows it: its form zero-padded to 32 bytes, compared eight at a time. */
typedef struct mz_keycache_word {
    uint64_t w[MZ_KEYCACHE_FOLD_MAX / 8];
    uint32_t hash;
    uint8_t len, kind;
} mz_keycache_word;

/* A new, empty memo, or NULL when out of memory.  Free with mz_keycache_free(). */
mz_keycache *mz_keycache_new(void);
void mz_keycache_free(mz_keycache *kc);

/* The memo's layout, here so that making a word and looking it up, once per token, are inline
 * in the coder's loop over the tokens. */

/* 64-byte entries: the form (up to 16 Arabic letters) and up to three known keys, enough for all
 * but a handful of the words in the project's corpora. */
enum { MZ_KEYCACHE_KEYS_MAX = 3, MZ_KEYCACHE_SETS = 8192 };

enum { MZ_KEYCACHE_EMPTY = 0, MZ_KEYCACHE_OLDER, MZ_KEYCACHE_NEWER }; /* an entry's use */

typedef struct mz_keycache_entry {
    uint32_t hash;
    uint8_t len, kind, n, use; /* use: EMPTY, OLDER or NEWER (the most recently used of its set) */
    uint64_t w[MZ_KEYCACHE_FOLD_MAX / 8];
    mz_kcand keys[MZ_KEYCACHE_KEYS_MAX];
} mz_keycache_entry;
_Static_assert(sizeof(mz_keycache_entry) == 64, "an entry fills one cache line");

/* Set s holds v[2s] and v[2s + 1]. */
struct mz_keycache {
    mz_keycache_entry v[2 * MZ_KEYCACHE_SETS];
};

/* 0xff for the first 32 bytes, then 0: bytes [32 - len, 64 - len) mask a form of len bytes. */
extern const unsigned char mz_keycache_window[2 * MZ_KEYCACHE_FOLD_MAX];

/* Makes the memo's word for a folded form of at most MZ_KEYCACHE_FOLD_MAX bytes and a key kind
 * (token flags).  Reads MZ_KEYCACHE_FOLD_MAX bytes from fold whatever its length, as the
 * tokenizer's padding allows (token.h); the bytes past `len` are ignored.  The form is loaded
 * as four masked 8-byte words (no loop over its bytes, no branch on its length); the hash adds
 * them up under odd multipliers and mixes the sum. */
static inline void mz_keycache_word_make(mz_keycache_word *w, const char *fold, size_t len,
                                         unsigned kind)
{
    const unsigned char *mask = mz_keycache_window + MZ_KEYCACHE_FOLD_MAX - len;
    uint64_t v[4], m[4];
    _Static_assert(MZ_KEYCACHE_FOLD_MAX == 32, "four words, written out");
    memcpy(v, fold, sizeof v);
    memcpy(m, mask, sizeof m);
    w->w[0] = v[0] & m[0];
    w->w[1] = v[1] & m[1];
    w->w[2] = v[2] & m[2];
    w->w[3] = v[3] & m[3];
    uint64_t h = ((uint64_t)len << 8 | kind) + w->w[0] * 0x9e3779b97f4a7c15ull +
                 w->w[1] * 0xc2b2ae3d27d4eb4full + w->w[2] * 0x165667b19e3779f9ull +
                 w->w[3] * 0xff51afd7ed558ccdull;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    w->hash = (uint32_t)(h >> 32);
    w->len = (uint8_t)len;
    w->kind = (uint8_t)kind;
}

/* Whether entry e holds word w: same hash, length, kind and bytes. */
static inline int mz_keycache_same(const mz_keycache_entry *e, const mz_keycache_word *w)
{
    uint64_t diff = (e->w[0] ^ w->w[0]) | (e->w[1] ^ w->w[1]) | (e->w[2] ^ w->w[2]) |
                    (e->w[3] ^ w->w[3]);
    return e->use != MZ_KEYCACHE_EMPTY && e->hash == w->hash && e->len == w->len &&
           e->kind == w->kind && !diff;
}

/* The first entry of the set of a hash. */
static inline mz_keycache_entry *mz_keycache_set(mz_keycache *kc, uint32_t hash)
{
    return &kc->v[2 * (hash & (MZ_KEYCACHE_SETS - 1))];
}

/* Makes way x of set s its most recently used entry. */
static inline void mz_keycache_touch(mz_keycache_entry *s, int x)
{
    s[x].use = MZ_KEYCACHE_NEWER;
    if (s[x ^ 1].use != MZ_KEYCACHE_EMPTY)
        s[x ^ 1].use = MZ_KEYCACHE_OLDER;
}

/* The known keys of the word: their number, with *keys pointing into the memo (valid until the
 * next put), or -1 when the word is not remembered. */
static inline int mz_keycache_get(mz_keycache *kc, const mz_keycache_word *w,
                                  const mz_kcand **keys)
{
    mz_keycache_entry *s = mz_keycache_set(kc, w->hash);
    for (int x = 0; x < 2; x++) {
        if (mz_keycache_same(&s[x], w)) {
            mz_keycache_touch(s, x);
            *keys = s[x].keys;
            return s[x].n;
        }
    }
    return -1;
}

/* Remembers the n known keys of the word, evicting the least recently used word of its set. */
void mz_keycache_put(mz_keycache *kc, const mz_keycache_word *w, const mz_kcand *keys, int n);

#endif
