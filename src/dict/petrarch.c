/*
 * petrarch.c — reading TABARI / PETRARCH dictionaries into the engine.
 *
 * Users of TABARI and PETRARCH own large dictionaries in their formats (the Phoenix set is the
 * best known).  mizan reads them as they are and maps each construct onto what its parser-free
 * engine has: a phrase with a code, a date range, a role, a HEAD ... TAIL verb pattern.
 *
 * What maps:
 *   actors    NAME_WITH_UNDERSCORES [CODE] and the +SYNONYM lines after it: one phrase per name
 *             and code.  [CODE >D] holds from D, [CODE <D] until the day before D, [CODE D1-D2]
 *             from D1 to D2 (PETRARCH's own reading); dates are YYMMDD (00–30 → 20YY, else 19YY)
 *             or YYYYMMDD.  Codes may stand on the name's line or on lines of their own after
 *             it, several per entry; {FORM ...} adds names.
 *   agents    NAME [~ROLE] (the role follows the country: RUS + GOV) and NAME [ROLE~] (it goes
 *             before: IGO + NGA); {PLURAL ...} adds forms ({} none); !SET! = A, B substitution sets
 *             expand wherever !SET! appears in a name.
 *   verbs     --- FAMILY [CODE] --- blocks.  Each verb listed (its irregular forms in {...},
 *             else PETRARCH's regular ones, -S -ED -ING; +COMPOUND_VERBS with their particle)
 *             codes its own [code] or the family's.  Each "- pattern [CODE]" line becomes, for
 *             every verb of the family, a verb record with the words around the verb: the words
 *             after '*' up to the first actor position ($ + %, or ^ with no word after it) are
 *             the tail, those between the last actor position and '*' come before the verb
 *             (joined to it by '_', IN_*, they are part of its phrase; written apart, other words
 *             may stand between them and it).  &SYNSET expands to its members (sets inside sets
 *             too, and sets joined to words by '_': NEW_&TIES_RELATIONS), WORD/WORD to its
 *             alternatives, and a prepositional group (PREP NOUN) also matches with "the" after
 *             the preposition; at most MAX_TAILS tails and MAX_PREFIXES variants of the words
 *             before the verb per pattern.  Longer patterns are tried first; a tail-less pattern
 *             with the verb's own code is left out (it adds nothing, and its words before the
 *             verb would hide an actor).  Actor positions the coder honours: '%' before '*' (a
 *             compound subject, coded between its members both ways), '+' before '*' with '$'
 *             after it (the roles reversed), a '$' or '+' right after the tail, past the actors
 *             '^' skips.  TreeBank contractions written apart (DID N'T) are joined to their word,
 *             as mizan's tokenizer splits "didn't".  Plain verbs coding 010 are attribution verbs.
 *   discards  PHRASE: a sentence containing it codes nothing.
 *
 * What does not map is skipped and counted (mz_engine_warnings): patterns coded only for the
 * other direction [:B] or not at all [---], codes absent from the CAMEO table (kept as written),
 * transformations (~ lines), malformed codes and dates inside an otherwise readable entry,
 * entries without a code, phrases over 16 tokens, words after an actor position that ends the
 * tail and before the one that starts the words before the verb, expansions beyond the caps.
 * Story-level discards (+PHRASE) are applied per sentence.  TABARI stems (a word without a final
 * '_' that matches any word it begins) become ordinary words, matched by their Snowball stem, and
 * one-word names whose stem is that of a frequent word (merged_stems) are skipped.  PETRARCH's
 * capitals are ignored except in a one-token name of one or two letters (US) and in dotted
 * abbreviations, which keep mizan's exact-capitals key.
 *
 * Errors (MZ_ERR_PARSE with file and line) are lines whose structure cannot be read: an unclosed
 * '[' or '{', a synonym or code with no entry before it, a pattern or verb outside a family, a
 * pattern without exactly one '*' or without a [code], an undefined !SET! in an agent name.
 * (An undefined &SYNSET only skips its pattern: the Phoenix verbs use a few.)
 */
#include "petrarch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/hash.h"
#include "../util/vec.h"
#include "loader.h"

/* Internal status: the phrase was dropped with a counted warning; the caller goes on. */
#define SKIP MZ_ERR_LIMIT

enum {
    MAX_WORDS = MZ_DICT_PHRASE_MAX,
    MAX_TAILS = 64,
    MAX_PREFIXES = 8,
    MAX_FAMILY_PHRASES = 50000, /* the largest Phoenix family gives 18,000 */
    MAX_TOKENS = 64,  /* tokens of one pattern line */
    MAX_SUBST_DEPTH = 4,
    MAX_AGENT_NAMES = 256 /* names one agent line may expand to */
};

/* Warning reasons: constant strings, one record each (mz_dict_warn). */
static const char W_NOCODE[] = "entry without a code, skipped";
static const char W_BADCODE[] = "malformed code, skipped";
static const char W_BADDATE[] = "malformed date restriction, code skipped";
static const char W_BRACE[] = "code closed by '}' instead of ']', read";
static const char W_JUNK[] = "text after the codes, ignored";
static const char W_LONG[] = "phrase longer than 16 tokens or with a word too long, skipped";
static const char W_MARKUP[] = "markup line or comment block (<...>, <!-- ... -->), skipped";
static const char W_AGENT_DATE[] = "date restriction on an agent, ignored";
static const char W_AGENT_NOTILDE[] = "agent code without '~', read as a role after the country";
static const char W_STORY[] = "story-level discard (+), applied per sentence";
static const char W_REVERSE[] = "code only for the other direction [:B], skipped";
static const char W_NULLCODE[] = "pattern with no code [---], skipped";
static const char W_NOCAMEO[] =
    "code not in the CAMEO table, coded as written (no root, Goldstein score or PLOVER class)";
static const char W_TRANSFORM[] = "transformation (~ line), skipped";
static const char W_AFTERSLOT[] = "pattern words after an actor position ($ + ^ %), dropped";
static const char W_BEFORESLOT[] = "pattern words before an actor position ($ + ^ %), dropped";
static const char W_ONLYSLOT[] = "pattern whose words all follow an actor position, skipped";
static const char W_CAPPED[] = "pattern expansions beyond the cap (synsets, alternatives), dropped";
static const char W_FAMILY[] = "pattern phrases of one verb family beyond 50,000, dropped";
static const char W_SUBST_CAP[] =
    "agent names beyond 256 from one line's substitution sets, dropped";
static const char W_EMPTY[] = "empty name, skipped";
static const char W_MERGED[] = "one-word name that stemming merges with a common word, skipped";
static const char W_NOSET[] =
    "pattern or set member naming an undefined synonym set (&NAME), skipped";

/* Stems of one-word PETRARCH names that would also match frequent English words once mizan
 * stems them (TABARI matched PROVIDENCE_ only as that word; mizan's key "provid" also matches
 * "provide"): ORGANIZATION → organize, MARCHE(S) → march, MAINE → main, BANKE → bank, BANDELI →
 * band, ASSUR → assure, PERLIS → per, READING → read, MOBILE → mobility.  Found by comparing the
 * stems of the Phoenix one-word names with the words of the verb and agent dictionaries. */
static const char *const merged_stems[] = {
    "provid", "organ", "march", "main", "bank", "band", "assur", "per", "read", "mobil",
};

/* ---- small text helpers ---- */


/* Cuts a comment: '#' or ';' (TABARI's comment mark, in the verb files) outside a [code]
 * block.  Inside one they are code characters: PETRARCH's validation verbs hold [###] and
 * [+++], codes that mean "no code" to PETRARCH and must not cut the line short. */
static void cut_comment(char *s)
{
    int in_code = 0;
    for (; *s; s++) {
        if (*s == '[')
            in_code = 1;
        else if (*s == ']')
            in_code = 0;
        else if (!in_code && (*s == '#' || *s == ';'))
            break;
    }
    *s = '\0';
}

/* The text of a line without its comment and surrounding blanks; NULL when nothing is left. */
static char *line_text(char *line)
{
    cut_comment(line);
    char *t = mz_dict_trim(line);
    return *t ? t : NULL;
}

static int is_blank_or_joint(char c) { return c == '_' || c == ' ' || c == '\t' || c == '\r'; }

/* Whether s[0..n) starts with a TreeBank contraction word: N'T ("did n't"), 'S, 'LL, 'RE ...,
 * any word beginning with an apostrophe. */
static int contraction_at(const char *s, size_t n)
{
    if (n && s[0] == '\'')
        return 1;
    return n >= 3 && (s[0] == 'N' || s[0] == 'n') && s[1] == '\'' && (s[2] == 'T' || s[2] == 't') &&
           (n == 3 || is_blank_or_joint(s[3]));
}

/* Writes a PETRARCH name as mizan words: '_' and runs of blanks become one space, trimmed.  A
 * TreeBank contraction written as a word of its own (DID N'T, GONDOR 'S) is joined to the word
 * before it, so that mizan's tokenizer splits it as it splits the text ("didn't" → did n't). */
static void name_words(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    int space = 0;
    for (size_t i = 0; i < n && s[i] && o + 2 < cap; i++) {
        char c = s[i];
        if (is_blank_or_joint(c)) {
            space = o > 0;
            continue;
        }
        if (space && !contraction_at(s + i, n - i))
            out[o++] = ' ';
        space = 0;
        out[o++] = c;
    }
    out[o] = '\0';
}

static int is_code_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

/* ---- dates and code blocks ---- */

int32_t mz_petrarch_date(const char *s, size_t len)
{
    if (len != 6 && len != 8)
        return -1;
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return -1;
    char iso[11];
    if (len == 6) {
        int yy = (s[0] - '0') * 10 + (s[1] - '0');
        memcpy(iso, yy <= 30 ? "20" : "19", 2);
        memcpy(iso + 2, s, 2);
        s += 2;
    } else {
        memcpy(iso, s, 4);
        s += 4;
    }
    iso[4] = '-';
    memcpy(iso + 5, s, 2);
    iso[7] = '-';
    memcpy(iso + 8, s + 2, 2);
    iso[10] = '\0';
    return mz_parse_date(iso, 10);
}

/* The day before a valid YYYYMMDD date. */
static int32_t day_before(int32_t d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = d / 10000, m = d / 100 % 100, day = d % 100;
    if (--day >= 1)
        return y * 10000 + m * 100 + day;
    if (--m < 1) {
        m = 12;
        y--;
    }
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    day = mdays[m - 1] + (m == 2 && leap);
    return y * 10000 + m * 100 + day;
}

/* Parses a restriction (">D", "<D", "D1-D2", blanks allowed after the sign) into c. */
static int parse_restriction(const char *s, size_t n, mz_pcode *c)
{
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n == 0)
        return MZ_PCODE_OK;
    if (*s == '>' || *s == '<') {
        char sign = *s;
        s++, n--;
        while (n && (*s == ' ' || *s == '\t'))
            s++, n--;
        int32_t d = mz_petrarch_date(s, n);
        if (d < 0)
            return MZ_PCODE_BADDATE;
        if (sign == '>')
            c->from = d;
        else
            c->to = day_before(d);
        return MZ_PCODE_OK;
    }
    const char *dash = memchr(s, '-', n);
    if (!dash)
        return MZ_PCODE_BADDATE; /* a bare date says neither before nor after */
    /* blanks may stand around the dash: [HOBGOV 19950601 - 19990815] */
    size_t na = (size_t)(dash - s), nb = n - na - 1;
    const char *sb = dash + 1;
    while (na && (s[na - 1] == ' ' || s[na - 1] == '\t'))
        na--;
    while (nb && (*sb == ' ' || *sb == '\t'))
        sb++, nb--;
    int32_t a = mz_petrarch_date(s, na);
    int32_t b = mz_petrarch_date(sb, nb);
    if (a < 0 || b < 0 || a > b)
        return MZ_PCODE_BADDATE;
    c->from = a;
    c->to = b;
    return MZ_PCODE_OK;
}

int mz_petrarch_code(const char *s, mz_pcode *out, const char **end)
{
    memset(out, 0, sizeof *out);
    const char *close = s + 1;
    while (*close && *close != ']' && *close != '[')
        close++;
    int brace = 0;
    if (*close != ']') {
        const char *b = s + 1;
        while (b < close && *b != '}')
            b++;
        if (b == close)
            return MZ_PCODE_UNCLOSED;
        close = b;
        brace = 1;
    }
    *end = close + 1;
    const char *p = s + 1;
    while (p < close && (*p == ' ' || *p == '\t'))
        p++;
    const char *q = p;
    while (q < close && *q != ' ' && *q != '\t' && *q != '<' && *q != '>')
        q++;
    size_t n = (size_t)(q - p);
    if (n && p[0] == '~') {
        out->role = 1;
        p++, n--;
    } else if (n && p[n - 1] == '~') {
        out->role = out->role_first = 1;
        n--;
    }
    if (n == 0 || n >= sizeof out->code)
        return MZ_PCODE_BADCODE;
    for (size_t i = 0; i < n; i++)
        if (!is_code_char(p[i]))
            return MZ_PCODE_BADCODE;
    memcpy(out->code, p, n);
    out->code[n] = '\0';
    int r = parse_restriction(q, (size_t)(close - q), out);
    if (r != MZ_PCODE_OK)
        return r;
    return brace ? MZ_PCODE_BRACE : MZ_PCODE_OK;
}

/* ---- the reader ---- */

/* A cache from a PETRARCH word (as written, with a mode byte in front) to its word ids, so that
 * the thousands of repeated words are tokenised and stemmed once. */
typedef struct wentry {
    uint32_t str, len;  /* in wcache.text */
    uint32_t ids, n;    /* in wcache.idv */
    uint32_t hash;
    int arabic;         /* the word is in Arabic script */
} wentry;

typedef struct wcache {
    uint32_t *slot;     /* entry index + 1; 0 empty */
    size_t cap;
    wentry *v;
    size_t n, vcap;
    mz_buf text;
    uint32_t *idv;
    size_t nid, idcap;
} wcache;

/* One alternative of a pattern element: a word id sequence in rd.seq. */
typedef struct alt {
    uint32_t off;
    uint32_t n : 31;
    uint32_t arabic : 1;
} alt;

typedef struct synset {
    char name[64];
    uint32_t first, n;  /* alternatives in rd.alts */
} synset;

/* A pattern element: alternatives [first, first + n) in rd.alts. */
typedef struct elem {
    uint32_t first, n;
    int gap;  /* other words may stand before it (a tail element written after a blank, outside
               * a group) or, in the words before the verb, after it (written before a blank) */
} elem;

/* A pattern's elements, each a run in rd.elems: the words before the verb that may have other
 * words between them and it (pre), those joined to it by '_' (prefix, part of the phrase the
 * matcher finds: IN_*), and the tail after it. */
typedef struct pattern {
    uint32_t pre, npre;
    uint32_t prefix, nprefix;
    uint32_t tail, ntail;
    char code[MZ_PCODE_MAX];  /* "A" or "A:B" (verb_code) */
    int compound;             /* '%' stands for the subject: "% HAVE *" */
    int reversed;             /* the target before the verb, the source after it: + * FROM $ */
    char after_tail;          /* '$' or '+' right after the tail, else 0 (mz_verb) ... */
    int skip;                 /* ... after this many '^' */
    long line;
} pattern;

typedef struct fverb {
    uint32_t off, n;  /* ids in rd.seq */
    int arabic;
    char code[MZ_PCODE_MAX]; /* "" when the verb codes nothing by itself; "A" or "A:B" */
} fverb;

typedef struct rd {
    mz_engine *e;
    mz_dict_kind kind;
    const char *file;
    long line;
    mz_error *err;
    mz_tokens toks;
    wcache wc;
    /* verbs */
    uint32_t *seq;
    size_t nseq, seqcap;
    alt *alts;
    size_t nalts, altcap;
    synset *sets;
    size_t nsets, setcap;
    elem *elems;
    size_t nelems, elemcap;
    size_t tail_first; /* the first element of the tail being read */
    pattern *pats;
    size_t npats, patcap;
    fverb *verbs;
    size_t nverbs, verbcap;
    char family_code[MZ_PCODE_MAX];
    int in_family;
    /* agents: substitution sets "NAME\0member\0member\0\0" */
    mz_buf subst;
} rd;


static mz_status oom(rd *r)
{
    return mz_fail(r->err, MZ_ERR_NOMEM, r->file, r->line, "out of memory");
}

static mz_status fail(rd *r, const char *msg)
{
    return mz_fail(r->err, MZ_ERR_PARSE, r->file, r->line, "%s", msg);
}

static void warn(rd *r, const char *reason) { mz_dict_warn(r->e, reason, 1, r->file, r->line); }

static void warn_n(rd *r, const char *reason, size_t n, long line)
{
    if (n)
        mz_dict_warn(r->e, reason, n, r->file, line);
}

static uint32_t hash_bytes(const char *s, size_t n) { return (uint32_t)mz_hash_bytes(s, n); }

static void wcache_free(wcache *c)
{
    free(c->slot);
    free(c->v);
    free(c->idv);
    mz_buf_free(&c->text);
}

static int wcache_rehash(wcache *c)
{
    size_t cap = c->cap ? c->cap * 2 : 4096;
    uint32_t *s = calloc(cap, sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < c->n; i++) {
        size_t k = c->v[i].hash & (cap - 1);
        while (s[k])
            k = (k + 1) & (cap - 1);
        s[k] = (uint32_t)i + 1;
    }
    free(c->slot);
    c->slot = s;
    c->cap = cap;
    return 0;
}

/* The ids of one blank-free word (mode 'w': part of a longer phrase; '1': a whole phrase).
 * Returns the count, or -1 (err filled; MZ_ERR_PARSE for a word that cannot be keyed). */
static int word_ids(rd *r, const char *w, size_t len, char mode, const uint32_t **ids, int *arabic,
                    mz_error *err)
{
    char key[256];
    if (len + 2 > sizeof key)
        return mz_fail(err, MZ_ERR_PARSE, r->file, r->line, "word too long"), -1;
    key[0] = mode;
    memcpy(key + 1, w, len);
    key[len + 1] = '\0';
    size_t kl = len + 1;
    wcache *c = &r->wc;
    uint32_t h = hash_bytes(key, kl);
    if (c->cap) {
        for (size_t k = h & (c->cap - 1); c->slot[k]; k = (k + 1) & (c->cap - 1)) {
            const wentry *x = &c->v[c->slot[k] - 1];
            if (x->hash == h && x->len == kl && memcmp(c->text.data + x->str, key, kl) == 0) {
                *ids = c->idv + x->ids;
                *arabic = x->arabic;
                return (int)x->n;
            }
        }
    }
    uint32_t tmp[MAX_WORDS];
    int n = mz_dict_word_ids(r->e, &r->toks, key + 1,
                             MZ_WORDS_PETRARCH | (mode == '1' ? MZ_WORDS_WHOLE : 0), tmp, MAX_WORDS,
                             arabic, r->file, r->line, err);
    if (n < 0)
        return -1;
    if ((c->n + 1) * 2 > c->cap && wcache_rehash(c) < 0)
        return mz_fail(err, MZ_ERR_NOMEM, r->file, r->line, "out of memory"), -1;
    if (mz_grow((void **)&c->v, &c->vcap, c->n + 1, sizeof *c->v) < 0 ||
        mz_grow((void **)&c->idv, &c->idcap, c->nid + (size_t)n + 1, sizeof *c->idv) < 0)
        return mz_fail(err, MZ_ERR_NOMEM, r->file, r->line, "out of memory"), -1;
    wentry *x = &c->v[c->n];
    x->str = (uint32_t)c->text.len;
    x->len = (uint32_t)kl;
    x->ids = (uint32_t)c->nid;
    x->n = (uint32_t)n;
    x->hash = h;
    x->arabic = *arabic;
    mz_buf_put(&c->text, key, kl);
    if (c->text.oom)
        return mz_fail(err, MZ_ERR_NOMEM, r->file, r->line, "out of memory"), -1;
    memcpy(c->idv + c->nid, tmp, (size_t)n * sizeof *tmp);
    c->nid += (size_t)n;
    size_t k = h & (c->cap - 1);
    while (c->slot[k])
        k = (k + 1) & (c->cap - 1);
    c->slot[k] = (uint32_t)c->n + 1;
    c->n++;
    *ids = c->idv + x->ids;
    return n;
}

/* The ids of a phrase of mizan words (name_words' output).  Returns MZ_OK with *n set (0 for an
 * empty phrase) and *arabic when a word is in Arabic script, SKIP after counting a W_LONG
 * warning (the caller drops the phrase), or MZ_ERR_NOMEM with err filled.  Names of actors,
 * agents and discards that are one token keep their capitals (US, UN); verb words never do. */
static mz_status phrase_ids(rd *r, const char *text, uint32_t *ids, int *n, int *arabic)
{
    mz_error local = {0};
    *n = 0;
    *arabic = 0;
    int whole = r->kind != MZ_DICT_VERBS && strchr(text, ' ') == NULL;
    for (const char *w = text; *w;) {
        size_t len = strcspn(w, " ");
        const uint32_t *wi;
        int ar = 0;
        int k = word_ids(r, w, len, whole ? '1' : 'w', &wi, &ar, &local);
        *arabic |= ar;
        if (k < 0 && local.status == MZ_ERR_NOMEM)
            return oom(r);
        if (k < 0 || *n + k > MAX_WORDS) {
            warn(r, W_LONG);
            return SKIP;
        }
        memcpy(ids + *n, wi, (size_t)k * sizeof *wi);
        *n += k;
        w += len;
        while (*w == ' ')
            w++;
    }
    return MZ_OK;
}

/* Adds one phrase with an entry per code (codes as pool offsets; mz_pcode for the dates). */
static mz_status add_name(rd *r, const char *name, mz_ekind kind, const mz_pcode *codes,
                          const uint32_t *offs, size_t ncodes)
{
    char words[1024];
    name_words(name, strlen(name), words, sizeof words);
    if (!*words) {
        warn(r, W_EMPTY);
        return MZ_OK;
    }
    uint32_t ids[MAX_WORDS];
    int n, arabic;
    mz_status st = phrase_ids(r, words, ids, &n, &arabic);
    if (st == SKIP)
        return MZ_OK;
    if (st != MZ_OK)
        return st;
    if (n == 1 && kind == MZ_E_ACTOR) {
        for (size_t i = 0; i < sizeof merged_stems / sizeof merged_stems[0]; i++)
            if (mz_matcher_word(&r->e->m, merged_stems[i], strlen(merged_stems[i])) == ids[0]) {
                warn(r, W_MERGED);
                return MZ_OK;
            }
    }
    for (size_t i = 0; i < ncodes; i++) {
        mz_entry q = {0};
        q.kind = (uint8_t)kind;
        if (kind == MZ_E_DISCARD)
            q.flags = MZ_D_SENTENCE; /* PETRARCH discards a sentence, not one clause */
        q.lang = arabic ? 'a' : 'e';
        q.value = offs ? offs[i] : 0;
        if (kind == MZ_E_ACTOR) {
            q.from = codes[i].from;
            q.to = codes[i].to;
        }
        if (kind == MZ_E_AGENT && codes[i].role_first)
            q.flags = MZ_A_ROLE_FIRST;
        if (mz_dict_path(r->e, ids, n, &q) < 0)
            return oom(r);
        mz_dict_note(r->e, r->kind, codes ? codes[i].code : NULL, arabic, q.from, q.to);
    }
    return MZ_OK;
}

/* ---- actors ---- */

typedef struct actor_entry {
    mz_buf names;   /* names, each NUL-terminated */
    size_t nnames;
    mz_pcode *codes;
    size_t ncodes, codecap;
    size_t blocks;  /* code blocks read, including those skipped */
    long line;
    int open;
} actor_entry;

/* Reads the code blocks from s to the end of the line into the entry. */
static mz_status read_codes(rd *r, const char *s, actor_entry *en)
{
    for (;;) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            return MZ_OK;
        if (*s != '[') {
            warn(r, W_JUNK);
            return MZ_OK;
        }
        mz_pcode c;
        const char *end;
        int rc = mz_petrarch_code(s, &c, &end);
        if (rc == MZ_PCODE_UNCLOSED)
            return fail(r, "'[' without ']'");
        s = end;
        en->blocks++;
        if (rc == MZ_PCODE_BADCODE || c.role || strlen(c.code) < 3) {
            warn(r, W_BADCODE);
            continue;
        }
        if (rc == MZ_PCODE_BADDATE) {
            warn(r, W_BADDATE);
            continue;
        }
        if (rc == MZ_PCODE_BRACE)
            warn(r, W_BRACE);
        if (mz_grow((void **)&en->codes, &en->codecap, en->ncodes + 1, sizeof *en->codes) < 0)
            return oom(r);
        en->codes[en->ncodes++] = c;
    }
}

/* Adds a name (up to '[' or '{') and its {FORM ...} alternatives to the entry; returns the
 * position of the codes, or NULL on an unclosed '{' (error filled in *st). */
static const char *read_names(rd *r, char *s, actor_entry *en, mz_status *st)
{
    *st = MZ_OK;
    size_t n = strcspn(s, "[{");
    const char *rest = s + n;
    char save = s[n];
    s[n] = '\0';
    mz_buf_puts(&en->names, s);
    mz_buf_putc(&en->names, '\0');
    en->nnames++;
    s[n] = save;
    if (save == '{') {
        char *close = strchr(s + n, '}');
        if (!close) {
            *st = fail(r, "'{' without '}'");
            return NULL;
        }
        *close = '\0';
        for (char *save2 = NULL, *f = strtok_r(s + n + 1, " \t,", &save2); f;
             f = strtok_r(NULL, " \t,", &save2)) {
            mz_buf_puts(&en->names, f + (*f == '+'));
            mz_buf_putc(&en->names, '\0');
            en->nnames++;
        }
        rest = close + 1;
    }
    if (en->names.oom)
        *st = oom(r);
    return rest;
}

/* Puts the dated codes of an entry before its undated ones, each in file order: the coder takes
 * the first code whose dates hold, and in PETRARCH a date restriction that holds wins over the
 * entry's undated default wherever the default is written (SAM_GAMGEE [HOB] on the name's line,
 * then [HOBCIV <20080120] ... on lines of their own). */
static void dated_first(mz_pcode *c, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (c[i].from || c[i].to) {
            mz_pcode x = c[i];
            memmove(c + k + 1, c + k, (i - k) * sizeof *c);
            c[k++] = x;
        }
}

static mz_status flush_actor(rd *r, actor_entry *en)
{
    if (!en->open)
        return MZ_OK;
    en->open = 0;
    mz_status st = MZ_OK;
    if (en->ncodes == 0) {
        if (en->blocks == 0) /* else each bad block was counted */
            warn_n(r, W_NOCODE, 1, en->line);
    } else {
        uint32_t *offs = malloc(en->ncodes * sizeof *offs);
        if (!offs)
            return oom(r);
        dated_first(en->codes, en->ncodes);
        for (size_t i = 0; i < en->ncodes; i++)
            offs[i] = mz_dict_code(r->e, en->codes[i].code);
        long at = r->line; /* the entry is flushed on the next one's line: report its own */
        r->line = en->line;
        const char *name = en->names.data;
        for (size_t i = 0; i < en->nnames && st == MZ_OK; i++) {
            st = add_name(r, name, MZ_E_ACTOR, en->codes, offs, en->ncodes);
            name += strlen(name) + 1;
        }
        r->line = at;
        free(offs);
    }
    mz_buf_clear(&en->names);
    en->nnames = 0;
    en->ncodes = 0;
    en->blocks = 0;
    return st;
}

static mz_status actor_line(rd *r, char *line, actor_entry *en)
{
    char *t = line_text(line);
    if (!t)
        return MZ_OK;
    if (*t == '<') {
        warn(r, W_MARKUP);
        return MZ_OK;
    }
    if (*t == '[') {
        if (!en->open)
            return fail(r, "code with no actor name before it");
        return read_codes(r, t, en);
    }
    mz_status st;
    if (*t == '+') {
        if (!en->open)
            return fail(r, "synonym (+) with no actor entry before it");
        t++;
    } else {
        st = flush_actor(r, en);
        if (st != MZ_OK)
            return st;
        en->open = 1;
        en->line = r->line;
    }
    const char *rest = read_names(r, t, en, &st);
    if (!rest)
        return st;
    return read_codes(r, rest, en);
}

/* ---- agents ---- */

/* Defines "!NAME! = A, B, C". */
static mz_status define_subst(rd *r, char *t)
{
    char *close = strchr(t + 1, '!');
    char *eq = close ? strchr(close, '=') : NULL;
    if (!close || !eq || close == t + 1)
        return fail(r, "substitution set: expected !NAME! = WORD, WORD");
    mz_buf_put(&r->subst, t + 1, (size_t)(close - t - 1));
    mz_buf_putc(&r->subst, '\0');
    for (char *save = NULL, *f = strtok_r(eq + 1, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
        f = mz_dict_trim(f);
        if (*f) {
            mz_buf_puts(&r->subst, f);
            mz_buf_putc(&r->subst, '\0');
        }
    }
    mz_buf_putc(&r->subst, '\0');
    return r->subst.oom ? oom(r) : MZ_OK;
}

/* The members of substitution set `name` (len bytes): a pointer to the first member in the list
 * "member\0member\0\0", or NULL when undefined. */
static const char *subst_members(const rd *r, const char *name, size_t len)
{
    const char *p = r->subst.data, *end = p ? p + r->subst.len : NULL;
    while (p && p < end) {
        const char *members = p + strlen(p) + 1;
        if (strlen(p) == len && memcmp(p, name, len) == 0)
            return members;
        while (*members)
            members += strlen(members) + 1;
        p = members + 1;
    }
    return NULL;
}

/* Adds an agent name after replacing each !SET! by each of its members. */
static mz_status add_agent(rd *r, const char *name, const mz_pcode *c, uint32_t off, int depth,
                           size_t *budget)
{
    const char *bang = strchr(name, '!');
    const char *close = bang ? strchr(bang + 1, '!') : NULL;
    if (!close) {
        if (*budget == 0) {
            warn(r, W_SUBST_CAP);
            return MZ_OK;
        }
        --*budget;
        return add_name(r, name, MZ_E_AGENT, c, &off, 1);
    }
    const char *m = subst_members(r, bang + 1, (size_t)(close - bang - 1));
    if (!m)
        return fail(r, "undefined substitution set !...!");
    if (depth >= MAX_SUBST_DEPTH)
        return fail(r, "too many substitution sets in one name");
    for (; *m; m += strlen(m) + 1) {
        if (*budget == 0) { /* the rest is dropped without being built */
            warn(r, W_SUBST_CAP);
            break;
        }
        char buf[1024];
        int k = snprintf(buf, sizeof buf, "%.*s%s%s", (int)(bang - name), name, m, close + 1);
        if (k < 0 || (size_t)k >= sizeof buf) {
            warn(r, W_LONG);
            continue;
        }
        mz_status st = add_agent(r, buf, c, off, depth + 1, budget);
        if (st != MZ_OK)
            return st;
    }
    return MZ_OK;
}

static mz_status agent_line(rd *r, char *line)
{
    char *t = line_text(line);
    if (!t)
        return MZ_OK;
    if (*t == '<') {
        warn(r, W_MARKUP);
        return MZ_OK;
    }
    if (*t == '!' && strchr(t, '=') && !strchr(t, '['))
        return define_subst(r, t);
    char *br = strchr(t, '[');
    if (!br) {
        warn(r, W_NOCODE);
        return MZ_OK;
    }
    mz_pcode c;
    const char *end;
    int rc = mz_petrarch_code(br, &c, &end);
    if (rc == MZ_PCODE_UNCLOSED)
        return fail(r, "'[' without ']'");
    if (rc == MZ_PCODE_BADCODE || rc == MZ_PCODE_BADDATE || strlen(c.code) < 3) {
        warn(r, W_BADCODE);
        return MZ_OK;
    }
    if (rc == MZ_PCODE_BRACE)
        warn(r, W_BRACE);
    if (!c.role)
        warn(r, W_AGENT_NOTILDE);
    if (c.from || c.to) {
        warn(r, W_AGENT_DATE);
        c.from = c.to = 0;
    }
    *br = '\0';
    uint32_t off = mz_dict_code(r->e, c.code);
    size_t budget = MAX_AGENT_NAMES;
    char *brace = strchr(t, '{');
    if (brace) {
        char *cl = strchr(brace, '}');
        if (!cl)
            return fail(r, "'{' without '}'");
        *cl = '\0';
        *brace = '\0';
        for (char *save = NULL, *f = strtok_r(brace + 1, " \t,", &save); f;
             f = strtok_r(NULL, " \t,", &save)) {
            mz_status st = add_agent(r, f, &c, off, 0, &budget);
            if (st != MZ_OK)
                return st;
        }
    }
    return add_agent(r, t, &c, off, 0, &budget);
}

/* ---- discards ---- */

static mz_status discard_line(rd *r, char *line)
{
    char *t = line_text(line);
    if (!t)
        return MZ_OK;
    if (*t == '<') {
        warn(r, W_MARKUP);
        return MZ_OK;
    }
    if (*t == '+') {
        warn(r, W_STORY);
        t++;
    }
    mz_pcode c = {0};
    return add_name(r, t, MZ_E_DISCARD, &c, NULL, 1);
}

/* ---- verbs ---- */

/* Appends an id sequence to rd.seq; returns its offset or UINT32_MAX when out of memory. */
static uint32_t seq_add(rd *r, const uint32_t *ids, int n)
{
    if (mz_grow((void **)&r->seq, &r->seqcap, r->nseq + (size_t)n + 1, sizeof *r->seq) < 0)
        return UINT32_MAX;
    uint32_t off = (uint32_t)r->nseq;
    memcpy(r->seq + r->nseq, ids, (size_t)n * sizeof *ids);
    r->nseq += (size_t)n;
    return off;
}

static int alt_add(rd *r, uint32_t off, uint32_t n, int arabic)
{
    if (mz_grow((void **)&r->alts, &r->altcap, r->nalts + 1, sizeof *r->alts) < 0)
        return -1;
    r->alts[r->nalts++] = (alt){off, n, arabic != 0};
    return 0;
}

/* The ids of a verb-file phrase (PETRARCH text: '_' between words) appended as an alternative.
 * Returns MZ_OK, SKIP when dropped (warned), or MZ_ERR_NOMEM. */
static mz_status alt_phrase(rd *r, const char *text, size_t len)
{
    char words[512];
    name_words(text, len, words, sizeof words);
    uint32_t ids[MAX_WORDS];
    int n, arabic;
    mz_status st = phrase_ids(r, words, ids, &n, &arabic);
    if (st != MZ_OK)
        return st;
    if (n == 0) {
        warn(r, W_EMPTY);
        return SKIP;
    }
    uint32_t off = seq_add(r, ids, n);
    if (off == UINT32_MAX || alt_add(r, off, (uint32_t)n, arabic) < 0)
        return oom(r);
    return MZ_OK;
}

static const synset *find_set(const rd *r, const char *name, size_t len)
{
    while (len && name[len - 1] == '_')
        len--;
    for (size_t i = 0; i < r->nsets; i++)
        if (strlen(r->sets[i].name) == len && memcmp(r->sets[i].name, name, len) == 0)
            return &r->sets[i];
    return NULL;
}

/* Whether s[0..n) is an event code as PETRARCH's verb files write them: two to four digits and
 * at most one letter after them (CAMEO's "072", the validation suite's "1717", "174K"). */
static int event_code_shape(const char *s, size_t n)
{
    size_t d = 0;
    while (d < n && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d < 2 || d > 4)
        return 0;
    return d == n || (d + 1 == n && ((s[d] >= 'A' && s[d] <= 'Z') || (s[d] >= 'a' && s[d] <= 'z')));
}

/* Reads an event code of the verb file ("072", "042:043", ":173", "---") into out: "A", or
 * "A:B" when the code has a second part, PETRARCH's event in the other direction (target on
 * source: *X left for Y* [032:033] is X 032 Y and Y 033 X); "" when it codes nothing.  What
 * cannot apply is counted; [---] for patterns only (a verb or family without a code is
 * ordinary).  A code missing from the CAMEO table is kept as written, as PETRARCH keeps it. */
static void verb_code(rd *r, const char *s, size_t n, int in_pattern, char *out)
{
    out[0] = '\0';
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n == 3 && memcmp(s, "---", 3) == 0) {
        if (in_pattern)
            warn(r, W_NULLCODE);
        return;
    }
    const char *colon = memchr(s, ':', n);
    size_t first = colon ? (size_t)(colon - s) : n, second = colon ? n - first - 1 : 0;
    if (colon && first == 0) {
        warn(r, W_REVERSE);
        return;
    }
    if (!event_code_shape(s, first) || (colon && !event_code_shape(colon + 1, second)) ||
        n >= MZ_PCODE_MAX) {
        warn(r, W_BADCODE);
        return;
    }
    memcpy(out, s, n);
    out[n] = '\0';
    out[first] = '\0';
    int known = mz_engine_cameo(r->e, out) != NULL;
    if (colon) {
        out[first] = ':';
        char b[MZ_PCODE_MAX];
        snprintf(b, sizeof b, "%.*s", (int)second, colon + 1);
        known &= mz_engine_cameo(r->e, b) != NULL;
    }
    if (!known)
        warn(r, W_NOCAMEO);
}

/* A verb of the engine coding `code` ("A" or "A:B", as verb_code writes it) with its tail and
 * the words before it (nearest first); returns its index, MZ_NONE when out of memory. */
static uint32_t petrarch_verb(rd *r, const char *code, unsigned flags, const uint32_t *tail, int nt,
                              const uint32_t *pre, int npre)
{
    char a[MZ_PCODE_MAX];
    snprintf(a, sizeof a, "%s", code);
    char *colon = strchr(a, ':');
    if (colon)
        *colon = '\0';
    uint32_t vi = mz_dict_verb(r->e, mz_dict_code(r->e, a), flags, tail, nt, pre, npre);
    if (vi != MZ_NONE && colon)
        r->e->verbs[vi].rcode = mz_dict_code(r->e, colon + 1);
    else if (vi != MZ_NONE && (flags & MZ_V_COMPOUND)) /* a compound's members act both ways */
        r->e->verbs[vi].rcode = r->e->verbs[vi].code;
    return vi;
}

/* A member "+&NAME" of set s: the members of the set NAME, defined before it, join s (its
 * alternatives are the last ones of rd.alts, so they stay in one run). */
static mz_status set_member_set(rd *r, synset *s, const char *name)
{
    const synset *inner = find_set(r, name, strcspn(name, " \t"));
    if (!inner || inner == s) {
        warn(r, W_NOSET);
        return MZ_OK;
    }
    uint32_t first = inner->first, n = inner->n; /* alt_add may move rd.alts, not rd.sets */
    for (uint32_t i = 0; i < n; i++) {
        alt a = r->alts[first + i];
        if (alt_add(r, a.off, a.n, a.arabic) < 0)
            return oom(r);
        s->n++;
    }
    return MZ_OK;
}

/* Pass 1: "&NAME" opens a synonym set; its "+MEMBER" lines follow, words or "&SET". */
static mz_status synset_line(rd *r, char *line, int *in_set)
{
    char *t = line_text(line);
    if (!t)
        return MZ_OK;
    if (*t == '&') {
        if (mz_grow((void **)&r->sets, &r->setcap, r->nsets + 1, sizeof *r->sets) < 0)
            return oom(r);
        synset *s = &r->sets[r->nsets++];
        size_t n = strcspn(t + 1, " \t");
        while (n && t[n] == '_')
            n--;
        snprintf(s->name, sizeof s->name, "%.*s", (int)n, t + 1);
        s->first = (uint32_t)r->nalts;
        s->n = 0;
        *in_set = 1;
        return MZ_OK;
    }
    if (*t == '+' && *in_set) {
        synset *s = &r->sets[r->nsets - 1];
        if (t[1] == '&')
            return set_member_set(r, s, t + 2);
        mz_status st = alt_phrase(r, t + 1, strlen(t + 1));
        if (st == MZ_OK)
            s->n++;
        return st == SKIP ? MZ_OK : st;
    }
    if (*t != '+')
        *in_set = 0;
    return MZ_OK;
}

/* Pattern tokens. */
enum { T_WORD, T_STAR, T_SLOT, T_OPEN_PP, T_OPEN_NP, T_CLOSE };

typedef struct ptok {
    int type;
    const char *s;
    size_t n;
} ptok;

static int lex_pattern(const char *s, ptok *v, int max)
{
    int n = 0;
    while (*s) {
        if (*s == ' ' || *s == '\t') {
            s++;
            continue;
        }
        if (n == max)
            return -1;
        ptok *t = &v[n++];
        t->s = s;
        t->n = 1;
        switch (*s) {
        case '(': t->type = T_OPEN_PP; s++; continue;
        case '{': t->type = T_OPEN_NP; s++; continue;
        case ')': case '}': t->type = T_CLOSE; s++; continue;
        default: break;
        }
        /* '*' and the actor marks stand alone even when written against a word (*SCEPTICAL) */
        if (*s == '*' || strchr("$+^%", *s)) {
            t->type = *s == '*' ? T_STAR : T_SLOT;
            s++;
            continue;
        }
        size_t k = strcspn(s, " \t(){}*");
        t->n = k;
        t->type = T_WORD;
        s += k;
    }
    return n;
}

static int elem_add(rd *r, uint32_t first, uint32_t n)
{
    if (mz_grow((void **)&r->elems, &r->elemcap, r->nelems + 1, sizeof *r->elems) < 0)
        return -1;
    r->elems[r->nelems++] = (elem){first, n, 0};
    return 0;
}

/* The longest synonym set named at the start of s[0..n) (after its '&'), ending at a '_' or at
 * the end; *used is set to the bytes of the name.  NULL when none is. */
static const synset *set_at(const rd *r, const char *s, size_t n, size_t *used)
{
    for (size_t k = n; k > 0; k--) {
        if (k < n && s[k] != '_')
            continue;
        const synset *set = find_set(r, s, k);
        if (set) {
            *used = k;
            return set;
        }
    }
    return NULL;
}

/* One element of WORD/WORD alternatives (each may be A_B, adjacent words). */
static mz_status alternatives_elem(rd *r, const char *s, size_t n)
{
    uint32_t first = (uint32_t)r->nalts;
    for (const char *a = s, *end = s + n; a < end;) {
        const char *slash = memchr(a, '/', (size_t)(end - a));
        size_t len = slash ? (size_t)(slash - a) : (size_t)(end - a);
        if (len) {
            mz_status st = alt_phrase(r, a, len);
            if (st != MZ_OK)
                return st;
        }
        a += len + 1;
    }
    if (r->nalts == first)
        return MZ_OK;
    return elem_add(r, first, (uint32_t)(r->nalts - first)) < 0 ? oom(r) : MZ_OK;
}

/* Turns one word token into elements, adjacent in the text: WORD/WORD alternatives and A_B
 * words, and &SYNSET wherever it stands, joined to words by '_' (NEW_&TIETYPES_RELATIONS is
 * three elements: NEW, a member of TIETYPES, RELATIONS). */
static mz_status word_elems(rd *r, const ptok *t)
{
    const char *s = t->s, *end = t->s + t->n;
    while (s < end) {
        while (s < end && *s == '_')
            s++;
        if (s == end)
            break;
        if (*s == '&') {
            size_t used;
            const synset *set = set_at(r, s + 1, (size_t)(end - s - 1), &used);
            if (!set) {
                warn(r, W_NOSET);
                return SKIP;
            }
            if (elem_add(r, set->first, set->n) < 0)
                return oom(r);
            s += used + 1;
            continue;
        }
        const char *amp = s;
        while (amp < end && !(*amp == '&' && amp[-1] == '_'))
            amp++;
        mz_status st = alternatives_elem(r, s, (size_t)(amp - s));
        if (st != MZ_OK)
            return st;
        s = amp;
    }
    return MZ_OK;
}

/* Where other words may stand between the elements tokens_to_elems makes. */
enum { GAPS_NONE, GAPS_BEFORE, GAPS_AFTER };

/* Converts tokens [b, e) to elements; a prepositional group of two words or more gets an
 * optional "the" after its preposition.  With GAPS_BEFORE (a tail), a word after the first that
 * stands outside a group may have other words before it in the text; with GAPS_AFTER (the words
 * before the verb), each word outside a group may have other words after it. */
static mz_status tokens_to_elems(rd *r, const ptok *v, int b, int e, uint32_t the_alt, int gaps)
{
    int depth = 0;
    for (int i = b; i < e; i++) {
        depth += v[i].type == T_OPEN_PP || v[i].type == T_OPEN_NP;
        depth -= v[i].type == T_CLOSE && depth > 0;
        if (v[i].type != T_WORD)
            continue;
        size_t before = r->nelems;
        mz_status st = word_elems(r, &v[i]);
        if (st != MZ_OK)
            return st;
        if (gaps == GAPS_BEFORE && depth == 0 && r->nelems > before && before > r->tail_first)
            r->elems[before].gap = 1;
        if (gaps == GAPS_AFTER && depth == 0 && r->nelems > before)
            r->elems[r->nelems - 1].gap = 1;
        if (i > b && v[i - 1].type == T_OPEN_PP && i + 1 < e &&
            (v[i + 1].type == T_WORD || v[i + 1].type == T_OPEN_NP) && the_alt != UINT32_MAX &&
            elem_add(r, the_alt, 2) < 0)
            return oom(r);
    }
    return MZ_OK;
}

/* The alternatives {nothing, "the"}, made once per file. */
static uint32_t the_alternatives(rd *r)
{
    uint32_t ids[MAX_WORDS];
    int n, arabic;
    if (phrase_ids(r, "the", ids, &n, &arabic) != MZ_OK || n != 1)
        return UINT32_MAX;
    uint32_t off = seq_add(r, ids, 1);
    uint32_t first = (uint32_t)r->nalts;
    if (off == UINT32_MAX || alt_add(r, off, 0, 0) < 0 || alt_add(r, off, 1, 0) < 0)
        return UINT32_MAX;
    return first;
}

/* The end of a pattern's tail, the tokens from `from` (after '*'): the first actor position,
 * unless only skipped actors (^) stand between words ("* EID AT ^ WITH +": the words around
 * the skipped actor are written apart, so it may stand between them). */
static int tail_end(const ptok *v, int n, int from)
{
    int te = from;
    for (;;) {
        while (te < n && v[te].type != T_SLOT)
            te++;
        int k = te;
        while (k < n && v[k].type == T_SLOT && *v[k].s == '^')
            k++;
        if (k == te || k >= n || v[k].type == T_SLOT)
            return te;
        te = k;
    }
}

/* Whether the actor position `mark` ($ + ^ %) is among tokens [b, e). */
static int has_slot(const ptok *v, int b, int e, char mark)
{
    for (int i = b; i < e; i++)
        if (v[i].type == T_SLOT && *v[i].s == mark)
            return 1;
    return 0;
}

static mz_status pattern_line(rd *r, char *t, uint32_t the_alt)
{
    if (!r->in_family)
        return fail(r, "pattern line outside a verb family (--- NAME [CODE] ---)");
    char *br = strrchr(t, '[');
    if (!br)
        return fail(r, "pattern without a [code]");
    char *close = strchr(br, ']');
    if (!close)
        return fail(r, "'[' without ']'");
    pattern p = {0};
    p.line = r->line;
    verb_code(r, br + 1, (size_t)(close - br - 1), 1, p.code);
    *br = '\0';
    ptok v[MAX_TOKENS];
    int n = lex_pattern(t + 1, v, MAX_TOKENS);
    if (n < 0)
        return fail(r, "pattern too long");
    int star = -1;
    for (int i = 0; i < n; i++)
        if (v[i].type == T_STAR) {
            if (star >= 0)
                return fail(r, "pattern with more than one '*'");
            star = i;
        }
    if (star < 0)
        return fail(r, "pattern without '*' (the verb's place)");
    if (!p.code[0])
        return MZ_OK; /* counted by verb_code */
    int pb = star;
    while (pb > 0 && v[pb - 1].type != T_SLOT)
        pb--;
    int te = tail_end(v, n, star + 1);
    int tail_words = 0, dropped = 0, dropped_before = 0;
    for (int i = star + 1; i < n; i++)
        if (v[i].type == T_WORD)
            *(i < te ? &tail_words : &dropped) += 1;
    for (int i = 0; i < pb; i++)
        dropped_before += v[i].type == T_WORD;
    p.compound = pb > 0 && v[pb - 1].type == T_SLOT && *v[pb - 1].s == '%';
    p.reversed = has_slot(v, 0, star, '+') && has_slot(v, star + 1, n, '$');
    int slot = te;
    while (slot < n && v[slot].type == T_SLOT && *v[slot].s == '^' && slot - te < 8)
        slot++;
    if (te > star + 1 && slot < n && v[slot].type == T_SLOT && (*v[slot].s == '$' || *v[slot].s == '+')) {
        p.after_tail = *v[slot].s;
        p.skip = slot - te;
    }
    if (dropped && !tail_words) {
        warn(r, W_ONLYSLOT);
        return MZ_OK;
    }
    if (dropped)
        warn(r, W_AFTERSLOT);
    if (dropped_before)
        warn(r, W_BEFORESLOT);
    /* a word written against the '*' with '_' (FAILED_TO_*) is joined to the verb */
    int joined = star > pb && v[star - 1].type == T_WORD && v[star - 1].s + v[star - 1].n == v[star].s &&
                 v[star - 1].s[v[star - 1].n - 1] == '_';
    p.pre = (uint32_t)r->nelems;
    mz_status st = tokens_to_elems(r, v, pb, star - joined, UINT32_MAX, GAPS_AFTER);
    if (st != MZ_OK)
        return st == SKIP ? MZ_OK : st; /* a word that cannot be keyed drops the pattern */
    p.npre = (uint32_t)r->nelems - p.pre;
    p.prefix = (uint32_t)r->nelems;
    st = tokens_to_elems(r, v, star - joined, star, UINT32_MAX, GAPS_NONE);
    if (st != MZ_OK)
        return st == SKIP ? MZ_OK : st;
    p.nprefix = (uint32_t)r->nelems - p.prefix;
    p.tail = (uint32_t)r->nelems;
    r->tail_first = r->nelems;
    st = tokens_to_elems(r, v, star + 1, te, the_alt, GAPS_BEFORE);
    if (st != MZ_OK)
        return st == SKIP ? MZ_OK : st;
    p.ntail = (uint32_t)r->nelems - p.tail;
    if (mz_grow((void **)&r->pats, &r->patcap, r->npats + 1, sizeof *r->pats) < 0)
        return oom(r);
    r->pats[r->npats++] = p;
    return MZ_OK;
}

/* Adds a verb of the family (ids already in rd.seq as alternative `a`), unless the family has
 * it already. */
static mz_status family_verb(rd *r, const alt *a, const char *code)
{
    for (size_t i = 0; i < r->nverbs; i++)
        if (r->verbs[i].n == a->n &&
            memcmp(r->seq + r->verbs[i].off, r->seq + a->off, a->n * sizeof *r->seq) == 0)
            return MZ_OK;
    if (mz_grow((void **)&r->verbs, &r->verbcap, r->nverbs + 1, sizeof *r->verbs) < 0)
        return oom(r);
    fverb *v = &r->verbs[r->nverbs++];
    v->off = a->off;
    v->n = a->n;
    v->arabic = a->arabic;
    snprintf(v->code, sizeof v->code, "%s", code);
    return MZ_OK;
}

enum { FORM_MAX = 64 };

/* The regular forms PETRARCH makes of a one-word verb listed without {forms}: -S (-ES after S,
 * X, Z, CH, SH), -ED (-D after E), -ING (without a final E, not EE), in the verb's case, into
 * out; returns their count (0 for a verb that is not one word of Latin letters).  mizan matches
 * most of them by their stem anyway; these are the others (FREED, stemmed "freed", not "free"). */
static int regular_forms(const char *verb, char out[3][FORM_MAX])
{
    size_t n = strlen(verb);
    if (n < 2 || n + 4 > FORM_MAX)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((verb[i] >= 'A' && verb[i] <= 'Z') || (verb[i] >= 'a' && verb[i] <= 'z')))
            return 0;
    int lower = verb[n - 1] >= 'a';
    char last = (char)(verb[n - 1] & ~0x20), before = (char)(verb[n - 2] & ~0x20);
    int sibilant = strchr("SXZ", last) || (last == 'H' && (before == 'C' || before == 'S'));
    int drop_e = last == 'E' && before != 'E';
    snprintf(out[0], FORM_MAX, "%s%s", verb, sibilant ? (lower ? "es" : "ES") : (lower ? "s" : "S"));
    snprintf(out[1], FORM_MAX, "%s%s", verb, last == 'E' ? (lower ? "d" : "D") : (lower ? "ed" : "ED"));
    snprintf(out[2], FORM_MAX, "%.*s%s", (int)(n - (size_t)drop_e), verb, lower ? "ing" : "ING");
    return 3;
}

/* "VERB {FORM FORM} [CODE]" or "+VERB_PARTICLE {+FORM_PARTICLE ...} [CODE]". */
static mz_status verb_line(rd *r, char *t)
{
    if (!r->in_family)
        return fail(r, "verb outside a verb family (--- NAME [CODE] ---)");
    /* its own code, or the family's; a code that cannot apply leaves the verb to its patterns */
    char code[MZ_PCODE_MAX];
    snprintf(code, sizeof code, "%s", r->family_code);
    char *br = strchr(t, '[');
    if (br) {
        char *close = strchr(br, ']');
        if (!close)
            return fail(r, "'[' without ']'");
        verb_code(r, br + 1, (size_t)(close - br - 1), 0, code);
        *br = '\0';
    }
    char *forms = strchr(t, '{');
    char *close = NULL;
    if (forms) {
        close = strchr(forms, '}');
        if (!close)
            return fail(r, "'{' without '}'");
        *forms = '\0';
        *close = '\0';
    }
    char *main = mz_dict_trim(t);
    main += *main == '+';
    size_t first = r->nalts;
    mz_status st = *main ? alt_phrase(r, main, strlen(main)) : MZ_OK;
    if (st != MZ_OK && st != SKIP)
        return st;
    for (char *save = NULL, *f = forms ? strtok_r(forms + 1, " \t,", &save) : NULL; f;
         f = strtok_r(NULL, " \t,", &save)) {
        f += *f == '+';
        st = alt_phrase(r, f, strlen(f));
        if (st != MZ_OK && st != SKIP)
            return st;
    }
    char regular[3][FORM_MAX];
    int nregular = forms ? 0 : regular_forms(main, regular);
    for (int i = 0; i < nregular; i++) {
        st = alt_phrase(r, regular[i], strlen(regular[i]));
        if (st != MZ_OK && st != SKIP)
            return st;
    }
    for (size_t i = first; i < r->nalts; i++) {
        st = family_verb(r, &r->alts[i], code);
        if (st != MZ_OK)
            return st;
    }
    return MZ_OK;
}

/* Writes the odometer reading k of elements [first, first+n) into ids; returns its length or -1
 * when longer than MAX_WORDS.  An element's gap (see elem) is marked MZ_TAIL_GAP on its first
 * word (GAPS_BEFORE, not on the first of all) or on its last (GAPS_AFTER). */
static int variant(const rd *r, uint32_t first, uint32_t n, size_t k, int gaps, uint32_t *ids)
{
    int len = 0;
    /* decode the mixed-radix number k, last element fastest */
    size_t digit[2 * MAX_TOKENS];
    for (uint32_t i = n; i-- > 0;) {
        const elem *el = &r->elems[first + i];
        digit[i] = k % el->n;
        k /= el->n;
    }
    for (uint32_t i = 0; i < n; i++) {
        const elem *el = &r->elems[first + i];
        const alt *a = &r->alts[el->first + digit[i]];
        if (len + (int)a->n > MAX_WORDS)
            return -1;
        memcpy(ids + len, r->seq + a->off, a->n * sizeof *ids);
        if (el->gap && a->n && gaps == GAPS_BEFORE && len)
            ids[len] |= MZ_TAIL_GAP;
        if (el->gap && a->n && gaps == GAPS_AFTER)
            ids[len + (int)a->n - 1] |= MZ_TAIL_GAP;
        len += (int)a->n;
    }
    return len;
}

/* a * b, saturating at SIZE_MAX / 2. */
static size_t mul_sat(size_t a, size_t b)
{
    return b && a > (SIZE_MAX / 2) / b ? SIZE_MAX / 2 : a * b;
}

/* The number of variants of elements [first, first+n), saturating at SIZE_MAX / 2. */
static size_t variants(const rd *r, uint32_t first, uint32_t n)
{
    size_t total = 1;
    for (uint32_t i = 0; i < n; i++) {
        size_t k = r->elems[first + i].n;
        if (k == 0)
            return 0;
        total = mul_sat(total, k);
    }
    return total;
}

/* Patterns with more elements are tried first (HEAVILY UNJUSTLY * before HEAVILY *), those of
 * one size in file order. */
static int by_size(const void *a, const void *b)
{
    const pattern *x = a, *y = b;
    uint32_t nx = x->npre + x->nprefix + x->ntail, ny = y->npre + y->nprefix + y->ntail;
    if (nx != ny)
        return nx > ny ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* Adds the family's verbs that code by themselves. */
static mz_status add_family_verbs(rd *r)
{
    for (size_t i = 0; i < r->nverbs; i++) {
        const fverb *fv = &r->verbs[i];
        if (!fv->code[0])
            continue;
        /* a plain "make a statement" verb (SAY, ANNOUNCE ...) is an attribution verb, as 010
         * verbs are in mizan's own dictionary: the act it reports is coded on its own */
        unsigned flags = MZ_V_PETRARCH | (strcmp(fv->code, "010") == 0 ? MZ_V_SAY : 0);
        uint32_t vi = petrarch_verb(r, fv->code, flags, NULL, 0, NULL, 0);
        mz_entry q = {.kind = MZ_E_VERB, .lang = fv->arabic ? 'a' : 'e', .flags = (uint16_t)flags,
                      .value = vi};
        if (vi == MZ_NONE || mz_dict_path(r->e, r->seq + fv->off, (int)fv->n, &q) < 0)
            return oom(r);
        mz_dict_note(r->e, MZ_DICT_VERBS, fv->code, fv->arabic, 0, 0);
    }
    return MZ_OK;
}

/* Pattern phrases of one family: those added, those beyond MAX_FAMILY_PHRASES (counted only). */
typedef struct budget {
    size_t added, over;
} budget;

/* Adds, for every verb of the family, the phrases of one variant of a pattern's tail and of its
 * words before the verb (verb record vi): one per variant of the words joined to the verb. */
static mz_status add_heads(rd *r, const pattern *pt, uint32_t vi, int tailless, budget *bu)
{
    uint32_t head[2 * MAX_WORDS];
    size_t nheads = variants(r, pt->prefix, pt->nprefix);
    size_t kp = nheads < MAX_PREFIXES ? nheads : MAX_PREFIXES;
    mz_entry q = {.kind = MZ_E_VERB, .lang = 'e', .value = vi};
    for (size_t k = 0; k < kp; k++) {
        int np = variant(r, pt->prefix, pt->nprefix, k, GAPS_NONE, head);
        if (np < 0) {
            warn_n(r, W_LONG, 1, pt->line);
            continue;
        }
        for (size_t i = 0; i < r->nverbs; i++) {
            const fverb *fv = &r->verbs[i];
            /* no tail and the verb's own code: the pattern adds nothing, and a prefix
             * (POLICE * [173]) would hide the actor it names */
            if (tailless && !pt->compound && strcmp(fv->code, pt->code) == 0)
                continue;
            if (np + (int)fv->n > MAX_WORDS) {
                warn_n(r, W_LONG, 1, pt->line);
                continue;
            }
            if (bu->added >= MAX_FAMILY_PHRASES) {
                bu->over++;
                continue;
            }
            bu->added++;
            memcpy(head + np, r->seq + fv->off, fv->n * sizeof *head);
            q.lang = fv->arabic ? 'a' : 'e';
            if (mz_dict_path(r->e, head, np + (int)fv->n, &q) < 0)
                return oom(r);
            mz_dict_note(r->e, MZ_DICT_VERBS, pt->code, fv->arabic, 0, 0);
        }
    }
    return MZ_OK;
}

/* Reverses ids[0..n): the words before a verb are matched from the verb backwards. */
static void reverse(uint32_t *ids, int n)
{
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        uint32_t t = ids[i];
        ids[i] = ids[j];
        ids[j] = t;
    }
}

/* Adds a pattern for every verb of its family: a verb record per variant of its tail and of its
 * words before the verb (nearest first, each marked MZ_TAIL_GAP when other words may stand
 * between it and the word after it), at most MAX_TAILS and MAX_PREFIXES of them. */
static mz_status add_pattern(rd *r, const pattern *pt, budget *bu)
{
    uint32_t tail[MAX_WORDS], pre[MAX_WORDS];
    size_t ntails = variants(r, pt->tail, pt->ntail), npres = variants(r, pt->pre, pt->npre);
    size_t nheads = variants(r, pt->prefix, pt->nprefix);
    size_t kt = ntails < MAX_TAILS ? ntails : MAX_TAILS;
    size_t kr = npres < MAX_PREFIXES ? npres : MAX_PREFIXES;
    size_t kp = nheads < MAX_PREFIXES ? nheads : MAX_PREFIXES;
    size_t all = mul_sat(mul_sat(ntails, npres), nheads), built = kt * kr * kp;
    if (all > built)
        warn_n(r, W_CAPPED, mul_sat(all - built, r->nverbs), pt->line);
    if (bu->added >= MAX_FAMILY_PHRASES) { /* count the rest without building it */
        bu->over += mul_sat(built, r->nverbs);
        return MZ_OK;
    }
    for (size_t t = 0; t < kt; t++) {
        int nt = variant(r, pt->tail, pt->ntail, t, GAPS_BEFORE, tail);
        for (size_t k = 0; k < kr && nt >= 0; k++) {
            int npr = variant(r, pt->pre, pt->npre, k, GAPS_AFTER, pre);
            if (npr < 0) {
                warn_n(r, W_LONG, 1, pt->line);
                continue;
            }
            reverse(pre, npr);
            unsigned flags = MZ_V_PETRARCH | (pt->compound ? MZ_V_COMPOUND : 0) |
                             (pt->reversed ? MZ_V_REVERSED : 0);
            uint32_t vi = petrarch_verb(r, pt->code, flags, tail, nt, pre, npr);
            if (vi == MZ_NONE)
                return oom(r);
            r->e->verbs[vi].after_tail = nt ? pt->after_tail : 0;
            r->e->verbs[vi].skip = (uint8_t)pt->skip;
            mz_status st = add_heads(r, pt, vi, nt == 0, bu);
            if (st != MZ_OK)
                return st;
        }
        if (nt < 0)
            warn_n(r, W_LONG, 1, pt->line);
    }
    return MZ_OK;
}

/* Adds the family's verbs and patterns to the engine and clears it. */
static mz_status flush_family(rd *r)
{
    mz_status st = add_family_verbs(r);
    budget bu = {0, 0};
    if (r->npats > 1) /* qsort may not be given NULL, even for 0 items */
        qsort(r->pats, r->npats, sizeof *r->pats, by_size);
    for (size_t p = 0; p < r->npats && st == MZ_OK; p++)
        st = add_pattern(r, &r->pats[p], &bu);
    warn_n(r, W_FAMILY, bu.over, r->npats ? r->pats[0].line : r->line);
    r->npats = 0;
    r->nverbs = 0;
    r->nelems = 0;
    return st;
}

/* "---  NAME   [CODE]  ---" */
static mz_status family_header(rd *r, char *t)
{
    mz_status st = r->in_family ? flush_family(r) : MZ_OK;
    if (st != MZ_OK)
        return st;
    r->in_family = 1;
    r->family_code[0] = '\0';
    char *br = strchr(t, '[');
    if (br) {
        char *close = strchr(br, ']');
        if (!close)
            return fail(r, "'[' without ']'");
        verb_code(r, br + 1, (size_t)(close - br - 1), 0, r->family_code);
    }
    return MZ_OK;
}

/* Pass 2: families, their verbs and patterns. */
static mz_status verb_family_line(rd *r, char *line, int *in_set, uint32_t the_alt)
{
    char *t = line_text(line);
    if (!t)
        return MZ_OK;
    if (*t == '&') {
        *in_set = 1;
        return MZ_OK;
    }
    if (*t == '+' && *in_set)
        return MZ_OK;
    *in_set = 0;
    if (strncmp(t, "---", 3) == 0)
        return family_header(r, t);
    if (*t == '~') {
        warn(r, W_TRANSFORM);
        return MZ_OK;
    }
    if (*t == '<') {
        warn(r, W_MARKUP);
        return MZ_OK;
    }
    if (*t == '-')
        return pattern_line(r, t, the_alt);
    return verb_line(r, t);
}

/* ---- files ---- */

/* Whether a line opens a comment block ("<!--" or "<!") and whether it closes one. */
static int opens_block(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return strncmp(s, "<!", 2) == 0;
}

static int closes_block(const char *s) { return strstr(s, "-->") || strstr(s, "!>"); }

/* Calls fn on each line of text (modified in place), counting lines.  Comment blocks from a line
 * starting with "<!" to one holding "-->" or "!>" are skipped (counted as markup). */
static mz_status each_line(rd *r, char *text, mz_status (*fn)(rd *, char *, void *), void *state)
{
    mz_status st = MZ_OK;
    int in_block = 0;
    r->line = 0;
    for (char *p = text, *nl; p && st == MZ_OK; p = nl ? nl + 1 : NULL) {
        nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        r->line++;
        if (in_block || opens_block(p)) {
            if (!in_block)
                warn(r, W_MARKUP);
            in_block = !closes_block(in_block ? p : p + 2);
            if (nl)
                *nl = '\n';
            continue;
        }
        st = fn(r, p, state);
        if (nl)
            *nl = '\n';
        if (st == MZ_OK && r->e->pool.oom)
            st = oom(r);
    }
    return st;
}

static mz_status actor_cb(rd *r, char *line, void *state) { return actor_line(r, line, state); }
static mz_status agent_cb(rd *r, char *line, void *state)
{
    (void)state;
    return agent_line(r, line);
}

static mz_status discard_cb(rd *r, char *line, void *state)
{
    (void)state;
    return discard_line(r, line);
}

typedef struct verb_state {
    int in_set;
    uint32_t the_alt;
} verb_state;

static mz_status synset_cb(rd *r, char *line, void *state)
{
    return synset_line(r, line, &((verb_state *)state)->in_set);
}

static mz_status family_cb(rd *r, char *line, void *state)
{
    verb_state *vs = state;
    return verb_family_line(r, line, &vs->in_set, vs->the_alt);
}

/* Lines are modified by the callbacks (comments cut, names split), so each pass works on its
 * own copy of the text. */
static mz_status verbs_file(rd *r, const char *text)
{
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    if (!copy)
        return oom(r);
    verb_state vs = {0, UINT32_MAX};
    memcpy(copy, text, len + 1);
    mz_status st = each_line(r, copy, synset_cb, &vs);
    if (st == MZ_OK) {
        vs.in_set = 0;
        vs.the_alt = the_alternatives(r);
        memcpy(copy, text, len + 1);
        st = each_line(r, copy, family_cb, &vs);
    }
    if (st == MZ_OK && r->in_family)
        st = flush_family(r);
    free(copy);
    return st;
}

mz_status mz_petrarch_load(mz_engine *e, mz_dict_kind kind, const char *name, char *text,
                           mz_error *err)
{
    rd r = {.e = e, .kind = kind, .file = name, .err = err};
    mz_status st;
    switch (kind) {
    case MZ_DICT_ACTORS: {
        actor_entry en = {0};
        st = each_line(&r, text, actor_cb, &en);
        if (st == MZ_OK)
            st = flush_actor(&r, &en);
        mz_buf_free(&en.names);
        free(en.codes);
        break;
    }
    case MZ_DICT_AGENTS: st = each_line(&r, text, agent_cb, NULL); break;
    case MZ_DICT_DISCARDS: st = each_line(&r, text, discard_cb, NULL); break;
    case MZ_DICT_VERBS: st = verbs_file(&r, text); break;
    default:
        st = mz_fail(err, MZ_ERR_ARG, name, 0,
                     "a PETRARCH file can be actors, agents, verbs or discards");
        break;
    }
    mz_tokens_free(&r.toks);
    wcache_free(&r.wc);
    free(r.seq);
    free(r.alts);
    free(r.sets);
    free(r.elems);
    free(r.pats);
    free(r.verbs);
    mz_buf_free(&r.subst);
    return st;
}

/* ---- telling the format and kind ---- */

/* Calls fn on each line's [b, e) (no newline), stopping when it returns non-zero. */
static int scan_lines(const char *text, size_t len,
                      int (*fn)(const char *, const char *, void *), void *arg)
{
    for (const char *p = text, *end = text + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        int r = fn(p, e, arg);
        if (r)
            return r;
        p = e + 1;
    }
    return 0;
}

static int first_line_fmt(const char *b, const char *e, void *arg)
{
    (void)arg;
    while (b < e && (*b == ' ' || *b == '\t' || *b == '\r'))
        b++;
    if (b == e || *b == '#')
        return 0;
    const char *colon = memchr(b, ':', (size_t)(e - b));
    if (!colon || *b == '-' || memchr(b, '[', (size_t)(e - b)))
        return 2; /* PETRARCH */
    for (const char *p = b; p < colon; p++)
        if (strchr("[]{}_&+~!*<>", *p))
            return 2;
    return 1; /* mizan */
}

int mz_petrarch_detect(const char *text, size_t len)
{
    return scan_lines(text, len, first_line_fmt, NULL) == 2;
}

static int kind_line(const char *b, const char *e, void *arg)
{
    int *seen = arg;
    while (b < e && (*b == ' ' || *b == '\t'))
        b++;
    if (b == e || *b == '#')
        return 0;
    if ((e - b >= 3 && memcmp(b, "---", 3) == 0) || *b == '&')
        return 1;
    for (const char *p = b; p < e && *p != '#'; p++)
        if (*p == '[') {
            *seen |= 1;
            for (const char *q = p + 1; q < e && *q != ']' && *q != '['; q++)
                if (*q == '~')
                    *seen |= 2;
        }
    return 0;
}

/* The kind named by a word of the file's base name (Phoenix.Countries.actors.txt,
 * my_agents.txt), or MZ_DICT_AUTO. */
static mz_dict_kind kind_of_name(const char *name)
{
    static const struct { const char *word; mz_dict_kind kind; } words[] = {
        {"actors", MZ_DICT_ACTORS}, {"agents", MZ_DICT_AGENTS}, {"verbs", MZ_DICT_VERBS},
        {"discards", MZ_DICT_DISCARDS},
    };
    const char *base = name ? strrchr(name, '/') : NULL;
    base = base ? base + 1 : name ? name : "";
    for (const char *p = base; *p;) {
        size_t n = strcspn(p, "._-");
        for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
            if (n == strlen(words[i].word) && strncmp(p, words[i].word, n) == 0)
                return words[i].kind;
        p += n + (p[n] != '\0');
    }
    return MZ_DICT_AUTO;
}

mz_dict_kind mz_petrarch_kind(const char *name, const char *text, size_t len)
{
    mz_dict_kind k = kind_of_name(name);
    if (k != MZ_DICT_AUTO)
        return k;
    int seen = 0;
    if (scan_lines(text, len, kind_line, &seen))
        return MZ_DICT_VERBS;
    if (seen & 2)
        return MZ_DICT_AGENTS;
    return seen ? MZ_DICT_ACTORS : MZ_DICT_DISCARDS;
}
