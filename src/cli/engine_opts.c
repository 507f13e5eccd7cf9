/* engine_opts.c — building the engine from command-line dictionary options; see commands.h. */
#include <stdio.h>
#include <stdlib.h>

#include "commands.h"

int mz_dict_opts_add(mz_dict_opts *o, mz_dict_kind kind, const char *path)
{
    if (o->n >= (int)(sizeof o->files / sizeof o->files[0]))
        return -1;
    o->files[o->n] = path;
    o->kinds[o->n] = kind;
    o->n++;
    return 0;
}

int mz_dict_opt(mz_dict_opts *o, int ch, const char *arg)
{
    static const struct { int ch; mz_dict_kind kind; } files[] = {
        {'A', MZ_DICT_ACTORS}, {'G', MZ_DICT_AGENTS}, {'V', MZ_DICT_VERBS}, {'D', MZ_DICT_DISCARDS},
    };
    if (ch == 'N') {
        o->no_builtin = 1;
        return 1;
    }
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        if (files[i].ch != ch)
            continue;
        if (mz_dict_opts_add(o, files[i].kind, arg) < 0) {
            fprintf(stderr, "mizan: too many dictionary files (at most %zu)\n", sizeof o->files / sizeof o->files[0]);
            return -1;
        }
        return 1;
    }
    return 0;
}

void mz_cli_report(const mz_error *err)
{
    if (err->file[0] && err->line > 0)
        fprintf(stderr, "%s:%ld: %s\n", err->file, err->line, err->message);
    else if (err->file[0])
        fprintf(stderr, "%s: %s\n", err->file, err->message);
    else
        fprintf(stderr, "mizan: %s\n", err->message);
}

mz_engine *mz_cli_engine(const mz_dict_opts *o)
{
    mz_error err = {0};
    mz_engine *e = mz_engine_new();
    if (!e) {
        fprintf(stderr, "mizan: cannot create the engine (out of memory)\n");
        return NULL;
    }
    /* --no-builtin drops the built-in actors, agents, verbs and discards; the grammar markers
     * (negation, coordination, passive "by" ...) are not a dictionary one replaces, so they stay */
    mz_status st = o && o->no_builtin ? mz_engine_load_builtin_kind(e, MZ_DICT_MARKERS, &err)
                                      : mz_engine_load_builtin(e, &err);
    for (int i = 0; o && i < o->n && st == MZ_OK; i++)
        st = mz_engine_load_file(e, o->kinds[i], o->files[i], &err);
    size_t nw = mz_engine_warnings(e, NULL);
    if (st == MZ_OK && nw)
        fprintf(stderr, "mizan: note: the dictionaries given hold %zu kind%s of entries that were "
                        "skipped or read in part (`mizan dict check FILE` lists them)\n",
                nw, nw == 1 ? "" : "s");
    if (st == MZ_OK)
        st = mz_engine_compile(e, &err);
    if (st != MZ_OK) {
        mz_cli_report(&err);
        mz_engine_free(e);
        return NULL;
    }
    return e;
}

int mz_cli_int(const char *s, int min, int max)
{
    char *end;
    long v = strtol(s, &end, 10);
    return *s >= '0' && *s <= '9' && !*end && v >= min && v <= max ? (int)v : -1;
}
