/* Unit tests of the event store: schema and WAL, idempotent puts (same content adds nothing,
 * changed content replaces sentences and events), atomic batches, filtered queries with
 * full-text search, and the ingest pipeline on the built-in dictionaries, single- and
 * multi-threaded. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mizan.h"
#include "store/store.h"

/* ---- fixtures ---------------------------------------------------------------------------- */

typedef struct fixture {
    char dir[64];
    char path[128];
    mz_store *s;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/mizan_test_store_XXXXXX");
    if (!f || !mkdtemp(f->dir))
        return -1;
    snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
    mz_error err = {0};
    f->s = mz_store_open(f->path, 0, &err);
    if (!f->s)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    mz_store_close(f->s);
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0)
        return -1;
    free(f);
    return 0;
}

static mz_event ev(const char *doc, int sentence, const char *date, const char *src, const char *tgt,
                   const char *code, int quad, double gold)
{
    static char roots[8][3];
    static int k;
    char *root = roots[k++ % 8];
    root[0] = code[0];
    root[1] = code[1];
    root[2] = 0;
    return (mz_event){.doc = doc, .sentence = sentence, .date = date, .lang = "en", .source = src,
                      .target = tgt, .source_country = src, .target_country = tgt, .code = code,
                      .root = root, .quad = quad, .goldstein = gold, .plover = "X",
                      .mood = MZ_MOOD_FACT, .text = "text", .ev_source = "s", .ev_target = "t",
                      .ev_verb = "v"};
}

/* Puts one document in its own transaction; returns its state. */
static mz_doc_state put(mz_store *s, const char *id, const char *date, const char *text,
                        const char *const *sents, size_t ns, const mz_event *evs, size_t ne)
{
    mz_doc doc = {.id = id, .date = date, .lang = "en", .source = "test", .text = text,
                  .len = strlen(text)};
    char hash[17];
    mz_store_hash(&doc, hash);
    mz_store_doc d = {&doc, hash, sents, ns, evs, ne};
    mz_error err = {0};
    mz_doc_state state = MZ_DOC_NEW;
    assert_int_equal(mz_store_begin(s, &err), MZ_OK);
    assert_int_equal(mz_store_put(s, &d, &state, &err), MZ_OK);
    assert_int_equal(mz_store_commit(s, &err), MZ_OK);
    return state;
}

static mz_store_counts counts(mz_store *s)
{
    mz_store_counts c = {0};
    assert_int_equal(mz_store_count(s, &c, NULL), MZ_OK);
    return c;
}

/* Counts query results. */
static int count_cb(void *ctx, const mz_event *e)
{
    (void)e;
    (*(int *)ctx)++;
    return 0;
}

static int query_count(mz_store *s, mz_filter f)
{
    int n = 0;
    mz_error err = {0};
    assert_int_equal(mz_store_query(s, &f, count_cb, &n, &err), MZ_OK);
    return n;
}

/* ---- tests ------------------------------------------------------------------------------- */

static void schema_wal_and_read_only(void **state)
{
    fixture *f = *state;
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    sqlite3_close(db);
    assert_non_null(strstr(mz_store_schema(), "USING fts5"));
    mz_error err = {0};
    char missing[160];
    snprintf(missing, sizeof missing, "%s/none.db", f->dir);
    assert_null(mz_store_open(missing, MZ_STORE_READONLY, &err));
    assert_int_equal(access(missing, F_OK), -1);  /* not created */
    /* a second writable open of an existing store is harmless */
    mz_store *again = mz_store_open(f->path, 0, &err);
    assert_non_null(again);
    mz_store_close(again);
    mz_store *ro = mz_store_open(f->path, MZ_STORE_READONLY, &err);
    assert_non_null(ro);
    mz_store_close(ro);
}

static void same_content_adds_nothing(void **state)
{
    fixture *f = *state;
    const char *sents[] = {"Russia aided North Korea.", "The United States objected."};
    mz_event evs[] = {ev("a", 0, "2024-06-19", "RUS", "PRK", "072", 2, 8.3),
                      ev("a", 1, "2024-06-19", "USA", "RUS", "111", 3, -2.0)};
    const char *text = "Russia aided North Korea. The United States objected.";
    assert_int_equal(put(f->s, "a", "2024-06-19", text, sents, 2, evs, 2), MZ_DOC_NEW);
    mz_store_counts c = counts(f->s);
    assert_int_equal(c.documents, 1);
    assert_int_equal(c.sentences, 2);
    assert_int_equal(c.events, 2);
    for (int i = 0; i < 3; i++)
        assert_int_equal(put(f->s, "a", "2024-06-19", text, sents, 2, evs, 2), MZ_DOC_SAME);
    mz_store_counts c2 = counts(f->s);
    assert_memory_equal(&c, &c2, sizeof c);
    mz_doc_state st;
    mz_doc doc = {.id = "a", .date = "2024-06-19", .lang = "en", .source = "test", .text = text,
                  .len = strlen(text)};
    char hash[17];
    mz_store_hash(&doc, hash);
    assert_int_equal(mz_store_doc_state(f->s, "a", hash, &st, NULL), MZ_OK);
    assert_int_equal(st, MZ_DOC_SAME);
    assert_int_equal(mz_store_doc_state(f->s, "b", hash, &st, NULL), MZ_OK);
    assert_int_equal(st, MZ_DOC_NEW);
}

static void changed_content_replaces_events(void **state)
{
    fixture *f = *state;
    const char *s1[] = {"Russia aided North Korea.", "The United States objected."};
    mz_event e1[] = {ev("a", 0, "2024-06-19", "RUS", "PRK", "072", 2, 8.3),
                     ev("a", 1, "2024-06-19", "USA", "RUS", "111", 3, -2.0)};
    const char *s2[] = {"Japan protested to Pyongyang."};
    mz_event e2[] = {ev("a", 0, "2024-06-20", "JPN", "PRK", "141", 3, -6.5)};
    mz_event other[] = {ev("b", 0, "2024-06-19", "CHN", "RUS", "040", 1, 1.0)};
    const char *sb[] = {"China consulted Russia."};
    assert_int_equal(put(f->s, "a", "2024-06-19", "v1", s1, 2, e1, 2), MZ_DOC_NEW);
    assert_int_equal(put(f->s, "b", "2024-06-19", "other", sb, 1, other, 1), MZ_DOC_NEW);
    /* new text, and a new date: both change the hash */
    assert_int_equal(put(f->s, "a", "2024-06-20", "v2", s2, 1, e2, 1), MZ_DOC_CHANGED);
    mz_store_counts c = counts(f->s);
    assert_int_equal(c.documents, 2);
    assert_int_equal(c.sentences, 2);
    assert_int_equal(c.events, 2);
    assert_int_equal(query_count(f->s, (mz_filter){.actor = "USA"}), 0);
    assert_int_equal(query_count(f->s, (mz_filter){.actor = "JPN"}), 1);
    assert_int_equal(query_count(f->s, (mz_filter){.actor = "CHN"}), 1);  /* b untouched */
    /* the full-text index follows: old sentences gone, new ones found */
    assert_int_equal(query_count(f->s, (mz_filter){.match = "objected"}), 0);
    assert_int_equal(query_count(f->s, (mz_filter){.match = "Pyongyang"}), 1);
    /* only the date changed: still a change */
    assert_int_equal(put(f->s, "a", "2024-06-21", "v2", s2, 1, e2, 1), MZ_DOC_CHANGED);
    assert_int_equal(counts(f->s).events, 2);
}

static void rolled_back_batch_leaves_nothing(void **state)
{
    fixture *f = *state;
    const char *s1[] = {"x"};
    mz_event e1[] = {ev("a", 0, "2024-01-01", "RUS", "PRK", "072", 2, 8.3)};
    mz_doc doc = {.id = "a", .date = "2024-01-01", .lang = "en", .text = "x", .len = 1};
    char hash[17];
    mz_store_hash(&doc, hash);
    mz_store_doc d = {&doc, hash, s1, 1, e1, 1};
    assert_int_equal(mz_store_begin(f->s, NULL), MZ_OK);
    assert_int_equal(mz_store_put(f->s, &d, NULL, NULL), MZ_OK);
    mz_store_rollback(f->s);
    mz_store_counts c = counts(f->s);
    assert_int_equal(c.documents + c.sentences + c.events, 0);
}

static void queries_filter(void **state)
{
    fixture *f = *state;
    const char *s[] = {"one", "two", "three"};
    mz_event e[] = {ev("a", 0, "2023-12-31", "RUS", "PRK", "072", 2, 8.3),
                    ev("a", 1, "2024-01-01", "PRK", "RUS", "057", 1, 8.0),
                    ev("a", 2, "2024-12-31", "USA", "RUS", "163", 4, -8.0)};
    put(f->s, "a", "2024-01-01", "abc", s, 3, e, 3);
    mz_event u[] = {ev("u", 0, "", "RUS", "PRK", "040", 1, 1.0)};
    put(f->s, "u", "", "undated", s, 1, u, 1);
    assert_int_equal(query_count(f->s, (mz_filter){0}), 4);
    assert_int_equal(query_count(f->s, (mz_filter){.from = "2024"}), 2);
    assert_int_equal(query_count(f->s, (mz_filter){.to = "2024"}), 3);       /* inclusive year */
    assert_int_equal(query_count(f->s, (mz_filter){.to = "2023-12"}), 1);
    assert_int_equal(query_count(f->s, (mz_filter){.from = "2024-01-01", .to = "2024-01-01"}), 1);
    assert_int_equal(query_count(f->s, (mz_filter){.dyad_a = "PRK", .dyad_b = "RUS"}), 3);
    assert_int_equal(query_count(f->s, (mz_filter){.actor = "USA"}), 1);
    assert_int_equal(query_count(f->s, (mz_filter){.root = "7"}), 1);
    assert_int_equal(query_count(f->s, (mz_filter){.root = "16", .actor = "RUS"}), 1);
    assert_int_equal(query_count(f->s, (mz_filter){.match = "two"}), 1);
    mz_error err = {0};
    int n = 0;
    mz_filter bad = {.root = "99"};
    assert_int_equal(mz_store_query(f->s, &bad, count_cb, &n, &err), MZ_ERR_ARG);
    /* the same filter in memory agrees with SQL */
    mz_filter fl = {.from = "2024", .dyad_a = "RUS", .dyad_b = "PRK"};
    assert_int_equal(mz_filter_match(&fl, &e[0]), 0);
    assert_int_equal(mz_filter_match(&fl, &e[1]), 1);
    assert_int_equal(mz_filter_match(&fl, &e[2]), 0);
    assert_int_equal(mz_filter_match(&fl, &u[0]), 0);
}

static void filter_arguments(void **state)
{
    (void)state;
    assert_true(mz_filter_date_ok("2024"));
    assert_true(mz_filter_date_ok("2024-06"));
    assert_true(mz_filter_date_ok("2024-06-19"));
    assert_false(mz_filter_date_ok("2024-13"));
    assert_false(mz_filter_date_ok("24-06-19"));
    assert_false(mz_filter_date_ok("2024/06/19"));
    char r[3];
    assert_true(mz_filter_root_norm("7", r));
    assert_string_equal(r, "07");
    assert_true(mz_filter_root_norm("20", r));
    assert_false(mz_filter_root_norm("21", r));
    assert_false(mz_filter_root_norm("0", r));
    assert_false(mz_filter_root_norm("x", r));
    mz_doc a = {.id = "a", .date = "2024-01-01", .text = "abc", .len = 3};
    mz_doc b = a;
    char ha[17], hb[17];
    mz_store_hash(&a, ha);
    mz_store_hash(&b, hb);
    assert_string_equal(ha, hb);
    b.text = "abd";
    mz_store_hash(&b, hb);
    assert_string_not_equal(ha, hb);
    b = a;
    b.lang = "en";
    mz_store_hash(&b, hb);
    assert_string_not_equal(ha, hb);
}

/* ---- the ingest pipeline ----------------------------------------------------------------- */

typedef struct docs {
    const mz_doc *d;
    size_t n, next;
    int bad_at;    /* index before which a bad record is returned once; -1 none */
    int errors;
} docs;

static int next_doc(void *ctx, mz_doc *doc, mz_error *err)
{
    docs *s = ctx;
    if (s->bad_at >= 0 && s->next == (size_t)s->bad_at) {
        s->bad_at = -1;
        err->status = MZ_ERR_PARSE;
        snprintf(err->message, sizeof err->message, "bad record");
        return -1;
    }
    if (s->next >= s->n)
        return 0;
    *doc = s->d[s->next++];
    return 1;
}

static void count_error(void *ctx, const mz_error *err)
{
    (void)err;
    ((docs *)ctx)->errors++;
}

static mz_ingest_stats ingest(mz_store *s, const mz_engine *e, const mz_doc *d, size_t n,
                              int threads, int bad_at)
{
    docs src = {d, n, 0, bad_at, 0};
    mz_ingest_opts o = {.threads = threads, .batch = 2, .next = next_doc, .on_error = count_error,
                        .ctx = &src};
    mz_ingest_stats st;
    mz_error err = {0};
    assert_int_equal(mz_store_ingest(s, e, &o, &st, &err), MZ_OK);
    assert_int_equal(src.errors, (int)st.failed);
    return st;
}

static void ingest_is_idempotent_and_replaces(void **state)
{
    fixture *f = *state;
    mz_error err = {0};
    mz_engine *e = mz_engine_new();
    assert_non_null(e);
    assert_int_equal(mz_engine_load_builtin(e, &err), MZ_OK);
    assert_int_equal(mz_engine_compile(e, &err), MZ_OK);
    mz_doc d[] = {
        {.id = "1", .date = "2024-06-19", .text = "North Korea supplied Russia with artillery shells.", .len = 0},
        {.id = "2", .date = "2024-06-20", .lang = "ar", .text = "زودت كوريا الشمالية روسيا بالصواريخ.", .len = 0},
        {.id = "3", .date = "2024-06-21", .text = "The weather was fine.", .len = 0},
        {.id = "4", .date = "2024-06-22", .text = "Russia signed a treaty with North Korea. Japan condemned North Korea.", .len = 0},
        {.id = "5", .date = "2024-06-23", .text = "bad \xff byte", .len = 0},
    };
    size_t n = sizeof d / sizeof d[0];
    for (size_t i = 0; i < n; i++)
        d[i].len = strlen(d[i].text);
    for (int threads = 1; threads <= 3; threads += 2) {
        mz_ingest_stats st = ingest(f->s, e, d, n, threads, 2);
        mz_store_counts c = counts(f->s);
        if (threads == 1) {
            assert_int_equal(st.read, 5);
            assert_int_equal(st.added, 4);
            assert_int_equal(st.failed, 2);  /* the bad record and the invalid UTF-8 */
            assert_true(st.events >= 3);
            assert_int_equal(c.documents, 4);
            assert_int_equal(c.events, st.events);
            assert_int_equal(c.sentences, st.sentences);
            assert_int_equal(query_count(f->s, (mz_filter){.dyad_a = "PRK", .dyad_b = "RUS"}) >= 2, 1);
        } else {
            /* again, multi-threaded: nothing new */
            assert_int_equal(st.added, 0);
            assert_int_equal(st.replaced, 0);
            assert_int_equal(st.unchanged, 4);
            assert_int_equal(st.events, 0);
        }
    }
    mz_store_counts before = counts(f->s);
    /* document 4 changes: its events are replaced, the others stay */
    mz_doc changed = d[3];
    changed.text = "Japan condemned North Korea.";
    changed.len = strlen(changed.text);
    mz_ingest_stats st = ingest(f->s, e, &changed, 1, 2, -1);
    assert_int_equal(st.replaced, 1);
    assert_int_equal(query_count(f->s, (mz_filter){.actor = "JPN"}) >= 1, 1);
    mz_filter only4 = {.from = "2024-06-22", .to = "2024-06-22"};
    assert_int_equal(query_count(f->s, only4), (int)st.events);
    mz_store_counts after = counts(f->s);
    assert_int_equal(after.documents, before.documents);
    assert_true(after.sentences == before.sentences - 1);
    mz_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(schema_wal_and_read_only, setup, teardown),
        cmocka_unit_test_setup_teardown(same_content_adds_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(changed_content_replaces_events, setup, teardown),
        cmocka_unit_test_setup_teardown(rolled_back_batch_leaves_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(queries_filter, setup, teardown),
        cmocka_unit_test(filter_arguments),
        cmocka_unit_test_setup_teardown(ingest_is_idempotent_and_replaces, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
