/*
 * error.h — filling an mz_error: every layer reports failures the same way, a status code and a
 * message with the file and line it concerns (mizan.h).
 */
#ifndef MZ_ERROR_H
#define MZ_ERROR_H

#include "../../include/mizan.h"

/* Fills err (when not NULL) and returns status. */
mz_status mz_fail(mz_error *err, mz_status status, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
