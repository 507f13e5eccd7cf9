/*
 * cmd_analyze.c — `mizan dyad`, `mizan network`, `mizan profile` and `mizan watch`.
 *
 * Each command loads an event set (from the store, or from a JSONL stream of events such as
 * `mizan code` prints, so `mizan code article.txt | mizan network -` needs no database), runs one
 * analysis of src/analyze and writes it in the format asked for.  Events come sorted by date,
 * document and sentence either way, so output does not depend on where they came from.
 *
 * Exit status: 0 done; 1 usage error; 2 the events could not be read (no database, an
 * unreadable file), or some JSONL lines were bad (reported, skipped; the output covers the
 * rest).
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../analyze/analyze.h"
#include "../analyze/events.h"
#include "../analyze/report.h"
#include "../store/store.h"
#include "../util/error.h"
#include "commands.h"

#define DEFAULT_DB "mizan.db"

/* Options shared by the analysis commands; each command accepts the ones it lists.  The
 * question itself is an mz_report (src/analyze/report.h), as the JSON API asks it. */
typedef struct an_opts {
    const char *cmd;      /* "dyad", ... for messages */
    const char *db;       /* --db */
    const char *events;   /* --events FILE or - (network: the positional argument) */
    mz_report r;
} an_opts;

enum { OPT_DB = 256, OPT_EVENTS, OPT_FROM, OPT_TO, OPT_BY, OPT_FORMAT, OPT_SEED, OPT_DYAD,
       OPT_ALPHA, OPT_MIN_SIZE, OPT_DIRECTED,
       OPT_DEDUP };

static void upper(char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
}

/* Handles an option common to the analysis commands; -1 on a bad value (reported). */
static int common_opt(an_opts *o, int ch, char *arg)
{
    switch (ch) {
    case OPT_DB: o->db = arg; return 0;
    case OPT_DIRECTED: o->r.directed = 1; return 0;
    case OPT_DEDUP:
        if (strcmp(arg, "day") != 0) {
            fprintf(stderr, "mizan %s: --dedup takes day\n", o->cmd);
            return -1;
        }
        o->r.dedup = 1;
        return 0;
    case OPT_EVENTS: o->events = arg; return 0;
    case OPT_FROM:
    case OPT_TO:
        if (!mz_filter_date_ok(arg)) {
            fprintf(stderr, "mizan %s: dates are YYYY, YYYY-MM or YYYY-MM-DD\n", o->cmd);
            return -1;
        }
        *(ch == OPT_FROM ? &o->r.from : &o->r.to) = arg;
        return 0;
    case OPT_BY:
        if (!mz_period_parse(arg, &o->r.by)) {
            fprintf(stderr, "mizan %s: --by takes day, week, month or year\n", o->cmd);
            return -1;
        }
        return 0;
    case OPT_FORMAT:
        if (!mz_report_format_ok(o->r.kind, arg)) {
            fprintf(stderr, "mizan %s: unknown format '%s'\n", o->cmd, arg);
            return -1;
        }
        o->r.format = arg;
        return 0;
    case OPT_SEED: {
        char *end;
        o->r.seed = strtoul(arg, &end, 10);
        if (!*arg || *end) {
            fprintf(stderr, "mizan %s: --seed takes a number\n", o->cmd);
            return -1;
        }
        return 0;
    }
    case OPT_ALPHA:
    case OPT_MIN_SIZE: {
        char *end;
        double v = strtod(arg, &end);
        if (!*arg || *end || !(v > 0) || (ch == OPT_ALPHA && v >= 1)) {
            fprintf(stderr, "mizan %s: --%s takes a number%s\n", o->cmd,
                    ch == OPT_ALPHA ? "alpha" : "min-size",
                    ch == OPT_ALPHA ? " between 0 and 1" : " above 0");
            return -1;
        }
        *(ch == OPT_ALPHA ? &o->r.watch.alpha : &o->r.watch.min_size) = v;
        return 0;
    }
    case OPT_DYAD: {
        char *comma = strchr(arg, ',');
        if (!comma || comma == arg || !comma[1] || strchr(comma + 1, ',')) {
            fprintf(stderr, "mizan %s: --dyad takes two codes, A,B\n", o->cmd);
            return -1;
        }
        *comma = '\0';
        upper(arg);
        upper(comma + 1);
        o->r.a = arg;
        o->r.b = comma + 1;
        if (strcmp(o->r.a, o->r.b) == 0) {
            fprintf(stderr, "mizan %s: the two countries must differ\n", o->cmd);
            return -1;
        }
        return 0;
    }
    }
    return -1;
}

/* Parses a command's options into o.  Returns -1 when the command goes on, else the exit
 * status to return at once (0 after --help, 1 after a usage error). */
static int parse_opts(int argc, char **argv, const struct option *longs, void (*usage)(FILE *),
                      an_opts *o)
{
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
        if (ch == 'h') {
            usage(stdout);
            return 0;
        }
        if (ch == '?' || common_opt(o, ch, optarg)) {
            usage(stderr);
            return 1;
        }
    }
    return -1;
}

/* Takes the two positional country codes of dyad and profile. */
static int take_pair(an_opts *o, int argc, char **argv)
{
    if (argc - optind != 2) {
        fprintf(stderr, "mizan %s: give two country codes, e.g. RUS PRK\n", o->cmd);
        return -1;
    }
    upper(argv[optind]);
    upper(argv[optind + 1]);
    o->r.a = argv[optind];
    o->r.b = argv[optind + 1];
    if (strcmp(o->r.a, o->r.b) == 0 || !*o->r.a) {
        fprintf(stderr, "mizan %s: the two countries must differ\n", o->cmd);
        return -1;
    }
    return 0;
}

static int db_and_events(const an_opts *o)
{
    if (o->db && o->events) {
        fprintf(stderr, "mizan %s: read either a database or an events file, not both\n", o->cmd);
        return -1;
    }
    return 0;
}

static void bad_line(void *ctx, const mz_error *err)
{
    (void)ctx;
    mz_cli_report(err);
}

/* Loads the events the report needs into set, ready for it.  Returns 0 when all was read, 1
 * when some lines were bad (reported; the rest is loaded), -1 when nothing could be read. */
static int load(const an_opts *o, mz_evset *set)
{
    mz_error err = {0};
    mz_status rc;
    size_t nbad = 0;
    if (o->events) {
        mz_filter f;
        mz_report_filter(&o->r, &f);
        int std = strcmp(o->events, "-") == 0;
        FILE *in = std ? stdin : fopen(o->events, "r");
        if (!in) {
            perror(o->events);
            return -1;
        }
        rc = mz_evset_read(set, in, std ? "<stdin>" : o->events, &f, bad_line, NULL, &nbad, &err);
        if (!std)
            fclose(in);
        if (rc == MZ_OK && mz_report_prepare(&o->r, set) != MZ_OK)
            rc = mz_fail(&err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
    } else {
        mz_store *st = mz_store_open(o->db ? o->db : DEFAULT_DB, MZ_STORE_READONLY, &err);
        if (!st) {
            mz_cli_report(&err);
            return -1;
        }
        rc = mz_report_load_store(&o->r, st, set, &err);
        mz_store_close(st);
    }
    if (rc != MZ_OK) {
        mz_cli_report(&err);
        return -1;
    }
    return nbad ? 1 : 0;
}

/* Writes the rendered buffer; returns the exit status given how loading went. */
static int emit(const an_opts *o, mz_buf *out, int loaded)
{
    int status = loaded ? 2 : 0;
    if (out->oom) {
        fprintf(stderr, "mizan %s: out of memory\n", o->cmd);
        status = 2;
    } else if ((out->len && fwrite(out->data, 1, out->len, stdout) != out->len) || fflush(stdout)) {
        fprintf(stderr, "mizan %s: cannot write the output\n", o->cmd);
        status = 2;
    }
    mz_buf_free(out);
    return status;
}

/* Loads the events, runs the report and writes it: the body of every analysis command. */
static int run(const an_opts *o)
{
    mz_evset set;
    mz_evset_init(&set, MZ_EVSET_NO_TEXT);
    int loaded = load(o, &set);
    if (loaded < 0) {
        mz_evset_free(&set);
        return 2;
    }
    mz_buf out = MZ_BUF_INIT;
    mz_error err = {0};
    mz_status rc = mz_report_run(&o->r, &set, &out, &err);
    mz_evset_free(&set);
    if (rc != MZ_OK) {
        fprintf(stderr, "mizan %s: %s\n", o->cmd, err.message);
        mz_buf_free(&out);
        return 2;
    }
    return emit(o, &out, loaded);
}

#define COMMON_LONGS                                                                               \
    {"db", required_argument, 0, OPT_DB}, {"from", required_argument, 0, OPT_FROM},              \
    {"to", required_argument, 0, OPT_TO}, {"format", required_argument, 0, OPT_FORMAT},          \
    {"dedup", required_argument, 0, OPT_DEDUP}, {"help", no_argument, 0, 'h'}

/* ---- dyad -------------------------------------------------------------------------------- */

static void dyad_usage(FILE *f)
{
    fputs("usage: mizan dyad A B [options]\n"
          "Per period and direction between countries A and B: events by quad class, Goldstein\n"
          "sum and mean, net cooperation (cooperative minus conflictual events).\n"
          "  --db FILE | --events FILE|-   events from a database (default mizan.db) or JSONL, TSV, CSV\n"
          "  --by day|week|month|year      period (default month)\n"
          "  --from DATE, --to DATE        YYYY, YYYY-MM or YYYY-MM-DD\n"
          "  --dedup day                   count a day's events of one source, target and code once\n"
          "  --format csv|json|svg         output (default csv; svg: a line chart)\n",
          f);
}

int mz_cmd_dyad(int argc, char **argv)
{
    static const struct option longs[] = {COMMON_LONGS, {"events", required_argument, 0, OPT_EVENTS},
                                          {"by", required_argument, 0, OPT_BY}, {0, 0, 0, 0}};
    an_opts o = {.cmd = "dyad"};
    mz_report_init(&o.r, MZ_REPORT_DYAD);
    int done = parse_opts(argc, argv, longs, dyad_usage, &o);
    if (done >= 0)
        return done;
    if (take_pair(&o, argc, argv) || db_and_events(&o))
        return 1;
    return run(&o);
}

/* ---- network ----------------------------------------------------------------------------- */

static void network_usage(FILE *f)
{
    fputs("usage: mizan network [--db FILE | EVENTS.jsonl | -] [options]\n"
          "The signed network of countries and organisations: edges weighted by the Goldstein sum\n"
          "of their events (both directions), blocs by structural balance, and the share of\n"
          "edges the blocs leave unbalanced.\n"
          "  --db FILE | EVENTS.jsonl | -      events from a database (default mizan.db) or JSONL, TSV, CSV\n"
          "  --from DATE, --to DATE            YYYY, YYYY-MM or YYYY-MM-DD\n"
          "  --dedup day                       count a day's events of one source, target and code once\n"
          "  --format json|node-link|graphml|gexf|dot|svg   output (default json; node-link:\n"
          "                                    what networkx.node_link_graph loads)\n"
          "  --directed                        node-link, GraphML, GEXF: one edge per source and\n"
          "                                    target (blocs are still of the undirected graph)\n"
          "  --seed N                          seed of the community detection (default 1)\n",
          f);
}

int mz_cmd_network(int argc, char **argv)
{
    static const struct option longs[] = {COMMON_LONGS, {"seed", required_argument, 0, OPT_SEED},
                                          {"directed", no_argument, 0, OPT_DIRECTED},
                                          {0, 0, 0, 0}};
    an_opts o = {.cmd = "network"};
    mz_report_init(&o.r, MZ_REPORT_NETWORK);
    int done = parse_opts(argc, argv, longs, network_usage, &o);
    if (done >= 0)
        return done;
    if (argc - optind > 1) {
        fprintf(stderr, "mizan network: give at most one events file\n");
        return 1;
    }
    if (argc - optind == 1)
        o.events = argv[optind];
    if (db_and_events(&o))
        return 1;
    return run(&o);
}

/* ---- profile ----------------------------------------------------------------------------- */

static void profile_usage(FILE *f)
{
    fputs("usage: mizan profile A B [options]\n"
          "What A and B give each other by CAMEO root and PLOVER type, the asymmetry and\n"
          "reciprocity of the exchange, the third parties both are in conflict with, and all of\n"
          "it period by period.\n"
          "  --db FILE | --events FILE|-   events from a database (default mizan.db) or JSONL, TSV, CSV\n"
          "  --by day|week|month|year      period of the time table (default year)\n"
          "  --from DATE, --to DATE        YYYY, YYYY-MM or YYYY-MM-DD\n"
          "  --dedup day                   count a day's events of one source, target and code once\n"
          "  --format text|json            output (default text)\n",
          f);
}

int mz_cmd_profile(int argc, char **argv)
{
    static const struct option longs[] = {COMMON_LONGS, {"events", required_argument, 0, OPT_EVENTS},
                                          {"by", required_argument, 0, OPT_BY}, {0, 0, 0, 0}};
    an_opts o = {.cmd = "profile"};
    mz_report_init(&o.r, MZ_REPORT_PROFILE);
    int done = parse_opts(argc, argv, longs, profile_usage, &o);
    if (done >= 0)
        return done;
    if (take_pair(&o, argc, argv) || db_and_events(&o))
        return 1;
    return run(&o);
}

/* ---- watch ------------------------------------------------------------------------------- */

static void watch_usage(FILE *f)
{
    fputs("usage: mizan watch [--dyad A,B] [options]\n"
          "With --dyad: change points in each direction's cooperation series (mean Goldstein per\n"
          "event and period) with date, direction and size.  Without: the dyads whose latest\n"
          "period breaks the linear trend of their earlier ones.\n"
          "  --dyad A,B                    the dyad to examine\n"
          "  --db FILE | --events FILE|-   events from a database (default mizan.db) or JSONL, TSV, CSV\n"
          "  --by day|week|month|year      period (default month)\n"
          "  --from DATE, --to DATE        YYYY, YYYY-MM or YYYY-MM-DD\n"
          "  --dedup day                   count a day's events of one source, target and code once\n"
          "  --alpha P                     significance level (default 0.05)\n"
          "  --min-size X                  smallest shift in mean Goldstein to report (default 1)\n"
          "  --format text|csv|json        output (default text)\n",
          f);
}

int mz_cmd_watch(int argc, char **argv)
{
    static const struct option longs[] = {
        COMMON_LONGS, {"events", required_argument, 0, OPT_EVENTS}, {"by", required_argument, 0, OPT_BY},
        {"dyad", required_argument, 0, OPT_DYAD}, {"alpha", required_argument, 0, OPT_ALPHA},
        {"min-size", required_argument, 0, OPT_MIN_SIZE}, {0, 0, 0, 0}};
    an_opts o = {.cmd = "watch"};
    mz_report_init(&o.r, MZ_REPORT_WATCH);
    int done = parse_opts(argc, argv, longs, watch_usage, &o);
    if (done >= 0)
        return done;
    if (optind < argc) {
        fprintf(stderr, "mizan watch: unexpected argument '%s' (a dyad is given as --dyad A,B)\n",
                argv[optind]);
        return 1;
    }
    if (db_and_events(&o))
        return 1;
    return run(&o);
}
