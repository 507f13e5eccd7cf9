/* reader.c — document readers; see reader.h. */
#define _POSIX_C_SOURCE 200809L
#include "reader.h"

#include <errno.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../dict/engine.h"
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
    char *buf;        /* current line or text */
    size_t buf_cap;
    json_t *json;     /* current JSON record */
    size_t pos;       /* XML: where the next <Sentence> search starts */
    mz_buf id, date, text, lang, source;
    char *default_date, *default_lang;
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

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* Checks a date string for a record; "" is allowed (no date). */
static int date_valid(const char *d) { return !*d || mz_parse_date(d, strlen(d)) > 0; }

static int next_txt(mz_reader *r, mz_doc *doc, mz_error *err)
{
    if (r->done)
        return 0;
    r->done = 1;
    mz_buf_clear(&r->text);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, r->f)) > 0) {
        if (r->text.len + n > MZ_MAX_TEXT) {
            mz_fail(err, MZ_ERR_LIMIT, r->path, 0, "document larger than %u MiB; skipped", MZ_MAX_TEXT >> 20);
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
    if (r->default_date && !date_valid(r->default_date)) {
        mz_fail(err, MZ_ERR_PARSE, r->path, 0, "bad date '%s' (expected YYYY-MM-DD)", r->default_date);
        return -1;
    }
    memset(doc, 0, sizeof *doc);
    doc->id = r->is_stdin ? "stdin" : base_name(r->path);
    doc->date = r->default_date;
    doc->lang = r->default_lang;
    doc->text = r->text.data ? r->text.data : "";
    doc->len = r->text.len;
    return 1;
}

/* Reads one line into r->buf; returns its length, -1 at end of file, -2 when over the limit
 * (the rest of the line is skipped). */
static long read_line(mz_reader *r)
{
    size_t len = 0;
    int c, over = 0;
    while ((c = getc(r->f)) != EOF) {
        if (c == '\n')
            break;
        if (len >= MZ_MAX_LINE) {
            over = 1;
            continue;
        }
        if (len + 2 > r->buf_cap) {
            size_t cap = r->buf_cap ? r->buf_cap * 2 : 4096;
            char *p = realloc(r->buf, cap);
            if (!p) {
                over = 1;
                continue;
            }
            r->buf = p;
            r->buf_cap = cap;
        }
        r->buf[len++] = (char)c;
    }
    if (c == EOF && len == 0 && !over)
        return -1;
    r->line++;
    if (over)
        return -2;
    if (!r->buf)
        return 0; /* an empty first line: nothing stored yet, so no buffer to terminate */
    r->buf[len] = '\0';
    return (long)len;
}

static const char *json_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static int next_jsonl(mz_reader *r, mz_doc *doc, mz_error *err)
{
    for (;;) {
        long len = read_line(r);
        if (len == -1)
            return 0;
        if (len == -2)
            return mz_fail(err, MZ_ERR_LIMIT, r->path, r->line, "line longer than %u MiB; skipped",
                           MZ_MAX_LINE >> 20), -1;
        size_t n = (size_t)len;
        while (n && (r->buf[n - 1] == '\r' || r->buf[n - 1] == ' ' || r->buf[n - 1] == '\t'))
            n--;
        if (n == 0)
            continue; /* blank lines between records are allowed */
        if (r->json)
            json_decref(r->json);
        json_error_t je;
        r->json = json_loadb(r->buf, n, JSON_REJECT_DUPLICATES, &je);
        if (!r->json)
            return mz_fail(err, MZ_ERR_PARSE, r->path, r->line, "malformed JSON: %s", je.text), -1;
        if (!json_is_object(r->json))
            return mz_fail(err, MZ_ERR_PARSE, r->path, r->line, "record is not a JSON object"), -1;
        const char *id = json_str(r->json, "id"), *text = json_str(r->json, "text");
        const char *date = json_str(r->json, "date"), *lang = json_str(r->json, "lang");
        json_t *jid = json_object_get(r->json, "id");
        char numid[32];
        if (!id && json_is_integer(jid)) {
            snprintf(numid, sizeof numid, "%lld", (long long)json_integer_value(jid));
            id = numid;
        }
        if (!id || !*id)
            return mz_fail(err, MZ_ERR_PARSE, r->path, r->line, "missing \"id\""), -1;
        if (!text)
            return mz_fail(err, MZ_ERR_PARSE, r->path, r->line, "missing \"text\" string"), -1;
        if (json_object_get(r->json, "date") && !json_is_null(json_object_get(r->json, "date")) && !date)
            return mz_fail(err, MZ_ERR_PARSE, r->path, r->line, "\"date\" is not a string"), -1;
        if (date && !date_valid(date))
            return mz_fail(err, MZ_ERR_PARSE, r->path, r->line, "bad date '%s' (expected YYYY-MM-DD)", date), -1;
        if (lang && strcmp(lang, "ar") != 0 && strcmp(lang, "en") != 0)
            return mz_fail(err, MZ_ERR_PARSE, r->path, r->line, "unknown language '%s' (expected ar or en)", lang), -1;
        mz_buf_clear(&r->id);
        mz_buf_puts(&r->id, id);
        memset(doc, 0, sizeof *doc);
        doc->id = r->id.data;
        doc->date = date ? date : r->default_date;
        doc->lang = lang ? lang : r->default_lang;
        doc->source = json_str(r->json, "source");
        doc->text = text;
        doc->len = json_string_length(json_object_get(r->json, "text"));
        return 1;
    }
}

/* "YYYYMMDD" or "YYYY-MM-DD" into "YYYY-MM-DD" in out (11 bytes); -1 when invalid. */
static int xml_date(const char *d, char *out)
{
    if (strlen(d) == 8) {
        snprintf(out, 11, "%.4s-%.2s-%.2s", d, d + 4, d + 6);
    } else {
        snprintf(out, 11, "%s", d);
    }
    return mz_parse_date(out, strlen(out)) > 0 ? 0 : -1;
}

/* Reads the whole XML input once into r->text (the first call). */
static int xml_slurp(mz_reader *r, mz_error *err)
{
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, r->f)) > 0) {
        if (r->text.len + n > MZ_MAX_TEXT)
            return mz_fail(err, MZ_ERR_LIMIT, r->path, 0, "XML larger than %u MiB; skipped",
                           MZ_MAX_TEXT >> 20), -1;
        mz_buf_put(&r->text, chunk, n);
    }
    if (ferror(r->f) || r->text.oom)
        return mz_fail(err, MZ_ERR_IO, r->path, 0, "read error"), -1;
    mz_buf_putc(&r->text, '\0');
    r->text.len--;
    return 0;
}

static long line_at(const mz_reader *r, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        line += r->text.data[i] == '\n';
    return line;
}

/* Fills the document from one parsed <Sentence> element. */
static int xml_sentence(mz_reader *r, xmlNodePtr s, long line, mz_doc *doc, mz_error *err)
{
    xmlChar *id = xmlGetProp(s, (const xmlChar *)"id"), *d = xmlGetProp(s, (const xmlChar *)"date");
    char date[11] = "";
    int bad_date = d && xml_date((const char *)d, date) < 0;
    mz_buf_clear(&r->id);
    mz_buf_puts(&r->id, id ? (const char *)id : "");
    xmlFree(id);
    xmlFree(d);
    if (!r->id.len)
        return mz_fail(err, MZ_ERR_PARSE, r->path, line, "<Sentence> without id"), -1;
    if (bad_date)
        return mz_fail(err, MZ_ERR_PARSE, r->path, line,
                       "bad date in <Sentence id=\"%s\"> (expected YYYYMMDD)", r->id.data), -1;
    mz_buf_clear(&r->source);
    for (xmlNodePtr k = s->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, "Text") != 0)
            continue;
        xmlChar *t = xmlNodeGetContent(k);
        mz_buf_puts(&r->source, t ? (const char *)t : "");
        xmlFree(t);
    }
    mz_buf_clear(&r->date);
    mz_buf_puts(&r->date, date);
    memset(doc, 0, sizeof *doc);
    doc->id = r->id.data;
    doc->date = r->date.len ? r->date.data : r->default_date;
    doc->lang = r->default_lang;
    doc->text = r->source.data ? r->source.data : "";
    doc->len = r->source.len;
    return 1;
}

/* PETRARCH XML, one <Sentence> element at a time: each element is cut out of the input and
 * parsed alone, so a malformed sentence is reported with its line and the others still read. */
static int next_xml(mz_reader *r, mz_doc *doc, mz_error *err)
{
    if (r->done)
        return 0;
    if (!r->text.data && xml_slurp(r, err) < 0) {
        r->done = 1;
        return -1;
    }
    const char *all = r->text.data;
    const char *open = strstr(all + r->pos, "<Sentence");
    while (open && (open[9] != ' ' && open[9] != '>' && open[9] != '\t' && open[9] != '\n' && open[9] != '\r'))
        open = strstr(open + 9, "<Sentence"); /* skip <Sentences> */
    if (!open) {
        r->done = 1;
        return 0;
    }
    long line = line_at(r, (size_t)(open - all));
    const char *close = strstr(open, "</Sentence>");
    const char *next_open = strstr(open + 9, "<Sentence ");
    if (!close || (next_open && next_open < close)) {
        r->pos = next_open ? (size_t)(next_open - all) : r->text.len;
        if (!next_open)
            r->done = 1;
        return mz_fail(err, MZ_ERR_PARSE, r->path, line, "malformed XML: <Sentence> not closed; skipped"), -1;
    }
    size_t len = (size_t)(close + 11 - open);
    r->pos = (size_t)(close + 11 - all);
    xmlDocPtr x = xmlReadMemory(open, (int)len, r->path, "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!x)
        return mz_fail(err, MZ_ERR_PARSE, r->path, line, "malformed XML in <Sentence>; skipped"), -1;
    int rc = xml_sentence(r, xmlDocGetRootElement(x), line, doc, err);
    /* the document's strings were copied into the reader's buffers */
    xmlFreeDoc(x);
    return rc;
}

int mz_reader_next(mz_reader *r, mz_doc *doc, mz_error *err)
{
    switch (r->format) {
    case FMT_TXT: return next_txt(r, doc, err);
    case FMT_JSONL: return next_jsonl(r, doc, err);
    default: return next_xml(r, doc, err);
    }
}
