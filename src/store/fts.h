/*
 * fts.h — the `mizan` tokenizer of SQLite's FTS5: the full-text index of the store's sentences
 * holds the terms of terms.h (English stems, Arabic words without their clitics, folded
 * letters), and a MATCH query is read through the same rules.
 */
#ifndef MZ_FTS_H
#define MZ_FTS_H

#include <sqlite3.h>

/* The tokenizer's name, as written in the table's tokenize= option. */
#define MZ_FTS_TOKENIZER "mizan"

/* Registers the tokenizer on the connection db; every connection that reads or writes the
 * index needs it.  Returns SQLITE_OK or an SQLite error code (SQLITE_ERROR when the library
 * has no FTS5). */
int mz_fts_register(sqlite3 *db);

#endif
