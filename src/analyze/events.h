/*
 * events.h — an in-memory set of events, the input of every analysis.
 *
 * A set is filled from the store (with a filter) or from a JSONL stream in the event contract
 * (one JSON object per line, what `mizan code` prints), so the analyses run the same on a
 * database or on a pipe.  The set owns copies of its events' strings.
 */
#ifndef MZ_EVENTS_H
#define MZ_EVENTS_H

#include <jansson.h>
#include <stdio.h>

#include "../../include/mizan.h"
#include "../store/store.h"
#include "../util/arena.h"

#define MZ_EVSET_NO_TEXT 0x1u  /* drop sentence text and evidence when loading (saves memory) */

typedef struct mz_evset {
    mz_event *ev;
    size_t n, cap;
    unsigned flags;
    mz_arena strings;  /* the events' strings */
} mz_evset;

void mz_evset_init(mz_evset *set, unsigned flags);
void mz_evset_free(mz_evset *set);

/* Appends a copy of ev (strings included).  MZ_ERR_NOMEM on failure. */
mz_status mz_evset_add(mz_evset *set, const mz_event *ev);

/* Appends the events of the store that pass the filter (NULL: all). */
mz_status mz_evset_load_store(mz_evset *set, mz_store *s, const mz_filter *f, mz_error *err);

/* Called for each line that is not a valid event; err has name:line and the reason. */
typedef void (*mz_bad_line_fn)(void *ctx, const mz_error *err);

/* Reads a JSONL event stream and appends the events that pass the filter (its `match` field is
 * ignored).  Blank lines are skipped; a bad line is reported through `bad` (may be NULL),
 * counted in *nbad (may be NULL) and skipped.  Returns MZ_OK unless reading fails or memory
 * runs out.  `name` is used in messages. */
mz_status mz_evset_read_jsonl(mz_evset *set, FILE *in, const char *name, const mz_filter *f,
                              mz_bad_line_fn bad, void *ctx, size_t *nbad, mz_error *err);

/* Parses one JSON object in the event contract and appends it when it passes the filter.
 * MZ_ERR_PARSE with a reason in err when the text is not a valid event. */
mz_status mz_evset_add_json(mz_evset *set, const char *json, size_t len, const mz_filter *f,
                            mz_error *err);

/* The same for an object already parsed (the caller keeps its reference). */
mz_status mz_evset_add_object(mz_evset *set, json_t *obj, const mz_filter *f, mz_error *err);

/* Reads events from the TSV or CSV mizan writes (events_table.c): a header row naming the
 * columns, then one event a row (TSV unescaped as PostgreSQL's text format, CSV as RFC 4180);
 * each row is checked as a JSON Lines event.  Bad rows are reported and skipped as in
 * mz_evset_read_jsonl; a header without the event columns is MZ_ERR_PARSE. */
mz_status mz_evset_read_table(mz_evset *set, FILE *in, const char *name, const mz_filter *f,
                              mz_bad_line_fn bad, void *ctx, size_t *nbad, mz_error *err);

/* Reads events in any format mizan writes, told apart by the first byte: JSON Lines, TSV or
 * CSV (`--events` of the analysis commands). */
mz_status mz_evset_read(mz_evset *set, FILE *in, const char *name, const mz_filter *f,
                        mz_bad_line_fn bad, void *ctx, size_t *nbad, mz_error *err);

/* Sorts the set by date, document, sentence and code, so analyses see one order whatever the
 * input order was. */
void mz_evset_sort(mz_evset *set);

#endif
