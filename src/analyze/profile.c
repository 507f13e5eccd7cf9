/*
 * profile.c — the exchange profile of a dyad: what each side gives the other, how evenly, and
 * whom they both oppose.
 *
 * How it works.  One pass over the set tallies each direction of the dyad by CAMEO root and by
 * PLOVER type (counts and Goldstein sums).  The balance of the exchange is summed up twice:
 * asymmetry compares the Goldstein totals each way; reciprocity correlates the two directions'
 * per-period Goldstein sums (GSL), i.e. whether one side's warmth or hostility is met in the same
 * periods.  Shared enemies are third parties whose Goldstein sum with each side (both
 * directions) is negative.  The per-period table repeats the totals, asymmetry and count of
 * shared enemies period by period, which is what "over time" means here.
 */
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"

static int is(const char *s, const char *v) { return s && strcmp(s, v) == 0; }

/* Adds one event to the tally list for key (grown as needed); -1 out of memory. */
static int tally_add(mz_tally **list, size_t *n, const char *key, double gold)
{
    const char *k = key && *key ? key : "-";
    for (size_t i = 0; i < *n; i++) {
        if (strcmp((*list)[i].key, k) == 0) {
            (*list)[i].events++;
            (*list)[i].gold += gold;
            return 0;
        }
    }
    mz_tally *p = realloc(*list, (*n + 1) * sizeof *p);
    if (!p)
        return -1;
    *list = p;
    memset(&p[*n], 0, sizeof p[*n]);
    snprintf(p[*n].key, sizeof p[*n].key, "%s", k);
    p[*n].events = 1;
    p[*n].gold = gold;
    (*n)++;
    return 0;
}

static int cmp_tally(const void *pa, const void *pb)
{
    const mz_tally *a = pa, *b = pb;
    if (a->events != b->events)
        return a->events > b->events ? -1 : 1;
    return strcmp(a->key, b->key);
}

static double asym(double ga, double gb)
{
    double d = fabs(ga) + fabs(gb);
    return d > 0 ? (ga - gb) / d : 0.0;
}

/* ---- shared enemies ---------------------------------------------------------------------- */

static int cmp_enemy(const void *pa, const void *pb)
{
    const mz_enemy *x = pa, *y = pb;
    double wx = fmin(-x->gold_a, -x->gold_b), wy = fmin(-y->gold_a, -y->gold_b);
    if (wx != wy)
        return wx > wy ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* An event between one side (0: a, 1: b) and a third party, with its period (-1 undated). */
typedef struct third {
    const mz_event *e;
    const char *other;
    int side;
    long period;
} third;

/* Collects the events between a or b and third parties.  *out is malloc'd (caller frees). */
static int thirds(const mz_evset *set, const char *a, const char *b, mz_period by, third **out,
                  size_t *nout)
{
    third *t = malloc((set->n ? set->n : 1) * sizeof *t);
    if (!t)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < set->n; i++) {
        const mz_event *e = &set->ev[i];
        const char *sc = e->source_country, *tc = e->target_country;
        if ((is(sc, a) || is(sc, b)) && tc && *tc && !is(tc, a) && !is(tc, b))
            t[n] = (third){e, tc, is(sc, a) ? 0 : 1, -1};
        else if ((is(tc, a) || is(tc, b)) && sc && *sc && !is(sc, a) && !is(sc, b))
            t[n] = (third){e, sc, is(tc, a) ? 0 : 1, -1};
        else
            continue;
        if (!mz_period_of(e->date, by, &t[n].period))
            t[n].period = -1;
        n++;
    }
    *out = t;
    *nout = n;
    return 0;
}

/* The shared enemies among the third-party events t[0..n).  *out is malloc'd (caller frees);
 * returns -1 out of memory. */
static int shared_enemies(const third *t, size_t n, mz_enemy **out, size_t *nout)
{
    mz_enemy *list = NULL;
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (k < len && strcmp(list[k].id, t[i].other) != 0)
            k++;
        if (k == len) {
            mz_enemy *q = realloc(list, (len + 1) * sizeof *q);
            if (!q) {
                free(list);
                return -1;
            }
            list = q;
            memset(&list[len], 0, sizeof list[len]);
            snprintf(list[len].id, sizeof list[len].id, "%s", t[i].other);
            len++;
        }
        int conflict = t[i].e->quad >= 3;
        if (t[i].side == 0) {
            list[k].gold_a += t[i].e->goldstein;
            list[k].events_a += conflict;
        } else {
            list[k].gold_b += t[i].e->goldstein;
            list[k].events_b += conflict;
        }
    }
    size_t kept = 0;
    for (size_t k = 0; k < len; k++)
        if (list[k].gold_a < 0 && list[k].gold_b < 0)
            list[kept++] = list[k];
    if (kept > 1)
        qsort(list, kept, sizeof *list, cmp_enemy);
    *out = list;
    *nout = kept;
    return 0;
}

static int cmp_third(const void *pa, const void *pb)
{
    const third *x = pa, *y = pb;
    return x->period < y->period ? -1 : x->period > y->period;
}

/* ---- periods ----------------------------------------------------------------------------- */

/* Fills p->periods from the first to the last dated dyad event, and the reciprocity over them.
 * t holds the third-party events (see thirds); it is sorted by period here. */
static mz_status fill_periods(const mz_evset *set, third *t, size_t nt, mz_profile *p)
{
    long lo = 0, hi = -1, per;
    int any = 0;
    for (size_t i = 0; i < set->n; i++) {
        const mz_event *e = &set->ev[i];
        if (mz_dyad_direction(e, p->a, p->b) < 0 || !mz_period_of(e->date, p->by, &per))
            continue;
        lo = any && lo < per ? lo : per;
        hi = any && hi > per ? hi : per;
        any = 1;
    }
    p->reciprocity = NAN;
    if (!any)
        return MZ_OK;
    if (hi - lo >= 400000)
        return MZ_ERR_LIMIT;
    size_t np = (size_t)(hi - lo + 1);
    p->periods = calloc(np, sizeof *p->periods);
    mz_tally **top = calloc(np * 2, sizeof *top);
    size_t *ntop = calloc(np * 2, sizeof *ntop);
    mz_status rc = MZ_ERR_NOMEM;
    if (!p->periods || !top || !ntop)
        goto out;
    p->nperiods = np;
    for (size_t k = 0; k < np; k++) {
        p->periods[k].period = lo + (long)k;
        mz_period_label(lo + (long)k, p->by, p->periods[k].label);
    }
    for (size_t i = 0; i < set->n; i++) {
        const mz_event *e = &set->ev[i];
        int dir = mz_dyad_direction(e, p->a, p->b);
        if (dir < 0 || !mz_period_of(e->date, p->by, &per))
            continue;
        size_t k = (size_t)(per - lo);
        p->periods[k].events[dir]++;
        p->periods[k].gold[dir] += e->goldstein;
        if (tally_add(&top[k * 2 + (size_t)dir], &ntop[k * 2 + (size_t)dir], e->plover, 0))
            goto out;
    }
    for (size_t k = 0; k < np; k++) {
        mz_profile_period *pp = &p->periods[k];
        for (int d = 0; d < 2; d++) {
            size_t j = k * 2 + (size_t)d;
            if (ntop[j]) {
                qsort(top[j], ntop[j], sizeof *top[j], cmp_tally);
                snprintf(pp->top[d], sizeof pp->top[d], "%s", top[j][0].key);
            }
        }
        pp->asymmetry = asym(pp->gold[0], pp->gold[1]);
    }
    /* Shared enemies per period: third-party events sorted by period, one range per period. */
    qsort(t, nt, sizeof *t, cmp_third);
    for (size_t i = 0, j; i < nt; i = j) {
        for (j = i; j < nt && t[j].period == t[i].period; j++)
            ;
        if (t[i].period < lo || t[i].period > hi)
            continue;
        mz_enemy *en = NULL;
        if (shared_enemies(t + i, j - i, &en, &p->periods[(size_t)(t[i].period - lo)].nenemies))
            goto out;
        free(en);
    }
    if (np >= 3) {
        double *x = malloc(np * sizeof *x), *y = malloc(np * sizeof *y);
        if (!x || !y) {
            free(x), free(y);
            goto out;
        }
        for (size_t k = 0; k < np; k++) {
            x[k] = p->periods[k].gold[0];
            y[k] = p->periods[k].gold[1];
        }
        if (gsl_stats_variance(x, 1, np) > 0 && gsl_stats_variance(y, 1, np) > 0)
            p->reciprocity = gsl_stats_correlation(x, 1, y, 1, np);
        free(x), free(y);
    }
    rc = MZ_OK;
out:
    for (size_t j = 0; top && j < np * 2; j++)
        free(top[j]);
    free(top);
    free(ntop);
    return rc;
}

mz_status mz_profile_compute(const mz_evset *set, const char *a, const char *b, mz_period by,
                             mz_profile *p)
{
    memset(p, 0, sizeof *p);
    snprintf(p->a, sizeof p->a, "%s", a);
    snprintf(p->b, sizeof p->b, "%s", b);
    p->by = by;
    for (size_t i = 0; i < set->n; i++) {
        const mz_event *e = &set->ev[i];
        int dir = mz_dyad_direction(e, a, b);
        if (dir < 0)
            continue;
        mz_give *g = &p->give[dir];
        g->events++;
        g->gold += e->goldstein;
        if (e->quad >= 1 && e->quad <= 4)
            g->quad[e->quad - 1]++;
        if (tally_add(&g->roots, &g->nroots, e->root, e->goldstein) ||
            tally_add(&g->plover, &g->nplover, e->plover, e->goldstein))
            return MZ_ERR_NOMEM;
    }
    for (int d = 0; d < 2; d++) {
        mz_give *g = &p->give[d];
        if (g->nroots > 1)
            qsort(g->roots, g->nroots, sizeof *g->roots, cmp_tally);
        if (g->nplover > 1)
            qsort(g->plover, g->nplover, sizeof *g->plover, cmp_tally);
    }
    p->asymmetry = asym(p->give[0].gold, p->give[1].gold);
    third *t = NULL;
    size_t nt = 0;
    if (thirds(set, a, b, by, &t, &nt) || shared_enemies(t, nt, &p->enemies, &p->nenemies)) {
        free(t);
        return MZ_ERR_NOMEM;
    }
    mz_status rc = fill_periods(set, t, nt, p);
    free(t);
    return rc;
}

void mz_profile_free(mz_profile *p)
{
    for (int d = 0; d < 2; d++) {
        free(p->give[d].roots);
        free(p->give[d].plover);
    }
    free(p->enemies);
    free(p->periods);
    memset(p, 0, sizeof *p);
}
