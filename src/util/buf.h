/*
 * buf.h — the one growable byte buffer used across mizan (after cmark_strbuf and sds).
 *
 * A mz_buf owns its bytes; the data is always NUL-terminated so it can be used as a C string.
 * Appends that cannot allocate set the buffer's `oom` flag and leave its contents unchanged, so a
 * caller may append many times and check once.
 */
#ifndef MZ_BUF_H
#define MZ_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "../../include/mizan.h"

typedef struct mz_buf {
    char *data;
    size_t len;
    size_t cap;
    int oom;
} mz_buf;

#define MZ_BUF_INIT {NULL, 0, 0, 0}

int mz_buf_grow(mz_buf *b, size_t extra);
void mz_buf_put(mz_buf *b, const char *s, size_t n);
void mz_buf_puts(mz_buf *b, const char *s);
void mz_buf_putc(mz_buf *b, char c);
void mz_buf_printf(mz_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void mz_buf_vprintf(mz_buf *b, const char *fmt, va_list ap);
void mz_buf_json_str(mz_buf *b, const char *s, size_t n);
/* The length of the run at s[0..n) that a JSON string holds as it is: up to the first quote,
 * backslash or control character (n when none). */
size_t mz_json_plain_len(const char *s, size_t n);
void mz_buf_xml_str(mz_buf *b, const char *s);
void mz_buf_clear(mz_buf *b);

/* Appends the whole file at path to b.  Returns MZ_OK, or MZ_ERR_IO (cannot open, read error) or
 * MZ_ERR_NOMEM with err filled; b stays the caller's to free either way. */
mz_status mz_buf_read_file(mz_buf *b, const char *path, mz_error *err);
void mz_buf_free(mz_buf *b);

#endif
