/*
 * arverb.h — Arabic verb conjugation for the dictionaries.
 *
 * A dictionary writes a verb once, as its past and present 3rd person masculine singular
 * (زود/يزود).  mz_ar_conjugate generates the forms news text uses: the past with its subject
 * suffixes, the present with its person prefixes and suffixes (and the subjunctive/jussive
 * plural), each tagged past or present, feminine when the form agrees with a feminine singular
 * subject (countries are feminine in Arabic: أدانت روسيا).  The future prefix س is handled by
 * the clitic analysis, not here.  Weak verbs get both the regular and the contracted forms
 * (أعطى → أعطت, دعا → دعوا); a form that never occurs costs only a dictionary slot.
 */
#ifndef MZ_ARVERB_H
#define MZ_ARVERB_H

#include <stddef.h>

/* MZ_FORM_OWN: the form names a subject other than "he" or "she" (they, the two of them, we,
 * I, you): in Arabic such a subject is a pronoun, or stands before the verb, never after it. */
enum { MZ_FORM_PAST = 1, MZ_FORM_PRES = 2, MZ_FORM_FEM = 4, MZ_FORM_OWN = 8, MZ_FORM_PART = 16 };

enum { MZ_FORMS_MAX = 56, MZ_FORM_BYTES = 64 };

typedef struct mz_form {
    char s[MZ_FORM_BYTES];
    unsigned flags;
} mz_form;

/* past and pres are folded (fold.h).  Returns the number of forms written, 0 when the present
 * does not start with ي or a form would not fit. */
int mz_ar_conjugate(const char *past, const char *pres, mz_form *out);

/* The forms of an active participle (folded), appended to the n forms in out: the accusative
 * of the circumstantial clause ("مطالبا بوقف", demanding that), feminine and plural.  Returns
 * the new count. */
int mz_ar_participle(const char *part, mz_form *out, int n);

#endif
