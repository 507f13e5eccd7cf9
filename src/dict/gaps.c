/* gaps.c — unrecognised words and phrases of a corpus; see gaps.h. */
#include "gaps.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/clitic.h"
#include "../text/keys.h"
#include "../text/token.h"
#include "../util/buf.h"
#include "../util/hash.h"
#include "../util/vec.h"

enum {
    MAX_PHRASE_TOKENS = 16, /* as the coder's walk */
    NAME_MAX_TOKENS = 6,    /* a longer capitalised run is a headline, not a name */
    CONTEXT_BYTES = 60,     /* of the example, on each side of the phrase */
    PHRASE_MAX = 200        /* bytes of a phrase key */
};

/* Function words that are never candidates, in either class.  English folded; Arabic folded and
 * without the article (as the keys are made). */
static const char *const en_stop[] = {
    "a", "about", "above", "according", "across", "after", "again", "against", "ago", "all",
    "almost", "along", "already", "also", "although", "always", "am", "among", "an", "and",
    "another", "any", "anything", "are", "around", "as", "at", "be", "because", "been", "before",
    "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "doing", "down", "during", "each", "either", "else", "even", "evening", "ever", "every",
    "everything", "few", "first", "following", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in",
    "including", "indeed", "instead", "into", "is", "it", "its", "just", "last", "later", "least",
    "less", "like", "many", "may", "me", "might", "more", "morning", "most", "much", "must", "my",
    "near", "need", "neither", "never", "new", "next", "no", "nor", "not", "nothing", "now", "of",
    "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "out", "over",
    "own", "per", "rather", "same", "several", "she", "should", "since", "so", "some",
    "something", "still", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "thing", "things", "this", "those", "though", "through", "thus", "till",
    "to", "too", "toward", "towards", "two", "under", "unless", "until", "up", "upon", "us",
    "very", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who",
    "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your",
    "yes", "well", "i'm", "mr", "mrs", "ms", "dr", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august",
    "september", "october", "november", "december",
};

static const char *const ar_stop[] = {
    "في", "من", "علي", "الي", "عن", "مع", "ان", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي",
    "الذين", "كان", "كانت", "كانوا", "يكون", "تكون", "يكونوا", "قد", "لم", "لن", "ما", "لا", "هو",
    "هي", "هم", "هما", "نحن", "انه", "انها", "بعد", "قبل", "خلال", "بين", "حتي", "عند", "منذ",
    "كل", "بعض", "او", "ثم", "اي", "غير", "عبر", "ضمن", "نحو", "حول", "لدي", "دون", "الا", "يوم",
    "عام", "امس", "حيث", "كما", "اكثر", "اكبر", "اخري", "اخر", "اعلي", "افضل", "اقل", "اهم",
    "اول", "اجل", "اطار", "اثناء", "ايضا", "اصبح", "اصبحت", "ليست", "يتم", "تتم", "تم", "يناير",
    "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر",
    "امام", "خلف", "وراء", "ديسمبر", "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين",
    "يجب", "يمكن", "تعالي", "سبحانه", "وتعالي", "تحت", "فوق", "وقت", "بيت",
};

/* Arabic words that head a title (وزير الشؤون الإسلامية) and that open an organisation's name
 * (منظمة العفو الدولية), folded and without the article. */
static const char *const ar_title_heads[] = {
    "وزير", "رئيس", "مدير", "امين", "ناءب", "قاءد", "محافظ", "سفير", "مساعد", "مستشار", "امير",
    "وكيل", "مفتي", "عضو", "متحدث", "ناطق", "قاضي", "مندوب", "ممثل", "زعيم", "ملك", "ولي",
};
static const char *const ar_org_heads[] = {
    "منظمه", "حركه", "حزب", "جماعه", "تنظيم", "مجلس", "هيءه", "جمعيه", "جبهه", "اتحاد", "لجنه",
    "اءتلاف", "كتاءب", "قوات", "مليشيا", "ميليشيا", "وزاره", "محكمه", "مركز", "مفوضيه", "وكاله",
};

/* A sorted copy of a word list, for bsearch. */
typedef struct wordset {
    const char **w;
    size_t n;
} wordset;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int wordset_init(wordset *s, const char *const *w, size_t n)
{
    s->w = malloc(n * sizeof *s->w);
    if (!s->w)
        return -1;
    memcpy(s->w, w, n * sizeof *s->w);
    qsort(s->w, n, sizeof *s->w, cmp_str);
    s->n = n;
    return 0;
}

static int wordset_has(const wordset *s, const char *w)
{
    return bsearch(&w, s->w, s->n, sizeof *s->w, cmp_str) != NULL;
}

/* A counted phrase.  Strings are offsets into the pool. */
typedef struct rec {
    uint32_t key, klen;   /* class byte + matching form */
    uint32_t phrase;      /* shown form, NUL-terminated */
    uint32_t example;     /* NUL-terminated */
    uint32_t count;       /* occurrences counted under this key */
    uint32_t total;       /* with the forms folded into it, as listed (settle) */
    uint32_t hash;
    uint8_t hidden;
} rec;

/* What covers a token: the kind of the phrase (0 when none), where it starts and ends, and
 * whether it names a person (a dated actor) or carries a country adjective. */
typedef struct cover {
    uint8_t kind, person, adj, name;
    uint32_t b, e;
    uint32_t entry; /* the entry of that kind read first (for the reading of known phrases) */
} cover;

struct mz_gaps {
    const mz_engine *e;
    mz_keygen keys;
    mz_tokens toks;
    mz_sentences sents;
    const char *text;
    int arabic;
    int known; /* also count recognised phrases (mz_gaps_count_known) */
    /* per token: known word ids kw[kfirst[i] .. kfirst[i] + kn[i]), what covers it, its key */
    uint32_t *kw;
    size_t nkw, kw_cap;
    uint32_t *kfirst;
    uint8_t *kn;
    size_t ktok_cap;
    cover *cov;
    size_t cov_cap;
    /* the counts */
    rec *recs;
    size_t nrecs, recs_cap;
    uint32_t *slots; /* rec index + 1, 0 when empty */
    size_t nslots;
    mz_buf pool;
    mz_gap *out;
    size_t out_cap;
    wordset en_stop, ar_stop, ar_titles, ar_orgs;
};

const char *mz_gap_class_name(mz_gap_class cls)
{
    static const char *const names[MZ_GAP_CLASSES] = {"verb", "title", "name", "known"};
    return cls < MZ_GAP_CLASSES ? names[cls] : "";
}

mz_gaps *mz_gaps_new(const mz_engine *e)
{
    if (!e || !e->compiled)
        return NULL;
    mz_gaps *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->e = e;
    g->nslots = 1 << 12;
    g->slots = calloc(g->nslots, sizeof *g->slots);
    if (!g->slots || mz_keygen_init(&g->keys) < 0 ||
        wordset_init(&g->en_stop, en_stop, sizeof en_stop / sizeof *en_stop) < 0 ||
        wordset_init(&g->ar_stop, ar_stop, sizeof ar_stop / sizeof *ar_stop) < 0 ||
        wordset_init(&g->ar_titles, ar_title_heads, sizeof ar_title_heads / sizeof *ar_title_heads) < 0 ||
        wordset_init(&g->ar_orgs, ar_org_heads, sizeof ar_org_heads / sizeof *ar_org_heads) < 0) {
        mz_gaps_free(g);
        return NULL;
    }
    mz_buf_putc(&g->pool, '\0'); /* offset 0 is the empty string */
    return g;
}

void mz_gaps_free(mz_gaps *g)
{
    if (!g)
        return;
    mz_keygen_free(&g->keys);
    mz_tokens_free(&g->toks);
    mz_sentences_free(&g->sents);
    free(g->kw);
    free(g->kfirst);
    free(g->kn);
    free(g->cov);
    free(g->recs);
    free(g->slots);
    mz_buf_free(&g->pool);
    free(g->out);
    free(g->en_stop.w);
    free(g->ar_stop.w);
    free(g->ar_titles.w);
    free(g->ar_orgs.w);
    free(g);
}

/* ---- counting ---------------------------------------------------------------------------- */

static uint32_t hash_bytes(const char *s, size_t n) { return (uint32_t)mz_hash_bytes(s, n); }

/* The slot of key[0..n) with hash h: its record's slot, or the empty slot where it would go. */
static size_t find_slot(const mz_gaps *g, const char *key, size_t n, uint32_t h)
{
    size_t mask = g->nslots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t s = g->slots[i];
        if (!s)
            return i;
        const rec *r = &g->recs[s - 1];
        if (r->hash == h && r->klen == n && memcmp(g->pool.data + r->key, key, n) == 0)
            return i;
    }
}

static int rehash(mz_gaps *g)
{
    size_t n = g->nslots * 2;
    uint32_t *s = calloc(n, sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < g->nrecs; i++) {
        size_t j = g->recs[i].hash & (n - 1);
        while (s[j])
            j = (j + 1) & (n - 1);
        s[j] = (uint32_t)(i + 1);
    }
    free(g->slots);
    g->slots = s;
    g->nslots = n;
    return 0;
}

/* Appends s[0..n) to the pool with a NUL, as one line (tabs and line breaks become spaces);
 * returns its offset, or 0 when out of memory. */
static uint32_t pool_line(mz_gaps *g, const char *s, size_t n)
{
    size_t off = g->pool.len;
    for (size_t i = 0; i < n; i++)
        mz_buf_putc(&g->pool, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
    mz_buf_putc(&g->pool, '\0');
    return g->pool.oom || off > UINT32_MAX ? 0 : (uint32_t)off;
}

/* Counts one occurrence of a phrase of class cls whose matching form is key[0..n), shown as
 * shown[0..sn), met in tokens [b, e) of sentence s.  Returns 0, -1 when out of memory. */
static int count(mz_gaps *g, mz_gap_class cls, const char *key, size_t n, const char *shown,
                 size_t sn, uint32_t b, uint32_t e, const mz_sentence *s)
{
    char k[PHRASE_MAX + 1];
    if (n == 0 || n > PHRASE_MAX)
        return 0;
    k[0] = (char)('0' + cls);
    memcpy(k + 1, key, n);
    n++;
    uint32_t h = hash_bytes(k, n);
    size_t slot = find_slot(g, k, n, h);
    if (g->slots[slot]) {
        g->recs[g->slots[slot] - 1].count++;
        return 0;
    }
    if (mz_grow((void **)&g->recs, &g->recs_cap, g->nrecs + 1, sizeof *g->recs) < 0)
        return -1;
    /* the example: the phrase with some context on each side, cut at character boundaries */
    const char *t = g->text;
    size_t pb = g->toks.v[b].start, pe = g->toks.v[e - 1].end;
    size_t cb = pb > s->start + CONTEXT_BYTES ? pb - CONTEXT_BYTES : s->start;
    size_t ce = pe + CONTEXT_BYTES < s->end ? pe + CONTEXT_BYTES : s->end;
    while (cb < pb && ((unsigned char)t[cb] & 0xC0) == 0x80)
        cb++;
    while (ce > pe && ce < s->end && ((unsigned char)t[ce] & 0xC0) == 0x80)
        ce--; /* t[s->end] may lie past the text: the sentence's end is a boundary anyway */
    rec r = {.klen = (uint32_t)n, .count = 1, .hash = h};
    r.key = pool_line(g, k, n);
    r.phrase = pool_line(g, shown, sn);
    r.example = pool_line(g, t + cb, ce - cb);
    if (!r.key || !r.phrase || !r.example)
        return -1;
    g->recs[g->nrecs++] = r;
    g->slots[slot] = (uint32_t)g->nrecs;
    return g->nrecs * 2 > g->nslots ? rehash(g) : 0;
}

/* ---- what the dictionaries cover ---------------------------------------------------------- */

/* Looks up every token's candidate keys in the vocabulary, as the coder does. */
static int lookup_keys(mz_gaps *g)
{
    size_t n = g->toks.n, cap = g->ktok_cap;
    if (mz_grow((void **)&g->kfirst, &cap, n + 1, sizeof *g->kfirst) < 0)
        return -1;
    cap = g->ktok_cap;
    if (mz_grow((void **)&g->kn, &cap, n + 1, sizeof *g->kn) < 0)
        return -1;
    g->ktok_cap = cap;
    if (mz_grow((void **)&g->cov, &g->cov_cap, n + 1, sizeof *g->cov) < 0)
        return -1;
    g->nkw = 0;
    mz_cand cand[MZ_CAND_MAX];
    for (size_t i = 0; i < n; i++) {
        const mz_token *t = &g->toks.v[i];
        int k = mz_token_keys(&g->keys, mz_tok_fold(&g->toks, i), t->fold_len, t->flags, cand);
        if (mz_grow((void **)&g->kw, &g->kw_cap, g->nkw + (size_t)k, sizeof *g->kw) < 0)
            return -1;
        g->kfirst[i] = (uint32_t)g->nkw;
        for (int j = 0; j < k; j++) {
            uint32_t w = mz_matcher_word(&g->e->m, cand[j].s, cand[j].len);
            if (w != MZ_NONE)
                g->kw[g->nkw++] = w;
        }
        g->kn[i] = (uint8_t)(g->nkw - g->kfirst[i]);
    }
    return 0;
}

/* The longest phrase starting at token b (before e) that ends at a trie node with entries:
 * its end and node in *best_end and *best_node (unchanged when none). */
static void walk(const mz_gaps *g, uint32_t node, uint32_t b, uint32_t pos, uint32_t e,
                 uint32_t *best_end, uint32_t *best_node)
{
    if (pos >= e || pos - b >= MAX_PHRASE_TOKENS)
        return;
    for (uint32_t j = 0; j < g->kn[pos]; j++) {
        uint32_t child = mz_matcher_next(&g->e->m, node, g->kw[g->kfirst[pos] + j]);
        if (child == MZ_NONE)
            continue;
        if (g->e->m.node_entry[child] != MZ_NONE && pos + 1 > *best_end) {
            *best_end = pos + 1;
            *best_node = child;
        }
        if (mz_matcher_inner(&g->e->m, child))
            walk(g, child, b, pos + 1, e, best_end, best_node);
    }
}

/* Marks the tokens of sentence [b, e) that dictionary phrases cover, longest phrase first. */
static void cover_sentence(mz_gaps *g, uint32_t b, uint32_t e)
{
    static const int priority[] = {[MZ_E_MARKER] = 6, [MZ_E_DISCARD] = 5, [MZ_E_ACTOR] = 4,
                                   [MZ_E_ADJ] = 3, [MZ_E_AGENT] = 2, [MZ_E_VERB] = 1};
    memset(g->cov + b, 0, (e - b) * sizeof *g->cov);
    for (uint32_t i = b; i < e;) {
        uint32_t end = 0, node = MZ_NONE;
        if (g->kn[i])
            walk(g, 0, i, i, e, &end, &node);
        if (!end) {
            i++;
            continue;
        }
        cover c = {.b = i, .e = end};
        for (uint32_t k = g->e->m.node_entry[node]; k != MZ_NONE; k = g->e->entries[k].next) {
            const mz_entry *en = &g->e->entries[k];
            /* the reading shown for a known phrase: a plain verb before one that needs a tail */
            if (!c.kind || priority[en->kind] > priority[c.kind] ||
                (en->kind == MZ_E_VERB && c.kind == MZ_E_VERB &&
                 g->e->verbs[g->e->entries[c.entry].value].ntail && !g->e->verbs[en->value].ntail)) {
                c.kind = en->kind;
                c.entry = k;
            }
            c.person |= en->kind == MZ_E_ACTOR && (en->from || en->to);
            c.adj |= en->kind == MZ_E_ADJ;
        }
        for (uint32_t k = i; k < end; k++)
            g->cov[k] = c;
        i = end;
    }
}

/* ---- shapes ------------------------------------------------------------------------------ */

static int is_word(const mz_gaps *g, uint32_t i, int arabic)
{
    uint32_t f = g->toks.v[i].flags;
    return (f & MZ_TOK_WORD) && !(f & MZ_TOK_NUM) && !!(f & MZ_TOK_ARABIC) == arabic;
}

static int ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* Whether the folded English word is a candidate verb or verbal noun by its form, or by the
 * "to" before it. */
static int en_verb_shape(const char *w, size_t n, int after_to)
{
    for (size_t i = 0; i < n; i++)
        if (w[i] < 'a' || w[i] > 'z')
            return 0;
    if (after_to && n >= 3)
        return 1;
    return (n >= 5 && ends_with(w, n, "ed")) || (n >= 6 && ends_with(w, n, "ing")) ||
           (n >= 7 && (ends_with(w, n, "tion") || ends_with(w, n, "sion") ||
                       ends_with(w, n, "ment")));
}

/* Folded Arabic letters (U+0621..U+064A) are two bytes; letter k of w is w + 2k.  Shapes are
 * written with '.' for any letter. */
static int ar_shape(const char *w, size_t n, const char *shape)
{
    size_t k = 0, len = 0;
    for (const char *p = shape; *p; len++)
        p += *p == '.' ? 1 : 2;
    if (n != 2 * len)
        return 0;
    for (const char *p = shape; *p; k++) {
        if (*p == '.') {
            p++;
            continue;
        }
        if (memcmp(w + 2 * k, p, 2) != 0)
            return 0;
        p += 2;
    }
    return 1;
}

/* Verbal-noun shapes (masdar), and verb shapes that a noun with the article cannot have. */
static const char *const ar_masdar[] = {
    "ا.ت.ا.", "ا.ط.ا.", "ا.د.ا.", /* افتعال: اعتقال، اضطهاد، ازدياد */
    "ان..ا.",                     /* انفعال: انسحاب، انفجار */
    "است..ا.",                    /* استفعال: استهداف */
    "ا..ا.",                      /* إفعال: إعلان، إطلاق */
    "ت..ي.", "ت..يه",             /* تفعيل، تفعلة: تفجير، تسوية */
    "ت.ا..",                      /* تفاعل: تعاون */
    "م.ا..ه",                     /* مفاعلة: مداهمة، محاكمة */
    "..و.",                       /* فعول: هجوم، نزوح */
};
static const char *const ar_verb[] = {
    "ي...", "ي....", "ي.....", "ت...", "ت....", "ت.....", /* present */
    "....ت", ".....ت", "...وا", "....وا", ".....وا",       /* past in -ت, -وا */
    "ا...", "ا.ت..", "ان...", "است...",                   /* past IV, VIII, VII, X */
};

static int ar_any_shape(const char *w, size_t n, const char *const *shapes, size_t ns)
{
    for (size_t i = 0; i < ns; i++)
        if (ar_shape(w, n, shapes[i]))
            return 1;
    return 0;
}

/* Whether a folded Arabic word (article and prefixes removed; `article` when it had one) has
 * the shape of a verb or verbal noun.  A plural in -ات is tried without it (and with ة). */
static int ar_verb_shape(const char *w, size_t n, int article)
{
    enum { NM = sizeof ar_masdar / sizeof *ar_masdar, NV = sizeof ar_verb / sizeof *ar_verb };
    if (ar_any_shape(w, n, ar_masdar, NM))
        return 1;
    if (ends_with(w, n, "ات") && n >= 10) {
        char tmp[MZ_CAND_BYTES];
        if (ar_any_shape(w, n - 4, ar_masdar, NM))
            return 1;
        if (n - 4 + 2 <= sizeof tmp) {
            memcpy(tmp, w, n - 4);
            memcpy(tmp + n - 4, "ه", 2);
            if (ar_any_shape(tmp, n - 2, ar_masdar, NM))
                return 1;
        }
        return 0;
    }
    if (article || ends_with(w, n, "ه"))
        return 0;
    return ar_any_shape(w, n, ar_verb, NV);
}

/* The matching form of an Arabic token: folded, without conjunction and preposition when the
 * word has the article (وبالعقوبات → عقوبات), else as written.  Written to out (MZ_CAND_BYTES);
 * returns its length; *article tells whether the article was there. */
static size_t ar_norm(const mz_gaps *g, uint32_t i, char *out, int *article)
{
    const char *f = mz_tok_fold(&g->toks, i);
    size_t n = g->toks.v[i].fold_len;
    mz_cand cand[MZ_CAND_MAX];
    int k = mz_ar_candidates(f, n, cand);
    *article = 0;
    for (int j = 0; j < k; j++)
        if ((cand[j].flags & MZ_CL_DEF) && !(cand[j].flags & MZ_CL_SUFFIX) &&
            !(cand[j].flags & MZ_CL_FUT)) {
            memcpy(out, cand[j].s, (size_t)cand[j].len + 1);
            *article = 1;
            return cand[j].len;
        }
    if (n + 1 > MZ_CAND_BYTES)
        return 0;
    memcpy(out, f, n + 1);
    return n;
}

/* ---- the classes ------------------------------------------------------------------------- */

/* Appends the folded forms (sep. by spaces) of tokens [b, e) to out (PHRASE_MAX + 1 bytes);
 * returns the length, 0 when it does not fit. */
static size_t join_folds(const mz_gaps *g, uint32_t b, uint32_t e, char *out, size_t at)
{
    for (uint32_t i = b; i < e; i++) {
        size_t n = g->toks.v[i].fold_len;
        if (at + n + 1 > PHRASE_MAX)
            return 0;
        if (at)
            out[at++] = ' ';
        memcpy(out + at, mz_tok_fold(&g->toks, i), n);
        at += n;
    }
    out[at] = '\0';
    return at;
}

/* The surface text of tokens [b, e), spaces collapsed, written to out (PHRASE_MAX + 1). */
static size_t join_surface(const mz_gaps *g, uint32_t b, uint32_t e, char *out)
{
    size_t at = 0, s = g->toks.v[b].start, t = g->toks.v[e - 1].end;
    if (t - s > PHRASE_MAX)
        return 0;
    for (size_t k = s; k < t; k++) {
        char ch = g->text[k];
        int space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
        if (space && at && out[at - 1] == ' ')
            continue;
        out[at++] = space ? ' ' : ch;
    }
    out[at] = '\0';
    return at;
}

static int uncovered(const mz_gaps *g, uint32_t i) { return g->cov[i].kind == 0; }

/* An English word that can belong to a name: capitalised, not covered. */
static int en_cap(const mz_gaps *g, uint32_t i)
{
    return is_word(g, i, 0) && uncovered(g, i) &&
           (g->toks.v[i].flags & (MZ_TOK_INITCAP | MZ_TOK_CAPS));
}

/* An English lower-case word that is not covered and not a function word. */
static int en_plain(const mz_gaps *g, uint32_t i)
{
    const char *f = mz_tok_fold(&g->toks, i);
    if (!is_word(g, i, 0) || !uncovered(g, i))
        return 0;
    for (const char *p = f; *p; p++)
        if ((*p < 'a' || *p > 'z') && (*p != '-' || p == f))
            return 0; /* "n't", "'s", numbers */
    return !(g->toks.v[i].flags & (MZ_TOK_INITCAP | MZ_TOK_CAPS)) && !wordset_has(&g->en_stop, f);
}

/* Words inside an English name: "Organisation for the Prohibition of Chemical Weapons". */
static int en_connector(const mz_gaps *g, uint32_t i)
{
    static const char *const w[] = {"of", "for", "the", "and", "de", "al", "on", "&"};
    const char *f = mz_tok_fold(&g->toks, i);
    if (g->toks.v[i].flags & (MZ_TOK_INITCAP | MZ_TOK_CAPS))
        return 0;
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (strcmp(f, w[k]) == 0)
            return 1;
    return 0;
}

static int count_span(mz_gaps *g, mz_gap_class cls, uint32_t b, uint32_t e, const mz_sentence *s)
{
    char key[PHRASE_MAX + 1], shown[PHRASE_MAX + 1];
    size_t kn = join_folds(g, b, e, key, 0), sn = join_surface(g, b, e, shown);
    return kn && sn ? count(g, cls, key, kn, shown, sn, b, e, s) : 0;
}

/* Whether an actor, a country adjective or an agent is named in tokens [b, e): verbs are
 * counted only in such sentences, where an event could be coded. */
static int has_actor(const mz_gaps *g, uint32_t b, uint32_t e)
{
    for (uint32_t i = b; i < e; i++)
        if (g->cov[i].kind == MZ_E_ACTOR || g->cov[i].kind == MZ_E_ADJ || g->cov[i].kind == MZ_E_AGENT)
            return 1;
    return 0;
}

static int english(mz_gaps *g, const mz_sentence *s)
{
    uint32_t b = s->tok_begin, e = s->tok_end, first = b;
    while (first < e && !is_word(g, first, 0))
        first++;
    /* names: capitalised runs, with connectors inside */
    for (uint32_t i = b; i < e;) {
        if (!en_cap(g, i)) {
            i++;
            continue;
        }
        uint32_t j = i + 1;
        while (j < e && (en_cap(g, j) || (en_connector(g, j) && j + 1 < e && en_cap(g, j + 1))))
            j++;
        /* a function word at either end is not part of the name ("The", "I", "Monday") */
        uint32_t from = i, to = j;
        while (from < to && wordset_has(&g->en_stop, mz_tok_fold(&g->toks, from)))
            from++;
        while (to > from && wordset_has(&g->en_stop, mz_tok_fold(&g->toks, to - 1)))
            to--;
        if (to - from >= 2)
            for (uint32_t k = from; k < to; k++)
                g->cov[k].name = 1;
        if (to > from && to - from <= NAME_MAX_TOKENS && !(from == first && to - from == 1) &&
            count_span(g, MZ_GAP_NAME, from, to, s) < 0)
            return -1;
        i = j;
    }
    int actors = has_actor(g, b, e);
    for (uint32_t i = b; i < e; i++) {
        /* verbs and verbal nouns, in sentences about an actor */
        if (actors && en_plain(g, i)) {
            const char *f = mz_tok_fold(&g->toks, i);
            size_t n = g->toks.v[i].fold_len;
            int after_to = i > b && strcmp(mz_tok_fold(&g->toks, i - 1), "to") == 0;
            mz_cand stem[MZ_CAND_MAX];
            if (en_verb_shape(f, n, after_to) &&
                mz_token_keys(&g->keys, f, n, g->toks.v[i].flags, stem) > 0 &&
                count(g, MZ_GAP_VERB, stem[0].s, stem[0].len, f, n, i, i + 1, s) < 0)
                return -1;
        }
        /* titles before a person or a name: "lawyer [name]", "human rights activist [name]" */
        int person = g->cov[i].person && g->cov[i].b == i;
        int name = g->cov[i].name && (i == b || !g->cov[i - 1].name);
        if ((person || name) && i > b && en_plain(g, i - 1)) {
            uint32_t from = i - 1;
            if (from > b && en_plain(g, from - 1))
                from--;
            if (count_span(g, MZ_GAP_TITLE, from, i, s) < 0)
                return -1;
        }
        /* titles after a country adjective or a country's 's: "Chilean student", "Kenya's high court" */
        int adj_end = g->cov[i].adj && g->cov[i].e == i + 1;
        int poss = g->cov[i].kind == MZ_E_ACTOR && g->cov[i].e == i + 1 && i + 1 < e &&
                   strcmp(mz_tok_fold(&g->toks, i + 1), "'s") == 0;
        uint32_t at = i + 1 + (uint32_t)poss;
        if ((adj_end || poss) && at < e && en_plain(g, at)) {
            uint32_t to = at + 1;
            const char *f = to < e ? mz_tok_fold(&g->toks, to) : "";
            size_t fn = to < e ? g->toks.v[to].fold_len : 0;
            if (to < e && en_plain(g, to) && !ends_with(f, fn, "ed") && !ends_with(f, fn, "ing"))
                to++; /* a compound ("high court"), not the verb after the noun */
            if (count_span(g, MZ_GAP_TITLE, at, to, s) < 0)
                return -1;
        }
    }
    return 0;
}

/* An Arabic word that is not covered and not a function word; its matching form in norm. */
static int ar_plain(const mz_gaps *g, uint32_t i, char *norm, size_t *nn, int *article)
{
    if (!is_word(g, i, 1) || !uncovered(g, i))
        return 0;
    *nn = ar_norm(g, i, norm, article);
    if (!*nn || wordset_has(&g->ar_stop, norm) || wordset_has(&g->ar_stop, mz_tok_fold(&g->toks, i)))
        return 0;
    /* a function word after a conjunction: وكانت, فقد */
    return !((memcmp(norm, "و", 2) == 0 || memcmp(norm, "ف", 2) == 0) && *nn > 4 &&
             wordset_has(&g->ar_stop, norm + 2));
}

/* The phrase of a head word (its matching form) and the folded words [b, e) after it. */
static int count_headed(mz_gaps *g, mz_gap_class cls, const char *head, uint32_t hb, uint32_t b,
                        uint32_t e, const mz_sentence *s)
{
    char key[PHRASE_MAX + 1], shown[PHRASE_MAX + 1];
    size_t hn = strlen(head);
    if (hn >= PHRASE_MAX)
        return 0;
    memcpy(key, head, hn + 1);
    size_t kn = join_folds(g, b, e, key, hn), sn = join_surface(g, hb, e, shown);
    return kn && sn ? count(g, cls, key, kn, shown, sn, hb, e, s) : 0;
}

static int arabic(mz_gaps *g, const mz_sentence *s)
{
    uint32_t b = s->tok_begin, e = s->tok_end;
    char norm[MZ_CAND_BYTES], next[MZ_CAND_BYTES];
    int actors = has_actor(g, b, e);
    for (uint32_t i = b; i < e; i++) {
        size_t nn = 0, xn;
        int article = 0, xa;
        if (actors && ar_plain(g, i, norm, &nn, &article)) {
            /* a word of a verb's shape, or one after a conjunction (واستكشاف: و + استكشاف) */
            const char *w = norm;
            size_t wn = nn;
            int shaped = ar_verb_shape(w, wn, article);
            if (!shaped && !article && wn >= 8 && (memcmp(w, "و", 2) == 0 || memcmp(w, "ف", 2) == 0) &&
                ar_verb_shape(w + 2, wn - 2, 0)) {
                w += 2, wn -= 2;
                shaped = 1;
            }
            if (shaped && count(g, MZ_GAP_VERB, w, wn, w, wn, i, i + 1, s) < 0)
                return -1;
        }
        if (!is_word(g, i, 1))
            continue;
        /* a title or an organisation word, alone or covered by a phrase of its own, and the
         * uncovered words after it: وزير الشؤون الإسلامية, منظمة العفو الدولية */
        if (!nn)
            nn = ar_norm(g, i, norm, &article);
        int single = uncovered(g, i) || (g->cov[i].b == i && g->cov[i].e == i + 1);
        int title = single && wordset_has(&g->ar_titles, norm);
        int org = single && wordset_has(&g->ar_orgs, norm);
        if (title || org) {
            uint32_t j = i + 1;
            while (j < e && j < i + 4 && ar_plain(g, j, next, &xn, &xa)) {
                j++;
                if (count_headed(g, org ? MZ_GAP_NAME : MZ_GAP_TITLE, norm, i, i + 1, j, s) < 0)
                    return -1;
            }
        }
        /* nouns before a country adjective: الطائرات السعودية */
        if (g->cov[i].adj && g->cov[i].b == i && i > b && ar_plain(g, i - 1, next, &xn, &xa)) {
            uint32_t from = i - 1;
            if (from > b && ar_plain(g, from - 1, next, &xn, &xa))
                from--;
            if (count_span(g, MZ_GAP_TITLE, from, i, s) < 0)
                return -1;
        }
    }
    return 0;
}

void mz_gaps_count_known(mz_gaps *g, int on) { g->known = on; }

/* Counts each phrase of sentence s that the dictionaries recognise as an actor, adjective, agent
 * or verb, under its folded words and its reading: "author (agent GOV)"; a verb head that codes
 * only with one of its tails says so ("عملية (verb 1831 with a tail)"). */
static int known_phrases(mz_gaps *g, const mz_sentence *s)
{
    static const char *const kinds[] = {[MZ_E_ACTOR] = "actor", [MZ_E_ADJ] = "adjective",
                                        [MZ_E_AGENT] = "agent", [MZ_E_VERB] = "verb"};
    for (uint32_t i = s->tok_begin; i < s->tok_end; i++) {
        const cover *c = &g->cov[i];
        if (c->b != i || c->kind == 0 || c->kind == MZ_E_MARKER || c->kind == MZ_E_DISCARD)
            continue;
        const mz_entry *en = &g->e->entries[c->entry];
        const char *code = mz_pool_str(g->e, en->kind == MZ_E_VERB ? g->e->verbs[en->value].code
                                                                    : en->value);
        char reading[64], key[PHRASE_MAX + 1], shown[PHRASE_MAX + 1];
        int tailed = en->kind == MZ_E_VERB && g->e->verbs[en->value].ntail;
        int rn = snprintf(reading, sizeof reading, " (%s %s%s)", kinds[c->kind], code,
                          tailed ? " with a tail" : "");
        size_t kn = join_folds(g, c->b, c->e, key, 0), sn = join_surface(g, c->b, c->e, shown);
        if (rn < 0 || (size_t)rn >= sizeof reading || !kn || !sn || kn + (size_t)rn > PHRASE_MAX ||
            sn + (size_t)rn > PHRASE_MAX)
            continue;
        memcpy(key + kn, reading, (size_t)rn + 1);
        memcpy(shown + sn, reading, (size_t)rn + 1);
        if (count(g, MZ_GAP_KNOWN, key, kn + (size_t)rn, shown, sn + (size_t)rn, c->b, c->e, s) < 0)
            return -1;
    }
    return 0;
}

int mz_gaps_add(mz_gaps *g, const char *text, size_t len, int is_arabic)
{
    if (mz_tokenize(text, len, &g->toks) < 0 || mz_split_sentences(text, &g->toks, &g->sents) < 0 ||
        lookup_keys(g) < 0)
        return -1;
    g->text = text;
    g->arabic = is_arabic;
    for (size_t k = 0; k < g->sents.n; k++) {
        const mz_sentence *s = &g->sents.v[k];
        if (s->tok_end <= s->tok_begin)
            continue;
        cover_sentence(g, s->tok_begin, s->tok_end);
        if (g->known && known_phrases(g, s) < 0)
            return -1;
        if ((is_arabic ? arabic(g, s) : english(g, s)) < 0)
            return -1;
    }
    g->text = NULL;
    return 0;
}

/* ---- the list ---------------------------------------------------------------------------- */

static const rec *lookup(const mz_gaps *g, const char *key, size_t n)
{
    uint32_t s = g->slots[find_slot(g, key, n, hash_bytes(key, n))];
    return s ? &g->recs[s - 1] : NULL;
}

/* Folds counts together and hides phrases before listing: an Arabic verb written with the
 * conjunction (وأعلنت) goes to the form without it when that is counted too (أعلنت); a phrase
 * nearly always followed by the same word (three times in four) gives way to the longer one.
 * Made afresh from the raw counts at each call, so listing may be repeated as documents come. */
static void settle(mz_gaps *g)
{
    for (size_t i = 0; i < g->nrecs; i++) {
        g->recs[i].total = g->recs[i].count;
        g->recs[i].hidden = 0;
    }
    for (size_t i = 0; i < g->nrecs; i++) {
        rec *r = &g->recs[i];
        const char *k = g->pool.data + r->key;
        if (r->hidden || k[0] != '0' + MZ_GAP_VERB || r->klen < 1 + 8)
            continue;
        if (memcmp(k + 1, "و", 2) != 0 && memcmp(k + 1, "ف", 2) != 0)
            continue;
        char tmp[PHRASE_MAX + 1];
        tmp[0] = k[0];
        memcpy(tmp + 1, k + 3, r->klen - 3);
        rec *to = (rec *)lookup(g, tmp, r->klen - 2);
        if (to && to != r) {
            to->total += r->count;
            r->hidden = 1;
        }
    }
    for (size_t i = 0; i < g->nrecs; i++) {
        const rec *r = &g->recs[i];
        const char *k = g->pool.data + r->key;
        size_t sp = r->klen;
        while (sp > 0 && k[sp - 1] != ' ')
            sp--;
        if (r->hidden || (k[0] != '0' + MZ_GAP_TITLE && k[0] != '0' + MZ_GAP_NAME) || sp == 0)
            continue;
        rec *prefix = (rec *)lookup(g, k, sp - 1);
        if (prefix && (uint64_t)r->total * 4 >= (uint64_t)prefix->total * 3)
            prefix->hidden = 1;
    }
}

static int cmp_gap(const void *a, const void *b)
{
    const mz_gap *x = a, *y = b;
    if (x->cls != y->cls)
        return (int)x->cls - (int)y->cls;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->phrase, y->phrase);
}

size_t mz_gaps_list(mz_gaps *g, const mz_gap **out)
{
    settle(g);
    if (mz_grow((void **)&g->out, &g->out_cap, g->nrecs + 1, sizeof *g->out) < 0)
        return (size_t)-1;
    size_t n = 0;
    for (size_t i = 0; i < g->nrecs; i++) {
        const rec *r = &g->recs[i];
        if (r->hidden)
            continue;
        g->out[n++] = (mz_gap){.cls = (mz_gap_class)(g->pool.data[r->key] - '0'),
                               .count = r->total, .phrase = g->pool.data + r->phrase,
                               .example = g->pool.data + r->example};
    }
    qsort(g->out, n, sizeof *g->out, cmp_gap);
    *out = g->out;
    return n;
}
