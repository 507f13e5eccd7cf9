/*
 * cmd_code.c — `mizan code`: documents in, events out.
 *
 * Documents are read in batches; with -j N the batch is coded by N threads, each with its own
 * coder on the shared read-only engine, each rendering into its own buffers; the buffers are
 * written in input order, so the output does not depend on N.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/date.h"
#include "../io/reader.h"
#include "../io/render.h"
#include "commands.h"

enum { BATCH = 256, MAX_THREADS = 64 };

typedef struct job {
    mz_doc doc;
    char *id, *date, *lang, *text, *source, *url;  /* owned copies */
    mz_buf out;
    mz_error err;
    int failed;
} job;

typedef struct pool {
    const mz_engine *e;
    unsigned flags;
    int tsv;
    job *jobs;
    size_t njobs;
    size_t next;
    pthread_mutex_t lock;
    /* one coder per thread, kept from batch to batch: its word memo stays warm and a parser
     * model is loaded once (the worker of slot k takes coders[k]) */
    mz_coder *coders[MAX_THREADS];
    int next_slot;
} pool;

static void usage(FILE *f)
{
    fputs("usage: mizan code [options] [FILE...]\n"
          "  --input txt|jsonl|xml   input format (default: by extension; stdin is txt)\n"
          "  --date YYYY-MM-DD       date of plain-text documents\n"
          "  --lang ar|en            language (default: detected per document)\n"
          "  --format jsonl|tsv      output format (default jsonl)\n"
          "  --partial               also emit events with one actor unresolved (\"---\")\n"
          "  --parse                 parse English sentences and take subjects and objects from\n"
          "                          the parse (several times slower)\n"
          "  --explain               print, instead of the events, how each sentence was read:\n"
          "                          mentions, actors, and why each event was coded or dropped\n"
          "  -j N                    code with N threads\n"
          "  --actors/--agents/--verbs/--discards FILE   extra dictionary (repeatable)\n"
          "  --no-builtin            use only the dictionaries given\n",
          f);
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

/* Copies a document out of the reader's storage into a job. */
static int job_fill(job *j, const mz_doc *d)
{
    memset(j, 0, sizeof *j);
    j->id = strdup(d->id);
    j->date = dup_or_null(d->date);
    j->lang = dup_or_null(d->lang);
    j->source = dup_or_null(d->source);
    j->url = dup_or_null(d->url);
    j->text = malloc(d->len + 1);
    if (!j->id || !j->text || (d->date && !j->date) || (d->lang && !j->lang) ||
        (d->source && !j->source) || (d->url && !j->url))
        return -1;
    memcpy(j->text, d->text, d->len);
    j->text[d->len] = '\0';
    j->doc = (mz_doc){.id = j->id, .date = j->date, .lang = j->lang, .source = j->source,
                      .text = j->text, .len = d->len, .url = j->url};
    return 0;
}

static void job_clear(job *j)
{
    free(j->id);
    free(j->date);
    free(j->lang);
    free(j->text);
    free(j->source);
    free(j->url);
    mz_buf_free(&j->out);
}

static void code_job(mz_coder *c, job *j, int tsv)
{
    const mz_event *ev;
    size_t n;
    if (mz_coder_code(c, &j->doc, &ev, &n, &j->err) != MZ_OK) {
        j->failed = 1;
        return;
    }
    if (*mz_coder_explanation(c)) {
        mz_buf_puts(&j->out, mz_coder_explanation(c));
        return;
    }
    for (size_t i = 0; i < n; i++) {
        mz_event e = ev[i];  /* with the document's provenance */
        e.outlet = j->doc.source;
        e.url = j->doc.url;
        if (tsv)
            mz_render_tsv(&j->out, &e);
        else
            mz_render_jsonl(&j->out, &e);
    }
}

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->lock);
    int slot = p->next_slot++;
    pthread_mutex_unlock(&p->lock);
    if (!p->coders[slot])
        p->coders[slot] = mz_coder_new(p->e, p->flags);
    mz_coder *c = p->coders[slot];
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next++;
        pthread_mutex_unlock(&p->lock);
        if (i >= p->njobs)
            break;
        if (!c) {
            p->jobs[i].failed = 1;
            snprintf(p->jobs[i].err.message, sizeof p->jobs[i].err.message, "out of memory");
            continue;
        }
        code_job(c, &p->jobs[i], p->tsv);
    }
    return NULL;
}

/* Codes and writes one batch; returns the number of documents that failed. */
static int run_batch(pool *p, int threads)
{
    p->next = 0;
    p->next_slot = 0;
    pthread_t tid[MAX_THREADS];
    int started = 0;
    for (int t = 0; t < threads && t < MAX_THREADS; t++)
        if (pthread_create(&tid[t], NULL, worker, p) == 0)
            started++;
    if (!started)
        worker(p);
    for (int t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    int failed = 0;
    for (size_t i = 0; i < p->njobs; i++) {
        job *j = &p->jobs[i];
        if (j->failed) {
            failed++;
            fprintf(stderr, "%s: %s; document skipped\n", j->id, j->err.message);
        } else if (j->out.len) {
            fwrite(j->out.data, 1, j->out.len, stdout);
        }
        job_clear(j);
    }
    p->njobs = 0;
    return failed;
}

typedef struct options {
    const char *input, *date, *lang;
    int tsv, partial, explain, parse, threads;
    mz_dict_opts dict;
    char day[11]; /* --date as YYYY-MM-DD */
} options;

static int parse(int argc, char **argv, options *o)
{
    static const struct option longs[] = {
        {"input", required_argument, 0, 'i'}, {"date", required_argument, 0, 'd'},
        {"lang", required_argument, 0, 'l'}, {"format", required_argument, 0, 'f'},
        {"partial", no_argument, 0, 'p'}, {"explain", no_argument, 0, 'x'},
        {"parse", no_argument, 0, 'P'},
        {"actors", required_argument, 0, 'A'},
        {"agents", required_argument, 0, 'G'}, {"verbs", required_argument, 0, 'V'},
        {"discards", required_argument, 0, 'D'}, {"no-builtin", no_argument, 0, 'N'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "j:h", longs, NULL)) != -1) {
        int d = mz_dict_opt(&o->dict, ch, optarg);
        if (d < 0)
            return -1;
        if (d)
            continue;
        switch (ch) {
        case 'i': o->input = optarg; break;
        case 'd': o->date = optarg; break;
        case 'l': o->lang = optarg; break;
        case 'f':
            if (strcmp(optarg, "tsv") != 0 && strcmp(optarg, "jsonl") != 0) {
                fprintf(stderr, "mizan code: unknown format '%s' (jsonl or tsv)\n", optarg);
                return -1;
            }
            o->tsv = strcmp(optarg, "tsv") == 0;
            break;
        case 'p': o->partial = 1; break;
        case 'x': o->explain = 1; break;
        case 'P': o->parse = 1; break;
        case 'j': o->threads = mz_cli_int(optarg, 1, MAX_THREADS); break;
        case 'h': usage(stdout); exit(0);
        default: usage(stderr); return -1;
        }
    }
    if (o->threads < 1 || o->threads > MAX_THREADS) {
        fprintf(stderr, "mizan code: -j takes 1 to %d\n", MAX_THREADS);
        return -1;
    }
    if (o->date && mz_date_norm(o->date, strlen(o->date), o->day) < 0) {
        fprintf(stderr, "mizan code: --date takes a date (YYYY-MM-DD, ISO 8601, RFC 2822)\n");
        return -1;
    }
    if (o->date)
        o->date = o->day;
    if (o->lang && strcmp(o->lang, "ar") != 0 && strcmp(o->lang, "en") != 0) {
        fprintf(stderr, "mizan code: --lang takes ar or en\n");
        return -1;
    }
    if (o->input && strcmp(o->input, "txt") && strcmp(o->input, "jsonl") && strcmp(o->input, "xml")) {
        fprintf(stderr, "mizan code: --input takes txt, jsonl or xml\n");
        return -1;
    }
    return 0;
}

/* Reads every document of one input into batches; returns the number of bad records. */
static int code_input(pool *p, const options *o, const char *path)
{
    mz_error err = {0};
    mz_reader *r = mz_reader_open(path, o->input, o->date, o->lang, &err);
    if (!r) {
        mz_cli_report(&err);
        return 1;
    }
    int bad = 0;
    mz_doc doc;
    int got;
    while ((got = mz_reader_next(r, &doc, &err)) != 0) {
        if (got < 0) {
            mz_cli_report(&err);
            bad++;
            continue;
        }
        if (job_fill(&p->jobs[p->njobs], &doc) < 0) {
            fprintf(stderr, "%s: out of memory; document skipped\n", doc.id);
            job_clear(&p->jobs[p->njobs]);
            bad++;
            continue;
        }
        if (++p->njobs == BATCH)
            bad += run_batch(p, o->threads);
    }
    mz_reader_close(r);
    return bad;
}

int mz_cmd_code(int argc, char **argv)
{
    options o = {.threads = 1};
    if (parse(argc, argv, &o) < 0)
        return 1;
    mz_engine *e = mz_cli_engine(&o.dict);
    if (!e)
        return 1;
    pool p = {.e = e,
              .flags = (o.partial ? MZ_CODE_PARTIAL : 0) | (o.explain ? MZ_CODE_EXPLAIN : 0) |
                       (o.parse ? MZ_CODE_PARSE : 0),
              .tsv = o.tsv};
    p.jobs = calloc(BATCH, sizeof *p.jobs);
    pthread_mutex_init(&p.lock, NULL);
    if (o.tsv && !o.explain) {
        mz_buf h = MZ_BUF_INIT;
        mz_render_tsv_header(&h);
        fwrite(h.data, 1, h.len, stdout);
        mz_buf_free(&h);
    }
    int bad = 0;
    if (optind >= argc)
        bad += code_input(&p, &o, "-");
    for (int i = optind; i < argc; i++)
        bad += code_input(&p, &o, argv[i]);
    bad += run_batch(&p, o.threads);
    pthread_mutex_destroy(&p.lock);
    for (int t = 0; t < MAX_THREADS; t++)
        mz_coder_free(p.coders[t]);
    free(p.jobs);
    mz_engine_free(e);
    if (fflush(stdout) != 0) {
        perror("mizan code: stdout");
        return 2;
    }
    return bad ? 2 : 0;
}
