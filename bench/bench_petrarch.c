/*
 * bench_petrarch.c — how long the Phoenix (PETRARCH) dictionaries take to load, and how much
 * memory they take.
 *
 * Loads CAMEO.2.0.txt, the three Phoenix actor files, Phoenix.agents.txt and
 * Phoenix.discards.txt from the folder given (default ../shared/reference/petrarch) into a fresh
 * engine, alone and after the built-in dictionaries, several times, and prints the fastest load +
 * compile of each, the phrases loaded and the process's peak memory.  A program, not a test: it
 * prints measurements and asserts nothing (it exits 2 when a file does not load, and skips when
 * the folder is absent).
 *
 *   bench_petrarch [folder] [repetitions, default 5]
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "mizan.h"

static const struct {
    const char *name;
    mz_dict_kind kind;
} files[] = {
    {"Phoenix.Countries.actors.txt", MZ_DICT_ACTORS},
    {"Phoenix.International.actors.txt", MZ_DICT_ACTORS},
    {"Phoenix.MilNonState.actors.txt", MZ_DICT_ACTORS},
    {"Phoenix.agents.txt", MZ_DICT_AGENTS},
    {"CAMEO.2.0.txt", MZ_DICT_VERBS},
    {"Phoenix.discards.txt", MZ_DICT_DISCARDS},
};

static double clock_of(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double now(void) { return clock_of(CLOCK_MONOTONIC); }
static double cpu(void) { return clock_of(CLOCK_PROCESS_CPUTIME_ID); }

/* Loads everything into a new engine; returns the seconds taken (wall clock; *cpu_s the CPU
 * time, which a busy machine disturbs less), or -1 on error. */
static double load(const char *dir, int builtin, size_t *phrases, double *cpu_s)
{
    double t0 = now(), c0 = cpu();
    mz_engine *e = mz_engine_new();
    mz_error err = {0};
    mz_status st = builtin ? mz_engine_load_builtin(e, &err)
                           : mz_engine_load_builtin_kind(e, MZ_DICT_MARKERS, &err);
    for (size_t i = 0; st == MZ_OK && i < sizeof files / sizeof files[0]; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        st = mz_engine_load_file(e, files[i].kind, path, &err);
    }
    if (st == MZ_OK)
        st = mz_engine_compile(e, &err);
    double t = now() - t0;
    *cpu_s = cpu() - c0;
    if (st != MZ_OK) {
        fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.message);
        mz_engine_free(e);
        return -1;
    }
    *phrases = 0;
    for (int k = MZ_DICT_ACTORS; k <= MZ_DICT_MARKERS; k++)
        *phrases += mz_engine_count(e, (mz_dict_kind)k, 0);
    mz_engine_free(e);
    return t;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "../shared/reference/petrarch";
    int reps = argc > 2 ? atoi(argv[2]) : 5;
    if (reps < 1)
        reps = 1;
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/%s", dir, files[0].name);
    FILE *f = fopen(probe, "rb");
    if (!f) {
        printf("bench_petrarch: skipped (%s is absent)\n", probe);
        return 0;
    }
    fclose(f);
    for (int builtin = 0; builtin <= 1; builtin++) {
        double best = 1e9, best_cpu = 1e9;
        size_t phrases = 0;
        for (int i = 0; i < reps; i++) {
            double c;
            double t = load(dir, builtin, &phrases, &c);
            if (t < 0)
                return 2;
            if (t < best)
                best = t;
            if (c < best_cpu)
                best_cpu = c;
        }
        printf("Phoenix dictionaries%s: %zu phrases, load + compile %.1f ms wall, %.1f ms CPU "
               "(best of %d)\n",
               builtin ? " + built-in" : " alone", phrases, best * 1000, best_cpu * 1000, reps);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak memory: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    return 0;
}
