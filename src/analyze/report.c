/*
 * report.c — an analysis from the question to the rendered answer; see report.h.
 *
 * How it works.  Each kind has a table of its formats, each with the renderer of analyze's
 * result structure (render.h); mz_report_run computes the result, looks the format up and
 * renders.  Everything the commands and the API used to decide for themselves (defaults,
 * which events a kind reads, dedup before sort) is decided here once.
 */
#include "report.h"

#include <string.h>

#include "../util/error.h"
#include "dedup.h"
#include "render.h"

/* Each kind's formats, the default first, and beside them their renderers in the same order.
 * Watch's text renderer also takes the options (it prints the thresholds), so watch formats
 * are told apart in run_watch. */
static const char *const dyad_names[] = {"csv", "json", "svg", NULL};
static void (*const dyad_render[])(mz_buf *, const mz_dyad *) = {
    mz_render_dyad_csv, mz_render_dyad_json, mz_render_dyad_svg};

static const char *const network_names[] = {"json", "node-link", "graphml", "gexf", "dot", "svg", NULL};
static void (*const network_render[])(mz_buf *, const mz_network *) = {
    mz_render_network_json,  mz_render_network_node_link, mz_render_network_graphml,
    mz_render_network_gexf, mz_render_network_dot,       mz_render_network_svg};

static const char *const profile_names[] = {"text", "json", NULL};
static void (*const profile_render[])(mz_buf *, const mz_profile *) = {mz_render_profile_text,
                                                                      mz_render_profile_json};

static const char *const watch_names[] = {"text", "csv", "json", NULL};

#define COUNT(a) (sizeof(a) / sizeof(a)[0])
_Static_assert(COUNT(dyad_render) + 1 == COUNT(dyad_names), "a renderer per dyad format");
_Static_assert(COUNT(network_render) + 1 == COUNT(network_names), "a renderer per network format");
_Static_assert(COUNT(profile_render) + 1 == COUNT(profile_names), "a renderer per profile format");

const char *const *mz_report_formats(mz_report_kind kind)
{
    switch (kind) {
    case MZ_REPORT_DYAD: return dyad_names;
    case MZ_REPORT_NETWORK: return network_names;
    case MZ_REPORT_PROFILE: return profile_names;
    case MZ_REPORT_WATCH: break;
    }
    return watch_names;
}

void mz_report_init(mz_report *r, mz_report_kind kind)
{
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->format = mz_report_formats(kind)[0];
    r->by = kind == MZ_REPORT_PROFILE ? MZ_BY_YEAR : MZ_BY_MONTH;
    r->seed = 1;
}

void mz_report_filter(const mz_report *r, mz_filter *f)
{
    memset(f, 0, sizeof *f);
    f->from = r->from;
    f->to = r->to;
    if (r->kind == MZ_REPORT_DYAD || r->kind == MZ_REPORT_WATCH) {
        f->dyad_a = r->a;
        f->dyad_b = r->b;
    }
}

mz_status mz_report_prepare(const mz_report *r, mz_evset *set)
{
    if (r->dedup && mz_evset_dedup_day(set) != MZ_OK)
        return MZ_ERR_NOMEM;
    mz_evset_sort(set);
    return MZ_OK;
}

mz_status mz_report_load_store(const mz_report *r, mz_store *st, mz_evset *set, mz_error *err)
{
    mz_filter f;
    mz_report_filter(r, &f);
    mz_status rc = mz_evset_load_store(set, st, &f, err);
    if (rc == MZ_OK && mz_report_prepare(r, set) != MZ_OK)
        rc = mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
    return rc;
}

/* The failure of an analysis as a message. */
static mz_status failed(const mz_report *r, mz_status rc, mz_error *err)
{
    if (rc == MZ_ERR_LIMIT)
        return mz_fail(err, rc, NULL, 0,
                       "the time span is too long for a series by %s; try a longer period",
                       mz_period_name(r->by));
    return mz_fail(err, rc, NULL, 0, "%s", mz_status_str(rc));
}

static mz_status unknown_format(const mz_report *r, mz_error *err)
{
    return mz_fail(err, MZ_ERR_ARG, NULL, 0, "unknown format '%s'", r->format ? r->format : "");
}

static int is(const mz_report *r, const char *name)
{
    return r->format && strcmp(r->format, name) == 0;
}

/* The index of r->format in a NULL-terminated list of names; -1 when not there. */
static long format_index(const mz_report *r, const char *const *names)
{
    for (long i = 0; names[i]; i++)
        if (is(r, names[i]))
            return i;
    return -1;
}

int mz_report_format_ok(mz_report_kind kind, const char *format)
{
    mz_report r = {.kind = kind, .format = format};
    return format_index(&r, mz_report_formats(kind)) >= 0;
}

static mz_status run_dyad(const mz_report *r, const mz_evset *set, mz_buf *out, mz_error *err)
{
    long i = format_index(r, dyad_names);
    if (i < 0)
        return unknown_format(r, err);
    mz_dyad d;
    mz_status rc = mz_dyad_compute(set, r->a, r->b, r->by, &d);
    if (rc == MZ_OK)
        dyad_render[i](out, &d);
    mz_dyad_free(&d);
    return rc == MZ_OK ? MZ_OK : failed(r, rc, err);
}

static mz_status run_network(const mz_report *r, const mz_evset *set, mz_buf *out, mz_error *err)
{
    long i = format_index(r, network_names);
    if (i < 0)
        return unknown_format(r, err);
    mz_network net;
    mz_error e = {0};
    mz_status rc = mz_network_build(set, &net);
    if (rc == MZ_OK)
        rc = mz_network_blocs(&net, r->seed, &e);
    if (rc == MZ_OK) {
        net.directed = r->directed;
        network_render[i](out, &net);
    }
    mz_network_free(&net);
    if (rc != MZ_OK && e.message[0]) {
        if (err)
            *err = e;
        return rc;
    }
    return rc == MZ_OK ? MZ_OK : failed(r, rc, err);
}

static mz_status run_profile(const mz_report *r, const mz_evset *set, mz_buf *out, mz_error *err)
{
    long i = format_index(r, profile_names);
    if (i < 0)
        return unknown_format(r, err);
    mz_profile p;
    mz_status rc = mz_profile_compute(set, r->a, r->b, r->by, &p);
    if (rc == MZ_OK)
        profile_render[i](out, &p);
    mz_profile_free(&p);
    return rc == MZ_OK ? MZ_OK : failed(r, rc, err);
}

static mz_status run_watch(const mz_report *r, const mz_evset *set, mz_buf *out, mz_error *err)
{
    if (format_index(r, watch_names) < 0)
        return unknown_format(r, err);
    mz_watch_opts o = r->watch;
    o.by = r->by;
    mz_watch_defaults(&o);
    mz_watch w;
    mz_status rc = r->a && r->b ? mz_watch_dyad(set, r->a, r->b, &o, &w) : mz_watch_all(set, &o, &w);
    if (rc == MZ_OK) {
        if (is(r, "json"))
            mz_render_watch_json(out, &w);
        else if (is(r, "csv"))
            mz_render_watch_csv(out, &w);
        else
            mz_render_watch_text(out, &w, &o);
    }
    mz_watch_free(&w);
    return rc == MZ_OK ? MZ_OK : failed(r, rc, err);
}

mz_status mz_report_run(const mz_report *r, const mz_evset *set, mz_buf *out, mz_error *err)
{
    switch (r->kind) {
    case MZ_REPORT_DYAD: return run_dyad(r, set, out, err);
    case MZ_REPORT_NETWORK: return run_network(r, set, out, err);
    case MZ_REPORT_PROFILE: return run_profile(r, set, out, err);
    case MZ_REPORT_WATCH: break;
    }
    return run_watch(r, set, out, err);
}
