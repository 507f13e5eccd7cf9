/*
 * parse.h — syntactic analysis: CoNLL-U treebanks, a part-of-speech tagger and a dependency
 * parser with Universal Dependencies labels, for English and Arabic.
 *
 * The analysis has seven linear models, each an averaged perceptron over hashed feature
 * templates (linear.c): a left-to-right tagger (for English in two passes, the second reading
 * the first's tags of the words to the right), a supertagger that gives each word its relation, the side of its
 * head and whether it has dependents on its right (after Ouchi et al. 2014) for the parser's
 * features, a greedy arc-hybrid parser trained with a dynamic oracle (Goldberg & Nivre 2013),
 * a labeller that names each arc as the parser makes it, so that later decisions see the
 * relations of the children, and two models that correct the finished tree: a reattacher that
 * may move a word up one or two levels or to a sibling, and a relabeller that names each arc again
 * seeing the whole tree (features and transitions: syntax.c; training: train.c).  Arabic
 * words are split into syntactic words first (segment.c).  A model file (model.c) holds them
 * all with a magic, a version and a checksum.  Parsing a sentence allocates nothing: the
 * caller's mz_parse_work holds the scratch arrays.
 *
 * Sentences are sequences of syntactic words (for Arabic, clitics split as in the treebanks).
 */
#ifndef MZ_PARSE_H
#define MZ_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "../../include/mizan.h"
#include "../util/buf.h"

/* Longest sentence the parser takes, in words; longer input is cut by the callers. */
enum { MZ_PARSE_MAX_WORDS = 512 };

/* ---- tag sets ------------------------------------------------------------------------- */

enum { MZ_UPOS_COUNT = 17, MZ_DEPREL_COUNT = 37 };
enum { MZ_UPOS_NONE = 255, MZ_DEPREL_NONE = 255 };
/* Indexes of the tags the code tests by name. */
enum { MZ_UPOS_NOUN = 7, MZ_UPOS_PUNCT = 12, MZ_UPOS_VERB = 15, MZ_DEPREL_ROOT = 34, MZ_DEPREL_PUNCT = 32, MZ_DEPREL_DEP = 14,
       MZ_DEPREL_NSUBJ = 26, MZ_DEPREL_OBJ = 28, MZ_DEPREL_ACL = 0,
       MZ_DEPREL_AMOD = 3, MZ_DEPREL_CASE = 6, MZ_DEPREL_CONJ = 11, MZ_DEPREL_MARK = 24,
       MZ_DEPREL_NMOD = 25, MZ_DEPREL_OBL = 29, MZ_DEPREL_XCOMP = 36,
       MZ_DEPREL_IOBJ = 22 };

extern const char *const mz_upos_names[MZ_UPOS_COUNT];
extern const char *const mz_deprel_names[MZ_DEPREL_COUNT];

/* Index of a UPOS tag, or -1. */
int mz_upos_index(const char *s, size_t n);
/* Index of the universal part (before ':') of a relation, or -1. */
int mz_deprel_index(const char *s, size_t n);

/* ---- treebanks (conllu.c) --------------------------------------------------------------- */

/* One syntactic word.  Strings are offsets into the treebank's pool. */
typedef struct mz_ud_word {
    uint32_t form;     /* offset of the NUL-terminated form */
    uint32_t deprel_full; /* offset of the full relation ("nmod:poss"), or UINT32_MAX */
    int16_t head;      /* 0 = root, 1..n, -1 when absent ('_') */
    uint8_t upos;      /* MZ_UPOS_NONE when absent */
    uint8_t deprel;    /* universal relation, MZ_DEPREL_NONE when absent */
    uint8_t space_after; /* 0 when MISC says SpaceAfter=No */
} mz_ud_word;

typedef struct mz_ud_sent {
    uint32_t first, n;   /* words [first, first + n) of the treebank */
    uint32_t text;       /* offset of the "# text =" comment, or UINT32_MAX */
    long line;           /* line of the first word in the file */
} mz_ud_sent;

/* A multiword token: surface `form` made of words [first, last] of sentence `sent`. */
typedef struct mz_ud_mwt {
    uint32_t sent, first, last, form;
} mz_ud_mwt;

typedef struct mz_treebank {
    mz_ud_word *words;
    size_t nwords, capwords;
    mz_ud_sent *sents;
    size_t nsents, capsents;
    mz_ud_mwt *mwts;
    size_t nmwts, capmwts;
    mz_buf pool;
} mz_treebank;

/* Reads CoNLL-U text[0..len) (named `name` in errors) into tb, appending.  Comments, empty nodes
 * (5.1) are skipped; multiword tokens (3-4) are kept in tb->mwts.  Malformed lines give
 * MZ_ERR_PARSE with name:line; what was read before stays in tb. */
mz_status mz_treebank_read(mz_treebank *tb, const char *name, const char *text, size_t len,
                           mz_error *err);
/* Reads a whole file (see mz_treebank_read). */
mz_status mz_treebank_load(mz_treebank *tb, const char *path, mz_error *err);
void mz_treebank_free(mz_treebank *tb);

static inline const char *mz_tb_str(const mz_treebank *tb, uint32_t off)
{
    return tb->pool.data + off;
}

/* ---- models ------------------------------------------------------------------------------ */

typedef struct mz_parse_model mz_parse_model;

/* Training options.  Zero fields take the defaults. */
typedef struct mz_train_opts {
    int iterations;       /* passes over the data for each model (default 10) */
    unsigned seed;        /* shuffling seed (default 1) */
    char lang[3];         /* "en" or "ar" */
    int quiet;            /* no progress reports */
    /* Called with a line of progress (no newline) when not quiet; may be NULL. */
    void (*progress)(void *ctx, const char *msg);
    void *progress_ctx;
    /* Unannotated text for the English word clusters, besides the training sentences' words
     * (UTF-8, documents separated by blank lines; tokenised by src/text); may be NULL. */
    const char *raw;
    size_t raw_len;
} mz_train_opts;

/* Trains the models on sentences `sel` (all when NULL; else sel[i] != 0 keeps sentence i).
 * Returns a new model (free with mz_parse_model_free) or NULL with err filled. */
mz_parse_model *mz_parse_train(const mz_treebank *tb, const unsigned char *sel,
                               const mz_train_opts *opts, mz_error *err);

/* Serialises a model into out (appended). */
mz_status mz_parse_model_save(const mz_parse_model *m, mz_buf *out, mz_error *err);
mz_status mz_parse_model_write(const mz_parse_model *m, const char *path, mz_error *err);
/* Loads a model from bytes (copied; `data` need not outlive the model).  A truncated, corrupt or
 * foreign file gives MZ_ERR_PARSE naming `name`. */
mz_parse_model *mz_parse_model_load(const void *data, size_t len, const char *name, mz_error *err);
mz_parse_model *mz_parse_model_read(const char *path, mz_error *err);
/* As mz_parse_model_load, without the checksum over every byte (a sixth of the loading): for the
 * models built into the program, whose bytes are the executable's own and whose checksums the
 * test suite verifies (mz_parse_model_builtin_bytes); every count is still checked. */
mz_parse_model *mz_parse_model_load_trusted(const void *data, size_t len, const char *name,
                                            mz_error *err);
/* Rewrites the length and checksum fields of a model image p[0..len) (len >= 28) so that it
 * passes the envelope checks: for the fuzz target, which reaches the inner parsing this way. */
void mz_parse_model_reseal(unsigned char *p, size_t len);
/* The model built into the library for "en" or "ar", or NULL with err filled. */
mz_parse_model *mz_parse_model_builtin(const char *lang, mz_error *err);
/* The bytes of the model built in for "en" or "ar" (their length in *len), or NULL when there is
 * none. */
const unsigned char *mz_parse_model_builtin_bytes(const char *lang, size_t *len);
void mz_parse_model_free(mz_parse_model *m);
/* "en" or "ar". */
const char *mz_parse_model_lang(const mz_parse_model *m);

/* ---- analysing sentences ------------------------------------------------------------------- */

/* Per-thread scratch state for tagging and parsing one sentence. */
typedef struct mz_parse_work mz_parse_work;
mz_parse_work *mz_parse_work_new(void);
void mz_parse_work_free(mz_parse_work *w);
/* With `quick` set, the sentences w parses skip the reattacher (the relabeller still runs): the
 * event coder's choice, since the reattacher's moves changed none of its events on the real-news
 * sets and the article pools and cost about a tenth of coding time with the parse.  Off by
 * default (mizan parse, eval-parse and the figures of docs/ACCURACY.md use the whole parse). */
void mz_parse_work_quick(mz_parse_work *w, int quick);

/* One analysed word, filled by mz_parse_sentence. */
typedef struct mz_parsed {
    int16_t head;
    uint8_t upos, deprel;
} mz_parsed;

/* Tags and parses the n words (forms[i] of lens[i] bytes, valid UTF-8; n <= MZ_PARSE_MAX_WORDS).
 * out[i] gets the word's tag, head (0 = root) and relation.  Returns 0, -1 when n is too
 * large.  With `gold_tags` (not NULL), those tags are used instead of the tagger's. */
int mz_parse_sentence(const mz_parse_model *m, mz_parse_work *w, const char *const *forms,
                      const uint32_t *lens, size_t n, const uint8_t *gold_tags, mz_parsed *out);

/* ---- evaluation (train.c) ------------------------------------------------------------------ */

typedef struct mz_parse_scores {
    size_t words, upos, uas, las;
} mz_parse_scores;

/* Parses the selected sentences of tb (all when sel is NULL) and adds the counts to s.  With
 * gold_tags the treebank's tags are given to the parser (to measure the parser alone). */
void mz_parse_evaluate(const mz_parse_model *m, const mz_treebank *tb, const unsigned char *sel,
                       int gold_tags, mz_parse_scores *s);

/* Writes a sentence as CoNLL-U lines (no comments) into out. */
void mz_conllu_write(mz_buf *out, const char *const *forms, const uint32_t *lens, size_t n,
                     const mz_parsed *p);

/* ---- Arabic syntactic words (segment.c) -------------------------------------------------- */

/* Splits one surface Arabic word (as written, not folded) into syntactic words: writes up to
 * `max` pieces as byte spans [starts[i], ends[i]) of word and returns their number (1 when
 * nothing splits, or when the model has no segmentation data, as for English). */
int mz_ar_segment(const mz_parse_model *m, const char *word, size_t len, uint32_t *starts,
                  uint32_t *ends, int max);

struct mz_tokens;
/* The syntactic words of tokens [begin, end) of a tokenised text (src/text/token.h), as byte
 * spans [st[i], en[i]) of text, with the token each comes from in tk[i] (when tk is not NULL;
 * UINT32_MAX for a hyphen between two tokens, which the tokenizer drops and the treebanks keep
 * as a word).  Arabic tokens are segmented when `arabic`; dots written together are one word.
 * Writes at most `max` words (max >= 9) and returns how many; *stop (when not NULL) gets the
 * first token not taken, `end` unless the words filled `max`. */
size_t mz_syntactic_words(const mz_parse_model *m, const char *text, const struct mz_tokens *t,
                          size_t begin, size_t end, int arabic, uint32_t *st, uint32_t *en,
                          uint32_t *tk, size_t max, size_t *stop);

typedef struct mz_seg_scores {
    size_t gold, pred, match, skipped;
} mz_seg_scores;

/* Segmentation of the sentences' "# text" (tokenised by src/text, Arabic words split by the
 * model) against their words: exact byte spans count as matches.  Sentences whose words do not
 * spell their text are counted in `skipped`. */
void mz_seg_evaluate(const mz_parse_model *m, const mz_treebank *tb, const unsigned char *sel,
                     mz_seg_scores *s);

#endif
