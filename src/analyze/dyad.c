/*
 * dyad.c — calendar periods and the per-period series of one dyad.
 *
 * How it works.  Dates become day numbers (days since 1970-01-01, proleptic Gregorian), and a
 * period is a number that counts days, Monday-based weeks, months or years, so consecutive
 * periods differ by one and a series can be laid out as an array from the first period to the
 * last.  A dyad's series has a row per period and direction, empty periods included (a chart or
 * a reader sees the gaps); the Goldstein mean of an empty row is NaN.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/date.h"
#include "analyze.h"

enum { MAX_PERIODS = 400000 };  /* about a thousand years of days */

static const char *const period_names[] = {"day", "week", "month", "year"};

int mz_period_parse(const char *s, mz_period *by)
{
    for (int i = 0; i < 4; i++) {
        if (strcmp(s, period_names[i]) == 0) {
            *by = (mz_period)i;
            return 1;
        }
    }
    return 0;
}

const char *mz_period_name(mz_period by) { return period_names[by]; }

/* Floor division for negative numerators too. */
static long floor_div(long a, long b) { return a / b - (a % b != 0 && ((a < 0) != (b < 0))); }

/* Parses "YYYY-MM-DD"; 1 on success. */
static int parse_date(const char *s, long *y, long *m, long *d)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    long v[3] = {0, 0, 0};
    int k = 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            k++;
            continue;
        }
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v[k] = v[k] * 10 + (s[i] - '0');
    }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
        return 0;
    *y = v[0];
    *m = v[1];
    *d = v[2];
    return 1;
}

int mz_period_of(const char *date, mz_period by, long *period)
{
    long y, m, d;
    if (!parse_date(date, &y, &m, &d))
        return 0;
    switch (by) {
    case MZ_BY_DAY: *period = mz_days_from_civil(y, m, d); break;
    /* 1970-01-01 was a Thursday: adding 3 puts Mondays on multiples of 7. */
    case MZ_BY_WEEK: *period = floor_div(mz_days_from_civil(y, m, d) + 3, 7); break;
    case MZ_BY_MONTH: *period = y * 12 + (m - 1); break;
    case MZ_BY_YEAR: *period = y; break;
    }
    return 1;
}

/* Writes v as exactly `width` decimal digits (years outside 0-9999 are clamped). */
static void put_digits(char *out, long v, int width)
{
    long max = width == 4 ? 9999 : 99;
    v = v < 0 ? 0 : v > max ? max : v;
    for (int i = width - 1; i >= 0; i--, v /= 10)
        out[i] = (char)('0' + v % 10);
}

void mz_period_start(long p, mz_period by, char out[11])
{
    long y = 0, m = 1, d = 1;
    switch (by) {
    case MZ_BY_DAY: mz_civil_from_days(p, &y, &m, &d); break;
    case MZ_BY_WEEK: mz_civil_from_days(p * 7 - 3, &y, &m, &d); break;
    case MZ_BY_MONTH:
        y = floor_div(p, 12);
        m = p - y * 12 + 1;
        break;
    case MZ_BY_YEAR: y = p; break;
    }
    put_digits(out, y, 4);
    out[4] = '-';
    put_digits(out + 5, m, 2);
    out[7] = '-';
    put_digits(out + 8, d, 2);
    out[10] = '\0';
}

void mz_period_label(long p, mz_period by, char out[16])
{
    char start[11];
    mz_period_start(p, by, start);
    switch (by) {
    case MZ_BY_DAY: snprintf(out, 16, "%s", start); break;
    case MZ_BY_WEEK: {
        /* ISO 8601: a week belongs to the year of its Thursday. */
        long thu = p * 7, y, m, d;
        mz_civil_from_days(thu, &y, &m, &d);
        long week = (thu - mz_days_from_civil(y, 1, 1)) / 7 + 1;
        put_digits(out, y, 4);
        memcpy(out + 4, "-W", 2);
        put_digits(out + 6, week, 2);
        out[8] = '\0';
        break;
    }
    case MZ_BY_MONTH: snprintf(out, 16, "%.7s", start); break;
    case MZ_BY_YEAR: snprintf(out, 16, "%.4s", start); break;
    }
}

/* ---- dyad series ------------------------------------------------------------------------- */

static int is(const char *s, const char *v) { return s && strcmp(s, v) == 0; }

int mz_dyad_direction(const mz_event *e, const char *a, const char *b)
{
    if (is(e->source_country, a) && is(e->target_country, b))
        return 0;
    if (is(e->source_country, b) && is(e->target_country, a))
        return 1;
    return -1;
}

static void tally(mz_dyad_row *r, const mz_event *e)
{
    r->events++;
    if (e->quad >= 1 && e->quad <= 4)
        r->quad[e->quad - 1]++;
    r->gold_sum += e->goldstein;
}

static void finish(mz_dyad_row *r)
{
    r->gold_mean = r->events ? r->gold_sum / (double)r->events : NAN;
    r->net_coop = r->quad[0] + r->quad[1] - r->quad[2] - r->quad[3];
}

mz_status mz_dyad_compute(const mz_evset *set, const char *a, const char *b, mz_period by,
                          mz_dyad *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->a, sizeof out->a, "%s", a);
    snprintf(out->b, sizeof out->b, "%s", b);
    out->by = by;
    out->total[1].dir = 1;
    long lo = 0, hi = -1;
    int any = 0;
    for (size_t i = 0; i < set->n; i++) {
        const mz_event *e = &set->ev[i];
        int dir = mz_dyad_direction(e, a, b);
        long p;
        if (dir < 0)
            continue;
        tally(&out->total[dir], e);
        if (!mz_period_of(e->date, by, &p)) {
            out->undated++;
            continue;
        }
        if (!any || p < lo)
            lo = p;
        if (!any || p > hi)
            hi = p;
        any = 1;
    }
    finish(&out->total[0]);
    finish(&out->total[1]);
    if (!any)
        return MZ_OK;
    if (hi - lo + 1 > MAX_PERIODS)
        return MZ_ERR_LIMIT;
    size_t np = (size_t)(hi - lo + 1);
    out->rows = calloc(np * 2, sizeof *out->rows);
    if (!out->rows)
        return MZ_ERR_NOMEM;
    out->nrows = np * 2;
    for (size_t k = 0; k < out->nrows; k++) {
        mz_dyad_row *r = &out->rows[k];
        r->period = lo + (long)(k / 2);
        r->dir = (int)(k % 2);
        mz_period_label(r->period, by, r->label);
        mz_period_start(r->period, by, r->start);
    }
    for (size_t i = 0; i < set->n; i++) {
        const mz_event *e = &set->ev[i];
        int dir = mz_dyad_direction(e, a, b);
        long p;
        if (dir >= 0 && mz_period_of(e->date, by, &p))
            tally(&out->rows[(size_t)(p - lo) * 2 + (size_t)dir], e);
    }
    for (size_t k = 0; k < out->nrows; k++)
        finish(&out->rows[k]);
    return MZ_OK;
}

void mz_dyad_free(mz_dyad *d)
{
    free(d->rows);
    d->rows = NULL;
    d->nrows = 0;
}
