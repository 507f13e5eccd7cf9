/*
 * fuzz_fts.c — arbitrary bytes through the full-text tokenizer (src/text/terms.h and its FTS5
 * wrapper src/store/fts.h).
 *
 * The first byte's bits 0–1 choose how mz_terms reads the rest (MZ_TERMS_QUERY, _PREFIX); the
 * terms must be non-empty, inside the text, in order, and the first of each word not colocated.
 * Then the rest goes into an FTS5 table with tokenize='mizan' in a new in-memory database, as
 * a document: FTS5's integrity check must pass (the index is what the tokenizer makes of the
 * text), and the text quoted as a phrase, and as a prefix phrase, must find its own row when it
 * has a word (a query reads words as the index does).  Invalid UTF-8 and NUL bytes are allowed
 * in the text (the NUL-free inputs are the ones queried: FTS5 reads a query up to a NUL).
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/store/fts.h"
#include "../src/text/terms.h"

typedef struct walk {
    size_t size;      /* of the text */
    size_t last;      /* start of the last word */
    size_t words;
    size_t terms;
} walk;

static int check_term(void *ctx, unsigned flags, const char *term, size_t len, size_t start,
                      size_t end)
{
    walk *w = ctx;
    if (!term || len == 0 || len > 320 || start >= end || end > w->size)
        abort(); /* an empty term, or one outside the text */
    if (flags & MZ_TERM_COLOCATED) {
        if (w->terms == 0)
            abort(); /* colocated with nothing */
    } else {
        if (w->words && start < w->last)
            abort(); /* words out of order */
        w->last = start;
        w->words++;
    }
    w->terms++;
    return 0;
}

/* Whether `query` (bound as the MATCH text) finds row 1. */
static int finds_itself(sqlite3 *db, const char *query, size_t len)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1", -1, &st, NULL) != SQLITE_OK)
        abort();
    sqlite3_bind_text(st, 1, query, (int)len, SQLITE_STATIC);
    int found = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        found |= sqlite3_column_int(st, 0) == 1;
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        abort(); /* a quoted phrase is always valid FTS5 */
    return found;
}

/* The text as an FTS5 phrase: quoted, its quotes doubled, then `*` when `prefix`. */
static char *phrase(const char *text, size_t size, int prefix, size_t *len)
{
    char *q = malloc(2 * size + 4);
    if (!q)
        abort();
    size_t n = 0;
    q[n++] = '"';
    for (size_t i = 0; i < size; i++) {
        q[n++] = text[i];
        if (text[i] == '"')
            q[n++] = '"';
    }
    q[n++] = '"';
    if (prefix)
        q[n++] = '*';
    q[n] = '\0';
    *len = n;
    return q;
}

/* Indexes the text as row 1 and checks the index and the self-queries (see the top). */
static void through_fts5(const char *text, size_t size, size_t words)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK || mz_fts_register(db) != SQLITE_OK ||
        sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='mizan')", NULL, NULL,
                     NULL) != SQLITE_OK)
        abort();
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO t(rowid, x) VALUES (1, ?1)", -1, &st, NULL) != SQLITE_OK)
        abort();
    sqlite3_bind_text(st, 1, text, (int)size, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        abort();
    sqlite3_finalize(st);
    if (sqlite3_exec(db, "INSERT INTO t(t, rank) VALUES ('integrity-check', 1)", NULL, NULL,
                     NULL) != SQLITE_OK)
        abort(); /* the index is not what the tokenizer makes of the text */
    if (words && !memchr(text, '\0', size)) {
        for (int prefix = 0; prefix < 2; prefix++) {
            size_t len;
            char *q = phrase(text, size, prefix, &len);
            if (!finds_itself(db, q, len))
                abort(); /* the text as a phrase query misses its own row */
            free(q);
        }
    }
    sqlite3_close(db);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static mz_termgen gen;
    static int ready;
    if (!ready) {
        if (mz_termgen_init(&gen) != 0)
            abort();
        ready = 1;
    }
    if (size < 1)
        return 0;
    unsigned mode = data[0] & 3u;
    const char *text = (const char *)data + 1;
    size--;
    walk w = {size, 0, 0, 0};
    if (mz_terms(&gen, text, size, mode, check_term, &w) != 0)
        abort();
    walk doc = {size, 0, 0, 0};
    if (mz_terms(&gen, text, size, 0, check_term, &doc) != 0)
        abort();
    if (doc.words != w.words)
        abort(); /* a query and a document read the same words */
    through_fts5(text, size, doc.words);
    return 0;
}
