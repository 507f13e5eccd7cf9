/*
 * cmd_salience.c — `mizan train-salience`: trains the salience model (src/dict/salience.h) on
 * sentences labelled for whether they report a new event of a type (the detection sets of
 * `mizan eval`: {"id","text","event","label"}, label "yes", "easy no", "difficult no" or
 * "ambiguous", the last skipped).
 *
 * Each labelled sentence is coded alone, keeping every act (MZ_CODE_ALL_ACTS) and its features;
 * the acts of the sentence's event type are the examples, each with the sentence's label.  The
 * model is logistic regression over the hashed features, fitted by stochastic gradient descent
 * with the positive examples weighted to balance the classes, as the mean of the fits in five
 * fixed random orders (deterministic).
 * A sentence is flagged when one of its acts scores at least its type's threshold, or an act told
 * with both parties named scores at least the told threshold (--told-threshold), a floor far
 * under the others: such acts are mostly news in the gold of real text, and are dropped only
 * where the model is all but sure they are not (a war of 1973, a statistic of attacks), and only
 * in a dated document, as the coder does: a sentence's document is dated by its record's "date",
 * else by the date its id carries (record_date).
 *
 * The figures printed come from K-fold cross-validation over sentences (sentence i is in fold
 * i mod K): each fold is flagged by a model trained on the other folds, at a threshold chosen by
 * a cross-validation inside those folds alone (nested), so neither the weights nor the threshold
 * have seen the sentences they are scored on.  The model written with -o is trained on every
 * sentence, at the thresholds a cross-validation over all of them chooses.
 *
 * Each event type has its threshold (their base rates and scores differ), chosen as the one with
 * the best F1 among those whose precision reaches a floor (--min-precision, 0.5 by default: an
 * analyst counting events of a type wants at least half of them right); when none reaches it,
 * the one with the best F1.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../code/coder.h"
#include "../util/vec.h"
#include "commands.h"
#include "eval.h"

enum { DIMS = 1 << 18, MAX_SETS = 16 };

enum { TOLD_NO, TOLD_JUDGED, TOLD_ALWAYS };

typedef struct example {
    uint32_t *f;
    int n;
    size_t sentence;
    char *what;    /* with --errors: "SOURCE CODE TARGET: verb" */
    int told;      /* told with both parties named (mz_salience_told): TOLD_JUDGED in a dated
                    * document, TOLD_ALWAYS (news, as the coder has it) in an undated one */
} example;

typedef struct tsent {
    int label;     /* 1 yes, 0 no */
    int difficult; /* labelled "difficult no" */
    int set;
    size_t first, n; /* its examples */
    char *id, *text; /* with --errors */
} tsent;

typedef struct trainer {
    mz_coder *coder;
    const char *lang;
    int set;
    char events[MAX_SETS][16];
    int type_of_set[MAX_SETS]; /* index into types */
    char types[MAX_SETS][16];
    int ntypes;
    double min_precision;
    double told_threshold; /* of acts told with both parties named */
    int errors;    /* --errors: list the sentences the cross-validation gets wrong */
    char names[MAX_SETS][128];
    tsent *s;
    size_t ns, s_cap;
    example *x;
    size_t nx, x_cap;
    float *order_w; /* DIMS weights: one order's fit, for fit to average */
} trainer;

/* "SOURCE CODE TARGET: "verb"", for --errors; the caller frees it. */
static char *act_text(const mz_event *ev)
{
    char what[512];
    snprintf(what, sizeof what, "%s %s %s: \"%s\"", ev->source, ev->code, ev->target,
             ev->ev_verb ? ev->ev_verb : "");
    return strdup(what);
}

/* The date of labelled record o's document in buf ("YYYY-MM-DD"): its "date", else the one its
 * id carries in the form of news archives (AAW_ARB_20070427.0012-1: agency, language, date,
 * number), else NULL (an undated document, where acts with both parties named are not judged). */
static const char *record_date(json_t *o, char *buf, size_t cap)
{
    json_t *jd = json_object_get(o, "date"), *ji = json_object_get(o, "id");
    if (json_is_string(jd) && json_string_length(jd) >= 10)
        return json_string_value(jd);
    const char *id = json_is_string(ji) ? json_string_value(ji) : "";
    const char *u = strrchr(id, '_');
    if (!u || strspn(u + 1, "0123456789") != 8 || u[9] != '.')
        return NULL;
    snprintf(buf, cap, "%.4s-%.2s-%.2s", u + 1, u + 5, u + 7);
    return buf;
}

/* Codes one labelled sentence and keeps the acts of its set's type as examples. */
static int add_labelled(json_t *o, void *ctx)
{
    trainer *t = ctx;
    json_t *jt = json_object_get(o, "text"), *jl = json_object_get(o, "label"), *je = json_object_get(o, "event");
    if (!json_is_string(jt) || !json_is_string(jl) || !json_is_string(je))
        return -1;
    const char *label = json_string_value(jl);
    if (strcmp(label, "ambiguous") == 0)
        return 0;
    snprintf(t->events[t->set], sizeof t->events[0], "%s", json_string_value(je));
    const char *text = json_string_value(jt);
    char date[16];
    mz_doc doc = {.id = "s", .date = record_date(o, date, sizeof date), .lang = t->lang, .text = text,
                  .len = json_string_length(jt)};
    const mz_event *ev;
    size_t n;
    mz_error err = {0};
    if (mz_grow((void **)&t->s, &t->s_cap, t->ns + 1, sizeof *t->s) < 0)
        return -1;
    tsent *s = &t->s[t->ns];
    *s = (tsent){.label = strcmp(label, "yes") == 0, .difficult = strcmp(label, "difficult no") == 0,
                 .set = t->set, .first = t->nx};
    if (t->errors) {
        json_t *ji = json_object_get(o, "id");
        s->id = strdup(json_is_string(ji) ? json_string_value(ji) : "");
        s->text = strdup(text);
        if (!s->id || !s->text)
            return -1;
    }
    if (mz_coder_code(t->coder, &doc, &ev, &n, &err) != MZ_OK)
        n = 0; /* a sentence the coder refuses has no acts: it is never flagged */
    for (size_t i = 0; i < n; i++) {
        const uint32_t *f;
        int k = strcmp(ev[i].plover, t->events[t->set]) == 0 ? mz_coder_event_features(t->coder, i, &f) : -1;
        if (k <= 0)
            continue;
        if (mz_grow((void **)&t->x, &t->x_cap, t->nx + 1, sizeof *t->x) < 0)
            return -1;
        example *x = &t->x[t->nx++];
        *x = (example){0};
        x->f = malloc((size_t)k * sizeof *x->f);
        if (!x->f)
            return -1;
        memcpy(x->f, f, (size_t)k * sizeof *f);
        x->n = k;
        x->sentence = t->ns;
        x->told = !mz_salience_told(f, k) ? TOLD_NO : doc.date ? TOLD_JUDGED : TOLD_ALWAYS;
        if (t->errors && !(x->what = act_text(&ev[i])))
            return -1;
    }
    s->n = t->nx - s->first;
    t->ns++;
    return 0;
}

/* The weight index of example x's feature i: each event type has weights of its own (the model
 * is written "typed", mz_salience_mix), so that one type's acts do not move another's scores. */
static uint32_t feat_index(const trainer *t, const example *x, int i)
{
    return mz_salience_mix(x->f[i], t->type_of_set[t->s[x->sentence].set]) & (DIMS - 1);
}

static double prob(const trainer *t, const float *w, const example *x)
{
    double z = 0;
    for (int i = 0; i < x->n; i++)
        z += w[feat_index(t, x, i)];
    return 1.0 / (1.0 + exp(-z));
}

/* Whether sentence s takes part in training: not in fold `skip` (of `folds`), nor in fold
 * `skip2` of the inner split of the remaining sentences (-1: no such fold). */
static int trains(size_t s, int folds, int skip, int skip2)
{
    if (skip >= 0 && (int)(s % (size_t)folds) == skip)
        return 0;
    return skip2 < 0 || (int)(s / (size_t)folds % (size_t)(folds - 1)) != skip2;
}

/* Fits w by stochastic gradient descent on the examples of the sentences that train (see
 * trains), visiting them in the random order `seed` starts. */
static void fit_order(const trainer *t, float *w, int folds, int skip, int skip2, int epochs, uint64_t seed)
{
    memset(w, 0, DIMS * sizeof *w);
    size_t pos = 0, neg = 0;
    for (size_t i = 0; i < t->nx; i++) {
        if (!trains(t->x[i].sentence, folds, skip, skip2))
            continue;
        t->s[t->x[i].sentence].label ? pos++ : neg++;
    }
    double wpos = pos ? (double)neg / (double)pos : 1.0;
    for (int ep = 0; ep < epochs; ep++) {
        double rate = 0.1 / (1.0 + ep);
        for (size_t k = 0; k < t->nx; k++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            const example *x = &t->x[(size_t)(seed >> 33) % t->nx];
            if (!trains(x->sentence, folds, skip, skip2))
                continue;
            int y = t->s[x->sentence].label;
            double g = (y - prob(t, w, x)) * (y ? wpos : 1.0) * rate;
            for (int i = 0; i < x->n; i++)
                w[feat_index(t, x, i)] += (float)g;
        }
    }
}

/* Fits w as the mean of the weights fitted in ORDERS fixed random orders: one order's weights
 * move with the number of examples (a single act more or less reorders them all: one act moved
 * PROTEST's cross-validated F1 by 0.026), their mean less. */
enum { ORDERS = 5 };

static void fit(const trainer *t, float *w, int folds, int skip, int skip2, int epochs)
{
    memset(w, 0, DIMS * sizeof *w);
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    for (int o = 0; o < ORDERS; o++, seed = seed * 2862933555777941757ull + 3037000493ull) {
        fit_order(t, t->order_w, folds, skip, skip2, epochs, seed);
        for (size_t i = 0; i < DIMS; i++)
            w[i] += t->order_w[i] / ORDERS;
    }
}

/* The score of a sentence: its best act's probability, 1 for an act told with both parties named
 * that reaches the told threshold, -1 when it has no act of its type. */
static double sentence_score(const trainer *t, const float *w, size_t s)
{
    double best = -1;
    for (size_t i = t->s[s].first; i < t->s[s].first + t->s[s].n; i++) {
        double p = prob(t, w, &t->x[i]);
        if (t->x[i].told == TOLD_ALWAYS || (t->x[i].told && p >= t->told_threshold))
            p = 1.0;
        best = p > best ? p : best;
    }
    return best;
}

/* Sentence-level counts of set `set` (-1 all) and type `type` (-1 all) at thresholds th, from
 * scores (-1: no act), over the sentences `in` selects (NULL: all). */
static mz_score count(const trainer *t, const double *score, const double *th, int set, int type,
                      const char *in)
{
    mz_score r = {0};
    for (size_t s = 0; s < t->ns; s++) {
        if ((set >= 0 && t->s[s].set != set) || (in && !in[s]) ||
            (type >= 0 && t->type_of_set[t->s[s].set] != type))
            continue;
        int flag = score[s] >= 0 && score[s] >= th[s], yes = t->s[s].label;
        r.tp += flag && yes, r.fp += flag && !yes, r.fn += !flag && yes;
    }
    return r;
}

static void row(const char *name, const char *what, const mz_score *s)
{
    printf("%-24s %-14s %5ld %5ld %5ld %9.3f %7.3f %6.3f\n", name, what, s->tp, s->fp, s->fn,
           mz_score_precision(s), mz_score_recall(s), mz_score_f1(s));
}

/* The threshold (0.05 .. 0.95) of type `type` over the sentences `in` marks: the best F1 among
 * those reaching the precision floor, else the best F1; th is scratch. */
static double best_threshold(const trainer *t, const double *score, double *th, int type, const char *in)
{
    double best = 0.5, best_f1 = -1, floor_best = 0.5, floor_f1 = -1;
    for (int i = 5; i <= 95; i++) {
        for (size_t s = 0; s < t->ns; s++)
            th[s] = i / 100.0;
        mz_score c = count(t, score, th, -1, type, in);
        double f1 = mz_score_f1(&c);
        if (f1 > best_f1)
            best_f1 = f1, best = i / 100.0;
        if (f1 > floor_f1 && c.tp + c.fp > 0 && mz_score_precision(&c) >= t->min_precision)
            floor_f1 = f1, floor_best = i / 100.0;
    }
    return floor_f1 > 0 ? floor_best : best;
}

/* Out-of-fold scores of the sentences outside fold `outer` (-1: of all), by an inner K-fold
 * split; writes each type's threshold chosen on them to tk. */
static void inner_threshold(const trainer *t, float *w, int folds, int outer, int epochs,
                            double *score, double *th, char *in, double *tk)
{
    int parts = outer >= 0 ? folds - 1 : folds;
    for (size_t s = 0; s < t->ns; s++)
        in[s] = outer < 0 || (int)(s % (size_t)folds) != outer;
    for (int k = 0; k < parts; k++) {
        if (outer >= 0)
            fit(t, w, folds, outer, k, epochs);
        else
            fit(t, w, folds, k, -1, epochs);
        for (size_t s = 0; s < t->ns; s++)
            if (in[s] && (outer >= 0 ? !trains(s, folds, outer, k) : (int)(s % (size_t)folds) == k))
                score[s] = sentence_score(t, w, s);
    }
    for (int y = 0; y < t->ntypes; y++)
        tk[y] = best_threshold(t, score, th, y, in);
}

/* --errors: each sentence the cross-validation flags wrongly or misses, with its score, the
 * threshold and its acts, each with the out-of-fold probability xs gives it. */
static void list_errors(const trainer *t, const double *score, const double *th, const double *xs)
{
    for (size_t s = 0; s < t->ns; s++) {
        const tsent *z = &t->s[s];
        int flag = score[s] >= 0 && score[s] >= th[s];
        if (flag == z->label || (!flag && score[s] < 0 && !z->label))
            continue;
        printf("%s %s: %s %s%s (score %.2f, threshold %.2f)\n    > %s\n", t->names[z->set], z->id,
               flag ? "extra" : "missed", t->events[z->set], z->difficult ? ", difficult no" : "", score[s],
               th[s], z->text);
        for (size_t i = z->first; i < z->first + z->n; i++)
            printf("    %.3f %s %s\n", xs[i], t->x[i].told ? "told" : "    ", t->x[i].what);
    }
}

/* Nested cross-validation: prints each set's figures without the model and with it, on
 * sentences neither its weights nor its thresholds saw; writes each type's threshold chosen over
 * all sentences to chosen.  Returns -1 when out of memory. */
static int cross_validate(const trainer *t, float *w, int folds, int epochs, double *chosen)
{
    double *score = malloc(t->ns * sizeof *score), *inner = malloc(t->ns * sizeof *inner);
    double *th = malloc(t->ns * sizeof *th), *scratch = malloc(t->ns * sizeof *scratch);
    char *in = malloc(t->ns);
    double *xs = t->errors ? malloc((t->nx + 1) * sizeof *xs) : NULL;
    double tk[MAX_SETS];
    int rc = -1;
    if (!score || !inner || !th || !scratch || !in || (t->errors && !xs))
        goto done;
    for (int k = 0; k < folds; k++) {
        inner_threshold(t, w, folds, k, epochs, inner, scratch, in, tk);
        fit(t, w, folds, k, -1, epochs);
        for (size_t s = (size_t)k; s < t->ns; s += (size_t)folds) {
            score[s] = sentence_score(t, w, s);
            th[s] = tk[t->type_of_set[t->s[s].set]];
            for (size_t i = t->s[s].first; xs && i < t->s[s].first + t->s[s].n; i++)
                xs[i] = prob(t, w, &t->x[i]);
        }
    }
    if (xs)
        list_errors(t, score, th, xs);
    printf("%-24s %-14s %5s %5s %5s %9s %7s %6s\n", "set", "", "tp", "fp", "fn", "precision", "recall", "f1");
    for (int set = 0; set < t->set; set++) {
        for (size_t s = 0; s < t->ns; s++)
            scratch[s] = 0.0;
        mz_score before = count(t, score, scratch, set, -1, NULL), after = count(t, score, th, set, -1, NULL);
        row(t->names[set], "without model", &before);
        row(t->names[set], "cross-valid.", &after);
    }
    inner_threshold(t, w, folds, -1, epochs, inner, scratch, in, chosen);
    printf("%d-fold nested cross-validation over %zu sentences (%zu acts), precision floor %.2f, told "
           "threshold %.3f; the model's thresholds:", folds, t->ns, t->nx, t->min_precision, t->told_threshold);
    for (int y = 0; y < t->ntypes; y++)
        printf(" %s %.2f", t->types[y], chosen[y]);
    printf("\n");
    rc = 0;
done:
    free(score), free(inner), free(th), free(scratch), free(in), free(xs);
    return rc;
}

/* Gives each set the index of its event type among the distinct types of the sets. */
static void index_types(trainer *t)
{
    for (int s = 0; s < t->set; s++) {
        int k = 0;
        while (k < t->ntypes && strcmp(t->types[k], t->events[s]) != 0)
            k++;
        if (k == t->ntypes)
            memcpy(t->types[t->ntypes++], t->events[s], sizeof t->types[0]); /* both NUL-ended arrays of 16 */
        t->type_of_set[s] = k;
    }
}

static int usage(FILE *f, int rc)
{
    fprintf(f, "usage: mizan train-salience [--folds K] [--epochs N] [--min-precision P] [--told-threshold T]\n"
               "                            [--errors] [-o MODEL]\n"
               "                            SET.jsonl...\n"
               "  SET.jsonl: Arabic or English sentences labelled for one event type\n"
               "             ({\"text\",\"event\",\"label\"}, labels yes / easy no / difficult no / ambiguous)\n"
               "  prints K-fold cross-validated precision, recall and F1 (default K 10), then\n"
               "  writes the model trained on all sentences to MODEL (data/salience.txt is built in);\n"
               "  each type's threshold is the best F1 at precision >= P (default 0.5), if any reaches it;\n"
               "  an act told with both parties named is news at probability >= T (default 0.003; 0: always);\n"
               "  --errors lists the sentences the cross-validation flags wrongly or misses, with their acts\n");
    return rc;
}

int mz_cmd_train_salience(int argc, char **argv)
{
    static const struct option longs[] = {{"folds", required_argument, 0, 'k'},
                                          {"epochs", required_argument, 0, 'e'},
                                          {"min-precision", required_argument, 0, 'p'},
                                          {"told-threshold", required_argument, 0, 't'},
                                          {"errors", no_argument, 0, 'r'},
                                          {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    int folds = 10, epochs = 10, errors = 0, ch;
    double min_precision = 0.5, told_threshold = 0.003;
    const char *out = NULL;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "o:h", longs, NULL)) != -1) {
        if (ch == 'k' && (folds = atoi(optarg)) >= 2 && folds <= 100)
            continue;
        if (ch == 'e' && (epochs = atoi(optarg)) >= 1 && epochs <= 1000)
            continue;
        if (ch == 'p' && (min_precision = atof(optarg)) >= 0 && min_precision <= 1)
            continue;
        if (ch == 't' && (told_threshold = atof(optarg)) >= 0 && told_threshold <= 1)
            continue;
        if (ch == 'o') {
            out = optarg;
            continue;
        }
        if (ch == 'r') {
            errors = 1;
            continue;
        }
        return usage(ch == 'h' ? stdout : stderr, ch == 'h' ? 0 : 1);
    }
    if (optind >= argc || argc - optind > MAX_SETS)
        return usage(stderr, 1);
    mz_engine *e = mz_cli_engine(NULL);
    trainer t = {.min_precision = min_precision, .told_threshold = told_threshold, .errors = errors};
    t.coder = e ? mz_coder_new(e, MZ_CODE_PARTIAL | MZ_CODE_ALL_ACTS | MZ_CODE_FEATURES) : NULL;
    float *w = malloc(DIMS * sizeof *w);
    t.order_w = malloc(DIMS * sizeof *t.order_w);
    int rc = t.coder && w && t.order_w ? 0 : 2;
    for (int i = optind; rc == 0 && i < argc; i++, t.set++) {
        const char *base = strrchr(argv[i], '/');
        base = base ? base + 1 : argv[i];
        snprintf(t.names[t.set], sizeof t.names[0], "%.*s", (int)strcspn(base, "."), base);
        t.lang = strncmp(base, "en", 2) == 0 ? "en" : "ar"; /* the labelled sets are Arabic (argsr_*) */
        rc = mz_each_record(argv[i], add_labelled, &t) < 0 ? 2 : 0;
    }
    if (rc == 0 && !t.nx) {
        fprintf(stderr, "mizan train-salience: no act of the sets' types was coded; nothing to learn\n");
        rc = 2;
    }
    if (rc == 0 && (index_types(&t), t.ntypes > MZ_SALIENCE_TYPES)) {
        fprintf(stderr, "mizan train-salience: a model judges at most %d event types\n", MZ_SALIENCE_TYPES);
        rc = 1;
    }
    mz_salience m = {.dims = DIMS, .w = w, .threshold = 0.5, .typed = 1, /* every type gets its own */
                     .told_threshold = told_threshold};
    double chosen[MAX_SETS];
    if (rc == 0 && cross_validate(&t, w, folds, epochs, chosen) < 0)
        rc = 2;
    if (rc == 0) {
        fit(&t, w, folds, -1, -1, epochs);
        snprintf(m.lang, sizeof m.lang, "%s", t.lang);
        for (int y = 0; y < t.ntypes; y++, m.ntypes++) {
            snprintf(m.types[y], sizeof m.types[0], "%s", t.types[y]);
            m.type_threshold[y] = chosen[y];
            m.type_has_threshold[y] = 1;
        }
    }
    if (rc == 0 && out) {
        FILE *f = fopen(out, "w");
        int ok = f && fprintf(f, "# mizan salience model, written by `mizan train-salience` from %zu labelled "
                                 "sentences of:", t.ns) > 0;
        for (int s = 0; ok && s < t.set; s++)
            ok = fprintf(f, " %s", t.names[s]) > 0;
        if (!ok || fprintf(f, "\n# (sources and licences of the sets: README.md, \"Salience\")\n") < 0 ||
            mz_salience_write(&m, f) < 0) {
            fprintf(stderr, "%s: cannot write the model\n", out);
            rc = 2;
        }
        if (f && fclose(f) != 0)
            rc = 2;
    }
    for (size_t i = 0; i < t.nx; i++)
        free(t.x[i].f), free(t.x[i].what);
    for (size_t i = 0; i < t.ns; i++)
        free(t.s[i].id), free(t.s[i].text);
    free(t.x);
    free(t.s);
    free(w);
    free(t.order_w);
    mz_coder_free(t.coder);
    mz_engine_free(e);
    return rc;
}
