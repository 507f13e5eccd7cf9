/*
 * golden_run.c — runs the golden tests (tests/golden/README.md): codes each case's sentence
 * alone and compares the events with the expected ones, at the precision each expectation is
 * written.  Prints every failing case with what was coded, then per language and in all
 * "N passed, N failed".
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

#include "mizan.h"

typedef struct expect {
    char source[32], code[8], target[32];
    int intent;
} expect;

typedef struct tally {
    int passed, failed;
} tally;

static int matches(const expect *x, const mz_event *ev)
{
    return strcmp(x->source, ev->source) == 0 && strcmp(x->target, ev->target) == 0 &&
           strncmp(ev->code, x->code, strlen(x->code)) == 0 && x->intent == (ev->mood == MZ_MOOD_INTENT);
}

/* Whether the coded events are exactly the expected ones (each matched once). */
static int same(const expect *x, int nx, const mz_event *ev, size_t n)
{
    if ((size_t)nx != n)
        return 0;
    int used[64] = {0};
    for (int i = 0; i < nx; i++) {
        int found = 0;
        for (size_t j = 0; j < n && j < 64 && !found; j++)
            if (!used[j] && matches(&x[i], &ev[j]))
                used[j] = found = 1;
        if (!found)
            return 0;
    }
    return 1;
}

static void run_case(mz_coder *c, const char *file, long line, const char *text, const char *date,
                     const expect *x, int nx, int quiet, tally *t)
{
    mz_doc doc = {.id = "golden", .date = date[0] ? date : NULL, .lang = strncmp(file, "ar", 2) == 0 ? "ar" : "en",
                  .text = text, .len = strlen(text)};
    const char *base = strrchr(file, '/');
    doc.lang = strncmp(base ? base + 1 : file, "ar", 2) == 0 ? "ar" : "en";
    const mz_event *ev;
    size_t n;
    mz_error err = {0};
    if (mz_coder_code(c, &doc, &ev, &n, &err) != MZ_OK) {
        printf("%s:%ld: coder error: %s\n", file, line, err.message);
        t->failed++;
        return;
    }
    if (same(x, nx, ev, n)) {
        t->passed++;
        return;
    }
    t->failed++;
    if (quiet)
        return;
    printf("FAIL %s:%ld: %s\n  expected:", file, line, text);
    for (int i = 0; i < nx; i++)
        printf(" [%s %s %s%s]", x[i].source, x[i].code, x[i].target, x[i].intent ? " intent" : "");
    if (!nx)
        printf(" none");
    printf("\n  coded:   ");
    for (size_t i = 0; i < n; i++)
        printf(" [%s %s %s%s]", ev[i].source, ev[i].code, ev[i].target,
               ev[i].mood == MZ_MOOD_INTENT ? " intent" : "");
    if (!n)
        printf(" none");
    printf("\n");
}

/* Runs every case of one file. */
static int run_file(mz_coder *c, const char *path, int quiet, tally *t)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    char line[8192], text[8192] = "", date[16] = "";
    expect x[64];
    int nx = 0, have = 0;
    long lineno = 0, case_line = 0;
    for (;;) {
        char *got = fgets(line, sizeof line, f);
        if (got)
            lineno++;
        if (got) {
            line[strcspn(line, "\r\n")] = '\0';
        }
        if (!got || strncmp(line, "> ", 2) == 0) {
            if (have)
                run_case(c, path, case_line, text, date, x, nx, quiet, t);
            if (!got)
                break;
            snprintf(text, sizeof text, "%s", line + 2);
            nx = 0;
            have = 1;
            case_line = lineno;
            continue;
        }
        if (strncmp(line, "@ ", 2) == 0) {
            if (have) {
                run_case(c, path, case_line, text, date, x, nx, quiet, t);
                have = 0;
            }
            snprintf(date, sizeof date, "%.15s", line + 2);
        } else if (strncmp(line, "= ", 2) == 0 && have) {
            if (strcmp(line + 2, "none") == 0 || nx >= 64)
                continue;
            char flag[16] = "";
            expect *e = &x[nx];
            int k = sscanf(line + 2, "%31s %7s %31s %15s", e->source, e->code, e->target, flag);
            if (k < 3) {
                fprintf(stderr, "%s:%ld: bad expectation\n", path, lineno);
                fclose(f);
                return -1;
            }
            e->intent = strcmp(flag, "intent") == 0;
            nx++;
        } else if (!line[0] && have) {
            run_case(c, path, case_line, text, date, x, nx, quiet, t);
            have = 0;
            date[0] = '\0';
        }
    }
    fclose(f);
    return 0;
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
        if (strcmp(argv[i], "-q") == 0) {
            quiet = 1;
            continue;
        }
        if (strcmp(argv[i], "--baseline") == 0 && i + 1 < argc) {
            baseline = argv[++i];
            continue;
        }
        const char *base = strrchr(argv[i], '/');
        base = base ? base + 1 : argv[i];
        if (run_file(c, argv[i], quiet, strncmp(base, "ar", 2) == 0 ? &ar : &en) < 0)
            return 2;
    }
    mz_coder_free(c);
    mz_engine_free(e);
    printf("golden ar: %d passed, %d failed\n", ar.passed, ar.failed);
    printf("golden en: %d passed, %d failed\n", en.passed, en.failed);
    int min_ar = baseline_of(baseline, "ar"), min_en = baseline_of(baseline, "en");
    if (ar.passed < min_ar || en.passed < min_en) {
        printf("golden: below the recorded baseline (ar %d, en %d)\n", min_ar, min_en);
        return 1;
    }
    return 0;
}
