/*
 * ingest.c — the ingest pipeline: read documents, code them on N threads, write in batches.
 *
 * How it works.  The calling thread reads documents from the source into a batch (copies in the
 * batch's arena, since a source's document is only valid until its next call), hashing each one
 * and dropping those the store already has with the same hash, so re-ingesting coded input
 * costs a read and a lookup per document, no coding.  A full batch goes to N coding threads
 * (each with its own mz_coder over the shared, read-only engine), which take documents through
 * an atomic counter and copy each result (sentences and events) into the batch's per-thread
 * arenas.  While they code, the calling thread writes the previous batch in one transaction, in
 * input order, and reads the next one: two batches alternate, so coding overlaps reading and
 * writing.  The database is only touched from the calling thread.
 */
#include "store.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/hash.h"
#include "../util/vec.h"

enum {
    DEFAULT_BATCH = 1024,
    MAX_BATCH_BYTES = 16 * 1024 * 1024, /* text per batch, to bound memory on huge documents */
    MAX_THREADS = 256
};

/* One document of a batch and, once coded, its result (in a worker's arena). */
typedef struct slot {
    mz_doc doc;
    char hash[17];
    mz_status status;
    mz_error err;
    const char **sentences;
    size_t nsentences;
    mz_event *events;
    size_t nevents;
} slot;

typedef struct batch {
    slot *slots;
    size_t n, cap;
    size_t bytes;
    mz_arena arena;           /* the documents' copies */
    mz_arena results[MAX_THREADS];  /* coded results, one arena per coding thread */
    atomic_size_t next;       /* next slot to code */
    pthread_t tid[MAX_THREADS];
    int started[MAX_THREADS];
} batch;

/* A coding thread's state: its coder (kept across batches) and where it works now. */
typedef struct worker {
    mz_coder *coder;
    batch *b;
    int index;  /* which of the batch's result arenas is this thread's */
} worker;

static char *dup_str(mz_arena *a, const char *s)
{
    return s ? mz_arena_strndup(a, s, strlen(s)) : NULL;
}

/* Copies an event's strings into the arena; 0 on success, -1 out of memory. */
static int copy_event(mz_arena *a, mz_event *dst, const mz_event *src)
{
    *dst = *src;
    const char **fields[] = {&dst->doc, &dst->date, &dst->lang, &dst->source, &dst->target,
                             &dst->source_country, &dst->target_country, &dst->code, &dst->root,
                             &dst->plover, &dst->text, &dst->ev_source, &dst->ev_target,
                             &dst->ev_verb};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        const char *v = *fields[i] ? *fields[i] : "";
        if (!(*fields[i] = mz_arena_strndup(a, v, strlen(v))))
            return -1;
    }
    return 0;
}

/* Codes one slot with the worker's coder and copies the result into the worker's arena of the
 * batch. */
static void code_slot(worker *w, slot *sl)
{
    mz_arena *arena = &w->b->results[w->index];
    const mz_event *ev = NULL;
    size_t n = 0;
    sl->status = mz_coder_code(w->coder, &sl->doc, &ev, &n, &sl->err);
    if (sl->status != MZ_OK)
        return;
    size_t ns = mz_coder_sentence_count(w->coder);
    sl->sentences = mz_arena_alloc(arena, (ns ? ns : 1) * sizeof *sl->sentences);
    sl->events = mz_arena_alloc(arena, (n ? n : 1) * sizeof *sl->events);
    if (!sl->sentences || !sl->events)
        goto oom;
    for (size_t i = 0; i < ns; i++) {
        if (!(sl->sentences[i] = dup_str(arena, mz_coder_sentence(w->coder, i))))
            goto oom;
    }
    for (size_t i = 0; i < n; i++) {
        if (copy_event(arena, &sl->events[i], &ev[i]))
            goto oom;
    }
    sl->nsentences = ns;
    sl->nevents = n;
    return;
oom:
    sl->status = MZ_ERR_NOMEM;
    snprintf(sl->err.message, sizeof sl->err.message, "out of memory");
}

/* A coding thread's loop: take the next uncoded slot until none is left. */
static void *work(void *arg)
{
    worker *w = arg;
    batch *b = w->b;
    for (;;) {
        size_t i = atomic_fetch_add(&b->next, 1);
        if (i >= b->n)
            break;
        code_slot(w, &b->slots[i]);
    }
    return NULL;
}

/* Starts coding the batch on nw threads and returns at once; code_wait joins them.  If no
 * thread can be started the batch is coded here, before returning. */
static void code_start(batch *b, worker *ws, int nw)
{
    int any = 0;
    atomic_store(&b->next, 0);
    for (int i = 0; i < nw; i++) {
        ws[i].b = b;
        b->started[i] = pthread_create(&b->tid[i], NULL, work, &ws[i]) == 0;
        any |= b->started[i];
    }
    if (!any)
        work(&ws[0]);
}

static void code_wait(batch *b, int nw)
{
    for (int i = 0; i < nw; i++) {
        if (b->started[i])
            pthread_join(b->tid[i], NULL);
        b->started[i] = 0;
    }
}

/* Empties a written batch for reuse (its memory is kept). */
static void batch_reset(batch *b, int nw)
{
    b->n = 0;
    b->bytes = 0;
    mz_arena_reset(&b->arena);
    for (int i = 0; i < nw; i++)
        mz_arena_reset(&b->results[i]);
}

static void batch_free(batch *b)
{
    free(b->slots);
    mz_arena_free(&b->arena);
    for (int i = 0; i < MAX_THREADS; i++)
        mz_arena_free(&b->results[i]);
}

/* Adds a copy of doc to the batch; -1 out of memory. */
static int batch_add(batch *b, const mz_doc *doc, const char *hash)
{
    if (mz_grow((void **)&b->slots, &b->cap, b->n + 1, sizeof *b->slots) < 0)
        return -1;
    slot *sl = &b->slots[b->n];
    memset(sl, 0, sizeof *sl);
    sl->doc.id = dup_str(&b->arena, doc->id);
    sl->doc.date = dup_str(&b->arena, doc->date);
    sl->doc.lang = dup_str(&b->arena, doc->lang);
    sl->doc.source = dup_str(&b->arena, doc->source);
    sl->doc.url = dup_str(&b->arena, doc->url);
    sl->doc.text = mz_arena_strndup(&b->arena, doc->text ? doc->text : "", doc->len);
    sl->doc.len = doc->len;
    if (!sl->doc.id || !sl->doc.text || (doc->date && !sl->doc.date) ||
        (doc->lang && !sl->doc.lang) || (doc->source && !sl->doc.source) ||
        (doc->url && !sl->doc.url))
        return -1;
    memcpy(sl->hash, hash, sizeof sl->hash);
    b->bytes += doc->len;
    b->n++;
    return 0;
}

static void report(const mz_ingest_opts *o, const mz_error *e)
{
    if (o->on_error)
        o->on_error(o->ctx, e);
}

/* Writes the coded batch in one transaction.  Documents the coder refused are reported and
 * counted, not written. */
static mz_status write_batch(mz_store *s, batch *b, const mz_ingest_opts *o, mz_ingest_stats *st,
                             mz_error *err)
{
    mz_ingest_stats add = {0};
    mz_status rc = mz_store_begin(s, err);
    if (rc != MZ_OK)
        return rc;
    for (size_t i = 0; i < b->n; i++) {
        slot *sl = &b->slots[i];
        if (sl->status != MZ_OK) {
            if (sl->status == MZ_ERR_NOMEM) {
                mz_store_rollback(s);
                *err = sl->err;
                err->status = MZ_ERR_NOMEM;
                return MZ_ERR_NOMEM;
            }
            mz_error e = sl->err;
            e.status = sl->status;
            snprintf(e.message, sizeof e.message, "document %.200s: %.290s", sl->doc.id,
                     sl->err.message);
            report(o, &e);
            add.failed++;
            continue;
        }
        mz_store_doc d = {&sl->doc, sl->hash, sl->sentences, sl->nsentences, sl->events,
                          sl->nevents};
        mz_doc_state state;
        if ((rc = mz_store_put(s, &d, &state, err)) != MZ_OK) {
            mz_store_rollback(s);
            return rc;
        }
        if (state == MZ_DOC_SAME) {
            add.unchanged++;  /* the same document twice in one batch */
            continue;
        }
        if (state == MZ_DOC_NEW)
            add.added++;
        else
            add.replaced++;
        add.sentences += (long long)sl->nsentences;
        add.events += (long long)sl->nevents;
    }
    if ((rc = mz_store_commit(s, err)) != MZ_OK)
        return rc;
    /* Counted only once committed, so the figures match what the file holds. */
    st->added += add.added;
    st->replaced += add.replaced;
    st->unchanged += add.unchanged;
    st->failed += add.failed;
    st->sentences += add.sentences;
    st->events += add.events;
    return MZ_OK;
}

/* Reads documents into the batch until it is full or the source ends (*eof = 1).  Unchanged
 * documents are counted and dropped here. */
static mz_status fill_batch(mz_store *s, batch *b, size_t max, const mz_ingest_opts *o,
                            mz_ingest_stats *st, int *eof, mz_error *err)
{
    while (b->n < max && b->bytes < MAX_BATCH_BYTES) {
        mz_doc doc;
        mz_error e = {0};
        memset(&doc, 0, sizeof doc);
        int r = o->next(o->ctx, &doc, &e);
        if (r == 0) {
            *eof = 1;
            return MZ_OK;
        }
        if (r < 0) {
            st->failed++;
            report(o, &e);
            continue;
        }
        st->read++;
        if (st->read % 8192 == 0 && o->on_progress)  /* long runs of unchanged documents */
            o->on_progress(o->ctx, st);
        if (!doc.id || !*doc.id) {
            e.status = MZ_ERR_PARSE;
            snprintf(e.message, sizeof e.message, "document without an id");
            st->failed++;
            report(o, &e);
            continue;
        }
        char hash[17];
        mz_store_hash(&doc, hash);
        if (o->fingerprint) {
            uint64_t h = mz_hash_bytes(hash, 16);
            h = mz_hash_more(h, o->fingerprint, strlen(o->fingerprint));
            snprintf(hash, sizeof hash, "%016llx", (unsigned long long)h);
        }
        mz_doc_state state;
        mz_status rc = mz_store_doc_state(s, doc.id, hash, &state, err);
        if (rc != MZ_OK)
            return rc;
        if (state == MZ_DOC_SAME) {
            st->unchanged++;
            continue;
        }
        if (batch_add(b, &doc, hash))
            return MZ_ERR_NOMEM;
    }
    return MZ_OK;
}

mz_status mz_store_ingest(mz_store *s, const mz_engine *engine, const mz_ingest_opts *o,
                          mz_ingest_stats *stats, mz_error *err)
{
    mz_ingest_stats local = {0};
    mz_ingest_stats *st = stats ? stats : &local;
    memset(st, 0, sizeof *st);
    if (!o || !o->next || !engine) {
        if (err) {
            err->status = MZ_ERR_ARG;
            snprintf(err->message, sizeof err->message, "ingest: no source or engine");
        }
        return MZ_ERR_ARG;
    }
    int nw = o->threads < 1 ? 1 : o->threads > MAX_THREADS ? MAX_THREADS : o->threads;
    size_t max = o->batch ? o->batch : DEFAULT_BATCH;
    mz_status rc = MZ_OK;
    batch *bs = calloc(2, sizeof *bs);
    worker *ws = calloc((size_t)nw, sizeof *ws);
    if (!bs || !ws)
        rc = MZ_ERR_NOMEM;
    for (int i = 0; rc == MZ_OK && i < nw; i++) {
        ws[i].index = i;
        if (!(ws[i].coder = mz_coder_new(engine, o->coder_flags)))
            rc = MZ_ERR_NOMEM;
    }
    /* cur is being coded while prev (already coded) is written and next is read. */
    batch *cur = NULL, *prev = NULL, *next = bs;
    int eof = 0;
    while (rc == MZ_OK) {
        if (prev) {
            rc = write_batch(s, prev, o, st, err);
            if (rc != MZ_OK)  /* rolled back: none of the batch is stored */
                st->failed += (long long)prev->n;
            batch_reset(prev, nw);
            if (rc == MZ_OK && o->on_progress)
                o->on_progress(o->ctx, st);
        }
        if (rc == MZ_OK && !eof)
            rc = fill_batch(s, next, max, o, st, &eof, err);
        if (cur) {
            code_wait(cur, nw);
            prev = cur;
            cur = NULL;
        } else {
            prev = NULL;
        }
        if (rc != MZ_OK)
            break;
        if (next->n) {
            code_start(next, ws, nw);
            cur = next;
            next = cur == &bs[0] ? &bs[1] : &bs[0];
        } else if (!prev) {
            if (o->on_progress)  /* nothing left to code or write: report the skipped ones */
                o->on_progress(o->ctx, st);
            break;
        }
    }
    if (cur)
        code_wait(cur, nw);
    /* A run stopped by a database or memory failure (a full disk ...): the documents read but
     * never written count as failed, so the summary says how many are missing. */
    if (rc != MZ_OK) {
        if (prev)
            st->failed += (long long)prev->n;
        if (next && next != prev)
            st->failed += (long long)next->n;
        if (cur && cur != prev && cur != next)
            st->failed += (long long)cur->n;
    }
    if (rc == MZ_ERR_NOMEM && err) {
        err->status = MZ_ERR_NOMEM;
        snprintf(err->message, sizeof err->message, "out of memory");
    }
    for (int i = 0; ws && i < nw; i++)
        if (ws[i].coder)
            mz_coder_free(ws[i].coder);
    free(ws);
    if (bs) {
        batch_free(&bs[0]);
        batch_free(&bs[1]);
    }
    free(bs);
    return rc;
}
