/*
 * cache.h — the last answers of the analyses, so a dashboard asking again for the same network
 * or series is not made to wait for the computation (a network's blocs take about 0.1 s).
 *
 * Entries are keyed by the question and the pool's data generation (pool.h): an answer found
 * under an older generation is never given.  Fixed size, least recently used out first;
 * safe from several threads.
 */
#ifndef MZ_SERVE_CACHE_H
#define MZ_SERVE_CACHE_H

#include <stddef.h>

#include "../util/buf.h"

typedef struct mz_cache mz_cache;

/* A cache of `entries` answers of at most max_len bytes each.  NULL when out of memory. */
mz_cache *mz_cache_new(size_t entries, size_t max_len);
void mz_cache_free(mz_cache *c);

/* Appends the answer stored under (key, generation) to out; 1 when there was one. */
int mz_cache_get(mz_cache *c, const char *key, unsigned long generation, mz_buf *out);

/* Stores a copy of an answer (one longer than max_len, or a failed copy, is not kept). */
void mz_cache_put(mz_cache *c, const char *key, unsigned long generation, const char *data, size_t len);

#endif
