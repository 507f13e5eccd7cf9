/* utf8.c — UTF-8 decoding and validation; see utf8.h. */
#include "utf8.h"

#include <string.h>

int mz_utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
    if (n == 0)
        return -1;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    int len;
    int32_t v, min;
    if ((c & 0xE0) == 0xC0) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return -1;
    }
    if ((size_t)len > n)
        return -1;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return -1;
    *cp = v;
    return len;
}

int mz_utf8_encode(int32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

#if defined(__SSE2__)
#include <emmintrin.h>
enum { WORD = 16 };

/* How many of the 16 bytes at s (at a character boundary) are plain ASCII other than NUL and
 * well-formed two-byte sequences (U+0080–U+07FF: Latin, Greek, Cyrillic, Arabic), read at once
 * with SSE2: 16, or 15 when the last byte starts a sequence finished after them.  When they hold
 * anything else, the plain ASCII before the first other byte (maybe none): the caller reads
 * what follows one sequence at a time.  Bit k of each mask is byte k: its top bit (b7), the
 * next two (b6, b5), and whether it is NUL, C0 or C1. */
static int ascii_or_pairs(const unsigned char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    unsigned b7 = (unsigned)_mm_movemask_epi8(v);
    unsigned nul = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128()));
    if (!(b7 | nul))
        return WORD;
    if (!nul) {
        unsigned b6 = (unsigned)_mm_movemask_epi8(_mm_add_epi8(v, v));
        unsigned b5 = (unsigned)_mm_movemask_epi8(_mm_slli_epi16(v, 2));
        __m128i c0c1 = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xfe)),
                                      _mm_set1_epi8((char)0xc0));
        unsigned cont = b7 & ~b6, lead = b7 & b6 & ~b5;  /* 10xxxxxx, 110xxxxx */
        if (!(b7 & b6 & b5) && !_mm_movemask_epi8(c0c1) && cont == ((lead << 1) & 0xffff))
            return lead >> 15 ? WORD - 1 : WORD;
    }
    return __builtin_ctz(b7 | nul);
}
#else
enum { WORD = 8 };
#define BYTES(x) (0x0101010101010101ull * (x))

/* As above, for 8 bytes read as one 64-bit word (where SSE2 is missing): 8, 7, or the ASCII
 * before the first other byte.  A NUL is flagged by a borrow that may flag bytes after it, never
 * before, so the first flag is exact. */
static int ascii_or_pairs(const unsigned char *s)
{
    uint64_t v;
    memcpy(&v, s, WORD);
    const uint64_t high = BYTES(0x80);
    uint64_t nul = (v - BYTES(1)) & ~v & high, b7 = v & high;
    if (!(b7 | nul))
        return WORD;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (!nul) {
        uint64_t b6 = (v << 1) & high, b5 = (v << 2) & high;
        uint64_t cont = b7 & ~b6, lead = b7 & b6 & ~b5;  /* 10xxxxxx, 110xxxxx */
        uint64_t bits41 = v & BYTES(0x1e);                /* 0 in C0 and C1, the overlong leads */
        if (!(b7 & b6 & b5) && !(lead & ~((bits41 + BYTES(0x7f)) & high)) && cont == (lead << 8))
            return lead >> 63 ? WORD - 1 : WORD;
    }
    return __builtin_ctzll(b7 | nul) >> 3;
#else
    return 0;
#endif
}
#endif

/* Checks 16 (or 8) bytes at a time where they are what most text is made of (ASCII and two-byte
 * sequences), else one sequence at a time: ASCII and well-formed two-byte sequences directly,
 * the rest through the full decoder. */
int mz_utf8_check(const char *s, size_t n, size_t *bad, const char **reason)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = u[i];
        int run = i + WORD <= n ? ascii_or_pairs(u + i) : 0;
        if (run) {
            i += (size_t)run;
            continue;
        }
        if (c - 1u < 0x7Fu) { /* 0x01..0x7F */
            i++;
            continue;
        }
        if (c >= 0xC2 && c < 0xE0 && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        if (c == 0) {
            *bad = i;
            *reason = "NUL byte";
            return -1;
        }
        int32_t cp;
        int len = mz_utf8_decode(u + i, n - i, &cp);
        if (len < 0) {
            *bad = i;
            *reason = "invalid UTF-8";
            return -1;
        }
        i += (size_t)len;
    }
    return 0;
}
