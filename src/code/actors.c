/*
 * actors.c — from mentions to actors and groups.
 *
 * Adjacent actor, adjective and agent mentions form one actor:
 *   English  Russian army, Russia's army, the army of Russia, Russian President Vladimir Putin
 *   Arabic   الجيش الروسي (agent + adjective), جيش كوريا الشمالية (agent + country, construct),
 *            الرئيس الروسي فلاديمير بوتين, وزير خارجية روسيا سيرغي لافروف
 * A person's own code (RUSGOV) wins; otherwise the country's code takes the agent's role
 * (RUS + MIL).  Two different countries never join: in Arabic VSO the subject and object stand
 * side by side (زودت كوريا الشمالية روسيا).  An adjective alone is no actor.
 *
 * Actors joined by "and", commas or Arabic و form a group; a verb's source or target is a group,
 * and an event is coded for each member.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/vec.h"
#include "coder.h"

void mz_actor_country(const char *code, char *out)
{
    if (code[0] == 'I' && code[1] == 'G' && code[2] == 'O' && code[3] && code[4] && code[5])
        code += 3; /* IGO and an organisation of three letters or more */
    size_t k = 0;
    while (k < 3 && code[k]) /* no strlen: once per actor and more */
        out[k] = code[k], k++;
    out[k] = '\0';
}

/* Length of the base of a code (country or IGO + organisation): RUSGOV → 3, IGOUNO → 6. */
static size_t base_len(const char *code)
{
    size_t n = strlen(code);
    if (n >= 6 && strncmp(code, "IGO", 3) == 0)
        return 6;
    return n < 3 ? n : 3;
}

/* A run of mentions being joined into one actor. */
typedef struct run {
    int first, n;
    int has_actor, has_agent;
    char country[8];
} run;

static int is_glue_en(const mz_coder *c, uint32_t i)
{
    return mz_tok_is(c, i, "'s") || mz_tok_is(c, i, "the") || mz_marker_at(c, i) == MZ_M_OF;
}

/* Whether tokens between the run and m allow joining. */
/* The last actor, adjective or agent of a run (a run may end in "of"). */
static const mz_mention *last_nominal(const mz_coder *c, const run *r)
{
    int i = r->first + r->n - 1;
    while (i > r->first && c->mv[i].kind == MZ_E_MARKER)
        i--;
    return &c->mv[i];
}

/* Arabic honorifics that may stand between a title and a listed person's name (folded): الأمين
 * العام للجامعة العربية الدكتور نبيل العربي.  In strcmp order. */
static const char *const honorifics_ar[] = {
    "\xd8\xa7\xd9\x84\xd8\xa7\xd8\xb3\xd8\xaa\xd8\xa7\xd8\xb0",         /* الاستاذ */
    "\xd8\xa7\xd9\x84\xd8\xaf\xd9\x83\xd8\xaa\xd9\x88\xd8\xb1",         /* الدكتور */
    "\xd8\xa7\xd9\x84\xd8\xaf\xd9\x83\xd8\xaa\xd9\x88\xd8\xb1\xd9\x87", /* الدكتوره */
    "\xd8\xa7\xd9\x84\xd8\xb3\xd9\x8a\xd8\xaf",                         /* السيد */
    "\xd8\xa7\xd9\x84\xd8\xb3\xd9\x8a\xd8\xaf\xd9\x87",                 /* السيده */
    "\xd8\xa7\xd9\x84\xd9\x85\xd9\x87\xd9\x86\xd8\xaf\xd8\xb3",         /* المهندس */
    "\xd8\xb3\xd8\xb9\xd8\xa7\xd8\xaf\xd9\x87",                         /* سعاده */
    "\xd9\x85\xd8\xb9\xd8\xa7\xd9\x84\xd9\x8a",                         /* معالي */
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether token i is an Arabic honorific (honorifics_ar) no mention covers. */
static int honorific(const mz_coder *c, uint32_t i)
{
    const char *w = mz_tok_fold(&c->toks, i);
    return c->tok_mention[i] < 0 &&
           bsearch(&w, honorifics_ar, sizeof honorifics_ar / sizeof *honorifics_ar, sizeof *honorifics_ar, cmp_str);
}

static int glued(const mz_coder *c, const run *r, const mz_mention *m)
{
    const mz_mention *last = last_nominal(c, r);
    if (m->b == last->e)
        return 1;
    /* a title, an honorific and a listed person: الأمين العام ... الدكتور نبيل العربي */
    if (c->arabic && m->b == last->e + 1 && m->kind == MZ_E_ACTOR && (m->flags & MZ_MENTION_PERSON) &&
        honorific(c, last->e))
        return 1;
    if (c->arabic || m->b > last->e + 2)
        return 0;
    for (uint32_t i = last->e; i < m->b; i++)
        if (!is_glue_en(c, i))
            return 0;
    return 1;
}

/* Whether mention m may join the run (see the file comment for the patterns). */
static int joins(const mz_coder *c, const run *r, const mz_mention *m)
{
    if (r->n == 0)
        return 0;
    if (!glued(c, r, m))
        return 0;
    const mz_mention *last = last_nominal(c, r);
    char ctry[8] = "";
    if (m->kind != MZ_E_AGENT)
        mz_actor_country(mz_mention_code(c, m), ctry);
    int same = !r->country[0] || !ctry[0] || strcmp(r->country, ctry) == 0;
    const char *code = m->kind == MZ_E_ACTOR ? mz_mention_code(c, m) : "";
    /* a person: a code with a role, or a listed person whose code is the organisation alone (the
     * UN's Secretary-General and envoys are IGOUNO: الأمين العام للأمم المتحدة بان كي مون) */
    int person = m->kind == MZ_E_ACTOR && (strlen(code) > base_len(code) || (m->flags & MZ_MENTION_PERSON));
    switch (m->kind) {
    case MZ_E_ACTOR:
        /* Arabic genitive with ل: الأمين العام للأمم المتحدة, المتحدث باسم الخارجية */
        if (c->arabic && last->kind == MZ_E_AGENT && !r->has_actor && (m->clitic & MZ_CL_LI))
            return 1;
        /* Russia's Putin, وزير خارجية روسيا لافروف; after a title, a name of the same country
         * whose code is the country alone (PETRARCH's ROMENDACIL [BRE]) is the titled person:
         * Bree President Romendacil */
        if (r->has_actor)
            return same && (person || last->kind == MZ_E_AGENT);
        if (last->kind == MZ_E_AGENT)
            return same;            /* President Putin, جيش كوريا, army of Russia */
        /* Russian President Putin → ADJ … ACTOR; Arabic puts the adjective after its noun, so
         * what follows it is a person in apposition (الرئيس الروسي بوتين) or another party
         * (طرد الجيش اليمني الحوثيين: the Houthis are the army's object) */
        if (c->arabic && !(m->flags & (MZ_MENTION_PERSON | MZ_MENTION_LEARNED | MZ_MENTION_RECALLED)))
            return 0;
        return same && person;
    case MZ_E_ADJ:
        if (!same)
            return 0;
        return c->arabic ? last->kind == MZ_E_AGENT || last->kind == MZ_E_ADJ
                         : last->kind == MZ_E_ADJ;
    case MZ_E_AGENT:
        /* Arabic: الجيش الروسي, not روسيا الجيش; English: Russian army, Russia's army */
        return c->arabic ? last->kind == MZ_E_AGENT : 1;
    default:
        return 0;
    }
}

static int push_actor(mz_coder *c, const mz_actor *a)
{
    if (mz_grow((void **)&c->av, &c->a_cap, c->na + 1, sizeof *c->av) < 0)
        return -1;
    c->av[c->na++] = *a;
    return 0;
}

/* Whether the adjectives of tokens [b, e) name the doer of an act named by a noun beside them:
 * Arabic puts the adjective after the verbal noun (القصف الإسرائيلي على غزة, the Israeli
 * shelling of Gaza), English before it ("Turkish airstrikes", "a US counter-terrorism
 * operation").  English cannot tell a noun from a verb by its form; a verb right after a
 * nationality adjective is read as a noun. */
static int adjective_doer(const mz_coder *c, uint32_t b, uint32_t e)
{
    int k = -1;
    if (c->arabic && b > 0)
        k = c->tok_mention[b - 1];
    else if (!c->arabic && e < c->toks.n)
        k = c->tok_mention[e];
    if (k < 0 || c->mv[k].kind != MZ_E_VERB || (c->mv[k].flags & MZ_V_SAY))
        return 0;
    return c->arabic ? (c->mv[k].flags & MZ_V_NOUN) && c->mv[k].e == b : c->mv[k].b == e;
}

/* Nouns of a country's land, folded: the adjective after them names the country
 * ("من داخل الأراضي اليمنية", from inside Yemeni territory). */
static const char *const territory_nouns[] = {"\xd8\xa7\xd8\xb1\xd8\xa7\xd8\xb6\xd9\x8a" /* اراضي */,
                                              "\xd8\xad\xd8\xaf\xd9\x88\xd8\xaf" /* حدود */};

/* Prefixes a territory noun may carry: the article, and و ب ل ف before it. */
static const char *const territory_prefixes[] = {"\xd8\xa7\xd9\x84" /* ال */, "\xd9\x88\xd8\xa7\xd9\x84" /* وال */,
                                                 "\xd8\xa8\xd8\xa7\xd9\x84" /* بال */, "\xd9\x84\xd9\x84" /* لل */,
                                                 "\xd9\x81\xd8\xa7\xd9\x84" /* فال */, ""};

int mz_territory_noun(const mz_coder *c, uint32_t i)
{
    if (!c->arabic || !(c->toks.v[i].flags & MZ_TOK_ARABIC) || c->tok_mention[i] >= 0)
        return 0;
    const char *w = mz_tok_fold(&c->toks, i);
    for (size_t p = 0; p < sizeof territory_prefixes / sizeof *territory_prefixes; p++) {
        size_t len = strlen(territory_prefixes[p]);
        if (strncmp(w, territory_prefixes[p], len) != 0)
            continue;
        for (size_t k = 0; k < sizeof territory_nouns / sizeof *territory_nouns; k++)
            if (strcmp(w + len, territory_nouns[k]) == 0)
                return 1;
    }
    return 0;
}

/* Keeps a named actor of a country other than the last one as the newest of the last two
 * countries named, for "the two countries" (push_pair). */
static void remember_country(mz_coder *c, const mz_actor *a)
{
    if (!a->code || a->home || !mz_len3(a->country))
        return;
    if (c->npair_mem && strcmp(c->pair_mem[c->npair_mem - 1].country, a->country) == 0)
        return;
    if (c->npair_mem == 2)
        c->pair_mem[0] = c->pair_mem[1];
    else
        c->npair_mem++;
    mz_actor *m = &c->pair_mem[c->npair_mem - 1];
    *m = *a;
    m->context = mz_span_text(c, a->b, a->e);
}

/* "The two countries", "البلدين" at tokens [b, e): an actor for each of the last two countries
 * named, coordinated, with the words that named them as context. */
static int push_pair(mz_coder *c, uint32_t b, uint32_t e)
{
    if (c->npair_mem < 2)
        return 0;
    for (int i = 0; i < 2; i++) {
        mz_actor a = c->pair_mem[i];
        a.b = b, a.e = e, a.group = -1, a.object = 0, a.pair = 1;
        if (push_actor(c, &a) < 0)
            return -1;
    }
    return 0;
}

/* The coalitions news calls "the coalition", by the country of the war they fight and since
 * when: a coalition led by one state is that state (the coding guide's convention 6). */
static const struct {
    const char *home;
    int32_t from;
    const char *leader;
} coalition_leaders[] = {
    {"YEM", 20150326, "SAU"}, {"SAU", 20150326, "SAU"}, /* the Saudi-led coalition in Yemen */
    {"SYR", 20140808, "USA"}, {"IRQ", 20140808, "USA"}, /* the US-led coalition against ISIS */
};

/* The state leading the coalition of the document's war (its country and date), or NULL. */
static const char *coalition_leader(const mz_coder *c)
{
    for (size_t i = 0; i < sizeof coalition_leaders / sizeof *coalition_leaders; i++)
        if (strcmp(c->home, coalition_leaders[i].home) == 0 &&
            c->date_num >= coalition_leaders[i].from)
            return coalition_leaders[i].leader;
    return NULL;
}

/* Roles of the people an English name before them follows or opposes ("Trump supporters",
 * "Putin critics", "a Kremlin critic"): the name's country with the role, not the name's own
 * code (the person, the government). */
static const char *const follower_roles[] = {"OPP", "CVL"};

static int follower_role(const char *role)
{
    for (size_t k = 0; k < sizeof follower_roles / sizeof follower_roles[0]; k++)
        if (strcmp(role, follower_roles[k]) == 0)
            return 1;
    return 0;
}

/* Turns a finished run into an actor (or nothing, for a lone adjective). */
static int close_run(mz_coder *c, const run *r)
{
    if (r->n == 0)
        return 0;
    const char *person = NULL, *base = NULL, *role = NULL;
    int role_first = 0; /* PETRARCH [IGO~]: the role goes before the country */
    int relational = 0; /* "counterpart", "ambassador": not of the document's country */
    int coalition = 0;  /* "the coalition", "طيران التحالف": of the state leading it */
    const char *context = NULL; /* a name the document introduced earlier */
    int follower = 0; /* "Putin critics", "Trump supporters": not the person, its country's people */
    for (int i = r->first; i < r->first + r->n; i++) {
        const mz_mention *m = &c->mv[i];
        const char *code = mz_mention_code(c, m);
        if (m->kind == MZ_E_ACTOR && strlen(code) > base_len(code)) {
            if (!person)
                person = code;
            if (m->flags & MZ_MENTION_RECALLED)
                context = c->learned[m->value].intro;
        } else if (m->kind == MZ_E_ACTOR || m->kind == MZ_E_ADJ) {
            if (!base)
                base = code;
        } else if (m->kind == MZ_E_AGENT && !role) {
            role = code;
            follower = person && !c->arabic && follower_role(code);
            role_first = (m->flags & MZ_A_ROLE_FIRST) != 0;
            relational = (m->flags & MZ_A_RELATIONAL) != 0;
        }
        if (m->kind == MZ_E_AGENT && (m->flags & MZ_A_COALITION))
            coalition = 1;
    }
    if (!person && !r->has_actor && !role &&
        !adjective_doer(c, c->mv[r->first].b, last_nominal(c, r)->e))
        return 0; /* an adjective alone */
    mz_actor a = {.b = c->mv[r->first].b, .e = last_nominal(c, r)->e,
                  .clitic = c->mv[r->first].clitic, .group = -1, .context = context};
    if (!person && !base && role && coalition) {
        base = coalition_leader(c); /* NULL: a coalition of no known war is no one's */
        a.context = base ? c->home_text : NULL; /* named by the sentence, placed by the document */
    } else if (!person && !base && role && !relational && c->home[0]) {
        base = c->home; /* "the police": the document's country's (context.c) */
        a.context = c->home_text;
        a.home = 1;
    }
    if (follower) {
        char country[4];
        mz_actor_country(person, country);
        char *code = mz_arena_alloc(&c->arena, 7);
        if (!code)
            return -1;
        memcpy(code, country, 3);
        memcpy(code + 3, role, 4);
        a.code = code;
    } else if (person) {
        a.code = person;
    } else if (base && role && strncmp(base, "IGO", 3) != 0 && mz_len3(base)) {
        size_t rl = strlen(role); /* 3 letters, or more from PETRARCH agents (GOVAGR) */
        char *code = mz_arena_alloc(&c->arena, rl + 4);
        if (!code)
            return -1;
        if (role_first) {
            memcpy(code, role, rl);
            memcpy(code + rl, base, 4);
        } else {
            memcpy(code, base, 3);
            memcpy(code + 3, role, rl + 1);
        }
        a.code = code;
    } else {
        a.code = base; /* NULL for an agent with no country */
    }
    if (a.code)
        mz_actor_country(a.code, a.country);
    remember_country(c, &a);
    return push_actor(c, &a);
}

/* How the tokens between actors x and y coordinate them: 0 not at all, LINK_COMMA by a comma
 * alone, LINK_AND by "and" or Arabic و (with or without a comma). */
enum { LINK_NONE = 0, LINK_COMMA = 1, LINK_AND = 2 };

/* Words that mark the first of two sides and may stand before the "and" that joins them: "between
 * the army on the one hand and the rebels", بين الجيش من جهة والمتمردين.  Folded. */
enum { SIDE_WORDS = 4 };
static const char *const side_words[][SIDE_WORDS + 1] = {
    {"\xd9\x85\xd9\x86", "\xd8\xac\xd9\x87\xd9\x87"},                     /* من جهة */
    {"\xd9\x85\xd9\x86", "\xd9\x86\xd8\xa7\xd8\xad\xd9\x8a\xd9\x87"}, /* من ناحية */
    {"on", "the", "one", "hand"},
};

/* The number of tokens of a side_words phrase at token i (before end), or 0. */
static uint32_t side_phrase(const mz_coder *c, uint32_t i, uint32_t end)
{
    for (size_t k = 0; k < sizeof side_words / sizeof *side_words; k++) {
        uint32_t n = 0;
        while (side_words[k][n] && i + n < end &&
               mz_tok_fold(&c->toks, i + n)[0] == side_words[k][n][0] && /* rules out most */
               mz_tok_is(c, i + n, side_words[k][n]))
            n++;
        if (n > 0 && !side_words[k][n])
            return n;
    }
    return 0;
}

static int coordinated(const mz_coder *c, const mz_actor *x, const mz_actor *y)
{
    if (x->pair && y->pair && x->b == y->b)
        return LINK_AND;
    uint32_t from = x->e + side_phrase(c, x->e, y->b); /* "X من جهة وY" */
    if (y->b == from)
        return c->arabic && (y->clitic & MZ_CL_CONJ) ? LINK_AND : LINK_NONE;
    if (y->b > from + 3)
        return LINK_NONE;
    int link = LINK_NONE;
    for (uint32_t i = from; i < y->b; i++) {
        if (mz_marker_at(c, i) == MZ_M_CONJ)
            link = LINK_AND;
        else if (mz_tok_is(c, i, ",") || mz_tok_is(c, i, "\xd8\x8c" /* ، */))
            link = link ? link : LINK_COMMA;
        else if (!mz_tok_is(c, i, "the"))
            return LINK_NONE;
    }
    return link;
}

/* Whether actor a is the subject of a new clause and so does not join the group before it:
 * a finite verb follows it, and a verb already stands before the group, whose members are then
 * objects ("Russia attacked Ukraine and China condemned it", but "Brazil and Argentina signed"). */
static int starts_clause(const mz_coder *c, const mz_actor *group_first, const mz_actor *a)
{
    if (a->e >= c->toks.n)
        return 0;
    int k = c->tok_mention[a->e];
    if (k < 0 || c->mv[k].kind != MZ_E_VERB || (c->mv[k].flags & MZ_V_NOUN))
        return 0;
    for (size_t v = 0; v < c->nm; v++) {
        const mz_mention *m = &c->mv[v];
        if (m->e > group_first->b)
            break;
        if (m->kind == MZ_E_VERB && !(m->flags & MZ_V_SAY))
            return 1;
    }
    return 0;
}

static int push_group(mz_coder *c, int first, int n)
{
    if (mz_grow((void **)&c->gv, &c->g_cap, c->ng + 1, sizeof *c->gv) < 0)
        return -1;
    mz_group *g = &c->gv[c->ng];
    g->first = first;
    g->n = n;
    g->b = c->av[first].b;
    g->e = c->av[first + n - 1].e;
    for (int i = first; i < first + n; i++)
        c->av[i].group = (int)c->ng;
    c->ng++;
    return 0;
}

/* Roles whose people act where they are: a sentence's own place ("police in Clairton,
 * Pennsylvania, in the United States", "a gunman ... in El Paso") says their country better
 * than the document does.  Governments and armies travel and are left with the document's. */
static const char *const local_roles[] = {"COP", "JUD", "OPP", "CVL", "UAF"};

/* Gives the actors of the current sentence that took the document's country and have a local
 * role the country of the place the sentence names ("in X"), when it names one. */
static int localise(mz_coder *c)
{
    const mz_actor *place = NULL;
    for (size_t g = 0; g < c->ng && !place; g++) {
        const mz_actor *a = &c->av[c->gv[g].first];
        if (mz_after_place_word(c, c->gv[g].b) && a->code && !a->home &&
            mz_len3(a->country) && strcmp(a->country, c->home) != 0)
            place = a;
    }
    for (size_t i = 0; place && i < c->na; i++) {
        mz_actor *a = &c->av[i];
        size_t k = 0, n = sizeof local_roles / sizeof local_roles[0];
        while (k < n && !(a->home && strcmp(a->code + 3, local_roles[k]) == 0))
            k++;
        if (k == n)
            continue;
        char *code = mz_arena_alloc(&c->arena, 7);
        if (!code)
            return -1;
        memcpy(code, place->country, 3);
        memcpy(code + 3, local_roles[k], 4);
        a->code = code;
        memcpy(a->country, place->country, 4);
        a->context = mz_span_text(c, place->b, place->e);
    }
    return 0;
}

/* A group of actor a alone, outside the sentence's tokens: no other verb takes it by word
 * order.  Returns its index, or -1 when out of memory. */
static int push_outside(mz_coder *c, const mz_actor *a)
{
    if (push_actor(c, a) < 0 || push_group(c, (int)c->na - 1, 1) < 0)
        return -1;
    mz_group *g = &c->gv[c->ng - 1];
    g->b = g->e = UINT32_MAX;
    return (int)c->ng - 1;
}

int mz_unnamed_group(mz_coder *c, const char *country, const char *role, const mz_actor *place)
{
    size_t cl = strlen(country), rl = strlen(role);
    char *code = mz_arena_alloc(&c->arena, cl + rl + 1);
    if (!code || cl > 6)
        return -1;
    memcpy(code, country, cl);
    memcpy(code + cl, role, rl + 1);
    mz_actor a = {.code = code, .group = -1, .b = place ? place->b : 0, .e = place ? place->e : 0,
                  .context = place ? NULL : c->home_text, .home = !place, .implied = 1};
    memcpy(a.country, country, cl + 1);
    return push_outside(c, &a);
}

int mz_actor_group(mz_coder *c, const mz_actor *a)
{
    mz_actor copy = *a;
    copy.group = -1;
    copy.object = 0;
    copy.b = copy.e = 0;
    return push_outside(c, &copy);
}

int mz_subject_group(mz_coder *c)
{
    return c->subject.code ? mz_actor_group(c, &c->subject) : -1;
}

void mz_remember_subject(mz_coder *c, const mz_actor *a)
{
    if (!a->code || a->home)
        return;
    c->subject = *a;
    c->subject_sentence = c->sentence;
    if (!a->context) /* the words that named it, for the evidence of a later sentence */
        c->subject.context = mz_span_text(c, a->b, a->e);
}

/* Words between an envoy's title and the place of the post (folded): إلى, لدى, to, for. */
static const char *const post_words[] = {"\xd8\xa7\xd9\x84\xd9\x8a" /* الي */, "\xd9\x84\xd8\xaf\xd9\x8a" /* لدي */,
                                         "to", "for"};

/* Whether actor a is one listed person (its last word ends a dated actor mention). */
static int listed_person(const mz_coder *c, const mz_actor *a)
{
    int k = c->tok_mention[a->e - 1];
    return k >= 0 && c->mv[k].kind == MZ_E_ACTOR && (c->mv[k].flags & MZ_MENTION_PERSON);
}

/* Whether actors t, p, n are a title, the place of its post and the person who holds it: "المبعوث
 * الأممي إلى اليمن إسماعيل ولد الشيخ أحمد", "UN envoy to Syria Staffan de Mistura".  The place is
 * a country alone right after a post word, and the person of the title's country (or
 * organisation) follows it at once. */
static int post_of(const mz_coder *c, const mz_actor *t, const mz_actor *p, const mz_actor *n)
{
    if (!t->code || !p->code || !n->code || n->b != p->e || strlen(p->code) != 3 ||
        strcmp(t->country, n->country) != 0 || strcmp(p->country, t->country) == 0 || !listed_person(c, n))
        return 0;
    /* one word no dictionary knows may stand between (مبعوث الأمم المتحدة الخاص إلى سوريا) */
    uint32_t w = p->b - 1;
    if (w < t->e || w > t->e + 1 || (w == t->e + 1 && c->tok_mention[t->e] >= 0))
        return 0;
    for (size_t k = 0; k < sizeof post_words / sizeof *post_words; k++)
        if (mz_tok_is(c, w, post_words[k]))
            return 1;
    return 0;
}

/* Whether actor t, right after actor n (or after a comma), is the title of n, a listed officer
 * of an organisation: "عبد اللطيف الزياني الأمين العام لمجلس التعاون", his office in apposition
 * after the name.  Only for organisations: a title of a country after a person is as often the
 * object of the act ("استقبل الملك سلمان وزير الخارجية"). */
static int title_after(const mz_coder *c, const mz_actor *n, const mz_actor *t)
{
    if (!n->code || !t->code || strncmp(n->code, "IGO", 3) != 0 || strcmp(n->code, t->code) != 0 ||
        !listed_person(c, n) || listed_person(c, t))
        return 0;
    return t->b == n->e ||
           (t->b == n->e + 1 && (mz_tok_is(c, n->e, ",") || mz_tok_is(c, n->e, "\xd8\x8c" /* ، */)));
}

/* Joins each title, the place of its post and its holder (post_of) into one actor, the person:
 * not three parties, of which the place would take the act ("التقى المبعوث الأممي إلى اليمن
 * ... الرئيس اليمني": the envoy met the president, not Yemen); and an organisation's officer
 * with the title after the name (title_after). */
static void join_posts(mz_coder *c)
{
    size_t out = 0;
    for (size_t i = 0; i < c->na; i++) {
        if (i + 1 < c->na && title_after(c, &c->av[i], &c->av[i + 1])) {
            mz_actor a = c->av[i];
            a.e = c->av[i + 1].e;
            c->av[out++] = a;
            i += 1;
            continue;
        }
        if (i + 2 < c->na && post_of(c, &c->av[i], &c->av[i + 1], &c->av[i + 2])) {
            mz_actor a = c->av[i + 2];
            a.b = c->av[i].b;
            a.clitic = c->av[i].clitic;
            c->av[out++] = a;
            i += 2;
            continue;
        }
        c->av[out++] = c->av[i];
    }
    c->na = out;
}

int mz_build_actors(mz_coder *c)
{
    c->na = c->ng = 0;
    run r = {0};
    for (size_t k = 0; k < c->nm; k++) {
        const mz_mention *m = &c->mv[k];
        int nominal = m->kind == MZ_E_ACTOR || m->kind == MZ_E_ADJ || m->kind == MZ_E_AGENT;
        if (!c->arabic && r.n && m->kind == MZ_E_MARKER && m->value == MZ_M_OF) {
            r.n++; /* "the army of Russia": the run goes on past "of" */
            continue;
        }
        if (nominal && joins(c, &r, m)) {
            r.n++;
        } else {
            if (close_run(c, &r) < 0)
                return -1;
            memset(&r, 0, sizeof r);
            if (m->kind == MZ_E_MARKER && m->value == MZ_M_PAIR && push_pair(c, m->b, m->e) < 0)
                return -1;
            if (!nominal)
                continue;
            r.first = (int)k;
            r.n = 1;
        }
        if (m->kind == MZ_E_ACTOR)
            r.has_actor = 1;
        if (m->kind == MZ_E_AGENT)
            r.has_agent = 1;
        if (m->kind != MZ_E_AGENT && !r.country[0])
            mz_actor_country(mz_mention_code(c, m), r.country);
    }
    if (close_run(c, &r) < 0)
        return -1;
    join_posts(c);
    for (size_t i = 0; i < c->na;) {
        /* a list is joined by commas and closed by "and": "Washington, Tokyo and Seoul"; commas
         * alone join nothing ("According to the Pentagon, North Korea ...") */
        size_t j = i + 1, closed = i + 1;
        int link;
        while (j < c->na && (link = coordinated(c, &c->av[j - 1], &c->av[j])) != LINK_NONE &&
               !starts_clause(c, &c->av[i], &c->av[j])) {
            j++;
            if (link == LINK_AND)
                closed = j;
        }
        if (push_group(c, (int)i, (int)(closed - i)) < 0)
            return -1;
        i = closed;
    }
    return localise(c);
}
