/*
 * render_json.c — JSON output: the results of the dyad, network, profile and watch analyses as
 * one JSON document each.
 *
 * How it works.  Plain appends to an mz_buf with mz_buf_json_str for strings and mz_render_num
 * for numbers; no JSON library is needed to write.  The network form is fixed by the issue:
 * {"nodes":[{"id","bloc","events"}],"edges":[{"a","b","weight","events"}],"unbalanced"}, with no
 * spaces, nodes in id order and edges in (a, b) order, so it can be compared as text.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

static const char *const root_names[21] = {
    "",
    "make public statement", "appeal", "express intent to cooperate", "consult",
    "engage in diplomatic cooperation", "engage in material cooperation", "provide aid", "yield",
    "investigate", "demand", "disapprove", "reject", "threaten", "protest",
    "exhibit force posture", "reduce relations", "coerce", "assault", "fight",
    "use unconventional mass violence",
};

const char *mz_cameo_root_name(const char *root)
{
    if (!root || root[0] < '0' || root[0] > '2' || root[1] < '0' || root[1] > '9' || root[2])
        return "";
    int r = (root[0] - '0') * 10 + (root[1] - '0');
    return r >= 1 && r <= 20 ? root_names[r] : "";
}

void mz_render_num(mz_buf *b, double v, const char *nonfinite)
{
    if (!isfinite(v)) {
        mz_buf_puts(b, nonfinite);
        return;
    }
    char s[64];
    if (fabs(v) >= 1e15) {
        mz_buf_printf(b, "%.17g", v);
        return;
    }
    snprintf(s, sizeof s, "%.6f", v);
    char *dot = strchr(s, '.');
    if (dot) {
        char *end = s + strlen(s) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    mz_buf_puts(b, strcmp(s, "-0") == 0 ? "0" : s);
}

static void key(mz_buf *b, const char *k)
{
    mz_buf_json_str(b, k, strlen(k));
    mz_buf_putc(b, ':');
}

static void str(mz_buf *b, const char *v)
{
    v = v ? v : "";
    mz_buf_json_str(b, v, strlen(v));
}

static void kstr(mz_buf *b, const char *k, const char *v)
{
    key(b, k);
    str(b, v);
}

static void knum(mz_buf *b, const char *k, double v)
{
    key(b, k);
    mz_render_num(b, v, "null");
}

static void klong(mz_buf *b, const char *k, long v)
{
    key(b, k);
    mz_buf_printf(b, "%ld", v);
}

/* ---- dyad -------------------------------------------------------------------------------- */

/* The fields of one dyad row (without braces). */
static void dyad_fields(mz_buf *b, const mz_dyad *d, const mz_dyad_row *r)
{
    kstr(b, "source", r->dir ? d->b : d->a);
    mz_buf_putc(b, ',');
    kstr(b, "target", r->dir ? d->a : d->b);
    mz_buf_putc(b, ',');
    klong(b, "events", r->events);
    mz_buf_printf(b, ",\"quad\":[%ld,%ld,%ld,%ld],", r->quad[0], r->quad[1], r->quad[2], r->quad[3]);
    knum(b, "goldstein_sum", r->gold_sum);
    mz_buf_putc(b, ',');
    knum(b, "goldstein_mean", r->gold_mean);
    mz_buf_putc(b, ',');
    klong(b, "net_coop", r->net_coop);
}

void mz_render_dyad_json(mz_buf *b, const mz_dyad *d)
{
    mz_buf_putc(b, '{');
    kstr(b, "a", d->a);
    mz_buf_putc(b, ',');
    kstr(b, "b", d->b);
    mz_buf_putc(b, ',');
    kstr(b, "by", mz_period_name(d->by));
    mz_buf_putc(b, ',');
    klong(b, "undated", d->undated);
    mz_buf_puts(b, ",\"total\":[");
    for (int i = 0; i < 2; i++) {
        mz_buf_puts(b, i ? ",{" : "{");
        dyad_fields(b, d, &d->total[i]);
        mz_buf_putc(b, '}');
    }
    mz_buf_puts(b, "],\"periods\":[");
    for (size_t i = 0; i < d->nrows; i++) {
        const mz_dyad_row *r = &d->rows[i];
        mz_buf_puts(b, i ? ",\n{" : "\n{");
        kstr(b, "period", r->label);
        mz_buf_putc(b, ',');
        kstr(b, "start", r->start);
        mz_buf_putc(b, ',');
        dyad_fields(b, d, r);
        mz_buf_putc(b, '}');
    }
    mz_buf_puts(b, "]}\n");
}

/* ---- network ----------------------------------------------------------------------------- */

/* The nodes of the network, as JSON objects separated by commas (both network forms). */
static void nodes_json(mz_buf *b, const mz_network *net)
{
    for (size_t i = 0; i < net->nnodes; i++) {
        const mz_net_node *n = &net->nodes[i];
        mz_buf_puts(b, i ? ",{" : "{");
        kstr(b, "id", n->id);
        mz_buf_printf(b, ",\"bloc\":%d,\"events\":%ld}", n->bloc, n->events);
    }
}

void mz_render_network_json(mz_buf *b, const mz_network *net)
{
    mz_buf_puts(b, "{\"nodes\":[");
    nodes_json(b, net);
    mz_buf_puts(b, "],\"edges\":[");
    for (size_t i = 0; i < net->nedges; i++) {
        const mz_net_edge *e = &net->edges[i];
        mz_buf_puts(b, i ? ",{" : "{");
        kstr(b, "a", net->nodes[e->a].id);
        mz_buf_putc(b, ',');
        kstr(b, "b", net->nodes[e->b].id);
        mz_buf_putc(b, ',');
        knum(b, "weight", e->weight);
        mz_buf_printf(b, ",\"events\":%ld}", e->events);
    }
    mz_buf_puts(b, "],");
    knum(b, "unbalanced", net->unbalanced);
    mz_buf_puts(b, "}\n");
}

/* The network in the node-link form of NetworkX (networkx.node_link_graph with its default
 * keys in NetworkX before 3.4, and with edges="links" since): "directed", "multigraph",
 * "graph" (the graph's attributes), "nodes" with an "id" each and "links" with "source" and
 * "target".  Links carry weight (absolute), goldstein (signed), sign and events; with
 * net->directed, one link per source and target. */
void mz_render_network_node_link(mz_buf *b, const mz_network *net)
{
    mz_buf_printf(b, "{\"directed\":%s,\"multigraph\":false,\"graph\":{",
                  net->directed ? "true" : "false");
    knum(b, "unbalanced", net->unbalanced);
    mz_buf_printf(b, ",\"blocs\":%d},\"nodes\":[", net->nblocs);
    nodes_json(b, net);
    mz_buf_puts(b, "],\"links\":[");
    size_t ne = net->directed ? net->narcs : net->nedges;
    const mz_net_edge *es = net->directed ? net->arcs : net->edges;
    for (size_t i = 0; i < ne; i++) {
        const mz_net_edge *e = &es[i];
        mz_buf_puts(b, i ? ",{" : "{");
        kstr(b, "source", net->nodes[e->a].id);
        mz_buf_putc(b, ',');
        kstr(b, "target", net->nodes[e->b].id);
        mz_buf_putc(b, ',');
        knum(b, "weight", fabs(e->weight));
        mz_buf_putc(b, ',');
        knum(b, "goldstein", e->weight);
        mz_buf_printf(b, ",\"sign\":%d,\"events\":%ld}",
                      e->weight > 1e-9 ? 1 : e->weight < -1e-9 ? -1 : 0, e->events);
    }
    mz_buf_puts(b, "]}\n");
}

/* ---- profile ----------------------------------------------------------------------------- */

static void tallies(mz_buf *b, const char *k, const mz_tally *t, size_t n, int roots)
{
    key(b, k);
    mz_buf_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        mz_buf_puts(b, i ? ",{" : "{");
        kstr(b, roots ? "root" : "type", t[i].key);
        if (roots) {
            mz_buf_putc(b, ',');
            kstr(b, "name", mz_cameo_root_name(t[i].key));
        }
        mz_buf_putc(b, ',');
        klong(b, "events", t[i].events);
        mz_buf_putc(b, ',');
        knum(b, "goldstein", t[i].gold);
        mz_buf_putc(b, '}');
    }
    mz_buf_putc(b, ']');
}

void mz_render_profile_json(mz_buf *b, const mz_profile *p)
{
    mz_buf_putc(b, '{');
    kstr(b, "a", p->a);
    mz_buf_putc(b, ',');
    kstr(b, "b", p->b);
    mz_buf_putc(b, ',');
    kstr(b, "by", mz_period_name(p->by));
    mz_buf_puts(b, ",\"gives\":[");
    for (int d = 0; d < 2; d++) {
        const mz_give *g = &p->give[d];
        mz_buf_puts(b, d ? ",\n{" : "\n{");
        kstr(b, "source", d ? p->b : p->a);
        mz_buf_putc(b, ',');
        kstr(b, "target", d ? p->a : p->b);
        mz_buf_putc(b, ',');
        klong(b, "events", g->events);
        mz_buf_printf(b, ",\"quad\":[%ld,%ld,%ld,%ld],", g->quad[0], g->quad[1], g->quad[2], g->quad[3]);
        knum(b, "goldstein", g->gold);
        mz_buf_putc(b, ',');
        tallies(b, "roots", g->roots, g->nroots, 1);
        mz_buf_putc(b, ',');
        tallies(b, "plover", g->plover, g->nplover, 0);
        mz_buf_putc(b, '}');
    }
    mz_buf_puts(b, "],\n");
    knum(b, "reciprocity", p->reciprocity);
    mz_buf_putc(b, ',');
    knum(b, "asymmetry", p->asymmetry);
    mz_buf_puts(b, ",\"shared_enemies\":[");
    for (size_t i = 0; i < p->nenemies; i++) {
        const mz_enemy *e = &p->enemies[i];
        mz_buf_puts(b, i ? ",{" : "{");
        kstr(b, "id", e->id);
        mz_buf_putc(b, ',');
        klong(b, "conflict_events_a", e->events_a);
        mz_buf_putc(b, ',');
        klong(b, "conflict_events_b", e->events_b);
        mz_buf_putc(b, ',');
        knum(b, "goldstein_a", e->gold_a);
        mz_buf_putc(b, ',');
        knum(b, "goldstein_b", e->gold_b);
        mz_buf_putc(b, '}');
    }
    mz_buf_puts(b, "],\n\"periods\":[");
    for (size_t i = 0; i < p->nperiods; i++) {
        const mz_profile_period *pp = &p->periods[i];
        mz_buf_puts(b, i ? ",\n{" : "\n{");
        kstr(b, "period", pp->label);
        mz_buf_printf(b, ",\"events\":[%ld,%ld],\"goldstein\":[", pp->events[0], pp->events[1]);
        mz_render_num(b, pp->gold[0], "null");
        mz_buf_putc(b, ',');
        mz_render_num(b, pp->gold[1], "null");
        mz_buf_puts(b, "],\"top\":[");
        str(b, pp->top[0]);
        mz_buf_putc(b, ',');
        str(b, pp->top[1]);
        mz_buf_puts(b, "],");
        knum(b, "asymmetry", pp->asymmetry);
        mz_buf_printf(b, ",\"shared_enemies\":%zu}", pp->nenemies);
    }
    mz_buf_puts(b, "]}\n");
}

/* p values can be tiny: three significant digits, exponent allowed (valid JSON and CSV). */
static void pval(mz_buf *b, double p)
{
    if (isfinite(p))
        mz_buf_printf(b, "%.3g", p);
    else
        mz_buf_puts(b, "null");
}

/* ---- watch ------------------------------------------------------------------------------- */

void mz_render_watch_json(mz_buf *b, const mz_watch *w)
{
    mz_buf_puts(b, "{\"changes\":[");
    for (size_t i = 0; i < w->nchanges; i++) {
        const mz_change *c = &w->changes[i];
        mz_buf_puts(b, i ? ",\n{" : "\n{");
        kstr(b, "source", c->src);
        mz_buf_putc(b, ',');
        kstr(b, "target", c->tgt);
        mz_buf_putc(b, ',');
        kstr(b, "period", c->label);
        mz_buf_putc(b, ',');
        kstr(b, "date", c->start);
        mz_buf_putc(b, ',');
        kstr(b, "direction", c->size >= 0 ? "up" : "down");
        mz_buf_putc(b, ',');
        knum(b, "before", c->before);
        mz_buf_putc(b, ',');
        knum(b, "after", c->after);
        mz_buf_putc(b, ',');
        knum(b, "size", c->size);
        mz_buf_putc(b, ',');
        key(b, "p");
        pval(b, c->p);
        mz_buf_putc(b, '}');
    }
    mz_buf_puts(b, "],\n\"breaks\":[");
    for (size_t i = 0; i < w->nbreaks; i++) {
        const mz_break *k = &w->breaks[i];
        mz_buf_puts(b, i ? ",\n{" : "\n{");
        kstr(b, "source", k->src);
        mz_buf_putc(b, ',');
        kstr(b, "target", k->tgt);
        mz_buf_putc(b, ',');
        kstr(b, "period", k->label);
        mz_buf_putc(b, ',');
        kstr(b, "date", k->start);
        mz_buf_putc(b, ',');
        kstr(b, "direction", k->observed >= k->expected ? "up" : "down");
        mz_buf_putc(b, ',');
        knum(b, "expected", k->expected);
        mz_buf_putc(b, ',');
        knum(b, "observed", k->observed);
        mz_buf_putc(b, ',');
        knum(b, "t", k->t);
        mz_buf_putc(b, ',');
        key(b, "p");
        pval(b, k->p);
        mz_buf_printf(b, ",\"history\":%zu}", k->history);
    }
    mz_buf_puts(b, "]}\n");
}
