/*
 * render_csv.c — CSV output: events, dyad series and watch results.
 *
 * How it works.  RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes
 * doubled.  Every table starts with a header row; numbers that do not exist (the Goldstein mean
 * of a period without events) are empty fields.
 */
#include <string.h>

#include "render.h"

/* Appends one field, quoted when it must be. */
static void field(mz_buf *b, const char *s)
{
    s = s ? s : "";
    if (!strpbrk(s, ",\"\r\n")) {
        mz_buf_puts(b, s);
        return;
    }
    mz_buf_putc(b, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            mz_buf_putc(b, '"');
        mz_buf_putc(b, *p);
    }
    mz_buf_putc(b, '"');
}

static const char *const event_columns[] = {
    "doc", "sentence", "date", "lang", "source", "target", "source_country", "target_country",
    "code", "root", "quad", "goldstein", "plover", "mood", "text", "ev_source", "ev_target",
    "ev_verb", "id", "outlet", "url",
};

void mz_render_event_csv_header(mz_buf *b)
{
    const char sep = ',';
    for (size_t i = 0; i < sizeof event_columns / sizeof event_columns[0]; i++) {
        if (i)
            mz_buf_putc(b, sep);
        mz_buf_puts(b, event_columns[i]);
    }
    mz_buf_putc(b, '\n');
}

void mz_render_event_csv(mz_buf *b, const mz_event *e)
{
    const char sep = ',';
    field(b, e->doc);
    mz_buf_printf(b, "%c%d%c", sep, e->sentence, sep);
    const char *mid[] = {e->date, e->lang, e->source, e->target, e->source_country,
                         e->target_country, e->code, e->root};
    for (size_t i = 0; i < sizeof mid / sizeof mid[0]; i++) {
        field(b, mid[i]);
        mz_buf_putc(b, sep);
    }
    mz_buf_printf(b, "%d%c", e->quad, sep);
    mz_render_num(b, e->goldstein, "");
    char id[17];
    mz_event_id(e, id);
    const char *tail[] = {e->plover, e->mood == MZ_MOOD_INTENT ? "intent" : "fact", e->text,
                          e->ev_source, e->ev_target, e->ev_verb, id,
                          e->outlet ? e->outlet : "", e->url ? e->url : ""};
    for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++) {
        mz_buf_putc(b, sep);
        field(b, tail[i]);
    }
    mz_buf_putc(b, '\n');
}

void mz_render_dyad_csv(mz_buf *b, const mz_dyad *d)
{
    mz_buf_puts(b, "period,start,source,target,events,quad1,quad2,quad3,quad4,goldstein_sum,"
                   "goldstein_mean,net_coop\n");
    for (size_t i = 0; i < d->nrows; i++) {
        const mz_dyad_row *r = &d->rows[i];
        field(b, r->label);
        mz_buf_putc(b, ',');
        field(b, r->start);
        mz_buf_putc(b, ',');
        field(b, r->dir ? d->b : d->a);
        mz_buf_putc(b, ',');
        field(b, r->dir ? d->a : d->b);
        mz_buf_printf(b, ",%ld,%ld,%ld,%ld,%ld,", r->events, r->quad[0], r->quad[1], r->quad[2],
                      r->quad[3]);
        mz_render_num(b, r->gold_sum, "");
        mz_buf_putc(b, ',');
        mz_render_num(b, r->gold_mean, "");
        mz_buf_printf(b, ",%ld\n", r->net_coop);
    }
}

/* Change points and latest-period breaks share one table: `kind` says which a row is;
 * before/after are the means around a change point, or the trend's expectation and the
 * observed mean for a break. */
void mz_render_watch_csv(mz_buf *b, const mz_watch *w)
{
    mz_buf_puts(b, "kind,source,target,period,date,direction,before,after,size,p\n");
    for (size_t i = 0; i < w->nchanges; i++) {
        const mz_change *c = &w->changes[i];
        mz_buf_puts(b, "change,");
        field(b, c->src);
        mz_buf_putc(b, ',');
        field(b, c->tgt);
        mz_buf_printf(b, ",%s,%s,%s,", c->label, c->start, c->size >= 0 ? "up" : "down");
        mz_render_num(b, c->before, "");
        mz_buf_putc(b, ',');
        mz_render_num(b, c->after, "");
        mz_buf_putc(b, ',');
        mz_render_num(b, c->size, "");
        mz_buf_putc(b, ',');
        mz_buf_printf(b, "%.3g", c->p);
        mz_buf_putc(b, '\n');
    }
    for (size_t i = 0; i < w->nbreaks; i++) {
        const mz_break *k = &w->breaks[i];
        mz_buf_puts(b, "break,");
        field(b, k->src);
        mz_buf_putc(b, ',');
        field(b, k->tgt);
        mz_buf_printf(b, ",%s,%s,%s,", k->label, k->start, k->observed >= k->expected ? "up" : "down");
        mz_render_num(b, k->expected, "");
        mz_buf_putc(b, ',');
        mz_render_num(b, k->observed, "");
        mz_buf_putc(b, ',');
        mz_render_num(b, k->observed - k->expected, "");
        mz_buf_putc(b, ',');
        mz_buf_printf(b, "%.3g", k->p);
        mz_buf_putc(b, '\n');
    }
}
