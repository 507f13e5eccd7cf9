/*
 * cmd_parse.c — the syntactic analysis commands:
 *
 *   mizan train-parser --lang en|ar TRAIN.conllu [--dev DEV.conllu] [--iterations N]
 *                      [--folds K] [--seed S] -o FILE
 *   mizan eval-parse [--model FILE | --lang en|ar] GOLD.conllu
 *   mizan parse [--lang en|ar] [--model FILE] [--format txt|jsonl|xml] [FILE...]
 *
 * Scores follow the CoNLL 2018 shared task: every word counts (punctuation too), UAS is the
 * share of words with the right head, LAS with the right head and universal relation.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../io/reader.h"
#include "../parse/parse.h"
#include "../text/token.h"
#include "commands.h"

static double pct(size_t a, size_t b) { return b ? 100.0 * (double)a / (double)b : 0.0; }

static void print_scores(const char *what, const mz_parse_scores *s)
{
    printf("%s: words %zu  UPOS %.2f%%  UAS %.2f%%  LAS %.2f%%\n", what, s->words,
           pct(s->upos, s->words), pct(s->uas, s->words), pct(s->las, s->words));
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* K-fold cross-validation: sentence i is in fold i % K; prints each fold and the pooled scores
 * (all held-out words counted together). */
static int cross_validate(const mz_treebank *tb, const mz_train_opts *o, int folds)
{
    unsigned char *sel = malloc(tb->nsents + 1);
    if (!sel)
        return 2;
    mz_parse_scores all = {0};
    for (int f = 0; f < folds; f++) {
        for (size_t i = 0; i < tb->nsents; i++)
            sel[i] = (int)(i % (size_t)folds) != f;
        mz_error err = {0};
        mz_parse_model *m = mz_parse_train(tb, sel, o, &err);
        if (!m) {
            mz_cli_report(&err);
            free(sel);
            return 2;
        }
        for (size_t i = 0; i < tb->nsents; i++)
            sel[i] = !sel[i];
        mz_parse_scores s = {0};
        mz_parse_evaluate(m, tb, sel, 0, &s);
        char name[32];
        snprintf(name, sizeof name, "fold %d", f + 1);
        print_scores(name, &s);
        all.words += s.words, all.upos += s.upos, all.uas += s.uas, all.las += s.las;
        mz_parse_model_free(m);
    }
    print_scores("cross-validation", &all);
    free(sel);
    return 0;
}

static int train_usage(void)
{
    fprintf(stderr, "usage: mizan train-parser --lang en|ar TRAIN.conllu [--dev DEV.conllu] "
                    "[--iterations N] [--folds K] [--seed S] [-o FILE]\n");
    return 1;
}

int mz_cmd_train_parser(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"lang", required_argument, 0, 'l'},  {"dev", required_argument, 0, 'd'},
        {"iterations", required_argument, 0, 'i'}, {"folds", required_argument, 0, 'k'},
        {"seed", required_argument, 0, 's'},  {"output", required_argument, 0, 'o'},
        {"quiet", no_argument, 0, 'q'},       {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    mz_train_opts o = {0};
    const char *dev = NULL, *outp = NULL;
    int folds = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "l:d:i:k:s:o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'l': snprintf(o.lang, sizeof o.lang, "%s", optarg); break;
        case 'd': dev = optarg; break;
        case 'i': o.iterations = atoi(optarg); break;
        case 'k': folds = atoi(optarg); break;
        case 's': o.seed = (unsigned)strtoul(optarg, NULL, 10); break;
        case 'o': outp = optarg; break;
        case 'q': o.quiet = 1; break;
        case 'h': train_usage(); return 0;
        default: return train_usage();
        }
    }
    if (optind + 1 != argc || (strcmp(o.lang, "en") && strcmp(o.lang, "ar")) || folds == 1 ||
        folds < 0 || (!outp && folds == 0))
        return train_usage();
    mz_treebank tb = {0};
    mz_error err = {0};
    if (mz_treebank_load(&tb, argv[optind], &err) != MZ_OK) {
        mz_cli_report(&err);
        mz_treebank_free(&tb);
        return 2;
    }
    int rc = 0;
    if (folds > 1)
        rc = cross_validate(&tb, &o, folds);
    if (rc == 0 && outp) {
        double t0 = now();
        mz_parse_model *m = mz_parse_train(&tb, NULL, &o, &err);
        if (!m) {
            mz_cli_report(&err);
            rc = 2;
        } else {
            fprintf(stderr, "trained in %.1f s\n", now() - t0);
            if (mz_parse_model_write(m, outp, &err) != MZ_OK) {
                mz_cli_report(&err);
                rc = 2;
            }
            mz_treebank dv = {0};
            if (rc == 0 && dev) {
                if (mz_treebank_load(&dv, dev, &err) != MZ_OK) {
                    mz_cli_report(&err);
                    rc = 2;
                } else {
                    mz_parse_scores s = {0};
                    mz_parse_evaluate(m, &dv, NULL, 0, &s);
                    print_scores(dev, &s);
                }
            }
            mz_treebank_free(&dv);
            mz_parse_model_free(m);
        }
    }
    mz_treebank_free(&tb);
    return rc;
}

/* Loads --model FILE, or the built-in model of the language. */
static mz_parse_model *load_model(const char *path, const char *lang)
{
    mz_error err = {0};
    mz_parse_model *m = path ? mz_parse_model_read(path, &err) : mz_parse_model_builtin(lang, &err);
    if (!m)
        mz_cli_report(&err);
    return m;
}

int mz_cmd_eval_parse(int argc, char **argv)
{
    static const struct option longopts[] = {{"model", required_argument, 0, 'm'},
                                              {"lang", required_argument, 0, 'l'},
                                              {"gold-tags", no_argument, 0, 'g'},
                                              {"help", no_argument, 0, 'h'},
                                              {0, 0, 0, 0}};
    const char *model = NULL, *lang = "en";
    int c, gold = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "m:l:gh", longopts, NULL)) != -1) {
        switch (c) {
        case 'm': model = optarg; break;
        case 'l': lang = optarg; break;
        case 'g': gold = 1; break;
        default:
            fprintf(stderr, "usage: mizan eval-parse [--model FILE | --lang en|ar] GOLD.conllu\n");
            return c == 'h' ? 0 : 1;
        }
    }
    if (optind + 1 != argc) {
        fprintf(stderr, "usage: mizan eval-parse [--model FILE | --lang en|ar] GOLD.conllu\n");
        return 1;
    }
    mz_parse_model *m = load_model(model, lang);
    if (!m)
        return 2;
    mz_treebank tb = {0};
    mz_error err = {0};
    int rc = 0;
    if (mz_treebank_load(&tb, argv[optind], &err) != MZ_OK) {
        mz_cli_report(&err);
        rc = 2;
    } else {
        mz_parse_scores s = {0};
        double t0 = now();
        mz_parse_evaluate(m, &tb, NULL, gold, &s);
        double dt = now() - t0;
        print_scores(argv[optind], &s);
        printf("sentences %zu in %.3f s: %.0f sentences/s, %.0f words/s\n", tb.nsents, dt,
               dt > 0 ? (double)tb.nsents / dt : 0.0, dt > 0 ? (double)s.words / dt : 0.0);
    }
    mz_treebank_free(&tb);
    mz_parse_model_free(m);
    return rc;
}

int mz_cmd_parse(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return 1;
}
