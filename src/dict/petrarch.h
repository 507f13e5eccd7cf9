/*
 * petrarch.h — reading TABARI / PETRARCH dictionaries (actors, agents, verbs, discards) into an
 * engine; see petrarch.c for the mapping and docs/DICTIONARIES.md for the user's view.
 *
 * The loader (loader.c) calls mz_petrarch_detect on every file it is given and hands PETRARCH
 * text to mz_petrarch_load.  The line parsers are exposed for the unit tests.
 */
#ifndef MZ_PETRARCH_H
#define MZ_PETRARCH_H

#include <stddef.h>
#include <stdint.h>

#include "engine.h"

/* Whether dictionary text is in a TABARI/PETRARCH format rather than mizan's: true unless the
 * first line that is neither blank nor a comment reads `HEAD : ...`, with no '[' anywhere and a
 * HEAD free of the PETRARCH marks [ ] { } _ & + ~ ! * < > and not starting with '-'. */
int mz_petrarch_detect(const char *text, size_t len);

/* The kind of a PETRARCH file: named by a word of its base name (actors, agents, verbs,
 * discards, between '.', '_' or '-': Phoenix.Countries.actors.txt), else told by its content:
 * verbs when a line starts with "---" or '&', agents when a code has a '~', actors when some line
 * has a [code], else discards. */
mz_dict_kind mz_petrarch_kind(const char *name, const char *text, size_t len);

/* Loads PETRARCH text of the given kind (not MZ_DICT_AUTO or MZ_DICT_MARKERS).  `text` is a
 * NUL-terminated copy the reader may modify.  Lines it cannot read stop it with MZ_ERR_PARSE and
 * file:line; entries it reads but cannot apply are skipped and counted (mz_engine_warnings). */
mz_status mz_petrarch_load(mz_engine *e, mz_dict_kind kind, const char *name, char *text,
                           mz_error *err);

/* ---- line parsers (exposed for tests) ---- */

/* A PETRARCH date, YYMMDD (00–30 are 20YY, 31–99 are 19YY, as in TABARI and PETRARCH) or
 * YYYYMMDD, as YYYYMMDD; -1 when malformed. */
int32_t mz_petrarch_date(const char *s, size_t len);

/* One [CODE restriction] block of an actor or agent line. */
typedef struct mz_pcode {
    char code[40];
    int32_t from, to;  /* YYYYMMDD, 0 when open; [CODE <D] ends the day before D */
    int role_first;    /* agents: [ROLE~] (role before the country) */
    int role;          /* agents: the code had a '~' */
} mz_pcode;

/* Room for an event code of a verb file as the reader keeps it, "A" or "A:B" (NUL included). */
enum { MZ_PCODE_MAX = 16 };

/* Outcomes of mz_petrarch_code. */
enum {
    MZ_PCODE_OK = 0,
    MZ_PCODE_UNCLOSED = -1,  /* '[' without ']' on the line: an error */
    MZ_PCODE_BADCODE = 1,    /* code not made of A-Z and 0-9, or too short: skipped */
    MZ_PCODE_BADDATE = 2,    /* restriction that is no valid date or range: skipped */
    MZ_PCODE_BRACE = 3       /* closed by '}' instead of ']': read, with a warning */
};

/* Parses the code block starting at s ('['); sets *end past it.  Returns an MZ_PCODE_ value. */
int mz_petrarch_code(const char *s, mz_pcode *out, const char **end);

#endif
