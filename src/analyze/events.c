/*
 * events.c — the in-memory event set: copies, store loading, JSONL parsing, sorting.
 *
 * How it works.  Events are kept as mz_event values whose strings live in the set's arena, so
 * a set of any size is freed in a few calls.  JSON lines are parsed with jansson into a
 * temporary tree, checked against the event contract (field types, the date's form, quad 1-4),
 * then copied in.  Country codes and dates are short and repeated; they are copied per event
 * anyway because a few hundred thousand events are a few tens of megabytes at most.
 */
#define _POSIX_C_SOURCE 200809L
#include "events.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"

void mz_evset_init(mz_evset *set, unsigned flags)
{
    memset(set, 0, sizeof *set);
    set->flags = flags;
    set->strings = (mz_arena)MZ_ARENA_INIT;
}

void mz_evset_free(mz_evset *set)
{
    free(set->ev);
    mz_arena_free(&set->strings);
    memset(set, 0, sizeof *set);
}

static const char *copy(mz_arena *a, const char *s)
{
    return mz_arena_strndup(a, s ? s : "", s ? strlen(s) : 0);
}

mz_status mz_evset_add(mz_evset *set, const mz_event *ev)
{
    if (set->n == set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 256;
        mz_event *p = realloc(set->ev, cap * sizeof *p);
        if (!p)
            return MZ_ERR_NOMEM;
        set->ev = p;
        set->cap = cap;
    }
    mz_event *e = &set->ev[set->n];
    *e = *ev;
    int keep_text = !(set->flags & MZ_EVSET_NO_TEXT);
    mz_arena *a = &set->strings;
    e->doc = copy(a, ev->doc);
    e->date = copy(a, ev->date);
    e->lang = copy(a, ev->lang);
    e->source = copy(a, ev->source);
    e->target = copy(a, ev->target);
    e->source_country = copy(a, ev->source_country);
    e->target_country = copy(a, ev->target_country);
    e->code = copy(a, ev->code);
    e->root = copy(a, ev->root);
    e->plover = copy(a, ev->plover);
    e->text = copy(a, keep_text ? ev->text : "");
    e->ev_source = copy(a, keep_text ? ev->ev_source : "");
    e->ev_target = copy(a, keep_text ? ev->ev_target : "");
    e->ev_verb = copy(a, keep_text ? ev->ev_verb : "");
    e->ev_context_source = e->ev_context_target = "";
    e->outlet = copy(a, ev->outlet);
    e->url = copy(a, ev->url);
    if (!e->outlet || !e->url ||!e->doc || !e->date || !e->lang || !e->source || !e->target || !e->source_country ||
        !e->target_country || !e->code || !e->root || !e->plover || !e->text || !e->ev_source ||
        !e->ev_target || !e->ev_verb)
        return MZ_ERR_NOMEM;
    set->n++;
    return MZ_OK;
}

/* Store query callback state: the set and the first failure. */
typedef struct load_ctx {
    mz_evset *set;
    mz_status status;
} load_ctx;

/* Appends each row; stops the query when memory runs out. */
static int add_row(void *ctx, const mz_event *ev)
{
    load_ctx *lc = ctx;
    lc->status = mz_evset_add(lc->set, ev);
    return lc->status != MZ_OK;
}

mz_status mz_evset_load_store(mz_evset *set, mz_store *s, const mz_filter *f, mz_error *err)
{
    load_ctx lc = {set, MZ_OK};
    mz_status rc = mz_store_query(s, f, add_row, &lc, err);
    if (rc != MZ_OK)
        return rc;
    if (lc.status != MZ_OK)
        return mz_fail(err, lc.status, NULL, 0, "out of memory");
    return MZ_OK;
}

/* ---- JSON -------------------------------------------------------------------------------- */

/* A string member, "" when absent; NULL when present with another type. */
static const char *str_field(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return "";
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static int date_ok(const char *d)
{
    if (!*d)
        return 1;
    return strlen(d) == 10 && mz_filter_date_ok(d);
}

mz_status mz_evset_add_json(mz_evset *set, const char *json, size_t len, const mz_filter *f,
                            mz_error *err)
{
    json_error_t jerr;
    json_t *o = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!o)
        return mz_fail(err, MZ_ERR_PARSE, NULL, 0, "not JSON: %s", jerr.text);
    mz_status rc = mz_evset_add_object(set, o, f, err);
    json_decref(o);
    return rc;
}

mz_status mz_evset_add_object(mz_evset *set, json_t *o, const mz_filter *f, mz_error *err)
{
    mz_status rc = MZ_ERR_PARSE;
    const char *why = NULL;
    char codebuf[16], rootbuf[3];
    if (!json_is_object(o)) {
        why = "not a JSON object";
        goto out;
    }
    mz_event ev;
    memset(&ev, 0, sizeof ev);
    ev.doc = str_field(o, "doc");
    ev.date = str_field(o, "date");
    ev.lang = str_field(o, "lang");
    ev.source = str_field(o, "source");
    ev.target = str_field(o, "target");
    ev.source_country = str_field(o, "source_country");
    ev.target_country = str_field(o, "target_country");
    ev.root = str_field(o, "root");
    ev.plover = str_field(o, "plover");
    ev.text = str_field(o, "text");
    ev.outlet = str_field(o, "outlet");
    ev.url = str_field(o, "url");
    const char *mood = str_field(o, "mood");
    if (!ev.doc || !ev.date || !ev.lang || !ev.source || !ev.target || !ev.source_country ||
        !ev.target_country || !ev.root || !ev.plover || !ev.text || !mood || !ev.outlet || !ev.url) {
        why = "a text field is not a string";
        goto out;
    }
    /* The code is a string ("072"); accept a number too, as some tools write it that way. */
    json_t *code = json_object_get(o, "code");
    if (json_is_string(code) && json_string_length(code) >= 2 && json_string_length(code) < 8) {
        ev.code = json_string_value(code);
    } else if (json_is_integer(code) && json_integer_value(code) >= 10 &&
               json_integer_value(code) < 100000) {
        snprintf(codebuf, sizeof codebuf, "%03lld", (long long)json_integer_value(code));
        ev.code = codebuf;
    } else {
        why = "missing or bad \"code\"";
        goto out;
    }
    if (!*ev.root) {
        memcpy(rootbuf, ev.code, 2);
        rootbuf[2] = '\0';
        ev.root = rootbuf;
    }
    json_t *quad = json_object_get(o, "quad"), *gold = json_object_get(o, "goldstein");
    if (!json_is_integer(quad) || json_integer_value(quad) < 1 || json_integer_value(quad) > 4) {
        why = "missing or bad \"quad\" (1-4)";
        goto out;
    }
    if (!json_is_number(gold) || !(json_number_value(gold) >= -10.0 && json_number_value(gold) <= 10.0)) {
        why = "missing or bad \"goldstein\" (a number from -10 to 10)";
        goto out;
    }
    if (!*ev.source || !*ev.target) {
        why = "missing \"source\" or \"target\"";
        goto out;
    }
    if (!date_ok(ev.date)) {
        why = "\"date\" is not YYYY-MM-DD";
        goto out;
    }
    ev.quad = (int)json_integer_value(quad);
    ev.goldstein = json_number_value(gold);
    json_t *sent = json_object_get(o, "sentence");
    ev.sentence = json_is_integer(sent) ? (int)json_integer_value(sent) : 0;
    ev.mood = strcmp(mood, "intent") == 0 ? MZ_MOOD_INTENT : MZ_MOOD_FACT;
    json_t *evid = json_object_get(o, "evidence");
    ev.ev_source = ev.ev_target = ev.ev_verb = "";
    if (json_is_object(evid)) {
        const char *s = str_field(evid, "source"), *t = str_field(evid, "target"),
                   *v = str_field(evid, "verb");
        ev.ev_source = s ? s : "";
        ev.ev_target = t ? t : "";
        ev.ev_verb = v ? v : "";
    }
    rc = mz_filter_match(f, &ev) ? mz_evset_add(set, &ev) : MZ_OK;
    if (rc == MZ_ERR_NOMEM)
        mz_fail(err, rc, NULL, 0, "out of memory");
out:
    if (why)
        mz_fail(err, MZ_ERR_PARSE, NULL, 0, "%s", why);
    return rc;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

mz_status mz_evset_read_jsonl(mz_evset *set, FILE *in, const char *name, const mz_filter *f,
                              mz_bad_line_fn bad, void *ctx, size_t *nbad, mz_error *err)
{
    char *line = NULL;
    size_t cap = 0, bads = 0;
    long lineno = 0;
    ssize_t n;
    mz_status rc = MZ_OK;
    errno = 0;
    while ((n = getline(&line, &cap, in)) >= 0) {
        lineno++;
        if (blank(line, (size_t)n))
            continue;
        mz_error e = {0};
        mz_status st = mz_evset_add_json(set, line, (size_t)n, f, &e);
        if (st == MZ_ERR_NOMEM) {
            rc = mz_fail(err, st, name, lineno, "out of memory");
            break;
        }
        if (st != MZ_OK) {
            bads++;
            e.line = lineno;
            snprintf(e.file, sizeof e.file, "%s", name ? name : "");
            if (bad)
                bad(ctx, &e);
        }
    }
    if (rc == MZ_OK && ferror(in))
        rc = mz_fail(err, MZ_ERR_IO, name, lineno, "read error: %s", strerror(errno));
    free(line);
    if (nbad)
        *nbad = bads;
    return rc;
}

static int cmp_str(const char *a, const char *b) { return strcmp(a, b); }

static int cmp_event(const void *pa, const void *pb)
{
    const mz_event *a = pa, *b = pb;
    int c;
    if ((c = cmp_str(a->date, b->date)) || (c = cmp_str(a->doc, b->doc)))
        return c;
    if (a->sentence != b->sentence)
        return a->sentence < b->sentence ? -1 : 1;
    if ((c = cmp_str(a->code, b->code)) || (c = cmp_str(a->source, b->source)))
        return c;
    return cmp_str(a->target, b->target);
}

void mz_evset_sort(mz_evset *set)
{
    if (set->n > 1)
        qsort(set->ev, set->n, sizeof *set->ev, cmp_event);
}
