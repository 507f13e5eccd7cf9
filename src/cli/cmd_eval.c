/*
 * cmd_eval.c — `mizan eval FILE...`: precision, recall and F1 of the coder on annotated
 * sentences (the case format of tests/golden/README.md; the project's own set is eval/).
 *
 * Events are compared at the level analysts use them: (source country, target country, CAMEO
 * root).  For each case the expected and the coded tuples are sets; a tuple in both is a true
 * positive, coded only a false positive, expected only a false negative.  Totals are printed per
 * language and per root.  --min-f1 LANG=X makes the command exit 1 when a language falls below X
 * (the test command uses the floor recorded in docs/ACCURACY.md).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../io/cases.h"
#include "commands.h"
#include "eval.h"

enum { ROOTS = MZ_EVAL_ROOTS };

typedef mz_score score;
typedef mz_tuple tuple;

typedef struct tally {
    score all, root[ROOTS];
    long cases;
} tally;

static double ratio(long a, long b) { return b ? (double)a / (double)b : 0.0; }

double mz_score_precision(const mz_score *s) { return ratio(s->tp, s->tp + s->fp); }

double mz_score_recall(const mz_score *s) { return ratio(s->tp, s->tp + s->fn); }

double mz_score_f1(const mz_score *s)
{
    double p = mz_score_precision(s), r = mz_score_recall(s);
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static double f1(const score *s) { return mz_score_f1(s); }

int mz_tuple_add(mz_tuple *set, int n, const char *src, const char *tgt, const char *code)
{
    tuple x = {.root = (code[0] - '0') * 10 + (code[1] - '0')};
    mz_actor_country(src, x.s);
    mz_actor_country(tgt, x.t);
    if (x.root < 1 || x.root >= ROOTS || mz_tuple_in(set, n, &x))
        return n;
    set[n] = x;
    return n + 1;
}

int mz_tuple_in(const mz_tuple *set, int n, const mz_tuple *x)
{
    for (int i = 0; i < n; i++)
        if (set[i].root == x->root && !strcmp(set[i].s, x->s) && !strcmp(set[i].t, x->t))
            return 1;
    return 0;
}

static void count(tally *t, int root, int tp, int fp, int fn)
{
    t->all.tp += tp, t->all.fp += fp, t->all.fn += fn;
    t->root[root].tp += tp, t->root[root].fp += fp, t->root[root].fn += fn;
}

/* Scores one case; with `verbose`, prints its misses. */
static void score_case(tally *t, const mz_case *k, const mz_event *ev, size_t n, const char *path,
                       int verbose)
{
    tuple want[MZ_CASE_EVENTS], got[256];
    int nw = 0, ng = 0;
    for (int i = 0; i < k->nev; i++)
        nw = mz_tuple_add(want, nw, k->ev[i].source, k->ev[i].target, k->ev[i].code);
    for (size_t i = 0; i < n && ng < 256; i++)
        ng = mz_tuple_add(got, ng, ev[i].source, ev[i].target, ev[i].code);
    for (int i = 0; i < nw; i++) {
        int hit = mz_tuple_in(got, ng, &want[i]);
        count(t, want[i].root, hit, 0, !hit);
        if (!hit && verbose)
            printf("%s:%ld: missed %s %02d %s: %s\n", path, k->line, want[i].s, want[i].root, want[i].t, k->text);
    }
    for (int i = 0; i < ng; i++) {
        if (mz_tuple_in(want, nw, &got[i]))
            continue;
        count(t, got[i].root, 0, 1, 0);
        if (verbose)
            printf("%s:%ld: wrong %s %02d %s: %s\n", path, k->line, got[i].s, got[i].root, got[i].t, k->text);
    }
    t->cases++;
}

static int eval_file(mz_coder *c, const char *path, tally *ar, tally *en, int verbose)
{
    mz_cases cs;
    mz_error err = {0};
    static mz_case k;
    if (mz_cases_open(&cs, path, &err) < 0) {
        mz_cli_report(&err);
        return -1;
    }
    tally *t = strcmp(cs.lang, "ar") == 0 ? ar : en;
    int got;
    while ((got = mz_cases_next(&cs, &k, &err)) > 0) {
        mz_doc doc = {.id = "eval", .date = k.date[0] ? k.date : NULL, .lang = cs.lang, .text = k.text,
                      .len = strlen(k.text)};
        const mz_event *ev = NULL;
        size_t n = 0;
        if (mz_coder_code(c, &doc, &ev, &n, &err) != MZ_OK)
            n = 0;
        score_case(t, &k, ev, n, path, verbose);
    }
    mz_cases_close(&cs);
    if (got < 0)
        mz_cli_report(&err);
    return got;
}

static void print_score(const char *what, const char *lang, long cases, const score *s)
{
    printf("%-6s %-4s %6ld %6ld %6ld %6ld %9.3f %7.3f %6.3f\n", what, lang, cases, s->tp, s->fp, s->fn,
           ratio(s->tp, s->tp + s->fp), ratio(s->tp, s->tp + s->fn), f1(s));
}

static void report(const tally *ar, const tally *en)
{
    printf("%-6s %-4s %6s %6s %6s %6s %9s %7s %6s\n", "level", "lang", "cases", "tp", "fp", "fn",
           "precision", "recall", "f1");
    print_score("all", "ar", ar->cases, &ar->all);
    print_score("all", "en", en->cases, &en->all);
    for (int r = 1; r < ROOTS; r++) {
        char root[16];
        snprintf(root, sizeof root, "%02d", r);
        const tally *ts[2] = {ar, en};
        const char *ls[2] = {"ar", "en"};
        for (int l = 0; l < 2; l++) {
            const score *s = &ts[l]->root[r];
            if (s->tp + s->fp + s->fn)
                print_score(root, ls[l], 0, s);
        }
    }
}

/* Whether a command-line path names real-news sets (a folder or a JSON Lines file) rather than
 * a file of the project's annotated sentences. */
static int real_path(const char *path)
{
    size_t n = strlen(path);
    struct stat st;
    return (n > 6 && strcmp(path + n - 6, ".jsonl") == 0) || (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
}

int mz_cmd_eval(int argc, char **argv)
{
    static const struct option longs[] = {{"min-f1", required_argument, 0, 'm'},
                                          {"verbose", no_argument, 0, 'v'},
                                          {"errors", no_argument, 0, 'v'},
                                          {"parse", no_argument, 0, 'P'},
                                          {"min-exact", required_argument, 0, 'x'},
                                          {"actors", required_argument, 0, 'A'},
                                          {"agents", required_argument, 0, 'G'},
                                          {"verbs", required_argument, 0, 'V'},
                                          {"discards", required_argument, 0, 'D'},
                                          {"no-builtin", no_argument, 0, 'N'},
                                          {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    double min[2] = {0, 0}, min_exact = 0;
    mz_dict_opts dicts = {0};
    char *end;
    int verbose = 0, ch;
    unsigned flags = 0;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "vh", longs, NULL)) != -1) {
        int d = mz_dict_opt(&dicts, ch, optarg);
        if (d < 0)
            return 1;
        if (d > 0) {
            continue;
        } else if (ch == 'v') {
            verbose = 1;
        } else if (ch == 'x' && (min_exact = strtod(optarg, &end)) >= 0 && min_exact <= 100 &&
                   end != optarg && !*end) {
            min_exact /= 100;
        } else if (ch == 'P') {
            flags |= MZ_CODE_PARSE;
        } else if (ch == 'm' && (strncmp(optarg, "ar=", 3) == 0 || strncmp(optarg, "en=", 3) == 0)) {
            min[optarg[0] == 'e'] = strtod(optarg + 3, NULL);
        } else {
            fprintf(ch == 'h' ? stdout : stderr,
                    "usage: mizan eval [--errors] [--min-f1 ar=X] [--min-f1 en=X] [--min-exact P] FILE|FOLDER...\n"
                    "  FILE: annotated sentences (tests/golden/README.md); ar_* files are Arabic\n"
                    "  FILE.jsonl or FOLDER: real-news sets (NAME_input.jsonl with NAME_gold.jsonl,\n"
                    "    or sentences labelled for one event type); see docs/ACCURACY.md\n"
                    "  FILE.xml: PETRARCH's validation records, coded with the dictionaries its\n"
                    "    <Environment> names or those given; the share coded exactly right per category\n"
                    "  --errors, -v  list each missed and extra event with the sentence and evidence\n"
                    "                (FILE.xml: each record not coded exactly right, with the reason)\n"
                    "  --parse       code with the parser (mizan code --parse)\n"
                    "  --min-exact P exit 1 when less than P %% of FILE.xml's records are exactly right\n"
                    "  --actors/--agents/--verbs/--discards FILE, --no-builtin   dictionaries\n");
            return ch == 'h' ? 0 : 1;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "mizan eval: no case files given\n");
        return 1;
    }
    size_t len0 = strlen(argv[optind]);
    if (argc - optind == 1 && len0 > 4 && strcmp(argv[optind] + len0 - 4, ".xml") == 0)
        return mz_eval_petrarch(&dicts, argv[optind], verbose, min_exact);
    int nreal = 0;
    for (int i = optind; i < argc; i++)
        nreal += real_path(argv[i]);
    if (nreal && nreal != argc - optind) {
        fprintf(stderr, "mizan eval: give either annotated sentence files or real-news sets, not both\n");
        return 1;
    }
    mz_engine *e = mz_cli_engine(dicts.n || dicts.no_builtin ? &dicts : NULL);
    if (e && nreal) {
        int rc = mz_eval_real(e, argv + optind, nreal, verbose, flags);
        mz_engine_free(e);
        return rc;
    }
    mz_coder *c = e ? mz_coder_new(e, flags) : NULL;
    if (!c) {
        mz_engine_free(e);
        return 2;
    }
    tally ar = {0}, en = {0};
    int bad = 0;
    for (int i = optind; i < argc; i++)
        bad |= eval_file(c, argv[i], &ar, &en, verbose) < 0;
    report(&ar, &en);
    mz_coder_free(c);
    mz_engine_free(e);
    if (bad)
        return 2;
    int below = (ar.cases && f1(&ar.all) < min[0]) || (en.cases && f1(&en.all) < min[1]);
    if (below)
        printf("eval: F1 below the floor (ar %.3f, en %.3f)\n", min[0], min[1]);
    return below ? 1 : 0;
}
