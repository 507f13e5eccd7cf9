/*
 * clitic.h — Arabic clitic analysis for dictionary lookup.
 *
 * Arabic writes conjunctions, prepositions, the article, the future marker and object/possessive
 * pronouns on the word: والعقوبات = و + ال + عقوبات, لروسيا = ل + روسيا, سيزور = س + يزور,
 * التزامه = التزام + ه.  Without a parser we cannot know which split is right, so a folded word
 * yields every plausible split as a candidate (the word itself first), each with flags telling
 * which clitics were removed; the dictionary lookup keeps the candidates it knows.
 *
 * Candidates are in canonical form: the same function (mz_ar_canon) is applied to dictionary
 * words, so a dictionary may write a word with or without its article.
 */
#ifndef MZ_CLITIC_H
#define MZ_CLITIC_H

#include <stddef.h>
#include <stdint.h>

enum {
    MZ_CL_CONJ = 1 << 0,   /* و or ف */
    MZ_CL_BI = 1 << 1,     /* ب "with, by" */
    MZ_CL_LI = 1 << 2,     /* ل "to, for" */
    MZ_CL_KA = 1 << 3,     /* ك "like, as" */
    MZ_CL_FUT = 1 << 4,    /* س future */
    MZ_CL_DEF = 1 << 5,    /* ال */
    MZ_CL_SUFFIX = 1 << 6, /* a pronoun suffix was removed */
    MZ_CL_DUAL = 1 << 7    /* the suffix was the dual هما: "of the two of them" */
};

enum { MZ_CAND_MAX = 16, MZ_CAND_BYTES = 96 };

typedef struct mz_cand {
    char s[MZ_CAND_BYTES];
    uint8_t len;
    uint8_t flags;
    uint8_t stripped;  /* letters removed, for preferring the least stripped reading */
} mz_cand;

/* Writes the candidate readings of a folded Arabic word to out (at most MZ_CAND_MAX) and returns
 * how many.  The unsplit word is always first.  Words too long for a candidate give 0. */
int mz_ar_candidates(const char *fold, size_t len, mz_cand *out);

/* Canonical form of a folded Arabic word, in place: a leading ال is removed (at most twice) when
 * at least two letters remain.  Returns the new length. */
size_t mz_ar_canon(char *s, size_t len);

#endif
