/*
 * analyze.h — measurements over an event set: dyad series, the signed network and its blocs,
 * exchange profiles and trend breaks.
 *
 * Every analysis takes an mz_evset (events.h) and fills a result structure that it owns until
 * the matching _free call; renderers (render.h) turn results into JSON, CSV, graph formats or
 * SVG.  On failure a result may hold part of its data: call its _free all the same (every _free
 * takes a zeroed or partly filled result).
 *
 * Countries are compared by the events' source_country and target_country; events with either
 * one empty are left out of dyads and networks, and undated events out of time series.
 */
#ifndef MZ_ANALYZE_H
#define MZ_ANALYZE_H

#include <stddef.h>

#include "events.h"

/* ---- periods ----------------------------------------------------------------------------- */

typedef enum mz_period { MZ_BY_DAY = 0, MZ_BY_WEEK, MZ_BY_MONTH, MZ_BY_YEAR } mz_period;

/* "day", "week", "month", "year" → *by; 0 when not one of them. */
int mz_period_parse(const char *s, mz_period *by);
const char *mz_period_name(mz_period by);

/* The period of a "YYYY-MM-DD" date as a number that counts periods (consecutive periods have
 * consecutive numbers); 0 when the date is empty or malformed, 1 on success. */
int mz_period_of(const char *date, mz_period by, long *period);

/* A period's label: "2024-06-19", ISO week "2024-W25", "2024-06" or "2024". */
void mz_period_label(long period, mz_period by, char out[16]);

/* The first day of a period, "YYYY-MM-DD". */
void mz_period_start(long period, mz_period by, char out[11]);

/* ---- dyads ------------------------------------------------------------------------------- */

typedef struct mz_dyad_row {
    long period;
    char label[16];
    char start[11];
    int dir;           /* 0: A to B, 1: B to A */
    long events;
    long quad[4];      /* events per quad class 1..4 */
    double gold_sum;
    double gold_mean;  /* NaN when there are no events */
    long net_coop;     /* cooperative (quad 1-2) minus conflictual (quad 3-4) events */
} mz_dyad_row;

typedef struct mz_dyad {
    char a[32], b[32];
    mz_period by;
    mz_dyad_row *rows;  /* every period from the first to the last event, each with dir 0 then 1 */
    size_t nrows;
    mz_dyad_row total[2];  /* over the whole span, per direction (period fields unset) */
    long undated;          /* dyad events without a date, not in the rows */
} mz_dyad;

/* Where an event stands in the dyad a–b: 0 from a to b, 1 from b to a, -1 not in it. */
int mz_dyad_direction(const mz_event *e, const char *a, const char *b);

/* The series of the dyad between countries a and b.  Free with mz_dyad_free. */
mz_status mz_dyad_compute(const mz_evset *set, const char *a, const char *b, mz_period by,
                          mz_dyad *out);
void mz_dyad_free(mz_dyad *d);

/* ---- network and blocs ------------------------------------------------------------------- */

typedef struct mz_net_node {
    char *id;     /* country or organisation code */
    int bloc;     /* 1.. after mz_network_blocs; 0 before */
    long events;  /* events on this node's edges */
} mz_net_node;

typedef struct mz_net_edge {
    size_t a, b;    /* node indices: in `edges` a < b (so ids in order); in `arcs` a is the
                     * source's and b the target's */
    double weight;  /* Goldstein sum over both directions (in `arcs`: over the one) */
    long events;
} mz_net_edge;

typedef struct mz_network {
    mz_net_node *nodes;  /* sorted by id */
    size_t nnodes;
    mz_net_edge *edges;  /* sorted by (a, b) */
    size_t nedges;
    mz_net_edge *arcs;   /* the directed graph: one per ordered pair, sorted by (a, b) */
    size_t narcs;
    int directed;        /* set by the caller: graph renderers write arcs instead of edges */
    int nblocs;
    long signed_edges;      /* edges with a non-zero weight */
    long unbalanced_edges;  /* positive between blocs or negative inside one */
    double unbalanced;      /* unbalanced_edges / signed_edges, 0 when none */
} mz_network;

/* Builds the undirected signed graph of the set: one node per country, one edge per pair with
 * events between them (self-directed events are left out); and beside it the directed graph,
 * one arc per ordered pair.  Blocs are found on the undirected graph. */
mz_status mz_network_build(const mz_evset *set, mz_network *net);

/* Finds blocs: spin-glass community detection on the signed graph (igraph, negative
 * implementation, RNG seeded with `seed` so runs repeat), per connected component, then a
 * local search that moves nodes and merges blocs while that lowers the weighted frustration
 * (positive weight between blocs plus negative weight inside them).  Fills node blocs (numbered
 * by size, largest first) and the unbalanced share.  Should spin-glass fail on a component,
 * the local search starts it from a single bloc instead.  Fails only when memory runs out. */
mz_status mz_network_blocs(mz_network *net, unsigned long seed, mz_error *err);

/* Recounts the unbalanced edges for the current blocs. */
void mz_network_balance(mz_network *net);

void mz_network_free(mz_network *net);

/* ---- exchange profiles ------------------------------------------------------------------- */

typedef struct mz_tally {
    char key[16];  /* CAMEO root ("07") or PLOVER type ("AID") */
    long events;
    double gold;
} mz_tally;

/* What one side gives the other. */
typedef struct mz_give {
    long events;
    long quad[4];
    double gold;
    mz_tally *roots;   /* by events, then key */
    size_t nroots;
    mz_tally *plover;
    size_t nplover;
} mz_give;

/* A third party both sides are in conflict with: the Goldstein sum between it and each side
 * (both directions) is negative. */
typedef struct mz_enemy {
    char id[32];
    long events_a, events_b;  /* conflictual (quad 3-4) events with A and with B */
    double gold_a, gold_b;    /* Goldstein sums with A and with B */
} mz_enemy;

typedef struct mz_profile_period {
    long period;
    char label[16];
    long events[2];      /* A to B, B to A */
    double gold[2];
    char top[2][16];     /* the most frequent PLOVER type each way, "" when none */
    double asymmetry;    /* see mz_profile */
    size_t nenemies;     /* shared enemies within the period */
} mz_profile_period;

typedef struct mz_profile {
    char a[32], b[32];
    mz_period by;
    mz_give give[2];     /* 0: A gives B, 1: B gives A */
    /* Pearson correlation of the two directions' Goldstein sums over the periods (NaN with
     * fewer than three periods or a flat series): do they answer each other over time? */
    double reciprocity;
    /* (gold A→B − gold B→A) / (|gold A→B| + |gold B→A|), in [-1, 1]; 0 when both are 0.
     * Positive: A gives more cooperation (or less conflict) than it receives. */
    double asymmetry;
    mz_enemy *enemies;   /* by the weaker of the two conflicts, strongest first */
    size_t nenemies;
    mz_profile_period *periods;
    size_t nperiods;
} mz_profile;

mz_status mz_profile_compute(const mz_evset *set, const char *a, const char *b, mz_period by,
                             mz_profile *out);
void mz_profile_free(mz_profile *p);

/* ---- trend breaks ------------------------------------------------------------------------ */

typedef struct mz_watch_opts {
    mz_period by;       /* period of the series (MZ_BY_DAY is 0: set it) */
    double alpha;       /* significance level, default 0.05 */
    double min_size;    /* smallest shift in mean Goldstein worth reporting, default 1.0 */
    size_t min_seg;     /* fewest periods on each side of a change point, default 2 */
    size_t min_hist;    /* fewest earlier periods for a latest-period check, default 4 */
} mz_watch_opts;

/* Fills defaults in the zero fields. */
void mz_watch_defaults(mz_watch_opts *o);

/* Change points of a series: binary segmentation with a two-sample t statistic (pooled
 * variance) at the best split, accepted when its Bonferroni-corrected p value is below alpha,
 * the shift is at least min_size and both sides have min_seg points; then each side is searched
 * the same way.  Writes the indices where a new segment starts into cps (ascending, at most max)
 * and, when pvals is not NULL, their p values; returns how many were found. */
size_t mz_changepoints(const double *x, size_t n, const mz_watch_opts *o, size_t *cps,
                       double *pvals, size_t max);

typedef struct mz_change {
    char src[32], tgt[32];  /* the direction of the series */
    long period;            /* first period of the new level */
    char label[16];
    char start[11];
    double before, after;   /* mean Goldstein per event in the segments around the change */
    double size;            /* after − before: positive towards cooperation */
    double p;               /* Bonferroni-corrected p value */
} mz_change;

/* A dyad direction whose latest period falls outside its trend. */
typedef struct mz_break {
    char src[32], tgt[32];
    long period;
    char label[16];
    char start[11];
    double expected;   /* linear trend of the earlier periods, extrapolated */
    double observed;   /* mean Goldstein in the latest period */
    double t;          /* (observed − expected) / prediction standard error */
    double p;
    size_t history;    /* earlier periods used */
} mz_break;

typedef struct mz_watch {
    int all;  /* 1 when made by mz_watch_all (breaks), 0 by mz_watch_dyad (changes) */
    mz_change *changes;
    size_t nchanges;
    mz_break *breaks;
    size_t nbreaks;
} mz_watch;

/* Change points in both directions of the dyad a–b (series: mean Goldstein per period, over
 * periods with events). */
mz_status mz_watch_dyad(const mz_evset *set, const char *a, const char *b, const mz_watch_opts *o,
                        mz_watch *out);

/* Every directed dyad whose latest period breaks the linear trend of its earlier ones. */
mz_status mz_watch_all(const mz_evset *set, const mz_watch_opts *o, mz_watch *out);

void mz_watch_free(mz_watch *w);

#endif
