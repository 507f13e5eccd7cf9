/*
 * store.h — the SQLite event store.
 *
 * One database file holds documents, their sentences (with an FTS5 full-text index) and the
 * events coded from them; docs/SCHEMA.md describes the tables for readers outside mizan
 * (sqlite3, pandas, R, DuckDB).  The file is kept in WAL mode, and every write goes through a
 * transaction, so a process killed at any point leaves the file as it was after the last
 * committed batch: never a document without its events.
 *
 * Writing is idempotent per document: a document is identified by its id and a hash of its
 * content (text and metadata).  Putting a document already stored with the same hash changes
 * nothing; putting one whose hash changed replaces its sentences and events.
 *
 * An mz_store is a single connection and must be used from one thread at a time.  The ingest
 * pipeline (mz_store_ingest) codes on several threads but writes from the calling one.
 */
#ifndef MZ_STORE_H
#define MZ_STORE_H

#include <stddef.h>

#include <stdint.h>

#include "../../include/mizan.h"

typedef struct mz_store mz_store;

/* Opening modes. */
#define MZ_STORE_READONLY 0x1u  /* fail if the file does not exist; never write */
#define MZ_STORE_MEMORY 0x2u    /* `path` names a database in memory, not a file: every connection
                                 * of this process that opens the same name ("/NAME") shares it,
                                 * and it lasts while one of them is open */

/* Opens (and without MZ_STORE_READONLY creates) the database at `path` and makes sure the
 * schema is there.  Returns NULL and fills err on failure.  Close with mz_store_close(). */
mz_store *mz_store_open(const char *path, unsigned mode, mz_error *err);
void mz_store_close(mz_store *s);

/* The schema's SQL text, as run on a new database (for docs and tests). */
const char *mz_store_schema(void);

/* ---- writing documents ------------------------------------------------------------------- */

/* Content hash of a document: 16 lowercase hex digits and a NUL (FNV-1a, 64 bits) over the
 * date, language, source and text.  Any change to one of them changes the hash. */
void mz_store_hash(const mz_doc *doc, char out[17]);


typedef enum mz_doc_state {
    MZ_DOC_NEW = 0,   /* no document with this id */
    MZ_DOC_SAME,      /* stored with the same content hash */
    MZ_DOC_CHANGED    /* stored with another hash */
} mz_doc_state;

/* Where a document stands against the store. */
mz_status mz_store_doc_state(mz_store *s, const char *id, const char *hash, mz_doc_state *state,
                             mz_error *err);

/* A coded document ready to be written.  Nothing here is kept after mz_store_put returns. */
typedef struct mz_store_doc {
    const mz_doc *doc;             /* id, date, lang (NULL: detected from the text), source, text */
    const char *hash;              /* from mz_store_hash(doc) */
    const char *const *sentences;  /* the sentences, by index */
    size_t nsentences;
    const mz_event *events;
    size_t nevents;
    /* NULL: sentences[i] is the document's sentence i, and it has nsentences.  Else the index
     * in the document of each sentence given (a document known only from some of its
     * sentences, as one read back from its events). */
    const int *indexes;
} mz_store_doc;

/* Transactions group puts: a batch is written whole or not at all. */
mz_status mz_store_begin(mz_store *s, mz_error *err);
mz_status mz_store_commit(mz_store *s, mz_error *err);
void mz_store_rollback(mz_store *s);

/* Writes one document.  If the store has it with the same hash nothing is written and *state
 * (when not NULL) is MZ_DOC_SAME; if it has it with another hash its old sentences and events
 * are deleted first (MZ_DOC_CHANGED); else it is added (MZ_DOC_NEW).  Call between
 * mz_store_begin and mz_store_commit. */
mz_status mz_store_put(mz_store *s, const mz_store_doc *d, mz_doc_state *state, mz_error *err);

/* Writes events already coded (read back from what `mizan code` or `mizan events` wrote) as
 * the documents they come from, in one transaction: each document gets the date, language,
 * outlet and url of its first event, and as sentences the texts of its events' sentences
 * (the first non-empty text given for each), so queries, full-text search included, find the
 * events as they would in the store they came from.  A document gets its events in the order
 * given.  MZ_ERR_PARSE for an event without a document id; a document already in the store is
 * replaced.  Nothing is written unless all is. */
mz_status mz_store_put_events(mz_store *s, const mz_event *events, size_t n, mz_error *err);

typedef struct mz_store_counts {
    long long documents, sentences, events;
} mz_store_counts;

mz_status mz_store_count(mz_store *s, mz_store_counts *counts, mz_error *err);

/* ---- queries ----------------------------------------------------------------------------- */

/* Event filters; every NULL or "" field is open.  Dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD";
 * `to` is inclusive at its precision ("2024" takes all of 2024).  A date filter drops undated
 * events.  `actor` matches either side's country or full actor code; the dyad matches both
 * directions between the countries `dyad_a` and `dyad_b`.  `match` is an FTS5 query over the
 * event's sentence (store queries only). */
typedef struct mz_filter {
    const char *from, *to;
    const char *actor;
    const char *dyad_a, *dyad_b;
    const char *root;
    const char *match;
} mz_filter;

/* 1 when `s` is a date filter value mizan accepts (see mz_filter), else 0. */
int mz_filter_date_ok(const char *s);

/* Normalises a CAMEO root argument ("7" or "07") into out ("07"); 0 when it is not one. */
int mz_filter_root_norm(const char *s, char out[3]);

/* 1 when the event passes the filter (all but `match`, which needs the store). */
int mz_filter_match(const mz_filter *f, const mz_event *ev);

/* Called per event; the event and its strings are valid only during the call.  Return 0 to go
 * on, non-zero to stop the query. */
typedef int (*mz_event_fn)(void *ctx, const mz_event *ev);

/* Runs a filtered query, in order of date, document, sentence.  A `match` in which mizan's
 * tokenizer finds no word is refused (MZ_ERR_ARG), as is one FTS5 cannot parse. */
mz_status mz_store_query(mz_store *s, const mz_filter *f, mz_event_fn fn, void *ctx, mz_error *err);

/* One page of a filtered query: the `limit` events (all when negative) after the first
 * `offset`, in the same order; with `total` not NULL, first counts every event that passes the
 * filter into it.  Offset and limit are bound as parameters like the filter's values. */
mz_status mz_store_query_page(mz_store *s, const mz_filter *f, long long offset, long long limit,
                              mz_event_fn fn, void *ctx, long long *total, mz_error *err);

/* SQLite's PRAGMA data_version of this connection: it changes when another connection
 * commits a change to the file (so a reader can tell that what it cached is stale). */
long long mz_store_data_version(mz_store *s);

/* What the store holds, for an overview (`mizan serve`'s /api/stats). */
typedef struct mz_store_summary {
    mz_store_counts counts;
    long long undated;         /* events without a date */
    char first[11], last[11];  /* the first and last event dates, "" when none */
    long long lang_ar, lang_en;  /* events by language */
    long long quad[4];         /* events by quad class 1..4 */
    long long countries;       /* distinct countries and organisations on either side */
} mz_store_summary;

mz_status mz_store_summarize(mz_store *s, mz_store_summary *sum, mz_error *err);

/* A country or organisation code and the events with it on either side (an event between a
 * country and itself counts once), as `mizan events --actor CODE` selects them. */
typedef struct mz_store_country {
    char code[32];
    long long events;
} mz_store_country;

/* Every country code of the events, most events first, then by code.  *out is malloc'd (the
 * caller frees it), *n its length. */
mz_status mz_store_countries(mz_store *s, mz_store_country **out, size_t *n, mz_error *err);

/* 1 when the store's full-text index is made by this build's tokenizer (fts.h: stems, Arabic
 * words without clitics); 0 for a file opened read-only whose index is older: unicode61's (exact
 * words) in a file of schema version 1 or 2, or made by other rules (terms.h).  Opening the file
 * for writing rebuilds it. */
int mz_store_search_current(const mz_store *s);

/* ---- ingest: code documents and write them ----------------------------------------------- */

typedef struct mz_ingest_stats {
    long long read;       /* documents read from the source */
    long long added;      /* new documents written */
    long long replaced;   /* documents whose content changed */
    long long unchanged;  /* documents skipped: same id and content */
    long long failed;     /* bad records and documents the coder refused */
    long long sentences;  /* sentences written */
    long long events;     /* events written */
} mz_ingest_stats;

typedef struct mz_ingest_opts {
    int threads;           /* coding threads; < 1 means 1 */
    size_t batch;          /* documents per transaction; 0 means 1024 */
    unsigned coder_flags;  /* MZ_CODE_* for the coders */
    /* What the coding depends on besides the document (the dictionaries and options, e.g. from
     * mz_store_fingerprint); mixed into each document's hash, so that re-ingesting with other
     * dictionaries or options recodes instead of finding the documents unchanged.  May be NULL. */
    const char *fingerprint;
    /* The document source: 1 with *doc filled (valid until the next call), 0 at the end, -1 on
     * a bad record (err filled; ingest reports it through on_error and goes on). */
    int (*next)(void *ctx, mz_doc *doc, mz_error *err);
    void (*on_error)(void *ctx, const mz_error *err);              /* may be NULL */
    void (*on_progress)(void *ctx, const mz_ingest_stats *stats);  /* after each batch; may be NULL */
    void *ctx;
} mz_ingest_opts;

/* Reads every document from o->next, codes the new and changed ones with `threads` coders
 * sharing `engine` (compiled), and writes them in batches of one transaction each.  Returns
 * MZ_OK when the source was read to its end (bad records are counted in stats->failed, not
 * errors); a database or memory failure stops the run with the batch rolled back. */
mz_status mz_store_ingest(mz_store *s, const mz_engine *engine, const mz_ingest_opts *o,
                          mz_ingest_stats *stats, mz_error *err);

#endif
