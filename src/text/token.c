/* token.c — tokens and sentences; see token.h. */
#include "token.h"

#include <stdlib.h>
#include <string.h>

#include "../util/vec.h"
#include "fold.h"
#include "utf8.h"

/* A cursor over valid UTF-8 text. */
typedef struct cursor {
    const unsigned char *s;
    size_t len;
} cursor;

/* peek() for what its fast paths leave: three- and four-byte sequences, bad bytes, the end. */
static int32_t peek_slow(const cursor *c, size_t at, int *n)
{
    int32_t cp = 0;
    int k = at < c->len ? mz_utf8_decode(c->s + at, c->len - at, &cp) : -1;
    if (k < 0) {
        *n = at < c->len ? 1 : 0;
        return at < c->len ? 0xFFFD : -1;
    }
    *n = k;
    return cp;
}

/* Decodes the code point at `at` into *n bytes: -1 (and 0 bytes) at the end, U+FFFD for a bad
 * byte.  Inline fast paths for one- and two-byte sequences (ASCII, Latin, Arabic). */
static inline int32_t peek(const cursor *c, size_t at, int *n)
{
    if (at < c->len) {
        unsigned b0 = c->s[at];
        if (b0 < 0x80) {
            *n = 1;
            return (int32_t)b0;
        }
        if (b0 >= 0xC2 && b0 < 0xE0 && at + 1 < c->len && (c->s[at + 1] & 0xC0) == 0x80) {
            *n = 2;
            return (int32_t)(((b0 & 0x1F) << 6) | (c->s[at + 1] & 0x3F));
        }
    }
    return peek_slow(c, at, n);
}

static int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

/* Forms pushed are read MZ_FOLD_MAX bytes at a time: the short literal ones live in arrays
 * that long. */
static const char form_nt[MZ_FOLD_MAX] = "n't", form_s[MZ_FOLD_MAX] = "'s";

/* Appends a token with folded form fold[0..flen), where fold is readable for at least
 * MZ_FOLD_MAX bytes (the copy of a short form is one fixed-size move).  Inline in the tokenizer's
 * path for plain words, which push most tokens; push() below for the rest. */
static inline int push_inline(mz_tokens *out, uint32_t start, uint32_t end, uint32_t flags,
                              const char *fold, size_t flen)
{
    if (mz_grow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v) < 0)
        return -1;
    mz_buf *b = &out->fold;
    size_t room = flen + 1 + MZ_TOK_FOLD_PAD; /* the form, its NUL, the padding */
    if ((b->oom || b->len + room + 1 > b->cap) && mz_buf_grow(b, room) < 0)
        return -1;
    mz_token *t = &out->v[out->n++];
    t->start = start;
    t->end = end;
    t->fold = (uint32_t)b->len;
    t->fold_len = (uint32_t)flen;
    t->flags = flags;
    char *d = b->data + b->len;
    memcpy(d, fold, MZ_FOLD_MAX); /* room was made for the padding after the form */
    if (flen > MZ_FOLD_MAX)
        memcpy(d + MZ_FOLD_MAX, fold + MZ_FOLD_MAX, flen - MZ_FOLD_MAX);
    memset(d + flen, 0, 1 + MZ_TOK_FOLD_PAD); /* the form's end, the buffer's, the padding */
    b->len += flen + 1;
    return 0;
}

/* push_inline, kept out of line: inlined where the form is a short array (punctuation), the
 * compiler warns about the copy of a long form it cannot rule out. */
__attribute__((noinline)) static int push(mz_tokens *out, uint32_t start, uint32_t end,
                                          uint32_t flags, const char *fold, size_t flen)
{
    return push_inline(out, start, end, flags, fold, flen);
}

enum { WORD_FOLD_MAX = 256 }; /* folded bytes kept of one word: the rest is dropped */
_Static_assert(WORD_FOLD_MAX <= 256, "ascii_run counts a run's letters in one byte");

/* What is known of a word while it is read.  Kept apart from the folded bytes so that it can
 * live in registers: the compiler cannot know that a byte stored into the form leaves it be. */
typedef struct word_state {
    size_t flen;
    int letters, uppers;
    int first_upper, arabic, damma, digits_only;
    int final_ta; /* the last letter was ة */
    int marks_after_first; /* still reading the marks on the first letter */
} word_state;

/* A word read: its folded form and its state.  `fold` has room past the limit for a whole
 * folded code point, so word_add copies one with a fixed-size copy. */
typedef struct word {
    char fold[WORD_FOLD_MAX + MZ_FOLD_MAX];
    word_state s;
} word;

static void word_reset(word_state *s)
{
    s->flen = 0;
    s->letters = s->uppers = 0;
    s->first_upper = s->arabic = s->damma = s->marks_after_first = s->final_ta = 0;
    s->digits_only = 1;
}

/* Adds code point cp, taken as class `cls`, with the folded form and case of `e`, to the word
 * of state s and form `fold`. */
static inline void word_add(word_state *s, char *fold, int32_t cp, mz_chclass cls,
                            const mz_cpinfo *e)
{
    if (s->flen + e->flen < WORD_FOLD_MAX) {
        memcpy(fold + s->flen, e->fold, MZ_FOLD_MAX);
        s->flen += e->flen;
    }
    if (cls == MZ_CH_MARK) {
        if (s->marks_after_first && mz_is_damma(cp))
            s->damma = 1;
        return;
    }
    s->marks_after_first = (s->letters == 0 && cls == MZ_CH_ARABIC);
    if (cls == MZ_CH_LATIN || cls == MZ_CH_ARABIC) {
        int upper = cls == MZ_CH_LATIN && e->upper;
        if (s->letters == 0)
            s->first_upper = upper;
        s->letters++;
        s->uppers += upper;
        if (cls == MZ_CH_ARABIC)
            s->arabic = 1;
        s->final_ta = cp == 0x0629;
        s->digits_only = 0;
    }
}

static inline uint32_t word_flags(const word_state *s)
{
    uint32_t f = s->digits_only ? MZ_TOK_NUM : MZ_TOK_WORD;
    if (s->arabic)
        f |= MZ_TOK_ARABIC;
    if (s->letters >= 2 && s->uppers == s->letters)
        f |= MZ_TOK_CAPS;
    if (s->first_upper)
        f |= MZ_TOK_INITCAP;
    if (s->damma)
        f |= MZ_TOK_DAMMA;
    if (s->final_ta)
        f |= MZ_TOK_FINAL_TA;
    return f;
}

/* Whether the character at `at` continues a word begun in `script` (1 Arabic, 0 other). */
static int continues(mz_chclass cls, int arabic)
{
    if (cls == MZ_CH_MARK || cls == MZ_CH_DIGIT)
        return 1;
    if (cls == MZ_CH_ARABIC)
        return arabic;
    return cls == MZ_CH_LATIN && !arabic;
}

/* Reads a dotted abbreviation (U.S., U.N., e.g.) starting at `i` into the word (state s, form
 * `fold`); returns its end, or `i` when there is none. */
static size_t read_abbrev(const cursor *c, size_t i, word_state *s, char *fold)
{
    size_t j = i;
    int pairs = 0;
    for (;;) {
        int n1, n2;
        int32_t a = peek(c, j, &n1);
        if (a < 0 || mz_char_class(a) != MZ_CH_LATIN)
            break;
        int32_t dot = peek(c, j + (size_t)n1, &n2);
        if (dot != '.')
            break;
        int n3;
        int32_t after = peek(c, j + (size_t)n1 + 1, &n3);
        if (pairs == 0 && (after < 0 || mz_char_class(after) != MZ_CH_LATIN))
            break;
        mz_cpinfo tmp;
        word_add(s, fold, a, MZ_CH_LATIN, mz_cp_info(a, &tmp));
        j += (size_t)n1 + 1;
        pairs++;
        if (after < 0 || mz_char_class(after) != MZ_CH_LATIN)
            break;
        int n4;
        if (peek(c, j + (size_t)n3, &n4) != '.')
            break; /* "U.Name": stop before the word */
    }
    return pairs >= 2 ? j : i;
}

/* What a character that cannot continue a word may still be inside it. */
enum { KEEP_NONE, KEEP_NUMBER, KEEP_APOSTROPHE };

/* Whether cp, ending the letters of a word, is kept inside it: a decimal point or thousands
 * separator inside a number ("1,000.5"), or an apostrophe inside a Latin word unless it starts
 * 's or the word ends n't ("O'Brien").  cp is at `i` (n bytes), followed by `next` (n2 bytes);
 * the word so far has state s and form `fold`. */
static int kept_inside(const cursor *c, const word_state *s, const char *fold, size_t i, int n,
                       int32_t cp, int32_t next, int n2, int script_arabic)
{
    if ((cp == '.' || cp == ',' || cp == 0x066B || cp == 0x066C) && s->digits_only && s->flen &&
        next >= 0 && mz_char_class(next) == MZ_CH_DIGIT)
        return KEEP_NUMBER;
    int n3;
    if (is_apostrophe(cp) && !script_arabic && next >= 0 && mz_char_class(next) == MZ_CH_LATIN &&
        !((next | 0x20) == 's' &&
          mz_char_class(peek(c, i + (size_t)n + (size_t)n2, &n3)) != MZ_CH_LATIN) &&
        !((next | 0x20) == 't' && s->flen && fold[s->flen - 1] == 'n'))
        return KEEP_APOSTROPHE;
    return KEEP_NONE;
}

/* Adds the run of ASCII letters and digits at `i` to a Latin word (state s, form `fold`) exactly
 * as word_add would one by one, and returns the run's end: most of English text is such runs.
 * The bytes are looked up in mz_ascii_word, the state is worked on in locals (which stores into
 * the form cannot alias), and the loop has no branch but its exit (a byte stored past the kept
 * form lands in the form's slack). */
static inline size_t ascii_run(const cursor *c, size_t i, word_state *s, char *fold)
{
    const unsigned char *text = c->s;
    size_t len = c->len, flen = s->flen, start = i;
    int letters = 0, uppers = 0;
    /* while the form has room, without the clamp below (a capital is a letter too) */
    size_t room = flen + 1 < WORD_FOLD_MAX ? WORD_FOLD_MAX - 1 - flen : 0;
    size_t roomy_end = len - i > room ? i + room : len;
    unsigned k = 1, counts = 0; /* letters in the low byte, capitals in the next (room < 256) */
    for (; i < roomy_end && (k = mz_ascii_word[text[i]]) != 0; i++) {
        fold[flen++] = (char)(k & 0xFF);
        counts += k >> 8;
    }
    letters = (int)(counts & 0xFF);
    uppers = (int)(counts >> 8);
    for (; k && i < len; i++) { /* a word longer than the form keeps its last byte rewritten */
        k = mz_ascii_word[text[i]];
        if (!k)
            break;
        fold[flen] = (char)(k & 0xFF);
        flen += flen + 1 < WORD_FOLD_MAX;
        letters += (k & MZ_AW_LETTER) != 0;
        uppers += (k & MZ_AW_UPPER) != 0;
    }
    if (i == start)
        return i;
    if (letters && s->letters == 0) { /* the run holds the word's first letter */
        size_t f = start;
        while (!(mz_ascii_word[text[f]] & MZ_AW_LETTER))
            f++;
        s->first_upper = (mz_ascii_word[text[f]] & MZ_AW_UPPER) != 0;
    }
    if (letters)
        s->digits_only = 0;
    s->marks_after_first = 0;
    s->flen = flen;
    s->letters += letters;
    s->uppers += uppers;
    return i;
}

/* Adds the run of Arabic letters, marks and digits at `i` that are one or two UTF-8 bytes long to
 * an Arabic word (state s, form `fold`) exactly as word_add would one by one, and returns the
 * run's end: most of Arabic text is such runs.  The state is worked on in locals. */
static inline size_t arabic_run(const cursor *c, size_t i, word_state *s, char *fold)
{
    const unsigned char *text = c->s;
    size_t len = c->len, flen = s->flen;
    int letters = s->letters, on_first = s->marks_after_first, damma = s->damma;
    while (i < len) {
        unsigned b0 = text[i], cp = b0, n = 1;
        if (b0 >= 0x80) {
            if (b0 < 0xC2 || b0 >= 0xE0 || i + 1 >= len || (text[i + 1] & 0xC0) != 0x80)
                break;
            cp = ((b0 & 0x1F) << 6) | (text[i + 1] & 0x3F), n = 2;
        }
        const mz_cpinfo *e = &mz_cp_table[cp];
        if (e->cls != MZ_CH_ARABIC && e->cls != MZ_CH_MARK && e->cls != MZ_CH_DIGIT)
            break;
        if (flen + e->flen < WORD_FOLD_MAX) {
            memcpy(fold + flen, e->fold, MZ_FOLD_MAX);
            flen += e->flen;
        }
        if (e->cls == MZ_CH_MARK) {
            damma |= on_first && mz_is_damma((int32_t)cp);
        } else {
            on_first = letters == 0 && e->cls == MZ_CH_ARABIC;
            if (e->cls == MZ_CH_ARABIC) {
                if (letters == 0)
                    s->first_upper = 0;
                letters++;
                s->arabic = 1;
                s->digits_only = 0;
            }
            s->final_ta = cp == 0x0629;
        }
        i += n;
    }
    s->flen = flen;
    s->letters = letters;
    s->marks_after_first = on_first;
    s->damma = damma;
    return i;
}

/* Reads one word starting at `i` into `w`; returns the end offset. */
static size_t read_word(const cursor *c, size_t i, word *w)
{
    word_state s;
    word_reset(&s);
    int n, n2;
    int32_t cp = peek(c, i, &n);
    mz_chclass first = mz_char_class(cp);
    if (first == MZ_CH_LATIN && peek(c, i + (size_t)n, &n2) == '.') {
        size_t ab = read_abbrev(c, i, &s, w->fold);
        if (ab != i) {
            w->s = s;
            return ab;
        }
        word_reset(&s);
    }
    int script_arabic = first == MZ_CH_ARABIC;
    mz_cpinfo tmp;
    while (cp >= 0) {
        const mz_cpinfo *e = mz_cp_info(cp, &tmp);
        mz_chclass cls = (mz_chclass)e->cls;
        if (!script_arabic && cp < 0x80 && mz_ascii_word[cp]) {
            i = ascii_run(c, i, &s, w->fold);
            cp = peek(c, i, &n);
            continue;
        }
        if (script_arabic && cp < MZ_CPTAB_LOW_END && continues(cls, script_arabic)) {
            i = arabic_run(c, i, &s, w->fold);
            cp = peek(c, i, &n);
            continue;
        }
        if (continues(cls, script_arabic)) {
            word_add(&s, w->fold, cp, cls, e);
            i += (size_t)n;
            cp = peek(c, i, &n);
            continue;
        }
        int32_t next = peek(c, i + (size_t)n, &n2);
        int keep = kept_inside(c, &s, w->fold, i, n, cp, next, n2, script_arabic);
        if (keep == KEEP_NONE)
            break;
        if (keep == KEEP_NUMBER)
            word_add(&s, w->fold, cp, MZ_CH_DIGIT, e);
        else
            word_add(&s, w->fold, '\'', MZ_CH_PUNCT, mz_cp_info('\'', &tmp));
        i += (size_t)n;
        cp = next;
        n = n2;
    }
    s.arabic = script_arabic;
    w->s = s;
    return i;
}

/* Reads the plain ASCII word at `i` into `w` when read_word would read the same: letters and
 * digits ending at the text's end or at an ASCII character that cannot be inside the word (not
 * an apostrophe; a full stop or comma only after letters, and not after one letter, where an
 * abbreviation may start).  Returns the end, or `i` when read_word must decide. */
static size_t read_ascii_word(const cursor *c, size_t i, word *w)
{
    word_state s;
    word_reset(&s);
    size_t end = ascii_run(c, i, &s, w->fold);
    if (end == i)
        return i;
    if (end < c->len) {
        unsigned b = c->s[end];
        int stop = b == '.' || b == ',';
        if (b >= 0x80 || b == '\'' || mz_cp_table[b].cls == MZ_CH_LATIN ||
            mz_cp_table[b].cls == MZ_CH_DIGIT ||
            (stop && (s.letters == 0 || (b == '.' && end == i + 1))))
            return i;
    }
    w->s = s;
    return end;
}

/* The end of English n't ("didn't" → "did" + "n't") when the word read into `w`, ending at
 * `end`, ends in n and an apostrophe and t follow; 0 otherwise. */
static size_t negation_end(const cursor *c, const word *w, size_t end)
{
    if (w->s.arabic || w->s.flen < 2 || w->fold[w->s.flen - 1] != 'n' || end >= c->len)
        return 0;
    int na, nt;
    int32_t ap = peek(c, end, &na);
    int32_t t = peek(c, end + (size_t)na, &nt);
    return is_apostrophe(ap) && (t | 0x20) == 't' ? end + (size_t)na + (size_t)nt : 0;
}

/* Tokenizes the word that starts at `i` (with a letter, digit or mark of n bytes): one token,
 * or two for English n't.  Sets *next to the offset after it; returns -1 when out of memory. */
static int take_word(const cursor *c, size_t i, int n, uint32_t pending, mz_tokens *out,
                     size_t *next)
{
    word w;
    size_t end = c->s[i] < 0x80 ? read_ascii_word(c, i, &w) : i;
    if (end != i) { /* the common case, without the checks below */
        *next = end;
        return push_inline(out, (uint32_t)i, (uint32_t)end, word_flags(&w.s) | pending, w.fold,
                           w.s.flen);
    }
    end = read_word(c, i, &w);
    *next = end > i ? end : i + (size_t)n;
    if (w.s.flen == 0 && end == i)
        return 0;
    uint32_t f = word_flags(&w.s) | pending;
    if (end > i + 1 && c->s[end - 1] == '.')
        f |= MZ_TOK_ABBREV;
    size_t neg = negation_end(c, &w, end);
    if (!neg)
        return push(out, (uint32_t)i, (uint32_t)end, f, w.fold, w.s.flen);
    *next = neg;
    if (push(out, (uint32_t)i, (uint32_t)(end - 1), f, w.fold, w.s.flen - 1) < 0)
        return -1;
    return push(out, (uint32_t)(end - 1), (uint32_t)neg, MZ_TOK_WORD, form_nt, 3);
}

/* The bytes of English 's at `i` (an apostrophe of n bytes) right after a Latin word token, or
 * 0 when there is none. */
static size_t possessive_at(const cursor *c, size_t i, int n, int32_t cp, const mz_tokens *out)
{
    if (!is_apostrophe(cp) || !out->n || (out->v[out->n - 1].flags & MZ_TOK_ARABIC) ||
        out->v[out->n - 1].end != i)
        return 0;
    int ns, nx;
    int32_t s = peek(c, i + (size_t)n, &ns);
    if ((s | 0x20) != 's' || mz_char_class(peek(c, i + (size_t)n + (size_t)ns, &nx)) == MZ_CH_LATIN)
        return 0;
    return (size_t)n + (size_t)ns;
}

/* Whether the hyphen cp at `i` (n bytes) stands between two words: it joins nothing and is no
 * token. */
static int joining_hyphen(const cursor *c, size_t i, int n, int32_t cp, const mz_tokens *out)
{
    if ((cp != '-' && cp != 0x2010 && cp != 0x2011) || !out->n || out->v[out->n - 1].end != i)
        return 0;
    int nx;
    int32_t next = peek(c, i + (size_t)n, &nx);
    mz_chclass nc = next >= 0 ? mz_char_class(next) : MZ_CH_SPACE;
    return nc == MZ_CH_LATIN || nc == MZ_CH_ARABIC || nc == MZ_CH_DIGIT;
}

int mz_tokenize(const char *text, size_t len, mz_tokens *out)
{
    cursor c = {(const unsigned char *)text, len};
    out->n = 0;
    mz_buf_clear(&out->fold);
    uint32_t pending = 0;
    size_t i = 0;
    while (i < len) {
        int n;
        int32_t cp = peek(&c, i, &n);
        mz_chclass cls = mz_char_class(cp);
        if (cls == MZ_CH_SPACE) {
            if (cp == '\n' || cp == 0x2029)
                pending = MZ_TOK_NEWLINE;
            i += (size_t)n;
            continue;
        }
        if (cls == MZ_CH_LATIN || cls == MZ_CH_ARABIC || cls == MZ_CH_DIGIT || cls == MZ_CH_MARK) {
            if (take_word(&c, i, n, pending, out, &i) < 0)
                return -1;
            pending = 0;
            continue;
        }
        size_t poss = possessive_at(&c, i, n, cp, out);
        if (poss) {
            if (push(out, (uint32_t)i, (uint32_t)(i + poss), MZ_TOK_WORD, form_s, 2) < 0)
                return -1;
            i += poss;
            pending = 0;
            continue;
        }
        if (joining_hyphen(&c, i, n, cp, out)) {
            i += (size_t)n;
            continue;
        }
        char tmp[MZ_FOLD_MAX];
        int tl = mz_utf8_encode(cp, tmp);
        if (push(out, (uint32_t)i, (uint32_t)(i + (size_t)n), MZ_TOK_PUNCT | pending, tmp,
                 (size_t)tl) < 0)
            return -1;
        pending = 0;
        i += (size_t)n;
    }
    return 0;
}

void mz_tokens_free(mz_tokens *t)
{
    free(t->v);
    mz_buf_free(&t->fold);
    memset(t, 0, sizeof *t);
}
