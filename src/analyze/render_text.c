/*
 * render_text.c — the profile and watch results laid out for a person at a terminal.
 *
 * How it works.  Fixed-width columns for the ASCII parts (codes, numbers); arrows are UTF-8.
 * Signed numbers carry their sign so cooperation (+) and conflict (−) read at a glance.  The
 * same numbers are in the JSON forms, which are what scripts should read.
 */
#include <math.h>
#include <string.h>

#include "render.h"

#define ARROW " \xe2\x86\x92 "
#define BOTH " \xe2\x86\x94 "

/* A number with an explicit sign, one decimal; "n/a" when not finite. */
static void signed1(mz_buf *b, double v, int width)
{
    if (!isfinite(v)) {
        mz_buf_printf(b, "%*s", width, "n/a");
        return;
    }
    if (fabs(v) < 0.05)
        v = 0;
    mz_buf_printf(b, "%+*.1f", width, v);
}

static void signed2(mz_buf *b, double v)
{
    if (!isfinite(v))
        mz_buf_puts(b, "n/a");
    else
        mz_buf_printf(b, "%+.2f", fabs(v) < 0.005 ? 0.0 : v);
}

static void gives(mz_buf *b, const mz_profile *p, int d)
{
    const mz_give *g = &p->give[d];
    mz_buf_printf(b, "\nWhat %s gives %s\n", d ? p->b : p->a, d ? p->a : p->b);
    if (!g->events) {
        mz_buf_puts(b, "  nothing recorded\n");
        return;
    }
    mz_buf_puts(b, "  by CAMEO root                            events  Goldstein\n");
    for (size_t i = 0; i < g->nroots; i++) {
        mz_buf_printf(b, "    %-2.2s %-34.34s %6ld ", g->roots[i].key,
                      mz_cameo_root_name(g->roots[i].key), g->roots[i].events);
        signed1(b, g->roots[i].gold, 10);
        mz_buf_putc(b, '\n');
    }
    mz_buf_puts(b, "  by PLOVER type\n");
    for (size_t i = 0; i < g->nplover; i++) {
        mz_buf_printf(b, "    %-37.37s %6ld ", g->plover[i].key, g->plover[i].events);
        signed1(b, g->plover[i].gold, 10);
        mz_buf_putc(b, '\n');
    }
}

void mz_render_profile_text(mz_buf *b, const mz_profile *p)
{
    static const char *const quads[4] = {"verbal cooperation", "material cooperation",
                                         "verbal conflict", "material conflict"};
    char h0[80], h1[80];
    snprintf(h0, sizeof h0, "%s>%s", p->a, p->b);
    snprintf(h1, sizeof h1, "%s>%s", p->b, p->a);
    mz_buf_printf(b, "Exchange profile %s" BOTH "%s\n\n", p->a, p->b);
    mz_buf_printf(b, "  %-24s %12s %12s\n", "", h0, h1);
    mz_buf_printf(b, "  %-24s %12ld %12ld\n", "events", p->give[0].events, p->give[1].events);
    for (int q = 0; q < 4; q++)
        mz_buf_printf(b, "  %-24s %12ld %12ld\n", quads[q], p->give[0].quad[q], p->give[1].quad[q]);
    mz_buf_printf(b, "  %-24s ", "Goldstein sum");
    signed1(b, p->give[0].gold, 12);
    mz_buf_putc(b, ' ');
    signed1(b, p->give[1].gold, 12);
    mz_buf_puts(b, "\n\n  asymmetry    ");
    signed2(b, p->asymmetry);
    if (p->asymmetry > 0.05)
        mz_buf_printf(b, "  (%s gives more than it receives)", p->a);
    else if (p->asymmetry < -0.05)
        mz_buf_printf(b, "  (%s gives more than it receives)", p->b);
    else
        mz_buf_puts(b, "  (an even exchange)");
    mz_buf_puts(b, "\n  reciprocity  ");
    signed2(b, p->reciprocity);
    mz_buf_printf(b, "  (correlation of the two directions per %s%s)\n", mz_period_name(p->by),
                  isfinite(p->reciprocity) ? "" : "; needs three periods with variation");
    gives(b, p, 0);
    gives(b, p, 1);
    mz_buf_puts(b, "\nShared enemies (negative Goldstein sum with both sides)\n");
    if (!p->nenemies)
        mz_buf_puts(b, "  none\n");
    for (size_t i = 0; i < p->nenemies; i++) {
        const mz_enemy *e = &p->enemies[i];
        mz_buf_printf(b, "  %-8s with %s: %ld conflict event%s, ", e->id, p->a, e->events_a,
                      e->events_a == 1 ? "" : "s");
        signed1(b, e->gold_a, 0);
        mz_buf_printf(b, "; with %s: %ld, ", p->b, e->events_b);
        signed1(b, e->gold_b, 0);
        mz_buf_putc(b, '\n');
    }
    mz_buf_printf(b, "\nOver time (per %s)\n", mz_period_name(p->by));
    mz_buf_printf(b, "  %-10s %6s %9s %-12s %6s %9s %-12s %6s %7s\n", "period", "events", "Goldstein",
                  "top type", "events", "Goldstein", "top type", "asym", "enemies");
    mz_buf_printf(b, "  %-10s %-29s %-29s\n", "", h0, h1);
    for (size_t i = 0; i < p->nperiods; i++) {
        const mz_profile_period *pp = &p->periods[i];
        if (!pp->events[0] && !pp->events[1] && !pp->nenemies)
            continue;
        mz_buf_printf(b, "  %-10s", pp->label);
        for (int d = 0; d < 2; d++) {
            mz_buf_printf(b, " %6ld ", pp->events[d]);
            signed1(b, pp->gold[d], 9);
            mz_buf_printf(b, " %-12.12s", pp->top[d][0] ? pp->top[d] : "-");
        }
        mz_buf_putc(b, ' ');
        mz_buf_printf(b, "%+6.2f %7zu\n", pp->asymmetry, pp->nenemies);
    }
}

void mz_render_watch_text(mz_buf *b, const mz_watch *w, const mz_watch_opts *o)
{
    const char *per = mz_period_name(o->by);
    if (!w->all) {
        mz_buf_printf(b, "Change points in mean Goldstein per event (per %s, alpha %g)\n", per,
                      o->alpha);
        if (!w->nchanges)
            mz_buf_puts(b, "  none found\n");
    }
    for (size_t i = 0; i < w->nchanges; i++) {
        const mz_change *c = &w->changes[i];
        mz_buf_printf(b, "  %-10s %s  %s" ARROW "%s  %-4s ", c->label, c->start, c->src, c->tgt,
                      c->size >= 0 ? "up" : "down");
        signed1(b, c->size, 6);
        mz_buf_puts(b, "  (from ");
        signed1(b, c->before, 0);
        mz_buf_puts(b, " to ");
        signed1(b, c->after, 0);
        mz_buf_printf(b, ", p %.2g)\n", c->p);
    }
    if (w->all) {
        mz_buf_printf(b, "Latest %ss that break their dyad's trend (alpha %g)\n", per, o->alpha);
        if (!w->nbreaks)
            mz_buf_puts(b, "  none found\n");
        for (size_t i = 0; i < w->nbreaks; i++) {
            const mz_break *k = &w->breaks[i];
            mz_buf_printf(b, "  %-10s %s" ARROW "%s  %-4s observed ", k->label, k->src, k->tgt,
                          k->observed >= k->expected ? "up" : "down");
            signed1(b, k->observed, 0);
            mz_buf_puts(b, ", trend ");
            signed1(b, k->expected, 0);
            mz_buf_printf(b, "  (t %.1f, p %.2g, %zu earlier %ss)\n", k->t, k->p, k->history, per);
        }
    }
}
