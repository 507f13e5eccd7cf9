/*
 * events_table.c — events read back from the tables mizan writes: TSV and CSV.
 *
 * How it works.  The header row names the columns (any order; unknown columns are ignored), so
 * the TSV of `mizan code --format tsv` and `mizan events --format tsv` and the CSV of `mizan
 * events --format csv` all read back.  TSV fields are unescaped as PostgreSQL's text format
 * escapes them (\t, \n, \r, \\; see render.h); CSV records follow RFC 4180 (quoted fields may
 * hold commas, quotes and line breaks).  Each row becomes a JSON object in the event contract
 * and goes through the same checks as a JSON Lines event (mz_evset_add_object), so the three
 * formats accept and refuse exactly the same events.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "events.h"
#include "../dict/engine.h"
#include "../util/buf.h"

enum { MAX_COLUMNS = 64 };

/* One row: its fields, each a NUL-terminated string in `text` at `at[i]`. */
typedef struct row {
    mz_buf text;
    size_t at[MAX_COLUMNS];
    int n;
    int too_many;
} row;

static void row_clear(row *r)
{
    mz_buf_clear(&r->text);
    r->n = 0;
    r->too_many = 0;
}

static void row_next_field(row *r)
{
    if (r->n < MAX_COLUMNS)
        r->at[r->n++] = r->text.len;
    else
        r->too_many = 1;
}

static const char *row_field(const row *r, int i) { return r->text.data + r->at[i]; }

/* Splits a line into fields at `sep`; for TSV (sep '\t') undoes the escapes of mz_render_tsv
 * (\t \n \r \\; any other backslash pair is kept as its second character, as PostgreSQL
 * does).  The line break at the end is dropped. */
static void split_line(row *r, const char *line, size_t n, char sep)
{
    row_clear(r);
    row_next_field(r);
    for (size_t i = 0; i < n; i++) {
        char c = line[i];
        if (c == sep) {
            mz_buf_putc(&r->text, '\0');
            row_next_field(r);
        } else if (sep == '\t' && c == '\\' && i + 1 < n) {
            char e = line[++i];
            mz_buf_putc(&r->text, e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e);
        } else if (c != '\n' && !(c == '\r' && i + 2 >= n)) {
            mz_buf_putc(&r->text, c);
        }
    }
    mz_buf_putc(&r->text, '\0');
}

/* Reads one CSV record (RFC 4180) from `in`; 0 at the end, 1 with the row filled, -1 when a
 * quoted field is not closed.  *lines counts the lines it spans. */
static int csv_record(FILE *in, row *r, long *lines)
{
    int c = getc(in);
    if (c == EOF)
        return 0;
    row_clear(r);
    row_next_field(r);
    int quoted = 0;
    *lines = 1;
    for (; c != EOF; c = getc(in)) {
        if (quoted) {
            if (c == '"') {
                int d = getc(in);
                if (d == '"') {
                    mz_buf_putc(&r->text, '"');
                    continue;
                }
                quoted = 0;
                if (d == EOF)
                    break;
                c = d;
            } else {
                *lines += c == '\n';
                mz_buf_putc(&r->text, (char)c);
                continue;
            }
        }
        if (c == '"') {
            quoted = 1;
        } else if (c == ',') {
            mz_buf_putc(&r->text, '\0');
            row_next_field(r);
        } else if (c == '\n') {
            break;
        } else if (c != '\r') {
            mz_buf_putc(&r->text, (char)c);
        }
    }
    mz_buf_putc(&r->text, '\0');
    return quoted ? -1 : 1;
}

/* Whole-number and number fields of the contract. */
static int whole(const char *s, long long *v)
{
    char *end;
    errno = 0;
    *v = strtoll(s, &end, 10);
    return *s && !*end && errno == 0;
}

static int number(const char *s, double *v)
{
    char *end;
    *v = strtod(s, &end);
    return *s && !*end;
}

/* Builds the event of one row as a JSON object; NULL (with *why) when a number is not one. */
static json_t *row_object(const row *hdr, const row *r, const char **why)
{
    json_t *o = json_object(), *ev = json_object();
    if (!o || !ev) {
        json_decref(o);
        json_decref(ev);
        *why = "out of memory";
        return NULL;
    }
    for (int i = 0; i < hdr->n && i < r->n; i++) {
        const char *name = row_field(hdr, i), *v = row_field(r, i);
        json_t *value;
        long long w;
        double d;
        if (strcmp(name, "sentence") == 0 || strcmp(name, "quad") == 0) {
            if (!whole(v, &w)) {
                *why = "a whole number expected in \"sentence\" or \"quad\"";
                goto bad;
            }
            value = json_integer(w);
        } else if (strcmp(name, "goldstein") == 0) {
            if (!number(v, &d)) {
                *why = "missing or bad \"goldstein\"";
                goto bad;
            }
            value = json_real(d);
        } else {
            value = json_string(v); /* NULL for invalid UTF-8: refused below */
            if (!value) {
                *why = "invalid UTF-8";
                goto bad;
            }
        }
        if (strncmp(name, "ev_", 3) == 0)
            json_object_set_new(ev, name + 3, value);
        else
            json_object_set_new(o, name, value);
    }
    json_object_set_new(o, "evidence", ev);
    return o;
bad:
    json_decref(o);
    json_decref(ev);
    return NULL;
}

/* Checks and adds one row; reports a bad one through the callback. */
static mz_status add_row(mz_evset *set, const row *hdr, const row *r, const mz_filter *f,
                         const char *name, long line, mz_bad_line_fn bad, void *ctx,
                         size_t *bads, mz_error *err)
{
    mz_error e = {0};
    const char *why = NULL;
    mz_status st = MZ_ERR_PARSE;
    if (r->too_many || r->n != hdr->n) {
        why = "the row does not have the header's number of fields";
    } else if (r->text.oom) {
        return mz_fail(err, MZ_ERR_NOMEM, name, line, "out of memory");
    } else {
        json_t *o = row_object(hdr, r, &why);
        if (o) {
            st = mz_evset_add_object(set, o, f, &e);
            json_decref(o);
        }
    }
    if (st == MZ_ERR_NOMEM)
        return mz_fail(err, st, name, line, "out of memory");
    if (st != MZ_OK) {
        if (why)
            mz_fail(&e, MZ_ERR_PARSE, name, line, "%s", why);
        e.line = line;
        snprintf(e.file, sizeof e.file, "%s", name ? name : "");
        (*bads)++;
        if (bad)
            bad(ctx, &e);
    }
    return MZ_OK;
}

/* The header must name mizan's columns: at least those an event cannot do without. */
static int header_ok(const row *h)
{
    static const char *const need[] = {"date", "source", "target", "code", "quad", "goldstein"};
    if (h->too_many)
        return 0;
    for (size_t k = 0; k < sizeof need / sizeof need[0]; k++) {
        int found = 0;
        for (int i = 0; i < h->n && !found; i++)
            found = strcmp(row_field(h, i), need[k]) == 0;
        if (!found)
            return 0;
    }
    return 1;
}

mz_status mz_evset_read_table(mz_evset *set, FILE *in, const char *name, const mz_filter *f,
                              mz_bad_line_fn bad, void *ctx, size_t *nbad, mz_error *err)
{
    row hdr = {MZ_BUF_INIT, {0}, 0, 0}, r = {MZ_BUF_INIT, {0}, 0, 0};
    char *line = NULL;
    size_t cap = 0, bads = 0;
    long lineno = 1, span = 1;
    mz_status rc = MZ_OK;
    int got, tsv = 0;
    errno = 0;
    ssize_t n = getline(&line, &cap, in);
    if (n >= 0) {
        tsv = memchr(line, '\t', (size_t)n) != NULL;
        split_line(&hdr, line, (size_t)n, tsv ? '\t' : ',');
    }
    if (n < 0 || !header_ok(&hdr) || hdr.text.oom) {
        rc = mz_fail(err, MZ_ERR_PARSE, name, 1,
                     "not mizan's TSV or CSV: the header lacks the event columns");
        goto done;
    }
    for (;;) {
        long start = lineno + 1;
        if (tsv) {
            if ((n = getline(&line, &cap, in)) < 0)
                break;
            lineno++;
            if (line[0] == '\n' || (line[0] == '\r' && n <= 2))
                continue; /* a blank line */
            split_line(&r, line, (size_t)n, '\t');
        } else {
            got = csv_record(in, &r, &span);
            if (got == 0)
                break;
            lineno += span;
            if (got < 0) {
                mz_error e = {0};
                mz_fail(&e, MZ_ERR_PARSE, name, start, "a quoted field is not closed");
                bads++;
                if (bad)
                    bad(ctx, &e);
                break;
            }
            if (r.n == 1 && !*row_field(&r, 0))
                continue; /* a blank line */
        }
        if ((rc = add_row(set, &hdr, &r, f, name, start, bad, ctx, &bads, err)) != MZ_OK)
            break;
    }
    if (rc == MZ_OK && ferror(in))
        rc = mz_fail(err, MZ_ERR_IO, name, lineno, "read error: %s", strerror(errno));
done:
    free(line);
    mz_buf_free(&hdr.text);
    mz_buf_free(&r.text);
    if (nbad)
        *nbad = bads;
    return rc;
}

mz_status mz_evset_read(mz_evset *set, FILE *in, const char *name, const mz_filter *f,
                        mz_bad_line_fn bad, void *ctx, size_t *nbad, mz_error *err)
{
    /* mizan's tables start with their header ("doc<TAB>sentence..." or "doc,sentence..."),
     * JSON Lines with '{' or a blank line: the first byte tells them apart */
    int c = getc(in);
    if (c != EOF)
        ungetc(c, in);
    if (c == 'd')
        return mz_evset_read_table(set, in, name, f, bad, ctx, nbad, err);
    return mz_evset_read_jsonl(set, in, name, f, bad, ctx, nbad, err);
}
