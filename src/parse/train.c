/*
 * train.c — training the tagger (two passes for English), the supertagger, the parser and the
 * labeller from a treebank, and scoring a model against one.
 *
 * Each model is an averaged perceptron (linear.c).  A counting pass over the gold analyses
 * decides which features get weights; then `iterations` passes over the sentences in an order
 * shuffled by a fixed seed, so training is deterministic.  The tagger learns from its own
 * previous tags, its second pass on the first pass's jackknifed tags; the parser is trained on
 * the tags the tagger gives the training sentences when every fold of them was held out
 * (jackknifing), as at analysis time, and on supertags jackknifed the same way (the
 * supertagger learns on the jackknifed tags); it follows the dynamic oracle of Goldberg & Nivre
 * (2013) for arc-hybrid, exploring its own mistakes after the first pass.  The labeller learns
 * with the parser: it names each arc as the parser makes it, and is updated toward the gold
 * relation when the arc is right.  Then the training sentences are parsed by parsers trained
 * on the other folds (jackknifing again), and on those trees, whose errors are the kind the
 * parser makes on new text, two models learn to correct the finished tree: a relabeller and a
 * reattacher (syntax.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/token.h"
#include "../util/error.h"
#include "internal.h"

/* A sentence of the training set, with what the trainers need. */
typedef struct tsent {
    const char *forms[MZ_PARSE_MAX_WORDS];
    uint32_t lens[MZ_PARSE_MAX_WORDS];
    int16_t gold_head[MZ_TOKS];
    uint8_t gold_tag[MZ_TOKS], gold_lab[MZ_TOKS];
    size_t n;
} tsent;

typedef struct trainer {
    const mz_treebank *tb;
    uint32_t *order;      /* selected sentences */
    size_t count;
    uint8_t *tags;        /* tags for parser training, per treebank word */
    uint8_t *tags1;       /* the first tagging pass's jackknifed tags, per treebank word */
    int tagpass;          /* the tagging pass being trained or run: 1 or 2 */
    uint8_t *stags;       /* supertags + 1 for parser training, per treebank word */
    int16_t *pheads;      /* jackknifed parses for the relabeller: heads and labels, per */
    uint8_t *plabs;       /* treebank word */
    uint64_t rng;
    int quiet;
    const mz_train_opts *opts;
    mz_parse_work *w;
    tsent *s;
    const mz_clusters *clus; /* the model's word clusters (empty when it has none) */
} trainer;

/* Reports progress through the caller's callback (the library itself never prints). */
static void progress(const trainer *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void progress(const trainer *t, const char *fmt, ...)
{
    if (t->quiet || !t->opts->progress)
        return;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    t->opts->progress(t->opts->progress_ctx, msg);
}

static uint64_t next_rand(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

/* Fisher-Yates shuffle of the sentence order. */
static void shuffle(trainer *t)
{
    for (size_t i = t->count; i > 1; i--) {
        size_t j = (size_t)(next_rand(&t->rng) % i);
        uint32_t v = t->order[i - 1];
        t->order[i - 1] = t->order[j];
        t->order[j] = v;
    }
}

/* Loads sentence `si` of the treebank into t->s and its word attributes into t->w. */
static void load_sent(trainer *t, uint32_t si)
{
    const mz_ud_sent *us = &t->tb->sents[si];
    tsent *s = t->s;
    s->n = us->n;
    s->gold_head[0] = -1;
    for (uint32_t i = 0; i < us->n; i++) {
        const mz_ud_word *wd = &t->tb->words[us->first + i];
        s->forms[i] = mz_tb_str(t->tb, wd->form);
        s->lens[i] = (uint32_t)strlen(s->forms[i]);
        s->gold_tag[i + 1] = wd->upos < MZ_UPOS_COUNT ? wd->upos : MZ_UPOS_COUNT - 1;
        s->gold_head[i + 1] = wd->head;
        s->gold_lab[i + 1] = wd->deprel < MZ_DEPREL_COUNT ? wd->deprel : MZ_DEPREL_DEP;
    }
    mz_syn_attrs(t->w, s->forms, s->lens, s->n, t->clus);
}

/* Whether the sentence has a complete tree (every head given). */
static int has_tree(const tsent *s)
{
    for (size_t i = 1; i <= s->n; i++)
        if (s->gold_head[i] < 0)
            return 0;
    return 1;
}

static int best_float(const float *s, int n, uint64_t mask)
{
    int best = -1;
    for (int c = 0; c < n; c++)
        if ((mask >> c & 1) && (best < 0 || s[c] > s[best]))
            best = c;
    return best;
}

/* ---- tagger ----------------------------------------------------------------------------- */

/* Features of the tagging pass t->tagpass. */
typedef size_t (*tag_feats_fn)(const mz_parse_work *, int, uint64_t *);
static tag_feats_fn tag_feats(const trainer *t)
{
    return t->tagpass == 2 ? mz_tag2_feats : mz_tag_feats;
}

/* Loads sentence si for tagging: for the second pass, with the first pass's jackknifed tags. */
static void load_for_tagging(trainer *t, uint32_t si)
{
    load_sent(t, si);
    if (t->tagpass != 2)
        return;
    const mz_ud_sent *us = &t->tb->sents[si];
    for (uint32_t i = 0; i < us->n; i++)
        t->w->tag1[i + 1] = t->tags1[us->first + i];
}

/* Counting pass (gold history) or one training pass (own history) of the tagger. */
static int tagger_pass(trainer *t, mz_lin_train *lt, int counting, size_t *right, size_t *total)
{
    tag_feats_fn feats = tag_feats(t);
    for (size_t k = 0; k < t->count; k++) {
        load_for_tagging(t, t->order[k]);
        mz_parse_work *w = t->w;
        for (int i = 1; i <= (int)t->s->n; i++) {
            size_t nf = feats(w, i, w->feats);
            int gold = t->s->gold_tag[i];
            if (counting) {
                if (mz_lin_count(lt, w->feats, nf) < 0)
                    return -1;
                w->tag[i] = (uint8_t)gold;
                continue;
            }
            float sc[MZ_UPOS_COUNT];
            mz_lin_train_score(lt, w->feats, nf, sc);
            int pred = best_float(sc, MZ_UPOS_COUNT, ~0ULL);
            mz_lin_update(lt, w->feats, nf, gold, pred);
            *right += pred == gold;
            (*total)++;
            w->tag[i] = (uint8_t)pred;
        }
    }
    return 0;
}

/* Minimum number of occurrences for a feature to get weights (`large` for large training
 * sets): rare features are mostly noise, and dropping them keeps the model small (the parser's
 * features are many, so it drops more); small training sets keep everything. */
static uint32_t min_count(const trainer *t, uint32_t large)
{
    return t->count > 3000 ? large : 1;
}

static int train_tagger(trainer *t, int iterations, mz_lin *out)
{
    mz_lin_train lt;
    if (mz_lin_train_init(&lt, MZ_UPOS_COUNT) < 0 || tagger_pass(t, &lt, 1, NULL, NULL) < 0 ||
        mz_lin_admit(&lt, min_count(t, 2)) < 0) {
        mz_lin_train_free(&lt);
        return -1;
    }
    for (int it = 0; it < iterations; it++) {
        size_t right = 0, total = 0;
        shuffle(t);
        tagger_pass(t, &lt, 0, &right, &total);
        progress(t, "  tagger %d pass %d: %.2f%% on training words (%zu features)", t->tagpass,
                 it + 1, total ? 100.0 * right / total : 0.0, lt.n);
    }
    int rc = mz_lin_finish(&lt, out);
    mz_lin_train_free(&lt);
    return rc;
}

/* Tags the selected sentences with a tagger of pass t->tagpass into t->tags (per treebank
 * word). */
static void tag_with(trainer *t, const mz_lin *tagger, const uint32_t *sents, size_t n)
{
    tag_feats_fn feats = tag_feats(t);
    for (size_t k = 0; k < n; k++) {
        load_for_tagging(t, sents[k]);
        mz_parse_work *w = t->w;
        for (int i = 1; i <= (int)t->s->n; i++) {
            int32_t sc[MZ_UPOS_COUNT] = {0};
            size_t nf = feats(w, i, w->feats);
            mz_lin_score(tagger, w->feats, nf, sc);
            w->tag[i] = (uint8_t)mz_argmax_i32(sc, MZ_UPOS_COUNT, ~0ULL);
            t->tags[t->tb->sents[sents[k]].first + (uint32_t)i - 1] = w->tag[i];
        }
    }
}

/* A model trained on the selected sentences, and what applies it to some sentences. */
typedef int (*train_fn)(trainer *t, int iterations, mz_lin *out);
typedef void (*apply_fn)(trainer *t, const mz_lin *model, const uint32_t *sents, size_t n);

/* Jackknifing: the parser's training tags (and supertags, and the relabeller's trees) come from
 * models that did not see the sentence.  Sentence k is in fold k mod `folds`; each fold is
 * tagged by a model trained, quietly, on the others.  A train_fn may fill two models (out[0]
 * and out[1], the parser and its labeller); both are freed here. */
static int jackknife(trainer *t, int iterations, int folds, train_fn train, apply_fn apply)
{
    uint32_t *orig = t->order;
    size_t count = t->count;
    uint32_t *in = malloc(count * sizeof *in), *out = malloc(count * sizeof *out);
    int rc = in && out ? 0 : -1;
    for (int f = 0; f < folds && rc == 0; f++) {
        size_t nin = 0, nout = 0;
        for (size_t k = 0; k < count; k++) {
            if ((int)(orig[k] % (uint32_t)folds) == f)
                out[nout++] = orig[k];
            else
                in[nin++] = orig[k];
        }
        mz_lin model[2] = {{0}, {0}};
        t->order = in;
        t->count = nin;
        int q = t->quiet;
        t->quiet = 1;
        rc = train(t, iterations, model);
        t->quiet = q;
        if (rc == 0)
            apply(t, model, out, nout);
        mz_lin_free(&model[0]);
        mz_lin_free(&model[1]);
    }
    t->order = orig;
    t->count = count;
    free(in);
    free(out);
    return rc;
}

/* Trains the second tagging pass on the first pass's jackknifed tags (in t->tags, moved to
 * t->tags1), and replaces t->tags by the second pass's own jackknifed tags. */
static int train_second_pass(trainer *t, int iterations, int folds, mz_lin *out)
{
    memcpy(t->tags1, t->tags, t->tb->nwords);
    t->tagpass = 2;
    int rc = train_tagger(t, iterations, out);
    if (rc == 0 && folds > 1)
        rc = jackknife(t, iterations, folds, train_tagger, tag_with);
    else if (rc == 0)
        tag_with(t, out, t->order, t->count);
    t->tagpass = 1;
    return rc;
}

/* What a language's model has beyond the common models, each measured (docs/ACCURACY.md).
 * Tagging in two passes: English dev UPOS +0.16 (two seeds), LAS unchanged within the noise;
 * Arabic-PUD (10-fold) UPOS 91.48 -> 91.78 % but UAS 79.63 -> 79.52 % and LAS 72.20 -> 72.22 %,
 * for a slower parse of the language whose coding parses the most words; so one pass there.
 * Correcting the finished tree (the reattacher and the relabeller): English dev LAS 81.48 ->
 * 81.74 and 81.20 -> 81.41 (seeds 1, 2); Arabic-PUD UAS 79.63 -> 79.77 % but LAS 72.20 ->
 * 72.18 %, for a slower parse and training; so not there.
 * Word clusters (learn_clusters): English dev LAS 81.71 -> 82.23 and 81.41 -> 81.82 (seeds 1,
 * 2) with the Wikinews articles as raw text; not tried for Arabic, for which the project has no
 * unannotated text it may ship a model of (the Saudi news are for research use only). */
static const struct lang_models {
    const char *lang;
    int two_pass, corrections, clusters;
} lang_models[] = {{"en", 1, 1, 1}, {"ar", 0, 0, 0}};

/* The entry of lang_models for a language (the last one's for an unknown language). */
static const struct lang_models *models_of(const char *lang)
{
    size_t n = sizeof lang_models / sizeof lang_models[0];
    for (size_t i = 0; i < n; i++)
        if (strcmp(lang_models[i].lang, lang) == 0)
            return &lang_models[i];
    return &lang_models[n - 1];
}

/* ---- supertagger --------------------------------------------------------------------------- */

/* Gold supertag of word i of the loaded sentence (see MZ_STAG_COUNT). */
static int gold_stag(const tsent *s, int i)
{
    int right = 0;
    for (int j = i + 1; j <= (int)s->n && !right; j++)
        right = s->gold_head[j] == i;
    return (s->gold_lab[i] * 2 + (s->gold_head[i] > i)) * 2 + right;
}

/* Loads sentence si with the parser-training tags (jackknifed) in t->w. */
static void load_tagged(trainer *t, uint32_t si)
{
    load_sent(t, si);
    const mz_ud_sent *us = &t->tb->sents[si];
    for (uint32_t i = 0; i < us->n; i++)
        t->w->tag[i + 1] = t->tags[us->first + i];
}

/* Counting pass (gold history) or one training pass (own history) of the supertagger. */
static int stagger_pass(trainer *t, mz_lin_train *lt, int counting)
{
    float sc[MZ_STAG_COUNT];
    for (size_t k = 0; k < t->count; k++) {
        load_tagged(t, t->order[k]);
        if (!has_tree(t->s))
            continue;
        mz_parse_work *w = t->w;
        for (int i = 1; i <= (int)t->s->n; i++) {
            size_t nf = mz_stag_feats(w, i, w->feats);
            int gold = gold_stag(t->s, i), pred = gold;
            if (counting) {
                if (mz_lin_count(lt, w->feats, nf) < 0)
                    return -1;
            } else {
                mz_lin_train_score(lt, w->feats, nf, sc);
                pred = 0;
                for (int c = 1; c < MZ_STAG_COUNT; c++)
                    if (sc[c] > sc[pred])
                        pred = c;
                mz_lin_update(lt, w->feats, nf, gold, pred);
            }
            w->stag[i] = (uint8_t)(pred + 1);
        }
    }
    return 0;
}

/* A pass of one model over the selected sentences: counting its features (counting set) or
 * training it (perceptron updates); 0, or -1 when out of memory. */
typedef int (*pass_fn)(trainer *t, mz_lin_train *lt, int counting);

/* Trains a linear model of nclass classes by `pass`: a counting pass, the features seen twice
 * admitted, then `iterations` shuffled training passes.  Returns 0 or -1. */
static int train_linear(trainer *t, uint32_t nclass, pass_fn pass, int iterations, mz_lin *out)
{
    mz_lin_train lt;
    if (mz_lin_train_init(&lt, nclass) < 0 || pass(t, &lt, 1) < 0 || mz_lin_admit(&lt, min_count(t, 2)) < 0) {
        mz_lin_train_free(&lt);
        return -1;
    }
    for (int it = 0; it < iterations; it++) {
        shuffle(t);
        pass(t, &lt, 0);
    }
    int rc = mz_lin_finish(&lt, out);
    mz_lin_train_free(&lt);
    return rc;
}

static int train_stagger(trainer *t, int iterations, mz_lin *out)
{
    return train_linear(t, MZ_STAG_COUNT, stagger_pass, iterations, out);
}

/* Supertags the selected sentences into t->stags. */
static void stag_with(trainer *t, const mz_lin *st, const uint32_t *sents, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        load_tagged(t, sents[k]);
        mz_run_stagger(st, t->w);
        for (uint32_t i = 1; i <= t->s->n; i++)
            t->stags[t->tb->sents[sents[k]].first + i - 1] = t->w->stag[i];
    }
}

/* ---- parser ------------------------------------------------------------------------------ */

/* Puts the jackknifed supertags of sentence si (loaded) into t->w. */
static void set_stags(trainer *t, uint32_t si)
{
    const mz_ud_sent *us = &t->tb->sents[si];
    for (uint32_t i = 0; i < us->n; i++)
        t->w->stag[i + 1] = t->stags[us->first + i];
    t->w->stag[0] = t->w->stag[us->n + 1] = 0;
}

/* Cost of a transition under the dynamic oracle: gold arcs it makes unreachable. */
static int arc_cost(const mz_parse_work *w, const int16_t *g, int tr)
{
    int n = (int)w->n, s0 = w->stack[w->sp - 1], s1 = w->sp >= 2 ? w->stack[w->sp - 2] : -1;
    int b = w->b, cost = 0;
    if (tr == MZ_TR_SHIFT) {
        for (int i = 0; i < w->sp; i++) {
            int k = w->stack[i];
            cost += k > 0 && g[k] == b;
            cost += k != s0 && g[b] == k;
        }
        return cost;
    }
    for (int k = b; k <= n; k++)
        cost += g[k] == s0;
    if (tr == MZ_TR_LEFT)
        cost += g[s0] != b && (g[s0] == s1 || g[s0] > b);
    else
        cost += g[s0] >= b;
    return cost;
}

/* One pass of the parser over the sentences: counting (oracle path, features counted) or
 * training (perceptron updates, following its own predictions when `explore`). */
/* Labels the arc just made to d during parser training: counting (gold label, features
 * counted) or training (the labeller's choice, updated toward the gold label when the arc is
 * right). */
static int train_arc_label(trainer *t, mz_lin_train *ll, int counting, int d)
{
    mz_parse_work *w = t->w;
    int gold = t->s->gold_lab[d];
    if (w->head[d] == 0) {
        w->lab[d] = MZ_DEPREL_ROOT;
    } else if (counting) {
        size_t nf = mz_lab_feats(w, d, w->feats);
        if (t->s->gold_head[d] == w->head[d] && mz_lin_count(ll, w->feats, nf) < 0)
            return -1;
        w->lab[d] = (uint8_t)(gold == MZ_DEPREL_ROOT ? MZ_DEPREL_DEP : gold);
    } else {
        uint64_t mask = ((1ULL << MZ_DEPREL_COUNT) - 1) & ~(1ULL << MZ_DEPREL_ROOT);
        float sc[MZ_DEPREL_COUNT];
        size_t nf = mz_lab_feats(w, d, w->feats);
        mz_lin_train_score(ll, w->feats, nf, sc);
        int pred = best_float(sc, MZ_DEPREL_COUNT, mask);
        if (t->s->gold_head[d] == w->head[d] && gold != MZ_DEPREL_ROOT)
            mz_lin_update(ll, w->feats, nf, gold, pred);
        w->lab[d] = (uint8_t)pred;
    }
    mz_lab_done(w, d);
    return 0;
}

/* One pass of the parser over the sentences: counting (oracle path, features counted) or
 * training (perceptron updates, following its own predictions when `explore`).  The labeller
 * `ll` names each arc as it is made and learns with the parser. */
static int parser_pass(trainer *t, mz_lin_train *lt, mz_lin_train *ll, int counting, int explore,
                       size_t *right, size_t *total)
{
    for (size_t k = 0; k < t->count; k++) {
        load_tagged(t, t->order[k]);
        if (!has_tree(t->s))
            continue;
        mz_parse_work *w = t->w;
        set_stags(t, t->order[k]);
        mz_arc_init(w);
        mz_lab_begin(w);
        while (!mz_arc_done(w)) {
            uint64_t valid = 0, zero = 0;
            int cost[MZ_TR_COUNT], minc = 1 << 30;
            for (int tr = 0; tr < MZ_TR_COUNT; tr++)
                if (mz_arc_valid(w, tr)) {
                    valid |= 1ULL << tr;
                    cost[tr] = arc_cost(w, t->s->gold_head, tr);
                    if (cost[tr] < minc)
                        minc = cost[tr];
                }
            for (int tr = 0; tr < MZ_TR_COUNT; tr++)
                if ((valid >> tr & 1) && cost[tr] == minc)
                    zero |= 1ULL << tr;
            size_t nf = mz_arc_feats(w, w->feats);
            int go, d = w->stack[w->sp - 1];
            if (counting) {
                if (mz_lin_count(lt, w->feats, nf) < 0)
                    return -1;
                go = best_float((const float[3]){0, 1, 1}, MZ_TR_COUNT, zero);
            } else {
                float sc[MZ_TR_COUNT];
                mz_lin_train_score(lt, w->feats, nf, sc);
                int pred = best_float(sc, MZ_TR_COUNT, valid), gold = best_float(sc, MZ_TR_COUNT, zero);
                mz_lin_update(lt, w->feats, nf, gold, (zero >> pred & 1) ? gold : pred);
                *right += (zero >> pred & 1) != 0;
                (*total)++;
                go = explore && (next_rand(&t->rng) % 10) != 0 ? pred : gold;
            }
            mz_arc_apply(w, go);
            if (go != MZ_TR_SHIFT && train_arc_label(t, ll, counting, d) < 0)
                return -1;
        }
    }
    return 0;
}

/* Trains the parser and its labeller together. */
static int train_parser(trainer *t, int iterations, mz_lin *out, mz_lin *lab)
{
    mz_lin_train lt, ll;
    int rc = mz_lin_train_init(&lt, MZ_TR_COUNT) | mz_lin_train_init(&ll, MZ_DEPREL_COUNT);
    if (rc < 0 || parser_pass(t, &lt, &ll, 1, 0, NULL, NULL) < 0 ||
        mz_lin_admit(&lt, min_count(t, 3)) < 0 || mz_lin_admit(&ll, min_count(t, 2)) < 0) {
        mz_lin_train_free(&lt);
        mz_lin_train_free(&ll);
        return -1;
    }
    for (int it = 0; it < iterations; it++) {
        size_t right = 0, total = 0;
        shuffle(t);
        parser_pass(t, &lt, &ll, 0, it > 0, &right, &total);
        progress(t, "  parser pass %d: %.2f%% right transitions (%zu features)", it + 1,
                 total ? 100.0 * right / total : 0.0, lt.n);
    }
    rc = mz_lin_finish(&lt, out);
    if (rc == 0)
        rc = mz_lin_finish(&ll, lab);
    mz_lin_train_free(&lt);
    mz_lin_train_free(&ll);
    return rc;
}

/* The parser and labeller as one train_fn for jackknifing: out[0] and out[1]. */
static int train_parser_pair(trainer *t, int iterations, mz_lin *out)
{
    return train_parser(t, iterations, &out[0], &out[1]);
}

/* Parses the selected sentences with a parser and labeller (model[0] and [1]) into t->pheads
 * and t->plabs. */
static void parse_with(trainer *t, const mz_lin *model, const uint32_t *sents, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        load_tagged(t, sents[k]);
        set_stags(t, sents[k]);
        mz_run_parser(&model[0], &model[1], t->w);
        uint32_t first = t->tb->sents[sents[k]].first;
        for (uint32_t i = 1; i <= t->s->n; i++) {
            t->pheads[first + i - 1] = t->w->head[i];
            t->plabs[first + i - 1] = t->w->lab[i];
        }
    }
}

/* ---- relabeller -------------------------------------------------------------------------- */

/* Counting pass or one training pass of the relabeller over the jackknifed parses: it learns
 * the gold relation of every word whose predicted head is right (the relation of a wrong arc
 * has no gold answer). */
static int relabeller_pass(trainer *t, mz_lin_train *lt, int counting)
{
    int16_t head[MZ_TOKS];
    uint8_t lab[MZ_TOKS];
    float sc[MZ_DEPREL_COUNT];
    uint64_t mask = ((1ULL << MZ_DEPREL_COUNT) - 1) & ~(1ULL << MZ_DEPREL_ROOT);
    for (size_t k = 0; k < t->count; k++) {
        uint32_t si = t->order[k], first = t->tb->sents[si].first;
        load_tagged(t, si);
        if (!has_tree(t->s))
            continue;
        mz_parse_work *w = t->w;
        set_stags(t, si);
        for (uint32_t i = 1; i <= t->s->n; i++) {
            head[i] = t->pheads[first + i - 1];
            lab[i] = t->plabs[first + i - 1];
        }
        mz_lab_begin(w);
        mz_tree_load(w, head, lab);
        mz_rel_begin(w);
        for (int d = 1; d <= (int)t->s->n; d++) {
            int gold = t->s->gold_lab[d];
            if (head[d] <= 0 || head[d] != t->s->gold_head[d] || gold == MZ_DEPREL_ROOT)
                continue;
            size_t nf = mz_rel_feats(w, d, w->feats);
            if (counting) {
                if (mz_lin_count(lt, w->feats, nf) < 0)
                    return -1;
                continue;
            }
            mz_lin_train_score(lt, w->feats, nf, sc);
            mz_lin_update(lt, w->feats, nf, gold, best_float(sc, MZ_DEPREL_COUNT, mask));
        }
    }
    return 0;
}

/* ---- reattacher ------------------------------------------------------------------------- */

/* Loads sentence si with its jackknifed parse in t->w, tree summaries set; 0 when it has no
 * gold tree. */
static int load_parsed(trainer *t, uint32_t si)
{
    int16_t head[MZ_TOKS];
    uint8_t lab[MZ_TOKS];
    uint32_t first = t->tb->sents[si].first;
    load_tagged(t, si);
    if (!has_tree(t->s))
        return 0;
    set_stags(t, si);
    for (uint32_t i = 1; i <= t->s->n; i++) {
        head[i] = t->pheads[first + i - 1];
        lab[i] = t->plabs[first + i - 1];
    }
    mz_lab_begin(t->w);
    mz_tree_load(t->w, head, lab);
    mz_rel_begin(t->w);
    return 1;
}

/* Counting pass or one training pass of the reattacher: for every word whose gold head is
 * among its candidates, a ranking perceptron update toward the gold candidate's features and
 * away from the predicted one's (the two classes' difference is the score). */
static int reattacher_pass(trainer *t, mz_lin_train *lt, int counting)
{
    uint64_t fg[MZ_MAX_FEATS], fp[MZ_MAX_FEATS];
    int16_t c[MZ_ATT_MAX];
    uint8_t kind[MZ_ATT_MAX];
    float sc[2];
    for (size_t k = 0; k < t->count; k++) {
        if (!load_parsed(t, t->order[k]))
            continue;
        mz_parse_work *w = t->w;
        for (int d = 1; d <= (int)t->s->n; d++) {
            if (w->head[d] <= 0)
                continue;
            int m = mz_att_cands(w, d, c, kind), gold = -1, pred = 0;
            float best = 0;
            for (int i = 0; i < m; i++)
                if (c[i] == t->s->gold_head[d])
                    gold = i;
            if (gold < 0)
                continue;
            for (int i = 0; i < m; i++) {
                size_t nf = mz_att_feats(w, d, c[i], kind[i], fp);
                if (counting) {
                    if (mz_lin_count(lt, fp, nf) < 0)
                        return -1;
                    continue;
                }
                mz_lin_train_score(lt, fp, nf, sc);
                if (i == 0 || sc[1] - sc[0] > best) {
                    best = sc[1] - sc[0];
                    pred = i;
                }
            }
            if (counting || pred == gold)
                continue;
            size_t ng = mz_att_feats(w, d, c[gold], kind[gold], fg);
            size_t np = mz_att_feats(w, d, c[pred], kind[pred], fp);
            mz_lin_update(lt, fg, ng, 1, 0);
            mz_lin_update(lt, fp, np, 0, 1);
        }
    }
    return 0;
}

/* ---- word clusters ----------------------------------------------------------------------- */

/* Appends the word hashes of the raw text's sentences to *toks (0 after each sentence).
 * Returns 0, -1 when out of memory. */
static int raw_words(const char *text, size_t len, uint64_t **toks, size_t *n, size_t *cap)
{
    mz_tokens tk = {0};
    mz_sentences ss = {0};
    int rc = mz_tokenize(text, len, &tk) < 0 || mz_split_sentences(text, &tk, &ss) < 0 ? -1 : 0;
    for (size_t i = 0; rc == 0 && i < ss.n; i++) {
        size_t need = *n + (ss.v[i].tok_end - ss.v[i].tok_begin) + 1;
        if (need > *cap) {
            size_t nc = need * 2;
            uint64_t *p = realloc(*toks, nc * sizeof *p);
            if (!p) {
                rc = -1;
                break;
            }
            *toks = p;
            *cap = nc;
        }
        for (uint32_t k = ss.v[i].tok_begin; k < ss.v[i].tok_end; k++)
            (*toks)[(*n)++] = mz_word_lower(text + tk.v[k].start, tk.v[k].end - tk.v[k].start);
        (*toks)[(*n)++] = 0;
    }
    mz_tokens_free(&tk);
    mz_sentences_free(&ss);
    return rc;
}

/* Learns the model's word clusters from the words of the selected training sentences and the
 * raw text of the options.  Returns 0, -1 when out of memory. */
static int learn_clusters(trainer *t, const mz_train_opts *o, mz_clusters *cl)
{
    size_t n = 0, cap = t->tb->nwords + t->count + 1;
    uint64_t *toks = malloc(cap * sizeof *toks);
    if (!toks)
        return -1;
    for (size_t k = 0; k < t->count; k++) {
        const mz_ud_sent *us = &t->tb->sents[t->order[k]];
        for (uint32_t i = 0; i < us->n; i++) {
            const char *f = mz_tb_str(t->tb, t->tb->words[us->first + i].form);
            toks[n++] = mz_word_lower(f, strlen(f));
        }
        toks[n++] = 0;
    }
    int rc = o->raw ? raw_words(o->raw, o->raw_len, &toks, &n, &cap) : 0;
    if (rc == 0)
        rc = mz_clusters_learn(cl, toks, n);
    free(toks);
    return rc;
}

/* ---- the whole model --------------------------------------------------------------------- */

/* Allocates the trainer's arrays for the selected sentences.  Returns 0, -1 when OOM. */
static int trainer_init(trainer *t, const mz_treebank *tb, const unsigned char *sel,
                        const mz_train_opts *o)
{
    memset(t, 0, sizeof *t);
    t->tb = tb;
    t->rng = 0x9e3779b97f4a7c15ULL ^ (o->seed ? o->seed : 1);
    t->quiet = o->quiet;
    t->opts = o;
    t->order = malloc((tb->nsents + 1) * sizeof *t->order);
    t->tags = calloc(tb->nwords + 1, 1);
    t->tags1 = calloc(tb->nwords + 1, 1);
    t->tagpass = 1;
    t->stags = calloc(tb->nwords + 1, 1);
    t->pheads = calloc(tb->nwords + 1, sizeof *t->pheads);
    t->plabs = calloc(tb->nwords + 1, 1);
    t->w = mz_parse_work_new();
    t->s = malloc(sizeof *t->s);
    if (!t->order || !t->tags || !t->tags1 || !t->stags || !t->pheads || !t->plabs || !t->w || !t->s)
        return -1;
    for (size_t i = 0; i < tb->nsents; i++)
        if (!sel || sel[i])
            t->order[t->count++] = (uint32_t)i;
    return 0;
}

static void trainer_free(trainer *t)
{
    free(t->order);
    free(t->tags);
    free(t->tags1);
    free(t->stags);
    free(t->pheads);
    free(t->plabs);
    mz_parse_work_free(t->w);
    free(t->s);
}

mz_parse_model *mz_parse_train(const mz_treebank *tb, const unsigned char *sel,
                               const mz_train_opts *opts, mz_error *err)
{
    mz_train_opts o = *opts;
    int iters = o.iterations > 0 ? o.iterations : 10;
    trainer t = {0};
    mz_parse_model *m = calloc(1, sizeof *m);
    if (!m || trainer_init(&t, tb, sel, &o) < 0) {
        free(m);
        trainer_free(&t);
        mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
        return NULL;
    }
    memcpy(m->lang, strcmp(o.lang, "ar") == 0 ? "ar" : "en", 3);
    if (t.count == 0) {
        trainer_free(&t);
        free(m);
        mz_fail(err, MZ_ERR_ARG, NULL, 0, "no training sentences");
        return NULL;
    }
    int folds = t.count >= 40 ? 4 : 1, rc = 0;
    if (models_of(m->lang)->clusters) {
        rc = learn_clusters(&t, &o, &m->clus);
        progress(&t, "%zu words clustered", m->clus.n);
    }
    t.clus = &m->clus;
    progress(&t, "training the tagger on %zu sentences", t.count);
    if (rc == 0)
        rc = train_tagger(&t, iters, &m->tag);
    if (rc == 0 && folds > 1)
        rc = jackknife(&t, iters, folds, train_tagger, tag_with);
    else if (rc == 0)
        tag_with(&t, &m->tag, t.order, t.count);
    m->tag2.nclass = MZ_UPOS_COUNT; /* an untrained second pass saves and loads as empty */
    if (rc == 0 && models_of(m->lang)->two_pass)
        rc = train_second_pass(&t, iters, folds, &m->tag2);
    progress(&t, "training the supertagger");
    int siters = iters;
    if (rc == 0)
        rc = train_stagger(&t, siters, &m->stag);
    if (rc == 0 && folds > 1)
        rc = jackknife(&t, siters, folds, train_stagger, stag_with);
    else if (rc == 0)
        stag_with(&t, &m->stag, t.order, t.count);
    progress(&t, "training the parser");
    if (rc == 0)
        rc = train_parser(&t, iters, &m->arc, &m->lab);
    m->rel.nclass = MZ_DEPREL_COUNT; /* an untrained relabeller saves and loads as empty */
    m->att.nclass = 2;
    if (rc == 0 && folds > 1 && models_of(m->lang)->corrections) {
        progress(&t, "training the reattacher and the relabeller");
        rc = jackknife(&t, iters, folds, train_parser_pair, parse_with);
        /* both on the jackknifed parses in t->pheads and t->plabs */
        if (rc == 0)
            rc = train_linear(&t, MZ_DEPREL_COUNT, relabeller_pass, iters, &m->rel);
        if (rc == 0)
            rc = train_linear(&t, 2, reattacher_pass, iters, &m->att);
    }

    if (rc == 0 && strcmp(m->lang, "ar") == 0)
        rc = mz_seg_train(&m->seg, tb, t.order, t.count);
    trainer_free(&t);
    if (rc < 0) {
        mz_parse_model_free(m);
        mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory while training");
        return NULL;
    }
    return m;
}

void mz_parse_evaluate(const mz_parse_model *m, const mz_treebank *tb, const unsigned char *sel,
                       int gold_tags, mz_parse_scores *sc)
{
    mz_parse_work *w = mz_parse_work_new();
    if (!w)
        return;
    const char *forms[MZ_PARSE_MAX_WORDS];
    uint32_t lens[MZ_PARSE_MAX_WORDS];
    mz_parsed out[MZ_PARSE_MAX_WORDS];
    uint8_t tags[MZ_PARSE_MAX_WORDS];
    for (size_t si = 0; si < tb->nsents; si++) {
        if (sel && !sel[si])
            continue;
        const mz_ud_sent *us = &tb->sents[si];
        for (uint32_t i = 0; i < us->n; i++) {
            forms[i] = mz_tb_str(tb, tb->words[us->first + i].form);
            lens[i] = (uint32_t)strlen(forms[i]);
            tags[i] = tb->words[us->first + i].upos;
            if (tags[i] >= MZ_UPOS_COUNT)
                tags[i] = MZ_UPOS_COUNT - 1;
        }
        mz_parse_sentence(m, w, forms, lens, us->n, gold_tags ? tags : NULL, out);
        for (uint32_t i = 0; i < us->n; i++) {
            const mz_ud_word *g = &tb->words[us->first + i];
            int head_ok = out[i].head == g->head;
            sc->words++;
            sc->upos += out[i].upos == g->upos;
            sc->uas += head_ok;
            sc->las += head_ok && out[i].deprel == g->deprel;
        }
    }
    mz_parse_work_free(w);
}
