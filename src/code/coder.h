/*
 * coder.h — the coder's internals: the working state of one mz_coder and the passes that turn a
 * document into events.  The mentions of every sentence are found first (mention.c), so that
 * what the document says — its country (context.c), the names it introduces (names.c) — is
 * known when each sentence's actors are built and attached:
 *
 *   mention.c  finds dictionary phrases in the tokens (actors, adjectives, agents, verbs,
 *              markers, discards), longest match first, resolving dated actors and verb tails.
 *   actors.c   joins adjacent mentions into actors (Russian + army → RUSMIL, الجيش + الروسي,
 *              President + Putin) and coordinated actors into groups (Washington, Tokyo and Seoul).
 *   attach.c   gives each verb its source and target groups by word order (English SVO and
 *              passive; Arabic VSO, SVO, verbal nouns and passive), applies negation, modality,
 *              intent and attribution, and emits one event per source–target pair.
 *   implicit.c the parties news leaves unnamed (an arrest's police, a shooting's gunmen),
 *              background acts (an earlier year), fighting aimed at civilians.
 *   salience.c whether an act is news, by the trained salience model.
 *   explain.c  the account of every decision, for --explain.
 */
#ifndef MZ_CODER_H
#define MZ_CODER_H

#include <stdint.h>
#include <string.h>

#include "../../include/mizan.h"
#include "../dict/engine.h"
#include "../parse/parse.h"
#include "../text/keys.h"
#include "../text/token.h"
#include "../util/arena.h"
#include "../util/buf.h"

/* A candidate key of a token that the dictionary knows. */
typedef struct mz_kcand {
    uint32_t word;
    uint8_t clitic;    /* MZ_CL_* flags of the reading */
    uint8_t stripped;  /* letters removed by the reading */
    uint8_t fem;       /* the "suffix" removed was the word's written ة: a feminine ending, no
                        * pronoun (MZ_CL_SUFFIX is then cleared) */
} mz_kcand;

typedef struct mz_mention {
    uint8_t kind;      /* mz_ekind */
    uint8_t clitic;    /* clitic flags of the first token's reading */
    uint8_t last_clitic; /* clitic flags of the last token's reading */
    uint16_t flags;    /* entry flags (MZ_V_*) */
    uint32_t b, e;     /* tokens [b, e) */
    uint32_t tail_b, tail_e; /* verb tail tokens, tail_b == tail_e when none */
    uint32_t pre_b;    /* verb: first token of the words its PETRARCH pattern puts before it, b
                        * when none */
    uint32_t value;    /* actor/agent: pool offset of the code; verb: verb index; marker: kind */
} mz_mention;

/* A coder flag beside the public MZ_CODE_*: keep the salience features of every coded act, for
 * `mizan train-salience` (mz_coder_event_features). */
#define MZ_CODE_FEATURES 0x100u

/* The most features an act has (salience.c). */
enum { MZ_SALIENCE_FEATURES = 128 };

/* Mention flags beside the entry flags (MZ_V_*, MZ_A_*): an actor mention of a name the document
 * introduced (names.c); `value` then indexes c->learned.  RECALLED: a later use of the name. */
enum { MZ_MENTION_LEARNED = 1 << 14, MZ_MENTION_RECALLED = 1 << 15 };

/* Mention flag: an actor entry with dates, a person (actors_people.txt). */
enum { MZ_MENTION_PERSON = 1 << 13 };

/* A name the document introduced with a title (names.c). */
typedef struct mz_learned {
    const char *surname;   /* folded last word of the name */
    uint32_t surname_len;
    const char *code;      /* the title's actor code */
    const char *intro;     /* the introduction's text, for the evidence */
    uint32_t name_b, name_e; /* the name's tokens in the introduction */
} mz_learned;

typedef struct mz_actor {
    uint32_t b, e;         /* tokens [b, e) */
    const char *code;      /* CAMEO actor code, NULL when unresolved (an agent with no country) */
    char country[8];       /* ISO alpha-3 or organisation code, "" when unknown */
    uint8_t clitic;        /* clitic flags of the first token */
    int group;             /* index of the group it belongs to */
    int object;            /* taken as the target of a verb */
    const char *context;   /* the earlier mention the actor was resolved from (context.c, names.c),
                            * NULL when the sentence's own words name it fully */
    int home;              /* its country is the document's, not one the sentence names */
    int implied;           /* a party CAMEO practice supplies (implicit.c), not one the sentence names */
    int pair;              /* one of "the two countries" (a pair marker), with the other */
} mz_actor;

typedef struct mz_group {
    int first, n;          /* actors [first, first + n) */
    uint32_t b, e;         /* tokens [b, e) */
} mz_group;

struct mz_coder {
    const mz_engine *e;
    unsigned flags;
    mz_keygen keys;
    struct mz_keycache *kcache; /* known keys of the words met last (keycache.h) */
    mz_tokens toks;
    mz_sentences sents;
    /* per token: known candidate keys kc[kfirst[i] .. kfirst[i] + kn[i]) */
    mz_kcand *kc;
    size_t nkc, kc_cap;
    uint32_t *kfirst;
    uint8_t *kn;
    size_t ktok_cap;
    /* per sentence scratch */
    mz_mention *mv;
    size_t nm, m_cap;
    int32_t *tok_mention;  /* token → mention index or -1 */
    int32_t *clause;       /* token → clause number */
    uint8_t *tok_time;     /* token → what it says of time, once its clause is asked (implicit.c) */
    size_t tm_cap;
    mz_actor *av;
    size_t na, a_cap;
    mz_group *gv;
    size_t ng, g_cap;
    /* the document's mentions, found for every sentence before any is coded: sentence i's are
     * dmv[sent_m[i] .. sent_m[i + 1]) */
    mz_mention *dmv;
    size_t ndm, dm_cap;
    uint32_t *sent_m;
    size_t sent_m_cap;
    /* document context (context.c) */
    char home[8];          /* the country the document is about, "" when none */
    const char *home_text; /* the mention that says so */
    int weak_roles;        /* attach.c: actors resolved from context may take a role */
    /* with MZ_CODE_PARSE: the built-in parsers, each loaded when a sentence of its language is
     * first parsed (parse_tried: bit 0 English, bit 1 Arabic); NULL when not loaded or the build
     * has none (word order alone) */
    struct mz_parse_model *parse_en, *parse_ar;
    unsigned parse_tried;
    struct mz_parse_work *pwork;
    /* the parse of the current sentence (syntax.c), made on the first question asked of it
     * (parse_pending: tokens [parse_b, parse_e) not parsed yet): nwords syntactic words, word w
     * from token wtok[w] (UINT32_MAX for a hyphen), parsed[w] its head and relation; nwords 0:
     * none */
    int parse_pending;
    uint32_t parse_b, parse_e;
    size_t nwords;
    uint32_t wtok[MZ_PARSE_MAX_WORDS], wlen[MZ_PARSE_MAX_WORDS];
    mz_parsed parsed[MZ_PARSE_MAX_WORDS];
    mz_actor subject;      /* the last subject named in the document (code NULL: none) ... */
    int subject_sentence;  /* ... in this sentence */
    struct mz_told {       /* the last acts named by nouns that the document coded, with their doers */
        char noun[48];     /* the noun, folded, without the article (تصريحات) */
        char root[3];      /* its CAMEO root */
        int sentence;      /* the sentence that told it */
        mz_actor doer;
    } told[4];
    int ntold;
    mz_actor pair_mem[2];  /* the last two countries named, for "the two countries" (actors.c) */
    int npair_mem;
    mz_learned *learned;   /* names the document introduced (names.c) */
    size_t nlearned, learned_cap;
    mz_buf explain;        /* with MZ_CODE_EXPLAIN: the account of the document (explain.c) */
    /* with MZ_CODE_FEATURES: each act's features as [n, f1 .. fn] runs, and per event the start
     * of its act's run (-1 when none) */
    uint32_t *feat;
    size_t nfeat, feat_cap;
    int *ev_feat;
    size_t ev_feat_cap;
    /* results */
    mz_event *ev;
    size_t nev, ev_cap;
    const char **sent_text;
    size_t sent_cap;
    mz_arena arena;
    /* the document being coded */
    const char *text;      /* arena copy */
    const char *doc_id, *date, *lang;
    int32_t date_num;      /* YYYYMMDD or 0 */
    int arabic;
    int sentence;          /* index of the sentence being coded */
};

/* mention.c: fills c->mv for tokens [b, e).  Returns 0, -1 when out of memory. */
int mz_find_mentions(mz_coder *c, uint32_t b, uint32_t e);

/* context.c: the document's country, from the mentions of every sentence (c->dmv): the place of a
 * dateline, else the country named most often. */
void mz_context_home(mz_coder *c);

/* names.c: learns the names the document introduces with a title and adds their mentions to
 * c->dmv (after mz_context_home).  Returns 0, -1 when out of memory. */
int mz_learn_names(mz_coder *c);

/* The actor code of an actor, adjective or agent mention (a learned name's code, or the
 * dictionary entry's). */
const char *mz_mention_code(const mz_coder *c, const mz_mention *m);

/* actors.c: fills c->av and c->gv from the mentions.  Returns 0, -1 when out of memory. */
int mz_build_actors(mz_coder *c);

/* actors.c: a group of one actor that the sentence does not name: the country `country` (of
 * `place`, an actor of the sentence naming where the act happens, or else the document's) in
 * role `role` ("" for the country itself).  It lies outside the sentence's tokens, so word order
 * never gives it to another verb.  Returns its index, or -1 when out of memory. */
int mz_unnamed_group(mz_coder *c, const char *country, const char *role, const mz_actor *place);

/* implicit.c: gives an English act with a named source and no target the party CAMEO practice
 * takes: for the opposition's demands, complaints, rejections and threats, its government; for
 * those aimed at a measure ("opposed the bill"), the government of the document's country (else
 * the source's); for a state yielding on a measure ("will withdraw the bill"), its people; for
 * repression of protests ("suppress protests"), the protesters of the source's country. */
void mz_supplied_target(mz_coder *c, const mz_mention *v, uint32_t e, int src, int *tgt);
/* actors.c: whether Arabic token i is a noun of a country's land (الأراضي, الحدود) that no
 * dictionary knows, whose adjective names the country. */
int mz_territory_noun(const mz_coder *c, uint32_t i);
/* implicit.c: the first actor of the sentence [b, e) that names a place ("in Pakistan", "في
 * القاهرة"), or NULL. */
const mz_actor *mz_place_of(const mz_coder *c, uint32_t b, uint32_t e);

/* implicit.c: what a sentence leaves implicit or names without reporting (see that file). */

/* The code of verb v's act given whom it falls on (target group tgt) and who does it (src):
 * fighting aimed at civilians only is an assault (193 → 180), armed men expelled by forces or a
 * state are fought (174 → 190), one part of a country's politics attacking another in English
 * criticises it (190 → 111); `code` itself otherwise. */
const char *mz_code_on_target(const mz_coder *c, const mz_mention *v, const char *code, int src, int tgt);

/* Whether the act at verb v, in the sentence [b, e), is placed in a year before the document's. */
int mz_past_year(const mz_coder *c, const mz_mention *v, uint32_t b, uint32_t e);

/* Whether the Arabic act at v is placed months or more back from the news by a period in its
 * clause ("قبل عامين", "العام الماضي"). */
int mz_past_period(mz_coder *c, const mz_mention *v, uint32_t b, uint32_t e);

/* Whether group g cannot be the source of an act coded `code` (a government's street protest). */
int mz_implausible_source(const mz_coder *c, int g, const char *code);

/* Whether the salience model judges acts coded `code` in the document's language. */
int mz_judged_by_model(const mz_coder *c, const char *code);

/* Whether verb v names a street protest (root 14). */
int mz_is_protest(const mz_coder *c, const mz_mention *v);

/* The entry of verb v's act among the acts told without a party, or -1. */
int mz_unnamed_entry(const mz_coder *c, const mz_mention *v);

/* Gives the act of verb v in sentence [b, e) the source or target group it leaves unnamed: the
 * country where the act happens (the place the sentence names, else the document's), in the
 * role that does such acts.  `passive`: the verb is passive; `nominal`: an English act named by
 * a noun in a prepositional phrase, background that gets no party. */
void mz_fill_unnamed(mz_coder *c, const mz_mention *v, uint32_t b, uint32_t e, int passive, int nominal,
                     int *src, int *tgt);

/* syntax.c: makes sentence [b, e) the one the parse questions below are about.  It is parsed on
 * the first question, when the coder parses (MZ_CODE_PARSE), the build has a parser for its
 * language and its verbs have groups to choose from (else c->nwords stays 0 and every question
 * has no answer).  Returns 0, -1 when out of memory. */
int mz_parse_current(mz_coder *c, uint32_t b, uint32_t e);

/* Whether the sentence has a parse to question, done or pending (see mz_parse_current): the
 * rules that read only the parse return at once without one, as when the coder does not parse. */
static inline int mz_parse_any(const mz_coder *c)
{
    return c->parse_pending || c->nwords > 0;
}

/* syntax.c: the token of the first dependent of the word token `tok` begins with relation
 * `deprel` (MZ_DEPREL_*), or UINT32_MAX (no parse, no such dependent). */
uint32_t mz_parse_dependent(mz_coder *c, uint32_t tok, int deprel);

/* syntax.c: the token of the head of the word token `tok` begins, with the word's relation in
 * *deprel, or UINT32_MAX (no parse, the root). */
uint32_t mz_parse_head(mz_coder *c, uint32_t tok, int *deprel);

/* syntax.c: the part of speech (MZ_UPOS_*) the parse gives the word token `tok` stands for, or
 * -1 (no parse). */
int mz_parse_upos(mz_coder *c, uint32_t tok);

/* actors.c: the document's last named subject (c->subject), for a sentence that continues it
 * with a pronoun or, in Arabic, with no subject at all ("وأضاف", "He said").  Returns a group
 * of it outside the sentence, -1 when there is none or out of memory. */
int mz_subject_group(mz_coder *c);

/* actors.c: a group of a copy of actor a alone, outside the sentence's tokens (an actor met in
 * an earlier sentence); its index, or -1. */
int mz_actor_group(mz_coder *c, const mz_actor *a);

/* actors.c: remembers actor a as the document's last named subject (not one resolved only
 * from the document's country). */
void mz_remember_subject(mz_coder *c, const mz_actor *a);

/* attach.c: codes the verbs of the current sentence into events.  Returns 0, -1 on OOM. */
int mz_attach(mz_coder *c, uint32_t b, uint32_t e, const char *sentence_text);

/* An act about to be coded: the verb mention, the CAMEO code it gets (its own, or the 03x
 * counterpart when an intention is expressed), its mood and the sentence. */
typedef struct mz_act {
    const mz_mention *verb;
    const char *code;
    int intent;
    const char *text;
    int feat;            /* its salience features in c->feat, -1 when not kept */
    int mutual;          /* done by each side to the other ("each other"): coded both ways */
} mz_act;

/* salience.c: the hashed salience features of verb v's act in sentence [b, e) with source and
 * target groups src, tgt (-1 when none), written to out (room for max); returns how many. */
int mz_salience_features(mz_coder *c, const mz_mention *v, uint32_t b, uint32_t e, int src, int tgt,
                         uint32_t *out, int max);

/* salience.c: whether the act of verb v coded as `code` is news: 1 when the engine's salience
 * model does not judge it or judges it news, 0 when not news, -1 when out of memory.  With
 * MZ_CODE_FEATURES its features are kept and *feat says where. */
int mz_salience_keep(mz_coder *c, const mz_mention *v, uint32_t b, uint32_t e, int src, int tgt,
                     const char *code, int *feat);

/* salience.c: the features of the act of the last document's event i (MZ_CODE_FEATURES):
 * *f points at them; returns how many, -1 when none were kept. */
int mz_coder_event_features(const mz_coder *c, size_t i, const uint32_t **f);

/* salience.c: whether the act with features f[0..n) is told with both its parties named (the
 * model's told threshold applies to it). */
int mz_salience_told(const uint32_t *f, int n);

/* coder.c: appends one event (and its reverse when the act is mutual); s or t may be NULL only
 * in partial mode. */
int mz_emit(mz_coder *c, const mz_actor *s, const mz_actor *t, const mz_act *act);

/* coder.c: whether acts of `code` are done by two sides to each other (meetings, talks, signed
 * agreements), and so coded both ways. */
int mz_code_mutual(const char *code);

/* explain.c: with MZ_CODE_EXPLAIN, appends a line (printf format) to the account; the others
 * describe the current sentence's mentions and groups, and the document's country. */
void mz_explain(mz_coder *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void mz_explain_sentence(mz_coder *c, size_t index, const char *text);
void mz_explain_groups(mz_coder *c);
void mz_explain_home(mz_coder *c, const char *how);

/* The text of tokens [b, e) as an arena string. */
const char *mz_span_text(mz_coder *c, uint32_t b, uint32_t e);

/* The CAMEO code of verb mention v's pattern. */
static inline const char *mz_verb_code(const mz_coder *c, const mz_mention *v)
{
    return mz_pool_str(c->e, c->e->verbs[v->value].code);
}

/* coder.c: whether `code` begins with one of the n prefixes ("14", "173"). */
int mz_code_prefixed(const char *code, const char *const *prefixes, size_t n);

/* The token after verb mention v's last word, its tail's included. */
static inline uint32_t mz_act_end(const mz_mention *v)
{
    return v->tail_e > v->e ? v->tail_e : v->e;
}

/* Whether token i's folded form equals s.  Inline: with s a literal, the length test and the
 * comparison compile to a few instructions, and the attachment rules ask this of many tokens. */
static inline int mz_tok_is(const mz_coder *c, uint32_t i, const char *s)
{
    size_t n = strlen(s);
    return c->toks.v[i].fold_len == n && memcmp(mz_tok_fold(&c->toks, i), s, n) == 0;
}

/* Whether a reading of token i is, as a word alone, a marker of kind `kind` (markers.txt),
 * whatever phrase covers it in the sentence: وليد in the listed person وليد المعلم is a given
 * name, تسلمت a word of receiving. */
int mz_word_marker(const mz_coder *c, uint32_t i, int kind);

/* Whether the tokens before token i are a preposition of place ("in", "in the", "في"): an actor
 * starting at i names where something happens. */
int mz_after_place_word(const mz_coder *c, uint32_t i);

/* Whether string s is three bytes long, as a country's code is: no strlen. */
static inline int mz_len3(const char *s)
{
    return s[0] && s[1] && s[2] && !s[3];
}

/* Whether string s begins with prefix: one pass, no strlen (asked of every act's code). */
static inline int mz_starts_with(const char *s, const char *prefix)
{
    while (*prefix && *prefix == *s)
        prefix++, s++;
    return *prefix == '\0';
}

/* The marker kind of the mention covering token i, or 0. */
static inline int mz_marker_at(const mz_coder *c, uint32_t i)
{
    int k = c->tok_mention[i];
    return k >= 0 && c->mv[k].kind == MZ_E_MARKER ? (int)c->mv[k].value : 0;
}

#endif
