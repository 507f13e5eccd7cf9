/*
 * cases.h — annotated sentences: the format of the golden tests and of the evaluation set
 * (tests/golden/README.md).  A case is a sentence, its optional date, and the events a careful
 * coder would code from it.  The language of a file is the prefix of its name (ar_*, en_*).
 *
 *     @ 2024-06-19
 *     > زودت كوريا الشمالية روسيا بالصواريخ.
 *     = PRK 072 RUS
 */
#ifndef MZ_CASES_H
#define MZ_CASES_H

#include <stdio.h>

#include "../../include/mizan.h"

enum { MZ_CASE_EVENTS = 64, MZ_CASE_TEXT = 8192 };

typedef struct mz_case_event {
    char source[32], code[8], target[32];
    int intent;
} mz_case_event;

typedef struct mz_case {
    long line;                 /* line of the "> " sentence */
    char date[16];             /* "" when undated */
    char text[MZ_CASE_TEXT];
    mz_case_event ev[MZ_CASE_EVENTS];
    int nev;
} mz_case;

typedef struct mz_cases {
    FILE *f;
    const char *path;
    const char *lang;          /* "ar" or "en", from the file name */
    long line;
    char pending[MZ_CASE_TEXT + 16]; /* a line read ahead */
    int have_pending;
    char date[16];
} mz_cases;

/* Opens a case file; returns 0, or -1 with err filled. */
int mz_cases_open(mz_cases *c, const char *path, mz_error *err);

/* The next case: 1 with *out filled, 0 at the end, -1 on a malformed line (err has file:line). */
int mz_cases_next(mz_cases *c, mz_case *out, mz_error *err);

void mz_cases_close(mz_cases *c);

#endif
