/*
 * cmd_parse.c — the syntactic analysis commands:
 *
 *   mizan train-parser --lang en|ar TRAIN.conllu [--dev DEV.conllu] [--iterations N]
 *                      [--folds K] [--seed S] [--raw TEXT.jsonl] -o FILE
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

/* Processor time of this process, in seconds: speed figures do not depend on other load. */
/* Prints segmentation precision, recall and F1 of Arabic syntactic words. */
static void print_seg(const char *what, const mz_seg_scores *g)
{
    double p = g->pred ? (double)g->match / (double)g->pred : 0, r = g->gold ? (double)g->match / (double)g->gold : 0;
    printf("%s: syntactic words %zu  segmentation P %.2f%%  R %.2f%%  F1 %.2f%%", what, g->gold,
           100 * p, 100 * r, p + r > 0 ? 200 * p * r / (p + r) : 0.0);
    if (g->skipped)
        printf("  (%zu sentences without a matching text left out)", g->skipped);
    printf("\n");
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
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
    mz_seg_scores seg = {0};
    double mean[3] = {0, 0, 0};
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
        if (strcmp(o->lang, "ar") == 0)
            mz_seg_evaluate(m, tb, sel, &seg);
        char name[32];
        snprintf(name, sizeof name, "fold %d", f + 1);
        print_scores(name, &s);
        all.words += s.words, all.upos += s.upos, all.uas += s.uas, all.las += s.las;
        mean[0] += pct(s.upos, s.words) / folds;
        mean[1] += pct(s.uas, s.words) / folds;
        mean[2] += pct(s.las, s.words) / folds;
        mz_parse_model_free(m);
    }
    print_scores("cross-validation (pooled)", &all);
    printf("cross-validation (mean of %d folds): UPOS %.2f%%  UAS %.2f%%  LAS %.2f%%\n", folds,
           mean[0], mean[1], mean[2]);
    if (strcmp(o->lang, "ar") == 0)
        print_seg("cross-validation", &seg);
    free(sel);
    return 0;
}

static void print_progress(void *ctx, const char *msg)
{
    (void)ctx;
    fprintf(stderr, "%s\n", msg);
}

/* Prints the usage of train-parser on f (stdout for --help, stderr for a usage error); returns 1. */
static int train_usage(FILE *f)
{
    fprintf(f, "usage: mizan train-parser --lang en|ar TRAIN.conllu [--dev DEV.conllu] "
               "[--iterations N] [--folds K] [--seed S] [--raw TEXT.jsonl|.txt] [-q] [-o FILE]\n");
    return 1;
}

/* Reads the documents of a file (any format of src/io/reader.h) into raw, separated by blank
 * lines: the unannotated text of --raw, for the word clusters.  Returns 0, else 2 (reported). */
static int read_raw(const char *path, mz_buf *raw)
{
    mz_error err = {0};
    mz_reader *r = mz_reader_open(path, NULL, NULL, "en", &err);
    if (!r) {
        mz_cli_report(&err);
        return 2;
    }
    mz_doc doc;
    int got, rc = 0;
    while ((got = mz_reader_next(r, &doc, &err)) != 0) {
        if (got < 0) {
            mz_cli_report(&err);
            rc = 2;
            break;
        }
        mz_buf_put(raw, doc.text, doc.len);
        mz_buf_put(raw, "\n\n", 2);
    }
    mz_reader_close(r);
    if (rc == 0 && raw->oom) {
        fprintf(stderr, "mizan: out of memory reading %s\n", path);
        rc = 2;
    }
    return rc;
}

int mz_cmd_train_parser(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"lang", required_argument, 0, 'l'},  {"dev", required_argument, 0, 'd'},
        {"iterations", required_argument, 0, 'i'}, {"folds", required_argument, 0, 'k'},
        {"seed", required_argument, 0, 's'},  {"output", required_argument, 0, 'o'},
        {"quiet", no_argument, 0, 'q'},       {"help", no_argument, 0, 'h'},
        {"raw", required_argument, 0, 'r'},   {0, 0, 0, 0}};
    mz_train_opts o = {.progress = print_progress};
    const char *dev = NULL, *outp = NULL, *rawp = NULL;
    int folds = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "l:d:i:k:s:o:qhr:", longopts, NULL)) != -1) {
        switch (c) {
        case 'l': snprintf(o.lang, sizeof o.lang, "%s", optarg); break;
        case 'd': dev = optarg; break;
        case 'i': o.iterations = atoi(optarg); break;
        case 'k': folds = atoi(optarg); break;
        case 's': o.seed = (unsigned)strtoul(optarg, NULL, 10); break;
        case 'o': outp = optarg; break;
        case 'q': o.quiet = 1; break;
        case 'r': rawp = optarg; break;
        case 'h': train_usage(stdout); return 0;
        default: return train_usage(stderr);
        }
    }
    if (optind + 1 != argc || (strcmp(o.lang, "en") && strcmp(o.lang, "ar")) || folds == 1 ||
        folds < 0 || (!outp && folds == 0))
        return train_usage(stderr);
    mz_treebank tb = {0};
    mz_error err = {0};
    mz_buf raw = MZ_BUF_INIT;
    if (rawp && read_raw(rawp, &raw) != 0) {
        mz_buf_free(&raw);
        return 2;
    }
    o.raw = raw.data;
    o.raw_len = raw.len;
    if (mz_treebank_load(&tb, argv[optind], &err) != MZ_OK) {
        mz_cli_report(&err);
        mz_treebank_free(&tb);
        mz_buf_free(&raw);
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
    mz_buf_free(&raw);
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

/* Whether most words of the treebank's first sentences are in Arabic script (UTF-8 lead bytes
 * 0xd8-0xdb): eval-parse then takes the Arabic model when no --lang or --model is given. */
static int treebank_is_arabic(const mz_treebank *tb)
{
    size_t ar = 0, n = tb->nwords < 200 ? tb->nwords : 200;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)mz_tb_str(tb, tb->words[i].form)[0];
        ar += c >= 0xd8 && c <= 0xdb;
    }
    return ar * 2 > n;
}

int mz_cmd_eval_parse(int argc, char **argv)
{
    static const struct option longopts[] = {{"model", required_argument, 0, 'm'},
                                              {"lang", required_argument, 0, 'l'},
                                              {"gold-tags", no_argument, 0, 'g'},
                                              {"help", no_argument, 0, 'h'},
                                              {0, 0, 0, 0}};
    const char *model = NULL, *lang = NULL;
    int c, gold = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "m:l:gh", longopts, NULL)) != -1) {
        switch (c) {
        case 'm': model = optarg; break;
        case 'l': lang = optarg; break;
        case 'g': gold = 1; break;
        default:
            fprintf(c == 'h' ? stdout : stderr,
                    "usage: mizan eval-parse [--model FILE | --lang en|ar] [--gold-tags] GOLD.conllu\n");
            return c == 'h' ? 0 : 1;
        }
    }
    if (optind + 1 != argc) {
        fprintf(stderr, "usage: mizan eval-parse [--model FILE | --lang en|ar] GOLD.conllu\n");
        return 1;
    }
    mz_treebank tb = {0};
    mz_error err = {0};
    if (mz_treebank_load(&tb, argv[optind], &err) != MZ_OK) {
        mz_cli_report(&err);
        mz_treebank_free(&tb);
        return 2;
    }
    mz_parse_model *m = load_model(model, lang ? lang : treebank_is_arabic(&tb) ? "ar" : "en");
    int rc = m ? 0 : 2;
    if (m) {
        mz_parse_scores s = {0};
        double t0 = now();
        mz_parse_evaluate(m, &tb, NULL, gold, &s);
        double dt = now() - t0;
        print_scores(argv[optind], &s);
        if (strcmp(mz_parse_model_lang(m), "ar") == 0) {
            mz_seg_scores g = {0};
            mz_seg_evaluate(m, &tb, NULL, &g);
            print_seg(argv[optind], &g);
        }
        printf("sentences %zu in %.3f s of CPU: %.0f sentences/s, %.0f words/s\n", tb.nsents, dt,
               dt > 0 ? (double)tb.nsents / dt : 0.0, dt > 0 ? (double)s.words / dt : 0.0);
    }
    mz_treebank_free(&tb);
    mz_parse_model_free(m);
    return rc;
}

/* State of `mizan parse`: the models (loaded when first needed) and scratch arrays. */
typedef struct parse_run {
    const char *model_path, *lang;
    mz_parse_model *model[2]; /* en, ar */
    int failed[2];
    mz_parse_work *work;
    mz_tokens toks;
    mz_sentences sents;
    mz_buf out;
    const char *forms[MZ_PARSE_MAX_WORDS];
    uint32_t lens[MZ_PARSE_MAX_WORDS];
    uint32_t surface[MZ_PARSE_MAX_WORDS]; /* token each word comes from */
    mz_parsed parsed[MZ_PARSE_MAX_WORDS];
} parse_run;

/* The model for a language (0 en, 1 ar), loaded once; NULL after an error was printed. */
static mz_parse_model *run_model(parse_run *r, int ar)
{
    if (!r->model[ar] && !r->failed[ar]) {
        r->model[ar] = load_model(r->model_path, ar ? "ar" : "en");
        r->failed[ar] = !r->model[ar];
    }
    return r->model[ar];
}

/* Whether most word tokens of the sentence are Arabic. */
static int sentence_is_arabic(const mz_tokens *t, const mz_sentence *s)
{
    size_t ar = 0, words = 0;
    for (uint32_t i = s->tok_begin; i < s->tok_end; i++)
        if (t->v[i].flags & MZ_TOK_WORD) {
            words++;
            ar += (t->v[i].flags & MZ_TOK_ARABIC) != 0;
        }
    return ar * 2 > words;
}

/* Fills r->forms with the syntactic words of tokens [begin, end): the tokens (and the hyphens
 * between them), Arabic words split into clitics.  Returns the number of words; *stop is the
 * first token left for the next call when they fill MZ_PARSE_MAX_WORDS. */
static size_t sentence_words(parse_run *r, const mz_parse_model *m, const char *text,
                             size_t begin, size_t end, int ar, size_t *stop)
{
    uint32_t st[MZ_PARSE_MAX_WORDS], en[MZ_PARSE_MAX_WORDS];
    size_t n = mz_syntactic_words(m, text, &r->toks, begin, end, ar, st, en, r->surface,
                                  MZ_PARSE_MAX_WORDS, stop);
    for (size_t i = 0; i < n; i++) {
        r->forms[i] = text + st[i];
        r->lens[i] = en[i] - st[i];
    }
    return n;
}

/* Writes the CoNLL-U of one parsed sentence, with a multiword-token line before each surface
 * word split into several syntactic words. */
static void write_sentence(parse_run *r, const char *text, const char *id, size_t sno,
                           const mz_sentence *s, size_t n)
{
    mz_buf *o = &r->out;
    mz_buf_printf(o, "# sent_id = %s-%zu\n# text = ", id, sno);
    for (uint32_t i = s->start; i < s->end; i++)
        mz_buf_putc(o, text[i] == '\n' || text[i] == '\r' || text[i] == '\t' ? ' ' : text[i]);
    mz_buf_putc(o, '\n');
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j + 1 < n && r->surface[i] != UINT32_MAX && r->surface[j + 1] == r->surface[i])
            j++;
        if (j > i) {
            const mz_token *t = &r->toks.v[r->surface[i]];
            mz_buf_printf(o, "%zu-%zu\t", i + 1, j + 1);
            mz_buf_put(o, text + t->start, t->end - t->start);
            mz_buf_puts(o, "\t_\t_\t_\t_\t_\t_\t_\t_\n");
        }
        for (size_t k = i; k <= j; k++) {
            const mz_parsed *p = &r->parsed[k];
            mz_buf_printf(o, "%zu\t", k + 1);
            mz_buf_put(o, r->forms[k], r->lens[k]);
            mz_buf_printf(o, "\t_\t%s\t_\t_\t%d\t%s\t_\t_\n", mz_upos_names[p->upos], p->head,
                          mz_deprel_names[p->deprel]);
        }
        i = j;
    }
    mz_buf_putc(o, '\n');
}

/* Parses one document; returns 0, or 2 when a model could not be loaded. */
static int parse_doc(parse_run *r, const mz_doc *doc)
{
    if (mz_tokenize(doc->text, doc->len, &r->toks) < 0 ||
        mz_split_sentences(doc->text, &r->toks, &r->sents) < 0) {
        fprintf(stderr, "mizan: out of memory\n");
        return 2;
    }
    const char *lang = r->lang ? r->lang : doc->lang;
    mz_buf_printf(&r->out, "# newdoc id = %s\n", doc->id);
    size_t sno = 0;
    for (size_t si = 0; si < r->sents.n; si++) {
        const mz_sentence *s = &r->sents.v[si];
        int ar = lang && *lang ? strcmp(lang, "ar") == 0 : sentence_is_arabic(&r->toks, s);
        mz_parse_model *m = run_model(r, ar);
        if (!m)
            return 2;
        /* a sentence with more words than the parser takes goes out in parts */
        for (size_t b = s->tok_begin, stop; b < s->tok_end; b = stop) {
            size_t n = sentence_words(r, m, doc->text, b, s->tok_end, ar, &stop);
            mz_sentence part = *s;
            if (b != s->tok_begin || stop != s->tok_end) {
                part.start = r->toks.v[b].start;
                part.end = r->toks.v[stop - 1].end;
            }
            mz_parse_sentence(m, r->work, r->forms, r->lens, n, NULL, r->parsed);
            write_sentence(r, doc->text, doc->id, ++sno, &part, n);
        }
    }
    fwrite(r->out.data, 1, r->out.len, stdout);
    r->out.len = 0;
    return 0;
}

/* Reads every document of one input; returns the worst status. */
static int parse_input(parse_run *r, const char *path, const char *format)
{
    mz_error err = {0};
    mz_reader *rd = mz_reader_open(path, format, NULL, r->lang, &err);
    if (!rd) {
        mz_cli_report(&err);
        return 2;
    }
    int rc = 0, got;
    mz_doc doc;
    while ((got = mz_reader_next(rd, &doc, &err)) != 0) {
        if (got < 0) {
            mz_cli_report(&err);
            rc = 2;
            continue;
        }
        int st = parse_doc(r, &doc);
        if (st) {
            rc = st;
            break;
        }
    }
    mz_reader_close(rd);
    return rc;
}

int mz_cmd_parse(int argc, char **argv)
{
    static const struct option longopts[] = {{"lang", required_argument, 0, 'l'},
                                              {"model", required_argument, 0, 'm'},
                                              {"format", required_argument, 0, 'f'},
                                              {"help", no_argument, 0, 'h'},
                                              {0, 0, 0, 0}};
    parse_run r = {0};
    const char *format = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "l:m:f:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'l': r.lang = optarg; break;
        case 'm': r.model_path = optarg; break;
        case 'f': format = optarg; break;
        default:
            fprintf(c == 'h' ? stdout : stderr, "usage: mizan parse [--lang en|ar] [--model FILE] "
                                                "[--format txt|jsonl|xml] [FILE...]\n");
            return c == 'h' ? 0 : 1;
        }
    }
    if (r.lang && strcmp(r.lang, "en") && strcmp(r.lang, "ar")) {
        fprintf(stderr, "mizan parse: --lang must be en or ar\n");
        return 1;
    }
    r.work = mz_parse_work_new();
    if (!r.work)
        return 2;
    int rc = 0;
    if (optind == argc)
        rc = parse_input(&r, "-", format);
    for (int i = optind; i < argc; i++) {
        int st = parse_input(&r, argv[i], format);
        if (st > rc)
            rc = st;
    }
    mz_parse_model_free(r.model[0]);
    mz_parse_model_free(r.model[1]);
    mz_parse_work_free(r.work);
    mz_tokens_free(&r.toks);
    mz_sentences_free(&r.sents);
    mz_buf_free(&r.out);
    return rc;
}
