/*
 * watch.c — trend breaks: change points in a dyad's cooperation series, and dyads whose latest
 * period leaves their trend.
 *
 * How it works.  A direction's cooperation series is the mean Goldstein weight per event in each
 * period that has events (empty periods carry no information about tone and are skipped).
 *
 * Change points (one dyad): binary segmentation.  For a segment, every split leaving min_seg
 * points on each side is scored with the two-sample t statistic of a shift in mean (pooled
 * variance, GSL's t distribution); the best split is kept when its p value times the number of
 * splits tried (Bonferroni) is below alpha and the shift is at least min_size, and both halves
 * are searched again.  This is the CUSUM idea (the split maximising the normalised cumulative
 * deviation from the mean) with a test attached.
 *
 * Latest-period breaks (all dyads): a least-squares line (gsl_fit_linear) through the earlier
 * periods predicts the latest one; the prediction's standard error gives a t statistic and a p
 * value with n − 2 degrees of freedom.
 */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_fit.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"

void mz_watch_defaults(mz_watch_opts *o)
{
    if (o->alpha <= 0)
        o->alpha = 0.05;
    if (o->min_size <= 0)
        o->min_size = 1.0;
    if (!o->min_seg)
        o->min_seg = 2;
    if (!o->min_hist)
        o->min_hist = 4;
}

/* ---- change points ----------------------------------------------------------------------- */

typedef struct segmenter {
    const double *x;
    const mz_watch_opts *o;
    size_t *cps;
    double *pvals;
    size_t n, max;
} segmenter;

/* Mean and sum of squared deviations of x[lo..hi). */
static void moments(const double *x, size_t lo, size_t hi, double *mean, double *ss)
{
    double m = 0;
    for (size_t i = lo; i < hi; i++)
        m += x[i];
    m /= (double)(hi - lo);
    double s = 0;
    for (size_t i = lo; i < hi; i++)
        s += (x[i] - m) * (x[i] - m);
    *mean = m;
    *ss = s;
}

/* The two-sample t statistic for a split of [lo, hi) at k (pooled variance).  A split of two
 * flat halves at different levels scores infinity. */
static double split_t(const double *x, size_t lo, size_t k, size_t hi, double *shift)
{
    double m1, s1, m2, s2;
    moments(x, lo, k, &m1, &s1);
    moments(x, k, hi, &m2, &s2);
    double n1 = (double)(k - lo), n2 = (double)(hi - k);
    double var = (s1 + s2) / (n1 + n2 - 2);
    double d = m2 - m1;
    *shift = d;
    if (var <= 1e-12)
        return fabs(d) > 1e-9 ? INFINITY : 0.0;
    return fabs(d) / sqrt(var * (1 / n1 + 1 / n2));
}

static void segment(segmenter *sg, size_t lo, size_t hi)
{
    const mz_watch_opts *o = sg->o;
    if (hi - lo < 2 * o->min_seg || hi - lo < 3 || sg->n >= sg->max)
        return;
    size_t best = 0;
    double best_t = -1, best_shift = 0;
    for (size_t k = lo + o->min_seg; k + o->min_seg <= hi; k++) {
        double shift, t = split_t(sg->x, lo, k, hi, &shift);
        if (t > best_t) {
            best_t = t;
            best = k;
            best_shift = shift;
        }
    }
    if (best_t <= 0)
        return;
    size_t tries = hi - lo - 2 * o->min_seg + 1;
    double df = (double)(hi - lo) - 2;
    double p = isinf(best_t) ? 0.0 : 2 * gsl_cdf_tdist_Q(best_t, df) * (double)tries;
    if (p > 1)
        p = 1;
    if (p >= o->alpha || fabs(best_shift) < o->min_size)
        return;
    if (sg->pvals)
        sg->pvals[sg->n] = p;
    sg->cps[sg->n++] = best;
    segment(sg, lo, best);
    segment(sg, best, hi);
}

size_t mz_changepoints(const double *x, size_t n, const mz_watch_opts *opts, size_t *cps,
                       double *pvals, size_t max)
{
    mz_watch_opts o = opts ? *opts : (mz_watch_opts){0};
    mz_watch_defaults(&o);
    segmenter sg = {x, &o, cps, pvals, 0, max};
    segment(&sg, 0, n);
    /* Found depth-first; put them in order (insertion sort, carrying the p values). */
    for (size_t i = 1; i < sg.n; i++) {
        size_t c = cps[i];
        double p = pvals ? pvals[i] : 0;
        size_t j = i;
        for (; j > 0 && cps[j - 1] > c; j--) {
            cps[j] = cps[j - 1];
            if (pvals)
                pvals[j] = pvals[j - 1];
        }
        cps[j] = c;
        if (pvals)
            pvals[j] = p;
    }
    return sg.n;
}

/* ---- one dyad ---------------------------------------------------------------------------- */

/* Appends the change points of one direction of a dyad series to w. */
static mz_status dyad_direction(const mz_dyad *d, int dir, const mz_watch_opts *o, mz_watch *w)
{
    size_t np = d->nrows / 2, n = 0;
    double *x = malloc((np ? np : 1) * sizeof *x);
    size_t *row = malloc((np ? np : 1) * sizeof *row), *cps = malloc((np ? np : 1) * sizeof *cps);
    double *pv = malloc((np ? np : 1) * sizeof *pv);
    mz_status rc = MZ_ERR_NOMEM;
    if (!x || !row || !cps || !pv)
        goto out;
    for (size_t k = 0; k < np; k++) {
        const mz_dyad_row *r = &d->rows[k * 2 + (size_t)dir];
        if (r->events) {
            x[n] = r->gold_mean;
            row[n++] = k * 2 + (size_t)dir;
        }
    }
    size_t nc = mz_changepoints(x, n, o, cps, pv, np ? np : 1);
    if (nc) {
        mz_change *p = realloc(w->changes, (w->nchanges + nc) * sizeof *p);
        if (!p)
            goto out;
        w->changes = p;
    }
    for (size_t i = 0; i < nc; i++) {
        size_t lo = i ? cps[i - 1] : 0, hi = i + 1 < nc ? cps[i + 1] : n;
        double before, after, ss;
        moments(x, lo, cps[i], &before, &ss);
        moments(x, cps[i], hi, &after, &ss);
        const mz_dyad_row *r = &d->rows[row[cps[i]]];
        mz_change *c = &w->changes[w->nchanges++];
        memset(c, 0, sizeof *c);
        snprintf(c->src, sizeof c->src, "%s", dir ? d->b : d->a);
        snprintf(c->tgt, sizeof c->tgt, "%s", dir ? d->a : d->b);
        c->period = r->period;
        memcpy(c->label, r->label, sizeof c->label);
        memcpy(c->start, r->start, sizeof c->start);
        c->before = before;
        c->after = after;
        c->size = after - before;
        c->p = pv[i];
    }
    rc = MZ_OK;
out:
    free(x), free(row), free(cps), free(pv);
    return rc;
}

static int cmp_change(const void *pa, const void *pb)
{
    const mz_change *a = pa, *b = pb;
    if (a->period != b->period)
        return a->period < b->period ? -1 : 1;
    return strcmp(a->src, b->src);
}

mz_status mz_watch_dyad(const mz_evset *set, const char *a, const char *b, const mz_watch_opts *opts,
                        mz_watch *w)
{
    memset(w, 0, sizeof *w);
    mz_watch_opts o = opts ? *opts : (mz_watch_opts){.by = MZ_BY_MONTH};
    mz_watch_defaults(&o);
    mz_dyad d;
    mz_status rc = mz_dyad_compute(set, a, b, o.by, &d);
    for (int dir = 0; rc == MZ_OK && dir < 2; dir++)
        rc = dyad_direction(&d, dir, &o, w);
    mz_dyad_free(&d);
    if (rc == MZ_OK && w->nchanges > 1)
        qsort(w->changes, w->nchanges, sizeof *w->changes, cmp_change);
    return rc;
}

/* ---- all dyads: the latest period against the trend ------------------------------------- */

static int directed(const mz_event *e)
{
    return e->source_country && e->target_country && *e->source_country && *e->target_country &&
           strcmp(e->source_country, e->target_country) != 0;
}

/* Events sorted by direction then period; the period is computed once per event. */
typedef struct keyed {
    const mz_event *e;
    long period;
} keyed;

static int cmp_keyed(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    int c = strcmp(a->e->source_country, b->e->source_country);
    if (!c)
        c = strcmp(a->e->target_country, b->e->target_country);
    if (!c && a->period != b->period)
        c = a->period < b->period ? -1 : 1;
    return c;
}

/* Checks one direction's series (periods t[], means x[], n of them); appends a break when the
 * last point leaves the trend of the others. */
static mz_status check_latest(const mz_event *e0, const double *t, const double *x, size_t n,
                              long last_period, const mz_watch_opts *o, mz_watch *w)
{
    size_t h = n - 1;
    if (n < 2 || h < o->min_hist || h < 3)
        return MZ_OK;
    double c0, c1, cov00, cov01, cov11, sumsq, yhat, yerr;
    gsl_fit_linear(t, 1, x, 1, h, &c0, &c1, &cov00, &cov01, &cov11, &sumsq);
    gsl_fit_linear_est(t[h], c0, c1, cov00, cov01, cov11, &yhat, &yerr);
    double s2 = sumsq / (double)(h - 2);
    double se = sqrt(s2 + yerr * yerr);
    double diff = x[h] - yhat;
    double tt = se > 1e-9 ? diff / se : (fabs(diff) > 1e-9 ? copysign(INFINITY, diff) : 0.0);
    double p = isinf(tt) ? 0.0 : 2 * gsl_cdf_tdist_Q(fabs(tt), (double)(h - 2));
    if (p >= o->alpha || fabs(diff) < o->min_size)
        return MZ_OK;
    mz_break *q = realloc(w->breaks, (w->nbreaks + 1) * sizeof *q);
    if (!q)
        return MZ_ERR_NOMEM;
    w->breaks = q;
    mz_break *b = &w->breaks[w->nbreaks++];
    memset(b, 0, sizeof *b);
    snprintf(b->src, sizeof b->src, "%s", e0->source_country);
    snprintf(b->tgt, sizeof b->tgt, "%s", e0->target_country);
    b->period = last_period;
    mz_period_label(last_period, o->by, b->label);
    mz_period_start(last_period, o->by, b->start);
    b->expected = yhat;
    b->observed = x[h];
    b->t = tt;
    b->p = p;
    b->history = h;
    return MZ_OK;
}

static int cmp_break(const void *pa, const void *pb)
{
    const mz_break *a = pa, *b = pb;
    if (a->p != b->p)
        return a->p < b->p ? -1 : 1;
    if (fabs(a->t) != fabs(b->t))
        return fabs(a->t) > fabs(b->t) ? -1 : 1;
    int c = strcmp(a->src, b->src);
    return c ? c : strcmp(a->tgt, b->tgt);
}

mz_status mz_watch_all(const mz_evset *set, const mz_watch_opts *opts, mz_watch *w)
{
    memset(w, 0, sizeof *w);
    w->all = 1;
    mz_watch_opts o = opts ? *opts : (mz_watch_opts){.by = MZ_BY_MONTH};
    mz_watch_defaults(&o);
    size_t n = 0;
    keyed *ks = malloc((set->n ? set->n : 1) * sizeof *ks);
    double *t = malloc((set->n ? set->n : 1) * sizeof *t), *x = malloc((set->n ? set->n : 1) * sizeof *x);
    mz_status rc = MZ_ERR_NOMEM;
    if (!ks || !t || !x)
        goto out;
    for (size_t i = 0; i < set->n; i++) {
        long p;
        if (directed(&set->ev[i]) && mz_period_of(set->ev[i].date, o.by, &p))
            ks[n++] = (keyed){&set->ev[i], p};
    }
    qsort(ks, n, sizeof *ks, cmp_keyed);
    rc = MZ_OK;
    for (size_t i = 0; i < n && rc == MZ_OK;) {
        /* one direction: ks[i..j) */
        size_t j = i, np = 0;
        while (j < n && strcmp(ks[j].e->source_country, ks[i].e->source_country) == 0 &&
               strcmp(ks[j].e->target_country, ks[i].e->target_country) == 0) {
            size_t k = j;
            double sum = 0;
            for (; k < n && cmp_keyed(&ks[k], &ks[j]) == 0; k++)
                sum += ks[k].e->goldstein;
            t[np] = (double)(ks[j].period - ks[i].period);
            x[np++] = sum / (double)(k - j);
            j = k;
        }
        rc = check_latest(ks[i].e, t, x, np, ks[j - 1].period, &o, w);
        i = j;
    }
    if (rc == MZ_OK && w->nbreaks > 1)
        qsort(w->breaks, w->nbreaks, sizeof *w->breaks, cmp_break);
out:
    free(ks), free(t), free(x);
    return rc;
}

void mz_watch_free(mz_watch *w)
{
    free(w->changes);
    free(w->breaks);
    memset(w, 0, sizeof *w);
}
