/*
 * loader.h — the pieces of the dictionary loader (loader.c) that readers of other dictionary
 * formats build on (petrarch.c).
 *
 * mizan's own format goes phrase by phrase through loader.c.  A foreign reader instead turns its
 * words into matcher word ids once (mz_dict_word_ids), combines them as its format requires and
 * adds paths, verb records and counts with the functions below, so that a phrase repeated under
 * many codes or verbs is keyed only once.  All of them append to an engine that is not compiled.
 */
#ifndef MZ_LOADER_H
#define MZ_LOADER_H

#include <stdint.h>

#include "../text/token.h"
#include "engine.h"

enum { MZ_DICT_PHRASE_MAX = 16 }; /* words in one phrase, as in mizan's format */

/* Options of mz_dict_word_ids. */
enum {
    /* PETRARCH writes everything in capitals: a token's capitals count (an exact key for a word
     * of one or two letters, see keys.h) only for a dotted abbreviation (U.S.) and, with
     * MZ_WORDS_WHOLE, when the text is a whole phrase of one token (US, UN). */
    MZ_WORDS_PETRARCH = 1u << 0,
    MZ_WORDS_WHOLE = 1u << 1
};

/* The word ids of a phrase written as in mizan's files: its tokens keyed like dictionary words
 * (English stems, exact keys for capitals, folded Arabic); no Arabic PAST/PRESENT notation.
 * `toks` is the caller's reusable token buffer.  Returns the number of ids (0 for an empty
 * phrase), or -1 with err filled: MZ_ERR_PARSE when the phrase has more than `max` tokens or a
 * word is too long, MZ_ERR_NOMEM. */
int mz_dict_word_ids(mz_engine *e, mz_tokens *toks, const char *text, unsigned opts, uint32_t *ids,
                     int max, int *arabic, const char *file, long line, mz_error *err);

/* Cuts spaces, tabs and carriage returns from both ends of s, in place; returns the first kept
 * character. */
char *mz_dict_trim(char *s);

/* Copies a code into the engine's string pool; returns its offset. */
uint32_t mz_dict_code(mz_engine *e, const char *code);

/* Appends a verb record (code as a pool offset, MZ_V_* flags, tail word ids, word ids before
 * the verb, the nearest first); returns its index, or MZ_NONE when out of memory. */
uint32_t mz_dict_verb(mz_engine *e, uint32_t code, unsigned flags, const uint32_t *tail, int ntail,
                      const uint32_t *pre, int npre);

/* Adds `proto` as an entry at the end of the path ids[0..n), after the entries already there
 * (an empty path adds nothing).  Returns 0, or -1 when out of memory. */
int mz_dict_path(mz_engine *e, const uint32_t *ids, int n, const mz_entry *proto);

/* Counts one phrase of a kind for mz_engine_count and the statistics of `mizan dict stats` (verb
 * roots, actor classes).  `code` is the actor or event code (NULL for other kinds). */
void mz_dict_note(mz_engine *e, mz_dict_kind kind, const char *code, int arabic, int32_t from,
                  int32_t to);

/* Records `count` occurrences of a warning (mz_engine_warnings); `reason` must be a constant
 * string, which identifies the record.  The first file and line are kept. */
void mz_dict_warn(mz_engine *e, const char *reason, size_t count, const char *file, long line);

#endif
