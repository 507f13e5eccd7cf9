/*
 * mizan.h — the public interface of the mizan event coder.
 *
 * mizan turns Arabic and English news text into CAMEO events: who did what to whom, with the
 * sentence as evidence.  The interface has three handles:
 *
 *   mz_engine  the compiled dictionaries and code tables.  Built once, then read-only: any number
 *              of coders on any number of threads may share it without locks.
 *   mz_coder   per-thread working state (scratch memory, the events of the last document).
 *   mz_event   one coded event; owned by the coder that produced it, valid until that coder codes
 *              the next document or is freed.
 *
 * Every fallible function returns an mz_status and, when given one, fills an mz_error with a
 * message (and, for dictionary files, the file and line).  The library never prints or exits.
 */
#ifndef MIZAN_H
#define MIZAN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MIZAN_VERSION "0.1.0"

typedef enum mz_status {
    MZ_OK = 0,
    MZ_ERR_NOMEM,  /* an allocation failed */
    MZ_ERR_IO,     /* a file could not be opened or read */
    MZ_ERR_PARSE,  /* malformed input: dictionary line, JSON, XML, date */
    MZ_ERR_UTF8,   /* invalid UTF-8 or a NUL byte in text */
    MZ_ERR_ARG,    /* a bad argument from the caller */
    MZ_ERR_LIMIT,  /* input larger than a documented limit */
    MZ_ERR_DB      /* the event store failed */
} mz_status;

/* Filled by failing calls.  `line` is 0 when no line applies. */
typedef struct mz_error {
    mz_status status;
    char file[256];
    long line;
    char message[512];
} mz_error;

/* A constant English name for a status code ("out of memory", ...). */
const char *mz_status_str(mz_status status);

/* ---- engine: dictionaries and tables ---------------------------------------------------- */

typedef struct mz_engine mz_engine;

/* Dictionary kinds; a file's kind is given by the caller or taken from its name's prefix
 * (actors*, agents*, verbs*, discards*, markers*). */
typedef enum mz_dict_kind {
    MZ_DICT_AUTO = 0,
    MZ_DICT_ACTORS,
    MZ_DICT_AGENTS,
    MZ_DICT_VERBS,
    MZ_DICT_DISCARDS,
    MZ_DICT_MARKERS
} mz_dict_kind;

/* A new engine with no dictionaries.  Free with mz_engine_free(). */
mz_engine *mz_engine_new(void);

/* Loads the dictionaries built into the library (data/dict of the source tree). */
mz_status mz_engine_load_builtin(mz_engine *engine, mz_error *err);

/* Loads only the built-in dictionaries of one kind (MZ_DICT_MARKERS: the grammar words, which
 * `--no-builtin` keeps). */
mz_status mz_engine_load_builtin_kind(mz_engine *engine, mz_dict_kind kind, mz_error *err);

/* Loads one dictionary file, in mizan's format or in the TABARI/PETRARCH formats: the format is
 * told from the content (docs/DICTIONARIES.md, "PETRARCH dictionaries").  With MZ_DICT_AUTO the
 * kind comes from the file name's prefix (actors*.txt) or, for a PETRARCH file, from a word of
 * its name (Phoenix.Countries.actors.txt) or its content.  What a PETRARCH file holds that mizan
 * cannot apply is skipped and counted: see mz_engine_warnings. */
mz_status mz_engine_load_file(mz_engine *engine, mz_dict_kind kind, const char *path, mz_error *err);

/* Loads dictionary text already in memory; `name` is used in error messages. */
mz_status mz_engine_load_text(mz_engine *engine, mz_dict_kind kind, const char *name,
                              const char *text, size_t len, mz_error *err);

/* Compiles what was loaded into the matcher.  After this the engine is read-only and no more
 * dictionaries may be loaded.  Must be called before any coder is made. */
mz_status mz_engine_compile(mz_engine *engine, mz_error *err);

/* Counts for `mizan dict stats`: number of entries of a kind, per language ('a' Arabic,
 * 'e' English, 0 both). */
size_t mz_engine_count(const mz_engine *engine, mz_dict_kind kind, char lang);

/* Verb phrases whose CAMEO code has the root `root` (1..20), per language as above. */
size_t mz_engine_count_root(const mz_engine *engine, int root, char lang);

/* Actor phrases by class.  The class is read from the code and the dates: a dated entry is a
 * person; IGO/NGO/MNC codes are organisations; IMG codes and rebel, insurgent, separatist or
 * armed-group roles (REB INS SEP UAF) are groups; the rest are countries and regions, with or
 * without a state role.  Adjectives (demonyms) count with their country. */
typedef enum mz_actor_class {
    MZ_ACTOR_COUNTRY = 0,
    MZ_ACTOR_PERSON,
    MZ_ACTOR_ORG,
    MZ_ACTOR_GROUP,
    MZ_ACTOR_CLASSES
} mz_actor_class;
size_t mz_engine_count_actors(const mz_engine *engine, mz_actor_class cls, char lang);

/* The class of an actor code valid from..to (YYYYMMDD, 0 when open). */
mz_actor_class mz_actor_class_of(const char *code, long from, long to);

/* Something a dictionary file said that the engine read but could not apply (a PETRARCH
 * construct with no mizan equivalent, a malformed date in an entry that was then skipped...):
 * one record per reason, with how often it occurred and where first. */
typedef struct mz_warning {
    const char *reason;  /* constant English text */
    size_t count;
    char file[256];
    long line;
} mz_warning;

/* The warnings of every file loaded so far; *out points into the engine (valid until it is freed
 * or more files are loaded).  Returns the number of records. */
size_t mz_engine_warnings(const mz_engine *engine, const mz_warning **out);

void mz_engine_free(mz_engine *engine);

/* ---- documents and events ---------------------------------------------------------------- */

/* A document to code.  The coder does not keep pointers into it after mz_coder_code returns,
 * except through the events it returns (which point at copies in the coder's memory). */
typedef struct mz_doc {
    const char *id;      /* document id; required */
    const char *date;    /* "YYYY-MM-DD" or NULL/"" when unknown */
    const char *lang;    /* "ar", "en", or NULL to detect */
    const char *source;  /* optional news source name */
    const char *text;    /* UTF-8 text; need not be NUL-terminated */
    size_t len;          /* bytes of text */
    const char *url;     /* optional address the document was read from */
} mz_doc;

typedef enum mz_mood { MZ_MOOD_FACT = 0, MZ_MOOD_INTENT = 1 } mz_mood;

/* One coded event.  All strings are NUL-terminated and owned by the coder. */
typedef struct mz_event {
    const char *doc;             /* document id */
    int sentence;                /* 0-based sentence index in the document */
    const char *date;            /* "YYYY-MM-DD" or "" */
    const char *lang;            /* "ar" or "en" */
    const char *source;          /* CAMEO actor code, or "---" when unresolved (partial mode) */
    const char *target;
    const char *source_country;  /* ISO alpha-3, organisation code, or "" */
    const char *target_country;
    const char *code;            /* CAMEO event code, e.g. "072" */
    const char *root;            /* its root, e.g. "07" */
    int quad;                    /* 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict */
    double goldstein;            /* Goldstein (1992) weight */
    const char *plover;          /* PLOVER event type, e.g. "AID" */
    mz_mood mood;
    const char *text;            /* the sentence */
    const char *ev_source;       /* surface text that gave the source, target and verb */
    const char *ev_target;
    const char *ev_verb;
    const char *ev_context_source; /* for an actor resolved from the document rather than the */
    const char *ev_context_target; /* sentence: the earlier mention it came from, else "" */
    const char *outlet;          /* provenance: the document's news source and its address, */
    const char *url;             /* NULL or "" when unknown (the coder leaves them NULL) */
} mz_event;

/* The stable id of an event: 16 lowercase hex digits and a NUL, the 64-bit FNV-1a hash of its
 * document id, sentence index, source and target actor codes and event code.  Re-coding or
 * re-ingesting the same document gives the same ids; two events that differ in any of these
 * fields get different ones (two identical events of one sentence share theirs). */
void mz_event_id(const mz_event *ev, char out[17]);

/* ---- coder ------------------------------------------------------------------------------- */

typedef struct mz_coder mz_coder;

/* Coder options (bit flags). */
#define MZ_CODE_PARTIAL 0x1u  /* also emit events with one actor unresolved ("---"); both, for
                               * acts of the types the salience model judges */
#define MZ_CODE_EXPLAIN 0x2u  /* keep an account of every decision (mz_coder_explanation) */
#define MZ_CODE_ALL_ACTS 0x4u /* keep the acts the salience model judges not to be news */
#define MZ_CODE_PARSE 0x8u    /* parse sentences (the built-in parsers, English and Arabic) and
                               * take verbs' parties from the parse where word order fails;
                               * several times slower */

/* A new coder reading a compiled engine.  The engine must outlive the coder. */
mz_coder *mz_coder_new(const mz_engine *engine, unsigned flags);

/* Codes one document.  On success *events points at *count events owned by the coder, valid
 * until the next call or mz_coder_free.  Invalid UTF-8 or NUL bytes in the text give
 * MZ_ERR_UTF8 with the byte offset in the message, and no events. */
mz_status mz_coder_code(mz_coder *coder, const mz_doc *doc, const mz_event **events,
                        size_t *count, mz_error *err);

/* Sentences in the last coded document (for the store). */
size_t mz_coder_sentence_count(const mz_coder *coder);
const char *mz_coder_sentence(const mz_coder *coder, size_t index);

/* The byte span [*start, *end) of sentence `index` of the last coded document, as offsets into
 * the text it was given.  Returns 0, or -1 when index is out of range. */
int mz_coder_sentence_span(const mz_coder *coder, size_t index, size_t *start, size_t *end);

/* With MZ_CODE_EXPLAIN: the account of the last coded document, in English, a line per
 * decision: the document's country, each sentence's mentions (actors with their codes and where
 * they came from, agents, verbs with their patterns, markers), the actors and groups built from
 * them, and for each verb the source and target chosen and why an event was emitted or dropped.
 * Owned by the coder, valid until the next call; "" without the flag. */
const char *mz_coder_explanation(const mz_coder *coder);

/* The language mizan detects for a text: "ar" when Arabic letters outnumber Latin ones. */
const char *mz_detect_lang(const char *text, size_t len);

void mz_coder_free(mz_coder *coder);

/* The country of a CAMEO actor code, written to out (8 bytes): the first three letters
 * ("RUSGOV" → "RUS"), or for an international organisation its code ("IGOUNO" → "UNO"). */
void mz_actor_country(const char *code, char *out);

/* ---- the CAMEO code table ----------------------------------------------------------------- */

typedef struct mz_cameo {
    const char *code;     /* "072" */
    const char *root;     /* "07" */
    int quad;
    double goldstein;
    const char *plover;   /* PLOVER event type */
    const char *name;     /* short description */
} mz_cameo;

/* Looks up a CAMEO event code in the engine's table; NULL when unknown. */
const mz_cameo *mz_engine_cameo(const mz_engine *engine, const char *code);

#ifdef __cplusplus
}
#endif
#endif
