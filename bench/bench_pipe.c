/*
 * bench_pipe.c — the `mizan code` command beside the library, on the same real text.
 *
 * For each JSON Lines pool (by default the Arabic and English article pools of
 * ../shared/realtext, text nobody here wrote), prints the library's rate — the documents read
 * into memory first, then coded by mz_coder_code on one thread and on two, one coder per thread
 * — and the command's, run as a user runs it (`mizan code -j N POOL > /dev/null`: reading,
 * coding, rendering, writing), with one thread and two.  Each in wall-clock time and in CPU
 * time (the coding threads' for the library; the child's user + system for the command), in
 * MB/s and sentences/s, the best and the median of several runs; then the command's share of
 * the library's one-core rate and the speed-up of -j 2.  A program, not a test: it prints
 * measurements and asserts nothing.
 *
 * A small pool is repeated, each copy with ids of its own ("#2", "#3", ...), up to the volume
 * asked for; the first copy is fresh text to the coder, the later ones are not (its word memo
 * knows them), for the library and the command alike.
 *
 *   bench_pipe [-m MIZAN] [-n RUNS] [-s MB] [POOL.jsonl...]
 *   (MIZAN defaults to the mizan beside this program's folder; RUNS to 3; MB, the least volume
 *   of a pool, to 20: the size of the Arabic pool, so that the command's start-up weighs alike)
 */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "io/reader.h"
#include "mizan.h"
#include "util/buf.h"

enum { MAX_RUNS = 15 };

/* The documents of a pool, held in memory for the library's runs. */
typedef struct pool {
    mz_buf strings;   /* per document: id, date, lang, text, each NUL-terminated */
    size_t *at;       /* offset of each document's id */
    size_t *len;      /* its text's length */
    size_t ndocs, cap, bytes;  /* bytes: the pool file's size, times the copies */
    int copies;
} pool;

/* One timed run: wall and CPU seconds. */
typedef struct timing {
    double wall, cpu;
} timing;

static double clock_s(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void put_str(mz_buf *b, const char *s)
{
    mz_buf_puts(b, s ? s : "");
    mz_buf_putc(b, '\0');
}

/* Reads one copy of the pool at path into p, its ids suffixed "#copy" after the first. */
static int load_copy(pool *p, const char *path, int copy)
{
    mz_error err = {0};
    mz_reader *r = mz_reader_open(path, "jsonl", NULL, NULL, &err);
    if (!r) {
        fprintf(stderr, "bench_pipe: %s\n", err.message);
        return -1;
    }
    mz_doc d;
    int got;
    while ((got = mz_reader_next(r, &d, &err)) != 0) {
        if (got < 0)
            continue;
        if (p->ndocs == p->cap) {
            p->cap = p->cap ? 2 * p->cap : 1024;
            p->at = realloc(p->at, p->cap * sizeof *p->at);
            p->len = realloc(p->len, p->cap * sizeof *p->len);
            if (!p->at || !p->len)
                exit(2);
        }
        p->at[p->ndocs] = p->strings.len;
        p->len[p->ndocs++] = d.len;
        mz_buf_puts(&p->strings, d.id);
        if (copy > 1)
            mz_buf_printf(&p->strings, "#%d", copy);
        mz_buf_putc(&p->strings, '\0');
        put_str(&p->strings, d.date);
        put_str(&p->strings, d.lang);
        mz_buf_put(&p->strings, d.text, d.len);
        mz_buf_putc(&p->strings, '\0');
    }
    mz_reader_close(r);
    return p->strings.oom ? -1 : 0;
}

/* The document i of the pool. */
static mz_doc doc_at(const pool *p, size_t i)
{
    const char *id = p->strings.data + p->at[i];
    const char *date = id + strlen(id) + 1;
    const char *lang = date + strlen(date) + 1;
    const char *text = lang + strlen(lang) + 1;
    return (mz_doc){.id = id, .date = *date ? date : NULL, .lang = *lang ? lang : NULL,
                    .text = text, .len = p->len[i]};
}

/* Writes the copies of the pool, ids suffixed as in load_copy, to a temporary file for the
 * command; returns its path (the caller removes and frees it) or NULL. */
static char *write_copies(const pool *p)
{
    char *path = strdup("/tmp/bench_pipe.XXXXXX.jsonl");
    int fd = path ? mkstemps(path, 6) : -1;
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        free(path);
        return NULL;
    }
    mz_buf line = MZ_BUF_INIT;
    for (size_t i = 0; i < p->ndocs; i++) {
        mz_doc d = doc_at(p, i);
        mz_buf_clear(&line);
        mz_buf_puts(&line, "{\"id\":");
        mz_buf_json_str(&line, d.id, strlen(d.id));
        if (d.date) {
            mz_buf_puts(&line, ",\"date\":");
            mz_buf_json_str(&line, d.date, strlen(d.date));
        }
        if (d.lang) {
            mz_buf_puts(&line, ",\"lang\":");
            mz_buf_json_str(&line, d.lang, strlen(d.lang));
        }
        mz_buf_puts(&line, ",\"text\":");
        mz_buf_json_str(&line, d.text, d.len);
        mz_buf_puts(&line, "}\n");
        fwrite(line.data, 1, line.len, f);
    }
    mz_buf_free(&line);
    if (fclose(f) != 0) {
        unlink(path);
        free(path);
        return NULL;
    }
    return path;
}

/* ---- the library ---- */

typedef struct lib_run {
    const mz_engine *e;
    const pool *p;
    atomic_size_t next;
    atomic_size_t sentences, events;
    double cpu[2];
} lib_run;

typedef struct lib_thread {
    lib_run *run;
    int index;
} lib_thread;

/* A coding thread of the library's run: one coder, documents taken in turn. */
static void *lib_code(void *arg)
{
    lib_thread *t = arg;
    lib_run *run = t->run;
    double t0 = clock_s(CLOCK_THREAD_CPUTIME_ID);
    mz_coder *c = mz_coder_new(run->e, 0);
    size_t sentences = 0, events = 0, i;
    while (c && (i = atomic_fetch_add(&run->next, 1)) < run->p->ndocs) {
        mz_doc d = doc_at(run->p, i);
        const mz_event *ev;
        size_t n;
        mz_error err;
        if (mz_coder_code(c, &d, &ev, &n, &err) == MZ_OK) {
            events += n;
            sentences += mz_coder_sentence_count(c);
        }
    }
    mz_coder_free(c);
    atomic_fetch_add(&run->sentences, sentences);
    atomic_fetch_add(&run->events, events);
    run->cpu[t->index] = clock_s(CLOCK_THREAD_CPUTIME_ID) - t0;
    return NULL;
}

/* Codes the pool with the library on `threads` (1 or 2) threads. */
static timing lib_measure(const mz_engine *e, const pool *p, int threads, size_t *sent, size_t *evs)
{
    lib_run run = {.e = e, .p = p};
    lib_thread t[2] = {{&run, 0}, {&run, 1}};
    pthread_t tid[2];
    double t0 = clock_s(CLOCK_MONOTONIC);
    for (int i = 0; i < threads; i++)
        pthread_create(&tid[i], NULL, lib_code, &t[i]);
    for (int i = 0; i < threads; i++)
        pthread_join(tid[i], NULL);
    timing tm = {clock_s(CLOCK_MONOTONIC) - t0, run.cpu[0] + (threads > 1 ? run.cpu[1] : 0)};
    *sent = run.sentences;
    *evs = run.events;
    return tm;
}

/* ---- the command ---- */

/* Runs `mizan code -j threads path > /dev/null` and times it. */
static timing cmd_measure(const char *mizan, const char *path, int threads, int *ok)
{
    char j[16];
    snprintf(j, sizeof j, "%d", threads);
    double t0 = clock_s(CLOCK_MONOTONIC);
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execl(mizan, mizan, "code", "-j", j, path, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) {
        *ok = 0;
        return (timing){0, 0};
    }
    timing tm = {clock_s(CLOCK_MONOTONIC) - t0,
                 (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
                     (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6};
    *ok = WIFEXITED(status) && WEXITSTATUS(status) != 127;
    return tm;
}

/* ---- report ---- */

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The best (least) and median of n times. */
static void best_median(const double *v, int n, double *best, double *median)
{
    double s[MAX_RUNS];
    memcpy(s, v, (size_t)n * sizeof *s);
    qsort(s, (size_t)n, sizeof *s, by_value);
    *best = s[0];
    *median = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/* Prints one row: the rates of the best and median runs, wall and CPU; the best wall and CPU
 * times are returned for the ratios. */
static void row(const char *what, const timing *t, int n, double mb, size_t sent, timing *best)
{
    double wall[MAX_RUNS], cpu[MAX_RUNS], wb, wm, cb, cm;
    for (int i = 0; i < n; i++) {
        wall[i] = t[i].wall;
        cpu[i] = t[i].cpu;
    }
    best_median(wall, n, &wb, &wm);
    best_median(cpu, n, &cb, &cm);
    printf("  %-16s wall %6.1f MB/s %8.0f sent/s (median %6.1f)   CPU %6.1f MB/s %8.0f sent/s "
           "(median %6.1f)\n",
           what, mb / wb, (double)sent / wb, mb / wm, mb / cb, (double)sent / cb, mb / cm);
    *best = (timing){wb, cb};
}

/* Measures one pool: the library, then the command, `runs` times each, alternating. */
static void bench_pool(const mz_engine *e, const char *mizan, const char *path, int runs, size_t least)
{
    pool p = {0};
    struct stat st;
    if (stat(path, &st) < 0) {
        printf("%s: not found; nothing measured\n", path);
        return;
    }
    do {
        if (load_copy(&p, path, ++p.copies) < 0)
            return;
        p.bytes += (size_t)st.st_size;
    } while (p.bytes < least && p.ndocs > 0);
    char *copy = p.copies > 1 ? write_copies(&p) : NULL;
    const char *input = copy ? copy : path;
    double mb = (double)p.bytes / 1e6;
    timing lib[2][MAX_RUNS] = {{{0, 0}}}, cmd[2][MAX_RUNS] = {{{0, 0}}};
    size_t sent = 0, evs = 0;
    int ok = 1;
    for (int r = 0; r < runs; r++)
        for (int j = 0; j < 2; j++) {
            lib[j][r] = lib_measure(e, &p, j + 1, &sent, &evs);
            cmd[j][r] = cmd_measure(mizan, input, j + 1, &ok);
        }
    printf("%s: %zu documents (%d cop%s), %.1f MB, %zu sentences, %zu events; best of %d runs\n",
           path, p.ndocs, p.copies, p.copies > 1 ? "ies, distinct ids" : "y", mb, sent, evs, runs);
    timing lb1, lb2, cb1, cb2;
    row("library -j 1", lib[0], runs, mb, sent, &lb1);
    row("library -j 2", lib[1], runs, mb, sent, &lb2);
    row("command -j 1", cmd[0], runs, mb, sent, &cb1);
    row("command -j 2", cmd[1], runs, mb, sent, &cb2);
    if (!ok)
        printf("  (the command failed to run: %s)\n", mizan);
    printf("  command / library, one core: %.0f %% (wall), %.0f %% (CPU)\n", 100 * lb1.wall / cb1.wall,
           100 * lb1.cpu / cb1.cpu);
    printf("  -j 2 over -j 1 (wall): library x%.2f, command x%.2f; command CPU time -j 2 / -j 1: "
           "%.2f\n",
           lb1.wall / lb2.wall, cb1.wall / cb2.wall, cb2.cpu / cb1.cpu);
    if (copy) {
        unlink(copy);
        free(copy);
    }
    mz_buf_free(&p.strings);
    free(p.at);
    free(p.len);
}

int main(int argc, char **argv)
{
    char mizan[4096];
    const char *slash = strrchr(argv[0], '/');
    snprintf(mizan, sizeof mizan, "%.*s../mizan", slash ? (int)(slash - argv[0] + 1) : 0, argv[0]);
    int runs = 3, opt;
    size_t least = 20;
    while ((opt = getopt(argc, argv, "m:n:s:")) != -1) {
        if (opt == 'm')
            snprintf(mizan, sizeof mizan, "%s", optarg);
        else if (opt == 'n')
            runs = atoi(optarg);
        else if (opt == 's')
            least = (size_t)atoi(optarg);
        else
            return fprintf(stderr, "usage: bench_pipe [-m MIZAN] [-n RUNS] [-s MB] [POOL...]\n"), 1;
    }
    if (runs < 1 || runs > MAX_RUNS)
        return fprintf(stderr, "bench_pipe: -n takes 1 to %d\n", MAX_RUNS), 1;
    mz_error err = {0};
    mz_engine *e = mz_engine_new();
    if (!e || mz_engine_load_builtin(e, &err) != MZ_OK || mz_engine_compile(e, &err) != MZ_OK) {
        fprintf(stderr, "bench_pipe: %s\n", err.message);
        return 2;
    }
    static const char *const pools[] = {"../shared/realtext/ar_saudinews_dev_articles.jsonl",
                                        "../shared/realtext/en_wikinews_dev_articles.jsonl"};
    if (optind < argc)
        for (int i = optind; i < argc; i++)
            bench_pool(e, mizan, argv[i], runs, least * 1000000);
    else
        for (size_t i = 0; i < sizeof pools / sizeof *pools; i++)
            bench_pool(e, mizan, pools[i], runs, least * 1000000);
    mz_engine_free(e);
    return 0;
}
