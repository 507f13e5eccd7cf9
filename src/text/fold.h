/*
 * fold.h — character classes and folding for matching.
 *
 * Folding maps text to the form dictionaries are compared in.  Arabic: diacritics (harakat,
 * shadda, sukun, superscript alef) and tatweel are removed, أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ ئ → ء
 * (the seat of a hamza changes with case and spelling: حلفاء حلفاؤ حلفائ, مسؤول مسئول), Persian ک ی → ك ي, presentation forms to their base letters, Arabic-Indic and Persian
 * digits → ASCII.  Latin: lower case with accents removed (é → e).  The rules for the Arabic
 * block are a table (fold.c), the rest goes through utf8proc's compatibility decomposition.
 */
#ifndef MZ_FOLD_H
#define MZ_FOLD_H

#include <stdint.h>

typedef enum mz_chclass {
    MZ_CH_OTHER = 0, /* symbols */
    MZ_CH_SPACE,
    MZ_CH_LATIN,     /* letters of any non-Arabic script */
    MZ_CH_ARABIC,    /* Arabic letters */
    MZ_CH_DIGIT,
    MZ_CH_MARK,      /* combining marks, Arabic harakat, tatweel: part of the word they sit on */
    MZ_CH_PUNCT
} mz_chclass;

mz_chclass mz_char_class(int32_t cp);

/* Writes the folded form of cp to out (room for 16 bytes) and returns its length in bytes;
 * 0 when the character folds away (diacritics, tatweel). */
int mz_fold_cp(int32_t cp, char *out);

/* True for the Arabic damma (U+064F) — a damma on a verb's first letter marks the passive. */
int mz_is_damma(int32_t cp);

#endif
