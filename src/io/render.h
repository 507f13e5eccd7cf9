/*
 * render.h — writing coded events: JSON Lines (the output contract in README.md) and TSV.
 * Each renderer appends to a buffer so that threads can render in parallel and the caller
 * writes the buffers in document order.
 */
#ifndef MZ_RENDER_H
#define MZ_RENDER_H

#include "../../include/mizan.h"
#include "../util/buf.h"

void mz_render_jsonl(mz_buf *out, const mz_event *ev);

/* The TSV header line (with newline) and one record.  Fields are escaped as in PostgreSQL's text
 * format (COPY ... TEXT): \\ for a backslash, \t, \n and \r for tab, newline and carriage
 * return; there is no quoting.  Read it with Python's csv (delimiter '\t', csv.QUOTE_NONE)
 * and undo the four escapes, with R's read.delim(quote = ""), or with COPY ... FROM. */
void mz_render_tsv_header(mz_buf *out);
void mz_render_tsv(mz_buf *out, const mz_event *ev);

#endif
