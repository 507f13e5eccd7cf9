/* Unit tests of full-text search: the terms of English and Arabic words (text/terms.h) for
 * documents, queries and prefix queries; the `mizan` FTS5 tokenizer in a real FTS5 table
 * (stems, clitics, phrases, prefixes, invalid UTF-8, long words); and the store's version-3
 * migration, which rebuilds the index of an older file opened for writing and reads one opened
 * read-only as it is. */
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
#include "store/fts.h"
#include "store/store.h"
#include "text/terms.h"

/* ---- the terms of a text ----------------------------------------------------------------- */

/* The terms of a text written out as one string: words apart by " ", the colocated forms of
 * one word joined by "|" ("sanction|=sanctions impos|=imposed"). */
typedef struct listing {
    char s[4096];
    size_t len;
    size_t last_end;
} listing;

static int list_term(void *ctx, unsigned flags, const char *term, size_t len, size_t start,
                     size_t end)
{
    listing *l = ctx;
    assert_true(len > 0);
    assert_true(start < end);
    if (flags & MZ_TERM_COLOCATED) {
        assert_true(l->len > 0); /* never the first term */
    } else {
        assert_true(start >= l->last_end); /* words in order, not overlapping */
    }
    l->last_end = end;
    const char *sep = l->len == 0 ? "" : (flags & MZ_TERM_COLOCATED) ? "|" : " ";
    int n = snprintf(l->s + l->len, sizeof l->s - l->len, "%s%.*s", sep, (int)len, term);
    assert_true(n > 0 && (size_t)n < sizeof l->s - l->len);
    l->len += (size_t)n;
    return 0;
}

static const char *terms_of(mz_termgen *g, const char *text, unsigned mode, listing *l)
{
    memset(l, 0, sizeof *l);
    assert_int_equal(mz_terms(g, text, strlen(text), mode, list_term, l), 0);
    return l->s;
}

static void english_terms(void **state)
{
    (void)state;
    mz_termgen g;
    assert_int_equal(mz_termgen_init(&g), 0);
    listing l;
    assert_string_equal(terms_of(&g, "The U.S. imposed sanctions, again.", 0, &l),
                        "the us impos|=imposed sanction|=sanctions again");
    /* a query: the stems alone, so that every form meets every other */
    assert_string_equal(terms_of(&g, "sanction sanctioned Sanctioning", MZ_TERMS_QUERY, &l),
                        "sanction sanction sanction");
    /* a prefix query: the folded word, bare and marked */
    assert_string_equal(terms_of(&g, "Négotiat", MZ_TERMS_QUERY | MZ_TERMS_PREFIX, &l),
                        "negotiat|=negotiat");
    /* PREFIX alone means nothing for a document */
    assert_string_equal(terms_of(&g, "talks", MZ_TERMS_PREFIX, &l), "talk|=talks");
    /* numbers are themselves, in ASCII digits; punctuation gives nothing */
    assert_string_equal(terms_of(&g, "In 2024 — ٢٠٢٤!", 0, &l), "in 2024 2024");
    assert_string_equal(terms_of(&g, "?! … —", MZ_TERMS_QUERY, &l), "");
    assert_string_equal(terms_of(&g, "", 0, &l), "");
    mz_termgen_free(&g);
}

/* Whether the listing has `term` among the forms of its word number `word` (from 0). */
static int has_form(const char *listing_s, int word, const char *term)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", listing_s);
    char *save = NULL;
    char *w = strtok_r(buf, " ", &save);
    for (int i = 0; w && i < word; i++)
        w = strtok_r(NULL, " ", &save);
    if (!w)
        return 0;
    char *save2 = NULL;
    for (char *t = strtok_r(w, "|", &save2); t; t = strtok_r(NULL, "|", &save2))
        if (strcmp(t, term) == 0)
            return 1;
    return 0;
}

static void arabic_terms(void **state)
{
    (void)state;
    mz_termgen g;
    assert_int_equal(mz_termgen_init(&g), 0);
    listing l;
    /* a document: every clitic reading, the word itself first, without the article */
    const char *t = terms_of(&g, "فرضت والعقوبات بالعقوبات العقوبات", 0, &l);
    assert_true(has_form(t, 1, "والعقوبات") && has_form(t, 1, "عقوبات"));
    assert_true(has_form(t, 2, "بالعقوبات") && has_form(t, 2, "عقوبات"));
    assert_true(has_form(t, 3, "عقوبات"));
    assert_false(has_form(t, 3, "العقوبات")); /* the article is never a term */
    assert_int_equal(strncmp(t, "فرضت", strlen("فرضت")), 0);
    /* variant letters folded: أ → ا, ة → ه, diacritics gone */
    t = terms_of(&g, "أَعْلَنَتْ المُعاهَدَة", MZ_TERMS_QUERY, &l);
    assert_string_equal(t, "اعلنت معاهده");
    /* a query: the word in canonical form only, not split (بحث is not ب + حث) */
    assert_string_equal(terms_of(&g, "العقوبات بحث", MZ_TERMS_QUERY, &l), "عقوبات بحث");
    /* a suffix off, and the ta marbuta back: علاقتها → علاقة */
    t = terms_of(&g, "علاقتها", 0, &l);
    assert_true(has_form(t, 0, "علاقه"));
    /* one letter, too short for a reading, is its folded form */
    assert_string_equal(terms_of(&g, "و", 0, &l), "و");
    mz_termgen_free(&g);
}

static int stop_at_second(void *ctx, unsigned flags, const char *term, size_t len, size_t start,
                          size_t end)
{
    (void)flags, (void)term, (void)len, (void)start, (void)end;
    return ++*(int *)ctx == 2 ? 42 : 0;
}

static void odd_input(void **state)
{
    (void)state;
    mz_termgen g;
    assert_int_equal(mz_termgen_init(&g), 0);
    listing l;
    /* invalid UTF-8 and a NUL byte split words like punctuation */
    const char bad[] = "sanctions\xff\xfe" "imposed\xc3 \xd8" "a";
    memset(&l, 0, sizeof l);
    assert_int_equal(mz_terms(&g, bad, sizeof bad - 1, 0, list_term, &l), 0);
    assert_true(has_form(l.s, 0, "sanction") && has_form(l.s, 1, "impos"));
    const char nul[] = "russia\0sanctions";
    memset(&l, 0, sizeof l);
    assert_int_equal(mz_terms(&g, nul, sizeof nul - 1, 0, list_term, &l), 0);
    assert_string_equal(l.s, "russia sanction|=sanctions");
    /* a very long word is cut to the tokenizer's 255 bytes, the same in a query */
    char longw[5000];
    memset(longw, 'a', sizeof longw - 1);
    longw[sizeof longw - 1] = '\0';
    listing q;
    terms_of(&g, longw, 0, &l);
    terms_of(&g, longw, MZ_TERMS_QUERY, &q);
    assert_true(l.len >= 255 && l.len < 300);
    assert_string_equal(l.s, q.s);
    char longar[4001];
    for (size_t i = 0; i + 2 <= 4000; i += 2)
        memcpy(longar + i, "\xd8\xb9", 2); /* ع */
    longar[4000] = '\0';
    terms_of(&g, longar, 0, &l);
    terms_of(&g, longar, MZ_TERMS_QUERY, &q);
    assert_string_equal(l.s, q.s);
    /* the callback's value stops the walk and comes back */
    int seen = 0;
    assert_int_equal(mz_terms(&g, "one two three", 13, 0, stop_at_second, &seen), 42);
    assert_int_equal(seen, 2);
    mz_termgen_free(&g);
}

/* ---- the tokenizer in an FTS5 table ------------------------------------------------------- */

static const char *const docs[] = {
    "The United States imposed sanctions on Russia.",               /* 1 */
    "Washington is sanctioning more banks.",                        /* 2 */
    "The talks on the treaty were negotiated in Moscow.",           /* 3 */
    "فرضت الولايات المتحدة والعقوبات على روسيا.",                   /* 4 */
    "ورحبت كوريا بالعقوبات الجديدة.",                               /* 5 */
    "أجرى المعهد بحثاً عن العلاقات.",                               /* 6 */
    "حث الرئيس الحكومة على الحوار.",                                /* 7 */
};

static sqlite3 *fts_db(void)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    assert_int_equal(mz_fts_register(db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(text, tokenize='mizan')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO t(rowid, text) VALUES (?1, ?2)", -1, &st,
                                        NULL),
                     SQLITE_OK);
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        sqlite3_bind_int(st, 1, (int)i + 1);
        sqlite3_bind_text(st, 2, docs[i], -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(st), SQLITE_DONE);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return db;
}

/* The rowids matching `q`, as "1 4 5"; "error" when FTS5 refuses the query. */
static const char *matches(sqlite3 *db, const char *q, char *out, size_t cap)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    size_t len = 0;
    out[0] = '\0';
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        len += (size_t)snprintf(out + len, cap - len, "%s%d", len ? " " : "",
                                sqlite3_column_int(st, 0));
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        snprintf(out, cap, "error");
    return out;
}

static void fts_table_search(void **state)
{
    (void)state;
    sqlite3 *db = fts_db();
    char r[256];
    /* English: every form meets every other */
    assert_string_equal(matches(db, "sanction", r, sizeof r), "1 2");
    assert_string_equal(matches(db, "SANCTIONED", r, sizeof r), "1 2");
    assert_string_equal(matches(db, "negotiations", r, sizeof r), "3");
    /* phrases keep their positions, through the colocated forms */
    assert_string_equal(matches(db, "\"imposed sanctions\"", r, sizeof r), "1");
    assert_string_equal(matches(db, "\"imposing sanction on russia\"", r, sizeof r), "1");
    assert_string_equal(matches(db, "\"sanctions imposed\"", r, sizeof r), "");
    assert_string_equal(matches(db, "NEAR(talks moscow, 6)", r, sizeof r), "3");
    /* prefixes meet the words as written, not only their stems (negotiat- is not negoti-) */
    assert_string_equal(matches(db, "negotiat*", r, sizeof r), "3");
    assert_string_equal(matches(db, "sanct*", r, sizeof r), "1 2");
    assert_string_equal(matches(db, "\"imposed sanc\"*", r, sizeof r), "1");
    /* Arabic: the word meets its forms with clitics and the article */
    assert_string_equal(matches(db, "عقوبات", r, sizeof r), "4 5");
    assert_string_equal(matches(db, "العقوبات", r, sizeof r), "4 5");
    assert_string_equal(matches(db, "عقوب*", r, sizeof r), "4 5");
    assert_string_equal(matches(db, "روسيا", r, sizeof r), "4");
    assert_string_equal(matches(db, "\"الولايات المتحدة\"", r, sizeof r), "4");
    assert_string_equal(matches(db, "أجرى", r, sizeof r), "6"); /* أ folded to ا */
    assert_string_equal(matches(db, "علاقات", r, sizeof r), "6");
    /* ... but a query word is not split: بحث (research) does not meet حث (urge) */
    assert_string_equal(matches(db, "بحث", r, sizeof r), "6");
    assert_string_equal(matches(db, "حث", r, sizeof r), "7");
    /* both languages at once */
    assert_string_equal(matches(db, "sanctions OR عقوبات", r, sizeof r), "1 2 4 5");
    /* a quoted string the tokenizer turns to nothing matches nothing (the store refuses it
     * before: see store_refuses_wordless_search) */
    assert_string_equal(matches(db, "\"؟ !\"", r, sizeof r), "");
    /* invalid UTF-8 inside a document is punctuation: the words around it are indexed */
    sqlite3_exec(db, "INSERT INTO t(rowid, text) VALUES (20, CAST(x'616964ff73686970' AS TEXT))",
                 NULL, NULL, NULL);
    assert_string_equal(matches(db, "ships", r, sizeof r), "20");
    /* the tokenizer takes one option, the version of its rules, and no other */
    assert_int_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE u USING fts5(x, tokenize='mizan 7')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE v USING fts5(x, tokenize='mizan x')",
                                      NULL, NULL, NULL),
                         SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(db, "CREATE VIRTUAL TABLE w USING fts5(x, tokenize='mizan 1 2')",
                                      NULL, NULL, NULL),
                         SQLITE_OK);
    /* FTS5's own check of the index against the tokenizer */
    assert_int_equal(sqlite3_exec(db, "INSERT INTO t(t, rank) VALUES ('integrity-check', 1)", NULL,
                                  NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
}

/* ---- the store: queries and the migration of older files ---------------------------------- */

typedef struct tmpdir {
    char dir[64], path[128];
} tmpdir;

static void tmp_make(tmpdir *t)
{
    snprintf(t->dir, sizeof t->dir, "/tmp/mizan_test_search_XXXXXX");
    assert_non_null(mkdtemp(t->dir));
    snprintf(t->path, sizeof t->path, "%s/t.db", t->dir);
}

static void tmp_remove(tmpdir *t)
{
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
    assert_int_equal(system(cmd), 0);
}

static int count_cb(void *ctx, const mz_event *ev)
{
    (void)ev;
    ++*(int *)ctx;
    return 0;
}

static int search(mz_store *s, const char *q, mz_status *status)
{
    mz_filter f = {.match = q};
    mz_error err = {0};
    int n = 0;
    *status = mz_store_query(s, &f, count_cb, &n, &err);
    return n;
}

/* A file as schema version 2 made it (the index with unicode61, as `tokenize`), or, with
 * another tokenize option and version, as another mizan would: one English and one Arabic
 * sentence with an event each. */
static void make_store(const char *path, const char *tokenize, int version)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(mz_fts_register(db), SQLITE_OK);
    char head[200];
    snprintf(head, sizeof head,
             "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences',"
             " content_rowid='id', tokenize='%s'); PRAGMA user_version = %d;",
             tokenize, version);
    assert_int_equal(sqlite3_exec(db, head, NULL, NULL, NULL), SQLITE_OK);
    const char *sql =
        "CREATE TABLE documents (id TEXT PRIMARY KEY, date TEXT NOT NULL DEFAULT '',"
        " lang TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', url TEXT NOT NULL"
        " DEFAULT '', hash TEXT NOT NULL, sentences INTEGER NOT NULL DEFAULT 0, events INTEGER NOT"
        " NULL DEFAULT 0, ingested TEXT NOT NULL DEFAULT '');"
        "CREATE TABLE sentences (id INTEGER PRIMARY KEY, doc TEXT NOT NULL, idx INTEGER NOT NULL,"
        " text TEXT NOT NULL, UNIQUE (doc, idx));"
        "CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN"
        " INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text); END;"
        "CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN"
        " INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);"
        " END;"
        "CREATE TABLE events (id INTEGER PRIMARY KEY, doc TEXT NOT NULL, sentence INTEGER NOT NULL,"
        " date TEXT NOT NULL DEFAULT '', lang TEXT NOT NULL DEFAULT '', source TEXT NOT NULL,"
        " target TEXT NOT NULL, source_country TEXT NOT NULL DEFAULT '', target_country TEXT NOT"
        " NULL DEFAULT '', code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL,"
        " goldstein REAL NOT NULL, plover TEXT NOT NULL DEFAULT '', mood TEXT NOT NULL DEFAULT"
        " 'fact', text TEXT NOT NULL DEFAULT '', ev_source TEXT NOT NULL DEFAULT '', ev_target"
        " TEXT NOT NULL DEFAULT '', ev_verb TEXT NOT NULL DEFAULT '');"
        "INSERT INTO documents (id, hash, sentences, events) VALUES ('a', '0', 2, 2);"
        "INSERT INTO sentences (doc, idx, text) VALUES"
        " ('a', 0, 'The United States imposed sanctions on Russia.'),"
        " ('a', 1, 'رحبت كوريا بالعقوبات.');"
        "INSERT INTO events (doc, sentence, source, target, code, root, quad, goldstein) VALUES"
        " ('a', 0, 'USA', 'RUS', '163', '16', 4, -8.0), ('a', 1, 'KOR', '---', '051', '05', 1, 3.4);"
        "PRAGMA journal_mode = WAL;";
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

static void version2_read_then_migrated(void **state)
{
    (void)state;
    tmpdir t;
    tmp_make(&t);
    make_store(t.path, "unicode61 remove_diacritics 2", 2);
    mz_error err = {0};
    mz_status rc;
    /* read-only: read as it is, with its unicode61 index (exact words) */
    mz_store *s = mz_store_open(t.path, MZ_STORE_READONLY, &err);
    assert_non_null(s);
    assert_int_equal(mz_store_search_current(s), 0);
    assert_int_equal(search(s, "sanctions", &rc), 1);
    assert_int_equal(rc, MZ_OK);
    assert_int_equal(search(s, "sanction", &rc), 0);
    mz_store_close(s);
    /* opened for writing: version 3, the index rebuilt with mizan's tokenizer */
    s = mz_store_open(t.path, 0, &err);
    assert_non_null(s);
    assert_int_equal(mz_store_search_current(s), 1);
    assert_int_equal(search(s, "sanction", &rc), 1);
    assert_int_equal(search(s, "عقوبات", &rc), 1);
    assert_int_equal(search(s, "sanctioned OR عقوبات", &rc), 2);
    mz_store_close(s);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(t.path, &db), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 3);
    sqlite3_finalize(st);
    sqlite3_close(db);
    /* read-only again: the new index, through the tokenizer registered on that connection */
    s = mz_store_open(t.path, MZ_STORE_READONLY, &err);
    assert_non_null(s);
    assert_int_equal(mz_store_search_current(s), 1);
    assert_int_equal(search(s, "sanctioning", &rc), 1);
    mz_store_close(s);
    tmp_remove(&t);
}

/* An index made with other rules (another MZ_TERMS_VERSION) is read as it is, and rebuilt with
 * this build's when the store is opened for writing. */
static void other_rules_rebuilt(void **state)
{
    (void)state;
    tmpdir t;
    tmp_make(&t);
    make_store(t.path, "mizan 0", 3);
    mz_error err = {0};
    mz_status rc;
    mz_store *s = mz_store_open(t.path, MZ_STORE_READONLY, &err);
    assert_non_null(s);
    assert_int_equal(mz_store_search_current(s), 0);
    assert_int_equal(search(s, "sanction", &rc), 1);
    mz_store_close(s);
    s = mz_store_open(t.path, 0, &err);
    assert_non_null(s);
    assert_int_equal(mz_store_search_current(s), 1);
    assert_int_equal(search(s, "sanctioned", &rc), 1);
    mz_store_close(s);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(t.path, &db), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE name = 'sentences_fts'",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_non_null(strstr((const char *)sqlite3_column_text(st, 0), "tokenize='" MZ_FTS_TOKENIZE "'"));
    sqlite3_finalize(st);
    sqlite3_close(db);
    tmp_remove(&t);
}

static void store_refuses_wordless_search(void **state)
{
    (void)state;
    tmpdir t;
    tmp_make(&t);
    make_store(t.path, "unicode61 remove_diacritics 2", 2);
    mz_error err = {0};
    mz_store *s = mz_store_open(t.path, 0, &err);
    assert_non_null(s);
    mz_status rc;
    assert_int_equal(search(s, "\"؟\"", &rc), 0);
    assert_int_equal(rc, MZ_ERR_ARG);
    assert_int_equal(search(s, "\"— …\" OR \"!\"", &rc), 0);
    assert_int_equal(rc, MZ_ERR_ARG);
    assert_int_equal(search(s, "sanctions AND", &rc), 0); /* FTS5 syntax: still the user's */
    assert_int_equal(rc, MZ_ERR_ARG);
    assert_int_equal(search(s, "\"sanction\"", &rc), 1);
    assert_int_equal(rc, MZ_OK);
    mz_store_close(s);
    tmp_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(english_terms),
        cmocka_unit_test(arabic_terms),
        cmocka_unit_test(odd_input),
        cmocka_unit_test(fts_table_search),
        cmocka_unit_test(version2_read_then_migrated),
        cmocka_unit_test(other_rules_rebuilt),
        cmocka_unit_test(store_refuses_wordless_search),
    };
    return cmocka_run_group_tests_name("search", tests, NULL, NULL);
}
