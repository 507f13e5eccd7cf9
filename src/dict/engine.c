/* engine.c — engine life cycle and the CAMEO table; see mizan.h and engine.h. */
#include "engine.h"
#include "../util/vec.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int32_t mz_parse_date(const char *s, size_t len)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    int v[3] = {0, 0, 0}, k = 0;
    for (size_t i = 0; i < len; i++) {
        if (i == 4 || i == 7) {
            k++;
            continue;
        }
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v[k] = v[k] * 10 + (s[i] - '0');
    }
    int y = v[0], m = v[1], d = v[2];
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return -1;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && d == 29 && !leap)
        return -1;
    return y * 10000 + m * 100 + d;
}

static const mz_builtin *builtin(const char *name)
{
    for (size_t i = 0; i < mz_builtin_count; i++)
        if (strcmp(mz_builtin_files[i].name, name) == 0)
            return &mz_builtin_files[i];
    return NULL;
}

mz_engine *mz_engine_new(void)
{
    mz_engine *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    if (mz_matcher_init(&e->m) < 0 || mz_keygen_init(&e->keys) < 0) {
        mz_engine_free(e);
        return NULL;
    }
    const mz_builtin *cameo = builtin("cameo.tsv");
    if (!cameo || mz_cameo_load(e, cameo->data, cameo->len, NULL) != MZ_OK) {
        mz_engine_free(e);
        return NULL;
    }
    /* the salience model judges acts whatever the dictionaries; a build without one judges none */
    const mz_builtin *sal = builtin("salience.txt");
    if (sal && mz_salience_parse(&e->salience, sal->name, sal->data, sal->len, NULL) != MZ_OK) {
        mz_engine_free(e);
        return NULL;
    }
    return e;
}

void mz_engine_free(mz_engine *e)
{
    if (!e)
        return;
    free(e->cameo);
    free(e->cameo_slot);
    mz_buf_free(&e->cameo_text);
    mz_buf_free(&e->pool);
    free(e->entries);
    free(e->last_entry);
    free(e->verbs);
    free(e->tail_words);
    free(e->word_kinds);
    mz_matcher_free(&e->m);
    mz_keygen_free(&e->keys);
    free(e->warnings);
    mz_salience_free(&e->salience);
    free(e);
}

/* The kind of a dictionary from its file name: actors*.txt, agents*, verbs*, discards*, markers*. */
static mz_dict_kind kind_of_name(const char *name)
{
    static const struct { const char *prefix; mz_dict_kind kind; } prefixes[] = {
        {"actors", MZ_DICT_ACTORS}, {"agents", MZ_DICT_AGENTS}, {"verbs", MZ_DICT_VERBS},
        {"discards", MZ_DICT_DISCARDS}, {"markers", MZ_DICT_MARKERS},
    };
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
        if (strncmp(base, prefixes[i].prefix, strlen(prefixes[i].prefix)) == 0)
            return prefixes[i].kind;
    return MZ_DICT_AUTO;
}

mz_dict_kind mz_dict_kind_of(const char *name) { return kind_of_name(name); }

mz_status mz_engine_load_builtin_kind(mz_engine *e, mz_dict_kind kind, mz_error *err)
{
    if (kind == MZ_DICT_AUTO)
        return mz_engine_load_builtin(e, err);
    for (size_t i = 0; i < mz_builtin_count; i++) {
        const mz_builtin *b = &mz_builtin_files[i];
        if (kind_of_name(b->name) != kind)
            continue;
        mz_status s = mz_engine_load_text(e, kind, b->name, b->data, b->len, err);
        if (s != MZ_OK)
            return s;
    }
    return MZ_OK;
}

mz_status mz_engine_load_builtin(mz_engine *e, mz_error *err)
{
    /* markers first: grammar words take precedence over same-length content words */
    static const mz_dict_kind order[] = {MZ_DICT_MARKERS, MZ_DICT_DISCARDS, MZ_DICT_ACTORS,
                                         MZ_DICT_AGENTS, MZ_DICT_VERBS};
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        for (size_t i = 0; i < mz_builtin_count; i++) {
            const mz_builtin *b = &mz_builtin_files[i];
            if (kind_of_name(b->name) != order[k])
                continue;
            mz_status s = mz_engine_load_text(e, order[k], b->name, b->data, b->len, err);
            if (s != MZ_OK)
                return s;
        }
    }
    return MZ_OK;
}

mz_status mz_engine_compile(mz_engine *e, mz_error *err)
{
    if (!e)
        return mz_fail(err, MZ_ERR_ARG, NULL, 0, "no engine");
    e->compiled = 1;
    return MZ_OK;
}

_Static_assert(MZ_E_MARKER < 8, "a word's kinds are the bits of a byte");

int mz_engine_mark_word(mz_engine *e, uint32_t w, int kind)
{
    size_t old = e->word_kinds_cap;
    if (mz_grow((void **)&e->word_kinds, &e->word_kinds_cap, (size_t)w + 1, sizeof *e->word_kinds) < 0)
        return -1;
    if (e->word_kinds_cap > old)
        memset(e->word_kinds + old, 0, e->word_kinds_cap - old);
    e->word_kinds[w] |= (uint8_t)(1u << kind);
    return 0;
}

size_t mz_engine_count(const mz_engine *e, mz_dict_kind kind, char lang)
{
    if (kind <= MZ_DICT_AUTO || kind > MZ_DICT_MARKERS)
        return 0;
    if (lang == 'a')
        return e->counts[kind][0];
    if (lang == 'e')
        return e->counts[kind][1];
    return e->counts[kind][0] + e->counts[kind][1];
}

size_t mz_engine_count_root(const mz_engine *e, int root, char lang)
{
    if (root < 1 || root > 20)
        return 0;
    return lang == 'a' ? e->verb_roots[root][0]
         : lang == 'e' ? e->verb_roots[root][1]
                       : e->verb_roots[root][0] + e->verb_roots[root][1];
}

size_t mz_engine_count_actors(const mz_engine *e, mz_actor_class cls, char lang)
{
    if ((unsigned)cls >= MZ_ACTOR_CLASSES)
        return 0;
    return lang == 'a' ? e->actor_classes[cls][0]
         : lang == 'e' ? e->actor_classes[cls][1]
                       : e->actor_classes[cls][0] + e->actor_classes[cls][1];
}

/* Code prefixes of organisations, and of non-state groups; roles (after a 3-letter country or
 * region) that make a group. */
static const char *const org_prefixes[] = {"IGO", "NGO", "MNC"};
static const char *const group_prefixes[] = {"IMG"};
static const char *const group_roles[] = {"REB", "INS", "SEP", "UAF"};

mz_actor_class mz_actor_class_of(const char *code, long from, long to)
{
    if (from || to)
        return MZ_ACTOR_PERSON;
    for (size_t i = 0; i < sizeof org_prefixes / sizeof org_prefixes[0]; i++)
        if (strncmp(code, org_prefixes[i], 3) == 0)
            return MZ_ACTOR_ORG;
    for (size_t i = 0; i < sizeof group_prefixes / sizeof group_prefixes[0]; i++)
        if (strncmp(code, group_prefixes[i], 3) == 0)
            return MZ_ACTOR_GROUP;
    size_t n = strlen(code);
    for (size_t at = 3; at + 3 <= n; at += 3)
        for (size_t i = 0; i < sizeof group_roles / sizeof group_roles[0]; i++)
            if (strncmp(code + at, group_roles[i], 3) == 0)
                return MZ_ACTOR_GROUP;
    return MZ_ACTOR_COUNTRY;
}

size_t mz_engine_warnings(const mz_engine *e, const mz_warning **out)
{
    if (out)
        *out = e ? e->warnings : NULL;
    return e ? e->nwarnings : 0;
}

/* ---- the CAMEO table ---- */

static int cmp_cameo(const void *a, const void *b)
{
    return strcmp(((const mz_cameo *)a)->code, ((const mz_cameo *)b)->code);
}

/* CAMEO codes are two to four digits: codes of two take slots [0, 100), of three [100, 1100),
 * of four [1100, 11100), so that the coder finds a code's entry (once per act) without a search. */
enum { CAMEO_SLOTS = 11100 };

/* The slot of a code of two to four digits, or -1 for any other string. */
static int cameo_slot_of(const char *code)
{
    int v = 0, n = 0;
    for (; n < 5 && code[n] >= '0' && code[n] <= '9'; n++)
        v = v * 10 + (code[n] - '0');
    if (code[n] || n < 2 || n > 4)
        return -1;
    return n == 2 ? v : n == 3 ? 100 + v : 1100 + v;
}

/* Fills e->cameo_slot from the sorted table (a code in the table twice keeps its first). */
static mz_status index_cameo(mz_engine *e, mz_error *err)
{
    if (e->ncameo >= UINT16_MAX)
        return mz_fail(err, MZ_ERR_PARSE, "cameo.tsv", 0, "more than %d codes", UINT16_MAX - 1);
    free(e->cameo_slot);
    e->cameo_slot = calloc(CAMEO_SLOTS, sizeof *e->cameo_slot);
    if (!e->cameo_slot)
        return mz_fail(err, MZ_ERR_NOMEM, "cameo.tsv", 0, "out of memory");
    for (size_t i = e->ncameo; i-- > 0;) {
        int slot = cameo_slot_of(e->cameo[i].code);
        if (slot >= 0)
            e->cameo_slot[slot] = (uint16_t)(i + 1);
    }
    return MZ_OK;
}

/* Splits a tab-separated line in place into at most `max` fields; returns the count. */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            f[n++] = p + 1;
        }
    return n;
}

mz_status mz_cameo_load(mz_engine *e, const char *text, size_t len, mz_error *err)
{
    mz_buf_put(&e->cameo_text, text, len);
    if (e->cameo_text.oom)
        return mz_fail(err, MZ_ERR_NOMEM, "cameo.tsv", 0, "out of memory");
    size_t lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';
    e->cameo = calloc(lines + 1, sizeof *e->cameo);
    if (!e->cameo)
        return mz_fail(err, MZ_ERR_NOMEM, "cameo.tsv", 0, "out of memory");
    char *p = e->cameo_text.data;
    long lineno = 0;
    while (p && *p) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        if (*p && *p != '#') {
            char *f[5];
            if (split_tabs(p, f, 5) != 5)
                return mz_fail(err, MZ_ERR_PARSE, "cameo.tsv", lineno, "expected 5 tab-separated fields");
            mz_cameo *c = &e->cameo[e->ncameo++];
            c->code = f[0];
            c->quad = atoi(f[1]);
            c->goldstein = strtod(f[2], NULL);
            c->plover = f[3];
            c->name = f[4];
            /* the root shares the code's storage: a 2-digit code is its own root */
            c->root = f[0];
        }
        p = nl ? nl + 1 : NULL;
    }
    qsort(e->cameo, e->ncameo, sizeof *e->cameo, cmp_cameo);
    /* roots: point each code's root at the 2-digit entry */
    for (size_t i = 0; i < e->ncameo; i++) {
        char root[3] = {e->cameo[i].code[0], e->cameo[i].code[1], '\0'};
        const mz_cameo *r = mz_engine_cameo(e, root);
        e->cameo[i].root = r ? r->code : e->cameo[i].code;
    }
    return index_cameo(e, err);
}

const mz_cameo *mz_engine_cameo(const mz_engine *e, const char *code)
{
    int slot = e->cameo_slot ? cameo_slot_of(code) : -1;
    if (slot >= 0)
        return e->cameo_slot[slot] ? &e->cameo[e->cameo_slot[slot] - 1] : NULL;
    mz_cameo key = {.code = code};
    return bsearch(&key, e->cameo, e->ncameo, sizeof key, cmp_cameo);
}
