/* keycache.c — the memo of known keys per word; see keycache.h. */
#include "keycache.h"

#include <stdlib.h>
#include <string.h>

/* 64-byte entries: the form (up to 16 Arabic letters) and up to three known keys, enough for all
 * but a handful of the words in the project's corpora. */
enum { KEYS_MAX = 3, SETS = 8192 };

enum { EMPTY = 0, OLDER, NEWER }; /* an entry's use */

typedef struct entry {
    uint32_t hash;
    uint8_t len, kind, n, use; /* use: EMPTY, OLDER or NEWER (the most recently used of its set) */
    uint64_t w[MZ_KEYCACHE_FOLD_MAX / 8];
    mz_kcand keys[KEYS_MAX];
} entry;
_Static_assert(sizeof(entry) == 64, "an entry fills one cache line");

/* Set s holds v[2s] and v[2s + 1]. */
struct mz_keycache {
    entry v[2 * SETS];
};

mz_keycache *mz_keycache_new(void) { return calloc(1, sizeof(mz_keycache)); }

void mz_keycache_free(mz_keycache *kc) { free(kc); }

/* 0xff for the first 32 bytes, then 0: bytes [32 - len, 64 - len) mask a form of len bytes. */
static const unsigned char window[2 * MZ_KEYCACHE_FOLD_MAX] = {
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
};

/* The form is loaded as four masked 8-byte words (no loop over its bytes, no branch on its
 * length); the hash adds them up under odd multipliers and mixes the sum. */
void mz_keycache_word_make(mz_keycache_word *w, const char *fold, size_t len, unsigned kind)
{
    static const uint64_t mul[4] = {0x9e3779b97f4a7c15ull, 0xc2b2ae3d27d4eb4full,
                                    0x165667b19e3779f9ull, 0xff51afd7ed558ccdull};
    const unsigned char *mask = window + MZ_KEYCACHE_FOLD_MAX - len;
    uint64_t h = (uint64_t)len << 8 | kind;
    for (int k = 0; k < MZ_KEYCACHE_FOLD_MAX / 8; k++) {
        uint64_t v, m;
        memcpy(&v, fold + 8 * k, 8);
        memcpy(&m, mask + 8 * k, 8);
        w->w[k] = v & m;
        h += w->w[k] * mul[k];
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    w->hash = (uint32_t)(h >> 32);
    w->len = (uint8_t)len;
    w->kind = (uint8_t)kind;
}

/* Whether entry e holds word w: same hash, length, kind and bytes. */
static inline int same(const entry *e, const mz_keycache_word *w)
{
    uint64_t diff = (e->w[0] ^ w->w[0]) | (e->w[1] ^ w->w[1]) | (e->w[2] ^ w->w[2]) |
                    (e->w[3] ^ w->w[3]);
    return e->use != EMPTY && e->hash == w->hash && e->len == w->len && e->kind == w->kind && !diff;
}

static entry *set_of(mz_keycache *kc, uint32_t hash) { return &kc->v[2 * (hash & (SETS - 1))]; }

/* Makes way x of set s its most recently used entry. */
static void touch(entry *s, int x)
{
    s[x].use = NEWER;
    if (s[x ^ 1].use != EMPTY)
        s[x ^ 1].use = OLDER;
}

int mz_keycache_get(mz_keycache *kc, const mz_keycache_word *w, const mz_kcand **keys)
{
    entry *s = set_of(kc, w->hash);
    for (int x = 0; x < 2; x++) {
        if (same(&s[x], w)) {
            touch(s, x);
            *keys = s[x].keys;
            return s[x].n;
        }
    }
    return -1;
}

void mz_keycache_put(mz_keycache *kc, const mz_keycache_word *w, const mz_kcand *keys, int n)
{
    if (n > KEYS_MAX)
        return;
    entry *s = set_of(kc, w->hash);
    int x = s[0].use == EMPTY ? 0 : s[1].use == EMPTY ? 1 : s[0].use == NEWER;
    entry *e = &s[x];
    e->hash = w->hash;
    e->len = w->len;
    e->kind = w->kind;
    e->n = (uint8_t)n;
    memcpy(e->w, w->w, sizeof e->w);
    memcpy(e->keys, keys, (size_t)n * sizeof *keys);
    touch(s, x);
}
