/*
 * hash.h — FNV-1a, the one string hash of mizan: the matcher's vocabulary, the PETRARCH reader's
 * word cache, `dict gaps`'s counts, the salience model's features, and the store's content
 * hashes and fingerprints (written into databases).  Feature hashes are written
 * into model files, so this function is part of their format: changing it means retraining.
 */
#ifndef MZ_HASH_H
#define MZ_HASH_H

#include <stddef.h>
#include <stdint.h>

/* Goes on hashing s[0..n) after a hash h of what came before (mz_hash_bytes of the whole is the
 * same as mz_hash_more over its pieces, starting from mz_hash_bytes("", 0)). */
static inline uint64_t mz_hash_more(uint64_t h, const void *s, size_t n)
{
    const unsigned char *p = s;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

/* The 64-bit FNV-1a hash of s[0..n). */
static inline uint64_t mz_hash_bytes(const void *s, size_t n)
{
    return mz_hash_more(14695981039346656037ull, s, n);
}

#endif
