/*
 * hash.h — FNV-1a, the one string hash of mizan: the matcher's vocabulary, the PETRARCH reader's
 * word cache, `dict gaps`'s counts and the salience model's features.  Feature hashes are written
 * into model files, so this function is part of their format: changing it means retraining.
 */
#ifndef MZ_HASH_H
#define MZ_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The 64-bit FNV-1a hash of s[0..n). */
static inline uint64_t mz_hash_bytes(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

#endif
