/*
 * ingest.c — the ingest pipeline: read documents, code them on N threads, write in batches.
 *
 * How it works.  The calling thread reads documents from the source into a batch (copies in the
 * batch's arena, since a source's document is only valid until its next call), hashing each one
 * and dropping those the store already has with the same hash, so re-ingesting coded input
 * costs a read and a lookup per document, no coding.  When the batch is full the coding threads
 * (each with its own mz_coder over the shared, read-only engine) take documents from it through
 * an atomic counter and copy each result (sentences and events) into their own arena.  Then the
 * calling thread writes the whole batch in one transaction, in input order, and resets the
 * arenas.  The database is only touched from the calling thread.
 *
 * Coding and writing alternate rather than overlap: simple, deterministic, and writing is the
 * smaller share of the time (see docs/PERFORMANCE.md).
 */
#include "store.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"

enum {
    DEFAULT_BATCH = 512,
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
    mz_arena arena;  /* the documents' copies */
    atomic_size_t next;
} batch;

typedef struct worker {
    mz_coder *coder;
    mz_arena arena;  /* coded results of the current batch */
    batch *b;
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

/* Codes one slot with the worker's coder and copies the result into the worker's arena. */
static void code_slot(worker *w, slot *sl)
{
    const mz_event *ev = NULL;
    size_t n = 0;
    sl->status = mz_coder_code(w->coder, &sl->doc, &ev, &n, &sl->err);
    if (sl->status != MZ_OK)
        return;
    size_t ns = mz_coder_sentence_count(w->coder);
    sl->sentences = mz_arena_alloc(&w->arena, (ns ? ns : 1) * sizeof *sl->sentences);
    sl->events = mz_arena_alloc(&w->arena, (n ? n : 1) * sizeof *sl->events);
    if (!sl->sentences || !sl->events)
        goto oom;
    for (size_t i = 0; i < ns; i++) {
        if (!(sl->sentences[i] = dup_str(&w->arena, mz_coder_sentence(w->coder, i))))
            goto oom;
    }
    for (size_t i = 0; i < n; i++) {
        if (copy_event(&w->arena, &sl->events[i], &ev[i]))
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

/* Codes every slot of the batch on nw workers: nw - 1 new threads plus the calling one.  If a
 * thread cannot be started the others simply take its share. */
static void code_batch(batch *b, worker *ws, int nw)
{
    pthread_t tid[MAX_THREADS];
    int started[MAX_THREADS] = {0};
    atomic_store(&b->next, 0);
    for (int i = 0; i < nw; i++)
        ws[i].b = b;
    for (int i = 1; i < nw; i++)
        started[i] = pthread_create(&tid[i], NULL, work, &ws[i]) == 0;
    work(&ws[0]);
    for (int i = 1; i < nw; i++)
        if (started[i])
            pthread_join(tid[i], NULL);
}

/* Adds a copy of doc to the batch; -1 out of memory. */
static int batch_add(batch *b, const mz_doc *doc, const char *hash)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        slot *p = realloc(b->slots, cap * sizeof *p);
        if (!p)
            return -1;
        b->slots = p;
        b->cap = cap;
    }
    slot *sl = &b->slots[b->n];
    memset(sl, 0, sizeof *sl);
    sl->doc.id = dup_str(&b->arena, doc->id);
    sl->doc.date = dup_str(&b->arena, doc->date);
    sl->doc.lang = dup_str(&b->arena, doc->lang);
    sl->doc.source = dup_str(&b->arena, doc->source);
    sl->doc.text = mz_arena_strndup(&b->arena, doc->text ? doc->text : "", doc->len);
    sl->doc.len = doc->len;
    if (!sl->doc.id || !sl->doc.text || (doc->date && !sl->doc.date) ||
        (doc->lang && !sl->doc.lang) || (doc->source && !sl->doc.source))
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
        if (!doc.id || !*doc.id) {
            e.status = MZ_ERR_PARSE;
            snprintf(e.message, sizeof e.message, "document without an id");
            st->failed++;
            report(o, &e);
            continue;
        }
        char hash[17];
        mz_store_hash(&doc, hash);
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
    batch b = {0};
    b.arena = (mz_arena)MZ_ARENA_INIT;
    worker *ws = calloc((size_t)nw, sizeof *ws);
    if (!ws)
        rc = MZ_ERR_NOMEM;
    for (int i = 0; rc == MZ_OK && i < nw; i++) {
        ws[i].arena = (mz_arena)MZ_ARENA_INIT;
        if (!(ws[i].coder = mz_coder_new(engine, o->coder_flags)))
            rc = MZ_ERR_NOMEM;
    }
    int eof = 0;
    while (rc == MZ_OK && !eof) {
        rc = fill_batch(s, &b, max, o, st, &eof, err);
        if (rc == MZ_OK && b.n) {
            code_batch(&b, ws, nw);
            rc = write_batch(s, &b, o, st, err);
        }
        b.n = 0;
        b.bytes = 0;
        mz_arena_reset(&b.arena);
        for (int i = 0; i < nw; i++)
            mz_arena_reset(&ws[i].arena);
        if (rc == MZ_OK && o->on_progress)
            o->on_progress(o->ctx, st);
    }
    if (rc == MZ_ERR_NOMEM && err) {
        err->status = MZ_ERR_NOMEM;
        snprintf(err->message, sizeof err->message, "out of memory");
    }
    for (int i = 0; ws && i < nw; i++) {
        if (ws[i].coder)
            mz_coder_free(ws[i].coder);
        mz_arena_free(&ws[i].arena);
    }
    free(ws);
    free(b.slots);
    mz_arena_free(&b.arena);
    return rc;
}
