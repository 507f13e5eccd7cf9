/* Unit tests of the event store: schema and WAL, idempotent puts (same content adds nothing,
 * changed content replaces sentences and events), atomic batches, filtered queries with
 * full-text search, pages and their totals, the overview's figures, stores in memory shared by
 * name, events written back as their documents, and the ingest pipeline on the built-in
 * dictionaries, single- and multi-threaded. */
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

#include "analyze/events.h"
#include "io/render.h"
#include "mizan.h"
#include "store/store.h"
#include "util/buf.h"

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

/* ---- pages and the overview ------------------------------------------------------------- */

/* Renders each event it is given as a JSON line into a buffer (mz_store_query_page's
 * callback); stops after `stop_after` events when that is positive. */
typedef struct lines {
    mz_buf b;
    int n, stop_after;
} lines;

static int render_cb(void *ctx, const mz_event *e)
{
    lines *l = ctx;
    mz_render_jsonl(&l->b, e);
    l->n++;
    return l->stop_after > 0 && l->n >= l->stop_after;
}

/* The JSON lines of one page of a query, into l (cleared first); returns the total. */
static long long page(mz_store *s, const mz_filter *f, long long offset, long long limit, lines *l)
{
    mz_buf_clear(&l->b);
    l->n = 0;
    long long total = -1;
    mz_error err = {0};
    assert_int_equal(mz_store_query_page(s, f, offset, limit, render_cb, l, &total, &err), MZ_OK);
    return total;
}

/* Seven events over three documents; two sentences of "b" have none. */
static void put_seven(mz_store *s)
{
    const char *sa[] = {"Russia aided North Korea.", "Japan protested."};
    mz_event ea[] = {ev("a", 0, "2024-01-05", "RUS", "PRK", "072", 2, 8.3),
                     ev("a", 1, "2024-01-05", "JPN", "PRK", "111", 3, -2.0),
                     ev("a", 1, "2024-01-05", "JPN", "RUS", "111", 3, -2.0)};
    const char *sb[] = {"nothing", "China consulted Russia.", "nothing", "Troops fought."};
    mz_event eb[] = {ev("b", 1, "2023-03-01", "CHN", "RUS", "040", 1, 1.0),
                     ev("b", 3, "2023-03-01", "RUS", "UKR", "190", 4, -10.0)};
    const char *sc[] = {"Undated talks."};
    mz_event ec[] = {ev("c", 0, "", "RUS", "PRK", "040", 1, 1.0),
                     ev("c", 0, "", "PRK", "RUS", "040", 1, 1.0)};
    /* an event's text is its sentence, as the coder gives it */
    for (int i = 0; i < 3; i++)
        ea[i].text = sa[ea[i].sentence];
    for (int i = 0; i < 2; i++) {
        eb[i].text = sb[eb[i].sentence];
        ec[i].text = sc[0];
    }
    put(s, "a", "2024-01-05", "a", sa, 2, ea, 3);
    put(s, "b", "2023-03-01", "b", sb, 4, eb, 2);
    put(s, "c", "", "c", sc, 1, ec, 2);
}

static void pages_cover_the_query(void **state)
{
    fixture *f = *state;
    put_seven(f->s);
    lines all = {MZ_BUF_INIT, 0, 0}, part = {MZ_BUF_INIT, 0, 0};
    mz_buf joined = MZ_BUF_INIT;
    assert_int_equal(page(f->s, NULL, 0, -1, &all), 7);  /* limit < 0: every event */
    assert_int_equal(all.n, 7);
    /* undated first, then by date: the order of mz_store_query */
    assert_non_null(strstr(all.b.data, "\"doc\":\"c\""));
    assert_true(strstr(all.b.data, "\"doc\":\"c\"") < strstr(all.b.data, "\"doc\":\"b\""));
    assert_true(strstr(all.b.data, "\"doc\":\"b\"") < strstr(all.b.data, "\"doc\":\"a\""));
    for (long long off = 0; off < 7; off += 3) {
        assert_int_equal(page(f->s, NULL, off, 3, &part), 7);
        assert_int_equal(part.n, off + 3 <= 7 ? 3 : 7 - off);
        mz_buf_put(&joined, part.b.data, part.b.len);
    }
    assert_int_equal(joined.len, all.b.len);
    assert_memory_equal(joined.data, all.b.data, all.b.len);
    /* past the end: no event, the total all the same; a negative offset is the start */
    assert_int_equal(page(f->s, NULL, 100, 3, &part), 7);
    assert_int_equal(part.n, 0);
    assert_int_equal(page(f->s, NULL, -5, 1, &part), 7);
    assert_int_equal(part.n, 1);
    assert_memory_equal(part.b.data, all.b.data, part.b.len);
    /* the total counts what the filter passes, not the page */
    mz_filter dyad = {.dyad_a = "RUS", .dyad_b = "PRK"};
    assert_int_equal(page(f->s, &dyad, 1, 1, &part), 3);
    assert_int_equal(part.n, 1);
    mz_filter words = {.match = "consulted OR protested", .root = "11"};
    assert_int_equal(page(f->s, &words, 0, 10, &part), 2);
    assert_int_equal(part.n, 2);
    /* each event carries its document's outlet */
    assert_non_null(strstr(part.b.data, "\"outlet\":\"test\""));
    /* the callback stops the query; without `total` nothing is counted */
    part.n = 0;
    part.stop_after = 2;
    mz_buf_clear(&part.b);
    assert_int_equal(mz_store_query_page(f->s, NULL, 0, 5, render_cb, &part, NULL, NULL), MZ_OK);
    assert_int_equal(part.n, 2);
    /* the caller's mistakes are MZ_ERR_ARG, with a message */
    mz_error err = {0};
    long long total = 0;
    mz_filter bad_root = {.root = "21"}, bad_match = {.match = "\""};
    assert_int_equal(mz_store_query_page(f->s, &bad_root, 0, 5, render_cb, &part, &total, &err),
                     MZ_ERR_ARG);
    assert_non_null(strstr(err.message, "21"));
    assert_int_equal(mz_store_query_page(f->s, &bad_match, 0, 5, render_cb, &part, &total, &err),
                     MZ_ERR_ARG);
    assert_non_null(strstr(err.message, "--search"));
    mz_buf_free(&all.b);
    mz_buf_free(&part.b);
    mz_buf_free(&joined);
}

static void summary_counts(void **state)
{
    fixture *f = *state;
    mz_store_summary s;
    assert_int_equal(mz_store_summarize(f->s, &s, NULL), MZ_OK);
    assert_int_equal(s.counts.documents + s.counts.sentences + s.counts.events, 0);
    assert_string_equal(s.first, "");
    assert_string_equal(s.last, "");
    assert_int_equal(s.countries, 0);
    put_seven(f->s);
    /* an Arabic event, one of a country with itself and one with an unknown country */
    const char *sd[] = {"x"};
    mz_event ed[] = {ev("d", 0, "2025-02-02", "EGY", "EGY", "042", 1, 1.9),
                     ev("d", 0, "2025-02-02", "EGY", "IGO", "042", 1, 1.9)};
    ed[0].lang = ed[1].lang = "ar";
    ed[1].target_country = "";
    put(f->s, "d", "2025-02-02", "d", sd, 1, ed, 2);
    assert_int_equal(mz_store_summarize(f->s, &s, NULL), MZ_OK);
    assert_int_equal(s.counts.documents, 4);
    assert_int_equal(s.counts.sentences, 2 + 4 + 1 + 1);
    assert_int_equal(s.counts.events, 9);
    assert_int_equal(s.undated, 2);
    assert_string_equal(s.first, "2023-03-01");  /* the undated do not count as first */
    assert_string_equal(s.last, "2025-02-02");
    assert_int_equal(s.lang_ar, 2);
    assert_int_equal(s.lang_en, 7);
    long long quad[4] = {5, 1, 2, 1};
    assert_memory_equal(s.quad, quad, sizeof quad);
    /* RUS PRK JPN CHN UKR EGY: "" is no country */
    assert_int_equal(s.countries, 6);
    mz_store_counts c = counts(f->s);
    assert_memory_equal(&s.counts, &c, sizeof c);
}

/* ---- stores in memory, and events written back ------------------------------------------ */

static void memory_store_is_shared_by_name(void **state)
{
    (void)state;
    char name[64];
    snprintf(name, sizeof name, "/mizan-test-store-%ld", (long)getpid());
    mz_error err = {0};
    mz_store *w = mz_store_open(name, MZ_STORE_MEMORY, &err);
    assert_non_null(w);
    put_seven(w);
    mz_store *r = mz_store_open(name, MZ_STORE_MEMORY | MZ_STORE_READONLY, &err);
    assert_non_null(r);
    assert_int_equal(counts(r).events, 7);
    assert_int_equal(query_count(r, (mz_filter){.match = "consulted"}), 1);
    /* the reader does not write; what the writer adds later it sees, with a new version */
    long long v = mz_store_data_version(r);
    const char *s1[] = {"y"};
    mz_event e1[] = {ev("e", 0, "2025-01-01", "USA", "IRN", "172", 4, -5.0)};
    mz_doc doc = {.id = "e", .text = "y", .len = 1};
    char hash[17];
    mz_store_hash(&doc, hash);
    mz_store_doc d = {.doc = &doc, .hash = hash, .sentences = s1, .nsentences = 1, .events = e1,
                      .nevents = 1};
    assert_int_equal(mz_store_put(r, &d, NULL, &err), MZ_ERR_ARG);
    put(w, "e", "2025-01-01", "y", s1, 1, e1, 1);
    assert_int_equal(counts(r).events, 8);
    assert_true(mz_store_data_version(r) != v);
    /* no file of that name was made, and the store ends with its last connection */
    assert_int_equal(access(name, F_OK), -1);
    mz_store_close(r);
    mz_store_close(w);
    assert_null(mz_store_open(name, MZ_STORE_MEMORY | MZ_STORE_READONLY, &err));
    /* another name is another store */
    w = mz_store_open(name, MZ_STORE_MEMORY, &err);
    assert_non_null(w);
    assert_int_equal(counts(w).events, 0);
    mz_store_close(w);
}

/* Every event of a store, copied. */
static void load_all(mz_store *s, mz_evset *set)
{
    mz_evset_init(set, 0);
    mz_error err = {0};
    assert_int_equal(mz_evset_load_store(set, s, NULL, &err), MZ_OK);
}

static void events_written_back_read_as_stored(void **state)
{
    fixture *f = *state;
    put_seven(f->s);
    mz_evset set;
    load_all(f->s, &set);
    assert_int_equal(set.n, 7);
    /* rotated by two, the undated document "c" last: the order of documents and sentences in
     * the input does not matter (within a sentence, it is kept) */
    mz_event first[2] = {set.ev[0], set.ev[1]};
    memmove(set.ev, set.ev + 2, (set.n - 2) * sizeof *set.ev);
    memcpy(set.ev + set.n - 2, first, sizeof first);
    char name[64];
    snprintf(name, sizeof name, "/mizan-test-events-%ld", (long)getpid());
    mz_error err = {0};
    mz_store *m = mz_store_open(name, MZ_STORE_MEMORY, &err);
    assert_non_null(m);
    assert_int_equal(mz_store_put_events(m, set.ev, set.n, &err), MZ_OK);
    /* the same events, in the same order, whatever the filter */
    lines a = {MZ_BUF_INIT, 0, 0}, b = {MZ_BUF_INIT, 0, 0};
    mz_filter filters[] = {{0}, {.match = "consulted OR Troops"}, {.actor = "JPN"}, {.to = "2023"}};
    for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
        assert_int_equal(page(f->s, &filters[i], 0, -1, &a), page(m, &filters[i], 0, -1, &b));
        assert_int_equal(a.b.len, b.b.len);
        assert_memory_equal(a.b.data, b.b.data, a.b.len);
    }
    /* the documents and sentences the events tell of: b's sentences 1 and 3, not 0 and 2 */
    mz_store_counts c = counts(m);
    assert_int_equal(c.documents, 3);
    assert_int_equal(c.sentences, 2 + 2 + 1);
    assert_int_equal(c.events, 7);
    assert_int_equal(query_count(m, (mz_filter){.match = "nothing"}), 0);
    /* again: nothing changes; an event without a document: refused, nothing written */
    assert_int_equal(mz_store_put_events(m, set.ev, set.n, &err), MZ_OK);
    mz_store_counts again = counts(m);
    assert_memory_equal(&c, &again, sizeof c);
    set.ev[3].doc = "";
    assert_int_equal(mz_store_put_events(m, set.ev, set.n, &err), MZ_ERR_PARSE);
    assert_non_null(strstr(err.message, "event 4 has no document id"));
    again = counts(m);
    assert_memory_equal(&c, &again, sizeof c);
    assert_int_equal(mz_store_put_events(m, NULL, 0, &err), MZ_OK);
    mz_store_close(m);
    mz_evset_free(&set);
    mz_buf_free(&a.b);
    mz_buf_free(&b.b);
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
        cmocka_unit_test_setup_teardown(pages_cover_the_query, setup, teardown),
        cmocka_unit_test_setup_teardown(summary_counts, setup, teardown),
        cmocka_unit_test(memory_store_is_shared_by_name),
        cmocka_unit_test_setup_teardown(events_written_back_read_as_stored, setup, teardown),
        cmocka_unit_test_setup_teardown(ingest_is_idempotent_and_replaces, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
