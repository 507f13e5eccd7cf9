/*
 * segment.c — Arabic syntactic words from surface words, as the UD Arabic treebanks split them:
 * وبموجبه = و + ب + موجب + ه, للسلطة = ل + لسلطة, نشرتها = نشرت + ها.  The article ال stays on
 * its noun.
 *
 * Two sources, both learnt from the treebank and kept in the model: a lexicon of the surface
 * words seen in training with their most frequent split, and the vocabulary of syntactic words.
 * An unseen word is split by rule: conjunction (و ف), then a preposition or the future marker
 * (ب ل ك س), then a pronoun suffix (ه ها هم هما هن ك كم كما ي نا ني), each only when what remains
 * is a known syntactic word (or, after ب ل ك, starts with the article) and is at least two
 * letters long.  Lookups are binary searches over sorted 64-bit hashes.
 */
#include <stdlib.h>
#include <string.h>

#include "../text/token.h"
#include "../text/utf8.h"
#include "../util/vec.h"
#include "internal.h"

#define WAW "\xd9\x88"
#define FA "\xd9\x81"
#define BA "\xd8\xa8"
#define LAM "\xd9\x84"
#define KAF "\xd9\x83"
#define SIN "\xd8\xb3"
#define ALEF "\xd8\xa7"
#define HA "\xd9\x87"
#define MIM "\xd9\x85"
#define NUN "\xd9\x86"
#define YA "\xd9\x8a"
#define TATWEEL "\xd9\x80"

static const char *const conjunctions[] = {WAW, FA};
static const char *const prep[] = {BA, LAM, KAF, SIN};
/* Longest first. */
static const char *const pron[] = {HA MIM ALEF, KAF MIM ALEF, HA MIM, HA ALEF, HA NUN, KAF MIM,
                                   NUN ALEF, NUN YA, HA, KAF};

/* Position of h in the sorted array v[0..n), or -1. */
static long find_hash(const uint64_t *v, size_t n, size_t stride, uint64_t h)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint64_t x = v[mid * stride];
        if (x == h)
            return (long)mid;
        if (x < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static int known(const mz_seg *s, const char *w, size_t n)
{
    return n >= 4 && find_hash(s->vocab, s->nvocab, 1, mz_str_hash(w, n)) >= 0;
}

static int starts_with(const char *w, size_t n, const char *p)
{
    size_t k = strlen(p);
    return k <= n && memcmp(w, p, k) == 0;
}

/* Whether the rest of a word after ب ل ك looks like a noun with the article: ال..., or لل...
 * after ل (ل + الـ is written لل). */
static int article_after(const char *rest, size_t rn, size_t prep_index)
{
    return starts_with(rest, rn, ALEF LAM) || (prep_index == 1 && starts_with(rest, rn, LAM));
}

/* Split point of a pronoun suffix of w[a..b), else 0.  The third-person suffixes (ه ها هم هما
 * هن) split whenever a stem of two letters or more remains; the others (ك كم كما نا ني ي), which
 * end many words, only when the stem is a known word. */
static uint32_t suffix_cut(const mz_seg *s, const char *w, size_t a, size_t b)
{
    for (size_t i = 0; i < sizeof pron / sizeof pron[0]; i++) {
        size_t pl = strlen(pron[i]);
        if (b - a < pl + 4 || memcmp(w + b - pl, pron[i], pl) != 0)
            continue;
        int third = pron[i][0] == HA[0] && pron[i][1] == HA[1];
        if (known(s, w + a, b - pl - a) || (third && b - pl - a >= 4))
            return (uint32_t)(b - pl);
    }
    return 0;
}

/* Whether w starts with one of the letters of an imperfect verb (ي ت ن أ), after س. */
static int imperfect(const char *w, size_t n)
{
    return starts_with(w, n, YA) || starts_with(w, n, "\xd8\xaa") || starts_with(w, n, NUN) ||
           starts_with(w, n, "\xd8\xa3");
}

/* Split points of an unknown word by rule (see the file comment); returns how many were written
 * to cut[]. */
static int rule_split(const mz_seg *s, const char *w, size_t n, uint32_t *cut)
{
    if (known(s, w, n))
        return 0;
    int k = 0;
    size_t a = 0;
    /* و and ف split before a known word or the article; و also before anything of three letters
     * not starting with a bare alef (words like واسع, واحد) */
    int known_rest = n >= 6 && (known(s, w + 2, n - 2) || starts_with(w + 2, n - 2, ALEF LAM));
    if (known_rest ? starts_with(w, n, conjunctions[0]) || starts_with(w, n, conjunctions[1])
                   : n >= 8 && starts_with(w, n, conjunctions[0]) && !starts_with(w + 2, n - 2, ALEF))
        cut[k++] = (uint32_t)(a = 2);
    for (size_t i = 0; i < 4; i++) {
        if (!starts_with(w + a, n - a, prep[i]) || n - a < 6)
            continue;
        const char *rest = w + a + 2;
        size_t rn = n - a - 2;
        int ok = known(s, rest, rn) || (i < 3 && article_after(rest, rn, i)) ||
                 (i == 1 && rn >= 6) ||
                 (i == 3 && imperfect(rest, rn) && rn >= 6 && k > 0);
        if (ok)
            cut[k++] = (uint32_t)(a += 2);
        break;
    }
    uint32_t sc = known(s, w + a, n - a) ? 0 : suffix_cut(s, w, a, n);
    if (sc)
        cut[k++] = sc;
    return k;
}

int mz_ar_segment(const mz_parse_model *m, const char *word, size_t len, uint32_t *starts,
                  uint32_t *ends, int max)
{
    uint32_t cut[4];
    int k = 0;
    if (max < 1)
        return 0;
    const mz_seg *s = &m->seg;
    long i = s->nlex ? find_hash(s->lex, s->nlex, 2, mz_str_hash(word, len)) : -1;
    if (i >= 0) {
        uint64_t packed = s->lex[2 * i + 1];
        for (int j = 0; j < 4 && (packed >> (16 * j) & 0xffff); j++)
            cut[k++] = (uint32_t)(packed >> (16 * j) & 0xffff);
    } else if (s->nvocab && len < 0xffff) {
        k = rule_split(s, word, len, cut);
    }
    int n = 0;
    uint32_t prev = 0;
    for (int j = 0; j < k && n + 1 < max; j++) {
        if (cut[j] <= prev || cut[j] >= len)
            continue;
        starts[n] = prev;
        ends[n++] = cut[j];
        prev = cut[j];
    }
    starts[n] = prev;
    ends[n++] = (uint32_t)len;
    return n;
}

/* ---- training ------------------------------------------------------------------------------ */

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_pair(const void *a, const void *b)
{
    const uint64_t *x = a, *y = b;
    return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) : x[1] != y[1] ? (x[1] < y[1] ? -1 : 1) : 0;
}

/* Whether a word of the treebank is a punctuation mark (never part of a surface word). */
static int is_punct(const mz_ud_word *w) { return w->upos == MZ_UPOS_PUNCT || w->upos == 14; }

/* Appends (surface hash, packed split points) for each surface word of sentence s: a run of
 * words written together (SpaceAfter=No), punctuation apart. */
static int collect_sentence(const mz_treebank *tb, const mz_ud_sent *s, uint64_t **pairs,
                            size_t *n, size_t *cap, uint64_t **voc, size_t *nv, size_t *capv)
{
    char buf[512];
    for (uint32_t i = 0; i < s->n;) {
        uint32_t j = i;
        size_t len = 0;
        uint64_t packed = 0;
        int cuts = 0, ok = 1;
        for (;; j++) {
            const mz_ud_word *w = &tb->words[s->first + j];
            const char *f = mz_tb_str(tb, w->form);
            size_t fl = strlen(f);
            if (len + fl >= sizeof buf)
                ok = 0;
            else {
                if (len) {
                    if (cuts < 4)
                        packed |= (uint64_t)len << (16 * cuts);
                    cuts++;
                }
                memcpy(buf + len, f, fl);
                len += fl;
            }
            if (mz_grow((void **)voc, capv, *nv + 1, sizeof **voc) < 0)
                return -1;
            (*voc)[(*nv)++] = mz_str_hash(f, fl);
            if (is_punct(w) || w->space_after || j + 1 >= s->n ||
                is_punct(&tb->words[s->first + j + 1]))
                break;
        }
        if (ok && cuts <= 4) {
            if (mz_grow((void **)pairs, cap, *n + 2, sizeof **pairs) < 0)
                return -1;
            (*pairs)[(*n)++] = mz_str_hash(buf, len);
            (*pairs)[(*n)++] = packed;
        }
        i = j + 1;
    }
    return 0;
}

/* Keeps, per surface hash, the most frequent split (pairs sorted by hash then split). */
static size_t majority(uint64_t *p, size_t npairs)
{
    size_t out = 0;
    for (size_t i = 0; i < npairs;) {
        size_t j = i, best = i, bestc = 0;
        while (j < npairs && p[2 * j] == p[2 * i]) {
            size_t k = j;
            while (k < npairs && p[2 * k] == p[2 * j] && p[2 * k + 1] == p[2 * j + 1])
                k++;
            if (k - j > bestc) {
                bestc = k - j;
                best = j;
            }
            j = k;
        }
        p[2 * out] = p[2 * best];
        p[2 * out + 1] = p[2 * best + 1];
        out++;
        i = j;
    }
    return out;
}

int mz_seg_train(mz_seg *seg, const mz_treebank *tb, const uint32_t *sents, size_t count)
{
    memset(seg, 0, sizeof *seg);
    uint64_t *pairs = NULL, *voc = NULL;
    size_t n = 0, cap = 0, nv = 0, capv = 0;
    for (size_t k = 0; k < count; k++)
        if (collect_sentence(tb, &tb->sents[sents[k]], &pairs, &n, &cap, &voc, &nv, &capv) < 0) {
            free(pairs);
            free(voc);
            return -1;
        }
    qsort(pairs, n / 2, 2 * sizeof *pairs, cmp_pair);
    seg->nlex = majority(pairs, n / 2);
    seg->lex = pairs;
    qsort(voc, nv, sizeof *voc, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < nv; i++)
        if (u == 0 || voc[u - 1] != voc[i])
            voc[u++] = voc[i];
    seg->vocab = voc;
    seg->nvocab = u;
    return 0;
}

void mz_seg_free(mz_seg *seg)
{
    free(seg->lex);
    free(seg->vocab);
    memset(seg, 0, sizeof *seg);
}

/* ---- evaluation -------------------------------------------------------------------------- */

/* Byte spans of the gold words of s in its text, found in order; returns the number of words,
 * or -1 when the forms do not follow the text (the sentence is then left out). */
static long gold_spans(const mz_treebank *tb, const mz_ud_sent *s, const char *text, size_t len,
                       uint32_t *st, uint32_t *en)
{
    size_t pos = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        const char *f = mz_tb_str(tb, tb->words[s->first + i].form);
        size_t fl = strlen(f);
        while (pos < len && (text[pos] == ' ' || text[pos] == '\t'))
            pos++;
        if (fl > len - pos || memcmp(text + pos, f, fl) != 0)
            return -1;
        st[i] = (uint32_t)pos;
        en[i] = (uint32_t)(pos + fl);
        pos += fl;
    }
    return (long)s->n;
}

/* Appends a word [a, b) from token `tok`; returns the new count. */
static size_t put_word(uint32_t *st, uint32_t *en, uint32_t *tk, size_t n, uint32_t a, uint32_t b,
                       uint32_t tok)
{
    st[n] = a;
    en[n] = b;
    if (tk)
        tk[n] = tok;
    return n + 1;
}

size_t mz_syntactic_words(const mz_parse_model *m, const char *text, const mz_tokens *t,
                          size_t begin, size_t end, int arabic, uint32_t *st, uint32_t *en,
                          uint32_t *tk, size_t max, size_t *stop)
{
    size_t n = 0, i = begin;
    for (; i < end && n + 9 <= max; i++) {
        const mz_token *k = &t->v[i];
        if (i > begin && k->start == t->v[i - 1].end + 1 && text[k->start - 1] == '-')
            n = put_word(st, en, tk, n, k->start - 1, k->start, UINT32_MAX); /* a hyphen */
        if (n > 0 && text[k->start] == '.' && k->end == k->start + 1 && en[n - 1] == k->start &&
            text[k->start - 1] == '.') {
            en[n - 1] = k->end; /* an ellipsis written as dots is one word */
            continue;
        }
        uint32_t a[8], b[8], cs = k->start, ce = k->end;
        int c = 1;
        if (arabic && (k->flags & MZ_TOK_ARABIC)) {
            /* a tatweel written as a dash before or after a word ("فقطـ") is a word of its own */
            while (ce - cs > 2 && memcmp(text + cs, TATWEEL, 2) == 0)
                cs += 2;
            while (ce - cs > 2 && memcmp(text + ce - 2, TATWEEL, 2) == 0)
                ce -= 2;
        }
        a[0] = 0;
        b[0] = ce - cs;
        if (arabic && m && (k->flags & MZ_TOK_ARABIC))
            c = mz_ar_segment(m, text + cs, ce - cs, a, b, 6);
        if (cs > k->start)
            n = put_word(st, en, tk, n, k->start, cs, (uint32_t)i);
        for (int j = 0; j < c; j++)
            n = put_word(st, en, tk, n, cs + a[j], cs + b[j], (uint32_t)i);
        if (ce < k->end)
            n = put_word(st, en, tk, n, ce, k->end, (uint32_t)i);
    }
    if (stop)
        *stop = i;
    return n;
}

void mz_seg_evaluate(const mz_parse_model *m, const mz_treebank *tb, const unsigned char *sel,
                     mz_seg_scores *sc)
{
    enum { MAXW = 4 * MZ_PARSE_MAX_WORDS };
    uint32_t *gs = malloc(4 * MAXW * sizeof *gs);
    mz_tokens toks = {0};
    if (!gs)
        return;
    uint32_t *ge = gs + MAXW, *ps = ge + MAXW, *pe = ps + MAXW;
    for (size_t i = 0; i < tb->nsents; i++) {
        const mz_ud_sent *s = &tb->sents[i];
        if ((sel && !sel[i]) || s->text == UINT32_MAX)
            continue;
        const char *text = mz_tb_str(tb, s->text);
        size_t len = strlen(text), bad;
        const char *why;
        long ng = gold_spans(tb, s, text, len, gs, ge);
        if (ng < 0 || mz_utf8_check(text, len, &bad, &why) < 0 || mz_tokenize(text, len, &toks) < 0) {
            sc->skipped++;
            continue;
        }
        size_t np = mz_syntactic_words(m, text, &toks, 0, toks.n, 1, ps, pe, NULL, MAXW, NULL);
        size_t a = 0, b = 0;
        while (a < (size_t)ng && b < np) {
            if (gs[a] == ps[b] && ge[a] == pe[b])
                sc->match++, a++, b++;
            else if (ge[a] <= pe[b] || gs[a] < ps[b])
                a++;
            else
                b++;
        }
        sc->gold += (size_t)ng;
        sc->pred += np;
    }
    mz_tokens_free(&toks);
    free(gs);
}
