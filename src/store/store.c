/*
 * store.c — the SQLite event store: schema, idempotent writes, filtered queries; see store.h.
 *
 * How it works.  mz_store_open runs the schema (every statement is IF NOT EXISTS, so opening an
 * existing database is harmless), switches the file to WAL and prepares the statements used per
 * document.  A put looks the document up by id: same hash, nothing to do; other hash, its events
 * and sentences are deleted (the FTS index follows through triggers) and the document row is
 * updated; new, inserted.  Because puts run inside the caller's transaction, a batch is atomic.
 * Queries are built from the filter as one SELECT with bound parameters (never pasted text).
 */
#include "store.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/terms.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "../util/hash.h"
#include "fts.h"

/* Bumped when the schema changes; kept in PRAGMA user_version.  Version 2 added documents.url;
 * version 3 indexes the sentences with mizan's own tokenizer (fts.h) instead of unicode61 (and
 * names the version of its rules, so that an index of other rules is rebuilt the same way).  An
 * older database is migrated when opened for writing (see migrate) and read as it is. */
enum { MZ_SCHEMA_VERSION = 3 };

/* How the schema names the index's tokenizer and the version of its rules (and the same
 * inside an SQL string); an index without it is of an older schema or rules version. */
#define FTS_TOKENIZE "tokenize='" MZ_FTS_TOKENIZE "'"
#define FTS_TOKENIZE_QUOTED "tokenize=''" MZ_FTS_TOKENIZE "''"

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS documents (\n"
    "  id        TEXT PRIMARY KEY,\n"
    "  date      TEXT NOT NULL DEFAULT '',\n"
    "  lang      TEXT NOT NULL DEFAULT '',\n"
    "  source    TEXT NOT NULL DEFAULT '',\n"
    "  url       TEXT NOT NULL DEFAULT '',\n"
    "  hash      TEXT NOT NULL,\n"
    "  sentences INTEGER NOT NULL DEFAULT 0,\n"
    "  events    INTEGER NOT NULL DEFAULT 0,\n"
    "  ingested  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS documents_date ON documents(date);\n"
    "CREATE TABLE IF NOT EXISTS sentences (\n"
    "  id    INTEGER PRIMARY KEY,\n"
    "  doc   TEXT NOT NULL REFERENCES documents(id),\n"
    "  idx   INTEGER NOT NULL,\n"
    "  text  TEXT NOT NULL,\n"
    "  UNIQUE (doc, idx)\n"
    ");\n"
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(\n"
    "  text, content='sentences', content_rowid='id', " FTS_TOKENIZE "\n"
    ");\n"
    "CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN\n"
    "  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);\n"
    "END;\n"
    "CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN\n"
    "  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);\n"
    "END;\n"
    "CREATE TABLE IF NOT EXISTS events (\n"
    "  id             INTEGER PRIMARY KEY,\n"
    "  doc            TEXT NOT NULL REFERENCES documents(id),\n"
    "  sentence       INTEGER NOT NULL,\n"
    "  date           TEXT NOT NULL DEFAULT '',\n"
    "  lang           TEXT NOT NULL DEFAULT '',\n"
    "  source         TEXT NOT NULL,\n"
    "  target         TEXT NOT NULL,\n"
    "  source_country TEXT NOT NULL DEFAULT '',\n"
    "  target_country TEXT NOT NULL DEFAULT '',\n"
    "  code           TEXT NOT NULL,\n"
    "  root           TEXT NOT NULL,\n"
    "  quad           INTEGER NOT NULL,\n"
    "  goldstein      REAL NOT NULL,\n"
    "  plover         TEXT NOT NULL DEFAULT '',\n"
    "  mood           TEXT NOT NULL DEFAULT 'fact',\n"
    "  text           TEXT NOT NULL DEFAULT '',\n"
    "  ev_source      TEXT NOT NULL DEFAULT '',\n"
    "  ev_target      TEXT NOT NULL DEFAULT '',\n"
    "  ev_verb        TEXT NOT NULL DEFAULT ''\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc);\n"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);\n"
    "CREATE INDEX IF NOT EXISTS events_dyad ON events(source_country, target_country, date);\n"
    "CREATE INDEX IF NOT EXISTS events_target ON events(target_country, date);\n"
    "CREATE INDEX IF NOT EXISTS events_root ON events(root);\n";

/* The per-document statements, prepared once per writable connection. */
enum {
    ST_STATE,      /* hash of a document by id */
    ST_DEL_EV,     /* delete a document's events */
    ST_DEL_SENT,   /* delete a document's sentences */
    ST_PUT_DOC,    /* insert or update a document row */
    ST_PUT_SENT,
    ST_PUT_EV,
    ST_COUNT
};

static const char *const stmt_sql[ST_COUNT] = {
    [ST_STATE] = "SELECT hash FROM documents WHERE id = ?1",
    [ST_DEL_EV] = "DELETE FROM events WHERE doc = ?1",
    [ST_DEL_SENT] = "DELETE FROM sentences WHERE doc = ?1",
    [ST_PUT_DOC] = "INSERT INTO documents (id, date, lang, source, hash, sentences, events, url)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                   " ON CONFLICT (id) DO UPDATE SET date = excluded.date, lang = excluded.lang,"
                   " source = excluded.source, url = excluded.url, hash = excluded.hash,"
                   " sentences = excluded.sentences, events = excluded.events,"
                   " ingested = strftime('%Y-%m-%dT%H:%M:%SZ','now')",
    [ST_PUT_SENT] = "INSERT INTO sentences (doc, idx, text) VALUES (?1, ?2, ?3)",
    [ST_PUT_EV] = "INSERT INTO events (doc, sentence, date, lang, source, target, source_country,"
                  " target_country, code, root, quad, goldstein, plover, mood, text, ev_source,"
                  " ev_target, ev_verb)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                  " ?17, ?18)",
};

struct mz_store {
    sqlite3 *db;
    sqlite3_stmt *st[ST_COUNT];  /* all NULL on a read-only store */
    int in_tx;
    long long version;           /* the file's schema version (0: new, empty) */
    int fts_current;             /* the index is made by this build's tokenizer (fts_is_current) */
};

/* Fills err with a message of our own; returns status. */

/* Fills err with SQLite's message for the connection's last failure. */
static mz_status db_fail(mz_store *s, mz_error *err, const char *what)
{
    return mz_fail(err, MZ_ERR_DB, sqlite3_db_filename(s->db, "main"), 0, "%s: %s", what,
                   sqlite3_errmsg(s->db));
}

/* A text column, "" for NULL. */
static const char *col(sqlite3_stmt *st, int i)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    return v ? v : "";
}

const char *mz_store_schema(void) { return schema_sql; }

/* One integer from a query (0 when it gives none); -1 when the query fails. */
static long long query_int(mz_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(st);
    long long v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : rc == SQLITE_DONE ? 0 : -1;
    sqlite3_finalize(st);
    return v;
}

/* Refuses a file that is not mizan's event store before anything is written to it: a schema
 * version newer than this build knows (it would be rewritten as version 1), or a database with
 * tables of its own and not mizan's (they would be mixed).  An empty database is fine. */
static mz_status check_ours(mz_store *s, const char *path, mz_error *err)
{
    long long version = query_int(s, "PRAGMA user_version");
    long long tables = query_int(s, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
    long long ours = query_int(s, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN"
                                  " ('documents', 'sentences', 'events')");
    if (version < 0 || tables < 0 || ours < 0)
        return mz_fail(err, MZ_ERR_DB, path, 0, "not a database: %s", sqlite3_errmsg(s->db));
    s->version = version;
    if (version > MZ_SCHEMA_VERSION)
        return mz_fail(err, MZ_ERR_DB, path, 0,
                       "written by a newer mizan (schema version %lld; this one knows up to %d): "
                       "refused, not rewritten; use a newer mizan",
                       version, MZ_SCHEMA_VERSION);
    if (tables > 0 && ours < 3)
        return mz_fail(err, MZ_ERR_DB, path, 0,
                       "not a mizan event store (it holds other tables): refused, not changed");
    return MZ_OK;
}

/* 1 when the file has no full-text index yet or one made with this build's tokenizer and
 * rules, 0 when its index is of an older version (unicode61, or other rules: terms.h), -1 when
 * that cannot be read. */
static int fts_is_current(mz_store *s)
{
    long long old = query_int(s, "SELECT count(*) FROM sqlite_master WHERE name = 'sentences_fts'"
                                 " AND sql NOT LIKE '%" FTS_TOKENIZE_QUOTED "%'");
    return old < 0 ? -1 : old == 0;
}

/* Brings a store of an older schema version up to this one, inside the caller's transaction
 * (so under the write lock: what it reads cannot change before it writes): version 1 had no
 * documents.url, which is added (its documents get "", as if read without one); before version
 * 3 the full-text index had another tokenizer (and an index made by other rules than this
 * build's is as old): it is dropped here, and *rebuild set so that the caller fills the new one
 * from `sentences` once the schema has made it.  Decided by the tables themselves, not the
 * version number, so a file of any older version and a new, empty one (whose tables the schema
 * creates whole) are both right.  0 on success. */
static int migrate(mz_store *s, int *rebuild, char **msg)
{
    long long has_docs = query_int(s, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                                      " AND name = 'documents'");
    long long has_url = query_int(s, "SELECT count(*) FROM pragma_table_info('documents')"
                                     " WHERE name = 'url'");
    if (has_docs < 0 || has_url < 0)
        return -1;
    if (has_docs && !has_url &&
        sqlite3_exec(s->db, "ALTER TABLE documents ADD COLUMN url TEXT NOT NULL DEFAULT ''", NULL,
                     NULL, msg) != SQLITE_OK)
        return -1;
    int current = fts_is_current(s);
    if (current < 0)
        return -1;
    *rebuild = !current;
    if (*rebuild && sqlite3_exec(s->db, "DROP TABLE sentences_fts", NULL, NULL, msg) != SQLITE_OK)
        return -1;
    return 0;
}

/* Runs the migration and the schema (see migrate), then fills a rebuilt index.  0 on success. */
static int make_schema(mz_store *s, char **msg)
{
    int rebuild = 0;
    if (migrate(s, &rebuild, msg) != 0 || sqlite3_exec(s->db, schema_sql, NULL, NULL, msg) != SQLITE_OK)
        return -1;
    if (rebuild && sqlite3_exec(s->db, "INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')",
                                NULL, NULL, msg) != SQLITE_OK)
        return -1;
    return 0;
}

/* Runs the schema and the pragmas on a writable connection. */
static mz_status setup_writable(mz_store *s, const char *path, mz_error *err)
{
    char *msg = NULL;
    mz_status ck = check_ours(s, path, err);
    if (ck != MZ_OK)
        return ck;
    /* WAL keeps readers working during an ingest; with WAL, synchronous=NORMAL still never
     * loses a committed transaction to a killed process (only, at worst, to a power cut). */
    const char *pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                          /* a 64 MB page cache: the indexes stay in memory during an ingest */
                          "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;";
    if (sqlite3_exec(s->db, pragmas, NULL, NULL, &msg) != SQLITE_OK)
        goto bad;
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, &msg) != SQLITE_OK)
        goto bad;
    if (make_schema(s, &msg) != 0) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        goto bad;
    }
    char version[64];
    snprintf(version, sizeof version, "PRAGMA user_version = %d; COMMIT;", MZ_SCHEMA_VERSION);
    if (sqlite3_exec(s->db, version, NULL, NULL, &msg) != SQLITE_OK) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        goto bad;
    }
    s->version = MZ_SCHEMA_VERSION;
    s->fts_current = 1;
    for (int i = 0; i < ST_COUNT; i++) {
        if (sqlite3_prepare_v3(s->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) !=
            SQLITE_OK)
            return mz_fail(err, MZ_ERR_DB, path, 0, "preparing statements: %s",
                           sqlite3_errmsg(s->db));
    }
    return MZ_OK;
bad:
    mz_fail(err, MZ_ERR_DB, path, 0, "%s", msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
    return MZ_ERR_DB;
}

/* A read-only store must already have mizan's tables: a stray file is an error, not an empty
 * result. */
static mz_status check_readable(mz_store *s, const char *path, mz_error *err)
{
    sqlite3_stmt *st = NULL;
    const char *sql = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN"
                      " ('documents', 'sentences', 'events')";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return mz_fail(err, MZ_ERR_DB, path, 0, "not a database: %s", sqlite3_errmsg(s->db));
    int ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 3;
    sqlite3_finalize(st);
    if (!ok)
        return mz_fail(err, MZ_ERR_DB, path, 0, "not a mizan event store");
    mz_status rc = check_ours(s, path, err);
    if (rc != MZ_OK)
        return rc;
    int current = fts_is_current(s);
    if (current < 0)
        return mz_fail(err, MZ_ERR_DB, path, 0, "not a database: %s", sqlite3_errmsg(s->db));
    s->fts_current = current;
    return MZ_OK;
}

/* Registers the full-text tokenizer on the store's connection (every connection needs it, a
 * read-only one too, for queries). */
static mz_status connect_fts(mz_store *s, const char *path, mz_error *err)
{
    int rc = mz_fts_register(s->db);
    if (rc != SQLITE_OK)
        return mz_fail(err, MZ_ERR_DB, path, 0, "cannot set up full-text search (SQLite FTS5): %s",
                       sqlite3_errstr(rc));
    return MZ_OK;
}

/* Appends a file: URI for path to uri, the characters a URI gives a meaning escaped, then the
 * query (with its '?'). */
static void file_uri(mz_buf *uri, const char *path, const char *query)
{
    mz_buf_puts(uri, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#' || *p <= ' ')
            mz_buf_printf(uri, "%%%02X", *p);
        else
            mz_buf_putc(uri, (char)*p);
    }
    mz_buf_puts(uri, query);
}

/* Opens `path` read-only as immutable (no locks, no -wal or -shm files), for a database on
 * read-only media or in a folder we cannot write, where SQLite cannot create the WAL index a
 * WAL database needs even to be read. */
static int open_immutable(mz_store *s, const char *path)
{
    mz_buf uri = MZ_BUF_INIT;
    file_uri(&uri, path, "?immutable=1");
    sqlite3_close(s->db);
    s->db = NULL;
    int rc = uri.oom ? SQLITE_NOMEM
                     : sqlite3_open_v2(uri.data, &s->db,
                                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                                       NULL);
    mz_buf_free(&uri);
    return rc;
}

/* Opens the connection: to the file at path, or with MZ_STORE_MEMORY to the in-memory database
 * of that name in SQLite's memdb VFS, which every connection of the process naming it shares
 * (the name must begin with '/' for that).  A memory database has no journal on disk and may
 * grow past memdb's default limit of 1 GiB, up to what memory holds. */
static int open_db(mz_store *s, const char *path, unsigned mode)
{
    /* NOMUTEX: a store is one connection used by one thread at a time (see store.h), so
     * SQLite's per-call locking is pure overhead (memdb locks a shared database itself). */
    int flags = (mode & MZ_STORE_READONLY ? SQLITE_OPEN_READONLY
                                          : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                SQLITE_OPEN_NOMUTEX;
    if (!(mode & MZ_STORE_MEMORY))
        return sqlite3_open_v2(path, &s->db, flags, NULL);
    mz_buf uri = MZ_BUF_INIT;
    file_uri(&uri, path, "?vfs=memdb");
    int rc = uri.oom ? SQLITE_NOMEM
                     : sqlite3_open_v2(uri.data, &s->db, flags | SQLITE_OPEN_URI, NULL);
    mz_buf_free(&uri);
    sqlite3_int64 limit = INT64_MAX;
    if (rc == SQLITE_OK)
        sqlite3_file_control(s->db, "main", SQLITE_FCNTL_SIZE_LIMIT, &limit);
    return rc;
}

mz_store *mz_store_open(const char *path, unsigned mode, mz_error *err)
{
    if (!path || !*path) {
        mz_fail(err, MZ_ERR_ARG, NULL, 0, "no database path");
        return NULL;
    }
    mz_store *s = calloc(1, sizeof *s);
    if (!s) {
        mz_fail(err, MZ_ERR_NOMEM, path, 0, "out of memory");
        return NULL;
    }
    int ro = (mode & MZ_STORE_READONLY) != 0;
    if (open_db(s, path, mode) != SQLITE_OK) {
        mz_fail(err, ro ? MZ_ERR_IO : MZ_ERR_DB, path, 0, "cannot open database: %s",
                s->db ? sqlite3_errmsg(s->db) : "out of memory");
        mz_store_close(s);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 10000);
    mz_status st = connect_fts(s, path, err);
    if (st == MZ_OK)
        st = ro ? check_readable(s, path, err) : setup_writable(s, path, err);
    if (st != MZ_OK && ro && !(mode & MZ_STORE_MEMORY) && sqlite3_errcode(s->db) == SQLITE_CANTOPEN &&
        open_immutable(s, path) == SQLITE_OK) {
        st = connect_fts(s, path, err);
        if (st == MZ_OK)
            st = check_readable(s, path, err);
    }
    if (st != MZ_OK) {
        mz_store_close(s);
        return NULL;
    }
    return s;
}

void mz_store_close(mz_store *s)
{
    if (!s)
        return;
    if (s->in_tx)
        mz_store_rollback(s);
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(s->st[i]);
    sqlite3_close(s->db);
    free(s);
}

void mz_store_hash(const mz_doc *doc, char out[17])
{
    uint64_t h = mz_hash_bytes("", 0);
    const char *meta[3] = {doc->date, doc->lang, doc->source};
    for (int i = 0; i < 3; i++) {
        h = mz_hash_more(h, meta[i] ? meta[i] : "", meta[i] ? strlen(meta[i]) : 0);
        h = mz_hash_more(h, "\xff", 1); /* a separator no UTF-8 text contains */
    }
    h = mz_hash_more(h, doc->text, doc->len);
    /* the url only when there is one, so that the hashes of documents without one are those
     * of schema version 1 and re-ingesting them finds them unchanged */
    if (doc->url && *doc->url) {
        h = mz_hash_more(h, "\xff", 1);
        h = mz_hash_more(h, doc->url, strlen(doc->url));
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

mz_status mz_store_doc_state(mz_store *s, const char *id, const char *hash, mz_doc_state *state,
                             mz_error *err)
{
    sqlite3_stmt *st = s->st[ST_STATE];
    if (!st)
        return mz_fail(err, MZ_ERR_ARG, NULL, 0, "store opened read-only");
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *h = (const char *)sqlite3_column_text(st, 0);
        *state = h && strcmp(h, hash) == 0 ? MZ_DOC_SAME : MZ_DOC_CHANGED;
    } else if (rc == SQLITE_DONE) {
        *state = MZ_DOC_NEW;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? MZ_OK : db_fail(s, err, "looking up a document");
}

mz_status mz_store_begin(mz_store *s, mz_error *err)
{
    if (s->in_tx)
        return mz_fail(err, MZ_ERR_ARG, NULL, 0, "transaction already open");
    /* IMMEDIATE takes the write lock now, so a second writer waits here, not mid-batch. */
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(s, err, "starting a transaction");
    s->in_tx = 1;
    return MZ_OK;
}

mz_status mz_store_commit(mz_store *s, mz_error *err)
{
    if (!s->in_tx)
        return mz_fail(err, MZ_ERR_ARG, NULL, 0, "no transaction open");
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        mz_status st = db_fail(s, err, "committing");
        mz_store_rollback(s);
        return st;
    }
    s->in_tx = 0;
    return MZ_OK;
}

void mz_store_rollback(mz_store *s)
{
    if (s->in_tx)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_tx = 0;
}

/* Steps a write statement once and resets it; 0 on success. */
static int run(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static void bind_str(sqlite3_stmt *st, int i, const char *v)
{
    sqlite3_bind_text(st, i, v ? v : "", -1, SQLITE_STATIC);
}

static int put_event(mz_store *s, const char *doc_id, const mz_event *e)
{
    sqlite3_stmt *st = s->st[ST_PUT_EV];
    bind_str(st, 1, doc_id);
    sqlite3_bind_int(st, 2, e->sentence);
    bind_str(st, 3, e->date);
    bind_str(st, 4, e->lang);
    bind_str(st, 5, e->source);
    bind_str(st, 6, e->target);
    bind_str(st, 7, e->source_country);
    bind_str(st, 8, e->target_country);
    bind_str(st, 9, e->code);
    bind_str(st, 10, e->root);
    sqlite3_bind_int(st, 11, e->quad);
    sqlite3_bind_double(st, 12, e->goldstein);
    bind_str(st, 13, e->plover);
    bind_str(st, 14, e->mood == MZ_MOOD_INTENT ? "intent" : "fact");
    bind_str(st, 15, e->text);
    bind_str(st, 16, e->ev_source);
    bind_str(st, 17, e->ev_target);
    bind_str(st, 18, e->ev_verb);
    return run(st);
}

mz_status mz_store_put(mz_store *s, const mz_store_doc *d, mz_doc_state *state, mz_error *err)
{
    const mz_doc *doc = d->doc;
    if (!s->st[ST_PUT_DOC])
        return mz_fail(err, MZ_ERR_ARG, NULL, 0, "store opened read-only");
    if (!doc->id || !*doc->id)
        return mz_fail(err, MZ_ERR_ARG, NULL, 0, "document without an id");
    mz_doc_state ds;
    mz_status rc = mz_store_doc_state(s, doc->id, d->hash, &ds, err);
    if (rc != MZ_OK)
        return rc;
    if (state)
        *state = ds;
    if (ds == MZ_DOC_SAME)
        return MZ_OK;
    if (ds == MZ_DOC_CHANGED) {
        bind_str(s->st[ST_DEL_EV], 1, doc->id);
        bind_str(s->st[ST_DEL_SENT], 1, doc->id);
        if (run(s->st[ST_DEL_EV]) || run(s->st[ST_DEL_SENT]))
            return db_fail(s, err, "deleting old events");
    }
    const char *lang = doc->lang && *doc->lang ? doc->lang : mz_detect_lang(doc->text, doc->len);
    sqlite3_stmt *st = s->st[ST_PUT_DOC];
    bind_str(st, 1, doc->id);
    bind_str(st, 2, doc->date);
    bind_str(st, 3, lang);
    bind_str(st, 4, doc->source);
    bind_str(st, 5, d->hash);
    sqlite3_bind_int64(st, 6, (sqlite3_int64)d->nsentences);
    sqlite3_bind_int64(st, 7, (sqlite3_int64)d->nevents);
    bind_str(st, 8, doc->url);
    if (run(st))
        return db_fail(s, err, "writing a document");
    st = s->st[ST_PUT_SENT];
    for (size_t i = 0; i < d->nsentences; i++) {
        bind_str(st, 1, doc->id);
        sqlite3_bind_int64(st, 2, d->indexes ? (sqlite3_int64)d->indexes[i] : (sqlite3_int64)i);
        bind_str(st, 3, d->sentences[i]);
        if (run(st))
            return db_fail(s, err, "writing a sentence");
    }
    for (size_t i = 0; i < d->nevents; i++) {
        if (put_event(s, doc->id, &d->events[i]))
            return db_fail(s, err, "writing an event");
    }
    return MZ_OK;
}

mz_status mz_store_count(mz_store *s, mz_store_counts *c, mz_error *err)
{
    const char *sql = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences),"
                      " (SELECT count(*) FROM events)";
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(s, err, "counting");
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        c->documents = sqlite3_column_int64(st, 0);
        c->sentences = sqlite3_column_int64(st, 1);
        c->events = sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? MZ_OK : db_fail(s, err, "counting");
}

long long mz_store_data_version(mz_store *s) { return query_int(s, "PRAGMA data_version"); }

/* The overview's figures, one query each: the statement's columns are read in order into
 * the fields listed beside it. */
static const char summary_sql[] =
    "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences),"
    " (SELECT count(*) FROM events), (SELECT count(*) FROM events WHERE date = ''),"
    " (SELECT coalesce(min(date), '') FROM events WHERE date <> ''),"
    " (SELECT coalesce(max(date), '') FROM events WHERE date <> ''),"
    " (SELECT count(*) FROM events WHERE lang = 'ar'), (SELECT count(*) FROM events WHERE lang = 'en'),"
    " (SELECT count(*) FROM events WHERE quad = 1), (SELECT count(*) FROM events WHERE quad = 2),"
    " (SELECT count(*) FROM events WHERE quad = 3), (SELECT count(*) FROM events WHERE quad = 4),"
    " (SELECT count(DISTINCT c) FROM (SELECT source_country c FROM events UNION ALL"
    "  SELECT target_country FROM events) WHERE c <> '')";

mz_status mz_store_summarize(mz_store *s, mz_store_summary *sum, mz_error *err)
{
    memset(sum, 0, sizeof *sum);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, summary_sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(s, err, "summarizing");
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        long long *ints[] = {&sum->counts.documents, &sum->counts.sentences, &sum->counts.events,
                             &sum->undated};
        for (int i = 0; i < 4; i++)
            *ints[i] = sqlite3_column_int64(st, i);
        snprintf(sum->first, sizeof sum->first, "%s", col(st, 4));
        snprintf(sum->last, sizeof sum->last, "%s", col(st, 5));
        sum->lang_ar = sqlite3_column_int64(st, 6);
        sum->lang_en = sqlite3_column_int64(st, 7);
        for (int q = 0; q < 4; q++)
            sum->quad[q] = sqlite3_column_int64(st, 8 + q);
        sum->countries = sqlite3_column_int64(st, 12);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? MZ_OK : db_fail(s, err, "summarizing");
}

mz_status mz_store_countries(mz_store *s, mz_store_country **out, size_t *n, mz_error *err)
{
    /* UNION (not UNION ALL) keeps one (id, code) row for an event between a country and itself */
    static const char sql[] =
        "SELECT c, count(*) FROM (SELECT id, source_country c FROM events UNION"
        " SELECT id, target_country FROM events) WHERE c <> '' GROUP BY c"
        " ORDER BY count(*) DESC, c";
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(s, err, "counting countries");
    size_t cap = 0;
    int rc;
    mz_status status = MZ_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            mz_store_country *grown = realloc(*out, ncap * sizeof **out);
            if (!grown) {
                status = mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
                break;
            }
            *out = grown;
            cap = ncap;
        }
        mz_store_country *c = &(*out)[(*n)++];
        snprintf(c->code, sizeof c->code, "%s", col(st, 0));
        c->events = sqlite3_column_int64(st, 1);
    }
    if (status == MZ_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        status = db_fail(s, err, "counting countries");
    sqlite3_finalize(st);
    if (status != MZ_OK) {
        free(*out);
        *out = NULL;
        *n = 0;
    }
    return status;
}

/* ---- filters ----------------------------------------------------------------------------- */

static int all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

int mz_filter_date_ok(const char *s)
{
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10)
        return 0;
    if (!all_digits(s, 4))
        return 0;
    if (n >= 7) {
        int m = (s[5] - '0') * 10 + (s[6] - '0');
        if (s[4] != '-' || !all_digits(s + 5, 2) || m < 1 || m > 12)
            return 0;
    }
    if (n == 10) {
        int d = (s[8] - '0') * 10 + (s[9] - '0');
        if (s[7] != '-' || !all_digits(s + 8, 2) || d < 1 || d > 31)
            return 0;
    }
    return 1;
}

int mz_filter_root_norm(const char *s, char out[3])
{
    size_t n = strlen(s);
    if (n < 1 || n > 2 || !all_digits(s, n))
        return 0;
    int v = n == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
    if (v < 1 || v > 20)
        return 0;
    out[0] = (char)('0' + v / 10);
    out[1] = (char)('0' + v % 10);
    out[2] = '\0';
    return 1;
}

static int set(const char *s) { return s && *s; }

static int eq(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : "") == 0; }

int mz_filter_match(const mz_filter *f, const mz_event *ev)
{
    if (!f)
        return 1;
    const char *date = ev->date ? ev->date : "";
    if (set(f->from) && (!*date || strcmp(date, f->from) < 0))
        return 0;
    if (set(f->to) && (!*date || strncmp(date, f->to, strlen(f->to)) > 0))
        return 0;
    if (set(f->actor) && !eq(ev->source_country, f->actor) && !eq(ev->target_country, f->actor) &&
        !eq(ev->source, f->actor) && !eq(ev->target, f->actor))
        return 0;
    if (set(f->dyad_a) && set(f->dyad_b)) {
        int ab = eq(ev->source_country, f->dyad_a) && eq(ev->target_country, f->dyad_b);
        int ba = eq(ev->source_country, f->dyad_b) && eq(ev->target_country, f->dyad_a);
        if (!ab && !ba)
            return 0;
    }
    if (set(f->root)) {
        char r[3];
        if (!mz_filter_root_norm(f->root, r) || !eq(ev->root, r))
            return 0;
    }
    return 1;
}

/* ---- queries ----------------------------------------------------------------------------- */

/* Appends the conditions of a filter to a query ending in "WHERE 1"; parameters are numbered
 * by what they bind: ?1 from, ?2 to, ?3 actor, ?4/?5 dyad, ?6 root, ?7 match. */
static void build_where(mz_buf *sql, const mz_filter *f)
{
    if (set(f->from))
        mz_buf_puts(sql, " AND e.date <> '' AND e.date >= ?1");
    if (set(f->to))
        mz_buf_puts(sql, " AND e.date <> '' AND substr(e.date, 1, length(?2)) <= ?2");
    if (set(f->actor))
        mz_buf_puts(sql, " AND (e.source_country = ?3 OR e.target_country = ?3 OR e.source = ?3"
                         " OR e.target = ?3)");
    if (set(f->dyad_a) && set(f->dyad_b))
        mz_buf_puts(sql, " AND ((e.source_country = ?4 AND e.target_country = ?5)"
                         " OR (e.source_country = ?5 AND e.target_country = ?4))");
    if (set(f->root))
        mz_buf_puts(sql, " AND e.root = ?6");
    if (set(f->match))
        mz_buf_puts(sql, " AND (e.doc, e.sentence) IN (SELECT s.doc, s.idx FROM sentences_fts"
                         " JOIN sentences s ON s.id = sentences_fts.rowid"
                         " WHERE sentences_fts MATCH ?7)");
}

/* Counts the words of a full-text query that are not FTS5's operators. */
typedef struct word_count {
    const char *query;
    size_t n;
} word_count;

static int count_word(void *ctx, unsigned flags, const char *term, size_t len, size_t start,
                      size_t end)
{
    static const char *const operators[] = {"AND", "OR", "NOT", "NEAR"};
    word_count *c = ctx;
    (void)term, (void)len;
    if (flags & MZ_TERM_COLOCATED)
        return 0;
    for (size_t i = 0; i < sizeof operators / sizeof operators[0]; i++)
        if (end - start == strlen(operators[i]) &&
            memcmp(c->query + start, operators[i], end - start) == 0)
            return 0;
    c->n++;
    return 0;
}

/* Refuses a full-text query in which the tokenizer finds no word but FTS5's operators (only
 * punctuation in quotes, "؟"): FTS5 would take it and match nothing, which reads as "no such
 * events". */
static mz_status check_search(const char *match, mz_error *err)
{
    mz_termgen g;
    word_count c = {match, 0};
    int rc = mz_termgen_init(&g);
    if (rc == 0)
        rc = mz_terms(&g, match, strlen(match), MZ_TERMS_QUERY, count_word, &c);
    mz_termgen_free(&g);
    if (rc != 0)
        return mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
    if (c.n == 0)
        return mz_fail(err, MZ_ERR_ARG, NULL, 0, "--search query '%.200s' has no word to search for",
                       match);
    return MZ_OK;
}

int mz_store_search_current(const mz_store *s) { return s->fts_current; }

/* Builds the SELECT for a filter into sql (see build_where), with ?8 rows after ?9 skipped
 * when `paged`.  Each event takes its provenance (outlet and url) from its document; a
 * version-1 file, read as it is, has no urls. */
static void build_query(mz_buf *sql, const mz_filter *f, long long version, int paged)
{
    mz_buf_puts(sql, "SELECT e.doc, e.sentence, e.date, e.lang, e.source, e.target,"
                     " e.source_country, e.target_country, e.code, e.root, e.quad, e.goldstein,"
                     " e.plover, e.mood, e.text, e.ev_source, e.ev_target, e.ev_verb,"
                     " coalesce(d.source, ''), ");
    mz_buf_puts(sql, version >= 2 ? "coalesce(d.url, '')" : "''");
    mz_buf_puts(sql, " FROM events e LEFT JOIN documents d ON d.id = e.doc WHERE 1");
    build_where(sql, f);
    mz_buf_puts(sql, " ORDER BY e.date, e.doc, e.sentence, e.id");
    if (paged)
        mz_buf_puts(sql, " LIMIT ?8 OFFSET ?9");
}

/* Prepares sql and binds the filter's values (and, when paged, limit and offset) to it; the
 * root is given normalised.  NULL after filling err on failure. */
static sqlite3_stmt *prepare_filtered(mz_store *s, const char *sql, const mz_filter *f,
                                      const char *root, long long limit, long long offset,
                                      mz_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        db_fail(s, err, "preparing a query");
        return NULL;
    }
    const char *params[8] = {NULL, f->from, f->to, f->actor, f->dyad_a, f->dyad_b, root, f->match};
    for (int i = 1; i < 8; i++) {
        if (set(params[i]) && sqlite3_bind_parameter_name(st, i))
            sqlite3_bind_text(st, i, params[i], -1, SQLITE_STATIC);
    }
    if (sqlite3_bind_parameter_name(st, 8)) {
        sqlite3_bind_int64(st, 8, limit);
        sqlite3_bind_int64(st, 9, offset);
    }
    return st;
}

/* The status of a filtered statement that stopped with `rc` short of SQLITE_DONE. */
static mz_status query_fail(mz_store *s, const mz_filter *f, mz_error *err)
{
    if (set(f->match) && sqlite3_errcode(s->db) == SQLITE_ERROR)
        /* the rest of the query is ours, with bound values: a plain SQL error comes from the
         * full-text query, whatever SQLite's wording ("fts5: syntax error", "no such column",
         * "unterminated string" ...), and it is the user's to fix */
        return mz_fail(err, MZ_ERR_ARG, NULL, 0,
                       "bad --search query '%.200s': %s (SQLite FTS5 syntax)", f->match,
                       sqlite3_errmsg(s->db));
    return db_fail(s, err, "querying events");
}

/* Counts the events that pass the filter into *total. */
static mz_status count_filtered(mz_store *s, const mz_filter *f, const char *root,
                                long long *total, mz_error *err)
{
    mz_buf sql = MZ_BUF_INIT;
    mz_buf_puts(&sql, "SELECT count(*) FROM events e WHERE 1");
    build_where(&sql, f);
    if (sql.oom)
        return mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
    sqlite3_stmt *st = prepare_filtered(s, sql.data, f, root, 0, 0, err);
    mz_buf_free(&sql);
    if (!st)
        return MZ_ERR_DB;
    int rc = sqlite3_step(st);
    *total = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    mz_status out = rc == SQLITE_ROW ? MZ_OK : query_fail(s, f, err);
    sqlite3_finalize(st);
    return out;
}

mz_status mz_store_query_page(mz_store *s, const mz_filter *f, long long offset, long long limit,
                              mz_event_fn fn, void *ctx, long long *total, mz_error *err)
{
    static const mz_filter none = {0};
    if (!f)
        f = &none;
    char root[3] = "";
    if (set(f->root) && !mz_filter_root_norm(f->root, root))
        return mz_fail(err, MZ_ERR_ARG, NULL, 0, "not a CAMEO root: %s", f->root);
    if (set(f->match)) {
        mz_status ck = check_search(f->match, err);
        if (ck != MZ_OK)
            return ck;
    }
    if (total) {
        mz_status c = count_filtered(s, f, root, total, err);
        if (c != MZ_OK)
            return c;
    }
    int paged = limit >= 0;
    mz_buf sql = MZ_BUF_INIT;
    build_query(&sql, f, s->version, paged);
    if (sql.oom)
        return mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
    sqlite3_stmt *st = prepare_filtered(s, sql.data, f, root, limit, offset < 0 ? 0 : offset, err);
    mz_buf_free(&sql);
    if (!st)
        return MZ_ERR_DB;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        mz_event ev = {
            .doc = col(st, 0),
            .sentence = sqlite3_column_int(st, 1),
            .date = col(st, 2),
            .lang = col(st, 3),
            .source = col(st, 4),
            .target = col(st, 5),
            .source_country = col(st, 6),
            .target_country = col(st, 7),
            .code = col(st, 8),
            .root = col(st, 9),
            .quad = sqlite3_column_int(st, 10),
            .goldstein = sqlite3_column_double(st, 11),
            .plover = col(st, 12),
            .mood = strcmp(col(st, 13), "intent") == 0 ? MZ_MOOD_INTENT : MZ_MOOD_FACT,
            .text = col(st, 14),
            .ev_source = col(st, 15),
            .ev_target = col(st, 16),
            .ev_verb = col(st, 17),
            .outlet = col(st, 18),
            .url = col(st, 19),
        };
        if (fn(ctx, &ev)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    mz_status out = rc == SQLITE_DONE ? MZ_OK : query_fail(s, f, err);
    sqlite3_finalize(st);
    return out;
}

mz_status mz_store_query(mz_store *s, const mz_filter *f, mz_event_fn fn, void *ctx, mz_error *err)
{
    return mz_store_query_page(s, f, 0, -1, fn, ctx, NULL, err);
}
