/*
 * cmd_dict.c — `mizan dict check FILE...` validates dictionaries, in mizan's format or in the
 * TABARI/PETRARCH formats (the first error of each file with file and line, then what was read
 * but not applied); `mizan dict stats [dictionary options]` prints what the engine holds: phrases
 * per kind and language, verb phrases per CAMEO root, actor phrases per class, and the time the
 * engine took to load and compile; `mizan dict gaps FILE...` lists the words and short phrases of
 * a corpus that no dictionary phrase covers, by class and frequency (src/dict/gaps.h), to choose
 * new entries from.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../dict/gaps.h"
#include "../io/reader.h"
#include "commands.h"

static const struct {
    const char *name;
    mz_dict_kind kind;
} kinds[] = {
    {"actors", MZ_DICT_ACTORS}, {"agents", MZ_DICT_AGENTS}, {"verbs", MZ_DICT_VERBS},
    {"discards", MZ_DICT_DISCARDS}, {"markers", MZ_DICT_MARKERS},
};

static const char *const class_names[MZ_ACTOR_CLASSES] = {
    [MZ_ACTOR_COUNTRY] = "country", [MZ_ACTOR_PERSON] = "person",
    [MZ_ACTOR_ORG] = "organisation", [MZ_ACTOR_GROUP] = "group",
};

/* Prints the warnings of an engine as "file:line: warning: reason (N times)". */
static void print_warnings(const mz_engine *e, FILE *f)
{
    const mz_warning *w;
    size_t n = mz_engine_warnings(e, &w);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s:%ld: warning: %s (%zu %s)\n", w[i].file, w[i].line, w[i].reason, w[i].count,
                w[i].count == 1 ? "time" : "times");
}

/* Whether the arguments of `dict check` ask for help: -h or --help before any "--" (after which
 * every argument is a file, so a file named "--help" can still be checked). */
static int wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return 1;
    return 0;
}

static int check(int argc, char **argv)
{
    int bad = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0 && i == 1)
            continue;
        mz_engine *e = mz_engine_new();
        mz_error err = {0};
        if (!e) {
            fprintf(stderr, "mizan dict: out of memory\n");
            return 2;
        }
        if (mz_engine_load_file(e, MZ_DICT_AUTO, argv[i], &err) != MZ_OK) {
            mz_cli_report(&err);
            bad++;
        } else {
            size_t phrases = 0;
            for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
                phrases += mz_engine_count(e, kinds[k].kind, 0);
            printf("%s: ok (%zu phrases)\n", argv[i], phrases);
            print_warnings(e, stdout);
        }
        mz_engine_free(e);
    }
    return bad ? 2 : 0;
}

static double ms_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

static void usage(FILE *f)
{
    fputs("usage: mizan dict check FILE...\n"
          "       mizan dict stats [--no-builtin] [--actors/--agents/--verbs/--discards FILE]...\n"
          "       mizan dict gaps [--lang ar|en] [--input txt|jsonl|xml] [--top N] [--known]\n"
          "                       [--class verb|title|name|known] [dictionary options] FILE...\n",
          f);
}

static int stats(int argc, char **argv)
{
    static const struct option longs[] = {
        {"actors", required_argument, 0, 'A'}, {"agents", required_argument, 0, 'G'},
        {"verbs", required_argument, 0, 'V'}, {"discards", required_argument, 0, 'D'},
        {"no-builtin", no_argument, 0, 'N'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    mz_dict_opts o = {0};
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
        int d = mz_dict_opt(&o, ch, optarg);
        if (d < 0)
            return 1;
        if (d)
            continue;
        switch (ch) {
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 1;
        }
    }
    if (optind < argc) {
        usage(stderr);
        return 1;
    }
    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    mz_engine *e = mz_cli_engine(&o);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!e)
        return 2;
    printf("%-12s %8s %8s %8s\n", "kind", "arabic", "english", "total");
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        printf("%-12s %8zu %8zu %8zu\n", kinds[i].name, mz_engine_count(e, kinds[i].kind, 'a'),
               mz_engine_count(e, kinds[i].kind, 'e'), mz_engine_count(e, kinds[i].kind, 0));
    printf("\n%-12s %8s %8s %8s\n", "actor class", "arabic", "english", "total");
    for (int c = 0; c < MZ_ACTOR_CLASSES; c++)
        printf("%-12s %8zu %8zu %8zu\n", class_names[c], mz_engine_count_actors(e, c, 'a'),
               mz_engine_count_actors(e, c, 'e'), mz_engine_count_actors(e, c, 0));
    printf("\n%-12s %8s %8s %8s  %s\n", "verb root", "arabic", "english", "total", "name");
    for (int r = 1; r <= 20; r++) {
        char code[3] = {(char)('0' + r / 10), (char)('0' + r % 10), '\0'};
        const mz_cameo *c = mz_engine_cameo(e, code);
        printf("%-12s %8zu %8zu %8zu  %s\n", code, mz_engine_count_root(e, r, 'a'),
               mz_engine_count_root(e, r, 'e'), mz_engine_count_root(e, r, 0), c ? c->name : "");
    }
    /* the CPU time is the engine's own cost; the wall time also counts other work on the machine */
    printf("\nload + compile: %.0f ms (CPU %.0f ms)\n", ms_between(&t0, &t1), ms_between(&c0, &c1));
    mz_engine_free(e);
    return 0;
}

/* Reads every document of every file into the count; returns 0, 2 when a record or file could
 * not be read (reported), -1 when out of memory. */
static int gaps_read(mz_gaps *g, char **files, int nfiles, const char *format, const char *lang)
{
    int bad = 0;
    for (int i = 0; i < nfiles; i++) {
        mz_error err = {0};
        mz_reader *r = mz_reader_open(files[i], format, NULL, lang, &err);
        if (!r) {
            mz_cli_report(&err);
            bad = 2;
            continue;
        }
        mz_doc d;
        int rc;
        while ((rc = mz_reader_next(r, &d, &err)) != 0) {
            if (rc < 0) {
                mz_cli_report(&err);
                bad = 2;
                continue;
            }
            const char *l = lang ? lang : d.lang && *d.lang ? d.lang : mz_detect_lang(d.text, d.len);
            if (mz_gaps_add(g, d.text, d.len, strcmp(l, "ar") == 0) < 0) {
                mz_reader_close(r);
                return -1;
            }
        }
        mz_reader_close(r);
    }
    return bad;
}

static int gaps(int argc, char **argv)
{
    static const struct option longs[] = {
        {"actors", required_argument, 0, 'A'}, {"agents", required_argument, 0, 'G'},
        {"verbs", required_argument, 0, 'V'}, {"discards", required_argument, 0, 'D'},
        {"no-builtin", no_argument, 0, 'N'}, {"lang", required_argument, 0, 'l'},
        {"input", required_argument, 0, 'i'}, {"top", required_argument, 0, 't'},
        {"class", required_argument, 0, 'c'}, {"known", no_argument, 0, 'k'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    mz_dict_opts o = {0};
    const char *lang = NULL, *format = NULL, *only = NULL;
    long top = 50;
    int ch, known = 0;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
        int d = mz_dict_opt(&o, ch, optarg);
        if (d < 0)
            return 1;
        if (d)
            continue;
        char *end;
        switch (ch) {
        case 'l': lang = optarg; break;
        case 'i': format = optarg; break;
        case 't':
            top = strtol(optarg, &end, 10);
            if (*end || top < 0) {
                fprintf(stderr, "mizan dict gaps: --top takes a number, not '%s'\n", optarg);
                return 1;
            }
            break;
        case 'c': only = optarg; break;
        case 'k': known = 1; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 1;
        }
    }
    if (lang && strcmp(lang, "ar") != 0 && strcmp(lang, "en") != 0) {
        fprintf(stderr, "mizan dict gaps: --lang is ar or en, not '%s'\n", lang);
        return 1;
    }
    int cls = -1;
    for (int c = 0; only && c < MZ_GAP_CLASSES && cls < 0; c++)
        if (strcmp(only, mz_gap_class_name((mz_gap_class)c)) == 0)
            cls = c;
    if ((only && cls < 0) || optind >= argc) {
        if (only && cls < 0)
            fprintf(stderr, "mizan dict gaps: --class is verb, title, name or known, not '%s'\n", only);
        usage(stderr);
        return 1;
    }
    mz_engine *e = mz_cli_engine(&o);
    if (!e)
        return 2;
    mz_gaps *g = mz_gaps_new(e);
    if (g)
        mz_gaps_count_known(g, known || cls == MZ_GAP_KNOWN);
    int rc = g ? gaps_read(g, argv + optind, argc - optind, format, lang) : -1;
    const mz_gap *v = NULL;
    size_t n = rc < 0 ? (size_t)-1 : mz_gaps_list(g, &v);
    if (n == (size_t)-1) {
        fprintf(stderr, "mizan dict gaps: out of memory\n");
        rc = 2;
    } else {
        printf("class\tcount\tphrase\texample\n");
        long shown[MZ_GAP_CLASSES] = {0};
        for (size_t i = 0; i < n; i++)
            if ((cls < 0 || (int)v[i].cls == cls) && shown[v[i].cls]++ < top)
                printf("%s\t%zu\t%s\t%s\n", mz_gap_class_name(v[i].cls), v[i].count, v[i].phrase,
                       v[i].example);
    }
    mz_gaps_free(g);
    mz_engine_free(e);
    return rc;
}

int mz_cmd_dict(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
                      (strcmp(argv[1], "check") == 0 && wants_help(argc - 1, argv + 1)))) {
        usage(stdout);
        return 0;
    }
    int only_dashes = argc == 3 && strcmp(argv[2], "--") == 0; /* `dict check --`: no file */
    if (argc >= 3 && strcmp(argv[1], "check") == 0 && !only_dashes)
        return check(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "stats") == 0)
        return stats(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "gaps") == 0)
        return gaps(argc - 1, argv + 1);
    usage(stderr);
    return 1;
}
