/* Unit tests of the analyses on small fixed event sets with answers worked out by hand: JSONL
 * loading, calendar periods, dyad sums, the signed network and its blocs, change points and
 * trend breaks, exchange profiles, and the renderers' number and CSV formats. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "analyze/events.h"
#include "analyze/render.h"
#include "mizan.h"

/* ---- helpers ----------------------------------------------------------------------------- */

/* Adds an event src→tgt (country codes) with a CAMEO code; quad and Goldstein given. */
static void add(mz_evset *set, const char *date, const char *src, const char *tgt,
                const char *code, int quad, double gold, const char *plover)
{
    char root[3] = {code[0], code[1], 0};
    mz_event e = {.doc = "d", .date = date, .lang = "en", .source = src, .target = tgt,
                  .source_country = src, .target_country = tgt, .code = code, .root = root,
                  .quad = quad, .goldstein = gold, .plover = plover, .text = "t",
                  .ev_source = "", .ev_target = "", .ev_verb = ""};
    assert_int_equal(mz_evset_add(set, &e), MZ_OK);
}

static int bloc_of(const mz_network *net, const char *id)
{
    for (size_t i = 0; i < net->nnodes; i++)
        if (strcmp(net->nodes[i].id, id) == 0)
            return net->nodes[i].bloc;
    return -1;
}

static const mz_net_edge *edge(const mz_network *net, const char *a, const char *b)
{
    for (size_t i = 0; i < net->nedges; i++)
        if (strcmp(net->nodes[net->edges[i].a].id, a) == 0 &&
            strcmp(net->nodes[net->edges[i].b].id, b) == 0)
            return &net->edges[i];
    return NULL;
}

/* A small deterministic noise in [-0.3, 0.3]. */
static double noise(size_t i) { return (double)((int)((i * 7 + 3) % 7) - 3) * 0.1; }

/* ---- loading ----------------------------------------------------------------------------- */

typedef struct bad_lines {
    long lines[8];
    int n;
} bad_lines;

static void on_bad(void *ctx, const mz_error *err)
{
    bad_lines *b = ctx;
    if (b->n < 8)
        b->lines[b->n++] = err->line;
}

static void jsonl_loads_valid_and_reports_bad_lines(void **state)
{
    (void)state;
    const char *text =
        "{\"doc\":\"a\",\"sentence\":2,\"date\":\"2024-06-19\",\"lang\":\"en\",\"source\":\"RUSGOV\","
        "\"target\":\"PRK\",\"source_country\":\"RUS\",\"target_country\":\"PRK\",\"code\":\"072\","
        "\"root\":\"07\",\"quad\":2,\"goldstein\":8.3,\"plover\":\"AID\",\"mood\":\"intent\","
        "\"text\":\"x\",\"evidence\":{\"source\":\"Russia\",\"target\":\"North Korea\",\"verb\":\"gave\"}}\n"
        "\n"
        "not json\n"
        "{\"source\":\"A\",\"target\":\"B\",\"code\":\"072\",\"goldstein\":1}\n"          /* no quad */
        "{\"source\":\"A\",\"target\":\"B\",\"code\":\"072\",\"quad\":2,\"goldstein\":1,"
        "\"date\":\"19 June\"}\n"                                                           /* bad date */
        "{\"source\":\"USA\",\"target\":\"RUS\",\"source_country\":\"USA\","
        "\"target_country\":\"RUS\",\"code\":163,\"quad\":4,\"goldstein\":-8}\n";         /* numeric code */
    FILE *in = fmemopen((void *)text, strlen(text), "r");
    assert_non_null(in);
    mz_evset set;
    mz_evset_init(&set, 0);
    bad_lines bad = {{0}, 0};
    size_t nbad = 0;
    mz_error err = {0};
    assert_int_equal(mz_evset_read_jsonl(&set, in, "t.jsonl", NULL, on_bad, &bad, &nbad, &err), MZ_OK);
    fclose(in);
    assert_int_equal(set.n, 2);
    assert_int_equal(nbad, 3);
    assert_int_equal(bad.n, 3);
    assert_int_equal(bad.lines[0], 3);
    assert_int_equal(bad.lines[1], 4);
    assert_int_equal(bad.lines[2], 5);
    const mz_event *e = &set.ev[0];
    assert_string_equal(e->doc, "a");
    assert_int_equal(e->sentence, 2);
    assert_string_equal(e->source_country, "RUS");
    assert_string_equal(e->root, "07");
    assert_int_equal(e->quad, 2);
    assert_true(fabs(e->goldstein - 8.3) < 1e-9);
    assert_int_equal(e->mood, MZ_MOOD_INTENT);
    assert_string_equal(e->ev_target, "North Korea");
    assert_string_equal(set.ev[1].code, "163");
    assert_string_equal(set.ev[1].root, "16");
    assert_string_equal(set.ev[1].date, "");
    mz_evset_free(&set);
}

static void jsonl_applies_the_filter(void **state)
{
    (void)state;
    const char *text =
        "{\"source\":\"A\",\"target\":\"B\",\"source_country\":\"RUS\",\"target_country\":\"PRK\","
        "\"code\":\"072\",\"quad\":2,\"goldstein\":8.3,\"date\":\"2023-12-31\"}\n"
        "{\"source\":\"A\",\"target\":\"B\",\"source_country\":\"RUS\",\"target_country\":\"PRK\","
        "\"code\":\"072\",\"quad\":2,\"goldstein\":8.3,\"date\":\"2024-12-31\"}\n"
        "{\"source\":\"A\",\"target\":\"B\",\"source_country\":\"RUS\",\"target_country\":\"PRK\","
        "\"code\":\"072\",\"quad\":2,\"goldstein\":8.3,\"date\":\"\"}\n";
    FILE *in = fmemopen((void *)text, strlen(text), "r");
    mz_evset set;
    mz_evset_init(&set, MZ_EVSET_NO_TEXT);
    mz_filter f = {.from = "2024", .to = "2024"};
    assert_int_equal(mz_evset_read_jsonl(&set, in, "t", &f, NULL, NULL, NULL, NULL), MZ_OK);
    fclose(in);
    assert_int_equal(set.n, 1);
    assert_string_equal(set.ev[0].date, "2024-12-31");
    mz_evset_free(&set);
}

/* ---- periods ----------------------------------------------------------------------------- */

static void periods_label_and_count(void **state)
{
    (void)state;
    long p, q;
    char label[16], start[11];
    assert_true(mz_period_of("2024-06-19", MZ_BY_WEEK, &p));
    mz_period_label(p, MZ_BY_WEEK, label);
    mz_period_start(p, MZ_BY_WEEK, start);
    assert_string_equal(label, "2024-W25");
    assert_string_equal(start, "2024-06-17");  /* a Monday */
    assert_true(mz_period_of("2021-01-03", MZ_BY_WEEK, &p));  /* Sunday of ISO 2020-W53 */
    mz_period_label(p, MZ_BY_WEEK, label);
    assert_string_equal(label, "2020-W53");
    assert_true(mz_period_of("2024-12-31", MZ_BY_MONTH, &p));
    assert_true(mz_period_of("2025-01-01", MZ_BY_MONTH, &q));
    assert_int_equal(q - p, 1);
    mz_period_label(q, MZ_BY_MONTH, label);
    assert_string_equal(label, "2025-01");
    assert_true(mz_period_of("2024-02-29", MZ_BY_DAY, &p));
    assert_true(mz_period_of("2024-03-01", MZ_BY_DAY, &q));
    assert_int_equal(q - p, 1);
    mz_period_label(p, MZ_BY_DAY, label);
    assert_string_equal(label, "2024-02-29");
    assert_true(mz_period_of("1970-01-01", MZ_BY_DAY, &p));
    assert_int_equal(p, 0);
    assert_true(mz_period_of("2023-05-05", MZ_BY_YEAR, &p));
    mz_period_label(p, MZ_BY_YEAR, label);
    assert_string_equal(label, "2023");
    assert_false(mz_period_of("", MZ_BY_DAY, &p));
    assert_false(mz_period_of("2024-13-01", MZ_BY_DAY, &p));
    mz_period by;
    assert_true(mz_period_parse("week", &by));
    assert_int_equal(by, MZ_BY_WEEK);
    assert_false(mz_period_parse("quarter", &by));
}

/* ---- dyads ------------------------------------------------------------------------------- */

static void dyad_sums_by_hand(void **state)
{
    (void)state;
    mz_evset set;
    mz_evset_init(&set, 0);
    /* January: RUS→PRK 072 (+8.3), 057 (+8.0); PRK→RUS 112 (-2.0).
     * February: nothing.  March: RUS→PRK 163 (-8.0); PRK→RUS 040 (+1.0), 030 (+4.0).
     * Undated RUS→PRK 040 (+1.0).  Noise: USA→RUS, RUS→RUS. */
    add(&set, "2024-01-05", "RUS", "PRK", "072", 2, 8.3, "AID");
    add(&set, "2024-01-20", "RUS", "PRK", "057", 1, 8.0, "AGREE");
    add(&set, "2024-01-21", "PRK", "RUS", "112", 3, -2.0, "ACCUSE");
    add(&set, "2024-03-02", "RUS", "PRK", "163", 4, -8.0, "SANCTION");
    add(&set, "2024-03-09", "PRK", "RUS", "040", 1, 1.0, "CONSULT");
    add(&set, "2024-03-30", "PRK", "RUS", "030", 1, 4.0, "AGREE");
    add(&set, "", "RUS", "PRK", "040", 1, 1.0, "CONSULT");
    add(&set, "2024-02-10", "USA", "RUS", "163", 4, -8.0, "SANCTION");
    add(&set, "2024-02-11", "RUS", "RUS", "040", 1, 1.0, "CONSULT");
    mz_dyad d;
    assert_int_equal(mz_dyad_compute(&set, "RUS", "PRK", MZ_BY_MONTH, &d), MZ_OK);
    assert_int_equal(d.nrows, 6);  /* Jan, Feb, Mar × 2 directions */
    assert_int_equal(d.undated, 1);
    const mz_dyad_row *jan0 = &d.rows[0], *jan1 = &d.rows[1], *feb0 = &d.rows[2], *mar0 = &d.rows[4],
                      *mar1 = &d.rows[5];
    assert_string_equal(jan0->label, "2024-01");
    assert_int_equal(jan0->dir, 0);
    assert_int_equal(jan0->events, 2);
    assert_true(fabs(jan0->gold_sum - 16.3) < 1e-9);
    assert_true(fabs(jan0->gold_mean - 8.15) < 1e-9);
    assert_int_equal(jan0->quad[0], 1);
    assert_int_equal(jan0->quad[1], 1);
    assert_int_equal(jan0->net_coop, 2);
    assert_int_equal(jan1->dir, 1);
    assert_int_equal(jan1->events, 1);
    assert_int_equal(jan1->net_coop, -1);
    assert_true(fabs(jan1->gold_sum + 2.0) < 1e-9);
    assert_string_equal(feb0->label, "2024-02");
    assert_int_equal(feb0->events, 0);
    assert_true(isnan(feb0->gold_mean));
    assert_int_equal(mar0->events, 1);
    assert_int_equal(mar0->quad[3], 1);
    assert_int_equal(mar0->net_coop, -1);
    assert_int_equal(mar1->events, 2);
    assert_true(fabs(mar1->gold_sum - 5.0) < 1e-9);
    assert_true(fabs(mar1->gold_mean - 2.5) < 1e-9);
    /* totals include the undated event */
    assert_int_equal(d.total[0].events, 4);
    assert_true(fabs(d.total[0].gold_sum - 9.3) < 1e-9);
    assert_int_equal(d.total[1].events, 3);
    assert_true(fabs(d.total[1].gold_sum - 3.0) < 1e-9);
    mz_buf b = MZ_BUF_INIT;
    mz_render_dyad_csv(&b, &d);
    assert_non_null(strstr(b.data, "\n2024-01,2024-01-01,RUS,PRK,2,1,1,0,0,16.3,8.15,2\n"));
    assert_non_null(strstr(b.data, "\n2024-02,2024-02-01,RUS,PRK,0,0,0,0,0,0,,0\n"));
    mz_buf_clear(&b);
    mz_render_dyad_svg(&b, &d);
    assert_non_null(strstr(b.data, "<polyline"));
    assert_non_null(strstr(b.data, "</svg>"));
    mz_buf_free(&b);
    mz_dyad_free(&d);
    mz_evset_free(&set);
}

/* ---- network ----------------------------------------------------------------------------- */

/* Two planted blocs, {A1..A4} and {B1..B4}: cooperation inside, conflict across. */
static void planted_blocs(mz_evset *set, int frustrate)
{
    const char *A[] = {"AAA", "ABB", "ACC", "ADD"}, *B[] = {"BAA", "BBB", "BCC", "BDD"};
    for (int i = 0; i < 4; i++) {
        for (int j = i + 1; j < 4; j++) {
            add(set, "2024-01-01", A[i], A[j], "057", 1, 8.0, "AGREE");
            add(set, "2024-01-01", B[j], B[i], "061", 2, 6.4, "COOPERATE");
        }
        add(set, "2024-01-01", A[i], B[i], "190", 4, -10.0, "FIGHT");
        add(set, "2024-01-01", B[(i + 1) % 4], A[i], "112", 3, -2.0, "ACCUSE");
    }
    if (frustrate)  /* one cross-bloc friendship the partition must leave unbalanced */
        add(set, "2024-01-01", "AAA", "BCC", "040", 1, 1.0, "CONSULT");
}

static void network_splits_planted_blocs(void **state)
{
    (void)state;
    for (int frustrate = 0; frustrate < 2; frustrate++) {
        mz_evset set;
        mz_evset_init(&set, 0);
        planted_blocs(&set, frustrate);
        mz_network net;
        mz_error err = {0};
        assert_int_equal(mz_network_build(&set, &net), MZ_OK);
        assert_int_equal(net.nnodes, 8);
        assert_int_equal(net.nedges, 12 + 8 + frustrate);
        assert_int_equal(mz_network_blocs(&net, 1, &err), MZ_OK);
        assert_int_equal(net.nblocs, 2);
        int a = bloc_of(&net, "AAA"), b = bloc_of(&net, "BAA");
        assert_true(a != b);
        for (const char *const *id = (const char *const[]){"ABB", "ACC", "ADD", NULL}; *id; id++)
            assert_int_equal(bloc_of(&net, *id), a);
        for (const char *const *id = (const char *const[]){"BBB", "BCC", "BDD", NULL}; *id; id++)
            assert_int_equal(bloc_of(&net, *id), b);
        assert_int_equal(net.signed_edges, 20 + frustrate);
        assert_int_equal(net.unbalanced_edges, frustrate);
        mz_network_free(&net);
        mz_evset_free(&set);
    }
}

static void network_is_deterministic_and_positive_groups_stay_whole(void **state)
{
    (void)state;
    mz_evset set;
    mz_evset_init(&set, 0);
    /* a dense all-positive group of six: balance wants one bloc (modularity might split it) */
    const char *ids[] = {"C1", "C2", "C3", "C4", "C5", "C6"};
    for (int i = 0; i < 6; i++)
        for (int j = i + 1; j < 6; j++)
            if ((i + j) % 3)  /* not complete, still connected */
                add(&set, "2024-01-01", ids[i], ids[j], "040", 1, 1.0, "CONSULT");
    mz_network n1, n2;
    assert_int_equal(mz_network_build(&set, &n1), MZ_OK);
    assert_int_equal(mz_network_build(&set, &n2), MZ_OK);
    assert_int_equal(mz_network_blocs(&n1, 7, NULL), MZ_OK);
    assert_int_equal(mz_network_blocs(&n2, 7, NULL), MZ_OK);
    assert_int_equal(n1.nblocs, 1);
    assert_true(n1.unbalanced == 0.0);
    for (size_t i = 0; i < n1.nnodes; i++)
        assert_int_equal(n1.nodes[i].bloc, n2.nodes[i].bloc);
    mz_network_free(&n1);
    mz_network_free(&n2);
    mz_evset_free(&set);
}

/* The alliance system of the seed article, as `mizan code` codes it. */
static void network_seed_like_graph_and_exact_json(void **state)
{
    (void)state;
    mz_evset set;
    mz_evset_init(&set, 0);
    add(&set, "2025-01-15", "PRK", "RUS", "072", 2, 8.3, "AID");
    add(&set, "2025-01-15", "RUS", "PRK", "072", 2, 8.3, "AID");
    add(&set, "2025-01-15", "RUS", "UKR", "190", 4, -10.0, "FIGHT");
    add(&set, "2025-01-15", "USA", "PRK", "163", 4, -8.0, "SANCTION");
    add(&set, "2025-01-15", "USA", "RUS", "163", 4, -8.0, "SANCTION");
    add(&set, "2025-01-15", "USA", "KOR", "062", 2, 7.4, "COOPERATE");
    add(&set, "2025-01-15", "RUS", "RUS", "040", 1, 1.0, "CONSULT");  /* self: left out */
    add(&set, "2025-01-15", "RUS", "", "040", 1, 1.0, "CONSULT");     /* no country: left out */
    mz_network net;
    assert_int_equal(mz_network_build(&set, &net), MZ_OK);
    assert_int_equal(mz_network_blocs(&net, 1, NULL), MZ_OK);
    assert_int_equal(bloc_of(&net, "RUS"), bloc_of(&net, "PRK"));
    assert_true(bloc_of(&net, "USA") != bloc_of(&net, "RUS"));
    assert_true(edge(&net, "PRK", "RUS")->weight > 0);
    assert_true(edge(&net, "PRK", "USA")->weight < 0);
    assert_true(edge(&net, "RUS", "USA")->weight < 0);
    mz_buf b = MZ_BUF_INIT;
    mz_render_network_json(&b, &net);
    int r = bloc_of(&net, "RUS"), u = bloc_of(&net, "USA");
    char want[1024];
    snprintf(want, sizeof want,
             "{\"nodes\":[{\"id\":\"KOR\",\"bloc\":%d,\"events\":1},{\"id\":\"PRK\",\"bloc\":%d,\"events\":3},"
             "{\"id\":\"RUS\",\"bloc\":%d,\"events\":4},{\"id\":\"UKR\",\"bloc\":%d,\"events\":1},"
             "{\"id\":\"USA\",\"bloc\":%d,\"events\":3}],"
             "\"edges\":[{\"a\":\"KOR\",\"b\":\"USA\",\"weight\":7.4,\"events\":1},"
             "{\"a\":\"PRK\",\"b\":\"RUS\",\"weight\":16.6,\"events\":2},"
             "{\"a\":\"PRK\",\"b\":\"USA\",\"weight\":-8,\"events\":1},"
             "{\"a\":\"RUS\",\"b\":\"UKR\",\"weight\":-10,\"events\":1},"
             "{\"a\":\"RUS\",\"b\":\"USA\",\"weight\":-8,\"events\":1}],\"unbalanced\":0}\n",
             u, r, r, bloc_of(&net, "UKR"), u);
    assert_string_equal(b.data, want);
    assert_int_equal(bloc_of(&net, "KOR"), u);
    assert_true(bloc_of(&net, "UKR") != r);
    /* the other formats carry the same graph */
    mz_buf_clear(&b);
    mz_render_network_graphml(&b, &net);
    assert_non_null(strstr(b.data, "<edge source=\"PRK\" target=\"RUS\"><data key=\"weight\">16.6</data>"));
    mz_buf_clear(&b);
    mz_render_network_gexf(&b, &net);
    assert_non_null(strstr(b.data, "source=\"RUS\" target=\"USA\" weight=\"8\"><attvalues>"
                                   "<attvalue for=\"goldstein\" value=\"-8\"/>"));
    /* directed: one edge per source and target */
    net.directed = 1;
    mz_buf_clear(&b);
    mz_render_network_graphml(&b, &net);
    assert_non_null(strstr(b.data, "edgedefault=\"directed\""));
    mz_buf_clear(&b);
    mz_render_network_gexf(&b, &net);
    assert_non_null(strstr(b.data, "defaultedgetype=\"directed\""));
    assert_true(net.narcs >= net.nedges);
    net.directed = 0;
    mz_buf_clear(&b);
    mz_render_network_dot(&b, &net);
    assert_non_null(strstr(b.data, "\"PRK\" -- \"RUS\" [goldstein=16.6"));
    mz_buf_clear(&b);
    mz_render_network_svg(&b, &net);
    assert_non_null(strstr(b.data, "<circle"));
    assert_false(b.oom);
    mz_buf_free(&b);
    mz_network_free(&net);
    mz_evset_free(&set);
}

static void network_of_nothing(void **state)
{
    (void)state;
    mz_evset set;
    mz_evset_init(&set, 0);
    mz_network net;
    assert_int_equal(mz_network_build(&set, &net), MZ_OK);
    assert_int_equal(mz_network_blocs(&net, 1, NULL), MZ_OK);
    mz_buf b = MZ_BUF_INIT;
    mz_render_network_json(&b, &net);
    assert_string_equal(b.data, "{\"nodes\":[],\"edges\":[],\"unbalanced\":0}\n");
    mz_buf_free(&b);
    mz_network_free(&net);
    mz_evset_free(&set);
}

/* ---- change points ----------------------------------------------------------------------- */

static void changepoint_found_at_planted_index(void **state)
{
    (void)state;
    double x[24];
    for (size_t i = 0; i < 24; i++)
        x[i] = (i < 14 ? 5.0 : -2.0) + noise(i);
    size_t cps[8];
    double p[8];
    mz_watch_opts o = {.by = MZ_BY_MONTH};
    size_t n = mz_changepoints(x, 24, &o, cps, p, 8);
    assert_int_equal(n, 1);
    assert_int_equal(cps[0], 14);
    assert_true(p[0] < 0.001);
    /* a flat noisy series has none */
    for (size_t i = 0; i < 24; i++)
        x[i] = 3.0 + noise(i) * 3;
    assert_int_equal(mz_changepoints(x, 24, &o, cps, p, 8), 0);
    /* two planted changes */
    double y[30];
    for (size_t i = 0; i < 30; i++)
        y[i] = (i < 10 ? 4.0 : i < 20 ? -5.0 : 2.0) + noise(i);
    n = mz_changepoints(y, 30, &o, cps, NULL, 8);
    assert_int_equal(n, 2);
    assert_int_equal(cps[0], 10);
    assert_int_equal(cps[1], 20);
}

static void watch_dyad_dates_the_change(void **state)
{
    (void)state;
    mz_evset set;
    mz_evset_init(&set, 0);
    char date[24];
    /* RUS→PRK: cooperation every month of 2023 to June 2024, then conflict from July 2024. */
    for (int m = 0; m < 24; m++) {
        snprintf(date, sizeof date, "%04d-%02d-15", 2023 + m / 12, m % 12 + 1);
        int after = m >= 18;
        add(&set, date, "RUS", "PRK", after ? "112" : "057", after ? 3 : 1,
            (after ? -4.0 : 6.0) + noise((size_t)m), after ? "ACCUSE" : "AGREE");
        add(&set, date, "PRK", "RUS", "040", 1, 1.0 + noise((size_t)m + 3), "CONSULT");
    }
    mz_watch_opts o = {.by = MZ_BY_MONTH};
    mz_watch w;
    assert_int_equal(mz_watch_dyad(&set, "RUS", "PRK", &o, &w), MZ_OK);
    assert_int_equal(w.nchanges, 1);
    assert_string_equal(w.changes[0].src, "RUS");
    assert_string_equal(w.changes[0].tgt, "PRK");
    assert_string_equal(w.changes[0].label, "2024-07");
    assert_string_equal(w.changes[0].start, "2024-07-01");
    assert_true(w.changes[0].size < -9 && w.changes[0].size > -11);
    mz_buf b = MZ_BUF_INIT;
    mz_render_watch_csv(&b, &w);
    assert_non_null(strstr(b.data, "change,RUS,PRK,2024-07,2024-07-01,down,"));
    mz_buf_clear(&b);
    mz_render_watch_json(&b, &w);
    assert_non_null(strstr(b.data, "\"period\":\"2024-07\""));
    mz_buf_free(&b);
    mz_watch_free(&w);
    mz_evset_free(&set);
}

static void watch_all_flags_a_broken_latest_period(void **state)
{
    (void)state;
    mz_evset set;
    mz_evset_init(&set, 0);
    char date[24];
    for (int m = 0; m < 10; m++) {
        snprintf(date, sizeof date, "2024-%02d-10", m + 1);
        /* CHN→RUS: a gentle upward trend, then a collapse in the last month */
        double g = m < 9 ? 2.0 + 0.3 * m + noise((size_t)m) * 0.5 : -8.0;
        add(&set, date, "CHN", "RUS", m < 9 ? "040" : "163", m < 9 ? 1 : 4, g, "X");
        /* IND→RUS: the same trend, kept */
        add(&set, date, "IND", "RUS", "040", 1, 2.0 + 0.3 * m + noise((size_t)m) * 0.5, "X");
    }
    mz_watch_opts o = {.by = MZ_BY_MONTH};
    mz_watch w;
    assert_int_equal(mz_watch_all(&set, &o, &w), MZ_OK);
    assert_int_equal(w.nbreaks, 1);
    assert_string_equal(w.breaks[0].src, "CHN");
    assert_string_equal(w.breaks[0].tgt, "RUS");
    assert_string_equal(w.breaks[0].label, "2024-10");
    assert_true(fabs(w.breaks[0].expected - 4.7) < 0.5);
    assert_true(w.breaks[0].observed == -8.0);
    assert_int_equal(w.breaks[0].history, 9);
    mz_watch_free(&w);
    mz_evset_free(&set);
}

/* ---- profile ----------------------------------------------------------------------------- */

static void profile_by_hand(void **state)
{
    (void)state;
    mz_evset set;
    mz_evset_init(&set, 0);
    add(&set, "2023-03-01", "RUS", "PRK", "0712", 2, 8.3, "AID");
    add(&set, "2023-05-01", "RUS", "PRK", "057", 1, 8.0, "SUPPORT");
    add(&set, "2024-05-01", "RUS", "PRK", "072", 2, 8.3, "AID");
    add(&set, "2023-04-01", "PRK", "RUS", "072", 2, 8.3, "AID");
    add(&set, "2024-04-01", "PRK", "RUS", "040", 1, 1.0, "CONSULT");
    add(&set, "2025-04-01", "PRK", "RUS", "040", 1, 1.0, "CONSULT");
    /* USA: conflict with both → shared enemy; CHN: conflict with RUS only; UKR: net positive
     * with PRK → not shared */
    add(&set, "2024-01-01", "USA", "RUS", "163", 4, -8.0, "SANCTION");
    add(&set, "2024-01-01", "PRK", "USA", "111", 3, -2.0, "ACCUSE");
    add(&set, "2024-01-01", "CHN", "RUS", "111", 3, -2.0, "ACCUSE");
    add(&set, "2024-01-01", "UKR", "RUS", "190", 4, -10.0, "FIGHT");
    add(&set, "2024-01-01", "PRK", "UKR", "111", 3, -2.0, "ACCUSE");
    add(&set, "2024-02-01", "PRK", "UKR", "040", 1, 3.0, "CONSULT");
    mz_profile p;
    assert_int_equal(mz_profile_compute(&set, "RUS", "PRK", MZ_BY_YEAR, &p), MZ_OK);
    assert_int_equal(p.give[0].events, 3);
    assert_true(fabs(p.give[0].gold - 24.6) < 1e-9);
    assert_int_equal(p.give[0].nroots, 2);
    assert_string_equal(p.give[0].roots[0].key, "07");
    assert_int_equal(p.give[0].roots[0].events, 2);
    assert_string_equal(p.give[0].plover[0].key, "AID");
    assert_int_equal(p.give[1].events, 3);
    assert_true(fabs(p.give[1].gold - 10.3) < 1e-9);
    assert_string_equal(p.give[1].plover[0].key, "CONSULT");
    /* (24.6 - 10.3) / (24.6 + 10.3) */
    assert_true(fabs(p.asymmetry - 14.3 / 34.9) < 1e-9);
    assert_int_equal(p.nenemies, 1);
    assert_string_equal(p.enemies[0].id, "USA");
    assert_int_equal(p.enemies[0].events_a, 1);
    assert_int_equal(p.enemies[0].events_b, 1);
    assert_true(fabs(p.enemies[0].gold_a + 8.0) < 1e-9);
    assert_true(fabs(p.enemies[0].gold_b + 2.0) < 1e-9);
    /* years 2023..2025: RUS→PRK 16.3, 8.3, 0; PRK→RUS 8.3, 1, 1 */
    assert_int_equal(p.nperiods, 3);
    assert_string_equal(p.periods[0].label, "2023");
    assert_true(fabs(p.periods[0].gold[0] - 16.3) < 1e-9);
    assert_int_equal(p.periods[1].nenemies, 1);
    assert_int_equal(p.periods[0].nenemies, 0);
    /* Pearson r of (16.3, 8.3, 0) and (8.3, 1, 1) */
    double x[3] = {16.3, 8.3, 0}, y[3] = {8.3, 1, 1}, mx = 24.6 / 3, my = 10.3 / 3, sxy = 0,
           sxx = 0, syy = 0;
    for (int i = 0; i < 3; i++) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    assert_true(fabs(p.reciprocity - sxy / sqrt(sxx * syy)) < 1e-9);
    mz_buf b = MZ_BUF_INIT;
    mz_render_profile_json(&b, &p);
    assert_non_null(strstr(b.data, "{\"root\":\"07\",\"name\":\"provide aid\",\"events\":2,\"goldstein\":16.6}"));
    mz_buf_clear(&b);
    mz_render_profile_text(&b, &p);
    assert_non_null(strstr(b.data, "USA"));
    assert_false(b.oom);
    mz_buf_free(&b);
    mz_profile_free(&p);
    mz_evset_free(&set);
}

/* ---- renderers --------------------------------------------------------------------------- */

static void numbers_and_csv_quoting(void **state)
{
    (void)state;
    mz_buf b = MZ_BUF_INIT;
    mz_render_num(&b, 0.1 + 0.2, "null");
    mz_buf_putc(&b, ' ');
    mz_render_num(&b, -0.0000001, "null");
    mz_buf_putc(&b, ' ');
    mz_render_num(&b, -10, "null");
    mz_buf_putc(&b, ' ');
    mz_render_num(&b, NAN, "null");
    mz_buf_putc(&b, ' ');
    mz_render_num(&b, 2.0 / 3.0, "null");
    assert_string_equal(b.data, "0.3 0 -10 null 0.666667");
    mz_buf_clear(&b);
    mz_event e = {.doc = "d,1", .date = "2024-01-01", .lang = "en", .source = "A", .target = "B",
                  .source_country = "A", .target_country = "B", .code = "072", .root = "07",
                  .quad = 2, .goldstein = 8.3, .plover = "AID", .text = "He said \"yes\",\nthen left",
                  .ev_source = "", .ev_target = "", .ev_verb = ""};
    e.outlet = "Agence, \"X\"";
    mz_render_event_csv(&b, &e);
    char id[17];
    mz_event_id(&e, id);
    char want[256];
    snprintf(want, sizeof want, "\"d,1\",0,2024-01-01,en,A,B,A,B,072,07,2,8.3,AID,fact,"
             "\"He said \"\"yes\"\",\nthen left\",,,,%s,\"Agence, \"\"X\"\"\",\n", id);
    assert_string_equal(b.data, want);
    mz_buf_free(&b);
    assert_string_equal(mz_cameo_root_name("19"), "fight");
    assert_string_equal(mz_cameo_root_name("21"), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonl_loads_valid_and_reports_bad_lines),
        cmocka_unit_test(jsonl_applies_the_filter),
        cmocka_unit_test(periods_label_and_count),
        cmocka_unit_test(dyad_sums_by_hand),
        cmocka_unit_test(network_splits_planted_blocs),
        cmocka_unit_test(network_is_deterministic_and_positive_groups_stay_whole),
        cmocka_unit_test(network_seed_like_graph_and_exact_json),
        cmocka_unit_test(network_of_nothing),
        cmocka_unit_test(changepoint_found_at_planted_index),
        cmocka_unit_test(watch_dyad_dates_the_change),
        cmocka_unit_test(watch_all_flags_a_broken_latest_period),
        cmocka_unit_test(profile_by_hand),
        cmocka_unit_test(numbers_and_csv_quoting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
