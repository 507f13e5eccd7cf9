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

int mz_utf8_check(const char *s, size_t n, size_t *bad, const char **reason)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* fast path over ASCII runs */
        while (i < n && u[i] >= 0x01 && u[i] < 0x80)
            i++;
        if (i >= n)
            break;
        if (u[i] == 0) {
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
