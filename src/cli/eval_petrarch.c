/*
 * eval_petrarch.c — `mizan eval RECORDS.xml`: PETRARCH's validation records as a conformance
 * suite.
 *
 * PETRARCH's unit-test file (<Validation> with <Environment> and <Sentences>) holds sentences
 * written for its own dictionaries, each with a category (DEMO, ACTOR, COMPOUND, SYNSET ...)
 * and the events PETRARCH's authors expect: <EventCoding sourcecode= targetcode= eventcode=>,
 * or one with noevents= or error= when none are.  A record is coded exactly right when the set
 * of (source, target, event code) mizan codes from its text equals the expected set.  As in
 * PETRARCH, only the categories named in <Include> are run, and the dictionaries are those
 * <Environment> names (<Verbfile>, <Actorfile>, <Agentfile>, <Discardfile>, beside the file)
 * unless dictionary options are given.  The report is the share exactly right per category and
 * each failing record with its reason; --min-exact makes the command exit 1 below a share.
 */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../io/reader.h"
#include "../util/buf.h"
#include "commands.h"
#include "eval.h"

enum { EXPECT_MAX = 32, GOT_MAX = 64, CATS_MAX = 64 };

/* A (source, target, code) triple, as the records write them. */
typedef struct triple {
    char s[64], t[64], c[16];
} triple;

/* One record: what is expected and what was coded. */
typedef struct record {
    const char *id, *category;
    triple want[EXPECT_MAX], got[GOT_MAX];
    int nwant, ngot;
    int parse_error; /* expects nothing because PETRARCH's parse tree is malformed */
} record;

typedef struct category {
    char name[32];
    int records, exact;
    mz_buf failures; /* one block per failing record */
} category;

static int attr(xmlNode *n, const char *name, char *out, size_t cap)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (!v)
        return 0;
    snprintf(out, cap, "%s", (const char *)v);
    xmlFree(v);
    return 1;
}

/* The first child element of n named `name`, or NULL. */
static xmlNode *child(xmlNode *n, const char *name)
{
    for (xmlNode *k = n ? n->children : NULL; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && strcmp((const char *)k->name, name) == 0)
            return k;
    return NULL;
}

static int same(const triple *a, const triple *b)
{
    return strcmp(a->s, b->s) == 0 && strcmp(a->t, b->t) == 0 && strcmp(a->c, b->c) == 0;
}

static int in_set(const triple *v, int n, const triple *x)
{
    for (int i = 0; i < n; i++)
        if (same(&v[i], x))
            return 1;
    return 0;
}

/* Adds x to a set of n triples of room cap unless it is there; returns the new size. */
static int add_triple(triple *v, int n, int cap, const triple *x)
{
    if (n >= cap || in_set(v, n, x))
        return n;
    v[n] = *x;
    return n + 1;
}

/* Reads the expected events of a <Sentence>. */
static void read_expected(xmlNode *sent, record *r)
{
    for (xmlNode *k = sent->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, "EventCoding") != 0)
            continue;
        triple x;
        char err[64];
        if (attr(k, "sourcecode", x.s, sizeof x.s) && attr(k, "targetcode", x.t, sizeof x.t) &&
            attr(k, "eventcode", x.c, sizeof x.c))
            r->nwant = add_triple(r->want, r->nwant, EXPECT_MAX, &x);
        else if (attr(k, "error", err, sizeof err) && strcmp(err, "bad_input_parse") == 0)
            r->parse_error = 1;
    }
}

/* Codes the record's text; returns 0, or -1 after a message. */
static int code_record(mz_coder *c, xmlNode *sent, record *r)
{
    char date[16] = "", iso[16] = "";
    attr(sent, "date", date, sizeof date);
    if (strlen(date) == 8)
        snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", date, date + 4, date + 6);
    xmlChar *text = xmlNodeGetContent(child(sent, "Text"));
    const char *t = text ? (const char *)text : "";
    if (text)
        mz_text_unwrap((char *)text, strlen(t)); /* as `mizan code --input xml` reads it */
    mz_doc d = {.id = r->id, .date = iso[0] ? iso : NULL, .lang = "en", .text = t, .len = strlen(t)};
    const mz_event *ev;
    size_t n;
    mz_error err = {0};
    mz_status st = mz_coder_code(c, &d, &ev, &n, &err);
    xmlFree(text);
    if (st != MZ_OK) {
        fprintf(stderr, "mizan eval: record %s: %s\n", r->id, err.message[0] ? err.message : mz_status_str(st));
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        triple x;
        snprintf(x.s, sizeof x.s, "%s", ev[i].source);
        snprintf(x.t, sizeof x.t, "%s", ev[i].target);
        snprintf(x.c, sizeof x.c, "%s", ev[i].code);
        r->ngot = add_triple(r->got, r->ngot, GOT_MAX, &x);
    }
    return 0;
}

/* Whether code looks like one of PETRARCH's actor codes (letters, digits, '-'), not the text of
 * an actor its dictionaries lack ("\"THE MINISTRY OF MAGIC\"") or a placeholder ("###"). */
static int actor_code(const char *code)
{
    for (const char *p = code; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return 0;
    return *code != '\0';
}

/* Counts the expected events that have a coded one with the same actors, or the same code and
 * source, or the same code and target. */
static void near_misses(const record *r, int *actors, int *code_src, int *code_tgt)
{
    *actors = *code_src = *code_tgt = 0;
    for (int i = 0; i < r->nwant; i++) {
        const triple *w = &r->want[i];
        int a = 0, cs = 0, ct = 0;
        for (int j = 0; j < r->ngot; j++) {
            const triple *g = &r->got[j];
            a |= strcmp(w->s, g->s) == 0 && strcmp(w->t, g->t) == 0;
            cs |= strcmp(w->c, g->c) == 0 && strcmp(w->s, g->s) == 0;
            ct |= strcmp(w->c, g->c) == 0 && strcmp(w->t, g->t) == 0;
        }
        *actors += a, *code_src += cs, *code_tgt += ct;
    }
}

/* Why a record is not coded exactly right, in a few words. */
static const char *reason(const record *r)
{
    if (r->parse_error)
        return "expects no event because PETRARCH's parse of it is malformed (mizan reads the text)";
    for (int i = 0; i < r->nwant; i++)
        if (!actor_code(r->want[i].s) || !actor_code(r->want[i].t))
            return "expects an actor no dictionary names (PETRARCH's text or ### for it)";
    if (r->nwant == 0)
        return "expects no event; mizan codes one";
    if (r->ngot == 0)
        return "nothing coded";
    int missing = 0, extra = 0;
    for (int i = 0; i < r->nwant; i++)
        missing += !in_set(r->got, r->ngot, &r->want[i]);
    for (int i = 0; i < r->ngot; i++)
        extra += !in_set(r->want, r->nwant, &r->got[i]);
    if (!extra)
        return "events missing (the others right)";
    if (!missing)
        return "extra events (the expected ones right)";
    int actors, code_src, code_tgt;
    near_misses(r, &actors, &code_src, &code_tgt);
    if (actors == missing && r->ngot == r->nwant)
        return "wrong event code (actors right)";
    if (code_src == missing && r->ngot == r->nwant)
        return "wrong target (source and code right)";
    if (code_tgt == missing && r->ngot == r->nwant)
        return "wrong source (target and code right)";
    return "different events";
}

static void put_triples(mz_buf *b, const triple *v, int n)
{
    if (!n)
        mz_buf_puts(b, " none");
    for (int i = 0; i < n; i++) {
        char s[160];
        snprintf(s, sizeof s, "%s %s %s %s", i ? ";" : "", v[i].s, v[i].c, v[i].t);
        mz_buf_puts(b, s);
    }
}

/* The category of a record's name, added when new; NULL when the table is full. */
static category *category_of(category *cats, int *n, const char *name)
{
    for (int i = 0; i < *n; i++)
        if (strcmp(cats[i].name, name) == 0)
            return &cats[i];
    if (*n == CATS_MAX)
        return NULL;
    category *c = &cats[(*n)++];
    memset(c, 0, sizeof *c);
    snprintf(c->name, sizeof c->name, "%s", name);
    return c;
}

/* Whether the category is in the space-separated <Include> list (every one when there is none). */
static int included(const char *include, const char *cat)
{
    if (!include)
        return 1;
    size_t n = strlen(cat);
    for (const char *p = include; (p = strstr(p, cat)) != NULL; p += n)
        if ((p == include || p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n') &&
            (p[n] == '\0' || p[n] == ' ' || p[n] == '\t' || p[n] == '\n'))
            return 1;
    return 0;
}

/* Scores one record into its category. */
static void score(category *cat, const record *r)
{
    cat->records++;
    int exact = r->nwant == r->ngot && !r->parse_error;
    for (int i = 0; i < r->nwant && exact; i++)
        exact = in_set(r->got, r->ngot, &r->want[i]);
    if (r->parse_error && r->ngot == 0)
        exact = 1;
    if (exact) {
        cat->exact++;
        return;
    }
    mz_buf *b = &cat->failures;
    mz_buf_puts(b, "  ");
    mz_buf_puts(b, r->id);
    mz_buf_puts(b, ": ");
    mz_buf_puts(b, reason(r));
    mz_buf_puts(b, "\n    expected");
    put_triples(b, r->want, r->nwant);
    mz_buf_puts(b, "\n    coded   ");
    put_triples(b, r->got, r->ngot);
    mz_buf_putc(b, '\n');
}

/* Prints the table and the failing records; returns the share exactly right. */
static double report(category *cats, int n, int skipped, int verbose)
{
    int all = 0, exact = 0;
    printf("%-12s %8s %8s %8s\n", "category", "records", "exact", "share");
    for (int i = 0; i < n; i++) {
        printf("%-12s %8d %8d %7.1f%%\n", cats[i].name, cats[i].records, cats[i].exact,
               100.0 * cats[i].exact / cats[i].records);
        all += cats[i].records;
        exact += cats[i].exact;
    }
    double share = all ? (double)exact / all : 0;
    printf("%-12s %8d %8d %7.1f%%\n", "all", all, exact, 100.0 * share);
    if (skipped)
        printf("(%d records of categories not in <Include> not run, as in PETRARCH)\n", skipped);
    for (int i = 0; i < n && verbose; i++)
        if (cats[i].failures.len)
            printf("\n%s: %d failing\n%s", cats[i].name, cats[i].records - cats[i].exact,
                   cats[i].failures.data);
    return share;
}

/* The dictionaries <Environment> names, beside the records file, into o. */
static int environment_dicts(xmlNode *env, const char *path, mz_dict_opts *o, mz_buf *names)
{
    static const struct { const char *el; mz_dict_kind kind; } files[] = {
        {"Verbfile", MZ_DICT_VERBS}, {"Actorfile", MZ_DICT_ACTORS},
        {"Agentfile", MZ_DICT_AGENTS}, {"Discardfile", MZ_DICT_DISCARDS},
    };
    const char *slash = strrchr(path, '/');
    int dir = slash ? (int)(slash - path + 1) : 0;
    size_t offs[4];
    int n = 0;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        xmlChar *v = xmlNodeGetContent(child(env, files[i].el));
        if (v && *v) {
            offs[n] = names->len;
            const char *f = (const char *)v;
            size_t len = strlen(f);
            while (*f == ' ' || *f == '\t' || *f == '\n' || *f == '\r')
                f++, len--;
            while (len && (f[len - 1] == ' ' || f[len - 1] == '\t' || f[len - 1] == '\n' ||
                           f[len - 1] == '\r'))
                len--;
            mz_buf_put(names, path, (size_t)dir);
            mz_buf_put(names, f, len);
            mz_buf_putc(names, '\0');
            o->kinds[n++] = files[i].kind;
        }
        xmlFree(v);
    }
    if (names->oom)
        return -1;
    for (int i = 0; i < n; i++)
        o->files[i] = names->data + offs[i];
    o->n = n;
    o->no_builtin = 1;
    return n;
}

int mz_eval_petrarch(const struct mz_dict_opts *dicts, const char *path, int verbose, double min_share)
{
    xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root || strcmp((const char *)root->name, "Validation") != 0) {
        fprintf(stderr, "mizan eval: %s: not PETRARCH validation records (<Validation> with "
                        "<Sentences>)\n", path);
        xmlFreeDoc(doc);
        return 2;
    }
    xmlNode *env = child(root, "Environment");
    xmlChar *include = xmlNodeGetContent(child(env, "Include"));
    mz_dict_opts own = {0};
    mz_buf names = {0};
    if (!dicts->n && env && environment_dicts(env, path, &own, &names) < 0)
        fprintf(stderr, "mizan eval: out of memory\n");
    mz_engine *e = mz_cli_engine(dicts->n ? dicts : &own);
    mz_coder *c = e ? mz_coder_new(e, 0) : NULL;
    category *cats = calloc(CATS_MAX, sizeof *cats);
    record *r = malloc(sizeof *r);
    int ncats = 0, skipped = 0, bad = !c || !cats || !r;
    xmlNode *sents = child(root, "Sentences");
    for (xmlNode *s = sents ? sents->children : NULL; s && !bad; s = s->next) {
        if (s->type != XML_ELEMENT_NODE || strcmp((const char *)s->name, "Sentence") != 0)
            continue;
        char id[128] = "", cat[32] = "";
        attr(s, "id", id, sizeof id);
        attr(s, "category", cat, sizeof cat);
        if (!included((const char *)include, cat)) {
            skipped++;
            continue;
        }
        memset(r, 0, sizeof *r);
        r->id = id;
        read_expected(s, r);
        category *k = category_of(cats, &ncats, cat);
        bad = !k || code_record(c, s, r) < 0;
        if (!bad)
            score(k, r);
    }
    int rc = bad ? 2 : 0;
    if (!bad) {
        double share = report(cats, ncats, skipped, verbose);
        if (share < min_share) {
            printf("eval: %.1f%% of the records coded exactly right, below %.1f%%\n", 100 * share,
                   100 * min_share);
            rc = 1;
        }
    }
    for (int i = 0; cats && i < ncats; i++)
        mz_buf_free(&cats[i].failures);
    free(cats);
    free(r);
    mz_coder_free(c);
    mz_engine_free(e);
    mz_buf_free(&names);
    xmlFree(include);
    xmlFreeDoc(doc);
    return rc;
}
