/*
 * api.c — the routes of the JSON API and their handlers; see api.h and docs/API.md.
 *
 * How it works.  A table maps each path to its handler and to the parameters it accepts; a
 * request with any other parameter, a parameter given twice or a value too long is refused
 * with a 400 before the handler runs.  Handlers check the values they take (dates, codes,
 * numbers) the way the commands check their options, then ask the library: the analyses
 * through mz_report exactly as `mizan dyad|network|profile|watch --format json` does, events
 * through mz_store_query_page and mz_render_jsonl as `mizan events` does.  Values reach SQLite
 * only as bound parameters (store.c).  Small answers of the API's own (actors, stats, errors)
 * are built with jansson.
 */
#include "api.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyze/report.h"
#include "../dict/directory.h"
#include "../io/render.h"
#include "../util/error.h"
#include "cache.h"

enum { CACHE_ENTRIES = 64, CACHE_MAX_LEN = 4 << 20 };

struct mz_api {
    mz_pool *pool;
    mz_cache *cache;     /* the analyses' last answers */
    mz_directory names;  /* the actor names of the built-in dictionaries (read-only) */
};

typedef void (*handler_fn)(mz_api *api, const mz_api_request *rq, mz_api_reply *out);

typedef struct route {
    const char *path;
    handler_fn run;
    const char *params[12];  /* the parameters it accepts, NULL-terminated */
} route;

/* ---- answers ----------------------------------------------------------------------------- */

/* Sets out to an error answer {"error": message, "status": status}. */
static void fail(mz_api_reply *out, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail(mz_api_reply *out, int status, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    json_t *o = json_pack("{s:s, s:i}", "error", msg, "status", status);
    char *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
    mz_buf_clear(&out->body);
    mz_buf_puts(&out->body, text ? text : "{\"error\":\"out of memory\",\"status\":500}");
    out->status = text ? status : 500;
    free(text);
    json_decref(o);
}

/* Sets out to a JSON object made with jansson (the reference is taken). */
static void reply_json(mz_api_reply *out, json_t *o)
{
    char *text = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (!text) {
        fail(out, 500, "out of memory");
        return;
    }
    mz_buf_clear(&out->body);
    mz_buf_puts(&out->body, text);
    out->status = 200;
    free(text);
}

/* The answer for a library failure: the caller's mistakes (a bad full-text query, a period
 * too short for the span) are 400, the rest 500. */
static void fail_status(mz_api_reply *out, mz_status rc, const mz_error *err)
{
    int status = rc == MZ_ERR_ARG || rc == MZ_ERR_LIMIT ? 400 : 500;
    fail(out, status, "%s", err->message[0] ? err->message : mz_status_str(rc));
}

/* ---- parameters -------------------------------------------------------------------------- */

/* The value of a parameter, NULL when it was not given. */
static const char *param(const mz_api_request *rq, const char *name)
{
    for (int i = 0; i < rq->n; i++)
        if (strcmp(rq->names[i], name) == 0)
            return rq->values[i];
    return NULL;
}

/* Refuses parameters the route does not take, given twice, or too long; 0 when all is well. */
static int check_names(const route *r, const mz_api_request *rq, mz_api_reply *out)
{
    if (rq->too_many) {
        fail(out, 400, "too many parameters (at most %d)", MZ_API_MAX_PARAMS);
        return -1;
    }
    for (int i = 0; i < rq->n; i++) {
        int known = 0;
        for (const char *const *p = r->params; *p; p++)
            known |= strcmp(*p, rq->names[i]) == 0;
        if (!known) {
            fail(out, 400, "%s takes no parameter '%.64s'", r->path, rq->names[i]);
            return -1;
        }
        for (int j = 0; j < i; j++)
            if (strcmp(rq->names[i], rq->names[j]) == 0) {
                fail(out, 400, "parameter '%s' given twice", rq->names[i]);
                return -1;
            }
        if (strlen(rq->values[i]) > MZ_API_MAX_VALUE) {
            fail(out, 400, "parameter '%s' is longer than %d bytes", rq->names[i], MZ_API_MAX_VALUE);
            return -1;
        }
    }
    return 0;
}

/* A country or actor code: 1 to 31 letters and digits, upper-cased into out. */
static int take_code(const char *v, char out[32])
{
    size_t n = strlen(v);
    if (n < 1 || n > 31)
        return 0;
    for (size_t i = 0; i <= n; i++) {
        char c = v[i];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        else if (i < n && !((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return 0;
        out[i] = c;
    }
    return 1;
}

/* A whole number in [min, max]. */
static int take_long(const char *v, long min, long max, long *out)
{
    char *end;
    long x = strtol(v, &end, 10);
    if (!*v || *end || x < min || x > max)
        return 0;
    *out = x;
    return 1;
}

/* The codes a request names, upper-cased (what the filters and reports point into). */
typedef struct codes {
    char a[32], b[32];
} codes;

/* from= and to= into *from and *to (NULL when absent or empty); 0 after filling out when one
 * is not a date. */
static int take_dates(const mz_api_request *rq, const char **from, const char **to,
                      mz_api_reply *out)
{
    const char *names[2] = {"from", "to"};
    const char **dst[2] = {from, to};
    for (int i = 0; i < 2; i++) {
        const char *v = param(rq, names[i]);
        if (v && *v && !mz_filter_date_ok(v)) {
            fail(out, 400, "'%s' takes a date: YYYY, YYYY-MM or YYYY-MM-DD", names[i]);
            return 0;
        }
        *dst[i] = v && *v ? v : NULL;
    }
    return 1;
}

/* dyad=A,B into c; 0 after filling out when it is not two different codes. */
static int take_dyad(const char *v, codes *c, mz_api_reply *out)
{
    const char *comma = strchr(v, ',');
    char a[MZ_API_MAX_VALUE + 1];
    size_t n = comma ? (size_t)(comma - v) : 0;
    if (comma && n < sizeof a) {
        memcpy(a, v, n);
        a[n] = '\0';
    }
    if (!comma || n >= sizeof a || !take_code(a, c->a) || !take_code(comma + 1, c->b) ||
        strcmp(c->a, c->b) == 0) {
        fail(out, 400, "'dyad' takes two different codes, A,B");
        return 0;
    }
    return 1;
}

/* The parameters the analyses share: from, to, by, dedup.  0 after filling out when bad. */
static int take_report(const mz_api_request *rq, mz_report *r, mz_api_reply *out)
{
    if (!take_dates(rq, &r->from, &r->to, out))
        return 0;
    const char *by = param(rq, "by");
    if (by && !mz_period_parse(by, &r->by)) {
        fail(out, 400, "'by' takes day, week, month or year");
        return 0;
    }
    const char *dedup = param(rq, "dedup");
    if (dedup && strcmp(dedup, "day") != 0) {
        fail(out, 400, "'dedup' takes day");
        return 0;
    }
    r->dedup = dedup != NULL;
    return 1;
}

/* a= and b=, both required and different. */
static int take_pair(const mz_api_request *rq, codes *c, mz_api_reply *out)
{
    const char *a = param(rq, "a"), *b = param(rq, "b");
    if (!a || !b || !take_code(a, c->a) || !take_code(b, c->b) || strcmp(c->a, c->b) == 0) {
        fail(out, 400, "'a' and 'b' take two different country codes, e.g. a=RUS&b=PRK");
        return 0;
    }
    return 1;
}

/* ---- analyses ---------------------------------------------------------------------------- */

/* The cache key of a report: every field that changes its answer. */
static void report_key(const mz_report *r, char *key, size_t n)
{
    snprintf(key, n, "%d|%s|%s|%s|%s|%d|%d|%lu|%.17g|%.17g", (int)r->kind, r->a ? r->a : "",
             r->b ? r->b : "", r->from ? r->from : "", r->to ? r->to : "", (int)r->by, r->dedup,
             r->seed, r->watch.alpha, r->watch.min_size);
}

/* Answers with the report's JSON: from the cache when the database has not changed since it
 * was computed, else loaded from a pooled connection, computed and cached. */
static void run_report(mz_api *api, const mz_report *r, mz_api_reply *out)
{
    char key[256];
    report_key(r, key, sizeof key);
    unsigned long generation;
    mz_store *st = mz_pool_take(api->pool, &generation);
    mz_buf_clear(&out->body);
    if (mz_cache_get(api->cache, key, generation, &out->body)) {
        mz_pool_give(api->pool, st);
        out->status = 200;
        return;
    }
    mz_evset set;
    mz_evset_init(&set, MZ_EVSET_NO_TEXT);
    mz_error err = {0};
    mz_status rc = mz_report_load_store(r, st, &set, &err);
    mz_pool_give(api->pool, st);
    if (rc == MZ_OK)
        rc = mz_report_run(r, &set, &out->body, &err);
    mz_evset_free(&set);
    if (rc == MZ_OK && out->body.oom)
        rc = mz_fail(&err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
    if (rc != MZ_OK) {
        fail_status(out, rc, &err);
        return;
    }
    mz_cache_put(api->cache, key, generation, out->body.data, out->body.len);
    out->status = 200;
}

/* A report of kind `kind` on the pair of actors ?a= and ?b= (a dyad, an exchange profile). */
static void pair_report(mz_api *api, const mz_api_request *rq, mz_api_reply *out,
                        mz_report_kind kind)
{
    mz_report r;
    codes c;
    mz_report_init(&r, kind);
    r.format = "json";
    if (!take_pair(rq, &c, out) || !take_report(rq, &r, out))
        return;
    r.a = c.a;
    r.b = c.b;
    run_report(api, &r, out);
}

static void api_dyad(mz_api *api, const mz_api_request *rq, mz_api_reply *out)
{
    pair_report(api, rq, out, MZ_REPORT_DYAD);
}

static void api_profile(mz_api *api, const mz_api_request *rq, mz_api_reply *out)
{
    pair_report(api, rq, out, MZ_REPORT_PROFILE);
}

static void api_network(mz_api *api, const mz_api_request *rq, mz_api_reply *out)
{
    mz_report r;
    mz_report_init(&r, MZ_REPORT_NETWORK);
    if (!take_report(rq, &r, out))
        return;
    const char *seed = param(rq, "seed");
    long v;
    if (seed) {
        if (!take_long(seed, 0, 1000000000L, &v)) {
            fail(out, 400, "'seed' takes a whole number");
            return;
        }
        r.seed = (unsigned long)v;
    }
    run_report(api, &r, out);
}

/* A number in (0, 1) for alpha, above 0 for min_size: as `mizan watch` takes them. */
static int take_fraction(const mz_api_request *rq, const char *name, int below_one, double *out_v,
                         mz_api_reply *out)
{
    const char *v = param(rq, name);
    if (!v)
        return 1;
    char *end;
    double x = strtod(v, &end);
    if (!*v || *end || !(x > 0) || (below_one && x >= 1) || x > 1e9) {
        fail(out, 400, "'%s' takes a number %s", name, below_one ? "between 0 and 1" : "above 0");
        return 0;
    }
    *out_v = x;
    return 1;
}

static void api_watch(mz_api *api, const mz_api_request *rq, mz_api_reply *out)
{
    mz_report r;
    codes c;
    mz_report_init(&r, MZ_REPORT_WATCH);
    r.format = "json";
    if (!take_report(rq, &r, out) || !take_fraction(rq, "alpha", 1, &r.watch.alpha, out) ||
        !take_fraction(rq, "min_size", 0, &r.watch.min_size, out))
        return;
    const char *dyad = param(rq, "dyad");
    if (dyad) {
        if (!take_dyad(dyad, &c, out))
            return;
        r.a = c.a;
        r.b = c.b;
    }
    run_report(api, &r, out);
}

/* ---- events ------------------------------------------------------------------------------ */

typedef struct page {
    mz_buf *body;
    mz_buf line;  /* one event as mz_render_jsonl writes it */
    long n;
} page;

/* Appends an event to the page's array, as `mizan events` prints it (without the newline). */
static int add_event(void *ctx, const mz_event *ev)
{
    page *p = ctx;
    mz_buf_clear(&p->line);
    mz_render_jsonl(&p->line, ev);
    if (p->line.len && p->line.data[p->line.len - 1] == '\n')
        p->line.len--;
    if (p->n++)
        mz_buf_putc(p->body, ',');
    mz_buf_put(p->body, p->line.data ? p->line.data : "", p->line.len);
    return p->body->oom || p->line.oom;
}

/* The filter parameters of /api/events into f (values point into c or the request). */
static int take_filter(const mz_api_request *rq, mz_filter *f, codes *c, char root[3],
                       mz_api_reply *out)
{
    if (!take_dates(rq, &f->from, &f->to, out))
        return 0;
    const char *actor = param(rq, "actor"), *dyad = param(rq, "dyad"), *rt = param(rq, "root");
    if (actor) {
        if (!take_code(actor, c->a)) {
            fail(out, 400, "'actor' takes a country or actor code");
            return 0;
        }
        f->actor = c->a;
    }
    if (dyad) {
        if (actor) {
            fail(out, 400, "give 'actor' or 'dyad', not both");
            return 0;
        }
        if (!take_dyad(dyad, c, out))
            return 0;
        f->dyad_a = c->a;
        f->dyad_b = c->b;
    }
    if (rt) {
        if (!mz_filter_root_norm(rt, root)) {
            fail(out, 400, "'root' takes a CAMEO root, 01 to 20");
            return 0;
        }
        f->root = root;
    }
    const char *search = param(rq, "search");
    f->match = search && *search ? search : NULL;
    return 1;
}

static void api_events(mz_api *api, const mz_api_request *rq, mz_api_reply *out)
{
    mz_filter f = {0};
    codes c;
    char root[3];
    long offset = 0, limit = MZ_API_DEFAULT_PAGE;
    if (!take_filter(rq, &f, &c, root, out))
        return;
    const char *o = param(rq, "offset"), *l = param(rq, "limit");
    if (o && !take_long(o, 0, 1000000000L, &offset)) {
        fail(out, 400, "'offset' takes a whole number from 0");
        return;
    }
    if (l && !take_long(l, 1, MZ_API_MAX_PAGE, &limit)) {
        fail(out, 400, "'limit' takes a whole number from 1 to %d", MZ_API_MAX_PAGE);
        return;
    }
    mz_buf_clear(&out->body);
    mz_buf_puts(&out->body, "{\"events\":[");
    page p = {&out->body, MZ_BUF_INIT, 0};
    long long total = 0;
    mz_error err = {0};
    mz_store *st = mz_pool_take(api->pool, NULL);
    mz_status rc = mz_store_query_page(st, &f, offset, limit, add_event, &p, &total, &err);
    mz_pool_give(api->pool, st);
    mz_buf_free(&p.line);
    mz_buf_printf(&out->body, "],\"total\":%lld,\"offset\":%ld,\"limit\":%ld}", total, offset, limit);
    if (rc == MZ_OK && out->body.oom)
        rc = mz_fail(&err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
    if (rc != MZ_OK)
        fail_status(out, rc, &err);
    else
        out->status = 200;
}

/* ---- actors and stats -------------------------------------------------------------------- */

/* The first name the dictionaries give the code in a language ('a' or 'e'), not a demonym
 * and without a period (a country's or organisation's own name); an organisation's country
 * code (UNO) is also looked for as its actor code (IGOUNO).  "" when none. */
static const char *name_of(const mz_directory *d, const char *code, char lang)
{
    char igo[40];
    snprintf(igo, sizeof igo, "IGO%s", code);
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < d->n; i++) {
            const mz_dir_name *r = &d->names[i];
            if (r->lang == lang && !r->adj && !r->from[0] && !r->to[0] &&
                strcmp(r->code, pass ? igo : code) == 0)
                return r->phrase;
        }
    }
    return "";
}

static void api_actors(mz_api *api, const mz_api_request *rq, mz_api_reply *out)
{
    (void)rq;
    mz_store_country *cs = NULL;
    size_t n = 0;
    mz_error err = {0};
    mz_store *st = mz_pool_take(api->pool, NULL);
    mz_status rc = mz_store_countries(st, &cs, &n, &err);
    mz_pool_give(api->pool, st);
    if (rc != MZ_OK) {
        fail_status(out, rc, &err);
        return;
    }
    json_t *list = json_array();
    for (size_t i = 0; list && i < n; i++)
        json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:I}", "code", cs[i].code, "name",
                                              name_of(&api->names, cs[i].code, 'e'), "name_ar",
                                              name_of(&api->names, cs[i].code, 'a'), "events",
                                              (json_int_t)cs[i].events));
    free(cs);
    reply_json(out, list ? json_pack("{s:o}", "actors", list) : NULL);
}

static void api_stats(mz_api *api, const mz_api_request *rq, mz_api_reply *out)
{
    (void)rq;
    mz_store_summary s;
    mz_error err = {0};
    mz_store *st = mz_pool_take(api->pool, NULL);
    mz_status rc = mz_store_summarize(st, &s, &err);
    mz_pool_give(api->pool, st);
    if (rc != MZ_OK) {
        fail_status(out, rc, &err);
        return;
    }
    reply_json(out, json_pack("{s:I, s:I, s:I, s:I, s:s, s:s, s:I, s:{s:I, s:I}, s:[I,I,I,I]}",
                              "documents", (json_int_t)s.counts.documents, "sentences",
                              (json_int_t)s.counts.sentences, "events", (json_int_t)s.counts.events,
                              "undated", (json_int_t)s.undated, "first", s.first, "last", s.last,
                              "countries", (json_int_t)s.countries, "languages", "ar",
                              (json_int_t)s.lang_ar, "en", (json_int_t)s.lang_en, "quad",
                              (json_int_t)s.quad[0], (json_int_t)s.quad[1], (json_int_t)s.quad[2],
                              (json_int_t)s.quad[3]));
}

/* ---- routing ----------------------------------------------------------------------------- */

static const route routes[] = {
    {"/api/events", api_events,
     {"from", "to", "actor", "dyad", "root", "search", "offset", "limit", NULL}},
    {"/api/dyad", api_dyad, {"a", "b", "by", "from", "to", "dedup", NULL}},
    {"/api/network", api_network, {"from", "to", "dedup", "seed", NULL}},
    {"/api/profile", api_profile, {"a", "b", "by", "from", "to", "dedup", NULL}},
    {"/api/watch", api_watch, {"dyad", "by", "from", "to", "dedup", "alpha", "min_size", NULL}},
    {"/api/actors", api_actors, {NULL}},
    {"/api/stats", api_stats, {NULL}},
};

int mz_api_owns(const char *path) { return strncmp(path, "/api/", 5) == 0; }

void mz_api_handle(mz_api *api, const mz_api_request *rq, mz_api_reply *out)
{
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (strcmp(rq->path, routes[i].path) != 0)
            continue;
        if (check_names(&routes[i], rq, out) == 0)
            routes[i].run(api, rq, out);
        return;
    }
    fail(out, 404, "no such API path: %.200s", rq->path);
}

mz_api *mz_api_new(mz_pool *pool, mz_error *err)
{
    mz_api *api = calloc(1, sizeof *api);
    if (!api) {
        mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
        return NULL;
    }
    api->pool = pool;
    mz_directory_init(&api->names);
    api->cache = mz_cache_new(CACHE_ENTRIES, CACHE_MAX_LEN);
    if (!api->cache) {
        mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
        mz_api_free(api);
        return NULL;
    }
    if (mz_directory_load_builtin(&api->names, err) != MZ_OK) {
        mz_api_free(api);
        return NULL;
    }
    return api;
}

void mz_api_free(mz_api *api)
{
    if (!api)
        return;
    mz_directory_free(&api->names);
    mz_cache_free(api->cache);
    free(api);
}
