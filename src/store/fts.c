/*
 * fts.c — the `mizan` FTS5 tokenizer; see fts.h and, for the terms, terms.h.
 *
 * FTS5 creates one tokenizer object per table and connection (fts_create), and calls
 * fts_tokenize for each text it indexes and each word or quoted string of a MATCH query, with
 * flags telling which.  The object holds a term maker (a stemmer, a memo of the words met and a
 * token buffer), so a sentence costs no allocation once the buffer has grown; FTS5 never calls
 * it reentrantly.
 */
#include "fts.h"

#include <stdlib.h>

typedef struct fts_tok {
    mz_termgen gen;
} fts_tok;

/* Where a term goes: FTS5's token callback. */
typedef struct fts_out {
    void *ctx;
    int (*xToken)(void *, int, const char *, int, int, int);
} fts_out;

/* Whether the tokenizer's arguments are none, or one version number (of the rules the index
 * was made with: any is read with the rules of this build; see terms.h). */
static int args_ok(const char **argv, int argc)
{
    if (argc == 0)
        return 1;
    if (argc != 1 || !argv[0][0])
        return 0;
    for (const char *p = argv[0]; *p; p++)
        if (*p < '0' || *p > '9')
            return 0;
    return 1;
}

static int fts_create(void *unused, const char **argv, int argc, Fts5Tokenizer **out)
{
    (void)unused;
    *out = NULL;
    if (!args_ok(argv, argc))
        return SQLITE_ERROR;
    fts_tok *t = calloc(1, sizeof *t);
    if (!t)
        return SQLITE_NOMEM;
    if (mz_termgen_init(&t->gen) != 0) {
        mz_termgen_free(&t->gen);
        free(t);
        return SQLITE_NOMEM;
    }
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static void fts_delete(Fts5Tokenizer *p)
{
    fts_tok *t = (fts_tok *)p;
    if (!t)
        return;
    mz_termgen_free(&t->gen);
    free(t);
}

/* Hands one term to FTS5.  Spans fit in an int: FTS5 texts are shorter than 2 GB. */
static int fts_term(void *ctx, unsigned flags, const char *term, size_t len, size_t start,
                    size_t end)
{
    const fts_out *o = ctx;
    return o->xToken(o->ctx, (flags & MZ_TERM_COLOCATED) ? FTS5_TOKEN_COLOCATED : 0, term,
                     (int)len, (int)start, (int)end);
}

static int fts_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int n,
                        int (*xToken)(void *, int, const char *, int, int, int))
{
    fts_tok *t = (fts_tok *)p;
    if (!text || n <= 0)
        return SQLITE_OK;
    unsigned mode = 0;
    if (flags & FTS5_TOKENIZE_QUERY)
        mode = MZ_TERMS_QUERY | ((flags & FTS5_TOKENIZE_PREFIX) ? MZ_TERMS_PREFIX : 0u);
    fts_out o = {ctx, xToken};
    int rc = mz_terms(&t->gen, text, (size_t)n, mode, fts_term, &o);
    return rc < 0 ? SQLITE_NOMEM : rc;
}

int mz_fts_register(sqlite3 *db)
{
    fts5_tokenizer tokenizer = {fts_create, fts_delete, fts_tokenize}; /* FTS5 keeps a copy */
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    rc = sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return rc;
    if (!api || api->iVersion < 2)
        return SQLITE_ERROR;
    return api->xCreateTokenizer(api, MZ_FTS_TOKENIZER, NULL, &tokenizer, NULL);
}
