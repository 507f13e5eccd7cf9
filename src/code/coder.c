/*
 * coder.c — the mz_coder API: one document at a time, sentence by sentence.
 *
 * The document is validated, copied into the coder's arena, tokenised once, and each token's
 * candidate keys are looked up in the vocabulary once; then each sentence goes through the
 * three passes of coder.h.  All memory for a document comes from the arena or from arrays that
 * are kept and reused across documents.
 */
#include <stdlib.h>
#include <string.h>

#include "../text/utf8.h"
#include "../util/vec.h"
#include "coder.h"
#include "keycache.h"

mz_coder *mz_coder_new(const mz_engine *e, unsigned flags)
{
    if (!e)
        return NULL;
    mz_coder *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->e = e;
    c->flags = flags;
    if (mz_keygen_init(&c->keys) < 0) {
        free(c);
        return NULL;
    }
    return c;
}

void mz_coder_free(mz_coder *c)
{
    if (!c)
        return;
    mz_keygen_free(&c->keys);
    mz_keycache_free(c->kcache);
    mz_tokens_free(&c->toks);
    mz_sentences_free(&c->sents);
    free(c->kc);
    free(c->kfirst);
    free(c->kn);
    free(c->mv);
    free(c->dmv);
    mz_parse_work_free(c->pwork);
    mz_parse_model_free(c->parse_en);
    mz_parse_model_free(c->parse_ar);
    free(c->feat);
    free(c->ev_feat);
    free(c->learned);
    mz_buf_free(&c->explain);
    free(c->sent_m);
    free(c->tok_mention);
    free(c->clause);
    free(c->tok_time);
    free(c->av);
    free(c->gv);
    free(c->ev);
    free(c->sent_text);
    mz_arena_free(&c->arena);
    free(c);
}

/* What mz_detect_lang counts of a byte, in one sum: 1 for the lead byte of U+0600..U+06FF
 * (Arabic), 1 << 16 for an ASCII letter (Latin). */
enum { LANG_AR = 1, LANG_LA = 1 << 16 };
static const uint32_t lang_byte[256] = {
    ['A'] = LANG_LA, ['B'] = LANG_LA, ['C'] = LANG_LA, ['D'] = LANG_LA, ['E'] = LANG_LA,
    ['F'] = LANG_LA, ['G'] = LANG_LA, ['H'] = LANG_LA, ['I'] = LANG_LA, ['J'] = LANG_LA,
    ['K'] = LANG_LA, ['L'] = LANG_LA, ['M'] = LANG_LA, ['N'] = LANG_LA, ['O'] = LANG_LA,
    ['P'] = LANG_LA, ['Q'] = LANG_LA, ['R'] = LANG_LA, ['S'] = LANG_LA, ['T'] = LANG_LA,
    ['U'] = LANG_LA, ['V'] = LANG_LA, ['W'] = LANG_LA, ['X'] = LANG_LA, ['Y'] = LANG_LA,
    ['Z'] = LANG_LA, ['a'] = LANG_LA, ['b'] = LANG_LA, ['c'] = LANG_LA, ['d'] = LANG_LA,
    ['e'] = LANG_LA, ['f'] = LANG_LA, ['g'] = LANG_LA, ['h'] = LANG_LA, ['i'] = LANG_LA,
    ['j'] = LANG_LA, ['k'] = LANG_LA, ['l'] = LANG_LA, ['m'] = LANG_LA, ['n'] = LANG_LA,
    ['o'] = LANG_LA, ['p'] = LANG_LA, ['q'] = LANG_LA, ['r'] = LANG_LA, ['s'] = LANG_LA,
    ['t'] = LANG_LA, ['u'] = LANG_LA, ['v'] = LANG_LA, ['w'] = LANG_LA, ['x'] = LANG_LA,
    ['y'] = LANG_LA, ['z'] = LANG_LA, [0xD8] = LANG_AR, [0xD9] = LANG_AR, [0xDA] = LANG_AR,
    [0xDB] = LANG_AR,
};

/* Arabic when the first 4096 letters hold more Arabic than Latin ones.  The bytes are counted in
 * blocks, and the count stops early once the letters still to come cannot change the answer. */
const char *mz_detect_lang(const char *text, size_t len)
{
    enum { LETTERS = 4096, BLOCK = 64 };
    size_t arabic = 0, latin = 0;
    const unsigned char *u = (const unsigned char *)text;
    size_t i = 0;
    while (i < len && arabic + latin < LETTERS) {
        /* at most one letter per byte, and never more than the budget left */
        size_t left = LETTERS - (arabic + latin);
        if (len - i < left)
            left = len - i;
        if (arabic > latin + left || arabic + left <= latin)
            break;
        size_t stop = i + (left < BLOCK ? left : BLOCK);
        uint32_t sum = 0; /* a block adds less than 1 << 16 to each half */
        for (; i < stop; i++)
            sum += lang_byte[u[i]];
        arabic += sum & 0xFFFF;
        latin += sum >> 16;
    }
    return arabic > latin ? "ar" : "en";
}

const char *mz_mention_code(const mz_coder *c, const mz_mention *m)
{
    if (m->flags & MZ_MENTION_LEARNED)
        return c->learned[m->value].code;
    return mz_pool_str(c->e, m->value);
}

int mz_word_marker(const mz_coder *c, uint32_t i, int kind)
{
    const mz_engine *e = c->e;
    for (uint32_t j = 0; j < c->kn[i]; j++) {
        uint32_t node = mz_matcher_next(&e->m, 0, c->kc[c->kfirst[i] + j].word);
        for (uint32_t x = node == MZ_NONE ? MZ_NONE : e->m.node_entry[node]; x != MZ_NONE; x = e->entries[x].next)
            if (e->entries[x].kind == MZ_E_MARKER && e->entries[x].value == (uint32_t)kind)
                return 1;
    }
    return 0;
}

int mz_after_place_word(const mz_coder *c, uint32_t i)
{
    /* "in the United States"; "in a US operation" names no party either */
    if (i > 1 &&
        (mz_tok_is(c, i - 1, "the") || mz_tok_is(c, i - 1, "a") || mz_tok_is(c, i - 1, "an")))
        i--;
    return i > 0 && mz_marker_at(c, i - 1) == MZ_M_LOC;
}

const char *mz_span_text(mz_coder *c, uint32_t b, uint32_t e)
{
    if (e <= b)
        return "";
    uint32_t s = c->toks.v[b].start, t = c->toks.v[e - 1].end;
    const char *p = mz_arena_strndup(&c->arena, c->text + s, t - s);
    return p ? p : "";
}


/* A word the dictionaries begin a phrase with is read as itself, not as the preposition ب, ل or
 * ك before another word (بحث "discussed" is no ب + حث "by urging", لقاء no ل + قاء): drops those
 * readings of out[0..n) when the whole word is such a word; returns how many remain. */
static int whole_word_first(const mz_coder *c, mz_kcand *out, int n)
{
    int whole = 0;
    for (int j = 0; j < n && !whole; j++)
        whole = out[j].stripped == 0 && mz_matcher_next(&c->e->m, 0, out[j].word) != MZ_NONE;
    if (!whole)
        return n;
    int k = 0;
    for (int j = 0; j < n; j++)
        if (!(out[j].clitic & (MZ_CL_BI | MZ_CL_LI | MZ_CL_KA)))
            out[k++] = out[j];
    return k;
}

/* The candidate keys of token i that the vocabulary knows, written to out (room for
 * MZ_CAND_MAX); returns how many. */
static int known_keys(mz_coder *c, size_t i, mz_kcand *out)
{
    const mz_token *t = &c->toks.v[i];
    mz_cand cand[MZ_CAND_MAX];
    int k = mz_token_keys(&c->keys, mz_tok_fold(&c->toks, i), t->fold_len, t->flags, cand);
    int n = 0;
    for (int j = 0; j < k; j++) {
        uint32_t w = mz_matcher_word(&c->e->m, cand[j].s, cand[j].len);
        if (w == MZ_NONE)
            continue;
        /* a word written with a final ة (folded to ه) ends in no pronoun ه: the only suffix
         * reading it has is its feminine ending (وزيرة as وزير, السويدية as السويدي) */
        int fem = (t->flags & MZ_TOK_FINAL_TA) && (cand[j].flags & MZ_CL_SUFFIX);
        uint8_t cl = fem ? (uint8_t)(cand[j].flags & ~MZ_CL_SUFFIX) : cand[j].flags;
        out[n++] = (mz_kcand){w, cl, cand[j].stripped, (uint8_t)fem};
    }
    return whole_word_first(c, out, n);
}

/* The token flags that choose what keys a word has (mz_token_keys). */
enum { KEY_KIND_FLAGS = MZ_TOK_ARABIC | MZ_TOK_WORD | MZ_TOK_CAPS };

/* The memo's kind of a token's keys: the flags that choose them, in a byte (a final ة, which
 * forbids the suffix reading of its ه, as the byte's top bit). */
static unsigned key_kind(uint32_t flags)
{
    return (flags & KEY_KIND_FLAGS) | ((flags & MZ_TOK_FINAL_TA) ? 0x80u : 0u);
}

/* Looks up every token's candidate keys in the vocabulary, keeping the known ones.  The known
 * keys of a word are taken from the coder's memo when it has them (keycache.h). */
static int lookup_keys(mz_coder *c)
{
    size_t n = c->toks.n;
    size_t cap = c->ktok_cap;
    if (mz_grow((void **)&c->kfirst, &cap, n + 1, sizeof *c->kfirst) < 0)
        return -1;
    cap = c->ktok_cap;
    if (mz_grow((void **)&c->kn, &cap, n + 1, sizeof *c->kn) < 0)
        return -1;
    c->ktok_cap = cap;
    cap = c->tm_cap;
    if (mz_grow((void **)&c->tok_mention, &cap, n + 1, sizeof *c->tok_mention) < 0)
        return -1;
    cap = c->tm_cap;
    if (mz_grow((void **)&c->clause, &cap, n + 1, sizeof *c->clause) < 0)
        return -1;
    cap = c->tm_cap;
    if (mz_grow((void **)&c->tok_time, &cap, n + 1, sizeof *c->tok_time) < 0)
        return -1;
    c->tm_cap = cap;
    if (!c->kcache && !(c->kcache = mz_keycache_new()))
        return -1;
    size_t nkc = 0; /* c->nkc, kept in a register while the loop stores keys */
    mz_kcand fresh[MZ_CAND_MAX];
    for (size_t i = 0; i < n; i++) {
        const mz_token *t = &c->toks.v[i];
        const mz_kcand *known = fresh;
        int k = -1, cacheable = t->fold_len <= MZ_KEYCACHE_FOLD_MAX;
        mz_keycache_word w; /* made when cacheable, and only then used */
        if (cacheable) {
            mz_keycache_word_make(&w, mz_tok_fold(&c->toks, i), t->fold_len, key_kind(t->flags));
            k = mz_keycache_get(c->kcache, &w, &known);
        }
        if (k < 0) {
            known = fresh;
            k = known_keys(c, i, fresh);
            if (cacheable)
                mz_keycache_put(c->kcache, &w, fresh, k);
        }
        c->kfirst[i] = (uint32_t)nkc;
        c->kn[i] = (uint8_t)k;
        if (nkc + (size_t)k > c->kc_cap &&
            mz_grow((void **)&c->kc, &c->kc_cap, nkc + (size_t)k, sizeof *c->kc) < 0) {
            c->nkc = nkc;
            return -1;
        }
        for (int j = 0; j < k; j++) /* few: a loop beats a call to memcpy (kc is NULL while empty) */
            c->kc[nkc + (size_t)j] = known[j];
        nkc += (size_t)k;
    }
    c->nkc = nkc;
    return 0;
}

/* Acts (code prefixes) a government does to its state named alone, which stands for the people
 * or places of the country: a street protest of the people against their government, an
 * arrest in the country (the convention 3 of the coding guide), fighting in a place of the
 * country (forces loyal to the government taking a city from rebels). */
static const char *const own_state_acts[] = {"14", "173", "19"};

int mz_code_prefixed(const char *code, const char *const *prefixes, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (mz_starts_with(code, prefixes[k]))
            return 1;
    return 0;
}

/* Whether an act coded `code` between a government and its own state named alone is one
 * (own_state_acts): otherwise the two are one side, and a government acting on itself is no
 * event (the coding guide's convention 1): "عبر مجلس الأمن الوطني الأمريكي عن إدانة الولايات
 * المتحدة" names the United States as the doer, not the target. */
static int own_state_act(const char *code)
{
    return mz_code_prefixed(code, own_state_acts, sizeof own_state_acts / sizeof *own_state_acts);
}

/* Whether an event between two actors of one country is one CAMEO codes: two different parts of
 * the country (police against protesters, IRNJUD → IRNOPP), a part acting on the country
 * (citizens protesting in Cairo), or the country acting on a part the sentence names ("the
 * Lebanese" against the government).  A part that only the document's country resolves is not
 * the target of its own country: in "Egypt massed troops" the troops are Egypt's means, but
 * the people of a country protest against its government; and no one visits or hosts his own
 * country. */
static int domestic_ok(const mz_actor *s, const mz_actor *t, const char *code)
{
    size_t base = strlen(s->country);
    if (strcmp(code, "042") == 0 || strcmp(code, "043") == 0)
        return 0; /* a visit inside one's own country (the president went to Aden) is no event */
    /* a government and its own state named alone are one side (own_state_act) */
    if (!own_state_act(code) && ((strlen(t->code) == base && strcmp(s->code + base, "GOV") == 0) ||
                                 (strlen(s->code) == base && strcmp(t->code + base, "GOV") == 0)))
        return 0;
    /* a country named alone that protests in the street is its people ("Hongkongers have been
     * protesting"): a state's own protest is a statement (114), and the government the protest
     * is against may come from the document */
    return strlen(s->code) > base || !t->home || strncmp(code, "14", 2) == 0;
}

/* Countries where transnational armed groups hold ground and fight their wars: a document about
 * one of them places the group's acts there when the sentence names no place. */
static const char *const militant_grounds[] = {"SYR", "IRQ", "AFG", "LBY", "YEM", "SOM", "MLI"};

/* Transnational armed groups, coded IMGREB by the dictionaries (Daesh, al-Qaeda), are coded by
 * the country where they act, as the coding guide's convention 6 codes armed groups: the place
 * the sentence names ("غارة أمريكية في أفغانستان قتلت قياديا بتنظيم القاعدة"), else the
 * document's country when it is one of militant_grounds (not Turkey's, whose strikes on Daesh
 * fall in Syria).  Returns a, or tmp filled with the group of that country. */
static const mz_actor *where_active(mz_coder *c, const mz_actor *a, mz_actor *tmp)
{
    if (!a || !a->code || strcmp(a->code, "IMGREB") != 0 || c->sentence < 0 || (size_t)c->sentence >= c->sents.n)
        return a;
    const mz_sentence *st = &c->sents.v[c->sentence];
    const mz_actor *place = mz_place_of(c, st->tok_begin, st->tok_end);
    const char *country = place ? place->country : "";
    for (size_t k = 0; !place && k < sizeof militant_grounds / sizeof *militant_grounds; k++)
        if (strcmp(c->home, militant_grounds[k]) == 0)
            country = c->home;
    int state = mz_len3(country) && mz_actor_class_of(country, 0, 0) == MZ_ACTOR_COUNTRY;
    char *code = state ? mz_arena_alloc(&c->arena, 7) : NULL; /* not a region (الشرق الأوسط) */
    if (!code)
        return a;
    memcpy(code, country, 3); /* three letters, checked above */
    memcpy(code + 3, "REB", 4);
    *tmp = *a;
    tmp->code = code;
    memcpy(tmp->country, country, 4);
    return tmp;
}

/* Appends one event of act coded `code`.  `s` or `t` may be NULL in partial mode; the caller
 * checks that. */
static int emit_one(mz_coder *c, const mz_actor *s, const mz_actor *t, const mz_act *act,
                    const char *code)
{
    mz_actor s_active, t_active;
    s = where_active(c, s, &s_active);
    t = where_active(c, t, &t_active);
    const mz_mention *v = act->verb;
    const char *sc = s && s->code ? s->code : "---", *tc = t && t->code ? t->code : "---";
    if (s && t && s->code && t->code && s->country[0] && strcmp(s->country, t->country) == 0 &&
        !domestic_ok(s, t, code)) {
        mz_explain(c, "    dropped %s %s %s: one country, not two sides of it", sc, code, tc);
        return 0;
    }
    if (s && t && s->code && t->code && strcmp(s->code, t->code) == 0) {
        mz_explain(c, "    dropped %s %s %s: an actor acting on itself", sc, code, tc);
        return 0;
    }
    if (!(c->flags & MZ_CODE_PARTIAL) && (!s || !t || !s->code || !t->code)) {
        mz_explain(c, "    dropped %s %s %s: a side is unknown (--partial keeps it)", sc, code, tc);
        return 0;
    }
    /* one event per (source, code, target) in a sentence */
    for (size_t i = c->nev; i-- > 0 && c->ev[i].sentence == c->sentence;) {
        const mz_event *o = &c->ev[i];
        if (strcmp(o->code, code) == 0 && strcmp(o->source, s && s->code ? s->code : "---") == 0 &&
            strcmp(o->target, t && t->code ? t->code : "---") == 0)
            return 0;
    }
    if (mz_grow((void **)&c->ev, &c->ev_cap, c->nev + 1, sizeof *c->ev) < 0 ||
        mz_grow((void **)&c->ev_feat, &c->ev_feat_cap, c->nev + 1, sizeof *c->ev_feat) < 0)
        return -1;
    c->ev_feat[c->nev] = act->feat;
    const mz_cameo *cm = mz_engine_cameo(c->e, code);
    mz_event *ev = &c->ev[c->nev];
    memset(ev, 0, sizeof *ev);
    ev->doc = c->doc_id;
    ev->sentence = c->sentence;
    ev->date = c->date;
    ev->lang = c->lang;
    ev->source = s && s->code ? s->code : "---";
    ev->target = t && t->code ? t->code : "---";
    ev->source_country = s && s->code ? mz_arena_strndup(&c->arena, s->country, strlen(s->country)) : "";
    ev->target_country = t && t->code ? mz_arena_strndup(&c->arena, t->country, strlen(t->country)) : "";
    ev->code = code;
    ev->root = cm ? cm->root : "";
    ev->quad = cm ? cm->quad : 0;
    ev->goldstein = cm ? cm->goldstein : 0.0;
    ev->plover = cm ? cm->plover : "";
    ev->mood = act->intent ? MZ_MOOD_INTENT : MZ_MOOD_FACT;
    ev->text = act->text;
    ev->ev_source = s ? mz_span_text(c, s->b, s->e) : "";
    ev->ev_target = t ? mz_span_text(c, t->b, t->e) : "";
    ev->ev_context_source = s && s->context ? s->context : "";
    ev->ev_context_target = t && t->context ? t->context : "";
    if (v->tail_e > v->tail_b) {
        const char *h = mz_span_text(c, v->b, v->e), *tl = mz_span_text(c, v->tail_b, v->tail_e);
        size_t hl = strlen(h), tl_len = strlen(tl);
        char *both = mz_arena_alloc(&c->arena, hl + tl_len + 6);
        if (!both)
            return -1;
        memcpy(both, h, hl);
        memcpy(both + hl, " ... ", 5);
        memcpy(both + hl + 5, tl, tl_len + 1);
        ev->ev_verb = both;
    } else {
        ev->ev_verb = mz_span_text(c, v->b, v->e);
    }
    if (!ev->source_country || !ev->target_country)
        return -1;
    c->nev++;
    mz_explain(c, "    event %s %s %s (%s)", ev->source, ev->code, ev->target,
               ev->mood == MZ_MOOD_INTENT ? "intent" : "fact");
    return 0;
}

/* Acts that two sides do with each other, whoever the sentence names first: consultations,
 * telephone talks, meetings, negotiations, signed agreements.  ICEWS and the real-text gold code
 * them both ways, and an analyst's dyad or network should not depend on the word order. */
static const char *const mutual_codes[] = {"040", "041", "044", "046", "057"};

int mz_code_mutual(const char *code)
{
    for (size_t i = 0; i < sizeof mutual_codes / sizeof *mutual_codes; i++)
        if (strcmp(code, mutual_codes[i]) == 0)
            return 1;
    return 0;
}

/* Appends the event of act from s to t and, when both sides are known, the event from t to s:
 * with PETRARCH's code for the other direction when the verb carries one ([A:B]: *X left for Y*
 * is X 032 Y and Y 033 X) and the act keeps the verb's own code, else with the same code when
 * the act is mutual (by its code, or "each other") and the verb is mizan's own. */
int mz_emit(mz_coder *c, const mz_actor *s, const mz_actor *t, const mz_act *act)
{
    size_t before = c->nev;
    if (emit_one(c, s, t, act, act->code) < 0)
        return -1;
    if (c->nev == before || !s || !t || !s->code || !t->code)
        return 0;
    const mz_verb *vb = &c->e->verbs[act->verb->value];
    if (vb->rcode != MZ_NONE && strcmp(act->code, mz_pool_str(c->e, vb->code)) == 0)
        return emit_one(c, t, s, act, mz_pool_str(c->e, vb->rcode));
    /* a PETRARCH dictionary says itself which acts go both ways ([A:B]) */
    if ((vb->flags & MZ_V_PETRARCH) || !(mz_code_mutual(act->code) || act->mutual))
        return 0;
    return emit_one(c, t, s, act, act->code);
}

/* Finds the mentions of every sentence into c->dmv, so that what the whole document says (its
 * country, the people it introduces) is known before its first sentence is coded. */
static int find_all_mentions(mz_coder *c)
{
    if (mz_grow((void **)&c->sent_m, &c->sent_m_cap, c->sents.n + 1, sizeof *c->sent_m) < 0)
        return -1;
    c->ndm = 0;
    for (size_t i = 0; i < c->sents.n; i++) {
        c->sent_m[i] = (uint32_t)c->ndm;
        if (mz_find_mentions(c, c->sents.v[i].tok_begin, c->sents.v[i].tok_end) < 0)
            return -1;
        if (c->ndm + c->nm > c->dm_cap &&
            mz_grow((void **)&c->dmv, &c->dm_cap, c->ndm + c->nm, sizeof *c->dmv) < 0)
            return -1;
        if (c->nm)
            memcpy(c->dmv + c->ndm, c->mv, c->nm * sizeof *c->mv);
        c->ndm += c->nm;
    }
    c->sent_m[c->sents.n] = (uint32_t)c->ndm;
    return 0;
}

/* Makes sentence i's mentions the current ones (c->mv); tok_mention still indexes them. */
static void load_mentions(mz_coder *c, size_t i)
{
    c->nm = c->sent_m[i + 1] - c->sent_m[i];
    if (c->nm)
        memcpy(c->mv, c->dmv + c->sent_m[i], c->nm * sizeof *c->mv);
}

static mz_status code_sentences(mz_coder *c, mz_error *err)
{
    if (mz_grow((void **)&c->sent_text, &c->sent_cap, c->sents.n + 1, sizeof *c->sent_text) < 0 ||
        find_all_mentions(c) < 0)
        return mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
    mz_context_home(c);
    memset(&c->subject, 0, sizeof c->subject);
    c->ntold = 0;
    if (mz_learn_names(c) < 0)
        return mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
    c->npair_mem = 0; /* learning built actors out of order: the pair is counted afresh */
    for (size_t i = 0; i < c->sents.n; i++) {
        const mz_sentence *s = &c->sents.v[i];
        const char *text = mz_arena_strndup(&c->arena, c->text + s->start, s->end - s->start);
        if (!text)
            return mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
        c->sent_text[i] = text;
        c->sentence = (int)i;
        load_mentions(c, i);
        mz_explain_sentence(c, i, text);
        if (mz_build_actors(c) < 0)
            return mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
        mz_explain_groups(c);
        if (mz_parse_current(c, s->tok_begin, s->tok_end) < 0)
            return mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
        if (mz_attach(c, s->tok_begin, s->tok_end, text) < 0)
            return mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
    }
    return MZ_OK;
}

mz_status mz_coder_code(mz_coder *c, const mz_doc *doc, const mz_event **events, size_t *count,
                        mz_error *err)
{
    *events = NULL;
    *count = 0;
    c->nev = 0;
    c->nfeat = 0;
    c->sents.n = 0;
    mz_buf_clear(&c->explain);
    mz_arena_reset(&c->arena);
    if (!doc || !doc->id || (!doc->text && doc->len))
        return mz_fail(err, MZ_ERR_ARG, NULL, 0, "document without id or text");
    if (doc->len > UINT32_MAX / 2)
        return mz_fail(err, MZ_ERR_LIMIT, doc->id, 0, "document larger than 2 GiB");
    size_t bad;
    const char *why;
    if (doc->len && mz_utf8_check(doc->text, doc->len, &bad, &why) < 0)
        return mz_fail(err, MZ_ERR_UTF8, doc->id, 0, "%s at byte %zu", why, bad);
    c->date_num = 0;
    if (doc->date && doc->date[0]) {
        int32_t d = mz_parse_date(doc->date, strlen(doc->date));
        if (d < 0)
            return mz_fail(err, MZ_ERR_PARSE, doc->id, 0, "bad date '%s' (expected YYYY-MM-DD)", doc->date);
        c->date_num = d;
    }
    const char *lang = doc->lang && doc->lang[0] ? doc->lang : mz_detect_lang(doc->text, doc->len);
    if (strcmp(lang, "ar") != 0 && strcmp(lang, "en") != 0)
        return mz_fail(err, MZ_ERR_ARG, doc->id, 0, "unknown language '%s' (expected ar or en)", lang);
    c->arabic = lang[0] == 'a';
    c->lang = lang[0] == 'a' ? "ar" : "en";
    c->text = mz_arena_strndup(&c->arena, doc->len ? doc->text : "", doc->len);
    c->doc_id = mz_arena_strndup(&c->arena, doc->id, strlen(doc->id));
    c->date = c->date_num ? mz_arena_strndup(&c->arena, doc->date, 10) : "";
    if (!c->text || !c->doc_id || !c->date)
        return mz_fail(err, MZ_ERR_NOMEM, doc->id, 0, "out of memory");
    if (mz_tokenize(c->text, doc->len, &c->toks) < 0 || lookup_keys(c) < 0 ||
        mz_split_sentences(c->text, &c->toks, &c->sents) < 0)
        return mz_fail(err, MZ_ERR_NOMEM, doc->id, 0, "out of memory");
    mz_status st = code_sentences(c, err);
    if (st != MZ_OK)
        return st;
    *events = c->ev;
    *count = c->nev;
    return MZ_OK;
}

size_t mz_coder_sentence_count(const mz_coder *c) { return c->sents.n; }

const char *mz_coder_sentence(const mz_coder *c, size_t i)
{
    return i < c->sents.n ? c->sent_text[i] : NULL;
}

int mz_coder_sentence_span(const mz_coder *c, size_t i, size_t *start, size_t *end)
{
    if (i >= c->sents.n)
        return -1;
    *start = c->sents.v[i].start;
    *end = c->sents.v[i].end;
    return 0;
}
