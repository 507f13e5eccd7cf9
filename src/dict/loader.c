/*
 * loader.c — reading mizan's dictionary format (docs/DICTIONARIES.md) into the engine.
 *
 * Each line is `HEAD : phrase | phrase ...`.  A phrase becomes a path of word keys in the matcher
 * (keys.h) with an entry at its end.  Arabic verbs written PAST/PRESENT are conjugated
 * (arverb.h) and each form gets its own path; Arabic adjectives get their feminine.
 * Text in the TABARI/PETRARCH formats is told apart by its content and handed to petrarch.c,
 * which builds on the functions at the end of this file (loader.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/arverb.h"
#include "../text/clitic.h"
#include "../text/fold.h"
#include "../text/token.h"
#include "../text/utf8.h"
#include "../util/vec.h"
#include "engine.h"
#include "loader.h"
#include "petrarch.h"

enum { MAX_PHRASE_WORDS = 16, MAX_FORMS = MZ_FORMS_MAX };

/* Where a line comes from, for messages. */
typedef struct src {
    const char *file;
    long line;
    mz_error *err;
} src;

/* One word position of a phrase: its alternative keys (several for a conjugated verb). */
typedef struct slot {
    char key[MAX_FORMS][MZ_FORM_BYTES];
    unsigned form[MAX_FORMS];
    int n;
} slot;

typedef struct phrase {
    slot w[MAX_PHRASE_WORDS];
    int n;
    int arabic;
} phrase;

static const struct { const char *name; mz_marker kind; } marker_names[] = {
    {"neg", MZ_M_NEG}, {"modal", MZ_M_MODAL}, {"cond", MZ_M_COND}, {"future", MZ_M_FUTURE},
    {"by", MZ_M_BY}, {"clause", MZ_M_CLAUSE}, {"conj", MZ_M_CONJ}, {"between", MZ_M_BETWEEN},
    {"that", MZ_M_THAT}, {"be", MZ_M_BE}, {"of", MZ_M_OF}, {"pron", MZ_M_PRON},
    {"exchange", MZ_M_EXCHANGE}, {"prep", MZ_M_PREP}, {"loc", MZ_M_LOC},
    {"backshift", MZ_M_BACKSHIFT}, {"express", MZ_M_EXPRESS},
    {"thatpron", MZ_M_THATPRON}, {"word", MZ_M_WORD}, {"pair", MZ_M_PAIR},
    {"receive", MZ_M_RECEIVE}, {"light", MZ_M_LIGHT}, {"given", MZ_M_GIVEN},
    {"behalf", MZ_M_BEHALF},
};

const char *mz_marker_name(int kind)
{
    for (size_t i = 0; i < sizeof marker_names / sizeof marker_names[0]; i++)
        if ((int)marker_names[i].kind == kind)
            return marker_names[i].name;
    return "?";
}

char *mz_dict_trim(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static int has_arabic(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; u[i]; i++)
        if (u[i] >= 0xD8 && u[i] <= 0xDB)
            return 1;
    return 0;
}

/* Folds one whitespace-free word into its tokens' keys, appending slots to p. */
static mz_status add_word(mz_engine *e, phrase *p, const char *word, const src *at)
{
    mz_tokens toks = {0};
    if (mz_tokenize(word, strlen(word), &toks) < 0) {
        mz_tokens_free(&toks);
        return mz_fail(at->err, MZ_ERR_NOMEM, at->file, at->line, "out of memory");
    }
    mz_status st = MZ_OK;
    for (size_t i = 0; i < toks.n && st == MZ_OK; i++) {
        if (p->n >= MAX_PHRASE_WORDS) {
            st = mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line, "phrase longer than %d words",
                         MAX_PHRASE_WORDS);
            break;
        }
        const mz_token *t = &toks.v[i];
        const char *f = mz_tok_fold(&toks, i);
        slot *s = &p->w[p->n];
        size_t n = (t->flags & (MZ_TOK_WORD | MZ_TOK_NUM))
                       ? mz_dict_key(&e->keys, f, t->fold_len, (t->flags & MZ_TOK_ARABIC) != 0,
                                     (t->flags & MZ_TOK_CAPS) != 0, s->key[0], MZ_FORM_BYTES)
                       : (size_t)snprintf(s->key[0], MZ_FORM_BYTES, "%s", f);
        if (n == 0 || n >= MZ_FORM_BYTES) {
            st = mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line, "word too long: %s", word);
            break;
        }
        s->form[0] = 0;
        s->n = 1;
        p->n++;
    }
    mz_tokens_free(&toks);
    return st;
}

/* Fills a slot with the conjugations of an Arabic PAST/PRESENT verb, and the forms of its active
 * participle when written PAST/PRESENT/PARTICIPLE (طالب/يطالب/مطالب). */
static mz_status add_verb_word(mz_engine *e, phrase *p, char *word, const src *at)
{
    (void)e;
    char *slash = strchr(word, '/');
    *slash = '\0';
    char *slash2 = strchr(slash + 1, '/');
    if (slash2)
        *slash2 = '\0';
    char past[MZ_FORM_BYTES], pres[MZ_FORM_BYTES], part[MZ_FORM_BYTES];
    const char *parts[3] = {word, slash + 1, slash2 ? slash2 + 1 : ""};
    char *outs[3] = {past, pres, part};
    for (int k = 0; k < 3; k++) {
        size_t o = 0;
        const unsigned char *u = (const unsigned char *)parts[k];
        size_t len = strlen(parts[k]);
        for (size_t i = 0; i < len;) {
            int32_t cp;
            int n = mz_utf8_decode(u + i, len - i, &cp);
            if (n < 0)
                return mz_fail(at->err, MZ_ERR_UTF8, at->file, at->line, "invalid UTF-8");
            char tmp[16];
            int fl = mz_fold_cp(cp, tmp);
            if (o + (size_t)fl + 1 > MZ_FORM_BYTES)
                return mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line, "verb too long");
            memcpy(outs[k] + o, tmp, (size_t)fl);
            o += (size_t)fl;
            i += (size_t)n;
        }
        outs[k][o] = '\0';
    }
    if (p->n >= MAX_PHRASE_WORDS)
        return mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line, "phrase too long");
    mz_form forms[MZ_FORMS_MAX];
    int n = mz_ar_conjugate(past, pres, forms);
    if (n == 0)
        return mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line,
                       "verb '%s/%s': expected PAST/PRESENT with the present starting in ي",
                       parts[0], parts[1]);
    if (slash2 && (!part[0] || strchr(part, '/')))
        return mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line,
                       "verb '%s/%s/%s': expected PAST/PRESENT/PARTICIPLE", parts[0], parts[1], parts[2]);
    if (part[0])
        n = mz_ar_participle(part, forms, n);
    slot *s = &p->w[p->n++];
    s->n = 0;
    for (int i = 0; i < n && s->n < MAX_FORMS; i++) {
        memcpy(s->key[s->n], forms[i].s, MZ_FORM_BYTES);
        mz_ar_canon(s->key[s->n], strlen(s->key[s->n])); /* as text is: التقى → تقي */
        s->form[s->n++] = forms[i].flags;
    }
    return MZ_OK;
}

/* Parses phrase text into slots.  `verbs` enables the PAST/PRESENT notation. */
static mz_status parse_phrase(mz_engine *e, char *text, int verbs, phrase *p, const src *at)
{
    p->n = 0;
    p->arabic = has_arabic(text);
    /* an English article before a phrase is not part of it: "the Kremlin" matches "Kremlin" */
    if (!p->arabic && (strncmp(text, "the ", 4) == 0 || strncmp(text, "The ", 4) == 0))
        text += 4;
    for (char *save = NULL, *w = strtok_r(text, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
        mz_status st = (verbs && strchr(w, '/') && has_arabic(w)) ? add_verb_word(e, p, w, at)
                                                                   : add_word(e, p, w, at);
        if (st != MZ_OK)
            return st;
    }
    if (p->n == 0)
        return mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line, "empty phrase");
    return MZ_OK;
}


/* Appends an entry at a trie node, after the node's existing entries. */
static int attach(mz_engine *e, uint32_t node, const mz_entry *proto)
{
    if (mz_grow((void **)&e->entries, &e->entries_cap, e->nentries + 1, sizeof *e->entries) < 0)
        return -1;
    size_t old = e->last_cap;
    if (mz_grow((void **)&e->last_entry, &e->last_cap, e->m.nnodes, sizeof *e->last_entry) < 0)
        return -1;
    if (e->last_cap > old)
        memset(e->last_entry + old, 0xff, (e->last_cap - old) * sizeof *e->last_entry);
    uint32_t id = (uint32_t)e->nentries++;
    e->entries[id] = *proto;
    e->entries[id].next = MZ_NONE;
    if (e->m.node_entry[node] == MZ_NONE)
        e->m.node_entry[node] = id;
    else
        e->entries[e->last_entry[node]].next = id;
    e->last_entry[node] = id;
    return 0;
}

/* The kind a word of the phrase of entry proto is recorded as (mz_engine_mark_word): a given
 * name's marker names a person, as an actor's phrase does. */
static int word_kind(const mz_entry *proto)
{
    return proto->kind == MZ_E_MARKER && proto->value == MZ_M_GIVEN ? MZ_E_ACTOR : proto->kind;
}

/* Inserts every path of a phrase (one per combination of alternative keys) with the entry. */
static mz_status insert_paths(mz_engine *e, const phrase *p, int at, uint32_t node, mz_entry proto,
                              const src *where)
{
    if (at == p->n) {
        if (attach(e, node, &proto) < 0)
            return mz_fail(where->err, MZ_ERR_NOMEM, where->file, where->line, "out of memory");
        return MZ_OK;
    }
    const slot *s = &p->w[at];
    for (int i = 0; i < s->n; i++) {
        uint32_t w = mz_matcher_intern(&e->m, s->key[i], strlen(s->key[i]));
        uint32_t child = w == MZ_NONE ? MZ_NONE : mz_matcher_child(&e->m, node, w, 1);
        if (child == MZ_NONE || mz_engine_mark_word(e, w, word_kind(&proto)) < 0)
            return mz_fail(where->err, MZ_ERR_NOMEM, where->file, where->line, "out of memory");
        mz_entry q = proto;
        if (s->form[i] & MZ_FORM_PAST)
            q.flags |= MZ_V_PAST;
        if (s->form[i] & MZ_FORM_PRES)
            q.flags |= MZ_V_PRES;
        if (s->form[i] & MZ_FORM_FEM)
            q.flags |= MZ_V_FEM;
        if (s->form[i] & MZ_FORM_OWN)
            q.flags |= MZ_V_OWN;
        if (s->form[i] & MZ_FORM_PART)
            q.flags |= MZ_V_PART;
        mz_status st = insert_paths(e, p, at + 1, child, q, where);
        if (st != MZ_OK)
            return st;
    }
    return MZ_OK;
}

/* The feminine of an Arabic adjective phrase: every word ending in ي gets ية (folded يه). */
static void feminine(phrase *p)
{
    for (int i = 0; i < p->n; i++) {
        char *k = p->w[i].key[0];
        size_t n = strlen(k);
        if (n >= 4 && strcmp(k + n - 2, "\xd9\x8a") == 0 && n + 3 < MZ_FORM_BYTES)
            memcpy(k + n, "\xd9\x87", 3);
    }
}

static uint32_t pool_add(mz_engine *e, const char *s)
{
    uint32_t off = (uint32_t)e->pool.len;
    mz_buf_puts(&e->pool, s);
    mz_buf_putc(&e->pool, '\0');
    return off;
}

/* Head fields parsed from before the colon. */
typedef struct head {
    char code[32];
    int adj, intent, say, relational, coalition;
    int32_t from, to;
    int ranges;
} head;

static int valid_code(const char *c, int digits)
{
    size_t n = strlen(c);
    if (n == 0 || n > 24)
        return 0;
    for (size_t i = 0; i < n; i++) {
        int ok = digits ? (c[i] >= '0' && c[i] <= '9')
                        : ((c[i] >= 'A' && c[i] <= 'Z') || (c[i] >= '0' && c[i] <= '9'));
        if (!ok)
            return 0;
    }
    return 1;
}

static mz_status parse_range(const char *f, head *h, const src *at)
{
    const char *dots = strstr(f, "..");
    size_t a = (size_t)(dots - f), b = strlen(dots + 2);
    h->from = a ? mz_parse_date(f, a) : 0;
    h->to = b ? mz_parse_date(dots + 2, b) : 0;
    if (h->from < 0 || h->to < 0)
        return mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line,
                       "bad date range '%s' (expected YYYY-MM-DD..YYYY-MM-DD, either side may be empty)", f);
    if (h->from && h->to && h->from > h->to)
        return mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line, "date range '%s' ends before it starts", f);
    if (++h->ranges > 1)
        return mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line, "one date range per line");
    return MZ_OK;
}

static mz_status parse_head(mz_engine *e, mz_dict_kind kind, char *text, head *h, const src *at)
{
    memset(h, 0, sizeof *h);
    int n = 0;
    for (char *save = NULL, *f = strtok_r(text, " \t", &save); f; f = strtok_r(NULL, " \t", &save), n++) {
        if (n == 0) {
            snprintf(h->code, sizeof h->code, "%s", f);
            continue;
        }
        mz_status st = MZ_OK;
        if (strstr(f, ".."))
            st = parse_range(f, h, at);
        else if (strcmp(f, "adj") == 0 && kind == MZ_DICT_ACTORS)
            h->adj = 1;
        else if (strcmp(f, "intent") == 0 && kind == MZ_DICT_VERBS)
            h->intent = 1;
        else if (strcmp(f, "say") == 0 && kind == MZ_DICT_VERBS)
            h->say = 1;
        else if (strcmp(f, "relational") == 0 && kind == MZ_DICT_AGENTS)
            h->relational = 1;
        else if (strcmp(f, "coalition") == 0 && kind == MZ_DICT_AGENTS)
            h->coalition = 1;
        else
            st = mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line, "unknown flag '%s'", f);
        if (st != MZ_OK)
            return st;
    }
    if (n == 0)
        return mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line, "missing code before ':'");
    int ok = 1;
    switch (kind) {
    case MZ_DICT_VERBS: ok = valid_code(h->code, 1) && mz_engine_cameo(e, h->code); break;
    case MZ_DICT_ACTORS: ok = valid_code(h->code, 0) && strlen(h->code) >= 3; break;
    case MZ_DICT_AGENTS: ok = valid_code(h->code, 0) && strlen(h->code) == 3; break;
    case MZ_DICT_DISCARDS: ok = strcmp(h->code, "discard") == 0; break;
    case MZ_DICT_MARKERS: ok = 0;
        for (size_t i = 0; i < sizeof marker_names / sizeof marker_names[0]; i++)
            ok |= strcmp(h->code, marker_names[i].name) == 0;
        break;
    default: break;
    }
    if (!ok)
        return mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line, "invalid %s code '%s'",
                       kind == MZ_DICT_VERBS ? "CAMEO event" : kind == MZ_DICT_MARKERS ? "marker" : "actor or role",
                       h->code);
    return MZ_OK;
}

/* The entry a line's head describes, before its phrases give it a language. */
static mz_entry make_entry(mz_engine *e, mz_dict_kind kind, const head *h)
{
    mz_entry q = {0};
    q.from = h->from;
    q.to = h->to;
    switch (kind) {
    case MZ_DICT_ACTORS: q.kind = h->adj ? MZ_E_ADJ : MZ_E_ACTOR; q.value = pool_add(e, h->code); break;
    case MZ_DICT_AGENTS:
        q.kind = MZ_E_AGENT;
        q.value = pool_add(e, h->code);
        q.flags = (h->relational ? MZ_A_RELATIONAL : 0) | (h->coalition ? MZ_A_COALITION : 0);
        break;
    case MZ_DICT_DISCARDS: q.kind = MZ_E_DISCARD; break;
    case MZ_DICT_MARKERS:
        q.kind = MZ_E_MARKER;
        for (size_t i = 0; i < sizeof marker_names / sizeof marker_names[0]; i++)
            if (strcmp(h->code, marker_names[i].name) == 0)
                q.value = (uint32_t)marker_names[i].kind;
        break;
    default: q.kind = MZ_E_VERB; break;
    }
    return q;
}

/* Records a verb pattern: its code, flags and tail words. */
static mz_status add_verb(mz_engine *e, const head *h, const phrase *tail, int arabic_head,
                          uint32_t *index, const src *at)
{
    if (mz_grow((void **)&e->verbs, &e->verbs_cap, e->nverbs + 1, sizeof *e->verbs) < 0 ||
        mz_grow((void **)&e->tail_words, &e->tail_cap, e->ntail_words + (size_t)(tail ? tail->n : 0),
             sizeof *e->tail_words) < 0)
        return mz_fail(at->err, MZ_ERR_NOMEM, at->file, at->line, "out of memory");
    mz_verb *v = &e->verbs[e->nverbs];
    v->code = pool_add(e, h->code);
    v->rcode = MZ_NONE;
    v->flags = (uint16_t)((h->intent ? MZ_V_INTENT : 0) | (h->say ? MZ_V_SAY : 0));
    v->tail = MZ_NONE;
    v->ntail = 0;
    v->pre = MZ_NONE;
    v->npre = 0;
    v->after_tail = 0;
    v->skip = 0;
    (void)arabic_head;
    if (tail) {
        v->tail = (uint32_t)e->ntail_words;
        for (int i = 0; i < tail->n; i++) {
            uint32_t w = mz_matcher_intern(&e->m, tail->w[i].key[0], strlen(tail->w[i].key[0]));
            if (w == MZ_NONE || mz_engine_mark_word(e, w, MZ_E_VERB) < 0)
                return mz_fail(at->err, MZ_ERR_NOMEM, at->file, at->line, "out of memory");
            e->tail_words[e->ntail_words++] = w;
        }
        v->ntail = (uint16_t)tail->n;
    }
    *index = (uint32_t)e->nverbs++;
    return MZ_OK;
}

static mz_status add_phrase(mz_engine *e, mz_dict_kind kind, const head *h, char *text, const src *at)
{
    static phrase p, tail; /* large; the loader is not re-entrant per engine anyway */
    mz_entry q = make_entry(e, kind, h);
    char *dots = kind == MZ_DICT_VERBS ? strstr(text, "...") : NULL;
    if (dots) {
        *dots = '\0';
        mz_status st = parse_phrase(e, dots + 3, 0, &tail, at);
        if (st != MZ_OK)
            return st;
    }
    mz_status st = parse_phrase(e, text, kind == MZ_DICT_VERBS, &p, at);
    if (st != MZ_OK)
        return st;
    q.lang = p.arabic ? 'a' : 'e';
    if (kind == MZ_DICT_VERBS) {
        int conjugated = 0;
        for (int i = 0; i < p.n; i++)
            conjugated |= p.w[i].n > 1;
        if (p.arabic && !conjugated)
            q.flags |= MZ_V_NOUN;
        st = add_verb(e, h, dots ? &tail : NULL, p.arabic, &q.value, at);
        if (st != MZ_OK)
            return st;
        q.flags |= e->verbs[q.value].flags;
    }
    if (kind == MZ_DICT_AGENTS && !p.arabic) {
        size_t n = strlen(text);
        while (n && text[n - 1] == ' ')
            n--;
        size_t s = n;
        while (s && text[s - 1] != ' ')
            s--;
        if (mz_agentive_word(text + s, n - s))
            q.flags |= MZ_A_AGENTIVE;
    }
    mz_dict_note(e, kind, h->code, p.arabic, h->from, h->to);
    st = insert_paths(e, &p, 0, 0, q, at);
    if (st == MZ_OK && q.kind == MZ_E_ADJ && p.arabic) {
        feminine(&p);
        st = insert_paths(e, &p, 0, 0, q, at);
    }
    return st;
}

static mz_status load_line(mz_engine *e, mz_dict_kind kind, char *line, const src *at)
{
    /* a comment starts at '#' at the start of the line or after a space */
    for (char *c = line; *c; c++)
        if (*c == '#' && (c == line || c[-1] == ' ' || c[-1] == '\t')) {
            *c = '\0';
            break;
        }
    line = mz_dict_trim(line);
    if (!*line)
        return MZ_OK;
    char *colon = strchr(line, ':');
    if (!colon)
        return mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line, "missing ':' between code and phrases");
    *colon = '\0';
    head h;
    mz_status st = parse_head(e, kind, line, &h, at);
    if (st != MZ_OK)
        return st;
    char *body = colon + 1;
    int phrases = 0;
    for (char *ph = body, *bar; ph; ph = bar ? bar + 1 : NULL) {
        bar = strchr(ph, '|');
        if (bar)
            *bar = '\0';
        ph = mz_dict_trim(ph);
        if (!*ph)
            return mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line, "empty phrase");
        if (strchr(ph, ':'))
            return mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line, "':' inside a phrase");
        st = add_phrase(e, kind, &h, ph, at);
        if (st != MZ_OK)
            return st;
        phrases++;
    }
    if (!phrases)
        return mz_fail(at->err, MZ_ERR_PARSE, at->file, at->line, "no phrases after ':'");
    return MZ_OK;
}

mz_dict_kind mz_dict_kind_of(const char *name);

mz_status mz_engine_load_text(mz_engine *e, mz_dict_kind kind, const char *name, const char *text,
                              size_t len, mz_error *err)
{
    if (!e || !text)
        return mz_fail(err, MZ_ERR_ARG, name, 0, "no engine or text");
    if (e->compiled)
        return mz_fail(err, MZ_ERR_ARG, name, 0, "engine already compiled");
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) { /* a UTF-8 byte-order mark */
        text += 3;
        len -= 3;
    }
    if (kind == MZ_DICT_AUTO)
        kind = mz_dict_kind_of(name);
    int petrarch = mz_petrarch_detect(text, len);
    if (kind == MZ_DICT_AUTO && petrarch)
        kind = mz_petrarch_kind(name, text, len);
    if (kind == MZ_DICT_AUTO)
        return mz_fail(err, MZ_ERR_ARG, name, 0,
                       "cannot tell the dictionary kind from the name (actors*, agents*, verbs*, discards*, markers*)");
    size_t bad;
    const char *why;
    if (mz_utf8_check(text, len, &bad, &why) < 0) {
        long line = 1;
        for (size_t i = 0; i < bad; i++)
            line += text[i] == '\n';
        return mz_fail(err, MZ_ERR_UTF8, name, line, "%s at byte %zu", why, bad);
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return mz_fail(err, MZ_ERR_NOMEM, name, 0, "out of memory");
    memcpy(copy, text, len);
    copy[len] = '\0';
    if (petrarch) {
        mz_status pst = mz_petrarch_load(e, kind, name, copy, err);
        free(copy);
        return pst;
    }
    src at = {name, 0, err};
    mz_status st = MZ_OK;
    for (char *p = copy, *nl; p && st == MZ_OK; p = nl ? nl + 1 : NULL) {
        nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        at.line++;
        st = load_line(e, kind, p, &at);
        if (st == MZ_OK && e->pool.oom)
            st = mz_fail(err, MZ_ERR_NOMEM, name, at.line, "out of memory");
    }
    free(copy);
    return st;
}

mz_status mz_engine_load_file(mz_engine *e, mz_dict_kind kind, const char *path, mz_error *err)
{
    mz_buf b = MZ_BUF_INIT;
    mz_status st = mz_buf_read_file(&b, path, err);
    if (st == MZ_OK)
        st = mz_engine_load_text(e, kind, path, b.data ? b.data : "", b.len, err);
    mz_buf_free(&b);
    return st;
}

/* ---- the interface of loader.h, for readers of other formats ---- */

int mz_dict_word_ids(mz_engine *e, mz_tokens *toks, const char *text, unsigned opts, uint32_t *ids,
                     int max, int *arabic, const char *file, long line, mz_error *err)
{
    *arabic = 0;
    if (mz_tokenize(text, strlen(text), toks) < 0)
        return mz_fail(err, MZ_ERR_NOMEM, file, line, "out of memory"), -1;
    if ((int)toks->n > max)
        return mz_fail(err, MZ_ERR_PARSE, file, line, "phrase longer than %d words", max), -1;
    for (size_t i = 0; i < toks->n; i++) {
        const mz_token *t = &toks->v[i];
        const char *f = mz_tok_fold(toks, i);
        int caps = (t->flags & MZ_TOK_CAPS) != 0;
        if (opts & MZ_WORDS_PETRARCH)
            caps = caps && ((t->flags & MZ_TOK_ABBREV) || ((opts & MZ_WORDS_WHOLE) && toks->n == 1));
        char key[MZ_FORM_BYTES];
        size_t kl = (t->flags & (MZ_TOK_WORD | MZ_TOK_NUM))
                        ? mz_dict_key(&e->keys, f, t->fold_len, (t->flags & MZ_TOK_ARABIC) != 0, caps,
                                      key, sizeof key)
                        : (size_t)snprintf(key, sizeof key, "%s", f);
        if (kl == 0 || kl >= sizeof key)
            return mz_fail(err, MZ_ERR_PARSE, file, line, "word too long: %s", f), -1;
        *arabic |= (t->flags & MZ_TOK_ARABIC) != 0;
        ids[i] = mz_matcher_intern(&e->m, key, kl);
        if (ids[i] == MZ_NONE)
            return mz_fail(err, MZ_ERR_NOMEM, file, line, "out of memory"), -1;
    }
    return (int)toks->n;
}

uint32_t mz_dict_code(mz_engine *e, const char *code) { return pool_add(e, code); }

uint32_t mz_dict_verb(mz_engine *e, uint32_t code, unsigned flags, const uint32_t *tail, int ntail,
                      const uint32_t *pre, int npre)
{
    if (mz_grow((void **)&e->verbs, &e->verbs_cap, e->nverbs + 1, sizeof *e->verbs) < 0 ||
        mz_grow((void **)&e->tail_words, &e->tail_cap, e->ntail_words + (size_t)ntail + (size_t)npre,
             sizeof *e->tail_words) < 0)
        return MZ_NONE;
    mz_verb *v = &e->verbs[e->nverbs];
    v->code = code;
    v->rcode = MZ_NONE;
    v->flags = (uint16_t)flags;
    v->tail = ntail ? (uint32_t)e->ntail_words : MZ_NONE;
    v->ntail = (uint16_t)ntail;
    for (int i = 0; i < ntail; i++) {
        e->tail_words[e->ntail_words++] = tail[i];
        if (mz_engine_mark_word(e, tail[i] & ~MZ_TAIL_GAP, MZ_E_VERB) < 0)
            return MZ_NONE;
    }
    v->pre = npre ? (uint32_t)e->ntail_words : MZ_NONE;
    v->npre = (uint16_t)npre;
    v->after_tail = 0;
    v->skip = 0;
    for (int i = 0; i < npre; i++)
        e->tail_words[e->ntail_words++] = pre[i];
    return (uint32_t)e->nverbs++;
}

int mz_dict_path(mz_engine *e, const uint32_t *ids, int n, const mz_entry *proto)
{
    if (n <= 0)
        return 0; /* an empty phrase would sit at the root: nothing to add */
    uint32_t node = 0;
    for (int i = 0; i < n; i++) {
        node = mz_matcher_child(&e->m, node, ids[i], 1);
        if (node == MZ_NONE || mz_engine_mark_word(e, ids[i], word_kind(proto)) < 0)
            return -1;
    }
    return attach(e, node, proto);
}

void mz_dict_note(mz_engine *e, mz_dict_kind kind, const char *code, int arabic, int32_t from,
                  int32_t to)
{
    int l = arabic ? 0 : 1;
    e->counts[kind][l]++;
    if (kind == MZ_DICT_VERBS && code && code[0] >= '0' && code[0] <= '9' && code[1] >= '0' &&
        code[1] <= '9') {
        int root = (code[0] - '0') * 10 + (code[1] - '0');
        if (root >= 1 && root <= 20)
            e->verb_roots[root][l]++;
    } else if (kind == MZ_DICT_ACTORS && code) {
        e->actor_classes[mz_actor_class_of(code, from, to)][l]++;
    }
}

void mz_dict_warn(mz_engine *e, const char *reason, size_t count, const char *file, long line)
{
    for (size_t i = 0; i < e->nwarnings; i++)
        if (e->warnings[i].reason == reason) {
            e->warnings[i].count += count;
            return;
        }
    mz_warning *w = realloc(e->warnings, (e->nwarnings + 1) * sizeof *w);
    if (!w)
        return; /* a warning lost to memory pressure is not worth failing the load */
    e->warnings = w;
    w = &e->warnings[e->nwarnings++];
    w->reason = reason;
    w->count = count;
    snprintf(w->file, sizeof w->file, "%s", file ? file : "");
    w->line = line;
}
