/*
 * vec.h — growing an array.  Every growable array in mizan (tokens, mentions, actors, entries,
 * trie nodes...) grows through mz_grow, so the doubling and the overflow check live in one place.
 */
#ifndef MZ_VEC_H
#define MZ_VEC_H

#include <stddef.h>

/* Makes room for `need` elements of `elem` bytes in *v, whose capacity is *cap elements:
 * the capacity doubles (from 64) until it holds `need`.  Returns 0, or -1 when out of memory or
 * when the size would overflow; then *v and *cap are unchanged and the caller still owns *v. */
int mz_grow_slow(void **v, size_t *cap, size_t need, size_t elem);

/* The check inline, the growing out of line: most calls find the room already there. */
static inline int mz_grow(void **v, size_t *cap, size_t need, size_t elem)
{
    return need <= *cap ? 0 : mz_grow_slow(v, cap, need, elem);
}

#endif
