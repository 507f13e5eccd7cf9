/*
 * bench_ingest.c — how fast mizan ingests: documents coded and written to the SQLite store.
 *
 * Generates N documents (default 100,000) of three to seven news sentences each, drawn with a
 * fixed seed from a list of Arabic and English sentences about the Russia–North Korea partnership
 * and the reactions to it, dated over 2023–2025.  Then it measures, each on a fresh database in
 * a temporary folder:
 *
 *   1. ingest with one coding thread (documents/s, events/s),
 *   2. ingest with two coding threads,
 *   3. re-ingest of the same documents into the full database (all skipped as unchanged),
 *
 * and prints the database's size per document.  A program, not a test: it prints measurements
 * and asserts nothing (it exits 2 if the store fails).
 *
 *   bench_ingest [documents, default 100000] [folder for the databases, default /tmp]
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mizan.h"
#include "store/store.h"
#include "util/buf.h"

static const char *const sentences[] = {
    "North Korea supplied Russia with artillery shells.",
    "Russia signed a treaty with North Korea.",
    "The United States imposed sanctions on Russia.",
    "The United States imposed sanctions on North Korea.",
    "Japan condemned North Korea.",
    "South Korea accused North Korea of provocations.",
    "China consulted Russia on the crisis.",
    "The European Union adopted new sanctions against Russia.",
    "The weather in Moscow was mild for the season.",
    "Officials declined to comment on the reports.",
    "زودت كوريا الشمالية روسيا بالصواريخ.",
    "وقعت روسيا معاهدة شراكة استراتيجية مع كوريا الشمالية.",
    "فرضت الولايات المتحدة عقوبات على روسيا.",
    "أدانت اليابان كوريا الشمالية.",
    "استقبل الرئيس الروسي وفدا كوريا شماليا في موسكو.",
    "قال مسؤولون إن المحادثات ستستمر الأسبوع المقبل.",
};
enum { NSENT = sizeof sentences / sizeof sentences[0] };

/* The generated document source: document i is made on demand from a seeded generator, so a
 * second pass over the same source yields the same documents. */
typedef struct gen {
    long n, i;
    unsigned long long rng;
    char id[32], date[16];
    mz_buf text;
} gen;

static unsigned next_rand(gen *g)
{
    g->rng ^= g->rng << 13;
    g->rng ^= g->rng >> 7;
    g->rng ^= g->rng << 17;
    return (unsigned)(g->rng >> 32);
}

static int next_doc(void *ctx, mz_doc *doc, mz_error *err)
{
    (void)err;
    gen *g = ctx;
    if (g->i >= g->n)
        return 0;
    long i = g->i++;
    mz_buf_clear(&g->text);
    int k = 3 + (int)(next_rand(g) % 5);
    int arabic = next_rand(g) % 2;
    for (int j = 0; j < k; j++) {
        unsigned s = next_rand(g) % (NSENT / 2) + (arabic ? NSENT / 2 : 0);
        if (j)
            mz_buf_putc(&g->text, ' ');
        mz_buf_puts(&g->text, sentences[s]);
    }
    snprintf(g->id, sizeof g->id, "bench-%07ld", i);
    snprintf(g->date, sizeof g->date, "%04ld-%02ld-%02ld", 2023 + (i / 336) % 3, (i / 28) % 12 + 1,
             i % 28 + 1);
    *doc = (mz_doc){.id = g->id, .date = g->date, .lang = arabic ? "ar" : "en", .source = "bench",
                    .text = g->text.data, .len = g->text.len};
    return 1;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void remove_db(const char *path)
{
    char p[600];
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", path, suffix[i]);
        unlink(p);
    }
}

/* One ingest run of n documents into the database at path; prints a row and returns 0 on
 * success. */
static int run(const char *label, const char *path, const mz_engine *e, long n, int threads)
{
    mz_error err = {0};
    mz_store *s = mz_store_open(path, 0, &err);
    if (!s) {
        fprintf(stderr, "bench_ingest: %s: %s\n", path, err.message);
        return -1;
    }
    gen g = {.n = n, .rng = 0x9e3779b97f4a7c15ull, .text = MZ_BUF_INIT};
    mz_ingest_opts o = {.threads = threads, .next = next_doc, .ctx = &g};
    mz_ingest_stats st;
    double t0 = now();
    mz_status rc = mz_store_ingest(s, e, &o, &st, &err);
    double t = now() - t0;
    mz_store_close(s);
    mz_buf_free(&g.text);
    if (rc != MZ_OK) {
        fprintf(stderr, "bench_ingest: %s\n", err.message);
        return -1;
    }
    printf("%-34s %8lld docs %9lld events %7.2f s %9.0f docs/s %9.0f events/s\n", label, st.read,
           st.events, t, (double)st.read / t, (double)st.events / t);
    return 0;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 100000;
    const char *dir = argc > 2 ? argv[2] : "/tmp";
    if (n < 1) {
        fprintf(stderr, "usage: bench_ingest [documents] [folder]\n");
        return 1;
    }
    mz_error err = {0};
    mz_engine *e = mz_engine_new();
    if (!e || mz_engine_load_builtin(e, &err) != MZ_OK || mz_engine_compile(e, &err) != MZ_OK) {
        fprintf(stderr, "bench_ingest: engine: %s\n", err.message);
        return 2;
    }
    char p1[512], p2[512];
    snprintf(p1, sizeof p1, "%s/bench_ingest_%ld_1.db", dir, (long)getpid());
    snprintf(p2, sizeof p2, "%s/bench_ingest_%ld_2.db", dir, (long)getpid());
    remove_db(p1);
    remove_db(p2);
    printf("ingest of %ld generated documents (3-7 sentences, half Arabic, half English)\n", n);
    int bad = run("new database, 1 thread", p1, e, n, 1) || run("new database, 2 threads", p2, e, n, 2) ||
              run("re-ingest, all unchanged", p1, e, n, 1);
    struct stat sb;
    if (!bad && stat(p1, &sb) == 0) {
        mz_store *s = mz_store_open(p1, MZ_STORE_READONLY, &err);
        mz_store_counts c = {0};
        if (s && mz_store_count(s, &c, &err) == MZ_OK)
            printf("database: %.1f MB, %.0f bytes per document (%lld sentences, %lld events)\n",
                   (double)sb.st_size / 1e6, (double)sb.st_size / (double)c.documents, c.sentences,
                   c.events);
        mz_store_close(s);
    }
    remove_db(p1);
    remove_db(p2);
    mz_engine_free(e);
    return bad ? 2 : 0;
}
