/*
 * import.c — events already coded, written back into a store as the documents they come from
 * (mz_store_put_events; see store.h).
 *
 * How it works.  The events are ordered by document id, sentence index and position in the
 * input (a stable order whatever the input's); each run of one document becomes an
 * mz_store_doc holding the texts of the sentences its events name, at their indexes, and is
 * written by mz_store_put like a coded document, so the schema, the full-text index and the
 * idempotence are the store's own.  The document's hash covers its metadata, its events' ids
 * and its sentences, so writing the same events again changes nothing.
 */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "../util/hash.h"
#include "../util/vec.h"

/* An event and where it was in the input, for a stable sort. */
typedef struct ref {
    const mz_event *e;
    size_t pos;
} ref;

/* One document's parts, grown as needed and reused from one document to the next. */
typedef struct parts {
    mz_event *events;
    const char **sentences;
    int *indexes;
    size_t cap_events, cap_sentences, cap_indexes;
} parts;

static const char *or_empty(const char *s) { return s ? s : ""; }

static int cmp_ref(const void *pa, const void *pb)
{
    const ref *a = pa, *b = pb;
    int c = strcmp(a->e->doc, b->e->doc);
    if (c)
        return c;
    if (a->e->sentence != b->e->sentence)
        return a->e->sentence < b->e->sentence ? -1 : 1;
    return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static uint64_t hash_str(uint64_t h, const char *s)
{
    h = mz_hash_more(h, or_empty(s), strlen(or_empty(s)));
    return mz_hash_more(h, "\xff", 1); /* a separator no UTF-8 text contains */
}

/* The content hash of a document read back from events: its metadata, every event's id and
 * every sentence, so other events or texts under the same id give another hash. */
static void doc_hash(const mz_doc *doc, const mz_store_doc *d, char out[17])
{
    uint64_t h = mz_hash_bytes("events", 6);
    const char *meta[] = {doc->id, doc->date, doc->lang, doc->source, doc->url};
    for (size_t i = 0; i < sizeof meta / sizeof meta[0]; i++)
        h = hash_str(h, meta[i]);
    for (size_t i = 0; i < d->nevents; i++) {
        char id[17];
        mz_event_id(&d->events[i], id);
        h = hash_str(h, id);
    }
    for (size_t i = 0; i < d->nsentences; i++) {
        char idx[24];
        snprintf(idx, sizeof idx, "%d", d->indexes[i]);
        h = hash_str(hash_str(h, idx), d->sentences[i]);
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* Gathers the document of refs r[0..n) (one id, ordered by sentence) into p and d: its events,
 * and per sentence index the first non-empty text its events give.  -1 when out of memory. */
static int gather(const ref *r, size_t n, parts *p, mz_store_doc *d)
{
    if (mz_grow((void **)&p->events, &p->cap_events, n, sizeof *p->events) ||
        mz_grow((void **)&p->sentences, &p->cap_sentences, n, sizeof *p->sentences) ||
        mz_grow((void **)&p->indexes, &p->cap_indexes, n, sizeof *p->indexes))
        return -1;
    size_t ns = 0;
    for (size_t i = 0; i < n; i++) {
        const mz_event *e = r[i].e;
        p->events[i] = *e;
        if (ns == 0 || p->indexes[ns - 1] != e->sentence) {
            p->indexes[ns] = e->sentence;
            p->sentences[ns++] = or_empty(e->text);
        } else if (!*p->sentences[ns - 1]) {
            p->sentences[ns - 1] = or_empty(e->text);
        }
    }
    d->events = p->events;
    d->nevents = n;
    d->sentences = p->sentences;
    d->indexes = p->indexes;
    d->nsentences = ns;
    return 0;
}

/* Writes the documents of the sorted refs, inside the caller's transaction. */
static mz_status put_all(mz_store *s, const ref *r, size_t n, mz_error *err)
{
    parts p = {0};
    mz_status rc = MZ_OK;
    for (size_t i = 0, j; i < n && rc == MZ_OK; i = j) {
        for (j = i + 1; j < n && strcmp(r[j].e->doc, r[i].e->doc) == 0; j++)
            ;
        const mz_event *first = r[i].e;
        mz_doc doc = {.id = first->doc, .date = first->date, .lang = first->lang,
                      .source = first->outlet, .text = "", .len = 0, .url = first->url};
        mz_store_doc d = {.doc = &doc};
        char hash[17];
        if (gather(r + i, j - i, &p, &d) != 0) {
            rc = mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
            break;
        }
        doc_hash(&doc, &d, hash);
        d.hash = hash;
        rc = mz_store_put(s, &d, NULL, err);
    }
    free(p.events);
    free(p.sentences);
    free(p.indexes);
    return rc;
}

mz_status mz_store_put_events(mz_store *s, const mz_event *events, size_t n, mz_error *err)
{
    for (size_t i = 0; i < n; i++)
        if (!events[i].doc || !*events[i].doc)
            return mz_fail(err, MZ_ERR_PARSE, NULL, 0,
                           "event %zu has no document id (\"doc\"): a store keeps events by document",
                           i + 1);
    ref *r = malloc((n ? n : 1) * sizeof *r);
    if (!r)
        return mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; i < n; i++)
        r[i] = (ref){&events[i], i};
    qsort(r, n, sizeof *r, cmp_ref);
    mz_status rc = mz_store_begin(s, err);
    if (rc == MZ_OK && (rc = put_all(s, r, n, err)) == MZ_OK)
        rc = mz_store_commit(s, err);
    else
        mz_store_rollback(s);
    free(r);
    return rc;
}
