/*
 * internal.h — what the files of src/parse share: the model, the per-sentence working state and
 * the feature extractors, used alike by training (train.c) and analysis (syntax.c).
 */
#ifndef MZ_PARSE_INTERNAL_H
#define MZ_PARSE_INTERNAL_H

#include "linear.h"
#include "parse.h"

/* Transitions of the arc-hybrid system. */
enum { MZ_TR_SHIFT = 0, MZ_TR_LEFT = 1, MZ_TR_RIGHT = 2, MZ_TR_COUNT = 3 };

/* Supertags, predicted before the parse and read by its features: a word's relation, the side
 * its head is on and whether it has dependents on its right ((relation * 2 + 1 when the head
 * follows the word) * 2 + 1 when it has right dependents). */
enum { MZ_STAG_COUNT = 4 * MZ_DEPREL_COUNT };

/* Arabic segmentation data (segment.c): sorted (surface hash, packed split offsets) pairs and
 * the sorted hashes of the syntactic words seen in training.  Empty for English. */
typedef struct mz_seg {
    uint64_t *lex;
    size_t nlex;
    uint64_t *vocab;
    size_t nvocab;
} mz_seg;

/* Learns the segmentation data from the given sentences.  Returns 0, -1 when OOM. */
int mz_seg_train(mz_seg *seg, const mz_treebank *tb, const uint32_t *sents, size_t count);
void mz_seg_free(mz_seg *seg);

/* Word clusters (cluster.c): the hashes of the clustered words (mz_wattr.lower), sorted, and
 * each word's code (class + 1 in bits 0-9, the code of its bit string's 4-bit prefix in bits
 * 10-15 and of its 6-bit prefix in bits 16-23; 0 for a word without a cluster).  Empty for a
 * model without clusters. */
typedef struct mz_clusters {
    uint64_t *hash;
    uint32_t *code;
    size_t n;
    uint32_t *slot;   /* open-addressing index: 1 + the word's number, 0 for an empty slot */
    uint32_t mask;    /* slots - 1 (a power of two, at least twice n) */
} mz_clusters;

/* Classes learnt, how often a word must be seen to be clustered, and the most exchange passes
 * (they stop sooner when fewer than one word in a thousand moves). */
enum { MZ_CL_CLASSES = 256, MZ_CL_MIN_COUNT = 2, MZ_CL_PASSES = 20 };

/* Learns clusters from a text of word hashes (mz_word_lower; 0 between sentences).  Returns 0,
 * -1 when out of memory.  Free with mz_clusters_free. */
int mz_clusters_learn(mz_clusters *cl, const uint64_t *toks, size_t n);
/* Builds the index of cl's words (after learning or loading them).  Returns 0, -1 when OOM. */
int mz_clusters_index(mz_clusters *cl);
/* Code of the word of hash h (0 when it has no cluster). */
uint32_t mz_cluster_of(const mz_clusters *cl, uint64_t h);
void mz_clusters_free(mz_clusters *cl);

struct mz_parse_model {
    char lang[3];
    mz_lin tag;   /* MZ_UPOS_COUNT classes: the first, left-to-right tagging pass */
    mz_lin tag2;  /* MZ_UPOS_COUNT classes: the second pass, which reads the first's tags */
    mz_lin arc;   /* MZ_TR_COUNT classes */
    mz_lin lab;   /* MZ_DEPREL_COUNT classes */
    mz_lin stag;  /* MZ_STAG_COUNT classes */
    mz_lin rel;   /* MZ_DEPREL_COUNT classes: the relabeller of finished trees (may be empty) */
    mz_lin att;   /* 2 classes: the reattacher of finished trees (may be empty) */
    mz_seg seg;   /* Arabic only */
    mz_clusters clus; /* word clusters (English since version 5; empty for Arabic) */
};

/* Hashed attributes of one word, computed once per sentence. */
typedef struct mz_wattr {
    uint64_t form, lower, shape, pre[3], suf[4];
    uint64_t cf, c4, c6; /* cluster, 4- and 6-bit prefixes of its string (0: none) */
} mz_wattr;

/* Tokens are numbered 0 (the root) and 1..n (the words); arrays have room for two more. */
enum { MZ_TOKS = MZ_PARSE_MAX_WORDS + 4, MZ_MAX_FEATS = 160 };

struct mz_parse_work {
    size_t n;
    int quick;                 /* skip the reattacher (mz_parse_work_quick) */
    int clustered;             /* the words have clusters: the cluster features are used */
    mz_wattr a[MZ_TOKS];
    uint8_t tag[MZ_TOKS];      /* UPOS of each token (token 0 unused) */
    uint8_t tag1[MZ_TOKS];     /* the first tagging pass's UPOS of each token */
    uint8_t stag[MZ_TOKS];     /* supertag + 1 of each token (0 for the root and outside) */
    int16_t head[MZ_TOKS];     /* -1 until attached */
    uint8_t lab[MZ_TOKS];
    int16_t stack[MZ_TOKS];
    int sp;                    /* stack size */
    int b;                     /* first buffer token; n + 1 when the buffer is empty */
    int16_t lc1[MZ_TOKS], lc2[MZ_TOKS], rc1[MZ_TOKS], rc2[MZ_TOKS];
    uint8_t nl[MZ_TOKS], nr[MZ_TOKS];
    /* for the labeller: per head, the core relations of its children labelled so far and the
     * label + 1 of the last one; punctuation marks among tokens 1..i */
    uint16_t sib[MZ_TOKS];
    uint8_t lastlab[MZ_TOKS];
    uint16_t npunct[MZ_TOKS];
    /* for the corrections of the finished tree: the parser's own labels, and per token the
     * core relations of its children (once and twice or more), its nearest siblings on each
     * side and the word of its first case or mark child */
    uint8_t lab1[MZ_TOKS];
    uint16_t cmask[MZ_TOKS], cdup[MZ_TOKS];
    int16_t lsib[MZ_TOKS], rsib[MZ_TOKS];
    uint64_t casew[MZ_TOKS];
    int32_t labsc[MZ_TOKS][MZ_DEPREL_COUNT]; /* the labeller's scores of each word's relation */
    uint64_t feats[MZ_MAX_FEATS];
};

/* Fills w->a[1..n] from the forms, with their clusters in cl (NULL or empty: none, and no
 * cluster features), and sets w->n. */
void mz_syn_attrs(mz_parse_work *w, const char *const *forms, const uint32_t *lens, size_t n,
                  const mz_clusters *cl);
/* The hash a word is clustered by: its mz_wattr.lower. */
uint64_t mz_word_lower(const char *s, size_t n);

/* Features of the tagger for token t (tags of tokens < t already in w->tag); returns how many. */
size_t mz_tag_feats(const mz_parse_work *w, int t, uint64_t *f);

/* Features of the second tagging pass for token t: those of the first, and the first pass's
 * tags of the tokens around t (in w->tag1), so that the words to the right count by their
 * tags; the tags of tokens < t in w->tag are the second pass's own.  Returns how many. */
size_t mz_tag2_feats(const mz_parse_work *w, int t, uint64_t *f);
/* Tags tokens 1..n with the first pass (into w->tag), then, when the model has one, with the
 * second (w->tag1 keeps the first pass's tags). */
void mz_run_tagger(const mz_parse_model *m, mz_parse_work *w);

/* Features of the supertagger for token t (all tags set, supertags of tokens < t set). */
size_t mz_stag_feats(const mz_parse_work *w, int t, uint64_t *f);
/* Supertags tokens 1..n with model st (tags set). */
void mz_run_stagger(const mz_lin *st, mz_parse_work *w);

/* Parser state: starts a parse of w->n tokens (root on the stack). */
void mz_arc_init(mz_parse_work *w);
int mz_arc_done(const mz_parse_work *w);
int mz_arc_valid(const mz_parse_work *w, int tr);
void mz_arc_apply(mz_parse_work *w, int tr);
size_t mz_arc_feats(const mz_parse_work *w, uint64_t *f);

/* Labelling state: mz_lab_begin when a parse starts (tags set), mz_lab_done after token d's
 * arc is labelled (w->lab[d] set); mz_lab_feats gives the features of the arc to d (head
 * w->head[d]), which see the relations already given to the head's other children. */
void mz_lab_begin(mz_parse_work *w);
void mz_lab_done(mz_parse_work *w, int d);
size_t mz_lab_feats(const mz_parse_work *w, int d, uint64_t *f);
/* Labels the arc just made to token d with the labeller `lab` (and calls mz_lab_done); keeps
 * the scores in w->labsc[d] for the relabeller. */
void mz_arc_label(const mz_lin *lab, mz_parse_work *w, int d);

/* Parses greedily with the transition model `arc`, labelling each arc with `lab` as it is
 * made (tags and supertags set). */
void mz_run_parser(const mz_lin *arc, const mz_lin *lab, mz_parse_work *w);

/* Bit of a core relation in mz_parse_work.sib and .cmask, 0 for the others. */
uint16_t mz_core_bit(int label);

/* Relabeller: mz_rel_begin sets the tree summaries from the finished tree in w->head and the
 * parser's labels in w->lab (copied to w->lab1); mz_rel_feats gives the features of word d's
 * relation; mz_relabel relabels every word with model `rel` and the labeller's scores kept in
 * w->labsc. */
void mz_rel_begin(mz_parse_work *w);
size_t mz_rel_feats(const mz_parse_work *w, int d, uint64_t *f);
void mz_relabel(const mz_lin *rel, mz_parse_work *w);
/* Rebuilds the parser state of a finished tree (heads head[1..n], labels lab[1..n]) in w, as
 * the parse that made it would have left it. */
void mz_tree_load(mz_parse_work *w, const int16_t *head, const uint8_t *lab);

/* Reattacher (after Hall & Novak 2005): the candidate heads of word d, with their kinds (0 the
 * current head, 1 its head, 2 that one's head, 3 and 4 d's nearest siblings on the left and on
 * the right; none is in d's subtree), at most MZ_ATT_MAX; the features of candidate c;
 * mz_reattach moves each word to its best candidate and rebuilds the tree. */
enum { MZ_ATT_MAX = 5 };
/* How much more than the current head another candidate must score to take the word, in the
 * quantised score units (32767 = the model's largest weight; tuned on EWT dev: with no margin
 * the reattacher moves too many words, dev UAS 84.90 -> 84.75 %; with this one 85.09 %). */
enum { MZ_ATT_MARGIN = 40000 };
/* How far the labeller's best relation must lead its runner-up (in the labeller's score units)
 * for the relabeller to leave it alone: a speed-up that changed no EWT dev score (two seeds)
 * and saved 98 M of the 330 M instructions the corrections add to `mizan code --parse` on the
 * English Wikinews pool. */
enum { MZ_REL_SURE = 25000 };
int mz_att_cands(const mz_parse_work *w, int d, int16_t *c, uint8_t *kind);
size_t mz_att_feats(const mz_parse_work *w, int d, int c, int kind, uint64_t *f);
void mz_reattach(const mz_lin *att, mz_parse_work *w);

/* Argmax over the classes allowed by mask (bit c set = allowed), ties to the lowest class. */
static inline int mz_argmax_i32(const int32_t *s, int n, uint64_t mask)
{
    int best = -1;
    for (int c = 0; c < n; c++)
        if ((mask >> c & 1) && (best < 0 || s[c] > s[best]))
            best = c;
    return best;
}

#endif
