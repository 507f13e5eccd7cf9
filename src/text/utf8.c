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

/* Whether none of the 8 bytes at s is NUL or above 0x7F: a run of plain ASCII. */
static int ascii8(const unsigned char *s)
{
    uint64_t v;
    memcpy(&v, s, 8);
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    return ((v | ((v - ones) & ~v)) & highs) == 0;
}

/* Checks one sequence at a time, with fast paths for what text is made of: ASCII (eight bytes
 * at a time where it runs on) and well-formed two-byte sequences (Latin, Greek, Cyrillic,
 * Arabic); the rest goes through the full decoder. */
int mz_utf8_check(const char *s, size_t n, size_t *bad, const char **reason)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = u[i];
        if (c - 1u < 0x7Fu) { /* 0x01..0x7F */
            i += i + 8 <= n && ascii8(u + i) ? 8 : 1;
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
