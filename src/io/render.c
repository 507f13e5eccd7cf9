/* render.c — event renderers; see render.h. */
#include "render.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../util/hash.h"

static const char *or_empty(const char *s) { return s ? s : ""; }

void mz_event_id(const mz_event *ev, char out[17])
{
    char sent[24];
    snprintf(sent, sizeof sent, "%d", ev->sentence);
    const char *parts[] = {ev->doc, sent, ev->source, ev->target, ev->code};
    uint64_t h = mz_hash_bytes("", 0);
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        const char *p = or_empty(parts[i]);
        h = mz_hash_more(h, p, strlen(p));
        h = mz_hash_more(h, "\xff", 1); /* a separator no UTF-8 text contains */
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static void field(mz_buf *out, const char *key, const char *value, int comma)
{
    if (comma)
        mz_buf_putc(out, ',');
    mz_buf_json_str(out, key, strlen(key));
    mz_buf_putc(out, ':');
    mz_buf_json_str(out, value, strlen(value));
}

void mz_render_jsonl(mz_buf *out, const mz_event *ev)
{
    mz_buf_putc(out, '{');
    field(out, "doc", ev->doc, 0);
    mz_buf_printf(out, ",\"sentence\":%d", ev->sentence);
    field(out, "date", ev->date, 1);
    field(out, "lang", ev->lang, 1);
    field(out, "source", ev->source, 1);
    field(out, "target", ev->target, 1);
    field(out, "source_country", ev->source_country, 1);
    field(out, "target_country", ev->target_country, 1);
    field(out, "code", ev->code, 1);
    field(out, "root", ev->root, 1);
    mz_buf_printf(out, ",\"quad\":%d,\"goldstein\":%.1f", ev->quad, ev->goldstein);
    field(out, "plover", ev->plover, 1);
    field(out, "mood", ev->mood == MZ_MOOD_INTENT ? "intent" : "fact", 1);
    field(out, "text", ev->text, 1);
    mz_buf_puts(out, ",\"evidence\":{");
    field(out, "source", ev->ev_source, 0);
    field(out, "target", ev->ev_target, 1);
    field(out, "verb", ev->ev_verb, 1);
    /* which side came from the document, and from what earlier mention (events read back from
     * a store carry none) */
    const char *cs = ev->ev_context_source ? ev->ev_context_source : "";
    const char *ct = ev->ev_context_target ? ev->ev_context_target : "";
    if (cs[0] || ct[0]) {
        mz_buf_puts(out, ",\"context\":{");
        if (cs[0])
            field(out, "source", cs, 0);
        if (ct[0])
            field(out, "target", ct, cs[0] != 0);
        mz_buf_putc(out, '}');
    }
    mz_buf_putc(out, '}');
    char id[17];
    mz_event_id(ev, id);
    field(out, "id", id, 1);
    field(out, "outlet", or_empty(ev->outlet), 1);
    field(out, "url", or_empty(ev->url), 1);
    mz_buf_puts(out, "}\n");
}

void mz_render_tsv_header(mz_buf *out)
{
    mz_buf_puts(out, "doc\tsentence\tdate\tlang\tsource\ttarget\tsource_country\ttarget_country\t"
                     "code\troot\tquad\tgoldstein\tplover\tmood\ttext\tev_source\tev_target\tev_verb\t"
                     "id\toutlet\turl\n");
}

/* Appends s escaped as PostgreSQL's text format escapes a field: backslash, tab, newline and
 * carriage return become \\, \t, \n and \r, so a row is one line and a field never holds the
 * separator; every other byte is itself. */
static void cell(mz_buf *out, const char *s, int tab)
{
    static const char from[] = "\\\t\n\r", to[] = "\\tnr";
    if (tab)
        mz_buf_putc(out, '\t');
    for (const char *p = s ? s : ""; *p; p++) {
        const char *e = strchr(from, *p);
        if (e) {
            mz_buf_putc(out, '\\');
            mz_buf_putc(out, to[e - from]);
        } else {
            mz_buf_putc(out, *p);
        }
    }
}

void mz_render_tsv(mz_buf *out, const mz_event *ev)
{
    cell(out, ev->doc, 0);
    mz_buf_printf(out, "\t%d", ev->sentence);
    cell(out, ev->date, 1);
    cell(out, ev->lang, 1);
    cell(out, ev->source, 1);
    cell(out, ev->target, 1);
    cell(out, ev->source_country, 1);
    cell(out, ev->target_country, 1);
    cell(out, ev->code, 1);
    cell(out, ev->root, 1);
    mz_buf_printf(out, "\t%d\t%.1f", ev->quad, ev->goldstein);
    cell(out, ev->plover, 1);
    cell(out, ev->mood == MZ_MOOD_INTENT ? "intent" : "fact", 1);
    cell(out, ev->text, 1);
    cell(out, ev->ev_source, 1);
    cell(out, ev->ev_target, 1);
    cell(out, ev->ev_verb, 1);
    char id[17];
    mz_event_id(ev, id);
    cell(out, id, 1);
    cell(out, ev->outlet, 1);
    cell(out, ev->url, 1);
    mz_buf_putc(out, '\n');
}
