/*
 * context.c — what a document says beyond each sentence.
 *
 * News names its country once and then speaks of "the police", "the court", "the government",
 * الشرطة, المحكمة, المعارضة: a human coder reads these as that country's.  Before any sentence is
 * coded, the mentions of the whole document are known (coder.c), and the document's country is
 * taken from them: the place of a dateline ("CAIRO, March 3 (Reuters) -", "الرياض 12 - 5 (واس) -")
 * when the document opens with one, else the country named most often (the first named among
 * equals).  actors.c gives it to agents that name no country of their own.
 */
#include <stdlib.h>
#include <string.h>

#include "coder.h"

enum { DATELINE_PLACE = 2, DATELINE_REACH = 8, COUNTRIES = 64 };

/* Punctuation that closes a dateline's place and date. */
static const char *const dateline_punct[] = {
    "(", "-", "\xe2\x80\x94" /* — */, "\xe2\x80\x93" /* – */, ":",
};

/* CAMEO codes that begin an actor code and name no country a document could be about:
 * organisations, armed groups and companies of no state, and regions.  In strcmp order. */
static const char *const stateless[] = {
    "AFR", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "IGO",
    "IMG", "LAM", "MDT", "MEA", "MNC", "NAF", "NGO", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN",
    "SEA", "WAF", "WST",
};

/* Orders an actor code (the key) against a stateless prefix by its first three letters. */
static int cmp_prefix(const void *key, const void *entry)
{
    const unsigned char *a = key, *b = *(const unsigned char *const *)entry;
    return a[0] != b[0] ? a[0] - b[0] : a[1] != b[1] ? a[1] - b[1] : a[2] - b[2]; /* keys have three */
}

/* The country of a mention naming one (an actor or adjective whose code is a country's, with or
 * without a role), written to out; 0 when it names none. */
static int mention_country(const mz_coder *c, const mz_mention *m, char out[8])
{
    if (m->kind != MZ_E_ACTOR && m->kind != MZ_E_ADJ)
        return 0;
    const char *code = mz_mention_code(c, m);
    if (!code[0] || !code[1] || !code[2])
        return 0;
    if (bsearch(code, stateless, sizeof stateless / sizeof *stateless, sizeof *stateless, cmp_prefix))
        return 0;
    mz_actor_country(code, out);
    return 1;
}

/* The dateline's place: the document's first mention, a country, among its first tokens and
 * followed closely by the punctuation of a dateline, with no verb of a PETRARCH dictionary
 * before it ("Gollum abandoned an anti- Gondor parade" opens with its subject). */
static mz_mention *dateline(mz_coder *c)
{
    if (!c->sents.n || c->sent_m[1] == 0)
        return NULL;
    mz_mention *m = &c->dmv[0];
    const mz_sentence *s = &c->sents.v[0];
    char ctry[8];
    if (m->b > s->tok_begin + DATELINE_PLACE || !mention_country(c, m, ctry))
        return NULL;
    size_t next = 1; /* the sentence's mentions after the place, in order */
    for (uint32_t i = m->e; i < s->tok_end && i < m->e + DATELINE_REACH; i++) {
        for (; next < c->sent_m[1] && c->dmv[next].b <= i; next++)
            if (c->dmv[next].kind == MZ_E_VERB &&
                (c->e->verbs[c->dmv[next].value].flags & MZ_V_PETRARCH))
                return NULL;
        for (size_t k = 0; k < sizeof dateline_punct / sizeof dateline_punct[0]; k++)
            if (mz_tok_is(c, i, dateline_punct[k]))
                return m;
    }
    return NULL;
}

void mz_context_home(mz_coder *c)
{
    c->home[0] = '\0';
    c->home_text = NULL;
    const mz_mention *home = dateline(c);
    const char *how = "from the dateline";
    int from_dateline = home != NULL;
    if (!home) {
        how = "the country named most, first as";
        struct {
            char country[8];
            int count;
            const mz_mention *first;
        } seen[COUNTRIES];
        int n = 0, best = -1;
        for (size_t k = 0; k < c->ndm; k++) {
            char ctry[8];
            if (!mention_country(c, &c->dmv[k], ctry))
                continue;
            int i = 0;
            while (i < n && memcmp(seen[i].country, ctry, 4) != 0) /* "RUS\0" */
                i++;
            if (i == n) {
                if (n == COUNTRIES)
                    continue;
                memcpy(seen[n].country, ctry, sizeof ctry);
                seen[n].count = 0;
                seen[n++].first = &c->dmv[k];
            }
            seen[i].count++;
            if (best < 0 || seen[i].count > seen[best].count)
                best = i;
        }
        home = best >= 0 ? seen[best].first : NULL;
    }
    if (home) {
        mention_country(c, home, c->home);
        c->home_text = mz_span_text(c, home->b, home->e);
    }
    mz_explain_home(c, how);
    if (from_dateline) {
        /* the dateline says where the news comes from; it is no party to what it reports */
        c->dmv[0].kind = MZ_E_MARKER;
        c->dmv[0].value = 0;
    }
}
