/*
 * fold.h — character classes and folding for matching.
 *
 * Folding maps text to the form dictionaries are compared in.  Arabic: diacritics (harakat,
 * shadda, sukun, superscript alef) and tatweel are removed, أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ ئ → ء
 * (the seat of a hamza changes with case and spelling: حلفاء حلفاؤ حلفائ, مسؤول مسئول), Persian
 * ک ی → ك ي, presentation forms to their base letters, Arabic-Indic and Persian digits → ASCII.
 * Latin: lower case with accents removed (é → e).
 *
 * The rules are the *_ref functions (fold_ref.c): a table for the Arabic block and utf8proc's
 * compatibility decomposition for the rest.  Text is mostly made of the code points below U+0800
 * (ASCII, Latin, Greek, Cyrillic, Arabic: every one- and two-byte UTF-8 sequence) and of the
 * general punctuation U+2000..U+206F (’ “ ” —), so those are looked up in a table generated from
 * the rules (fold_table.c, made by tools/gen_fold_table.c); the rest goes to the rules.
 */
#ifndef MZ_FOLD_H
#define MZ_FOLD_H

#include <stddef.h>
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

enum { MZ_FOLD_MAX = 16 }; /* bytes of the longest folded form of one code point */

/* Everything the tokenizer asks of a code point. */
typedef struct mz_cpinfo {
    uint8_t cls;              /* mz_chclass */
    uint8_t upper;            /* an upper-case letter of class MZ_CH_LATIN (mz_is_upper_ref) */
    uint8_t flen;             /* bytes of the folded form; 0 when the character folds away */
    char fold[MZ_FOLD_MAX];   /* the folded form, not NUL-terminated */
} mz_cpinfo;

/* The table's two ranges: [0, MZ_CPTAB_LOW_END) at index cp, then [MZ_CPTAB_PUNCT_BEGIN,
 * MZ_CPTAB_PUNCT_END) at index MZ_CPTAB_LOW_END + cp - MZ_CPTAB_PUNCT_BEGIN. */
enum { MZ_CPTAB_LOW_END = 0x800, MZ_CPTAB_PUNCT_BEGIN = 0x2000, MZ_CPTAB_PUNCT_END = 0x2070,
       MZ_CPTAB_SIZE = MZ_CPTAB_LOW_END + (MZ_CPTAB_PUNCT_END - MZ_CPTAB_PUNCT_BEGIN) };

extern const mz_cpinfo mz_cp_table[MZ_CPTAB_SIZE];

/* For the tokenizer's run over plain ASCII words, per byte: 0 unless it is an ASCII letter or
 * digit, else its folded byte | MZ_AW_LETTER for a letter | MZ_AW_UPPER for a capital.  Made by
 * the same generator, from the same rules.  The two bits are a byte apart, so that the entries
 * shifted right by 8 and added up count a run's letters and capitals in one sum (the run is at
 * most 255 bytes: see the tokenizer's ascii_run). */
enum { MZ_AW_LETTER = 1 << 8, MZ_AW_UPPER = 1 << 16 };
extern const uint32_t mz_ascii_word[256];

/* The rules themselves (fold_ref.c), for the table's generator and its test. */
mz_chclass mz_char_class_ref(int32_t cp);
int mz_fold_cp_ref(int32_t cp, char *out);
int mz_is_upper_ref(int32_t cp);

/* Fills *tmp from the rules and returns it: mz_cp_info for code points outside the table. */
const mz_cpinfo *mz_cp_info_slow(int32_t cp, mz_cpinfo *tmp);

/* The table entry of cp, or NULL when cp is outside the table's ranges (or negative). */
static inline const mz_cpinfo *mz_cp_table_entry(int32_t cp)
{
    if ((uint32_t)cp < MZ_CPTAB_LOW_END)
        return &mz_cp_table[cp];
    if ((uint32_t)cp - MZ_CPTAB_PUNCT_BEGIN < MZ_CPTAB_PUNCT_END - MZ_CPTAB_PUNCT_BEGIN)
        return &mz_cp_table[MZ_CPTAB_LOW_END + (uint32_t)cp - MZ_CPTAB_PUNCT_BEGIN];
    return NULL;
}

/* The class, case and folded form of cp: a pointer into the table, or to *tmp filled from the
 * rules.  cp may be negative (end of text), which classes as MZ_CH_SPACE. */
static inline const mz_cpinfo *mz_cp_info(int32_t cp, mz_cpinfo *tmp)
{
    const mz_cpinfo *e = mz_cp_table_entry(cp);
    return e ? e : mz_cp_info_slow(cp, tmp);
}

/* The class of cp (MZ_CH_SPACE for a negative cp, the end of text). */
static inline mz_chclass mz_char_class(int32_t cp)
{
    const mz_cpinfo *e = mz_cp_table_entry(cp);
    return e ? (mz_chclass)e->cls : mz_char_class_ref(cp);
}

/* Writes the folded form of cp to out (room for MZ_FOLD_MAX bytes) and returns its length in
 * bytes; 0 when the character folds away (diacritics, tatweel). */
int mz_fold_cp(int32_t cp, char *out);

/* True for the Arabic damma (U+064F) — a damma on a verb's first letter marks the passive. */
int mz_is_damma(int32_t cp);

#endif
