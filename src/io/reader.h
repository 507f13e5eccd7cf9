/*
 * reader.h — documents from files: plain text, JSON Lines, PETRARCH XML.
 *
 *   .txt    one document per file; id = the path as given ("stdin" for -), so files of the
 *           same name in different folders stay distinct; date and language from the caller
 *   .jsonl  one document per line: {"id", "date", "text", optional "lang", "source", "url"}
 *   .xml    <Sentences><Sentence id=".." date="YYYYMMDD"><Text>..</Text></Sentence>...
 *           read in one pass by libxml2's push parser: comments and CDATA as XML defines them,
 *           the encoding from the byte-order mark or declaration; a <Sentence> left unclosed is
 *           reported and skipped, a well-formedness error ends the file after the sentences
 *           before it; a root other than <Sentences> is refused
 *
 * Dates, wherever given, are read by date.h (ISO 8601 dates and timestamps, YYYYMMDD, RFC 2822)
 * and handed out as the UTC calendar date, YYYY-MM-DD.
 * A UTF-8 byte-order mark at the start of a text or JSON Lines file is skipped.  A directory,
 * or a read error in the middle of a file, is an error, not an end of file.
 * A bad record (malformed JSON, a missing field, a bad date, invalid UTF-8, a line over the
 * limit, a record too large for the memory left: "out of memory") is reported through the error with file and line, and reading goes on with the next.
 */
#ifndef MZ_READER_H
#define MZ_READER_H

#include "../../include/mizan.h"

/* Longest JSON Lines record, and largest document text accepted (plain text, a JSON Lines
 * "text", a PETRARCH <Text>).
 * Coding a document takes about 27 times its size at its peak (a 100 MB document 2.5 GB), so
 * a larger plain-text file is refused before it is read (when its size is known; standard
 * input as soon as it goes over).  Split larger documents. */
#define MZ_MAX_LINE (64u << 20)
#define MZ_MAX_TEXT (32u << 20)

typedef struct mz_reader mz_reader;

/* Opens `path` ("-" is standard input).  `format` NULL picks by extension ("txt" for stdin);
 * else "txt", "jsonl" or "xml".  `date` and `lang` are defaults for plain text (may be NULL).
 * Returns NULL with err filled when the file cannot be opened or the format is unknown. */
mz_reader *mz_reader_open(const char *path, const char *format, const char *date, const char *lang,
                          mz_error *err);

/* Reads the next document: 1 with *doc filled (valid until the next call), 0 at the end, -1 for
 * a bad record (err says file:line: reason; call again to go on). */
int mz_reader_next(mz_reader *r, mz_doc *doc, mz_error *err);

void mz_reader_close(mz_reader *r);

/* Joins the lines of wrapped text in place: a line break that is not part of a blank line, and
 * the blanks around it, become spaces, so that a sentence wrapped across lines (as PETRARCH's
 * XML <Text> is) reads as one; blank lines (paragraph breaks) stay. */
void mz_text_unwrap(char *s, size_t n);

#endif
