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

/* Makes the memo's word for a folded form of at most MZ_KEYCACHE_FOLD_MAX bytes and a key kind
 * (token flags).  Reads MZ_KEYCACHE_FOLD_MAX bytes from fold whatever its length, as the
 * tokenizer's padding allows (token.h); the bytes past `len` are ignored. */
void mz_keycache_word_make(mz_keycache_word *w, const char *fold, size_t len, unsigned kind);

/* The known keys of the word: their number, with *keys pointing into the memo (valid until the
 * next put), or -1 when the word is not remembered. */
int mz_keycache_get(mz_keycache *kc, const mz_keycache_word *w, const mz_kcand **keys);

/* Remembers the n known keys of the word, evicting the least recently used word of its set. */
void mz_keycache_put(mz_keycache *kc, const mz_keycache_word *w, const mz_kcand *keys, int n);

#endif
