/*
 * report.h — one analysis as a user asks for it: which events it reads, how they are made
 * ready, and the analysis run and rendered in one of its formats.
 *
 * The analysis commands (src/cli/cmd_analyze.c) and the JSON API of `mizan serve`
 * (src/serve/api.c) both describe a question as an mz_report and hand it here, so the two give
 * the same answer, byte for byte, to the same question.
 */
#ifndef MZ_REPORT_H
#define MZ_REPORT_H

#include "../util/buf.h"
#include "analyze.h"

typedef enum mz_report_kind {
    MZ_REPORT_DYAD = 0,  /* mz_dyad_compute */
    MZ_REPORT_NETWORK,   /* mz_network_build and mz_network_blocs */
    MZ_REPORT_PROFILE,   /* mz_profile_compute */
    MZ_REPORT_WATCH      /* mz_watch_dyad with a dyad, mz_watch_all without */
} mz_report_kind;

typedef struct mz_report {
    mz_report_kind kind;
    const char *format;     /* one of mz_report_formats(kind) */
    const char *from, *to;  /* date filter (see mz_filter); NULL: open */
    const char *a, *b;      /* the dyad, upper case: required by dyad and profile, optional in watch */
    mz_period by;
    unsigned long seed;     /* network: seed of the community detection */
    int directed;           /* network: graph formats write arcs */
    int dedup;              /* count a day's events of one source, target and code once */
    mz_watch_opts watch;    /* watch: zero fields take the defaults */
} mz_report;

/* A report of the kind with its defaults: the first format, by month (profile: by year),
 * seed 1. */
void mz_report_init(mz_report *r, mz_report_kind kind);

/* The kind's formats, NULL-terminated, the default first. */
const char *const *mz_report_formats(mz_report_kind kind);

/* 1 when `format` is one of the kind's formats. */
int mz_report_format_ok(mz_report_kind kind, const char *format);

/* The filter the report's events are loaded with: its dates, and for dyad and watch its dyad
 * (a profile needs every event of either side, for the third parties; a network all). */
void mz_report_filter(const mz_report *r, mz_filter *f);

/* Makes a loaded set ready for the analysis: one event per day-group under dedup, then sorted.
 * MZ_ERR_NOMEM when memory runs out. */
mz_status mz_report_prepare(const mz_report *r, mz_evset *set);

/* Loads the report's events from the store (mz_report_filter) into an initialised set and
 * prepares them. */
mz_status mz_report_load_store(const mz_report *r, mz_store *st, mz_evset *set, mz_error *err);

/* Runs the analysis on a prepared set and appends it to out in r->format.  On failure err says
 * why (MZ_ERR_LIMIT: too many periods for r->by; MZ_ERR_NOMEM; MZ_ERR_ARG: a format the kind
 * has not).  Check out->oom after. */
mz_status mz_report_run(const mz_report *r, const mz_evset *set, mz_buf *out, mz_error *err);

#endif
