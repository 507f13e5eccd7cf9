/* reader.c — document readers; see reader.h. */
#define _POSIX_C_SOURCE 200809L
#include "reader.h"

#include <errno.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../dict/engine.h"
#include "date.h"
#include "jsonl.h"
#include "../text/utf8.h"
#include "../util/buf.h"

typedef enum { FMT_TXT, FMT_JSONL, FMT_XML } fmt;

struct mz_reader {
    fmt format;
    char *path;
    FILE *f;
    int is_stdin;
    long line;
    int done;
    char *buf;        /* JSON Lines: the block buffer; buf[start..end) read and not yet handed out */
    size_t buf_cap, start, end;
    int eof;
    json_t *json;     /* current JSON record */
    mz_buf id, date, text, lang, source;
    /* PETRARCH XML: the push parser, the queue of completed sentences, the one being read */
    xmlParserCtxtPtr xctx;
    mz_buf xq, xerr;
    size_t xqpos;
    long xline, xerrline;
    int xdepth, xsdepth, xtdepth, xin, xover, xhasdate, xstopped, xeof, xseen;
    char *default_date, *default_lang;
    char pre[3];          /* bytes read while looking for a byte-order mark */
    int npre, bom_checked;
};

static const char *ext(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    return dot && (!slash || dot > slash) ? dot + 1 : "";
}

static int pick_format(const char *path, const char *format, fmt *out)
{
    const char *f = format ? format : (strcmp(path, "-") == 0 ? "txt" : ext(path));
    if (strcmp(f, "txt") == 0 || strcmp(f, "text") == 0 || (!format && !*f))
        *out = FMT_TXT;
    else if (strcmp(f, "jsonl") == 0 || strcmp(f, "ndjson") == 0)
        *out = FMT_JSONL;
    else if (strcmp(f, "xml") == 0)
        *out = FMT_XML;
    else
        return -1;
    return 0;
}

mz_reader *mz_reader_open(const char *path, const char *format, const char *date, const char *lang,
                          mz_error *err)
{
    fmt f;
    if (pick_format(path, format, &f) < 0) {
        mz_fail(err, MZ_ERR_ARG, path, 0, "unknown input format '%s' (expected txt, jsonl or xml)",
                format ? format : ext(path));
        return NULL;
    }
    mz_reader *r = calloc(1, sizeof *r);
    if (!r) {
        mz_fail(err, MZ_ERR_NOMEM, path, 0, "out of memory");
        return NULL;
    }
    r->format = f;
    r->path = strdup(path);
    r->default_date = date ? strdup(date) : NULL;
    r->default_lang = lang ? strdup(lang) : NULL;
    r->is_stdin = strcmp(path, "-") == 0;
    r->f = r->is_stdin ? stdin : fopen(path, "rb");
    if (!r->f) {
        mz_fail(err, MZ_ERR_IO, path, 0, "cannot open: %s", strerror(errno));
        mz_reader_close(r);
        return NULL;
    }
    struct stat sb;
    if (fstat(fileno(r->f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
        mz_fail(err, MZ_ERR_IO, path, 0, "cannot read: is a directory");
        mz_reader_close(r);
        return NULL;
    }
    if (f == FMT_TXT && S_ISREG(sb.st_mode) && sb.st_size > (off_t)MZ_MAX_TEXT) {
        mz_fail(err, MZ_ERR_LIMIT, path, 0, "document of %lld MiB, over the %u MiB limit; skipped "
                "(split it)", (long long)(sb.st_size >> 20), MZ_MAX_TEXT >> 20);
        mz_reader_close(r);
        return NULL;
    }
    return r;
}

void mz_reader_close(mz_reader *r)
{
    if (!r)
        return;
    if (r->f && !r->is_stdin)
        fclose(r->f);
    if (r->json)
        json_decref(r->json);
    if (r->xctx)
        xmlFreeParserCtxt(r->xctx);
    mz_buf_free(&r->xq);
    mz_buf_free(&r->xerr);
    free(r->buf);
    free(r->path);
    free(r->default_date);
    free(r->default_lang);
    mz_buf_free(&r->id);
    mz_buf_free(&r->date);
    mz_buf_free(&r->text);
    mz_buf_free(&r->lang);
    mz_buf_free(&r->source);
    free(r);
}

/* Skips a UTF-8 byte-order mark at the start of the file; the bytes read when there is none
 * are kept in r->pre and read first. */
static void skip_bom(mz_reader *r)
{
    static const unsigned char bom[3] = {0xef, 0xbb, 0xbf};
    int c;
    r->npre = 0;
    while (r->npre < 3 && (c = getc(r->f)) != EOF) {
        r->pre[r->npre++] = (char)c;
        if ((unsigned char)c != bom[r->npre - 1])
            return;
    }
    if (r->npre == 3)
        r->npre = 0;
}

/* Reads a record's date (any form of date.h) into buf as its UTC calendar date; "" stays ""
 * (no date).  -1 when malformed. */
static int date_read(mz_buf *buf, const char *d, size_t n)
{
    char day[11];
    mz_buf_clear(buf);
    if (n == 0)
        return 0;
    if (mz_date_norm(d, n, day) < 0)
        return -1;
    mz_buf_puts(buf, day);
    return 0;
}

#define DATE_FORMS "expected ISO 8601, YYYYMMDD or RFC 2822"

static int next_txt(mz_reader *r, mz_doc *doc, mz_error *err)
{
    if (r->done)
        return 0;
    r->done = 1;
    mz_buf_clear(&r->text);
    skip_bom(r);
    mz_buf_put(&r->text, r->pre, (size_t)r->npre);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, r->f)) > 0) {
        if (r->text.len + n > MZ_MAX_TEXT) {
            mz_fail(err, MZ_ERR_LIMIT, r->path, 0, "document larger than %u MiB; skipped (split it)",
                    MZ_MAX_TEXT >> 20);
            return -1;
        }
        mz_buf_put(&r->text, chunk, n);
    }
    if (ferror(r->f)) {
        mz_fail(err, MZ_ERR_IO, r->path, 0, "read error: %s", strerror(errno));
        return -1;
    }
    if (r->text.oom) {
        mz_fail(err, MZ_ERR_NOMEM, r->path, 0, "out of memory");
        return -1;
    }
    size_t bad;
    const char *why;
    if (mz_utf8_check(r->text.data ? r->text.data : "", r->text.len, &bad, &why) < 0) {
        long line = 1;
        for (size_t i = 0; i < bad; i++)
            line += r->text.data[i] == '\n';
        mz_fail(err, MZ_ERR_UTF8, r->path, line, "%s at byte %zu; document skipped", why, bad);
        return -1;
    }
    if (r->default_date && date_read(&r->date, r->default_date, strlen(r->default_date)) < 0) {
        mz_fail(err, MZ_ERR_PARSE, r->path, 0, "bad date '%.100s' (" DATE_FORMS ")", r->default_date);
        return -1;
    }
    memset(doc, 0, sizeof *doc);
    doc->id = r->is_stdin ? "stdin" : r->path;
    doc->date = r->default_date ? r->date.data : NULL;
    doc->lang = r->default_lang;
    doc->text = r->text.data ? r->text.data : "";
    doc->len = r->text.len;
    return 1;
}

/* ---- JSON Lines ----------------------------------------------------------------------------
 * The file is read in blocks of JSONL_BLOCK bytes (read(2): a pipe hands over what it has, so
 * records are coded as they arrive) and cut into lines by memchr.  A line lies in the block
 * buffer, which grows to hold a long one (up to MZ_MAX_LINE) and shrinks back after it. */
enum { JSONL_BLOCK = 1 << 20 };

/* Reads once into the free end of the block buffer: the bytes read, 0 at end of file, -1 for a
 * read error (errno set). */
static ssize_t fill(mz_reader *r)
{
    ssize_t n;
    do
        n = read(fileno(r->f), r->buf + r->end, r->buf_cap - r->end);
    while (n < 0 && errno == EINTR);
    if (n > 0)
        r->end += (size_t)n;
    return n;
}

/* Makes room after the pending bytes: moves them to the front, or grows the buffer (never past
 * what the longest line needs).  -1 when the buffer is full at its largest or memory is out. */
static int make_room(mz_reader *r, size_t *scan)
{
    if (r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->end -= r->start;
        *scan -= r->start;
        r->start = 0;
        if (r->end < r->buf_cap)
            return 0;
    }
    size_t most = (size_t)MZ_MAX_LINE + JSONL_BLOCK;
    if (r->buf_cap >= most)
        return -1;
    size_t cap = r->buf_cap ? r->buf_cap * 2 : JSONL_BLOCK;
    char *p = realloc(r->buf, cap < most ? cap : most);
    if (!p)
        return -1;
    r->buf = p;
    r->buf_cap = cap < most ? cap : most;
    return 0;
}

/* Gives back a buffer grown for a long line once it is done with (the pending bytes, less than
 * a block, are kept); memory to spare for the documents after it. */
static void shrink(mz_reader *r)
{
    if (r->buf_cap <= JSONL_BLOCK || r->end - r->start > JSONL_BLOCK / 2)
        return;
    char *p = malloc(JSONL_BLOCK);
    if (!p)
        return;
    memcpy(p, r->buf + r->start, r->end - r->start);
    free(r->buf);
    r->buf = p;
    r->buf_cap = JSONL_BLOCK;
    r->end -= r->start;
    r->start = 0;
}

/* Skips the rest of a line that cannot be kept (over the limit, or no memory for it), reading
 * on to its newline; -1 on a read error. */
static int skip_line(mz_reader *r)
{
    for (;;) {
        char *nl = memchr(r->buf + r->start, '\n', r->end - r->start);
        if (nl) {
            r->start = (size_t)(nl + 1 - r->buf);
            return 0;
        }
        r->start = r->end = 0;
        ssize_t n = fill(r);
        if (n <= 0)
            return (int)n;
    }
}

/* The UTF-8 byte-order mark, skipped before the first record once three bytes are in. */
static void skip_bom_block(mz_reader *r)
{
    if (r->end - r->start >= 3 && memcmp(r->buf + r->start, "\xef\xbb\xbf", 3) == 0)
        r->start += 3;
    r->bom_checked = 1;
}

/* Reads one line (without its newline) into *line, in the block buffer until the next call;
 * returns its length, -1 at end of file, -2 when over the limit, -3 out of memory, -4 a read
 * error (the rest of the line is skipped in each case). */
static long read_line(mz_reader *r, char **line)
{
    shrink(r);
    size_t scan = r->start;
    for (;;) {
        if (!r->bom_checked && (r->end - r->start >= 3 || r->eof)) {
            skip_bom_block(r);
            scan = r->start;
        }
        char *nl = r->bom_checked && r->end > scan ? memchr(r->buf + scan, '\n', r->end - scan) : NULL;
        size_t len = (nl ? (size_t)(nl - r->buf) : r->end) - r->start;
        if (len > MZ_MAX_LINE) {
            if (skip_line(r) < 0)
                return -4;
            r->line++;
            return -2;
        }
        if (nl || (r->eof && len > 0)) {
            r->line++;
            *line = r->buf + r->start;
            r->start += len + (nl != NULL);
            return (long)len;
        }
        if (r->eof)
            return -1;
        scan = r->end;
        if (r->end == r->buf_cap && make_room(r, &scan) < 0) {
            if (skip_line(r) < 0)
                return -4;
            r->line++;
            shrink(r); /* give the memory back: the record is skipped anyway */
            return -3;
        }
        ssize_t n = fill(r);
        if (n < 0)
            return -4;
        r->eof = n == 0;
    }
}

/* Whether jansson can be given a record of n bytes: its parser needs up to about four times
 * the record (the token buffer as it doubles, then the string's copy), and it crashes instead
 * of failing when an allocation fails on the way.  So for a large record the memory is asked
 * for first, and given back at once.  Small records (under 1 MiB) are not checked. */
static int json_fits(size_t n)
{
    if (n < (1u << 20))
        return 1;
    void *p = malloc(4 * n + (1u << 20));
    free(p);
    return p != NULL;
}

/* The keys of a record, in the order of the JSONL_* indexes. */
enum { JSONL_ID, JSONL_TEXT, JSONL_DATE, JSONL_LANG, JSONL_SOURCE, JSONL_URL, JSONL_KEYS };
static const char *const jsonl_keys[JSONL_KEYS] = {"id", "text", "date", "lang", "source", "url"};

/* Fills the fields from a record parsed by jansson, as the scanner fills them. */
static void fields_of(json_t *o, mz_jsonl_field *f)
{
    for (int i = 0; i < JSONL_KEYS; i++) {
        json_t *v = json_object_get(o, f[i].name);
        f[i].kind = !v                  ? MZ_JV_ABSENT
                    : json_is_string(v) ? MZ_JV_STRING
                    : json_is_integer(v) ? MZ_JV_INT
                    : json_is_null(v)   ? MZ_JV_NULL
                    : json_is_boolean(v) ? MZ_JV_BOOL
                                        : MZ_JV_OTHER;
        if (f[i].kind == MZ_JV_STRING) {
            f[i].s = json_string_value(v);
            f[i].len = json_string_length(v);
        } else if (f[i].kind == MZ_JV_INT) {
            f[i].num = (long long)json_integer_value(v);
        }
    }
}

/* Reads the record line[0..n) into f: by the scanner where it can, else by jansson (whose tree
 * is kept in r->json while the fields point into it).  -1 with err filled when malformed. */
static int parse_record(mz_reader *r, char *line, size_t n, mz_jsonl_field *f, mz_error *err)
{
    for (int i = 0; i < JSONL_KEYS; i++)
        f[i] = (mz_jsonl_field){.name = jsonl_keys[i]};
    if (mz_jsonl_scan(line, n, f, JSONL_KEYS) == 0)
        return 0;
    if (!json_fits(n))
        return mz_fail(err, MZ_ERR_NOMEM, r->path, r->line, "out of memory"), -1;
    json_error_t je;
    r->json = json_loadb(line, n, JSON_REJECT_DUPLICATES, &je);
    if (!r->json)
        return mz_fail(err, MZ_ERR_PARSE, r->path, r->line, "malformed JSON: %s", je.text), -1;
    if (!json_is_object(r->json))
        return mz_fail(err, MZ_ERR_PARSE, r->path, r->line, "record is not a JSON object"), -1;
    fields_of(r->json, f);
    return 0;
}

static const char *str_of(const mz_jsonl_field *f) { return f->kind == MZ_JV_STRING ? f->s : NULL; }

/* Checks a record's fields and makes the document of them. */
static int jsonl_doc(mz_reader *r, const mz_jsonl_field *f, mz_doc *doc, mz_error *err)
{
    const char *id = str_of(&f[JSONL_ID]), *text = str_of(&f[JSONL_TEXT]);
    const char *date = str_of(&f[JSONL_DATE]), *lang = str_of(&f[JSONL_LANG]);
    char numid[32];
    if (!id && f[JSONL_ID].kind == MZ_JV_INT) {
        snprintf(numid, sizeof numid, "%lld", f[JSONL_ID].num);
        id = numid;
    }
    if (!id || !*id)
        return mz_fail(err, MZ_ERR_PARSE, r->path, r->line, "missing \"id\""), -1;
    if (!text)
        return mz_fail(err, MZ_ERR_PARSE, r->path, r->line, "missing \"text\" string"), -1;
    if (f[JSONL_TEXT].len > MZ_MAX_TEXT)
        return mz_fail(err, MZ_ERR_LIMIT, r->path, r->line, "text larger than %u MiB; skipped "
                       "(split it)", MZ_MAX_TEXT >> 20), -1;
    if (f[JSONL_DATE].kind != MZ_JV_ABSENT && f[JSONL_DATE].kind != MZ_JV_NULL && !date)
        return mz_fail(err, MZ_ERR_PARSE, r->path, r->line, "\"date\" is not a string"), -1;
    if (date && date_read(&r->date, date, f[JSONL_DATE].len) < 0)
        return mz_fail(err, MZ_ERR_PARSE, r->path, r->line, "bad date '%.100s' (" DATE_FORMS ")",
                       date), -1;
    if (lang && strcmp(lang, "ar") != 0 && strcmp(lang, "en") != 0)
        return mz_fail(err, MZ_ERR_PARSE, r->path, r->line, "unknown language '%s' (expected ar or en)", lang), -1;
    mz_buf_clear(&r->id);
    mz_buf_puts(&r->id, id);
    memset(doc, 0, sizeof *doc);
    doc->id = r->id.data;
    if (!date && r->default_date)
        date_read(&r->date, r->default_date, strlen(r->default_date));
    doc->date = date && !*date ? date : date || r->default_date ? r->date.data : NULL;
    doc->lang = lang ? lang : r->default_lang;
    doc->source = str_of(&f[JSONL_SOURCE]);
    doc->url = str_of(&f[JSONL_URL]);
    doc->text = text;
    doc->len = f[JSONL_TEXT].len;
    return 1;
}

static int next_jsonl(mz_reader *r, mz_doc *doc, mz_error *err)
{
    while (!r->done) {
        char *line = NULL;
        long len = read_line(r, &line);
        if (len == -1)
            return 0;
        if (len == -2)
            return mz_fail(err, MZ_ERR_LIMIT, r->path, r->line, "line longer than %u MiB; skipped",
                           MZ_MAX_LINE >> 20), -1;
        if (len == -3)
            return mz_fail(err, MZ_ERR_NOMEM, r->path, r->line, "out of memory"), -1;
        if (len == -4) {
            int e = errno;
            r->done = 1;
            return mz_fail(err, MZ_ERR_IO, r->path, r->line + 1, "read error: %s; rest of the file skipped",
                           strerror(e ? e : EIO)), -1;
        }
        size_t n = (size_t)len;
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
            n--;
        if (n == 0)
            continue; /* blank lines between records are allowed */
        if (r->json)
            json_decref(r->json);
        r->json = NULL;
        mz_jsonl_field f[JSONL_KEYS];
        if (parse_record(r, line, n, f, err) < 0)
            return -1;
        return jsonl_doc(r, f, doc, err);
    }
    return 0;
}

/* ---- PETRARCH XML --------------------------------------------------------------------------
 * Read with libxml2's SAX2 push parser, fed XML_CHUNK bytes at a time: the callbacks see the
 * elements in document order, a completed <Sentence> is queued (r->xq) and next_xml hands the
 * queue out before feeding the next chunk.  So memory is bounded by a chunk and the largest
 * sentence, the file is read once (no quadratic line counting), comments and CDATA are what
 * XML says they are, and every sentence before a well-formedness error is still handed out
 * (libxml2's xmlTextReader drops the nodes of the chunk in which the error is found, so in a
 * small file an unclosed <Sentence> would lose every sentence before it).
 * Queue records: kind ('S' sentence, 'E' error), line (a long), then for 'S' the id, date,
 * source and text, each a size_t length and its bytes, and a flag byte (date given, text over
 * the limit); for 'E' the message as a length and bytes. */
enum { XML_CHUNK = 65536 };

static void xq_put_str(mz_buf *q, const char *s, size_t n)
{
    mz_buf_put(q, (const char *)&n, sizeof n);
    mz_buf_put(q, s ? s : "", s ? n : 0);
    mz_buf_putc(q, '\0');
}

static void xq_put_head(mz_reader *r, char kind, long line)
{
    mz_buf_putc(&r->xq, kind);
    mz_buf_put(&r->xq, (const char *)&line, sizeof line);
}

/* Queues an error to be handed out in its place among the sentences. */
static void xq_error(mz_reader *r, long line, const char *msg)
{
    xq_put_head(r, 'E', line);
    xq_put_str(&r->xq, msg, strlen(msg));
}

static long xml_line_now(const mz_reader *r) { return xmlSAX2GetLineNumber(r->xctx); }

/* The attribute `name` of a SAX2 start element (localname, prefix, URI, value, end), or NULL. */
static int xml_attr(const xmlChar **attrs, int n, const char *name, const char **v, size_t *len)
{
    for (int i = 0; i < n; i++) {
        const xmlChar **a = attrs + 5 * i;
        if (!a[1] && strcmp((const char *)a[0], name) == 0) {
            *v = (const char *)a[3];
            *len = (size_t)(a[4] - a[3]);
            return 1;
        }
    }
    return 0;
}

static void xml_start_el(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri,
                         int nns, const xmlChar **ns, int nattrs, int ndef, const xmlChar **attrs)
{
    (void)prefix, (void)uri, (void)nns, (void)ns, (void)ndef;
    mz_reader *r = ctx;
    const char *n = (const char *)name;
    int depth = r->xdepth++;
    if (depth == 0 && strcmp(n, "Sentences") != 0 && strcmp(n, "Validation") != 0) {
        char msg[200];
        snprintf(msg, sizeof msg, "not PETRARCH XML: the root element is <%.100s>, expected <Sentences> or <Validation>", n);
        xq_error(r, xml_line_now(r), msg);
        xmlStopParser(r->xctx);
        r->xstopped = 1;
        return;
    }
    r->xseen = 1;
    if (strcmp(n, "Sentence") == 0) {
        if (r->xin)
            xq_error(r, r->xline, "malformed XML: <Sentence> not closed before the next; skipped");
        r->xin = 1;
        r->xsdepth = depth;
        r->xtdepth = -1;
        r->xline = xml_line_now(r);
        r->xover = 0;
        mz_buf_clear(&r->id);
        mz_buf_clear(&r->date);
        mz_buf_clear(&r->source);
        mz_buf_clear(&r->text);
        const char *v;
        size_t len;
        if (xml_attr(attrs, nattrs, "id", &v, &len))
            mz_buf_put(&r->id, v, len);
        r->xhasdate = xml_attr(attrs, nattrs, "date", &v, &len);
        if (r->xhasdate)
            mz_buf_put(&r->date, v, len);
        if (xml_attr(attrs, nattrs, "source", &v, &len))
            mz_buf_put(&r->source, v, len);
    } else if (r->xin && r->xtdepth < 0 && strcmp(n, "Text") == 0) {
        r->xtdepth = depth;
    }
}

static void xml_end_el(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri)
{
    (void)name, (void)prefix, (void)uri;
    mz_reader *r = ctx;
    int depth = --r->xdepth;
    if (!r->xin)
        return;
    if (depth == r->xtdepth) {
        r->xtdepth = -1;
    } else if (depth == r->xsdepth) {
        r->xin = 0;
        xq_put_head(r, 'S', r->xline);
        xq_put_str(&r->xq, r->id.data, r->id.len);
        xq_put_str(&r->xq, r->date.data, r->date.len);
        xq_put_str(&r->xq, r->source.data, r->source.len);
        xq_put_str(&r->xq, r->text.data, r->text.len);
        mz_buf_putc(&r->xq, (char)(r->xhasdate | r->xover << 1));
    }
}

/* Text and CDATA inside <Text> (at any depth below it) make the sentence's text. */
static void xml_chars(void *ctx, const xmlChar *ch, int len)
{
    mz_reader *r = ctx;
    if (!r->xin || r->xtdepth < 0 || r->xdepth <= r->xtdepth)
        return;
    if (r->text.len + (size_t)len > MZ_MAX_TEXT)
        r->xover = 1;
    else
        mz_buf_put(&r->text, (const char *)ch, (size_t)len);
}

/* Keeps the parser's first error, with its line, for the end of the queue. */
#if LIBXML_VERSION >= 21200
static void xml_serror(void *ctx, const xmlError *e)
#else
static void xml_serror(void *ctx, xmlErrorPtr e)
#endif
{
    mz_reader *r = ctx;
    if (!e || e->level < XML_ERR_ERROR || r->xerr.len)
        return;
    const char *m = e->message ? e->message : "parse error";
    size_t n = strcspn(m, "\n");
    mz_buf_put(&r->xerr, m, n);
    r->xerrline = e->line;
}

/* Creates the push parser on the first bytes of the file (they tell the encoding: a byte-order
 * mark or the XML declaration; UTF-16 and ISO-8859-1 are converted to UTF-8, and bytes invalid
 * in the encoding are an error).  XML_PARSE_HUGE lifts libxml2's 10 MB limit on one text node,
 * so a <Text> up to MZ_MAX_TEXT is read. */
static int xml_start(mz_reader *r, mz_error *err)
{
    static const xmlSAXHandler sax = {
        .initialized = XML_SAX2_MAGIC,
        .startElementNs = xml_start_el,
        .endElementNs = xml_end_el,
        .characters = xml_chars,
        .cdataBlock = xml_chars,
        .ignorableWhitespace = xml_chars,
        .serror = xml_serror,
    };
    xmlSAXHandler h = sax;
    r->xctx = xmlCreatePushParserCtxt(&h, r, NULL, 0, r->path);
    if (!r->xctx)
        return mz_fail(err, MZ_ERR_NOMEM, r->path, 0, "out of memory"), -1;
    xmlCtxtUseOptions(r->xctx, XML_PARSE_NONET | XML_PARSE_HUGE);
    return 0;
}

/* Feeds the next chunk of the file to the parser (the last call terminates it).  The read
 * error or the parser's error is queued after what the chunk completed. */
static void xml_feed(mz_reader *r)
{
    char chunk[XML_CHUNK];
    size_t n = fread(chunk, 1, sizeof chunk, r->f);
    int eof = n < sizeof chunk;
    if (eof && ferror(r->f)) {
        char msg[128];
        snprintf(msg, sizeof msg, "read error: %s; rest of the file skipped", strerror(errno ? errno : EIO));
        if (!r->xstopped)
            xmlParseChunk(r->xctx, chunk, (int)n, 0);
        xq_error(r, 0, msg);
        r->xeof = 1;
        return;
    }
    if (!r->xstopped)
        xmlParseChunk(r->xctx, chunk, (int)n, eof);
    if (!r->xstopped && r->xerr.len) {
        char msg[400];
        snprintf(msg, sizeof msg, "malformed XML: %.300s; rest of the file skipped", r->xerr.data);
        xq_error(r, r->xerrline, msg);
        r->xstopped = 1;
    }
    if (eof && !r->xstopped && !r->xseen)
        xq_error(r, 0, "not PETRARCH XML: no <Sentences> element");
    r->xeof = eof || r->xstopped;
}

static size_t xq_get_str(mz_reader *r, const char **s)
{
    size_t n;
    memcpy(&n, r->xq.data + r->xqpos, sizeof n);
    *s = r->xq.data + r->xqpos + sizeof n;
    r->xqpos += sizeof n + n + 1;
    return n;
}

void mz_text_unwrap(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\n')
            continue;
        size_t b = i, e = i + 1;
        while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
            b--;
        while (e < n && (s[e] == ' ' || s[e] == '\t' || s[e] == '\r'))
            e++;
        if ((b > 0 && s[b - 1] == '\n') || (e < n && s[e] == '\n'))
            continue; /* a blank line: a paragraph break */
        for (size_t k = b; k < e; k++)
            if (s[k] == '\n' || s[k] == '\r')
                s[k] = ' ';
    }
}

/* Hands out the next queued record: a sentence (1, checked) or an error (-1). */
static int xq_pop(mz_reader *r, mz_doc *doc, mz_error *err)
{
    char kind = r->xq.data[r->xqpos++];
    long line;
    memcpy(&line, r->xq.data + r->xqpos, sizeof line);
    r->xqpos += sizeof line;
    const char *s;
    size_t n;
    if (kind == 'E') {
        n = xq_get_str(r, &s);
        return mz_fail(err, MZ_ERR_PARSE, r->path, line, "%.*s", (int)n, s), -1;
    }
    const char *id, *d, *src, *text;
    size_t nid = xq_get_str(r, &id), nd = xq_get_str(r, &d), nsrc = xq_get_str(r, &src);
    size_t ntext = xq_get_str(r, &text);
    int flags = r->xq.data[r->xqpos++];
    char date[11] = "";
    if (!nid)
        return mz_fail(err, MZ_ERR_PARSE, r->path, line, "<Sentence> without id"), -1;
    if ((flags & 1) && mz_date_norm(d, nd, date) < 0)
        return mz_fail(err, MZ_ERR_PARSE, r->path, line, "bad date in <Sentence id=\"%.*s\"> (" DATE_FORMS ")",
                       (int)(nid < 200 ? nid : 200), id), -1;
    if (flags & 2)
        return mz_fail(err, MZ_ERR_LIMIT, r->path, line, "<Text> larger than %u MiB; skipped",
                       MZ_MAX_TEXT >> 20), -1;
    mz_buf_clear(&r->date);
    mz_buf_puts(&r->date, date);
    memset(doc, 0, sizeof *doc);
    doc->id = id;  /* each queued string is NUL-terminated */
    if (!r->date.len && r->default_date)
        date_read(&r->date, r->default_date, strlen(r->default_date));
    doc->date = r->date.len ? r->date.data : NULL;
    doc->lang = r->default_lang;
    doc->source = nsrc ? src : NULL;
    mz_text_unwrap(r->xq.data + (text - r->xq.data), ntext); /* the queue is ours */
    doc->text = ntext ? text : "";
    doc->len = ntext;
    return 1;
}

/* PETRARCH XML: one <Sentence> a document, its <Text> the text. */
static int next_xml(mz_reader *r, mz_doc *doc, mz_error *err)
{
    if (!r->xctx && !r->done && xml_start(r, err) < 0) {
        r->done = 1;
        return -1;
    }
    while (r->xqpos >= r->xq.len) {
        if (r->done || r->xeof) {
            r->done = 1;
            return 0;
        }
        mz_buf_clear(&r->xq);
        r->xqpos = 0;
        xml_feed(r);
        if (r->xq.oom) {
            r->done = 1;
            return mz_fail(err, MZ_ERR_NOMEM, r->path, 0, "out of memory"), -1;
        }
    }
    return xq_pop(r, doc, err);
}

int mz_reader_next(mz_reader *r, mz_doc *doc, mz_error *err)
{
    switch (r->format) {
    case FMT_TXT: return next_txt(r, doc, err);
    case FMT_JSONL: return next_jsonl(r, doc, err);
    default: return next_xml(r, doc, err);
    }
}
