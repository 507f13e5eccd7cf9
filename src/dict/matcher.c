/* matcher.c — vocabulary and trie; see matcher.h. */
#include "matcher.h"

#include <stdlib.h>
#include <string.h>

#include "../util/hash.h"
#include "../util/vec.h"

static uint64_t hash_bytes(const char *s, size_t n) { return mz_hash_bytes(s, n); }

int mz_matcher_init(mz_matcher *m)
{
    memset(m, 0, sizeof *m);
    m->vcap = 1024;
    m->vslot = malloc(m->vcap * sizeof *m->vslot);
    m->ecap = 1024;
    m->ekey = malloc(m->ecap * sizeof *m->ekey);
    m->eval = malloc(m->ecap * sizeof *m->eval);
    m->ncap = 256;
    m->node_entry = malloc(m->ncap * sizeof *m->node_entry);
    m->icap = 256;
    m->node_inner = calloc(m->icap, sizeof *m->node_inner);
    if (!m->vslot || !m->ekey || !m->eval || !m->node_entry || !m->node_inner) {
        mz_matcher_free(m);
        return -1;
    }
    memset(m->vslot, 0xff, m->vcap * sizeof *m->vslot);
    memset(m->eval, 0xff, m->ecap * sizeof *m->eval);
    m->nnodes = 1; /* the root */
    m->node_entry[0] = MZ_NONE;
    return 0;
}

void mz_matcher_free(mz_matcher *m)
{
    free(m->vslot);
    free(m->woff);
    free(m->wlen);
    free(m->words);
    free(m->ekey);
    free(m->eval);
    free(m->node_entry);
    free(m->node_inner);
    free(m->root);
    memset(m, 0, sizeof *m);
}

static int word_eq(const mz_matcher *m, uint32_t id, const char *w, size_t len)
{
    return m->wlen[id] == len && memcmp(m->words + m->woff[id], w, len) == 0;
}

uint32_t mz_matcher_word(const mz_matcher *m, const char *w, size_t len)
{
    size_t mask = m->vcap - 1;
    for (size_t i = hash_bytes(w, len) & mask;; i = (i + 1) & mask) {
        uint32_t id = m->vslot[i];
        if (id == MZ_NONE)
            return MZ_NONE;
        if (word_eq(m, id, w, len))
            return id;
    }
}

static int vocab_rehash(mz_matcher *m)
{
    size_t cap = m->vcap * 2;
    uint32_t *slot = malloc(cap * sizeof *slot);
    if (!slot)
        return -1;
    memset(slot, 0xff, cap * sizeof *slot);
    for (uint32_t id = 0; id < m->nwords; id++) {
        size_t i = hash_bytes(m->words + m->woff[id], m->wlen[id]) & (cap - 1);
        while (slot[i] != MZ_NONE)
            i = (i + 1) & (cap - 1);
        slot[i] = id;
    }
    free(m->vslot);
    m->vslot = slot;
    m->vcap = cap;
    return 0;
}


uint32_t mz_matcher_intern(mz_matcher *m, const char *w, size_t len)
{
    uint32_t id = mz_matcher_word(m, w, len);
    if (id != MZ_NONE)
        return id;
    if ((m->nwords + 1) * 2 > m->vcap && vocab_rehash(m) < 0)
        return MZ_NONE;
    size_t wcap = m->wcap;
    if (mz_grow((void **)&m->woff, &wcap, m->nwords + 1, sizeof *m->woff) < 0)
        return MZ_NONE;
    wcap = m->wcap;
    if (mz_grow((void **)&m->wlen, &wcap, m->nwords + 1, sizeof *m->wlen) < 0)
        return MZ_NONE;
    m->wcap = wcap;
    if (mz_grow((void **)&m->words, &m->words_cap, m->words_len + len + 1, 1) < 0)
        return MZ_NONE;
    memcpy(m->words + m->words_len, w, len);
    m->words[m->words_len + len] = '\0';
    id = (uint32_t)m->nwords++;
    m->woff[id] = (uint32_t)m->words_len;
    m->wlen[id] = (uint32_t)len;
    m->words_len += len + 1;
    size_t mask = m->vcap - 1;
    size_t i = hash_bytes(w, len) & mask;
    while (m->vslot[i] != MZ_NONE)
        i = (i + 1) & mask;
    m->vslot[i] = id;
    return id;
}

static int edges_rehash(mz_matcher *m)
{
    size_t cap = m->ecap * 2;
    uint64_t *key = malloc(cap * sizeof *key);
    uint32_t *val = malloc(cap * sizeof *val);
    if (!key || !val) {
        free(key);
        free(val);
        return -1;
    }
    memset(val, 0xff, cap * sizeof *val);
    for (size_t j = 0; j < m->ecap; j++) {
        if (m->eval[j] == MZ_NONE)
            continue;
        size_t i = mz_matcher_edge_hash(m->ekey[j]) & (cap - 1);
        while (val[i] != MZ_NONE)
            i = (i + 1) & (cap - 1);
        key[i] = m->ekey[j];
        val[i] = m->eval[j];
    }
    free(m->ekey);
    free(m->eval);
    m->ekey = key;
    m->eval = val;
    m->ecap = cap;
    return 0;
}

/* Makes the root's child array cover `word` (new slots MZ_NONE). */
static int root_reserve(mz_matcher *m, uint32_t word)
{
    if (word < m->nroot)
        return 0;
    if (mz_grow((void **)&m->root, &m->rcap, (size_t)word + 1, sizeof *m->root) < 0)
        return -1;
    memset(m->root + m->nroot, 0xff, ((size_t)word + 1 - m->nroot) * sizeof *m->root);
    m->nroot = (size_t)word + 1;
    return 0;
}

uint32_t mz_matcher_child(mz_matcher *m, uint32_t node, uint32_t word, int create)
{
    uint32_t child = mz_matcher_next(m, node, word);
    if (child != MZ_NONE || !create)
        return child;
    if (node == 0 ? root_reserve(m, word) < 0
                  : (m->nedges + 1) * 2 > m->ecap && edges_rehash(m) < 0)
        return MZ_NONE;
    if (mz_grow((void **)&m->node_entry, &m->ncap, m->nnodes + 1, sizeof *m->node_entry) < 0 ||
        mz_grow((void **)&m->node_inner, &m->icap, m->nnodes + 1, sizeof *m->node_inner) < 0)
        return MZ_NONE;
    child = (uint32_t)m->nnodes++;
    m->node_entry[child] = MZ_NONE;
    m->node_inner[child] = 0;
    m->node_inner[node] = 1;
    if (node == 0) {
        m->root[word] = child;
        return child;
    }
    uint64_t key = ((uint64_t)node << 32) | word;
    size_t mask = m->ecap - 1;
    size_t i = mz_matcher_edge_hash(key) & mask;
    while (m->eval[i] != MZ_NONE)
        i = (i + 1) & mask;
    m->ekey[i] = key;
    m->eval[i] = child;
    m->nedges++;
    return child;
}
