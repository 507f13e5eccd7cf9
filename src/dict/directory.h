/*
 * directory.h — the actor dictionaries as a directory for people: which names a code has, in
 * which language and (for people) in which period, and which codes a name has.
 *
 * The coder's engine keeps phrases only as keys in its matcher; this reads the actor lines of
 * the built-in dictionaries (and any actor files given) again, as text, into a flat table.  It
 * is small (a few thousand lines) and only `mizan actor` and the --actor checks use it.
 */
#ifndef MZ_DIRECTORY_H
#define MZ_DIRECTORY_H

#include <stddef.h>

#include "../../include/mizan.h"
#include "../util/arena.h"

/* One phrase of one actor line. */
typedef struct mz_dir_name {
    const char *code;    /* CAMEO actor code */
    const char *phrase;  /* as written */
    char lang;           /* 'a' Arabic, 'e' English (from the phrase's letters) */
    int adj;             /* a demonym or adjective ("Russian") */
    char from[11], to[11];  /* YYYY-MM-DD, "" when open */
} mz_dir_name;

typedef struct mz_directory {
    mz_dir_name *names;
    size_t n, cap;
    mz_arena strings;
} mz_directory;

void mz_directory_init(mz_directory *d);
void mz_directory_free(mz_directory *d);

/* Adds the actor lines of the built-in actor dictionaries. */
mz_status mz_directory_load_builtin(mz_directory *d, mz_error *err);

/* Adds the actor lines of dictionary text in mizan's format (CODE [adj] [FROM..TO] : a | b);
 * comments, blank lines and lines of other forms are skipped. */
mz_status mz_directory_load_text(mz_directory *d, const char *text, size_t len, mz_error *err);

/* 1 when `code` is a code of the directory, or a country or organisation code some code
 * begins with (RUS for RUSGOV, IGO), or such a code followed by a role that another entry
 * has (RUS + MIL from PRKMIL); else 0.  Codes compare without case. */
int mz_directory_knows(const mz_directory *d, const char *code);

/* Up to `max` distinct codes nearest to `query` by edit distance (case-insensitive), nearest
 * first, ties in code order; only codes within distance max(2, len/2).  Returns how many were
 * written to out (pointers into the directory). */
size_t mz_directory_nearest(const mz_directory *d, const char *query, const char **out, size_t max);

/* 1 when the phrase names the same thing as the query: equal after case folding of ASCII
 * letters and trimming ("russia" for "Russia"). */
int mz_directory_name_is(const char *phrase, const char *query);

#endif
