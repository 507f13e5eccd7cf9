/* error.c — status names and mz_fail; see error.h and mizan.h. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>

static const char *const status_names[] = {
    [MZ_OK] = "ok",
    [MZ_ERR_NOMEM] = "out of memory",
    [MZ_ERR_IO] = "cannot read input",
    [MZ_ERR_PARSE] = "malformed input",
    [MZ_ERR_UTF8] = "invalid text encoding",
    [MZ_ERR_ARG] = "bad argument",
    [MZ_ERR_LIMIT] = "input too large",
    [MZ_ERR_DB] = "database error",
};

const char *mz_status_str(mz_status s)
{
    return (unsigned)s < sizeof status_names / sizeof status_names[0] ? status_names[s] : "unknown error";
}

mz_status mz_fail(mz_error *err, mz_status status, const char *file, long line, const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}
