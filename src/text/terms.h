/*
 * terms.h — the words of a text as the terms of the full-text index, made the way the coder sees
 * words, so that a search meets the forms a word takes in both languages.
 *
 * The text is split by the coder's tokenizer (token.h); punctuation gives no term.  For a
 * document (the text being indexed) each word gives, at one position:
 *
 *   English (and any non-Arabic script): the Snowball stem of the folded word (sanctions,
 *            sanctioned, Sanctioning → sanction), and, when the folded word differs from its
 *            stem, the folded word marked "=" (=sanctions), which prefix queries search.
 *   Arabic:  every clitic reading of the folded word (clitic.h), without the article:
 *            والعقوبات → والعقوبات, عقوبات, ...; بالعقوبات → بالعقوبات, عقوبات, ...
 *   numbers: the folded number (Arabic-Indic digits are ASCII: ٢٠٢٤ → 2024).
 *
 * For a query each word gives one term, the one every form of it was indexed under: the stem of
 * an English word, the canonical form of an Arabic word (العقوبات → عقوبات).  So `sanction` meets
 * `sanctions`, and `عقوبات` meets `والعقوبات` and `بالعقوبات`; the query word is not split
 * itself, which would make بحث ("research") meet حث ("urge").  A prefix query (sanct*) gives the
 * folded English word both bare and marked, so it meets the surface forms as typed (negotiat*
 * meets negotiations, whose stem is negoti), and the canonical Arabic word.
 *
 * The terms of one word come out together: the first at a new position, the others flagged
 * MZ_TERM_COLOCATED, at the same position (FTS5's colocated tokens), so phrase queries keep
 * working.  A word's form is at most the tokenizer's 255 folded bytes (longer words are cut
 * there, the same way in a document and a query); text need not be valid UTF-8 (a bad byte is
 * punctuation).
 */
#ifndef MZ_TERMS_H
#define MZ_TERMS_H

#include <stddef.h>

#include "keys.h"
#include "token.h"

/* The version of the rules that make the terms of a text, as written in the index's tokenize
 * option ('mizan 1').  FTS5 deletes a row by making its terms again, so the terms of a stored
 * text must never change under an index: bump this whenever a change to this file, to folding
 * (fold_ref.c, the fold table), to the tokenizer, to the clitic readings or to stemming
 * (keys.c) changes the terms of any text.  A store opened for writing rebuilds an index of
 * another version (src/store/store.c). */
#define MZ_TERMS_VERSION "1"

/* What mz_terms reads: a document (0), or a query. */
enum {
    MZ_TERMS_QUERY = 1u << 0,  /* a query: one term per word */
    MZ_TERMS_PREFIX = 1u << 1, /* with MZ_TERMS_QUERY: the words of a prefix query */
};

/* A term at the position of the term before it (another form of the same word). */
enum { MZ_TERM_COLOCATED = 1u << 0 };

struct mz_terms_memo;

/* The state of a term maker: the stemmer, a memo of the terms of the words it met last (news
 * repeats its words, and stemming and clitic readings are the dearest steps), and the tokens of
 * the text being read.  One per thread; mz_terms is not reentrant on one mz_termgen (its callback must not call
 * it again). */
typedef struct mz_termgen {
    mz_keygen keys;
    struct mz_terms_memo *memo;
    mz_tokens toks;
} mz_termgen;

/* Receives one term: term[0..len) (not NUL-terminated; valid during the call), its flags
 * (MZ_TERM_*) and the byte span [start, end) of its word in the text.  Returns 0 to go on, any
 * other value to stop. */
typedef int (*mz_term_fn)(void *ctx, unsigned flags, const char *term, size_t len, size_t start,
                          size_t end);

/* 0, or -1 when out of memory.  Free with mz_termgen_free (also after a failed init). */
int mz_termgen_init(mz_termgen *g);
void mz_termgen_free(mz_termgen *g);

/* Calls fn for each term of text[0..len) read as `mode` (MZ_TERMS_*).  Returns 0, -1 when out
 * of memory, or the first non-zero value fn returned (which should not be -1). */
int mz_terms(mz_termgen *g, const char *text, size_t len, unsigned mode, mz_term_fn fn, void *ctx);

#endif
