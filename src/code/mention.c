/*
 * mention.c — finding dictionary phrases in a sentence.
 *
 * At each token the matcher walks the trie along every known reading of the following tokens
 * (an Arabic word may have several clitic readings) and keeps the longest phrase whose entries
 * resolve: an actor valid on the document's date, a verb whose tail (if it has one) follows.
 * Ties go to the reading that strips fewer letters.  The walk is bounded by the phrase length,
 * so the cost per token does not depend on the dictionary's size.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/vec.h"
#include "coder.h"

/* a tail starts within TAIL_WINDOW tokens after the head: an Arabic VSO subject named in full
 * (سيطرت القوات الموالية لحكومة الرئيس اليمني ... على) stands between a verb and its preposition */
enum { TAIL_WINDOW = 12, TAIL_GAP = 3 };

typedef struct best {
    uint32_t sent_b; /* the sentence's first token */
    uint32_t end;
    int stripped;
    uint8_t first_clitic, last_clitic;
    mz_mention m;
    int found;
} best;

/* Whether token t has the word id w among its known keys. */
static int token_has(const mz_coder *c, uint32_t t, uint32_t w)
{
    for (uint32_t j = 0; j < c->kn[t]; j++)
        if (c->kc[c->kfirst[t] + j].word == w)
            return 1;
    return 0;
}

/* Whether the tail of verb v follows tokens from `from` (within a few tokens, before `end`).
 * Each word follows the one before it, or, marked MZ_TAIL_GAP, comes within TAIL_GAP tokens
 * after it (the first found).  Sets *tb and *te to the tail's tokens. */
static int tail_follows(const mz_coder *c, const mz_verb *v, uint32_t from, uint32_t end,
                        uint32_t *tb, uint32_t *te)
{
    const uint32_t *w = c->e->tail_words + v->tail;
    for (uint32_t s = from; s < end && s < from + TAIL_WINDOW; s++) {
        if (!token_has(c, s, w[0] & ~MZ_TAIL_GAP))
            continue;
        uint32_t t = s, k = 1;
        for (; k < v->ntail; k++) {
            uint32_t reach = (w[k] & MZ_TAIL_GAP) ? TAIL_GAP + 1 : 1, u = t + 1;
            while (u < end && u <= t + reach && !token_has(c, u, w[k] & ~MZ_TAIL_GAP))
                u++;
            if (u >= end || u > t + reach)
                break;
            t = u;
        }
        if (k == v->ntail) {
            *tb = s;
            *te = t + 1;
            return 1;
        }
    }
    return 0;
}

/* Roots of the acts whose matter an English "that" clause states: statements, appeals, demands,
 * disapproval, rejections, threats ("demanded that NATO withdraw its forces": 106). */
static const char *const clause_roots[] = {"01", "02", "10", "11", "12", "13"};

/* Whether an English "that" stands at token `at`, right after a verb's words. */
static int that_at(const mz_coder *c, uint32_t at, uint32_t end)
{
    return !c->arabic && at < end && mz_tok_fold(&c->toks, at)[0] == 't' && mz_tok_is(c, at, "that");
}

/* Whether, with a "that" right after it (that_at), verb v's tail may not reach into the clause
 * it opens: "concluded that the agreement between Turkey and Libya is null" concluded no
 * agreement.  PETRARCH's patterns and the acts of clause_roots keep their tails. */
static int clause_cuts_tail(const mz_coder *c, const mz_verb *v)
{
    return !(v->flags & MZ_V_PETRARCH) &&
           !mz_code_prefixed(mz_pool_str(c->e, v->code), clause_roots, sizeof clause_roots / sizeof clause_roots[0]);
}

/* Whether the words PETRARCH's pattern of verb v puts before it stand before token `at`, from
 * the nearest back, none before token `from`: each right before the one after it, or, marked
 * MZ_TAIL_GAP, within TAIL_GAP tokens of it (the nearest found).  Sets *pre_b to the first. */
static int pre_precedes(const mz_coder *c, const mz_verb *v, uint32_t from, uint32_t at,
                        uint32_t *pre_b)
{
    const uint32_t *w = c->e->tail_words + v->pre;
    for (uint32_t k = 0; k < v->npre; k++) {
        uint32_t reach = (w[k] & MZ_TAIL_GAP) ? TAIL_GAP + 1 : 1, u = at;
        while (u > from && at - u < reach && !token_has(c, u - 1, w[k] & ~MZ_TAIL_GAP))
            u--;
        if (u == from || at - u >= reach)
            return 0;
        at = u - 1;
    }
    *pre_b = at;
    return 1;
}

static int names_actor(const mz_mention *m)
{
    return m->kind == MZ_E_ACTOR || m->kind == MZ_E_ADJ || m->kind == MZ_E_AGENT;
}

/* Whether actors joined by "and" end at most two tokens before token `at` ("Gondor and
 * Osgiliath have"), among the mentions found so far: the compound subject PETRARCH's '%'
 * stands for. */
static int compound_before(const mz_coder *c, uint32_t at)
{
    size_t k = c->nm;
    while (k > 0 && c->mv[k - 1].b >= at)
        k--;
    if (k == 0 || !names_actor(&c->mv[k - 1]) || c->mv[k - 1].e + 2 < at)
        return 0;
    k--;
    while (k > 0 && names_actor(&c->mv[k - 1]) && c->mv[k - 1].e == c->mv[k].b)
        k--; /* the last member's words: "Osgiliath officials" */
    if (k < 2)
        return 0;
    const mz_mention *conj = &c->mv[k - 1], *first = &c->mv[k - 2];
    return conj->kind == MZ_E_MARKER && conj->value == MZ_M_CONJ && conj->e + 1 >= c->mv[k].b &&
           names_actor(first) && first->e == conj->b;
}

/* The word ids of the known keys of the tokens where a verb's tail may start: [from,
 * from + TAIL_WINDOW), before the sentence's end.  Gathered once per phrase, so that each of the
 * many tailed patterns of a common verb (up to dozens) is turned down by its first word without
 * a scan of the tokens; n is -1 until gathered. */
typedef struct tail_starts {
    uint32_t word[TAIL_WINDOW * MZ_CAND_MAX];
    int n;
} tail_starts;

static void tail_starts_fill(const mz_coder *c, uint32_t from, uint32_t end, tail_starts *ts)
{
    ts->n = 0;
    for (uint32_t s = from; s < end && s < from + TAIL_WINDOW; s++)
        for (uint32_t j = 0; j < c->kn[s]; j++)
            ts->word[ts->n++] = c->kc[c->kfirst[s] + j].word;
}

/* Whether a tail whose first word is `word` may start in the window (tail_follows says if it
 * does). */
static int tail_may_start(const tail_starts *ts, uint32_t word)
{
    for (int i = 0; i < ts->n; i++)
        if (ts->word[i] == word)
            return 1;
    return 0;
}

/* Whether an entry's date range holds the document's date.  An undated document takes entries
 * that are still open (no end date). */
static int date_ok(const mz_coder *c, const mz_entry *en)
{
    if (!en->from && !en->to)
        return 1;
    if (!c->date_num)
        return en->to == 0;
    return (!en->from || c->date_num >= en->from) && (!en->to || c->date_num <= en->to);
}

/* The priority of a mention's kind when one phrase carries entries of several kinds. */
static int priority(const mz_mention *m)
{
    static const int order[] = {[MZ_E_MARKER] = 6, [MZ_E_DISCARD] = 5, [MZ_E_ACTOR] = 4,
                                [MZ_E_ADJ] = 3, [MZ_E_AGENT] = 2, [MZ_E_VERB] = 1};
    /* a verb pattern headed by a word of receiving ("تلقى ... اتصال") is read as the verb */
    if (m->kind == MZ_E_MARKER && m->value == MZ_M_RECEIVE)
        return 0;
    return order[m->kind];
}

/* Whether token i is written as an English plural (ends in s). */
static int plural_surface(const mz_coder *c, uint32_t i)
{
    const mz_token *t = &c->toks.v[i];
    return t->fold_len > 1 && mz_tok_fold(&c->toks, i)[t->fold_len - 1] == 's';
}

/* The agents the dictionaries write in -ed themselves (agents.txt: "the displaced"). */
static const char *const agents_in_ed[] = {"displaced"};

/* Whether English token i is a past form in -ed ("forced", "governed", "policed"), which
 * the stemmer gives an agent's stem (forces, government, police): a verb, never an agent,
 * unless the agent is written so (agents_in_ed). */
static int past_form(const mz_coder *c, uint32_t i)
{
    size_t n = c->toks.v[i].fold_len;
    const char *w = mz_tok_fold(&c->toks, i);
    if (n <= 3 || w[n - 1] != 'd' || w[n - 2] != 'e')
        return 0;
    for (size_t k = 0; k < sizeof agents_in_ed / sizeof agents_in_ed[0]; k++)
        if (strcmp(w, agents_in_ed[k]) == 0)
            return 0;
    return 1;
}

/* Resolves the entries at a trie node for the phrase [b, end) of a sentence from sent_b into one
 * mention: the entry of the highest-priority kind; among verb patterns, the first whose tail
 * follows and whose words before the verb precede it, else the first plain one.  An English agent written as an agent noun and a verb on one stem ("protest":
 * protesters, to protest) are told apart by the text word's form (mz_agentive_word). */
static int resolve(const mz_coder *c, uint32_t node, uint32_t sent_b, uint32_t b, uint32_t end,
                   uint32_t sent_end, mz_mention *out)
{
    const mz_entry *ents = c->e->entries;
    int got = 0, tailed = 0;
    const mz_entry *adj = NULL;
    mz_mention verb = {0}; /* the verb reading, kept beside a higher-priority one */
    int have_verb = 0, verb_tailed = 0;
    tail_starts starts; /* not initialised as a whole: it is large, and gathered on demand */
    starts.n = -1;
    int that_next = -1; /* whether "that" follows the phrase (that_at), -1 until asked */
    int adj_form = -1, adv_form = -1; /* the phrase's word forms, -1 until asked */
    for (uint32_t i = c->e->m.node_entry[node]; i != MZ_NONE; i = ents[i].next) {
        const mz_entry *en = &ents[i];
        mz_mention m = {.kind = en->kind, .flags = en->flags, .b = b, .e = end, .value = en->value,
                        .tail_b = end, .tail_e = end, .pre_b = b};
        if ((en->kind == MZ_E_ACTOR || en->kind == MZ_E_ADJ) && !date_ok(c, en))
            continue;
        if (en->kind == MZ_E_ACTOR && (en->from || en->to))
            m.flags |= MZ_MENTION_PERSON;
        if (en->kind == MZ_E_ADJ && en->lang == 'e' && !adj)
            adj = en;
        if (en->kind == MZ_E_VERB && en->lang == 'e' && end == b + 1 && adj_form < 0)
            adj_form = mz_adjective_form(mz_tok_fold(&c->toks, b), c->toks.v[b].fold_len);
        if (en->kind == MZ_E_VERB && en->lang == 'e' && end == b + 1 && adj_form)
            continue;
        if (en->kind != MZ_E_VERB && en->lang == 'e' && adv_form < 0)
            adv_form = mz_adverb_form(mz_tok_fold(&c->toks, end - 1), c->toks.v[end - 1].fold_len);
        if (en->kind != MZ_E_VERB && en->lang == 'e' && adv_form)
            continue; /* "officially", "militarily": an adverb names no one */
        if (en->kind == MZ_E_AGENT && en->lang == 'e' && end == b + 1 && past_form(c, b))
            continue; /* "forced", "governed": a verb in -ed names no one */
        if (en->kind == MZ_E_VERB) {
            const mz_verb *v = &c->e->verbs[en->value];
            int pattern = v->ntail || v->npre || (v->flags & MZ_V_COMPOUND);
            if (got && out->kind == MZ_E_VERB && (tailed || !pattern))
                continue; /* an earlier pattern that matched, or a plain one beaten by nothing yet */
            if (v->ntail && that_next < 0)
                that_next = that_at(c, end, sent_end);
            if (v->ntail && that_next && clause_cuts_tail(c, v))
                continue;
            if (v->ntail && starts.n < 0)
                tail_starts_fill(c, end, sent_end, &starts);
            if (v->ntail && (!tail_may_start(&starts, c->e->tail_words[v->tail] & ~MZ_TAIL_GAP) ||
                             !tail_follows(c, v, end, sent_end, &m.tail_b, &m.tail_e)))
                continue;
            if (v->npre && !pre_precedes(c, v, sent_b, b, &m.pre_b))
                continue;
            if ((v->flags & MZ_V_COMPOUND) && !compound_before(c, m.pre_b))
                continue;
            if (pattern)
                tailed = 1;
            if (!have_verb || (pattern && !verb_tailed)) {
                verb = m;
                have_verb = 1;
                verb_tailed = pattern;
            }
        }
        if (!got || priority(&m) > priority(out) ||
            (m.kind == MZ_E_VERB && out->kind == MZ_E_VERB)) {
            *out = m;
            got = 1;
        }
    }
    /* English stems make "the Russians" and "Russian" one key: read the singular form as the
     * adjective, far more frequent in news ("Russian missiles", "a Chinese-brokered deal"), and
     * a plural as the people ("thousands of Pakistanis protested") */
    if (got && out->kind == MZ_E_ACTOR && adj && !plural_surface(c, end - 1))
        out->kind = MZ_E_ADJ, out->value = adj->value, out->flags = adj->flags;
    if (got && out->kind == MZ_E_AGENT && (out->flags & MZ_A_AGENTIVE) && have_verb &&
        !mz_agentive_word(mz_tok_fold(&c->toks, end - 1), c->toks.v[end - 1].fold_len))
        *out = verb;
    return got;
}

/* Whether m reads an Arabic word written with the article (head reading `hk`) as a conjugated
 * verb whose form is no verbal noun.  A three-letter verb's past is also its verbal noun in
 * writing (القصف: the shelling), and so is that of the verbs of forms V and VI, in ت (التعاون,
 * التفاوض: cooperation, negotiation); any other form with the article is a participle or another
 * noun (الطالب: the student, not طالب, he demanded; القاتل: the killer).  Verbal nouns the
 * dictionaries write (المطالبة) are no conjugated forms, and a form read with its ة is a
 * verbal noun already (السيطرة, walk). */
static int article_on_derived(const mz_coder *c, uint8_t first_clitic, const mz_kcand *hk,
                              const mz_mention *m)
{
    if (m->kind != MZ_E_VERB || !(first_clitic & MZ_CL_DEF) || !(m->flags & (MZ_V_PAST | MZ_V_PRES)))
        return 0;
    const char *w = c->e->m.words + c->e->m.woff[hk->word];
    size_t letters = c->e->m.wlen[hk->word] / 2;
    return letters > 3 && memcmp(w, "\xd8\xaa" /* ت */, 2) != 0;
}

/* The compass words: written without the article and followed by a noun they name a direction
 * (غرب بغداد, west of Baghdad; شمال البلاد), with it a bloc or a region (الغرب, the West). */
static const char *const compass[] = {"\xd8\xba\xd8\xb1\xd8\xa8" /* غرب */, "\xd8\xb4\xd8\xb1\xd9\x82" /* شرق */,
                                      "\xd8\xb4\xd9\x85\xd8\xa7\xd9\x84" /* شمال */,
                                      "\xd8\xac\xd9\x86\xd9\x88\xd8\xa8" /* جنوب */};

/* Whether m reads a compass word without the article, before another word, as a one-word actor:
 * a direction, not the bloc or region the dictionary names with the article. */
static int direction(const mz_coder *c, uint8_t first_clitic, const mz_kcand *hk, const mz_mention *m,
                     int one_word, uint32_t next, uint32_t end)
{
    if (m->kind != MZ_E_ACTOR || !one_word || (first_clitic & MZ_CL_DEF) || next >= end ||
        !(c->toks.v[next].flags & MZ_TOK_WORD))
        return 0;
    const char *w = c->e->m.words + c->e->m.woff[hk->word];
    size_t len = c->e->m.wlen[hk->word];
    for (size_t i = 0; i < sizeof compass / sizeof *compass; i++)
        if (len && w[0] == compass[i][0] && len == strlen(compass[i]) &&
            memcmp(w, compass[i], len) == 0) /* the first byte rules out most */
            return 1;
    return 0;
}

/* Depth-first walk from `node` at token `pos`.  `head_fem`: the phrase's first word was read
 * without the ة it is written with (وزيرة as وزير, سيطرة as سيطر). */
static void walk(const mz_coder *c, uint32_t node, uint32_t b, uint32_t pos, uint32_t end,
                 int stripped, uint8_t first_clitic, int head_fem, const mz_kcand *head, best *bst)
{
    if (pos >= end || pos - b >= 16)
        return;
    for (uint32_t j = 0; j < c->kn[pos]; j++) {
        const mz_kcand *k = &c->kc[c->kfirst[pos] + j];
        uint32_t child = mz_matcher_next(&c->e->m, node, k->word);
        if (child == MZ_NONE)
            continue;
        int s = stripped + k->stripped;
        uint8_t fc = pos == b ? k->clitic : first_clitic;
        int hf = pos == b ? k->fem : head_fem;
        const mz_kcand *hk = pos == b ? k : head;
        mz_mention m;
        if (c->e->m.node_entry[child] != MZ_NONE &&
            resolve(c, child, bst->sent_b, b, pos + 1, end, &m) && !(!hf && article_on_derived(c, fc, hk, &m)) &&
            !direction(c, fc, hk, &m, pos == b, pos + 1, end) &&
            !(hf && m.kind == MZ_E_ACTOR) && /* a name takes no ة: الحماسة is no حماس */
            (!bst->found || pos + 1 > bst->end || (pos + 1 == bst->end && s < bst->stripped))) {
            bst->found = 1;
            bst->end = pos + 1;
            bst->stripped = s;
            m.clitic = fc;
            m.last_clitic = k->clitic;
            /* a verb form with the article is its verbal noun: القصف, not قصف (he shelled); so is
             * one with a ة: سيطرة, إقامة (control, establishing), not سيطر + a pronoun */
            if (m.kind == MZ_E_VERB && ((fc & MZ_CL_DEF) || hf))
                m.flags = (uint16_t)((m.flags | MZ_V_NOUN) & ~(MZ_V_PAST | MZ_V_PRES));
            bst->m = m;
        }
        if (mz_matcher_inner(&c->e->m, child))
            walk(c, child, b, pos + 1, end, s, fc, hf, hk, bst);
    }
}

static int push(mz_coder *c, const mz_mention *m)
{
    if (mz_grow((void **)&c->mv, &c->m_cap, c->nm + 1, sizeof *c->mv) < 0)
        return -1;
    c->mv[c->nm++] = *m;
    return 0;
}

/* Whether mention k lies among the words of verb mention h's pattern: inside its tail ("military"
 * in "provide ... military aid" is part of the act, not an agent; grammar markers stay, they
 * still say how the act is meant), or a marker or verb among the words its PETRARCH pattern
 * puts before it ("will not" in WILL NOT * [904]: the pattern's code says the negation). */
static int inside_pattern(const mz_mention *m, const mz_mention *h)
{
    if (h->kind != MZ_E_VERB)
        return 0;
    if (m->kind != MZ_E_MARKER && m->b >= h->tail_b && m->e <= h->tail_e)
        return 1;
    return (m->kind == MZ_E_MARKER || m->kind == MZ_E_VERB) && m->b >= h->pre_b && m->e <= h->b;
}

/* Drops the mentions among the words of a verb's pattern (inside_pattern). */
static void drop_pattern_mentions(mz_coder *c)
{
    int words = 0;
    for (size_t v = 0; v < c->nm && !words; v++)
        words = c->mv[v].kind == MZ_E_VERB &&
                (c->mv[v].tail_e > c->mv[v].tail_b || c->mv[v].pre_b < c->mv[v].b);
    if (!words)
        return; /* nothing to drop: the mentions and tok_mention stand as they are */
    size_t kept = 0;
    for (size_t k = 0; k < c->nm; k++) {
        const mz_mention *m = &c->mv[k];
        int inside = 0;
        for (size_t v = 0; v < c->nm && !inside; v++)
            inside = v != k && inside_pattern(m, &c->mv[v]);
        for (uint32_t i = m->b; i < m->e; i++)
            c->tok_mention[i] = inside ? -1 : (int32_t)kept;
        if (!inside)
            c->mv[kept++] = *m;
    }
    c->nm = kept;
}

int mz_find_mentions(mz_coder *c, uint32_t b, uint32_t e)
{
    c->nm = 0;
    for (uint32_t i = b; i < e; i++)
        c->tok_mention[i] = -1;
    for (uint32_t i = b; i < e;) {
        if (c->kn[i] == 0) { /* no known key: no phrase starts here */
            i++;
            continue;
        }
        best bst = {.sent_b = b};
        walk(c, 0, i, i, e, 0, 0, 0, NULL, &bst);
        if (!bst.found) {
            i++;
            continue;
        }
        if (push(c, &bst.m) < 0)
            return -1;
        for (uint32_t k = i; k < bst.end; k++)
            c->tok_mention[k] = (int32_t)(c->nm - 1);
        i = bst.end;
    }
    drop_pattern_mentions(c);
    return 0;
}
