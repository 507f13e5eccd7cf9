/*
 * salience.c — whether an act the coder found is news, by the trained model of
 * src/dict/salience.h.
 *
 * Real sentences name many acts they do not report: a film called "the assassination of ...",
 * "a blow to the economy", an attack recalled as the reason for today's news.  Word order says
 * little about that; the words around the act say more.  The features of an act are its verb
 * (words, code, root, form: noun or verb, definite, tense), the words beside it, the grammar
 * markers before it, whether its source and target were named, where it stands in the sentence
 * and the sentence's words; each is hashed.  The model, trained by `mizan train-salience` on
 * sentences labelled for an event type, judges only the language and PLOVER types it was trained
 * for.  An act it judges below its threshold is not coded (unless MZ_CODE_ALL_ACTS).  An act
 * told with both its parties named is mostly news in the gold of real text (`قصفت طائرات
 * التحالف مواقع الحوثيين`) yet a past attack, a threat or a statistic names its parties too
 * (`شنت مصر وإسرائيل هجوما عام 1973`): such an act is judged only against a floor far under
 * the threshold, dropped where the model is all but sure it is not news, and only in a dated
 * document.
 */
#include <stdio.h>
#include <string.h>

#include "../text/clitic.h"
#include "../util/vec.h"
#include "coder.h"

enum { BAG_MAX = 80 };

typedef struct feats {
    uint32_t *v;
    int n, max;
} feats;

static void add(feats *f, const char *prefix, const char *value)
{
    if (f->n < f->max)
        f->v[f->n++] = mz_salience_feature(prefix, value);
}

/* A word of the sentence as a feature: its folded form, in Arabic without a leading و or ال,
 * so that والهجوم and الهجوم and هجوم are one. */
static const char *word_of(const mz_coder *c, uint32_t i, char *buf, size_t cap)
{
    const char *w = mz_tok_fold(&c->toks, i);
    size_t n = strlen(w);
    if (c->arabic && n > 4 && strncmp(w, "\xd9\x88", 2) == 0)
        w += 2, n -= 2;
    if (c->arabic && n > 6 && strncmp(w, "\xd8\xa7\xd9\x84", 4) == 0)
        w += 4, n -= 4;
    if (n < cap)
        return w; /* the form itself, without a copy (once per word of every judged act) */
    memcpy(buf, w, cap - 1); /* cut where the features were always cut */
    buf[cap - 1] = '\0';
    return buf;
}

int mz_salience_features(mz_coder *c, const mz_mention *v, uint32_t b, uint32_t e, int src, int tgt,
                         uint32_t *out, int max)
{
    feats f = {out, 0, max};
    char w[128], t[16];
    const char *code = mz_verb_code(c, v);
    add(&f, "bias", "");
    add(&f, "code", code);
    snprintf(t, sizeof t, "%.2s", code);
    add(&f, "root", t);
    add(&f, "verb", word_of(c, v->b, w, sizeof w));
    add(&f, "form", (v->flags & MZ_V_NOUN) ? "noun" : "verb");
    if (v->clitic & MZ_CL_DEF)
        add(&f, "form", "definite");
    if (v->clitic & MZ_CL_FUT)
        add(&f, "form", "future");
    if (v->flags & MZ_V_PRES)
        add(&f, "form", "present");
    static const char *const near[] = {"l2", "l1", "r1", "r2"};
    const int64_t at[] = {(int64_t)v->b - 2, (int64_t)v->b - 1, v->e, (int64_t)v->e + 1};
    for (int k = 0; k < 4; k++)
        add(&f, near[k], at[k] >= b && at[k] < e ? word_of(c, (uint32_t)at[k], w, sizeof w) : "<edge>");
    for (uint32_t i = b; i < v->b; i++)
        if (mz_marker_at(c, i))
            add(&f, "marker", mz_marker_name(mz_marker_at(c, i)));
    add(&f, "source", src < 0 ? "none" : c->av[c->gv[src].first].home ? "document" : "named");
    add(&f, "target", tgt < 0 ? "none" : c->av[c->gv[tgt].first].home ? "document" : "named");
    snprintf(t, sizeof t, "%d", v->b - b < 3 ? 0 : v->b - b < 12 ? 1 : 2);
    add(&f, "position", t);
    snprintf(t, sizeof t, "%d", e - b < 12 ? 0 : e - b < 30 ? 1 : 2);
    add(&f, "length", t);
    int numbers = 0;
    for (uint32_t i = b, k = 0; i < e && k < BAG_MAX; i++) {
        if (c->toks.v[i].flags & MZ_TOK_WORD)
            add(&f, "word", word_of(c, i, w, sizeof w)), k++;
        numbers += (c->toks.v[i].flags & MZ_TOK_NUM) != 0;
    }
    add(&f, "numbers", numbers ? "some" : "none"); /* casualties and dates are counted in news */
    char pair[160];
    snprintf(pair, sizeof pair, "%s>%s", word_of(c, v->b, w, sizeof w),
             v->e < e ? mz_tok_fold(&c->toks, v->e) : "<edge>");
    add(&f, "verb+r1", pair);
    return f.n;
}

/* Whether group g names a party with the sentence's own words (not -1, not only the document's
 * country, not a party supplied by convention: "تفجيرات في لبنان" names neither bomber nor
 * victim). */
static int named(const mz_coder *c, int g)
{
    const mz_actor *a = g >= 0 ? &c->av[c->gv[g].first] : NULL;
    return a && a->code && !a->home && !a->implied;
}

/* The feature that marks an act told with both parties named: a hash of a short string, computed
 * where it is needed (no cache shared by the threads that code). */
static uint32_t told_feature(void)
{
    return mz_salience_feature("told", "");
}

int mz_salience_told(const uint32_t *f, int n)
{
    uint32_t told = told_feature();
    for (int i = n; i-- > 0;)
        if (f[i] == told)
            return 1;
    return 0;
}

int mz_salience_keep(mz_coder *c, const mz_mention *v, uint32_t b, uint32_t e, int src, int tgt,
                     const char *code, int *feat)
{
    const mz_salience *m = &c->e->salience;
    *feat = -1;
    int keep_features = (c->flags & MZ_CODE_FEATURES) != 0;
    if (!keep_features && (!m->w || strcmp(m->lang, c->lang) != 0))
        return 1; /* no model for the language: the common case, decided at once */
    /* both parties named by the sentence: the act is told, not alluded to, and is judged only
     * against the model's told threshold, a floor far under the others (none: not judged), and
     * only in a dated document: undated text has no "now" the act could be background to (the
     * project codes undated history, `ألقت الولايات المتحدة قنبلة ذرية على اليابان`) */
    int told = named(c, src) && named(c, tgt);
    const mz_cameo *cm = mz_engine_cameo(c->e, code);
    int judged = cm && mz_salience_judges(m, c->lang, cm->plover) &&
                 (!told || (m->told_threshold > 0 && c->date_num));
    if (!judged && !keep_features)
        return 1;
    uint32_t f[MZ_SALIENCE_FEATURES];
    int n = mz_salience_features(c, v, b, e, src, tgt, f, MZ_SALIENCE_FEATURES - 1);
    if (told)
        f[n++] = told_feature();
    if (keep_features) { /* kept for `mizan train-salience` */
        if (mz_grow((void **)&c->feat, &c->feat_cap, c->nfeat + (size_t)n + 1, sizeof *c->feat) < 0)
            return -1;
        *feat = (int)c->nfeat;
        c->feat[c->nfeat++] = (uint32_t)n;
        memcpy(c->feat + c->nfeat, f, (size_t)n * sizeof *f);
        c->nfeat += (size_t)n;
    }
    if (!judged || (c->flags & MZ_CODE_ALL_ACTS))
        return 1;
    double p = mz_salience_prob(m, cm->plover, f, n);
    double th = told ? m->told_threshold : mz_salience_threshold(m, cm->plover);
    if (p >= th)
        return 1;
    if (c->flags & MZ_CODE_EXPLAIN)
        mz_explain(c, "  verb \"%s\" %s: not coded: not news by the salience model (%.3f < %.3f%s)",
                   mz_span_text(c, v->b, v->e), code, p, th, told ? ", told" : "");
    return 0;
}

int mz_coder_event_features(const mz_coder *c, size_t i, const uint32_t **f)
{
    if (i >= c->nev || c->ev_feat[i] < 0)
        return -1;
    *f = c->feat + c->ev_feat[i] + 1;
    return (int)c->feat[c->ev_feat[i]];
}
