/*
 * eval.h — what the two evaluations of `mizan eval` share: events compared as (source country,
 * target country, CAMEO root) tuples, and precision, recall and F1 from true and false counts.
 *
 *   cmd_eval.c   the project's own annotated sentences (tests/golden/README.md format)
 *   eval_real.c  real news with independent gold: sentence sets with their events, and
 *                detection sets labelled per sentence for one event type
 *   eval_petrarch.c  PETRARCH's validation records (a conformance suite), scored per category
 */
#ifndef MZ_EVAL_H
#define MZ_EVAL_H

#include <jansson.h>

#include "../../include/mizan.h"

enum { MZ_EVAL_ROOTS = 21 };

typedef struct mz_score {
    long tp, fp, fn;
} mz_score;

typedef struct mz_tuple {
    char s[8], t[8];
    int root;
} mz_tuple;

/* Precision, recall and F1 of a score (0 when undefined). */
double mz_score_precision(const mz_score *s);
double mz_score_recall(const mz_score *s);
double mz_score_f1(const mz_score *s);

/* Adds (country of src, country of tgt, root of code) to a set of n tuples unless it is there or
 * the root is not 01..20; returns the new size.  The set must have room for one more. */
int mz_tuple_add(mz_tuple *set, int n, const char *src, const char *tgt, const char *code);

/* Whether x is in the set. */
int mz_tuple_in(const mz_tuple *set, int n, const mz_tuple *x);

/* Calls fn(record, ctx) for each JSON object line of path, skipping blank lines; returns 0, or
 * -1 after reporting an unreadable file, a malformed line or a record fn turned down (-1). */
int mz_each_record(const char *path, int (*fn)(json_t *, void *), void *ctx);

/* `mizan eval` on real-news sets (eval_real.c): `paths` are folders or JSON Lines files, coded
 * with the coder flags `flags` (MZ_CODE_PARSE).  Returns the exit status. */
int mz_eval_real(const mz_engine *e, char **paths, int n, int errors, unsigned flags);

/* `mizan eval` on PETRARCH's validation records (eval_petrarch.c): each record of an included
 * category coded with the given dictionaries, or with those the file's <Environment> names when
 * none are given; prints the share coded exactly right per category (and, with verbose, each
 * failing record with its reason).  Returns the exit status: 1 below min_share (0..1). */
struct mz_dict_opts;
int mz_eval_petrarch(const struct mz_dict_opts *dicts, const char *path, int verbose,
                     double min_share);

#endif
