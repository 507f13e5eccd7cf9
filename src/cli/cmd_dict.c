/*
 * cmd_dict.c — `mizan dict check FILE...` validates dictionaries (the first error of each file,
 * with file and line); `mizan dict stats` prints what the engine holds, per kind and language.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

static const struct {
    const char *name;
    mz_dict_kind kind;
} kinds[] = {
    {"actors", MZ_DICT_ACTORS}, {"agents", MZ_DICT_AGENTS}, {"verbs", MZ_DICT_VERBS},
    {"discards", MZ_DICT_DISCARDS}, {"markers", MZ_DICT_MARKERS},
};

static int check(int argc, char **argv)
{
    int bad = 0;
    for (int i = 1; i < argc; i++) {
        mz_engine *e = mz_engine_new();
        mz_error err = {0};
        if (!e) {
            fprintf(stderr, "mizan dict: out of memory\n");
            return 2;
        }
        if (mz_engine_load_file(e, MZ_DICT_AUTO, argv[i], &err) != MZ_OK) {
            mz_cli_report(&err);
            bad++;
        } else {
            printf("%s: ok\n", argv[i]);
        }
        mz_engine_free(e);
    }
    return bad ? 2 : 0;
}

static int stats(void)
{
    mz_engine *e = mz_cli_engine(NULL);
    if (!e)
        return 2;
    printf("%-10s %8s %8s %8s\n", "kind", "arabic", "english", "total");
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        printf("%-10s %8zu %8zu %8zu\n", kinds[i].name, mz_engine_count(e, kinds[i].kind, 'a'),
               mz_engine_count(e, kinds[i].kind, 'e'), mz_engine_count(e, kinds[i].kind, 0));
    mz_engine_free(e);
    return 0;
}

int mz_cmd_dict(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "check") == 0)
        return check(argc - 1, argv + 1);
    if (argc == 2 && strcmp(argv[1], "stats") == 0)
        return stats();
    fprintf(stderr, "usage: mizan dict check FILE...\n       mizan dict stats\n");
    return 1;
}
