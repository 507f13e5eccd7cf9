/*
 * syntax.c — the dependency parse of the sentence being coded, for what word order cannot see.
 *
 * Word order takes the nearest group before an English verb as its subject; in real news a
 * relative clause, an apposition or a prepositional phrase often stands between them ("the
 * foreign minister of Kenya, who arrived on Monday, met ..."), and the nearest group is not the
 * subject.  When the engine has a parser model for the language, each sentence whose verbs have
 * groups to choose from is tagged and parsed (src/parse) into syntactic words, each mapped to
 * the token it comes from; attach.c then asks for a verb's subject and object by relation.
 * Parsing costs several times the rest of the coding, so it is asked for (MZ_CODE_PARSE,
 * `mizan code --parse`).
 */
#include <string.h>

#include "../parse/parse.h"
#include "coder.h"

int mz_parse_current(mz_coder *c, uint32_t b, uint32_t e)
{
    c->nwords = 0;
    const struct mz_parse_model *m = c->arabic ? NULL : c->parse_en;
    if (!m || e - b < 3)
        return 0;
    int verbs = 0;
    for (size_t k = 0; k < c->nm && !verbs; k++)
        verbs = c->mv[k].kind == MZ_E_VERB;
    if (!verbs || c->ng < 2)
        return 0; /* nothing for a parse to decide */
    if (!c->pwork && !(c->pwork = mz_parse_work_new()))
        return -1;
    uint32_t st[MZ_PARSE_MAX_WORDS], en[MZ_PARSE_MAX_WORDS];
    size_t stop;
    size_t n = mz_syntactic_words(m, c->text, &c->toks, b, e, 0, st, en, c->wtok, MZ_PARSE_MAX_WORDS, &stop);
    if (stop != e)
        return 0; /* longer than the parser takes: word order alone */
    const char *forms[MZ_PARSE_MAX_WORDS];
    for (size_t i = 0; i < n; i++) {
        forms[i] = c->text + st[i];
        c->wlen[i] = en[i] - st[i];
    }
    if (mz_parse_sentence(m, c->pwork, forms, c->wlen, n, NULL, c->parsed) < 0)
        return 0;
    c->nwords = n;
    return 0;
}

/* The word of the current parse that token i begins, or -1. */
static int word_of_token(const mz_coder *c, uint32_t i)
{
    for (size_t w = 0; w < c->nwords; w++)
        if (c->wtok[w] == i)
            return (int)w;
    return -1;
}

uint32_t mz_parse_head(const mz_coder *c, uint32_t tok, int *deprel)
{
    int w = word_of_token(c, tok);
    if (w < 0 || c->parsed[w].head <= 0)
        return UINT32_MAX;
    *deprel = c->parsed[w].deprel;
    return c->wtok[c->parsed[w].head - 1];
}

uint32_t mz_parse_dependent(const mz_coder *c, uint32_t tok, int deprel)
{
    int w = word_of_token(c, tok);
    if (w < 0)
        return UINT32_MAX;
    for (size_t d = 0; d < c->nwords; d++)
        if (c->parsed[d].head == w + 1 && c->parsed[d].deprel == deprel && c->wtok[d] != UINT32_MAX)
            return c->wtok[d];
    return UINT32_MAX;
}
