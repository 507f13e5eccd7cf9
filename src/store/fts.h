/*
 * fts.h — the `mizan` tokenizer of SQLite's FTS5: the full-text index of the store's sentences
 * holds the terms of terms.h (English stems, Arabic words without their clitics, folded
 * letters), and a MATCH query is read through the same rules.
 */
#ifndef MZ_FTS_H
#define MZ_FTS_H

#include <sqlite3.h>

#include "../text/terms.h"

/* The tokenizer's name, and the table's tokenize= option: the name and the version of the
 * rules (terms.h), which the tokenizer takes as its one argument. */
#define MZ_FTS_TOKENIZER "mizan"
#define MZ_FTS_TOKENIZE MZ_FTS_TOKENIZER " " MZ_TERMS_VERSION

/* Registers the tokenizer on the connection db; every connection that reads or writes the
 * index needs it.  Returns SQLITE_OK or an SQLite error code (SQLITE_ERROR when the library
 * has no FTS5). */
int mz_fts_register(sqlite3 *db);

#endif
