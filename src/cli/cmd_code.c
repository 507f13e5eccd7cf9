/*
 * cmd_code.c — `mizan code`: documents in, events out.
 *
 * With -j 1 the main thread reads, codes and writes each document in turn.  With -j N it is a
 * pipeline: the main thread reads documents into a ring of slots and writes the coded slots in
 * input order, while N coding threads, each with one coder kept for the whole run (its word memo
 * warm, a parser model loaded once), take the slots in turn and render their events into the
 * slot.  Reading overlaps coding, and the output does not depend on N.
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

/* Slots in the ring for each coding thread; a slot's buffers larger than SLOT_KEEP bytes are
 * given back once written. */
enum { MAX_THREADS = 64, SLOTS_PER_THREAD = 32, SLOT_KEEP = 1 << 20 };

/* One document on its way through the pipeline. */
typedef struct slot {
    mz_buf in;     /* the document's strings, copied from the reader, each NUL-terminated */
    mz_doc doc;    /* pointing into `in` */
    mz_buf out;    /* its events as rendered, or the --explain account */
    mz_error err;
    int failed;
    int done;      /* coded (under the pipeline's lock) */
} slot;

/* Slots are filled at `tail`, coded from `next`, written from `head` (head <= next <= tail,
 * counted from the start; slot i is ring[i % cap]).  Only the main thread moves head and tail;
 * next, tail and the done flags are shared under `lock`. */
typedef struct pipeline {
    const mz_engine *e;
    unsigned flags;
    int tsv, threads, started;
    mz_coder *coders[MAX_THREADS];
    pthread_t tid[MAX_THREADS];
    slot *ring;
    size_t cap, head, next, tail;
    size_t awaited;    /* the slot the main thread waits for, when main_waits */
    int closing, main_waits;
    pthread_mutex_t lock;
    pthread_cond_t work, done;
} pipeline;

/* A worker's share: the pipeline and its own coder. */
typedef struct worker_arg {
    pipeline *p;
    mz_coder *c;
} worker_arg;

static void usage(FILE *f)
{
    fputs("usage: mizan code [options] [FILE...]\n"
          "  --input txt|jsonl|xml   input format (default: by extension; stdin is txt)\n"
          "  --date YYYY-MM-DD       date of plain-text documents\n"
          "  --lang ar|en            language (default: detected per document)\n"
          "  --format jsonl|tsv      output format (default jsonl)\n"
          "  --partial               also emit events with one actor unresolved (\"---\")\n"
          "  --parse                 parse sentences (English and Arabic) and take verbs' parties\n"
          "                          from the parse where word order fails (several times slower)\n"
          "  --explain               print, instead of the events, how each sentence was read:\n"
          "                          mentions, actors, and why each event was coded or dropped\n"
          "  -j N                    code with N threads\n"
          "  --actors/--agents/--verbs/--discards FILE   extra dictionary (repeatable)\n"
          "  --no-builtin            use only the dictionaries given\n",
          f);
}

/* Copies a document out of the reader's storage into a slot (its buffers reused from one
 * document to the next).  -1 when out of memory. */
static int slot_fill(slot *s, const mz_doc *d)
{
    const char *str[5] = {d->id, d->date, d->lang, d->source, d->url};
    size_t off[5];
    mz_buf_clear(&s->in);
    for (int i = 0; i < 5; i++) {
        off[i] = s->in.len;
        if (str[i])
            mz_buf_put(&s->in, str[i], strlen(str[i]) + 1);
    }
    size_t text = s->in.len;
    mz_buf_put(&s->in, d->text, d->len);
    if (s->in.oom || !s->in.data)
        return -1;
    const char *at[5];
    for (int i = 0; i < 5; i++)
        at[i] = str[i] ? s->in.data + off[i] : NULL;
    s->doc = (mz_doc){.id = at[0], .date = at[1], .lang = at[2], .source = at[3], .url = at[4],
                      .text = s->in.data + text, .len = d->len};
    s->failed = 0;
    return 0;
}

static void code_slot(mz_coder *c, slot *s, int tsv)
{
    const mz_event *ev;
    size_t n;
    if (mz_coder_code(c, &s->doc, &ev, &n, &s->err) != MZ_OK) {
        s->failed = 1;
        return;
    }
    if (*mz_coder_explanation(c)) {
        mz_buf_puts(&s->out, mz_coder_explanation(c));
        return;
    }
    for (size_t i = 0; i < n; i++) {
        mz_event e = ev[i];  /* with the document's provenance */
        e.outlet = s->doc.source;
        e.url = s->doc.url;
        if (tsv)
            mz_render_tsv(&s->out, &e);
        else
            mz_render_jsonl(&s->out, &e);
    }
}

/* Writes a coded slot (or says why it failed) and readies it for the next document; returns
 * 1 when the document failed. */
static int slot_write(slot *s)
{
    int failed = s->failed;
    if (failed)
        fprintf(stderr, "%s: %s; document skipped\n", s->doc.id, s->err.message);
    else if (s->out.len)
        fwrite(s->out.data, 1, s->out.len, stdout);
    mz_buf_clear(&s->out);
    if (s->out.cap > SLOT_KEEP)
        mz_buf_free(&s->out);
    if (s->in.cap > SLOT_KEEP)
        mz_buf_free(&s->in);
    return failed;
}

/* A coding thread: takes the next slot filled, codes it, marks it done; until the pipeline
 * closes and nothing is left. */
static void *worker(void *arg)
{
    pipeline *p = ((worker_arg *)arg)->p;
    mz_coder *c = ((worker_arg *)arg)->c;
    free(arg);
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->next == p->tail && !p->closing)
            pthread_cond_wait(&p->work, &p->lock);
        if (p->next == p->tail)
            break;
        size_t i = p->next++;
        slot *s = &p->ring[i % p->cap];
        pthread_mutex_unlock(&p->lock);
        code_slot(c, s, p->tsv);
        pthread_mutex_lock(&p->lock);
        s->done = 1;
        if (p->main_waits && p->awaited == i)
            pthread_cond_signal(&p->done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Waits until slot i is coded. */
static void wait_done(pipeline *p, size_t i)
{
    slot *s = &p->ring[i % p->cap];
    pthread_mutex_lock(&p->lock);
    p->awaited = i;
    p->main_waits = 1;
    while (!s->done)
        pthread_cond_wait(&p->done, &p->lock);
    p->main_waits = 0;
    pthread_mutex_unlock(&p->lock);
}

/* Writes the coded slots at the head, in order, up to the first not yet coded.  Returns the
 * number of documents that failed. */
static int drain(pipeline *p)
{
    int failed = 0;
    while (p->head < p->tail) {
        slot *s = &p->ring[p->head % p->cap];
        pthread_mutex_lock(&p->lock);
        int done = s->done;
        pthread_mutex_unlock(&p->lock);
        if (!done)
            break;
        failed += slot_write(s);
        p->head++;
    }
    return failed;
}

/* Makes the coders (one per thread), the ring and, for more than one thread, starts them (when
 * no thread can be started, the main thread codes).  -1 when out of memory. */
static int pipeline_open(pipeline *p)
{
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    p->cap = p->threads > 1 ? (size_t)p->threads * SLOTS_PER_THREAD : 1;
    p->ring = calloc(p->cap, sizeof *p->ring);
    if (!p->ring)
        return -1;
    for (int t = 0; t < p->threads; t++)
        if (!(p->coders[t] = mz_coder_new(p->e, p->flags)))
            return -1;
    for (int t = 0; t < p->threads && p->threads > 1; t++) {
        worker_arg *w = malloc(sizeof *w);
        if (!w)
            return -1;
        *w = (worker_arg){p, p->coders[t]};
        if (pthread_create(&p->tid[p->started], NULL, worker, w) != 0) {
            free(w);
            break;
        }
        p->started++;
    }
    return 0;
}

/* Hands one document to the pipeline: with one thread it is coded and written at once; else
 * it goes into a free slot, and what is coded at the head is written.  When the ring is full,
 * the main thread sleeps until half of it is coded (not woken for each document).  Returns
 * the number of documents failed. */
static int pipeline_put(pipeline *p, const mz_doc *d)
{
    int failed = 0;
    if (p->started && p->tail - p->head == p->cap) {
        wait_done(p, p->head + p->cap / 2 - 1);
        for (failed += drain(p); p->tail - p->head == p->cap; failed += drain(p))
            wait_done(p, p->head);
    }
    slot *s = &p->ring[p->tail % p->cap];
    if (slot_fill(s, d) < 0) {
        fprintf(stderr, "%s: out of memory; document skipped\n", d->id);
        mz_buf_free(&s->in);
        return failed + 1;
    }
    if (!p->started) {
        code_slot(p->coders[0], s, p->tsv);
        return slot_write(s);
    }
    pthread_mutex_lock(&p->lock);
    s->done = 0;
    p->tail++;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->lock);
    return failed + drain(p);
}

/* Codes and writes what is left, stops the threads and frees everything; returns the number of
 * documents failed. */
static int pipeline_close(pipeline *p)
{
    int failed = 0;
    while (p->head < p->tail) {
        wait_done(p, p->head);
        failed += drain(p);
    }
    if (p->started) {
        pthread_mutex_lock(&p->lock);
        p->closing = 1;
        pthread_cond_broadcast(&p->work);
        pthread_mutex_unlock(&p->lock);
    }
    for (int t = 0; t < p->started; t++)
        pthread_join(p->tid[t], NULL);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    for (int t = 0; t < p->threads; t++)
        mz_coder_free(p->coders[t]);
    for (size_t i = 0; p->ring && i < p->cap; i++) {
        mz_buf_free(&p->ring[i].in);
        mz_buf_free(&p->ring[i].out);
    }
    free(p->ring);
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

/* Codes every document of one input; returns the number of bad records and failed documents. */
static int code_input(pipeline *p, const options *o, const char *path)
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
        bad += pipeline_put(p, &doc);
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
    pipeline p = {.e = e,
                  .flags = (o.partial ? MZ_CODE_PARTIAL : 0) | (o.explain ? MZ_CODE_EXPLAIN : 0) |
                           (o.parse ? MZ_CODE_PARSE : 0),
                  .tsv = o.tsv,
                  .threads = o.threads};
    if (pipeline_open(&p) < 0) {
        fprintf(stderr, "mizan code: out of memory\n");
        pipeline_close(&p);
        mz_engine_free(e);
        return 2;
    }
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
    bad += pipeline_close(&p);
    mz_engine_free(e);
    if (fflush(stdout) != 0) {
        perror("mizan code: stdout");
        return 2;
    }
    return bad ? 2 : 0;
}
