/*
 * syntax.c — the dependency parse of the sentence being coded, for what word order cannot see.
 *
 * Word order takes the nearest group before an English verb as its subject; in real news a
 * relative clause, an apposition or a prepositional phrase often stands between them ("the
 * foreign minister of Kenya, who arrived on Monday, met ..."), and the nearest group is not the
 * subject.  Arabic word order stops at commas and at the verbs the dictionaries know, and takes
 * the group after an act as its party even when it belongs to another verb ("التحالف الذي تقوده
 * السعودية": Saudi Arabia leads).  When the engine has a parser model for the language, a
 * sentence whose verbs have groups to choose from is tagged and parsed (src/parse) into syntactic
 * words (an Arabic token split into its clitics: و ب موجب ه), each mapped to the token it comes
 * from; attach.c then asks for a word's head, dependents and part of speech.  Parsing costs
 * several times the rest of the coding, so it is asked for (MZ_CODE_PARSE, `mizan code
 * --parse`), a sentence is parsed when the first question is asked of it, and each language's
 * model is loaded when a sentence of that language is first parsed.
 */
#include <string.h>

#include "../parse/parse.h"
#include "coder.h"

/* The parser of the document's language, loaded on first use (NULL: the build has none). */
static const struct mz_parse_model *parser(mz_coder *c)
{
    unsigned bit = c->arabic ? 2u : 1u;
    struct mz_parse_model **slot = c->arabic ? &c->parse_ar : &c->parse_en;
    if (!(c->flags & MZ_CODE_PARSE))
        return NULL;
    if (!(c->parse_tried & bit)) {
        c->parse_tried |= bit;
        *slot = mz_parse_model_builtin(c->arabic ? "ar" : "en", NULL);
    }
    return *slot;
}

int mz_parse_current(mz_coder *c, uint32_t b, uint32_t e)
{
    c->nwords = 0;
    c->parse_pending = 0;
    if (!(c->flags & MZ_CODE_PARSE) || e - b < 3)
        return 0;
    int verbs = 0;
    for (size_t k = 0; k < c->nm && !verbs; k++)
        verbs = c->mv[k].kind == MZ_E_VERB;
    if (!verbs || c->ng < 2)
        return 0; /* nothing for a parse to decide */
    if (!c->pwork) {
        if (!(c->pwork = mz_parse_work_new()))
            return -1;
        mz_parse_work_quick(c->pwork, 1); /* the reattacher changes none of the coder's events */
    }
    c->parse_pending = 1;
    c->parse_b = b;
    c->parse_e = e;
    return 0;
}

/* Parses the sentence mz_parse_current named, when it has not been parsed yet: most sentences
 * are coded without a question to the parse (their verbs negated, background, or with no party
 * to choose), and parsing costs more than all the rest of the coding. */
static void parse_now(mz_coder *c)
{
    if (!c->parse_pending)
        return;
    c->parse_pending = 0;
    const struct mz_parse_model *m = parser(c);
    if (!m)
        return;
    uint32_t st[MZ_PARSE_MAX_WORDS], en[MZ_PARSE_MAX_WORDS];
    size_t stop;
    size_t n = mz_syntactic_words(m, c->text, &c->toks, c->parse_b, c->parse_e, c->arabic, st, en, c->wtok,
                                  MZ_PARSE_MAX_WORDS, &stop);
    if (stop != c->parse_e)
        return; /* longer than the parser takes: word order alone */
    const char *forms[MZ_PARSE_MAX_WORDS];
    for (size_t i = 0; i < n; i++) {
        forms[i] = c->text + st[i];
        c->wlen[i] = en[i] - st[i];
    }
    if (mz_parse_sentence(m, c->pwork, forms, c->wlen, n, NULL, c->parsed) == 0)
        c->nwords = n;
}

/* The word of the current parse that stands for token i, or -1: its first word whose head lies
 * outside the token (an Arabic token's stem, not its clitics: أطلقوا of وأطلقوه, روسيا of
 * لروسيا), else its first word. */
static int word_of_token(mz_coder *c, uint32_t i)
{
    parse_now(c);
    int first = -1;
    for (size_t w = 0; w < c->nwords; w++) {
        if (c->wtok[w] != i)
            continue;
        if (first < 0)
            first = (int)w;
        int h = c->parsed[w].head;
        if (h <= 0 || c->wtok[h - 1] != i)
            return (int)w;
    }
    return first;
}

uint32_t mz_parse_head(mz_coder *c, uint32_t tok, int *deprel)
{
    int w = word_of_token(c, tok);
    if (w < 0 || c->parsed[w].head <= 0)
        return UINT32_MAX;
    *deprel = c->parsed[w].deprel;
    return c->wtok[c->parsed[w].head - 1];
}

uint32_t mz_parse_dependent(mz_coder *c, uint32_t tok, int deprel)
{
    int w = word_of_token(c, tok);
    if (w < 0)
        return UINT32_MAX;
    for (size_t d = 0; d < c->nwords; d++)
        if (c->parsed[d].head == w + 1 && c->parsed[d].deprel == deprel && c->wtok[d] != UINT32_MAX)
            return c->wtok[d];
    return UINT32_MAX;
}

int mz_parse_upos(mz_coder *c, uint32_t tok)
{
    int w = word_of_token(c, tok);
    return w < 0 ? -1 : c->parsed[w].upos;
}
