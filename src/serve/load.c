/*
 * load.c — the events of `mizan serve --events FILE` in an in-memory store; see load.h.
 *
 * The file is read by the analyses' reader (mz_evset_read, so the same formats and checks as
 * `mizan dyad --events`) and written by the store's own code (mz_store_put_events), so the API
 * answers from it as from a database that `mizan ingest` wrote.
 */
#define _POSIX_C_SOURCE 200809L
#include "load.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../analyze/events.h"
#include "../util/error.h"

/* The first bad line, kept for the message. */
typedef struct bad_lines {
    mz_error first;
    size_t n;
} bad_lines;

static void on_bad(void *ctx, const mz_error *err)
{
    bad_lines *b = ctx;
    if (b->n++ == 0)
        b->first = *err;
}

/* Reads the file into set; MZ_OK only when every line was an event. */
static mz_status read_file(const char *path, mz_evset *set, mz_error *err)
{
    int std = strcmp(path, "-") == 0;
    const char *name = std ? "<stdin>" : path;
    FILE *in = std ? stdin : fopen(path, "r");
    if (!in)
        return mz_fail(err, MZ_ERR_IO, path, 0, "cannot open the events file: %s", strerror(errno));
    bad_lines bad = {{0}, 0};
    mz_status rc = mz_evset_read(set, in, name, NULL, on_bad, &bad, NULL, err);
    if (!std)
        fclose(in);
    if (rc == MZ_OK && bad.n)
        rc = mz_fail(err, MZ_ERR_PARSE, bad.first.file, bad.first.line,
                     "%.300s (%zu line%s of the file %s not events: nothing served)",
                     bad.first.message, bad.n, bad.n == 1 ? "" : "s", bad.n == 1 ? "is" : "are");
    return rc;
}

mz_store *mz_serve_load_events(const char *path, const char *name, long long *nevents,
                               mz_error *err)
{
    mz_evset set;
    mz_evset_init(&set, 0);
    mz_store *st = NULL;
    if (read_file(path, &set, err) == MZ_OK &&
        (st = mz_store_open(name, MZ_STORE_MEMORY, err)) != NULL &&
        mz_store_put_events(st, set.ev, set.n, err) != MZ_OK) {
        if (err && !err->file[0])
            snprintf(err->file, sizeof err->file, "%s", path);
        mz_store_close(st);
        st = NULL;
    }
    if (st && nevents)
        *nevents = (long long)set.n;
    mz_evset_free(&set);
    return st;
}
