/*
 * cmd_store.c — `mizan ingest` (documents in, coded into the event store) and `mizan events`
 * (filtered events out of it).
 *
 * ingest chains the input files into one document source for mz_store_ingest, which codes on
 * -j threads and writes in batches of one transaction; this file only parses options, reports
 * bad input on standard error and draws a progress line when standard error is a terminal.
 * events runs one filtered query and writes each row as it comes, in the format asked for.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../analyze/dedup.h"
#include "../analyze/render.h"
#include "../dict/engine.h"
#include "../io/date.h"
#include "../io/reader.h"
#include "../io/render.h"
#include "../store/store.h"
#include "../util/error.h"
#include "../util/hash.h"
#include "commands.h"

#define DEFAULT_DB "mizan.db"

/* Parses a positive int option; -1 when it is not one. */
static int positive(const char *s, int max)
{
    char *end;
    long v = strtol(s, &end, 10);
    return *s && !*end && v >= 1 && v <= max ? (int)v : -1;
}

/* ---- ingest ------------------------------------------------------------------------------ */

static void ingest_usage(FILE *f)
{
    fputs("usage: mizan ingest [options] INPUT...\n"
          "Codes documents and stores documents, sentences and events in an SQLite database.\n"
          "Documents already stored with the same id and content are skipped; changed ones are\n"
          "replaced.  INPUT is a file (.txt, .jsonl, .xml) or - for standard input.\n"
          "  --db FILE               database (default mizan.db; created if missing)\n"
          "  -j, --jobs N            code with N threads (default 1)\n"
          "  --input txt|jsonl|xml   input format (default: by extension; stdin is txt)\n"
          "  --date YYYY-MM-DD       date of plain-text documents\n"
          "  --lang ar|en            language of plain-text documents (default: detected)\n"
          "  --partial               also store events with one actor unresolved (\"---\")\n"
          "  --parse                 parse sentences (as mizan code --parse)\n"
          "  --batch N               documents per transaction (default 1024)\n"
          "  -q, --quiet             no progress line or summary\n"
          "  --actors/--agents/--verbs/--discards FILE   extra dictionary (repeatable)\n"
          "  --no-builtin            use only the dictionaries given\n",
          f);
}

typedef struct ingest_opts {
    const char *db, *input, *date, *lang;
    char day[11]; /* --date as YYYY-MM-DD */
    int threads, partial, parse, quiet, batch;
    mz_dict_opts dict;
} ingest_opts;

/* The document source: the input files one after the other. */
typedef struct source {
    const ingest_opts *o;
    char **paths;
    int npaths, next_path;
    mz_reader *r;
    int unreadable;      /* files that could not be opened */
    long long bad;       /* bad records and refused documents */
    int progress;        /* draw the progress line */
    struct timespec t0;
} source;

static int next_doc(void *ctx, mz_doc *doc, mz_error *err)
{
    source *s = ctx;
    for (;;) {
        if (!s->r) {
            if (s->next_path >= s->npaths)
                return 0;
            const char *path = s->paths[s->next_path++];
            mz_error e = {0};
            s->r = mz_reader_open(path, s->o->input, s->o->date, s->o->lang, &e);
            if (!s->r) {
                if (s->progress)
                    fputc('\n', stderr);
                mz_cli_report(&e);
                s->unreadable++;
                continue;
            }
        }
        int got = mz_reader_next(s->r, doc, err);
        if (got != 0)
            return got;
        mz_reader_close(s->r);
        s->r = NULL;
    }
}

static void on_error(void *ctx, const mz_error *err)
{
    source *s = ctx;
    if (s->progress)
        fputs("\r\033[K", stderr);
    mz_cli_report(err);
    s->bad++;
}

static double elapsed(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void on_progress(void *ctx, const mz_ingest_stats *st)
{
    source *s = ctx;
    if (!s->progress)
        return;
    double t = elapsed(&s->t0);
    fprintf(stderr, "\r\033[Kingest: %lld documents read, %lld events stored, %.0f docs/s", st->read,
            st->events, t > 0 ? (double)st->read / t : 0.0);
    fflush(stderr);
}

static int ingest_parse(int argc, char **argv, ingest_opts *o)
{
    static const struct option longs[] = {
        {"db", required_argument, 0, 'b'}, {"jobs", required_argument, 0, 'j'},
        {"input", required_argument, 0, 'i'}, {"date", required_argument, 0, 'd'},
        {"lang", required_argument, 0, 'l'}, {"partial", no_argument, 0, 'p'},
        {"parse", no_argument, 0, 'P'},
        {"batch", required_argument, 0, 'B'}, {"quiet", no_argument, 0, 'q'},
        {"actors", required_argument, 0, 'A'}, {"agents", required_argument, 0, 'G'},
        {"verbs", required_argument, 0, 'V'}, {"discards", required_argument, 0, 'D'},
        {"no-builtin", no_argument, 0, 'N'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "j:qh", longs, NULL)) != -1) {
        int d = mz_dict_opt(&o->dict, ch, optarg);
        if (d < 0)
            return -1;
        if (d)
            continue;
        switch (ch) {
        case 'b': o->db = optarg; break;
        case 'j':
            if ((o->threads = positive(optarg, 64)) < 0) {
                fprintf(stderr, "mizan ingest: -j takes 1 to 64\n");
                return -1;
            }
            break;
        case 'i': o->input = optarg; break;
        case 'd': o->date = optarg; break;
        case 'l': o->lang = optarg; break;
        case 'p': o->partial = 1; break;
        case 'P': o->parse = 1; break;
        case 'B':
            if ((o->batch = positive(optarg, 1000000)) < 0) {
                fprintf(stderr, "mizan ingest: --batch takes a positive number\n");
                return -1;
            }
            break;
        case 'q': o->quiet = 1; break;
        case 'h': ingest_usage(stdout); return 1;
        default: ingest_usage(stderr); return -1;
        }
    }
    if (o->lang && strcmp(o->lang, "ar") != 0 && strcmp(o->lang, "en") != 0) {
        fprintf(stderr, "mizan ingest: --lang takes ar or en\n");
        return -1;
    }
    if (o->input && strcmp(o->input, "txt") && strcmp(o->input, "jsonl") && strcmp(o->input, "xml")) {
        fprintf(stderr, "mizan ingest: --input takes txt, jsonl or xml\n");
        return -1;
    }
    if (o->date && mz_date_norm(o->date, strlen(o->date), o->day) < 0) {
        fprintf(stderr, "mizan ingest: --date takes a date (YYYY-MM-DD, ISO 8601, RFC 2822)\n");
        return -1;
    }
    if (o->date)
        o->date = o->day;
    if (optind >= argc) {
        fprintf(stderr, "mizan ingest: no input (give files, or - for standard input)\n");
        ingest_usage(stderr);
        return -1;
    }
    return 0;
}

/* Hashes a file's bytes into h; -1 when it cannot be read (the engine reports that). */
static int hash_file(const char *path, uint64_t *h)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        *h = mz_hash_more(*h, chunk, n);
    int bad = ferror(f);
    fclose(f);
    return bad ? -1 : 0;
}

/* The fingerprint of what coding depends on besides the document: the options that change
 * the events (--partial, --no-builtin, --parse), the built-in dictionaries this binary holds and
 * the kind and content of each dictionary given.  Stored documents coded otherwise are recoded.
 * (--parse is written only when given, so that stores made before it existed keep their
 * fingerprint.) */
static void ingest_fingerprint(const ingest_opts *o, char out[17])
{
    char opts[64];
    int n = snprintf(opts, sizeof opts, "partial=%d;builtin=%d;%s", o->partial, !o->dict.no_builtin,
                     o->parse ? "parse=1;" : "");
    uint64_t h = mz_hash_bytes(opts, (size_t)n);
    for (size_t i = 0; i < mz_builtin_count && !o->dict.no_builtin; i++) {
        h = mz_hash_more(h, mz_builtin_files[i].name, strlen(mz_builtin_files[i].name) + 1);
        h = mz_hash_more(h, mz_builtin_files[i].data, mz_builtin_files[i].len);
    }
    for (int i = 0; i < o->dict.n; i++) {
        int kind = (int)o->dict.kinds[i];
        h = mz_hash_more(h, &kind, sizeof kind);
        hash_file(o->dict.files[i], &h);
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

int mz_cmd_ingest(int argc, char **argv)
{
    ingest_opts o = {.db = DEFAULT_DB, .threads = 1};
    int pr = ingest_parse(argc, argv, &o);
    if (pr)
        return pr > 0 ? 0 : 1;
    mz_error err = {0};
    mz_engine *e = mz_cli_engine(&o.dict);
    if (!e)
        return 2;
    mz_store *st = mz_store_open(o.db, 0, &err);
    if (!st) {
        mz_cli_report(&err);
        mz_engine_free(e);
        return 2;
    }
    source src = {.o = &o, .paths = argv + optind, .npaths = argc - optind};
    src.progress = !o.quiet && isatty(STDERR_FILENO);
    clock_gettime(CLOCK_MONOTONIC, &src.t0);
    mz_ingest_opts io = {
        .threads = o.threads,
        .batch = (size_t)(o.batch > 0 ? o.batch : 0),
        .coder_flags = (o.partial ? MZ_CODE_PARTIAL : 0) | (o.parse ? MZ_CODE_PARSE : 0),
        .next = next_doc,
        .on_error = on_error,
        .on_progress = on_progress,
        .ctx = &src,
    };
    char fingerprint[17];
    ingest_fingerprint(&o, fingerprint);
    io.fingerprint = fingerprint;
    mz_ingest_stats stats;
    mz_status rc = mz_store_ingest(st, e, &io, &stats, &err);
    if (src.r)
        mz_reader_close(src.r);
    if (src.progress)
        fputs("\r\033[K", stderr);
    if (rc != MZ_OK)
        mz_cli_report(&err);
    if (!o.quiet) {
        double t = elapsed(&src.t0);
        fprintf(stderr,
                "ingest: %lld documents read: %lld added, %lld replaced, %lld unchanged, %lld failed;"
                " %lld sentences and %lld events written to %s (%.1f s)\n",
                stats.read, stats.added, stats.replaced, stats.unchanged, stats.failed,
                stats.sentences, stats.events, o.db, t);
    }
    mz_store_close(st);
    mz_engine_free(e);
    return rc != MZ_OK || src.unreadable || stats.failed ? 2 : 0;
}

/* ---- events ------------------------------------------------------------------------------ */

static void events_usage(FILE *f)
{
    fputs("usage: mizan events [options]\n"
          "Prints stored events, in order of date, document and sentence.\n"
          "  --db FILE                 database (default mizan.db)\n"
          "  --from DATE, --to DATE    YYYY, YYYY-MM or YYYY-MM-DD; --to is inclusive\n"
          "  --actor CODE              events with this country or actor code on either side\n"
          "  --dyad A,B                events between countries A and B, both directions\n"
          "  --root NN                 CAMEO root, e.g. 07\n"
          "  --search QUERY            full-text query over the sentences (SQLite FTS5 syntax);\n"
          "                            words meet their forms: sanction finds sanctions,\n"
          "                            عقوبات finds والعقوبات and بالعقوبات\n"
          "  --format jsonl|tsv|csv    output format (default jsonl)\n"
          "  --dedup day               one record per day, source, target and event code (the\n"
          "                            first event), with its mentions, distinct outlets\n"
          "                            (sources) and documents\n",
          f);
}

typedef struct events_out {
    int format;  /* 0 jsonl, 1 tsv, 2 csv */
    mz_buf buf;
    int write_failed;
    long long count;  /* events written */
    int dedup;        /* --dedup day */
} events_out;

static void flush_out(events_out *eo)
{
    if (eo->buf.len && fwrite(eo->buf.data, 1, eo->buf.len, stdout) != eo->buf.len)
        eo->write_failed = 1;
    mz_buf_clear(&eo->buf);
}

static int print_event(void *ctx, const mz_event *ev)
{
    events_out *eo = ctx;
    eo->count++;
    if (eo->format == 0)
        mz_render_jsonl(&eo->buf, ev);
    else if (eo->format == 1)
        mz_render_tsv(&eo->buf, ev);
    else
        mz_render_event_csv(&eo->buf, ev);
    if (eo->buf.len > (1u << 16))
        flush_out(eo);
    return eo->write_failed || eo->buf.oom;
}

/* Upper-cases a country or actor code argument in place (codes are upper case). */
static void upper(char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
}

/* Splits "A,B" into two upper-cased codes; 0 when it is not of that form. */
static int split_dyad(char *arg, char **a, char **b)
{
    char *comma = strchr(arg, ',');
    if (!comma || comma == arg || !comma[1] || strchr(comma + 1, ','))
        return 0;
    *comma = '\0';
    *a = arg;
    *b = comma + 1;
    upper(*a);
    upper(*b);
    return strcmp(*a, *b) != 0;
}

/* Takes back the end of what was just rendered (a newline, and in JSON the closing brace), so
 * that the dedup counts can follow as more fields; 0 when the buffer does not end so. */
static int reopen_record(mz_buf *b, int json)
{
    const char *end = json ? "}\n" : "\n";
    size_t n = strlen(end);
    if (b->oom || b->len < n || memcmp(b->data + b->len - n, end, n) != 0)
        return 0;
    b->len -= n;
    b->data[b->len] = '\0';
    return 1;
}

/* Writes one --dedup group: its first event, then mentions, sources and documents. */
static int print_group(events_out *eo, const mz_dedup_group *g)
{
    print_event(eo, g->first);
    if (!reopen_record(&eo->buf, eo->format == 0))
        return 1;
    if (eo->format == 0)
        mz_buf_printf(&eo->buf, ",\"mentions\":%ld,\"sources\":%ld,\"documents\":%ld}\n",
                      g->mentions, g->sources, g->documents);
    else
        mz_buf_printf(&eo->buf, "%c%ld%c%ld%c%ld\n", eo->format == 1 ? '\t' : ',', g->mentions,
                      eo->format == 1 ? '\t' : ',', g->sources, eo->format == 1 ? '\t' : ',',
                      g->documents);
    return eo->write_failed || eo->buf.oom;
}

/* --dedup day: loads the filtered events, groups them and writes a record per group. */
static mz_status print_dedup(mz_store *st, const mz_filter *f, events_out *eo, mz_error *err)
{
    mz_evset set;
    mz_evset_init(&set, 0);
    mz_status rc = mz_evset_load_store(&set, st, f, err);
    mz_dedup_group *gs = NULL;
    size_t ng = 0;
    if (rc == MZ_OK && mz_dedup_day(&set, &gs, &ng) != MZ_OK)
        rc = mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
    for (size_t i = 0; rc == MZ_OK && i < ng; i++)
        if (print_group(eo, &gs[i]))
            break;
    free(gs);
    mz_evset_free(&set);
    return rc;
}

int mz_cmd_events(int argc, char **argv)
{
    static const struct option longs[] = {
        {"db", required_argument, 0, 'b'}, {"from", required_argument, 0, 'F'},
        {"to", required_argument, 0, 'T'}, {"actor", required_argument, 0, 'a'},
        {"dyad", required_argument, 0, 'y'}, {"root", required_argument, 0, 'r'},
        {"search", required_argument, 0, 's'}, {"format", required_argument, 0, 'f'},
        {"dedup", required_argument, 0, 'u'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *db = DEFAULT_DB;
    mz_filter f = {0};
    events_out eo = {0, MZ_BUF_INIT, 0, 0, 0};
    char root[3];
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
        switch (ch) {
        case 'b': db = optarg; break;
        case 'F': f.from = optarg; break;
        case 'T': f.to = optarg; break;
        case 'a':
            upper(optarg);
            f.actor = optarg;
            break;
        case 'y': {
            char *a, *b;
            if (!split_dyad(optarg, &a, &b)) {
                fprintf(stderr, "mizan events: --dyad takes two different codes, A,B\n");
                return 1;
            }
            f.dyad_a = a;
            f.dyad_b = b;
            break;
        }
        case 'r':
            if (!mz_filter_root_norm(optarg, root)) {
                fprintf(stderr, "mizan events: --root takes a CAMEO root, 01 to 20\n");
                return 1;
            }
            f.root = root;
            break;
        case 's': f.match = optarg; break;
        case 'f':
            if (strcmp(optarg, "jsonl") == 0)
                eo.format = 0;
            else if (strcmp(optarg, "tsv") == 0)
                eo.format = 1;
            else if (strcmp(optarg, "csv") == 0)
                eo.format = 2;
            else {
                fprintf(stderr, "mizan events: --format takes jsonl, tsv or csv\n");
                return 1;
            }
            break;
        case 'u':
            if (strcmp(optarg, "day") != 0) {
                fprintf(stderr, "mizan events: --dedup takes day\n");
                return 1;
            }
            eo.dedup = 1;
            break;
        case 'h': events_usage(stdout); return 0;
        default: events_usage(stderr); return 1;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "mizan events: unexpected argument '%s'\n", argv[optind]);
        events_usage(stderr);
        return 1;
    }
    if ((f.from && !mz_filter_date_ok(f.from)) || (f.to && !mz_filter_date_ok(f.to))) {
        fprintf(stderr, "mizan events: dates are YYYY, YYYY-MM or YYYY-MM-DD\n");
        return 1;
    }
    mz_error err = {0};
    mz_store *st = mz_store_open(db, MZ_STORE_READONLY, &err);
    if (!st) {
        mz_cli_report(&err);
        return 2;
    }
    if (f.match && !mz_store_search_current(st))
        fprintf(stderr,
                "mizan events: note: the search index of %s was made by another version of mizan "
                "(before schema version 3: exact words only); opening the store for writing "
                "rebuilds it (mizan ingest --db %s --input jsonl - </dev/null)\n",
                db, db);
    if (eo.format == 1)
        mz_render_tsv_header(&eo.buf);
    else if (eo.format == 2)
        mz_render_event_csv_header(&eo.buf);
    if (eo.format && eo.dedup && reopen_record(&eo.buf, 0))
        mz_buf_puts(&eo.buf, eo.format == 1 ? "\tmentions\tsources\tdocuments\n"
                                             : ",mentions,sources,documents\n");
    mz_status rc = eo.dedup ? print_dedup(st, &f, &eo, &err)
                            : mz_store_query(st, &f, print_event, &eo, &err);
    flush_out(&eo);
    mz_store_close(st);
    int oom = eo.buf.oom;
    mz_buf_free(&eo.buf);
    if (rc != MZ_OK) {
        mz_cli_report(&err);
        /* a malformed --search query is the user's to fix (MZ_ERR_ARG), not unreadable input */
        return rc == MZ_ERR_ARG ? 1 : 2;
    }
    if (oom || eo.write_failed || fflush(stdout) != 0) {
        fprintf(stderr, "mizan events: %s\n", oom ? "out of memory" : "cannot write the output");
        return 2;
    }
    if (f.actor && eo.count == 0)
        mz_cli_actor_check("events", f.actor);
    return 0;
}
