/*
 * implicit.c — what a news sentence leaves for the reader to supply, and what it names without
 * reporting.  Word order (attach.c) finds the parties a sentence names; real news also reports
 * arrests, sentences, shootings and protests without naming who did them, aims fighting at
 * civilians, and recalls acts of earlier years.  Each rule here follows CAMEO practice and the
 * coding guide of the real-news sets, and is a table where it can be one.
 */
#include <stdlib.h>
#include <string.h>

#include "coder.h"

/* Roles of people who take no part in fighting, of those who fight, and of those who may send
 * them ("" is a state named alone). */
static const char *const civilian_roles[] = {"CVL", "REF", NULL};
static const char *const armed_roles[] = {"MIL", "REB", NULL};
static const char *const commanding_roles[] = {"", "GOV", "MIL", "REB", "UAF", NULL};
/* Roles of a country's politics: its government, parliament, courts and opposition. */
static const char *const political_roles[] = {"GOV", "LEG", "JUD", "OPP", NULL};
/* Roles of a country's state: its government, parliament and courts. */
static const char *const state_powers[] = {"GOV", "LEG", "JUD", NULL};

/* Acts whose code depends on whom they fall on, when every member of the target has one of the
 * target roles (and of the source, when given, one of the source roles): fighting whose target
 * is civilians is an assault on them (CAMEO 18; the coding guide's convention 8: a gunman
 * shooting shoppers, shelling of residential areas; air strikes stay 19 whoever they hit); armed
 * men expelled from a town by forces or a state are fought, not deported (طردوا الحوثيين من
 * مدينة لودر; but a parliament voting to expel troops votes an expulsion). */
static const struct {
    const char *code;
    const char *const *target_roles, *const *source_roles;
    const char *becomes;
} by_target[] = {
    {"190", civilian_roles, NULL, "180"}, {"193", civilian_roles, NULL, "180"},
    {"194", civilian_roles, NULL, "180"}, {"174", armed_roles, commanding_roles, "190"},
};

/* Whether actor a, of a country, has one of the roles (a NULL-ended list). */
static int has_role(const mz_actor *a, const char *const *roles)
{
    size_t base = strlen(a->country);
    for (size_t k = 0; a->code && roles[k]; k++)
        if (strlen(a->code) == base + strlen(roles[k]) && strcmp(a->code + base, roles[k]) == 0)
            return 1;
    return 0;
}

/* Whether every member of group g has one of the roles. */
static int all_have_role(const mz_coder *c, int g, const char *const *roles)
{
    for (int i = c->gv[g].first; i < c->gv[g].first + c->gv[g].n; i++)
        if (!has_role(&c->av[i], roles))
            return 0;
    return 1;
}

/* Whether every member of groups a and b is of one and the same country. */
static int one_country(const mz_coder *c, int a, int b)
{
    const char *country = c->av[c->gv[a].first].country;
    for (int g = 0; g < 2; g++) {
        int grp = g ? b : a;
        for (int i = c->gv[grp].first; i < c->gv[grp].first + c->gv[grp].n; i++)
            if (!country[0] || strcmp(c->av[i].country, country) != 0)
                return 0;
    }
    return 1;
}


/* Whether English act v is one part of a country's politics attacking another with words: the
 * verb "attack" from its government, parliament or courts on another of them or on the
 * opposition, of the same country ("Harris attacked Biden during the debates", "Republicans
 * attacked the impeachment inquiry"). */
static int verbal_attack(const mz_coder *c, const mz_mention *v, int src, int tgt)
{
    return !c->arabic && src >= 0 && strncmp(mz_tok_fold(&c->toks, v->b), "attack", 6) == 0 &&
           all_have_role(c, src, state_powers) && all_have_role(c, tgt, political_roles) && one_country(c, src, tgt);
}

/* Arabic residential areas (folded, without a leading و ب ل): a noun of dwellings ... */
static const char *const dwellings_ar[] = {"احياء", "الاحياء", "مناطق", "المناطق", "منازل", "المنازل", "مساكن", "المساكن"};
/* ... and the word after it that makes them civilians' (أحياء سكنية, منازل المواطنين). */
static const char *const dwellers_ar[] = {"سكنيه", "السكنيه", "المواطنين", "المدنيين", "السكان", "الاهله"};

/* Whether token i is one of the n words, or one of them after a و, ب or ل. */
static int token_in(const mz_coder *c, uint32_t i, const char *const *words, size_t n)
{
    const char *w = mz_tok_fold(&c->toks, i);
    size_t len = c->toks.v[i].fold_len;
    int clitic = len > 2 && (memcmp(w, "\xd9\x88", 2) == 0 || memcmp(w, "\xd8\xa8", 2) == 0 ||
                             memcmp(w, "\xd9\x84", 2) == 0); /* و ب ل */
    for (size_t k = 0; k < n; k++) {
        size_t m = strlen(words[k]);
        if ((len == m && memcmp(w, words[k], m) == 0) || (clitic && len == m + 2 && memcmp(w + 2, words[k], m) == 0))
            return 1;
    }
    return 0;
}

/* Whether Arabic act v is fire aimed at residential areas named after it in its clause (قصف شنه
 * الحوثيون على أحياء سكنية, قصفت الميليشيات منازل المواطنين): shelling of civilian areas is an
 * assault on civilians (the coding guide's convention 8), whatever place the target is.  Ground
 * fire of any kind (190, 193, 194), and bombardment (195) told by قصف, which news uses for
 * artillery too; air strikes named as such stay fighting. */
enum { DWELLINGS_REACH = 10 };
static int fire_on_homes(const mz_coder *c, const mz_mention *v, const char *code)
{
    static const char *const ground[] = {"190", "193", "194"};
    if (!c->arabic)
        return 0; /* asked of every act: English ones at once */
    int fire = 0;
    for (size_t k = 0; k < sizeof ground / sizeof *ground; k++)
        fire |= strcmp(code, ground[k]) == 0;
    fire |= strcmp(code, "195") == 0 && strstr(mz_tok_fold(&c->toks, v->b), "\xd9\x82\xd8\xb5\xd9\x81" /* قصف */);
    if (!fire)
        return 0;
    uint32_t end = mz_act_end(v);
    for (uint32_t i = end; i + 1 < c->toks.n && i < end + DWELLINGS_REACH && c->clause[i] == c->clause[v->b]; i++)
        if (token_in(c, i, dwellings_ar, sizeof dwellings_ar / sizeof *dwellings_ar) &&
            token_in(c, i + 1, dwellers_ar, sizeof dwellers_ar / sizeof *dwellers_ar))
            return 1;
    return 0;
}

const char *mz_code_on_target(const mz_coder *c, const mz_mention *v, const char *code, int src, int tgt)
{
    if (fire_on_homes(c, v, code))
        return "180";
    if (tgt < 0)
        return code;
    if (strncmp(code, "19", 2) == 0 && verbal_attack(c, v, src, tgt))
        return "111";
    for (size_t k = 0; k < sizeof by_target / sizeof by_target[0]; k++)
        if (strcmp(code, by_target[k].code) == 0 && all_have_role(c, tgt, by_target[k].target_roles) &&
            (!by_target[k].source_roles || (src >= 0 && all_have_role(c, src, by_target[k].source_roles))))
            return by_target[k].becomes;
    return code;
}

/* The year token i names (1900 to 2099), or 0. */
static int year_at(const mz_coder *c, uint32_t i)
{
    const mz_token *t = &c->toks.v[i];
    const char *w = mz_tok_fold(&c->toks, i);
    if (!(t->flags & MZ_TOK_NUM) || t->fold_len != 4 || (w[0] != '1' && w[0] != '2'))
        return 0;
    int y = 0;
    for (int k = 0; k < 4; k++) {
        if (w[k] < '0' || w[k] > '9')
            return 0;
        y = y * 10 + (w[k] - '0');
    }
    return y >= 1900 && y <= 2099 ? y : 0;
}

/* Words that make the year after them the time of the clause's act: "convicted in 2007",
 * "اعتقل عام 2009", "في سنة 2010".  A bare year after the act most often dates a noun that
 * follows it instead ("investigated the 1994 bombing"). */
static const char *const year_preps[] = {"in", "of", "during", "\xd8\xb9\xd8\xa7\xd9\x85" /* عام */,
                                         "\xd8\xb3\xd9\x86\xd9\x87" /* سنة, folded */};

/* Whether token i is one of year_preps, and not part of a span from or to the year ("محتجزين
 * منذ عام 2020", "حتى عام 2014"), which dates a state, not the act. */
static int year_prep_at(const mz_coder *c, uint32_t i)
{
    static const char *const spans[] = {"\xd9\x85\xd9\x86\xd8\xb0" /* منذ */,
                                        "\xd8\xad\xd8\xaa\xd9\x89" /* حتى */};
    for (size_t k = 0; k < sizeof year_preps / sizeof *year_preps; k++) {
        if (!mz_tok_is(c, i, year_preps[k]))
            continue;
        for (size_t j = 0; j < sizeof spans / sizeof *spans; j++)
            if (i > 0 && mz_tok_is(c, i - 1, spans[j]))
                return 0;
        return 1;
    }
    return 0;
}

/* Whether the act at v is placed in a year before the document's (the coding guide's
 * convention 7: "In 1979, ...", "the 2003 invasion", "في عام 1982 اجتاحت", "was convicted in
 * 2007"): a past year before it in its clause, or opening the sentence, or after it in its clause
 * behind a word of time (year_preps).  Undated documents have no past. */
int mz_past_year(const mz_coder *c, const mz_mention *v, uint32_t b, uint32_t e)
{
    int now = c->date_num / 10000;
    if (!now)
        return 0;
    for (uint32_t i = b; i < v->b; i++) {
        int y = year_at(c, i);
        if (y && y < now && (c->clause[i] == c->clause[v->b] || i < b + 3))
            return 1;
    }
    uint32_t vend = mz_act_end(v);
    for (uint32_t i = vend + 1; i < e && c->clause[i] == c->clause[v->b]; i++) {
        int y = year_at(c, i);
        if (y && y < now && year_prep_at(c, i - 1))
            return 1;
    }
    return 0;
}


/* Arabic nouns of a period of time (folded, without the article): a month or longer.  Days and
 * weeks are not among them: "قبل عشرة أيام", "الأسبوع الماضي" are still the news of the days
 * before; nor is عقد, as often "holding" (قبل عقد الاجتماع) as "decade". */
/* The shortest and longest folded words period_at or news_day can match, in bytes: a word of
 * three letters (عام, امس), وال or بال and a period noun of five letters. */
enum { PERIOD_WORD_MIN = 6, PERIOD_WORD_MAX = 16 };

static const char *const period_nouns[] = {
    "اشهر", "اعوام", "سنتين", "سنه", "سنوات", "سنين", "شهر", "شهرين", "شهور", "عام", "عامين", "عقدين", "عقود",
};

/* Words before a period that place it back from now: "قبل عامين" (two years ago), "منذ سنوات"
 * (for years, years ago). */
static const char *const period_ago[] = {
    "قبل", "منذ",
};

/* Words after a period that make it the last one: "العام الماضي", "الشهر المنصرم", "السنوات العشر
 * الماضية". */
static const char *const period_last[] = {
    "الفائت", "الفائته", "الماضي", "الماضيه", "المنصرم", "المنصرمه",
};

/* Words of the day of the news (folded): a clause that names it tells today's act, whatever
 * period it also names ("هبطت أمس طائرة ... في أول رحلة منذ أربعة أشهر"). */
static const struct {
    const char *s;
    size_t n;
} news_day[] = {
    {"الليله", 12}, {"اليوم", 10}, {"امس", 6}, {"غدا", 6}, /* with their lengths: asked of every word */
};

/* Words of "the first" and superlatives (folded): "أول زيارة منذ سبع سنوات", "أكبر مناورات منذ
 * سنوات" measure the act against the past, they do not place it there. */
static const char *const first_words[] = {
    "اخطر", "ادمي", "ادني", "اسوا", "اشد", "اطول", "اعلي", "اعنف", "اقوي", "اكبر", "اكثر", "الاول", "الاولي", "اهم", "اوسع", "اول", "لاول", "للمره",
};

static int cmp_word(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether w is in the list (kept in strcmp order, as the lists above are). */
static int word_in(const char *w, const char *const *list, size_t n)
{
    return bsearch(&w, list, n, sizeof *list, cmp_word) != NULL;
}

#define WORD_IN(c, i, list) word_in(mz_tok_fold(&(c)->toks, i), list, sizeof list / sizeof *list)

/* Whether folded Arabic w begins as a period noun does (س ش ع, or اش اع): a test of a few bytes
 * that spares most words, and every word in ال, the search of the list. */
static int period_initial(const char *w)
{
    const unsigned char *u = (const unsigned char *)w;
    if (u[0] != 0xd8)
        return 0;
    if (u[1] == 0xb3 || u[1] == 0xb4 || u[1] == 0xb9)
        return 1;
    return u[1] == 0xa7 && u[2] == 0xd8 && (u[3] == 0xb4 || u[3] == 0xb9);
}

/* Whether token i is a period noun (period_nouns), bare or with a leading و, ال, وال, بال, لل,
 * and not the word of a year before its number ("منذ عام 2020" names a year: mz_past_year). */
static int period_at(const mz_coder *c, uint32_t i)
{
    if (i + 1 < c->toks.n && (c->toks.v[i + 1].flags & MZ_TOK_NUM))
        return 0;
    static const struct {
        const char *s;
        size_t n;
    } prefixes[] = {{"", 0}, {"و", 2}, {"ال", 4}, {"وال", 6}, {"بال", 6}, {"لل", 4}, {"ب", 2}, {"ل", 2}};
    const char *w = mz_tok_fold(&c->toks, i);
    size_t len = c->toks.v[i].fold_len;
    if (len < PERIOD_WORD_MIN || len > PERIOD_WORD_MAX)
        return 0;
    for (size_t p = 0; p < sizeof prefixes / sizeof *prefixes; p++) {
        size_t n = prefixes[p].n;
        if (len - n >= PERIOD_WORD_MIN && period_initial(w + n) && memcmp(w, prefixes[p].s, n) == 0 &&
            word_in(w + n, period_nouns, sizeof period_nouns / sizeof *period_nouns))
            return 1;
    }
    return 0;
}

/* Whether a period noun at token i is placed back from now: one of period_ago up to two words
 * before it ("قبل ثلاثة أعوام", "منذ نحو عام") and no word of "the first" before that in its
 * clause, or one of period_last up to two words after it. */
static int period_past(const mz_coder *c, uint32_t i, uint32_t b, uint32_t e)
{
    for (uint32_t k = i; k > b && i - k < 3;) {
        k--;
        if (!WORD_IN(c, k, period_ago))
            continue;
        for (uint32_t f = k; f > b && c->clause[f - 1] == c->clause[k];)
            if (WORD_IN(c, --f, first_words))
                return 0;
        return 1;
    }
    for (uint32_t k = i + 1; k < e && k - i <= 3; k++)
        if (WORD_IN(c, k, period_last))
            return 1;
    return 0;
}

/* Whether the Arabic act at v is placed months or more back from the day of the news, by a
 * period counted from now in its clause: "قبل عامين سارت مظاهرات", "اختطف الشهر الماضي", "قتل
 * منذ سنوات", but not "خطف قبل عشرة أيام" nor "الأسبوع الماضي", still the news of the days
 * before, nor a clause that names the day of the news (news_day).  Unlike a year
 * (mz_past_year), such a period needs no date of the document: it counts back from the day the
 * news is told. */
/* Flags of tokens (c->tok_time, cleared for each sentence by mz_attach): the day of the news, a
 * period back from it, and whether the token's clause has been looked at. */
enum { TIME_NEWS_DAY = 1, TIME_PAST_PERIOD = 2, TIME_MARKED = 4 };

/* Whether token i is a word of the day of the news (news_day). */
static int news_day_at(const mz_coder *c, uint32_t i)
{
    for (size_t k = 0; k < sizeof news_day / sizeof *news_day; k++)
        if (c->toks.v[i].fold_len == news_day[k].n && memcmp(mz_tok_fold(&c->toks, i), news_day[k].s, news_day[k].n) == 0)
            return 1;
    return 0;
}

/* Eras of the past that place the acts of their clause in history (the guide's convention 7:
 * "an era given"): the world wars and the cold war.  Folded words after الحرب, "the war", which
 * may carry و ف ب ل (war_forms). */
static const char *const war_forms[] = {"الحرب", "والحرب", "فالحرب", "بالحرب", "للحرب"};
enum { ERA_WORDS = 2 };
static const char *const eras[][ERA_WORDS + 1] = {
    {"العالميه", "الاولي"},
    {"العالميه", "الثانيه"},
    {"البارده"},
};

/* Whether an era's words start at token i (before e). */
static int era_at(const mz_coder *c, uint32_t i, uint32_t e)
{
    static const char harb[] = "\xd8\xad\xd8\xb1\xd8\xa8"; /* حرب: every war form ends so */
    size_t len = c->toks.v[i].fold_len;
    if (len < 6 || memcmp(mz_tok_fold(&c->toks, i) + len - 6, harb, 6) != 0)
        return 0; /* most words, at once */
    int war = 0;
    for (size_t k = 0; k < sizeof war_forms / sizeof *war_forms; k++)
        war |= mz_tok_is(c, i, war_forms[k]);
    for (size_t k = 0; war && k < sizeof eras / sizeof *eras; k++) {
        uint32_t j = 0;
        while (eras[k][j] && i + 1 + j < e && mz_tok_is(c, i + 1 + j, eras[k][j]))
            j++;
        if (!eras[k][j])
            return 1;
    }
    return 0;
}

/* Marks the tokens of clause [cb, ce) of Arabic sentence [b, e) that name the day of the news or a
 * period back from it, the first time an act of that clause is asked about. */
static void mark_times(mz_coder *c, uint32_t cb, uint32_t ce, uint32_t b, uint32_t e)
{
    for (uint32_t i = cb; i < ce; i++) {
        c->tok_time[i] = TIME_MARKED;
        if ((c->toks.v[i].flags & MZ_TOK_ARABIC) && era_at(c, i, e))
            c->tok_time[i] |= TIME_PAST_PERIOD;
        size_t len = c->toks.v[i].fold_len;
        if (!(c->toks.v[i].flags & MZ_TOK_ARABIC) || len < PERIOD_WORD_MIN || len > PERIOD_WORD_MAX)
            continue;
        if (news_day_at(c, i))
            c->tok_time[i] |= TIME_NEWS_DAY;
        else if (period_at(c, i) && period_past(c, i, b, e))
            c->tok_time[i] |= TIME_PAST_PERIOD;
    }
}

int mz_past_period(mz_coder *c, const mz_mention *v, uint32_t b, uint32_t e)
{
    if (!c->arabic)
        return 0;
    uint32_t cb = v->b, ce = v->b; /* the clause of v: its tokens are consecutive */
    while (cb > b && c->clause[cb - 1] == c->clause[v->b])
        cb--;
    while (ce < e && c->clause[ce] == c->clause[v->b])
        ce++;
    if (!(c->tok_time[v->b] & TIME_MARKED))
        mark_times(c, cb, ce, b, e);
    int past = 0;
    for (uint32_t i = cb; i < ce; i++) {
        if (i >= v->b && i < v->e)
            continue;
        if (c->tok_time[i] & TIME_NEWS_DAY)
            return 0;
        past |= (c->tok_time[i] & TIME_PAST_PERIOD) != 0;
    }
    return past;
}


/* Acts that news tells without naming one party, and whom CAMEO practice (and the coding guide's
 * conventions 2 and 3) takes as that party: the country where the act happens, in the role that
 * does such acts.  A convicted or sentenced man faces its courts, an arrested one its police, a
 * shooting with no gunman named is an unidentified armed group's, a protest with no target is
 * against the country, and an English pardon (080, the English dictionary's yields) goes to its
 * citizens.  First matching code prefix wins; "" is the country itself.  The victim
 * is filled in only when the act has no named doer either or is passive ("was arrested"): after
 * a named doer, an object the dictionaries do not know ("detained 20 migrants") is no one's to
 * guess; a protest needs no object and takes the country's government, but a protest with
 * neither side named is as often a mention of protests as a report of one, and is left alone
 * unless the salience model judges such acts (salience.c). */
static const struct {
    const char *prefix, *source_role, *target_role;
    int target_always, one_named;
    char lang; /* 'e': English only (the Arabic 080 is any concession), 0: both */
} unnamed_parties[] = {
    {"116", "JUD", "", 0, 0, 0},   {"173", "COP", "", 0, 0, 0},    {"18", "UAF", "CVL", 0, 0, 0},
    {"193", "UAF", "CVL", 0, 0, 0}, {"14", "CVL", "GOV", 1, 1, 0}, {"080", "GOV", "CVL", 1, 0, 'e'},
};

const mz_actor *mz_place_of(const mz_coder *c, uint32_t b, uint32_t e)
{
    for (size_t g = 0; g < c->ng; g++)
        if (c->gv[g].b >= b && c->gv[g].e <= e && mz_after_place_word(c, c->gv[g].b) && c->av[c->gv[g].first].code &&
            c->av[c->gv[g].first].country[0])
            return &c->av[c->gv[g].first];
    return NULL;
}

/* Whether the sentence already has an event of root `code`'s root: a second word for the same
 * act ("hurled stones ... during violent protests") adds no party. */
static int root_coded(const mz_coder *c, const char *code)
{
    for (size_t i = c->nev; i-- > 0 && c->ev[i].sentence == c->sentence;)
        if (strncmp(c->ev[i].code, code, 2) == 0)
            return 1;
    return 0;
}

/* Acts a role does not do.  A street protest (14) comes from people, not from a government,
 * its forces or its courts ("the government doesn't respond, there will only be more
 * protests"); a state's formal protest is another code (114).  The media report force, coercion
 * and violence ("state media said the army was deploying"); they do not use them. */
static const struct {
    const char *prefix;
    const char *roles[6];
} not_by_role[] = {
    {"14", {"GOV", "MIL", "COP", "JUD", "SPY", "LEG"}},
    {"15", {"MED"}}, {"17", {"MED"}}, {"18", {"MED"}}, {"19", {"MED"}}, {"20", {"MED"}},
};

/* Actors, by the start of their code, that use no force (roots 15 to 20): non-governmental
 * organisations report shelling ("أفاد المرصد السوري سقوط 160 قذيفة"), they do not fire it. */
static const char *const unarmed_prefixes[] = {"NGO"};

/* Whether group g cannot be the source of an act coded `code` (see not_by_role and
 * unarmed_prefixes). */
int mz_implausible_source(const mz_coder *c, int g, const char *code)
{
    if (g < 0)
        return 0;
    const mz_actor *a = &c->av[c->gv[g].first];
    for (size_t k = 0; a->code && k < sizeof unarmed_prefixes / sizeof *unarmed_prefixes; k++)
        if (mz_starts_with(a->code, unarmed_prefixes[k]) &&
            strncmp(code, "15", 2) >= 0 && strncmp(code, "20", 2) <= 0)
            return 1;
    size_t base = strlen(a->country);
    if (!a->code || strlen(a->code) != base + 3)
        return 0;
    for (size_t k = 0; k < sizeof not_by_role / sizeof not_by_role[0]; k++) {
        if (!mz_starts_with(code, not_by_role[k].prefix))
            continue;
        for (size_t r = 0; r < sizeof not_by_role[k].roles / sizeof not_by_role[k].roles[0]; r++)
            if (not_by_role[k].roles[r] && strcmp(a->code + base, not_by_role[k].roles[r]) == 0)
                return 1;
    }
    return 0;
}

/* Whether the salience model judges acts coded `code` in the document's language. */
int mz_judged_by_model(const mz_coder *c, const char *code)
{
    const mz_cameo *cm = mz_engine_cameo(c->e, code);
    return cm && mz_salience_judges(&c->e->salience, c->lang, cm->plover);
}

/* Whether verb v names a street protest (root 14). */
int mz_is_protest(const mz_coder *c, const mz_mention *v)
{
    return strncmp(mz_verb_code(c, v), "14", 2) == 0;
}

/* The unnamed_parties entry of verb v's act, or -1. */
int mz_unnamed_entry(const mz_coder *c, const mz_mention *v)
{
    const char *code = mz_verb_code(c, v);
    for (size_t k = 0; k < sizeof unnamed_parties / sizeof unnamed_parties[0]; k++)
        if (mz_starts_with(code, unnamed_parties[k].prefix) &&
            (!unnamed_parties[k].lang || !c->arabic))
            return (int)k;
    return -1;
}

/* Gives an act the party its sentence leaves unnamed (see unnamed_parties), from the place the
 * sentence names or the document's country. */
void mz_fill_unnamed(mz_coder *c, const mz_mention *v, uint32_t b, uint32_t e, int passive, int nominal,
                     int *src, int *tgt)
{
    const char *code = mz_verb_code(c, v);
    int k = mz_unnamed_entry(c, v);
    if (k < 0 || (*src >= 0 && *tgt >= 0) || nominal || root_coded(c, code) ||
        (unnamed_parties[k].one_named && *src < 0 && *tgt < 0 && !mz_judged_by_model(c, code)))
        return; /* "on the anniversary of the massacre": background, no new act */
    /* where it happened: the place the sentence names, else, for an attack, the named victim's
     * country (an attack on a person is most often at home, an arrest as often abroad), else
     * the document's */
    const mz_actor *place = mz_place_of(c, b, e);
    const mz_actor *victim = *tgt >= 0 && *src < 0 ? &c->av[c->gv[*tgt].first] : NULL;
    int at_victims = victim && victim->code && victim->country[0] &&
                     strcmp(unnamed_parties[k].source_role, "UAF") == 0 &&
                     mz_actor_class_of(victim->country, 0, 0) == MZ_ACTOR_COUNTRY;
    const char *country = place ? place->country : at_victims ? victim->country : c->home;
    if (!country[0])
        return;
    int named_doer = *src >= 0;
    if (*src < 0)
        *src = mz_unnamed_group(c, country, unnamed_parties[k].source_role, place);
    if (*tgt < 0 && (!named_doer || passive || unnamed_parties[k].target_always))
        *tgt = mz_unnamed_group(c, country, unnamed_parties[k].target_role, place);
}

/* English nouns of a measure a government or parliament makes: a demand, criticism, rejection
 * or threat aimed at one is aimed at its makers ("oppose the bill", "criticised the new law",
 * "rejected the budget").  A decision or a ruling is as often a foreign state's or a court's. */
static const char *const policy_nouns[] = {
    "bill", "budget", "decree", "inquiry", "investigation", "law", "legislation", "policy", "reform",
};

/* Acts about a measure (policy_nouns) with no party named on their other side, and whom CAMEO
 * practice takes as that party: a demand, criticism, rejection or threat aimed at a measure is
 * aimed at the government that makes it ("opposed the bill"), and so is a state power's attack on
 * one (which mz_code_on_target makes criticism: "attacked the impeachment inquiry"); a state that
 * yields on one (0832: "will withdraw the bill") yields to its people, who asked for it.  The
 * source must have one of source_roles (NULL: any); the first row of the act's root decides. */
static const struct {
    const char *root;
    const char *const *source_roles;
    const char *target_role;
} measure_parties[] = {
    {"10", NULL, "GOV"}, {"11", NULL, "GOV"}, {"12", NULL, "GOV"}, {"13", NULL, "GOV"},
    {"08", state_powers, "CVL"}, {"19", state_powers, "GOV"},
};

/* Whether token i is a policy noun or its plural ("laws", "policies"). */
static int policy_noun_at(const mz_coder *c, uint32_t i)
{
    const char *w = mz_tok_fold(&c->toks, i);
    size_t len = c->toks.v[i].fold_len;
    for (size_t k = 0; k < sizeof policy_nouns / sizeof *policy_nouns; k++) {
        const char *p = policy_nouns[k];
        size_t n = strlen(p);
        if (strncmp(w, p, n - 1) != 0)
            continue;
        if ((w[n - 1] == p[n - 1] && (len == n || (len == n + 1 && w[n] == 's'))) ||
            (p[n - 1] == 'y' && len == n + 2 && strcmp(w + n - 1, "ies") == 0))
            return 1;
    }
    return 0;
}

/* Roles of a country's opposition and unions, whose demands and complaints with no one named
 * are addressed to its government, as their protests are ("protesters' demands have
 * expanded").  Citizens are not among them: "residents rejected", "players refused to play"
 * are as often aimed at anyone else. */
static const char *const people_roles[] = {"OPP", "LAB", NULL};

/* Whether a measure is what act v is done to: a policy noun in its tail ("withdraw ... bill"),
 * or after "the"/"this"/"a" right after it, with at most two plain words or acts between ("the
 * new law", "the impeachment inquiry"), not "breached laws" nor "the Russian bill". */
static int measure_object(const mz_coder *c, const mz_mention *v, uint32_t e)
{
    for (uint32_t i = v->tail_b; i < v->tail_e; i++)
        if (policy_noun_at(c, i))
            return 1;
    uint32_t i = mz_act_end(v);
    if (i + 1 >= e || !(mz_tok_is(c, i, "the") || mz_tok_is(c, i, "this") || mz_tok_is(c, i, "a")))
        return 0;
    for (uint32_t n = 0; ++i < e && n < 3; n++) {
        if (policy_noun_at(c, i))
            return 1;
        int k = c->tok_mention[i];
        if ((k >= 0 && c->mv[k].kind != MZ_E_VERB) || !(c->toks.v[i].flags & MZ_TOK_WORD))
            return 0; /* a party or a grammar word first; an act may qualify it ("impeachment") */
    }
    return 0;
}

/* Whether a protest is what act v is done to: an act of root 14 within three words after it,
 * with only plain words between ("suppress protests", "broke up the demonstration"). */
static int protest_object(const mz_coder *c, const mz_mention *v, uint32_t e)
{
    uint32_t i = mz_act_end(v);
    for (uint32_t n = 0; i < e && n < 3; i++, n++) {
        int k = c->tok_mention[i];
        if (k >= 0 && c->mv[k].kind == MZ_E_VERB)
            return strncmp(mz_verb_code(c, &c->mv[k]), "14", 2) == 0;
        if (k >= 0 || !(c->toks.v[i].flags & MZ_TOK_WORD))
            return 0;
    }
    return 0;
}

void mz_supplied_target(mz_coder *c, const mz_mention *v, uint32_t e, int src, int *tgt)
{
    if (c->arabic || src < 0 || *tgt >= 0)
        return;
    const char *code = mz_verb_code(c, v);
    const mz_actor *a = &c->av[c->gv[src].first];
    static const char *const claims[] = {"10", "11", "12", "13"}; /* demand, disapprove, reject, threaten */
    if (mz_code_prefixed(code, claims, sizeof claims / sizeof *claims) && all_have_role(c, src, people_roles) &&
        mz_actor_class_of(a->country, 0, 0) == MZ_ACTOR_COUNTRY) {
        *tgt = mz_unnamed_group(c, a->country, "GOV", NULL);
        return;
    }
    if (strncmp(code, "17", 2) == 0 && mz_actor_class_of(a->country, 0, 0) == MZ_ACTOR_COUNTRY &&
        protest_object(c, v, e)) {
        *tgt = mz_unnamed_group(c, a->country, "OPP", NULL); /* repression falls on the protesters */
        return;
    }
    const char *country = c->home[0] ? c->home : a->country;
    for (size_t k = 0; k < sizeof measure_parties / sizeof *measure_parties; k++) {
        if (strncmp(code, measure_parties[k].root, 2) != 0 ||
            (measure_parties[k].source_roles && !all_have_role(c, src, measure_parties[k].source_roles)))
            continue;
        if (measure_object(c, v, e) && country[0] && mz_actor_class_of(country, 0, 0) == MZ_ACTOR_COUNTRY)
            *tgt = mz_unnamed_group(c, country, measure_parties[k].target_role, NULL);
        return;
    }
}
