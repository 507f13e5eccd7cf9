/*
 * fuzz_events.c — arbitrary bytes as an event stream for the analyses (mz_evset_read: JSON Lines
 * through mz_evset_add_json per line, or, when the input starts with 'd', mizan's TSV or CSV
 * through events_table.c; a table whose header lacks the event columns is refused).
 *
 * The input is read through fmemopen as `mizan analyze --events FILE` reads a file, then the
 * whole input is also given to mz_evset_add_json as one record of exactly `size` bytes.  The
 * first byte picks the period (day, week, month, year) and whether text is kept
 * (MZ_EVSET_NO_TEXT).  The events that were read go through what the analyses do with them:
 * sorting, the dyad, profile and change-point series between the two countries of the first
 * event, the network (with blocs when it is small) and every renderer, so that strange but
 * accepted values (dates like 0000-02-31, huge sentence numbers, odd codes) are followed to
 * the end.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/analyze/analyze.h"
#include "../src/analyze/render.h"
#include "../src/io/render.h"

enum {
    MAX_BLOC_NODES = 12,  /* spin-glass is slow: blocs only on small networks */
    MAX_RENDER_ROWS = 4096 /* a span of centuries by day is valid but slow to render each time */
};

static void analyse_pair(const mz_evset *set, const char *a, const char *b, mz_period by, mz_buf *out)
{
    mz_dyad d = {0};
    if (mz_dyad_compute(set, a, b, by, &d) == MZ_OK && d.nrows <= MAX_RENDER_ROWS) {
        mz_render_dyad_json(out, &d);
        mz_render_dyad_csv(out, &d);
        mz_render_dyad_svg(out, &d);
    }
    mz_dyad_free(&d);

    mz_profile p = {0};
    if (mz_profile_compute(set, a, b, by, &p) == MZ_OK && p.nperiods <= MAX_RENDER_ROWS) {
        mz_render_profile_json(out, &p);
        mz_render_profile_text(out, &p);
    }
    mz_profile_free(&p);

    mz_watch_opts o = {.by = by};
    mz_watch_defaults(&o);
    mz_watch w = {0};
    if (mz_watch_dyad(set, a, b, &o, &w) == MZ_OK) {
        mz_render_watch_json(out, &w);
        mz_render_watch_csv(out, &w);
        mz_render_watch_text(out, &w, &o);
    }
    mz_watch_free(&w);
}

static void analyse(mz_evset *set, mz_period by)
{
    mz_buf out = MZ_BUF_INIT;
    mz_evset_sort(set);
    mz_render_event_csv_header(&out);
    mz_render_tsv_header(&out);
    for (size_t i = 0; i < set->n; i++) {
        mz_render_jsonl(&out, &set->ev[i]);
        mz_render_tsv(&out, &set->ev[i]);
        mz_render_event_csv(&out, &set->ev[i]);
        mz_buf_clear(&out);
    }
    /* the dyad of the first event with two distinct, non-empty countries */
    for (size_t i = 0; i < set->n; i++) {
        const mz_event *e = &set->ev[i];
        if (*e->source_country && *e->target_country &&
            strcmp(e->source_country, e->target_country) != 0) {
            char a[32], b[32];
            snprintf(a, sizeof a, "%s", e->source_country);
            snprintf(b, sizeof b, "%s", e->target_country);
            analyse_pair(set, a, b, by, &out);
            break;
        }
    }
    mz_buf_clear(&out);

    mz_watch_opts o = {.by = by};
    mz_watch_defaults(&o);
    mz_watch w = {0};
    if (mz_watch_all(set, &o, &w) == MZ_OK) {
        mz_render_watch_json(&out, &w);
        mz_render_watch_text(&out, &w, &o);
    }
    mz_watch_free(&w);
    mz_buf_clear(&out);

    mz_network net = {0};
    if (mz_network_build(set, &net) == MZ_OK) {
        mz_error err = {0};
        if (net.nnodes <= MAX_BLOC_NODES)
            mz_network_blocs(&net, 1, &err);
        mz_render_network_json(&out, &net);
        mz_render_network_graphml(&out, &net);
        mz_render_network_gexf(&out, &net);
        mz_render_network_dot(&out, &net);
        mz_render_network_svg(&out, &net);
    }
    mz_network_free(&net);
    mz_buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    mz_period by = (mz_period)(data[0] & 3);
    unsigned flags = data[0] & 4 ? MZ_EVSET_NO_TEXT : 0;

    /* the stream, as mizan analyze reads a file */
    mz_evset set;
    mz_evset_init(&set, flags);
    FILE *in = fmemopen((void *)data, size, "r");
    if (!in)
        abort();
    size_t nbad = 0;
    mz_error err = {0};
    mz_status st = mz_evset_read(&set, in, "fuzz", NULL, NULL, NULL, &nbad, &err);
    fclose(in);
    if (st != MZ_OK && st != MZ_ERR_NOMEM && !(st == MZ_ERR_PARSE && data[0] == 'd'))
        abort();
    analyse(&set, by);
    mz_evset_free(&set);

    /* the whole input as one record, not NUL-terminated */
    char *copy = malloc(size);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    mz_evset_init(&set, 0);
    mz_filter f = {.from = "2000", .to = "2030-06", .root = "7"};
    memset(&err, 0, sizeof err);
    st = mz_evset_add_json(&set, copy, size, &f, &err);
    if (st != MZ_OK && st != MZ_ERR_PARSE && st != MZ_ERR_NOMEM)
        abort();
    if (st != MZ_OK && !err.message[0])
        abort();
    mz_evset_free(&set);
    free(copy);
    return 0;
}
