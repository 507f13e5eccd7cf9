/* sentence.c — sentence boundaries over a token stream; see token.h. */
#include <stdlib.h>
#include <string.h>

#include "../util/vec.h"
#include "token.h"

/* Words after which a full stop does not end a sentence (folded forms). */
static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "adm", "gov",
    "sen", "rep", "st", "mt", "jr", "sr", "no", "vs", "etc", "inc", "corp", "ltd", "co",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
};

static int is_abbreviation(const char *fold)
{
    for (size_t i = 0; i < sizeof abbreviations / sizeof abbreviations[0]; i++)
        if (fold[0] == abbreviations[i][0] && strcmp(fold, abbreviations[i]) == 0)
            return 1;
    return 0;
}

static int is_terminal(const char *p)
{
    static const char *const enders[] = {".", "!", "?", "\xd8\x9f" /* ؟ */, "\xd8\x9b" /* ؛ */,
                                         "\xe2\x80\xa6" /* … */, "\xdb\x94" /* ۔ */};
    for (size_t i = 0; i < sizeof enders / sizeof enders[0]; i++)
        if (p[0] == enders[i][0] && strcmp(p, enders[i]) == 0) /* the first byte rules out most */
            return 1;
    return 0;
}

static int is_closer(const char *p)
{
    static const char *const closers[] = {"\"", "'", ")", "]", "\xe2\x80\x9d" /* ” */,
                                          "\xe2\x80\x99" /* ’ */, "\xc2\xbb" /* » */};
    for (size_t i = 0; i < sizeof closers / sizeof closers[0]; i++)
        if (p[0] == closers[i][0] && strcmp(p, closers[i]) == 0)
            return 1;
    return 0;
}

/* Whether the full stop at token i really ends the sentence. */
static int stop_ends(const mz_tokens *t, size_t i, size_t end)
{
    if (i > 0 && (t->v[i - 1].flags & MZ_TOK_WORD) && t->v[i - 1].end == t->v[i].start) {
        const char *prev = mz_tok_fold(t, i - 1);
        if (t->v[i - 1].fold_len <= 4 && is_abbreviation(prev)) /* none is longer */
            return 0;
        /* an initial: "J. Smith" */
        if (t->v[i - 1].fold_len == 1 && (t->v[i - 1].flags & MZ_TOK_INITCAP))
            return 0;
    }
    if (i + 1 < end && (t->v[i + 1].flags & MZ_TOK_WORD) && !(t->v[i + 1].flags & MZ_TOK_ARABIC) &&
        !(t->v[i + 1].flags & (MZ_TOK_INITCAP | MZ_TOK_NEWLINE)))
        return 0; /* next word starts in lower case */
    return 1;
}

static int add(mz_sentences *out, const mz_tokens *t, size_t b, size_t e)
{
    if (e <= b)
        return 0;
    if (mz_grow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v) < 0)
        return -1;
    mz_sentence *s = &out->v[out->n++];
    s->tok_begin = (uint32_t)b;
    s->tok_end = (uint32_t)e;
    s->start = t->v[b].start;
    s->end = t->v[e - 1].end;
    return 0;
}

int mz_split_sentences(const char *text, const mz_tokens *t, mz_sentences *out)
{
    (void)text;
    out->n = 0;
    size_t begin = 0;
    for (size_t i = 0; i < t->n; i++) {
        if (i > begin && ((t->v[i].flags & MZ_TOK_NEWLINE) || i - begin >= MZ_SENT_MAX_TOKENS)) {
            if (add(out, t, begin, i) < 0)
                return -1;
            begin = i;
        }
        int ends = 0;
        if (t->v[i].flags & MZ_TOK_PUNCT) {
            const char *p = mz_tok_fold(t, i);
            ends = is_terminal(p) && (strcmp(p, ".") != 0 || stop_ends(t, i, t->n));
        } else if ((t->v[i].flags & MZ_TOK_ABBREV) && i + 1 < t->n &&
                   (t->v[i + 1].flags & MZ_TOK_NEWLINE)) {
            ends = 1;
        }
        if (!ends)
            continue;
        while (i + 1 < t->n && (t->v[i + 1].flags & MZ_TOK_PUNCT) &&
               !(t->v[i + 1].flags & MZ_TOK_NEWLINE) &&
               (is_closer(mz_tok_fold(t, i + 1)) || is_terminal(mz_tok_fold(t, i + 1))))
            i++;
        if (add(out, t, begin, i + 1) < 0)
            return -1;
        begin = i + 1;
    }
    return add(out, t, begin, t->n);
}

void mz_sentences_free(mz_sentences *s)
{
    free(s->v);
    memset(s, 0, sizeof *s);
}
