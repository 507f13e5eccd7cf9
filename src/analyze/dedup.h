/*
 * dedup.h — one record per reported happening: the events of one day with the same source,
 * target and event code are counted once, with how often, by how many outlets and in how many
 * documents they were reported (`mizan events --dedup day`).
 */
#ifndef MZ_DEDUP_H
#define MZ_DEDUP_H

#include "events.h"

typedef struct mz_dedup_group {
    const mz_event *first;  /* the group's first event in the set's order (points into the set) */
    long mentions;          /* events in the group */
    long sources;           /* distinct non-empty outlets among them */
    long documents;         /* distinct documents among them */
} mz_dedup_group;

/* Groups the set's events by (date, source, target, code); an undated event is a group of its
 * own (its day is unknown).  *out (free() it) holds the groups in the order of their first
 * events in the set.  MZ_ERR_NOMEM when memory runs out. */
mz_status mz_dedup_day(const mz_evset *set, mz_dedup_group **out, size_t *n);

/* Keeps in the set only the first event of each group, in the set's order (what the analyses
 * count under --dedup day).  MZ_ERR_NOMEM when memory runs out (the set is then unchanged). */
mz_status mz_evset_dedup_day(mz_evset *set);

#endif
