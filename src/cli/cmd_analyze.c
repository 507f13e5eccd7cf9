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
#include "../analyze/dedup.h"
#include "../analyze/render.h"
#include "../store/store.h"
#include "commands.h"

#define DEFAULT_DB "mizan.db"

/* Options shared by the analysis commands; each command accepts the ones it lists. */
typedef struct an_opts {
    const char *cmd;      /* "dyad", ... for messages */
    const char *db;       /* --db */
    const char *events;   /* --events FILE or - (network: the positional argument) */
    const char *from, *to;
    const char *format;
    mz_period by;
    char *a, *b;          /* the dyad, upper-cased */
    unsigned long seed;
    int directed;         /* network --directed */
    int dedup;            /* --dedup day */
    mz_watch_opts watch;
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

/* Checks that `v` is one of the words of the NULL-terminated list. */
static int one_of(const char *v, const char *const *words)
{
    for (; *words; words++)
        if (strcmp(v, *words) == 0)
            return 1;
    return 0;
}

/* Handles an option common to the analysis commands; -1 on a bad value (reported). */
static int common_opt(an_opts *o, int ch, char *arg, const char *const *formats)
{
    switch (ch) {
    case OPT_DB: o->db = arg; return 0;
    case OPT_DIRECTED: o->directed = 1; return 0;
    case OPT_DEDUP:
        if (strcmp(arg, "day") != 0) {
            fprintf(stderr, "mizan %s: --dedup takes day\n", o->cmd);
            return -1;
        }
        o->dedup = 1;
        return 0;
    case OPT_EVENTS: o->events = arg; return 0;
    case OPT_FROM:
    case OPT_TO:
        if (!mz_filter_date_ok(arg)) {
            fprintf(stderr, "mizan %s: dates are YYYY, YYYY-MM or YYYY-MM-DD\n", o->cmd);
            return -1;
        }
        *(ch == OPT_FROM ? &o->from : &o->to) = arg;
        return 0;
    case OPT_BY:
        if (!mz_period_parse(arg, &o->by)) {
            fprintf(stderr, "mizan %s: --by takes day, week, month or year\n", o->cmd);
            return -1;
        }
        return 0;
    case OPT_FORMAT:
        if (!one_of(arg, formats)) {
            fprintf(stderr, "mizan %s: unknown format '%s'\n", o->cmd, arg);
            return -1;
        }
        o->format = arg;
        return 0;
    case OPT_SEED: {
        char *end;
        o->seed = strtoul(arg, &end, 10);
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
        *(ch == OPT_ALPHA ? &o->watch.alpha : &o->watch.min_size) = v;
        return 0;
    }
    case OPT_DYAD: {
        char *comma = strchr(arg, ',');
        if (!comma || comma == arg || !comma[1] || strchr(comma + 1, ',')) {
            fprintf(stderr, "mizan %s: --dyad takes two codes, A,B\n", o->cmd);
            return -1;
        }
        *comma = '\0';
        o->a = arg;
        o->b = comma + 1;
        upper(o->a);
        upper(o->b);
        if (strcmp(o->a, o->b) == 0) {
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
static int parse_opts(int argc, char **argv, const struct option *longs, const char *const *formats,
                      void (*usage)(FILE *), an_opts *o)
{
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
        if (ch == 'h') {
            usage(stdout);
            return 0;
        }
        if (ch == '?' || common_opt(o, ch, optarg, formats)) {
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
    o->a = argv[optind];
    o->b = argv[optind + 1];
    upper(o->a);
    upper(o->b);
    if (strcmp(o->a, o->b) == 0 || !*o->a) {
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

/* Loads the events the command needs into set (sorted).  Returns 0 when all was read, 1 when
 * some lines were bad (reported; the rest is loaded), -1 when nothing could be read. */
static int load(const an_opts *o, const mz_filter *f, mz_evset *set)
{
    mz_error err = {0};
    mz_status rc;
    size_t nbad = 0;
    if (o->events) {
        int std = strcmp(o->events, "-") == 0;
        FILE *in = std ? stdin : fopen(o->events, "r");
        if (!in) {
            perror(o->events);
            return -1;
        }
        rc = mz_evset_read(set, in, std ? "<stdin>" : o->events, f, bad_line, NULL, &nbad,
                                 &err);
        if (!std)
            fclose(in);
    } else {
        mz_store *st = mz_store_open(o->db ? o->db : DEFAULT_DB, MZ_STORE_READONLY, &err);
        if (!st) {
            mz_cli_report(&err);
            return -1;
        }
        rc = mz_evset_load_store(set, st, f, &err);
        mz_store_close(st);
    }
    if (rc != MZ_OK) {
        mz_cli_report(&err);
        return -1;
    }
    if (o->dedup && mz_evset_dedup_day(set) != MZ_OK) {
        fprintf(stderr, "mizan %s: out of memory\n", o->cmd);
        return -1;
    }
    mz_evset_sort(set);
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

static void report_status(const an_opts *o, mz_status rc)
{
    fprintf(stderr, "mizan %s: %s\n", o->cmd,
            rc == MZ_ERR_LIMIT ? "the time span is too long for this period; try a longer --by"
                               : mz_status_str(rc));
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
    static const char *const formats[] = {"csv", "json", "svg", NULL};
    static const struct option longs[] = {COMMON_LONGS, {"events", required_argument, 0, OPT_EVENTS},
                                          {"by", required_argument, 0, OPT_BY}, {0, 0, 0, 0}};
    an_opts o = {.cmd = "dyad", .format = "csv", .by = MZ_BY_MONTH};
    int done = parse_opts(argc, argv, longs, formats, dyad_usage, &o);
    if (done >= 0)
        return done;
    if (take_pair(&o, argc, argv) || db_and_events(&o))
        return 1;
    mz_filter f = {.from = o.from, .to = o.to, .dyad_a = o.a, .dyad_b = o.b};
    mz_evset set;
    mz_evset_init(&set, MZ_EVSET_NO_TEXT);
    int loaded = load(&o, &f, &set);
    if (loaded < 0) {
        mz_evset_free(&set);
        return 2;
    }
    mz_dyad d;
    mz_status rc = mz_dyad_compute(&set, o.a, o.b, o.by, &d);
    mz_evset_free(&set);
    if (rc != MZ_OK) {
        report_status(&o, rc);
        mz_dyad_free(&d);
        return 2;
    }
    mz_buf out = MZ_BUF_INIT;
    if (strcmp(o.format, "json") == 0)
        mz_render_dyad_json(&out, &d);
    else if (strcmp(o.format, "svg") == 0)
        mz_render_dyad_svg(&out, &d);
    else
        mz_render_dyad_csv(&out, &d);
    mz_dyad_free(&d);
    return emit(&o, &out, loaded);
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
    static const char *const formats[] = {"json", "node-link", "graphml", "gexf", "dot", "svg", NULL};
    static const struct option longs[] = {COMMON_LONGS, {"seed", required_argument, 0, OPT_SEED},
                                          {"directed", no_argument, 0, OPT_DIRECTED},
                                          {0, 0, 0, 0}};
    an_opts o = {.cmd = "network", .format = "json", .seed = 1};
    int done = parse_opts(argc, argv, longs, formats, network_usage, &o);
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
    mz_filter f = {.from = o.from, .to = o.to};
    mz_evset set;
    mz_evset_init(&set, MZ_EVSET_NO_TEXT);
    int loaded = load(&o, &f, &set);
    if (loaded < 0) {
        mz_evset_free(&set);
        return 2;
    }
    mz_network net;
    mz_error err = {0};
    mz_status rc = mz_network_build(&set, &net);
    mz_evset_free(&set);
    if (rc == MZ_OK)
        rc = mz_network_blocs(&net, o.seed, &err);
    if (rc != MZ_OK) {
        if (err.message[0])
            mz_cli_report(&err);
        else
            report_status(&o, rc);
        mz_network_free(&net);
        return 2;
    }
    mz_buf out = MZ_BUF_INIT;
    net.directed = o.directed;
    if (strcmp(o.format, "node-link") == 0)
        mz_render_network_node_link(&out, &net);
    else if (strcmp(o.format, "graphml") == 0)
        mz_render_network_graphml(&out, &net);
    else if (strcmp(o.format, "gexf") == 0)
        mz_render_network_gexf(&out, &net);
    else if (strcmp(o.format, "dot") == 0)
        mz_render_network_dot(&out, &net);
    else if (strcmp(o.format, "svg") == 0)
        mz_render_network_svg(&out, &net);
    else
        mz_render_network_json(&out, &net);
    mz_network_free(&net);
    return emit(&o, &out, loaded);
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
    static const char *const formats[] = {"text", "json", NULL};
    static const struct option longs[] = {COMMON_LONGS, {"events", required_argument, 0, OPT_EVENTS},
                                          {"by", required_argument, 0, OPT_BY}, {0, 0, 0, 0}};
    an_opts o = {.cmd = "profile", .format = "text", .by = MZ_BY_YEAR};
    int done = parse_opts(argc, argv, longs, formats, profile_usage, &o);
    if (done >= 0)
        return done;
    if (take_pair(&o, argc, argv) || db_and_events(&o))
        return 1;
    /* Third parties matter, so every event of either side is loaded, not just the dyad's. */
    mz_filter f = {.from = o.from, .to = o.to};
    mz_evset set;
    mz_evset_init(&set, MZ_EVSET_NO_TEXT);
    int loaded = load(&o, &f, &set);
    if (loaded < 0) {
        mz_evset_free(&set);
        return 2;
    }
    mz_profile p;
    mz_status rc = mz_profile_compute(&set, o.a, o.b, o.by, &p);
    mz_evset_free(&set);
    if (rc != MZ_OK) {
        report_status(&o, rc);
        mz_profile_free(&p);
        return 2;
    }
    mz_buf out = MZ_BUF_INIT;
    if (strcmp(o.format, "json") == 0)
        mz_render_profile_json(&out, &p);
    else
        mz_render_profile_text(&out, &p);
    mz_profile_free(&p);
    return emit(&o, &out, loaded);
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
    static const char *const formats[] = {"text", "csv", "json", NULL};
    static const struct option longs[] = {
        COMMON_LONGS, {"events", required_argument, 0, OPT_EVENTS}, {"by", required_argument, 0, OPT_BY},
        {"dyad", required_argument, 0, OPT_DYAD}, {"alpha", required_argument, 0, OPT_ALPHA},
        {"min-size", required_argument, 0, OPT_MIN_SIZE}, {0, 0, 0, 0}};
    an_opts o = {.cmd = "watch", .format = "text", .by = MZ_BY_MONTH};
    int done = parse_opts(argc, argv, longs, formats, watch_usage, &o);
    if (done >= 0)
        return done;
    if (optind < argc) {
        fprintf(stderr, "mizan watch: unexpected argument '%s' (a dyad is given as --dyad A,B)\n",
                argv[optind]);
        return 1;
    }
    if (db_and_events(&o))
        return 1;
    o.watch.by = o.by;
    mz_watch_defaults(&o.watch);
    mz_filter f = {.from = o.from, .to = o.to, .dyad_a = o.a, .dyad_b = o.b};
    mz_evset set;
    mz_evset_init(&set, MZ_EVSET_NO_TEXT);
    int loaded = load(&o, &f, &set);
    if (loaded < 0) {
        mz_evset_free(&set);
        return 2;
    }
    mz_watch w;
    mz_status rc = o.a ? mz_watch_dyad(&set, o.a, o.b, &o.watch, &w) : mz_watch_all(&set, &o.watch, &w);
    mz_evset_free(&set);
    if (rc != MZ_OK) {
        report_status(&o, rc);
        mz_watch_free(&w);
        return 2;
    }
    mz_buf out = MZ_BUF_INIT;
    if (strcmp(o.format, "json") == 0)
        mz_render_watch_json(&out, &w);
    else if (strcmp(o.format, "csv") == 0)
        mz_render_watch_csv(&out, &w);
    else
        mz_render_watch_text(&out, &w, &o.watch);
    mz_watch_free(&w);
    return emit(&o, &out, loaded);
}
