/*
 * terms.c — the terms of the full-text index; see terms.h.
 *
 * How it works.  A word's document terms are made once into a packed list (word_terms): the
 * English stem and marked form, or the Arabic clitic readings, or the folded form.  A query
 * takes the first of them, which is by construction the one every form of the word shares (the
 * stem; the Arabic word without its article); a prefix query makes its own.  Making the list
 * is the dearest step (the Snowball stemmer, up to sixteen clitic readings), and news repeats
 * its words, so the lists of short words are kept in a direct-mapped memo.
 */
#include "terms.h"

#include <stdlib.h>
#include <string.h>

#include "../util/hash.h"

/* Room for the longest term, a marked folded word: the tokenizer keeps at most 255 folded bytes
 * of a word (a longer form would be cut here, the same way in a document and a query). */
enum { TERM_MAX = 320 };

/* A packed list of terms: each is two bytes of length (little-endian), then its bytes. */
enum { PACK_MAX = 2 * (MZ_CAND_MAX * (MZ_CAND_BYTES + 2) + TERM_MAX + 2) };

typedef struct pack {
    size_t len;
    char b[PACK_MAX];
} pack;

static void pack_add(pack *p, const char *term, size_t len)
{
    if (len > TERM_MAX)
        len = TERM_MAX;
    if (!len || p->len + 2 + len > sizeof p->b)
        return;
    p->b[p->len] = (char)(len & 0xFF);
    p->b[p->len + 1] = (char)(len >> 8);
    memcpy(p->b + p->len + 2, term, len);
    p->len += 2 + len;
}

/* The term at offset *at of packed bytes b[0..n): its length, with *term set; 0 at the end. */
static size_t pack_next(const char *b, size_t n, size_t *at, const char **term)
{
    if (*at + 2 > n)
        return 0;
    size_t len = (size_t)(unsigned char)b[*at] | (size_t)(unsigned char)b[*at + 1] << 8;
    *term = b + *at + 2;
    *at += 2 + len;
    return len;
}

/* The folded word marked "=": its surface form, apart from the stems. */
static void pack_marked(pack *p, const char *fold, size_t len)
{
    char term[TERM_MAX];
    if (len + 1 > sizeof term)
        len = sizeof term - 1;
    term[0] = '=';
    memcpy(term + 1, fold, len);
    pack_add(p, term, len + 1);
}

/* The document terms of a word (see terms.h), the shared one first.  English (and any
 * non-Arabic script): the stem, then the marked form when it differs; a number, or a word the
 * stemmer leaves empty ('s), is its folded form.  Arabic: the clitic readings, the word itself
 * first; a word with none (one letter, or too long) is its folded form. */
static void word_terms(mz_termgen *g, const char *fold, size_t len, uint32_t tokflags, pack *p)
{
    p->len = 0;
    if (tokflags & MZ_TOK_ARABIC) {
        mz_cand cand[MZ_CAND_MAX];
        int n = mz_ar_candidates(fold, len, cand);
        for (int i = 0; i < n; i++)
            pack_add(p, cand[i].s, cand[i].len);
        if (n == 0)
            pack_add(p, fold, len);
        return;
    }
    char stem[TERM_MAX];
    size_t n = (tokflags & MZ_TOK_WORD) ? mz_en_stem(&g->keys, fold, len, stem, sizeof stem) : 0;
    if (!n) {
        pack_add(p, fold, len);
        return;
    }
    pack_add(p, stem, n);
    if (n != len || memcmp(stem, fold, len) != 0)
        pack_marked(p, fold, len);
}

/* The memo: a slot holds one word of at most MEMO_WORD folded bytes, whether it is Arabic,
 * and its packed terms when they fit in MEMO_TERMS bytes; other words are made every time. */
enum { MEMO_SLOTS = 2048, MEMO_WORD = 32, MEMO_TERMS = 96 };

typedef struct memo_slot {
    uint8_t wlen, arabic; /* wlen 0: an empty slot */
    uint8_t tlen;
    char word[MEMO_WORD];
    char terms[MEMO_TERMS];
} memo_slot;

struct mz_terms_memo {
    memo_slot slot[MEMO_SLOTS];
};

/* The packed document terms of a word, through the memo: a pointer to them (into the memo or
 * to p->b, valid until the next call) and their length in *n. */
static const char *terms_of_word(mz_termgen *g, const char *fold, size_t len, uint32_t tokflags,
                                 pack *p, size_t *n)
{
    uint8_t arabic = (tokflags & MZ_TOK_ARABIC) != 0;
    memo_slot *e = NULL;
    if (len <= MEMO_WORD && (tokflags & (MZ_TOK_WORD | MZ_TOK_ARABIC))) {
        e = &g->memo->slot[(mz_hash_bytes(fold, len) ^ arabic) % MEMO_SLOTS];
        if (e->wlen == len && e->arabic == arabic && memcmp(e->word, fold, len) == 0) {
            *n = e->tlen;
            return e->terms;
        }
    }
    word_terms(g, fold, len, tokflags, p);
    if (e && p->len <= MEMO_TERMS) {
        e->wlen = (uint8_t)len;
        e->arabic = arabic;
        e->tlen = (uint8_t)p->len;
        memcpy(e->word, fold, len);
        memcpy(e->terms, p->b, p->len);
    }
    *n = p->len;
    return p->b;
}

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

/* Gives the terms of one word read as `mode`. */
static int one_word(mz_termgen *g, sink *k, const char *fold, size_t len, uint32_t tokflags,
                    unsigned mode)
{
    pack p;
    const char *b = p.b;
    size_t n;
    if ((mode & MZ_TERMS_PREFIX) && !(tokflags & MZ_TOK_ARABIC)) {
        /* the folded word bare and marked: the surface forms as typed, whatever their stem */
        p.len = 0;
        pack_add(&p, fold, len);
        pack_marked(&p, fold, len);
        n = p.len;
    } else {
        b = terms_of_word(g, fold, len, tokflags, &p, &n);
    }
    size_t at = 0, tl;
    const char *term;
    while ((tl = pack_next(b, n, &at, &term)) != 0) {
        int rc = emit(k, term, tl);
        if (rc)
            return rc;
        if ((mode & MZ_TERMS_QUERY) && !(mode & MZ_TERMS_PREFIX))
            break; /* a query word: the shared term alone */
    }
    return 0;
}

int mz_termgen_init(mz_termgen *g)
{
    memset(g, 0, sizeof *g);
    g->memo = calloc(1, sizeof *g->memo);
    return g->memo && mz_keygen_init(&g->keys) == 0 ? 0 : -1;
}

void mz_termgen_free(mz_termgen *g)
{
    mz_keygen_free(&g->keys);
    free(g->memo);
    g->memo = NULL;
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
        int rc = one_word(g, &k, mz_tok_fold(&g->toks, i), t->fold_len, t->flags, mode);
        if (rc)
            return rc;
    }
    return 0;
}
