/*
 * keys.h — the lookup keys of a word, shared by the dictionary compiler and the coder so that
 * both sides of a match are made the same way.
 *
 *   English: the Snowball (Porter 2) stem of the folded word.  A word in capitals also has the
 *            exact key "=WORD", which is the only key of a dictionary word of one or two capitals
 *            (US, UN, EU): "us" the pronoun never matches the country.
 *   Arabic:  the clitic candidates of the folded word (clitic.h), in canonical form.  A
 *            dictionary word has one key, its canonical form.
 */
#ifndef MZ_KEYS_H
#define MZ_KEYS_H

#include <stddef.h>
#include <stdint.h>

#include "clitic.h"

struct sb_stemmer;

typedef struct mz_keygen {
    struct sb_stemmer *en;
} mz_keygen;

int mz_keygen_init(mz_keygen *k);
void mz_keygen_free(mz_keygen *k);

/* The Snowball (Porter 2) English stem of the folded word w[0..len), NUL-terminated in out.
 * Returns its length, or 0 when it does not fit in `cap` bytes; the word itself when the
 * stemmer fails (out of memory). */
size_t mz_en_stem(mz_keygen *k, const char *w, size_t len, char *out, size_t cap);

/* The candidate keys of a text token with folded form fold[0..len) and token flags (token.h).
 * Returns the number written to out (at most MZ_CAND_MAX). */
int mz_token_keys(mz_keygen *k, const char *fold, size_t len, uint32_t tokflags, mz_cand *out);

/* Whether the English word w[0..len) is written as a noun of agents (protesters, demonstrators,
 * activists, critics: -er, -or, -ist, -ic and their plurals): the form that tells an agent from the act when
 * stemming gives both one key. */
int mz_agentive_word(const char *w, size_t len);

/* Whether the English word w[0..len) is an adjective whose stem is a verb's (cooperative,
 * restrictive, aggressive: -tive, -sive; "several": sever), or a noun whose stem is one
 * ("firefighters": firefight), never the act itself; nouns of acts in
 * -ive (an offensive, an initiative) are not. */
int mz_adjective_form(const char *w, size_t len);

/* mz_adverb_form for a word of eight letters or more that ends in y. */
int mz_adverb_ending(const char *w, size_t len);

/* Whether the English word w[0..len) is an adverb whose stem is a noun's (officially, militarily,
 * diplomatically: official, military, diplomat), never an actor or agent.  Shorter words (rally,
 * family, supply, locally) are nouns and verbs as often; the test of the length and the last
 * letter, which rules out most words, is inline (asked for each dictionary entry of a phrase). */
static inline int mz_adverb_form(const char *w, size_t len)
{
    return len >= 8 && w[len - 1] == 'y' && mz_adverb_ending(w, len);
}

/* The key of a dictionary word; `caps` is true when the word is written in capitals.
 * Returns the key length, or 0 when the key does not fit in `cap` bytes. */
size_t mz_dict_key(mz_keygen *k, const char *fold, size_t len, int arabic, int caps, char *out,
                   size_t cap);

#endif
