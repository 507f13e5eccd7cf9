/*
 * bench_parse.c — how fast the syntactic analysis loads and runs.
 *
 * Prints the time to load both built-in parser models (the best of five loads, wall clock and
 * CPU time), then, for an English and an Arabic input, the rate of `mizan parse`'s work without
 * its output: tokens, sentences, Arabic segmentation, tagging, parsing and labelling, repeated
 * until a second of CPU time has passed; then the process's peak memory.  A program, not a
 * test: it prints measurements and asserts nothing.
 *
 *   bench_parse [EN_FILE [AR_FILE]]     (.jsonl or .txt; default examples/corpus.jsonl and
 *                                        examples/article_ar.txt)
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "io/reader.h"
#include "parse/parse.h"
#include "text/token.h"
#include "util/buf.h"

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The documents of a file, NUL-separated in one buffer. */
static int read_docs(const char *path, mz_buf *docs, size_t *ndocs)
{
    mz_error err = {0};
    mz_reader *r = mz_reader_open(path, NULL, NULL, NULL, &err);
    if (!r) {
        fprintf(stderr, "bench_parse: %s: %s\n", path, err.message);
        return -1;
    }
    mz_doc d;
    int rc;
    while ((rc = mz_reader_next(r, &d, &err)) != 0)
        if (rc > 0) {
            mz_buf_put(docs, d.text, d.len);
            mz_buf_putc(docs, '\0');
            (*ndocs)++;
        }
    mz_reader_close(r);
    return 0;
}

typedef struct tally {
    size_t sents, words, bytes;
} tally;

/* Analyses every document once, adding to t. */
static void parse_all(const mz_parse_model *m, int ar, const mz_buf *docs, mz_parse_work *w,
                      mz_tokens *toks, mz_sentences *sents, tally *t)
{
    static const char *forms[MZ_PARSE_MAX_WORDS];
    static uint32_t lens[MZ_PARSE_MAX_WORDS], st[MZ_PARSE_MAX_WORDS], en[MZ_PARSE_MAX_WORDS];
    static mz_parsed out[MZ_PARSE_MAX_WORDS];
    for (size_t off = 0; off < docs->len;) {
        const char *text = docs->data + off;
        size_t len = strlen(text);
        off += len + 1;
        if (mz_tokenize(text, len, toks) < 0 || mz_split_sentences(text, toks, sents) < 0)
            exit(1);
        for (size_t i = 0; i < sents->n; i++) {
            const mz_sentence *s = &sents->v[i];
            size_t n = mz_syntactic_words(m, text, toks, s->tok_begin, s->tok_end, ar, st, en,
                                          NULL, MZ_PARSE_MAX_WORDS, NULL);
            for (size_t k = 0; k < n; k++) {
                forms[k] = text + st[k];
                lens[k] = en[k] - st[k];
            }
            mz_parse_sentence(m, w, forms, lens, n, NULL, out);
            t->words += n;
            t->sents++;
        }
        t->bytes += len;
    }
}

static void bench_lang(const char *lang, const char *path)
{
    mz_error err = {0};
    mz_parse_model *m = mz_parse_model_builtin(lang, &err);
    mz_buf docs = {0};
    size_t ndocs = 0;
    if (!m || read_docs(path, &docs, &ndocs) < 0) {
        fprintf(stderr, "bench_parse: %s\n", m ? path : err.message);
        mz_parse_model_free(m);
        return;
    }
    mz_parse_work *w = mz_parse_work_new();
    mz_tokens toks = {0};
    mz_sentences sents = {0};
    tally t = {0};
    double c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID), w0 = clock_s(CLOCK_MONOTONIC), dt;
    int rounds = 0;
    do {
        parse_all(m, strcmp(lang, "ar") == 0, &docs, w, &toks, &sents, &t);
        rounds++;
        dt = clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
    } while (dt < 1.0);
    double wall = clock_s(CLOCK_MONOTONIC) - w0;
    printf("%s  %s: %zu documents x %d rounds, %.1f words/sentence\n", lang, path, ndocs, rounds,
           (double)t.words / (double)t.sents);
    printf("  CPU time : %8.0f sentences/s %9.0f words/s %6.2f MB/s\n", (double)t.sents / dt,
           (double)t.words / dt, (double)t.bytes / dt / 1e6);
    printf("  wall     : %8.0f sentences/s\n", (double)t.sents / wall);
    mz_tokens_free(&toks);
    mz_sentences_free(&sents);
    mz_parse_work_free(w);
    mz_buf_free(&docs);
    mz_parse_model_free(m);
}

/* Best of five loads of both built-in models. */
static void bench_load(void)
{
    double best_wall = 1e9, best_cpu = 1e9;
    for (int i = 0; i < 5; i++) {
        mz_error err = {0};
        double w0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
        mz_parse_model *en = mz_parse_model_builtin("en", &err);
        mz_parse_model *ar = mz_parse_model_builtin("ar", &err);
        double wall = clock_s(CLOCK_MONOTONIC) - w0, cpu = clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
        if (!en || !ar) {
            fprintf(stderr, "bench_parse: %s\n", err.message);
            exit(1);
        }
        best_wall = wall < best_wall ? wall : best_wall;
        best_cpu = cpu < best_cpu ? cpu : best_cpu;
        mz_parse_model_free(en);
        mz_parse_model_free(ar);
    }
    printf("load both parser models: %.1f ms (CPU time %.1f ms), best of 5\n", best_wall * 1e3,
           best_cpu * 1e3);
}

int main(int argc, char **argv)
{
    bench_load();
    bench_lang("en", argc > 1 ? argv[1] : "examples/corpus.jsonl");
    bench_lang("ar", argc > 2 ? argv[2] : "examples/article_ar.txt");
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak memory: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    return 0;
}
