/*
 * conllu.c — reading and writing CoNLL-U, and the Universal Dependencies tag sets.
 *
 * A word line has ten tab-separated columns (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS
 * MISC).  IDs must run 1, 2, ... within a sentence; "3-4" lines (multiword tokens) are kept as
 * surface tokens, "5.1" lines (empty nodes of enhanced graphs) are skipped.  A blank line or the
 * end of the text ends a sentence.  Every malformed line is an MZ_ERR_PARSE with its line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/error.h"
#include "../util/vec.h"
#include "parse.h"

const char *const mz_upos_names[MZ_UPOS_COUNT] = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

const char *const mz_deprel_names[MZ_DEPREL_COUNT] = {
    "acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "clf",
    "compound", "conj", "cop", "csubj", "dep", "det", "discourse", "dislocated", "expl",
    "fixed", "flat", "goeswith", "iobj", "list", "mark", "nmod", "nsubj", "nummod", "obj",
    "obl", "orphan", "parataxis", "punct", "reparandum", "root", "vocative", "xcomp"};

static int find_name(const char *const *names, int count, const char *s, size_t n)
{
    for (int i = 0; i < count; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
            return i;
    return -1;
}

int mz_upos_index(const char *s, size_t n) { return find_name(mz_upos_names, MZ_UPOS_COUNT, s, n); }

int mz_deprel_index(const char *s, size_t n)
{
    const char *colon = memchr(s, ':', n);
    return find_name(mz_deprel_names, MZ_DEPREL_COUNT, s, colon ? (size_t)(colon - s) : n);
}

/* A field of a line: bytes [s, s + n). */
typedef struct field {
    const char *s;
    size_t n;
} field;

/* Splits a line at tabs into at most 10 fields; returns how many there are (11 = too many). */
static int split_fields(const char *s, size_t n, field *f)
{
    int k = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '\t')
            continue;
        if (k == 10)
            return 11;
        f[k].s = s + start;
        f[k].n = i - start;
        k++;
        start = i + 1;
    }
    return k;
}

/* Parses a decimal number of 1..6 digits; returns -1 when the field is not one. */
static long parse_num(const char *s, size_t n)
{
    if (n == 0 || n > 6)
        return -1;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int is_blank(const field *f) { return f->n == 1 && f->s[0] == '_'; }

/* Whether the field contains `t` (fields are not NUL-terminated). */
static int has_text(const field *f, const char *t)
{
    size_t k = strlen(t);
    for (size_t i = 0; i + k <= f->n; i++)
        if (memcmp(f->s + i, t, k) == 0)
            return 1;
    return 0;
}

/* Appends s[0..n) and a NUL to the pool; returns its offset. */
static uint32_t pool_add(mz_treebank *tb, const char *s, size_t n)
{
    uint32_t off = (uint32_t)tb->pool.len;
    mz_buf_put(&tb->pool, s, n);
    mz_buf_putc(&tb->pool, '\0');
    return off;
}

/* Reader state across the lines of one text. */
typedef struct rd {
    mz_treebank *tb;
    const char *name;
    long line;
    mz_error *err;
    int open;            /* a sentence is being read */
    uint32_t text;       /* its "# text" comment */
} rd;

static mz_status bad(rd *r, const char *why)
{
    return mz_fail(r->err, MZ_ERR_PARSE, r->name, r->line, "%s", why);
}

/* Starts a sentence when none is open. */
static mz_status open_sentence(rd *r)
{
    if (r->open)
        return MZ_OK;
    mz_treebank *tb = r->tb;
    if (mz_grow((void **)&tb->sents, &tb->capsents, tb->nsents + 1, sizeof *tb->sents) < 0)
        return mz_fail(r->err, MZ_ERR_NOMEM, r->name, r->line, "out of memory");
    mz_ud_sent *s = &tb->sents[tb->nsents++];
    s->first = (uint32_t)tb->nwords;
    s->n = 0;
    s->text = r->text;
    s->line = r->line;
    r->open = 1;
    return MZ_OK;
}

/* Ends the open sentence: checks that every head is inside it. */
static mz_status close_sentence(rd *r)
{
    r->text = UINT32_MAX;
    if (!r->open)
        return MZ_OK;
    r->open = 0;
    mz_treebank *tb = r->tb;
    mz_ud_sent *s = &tb->sents[tb->nsents - 1];
    if (s->n == 0) {
        tb->nsents--;
        return MZ_OK;
    }
    for (uint32_t i = 0; i < s->n; i++) {
        const mz_ud_word *w = &tb->words[s->first + i];
        if (w->head > (int)s->n) {
            r->line = s->line + (long)i;
            tb->nwords = s->first;
            tb->nsents--;
            return bad(r, "head outside the sentence");
        }
    }
    return MZ_OK;
}

/* Reads a multiword token line ("3-4"). */
static mz_status read_mwt(rd *r, const field *f, const char *dash)
{
    long a = parse_num(f[0].s, (size_t)(dash - f[0].s));
    long b = parse_num(dash + 1, f[0].n - (size_t)(dash - f[0].s) - 1);
    mz_ud_sent *s = &r->tb->sents[r->tb->nsents - 1];
    if (a < 1 || b <= a || a != (long)s->n + 1)
        return bad(r, "bad multiword token range");
    mz_treebank *tb = r->tb;
    if (mz_grow((void **)&tb->mwts, &tb->capmwts, tb->nmwts + 1, sizeof *tb->mwts) < 0)
        return mz_fail(r->err, MZ_ERR_NOMEM, r->name, r->line, "out of memory");
    mz_ud_mwt *m = &tb->mwts[tb->nmwts++];
    m->sent = (uint32_t)tb->nsents - 1;
    m->first = (uint32_t)a - 1;
    m->last = (uint32_t)b - 1;
    m->form = pool_add(tb, f[1].s, f[1].n);
    return MZ_OK;
}

/* Reads the columns of a word line into a new word. */
static mz_status read_word(rd *r, const field *f)
{
    mz_treebank *tb = r->tb;
    mz_ud_sent *s = &tb->sents[tb->nsents - 1];
    if (parse_num(f[0].s, f[0].n) != (long)s->n + 1)
        return bad(r, "word ids must run 1, 2, 3... within a sentence");
    if (s->n >= MZ_PARSE_MAX_WORDS)
        return mz_fail(r->err, MZ_ERR_LIMIT, r->name, r->line, "sentence longer than %d words",
                       MZ_PARSE_MAX_WORDS);
    if (f[1].n == 0)
        return bad(r, "empty form");
    mz_ud_word w = {0};
    w.upos = MZ_UPOS_NONE;
    w.deprel = MZ_DEPREL_NONE;
    w.head = -1;
    w.deprel_full = UINT32_MAX;
    if (!is_blank(&f[3])) {
        int u = mz_upos_index(f[3].s, f[3].n);
        if (u < 0)
            return bad(r, "unknown UPOS tag");
        w.upos = (uint8_t)u;
    }
    if (!is_blank(&f[6])) {
        long h = parse_num(f[6].s, f[6].n);
        if (h < 0 || h > MZ_PARSE_MAX_WORDS)
            return bad(r, "bad HEAD");
        w.head = (int16_t)h;
    }
    if (!is_blank(&f[7])) {
        int d = mz_deprel_index(f[7].s, f[7].n);
        if (d < 0)
            return bad(r, "unknown dependency relation");
        w.deprel = (uint8_t)d;
    }
    w.space_after = !has_text(&f[9], "SpaceAfter=No");
    if (mz_grow((void **)&tb->words, &tb->capwords, tb->nwords + 1, sizeof *tb->words) < 0)
        return mz_fail(r->err, MZ_ERR_NOMEM, r->name, r->line, "out of memory");
    w.form = pool_add(tb, f[1].s, f[1].n);
    if (!is_blank(&f[7]))
        w.deprel_full = pool_add(tb, f[7].s, f[7].n);
    tb->words[tb->nwords++] = w;
    s->n++;
    return MZ_OK;
}

/* Handles one line (without its newline). */
static mz_status read_line(rd *r, const char *s, size_t n)
{
    if (n && s[n - 1] == '\r')
        n--;
    if (n == 0)
        return close_sentence(r);
    if (memchr(s, '\0', n))
        return bad(r, "NUL byte");
    if (s[0] == '#') {
        if (!r->open && n > 9 && memcmp(s, "# text = ", 9) == 0)
            r->text = pool_add(r->tb, s + 9, n - 9);
        return MZ_OK;
    }
    field f[10];
    if (split_fields(s, n, f) != 10)
        return bad(r, "a word line needs 10 tab-separated columns");
    mz_status st = open_sentence(r);
    if (st != MZ_OK)
        return st;
    const char *dash = memchr(f[0].s, '-', f[0].n);
    if (dash)
        return read_mwt(r, f, dash);
    if (memchr(f[0].s, '.', f[0].n)) {
        const char *dot = memchr(f[0].s, '.', f[0].n);
        if (parse_num(f[0].s, (size_t)(dot - f[0].s)) < 0 ||
            parse_num(dot + 1, f[0].n - (size_t)(dot - f[0].s) - 1) < 0)
            return bad(r, "bad empty node id");
        return MZ_OK;
    }
    return read_word(r, f);
}

mz_status mz_treebank_read(mz_treebank *tb, const char *name, const char *text, size_t len,
                           mz_error *err)
{
    rd r = {tb, name ? name : "<conllu>", 0, err, 0, UINT32_MAX};
    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        r.line++;
        mz_status st = read_line(&r, text + pos, end - pos);
        if (st == MZ_OK && tb->pool.oom)
            st = mz_fail(err, MZ_ERR_NOMEM, r.name, r.line, "out of memory");
        if (st != MZ_OK) {
            if (r.open) { /* drop the partial sentence */
                tb->nwords = tb->sents[tb->nsents - 1].first;
                while (tb->nmwts && tb->mwts[tb->nmwts - 1].sent == tb->nsents - 1)
                    tb->nmwts--;
                tb->nsents--;
            }
            return st;
        }
        pos = end + 1;
    }
    r.line++;
    return close_sentence(&r);
}

mz_status mz_treebank_load(mz_treebank *tb, const char *path, mz_error *err)
{
    mz_buf b = MZ_BUF_INIT;
    mz_status st = mz_buf_read_file(&b, path, err);
    if (st == MZ_OK)
        st = mz_treebank_read(tb, path, b.data ? b.data : "", b.len, err);
    mz_buf_free(&b);
    return st;
}

void mz_treebank_free(mz_treebank *tb)
{
    free(tb->words);
    free(tb->sents);
    free(tb->mwts);
    mz_buf_free(&tb->pool);
    memset(tb, 0, sizeof *tb);
}

/* Writes the ten columns of each word; LEMMA, XPOS, FEATS, DEPS and MISC are '_'. */
void mz_conllu_write(mz_buf *out, const char *const *forms, const uint32_t *lens, size_t n,
                     const mz_parsed *p)
{
    for (size_t i = 0; i < n; i++) {
        mz_buf_printf(out, "%zu\t", i + 1);
        mz_buf_put(out, forms[i], lens[i]);
        mz_buf_printf(out, "\t_\t%s\t_\t_\t%d\t%s\t_\t_\n",
                      p[i].upos < MZ_UPOS_COUNT ? mz_upos_names[p[i].upos] : "X", p[i].head,
                      p[i].deprel < MZ_DEPREL_COUNT ? mz_deprel_names[p[i].deprel] : "dep");
    }
    mz_buf_putc(out, '\n');
}
