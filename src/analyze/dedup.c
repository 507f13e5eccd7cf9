/*
 * dedup.c — grouping a day's repeated reports of one event; see dedup.h.
 *
 * How it works.  Pointers to the events are sorted by (date, source, target, code) and then by
 * their place in the set, so each group is a run whose first element is its earliest event; the
 * runs become groups, which are sorted back into the set's order.  Distinct outlets and
 * documents are counted in the run by looking back over it: runs are short (one day's reports
 * of one act), and that needs no memory.
 */
#include "dedup.h"

#include <stdlib.h>
#include <string.h>

static const char *s_or_empty(const char *s) { return s ? s : ""; }

/* Order of grouping: the key, then the place in the set (pointers into one array). */
static int cmp_key(const void *pa, const void *pb)
{
    const mz_event *a = *(const mz_event *const *)pa, *b = *(const mz_event *const *)pb;
    int c = strcmp(s_or_empty(a->date), s_or_empty(b->date));
    if (!c && !*s_or_empty(a->date))
        return a < b ? -1 : a > b; /* undated: never grouped */
    if (!c)
        c = strcmp(s_or_empty(a->source), s_or_empty(b->source));
    if (!c)
        c = strcmp(s_or_empty(a->target), s_or_empty(b->target));
    if (!c)
        c = strcmp(s_or_empty(a->code), s_or_empty(b->code));
    return c ? c : (a < b ? -1 : a > b);
}

static int same_key(const mz_event *a, const mz_event *b)
{
    return *s_or_empty(a->date) && strcmp(s_or_empty(a->date), s_or_empty(b->date)) == 0 &&
           strcmp(s_or_empty(a->source), s_or_empty(b->source)) == 0 &&
           strcmp(s_or_empty(a->target), s_or_empty(b->target)) == 0 &&
           strcmp(s_or_empty(a->code), s_or_empty(b->code)) == 0;
}

static int cmp_group(const void *pa, const void *pb)
{
    const mz_dedup_group *a = pa, *b = pb;
    return a->first < b->first ? -1 : a->first > b->first;
}

/* 1 when run[k]'s field (outlet when outlet, else document) is new among run[0..k). */
static int first_seen(const mz_event *const *run, size_t k, int outlet)
{
    const char *v = s_or_empty(outlet ? run[k]->outlet : run[k]->doc);
    if (outlet && !*v)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (strcmp(v, s_or_empty(outlet ? run[i]->outlet : run[i]->doc)) == 0)
            return 0;
    return 1;
}

mz_status mz_dedup_day(const mz_evset *set, mz_dedup_group **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    const mz_event **ps = malloc((set->n ? set->n : 1) * sizeof *ps);
    mz_dedup_group *gs = malloc((set->n ? set->n : 1) * sizeof *gs);
    if (!ps || !gs) {
        free(ps);
        free(gs);
        return MZ_ERR_NOMEM;
    }
    for (size_t i = 0; i < set->n; i++)
        ps[i] = &set->ev[i];
    qsort(ps, set->n, sizeof *ps, cmp_key);
    size_t ng = 0;
    for (size_t i = 0; i < set->n;) {
        size_t j = i + 1;
        while (j < set->n && same_key(ps[i], ps[j]))
            j++;
        mz_dedup_group *g = &gs[ng++];
        *g = (mz_dedup_group){ps[i], 0, 0, 0};
        for (size_t k = 0; k < j - i; k++) {
            g->mentions++;
            g->sources += first_seen(ps + i, k, 1);
            g->documents += first_seen(ps + i, k, 0);
        }
        i = j;
    }
    free(ps);
    qsort(gs, ng, sizeof *gs, cmp_group);
    *out = gs;
    *n = ng;
    return MZ_OK;
}

mz_status mz_evset_dedup_day(mz_evset *set)
{
    mz_dedup_group *gs;
    size_t ng;
    if (mz_dedup_day(set, &gs, &ng) != MZ_OK)
        return MZ_ERR_NOMEM;
    mz_evset out;
    mz_evset_init(&out, set->flags);
    mz_status rc = MZ_OK;
    for (size_t i = 0; i < ng && rc == MZ_OK; i++)
        rc = mz_evset_add(&out, gs[i].first);
    free(gs);
    if (rc != MZ_OK) {
        mz_evset_free(&out);
        return rc;
    }
    mz_evset_free(set);
    *set = out;
    return MZ_OK;
}
