/* Unit tests of the server's modules below HTTP: the answer cache (hits, generations,
 * least-recently-used eviction, size limit, several threads), and `--events`: an events file
 * loaded into an in-memory store, refused whole for a bad line, read by a pool of connections
 * and answered from by the API. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/render.h"
#include "mizan.h"
#include "serve/api.h"
#include "serve/cache.h"
#include "serve/load.h"
#include "serve/pool.h"
#include "util/buf.h"

/* ---- the cache --------------------------------------------------------------------------- */

/* What the cache gives for (key, generation) as a string, "" for a miss; the caller frees. */
static char *got(mz_cache *c, const char *key, unsigned long generation)
{
    mz_buf b = MZ_BUF_INIT;
    int hit = mz_cache_get(c, key, generation, &b);
    mz_buf_putc(&b, '\0');
    assert_int_equal(hit, b.len > 1 || strcmp(key, "empty") == 0);
    return b.data;
}

static void assert_got(mz_cache *c, const char *key, unsigned long generation, const char *want)
{
    char *v = got(c, key, generation);
    assert_string_equal(v, want);
    free(v);
}

static void put_str(mz_cache *c, const char *key, unsigned long generation, const char *data)
{
    mz_cache_put(c, key, generation, data, strlen(data));
}

static void cache_hits_by_key_and_generation(void **state)
{
    (void)state;
    mz_cache *c = mz_cache_new(4, 100);
    assert_non_null(c);
    assert_got(c, "/api/network", 0, "");
    put_str(c, "/api/network", 1, "{\"nodes\":[]}");
    assert_got(c, "/api/network", 1, "{\"nodes\":[]}");
    assert_got(c, "/api/network", 2, "");  /* a newer generation: stale */
    assert_got(c, "/api/network?seed=7", 1, "");
    /* the answer is appended to what the buffer holds */
    mz_buf b = MZ_BUF_INIT;
    mz_buf_puts(&b, "x");
    assert_int_equal(mz_cache_get(c, "/api/network", 1, &b), 1);
    assert_int_equal(b.len, 1 + strlen("{\"nodes\":[]}"));
    assert_memory_equal(b.data, "x{\"nodes\":[]}", b.len);
    mz_buf_free(&b);
    /* putting a key again replaces its answer and generation */
    put_str(c, "/api/network", 2, "new");
    assert_got(c, "/api/network", 1, "");
    assert_got(c, "/api/network", 2, "new");
    /* an empty answer is an answer */
    mz_cache_put(c, "empty", 2, "", 0);
    b = (mz_buf)MZ_BUF_INIT;
    assert_int_equal(mz_cache_get(c, "empty", 2, &b), 1);
    assert_int_equal(b.len, 0);
    mz_buf_free(&b);
    mz_cache_free(c);
    mz_cache_free(NULL);
}

static void cache_evicts_least_recently_used(void **state)
{
    (void)state;
    mz_cache *c = mz_cache_new(3, 100);
    put_str(c, "a", 0, "A");
    put_str(c, "b", 0, "B");
    put_str(c, "c", 0, "C");
    put_str(c, "a", 0, "A2");  /* a key put again takes its own place, not another's */
    assert_got(c, "b", 0, "B");
    assert_got(c, "c", 0, "C");
    assert_got(c, "b", 0, "B");  /* now a is the least recently used, then c */
    put_str(c, "d", 0, "D");
    assert_got(c, "a", 0, "");
    assert_got(c, "c", 0, "C");
    put_str(c, "e", 0, "E");
    assert_got(c, "b", 0, "");
    assert_got(c, "c", 0, "C");
    assert_got(c, "d", 0, "D");
    assert_got(c, "e", 0, "E");
    mz_cache_free(c);
}

static void cache_keeps_no_answer_too_long(void **state)
{
    (void)state;
    mz_cache *c = mz_cache_new(2, 4);
    put_str(c, "k", 0, "12345");
    assert_got(c, "k", 0, "");
    put_str(c, "k", 0, "1234");
    assert_got(c, "k", 0, "1234");
    put_str(c, "k", 1, "123456");  /* refused: the older answer stays, under its generation */
    assert_got(c, "k", 0, "1234");
    mz_cache_free(c);
}

enum { THREADS = 4, ROUNDS = 2000, KEYS = 12 };

typedef struct worker {
    mz_cache *c;
    int id, wrong, hits;
} worker;

/* Puts and gets keys shared with the other threads; the answer of key i is always "vi", so a
 * hit with anything else is a torn or mixed-up entry. */
static void *hammer(void *arg)
{
    worker *w = arg;
    for (int r = 0; r < ROUNDS; r++) {
        char key[16], want[16];
        int k = (r * 7 + w->id) % KEYS;
        snprintf(key, sizeof key, "k%d", k);
        snprintf(want, sizeof want, "v%d", k);
        if (r % 3 == 0) {
            put_str(w->c, key, 1, want);
            continue;
        }
        mz_buf b = MZ_BUF_INIT;
        if (mz_cache_get(w->c, key, 1, &b)) {
            w->hits++;
            w->wrong += b.len != strlen(want) || memcmp(b.data, want, b.len) != 0;
        }
        mz_buf_free(&b);
    }
    return NULL;
}

static void cache_from_several_threads(void **state)
{
    (void)state;
    mz_cache *c = mz_cache_new(8, 100);
    pthread_t t[THREADS];
    worker w[THREADS];
    for (int i = 0; i < THREADS; i++) {
        w[i] = (worker){c, i, 0, 0};
        assert_int_equal(pthread_create(&t[i], NULL, hammer, &w[i]), 0);
    }
    int hits = 0;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(w[i].wrong, 0);
        hits += w[i].hits;
    }
    assert_true(hits > 0);
    mz_cache_free(c);
}

/* ---- --events: a file in a store in memory ----------------------------------------------- */

typedef struct files {
    char dir[64];
    char path[128];
} files;

static int make_dir(void **state)
{
    files *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/mizan_test_serve_XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    *state = f;
    return 0;
}

static int remove_dir(void **state)
{
    files *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd);
    free(f);
    return rc == 0 ? 0 : -1;
}

static mz_event event(const char *doc, int sentence, const char *src, const char *tgt,
                      const char *code, const char *root, int quad, double gold, const char *text)
{
    return (mz_event){.doc = doc, .sentence = sentence, .date = "2024-05-01", .lang = "en",
                      .source = src, .target = tgt, .source_country = src, .target_country = tgt,
                      .code = code, .root = root, .quad = quad, .goldstein = gold,
                      .plover = "X", .text = text, .ev_source = "", .ev_target = "",
                      .ev_verb = "", .outlet = "wire", .url = ""};
}

static const mz_event *three_events(void)
{
    static mz_event e[3];
    e[0] = event("d1", 0, "RUS", "PRK", "072", "07", 2, 8.3, "Russia aided North Korea.");
    e[1] = event("d1", 2, "JPN", "PRK", "111", "11", 3, -2.0, "Japan criticised Pyongyang.");
    e[2] = event("d2", 0, "CHN", "RUS", "040", "04", 1, 1.0, "China consulted Russia.");
    return e;
}

/* Writes text (NUL-terminated) to the fixture's file `name`; returns its path. */
static const char *write_file(files *f, const char *name, const char *text)
{
    snprintf(f->path, sizeof f->path, "%s/%s", f->dir, name);
    FILE *out = fopen(f->path, "w");
    assert_non_null(out);
    fputs(text, out);
    fclose(out);
    return f->path;
}

/* The three events rendered as mizan writes them: JSON Lines (with a blank line, which
 * readers skip) or TSV.  The caller frees the buffer. */
static mz_buf rendered(int tsv)
{
    mz_buf b = MZ_BUF_INIT;
    const mz_event *e = three_events();
    if (tsv)
        mz_render_tsv_header(&b);
    for (int i = 0; i < 3; i++) {
        if (tsv)
            mz_render_tsv(&b, &e[i]);
        else
            mz_render_jsonl(&b, &e[i]);
        if (i == 0 && !tsv)
            mz_buf_puts(&b, "\n");
    }
    mz_buf_putc(&b, '\0');
    return b;
}

/* The store name of a test: a process's names must differ between stores alive together. */
static const char *store_name(const char *what)
{
    static char name[64];
    snprintf(name, sizeof name, "/mizan-test-serve-%s-%ld", what, (long)getpid());
    return name;
}

/* Answers path through the API, asserting the status; returns the body (the caller frees). */
static char *ask(mz_api *api, const char *path, int status)
{
    mz_api_request rq = {.path = path};
    mz_api_reply out = {0, MZ_BUF_INIT};
    mz_api_handle(api, &rq, &out);
    mz_buf_putc(&out.body, '\0');
    assert_int_equal(out.status, status);
    return out.body.data;
}

static void events_file_served_from_memory(void **state)
{
    files *f = *state;
    for (int tsv = 0; tsv <= 1; tsv++) {
        mz_buf text = rendered(tsv);
        const char *path = write_file(f, tsv ? "ev.tsv" : "ev.jsonl", text.data);
        mz_buf_free(&text);
        const char *name = store_name(tsv ? "tsv" : "jsonl");
        mz_error err = {0};
        long long n = 0;
        mz_store *w = mz_serve_load_events(path, name, &n, &err);
        assert_non_null(w);
        assert_int_equal(n, 3);
        mz_pool *p = mz_pool_new(name, MZ_STORE_MEMORY, 2, &err);
        assert_non_null(p);
        /* both connections read the events; nothing changes them, so the generation stays */
        unsigned long g1 = 9, g2 = 9;
        mz_store *a = mz_pool_take(p, &g1), *b = mz_pool_take(p, &g2);
        assert_true(a != b);
        assert_int_equal(g1, g2);
        mz_store_summary s;
        assert_int_equal(mz_store_summarize(b, &s, &err), MZ_OK);
        assert_int_equal(s.counts.documents, 2);
        assert_int_equal(s.counts.sentences, 3);
        assert_int_equal(s.counts.events, 3);
        assert_int_equal(s.countries, 4);
        mz_pool_give(p, a);
        mz_pool_give(p, b);
        /* the API answers from it as from a database */
        mz_api *api = mz_api_new(p, &err);
        assert_non_null(api);
        char *body = ask(api, "/api/stats", 200);
        assert_non_null(strstr(body, "\"events\":3"));
        free(body);
        body = ask(api, "/api/events", 200);
        assert_non_null(strstr(body, "\"total\":3"));
        assert_non_null(strstr(body, "\"outlet\":\"wire\""));
        free(body);
        mz_api_request rq = {.path = "/api/events", .names = {"search"}, .values = {"Pyongyang"},
                             .n = 1};
        mz_api_reply out = {0, MZ_BUF_INIT};
        mz_api_handle(api, &rq, &out);
        mz_buf_putc(&out.body, '\0');
        assert_int_equal(out.status, 200);
        assert_non_null(strstr(out.body.data, "\"total\":1"));
        assert_non_null(strstr(out.body.data, "\"sentence\":2"));
        mz_buf_free(&out.body);
        mz_api_free(api);
        mz_pool_free(p);
        mz_store_close(w);
        /* closed, the store is gone */
        assert_null(mz_pool_new(name, MZ_STORE_MEMORY, 1, &err));
    }
}

static void events_file_refused_whole(void **state)
{
    files *f = *state;
    mz_buf text = rendered(0);
    /* the second event's line broken: the first bad line is named, and how many there are */
    char *second = strchr(text.data, '\n') + 2;  /* past the first line and the blank one */
    memcpy(second, "{oops", 5);
    const char *path = write_file(f, "bad.jsonl", text.data);
    mz_buf_free(&text);
    mz_error err = {0};
    assert_null(mz_serve_load_events(path, store_name("bad"), NULL, &err));
    assert_int_equal(err.status, MZ_ERR_PARSE);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "(1 line of the file is not events: nothing served)"));
    /* a store was not left behind */
    assert_null(mz_pool_new(store_name("bad"), MZ_STORE_MEMORY, 1, &err));
    /* a missing file; an event without its document */
    snprintf(f->path, sizeof f->path, "%s/none.jsonl", f->dir);
    assert_null(mz_serve_load_events(f->path, store_name("none"), NULL, &err));
    assert_int_equal(err.status, MZ_ERR_IO);
    assert_non_null(strstr(err.file, "none.jsonl"));
    path = write_file(f, "nodoc.jsonl",
                      "{\"code\":\"040\",\"quad\":1,\"goldstein\":1,\"source\":\"A\",\"target\":\"B\"}\n");
    assert_null(mz_serve_load_events(path, store_name("nodoc"), NULL, &err));
    assert_int_equal(err.status, MZ_ERR_PARSE);
    assert_string_equal(err.file, path);
    assert_non_null(strstr(err.message, "no document id"));
    /* an empty file is an empty store, served as one */
    path = write_file(f, "empty.jsonl", "");
    long long n = -1;
    mz_store *w = mz_serve_load_events(path, store_name("empty"), &n, &err);
    assert_non_null(w);
    assert_int_equal(n, 0);
    mz_store_close(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cache_hits_by_key_and_generation),
        cmocka_unit_test(cache_evicts_least_recently_used),
        cmocka_unit_test(cache_keeps_no_answer_too_long),
        cmocka_unit_test(cache_from_several_threads),
        cmocka_unit_test_setup_teardown(events_file_served_from_memory, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(events_file_refused_whole, make_dir, remove_dir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
