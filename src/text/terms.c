/* terms.c — the terms of the full-text index; see terms.h. */
#include "terms.h"

#include <string.h>

/* Room for the longest term, a marked folded word: the tokenizer keeps at most 255 folded bytes
 * of a word (a longer form would be cut here, the same way in a document and a query). */
enum { TERM_MAX = 320 };

/* Where the terms of one word go. */
typedef struct sink {
    mz_term_fn fn;
    void *ctx;
    size_t start, end; /* the word's span */
    int count;         /* terms given for this word so far */
} sink;

/* Gives one term of the current word: colocated unless it is the word's first. */
static int emit(sink *k, const char *term, size_t len)
{
    if (!len)
        return 0;
    unsigned flags = k->count++ ? MZ_TERM_COLOCATED : 0u;
    return k->fn(k->ctx, flags, term, len, k->start, k->end);
}

/* Gives the folded word marked "=": the surface form, apart from the stems. */
static int emit_marked(sink *k, const char *fold, size_t len)
{
    char term[TERM_MAX];
    if (len + 1 > sizeof term)
        len = sizeof term - 1;
    term[0] = '=';
    memcpy(term + 1, fold, len);
    return emit(k, term, len + 1);
}

/* The terms of an English (or other non-Arabic) word or a number: its stem, and its marked
 * form when that differs; for a query the stem alone; for a prefix query the folded word bare
 * and marked (see terms.h). */
static int latin_terms(mz_termgen *g, sink *k, const char *fold, size_t len, uint32_t tokflags,
                       unsigned mode)
{
    if (mode & MZ_TERMS_PREFIX) {
        int rc = emit(k, fold, len);
        return rc ? rc : emit_marked(k, fold, len);
    }
    char stem[TERM_MAX];
    size_t n = (tokflags & MZ_TOK_WORD) ? mz_en_stem(&g->keys, fold, len, stem, sizeof stem) : 0;
    if (!n) /* a number, or a word the stemmer leaves empty ('s) */
        return emit(k, fold, len);
    int rc = emit(k, stem, n);
    if (rc || (mode & MZ_TERMS_QUERY) || (n == len && memcmp(stem, fold, len) == 0))
        return rc;
    return emit_marked(k, fold, len);
}

/* The terms of an Arabic word: its clitic readings for a document, the first of them (the word
 * itself in canonical form) for a query.  A word with no reading (one letter, or too long for
 * one) is its folded form in both. */
static int arabic_terms(sink *k, const char *fold, size_t len, unsigned mode)
{
    mz_cand cand[MZ_CAND_MAX];
    int n = mz_ar_candidates(fold, len, cand);
    if (n == 0)
        return emit(k, fold, len);
    if (mode & MZ_TERMS_QUERY)
        n = 1;
    for (int i = 0; i < n; i++) {
        int rc = emit(k, cand[i].s, cand[i].len);
        if (rc)
            return rc;
    }
    return 0;
}

int mz_termgen_init(mz_termgen *g)
{
    memset(g, 0, sizeof *g);
    return mz_keygen_init(&g->keys);
}

void mz_termgen_free(mz_termgen *g)
{
    mz_keygen_free(&g->keys);
    mz_tokens_free(&g->toks);
}

int mz_terms(mz_termgen *g, const char *text, size_t len, unsigned mode, mz_term_fn fn, void *ctx)
{
    if (!len)
        return 0;
    if (mz_tokenize(text, len, &g->toks) < 0)
        return -1;
    if (!(mode & MZ_TERMS_QUERY))
        mode &= ~MZ_TERMS_PREFIX;
    sink k = {fn, ctx, 0, 0, 0};
    for (size_t i = 0; i < g->toks.n; i++) {
        const mz_token *t = &g->toks.v[i];
        if (!(t->flags & (MZ_TOK_WORD | MZ_TOK_NUM)) || !t->fold_len)
            continue;
        k.start = t->start;
        k.end = t->end;
        k.count = 0;
        const char *fold = mz_tok_fold(&g->toks, i);
        int rc = (t->flags & MZ_TOK_ARABIC)
                     ? arabic_terms(&k, fold, t->fold_len, mode)
                     : latin_terms(g, &k, fold, t->fold_len, t->flags, mode);
        if (rc)
            return rc;
    }
    return 0;
}
