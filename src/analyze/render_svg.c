/*
 * render_svg.c — pictures: a line chart of a dyad's two directions, and a drawing of the
 * signed network with its blocs.
 *
 * How it works.  Plain SVG 1.1 with no scripts or external fonts, so the files open in any
 * browser and embed in a README.  The dyad chart plots the Goldstein sum per period of each
 * direction (above zero cooperation, below conflict) on "nice" axis ticks (1, 2 or 5 times a
 * power of ten), marking periods that have events with a dot.  The network drawing puts nodes on
 * a circle grouped by bloc, with a gap between blocs, so a bloc reads as an arc of one colour;
 * edges are green for cooperation and red dashed for conflict, wider for larger sums.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"

#define MZ_PI 3.14159265358979323846

static const char *const palette[] = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e",
                                      "#e6ab02", "#a6761d", "#1f78b4", "#b15928", "#6a3d9a"};

static const char *bloc_colour(int bloc)
{
    return bloc >= 1 && bloc <= 10 ? palette[bloc - 1] : "#888888";
}


static void header(mz_buf *b, int w, int h)
{
    mz_buf_printf(b,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                  " font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
                  "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
                  w, h, w, h, w, h);
}

/* A tick step of 1, 2 or 5 times a power of ten giving about `want` ticks over `range`. */
static double nice_step(double range, int want)
{
    if (range <= 0)
        return 1;
    double raw = range / want, mag = pow(10, floor(log10(raw))), f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/* ---- dyad chart -------------------------------------------------------------------------- */

enum { CW = 860, CH = 440, ML = 70, MR = 30, MT = 64, MB = 90 };

static double sx(size_t i, size_t np)
{
    double w = CW - ML - MR;
    return np <= 1 ? ML + w / 2 : ML + w * (double)i / (double)(np - 1);
}

static double sy(double v, double lo, double hi)
{
    return MT + (CH - MT - MB) * (hi - v) / (hi - lo);
}

/* One direction's polyline and dots. */
static void series(mz_buf *b, const mz_dyad *d, int dir, double lo, double hi, const char *colour)
{
    size_t np = d->nrows / 2;
    mz_buf_printf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"", colour);
    for (size_t k = 0; k < np; k++) {
        const mz_dyad_row *r = &d->rows[k * 2 + (size_t)dir];
        mz_buf_printf(b, "%s%.1f,%.1f", k ? " " : "", sx(k, np), sy(r->gold_sum, lo, hi));
    }
    mz_buf_puts(b, "\"/>\n");
    for (size_t k = 0; k < np; k++) {
        const mz_dyad_row *r = &d->rows[k * 2 + (size_t)dir];
        if (!r->events)
            continue;
        mz_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>", sx(k, np),
                      sy(r->gold_sum, lo, hi), colour);
        mz_buf_xml_str(b, r->label);
        mz_buf_printf(b, ": %ld events, Goldstein sum ", r->events);
        mz_render_num(b, r->gold_sum, "0");
        mz_buf_puts(b, "</title></circle>\n");
    }
}

void mz_render_dyad_svg(mz_buf *b, const mz_dyad *d)
{
    size_t np = d->nrows / 2;
    header(b, CW, CH);
    mz_buf_puts(b, "<text x=\"70\" y=\"26\" font-size=\"16\" font-weight=\"bold\">");
    mz_buf_xml_str(b, d->a);
    mz_buf_puts(b, " \xe2\x86\x94 ");
    mz_buf_xml_str(b, d->b);
    mz_buf_printf(b, ": Goldstein sum per %s</text>\n", mz_period_name(d->by));
    mz_buf_puts(b, "<text x=\"70\" y=\"44\" fill=\"#555555\">above zero: cooperation; below: conflict"
                   "</text>\n");
    if (!np) {
        mz_buf_puts(b, "<text x=\"430\" y=\"220\" text-anchor=\"middle\" fill=\"#555555\">no dated "
                       "events between these two</text>\n</svg>\n");
        return;
    }
    double lo = 0, hi = 0;
    for (size_t i = 0; i < d->nrows; i++) {
        lo = fmin(lo, d->rows[i].gold_sum);
        hi = fmax(hi, d->rows[i].gold_sum);
    }
    double step = nice_step(hi - lo > 0 ? hi - lo : 10, 6);
    lo = floor(lo / step) * step;
    hi = ceil(hi / step) * step;
    if (hi - lo < step) {
        hi = step;
        lo = lo < 0 ? lo : -step;
    }
    /* grid and y labels */
    for (double v = lo; v <= hi + step / 2; v += step) {
        double y = sy(v, lo, hi);
        int zero = fabs(v) < step / 2;
        mz_buf_printf(b, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>\n", ML,
                      CW - MR, y, y, zero ? "#333333" : "#e5e5e5");
        mz_buf_printf(b, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", ML - 8, y + 4);
        mz_render_num(b, zero ? 0 : v, "0");
        mz_buf_puts(b, "</text>\n");
    }
    /* x labels, at most about 12 */
    size_t every = np > 12 ? (np + 11) / 12 : 1;
    for (size_t k = 0; k < np; k += every) {
        double x = sx(k, np);
        mz_buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#999999\"/>\n", x,
                      x, CH - MB, CH - MB + 5);
        mz_buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" transform=\"rotate(-40 %.1f %d)\">",
                      x, CH - MB + 18, x, CH - MB + 18);
        mz_buf_xml_str(b, d->rows[k * 2].label);
        mz_buf_puts(b, "</text>\n");
    }
    series(b, d, 0, lo, hi, "#1f78b4");
    series(b, d, 1, lo, hi, "#e6550d");
    /* legend */
    const char *colours[2] = {"#1f78b4", "#e6550d"};
    for (int dir = 0; dir < 2; dir++) {
        int x = CW - MR - 300 + dir * 150;
        mz_buf_printf(b, "<line x1=\"%d\" x2=\"%d\" y1=\"40\" y2=\"40\" stroke=\"%s\" stroke-width=\"3\"/>\n",
                      x, x + 24, colours[dir]);
        mz_buf_printf(b, "<text x=\"%d\" y=\"44\">", x + 30);
        mz_buf_xml_str(b, dir ? d->b : d->a);
        mz_buf_puts(b, " \xe2\x86\x92 ");
        mz_buf_xml_str(b, dir ? d->a : d->b);
        mz_buf_printf(b, " (%ld)</text>\n", d->total[dir].events);
    }
    mz_buf_puts(b, "</svg>\n");
}

/* ---- network drawing --------------------------------------------------------------------- */

enum { NW = 760, NH = 800, NCX = 380, NCY = 430, NR = 270 };

typedef struct placed {
    size_t node;
    double x, y, angle;
} placed;

static int cmp_placed(const void *pa, const void *pb, const mz_network *net)
{
    const mz_net_node *a = &net->nodes[((const placed *)pa)->node];
    const mz_net_node *b = &net->nodes[((const placed *)pb)->node];
    if (a->bloc != b->bloc)
        return a->bloc < b->bloc ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* Insertion sort by (bloc, id): qsort has no context argument in C11. */
static void sort_placed(placed *p, size_t n, const mz_network *net)
{
    for (size_t i = 1; i < n; i++) {
        placed v = p[i];
        size_t j = i;
        while (j > 0 && cmp_placed(&p[j - 1], &v, net) > 0) {
            p[j] = p[j - 1];
            j--;
        }
        p[j] = v;
    }
}

void mz_render_network_svg(mz_buf *b, const mz_network *net)
{
    size_t n = net->nnodes;
    header(b, NW, NH);
    mz_buf_puts(b, "<text x=\"20\" y=\"28\" font-size=\"16\" font-weight=\"bold\">Signed event network"
                   " and blocs</text>\n");
    mz_buf_printf(b, "<text x=\"20\" y=\"48\" fill=\"#555555\">%zu actors, %zu ties, %d blocs; "
                     "ties the blocs leave unbalanced: ", n, net->nedges, net->nblocs);
    mz_render_num(b, round(net->unbalanced * 1000) / 10, "0");
    mz_buf_puts(b, "%</text>\n");
    mz_buf_puts(b, "<line x1=\"20\" x2=\"50\" y1=\"70\" y2=\"70\" stroke=\"#1a9850\" stroke-width=\"3\"/>"
                   "<text x=\"56\" y=\"74\">cooperation (Goldstein sum &gt; 0)</text>\n"
                   "<line x1=\"270\" x2=\"300\" y1=\"70\" y2=\"70\" stroke=\"#d73027\" stroke-width=\"3\""
                   " stroke-dasharray=\"6 4\"/><text x=\"306\" y=\"74\">conflict (&lt; 0)</text>\n");
    placed *p = malloc((n ? n : 1) * sizeof *p);
    size_t *at = malloc((n ? n : 1) * sizeof *at);
    if (!p || !at) {
        free(p), free(at);
        b->oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++)
        p[i].node = i;
    sort_placed(p, n, net);
    /* one slot per node plus a gap slot between blocs */
    size_t slots = n, k = 0;
    for (size_t i = 1; i < n; i++)
        slots += net->nodes[p[i].node].bloc != net->nodes[p[i - 1].node].bloc;
    for (size_t i = 0; i < n; i++) {
        if (i && net->nodes[p[i].node].bloc != net->nodes[p[i - 1].node].bloc)
            k++;
        double a = -MZ_PI / 2 + 2 * MZ_PI * (double)k / (double)(slots ? slots : 1);
        p[i].angle = a;
        p[i].x = n == 1 ? NCX : NCX + NR * cos(a);
        p[i].y = n == 1 ? NCY : NCY + NR * sin(a);
        at[p[i].node] = i;
        k++;
    }
    double maxw = 0;
    long maxev = 1;
    for (size_t i = 0; i < net->nedges; i++)
        maxw = fmax(maxw, fabs(net->edges[i].weight));
    for (size_t i = 0; i < n; i++)
        maxev = net->nodes[i].events > maxev ? net->nodes[i].events : maxev;
    for (size_t i = 0; i < net->nedges; i++) {
        const mz_net_edge *e = &net->edges[i];
        const placed *u = &p[at[e->a]], *v = &p[at[e->b]];
        double w = e->weight, width = 1 + (maxw > 0 ? 5 * fabs(w) / maxw : 0);
        const char *colour = w > 1e-9 ? "#1a9850" : w < -1e-9 ? "#d73027" : "#999999";
        mz_buf_printf(b,
                      "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                      " stroke-width=\"%.1f\" stroke-opacity=\"0.75\"%s><title>",
                      u->x, u->y, v->x, v->y, colour, width, w < -1e-9 ? " stroke-dasharray=\"6 4\"" : "");
        mz_buf_xml_str(b, net->nodes[e->a].id);
        mz_buf_puts(b, " \xe2\x80\x93 ");
        mz_buf_xml_str(b, net->nodes[e->b].id);
        mz_buf_puts(b, ": ");
        mz_render_num(b, w, "0");
        mz_buf_printf(b, " (%ld events)</title></line>\n", e->events);
    }
    for (size_t i = 0; i < n; i++) {
        const mz_net_node *nd = &net->nodes[p[i].node];
        double r = 6 + 12 * sqrt((double)nd->events / (double)maxev);
        mz_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"#333333\"><title>",
                      p[i].x, p[i].y, r, bloc_colour(nd->bloc));
        mz_buf_xml_str(b, nd->id);
        mz_buf_printf(b, ": bloc %d, %ld events</title></circle>\n", nd->bloc, nd->events);
        double lx = NCX + (NR + r + 10) * cos(p[i].angle), ly = NCY + (NR + r + 10) * sin(p[i].angle);
        const char *anchor = cos(p[i].angle) > 0.2 ? "start" : cos(p[i].angle) < -0.2 ? "end" : "middle";
        if (n == 1) {
            lx = NCX;
            ly = NCY - r - 8;
            anchor = "middle";
        }
        mz_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-weight=\"bold\" fill=\"%s\">",
                      lx, ly + 4, anchor, bloc_colour(nd->bloc));
        mz_buf_xml_str(b, nd->id);
        mz_buf_puts(b, "</text>\n");
    }
    free(p);
    free(at);
    mz_buf_puts(b, "</svg>\n");
}
