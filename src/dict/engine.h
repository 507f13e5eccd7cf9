/*
 * engine.h — the engine's internals, shared by the dictionary loader and the coder.
 *
 * An engine is a CAMEO code table, a string pool, the entries made from dictionary lines and the
 * matcher that finds them in text.  Loading appends; mz_engine_compile freezes it.
 */
#ifndef MZ_ENGINE_H
#define MZ_ENGINE_H

#include <stdint.h>

#include "../../include/mizan.h"
#include "../text/keys.h"
#include "../util/buf.h"
#include "../util/error.h"
#include "matcher.h"
#include "salience.h"

typedef enum mz_ekind {
    MZ_E_ACTOR = 1,
    MZ_E_ADJ,      /* demonym or adjective: an actor only with an agent */
    MZ_E_AGENT,
    MZ_E_VERB,
    MZ_E_DISCARD,
    MZ_E_MARKER
} mz_ekind;

/* Grammar markers (markers.txt). */
typedef enum mz_marker {
    MZ_M_NEG = 1, MZ_M_MODAL, MZ_M_COND, MZ_M_FUTURE, MZ_M_BY, MZ_M_CLAUSE, MZ_M_CONJ,
    MZ_M_BETWEEN, MZ_M_THAT, MZ_M_BE, MZ_M_OF, MZ_M_PRON, MZ_M_EXCHANGE,
    MZ_M_PREP, MZ_M_LOC, MZ_M_BACKSHIFT, MZ_M_EXPRESS, MZ_M_THATPRON, MZ_M_WORD, MZ_M_PAIR,
    MZ_M_RECEIVE, MZ_M_LIGHT, MZ_M_GIVEN, MZ_M_BEHALF
} mz_marker;

/* Entry flags. */
enum {
    MZ_V_INTENT = 1 << 0,  /* verb states an intention */
    MZ_V_SAY = 1 << 1,     /* attribution verb */
    MZ_V_PAST = 1 << 2,    /* generated Arabic past form */
    MZ_V_PRES = 1 << 3,    /* generated Arabic present form */
    MZ_V_FEM = 1 << 4,     /* form agreeing with a feminine singular subject */
    MZ_V_NOUN = 1 << 5,    /* Arabic noun or verbal noun (not a conjugated verb) */
    MZ_A_ROLE_FIRST = 1 << 6, /* agent whose role goes before the country (PETRARCH [IGO~]) */
    MZ_A_RELATIONAL = 1 << 7, /* agent named by its relation to another country (counterpart,
                               * ambassador): never given the document's country */
    MZ_A_AGENTIVE = 1 << 8,   /* English agent phrase ending in an agent noun (protesters) */
    MZ_D_SENTENCE = 1 << 9,   /* discard that cancels its whole sentence (PETRARCH's), not a clause */
    MZ_V_PETRARCH = 1 << 10,  /* verb read from a PETRARCH dictionary */
    MZ_V_COMPOUND = 1 << 11,  /* PETRARCH pattern "% ... *": only after a compound subject
                               * (Gondor and Osgiliath), coded between its members both ways */
    MZ_V_REVERSED = 1 << 12,  /* PETRARCH pattern "+ ... * ... $": the actor before the verb is
                               * the target, the one after it the source */
    MZ_V_OWN = 1 << 13,       /* Arabic form naming its own subject (أطلقوا, يطلقون, أطلقنا):
                               * no subject follows it */
    MZ_V_PART = 1 << 14,      /* Arabic active participle (مطالبا): the act of the clause's
                               * subject, after a comma */
    MZ_A_COALITION = 1 << 15  /* "the coalition" unqualified: the state that leads the coalition
                               * of the document's war (actors.c), not the document's country */
};

typedef struct mz_entry {
    uint8_t kind;      /* mz_ekind */
    uint8_t lang;      /* 'a' or 'e' */
    uint16_t flags;
    uint32_t value;    /* actor/agent: code offset in the pool; verb: verb index; marker: kind */
    int32_t from, to;  /* validity as YYYYMMDD, 0 when open */
    uint32_t next;     /* next entry at the same trie node, MZ_NONE at the end */
} mz_entry;

/* A tail word id with this bit set may have other words before it; a word id of the words
 * before a verb, other words after it (TABARI and PETRARCH write "WORD WORD" for words in order
 * with others between them, WORD_WORD for adjacent ones). */
#define MZ_TAIL_GAP 0x80000000u

typedef struct mz_verb {
    uint32_t code;       /* offset in the pool */
    uint32_t tail;       /* first word id of the tail in tail_words, MZ_NONE when none */
    uint16_t ntail;
    uint16_t flags;
    uint32_t pre;        /* PETRARCH's words before the verb that may have others between them
                          * and it ("HEAVILY UNJUSTLY *"), in tail_words, the nearest first;
                          * MZ_NONE when none */
    uint16_t npre;
    char after_tail;     /* PETRARCH: '$' or '+' when the actor right after the tail is the
                          * source or the target ("+ WAS * DEAD IN $"), 0 when none ... */
    uint8_t skip;        /* ... after this many actors skipped ('^') */
    uint32_t rcode;      /* PETRARCH's [A:B]: code B of the event in the other direction (target
                          * on source), offset in the pool; MZ_NONE when none */
} mz_verb;

struct mz_engine {
    mz_cameo *cameo;
    size_t ncameo;
    uint16_t *cameo_slot; /* per digit code (engine.c, cameo_slot_of): its index + 1 in cameo, 0 */
    mz_buf cameo_text;   /* owns the strings of the code table */
    mz_buf pool;         /* NUL-terminated codes */
    mz_entry *entries;
    size_t nentries, entries_cap;
    uint32_t *last_entry; /* per trie node: last entry, for appending in order */
    size_t last_cap;
    mz_verb *verbs;
    size_t nverbs, verbs_cap;
    uint32_t *tail_words;
    size_t ntail_words, tail_cap;
    mz_matcher m;
    uint8_t *word_kinds;         /* per word id: the kinds of phrase it is a word of, as bits
                                  * 1 << mz_ekind (a given-name marker counts as an actor's
                                  * name, a verb's tail word as the verb's) */
    size_t word_kinds_cap;
    mz_keygen keys;
    size_t counts[MZ_DICT_MARKERS + 1][2];  /* phrases per kind and language (0 ar, 1 en) */
    size_t verb_roots[21][2];    /* verb phrases per CAMEO root 01..20 and language */
    size_t actor_classes[MZ_ACTOR_CLASSES][2]; /* actor phrases per mz_actor_class and language */
    mz_salience salience;        /* the built-in salience model (data/salience.txt), if any */
    mz_warning *warnings;        /* lines read but not applied, one record per reason */
    size_t nwarnings;
    int compiled;
};

/* The string at `off` in the engine's pool. */
static inline const char *mz_pool_str(const mz_engine *e, uint32_t off) { return e->pool.data + off; }

/* Records that word id w is a word of a phrase of kind `kind` (mz_ekind).  Returns 0, -1 when
 * out of memory. */
int mz_engine_mark_word(mz_engine *e, uint32_t w, int kind);

/* The kinds of phrase word id w is a word of (bits 1 << mz_ekind), 0 when none. */
static inline unsigned mz_engine_word_kinds(const mz_engine *e, uint32_t w)
{
    return w < e->word_kinds_cap ? e->word_kinds[w] : 0;
}

/* Loads the CAMEO table text (data/cameo.tsv format). */
mz_status mz_cameo_load(mz_engine *e, const char *text, size_t len, mz_error *err);

/* The name of a grammar marker kind as markers.txt writes it ("neg", "by"), "?" when unknown. */
const char *mz_marker_name(int kind);

/* Parses "YYYY-MM-DD" into YYYYMMDD; returns -1 when not a valid date. */
int32_t mz_parse_date(const char *s, size_t len);


/* The built-in data files (generated into builtin_data.c by tools/embed). */
typedef struct mz_builtin {
    const char *name;
    const char *data;
    size_t len;
} mz_builtin;
extern const mz_builtin mz_builtin_files[];
extern const size_t mz_builtin_count;

/* The kind of a dictionary file from its name's prefix (actors*.txt ...), MZ_DICT_AUTO when none. */
mz_dict_kind mz_dict_kind_of(const char *name);

#endif
