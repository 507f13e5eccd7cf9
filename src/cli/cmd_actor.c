/*
 * cmd_actor.c — `mizan actor QUERY`: the names of an actor code in both languages (with the
 * periods of people), and the codes of a name; and the check of the analysis commands'
 * --actor values against the same directory (src/dict/directory.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../dict/directory.h"
#include "commands.h"

enum { NEAREST = 5 };

static void usage(FILE *f)
{
    fputs("usage: mizan actor QUERY\n"
          "QUERY a CAMEO actor code (RUS, USAGOV, IGOUNO): its names in Arabic and English, each\n"
          "with its period for people; QUERY a name (Russia, \"Barack Obama\", روسيا): its codes.\n"
          "Both when the query is both.  Exit status 1 when nothing is known by it (the nearest\n"
          "codes are suggested).\n",
          f);
}

/* Two records of the same dictionary line (same code, period, kind and language). */
static int same_line(const mz_dir_name *a, const mz_dir_name *b)
{
    return strcmp(a->code, b->code) == 0 && strcmp(a->from, b->from) == 0 &&
           strcmp(a->to, b->to) == 0 && a->adj == b->adj && a->lang == b->lang;
}

static void print_period(const mz_dir_name *r)
{
    if (r->from[0] || r->to[0])
        printf("  %s..%s", r->from, r->to);
}

/* Prints every name of the code, one line per dictionary line; returns how many names. */
static size_t print_code(const mz_directory *d, const char *code)
{
    size_t found = 0;
    const mz_dir_name *prev = NULL;
    for (size_t i = 0; i < d->n; i++) {
        const mz_dir_name *r = &d->names[i];
        if (strcmp(r->code, code) != 0)
            continue;
        if (!found)
            printf("%s\n", code);
        if (prev && same_line(prev, r)) {
            printf(" | %s", r->phrase);
        } else {
            if (prev)
                putchar('\n');
            printf("  %s%s", r->lang == 'a' ? "ar" : "en", r->adj ? " adj" : "");
            print_period(r);
            printf("  %s", r->phrase);
        }
        prev = r;
        found++;
    }
    if (found)
        putchar('\n');
    return found;
}

/* Prints the codes (with periods) of every entry whose phrase is the query; returns how many. */
static size_t print_name(const mz_directory *d, const char *query)
{
    size_t found = 0;
    for (size_t i = 0; i < d->n; i++) {
        const mz_dir_name *r = &d->names[i];
        if (!mz_directory_name_is(r->phrase, query))
            continue;
        if (!found)
            printf("%s\n", query);
        printf("  %s%s", r->code, r->adj ? " adj" : "");
        print_period(r);
        printf("  (%s \"%s\")\n", r->lang == 'a' ? "ar" : "en", r->phrase);
        found++;
    }
    return found;
}

/* Upper-cases an ASCII code into out (at most n-1 bytes). */
static void upper_copy(const char *s, char *out, size_t n)
{
    size_t i = 0;
    for (; s[i] && i + 1 < n; i++)
        out[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 'a' + 'A' : s[i]);
    out[i] = '\0';
}

/* Prints ", nearest known codes: A, B" (or nothing) after a message on standard error. */
static void suggest(const mz_directory *d, const char *query)
{
    const char *near[NEAREST];
    size_t n = mz_directory_nearest(d, query, near, NEAREST);
    size_t names = 0;
    for (size_t i = 0; i < d->n && names < NEAREST; i++) {
        if (mz_directory_name_is(d->names[i].phrase, query)) {
            fprintf(stderr, "%s %s", names ? "," : "; it is the name of", d->names[i].code);
            names++;
        }
    }
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "%s%s", i ? ", " : "; nearest known codes: ", near[i]);
    fputc('\n', stderr);
}

int mz_cmd_actor(int argc, char **argv)
{
    static const struct option longs[] = {{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
        if (ch == 'h') {
            usage(stdout);
            return 0;
        }
        usage(stderr);
        return 1;
    }
    if (argc - optind != 1 || !*argv[optind]) {
        usage(stderr);
        return 1;
    }
    const char *query = argv[optind];
    mz_directory d;
    mz_directory_init(&d);
    mz_error err = {0};
    if (mz_directory_load_builtin(&d, &err) != MZ_OK) {
        mz_cli_report(&err);
        mz_directory_free(&d);
        return 2;
    }
    char code[64];
    upper_copy(query, code, sizeof code);
    size_t found = print_code(&d, code);
    found += print_name(&d, query);
    if (!found) {
        fprintf(stderr, "mizan actor: no actor code or name '%s'", query);
        suggest(&d, code);
    }
    mz_directory_free(&d);
    return found ? 0 : 1;
}

void mz_cli_actor_check(const char *cmd, const char *code)
{
    mz_directory d;
    mz_directory_init(&d);
    mz_error err = {0};
    if (mz_directory_load_builtin(&d, &err) == MZ_OK && !mz_directory_knows(&d, code)) {
        fprintf(stderr, "mizan %s: warning: no events, and '%s' is no actor code of the dictionaries",
                cmd, code);
        suggest(&d, code);
    }
    mz_directory_free(&d);
}
