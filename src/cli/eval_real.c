/*
 * eval_real.c — `mizan eval` on real news: text nobody here wrote, with independent gold.
 *
 * Two kinds of set, told from their content (each is JSON Lines):
 *   event set      NAME_input.jsonl ({"id","date","text"} per sentence) beside NAME_gold.jsonl
 *                  ({"id","events":[{"src","tgt","root"}]}); scored at the level of (sentence,
 *                  source country, target country, root).
 *   detection set  {"id","text","event","label"} per sentence, the label "yes", "easy no",
 *                  "difficult no" or "ambiguous" for whether the sentence reports an event of
 *                  PLOVER type `event`; a sentence is flagged when mizan codes an event of that
 *                  type in it, with one side allowed unknown (--partial), as an analyst counting
 *                  events of a type runs it; "ambiguous" is skipped.
 * A folder given on the command line is searched for both kinds.
 *
 * Sentences are coded in their document, as a human coder reads them: consecutive sentences whose
 * ids share an article id (the id less a trailing _N or -N) form one document.  When a file of
 * whole articles ({"id","text",...}, named *articles*.jsonl) in the same folder holds that article
 * and every sentence of the group is found in it, the whole article is coded; otherwise the
 * sentences are joined, one paragraph each.  Each coded sentence is mapped back to the set's
 * sentence it overlaps most.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/vec.h"
#include "eval.h"

enum { GOLD_MAX = 32, GOT_MAX = 64 };
enum { KIND_EVENTS, KIND_DETECT };
enum { LABEL_SKIP = -1, LABEL_NO = 0, LABEL_YES = 1 };

/* One sentence of a set, with its gold and what mizan coded from it. */
typedef struct rsent {
    char *id, *date, *text;
    mz_tuple gold[GOLD_MAX];
    int ngold;
    int label;                 /* detection sets */
    mz_tuple got[GOT_MAX];
    int ngot;
    int flagged;               /* detection: an event of the set's type was coded */
    mz_buf evidence;           /* one line per coded event, for --errors */
    size_t start, end;         /* span in the document it was coded in */
} rsent;

typedef struct rset {
    char name[256];
    const char *lang;          /* "ar" or "en" */
    int kind;
    char event[32];            /* detection: the PLOVER type */
    rsent *v;
    size_t n, cap;
} rset;

/* Whole articles by id, sorted for bsearch. */
typedef struct article {
    char *id, *text;
} article;

typedef struct articles {
    article *v;
    size_t n, cap;
} articles;

static char *dup_str(const char *s) { return strdup(s ? s : ""); }

static const char *json_text(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

int mz_each_record(const char *path, int (*fn)(json_t *, void *), void *ctx)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "%s: cannot open\n", path);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    long no = 0;
    int rc = 0;
    while (rc == 0 && getline(&line, &cap, f) > 0) {
        no++;
        if (strspn(line, " \t\r\n") == strlen(line))
            continue;
        json_error_t je;
        json_t *o = json_loads(line, 0, &je);
        if (!json_is_object(o)) {
            fprintf(stderr, "%s:%ld: not a JSON object: %s\n", path, no, je.text);
            rc = -1;
        } else if (fn(o, ctx) < 0) {
            fprintf(stderr, "%s:%ld: record without the fields this set needs\n", path, no);
            rc = -1;
        }
        json_decref(o);
    }
    free(line);
    fclose(f);
    return rc;
}

static int add_article(json_t *o, void *ctx)
{
    articles *a = ctx;
    const char *id = json_text(o, "id"), *text = json_text(o, "text");
    if (!id || !text)
        return -1;
    if (mz_grow((void **)&a->v, &a->cap, a->n + 1, sizeof *a->v) < 0)
        return -1;
    a->v[a->n++] = (article){dup_str(id), dup_str(text)};
    return 0;
}

static int article_cmp(const void *x, const void *y)
{
    return strcmp(((const article *)x)->id, ((const article *)y)->id);
}

static const article *find_article(const articles *a, const char *id)
{
    article key = {(char *)id, NULL};
    return a->n ? bsearch(&key, a->v, a->n, sizeof *a->v, article_cmp) : NULL;
}

static int add_sentence(json_t *o, void *ctx)
{
    rset *s = ctx;
    const char *id = json_text(o, "id"), *text = json_text(o, "text");
    if (!id || !text || mz_grow((void **)&s->v, &s->cap, s->n + 1, sizeof *s->v) < 0)
        return -1;
    rsent *r = &s->v[s->n++];
    memset(r, 0, sizeof *r);
    r->id = dup_str(id);
    r->text = dup_str(text);
    r->date = dup_str(json_text(o, "date"));
    r->label = LABEL_SKIP;
    if (s->kind == KIND_DETECT) {
        const char *label = json_text(o, "label"), *event = json_text(o, "event");
        if (!label || !event)
            return -1;
        r->label = strcmp(label, "yes") == 0 ? LABEL_YES : strstr(label, "no") ? LABEL_NO : LABEL_SKIP;
        snprintf(s->event, sizeof s->event, "%s", event);
    }
    return 0;
}

static rsent *find_sentence(rset *s, const char *id)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i].id, id) == 0)
            return &s->v[i];
    return NULL;
}

static int add_gold(json_t *o, void *ctx)
{
    rset *s = ctx;
    const char *id = json_text(o, "id");
    json_t *evs = json_object_get(o, "events");
    if (!id || !json_is_array(evs))
        return -1;
    rsent *r = find_sentence(s, id);
    if (!r)
        return 0; /* gold for a sentence the input does not have: nothing to score */
    size_t i;
    json_t *ev;
    json_array_foreach(evs, i, ev) {
        const char *src = json_text(ev, "src"), *tgt = json_text(ev, "tgt"), *root = json_text(ev, "root");
        if (!src || !tgt || !root || strlen(root) != 2)
            return -1;
        if (r->ngold < GOLD_MAX)
            r->ngold = mz_tuple_add(r->gold, r->ngold, src, tgt, root);
    }
    return 0;
}

/* The article id of a sentence id: the id less a trailing _N or -N. */
static size_t article_len(const char *id)
{
    size_t n = strlen(id), k = n;
    while (k > 0 && id[k - 1] >= '0' && id[k - 1] <= '9')
        k--;
    return k > 1 && k < n && (id[k - 1] == '_' || id[k - 1] == '-') ? k - 1 : n;
}

static int same_article(const rsent *a, const rsent *b)
{
    size_t n = article_len(a->id);
    return n == article_len(b->id) && strncmp(a->id, b->id, n) == 0;
}

/* The text to code sentences [from, to) in, with each sentence's span in it: the whole article
 * when it holds every sentence in order, else the sentences joined as paragraphs.  The caller
 * frees the buffer. */
static void group_text(rset *s, size_t from, size_t to, const articles *arts, mz_buf *out)
{
    char id[512];
    snprintf(id, sizeof id, "%.*s", (int)article_len(s->v[from].id), s->v[from].id);
    const article *a = find_article(arts, id);
    if (a) {
        const char *at = a->text;
        size_t i = from;
        for (; i < to; i++) {
            const char *hit = strstr(at, s->v[i].text);
            if (!hit || !s->v[i].text[0])
                break;
            s->v[i].start = (size_t)(hit - a->text);
            s->v[i].end = s->v[i].start + strlen(s->v[i].text);
            at = hit + strlen(s->v[i].text);
        }
        if (i == to) {
            mz_buf_puts(out, a->text);
            return;
        }
    }
    for (size_t i = from; i < to; i++) {
        if (i > from)
            mz_buf_puts(out, "\n\n");
        s->v[i].start = out->len;
        mz_buf_puts(out, s->v[i].text);
        s->v[i].end = out->len;
    }
}

/* The sentence of [from, to) that overlaps [b, e) most, or NULL. */
static rsent *owner(rset *s, size_t from, size_t to, size_t b, size_t e)
{
    rsent *best = NULL;
    size_t most = 0;
    for (size_t i = from; i < to; i++) {
        size_t lo = b > s->v[i].start ? b : s->v[i].start, hi = e < s->v[i].end ? e : s->v[i].end;
        if (hi > lo && hi - lo > most)
            most = hi - lo, best = &s->v[i];
    }
    return best;
}

static void note_event(rset *s, rsent *r, const mz_event *ev)
{
    if (s->kind == KIND_DETECT && strcmp(ev->plover, s->event) == 0)
        r->flagged = 1;
    if (r->ngot < GOT_MAX - 1)
        r->ngot = mz_tuple_add(r->got, r->ngot, ev->source, ev->target, ev->code);
    mz_buf_printf(&r->evidence, "    coded %s %s %s: source \"%s\", verb \"%s\", target \"%s\"\n",
                  ev->source, ev->code, ev->target, ev->ev_source, ev->ev_verb, ev->ev_target);
}

/* Codes the sentences of a set, a document at a time. */
static void code_set(rset *s, mz_coder *c, const articles *arts)
{
    for (size_t from = 0; from < s->n;) {
        size_t to = from + 1;
        while (to < s->n && same_article(&s->v[from], &s->v[to]))
            to++;
        mz_buf text = MZ_BUF_INIT;
        group_text(s, from, to, arts, &text);
        mz_doc doc = {.id = s->v[from].id, .date = s->v[from].date, .lang = s->lang,
                      .text = text.data ? text.data : "", .len = text.len};
        const mz_event *ev = NULL;
        size_t n = 0;
        mz_error err = {0};
        if (mz_coder_code(c, &doc, &ev, &n, &err) != MZ_OK && err.message[0])
            fprintf(stderr, "%s: %s: %s\n", s->name, s->v[from].id, err.message);
        for (size_t k = 0; k < n; k++) {
            size_t b, e;
            if (mz_coder_sentence_span(c, (size_t)ev[k].sentence, &b, &e) < 0)
                continue;
            rsent *r = owner(s, from, to, b, e);
            if (r)
                note_event(s, r, &ev[k]);
        }
        mz_buf_free(&text);
        from = to;
    }
}

typedef struct totals {
    mz_score all, root[MZ_EVAL_ROOTS];
    long items;
} totals;

static void count(totals *t, int root, int tp, int fp, int fn)
{
    t->all.tp += tp, t->all.fp += fp, t->all.fn += fn;
    if (root > 0 && root < MZ_EVAL_ROOTS)
        t->root[root].tp += tp, t->root[root].fp += fp, t->root[root].fn += fn;
}

static void print_error(const rset *s, const rsent *r, const char *what, const mz_tuple *x)
{
    if (x)
        printf("%s %s: %s %s %02d %s\n", s->name, r->id, what, x->s, x->root, x->t);
    else
        printf("%s %s: %s %s\n", s->name, r->id, what, s->event);
}

/* Scores a set into t; with `errors`, lists each miss and each extra with the sentence and
 * what mizan coded from it. */
static void score_set(const rset *s, totals *t, int errors)
{
    for (size_t i = 0; i < s->n; i++) {
        const rsent *r = &s->v[i];
        int wrong = 0;
        if (s->kind == KIND_DETECT) {
            if (r->label == LABEL_SKIP)
                continue;
            int yes = r->label == LABEL_YES;
            count(t, 0, yes && r->flagged, !yes && r->flagged, yes && !r->flagged);
            if (errors && yes != r->flagged)
                print_error(s, r, yes ? "missed" : "extra", NULL), wrong = 1;
        } else {
            for (int k = 0; k < r->ngold; k++) {
                int hit = mz_tuple_in(r->got, r->ngot, &r->gold[k]);
                count(t, r->gold[k].root, hit, 0, !hit);
                if (errors && !hit)
                    print_error(s, r, "missed", &r->gold[k]), wrong = 1;
            }
            for (int k = 0; k < r->ngot; k++) {
                if (mz_tuple_in(r->gold, r->ngold, &r->got[k]))
                    continue;
                count(t, r->got[k].root, 0, 1, 0);
                if (errors)
                    print_error(s, r, "extra", &r->got[k]), wrong = 1;
            }
        }
        t->items++;
        if (wrong)
            printf("    > %s\n%s", r->text, r->evidence.data ? r->evidence.data : "");
    }
}

static void print_row(const char *set, const char *lang, const char *kind, long items, const mz_score *s)
{
    printf("%-24s %-4s %-8s %6ld %5ld %5ld %5ld %9.3f %7.3f %6.3f\n", set, lang, kind, items, s->tp,
           s->fp, s->fn, mz_score_precision(s), mz_score_recall(s), mz_score_f1(s));
}

static void free_set(rset *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].id);
        free(s->v[i].text);
        free(s->v[i].date);
        mz_buf_free(&s->v[i].evidence);
    }
    free(s->v);
    memset(s, 0, sizeof *s);
}

static void free_articles(articles *a)
{
    for (size_t i = 0; i < a->n; i++)
        free(a->v[i].id), free(a->v[i].text);
    free(a->v);
    memset(a, 0, sizeof *a);
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* What a JSON Lines file holds, from its name and first record: KIND_EVENTS for an input file
 * with a gold file beside it, KIND_DETECT for a labelled set, -1 for anything else (gold, spans,
 * articles). */
static int set_kind(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    int kind = -1;
    if (getline(&line, &cap, f) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        if (json_object_get(o, "label") && json_object_get(o, "text"))
            kind = KIND_DETECT;
        else if (json_object_get(o, "text") && has_suffix(path, "_input.jsonl"))
            kind = KIND_EVENTS;
        json_decref(o);
    }
    free(line);
    fclose(f);
    return kind;
}

/* Loads the whole-article files of a folder (named *articles*.jsonl). */
static int load_articles(const char *dir, articles *a)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *de;
    int rc = 0;
    while (rc == 0 && (de = readdir(d))) {
        if (!strstr(de->d_name, "articles") || !has_suffix(de->d_name, ".jsonl"))
            continue;
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s", dir, de->d_name) >= (int)sizeof path)
            continue; /* no real folder nests that deep */
        rc = mz_each_record(path, add_article, a);
    }
    closedir(d);
    if (a->n)
        qsort(a->v, a->n, sizeof *a->v, article_cmp);
    return rc;
}

/* Reads, codes and scores one set; adds its figures to the language's totals. */
static int eval_set(const char *path, int kind, mz_coder *events_coder, mz_coder *partial_coder,
                    totals lang_totals[2][2], int errors)
{
    rset s = {.kind = kind};
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    snprintf(s.name, sizeof s.name, "%.*s", (int)(strlen(base) - strlen(".jsonl")), base);
    if (has_suffix(s.name, "_input"))
        s.name[strlen(s.name) - strlen("_input")] = '\0';
    char dir[4096];
    snprintf(dir, sizeof dir, "%.*s", base > path ? (int)(base - path - 1) : 1, base > path ? path : ".");
    articles arts = {0};
    int rc = mz_each_record(path, add_sentence, &s);
    if (rc == 0 && kind == KIND_EVENTS) {
        char gold[4096];
        snprintf(gold, sizeof gold, "%.*s_gold.jsonl", (int)(strlen(path) - strlen("_input.jsonl")), path);
        rc = mz_each_record(gold, add_gold, &s);
    }
    if (rc == 0)
        rc = load_articles(dir, &arts);
    if (rc == 0 && s.n) {
        s.lang = strncmp(s.name, "en", 2) == 0 ? "en" : strncmp(s.name, "ar", 2) == 0 ? "ar"
                                                                                      : mz_detect_lang(s.v[0].text, strlen(s.v[0].text));
        code_set(&s, kind == KIND_DETECT ? partial_coder : events_coder, &arts);
        totals t = {0};
        score_set(&s, &t, errors);
        print_row(s.name, s.lang, kind == KIND_DETECT ? s.event : "events", t.items, &t.all);
        totals *lt = &lang_totals[s.lang[0] == 'e'][kind];
        lt->items += t.items;
        for (int r = 0; r < MZ_EVAL_ROOTS; r++) {
            lt->root[r].tp += t.root[r].tp, lt->root[r].fp += t.root[r].fp, lt->root[r].fn += t.root[r].fn;
        }
        lt->all.tp += t.all.tp, lt->all.fp += t.all.fp, lt->all.fn += t.all.fn;
    }
    free_articles(&arts);
    free_set(&s);
    return rc;
}

/* The sets named by one command-line path: a file, or the sets in a folder (sorted by name). */
static int eval_path(const char *path, mz_coder *ec, mz_coder *pc, totals lt[2][2], int errors)
{
    DIR *d = opendir(path);
    if (!d) {
        int kind = set_kind(path);
        if (kind < 0) {
            fprintf(stderr, "%s: neither a sentence set with a _gold file beside it nor a labelled "
                            "detection set\n", path);
            return -1;
        }
        return eval_set(path, kind, ec, pc, lt, errors);
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)))
        if (has_suffix(de->d_name, ".jsonl") && mz_grow((void **)&names, &cap, n + 1, sizeof *names) == 0)
            names[n++] = strdup(de->d_name);
    closedir(d);
    for (size_t i = 1; i < n; i++) /* insertion sort: a folder holds a few sets */
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *x = names[j];
            names[j] = names[j - 1], names[j - 1] = x;
        }
    int rc = 0, found = 0;
    for (size_t i = 0; i < n; i++) {
        char p[4096];
        int kind = snprintf(p, sizeof p, "%s/%s", path, names[i]) < (int)sizeof p ? set_kind(p) : -1;
        if (kind >= 0) {
            found = 1;
            rc |= eval_set(p, kind, ec, pc, lt, errors);
        }
        free(names[i]);
    }
    free(names);
    if (!found)
        fprintf(stderr, "%s: no evaluation sets in this folder\n", path);
    return found ? rc : -1;
}

int mz_eval_real(const mz_engine *e, char **paths, int n, int errors, unsigned flags)
{
    mz_coder *ec = mz_coder_new(e, flags), *pc = mz_coder_new(e, flags | MZ_CODE_PARTIAL);
    if (!ec || !pc) {
        mz_coder_free(ec);
        mz_coder_free(pc);
        fprintf(stderr, "mizan eval: out of memory\n");
        return 2;
    }
    printf("%-24s %-4s %-8s %6s %5s %5s %5s %9s %7s %6s\n", "set", "lang", "kind", "items", "tp",
           "fp", "fn", "precision", "recall", "f1");
    totals lt[2][2];
    memset(lt, 0, sizeof lt);
    int bad = 0;
    for (int i = 0; i < n; i++)
        bad |= eval_path(paths[i], ec, pc, lt, errors) < 0;
    static const char *const langs[2] = {"ar", "en"};
    for (int l = 0; l < 2; l++)
        if (lt[l][KIND_EVENTS].items)
            print_row("all event sets", langs[l], "events", lt[l][KIND_EVENTS].items, &lt[l][KIND_EVENTS].all);
    for (int l = 0; l < 2; l++)
        for (int r = 1; r < MZ_EVAL_ROOTS; r++) {
            const mz_score *s = &lt[l][KIND_EVENTS].root[r];
            char root[24];
            snprintf(root, sizeof root, "root %02d", r);
            if (s->tp + s->fp + s->fn)
                print_row(root, langs[l], "events", 0, s);
        }
    mz_coder_free(ec);
    mz_coder_free(pc);
    return bad ? 2 : 0;
}
