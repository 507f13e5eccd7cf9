/*
 * token.h — splitting a document into tokens and sentences.
 *
 * Tokens are words (letters, digits and the marks on them), numbers and single punctuation marks.
 * Each word carries its folded form (fold.h) in a shared byte buffer.  English possessive 's and
 * the negation n't become tokens of their own; dotted abbreviations (U.S., U.N.) are one token;
 * a hyphen between letters separates words without being a token.
 *
 * Sentences end at . ! ? ؟ ؛ … (with any closing quotes and brackets after them) and at blank
 * lines or line breaks; a full stop after an abbreviation, an initial or inside a number does not
 * end a sentence.  A sentence longer than MZ_SENT_MAX_TOKENS is cut there, so no input makes the
 * coder's work per sentence unbounded.
 */
#ifndef MZ_TOKEN_H
#define MZ_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "../util/buf.h"

enum {
    MZ_TOK_WORD = 1 << 0,
    MZ_TOK_ARABIC = 1 << 1,   /* a word in Arabic script */
    MZ_TOK_NUM = 1 << 2,
    MZ_TOK_PUNCT = 1 << 3,
    MZ_TOK_CAPS = 1 << 4,     /* all letters upper case, at least two (US, NATO, U.N.) */
    MZ_TOK_INITCAP = 1 << 5,  /* first letter upper case */
    MZ_TOK_DAMMA = 1 << 6,    /* Arabic word whose first letter carries a damma (passive verb) */
    MZ_TOK_NEWLINE = 1 << 7,  /* a line break precedes the token */
    MZ_TOK_ABBREV = 1 << 8,   /* dotted abbreviation such as U.S. */
    MZ_TOK_FINAL_TA = 1 << 9  /* Arabic word written with a final ta marbuta (ة), which folds to
                               * ه: no pronoun suffix ه was written */
};

enum { MZ_SENT_MAX_TOKENS = 400 };

typedef struct mz_token {
    uint32_t start, end;  /* byte span in the document */
    uint32_t fold;        /* offset of the folded form in the fold buffer */
    uint32_t fold_len;
    uint32_t flags;
} mz_token;

/* Zero bytes kept allocated after the last folded form, so that MZ_TOK_FOLD_PAD bytes may be
 * read from the start of any form no longer than that (the coder's word memo loads forms eight
 * bytes at a time). */
enum { MZ_TOK_FOLD_PAD = 32 };

typedef struct mz_tokens {
    mz_token *v;
    size_t n, cap;
    mz_buf fold;          /* folded forms, each NUL-terminated, then MZ_TOK_FOLD_PAD zeros */
} mz_tokens;

typedef struct mz_sentence {
    uint32_t tok_begin, tok_end;  /* tokens [begin, end) */
    uint32_t start, end;          /* byte span in the document */
} mz_sentence;

typedef struct mz_sentences {
    mz_sentence *v;
    size_t n, cap;
} mz_sentences;

/* Tokenises text[0..len), which must be valid UTF-8, appending to `out` (cleared first).
 * Returns 0, or -1 when out of memory. */
int mz_tokenize(const char *text, size_t len, mz_tokens *out);

/* Splits tokens into sentences (cleared first).  Returns 0, or -1 when out of memory. */
int mz_split_sentences(const char *text, const mz_tokens *toks, mz_sentences *out);

static inline const char *mz_tok_fold(const mz_tokens *t, size_t i)
{
    return t->fold.data + t->v[i].fold;
}

void mz_tokens_free(mz_tokens *t);
void mz_sentences_free(mz_sentences *s);

#endif
