/*
 * bench_code.c — how fast mizan codes, measured on the project's own example texts.
 *
 * Builds an Arabic and an English corpus by repeating the sentences of examples/corpus.jsonl
 * and examples/article_ar.txt (in documents of about 2 KB) up to a target size, then prints for
 * each language: sentences per second and MB per second on one thread and on two, the speed-up,
 * the engine's start-up time and the process's peak memory.  A program, not a test: it prints
 * measurements and asserts nothing.
 *
 * Wall-clock figures suffer when other programs share the machine; the one-thread rate and the
 * start-up are also given in CPU time (the thread's or the process's), which counts only the
 * time the work was running and so stays close to the idle-machine figure.
 *
 *   bench_code [MB per language, default 20] [ar|en: one language only]
 */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "mizan.h"
#include "util/buf.h"

typedef struct corpus {
    mz_buf text;        /* documents separated by NUL */
    size_t *off, *len;
    size_t ndocs, cap;
} corpus;

/* Seconds on a clock: CLOCK_MONOTONIC (wall), CLOCK_THREAD_CPUTIME_ID, CLOCK_PROCESS_CPUTIME_ID. */
static double clock_s(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double now(void) { return clock_s(CLOCK_MONOTONIC); }

static void add_doc(corpus *c, const char *s, size_t n)
{
    if (c->ndocs == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 1024;
        c->off = realloc(c->off, c->cap * sizeof *c->off);
        c->len = realloc(c->len, c->cap * sizeof *c->len);
        if (!c->off || !c->len)
            exit(2);
    }
    c->off[c->ndocs] = c->text.len;
    c->len[c->ndocs++] = n;
    mz_buf_put(&c->text, s, n);
    mz_buf_putc(&c->text, '\0');
}

/* Repeats the seed texts into documents of ~2 KB until the corpus holds `bytes`. */
static void fill(corpus *c, mz_buf *seed, size_t bytes)
{
    mz_buf doc = MZ_BUF_INIT;
    size_t total = 0;
    while (total < bytes) {
        for (size_t i = 0; i < seed->len && total < bytes;) {
            size_t n = strlen(seed->data + i);
            mz_buf_put(&doc, seed->data + i, n);
            mz_buf_putc(&doc, '\n');
            i += n + 1;
            if (doc.len > 2048) {
                add_doc(c, doc.data, doc.len);
                total += doc.len;
                mz_buf_clear(&doc);
            }
        }
    }
    mz_buf_free(&doc);
}

static void load_seeds(mz_buf *ar, mz_buf *en)
{
    FILE *f = fopen("examples/corpus.jsonl", "r");
    char *line = NULL;
    size_t cap = 0;
    while (f && getline(&line, &cap, f) > 0) {
        json_t *j = json_loads(line, 0, NULL);
        const char *text = json_string_value(json_object_get(j, "text"));
        const char *lang = json_string_value(json_object_get(j, "lang"));
        if (text && lang) {
            mz_buf *b = strcmp(lang, "ar") == 0 ? ar : en;
            mz_buf_puts(b, text);
            mz_buf_putc(b, '\0');
        }
        json_decref(j);
    }
    if (f)
        fclose(f);
    f = fopen("examples/article_ar.txt", "r");
    while (f && getline(&line, &cap, f) > 0) {
        line[strcspn(line, "\n")] = '\0';
        mz_buf_puts(ar, line);
        mz_buf_putc(ar, '\0');
    }
    if (f)
        fclose(f);
    free(line);
}

typedef struct work {
    const mz_engine *e;
    const corpus *c;
    size_t from, to;
    size_t sentences, events;
    double cpu; /* the thread's CPU seconds */
} work;

static void *run(void *arg)
{
    work *w = arg;
    double t0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
    mz_coder *c = mz_coder_new(w->e, 0);
    for (size_t i = w->from; i < w->to; i++) {
        mz_doc d = {.id = "b", .date = "2024-06-19", .text = w->c->text.data + w->c->off[i],
                    .len = w->c->len[i]};
        const mz_event *ev;
        size_t n;
        mz_error err;
        if (mz_coder_code(c, &d, &ev, &n, &err) == MZ_OK) {
            w->events += n;
            w->sentences += mz_coder_sentence_count(c);
        }
    }
    mz_coder_free(c);
    w->cpu = clock_s(CLOCK_THREAD_CPUTIME_ID) - t0;
    return NULL;
}

/* Codes the corpus with `threads` threads; returns wall seconds, fills sentence/event counts and
 * *cpu with the threads' CPU seconds added up. */
static double measure(const mz_engine *e, const corpus *c, int threads, size_t *sent, size_t *evs,
                      double *cpu)
{
    work w[8];
    pthread_t t[8];
    double t0 = now();
    for (int i = 0; i < threads; i++) {
        w[i] = (work){e, c, c->ndocs * (size_t)i / (size_t)threads,
                      c->ndocs * (size_t)(i + 1) / (size_t)threads, 0, 0, 0};
        pthread_create(&t[i], NULL, run, &w[i]);
    }
    *sent = *evs = 0;
    *cpu = 0;
    for (int i = 0; i < threads; i++) {
        pthread_join(t[i], NULL);
        *sent += w[i].sentences;
        *evs += w[i].events;
        *cpu += w[i].cpu;
    }
    return now() - t0;
}

int main(int argc, char **argv)
{
    size_t mb = argc > 1 ? (size_t)atoi(argv[1]) : 20;
    double t0 = now(), cpu0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    mz_error err = {0};
    mz_engine *e = mz_engine_new();
    if (!e || mz_engine_load_builtin(e, &err) != MZ_OK || mz_engine_compile(e, &err) != MZ_OK) {
        fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.message);
        return 2;
    }
    double startup = now() - t0, startup_cpu = clock_s(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
    mz_buf ar = MZ_BUF_INIT, en = MZ_BUF_INIT;
    load_seeds(&ar, &en);
    if (!ar.len || !en.len) {
        fprintf(stderr, "bench_code: run from the source tree (examples/ not found)\n");
        return 2;
    }
    printf("engine start-up: %.1f ms (CPU time %.1f ms)\n", startup * 1000, startup_cpu * 1000);
    const char *names[2] = {"arabic", "english"};
    mz_buf *seeds[2] = {&ar, &en};
    const char *only = argc > 2 ? argv[2] : NULL;
    for (int l = 0; l < 2; l++) {
        if (only && strncmp(names[l], only[0] == 'a' ? "arabic" : "english", 7) != 0)
            continue;
        corpus c = {0};
        fill(&c, seeds[l], mb << 20);
        double size = (double)c.text.len / (1 << 20);
        size_t s1, e1, s2, e2;
        double cpu1, cpu2;
        double one = measure(e, &c, 1, &s1, &e1, &cpu1);
        double two = measure(e, &c, 2, &s2, &e2, &cpu2);
        printf("%-8s %6.1f MB %8zu docs %9zu sentences %8zu events\n", names[l], size, c.ndocs, s1, e1);
        printf("  1 thread : %10.0f sentences/s %7.1f MB/s  (CPU time: %.0f sentences/s %.1f MB/s)\n",
               (double)s1 / one, size / one, (double)s1 / cpu1, size / cpu1);
        printf("  2 threads: %10.0f sentences/s %7.1f MB/s  (x%.2f)\n", (double)s2 / two, size / two, one / two);
        mz_buf_free(&c.text);
        free(c.off);
        free(c.len);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak memory: %.1f MB\n", (double)ru.ru_maxrss / 1024);
    mz_buf_free(&ar);
    mz_buf_free(&en);
    mz_engine_free(e);
    return 0;
}
