/*
 * golden_run.c — runs the golden tests (tests/golden/README.md): codes each case's sentence
 * alone and compares the events with the expected ones, at the precision each expectation is
 * written.  Prints every failing case with what was coded, then per language how many cases
 * code as expected (and the baseline).
 *
 *   golden_run [-q] [--baseline FILE] FILE...
 *
 * With --baseline, exits 1 when a language passes fewer cases than the file records
 * (lines "ar N", "en N"): the set may hold cases the coder does not get right yet, but what
 * passed once must keep passing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/cases.h"
#include "mizan.h"

typedef struct tally {
    int passed, failed;
} tally;

static int matches(const mz_case_event *x, const mz_event *ev)
{
    return strcmp(x->source, ev->source) == 0 && strcmp(x->target, ev->target) == 0 &&
           strncmp(ev->code, x->code, strlen(x->code)) == 0 && x->intent == (ev->mood == MZ_MOOD_INTENT);
}

/* Whether the coded events are exactly the expected ones (each matched once). */
static int same(const mz_case *k, const mz_event *ev, size_t n)
{
    if ((size_t)k->nev != n)
        return 0;
    int used[MZ_CASE_EVENTS] = {0};
    for (int i = 0; i < k->nev; i++) {
        int found = 0;
        for (size_t j = 0; j < n && !found; j++)
            if (!used[j] && matches(&k->ev[i], &ev[j]))
                used[j] = found = 1;
        if (!found)
            return 0;
    }
    return 1;
}

static void show(const char *path, const mz_case *k, const mz_event *ev, size_t n)
{
    printf("FAIL %s:%ld: %s\n  expected:", path, k->line, k->text);
    for (int i = 0; i < k->nev; i++)
        printf(" [%s %s %s%s]", k->ev[i].source, k->ev[i].code, k->ev[i].target,
               k->ev[i].intent ? " intent" : "");
    printf("%s\n  coded:   ", k->nev ? "" : " none");
    for (size_t i = 0; i < n; i++)
        printf(" [%s %s %s%s]", ev[i].source, ev[i].code, ev[i].target,
               ev[i].mood == MZ_MOOD_INTENT ? " intent" : "");
    printf("%s\n", n ? "" : " none");
}

/* Runs every case of one file; returns -1 when the file is malformed. */
static int run_file(mz_coder *c, const char *path, int quiet, tally *ar, tally *en)
{
    mz_cases cs;
    mz_error err = {0};
    static mz_case k;
    if (mz_cases_open(&cs, path, &err) < 0) {
        fprintf(stderr, "%s: %s\n", path, err.message);
        return -1;
    }
    tally *t = strcmp(cs.lang, "ar") == 0 ? ar : en;
    int got;
    while ((got = mz_cases_next(&cs, &k, &err)) > 0) {
        mz_doc doc = {.id = "golden", .date = k.date[0] ? k.date : NULL, .lang = cs.lang,
                      .text = k.text, .len = strlen(k.text)};
        const mz_event *ev;
        size_t n = 0;
        if (mz_coder_code(c, &doc, &ev, &n, &err) != MZ_OK) {
            printf("%s:%ld: coder error: %s\n", path, k.line, err.message);
            t->failed++;
        } else if (same(&k, ev, n)) {
            t->passed++;
        } else {
            t->failed++;
            if (!quiet)
                show(path, &k, ev, n);
        }
    }
    mz_cases_close(&cs);
    if (got < 0)
        fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.message);
    return got;
}

static int baseline_of(const char *path, const char *lang)
{
    FILE *f = path ? fopen(path, "r") : NULL;
    if (!f)
        return 0;
    char l[8];
    int n, found = 0;
    while (fscanf(f, "%7s %d", l, &n) == 2)
        if (strcmp(l, lang) == 0)
            found = n;
    fclose(f);
    return found;
}

int main(int argc, char **argv)
{
    int quiet = 0;
    const char *baseline = NULL;
    mz_error err = {0};
    mz_engine *e = mz_engine_new();
    if (!e || mz_engine_load_builtin(e, &err) != MZ_OK || mz_engine_compile(e, &err) != MZ_OK) {
        fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.message);
        return 2;
    }
    mz_coder *c = mz_coder_new(e, 0);
    tally ar = {0}, en = {0};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-q") == 0)
            quiet = 1;
        else if (strcmp(argv[i], "--baseline") == 0 && i + 1 < argc)
            baseline = argv[++i];
        else if (run_file(c, argv[i], quiet, &ar, &en) < 0)
            return 2;
    }
    mz_coder_free(c);
    mz_engine_free(e);
    int min_ar = baseline_of(baseline, "ar"), min_en = baseline_of(baseline, "en");
    printf("golden ar: %d of %d cases coded as expected (baseline %d)\n", ar.passed,
           ar.passed + ar.failed, min_ar);
    printf("golden en: %d of %d cases coded as expected (baseline %d)\n", en.passed,
           en.passed + en.failed, min_en);
    if (ar.passed < min_ar || en.passed < min_en) {
        printf("golden: below the recorded baseline (ar %d, en %d)\n", min_ar, min_en);
        return 1;
    }
    return 0;
}
