/* buf.c — growable byte buffer; see buf.h. */
#include "buf.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

/* Makes room for `extra` more bytes plus the terminating NUL.  Returns 0 on success, -1 (and
 * sets oom) when the allocation fails or the size would overflow. */
int mz_buf_grow(mz_buf *b, size_t extra)
{
    if (b->oom)
        return -1;
    if (extra > ((size_t)-1) / 2 - b->len) {
        b->oom = 1;
        return -1;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

void mz_buf_put(mz_buf *b, const char *s, size_t n)
{
    if (mz_buf_grow(b, n) < 0)
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void mz_buf_puts(mz_buf *b, const char *s) { mz_buf_put(b, s, strlen(s)); }

void mz_buf_putc(mz_buf *b, char c) { mz_buf_put(b, &c, 1); }

/* Formats straight into the room after the text (most appends are short), and a second time,
 * after growing, only when it did not fit. */
void mz_buf_vprintf(mz_buf *b, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    if (mz_buf_grow(b, 64) == 0) {
        size_t room = b->cap - b->len;
        int n = vsnprintf(b->data + b->len, room, fmt, ap);
        if (n >= 0 && (size_t)n < room) {
            b->len += (size_t)n;
        } else if (n >= 0 && mz_buf_grow(b, (size_t)n) == 0) {
            vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
            b->len += (size_t)n;
        } else {
            b->data[b->len] = '\0'; /* what the first try wrote is not kept */
        }
    }
    va_end(again);
}

void mz_buf_printf(mz_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    mz_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* 16 bytes at a time with SSE2: a byte is flagged when it is a quote, a backslash or, compared
 * signed after an offset of 0x80, below 0x20. */
size_t mz_json_plain_len(const char *s, size_t n)
{
    size_t i = 0;
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
    const __m128i flip = _mm_set1_epi8((char)0x80), ctl = _mm_set1_epi8((char)(0x20 ^ 0x80));
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
                                   _mm_cmplt_epi8(_mm_xor_si128(v, flip), ctl));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
    while (i < n && s[i] != '"' && s[i] != '\\' && (unsigned char)s[i] >= 0x20)
        i++;
    return i;
}
#else
#define BYTES(x) (0x0101010101010101ull * (x))

/* Eight bytes at a time as one 64-bit word: a byte is flagged when it is a quote, a backslash or
 * a control character (a borrow may flag bytes after a flagged one, never before it, so the
 * first flag is exact). */
size_t mz_json_plain_len(const char *s, size_t n)
{
    size_t i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; i + 8 <= n; i += 8) {
        uint64_t v, q, b;
        memcpy(&v, s + i, 8);
        q = v ^ BYTES('"');
        b = v ^ BYTES('\\');
        uint64_t hit = (((q - BYTES(1)) & ~q) | ((b - BYTES(1)) & ~b) | ((v - BYTES(0x20)) & ~v)) &
                       BYTES(0x80);
        if (hit)
            return i + (size_t)(__builtin_ctzll(hit) >> 3);
    }
#endif
    while (i < n && s[i] != '"' && s[i] != '\\' && (unsigned char)s[i] >= 0x20)
        i++;
    return i;
}
#endif

/* Appends `s` as a JSON string literal, quotes included.  The input is valid UTF-8 (the coder
 * validates text first), so only control characters, quotes and backslashes need escaping. */
void mz_buf_json_str(mz_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    mz_buf_putc(b, '"');
    for (size_t i = 0;;) {
        size_t run = mz_json_plain_len(s + i, n - i);
        mz_buf_put(b, s + i, run);
        i += run;
        if (i == n)
            break;
        unsigned char c = (unsigned char)s[i++];
        switch (c) {
        case '"': mz_buf_put(b, "\\\"", 2); break;
        case '\\': mz_buf_put(b, "\\\\", 2); break;
        case '\n': mz_buf_put(b, "\\n", 2); break;
        case '\t': mz_buf_put(b, "\\t", 2); break;
        case '\r': mz_buf_put(b, "\\r", 2); break;
        default: {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            mz_buf_put(b, esc, 6);
        }
        }
    }
    mz_buf_putc(b, '"');
}

/* Appends s with the XML special characters & < > " escaped (GraphML, GEXF, SVG). */
void mz_buf_xml_str(mz_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': mz_buf_puts(b, "&amp;"); break;
        case '<': mz_buf_puts(b, "&lt;"); break;
        case '>': mz_buf_puts(b, "&gt;"); break;
        case '"': mz_buf_puts(b, "&quot;"); break;
        default: mz_buf_putc(b, *s);
        }
    }
}

void mz_buf_clear(mz_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void mz_buf_free(mz_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

mz_status mz_buf_read_file(mz_buf *b, const char *path, mz_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return mz_fail(err, MZ_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
    char chunk[1 << 16];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        mz_buf_put(b, chunk, n);
    int failed = ferror(f);
    fclose(f);
    if (failed)
        return mz_fail(err, MZ_ERR_IO, path, 0, "read error");
    if (b->oom)
        return mz_fail(err, MZ_ERR_NOMEM, path, 0, "out of memory");
    return MZ_OK;
}
