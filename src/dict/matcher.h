/*
 * matcher.h — the compiled phrase matcher.
 *
 * Every dictionary phrase is a sequence of word keys (folded, stemmed or clitic-free forms; see
 * keys.h).  Words are interned in a vocabulary (string → id) and phrases are paths in a trie
 * whose edges live in one hash table keyed by (node, word id).  Looking up a token costs one
 * vocabulary probe per candidate key and one edge probe per step, whatever the dictionary's
 * size; the first step, taken from every token of every sentence, is an array lookup instead.
 * Each trie node may carry a list of entries (the dictionary lines ending there).
 */
#ifndef MZ_MATCHER_H
#define MZ_MATCHER_H

#include <stddef.h>
#include <stdint.h>

#define MZ_NONE UINT32_MAX

typedef struct mz_matcher {
    /* vocabulary: open addressing over word ids; word bytes in `words` */
    uint32_t *vslot;
    size_t vcap;
    uint32_t *woff;      /* word id → offset in words */
    uint32_t *wlen;
    size_t nwords, wcap;
    char *words;
    size_t words_len, words_cap;
    /* trie edges: open addressing, key (node << 32 | word) → child */
    uint64_t *ekey;
    uint32_t *eval;
    size_t ecap, nedges;
    /* the root's children by word id (MZ_NONE when none), for words below nroot */
    uint32_t *root;
    size_t nroot, rcap;
    /* nodes: first entry index (MZ_NONE when none), and whether any phrase goes on from it */
    uint32_t *node_entry;
    size_t nnodes, ncap;
    uint8_t *node_inner;
    size_t icap;
} mz_matcher;

int mz_matcher_init(mz_matcher *m);
void mz_matcher_free(mz_matcher *m);

/* Interns a word; returns its id or MZ_NONE when out of memory. */
uint32_t mz_matcher_intern(mz_matcher *m, const char *w, size_t len);

/* The id of a known word, or MZ_NONE. */
uint32_t mz_matcher_word(const mz_matcher *m, const char *w, size_t len);

/* The child of `node` along word `word`, creating it when `create`; MZ_NONE if absent (or out of
 * memory when creating). */
uint32_t mz_matcher_child(mz_matcher *m, uint32_t node, uint32_t word, int create);

/* Whether `node` has children: a walk that reached a leaf need not look at the next token. */
static inline int mz_matcher_inner(const mz_matcher *m, uint32_t node)
{
    return m->node_inner[node];
}

/* The hash of an edge key (node << 32 | word). */
static inline uint64_t mz_matcher_edge_hash(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
}

/* The child of `node` along `word`, or MZ_NONE.  Inline: the coder's phrase walk calls it for
 * every known key of every token. */
static inline uint32_t mz_matcher_next(const mz_matcher *m, uint32_t node, uint32_t word)
{
    if (node == 0)
        return word < m->nroot ? m->root[word] : MZ_NONE;
    uint64_t key = ((uint64_t)node << 32) | word;
    size_t mask = m->ecap - 1;
    for (size_t i = mz_matcher_edge_hash(key) & mask;; i = (i + 1) & mask) {
        if (m->eval[i] == MZ_NONE)
            return MZ_NONE;
        if (m->ekey[i] == key)
            return m->eval[i];
    }
}

#endif
