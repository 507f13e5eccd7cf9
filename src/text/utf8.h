/*
 * utf8.h — UTF-8 decoding and validation.
 *
 * Text entering mizan is validated once (mz_utf8_check); after that the decoder may assume
 * well-formed input, but it still never reads past the end it is given.
 */
#ifndef MZ_UTF8_H
#define MZ_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[0..n).  Returns its length in bytes (1–4) and stores the code point,
 * or returns -1 for an invalid or truncated sequence (overlongs, surrogates and values above
 * U+10FFFF are invalid). */
int mz_utf8_decode(const unsigned char *s, size_t n, int32_t *cp);

/* Encodes cp into out (at least 4 bytes); returns the length. */
int mz_utf8_encode(int32_t cp, char *out);

/* Checks that s[0..n) is valid UTF-8 with no NUL byte.  Returns 0, or -1 with the offset of the
 * first bad byte in *bad and a reason ("NUL byte", "invalid UTF-8"). */
int mz_utf8_check(const char *s, size_t n, size_t *bad, const char **reason);

#endif
