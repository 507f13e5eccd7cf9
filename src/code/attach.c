/*
 * attach.c — giving each verb its source and target, and coding events.
 *
 * Without a parser, attachment follows word order inside a clause (clauses end at commas,
 * semicolons, "that"/أن, clause words such as while/بينما and attribution verbs):
 *   English   source = nearest group before the verb, target = first group after it;
 *             passive (was/were … by X): source = X, target = the group before the verb.
 *   Arabic    finite verb: SVO when a group precedes it in the clause, else VSO (the first group
 *             after the verb is the source, the next the target); verbal noun (masdar): a group
 *             right after the noun is its genitive subject when another group follows
 *             (تزويد كوريا الشمالية روسيا, دعم الصين لروسيا), else its object; passive with
 *             من قبل X, a damma on the verb, or تم/جرى + masdar.
 * Then: negation and hypotheticals drop the event; futures and stated intentions give mood
 * "intent"; an attribution verb passes its speaker to an embedded act with no subject; a verb
 * with no target followed by another verb modifies it (agreed to supply, تعهدت بتقديم); "in
 * exchange for"/مقابل reverses the previous event; a dual pronoun (اتفاقهما) refers to the last
 * two actors; "between A and B" and joint subjects code each pair once.
 */
#include <stdio.h>
#include <string.h>

#include "coder.h"

enum { WINDOW = 3, WITHIN_MAX = 3 };

/* What a modifying verb or an attribution passes on to the verbs after it. */
typedef struct carry {
    int speaker;        /* group of the last attribution's speaker, -1 */
    int home_speaker;   /* a speaker only the document's country resolves ("وقالت الشرطة"), -1:
                         * taken by "that" + pronoun (إنها) alone */
    uint32_t speaker_from;
    int intent;         /* from a modifying verb */
    int source;         /* from a modifying verb, -1 */
    int consult;        /* the modifying verb's mention when it is a consultation (04: a visit,
                         * talks, a meeting), whose act the next one is the topic or purpose of;
                         * -1 */
    int active;         /* the carried intent/source/consult apply to the next verb */
    int last_src, last_tgt; /* groups of the last coded event, for "in exchange for" */
    int governed;           /* an appeal, demand, accusation, rejection or threat was coded ... */
    uint32_t governed_at;   /* ... ending here: the acts after it are its content */
    uint32_t last_end;      /* end of the last coded verb (and its tail), 0 when none */
    int cited;              /* an English "according to" was read (its groups are no doers) */
} carry;

/* Punctuation that ends a clause: the ASCII marks, then the others. */
static const char boundary_ascii[] = ",;:()\"";
static const char *const boundary_punct[] = {
    "\xd8\x8c" /* ، */, "\xd8\x9b" /* ؛ */, "\xc2\xab" /* « */, "\xc2\xbb" /* » */,
    "\xe2\x80\x9c" /* “ */, "\xe2\x80\x9d" /* ” */, "\xe2\x80\x94" /* — */, "\xe2\x80\x93" /* – */,
};

static int is_boundary_punct(const mz_coder *c, uint32_t i)
{
    const mz_token *t = &c->toks.v[i];
    if (!(t->flags & MZ_TOK_PUNCT))
        return 0;
    const char *w = mz_tok_fold(&c->toks, i);
    if (t->fold_len == 1)
        return strchr(boundary_ascii, w[0]) != NULL;
    for (size_t k = 0; k < sizeof boundary_punct / sizeof boundary_punct[0]; k++)
        if (strcmp(w, boundary_punct[k]) == 0)
            return 1;
    return 0;
}

static int in_group(const mz_coder *c, uint32_t i)
{
    for (size_t g = 0; g < c->ng; g++)
        if (c->gv[g].n > 1 && i > c->gv[g].b && i < c->gv[g].e)
            return 1;
    return 0;
}

/* The group that holds token t, or -1. */
static int group_at(const mz_coder *c, uint32_t t)
{
    for (size_t g = 0; g < c->ng; g++)
        if (c->gv[g].b != UINT32_MAX && t >= c->gv[g].b && t < c->gv[g].e)
            return (int)g;
    return -1;
}

/* The group that starts at token i, or -1 (groups do not overlap: one at most). */
static int group_starting(const mz_coder *c, uint32_t i)
{
    for (size_t g = 0; g < c->ng; g++)
        if (c->gv[g].b == i)
            return (int)g;
    return -1;
}

static const mz_mention *verb_at(const mz_coder *c, uint32_t i)
{
    int k = c->tok_mention[i];
    return k >= 0 && c->mv[k].kind == MZ_E_VERB ? &c->mv[k] : NULL;
}

/* Whether an Arabic group starts at token i with "and to" (ولحكومة وشعب جمهورية تشاد): after a
 * comma it adds one more to the parties an act is addressed to ("التهاني لفخامته، ولحكومة
 * وشعب جمهورية تشاد"), within the clause before the comma. */
static int addressee_after_comma(const mz_coder *c, uint32_t i)
{
    int g = c->arabic ? group_starting(c, i) : -1;
    uint8_t cl = g >= 0 ? c->av[c->gv[g].first].clitic : 0;
    return (cl & MZ_CL_CONJ) && (cl & MZ_CL_LI);
}

/* Numbers the clauses of tokens [b, e) into c->clause. */
static void number_clauses(mz_coder *c, uint32_t b, uint32_t e)
{
    int32_t n = 0;
    int prev = -1; /* the mention of the token before */
    for (uint32_t i = b; i < e; i++) {
        int k = c->tok_mention[i];
        const mz_mention *m = k >= 0 ? &c->mv[k] : NULL;
        int start = m && m->kind == MZ_E_MARKER &&
                    (m->value == MZ_M_CLAUSE || m->value == MZ_M_THAT || m->value == MZ_M_THATPRON) &&
                    (i == b || k != prev);
        if ((is_boundary_punct(c, i) && !in_group(c, i) && !(i + 1 < e && addressee_after_comma(c, i + 1))) || start)
            n++;
        if (prev >= 0 && c->mv[prev].kind == MZ_E_VERB && (c->mv[prev].flags & MZ_V_SAY) && c->mv[prev].e == i)
            n++; /* what a verb of saying says is a clause of its own */
        c->clause[i] = n;
        prev = k;
    }
}

static int group_objects(const mz_coder *c, int g)
{
    for (int i = c->gv[g].first; i < c->gv[g].first + c->gv[g].n; i++)
        if (!c->av[i].object)
            return 0;
    return 1;
}

/* Whether a group names nobody the coder can code (an agent with no country, "the president"):
 * outside partial mode it is passed over as a source or target.  While c->weak_roles is 0, a
 * group that only the document's context resolves ("the police" of the document's country) is
 * passed over too: the sentence's own actors come first (see code_verb). */
static int unresolved(const mz_coder *c, size_t g)
{
    for (int i = c->gv[g].first; i < c->gv[g].first + c->gv[g].n; i++)
        if (c->av[i].code && (c->weak_roles || !c->av[i].home))
            return 0;
    return !(c->flags & MZ_CODE_PARTIAL);
}

/* Whether English group g is a bare country or place set off by a comma after a located one,
 * the larger place that holds it ("in Minsk, Belarus", "in New York, New York, calling for"):
 * a location too.  Only a code of three letters, a place, qualifies ("in London, police
 * said" keeps the police). */
static inline int place_in_place(const mz_coder *c, size_t g)
{
    uint32_t b = c->gv[g].b;
    if (c->arabic || g == 0 || b == UINT32_MAX || b < 2 || c->gv[g - 1].e != b - 1 ||
        c->gv[g - 1].b == UINT32_MAX || !mz_tok_is(c, b - 1, ","))
        return 0;
    const char *code = c->av[c->gv[g].first].code;
    return code && mz_len3(code) && mz_after_place_word(c, c->gv[g - 1].b);
}

/* Whether group g follows "in the name of" (باسمه واسم شعب وحكومة المملكة: the king
 * congratulates in his people's name) after a party the sentence names: it stands behind that
 * party and is no party of its own.  After a party only the document resolves (الملك in an
 * article about Morocco's king) it names the one who acts. */
static int on_behalf(const mz_coder *c, size_t g)
{
    uint32_t b = c->gv[g].b, m = b;
    if (b == UINT32_MAX)
        return 0;
    while (m > 0 && mz_marker_at(c, m - 1) == MZ_M_BEHALF)
        m--;
    if (m == b)
        return 0;
    if (g == 0 || c->gv[g - 1].e != m)
        return 1;
    for (int i = c->gv[g - 1].first; i < c->gv[g - 1].first + c->gv[g - 1].n; i++)
        if (c->av[i].code && !c->av[i].home)
            return 1;
    return 0;
}

/* Whether group g follows a preposition of place ("in Jeddah", "في مسقط"): a location, not a
 * party to the act; nor is a group in whose name another acts (on_behalf). */
static inline int located(const mz_coder *c, size_t g)
{
    return mz_after_place_word(c, c->gv[g].b) || place_in_place(c, g) || on_behalf(c, g);
}

/* The nearest group ending at or before token `before` in the same clause, skipping groups
 * already taken as objects.  With `cross_commas`, commas do not stop the search. */
static int left_group(const mz_coder *c, uint32_t before, uint32_t b, int cross_commas)
{
    for (size_t k = c->ng; k-- > 0;) {
        const mz_group *g = &c->gv[k];
        if (g->e > before || g->b < b)
            continue;
        int same = c->clause[g->b] == c->clause[before > b ? before - 1 : b];
        if (!same && cross_commas) {
            same = 1;
            for (uint32_t i = g->e; i < before && same; i++) {
                int m = mz_marker_at(c, i);
                const mz_mention *v = verb_at(c, i);
                if (m == MZ_M_THAT || m == MZ_M_THATPRON || m == MZ_M_CLAUSE || (v && (v->flags & MZ_V_SAY)) ||
                    mz_tok_is(c, i, ";") || mz_tok_is(c, i, "\xd8\x9b"))
                    same = 0;
            }
        }
        if (!same)
            return -1;
        if (group_objects(c, (int)k) || located(c, k) || unresolved(c, k))
            continue;
        return (int)k;
    }
    return -1;
}

/* Whether an English relative clause opens at token `from`, right after the noun that ends an
 * act's tail: it holds none of the act's parties ("withdraw a bill that would allow China to
 * ...").  After the verb itself "that" opens its content ("demanded that NATO withdraw"). */
static int relative_after_tail(const mz_coder *c, uint32_t from, uint32_t stop)
{
    if (c->arabic || from >= stop)
        return 0;
    int m = mz_marker_at(c, from);
    if (m != MZ_M_CLAUSE && m != MZ_M_THAT)
        return 0;
    for (size_t k = 0; k < c->nm; k++)
        if (c->mv[k].kind == MZ_E_VERB && c->mv[k].tail_e == from && c->mv[k].tail_e > c->mv[k].e)
            return 1;
    return 0;
}

/* The first group starting at or after `from`, before `stop`, in the clause of token `from`,
 * passing over locations unless `places` (see order_roles). */
static int right_group_at(const mz_coder *c, uint32_t from, uint32_t stop, int skip, int places)
{
    if (relative_after_tail(c, from, stop))
        return -1;
    for (size_t k = 0; k < c->ng; k++) {
        const mz_group *g = &c->gv[k];
        if (g->b < from || g->b >= stop || (int)k == skip)
            continue;
        if (from < stop && c->clause[g->b] != c->clause[from])
            return -1;
        if ((!places && located(c, k)) || unresolved(c, k))
            continue;
        return (int)k;
    }
    return -1;
}

static int right_group(const mz_coder *c, uint32_t from, uint32_t stop, int skip)
{
    return right_group_at(c, from, stop, skip, 0);
}

/* right_group, falling back on a group that only the document's country resolves. */
static int right_group_any(mz_coder *c, uint32_t from, uint32_t stop, int skip)
{
    int g = right_group(c, from, stop, skip);
    if (g < 0) {
        c->weak_roles = 1;
        g = right_group(c, from, stop, skip);
        c->weak_roles = 0;
    }
    return g;
}

/* The first group in [from, stop) right after "from"/من, with من at most FROM_REACH words after
 * `from`: the giver of an act received.  A من further on belongs to another word ("تعرض لقصف
 * عنيف انتقاما من المدنيين": revenge on the civilians). */
enum { FROM_REACH = 2 };
static int from_group(const mz_coder *c, uint32_t from, uint32_t stop)
{
    for (size_t g = 0; g < c->ng; g++) {
        uint32_t gb = c->gv[g].b;
        if (gb <= from || gb >= stop || gb > from + FROM_REACH + 2)
            continue;
        if (gb > from + 1 && mz_tok_is(c, gb - 1, "the"))
            gb--;
        if (mz_tok_is(c, gb - 1, "from") || mz_tok_is(c, gb - 1, "\xd9\x85\xd9\x86" /* من */))
            return (int)g;
    }
    return -1;
}

/* The country an Arabic act of fighting (root 19) came from, named as its land after من within a few words
 * of the act ("سقوط مقذوف عسكري من داخل الأراضي اليمنية", a projectile from inside Yemeni
 * territory): a group for that country, made here, or -1.  The land is a place elsewhere. */
static int launched_from(mz_coder *c, const mz_mention *v, uint32_t stop)
{
    uint32_t vend = mz_act_end(v);
    if (!c->arabic || strncmp(mz_verb_code(c, v), "19", 2) != 0)
        return -1;
    for (uint32_t i = vend; i + 2 < stop && i < vend + 4; i++) {
        if (!mz_tok_is(c, i, "\xd9\x85\xd9\x86" /* من */))
            continue;
        uint32_t j = i + 1 + mz_tok_is(c, i + 1, "\xd8\xaf\xd8\xa7\xd8\xae\xd9\x84" /* داخل */);
        if (j + 1 >= stop || !mz_territory_noun(c, j))
            return -1;
        int k = c->tok_mention[j + 1];
        char country[8] = "";
        if (k >= 0 && (c->mv[k].kind == MZ_E_ADJ || c->mv[k].kind == MZ_E_ACTOR))
            mz_actor_country(mz_mention_code(c, &c->mv[k]), country);
        if (!mz_len3(country))
            return -1;
        mz_actor land = {.b = j, .e = c->mv[k].e};
        int g = mz_unnamed_group(c, country, "", &land);
        if (g >= 0)
            c->av[c->gv[g].first].implied = 0; /* named by the sentence, not supplied */
        return g;
    }
    return -1;
}

/* Whether group g is one actor that names a country or a place in it, with no role (نجران). */
static int bare_place(const mz_coder *c, int g)
{
    const mz_actor *a = &c->av[c->gv[g].first];
    return c->gv[g].n == 1 && a->code && mz_len3(a->code);
}

/* The giver of an act received (see the `receive` marker): the group after "from"/من past the
 * act, else the genitive right after an Arabic verbal noun ("استجابة لطلب الرئيس اليمني", at
 * the Yemeni president's request: طلب is written as the verb), or the country whose land an act
 * of force came from (launched_from); -1 when none is named, and the act is then no one's. */
static int giver_group(mz_coder *c, const mz_mention *v, uint32_t stop)
{
    uint32_t vend = mz_act_end(v);
    int g = from_group(c, vend - 1, stop);
    if (g < 0) /* "تعرض المركز لقذائف من الأراضي اليمنية" */
        g = launched_from(c, v, stop);
    if (g >= 0 || !c->arabic) /* after the marker the act is a noun, even one written as a verb */
        return g;
    for (size_t k = 0; k < c->ng; k++)
        if (c->gv[k].b == vend && !(c->av[c->gv[k].first].clitic & (MZ_CL_LI | MZ_CL_BI | MZ_CL_KA)))
            return (int)k;
    return -1;
}

/* Whether Arabic act v is aid received (root 07) under a head that is itself a word of receiving
 * (a `receive` marker: "تسلمت مصر طائرات مقاتلة من فرنسا"): its subject is the receiver. */
static int receives_arms(const mz_coder *c, const mz_mention *v)
{
    if (!c->arabic || strncmp(mz_verb_code(c, v), "07", 2) != 0 || (v->clitic & MZ_CL_FUT))
        return 0; /* ستسلم is سلم's future: will deliver */
    return mz_word_marker(c, v->b, MZ_M_RECEIVE);
}

/* The first group right after a من past act v, in its clause: the giver of arms received, named
 * after what was received ("طائرات مقاتلة من طراز رافال من فرنسا"). */
static int from_clause(const mz_coder *c, const mz_mention *v, uint32_t stop)
{
    for (uint32_t i = mz_act_end(v); i + 1 < stop; i++) {
        int g = mz_tok_is(c, i, "\xd9\x85\xd9\x86" /* من */) ? group_starting(c, i + 1) : -1;
        if (g >= 0)
            return g;
    }
    return -1;
}

/* The kinds of the markers (bit 1 << kind) that cover the `n` tokens before `at`, in the same
 * clause.  Tokens of actors do not count against `n`: "لم تعد الولايات المتحدة تقدم" negates
 * تقدم.  One scan answers every kind asked about with the same reach. */
static unsigned markers_before(const mz_coder *c, uint32_t at, uint32_t b, int n)
{
    unsigned kinds = 0;
    for (uint32_t i = at; i > b && n > 0;) {
        i--;
        if (c->clause[i] != c->clause[at > b ? at - 1 : b])
            break;
        kinds |= 1u << mz_marker_at(c, i);
        int k = c->tok_mention[i];
        int nominal = (k >= 0 && (c->mv[k].kind == MZ_E_ACTOR || c->mv[k].kind == MZ_E_ADJ ||
                                  c->mv[k].kind == MZ_E_AGENT)) || mz_tok_is(c, i, "the");
        if (!nominal)
            n--;
    }
    return kinds & ~1u; /* bit 0: tokens with no marker */
}

/* Whether a marker of kind `kind` covers one of the `n` tokens before `at`, in the same clause. */
static int marker_before(const mz_coder *c, uint32_t at, uint32_t b, int n, int kind)
{
    return (markers_before(c, at, b, n) >> kind) & 1u;
}

static int marker_in(const mz_coder *c, uint32_t from, uint32_t to, int kind)
{
    for (uint32_t i = from; i < to; i++)
        if (mz_marker_at(c, i) == kind)
            return 1;
    return 0;
}

static int english_nominal(const mz_coder *c, const mz_mention *v, uint32_t b);

/* The first token of the next verb mention after m, or e. */
static uint32_t next_verb_after(const mz_coder *c, const mz_mention *m, uint32_t e)
{
    for (uint32_t i = m->e; i < e; i++)
        if (verb_at(c, i))
            return i;
    return e;
}

/* The group introduced by "by"/من قبل after the verb, in its clause, before the next verb (stop)
 * or past it when that verb is an English act named by a noun ("was sentenced for her murder to
 * life in prison by a court": the court is the agent of the sentence). */
static int by_group(const mz_coder *c, const mz_mention *v, uint32_t b, uint32_t stop, uint32_t e)
{
    uint32_t limit = stop;
    for (uint32_t i = v->e; i < limit; i++) {
        if (c->clause[i] != c->clause[v->e])
            return -1;
        if (mz_marker_at(c, i) == MZ_M_BY) {
            int k = c->tok_mention[i];
            uint32_t after = c->mv[k].e;
            int g = right_group(c, after, limit, -1);
            return g >= 0 && c->gv[g].b <= after + 1 ? g : -1;
        }
        const mz_mention *n = i + 1 == limit && limit < e ? verb_at(c, limit) : NULL;
        if (n && n->b == limit && english_nominal(c, n, b))
            limit = next_verb_after(c, n, e);
    }
    return -1;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Whether the verb is passive.  English: a form of "be" before it (not a progressive), or
 * after a noun naming the act ("sanctions were imposed on Russia by Japan"); for a verb of a
 * PETRARCH dictionary only with "by X", as PETRARCH reads it ("X was criticized over its
 * dispute with Y" is X's act on Y).  Arabic: an agent phrase من قبل X after it, a damma on a
 * conjugated verb, or تم/جرى before a verbal noun. */
static int is_passive(const mz_coder *c, const mz_mention *v, uint32_t b, int by)
{
    if (!c->arabic) {
        const char *w = mz_tok_fold(&c->toks, v->b);
        if (marker_before(c, v->b, b, 2, MZ_M_BE) && !ends_with(w, "ing") &&
            (by >= 0 || !(c->e->verbs[v->value].flags & MZ_V_PETRARCH)))
            return 1;
        return by >= 0 && v->e < c->toks.n && mz_marker_at(c, v->e) == MZ_M_BE;
    }
    if (by >= 0)
        return 1;
    if ((c->toks.v[v->b].flags & MZ_TOK_DAMMA) && !(v->flags & MZ_V_NOUN))
        return 1;
    return (v->flags & MZ_V_NOUN) && marker_before(c, v->b, b, 2, MZ_M_BE);
}

/* Nouns of appointing (folded, with the prepositions and و they are written with): the person
 * after them is the one appointed, as governed as a noun after a preposition ("رحب مجلس الوزراء
 * بتعيين إسماعيل ولد الشيخ أحمد مبعوثا": the cabinet welcomed, the envoy is welcomed). */
static const char *const appointing_nouns[] = {
    "\xd8\xaa\xd8\xb9\xd9\x8a\xd9\x8a\xd9\x86",                 /* تعيين */
    "\xd8\xa8\xd8\xaa\xd8\xb9\xd9\x8a\xd9\x8a\xd9\x86",         /* بتعيين */
    "\xd9\x84\xd8\xaa\xd8\xb9\xd9\x8a\xd9\x8a\xd9\x86",         /* لتعيين */
    "\xd9\x88\xd8\xaa\xd8\xb9\xd9\x8a\xd9\x8a\xd9\x86",         /* وتعيين */
    "\xd8\xaa\xd8\xb1\xd8\xb4\xd9\x8a\xd8\xad",                 /* ترشيح */
    "\xd8\xa8\xd8\xaa\xd8\xb1\xd8\xb4\xd9\x8a\xd8\xad",         /* بترشيح */
};

/* Whether token i is a noun of appointing (appointing_nouns). */
static int appointing(const mz_coder *c, uint32_t i)
{
    for (size_t k = 0; k < sizeof appointing_nouns / sizeof *appointing_nouns; k++)
        if (mz_tok_is(c, i, appointing_nouns[k]))
            return 1;
    return 0;
}

/* A group introduced by a preposition: a clitic (لروسيا, بروسيا) or a word (على روسيا), or
 * governed by a noun of appointing (بتعيين ...). */
static int prepositional(const mz_coder *c, int g)
{
    uint32_t b = c->gv[g].b;
    if ((c->av[c->gv[g].first].clitic & (MZ_CL_LI | MZ_CL_BI | MZ_CL_KA)) != 0 ||
        (b > 0 && (mz_marker_at(c, b - 1) == MZ_M_PREP || (c->arabic && appointing(c, b - 1)))))
        return 1;
    /* the genitive or adjective of a noun no dictionary knows, after a preposition: "إلى
     * الأراضي السعودية" is no more a doer than "إلى السعودية" */
    return c->arabic && b > 1 && c->tok_mention[b - 1] < 0 && mz_marker_at(c, b - 2) == MZ_M_PREP;
}

/* The group of the nearest actor before token `before`, other than `not`. */
static int previous_actor_group(const mz_coder *c, uint32_t before, uint32_t b, int not)
{
    for (size_t k = c->ng; k-- > 0;)
        if (c->gv[k].e <= before && c->gv[k].b >= b && (int)k != not)
            return (int)k;
    return -1;
}

static int emit_pairs(mz_coder *c, int src, int tgt, const mz_act *a)
{
    const mz_group *s = &c->gv[src], *t = tgt >= 0 ? &c->gv[tgt] : NULL;
    for (int i = s->first; i < s->first + s->n; i++) {
        if (!t) {
            if (mz_emit(c, &c->av[i], NULL, a) < 0)
                return -1;
            continue;
        }
        for (int j = t->first; j < t->first + t->n; j++)
            if (mz_emit(c, &c->av[i], &c->av[j], a) < 0)
                return -1;
    }
    return 0;
}

/* Each pair of a group once, the earlier-named member as source.  A group of more than
 * WITHIN_MAX members acting among themselves is a multilateral body (a joint team of six
 * countries, a summit of a bloc): its pairs are no events of their own, and none is coded. */
static int emit_within(mz_coder *c, int g, const mz_act *a)
{
    const mz_group *G = &c->gv[g];
    if (G->n > WITHIN_MAX)
        return 0;
    for (int i = G->first; i < G->first + G->n; i++)
        for (int j = i + 1; j < G->first + G->n; j++)
            if (mz_emit(c, &c->av[i], &c->av[j], a) < 0)
                return -1;
    return 0;
}

/* The group after "between"/بين following the verb, when it has two members or more. */
static int between_group(const mz_coder *c, const mz_mention *v, uint32_t stop)
{
    uint32_t from = mz_act_end(v);
    for (uint32_t i = from; i < from + WINDOW + 1 && i < stop; i++) {
        if (mz_marker_at(c, i) != MZ_M_BETWEEN)
            continue;
        int g = right_group(c, i + 1, stop, -1);
        return g >= 0 && c->gv[g].b <= i + 2 && c->gv[g].n >= 2 ? g : -1;
    }
    return -1;
}

/* Words that make an act each side's to the other: "help each other", "one another",
 * "بعضهما البعض" (folded). */
static const char *const reciprocals[][2] = {
    {"each", "other"}, {"one", "another"}, {"\xd8\xa8\xd8\xb9\xd8\xb6\xd9\x87\xd9\x85\xd8\xa7", ""} /* بعضهما */,
    {"\xd8\xa8\xd8\xb9\xd8\xb6\xd9\x87\xd9\x85", "\xd8\xa7\xd9\x84\xd8\xa8\xd8\xb9\xd8\xb6"} /* بعضهم البعض */,
};

/* Whether a reciprocal (reciprocals) follows act v within four words of its clause. */
static int reciprocal(const mz_coder *c, const mz_mention *v, uint32_t e)
{
    uint32_t from = mz_act_end(v);
    for (uint32_t i = from; i < e && i < from + 4 && c->clause[i] == c->clause[v->b]; i++)
        for (size_t k = 0; k < sizeof reciprocals / sizeof *reciprocals; k++)
            if (mz_tok_is(c, i, reciprocals[k][0]) &&
                (!reciprocals[k][1][0] || (i + 1 < e && mz_tok_is(c, i + 1, reciprocals[k][1]))))
                return 1;
    return 0;
}

/* CAMEO 03 is the expressed intention to do what roots 04–08 do: "expressed readiness to
 * negotiate" is 036, "willingness to cooperate militarily" 0312.  First matching prefix wins. */
static const struct {
    const char *prefix, *code;
} intention_codes[] = {
    {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"}, {"06", "031"},
    {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"}, {"07", "033"},
    {"045", "039"},  {"04", "036"},   {"05", "032"},   {"08", "035"},
};

/* The 03x code expressing the intention to do `code`; `code` itself when none applies. */
static const char *intention_code(const char *code)
{
    for (size_t i = 0; i < sizeof intention_codes / sizeof intention_codes[0]; i++)
        if (mz_starts_with(code, intention_codes[i].prefix))
            return intention_codes[i].code;
    return code;
}

/* Whether v is a (verbal) noun completing the act just coded, with no actor of its own in
 * between: "وقعتا اتفاقا لتصدير النفط", "held talks on security cooperation" are one act each.
 * English cannot tell a noun from a verb by its form, so any act right after counts there. */
static int complement(const mz_coder *c, const carry *st, const mz_mention *v)
{
    if ((c->arabic && !(v->flags & MZ_V_NOUN)) || st->last_end == 0 || v->b > st->last_end + 2 ||
        v->b < st->last_end)
        return 0;
    if (v->last_clitic & MZ_CL_SUFFIX)
        return 0; /* a possessive names its own subject: "في حربها ضد أوكرانيا" */
    for (uint32_t i = st->last_end; i < v->b; i++) {
        int k = c->tok_mention[i];
        if (k >= 0 && !(c->mv[k].kind == MZ_E_MARKER &&
                        (c->mv[k].value == MZ_M_PREP || c->mv[k].value == MZ_M_OF)))
            return 0;
    }
    return 1;
}

/* Roots whose acts govern a following act as their content: appeals (02), demands (10),
 * disapproval and accusations (11), rejections (12), threats (13), warnings (012), the study of
 * an option (014), denials (016).  "Ukraine urged the EU to impose sanctions on Russia" is an
 * appeal to the EU, "Seoul warned Moscow against military cooperation with Pyongyang" a
 * warning to Moscow; the sanctions and the cooperation are not events. */
static int governs(const mz_coder *c, const mz_mention *v)
{
    static const char *const prefixes[] = {"02", "10", "11", "12", "13", "012", "014", "016"};
    return mz_code_prefixed(mz_verb_code(c, v), prefixes, sizeof prefixes / sizeof prefixes[0]);
}

/* Whether the act at v is the content of a governing act coded before it in the same clause
 * chain (no clause word such as while/بينما, and no semicolon, in between). */
static int embedded(const mz_coder *c, const carry *st, const mz_mention *v)
{
    if (!st->governed)
        return 0;
    /* "condemned the visit and lodged a protest": a second act of the same speaker */
    if (v->b > 0 && mz_marker_at(c, v->b - 1) == MZ_M_CONJ)
        return 0;
    for (uint32_t i = st->governed_at; i < v->b; i++)
        if (mz_marker_at(c, i) == MZ_M_CLAUSE || mz_tok_is(c, i, ";") || mz_tok_is(c, i, "\xd8\x9b"))
            return 0;
    return 1;
}

/* Acts two parties do together, first matching code prefix wins: intentions, meetings,
 * diplomatic and material cooperation, concessions (agreeing to a ceasefire), and fighting each
 * other (exchanging fire).  A visit and hosting one go one way ("visited Yemen and Sudan"), and
 * aid, given or offered, goes to a third party ("Singapore, India and Australia offered
 * military assistance"). */
static const struct {
    const char *prefix;
    int joint;
} joint_codes[] = {
    {"042", 0}, {"043", 0}, {"033", 0}, {"03", 1}, {"04", 1}, {"05", 1},
    {"06", 1},  {"07", 0},  {"08", 1},  {"19", 1},
};

static int root_joint(const mz_coder *c, const mz_mention *v)
{
    if (c->e->verbs[v->value].flags & MZ_V_COMPOUND)
        return 1; /* a PETRARCH "% ... *" pattern says so itself */
    const char *code = mz_verb_code(c, v);
    for (size_t i = 0; i < sizeof joint_codes / sizeof *joint_codes; i++)
        if (mz_starts_with(code, joint_codes[i].prefix))
            return joint_codes[i].joint;
    return 0;
}

/* Arabic time words that may stand between a verb and its subject without being one. */
static const char *const time_words[] = {
    "\xd8\xa7\xd9\x84\xd9\x8a\xd9\x88\xd9\x85", /* اليوم */
    "\xd8\xa7\xd9\x84\xd8\xa7\xd8\xb1\xd8\xa8\xd8\xb9\xd8\xa7\xd8\xa1", /* الاربعاء */
    "\xd8\xa7\xd9\x84\xd8\xa7\xd8\xab\xd9\x86\xd9\x8a\xd9\x86", /* الاثنين */
    "\xd8\xa7\xd9\x84\xd8\xab\xd9\x84\xd8\xa7\xd8\xab\xd8\xa7\xd8\xa1", /* الثلاثاء */
    "\xd8\xa7\xd9\x84\xd8\xae\xd9\x85\xd9\x8a\xd8\xb3", /* الخميس */
    "\xd8\xa7\xd9\x84\xd8\xac\xd9\x85\xd8\xb9\xd9\x87", /* الجمعه */
    "\xd8\xa7\xd9\x84\xd8\xb3\xd8\xa8\xd8\xaa", /* السبت */
    "\xd8\xa7\xd9\x84\xd8\xa7\xd8\xad\xd8\xaf", /* الاحد */
};

/* Arabic words of quantity: "الآلاف من الإسرائيليين" names the people after it. */
static const char *const quantity_words[] = {
    "\xd8\xa7\xd9\x84\xd8\xa7\xd9\x84\xd8\xa7\xd9\x81",             /* الالاف */
    "\xd8\xa7\xd9\x84\xd9\x85\xd8\xa1\xd8\xa7\xd8\xaa",             /* المءات: المئات folded */
    "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb4\xd8\xb1\xd8\xa7\xd8\xaa",   /* العشرات */
    "\xd8\xa7\xd9\x84\xd9\x85\xd9\x8a\xd9\x84\xd9\x8a\xd9\x88\xd9\x86", /* المليون */
};

static int in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (w[0] == list[k][0] && strcmp(w, list[k]) == 0) /* the first byte rules out most */
            return 1;
    return 0;
}

/* Whether the word right after an Arabic verb is a definite noun that is no actor and heads no
 * actor phrase: then it is the subject ("اتهم التقرير بيونغ يانغ": the report accused
 * Pyongyang), and the group after it is the object.  Time and quantity words and nouns followed
 * by a nationality or name ("العاهل الأردني") are not subjects of their own. */
static int noun_subject(const mz_coder *c, uint32_t from, uint32_t to)
{
    if (from >= to || c->tok_mention[from] >= 0 || !(c->toks.v[from].flags & MZ_TOK_ARABIC))
        return 0;
    const char *w = mz_tok_fold(&c->toks, from);
    if (strncmp(w, "\xd8\xa7\xd9\x84", 4) != 0 ||
        in_list(w, time_words, sizeof time_words / sizeof time_words[0]) ||
        in_list(w, quantity_words, sizeof quantity_words / sizeof quantity_words[0]))
        return 0;
    int next = from + 1 < c->toks.n ? c->tok_mention[from + 1] : -1;
    return next < 0 || c->mv[next].kind == MZ_E_VERB || c->mv[next].kind == MZ_E_MARKER;
}

/* English determiners and possessives: the word before a noun. */
static const char *const determiners[] = {"the", "a", "an", "its", "their", "his", "her"};

static inline int determiner_at(const mz_coder *c, uint32_t i)
{
    return in_list(mz_tok_fold(&c->toks, i), determiners, sizeof determiners / sizeof determiners[0]);
}

/* Whether an English verb in -ed is a participle used as an adjective: after a determiner, a
 * possessive or a gerund ("a proposed bill", "the accused men", "Biden's alleged decline",
 * "guarding captured fighters") or an infinitive ("to extradite accused criminals"), where
 * no finite verb stands, or wherever the parse, when
 * there is one, makes it modify a noun ("extradite accused criminals"). */
static int english_participle(mz_coder *c, const mz_mention *v, uint32_t b)
{
    if (c->arabic || v->b <= b || !ends_with(mz_tok_fold(&c->toks, v->b), "ed") ||
        (c->toks.v[v->b].flags & MZ_TOK_CAPS))
        return 0; /* an acronym in capitals is no participle: "an IED" */
    int rel, k = c->tok_mention[v->b - 1];
    int after_party = k >= 0 && c->mv[k].kind != MZ_E_VERB && c->mv[k].kind != MZ_E_MARKER;
    if (v->tail_e <= v->e && !after_party && mz_parse_head(c, v->b, &rel) != UINT32_MAX &&
        rel == MZ_DEPREL_AMOD)
        return 1; /* but a party right before it is its subject: "Critics accused Trump" */
    if (k >= 0 && c->mv[k].kind == MZ_E_VERB && c->mv[k].e == v->b && c->mv[k].b > b &&
        mz_tok_is(c, c->mv[k].b - 1, "to"))
        return 1; /* right after an infinitive: "to extradite accused criminals" */
    if (ends_with(mz_tok_fold(&c->toks, v->b - 1), "ing") && k < 0 && !mz_tok_is(c, v->b - 1, "being") &&
        !mz_tok_is(c, v->b - 1, "having"))
        return 1; /* after a gerund: "guarding captured fighters" (but "being detained") */
    return determiner_at(c, v->b - 1) || mz_tok_is(c, v->b - 1, "'s"); /* "Biden's alleged decline" */
}

/* Whether an English act is named by a noun after "the" ("where the shooting happened", "the
 * bombing was condemned"): with no party named, an act the article has already told, to which
 * no party is supplied (implicit.c), as the Arabic definite verbal noun (background). */
static int known_act(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    return !c->arabic && v->b > b && mz_tok_is(c, v->b - 1, "the");
}

/* English nouns whose bare use names a penalty or a practice, not an act done ("a suspended
 * sentence", "mandatory sentencing", "precautionary shots", "a series of shots"): with no party
 * named, no party is supplied to them (implicit.c), so they code nothing. */
static const char *const bare_nouns[] = {"sentence", "sentences", "sentencing", "shots"};

/* English verbs of force whose noun is no act (a shot, a fire, a stab): read as nouns after a
 * determiner ("a long shot", "a fire on a Florida highway", "a stab in the back for"). */
static const char *const noun_readings[] = {"shot", "fire", "stab"};

/* Whether English act v opens with one of noun_readings used as a noun: after a determiner, a
 * determiner and one word no dictionary knows ("a long shot"), or a hyphen ("a Toronto-shot
 * series"): not coded, whatever parties the sentence names. */
static int noun_reading(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    if (c->arabic || v->b <= b ||
        !in_list(mz_tok_fold(&c->toks, v->b), noun_readings, sizeof noun_readings / sizeof noun_readings[0]))
        return 0;
    uint32_t p = v->b - 1;
    return determiner_at(c, p) || mz_tok_is(c, p, "-") ||
           (p > b && c->tok_mention[p] < 0 && determiner_at(c, p - 1));
}

/* Whether English act v is one of bare_nouns, named alone (no tail). */
static int bare_act_noun(const mz_coder *c, const mz_mention *v)
{
    return !c->arabic && v->e == v->b + 1 && v->tail_e <= v->e &&
           in_list(mz_tok_fold(&c->toks, v->b), bare_nouns, sizeof bare_nouns / sizeof bare_nouns[0]);
}

/* Prepositions whose phrase names an act as a circumstance or a matter, not as done by the
 * clause's subject (english_nominal, tree_nominal). */
static const char *const nominal_prepositions[] = {"of", "on", "after", "before", "since", "over",
                                                   "against", "for", "about", "despite", "amid",
                                                   "following", "during"};

/* Whether an English act is named by a noun inside a prepositional phrase ("on the anniversary
 * of the invasion of Ukraine"): then only a possessive right before it ("Russia's invasion") or
 * an agent after it gives its source, not whoever acts earlier in the sentence.  A noun after a
 * light verb ("launched an investigation") keeps that verb's subject. */
static int english_nominal(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    if (c->arabic || v->b < b + 2)
        return 0;
    /* up to three words no dictionary knows may modify the noun: "after the Christchurch
     * mosque shootings" */
    uint32_t d = v->b - 1;
    while (d > b + 1 && v->b - d <= 3 && c->tok_mention[d] < 0 && (c->toks.v[d].flags & MZ_TOK_WORD) &&
           !determiner_at(c, d))
        d--;
    return determiner_at(c, d) && in_list(mz_tok_fold(&c->toks, d - 1), nominal_prepositions,
                                           sizeof nominal_prepositions / sizeof nominal_prepositions[0]);
}

/* Whether mention m is a plain verb of a PETRARCH dictionary (no tail): a word PETRARCH would
 * code only where its parse makes it a verb. */
static int petrarch_plain(const mz_coder *c, const mz_mention *m)
{
    if (m->kind != MZ_E_VERB)
        return 0;
    const mz_verb *vb = &c->e->verbs[m->value];
    return (vb->flags & MZ_V_PETRARCH) && !vb->ntail;
}

/* Whether a plain verb of a PETRARCH dictionary stands as a noun: after a determiner, up to two
 * words before it that no dictionary knows or that are such plain verbs themselves ("a brief
 * private visit", BRIEF a verb too), or right after a preposition ("for meetings").  PETRARCH
 * codes the verbs of a parse, not nouns, so its dictionaries list verbs (VISIT, MEET) that
 * mizan's own dictionaries would list as nouns only with their own entries. */
static int petrarch_noun(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    static const char *const prepositions[] = {"of", "on", "for", "about", "during", "with", "after"};
    if (c->arabic || !petrarch_plain(c, v) || v->b <= b)
        return 0;
    uint32_t d = v->b - 1;
    if (in_list(mz_tok_fold(&c->toks, d), prepositions, sizeof prepositions / sizeof prepositions[0]))
        return 1;
    while (d > b && v->b - d <= 2 && (c->toks.v[d].flags & MZ_TOK_WORD) && !determiner_at(c, d) &&
           (c->tok_mention[d] < 0 || petrarch_plain(c, &c->mv[c->tok_mention[d]])))
        d--;
    return determiner_at(c, d);
}

/* Whether an English determiner or possessive stands in tokens [from, to). */
static int determiner_in(const mz_coder *c, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; !c->arabic && i < to; i++)
        if (determiner_at(c, i))
            return 1;
    return 0;
}

/* Arabic words that make the verbal noun after them the time or cause of what the sentence
 * reports: بعد اعتقاله (after his arrest), منذ الهجوم, إثر الاحتجاجات, جراء القصف, في ظل تقارب. */
static const char *const background_words[] = {
    "\xd8\xa8\xd8\xb9\xd8\xaf",                         /* بعد */
    "\xd9\x82\xd8\xa8\xd9\x84",                         /* قبل */
    "\xd9\x85\xd9\x86\xd8\xb0",                         /* منذ */
    "\xd8\xb9\xd9\x82\xd8\xa8",                         /* عقب */
    "\xd8\xa7\xd8\xab\xd8\xb1",                         /* اثر: إثر folded */
    "\xd8\xae\xd9\x84\xd8\xa7\xd9\x84",               /* خلال */
    "\xd8\xa7\xd8\xab\xd9\x86\xd8\xa7\xd8\xa1",     /* اثناء: أثناء folded */
    "\xd8\xac\xd8\xb1\xd8\xa7\xd8\xa1",               /* جراء */
    "\xd8\xa8\xd8\xb3\xd8\xa8\xd8\xa8",               /* بسبب */
    "\xd8\xb0\xd9\x83\xd8\xb1\xd9\x8a",               /* ذكري: ذكرى folded */
    "\xd8\xb8\xd9\x84",                                   /* ظل: في ظل, amid */
    "\xd9\x88\xd8\xb3\xd8\xb7",                         /* وسط: amid */
    "\xd8\xa7\xd8\xaa\xd9\x81\xd8\xa7\xd9\x82\xd9\x8a\xd9\x87", /* اتفاقيه: اتفاقية التعاون, the agreement's name */
};

/* Those of them that place the news inside the act after them ("قال خلال زيارته إلى طهران",
 * said during his visit to Tehran): a visit, meeting or talks (root 04) named so is going on
 * when the news happens, and the gold's guide codes it; other acts are its time (background). */
static const char *const during_words[] = {
    "\xd8\xae\xd9\x84\xd8\xa7\xd9\x84",               /* خلال */
    "\xd8\xa7\xd8\xab\xd9\x86\xd8\xa7\xd8\xa1",     /* اثناء: أثناء folded */
};

/* Arabic nouns (folded stems) that make the act named after them the matter of a charge, a
 * case, an inquiry or an imputed involvement: "بتهمة قتل", "في قضية خطف", "التحقيق في اغتيال",
 * "تورطه في تفجيرات".  The act is what is alleged or examined, not news; a claim of
 * responsibility ("أعلنت مسؤوليتها عن خطف") most often reports a new act, and is not among them. */
static const char *const charge_stems[] = {
    "تهمه", "تهم", "اتهام", "قضيه", "قضايا", "تورط", "ضلوع", "ملف",
    "متهم", "مشتبه", /* the accused, the suspect: المتهم باغتصاب, المتهمين في تفجير */
};

/* Those that need the في between ("التحقيق في", not "تحقيق تقارب", achieving a rapprochement). */
static const char *const inquiry_stems[] = {"تحقيق"};

/* Prefixes (folded) a noun of charge_stems may carry: و, ب, ل, ال and their joins, with their
 * lengths in bytes (asked of words before most Arabic acts). */
static const struct {
    const char *s;
    size_t len;
} charge_prefixes[] = {{"", 0},     {"و", 2},   {"ب", 2},   {"ل", 2},  {"ال", 4},
                       {"وال", 6}, {"بال", 6}, {"لل", 4}, {"وب", 4}, {"ول", 4}};

/* Whether token i is a noun of `stems` (n of them), with any prefix and suffix. */
static int charge_word(const mz_coder *c, uint32_t i, const char *const *stems, size_t n)
{
    const char *w = mz_tok_fold(&c->toks, i);
    for (size_t p = 0; p < sizeof charge_prefixes / sizeof *charge_prefixes; p++) {
        if (!mz_starts_with(w, charge_prefixes[p].s))
            continue;
        for (size_t k = 0; k < n; k++)
            if (mz_starts_with(w + charge_prefixes[p].len, stems[k]))
                return 1;
    }
    return 0;
}

/* English words that make the act after their preposition the matter of a charge, a case or
 * an inquiry ("allegations of torture", "convicted of murder", "an inquiry into the bombing",
 * "serving a life sentence for the assassination"); a plural -s is allowed.  "Reports of
 * shooting" most often tell news, and are not among them. */
static const struct {
    const char *word, *prep;
} english_charges[] = {
    {"allegation", "of"}, {"accusation", "of"}, {"charge", "of"},    {"case", "of"},
    {"suspicion", "of"},  {"accused", "of"},    {"convicted", "of"}, {"suspected", "of"},
    {"guilty", "of"},     {"charged", "with"},  {"investigation", "into"}, {"inquiry", "into"},
    {"probe", "into"},    {"sentence", "for"},  {"trial", "for"},   {"tried", "for"},
};

/* Whether token i is `word`, or its plural in -s. */
static int word_or_plural(const mz_coder *c, uint32_t i, const char *word)
{
    size_t n = strlen(word), len = c->toks.v[i].fold_len;
    const char *w = mz_tok_fold(&c->toks, i);
    return (len == n || (len == n + 1 && w[n] == 's')) && memcmp(w, word, n) == 0;
}

/* Whether English act v is a sentence being served ("is serving a life sentence for", "served
 * eight years of a thirty-five year sentence"): "serve" up to six words before it in its clause,
 * with no other act between.  The sentence was passed before; serving it is no event. */
static int served(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    if (c->arabic || strncmp(mz_verb_code(c, v), "17", 2) != 0)
        return 0;
    for (uint32_t i = v->b; i > b && v->b - i < 7 && c->clause[i - 1] == c->clause[v->b];) {
        i--;
        if (verb_at(c, i))
            return 0;
        if (strncmp(mz_tok_fold(&c->toks, i), "serv", 4) == 0)
            return 1;
    }
    return 0;
}

/* English nouns of a state of confinement: "in custody", "in police custody", "in detention". */
static const char *const confinements[] = {"custody", "detention"};

/* Whether English act v is a state of confinement after "in" (up to two words between: "died in
 * police custody", "remains in pre-trial detention"): someone held, not an arrest made now.
 * "taken into custody" stays an arrest. */
static int in_confinement(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    if (c->arabic || v->e != v->b + 1 ||
        !in_list(mz_tok_fold(&c->toks, v->b), confinements, sizeof confinements / sizeof confinements[0]))
        return 0;
    for (uint32_t i = v->b; i > b && v->b - i < 3;) {
        i--;
        if (mz_tok_is(c, i, "in"))
            return 1;
    }
    return 0;
}

/* Whether English act v is named after "at" and a determiner: "at the request of the prime
 * minister", "at the invitation of the government", "at his urging" tell the circumstance of
 * another act, not one of their own. */
static int at_the_act(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    return !c->arabic && v->b >= b + 2 && mz_tok_is(c, v->b - 2, "at") && determiner_at(c, v->b - 1);
}

/* Whether token i is a comma inside a list of acts: no party named in the two words before it
 * ("charged with murder, kidnapping and ..."; not "charged with fraud, and police arrested"). */
static int list_comma(const mz_coder *c, uint32_t i)
{
    if (!mz_tok_is(c, i, ",") || i < 2)
        return 0;
    for (uint32_t j = i - 2; j < i; j++) {
        int k = c->tok_mention[j];
        if (k >= 0 && (c->mv[k].kind == MZ_E_ACTOR || c->mv[k].kind == MZ_E_AGENT || c->mv[k].kind == MZ_E_ADJ))
            return 0;
    }
    return 1;
}

/* Whether the English act v is the matter of a charge, case or inquiry (english_charges): the
 * first preposition before it in its clause, up to eight words back, is one of theirs after its
 * word.  Words between may be modifiers and the acts of a list ("allegations of torture, forced
 * confessions and arbitrary detentions"). */
static int english_charged(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    int32_t clause = c->clause[v->b];
    for (uint32_t i = v->b; i > b + 1 && v->b - i < 8;) {
        if (c->clause[i - 1] != clause) {
            if (!list_comma(c, i))
                return 0;
            clause = c->clause[i - 1]; /* "of torture, forced confessions and ...": a list */
        }
        i--;
        if (mz_tok_is(c, i, "of") || mz_tok_is(c, i, "with") || mz_tok_is(c, i, "into") || mz_tok_is(c, i, "for")) {
            for (size_t k = 0; k < sizeof english_charges / sizeof *english_charges; k++)
                if (mz_tok_is(c, i, english_charges[k].prep) && word_or_plural(c, i - 1, english_charges[k].word))
                    return 1;
            return 0;
        }
        if (c->tok_mention[i] >= 0 && c->mv[c->tok_mention[i]].kind == MZ_E_MARKER &&
            !mz_tok_is(c, i, "and") && !mz_tok_is(c, i, "or"))
            return 0; /* a marker of another kind (a clause word, a passive's "by") */
    }
    return 0;
}

/* Whether the act v is the matter of a charge, case or inquiry.  Arabic (charge_stems): the
 * noun right before it, or before the في / عن that joins them; a word read as a verb there is
 * the verbal noun of the same letters (بتهمة قتل).  English: english_charged. */
static int charged(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    if (!c->arabic)
        return v->b > b && english_charged(c, v, b);
    if (v->b == b)
        return 0;
    uint32_t i = v->b - 1;
    int joined = (mz_tok_is(c, i, "\xd9\x81\xd9\x8a" /* في */) || mz_tok_is(c, i, "\xd8\xb9\xd9\x86" /* عن */)) && i > b;
    i -= joined;
    return charge_word(c, i, charge_stems, sizeof charge_stems / sizeof *charge_stems) ||
           (joined && charge_word(c, i, inquiry_stems, sizeof inquiry_stems / sizeof *inquiry_stems));
}

/* Arabic nouns (folded stems) that name an act after them that has not happened or is not the
 * news: a fear of it (تخوفا من وقوع هجمات, مخاوف من, خشية), a plan of it (لتخطيط هجوم, مخططات
 * لشن هجمات) or its anniversary (الذكرى السبعين لقصف, مرور 25 عاما على الغزو). */
static const char *const unreal_stems[] = {
    "تخوف", "مخاوف", "خشيه", "خوفا", "تخطيط", "مخططات", "ذكري", "مرور",
};

/* Period nouns (folded stems) a passing of time names: "مرور 25 عاما", "مرور خمس سنوات". */
static const char *const passing_stems[] = {
    "عام", "اعوام", "سنه", "سنتين", "سنوات", "سنين", "شهر", "اشهر", "عقد", "عقود", "قرن", "اسابيع",
};

/* Whether token i, a noun of unreal_stems, names what it does here: مرور is an anniversary only
 * before a number or a period in the next two words (not traffic: دوريات المرور). */
static int unreal_word(const mz_coder *c, uint32_t i)
{
    if (!charge_word(c, i, unreal_stems, sizeof unreal_stems / sizeof *unreal_stems))
        return 0;
    if (!strstr(mz_tok_fold(&c->toks, i), "مرور"))
        return 1;
    for (uint32_t j = i + 1; j < c->toks.n && j <= i + 2; j++)
        if ((c->toks.v[j].flags & MZ_TOK_NUM) || charge_word(c, j, passing_stems, sizeof passing_stems / sizeof *passing_stems))
            return 1;
    return 0;
}

/* Nouns of occurring whose genitive the act is (خشية وقوع هجمات): they join it to the noun before. */
static const char *const occurrence_words[] = {"وقوع", "حدوث", "تنفيذ", "شن", "ووقوع", "وحدوث", "وتنفيذ", "وشن"};

/* Whether the Arabic act v is named after a noun of unreal_stems, up to four words back in its
 * clause with no party or other act between (numbers, prepositions, وقوع, an ordinal may stand
 * there), joined to it as its genitive or by a preposition (من, على, ل).  Such an act is
 * feared, planned or remembered, not reported. */
static int unreal(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    if (!c->arabic)
        return 0;
    int joined = (v->clitic & (MZ_CL_LI | MZ_CL_BI)) != 0; /* لتخطيط هجوم: a genitive joins too */
    for (uint32_t i = v->b; i > b && v->b - i < 4 && c->clause[i - 1] == c->clause[v->b];) {
        i--;
        if (unreal_word(c, i))
            return joined || i + 1 == v->b; /* not "وزير التخطيط آمادو باه" */
        joined |= mz_marker_at(c, i) == MZ_M_PREP || mz_tok_is(c, i, "\xd9\x85\xd9\x86" /* من */) ||
                  mz_tok_is(c, i, "\xd8\xb9\xd9\x84\xd9\x89" /* على */) ||
                  (i + 1 == v->b && in_list(mz_tok_fold(&c->toks, i), occurrence_words, sizeof occurrence_words / sizeof *occurrence_words));
        int k = c->tok_mention[i];
        if (k >= 0 && c->mv[k].kind != MZ_E_MARKER)
            return 0; /* a party or another act between */
    }
    return 0;
}

/* Arabic words (folded stems) of finding, seizing or defusing arms: "عثرت على سيارة مفخخة",
 * "ضبط 22 قذيفة هاون", "تفكيك عبوة ناسفة". */
static const char *const seizure_stems[] = {
    "عثر", "العثور", "ضبط", "تفكيك", "فكك", "ابطال", "مصادره", "صادر", "اكتشاف", "اكتشف",
};

/* Whether the Arabic act v is a bomb or shell (a noun of 183 or 194: سيارة مفخخة, قذيفة) named
 * as what was found, seized or defused, up to seven words back in its clause with no other act
 * between (its finder may: عثرت الشرطة العراقية على سيارة مفخخة): no attack was made with it. */
static int seized(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    const char *code = mz_verb_code(c, v);
    if (!c->arabic || !(v->flags & MZ_V_NOUN) || (strncmp(code, "183", 3) != 0 && strncmp(code, "194", 3) != 0))
        return 0;
    for (uint32_t i = v->b; i > b && v->b - i < 8 && c->clause[i - 1] == c->clause[v->b];) {
        i--;
        if (charge_word(c, i, seizure_stems, sizeof seizure_stems / sizeof *seizure_stems))
            return 1;
        int k = c->tok_mention[i];
        if (k >= 0 && c->mv[k].kind == MZ_E_VERB)
            return 0; /* another act between */
    }
    return 0;
}

/* Arabic أسر is a verb of capture (181) and the plural of أسرة, families.  It is families with
 * the article or a preposition on it (الأسر, بأسر, لأسر), with a possessive (أسرهم), or before
 * the people whose families they are (أسر الشهداء, أسر الضحايا).  Folded forms. */
static const char family_word[] = "\xd8\xa7\xd8\xb3\xd8\xb1"; /* اسر */
static const char *const family_prefixes[] = {"\xd8\xa7\xd9\x84",         /* ال */
                                              "\xd9\x88\xd8\xa7\xd9\x84", /* وال */
                                              "\xd8\xa8\xd8\xa7\xd9\x84", /* بال */
                                              "\xd9\x84\xd9\x84",         /* لل */
                                              "\xd8\xa8", "\xd9\x84",      /* ب ل */
                                              "\xd9\x88\xd8\xa8", "\xd9\x88\xd9\x84"}; /* وب ول */
static const char *const family_suffixes[] = {"\xd9\x87\xd9\x85", "\xd9\x87\xd8\xa7", "\xd9\x87",
                                              "\xd9\x87\xd9\x86", "\xd9\x86\xd8\xa7"}; /* هم ها ه هن نا */
/* The singular أسرة with a possessive (أسرته, أسرتها): families after a preposition (لأسرته, to
 * his family); alone it may be the verb with an object (ممن أسرتهم المقاومة, whom the resistance
 * captured). */
static const char *const family_one_suffixes[] = {
    "\xd8\xaa\xd9\x87", "\xd8\xaa\xd9\x87\xd8\xa7", "\xd8\xaa\xd9\x87\xd9\x85", /* ته تها تهم */
    "\xd8\xaa\xd9\x86\xd8\xa7", "\xd8\xaa\xd9\x87\xd9\x85\xd8\xa7"};            /* تنا تهما */
static const char *const family_members[] = {
    "\xd8\xb4\xd9\x87\xd8\xaf\xd8\xa7\xd8\xa1",             /* شهداء */
    "\xd8\xb6\xd8\xad\xd8\xa7\xd9\x8a\xd8\xa7",             /* ضحايا */
    "\xd8\xb3\xd8\xac\xd9\x86\xd8\xa7\xd8\xa1",             /* سجناء */
    "\xd9\x85\xd8\xb9\xd8\xaa\xd9\x82\xd9\x84\xd9\x8a\xd9\x86", /* معتقلين */
    "\xd8\xa7\xd8\xb3\xd8\xb1\xd9\x8a",                       /* اسري: أسرى */
    "\xd9\x85\xd9\x81\xd9\x82\xd9\x88\xd8\xaf\xd9\x8a\xd9\x86", /* مفقودين */
    "\xd9\x82\xd8\xaa\xd9\x84\xd9\x8a",                       /* قتلي: قتلى */
    "\xd9\x85\xd8\xb1\xd8\xb6\xd9\x8a",                       /* مرضي: مرضى */
    "\xd8\xa7\xd9\x8a\xd8\xaa\xd8\xa7\xd9\x85",             /* ايتام */
    "\xd8\xac\xd8\xa7\xd9\x84\xd9\x8a\xd9\x87",             /* جاليه: الجالية */
    "\xd9\x85\xd8\xb5\xd8\xa7\xd8\xa8\xd9\x8a\xd9\x86",   /* مصابين */
};

/* Whether folded word w is `word` after one of the npre prefixes `pre` (or none, with npre 0)
 * and before one of the nsuf suffixes `suf` (or none, with nsuf 0). */
static int affixed(const char *w, const char *word, const char *const *pre, size_t npre,
                   const char *const *suf, size_t nsuf)
{
    size_t wl = strlen(w), n = strlen(word);
    for (size_t p = 0; p < (npre ? npre : 1); p++) {
        size_t pl = npre ? strlen(pre[p]) : 0;
        if ((npre && strncmp(w, pre[p], pl) != 0) || strncmp(w + pl, word, n) != 0)
            continue;
        if (!nsuf && wl == pl + n)
            return 1;
        for (size_t k = 0; k < nsuf; k++)
            if (strcmp(w + pl + n, suf[k]) == 0)
                return 1;
    }
    return 0;
}

/* Whether the Arabic act v is the word أسر read as families (see family_word). */
static int families(const mz_coder *c, const mz_mention *v)
{
    if (!c->arabic || v->e != v->b + 1)
        return 0;
    const char *w = mz_tok_fold(&c->toks, v->b);
    if (!strstr(w, family_word))
        return 0; /* most acts: one scan instead of the affix tests */
    size_t np = sizeof family_prefixes / sizeof *family_prefixes, ns = sizeof family_suffixes / sizeof *family_suffixes;
    if (affixed(w, family_word, family_prefixes, np, NULL, 0) ||
        affixed(w, family_word, family_prefixes, np, family_suffixes, ns) ||
        affixed(w, family_word, family_prefixes, np, family_one_suffixes,
                sizeof family_one_suffixes / sizeof *family_one_suffixes) ||
        affixed(w, family_word, NULL, 0, family_suffixes, ns))
        return 1;
    if (strcmp(w, family_word) != 0 || v->e >= c->toks.n)
        return 0;
    const char *next = mz_tok_fold(&c->toks, v->e);
    if (strncmp(next, "\xd8\xa7\xd9\x84", 4) == 0) /* ال */
        next += 4;
    return in_list(next, family_members, sizeof family_members / sizeof *family_members);
}

/* The group that did what v names when v is an Arabic verbal noun after a verb of managing
 * ("تمكنت قوات الجيش من السيطرة على عدن": the first group between them, even one only the
 * document's country resolves), or -1. */
static int managed_act(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    if (!c->arabic || !(v->flags & MZ_V_NOUN))
        return -1;
    for (uint32_t i = v->b; i > b && v->b - i < 8;) {
        i--;
        if (mz_marker_at(c, i) != MZ_M_LIGHT)
            continue;
        for (size_t g = 0; g < c->ng; g++)
            if (c->gv[g].b > i && c->gv[g].e <= v->b)
                return (int)g;
        return -1;
    }
    return -1;
}

/* Pronouns an Arabic preposition may carry, folded. */
static const char *const object_pronouns[] = {"\xd9\x87", "\xd9\x87\xd8\xa7", "\xd9\x87\xd9\x85",
                                              "\xd9\x87\xd9\x85\xd8\xa7", "\xd9\x87\xd9\x86"}; /* ه ها هم هما هن */

/* Whether the Arabic act v's tail ends in على with a pronoun ("السيطرة عليها", control of it):
 * the pronoun is its object, and a group after it is no target ("في محاولة السيطرة عليها
 * مستعينة بالطائرات": the fires are controlled, not the aircraft). */
static int pronoun_object(const mz_coder *c, const mz_mention *v)
{
    if (!c->arabic || v->tail_e <= v->e)
        return 0;
    const char *w = mz_tok_fold(&c->toks, v->tail_e - 1);
    const char *on = "\xd8\xb9\xd9\x84\xd9\x8a"; /* علي: على folded */
    return mz_starts_with(w, on) &&
           in_list(w + strlen(on), object_pronouns, sizeof object_pronouns / sizeof *object_pronouns);
}

/* "Any" (أي, بأي, لأي), folded. */
static const char *const any_words_ar[] = {"اي", "باي", "لاي"};

/* Whether the object of Arabic act v is "any" one of a kind, right after the act or after one
 * preposition (تدعم أي جهود, يجري التحقيق في أي تقارير, ترحب بأي اتفاق): a stance toward
 * whatever may come, no act told.  (دون أي ذنب, without any guilt, is no object.) */
static int any_object(const mz_coder *c, const mz_mention *v, uint32_t e)
{
    uint32_t i = mz_act_end(v);
    if (!c->arabic || i >= e)
        return 0;
    if (mz_marker_at(c, i) == MZ_M_PREP || mz_marker_at(c, i) == MZ_M_LOC)
        i++;
    return i < e && in_list(mz_tok_fold(&c->toks, i), any_words_ar, sizeof any_words_ar / sizeof *any_words_ar);
}

/* Arabic light verbs with a pronoun for the act noun before them (folded): "تصريحات أطلقها
 * المالكي" (statements Maliki made), "هجوم نفذته طالبان", "اتصال هاتفي أجراه الرئيس".  أدلى
 * is read with بها/به after it.  قام بها (تقوم بها القوات) is left out: its relative clauses
 * moved the subject later sentences continue (Arabic pool: more wrong events than right). */
static const char *const light_relatives_ar[] = {
    "اطلقها", "اطلقه", "اطلقتها", "اطلقته", "ادلي", "ادلت", "تبذلها", "يبذلها", "بذلها", "بذلته", "بذلتها",
    "بذله", "اجراها", "اجراه", "اجرتها", "اجرته", "ارتكبها", "ارتكبه",
    "ارتكبتها", "ارتكبته", "نفذها", "نفذه", "نفذتها", "نفذته", "تنفذها", "ينفذها",
};

/* The group an Arabic act noun's relative clause names as its doer, or -1: a light verb right
 * after the noun (or after الذي/التي), with بها/به after it when it takes one, and a group
 * right after that.  The relative clause says who did the act the noun names. */
static int light_doer(const mz_coder *c, const mz_mention *v, uint32_t e)
{
    uint32_t i = v->e;
    if (!c->arabic || !(v->flags & MZ_V_NOUN) || i >= e)
        return -1;
    if (mz_tok_is(c, i, "الذي") || mz_tok_is(c, i, "التي"))
        i++;
    if (i >= e || c->tok_mention[i] >= 0 || !in_list(mz_tok_fold(&c->toks, i), light_relatives_ar,
                                                      sizeof light_relatives_ar / sizeof *light_relatives_ar))
        return -1;
    i++;
    if (i < e && (mz_tok_is(c, i, "بها") || mz_tok_is(c, i, "به")))
        i++;
    int g = group_starting(c, i);
    return g >= 0 && !(c->av[c->gv[g].first].clitic & (MZ_CL_LI | MZ_CL_BI | MZ_CL_KA)) ? g : -1;
}

/* The beginnings of a definite Arabic noun: the article after a conjunction و/ف and a
 * preposition ب/ل, each optional (لل is ل before the article), the longest first. */
static const char *const definite_prefixes[] = {
    "\xd9\x88\xd8\xa8\xd8\xa7\xd9\x84", /* وبال */
    "\xd9\x81\xd8\xa8\xd8\xa7\xd9\x84", /* فبال */
    "\xd9\x88\xd9\x84\xd9\x84",         /* ولل */
    "\xd9\x81\xd9\x84\xd9\x84",         /* فلل */
    "\xd9\x88\xd8\xa7\xd9\x84",         /* وال */
    "\xd9\x81\xd8\xa7\xd9\x84",         /* فال */
    "\xd8\xa8\xd8\xa7\xd9\x84",         /* بال */
    "\xd9\x84\xd9\x84",                 /* لل */
    "\xd8\xa7\xd9\x84",                 /* ال */
};

/* The folded form of Arabic token i without the beginnings of a definite noun (see
 * definite_prefixes), written to out (room for n); whether it had them.  A noun named again
 * (التصريحات, وبالتصريحات) and its first mention (تصريحات) come out alike. */
static int bare_noun(const mz_coder *c, uint32_t i, char *out, size_t n)
{
    const char *w = mz_tok_fold(&c->toks, i);
    size_t len = c->toks.v[i].fold_len;
    int def = 0;
    for (size_t k = 0; k < sizeof definite_prefixes / sizeof *definite_prefixes && !def; k++) {
        size_t pl = strlen(definite_prefixes[k]);
        if (len > pl && memcmp(w, definite_prefixes[k], pl) == 0) {
            w += pl, len -= pl, def = 1;
        }
    }
    if (len >= n)
        len = n - 1;
    memcpy(out, w, len);
    out[len] = '\0';
    return def;
}

/* Remembers Arabic act v, coded with source group src, as an act the document told, by the noun
 * that names it (its head, or the last word of its tail: شن ... هجوما) and its root: a later
 * condemnation of "the statements" or "the attack" is aimed at its doer (told_doer). */
static void remember_told(mz_coder *c, const mz_mention *v, int src)
{
    if (!c->arabic || src < 0 || c->gv[src].n != 1)
        return;
    const mz_actor *a = &c->av[c->gv[src].first];
    if (!a->code || a->implied)
        return;
    int n = sizeof c->told / sizeof c->told[0];
    memmove(&c->told[1], &c->told[0], (size_t)(n - 1) * sizeof c->told[0]);
    c->ntold = c->ntold < n ? c->ntold + 1 : n;
    if (v->flags & MZ_V_NOUN)
        bare_noun(c, v->b, c->told[0].noun, sizeof c->told[0].noun);
    else if (v->tail_e > v->tail_b)
        bare_noun(c, v->tail_e - 1, c->told[0].noun, sizeof c->told[0].noun);
    else
        c->told[0].noun[0] = '\0';
    c->told[0].sentence = c->sentence;
    memcpy(c->told[0].root, mz_verb_code(c, v), 2);
    c->told[0].root[2] = '\0';
    c->told[0].doer = *a;
    if (!a->context)
        c->told[0].doer.context = mz_span_text(c, a->b, a->e);
}

/* Whether Arabic act noun v is "the right" (حق, الحق, بحق, لحق ...): a right to defend
 * oneself or to respond, affirmed by the speaker (verbs.ar.txt, 051). */
static int right_act(const mz_coder *c, const mz_mention *v)
{
    if (!c->arabic || !(v->flags & MZ_V_NOUN) || v->e != v->b + 1)
        return 0;
    const char *w = mz_tok_fold(&c->toks, v->b);
    size_t n = c->toks.v[v->b].fold_len;
    static const char haqq[] = "\xd8\xad\xd9\x82"; /* حق */
    return n >= 4 && memcmp(w + n - 4, haqq, 4) == 0 && n <= 10;
}

/* The holder of the right that act v names (right_act), or -1: the genitive right after it
 * (حق تركيا بالدفاع), the group with ل right before it (للمملكة الحق, للمملكة حق الرد), or
 * the group before "لها/له/لهم" right before it (المملكة لها الحق). */
static int right_holder(const mz_coder *c, const mz_mention *v)
{
    for (size_t g = 0; g < c->ng; g++) {
        const mz_group *gr = &c->gv[g];
        if (gr->b == UINT32_MAX)
            continue;
        if (gr->b == v->e && !prepositional(c, (int)g))
            return (int)g;
        if (gr->e == v->b && (c->av[gr->first].clitic & MZ_CL_LI))
            return (int)g;
        if (gr->e + 1 == v->b && (mz_tok_is(c, gr->e, "\xd9\x84\xd9\x87\xd8\xa7") /* لها */ ||
                                  mz_tok_is(c, gr->e, "\xd9\x84\xd9\x87") /* له */ ||
                                  mz_tok_is(c, gr->e, "\xd9\x84\xd9\x87\xd9\x85") /* لهم */))
            return (int)g;
    }
    return -1;
}

/* Roots of the acts aimed at what another did: disapproval, rejection. */
static const char *const answer_roots[] = {"11", "12"};

/* The doer of the act an Arabic condemnation or rejection v names as its object by a definite
 * noun the sentence or the one before it has coded with its doer: "استنكرت منظمة التعاون
 * الإسلامي التصريحات" after "تصريحات أطلقها المالكي ضد السعودية" is aimed at al-Maliki.  The
 * noun stands right after the act or after its subject, and is the same word or names an act
 * of the same root.  Further back the article may tell of other acts.  A group of that doer,
 * or -1. */
static int told_doer(mz_coder *c, const mz_mention *v, int src, uint32_t e)
{
    if (!c->arabic || c->ntold == 0 ||
        !mz_code_prefixed(mz_verb_code(c, v), answer_roots, sizeof answer_roots / sizeof *answer_roots))
        return -1;
    uint32_t i = mz_act_end(v);
    if (src >= 0 && c->gv[src].b != UINT32_MAX && c->gv[src].b >= i && c->gv[src].b <= i + 1)
        i = c->gv[src].e;
    if (i >= e || c->clause[i] != c->clause[v->b])
        return -1;
    char noun[48];
    if (!bare_noun(c, i, noun, sizeof noun))
        return -1;
    int k = c->tok_mention[i];
    const char *root = k >= 0 && c->mv[k].kind == MZ_E_VERB ? mz_verb_code(c, &c->mv[k]) : NULL;
    if (k >= 0 && !root)
        return -1; /* an actor or a marker */
    const char *own = src >= 0 && c->av[c->gv[src].first].code ? c->av[c->gv[src].first].code : "";
    for (int t = 0; t < c->ntold && c->told[t].sentence + 1 >= c->sentence; t++)
        if (((c->told[t].noun[0] && strcmp(c->told[t].noun, noun) == 0) || (root && strncmp(root, c->told[t].root, 2) == 0)) &&
            strcmp(c->told[t].doer.code, own) != 0)
            return mz_actor_group(c, &c->told[t].doer);
    return -1;
}

/* Whether v is an Arabic verbal noun that is background, not news of its own: named as the time
 * or cause of another act (see background_words), or made definite with no party of its own —
 * no doer after it (القصف الإسرائيلي), no actor before it in its clause (شددت كندا العقوبات), no
 * "between" (المفاوضات بين), no تم/جرى, no doer named by a light verb after it (light_doer):
 * "الاغتيال", "التفجيرات" name an act the reader already knows of. */
static int background(const mz_coder *c, const mz_mention *v, uint32_t b, uint32_t e)
{
    if (!c->arabic || !(v->flags & MZ_V_NOUN) || v->b == b)
        return 0;
    if ((v->clitic & MZ_CL_DEF) && !marker_before(c, v->b, b, 2, MZ_M_BE) &&
        left_group(c, v->b, b, 0) < 0 && between_group(c, v, e) < 0 && light_doer(c, v, e) < 0) {
        int k = v->e < c->toks.n ? c->tok_mention[v->e] : -1;
        if (k < 0 || (c->mv[k].kind != MZ_E_ACTOR && c->mv[k].kind != MZ_E_ADJ))
            return 1;
    }
    const char *w = mz_tok_fold(&c->toks, v->b - 1);
    if (in_list(w, during_words, sizeof during_words / sizeof during_words[0]) &&
        strncmp(mz_verb_code(c, v), "04", 2) == 0)
        return 0; /* "خلال زيارته إلى": the visit is going on */
    return in_list(w, background_words, sizeof background_words / sizeof background_words[0]);
}

/* English relative pronouns: the subject of a relative clause is the noun it qualifies. */
static const char *const relative_pronouns[] = {"who", "which", "that"};

/* Whether English group g follows "according to": a source cited, never an act's object,
 * whatever a parse that took "according" for a preposition says ("killing at least 20
 * according to Philippine officials"). */
static int cited(const mz_coder *c, int g)
{
    uint32_t b = c->gv[g].b;
    while (b > 0 && c->tok_mention[b - 1] >= 0 && c->mv[c->tok_mention[b - 1]].kind == MZ_E_ADJ)
        b--;
    return b >= 2 && mz_tok_is(c, b - 2, "according") && mz_tok_is(c, b - 1, "to");
}

/* The group that holds verb v's dependent of relation `deprel` in the sentence's parse, or -1:
 * none parsed, none of that relation, or a word no resolved group holds ("it").  A relative
 * pronoun subject stands for the noun its clause qualifies ("the minister, who met ..."). */
static int tree_group(mz_coder *c, const mz_mention *v, int deprel)
{
    if (!mz_parse_any(c))
        return -1;
    uint32_t t = mz_parse_dependent(c, v->b, deprel);
    if (t == UINT32_MAX)
        return -1;
    int rel;
    uint32_t h;
    if (deprel == MZ_DEPREL_NSUBJ &&
        in_list(mz_tok_fold(&c->toks, t), relative_pronouns, sizeof relative_pronouns / sizeof relative_pronouns[0]) &&
        (h = mz_parse_head(c, v->b, &rel)) != UINT32_MAX && rel == MZ_DEPREL_ACL)
        t = h;
    int g = group_at(c, t);
    return g < 0 || group_objects(c, g) || unresolved(c, (size_t)g) ? -1 : g;
}

/* Whether the parse puts group g under a verb other than v ("بالتنكيل وقتل مواطنيها ... ولماذا
 * يترك العالم السودان": Sudan is what the world leaves, not whom Iran kills), for an Arabic act
 * that does not govern another (see governs).  Word order stops at the next verb the
 * dictionaries know; the parse knows the others. */
static int another_verbs(mz_coder *c, const mz_mention *v, int g)
{
    if (!c->arabic || !mz_parse_any(c) || governs(c, v))
        return 0;
    int rel;
    uint32_t h = mz_parse_head(c, c->gv[g].b, &rel);
    return h != UINT32_MAX && (rel == MZ_DEPREL_NSUBJ || rel == MZ_DEPREL_OBJ) &&
           mz_parse_upos(c, h) == MZ_UPOS_VERB && (h < v->b || h >= v->e) &&
           !(v->tail_e > v->tail_b && h >= v->tail_b && h < v->tail_e);
}

/* Whether the parse makes group g the genitive (nmod) or object of an act other than verbal
 * noun v: "مع أي جهد لمحاربة داعش بالتنسيق والتشاور مع الحكومة": Daesh is what is fought, not
 * who consults. */
static int act_genitive(mz_coder *c, const mz_mention *v, int g)
{
    int rel;
    uint32_t h = mz_parse_head(c, c->gv[g].b, &rel);
    if (h == UINT32_MAX || (rel != MZ_DEPREL_NMOD && rel != MZ_DEPREL_OBJ) || (h >= v->b && h < v->e))
        return 0;
    int k = c->tok_mention[h];
    return k >= 0 && c->mv[k].kind == MZ_E_VERB;
}

/* Whether token t is one of act v's own words: its verb, its tail or its pattern's words. */
static inline int act_word(const mz_mention *v, uint32_t t)
{
    return (t >= v->pre_b && t < v->e) || (t >= v->tail_b && t < v->tail_e);
}

/* The head word of tokens [b, e) in the parse: the first whose head lies outside them
 * ("conversation" of "phone conversation", "Army" of "the Syrian Army"), UINT32_MAX when none. */
static uint32_t head_word(mz_coder *c, uint32_t b, uint32_t e)
{
    int rel;
    for (uint32_t i = b; i < e; i++) {
        uint32_t h = mz_parse_head(c, i, &rel);
        if (h == UINT32_MAX || h < b || h >= e)
            return i;
    }
    return UINT32_MAX;
}

/* Whether the parse hangs token t from token h through verbs that share their parties:
 * infinitive or participle complements ("began deploying", xcomp) and coordinated verbs ("met
 * and praised", conj). */
static int shares_parties(mz_coder *c, uint32_t t, uint32_t h)
{
    for (int steps = 0; steps < 12 && t != h; steps++) {
        int rel;
        uint32_t up = mz_parse_head(c, t, &rel);
        if (up == UINT32_MAX || (rel != MZ_DEPREL_XCOMP && rel != MZ_DEPREL_CONJ))
            return 0;
        t = up;
    }
    return t == h;
}

/* Whether the parse makes English group g, v's target by word order, the subject or object of
 * another verb, one that shares no parties with v (see shares_parties): "offering to disrobe if
 * Pakistan defeated India", "deploying into previously SDF controlled territory".  A group
 * the parse hangs from another verb by a preposition may still be v's ("sent planes carrying
 * aid to Sudan"): prepositional phrases are where the parse errs most.  Not for an act that
 * governs another (see governs): "threatened to impose sanctions on Iran" is aimed at Iran. */
static int other_clause_target(mz_coder *c, const mz_mention *v, int g)
{
    /* participles that are prepositions, whatever the tagger says: "sanctions on North Korea
     * following its nuclear test" */
    static const char *const prepositions[] = {"following", "including", "according", "regarding",
                                               "concerning", "excluding", "considering", "pending"};
    if (c->arabic || !mz_parse_any(c) || g < 0 || c->gv[g].b == UINT32_MAX || governs(c, v))
        return 0;
    int rel;
    uint32_t t = head_word(c, c->gv[g].b, c->gv[g].e), vh = head_word(c, v->b, v->e), h;
    if (t == UINT32_MAX || vh == UINT32_MAX || (h = mz_parse_head(c, t, &rel)) == UINT32_MAX ||
        act_word(v, h) || (rel != MZ_DEPREL_NSUBJ && rel != MZ_DEPREL_OBJ && rel != MZ_DEPREL_IOBJ) ||
        mz_parse_upos(c, h) != MZ_UPOS_VERB ||
        in_list(mz_tok_fold(&c->toks, h), prepositions, sizeof prepositions / sizeof *prepositions))
        return 0;
    return !shares_parties(c, vh, h) && !shares_parties(c, h, vh);
}

/* The group the parse makes an Arabic act's prepositional object (obl), when word order found
 * none: the parse reaches past the commas and time phrases that end a clause for word order
 * ("شنت طائرات التحالف، فجر اليوم، غارات على مواقع للحوثيين").  Not a place, not the source,
 * not after من (a passive's doer or the part of a whole: "قتل خمسة من ..."); -1 when none. */
static int tree_target(mz_coder *c, const mz_mention *v, int src)
{
    int candidates = 0; /* the parse is asked only when a group after the verb could be one */
    for (size_t k = 0; c->arabic && mz_parse_any(c) && k < c->ng && !candidates; k++)
        candidates = c->gv[k].b >= v->e && c->gv[k].b != UINT32_MAX && (int)k != src && !located(c, k) &&
                     !unresolved(c, k);
    if (!candidates)
        return -1;
    int g = tree_group(c, v, MZ_DEPREL_OBL);
    if (g < 0 || g == src || c->gv[g].b < v->e || located(c, (size_t)g) ||
        mz_tok_is(c, c->gv[g].b - 1, "\xd9\x85\xd9\x86" /* من */))
        return -1;
    return g;
}

/* ---- The Arabic parse: rules that act only when the sentence is parsed (--parse). ---- */

static int standalone(const mz_coder *c, const mz_mention *v);

/* Whether the parse coordinates Arabic group g with a noun a preposition governs ("رسائل من
 * القبائل في الكويت ودول الخليج تستنكر": the Gulf states stand under the في of Kuwait, a place,
 * not a doer): prepositional reads the group's own words only. */
static int tree_prepositional(mz_coder *c, int g)
{
    if (!c->arabic || !mz_parse_any(c) || g < 0 || c->gv[g].b == UINT32_MAX)
        return 0;
    uint32_t t = c->gv[g].b;
    for (int steps = 0; steps < 4; steps++) {
        int rel;
        uint32_t h = mz_parse_head(c, t, &rel);
        if (h == UINT32_MAX || rel != MZ_DEPREL_CONJ || h >= t)
            return 0;
        if (mz_parse_dependent(c, h, MZ_DEPREL_CASE) != UINT32_MAX)
            return 1;
        t = h;
    }
    return 0;
}

/* Arabic relative pronouns, folded, for the parse's subjects. */
static const char *const relative_subjects_ar[] = {"الذي", "التي", "الذين", "اللذين", "اللتين",
                                                   "اللذان", "اللتان"};

/* The group a relative clause's verb takes as its subject when the parse makes the relative
 * pronoun before it its only subject ("جبهة النصرة التي تحتجز جنودا لبنانيين": the Nusra Front
 * holds the soldiers; word order took the soldiers after the verb for its subject): the group
 * right before the pronoun, across numbers and quotes, else the one the noun before the pronoun
 * governs as its genitive in the parse; -1 when none.
 * Not for a verb with an object pronoun (تقوده السعودية: the pronoun is its object), nor a
 * verbal noun or participle. */
static int relative_subject(mz_coder *c, const mz_mention *v, uint32_t b)
{
    if (!c->arabic || !mz_parse_any(c) || (v->flags & (MZ_V_NOUN | MZ_V_PART)) ||
        (v->last_clitic & MZ_CL_SUFFIX) || v->b < b + 2 ||
        !in_list(mz_tok_fold(&c->toks, v->b - 1), relative_subjects_ar,
                 sizeof relative_subjects_ar / sizeof *relative_subjects_ar))
        return -1;
    uint32_t pron = v->b - 1;
    int rel;
    if (mz_parse_head(c, pron, &rel) != v->b || rel != MZ_DEPREL_NSUBJ)
        return -1;
    for (uint32_t i = v->b; i < c->toks.n && i < v->b + 12; i++) { /* no other subject */
        uint32_t h = mz_parse_head(c, i, &rel);
        if (h == v->b && rel == MZ_DEPREL_NSUBJ)
            return -1;
    }
    uint32_t i = pron; /* the noun the clause qualifies: across numbers, quotes and brackets */
    while (i > b && !(c->toks.v[i - 1].flags & MZ_TOK_WORD) && !mz_tok_is(c, i - 1, ",") &&
           !mz_tok_is(c, i - 1, "\xd8\x8c" /* ، */))
        i--;
    if (i == b)
        return -1;
    int g = group_at(c, i - 1);
    if (g < 0) { /* "قرار مجلس الأمن الذي": a noun no dictionary knows; its genitive may be one */
        uint32_t d = mz_parse_dependent(c, i - 1, MZ_DEPREL_NMOD);
        g = d != UINT32_MAX && d < pron ? group_at(c, d) : -1;
    }
    if (g < 0 || located(c, (size_t)g) || prepositional(c, g) || unresolved(c, (size_t)g))
        return -1;
    return g;
}

/* Whether the source word order gave Arabic act v may be those it was done to: the verb is
 * followed by a number ("قتل 12 جنديا": unvowelled, the passive "were killed"), or the source
 * follows من ("قتل خمسة عناصر من قوات الأمن"): tree_place then adds no target to it. */
static int victims_as_source(const mz_coder *c, const mz_mention *v, int src)
{
    uint32_t sb = c->gv[src].b;
    return (v->e < c->toks.n && (c->toks.v[v->e].flags & MZ_TOK_NUM)) ||
           (sb != UINT32_MAX && sb > 0 && mz_tok_is(c, sb - 1, "\xd9\x85\xd9\x86" /* من */));
}

/* The place the parse makes an Arabic act of protest or force (standalone) take as its
 * prepositional object (obl) after it, past what ends word order's clause ("ونشرت القوات
 * السعودية دباباتها التي وصلت أمس، في مدينة عدن": deployed in Aden): as the place right after
 * an act with no other party (code_verb), its target.  Only a country or a place in it (a code
 * of three letters), not a party named by its role; -1 when none. */
static int tree_place(mz_coder *c, const mz_mention *v, int src)
{
    int candidates = 0;
    if (!c->arabic || !mz_parse_any(c) || !standalone(c, v) || src < 0 || victims_as_source(c, v, src))
        return -1;
    for (size_t k = 0; k < c->ng && !candidates; k++)
        candidates = c->gv[k].b >= v->e && c->gv[k].b != UINT32_MAX && (int)k != src && !unresolved(c, k);
    if (!candidates)
        return -1;
    for (size_t k = 0; k < c->ng; k++) {
        const char *code = c->av[c->gv[k].first].code;
        if (c->gv[k].b < v->e || c->gv[k].b == UINT32_MAX || (int)k == src || unresolved(c, k) ||
            c->gv[k].n != 1 || !code || !mz_len3(code))
            continue;
        int rel;
        uint32_t t = c->gv[k].b, h = mz_parse_head(c, t, &rel);
        if (h != UINT32_MAX && h < t && rel == MZ_DEPREL_NMOD && group_at(c, h) < 0)
            t = h, h = mz_parse_head(c, t, &rel); /* في مدينة زنجبار: the city is the object */
        uint32_t p = h != UINT32_MAX && act_word(v, h) && rel == MZ_DEPREL_OBL
                         ? mz_parse_dependent(c, t, MZ_DEPREL_CASE)
                         : UINT32_MAX;
        if (p != UINT32_MAX && (located(c, k) || mz_tok_is(c, p, "\xd9\x81\xd9\x8a" /* في */)))
            return (int)k;
    }
    return -1;
}

/* The roles a PETRARCH pattern places: the actor before the verb, or before the pattern's
 * words before it, is the target and the one after it the source ("+ * FROM $": "X was freed
 * from Y"; "+ HOSTING * MAY_DAY $"), and the actor right after its tail, a place too, or after
 * the actors it skips (^), is its $ or + ("+ WAS * DEAD IN $": "shot dead in Y"). */
static void petrarch_roles(const mz_coder *c, const mz_mention *v, uint32_t b, uint32_t e,
                           int *src, int *tgt)
{
    const mz_verb *vb = &c->e->verbs[v->value];
    if (vb->flags & MZ_V_REVERSED) {
        int t = *src;
        *src = *tgt;
        *tgt = v->pre_b < v->b ? left_group(c, v->pre_b, b, 0) : t;
    }
    if (!vb->after_tail || v->tail_e <= v->tail_b)
        return;
    int g = right_group_at(c, v->tail_e, e, -1, 1);
    if (g < 0 || c->gv[g].b > v->tail_e + 1)
        return;
    for (int k = 0; k < vb->skip && g >= 0; k++)
        g = right_group_at(c, c->gv[g].e, e, -1, 1);
    if (g < 0)
        return;
    int *role = vb->after_tail == '$' ? src : tgt, *other = vb->after_tail == '$' ? tgt : src;
    if (*other == g)
        *other = *role;
    *role = g;
}

/* The group right after "in a"/"in an" from token `from` on, before `stop`: the doer of an act
 * told in the passive ("was killed in a US counter-terrorism operation", "wounded in an
 * Israeli air strike"); "in the United States" names a place.  -1 when none. */
static int in_an_act_of(const mz_coder *c, uint32_t from, uint32_t stop)
{
    if (c->arabic)
        return -1;
    for (size_t g = 0; g < c->ng; g++) {
        uint32_t gb = c->gv[g].b;
        if (gb < from + 2 || gb >= stop || c->clause[gb] != c->clause[from])
            continue;
        if ((mz_tok_is(c, gb - 1, "a") || mz_tok_is(c, gb - 1, "an")) && mz_tok_is(c, gb - 2, "in"))
            return (int)g;
    }
    return -1;
}

/* Whether the parse puts English act v, named by a noun, in a prepositional phrase that
 * qualifies another noun ("in the face of threats of the army and water cannons", "demands for
 * a new judge-led investigation"), as english_nominal does by word order where a determiner
 * stands before the noun: then the clause around it gives it no doer.  A noun a verb takes as
 * its object is that verb's own ("sent a message of condolence": the sender condoles). */
static int tree_nominal(mz_coder *c, const mz_mention *v)
{
    if (c->arabic || !mz_parse_any(c))
        return 0;
    int rel;
    uint32_t t = head_word(c, v->b, v->e), h;
    if (t == UINT32_MAX || mz_parse_upos(c, t) != MZ_UPOS_NOUN)
        return 0;
    for (int steps = 0; steps < 4; steps++) { /* up the conjuncts: "the army and water cannons" */
        uint32_t p = mz_parse_dependent(c, t, MZ_DEPREL_CASE);
        if ((h = mz_parse_head(c, t, &rel)) == UINT32_MAX)
            return 0;
        if (p != UINT32_MAX && in_list(mz_tok_fold(&c->toks, p), nominal_prepositions,
                                       sizeof nominal_prepositions / sizeof *nominal_prepositions)) {
            int up;
            return rel == MZ_DEPREL_NMOD && (mz_parse_head(c, h, &up) == UINT32_MAX || up != MZ_DEPREL_OBJ);
        }
        if (rel != MZ_DEPREL_CONJ)
            return 0;
        t = h;
    }
    return 0;
}

/* Source and target of a verb by word order (see the file comment). */
static void order_roles(mz_coder *c, const mz_mention *v, uint32_t b, uint32_t stop,
                        uint32_t e, int *src, int *tgt)
{
    int by = by_group(c, v, b, stop, e);
    int passive = is_passive(c, v, b, by);
    if (!passive && (c->e->verbs[v->value].flags & MZ_V_PETRARCH))
        by = -1; /* PETRARCH: "condemned an attack by X" is aimed at X, its object's first actor */
    uint32_t after = v->e;
    int left = left_group(c, v->b, b, 0);
    if (passive) {
        /* Arabic puts the patient after the verb (زُوِّدت روسيا), English before it */
        *src = by >= 0 ? by : in_an_act_of(c, after, stop);
        *tgt = c->arabic ? right_group(c, after, stop, by) : left;
        if (*tgt < 0)
            *tgt = c->arabic ? left : right_group(c, after, stop, by);
        return;
    }
    int r1 = right_group(c, after, stop, by);
    int r2 = r1 >= 0 ? right_group(c, c->gv[r1].e, stop, by) : -1;
    if (!c->arabic) {
        *src = left >= 0 ? left : left_group(c, v->b, b, 1);
        if ((english_nominal(c, v, b) || tree_nominal(c, v)) &&
            !(*src >= 0 && c->gv[*src].e + 1 == v->b && mz_tok_is(c, v->b - 1, "'s")))
            *src = -1;
        *tgt = r1;
        /* the parse sees past relative clauses and appositions to the verb's own subject */
        int ps = tree_group(c, v, MZ_DEPREL_NSUBJ), po = tree_group(c, v, MZ_DEPREL_OBJ);
        if (ps >= 0)
            *src = ps;
        if (po >= 0 && po != *src && !cited(c, po))
            *tgt = po;
        else if (other_clause_target(c, v, *tgt))
            *tgt = -1; /* the subject or object of another verb: "if Pakistan defeated India" */
        return;
    }
    /* an Arabic subject takes no preposition: "بنيويورك" (in New York), "لدمشق" are not doers */
    if (left >= 0 && (prepositional(c, left) || tree_prepositional(c, left)))
        left = -1;
    if (v->flags & MZ_V_NOUN) {
        int adjacent = r1 >= 0 && c->gv[r1].b == after && !prepositional(c, r1);
        if (adjacent && r2 >= 0) {
            *src = r1, *tgt = r2;
        } else if (adjacent && left < 0) {
            *src = r1, *tgt = -1;
        } else if (left < 0 && r1 >= 0 && r2 >= 0 && (c->av[c->gv[r1].first].clitic & MZ_CL_LI) &&
                   c->gv[r1].b <= after + 1) {
            *src = r1, *tgt = r2; /* زيارة الرئيس (للرئيس) إلى السعودية */
        } else {
            *src = left, *tgt = r1;
            if (left >= 0 && act_genitive(c, v, left))
                *src = -1;
        }
        return;
    }
    if (v->flags & MZ_V_PART) {
        *src = -1, *tgt = r1; /* a participle's doer is the clause's subject (code_verb) */
        return;
    }
    int rs = relative_subject(c, v, b);
    if (rs >= 0) { /* "جبهة النصرة التي تحتجز جنودا": the front holds the soldiers */
        *src = rs, *tgt = r1 == rs ? r2 : r1;
        return;
    }
    if ((v->last_clitic & MZ_CL_SUFFIX) && r1 >= 0 && c->gv[r1].b <= after + 1 && !prepositional(c, r1)) {
        /* an object pronoun on the verb names its object, so the actor after it is the subject,
         * whatever stands before: "غارة شنها الطيران الإسرائيلي على غزة" (a raid the Israeli air
         * force launched on Gaza) */
        *src = r1, *tgt = r2;
    } else if (left >= 0) {
        *src = left, *tgt = r1;
    } else if (r1 >= 0 && (prepositional(c, r1) || noun_subject(c, after, c->gv[r1].b) ||
                           (v->flags & MZ_V_OWN))) {
        /* the subject is a pronoun (أنها فرضت عقوبات على روسيا), or the verb's own (وأطلقوا
         * صواريخ على السعودية: a verb before its subject is singular) */
        *src = -1, *tgt = r1;
    } else {
        *src = r1, *tgt = r1 >= 0 ? r2 : -1;
    }
}

/* Arabic relative pronouns, folded. */
static const char *const arabic_relatives[] = {"\xd8\xa7\xd9\x84\xd8\xb0\xd9\x8a",         /* الذي */
                                               "\xd8\xa7\xd9\x84\xd8\xaa\xd9\x8a",         /* التي */
                                               "\xd8\xa7\xd9\x84\xd8\xb0\xd9\x8a\xd9\x86"}; /* الذين */

/* Whether Arabic token i stands in a relative clause: a relative pronoun opens its clause, or
 * stands in it before i. */
static int in_relative(const mz_coder *c, uint32_t i, uint32_t b)
{
    if (!c->arabic)
        return 0;
    uint32_t k = i;
    while (k > b && c->clause[k - 1] == c->clause[i])
        k--; /* the clause's first token; its opener is that token or the one before */
    for (uint32_t j = k > b ? k - 1 : k; j < i; j++)
        if (in_list(mz_tok_fold(&c->toks, j), arabic_relatives, sizeof arabic_relatives / sizeof *arabic_relatives))
            return 1;
    return 0;
}

/* The first group of the sentence [b, before) that could be its subject: no place, no object of
 * a preposition, none inside a relative clause ("منتقدة الحماسة التي يبديها الغربيون": the
 * Westerners show the zeal, they do not criticise it). */
static int first_subject(const mz_coder *c, uint32_t b, uint32_t before)
{
    for (size_t g = 0; g < c->ng; g++)
        if (c->gv[g].b >= b && c->gv[g].e <= before && !located(c, g) && !prepositional(c, (int)g) &&
            !in_relative(c, c->gv[g].b, b))
            return (int)g;
    return -1;
}

/* Whether v's clause opens with "that" + pronoun (أنها, إنه) and no actor stands between. */
static int pronoun_clause(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    for (uint32_t i = v->b; i > b;) {
        i--;
        if (mz_marker_at(c, i) == MZ_M_THATPRON)
            return 1;
        int k = c->tok_mention[i];
        if (c->clause[i] != c->clause[v->b] || (k >= 0 && c->mv[k].kind == MZ_E_ACTOR))
            return 0;
    }
    return 0;
}

/* The start of the next verb after v that is not inside v's tail nor a PETRARCH verb read as a
 * noun ("called for a boycott against X": X is the call's target). */
static uint32_t next_verb(const mz_coder *c, size_t vi, uint32_t b, uint32_t e)
{
    const mz_mention *v = &c->mv[vi];
    for (size_t k = vi + 1; k < c->nm; k++) {
        const mz_mention *m = &c->mv[k];
        if (m->kind == MZ_E_VERB && !(m->b >= v->tail_b && m->b < v->tail_e) &&
            !petrarch_noun(c, m, b))
            return m->b;
    }
    return e;
}

/* Whether an English act stands under a counterfactual ("would have", "could have", "might
 * have" up to eight words before it in its clause: "a bill that would have allowed China to
 * extradite people"): what did not happen, even after an attribution verb.  "should have acted"
 * is left to PETRARCH's reading (VERB-10 of its suite codes it). */
static int counterfactual(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    static const char *const modals[] = {"would", "could", "might"};
    for (uint32_t i = v->b; !c->arabic && i > b + 1 && v->b - i < 8 && c->clause[i - 1] == c->clause[v->b];) {
        i--;
        if (mz_tok_is(c, i, "have") && in_list(mz_tok_fold(&c->toks, i - 1), modals, sizeof modals / sizeof *modals))
            return 1;
    }
    return 0;
}

/* Whether the verb is negated or hypothetical.  "would" is hypothetical unless an attribution
 * verb came before it ("said he would meet": a reported future); "would have" always is. */
static int suppressed(const mz_coder *c, const mz_mention *v, uint32_t b, int reported)
{
    unsigned before = markers_before(c, v->b, b, WINDOW);
    if (!reported && (before & 1u << MZ_M_BACKSHIFT))
        return 1;
    if (counterfactual(c, v, b))
        return 1;
    if (before & 1u << MZ_M_NEG)
        return 1;
    if (marker_in(c, b, v->b, MZ_M_COND))
        return 1;
    if (before & 1u << MZ_M_MODAL) {
        /* Arabic قد right before a past verb asserts ("قد زودت": has indeed supplied) */
        int adjacent = v->b > b && mz_marker_at(c, v->b - 1) == MZ_M_MODAL;
        return !(c->arabic && adjacent && (v->flags & MZ_V_PAST) && !(v->flags & MZ_V_PRES));
    }
    return 0;
}

/* Words that open a yes/no question: its acts are asked about, not reported ("Can Washington
 * arm the army?", "هل يمكن لأميركا أن تسلح الجيش؟").  A question opened by why or who presumes
 * its act happened ("لماذا أعدمت إيران ...؟") and is not among them. */
static const char *const question_openers[] = {"هل", "can", "could", "will", "would", "should", "shall",
                                               "may", "might", "must", "do", "does", "did", "is",
                                               "are", "was", "were", "has", "have", "had"};

/* Whether v stands in a sentence [b, e) asking a yes/no question, or a question with a modal
 * before v ("What can you do to improve relations?"). */
static int asked(const mz_coder *c, const mz_mention *v, uint32_t b, uint32_t e)
{
    uint32_t last = e, first = b;
    while (last > b && !(c->toks.v[last - 1].flags & (MZ_TOK_WORD | MZ_TOK_NUM)) &&
           !mz_tok_is(c, last - 1, "?") && !mz_tok_is(c, last - 1, "\xd8\x9f" /* ؟ */))
        last--; /* closing quotes and brackets */
    if (last == b || !(mz_tok_is(c, last - 1, "?") || mz_tok_is(c, last - 1, "\xd8\x9f")))
        return 0;
    while (first < v->b && !(c->toks.v[first].flags & MZ_TOK_WORD))
        first++;
    if (first < v->b && in_list(mz_tok_fold(&c->toks, first), question_openers,
                                sizeof question_openers / sizeof *question_openers))
        return 1;
    return marker_in(c, b, v->b, MZ_M_MODAL);
}

/* Whether v is an act of protest or force (roots 14 to 20): done, not a way of doing the act
 * after it, as "agreed" or "threatened" are ("agreed to supply", "threatened to strike"). */
static int standalone(const mz_coder *c, const mz_mention *v)
{
    const char *code = mz_verb_code(c, v);
    return strncmp(code, "14", 2) >= 0 && strncmp(code, "20", 2) <= 0;
}

/* Whether the act at v, after a visit or talks with no party of their own, is what they are
 * about (relations, cooperation, a settlement: coded as the talks) rather than an act of its
 * own.  It is named by an Arabic verbal noun (تناقش تطوير العلاقات, لتوطيد العلاقات) or an
 * English infinitive ("brokered to normalize relations"), not a verb of its own; aid delivered
 * on a visit (07) and acts of protest or force (14 to 20) stand alone, as they do after any
 * modifying verb ("لتقديم المساعدات", "فيما يتصل بهجوم"). */
static int talked_about(const mz_coder *c, const mz_mention *v)
{
    int named = c->arabic ? (v->flags & MZ_V_NOUN) != 0 : v->b > 0 && mz_tok_is(c, v->b - 1, "to");
    return named && !standalone(c, v) && !mz_starts_with(mz_verb_code(c, v), "07");
}

static int speaker_of(mz_coder *c, const mz_mention *v, uint32_t b, uint32_t e)
{
    int r = right_group(c, v->e, e, -1);
    int r_adjacent = r >= 0 && c->gv[r].b <= v->e + 1;
    int l = left_group(c, v->b, b, 1);
    if (c->arabic)
        return r_adjacent ? r : l;
    int ps = tree_group(c, v, MZ_DEPREL_NSUBJ); /* "Ebrard, the foreign minister, said" */
    if (ps >= 0)
        return ps;
    return l >= 0 ? l : (r_adjacent ? r : -1);
}

static void mark_objects(mz_coder *c, int g)
{
    if (g < 0)
        return;
    for (int i = c->gv[g].first; i < c->gv[g].first + c->gv[g].n; i++)
        c->av[i].object = 1;
}

/* English subject pronouns that continue the last subject of an earlier sentence. */
static const char *const subject_pronouns[] = {"he", "she", "they"};

/* Whether Arabic verb v is in the 3rd person plural (أطلقوا, يطلقون): its subject is a group
 * named before it or a pronoun, never the one speaker who reports it ("وأضاف تونر أن الحوثيين
 * ... وأطلقوا صواريخ": the Houthis fired, not Toner). */
static int they_form(const mz_coder *c, const mz_mention *v)
{
    const char *w = mz_tok_fold(&c->toks, v->b);
    size_t n = c->toks.v[v->b].fold_len;
    return c->arabic && (v->flags & MZ_V_OWN) && !(v->flags & MZ_V_NOUN) && n > 4 &&
           (memcmp(w + n - 4, "\xd9\x88\xd8\xa7", 4) == 0 /* وا */ || memcmp(w + n - 4, "\xd9\x88\xd9\x86", 4) == 0 /* ون */);
}

/* The group right after the nearest "that" (أن, إن) before v in its sentence, when it ends
 * before v: the subject of the clause أن opens, which an Arabic noun right after it always is. */
static int that_subject(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    for (uint32_t i = v->b; i > b; i--) {
        if (mz_marker_at(c, i - 1) != MZ_M_THAT)
            continue;
        int g = group_starting(c, i);
        return g >= 0 && c->gv[g].e <= v->b ? g : -1;
    }
    return -1;
}

/* Whether group g is the genitive of Arabic verbal noun v that names its doer: v is a visit,
 * its hosting, a meeting, a call or talks (genitive_subject_code: زيارة, استقبال, اجتماع), g
 * follows it within a few words that are no party (honorifics: زيارة صاحب السمو الملكي الأمير
 * ...), with no preposition on it or before it; a noun with the article has no genitive (خلال
 * الاستقبال تحيات الرئيس).  The genitive of such a noun is its subject ("زيارة الأمير
 * للقاهرة", the prince's visit to Cairo).  That of other nouns is as often their matter or
 * object (مناقشة التدخل الإيراني, the discussion of Iran's meddling; اعتقال الناشط), which
 * word order already reads. */
enum { GENITIVE_REACH = 4 };

/* The codes of acts whose genitive is their doer (a visit, its hosting, a meeting, a call, talks),
 * and the nouns among them whose genitive is their matter (مناقشة التدخل الإيراني). */
static const char *const genitive_subject_codes[] = {"040", "041", "042", "043", "046"};
static const char *const matter_nouns_ar[] = {"مناقشه", "مناقشات", "بحث", "استعراض", "حوار"};

static int genitive_subject_code(const mz_coder *c, const mz_mention *v, const char *code)
{
    int subject = 0;
    for (size_t k = 0; k < sizeof genitive_subject_codes / sizeof *genitive_subject_codes; k++)
        subject |= strcmp(code, genitive_subject_codes[k]) == 0;
    for (size_t k = 0; subject && k < sizeof matter_nouns_ar / sizeof *matter_nouns_ar; k++)
        for (uint32_t j = 0; j < c->kn[v->b]; j++) {
            uint32_t w = c->kc[c->kfirst[v->b] + j].word;
            if (c->e->m.wlen[w] == strlen(matter_nouns_ar[k]) &&
                memcmp(c->e->m.words + c->e->m.woff[w], matter_nouns_ar[k], c->e->m.wlen[w]) == 0)
                return 0;
        }
    return subject; /* the codes first: the nouns' test looks at every reading of the word */
}
static int genitive_doer(const mz_coder *c, const mz_mention *v, int g)
{
    const char *code = mz_verb_code(c, v);
    uint32_t vend = mz_act_end(v), gb = c->gv[g].b;
    if (!c->arabic || !(v->flags & MZ_V_NOUN) || (v->clitic & MZ_CL_DEF) || !genitive_subject_code(c, v, code) || gb < vend ||
        gb > vend + GENITIVE_REACH || (c->av[c->gv[g].first].clitic & (MZ_CL_LI | MZ_CL_BI | MZ_CL_KA)))
        return 0;
    for (uint32_t i = vend; i < gb; i++)
        if (c->tok_mention[i] >= 0 || !(c->toks.v[i].flags & MZ_TOK_WORD))
            return 0; /* a marker (إلى, مع), a comma, another act between */
    return 1;
}

/* Whether v's subject is the document's last named subject, from an earlier sentence: an
 * English sentence opening with he, she or they a few words before v ("He later said"), an
 * Arabic one opening with the verb itself and naming no subject after it ("وأضاف أن"). */
static int continues_subject(const mz_coder *c, const mz_mention *v, uint32_t b)
{
    if (!c->subject.code || c->subject_sentence >= c->sentence)
        return 0;
    if (c->arabic)
        return v->b == b && !(v->flags & MZ_V_NOUN);
    return v->b > b && v->b <= b + 3 &&
           in_list(mz_tok_fold(&c->toks, b), subject_pronouns, sizeof subject_pronouns / sizeof subject_pronouns[0]);
}

/* With --explain: what became of verb v, and why. */
static void note(mz_coder *c, const mz_mention *v, const char *what)
{
    if (c->flags & MZ_CODE_EXPLAIN)
        mz_explain(c, "  verb \"%s\" %s: %s", mz_span_text(c, v->b, v->e),
                   mz_verb_code(c, v), what);
}

/* With --explain: the roles chosen for verb v. */
static void note_roles(mz_coder *c, const mz_mention *v, int src, int tgt, int between, int pair)
{
    if (!(c->flags & MZ_CODE_EXPLAIN))
        return;
    char what[160];
    snprintf(what, sizeof what, "source group %d, target group %d%s%s", src, tgt,
             between >= 0 ? ", between the members of a group" : "",
             pair >= 0 ? ", between the two a dual pronoun names" : "");
    note(c, v, what);
}

/* Whether English attribution v is "according to": it names where the news comes from ("According
 * to witnesses and police, a man began to stab people"), whose clause has a subject of its own
 * even when no dictionary knows it, so the source cited is never the doer of its acts. */
static int cites_only(const mz_coder *c, const mz_mention *v)
{
    return !c->arabic && v->e == v->b + 2 && mz_tok_is(c, v->b, "according");
}

/* Whether English group g is named in an "according to" phrase, up to six words after it with no
 * comma or act between ("according to witness accounts and authorities, a man began to stab"):
 * a source cited, never the doer of the acts the sentence reports. */
static int in_citation(const mz_coder *c, int g)
{
    uint32_t b = c->gv[g].b;
    if (b == UINT32_MAX) /* a group only the document resolves */
        return 0;
    for (uint32_t i = b, n = 0; i >= 2 && n < 7; i--, n++) {
        if (mz_tok_is(c, i - 1, "to") && mz_tok_is(c, i - 2, "according"))
            return 1;
        int k = c->tok_mention[i - 1];
        if (mz_tok_is(c, i - 1, ",") || (k >= 0 && c->mv[k].kind == MZ_E_VERB))
            return 0;
    }
    return 0;
}

/* Marks the groups of "according to" phrase v as taken, so that no act takes them as its doer. */
static void mark_cited(mz_coder *c, const mz_mention *v)
{
    for (size_t k = 0; k < c->ng; k++)
        if (c->gv[k].b >= v->e && c->gv[k].b < v->e + 7 && in_citation(c, (int)k))
            mark_objects(c, (int)k);
}

/* A verb mention's surroundings, for the tests of not_coded. */
typedef struct act_scope {
    uint32_t b, e;   /* its sentence's tokens */
    const carry *st; /* what the verbs before it pass on */
    int managed;     /* managed_act: the group whose act a verb of managing makes it, -1 */
} act_scope;

/* The tests of not_coded, each over a verb mention and its surroundings. */
static int nc_participle(mz_coder *c, const mz_mention *v, const act_scope *a) { return english_participle(c, v, a->b); }
static int nc_noun(mz_coder *c, const mz_mention *v, const act_scope *a) { return noun_reading(c, v, a->b); }
static int nc_suppressed(mz_coder *c, const mz_mention *v, const act_scope *a)
{
    return suppressed(c, v, a->b, a->st->speaker_from > 0);
}
static int nc_asked(mz_coder *c, const mz_mention *v, const act_scope *a) { return asked(c, v, a->b, a->e); }
static int nc_embedded(mz_coder *c, const mz_mention *v, const act_scope *a) { return embedded(c, a->st, v); }
static int nc_complement(mz_coder *c, const mz_mention *v, const act_scope *a) { return complement(c, a->st, v); }
static int nc_past_year(mz_coder *c, const mz_mention *v, const act_scope *a) { return mz_past_year(c, v, a->b, a->e); }
static int nc_past_period(mz_coder *c, const mz_mention *v, const act_scope *a) { return mz_past_period(c, v, a->b, a->e); }
static int nc_served(mz_coder *c, const mz_mention *v, const act_scope *a) { return served(c, v, a->b); }
static int nc_confined(mz_coder *c, const mz_mention *v, const act_scope *a) { return in_confinement(c, v, a->b); }
static int nc_at_the(mz_coder *c, const mz_mention *v, const act_scope *a) { return at_the_act(c, v, a->b); }
static int nc_background(mz_coder *c, const mz_mention *v, const act_scope *a)
{
    return a->managed < 0 && background(c, v, a->b, a->e); /* a managed act is its manager's */
}
static int nc_families(mz_coder *c, const mz_mention *v, const act_scope *a) { (void)a; return families(c, v); }
static int nc_any(mz_coder *c, const mz_mention *v, const act_scope *a) { return any_object(c, v, a->e); }
static int nc_charged(mz_coder *c, const mz_mention *v, const act_scope *a) { return charged(c, v, a->b); }
static int nc_unreal(mz_coder *c, const mz_mention *v, const act_scope *a) { return unreal(c, v, a->b); }
static int nc_seized(mz_coder *c, const mz_mention *v, const act_scope *a) { return seized(c, v, a->b); }
static int nc_petrarch_noun(mz_coder *c, const mz_mention *v, const act_scope *a) { return petrarch_noun(c, v, a->b); }

/* What leaves a verb mention uncoded, tested in this order, with what --explain says of it. */
static const struct {
    int (*test)(mz_coder *c, const mz_mention *v, const act_scope *a);
    const char *why;
} not_coded[] = {
    {nc_participle, "not coded: a participle used as an adjective"},
    {nc_noun, "not coded: a noun after a determiner (\"a long shot\", \"a fire on\")"},
    {nc_suppressed, "not coded: negated or hypothetical"},
    {nc_asked, "not coded: asked about in a question, not reported"},
    {nc_embedded, "not coded: the content of the appeal, accusation or threat before it"},
    {nc_complement, "not coded: it completes the act coded just before it"},
    {nc_past_year, "not coded: placed in a year before the document's (background)"},
    {nc_past_period, "not coded: placed months or more before the news (background)"},
    {nc_served, "not coded: a sentence being served, not one passed"},
    {nc_confined, "not coded: held in custody, not an arrest"},
    {nc_at_the, "not coded: the circumstance of another act (\"at the request of\")"},
    {nc_background, "not coded: named as the time or cause of another act (background)"},
    {nc_families, "not coded: أسر here is families, not a capture"},
    {nc_any, "not coded: its object is any one of a kind (أي جهود), no act is told"},
    {nc_charged, "not coded: the matter of a charge, case or inquiry, not news"},
    {nc_unreal, "not coded: feared, planned or remembered (تخوفا من, تخطيط, الذكرى), not news"},
    {nc_seized, "not coded: arms found, seized or defused (عثرت على سيارة مفخخة), no attack"},
    {nc_petrarch_noun, "not coded: a PETRARCH verb read as a noun (PETRARCH codes verbs only)"},
};

/* Codes one verb mention. */
static int code_verb(mz_coder *c, size_t vi, uint32_t b, uint32_t e, carry *st, const char *text)
{
    const mz_mention *v = &c->mv[vi];
    if (v->flags & MZ_V_SAY) {
        if (cites_only(c, v)) {
            mark_cited(c, v);
            st->cited = 1;
            st->speaker = st->home_speaker = -1;
            note(c, v, "a source cited: it passes no doer to the acts after it");
            return 0;
        }
        st->speaker = speaker_of(c, v, b, e);
        c->weak_roles = 1;
        st->home_speaker = st->speaker < 0 ? speaker_of(c, v, b, e) : -1;
        c->weak_roles = 0;
        if (st->speaker < 0 && st->home_speaker < 0 && continues_subject(c, v, b))
            st->speaker = mz_subject_group(c); /* "وأضاف أن", "He said" */
        else if (st->speaker >= 0)
            mz_remember_subject(c, &c->av[c->gv[st->speaker].first]);
        st->speaker_from = v->e;
        note(c, v, st->speaker >= 0 ? "attribution; its speaker is the source of the acts after it"
                                    : "attribution with no speaker found");
        return 0;
    }
    int carried = st->active;
    st->active = 0;
    const act_scope at = {b, e, st, managed_act(c, v, b)};
    for (size_t k = 0; k < sizeof not_coded / sizeof *not_coded; k++)
        if (not_coded[k].test(c, v, &at)) {
            note(c, v, not_coded[k].why);
            return 0;
        }
    int managed = at.managed;
    /* a governing act reaches past the act it governs for its target ("threatened to impose
     * sanctions on Iran": the threat is against Iran) */
    uint32_t stop = governs(c, v) ? e : next_verb(c, vi, b, e);
    int src = -1, tgt = -1;
    order_roles(c, v, b, stop, e, &src, &tgt);
    if ((src < 0 || tgt < 0) && !(src >= 0 && c->gv[src].n >= 2 && root_joint(c, v))) {
        /* a role the sentence's own actors leave open may go to one the document resolves (not
         * the target of a joint act: "China and Russia held joint naval patrols") */
        int s2 = -1, t2 = -1;
        c->weak_roles = 1;
        order_roles(c, v, b, stop, e, &s2, &t2);
        c->weak_roles = 0;
        if (src < 0 && s2 != tgt)
            src = s2;
        if (tgt < 0 && t2 != src)
            tgt = t2;
    }
    petrarch_roles(c, v, b, e, &src, &tgt);
    int doer = src < 0 ? light_doer(c, v, stop) : -1;
    if (doer >= 0) { /* "تصريحات أطلقها المالكي ضد السعودية" */
        src = doer;
        if (tgt == src || tgt < 0 || c->gv[tgt].b < c->gv[src].e)
            tgt = right_group(c, c->gv[src].e, stop, src);
    }
    if (src < 0 && tgt >= 0 && genitive_doer(c, v, tgt)) {
        src = tgt; /* "زيارة الأمير محمد بن سلمان للقاهرة": the prince visits Cairo */
        tgt = right_group(c, c->gv[src].e, stop, src);
    }
    int pronoun_obj = pronoun_object(c, v);
    if (pronoun_obj && tgt >= 0 && c->gv[tgt].b >= v->tail_e)
        tgt = -1;
    if (tgt < 0 && (tgt = tree_target(c, v, src)) >= 0)
        note(c, v, "target from the parse: a prepositional object of the verb");
    if (tgt >= 0 && another_verbs(c, v, tgt)) {
        note(c, v, "target dropped: the parse makes it a dependent of another verb");
        tgt = -1;
    }
    /* "أكدت روسيا أنها ستزود إيران": the pronoun after "that" is the speaker, and the group
     * after the verb its object */
    int speaker = st->speaker >= 0 ? st->speaker : st->home_speaker;
    if (c->arabic && speaker >= 0 && pronoun_clause(c, v, b) && !(v->flags & MZ_V_NOUN)) {
        int r = right_group_any(c, v->e, stop, speaker);
        src = speaker;
        tgt = r >= 0 ? r : tgt;
    }
    /* a stated intention coded as such (CAMEO 03x: "offered to mediate") is a fact; the mood is
     * intent for an act announced for the future or carried by a modifying verb of intention */
    int intent = (markers_before(c, v->b, b, WINDOW) & (1u << MZ_M_FUTURE | 1u << MZ_M_BACKSHIFT)) ||
                 (v->e < e && mz_marker_at(c, v->e) == MZ_M_FUTURE) || /* زيارة مرتقبة */
                 (v->clitic & MZ_CL_FUT) || (carried && st->intent);
    /* "in exchange for" / مقابل: the act goes back from the last event's target */
    if (marker_before(c, v->b, b, 2, MZ_M_EXCHANGE) && st->last_src >= 0) {
        src = st->last_tgt;
        if (tgt < 0)
            tgt = st->last_src;
    }
    if (src < 0 && carried && st->source >= 0)
        src = st->source;
    /* "X condemned an attack in Y and promised aid to Y's villages": a PETRARCH verb right after
     * "and" shares the subject of the act coded before it, as in PETRARCH's parse */
    if ((c->e->verbs[v->value].flags & MZ_V_PETRARCH) && st->last_src >= 0 && v->b > b &&
        mz_marker_at(c, v->b - 1) == MZ_M_CONJ)
        src = st->last_src;
    /* "received a phone call from", "تلقى برقية تهنئة من": the act goes from the giver to the
     * receiver, and with no giver named it is no one's */
    int received = marker_before(c, v->b, b, 3, MZ_M_RECEIVE), received_arms = receives_arms(c, v);
    received |= received_arms;
    if (received) {
        int giver = received_arms ? from_clause(c, v, stop) : giver_group(c, v, stop);
        if (src != giver) /* a source before the act is its receiver, unless it is the giver */
            tgt = src >= 0 ? src : tgt == giver ? -1 : tgt;
        src = giver;
        note(c, v, "received: the giver is the source, the receiver the target");
    }
    /* the land fire came from names its source, before a bare place ("فرق الدفاع المدني بمدينة
     * نجران باشرت حادثة سقوط مقذوف من داخل الأراضي اليمنية": Najran is where it fell) */
    int launched = (src < 0 || bare_place(c, src)) && !received ? launched_from(c, v, stop) : -1;
    if (launched >= 0 && src >= 0 && strcmp(c->av[c->gv[src].first].country, c->av[c->gv[launched].first].country) == 0)
        launched = -1;
    if (launched >= 0)
        src = launched;
    int pair = -1; /* a dual pronoun's coordinated antecedents */
    if ((v->last_clitic & MZ_CL_DUAL) && (src < 0 || (v->flags & MZ_V_NOUN))) {
        int g2 = previous_actor_group(c, v->b, b, -1);
        int g1 = g2 >= 0 ? previous_actor_group(c, c->gv[g2].b, b, g2) : -1;
        if (g2 >= 0 && c->gv[g2].n >= 2) {
            pair = g2;
        } else if (g1 >= 0) {
            src = g1;
            tgt = g2;
        }
    } else if ((v->last_clitic & MZ_CL_SUFFIX) && (v->flags & MZ_V_NOUN)) {
        /* a possessive on a verbal noun names its subject: حربها ضد أوكرانيا; a place
         * (بإيطاليا, in Italy) is none: "وصل المدرب إلى معسكر الفريق بإيطاليا وكان في استقباله" */
        int g = previous_actor_group(c, v->b, b, tgt);
        if (g >= 0 && !located(c, (size_t)g) && !(c->av[c->gv[g].first].clitic & MZ_CL_BI)) {
            /* a noun with a possessive takes no genitive: the group read as its subject right
             * after it is its object ("خلال لقائه الأمين العام لمجلس التعاون ... في الرياض") */
            if (src >= 0 && src != g && c->gv[src].b == v->e)
                tgt = src;
            src = g;
        }
    }
    /* the speaker is the doer of an act it reports without a subject, not of an arrest or attack
     * it reports in the passive ("a spokesman said two men were detained") */
    int passive = is_passive(c, v, b, by_group(c, v, b, stop, e));
    if (src < 0 && !received && st->speaker >= 0 && v->b >= st->speaker_from && !(passive && mz_unnamed_entry(c, v) >= 0) &&
        !(they_form(c, v) && c->gv[st->speaker].n == 1) && !tree_nominal(c, v))
        src = st->speaker;
    if (src < 0 && !received && they_form(c, v))
        src = that_subject(c, v, b); /* "أن الحوثيين قاموا بالتسلل وأطلقوا صواريخ" */
    if (src < 0 && !received && !passive && continues_subject(c, v, b))
        src = mz_subject_group(c);
    if (src < 0 && !received && (v->flags & MZ_V_PART)) /* "..., مطالبا المجتمع الدولي بوقف": its subject's act */
        src = st->last_src >= 0 ? st->last_src : first_subject(c, b, v->b);
    if (managed >= 0 && managed != tgt)
        src = managed; /* "تمكنت قوات الجيش من السيطرة على": the army's act */
    if (tgt < 0 && src >= 0 && (tgt = told_doer(c, v, src, e)) >= 0)
        note(c, v, "target: the doer of the act its object names again");
    if (right_act(c, v)) {
        /* the right's holder is the target; the speaker who affirms it the source */
        tgt = right_holder(c, v);
        src = st->speaker >= 0 && v->b >= st->speaker_from ? st->speaker : -1;
        if (tgt >= 0)
            note(c, v, "a right affirmed: its holder is the target, the speaker the source");
    }
    int between = between_group(c, v, stop);
    if (between < 0 && pair < 0)
        mz_supplied_target(c, v, e, src, &tgt);
    /* a verb with no target right before another verb modifies it ("agreed to supply"), unless
     * a determiner makes the next one a noun of its own ("sentenced for her murder"), or it is
     * an act of protest or force, which stands alone ("تجمعوا للتنديد", gathered to denounce) */
    uint32_t vend = mz_act_end(v);
    if (tgt < 0 && between < 0 && pair < 0 && stop < e && stop <= vend + WINDOW && !standalone(c, v) &&
        !(src >= 0 && c->gv[src].n >= 2 && root_joint(c, v)) && !determiner_in(c, vend, stop)) {
        st->active = 1;
        st->intent = intent || (v->flags & MZ_V_INTENT);
        st->source = src;
        st->consult = mz_starts_with(mz_verb_code(c, v), "04") ? (int)vi : -1;
        note(c, v, st->consult >= 0 ? "no target: the act after it is its topic or purpose, coded as this one, or its own"
                                    : "no target: it modifies the verb after it, passing on its source and mood");
        return 0;
    }
    /* a place is the target only when the act has no other party: "ضربات على مواقع في اليمن",
     * but not "met his counterpart in Jakarta"; a protest there is against its government
     * (unnamed_parties) */
    if (tgt < 0 && src >= 0 && c->gv[src].n == 1 && between < 0 && !mz_is_protest(c, v) && !pronoun_obj) {
        tgt = right_group_at(c, vend, stop, src, 1);
        if (other_clause_target(c, v, tgt))
            tgt = -1; /* "deploy along the border to help the SDF stop" */
        if (tgt < 0 && (tgt = tree_place(c, v, src)) >= 0)
            note(c, v, "target from the parse: the place it is done in, past the clause word order reads");
    }
    /* fire from a neighbour's land with no target named falls on the document's country; the
     * sentence tells it (the land it came from is the border's other side), and it is not judged
     * by the salience model as an act with a party supplied: neither the land's country nor the
     * document's people it hits ("سقوط مقذوف عسكري من داخل الأراضي اليمنية نتج عنه إصابة
     * مقيمين", residents the document places in Najran) */
    int from_land = launched >= 0 || (received && src >= 0 && c->gv[src].b == UINT32_MAX);
    if (from_land && c->home[0] && strcmp(c->home, c->av[c->gv[src].first].country) != 0) {
        if (tgt < 0 && (tgt = mz_unnamed_group(c, c->home, "", NULL)) >= 0) {
            c->av[c->gv[tgt].first].home = c->av[c->gv[tgt].first].implied = 0;
        } else if (tgt >= 0 && c->av[c->gv[tgt].first].home &&
                   strcmp(c->av[c->gv[tgt].first].country, c->home) == 0 &&
                   (tgt = mz_actor_group(c, &c->av[c->gv[tgt].first])) >= 0) {
            c->av[c->gv[tgt].first].home = 0; /* a copy: the sentence's other acts keep theirs */
        }
        if (launched >= 0)
            c->av[c->gv[src].first].implied = 0;
    }
    if (src >= 0 && st->cited && in_citation(c, src)) {
        note(c, v, "source dropped: a source cited (\"according to\"), not the doer");
        src = -1;
    }
    if (src == tgt)
        tgt = -1;
    if (mz_implausible_source(c, src, mz_verb_code(c, v)))
        src = -1;
    if (between < 0 && pair < 0)
        mz_fill_unnamed(c, v, b, e, passive,
                        english_nominal(c, v, b) ||
                            (src < 0 && tgt < 0 && (known_act(c, v, b) || bare_act_noun(c, v))),
                        &src, &tgt);
    /* the topic or purpose of a visit or talks with no party of their own ("ستناقش تطوير
     * العلاقات بين البلدين", "الزيارة جاءت لتوطيد العلاقات بين"): the consultation is the act, with
     * the parties its topic names; CAMEO codes the talks, not what they are about.  An act
     * received ("received support from") is the giver's, not a topic */
    const mz_mention *actv = carried && st->consult >= 0 && !received && talked_about(c, v) ? &c->mv[st->consult] : v;
    mz_act act = {actv, mz_code_on_target(c, actv, mz_verb_code(c, actv), src, tgt), intent, text, -1,
                  reciprocal(c, v, e)};
    /* "expressed readiness to negotiate with": the expression is the act, a fact */
    if (marker_before(c, v->b, b, WINDOW + 1, MZ_M_EXPRESS)) {
        act.code = intention_code(act.code);
        act.intent = 0;
    }
    /* the members of a dual pronoun's pair, of a "between" group close after an act two sides do
     * to each other ("اشتباكات عنيفة بين", not "تفجير خط للغاز بين", where it is the pipeline's,
     * nor "زرع ألغام بين", an act one side does), or of a joint subject, are the act's named
     * parties */
    int near = between >= 0 && c->gv[between].b <= vend + 3 &&
               (strncmp(act.code, "19", 2) == 0 || mz_code_mutual(act.code));
    int joint = src >= 0 && tgt < 0 && c->gv[src].n >= 2 && root_joint(c, v); /* "تبادل الجيشان" */
    int named_s = pair >= 0 ? pair : src < 0 && near ? between : src;
    int named_t = pair >= 0 ? pair : near ? between : joint ? src : tgt;
    int news = mz_salience_keep(c, v, b, e, named_s, named_t, act.code, &act.feat);
    if (news <= 0)
        return news;
    note_roles(c, v, src, tgt, between, pair);
    int rc = 0;
    size_t emitted = c->nev;
    if (pair >= 0) {
        rc = emit_within(c, pair, &act);
    } else if (between >= 0 && (src < 0 || src == between)) {
        rc = emit_within(c, between, &act);
    } else if (src >= 0 && between >= 0) {
        rc = emit_pairs(c, src, between, &act);
    } else if (joint) {
        rc = emit_within(c, src, &act);
    } else if (src >= 0 && (tgt >= 0 || (c->flags & MZ_CODE_PARTIAL))) {
        rc = emit_pairs(c, src, tgt, &act);
    } else if (src < 0 && tgt >= 0 && (c->flags & MZ_CODE_PARTIAL)) {
        for (int j = c->gv[tgt].first; j < c->gv[tgt].first + c->gv[tgt].n && rc == 0; j++)
            rc = mz_emit(c, NULL, &c->av[j], &act);
    } else if (src < 0 && tgt < 0 && (c->flags & MZ_CODE_PARTIAL) && mz_judged_by_model(c, act.code)) {
        rc = mz_emit(c, NULL, NULL, &act); /* "thousands protested": the model judged it news */
    }
    if (c->nev > emitted) {
        st->last_end = vend;
        remember_told(c, v, src);
        if (src >= 0 && c->gv[src].n == 1)
            mz_remember_subject(c, &c->av[c->gv[src].first]);
    }
    if (src >= 0 && tgt >= 0) {
        st->last_src = src;
        st->last_tgt = tgt;
        if (governs(c, v)) {
            st->governed = 1;
            st->governed_at = vend;
        }
    }
    mark_objects(c, tgt);
    return rc;
}

/* The discard phrase in the clause of verb v ("a football match", "ضرب زلزال"), or NULL: it
 * cancels the acts of its clause, not those of the sentence's other clauses; a PETRARCH
 * discard, as in PETRARCH, cancels the whole sentence. */
static const mz_mention *discarded(const mz_coder *c, const mz_mention *v)
{
    for (size_t k = 0; k < c->nm; k++)
        if (c->mv[k].kind == MZ_E_DISCARD &&
            ((c->mv[k].flags & MZ_D_SENTENCE) || c->clause[c->mv[k].b] == c->clause[v->b]))
            return &c->mv[k];
    return NULL;
}

int mz_attach(mz_coder *c, uint32_t b, uint32_t e, const char *text)
{
    number_clauses(c, b, e);
    memset(c->tok_time + b, 0, e - b); /* mz_past_period marks them clause by clause */
    carry st = {.speaker = -1, .home_speaker = -1, .source = -1, .consult = -1, .last_src = -1, .last_tgt = -1};
    uint32_t consumed_b = 0, consumed_e = 0;
    for (size_t k = 0; k < c->nm; k++) {
        const mz_mention *v = &c->mv[k];
        if (v->kind != MZ_E_VERB || (v->b >= consumed_b && v->b < consumed_e))
            continue;
        if (v->tail_e > v->tail_b) {
            consumed_b = v->tail_b;
            consumed_e = v->tail_e;
        }
        const mz_mention *d = discarded(c, v);
        if (d) {
            if (c->flags & MZ_CODE_EXPLAIN) {
                char why[256];
                snprintf(why, sizeof why, "not coded: the discard phrase \"%s\" in its clause",
                         mz_span_text(c, d->b, d->e));
                note(c, v, why);
            }
            continue;
        }
        if (code_verb(c, k, b, e, &st, text) < 0)
            return -1;
    }
    return 0;
}
