/*
 * explain.c — `mizan code --explain`: the coder's decisions, in words, for users who audit what
 * it coded and for the work that improves it.
 *
 * With MZ_CODE_EXPLAIN the passes append lines to c->explain: the document's country and how it
 * was found; for each sentence the mentions the dictionaries found (token span, kind, code or
 * pattern, surface text), the actors and groups built from them (with the earlier mention an
 * actor was resolved from), then per verb the roles chosen and why an event was emitted or not
 * (attach.c and coder.c).  Without the flag every function here returns at once.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "coder.h"

void mz_explain(mz_coder *c, const char *fmt, ...)
{
    if (!(c->flags & MZ_CODE_EXPLAIN))
        return;
    va_list ap;
    va_start(ap, fmt);
    mz_buf_vprintf(&c->explain, fmt, ap);
    va_end(ap);
    mz_buf_putc(&c->explain, '\n');
}

void mz_explain_home(mz_coder *c, const char *how)
{
    if (!(c->flags & MZ_CODE_EXPLAIN))
        return;
    if (c->home[0])
        mz_explain(c, "document %s: country %s, %s \"%s\"", c->doc_id, c->home, how, c->home_text);
    else
        mz_explain(c, "document %s: no country named", c->doc_id);
}

static const char *const kind_names[] = {
    [MZ_E_ACTOR] = "actor", [MZ_E_ADJ] = "adjective", [MZ_E_AGENT] = "agent",
    [MZ_E_VERB] = "verb", [MZ_E_DISCARD] = "discard", [MZ_E_MARKER] = "marker",
};

/* One mention: its tokens, kind, what it stands for and its words. */
static void explain_mention(mz_coder *c, const mz_mention *m)
{
    const char *what = "";
    char tail[512] = "";
    switch (m->kind) {
    case MZ_E_ACTOR: case MZ_E_ADJ: case MZ_E_AGENT:
        what = mz_mention_code(c, m);
        break;
    case MZ_E_VERB:
        what = mz_verb_code(c, m);
        if (m->tail_e > m->tail_b)
            snprintf(tail, sizeof tail, " ... \"%s\"", mz_span_text(c, m->tail_b, m->tail_e));
        break;
    case MZ_E_MARKER: /* kind 0: a dateline's place, no longer an actor (context.c) */
        what = m->value ? mz_marker_name((int)m->value) : "dateline";
        break;
    default:
        break;
    }
    mz_explain(c, "    [%u,%u) %-9s %-7s \"%s\"%s%s%s", m->b, m->e, kind_names[m->kind], what,
               mz_span_text(c, m->b, m->e), tail,
               m->kind == MZ_E_VERB && (m->flags & MZ_V_NOUN) ? " (noun)" : "",
               m->kind == MZ_E_VERB && (m->flags & MZ_V_SAY) ? " (attribution)" : "");
}

void mz_explain_sentence(mz_coder *c, size_t index, const char *text)
{
    if (!(c->flags & MZ_CODE_EXPLAIN))
        return;
    const mz_sentence *s = &c->sents.v[index];
    mz_explain(c, "sentence %zu: %s", index, text);
    mz_explain(c, "  mentions (tokens [%u,%u)):", s->tok_begin, s->tok_end);
    if (!c->nm)
        mz_explain(c, "    none");
    for (size_t k = 0; k < c->nm; k++)
        explain_mention(c, &c->mv[k]);
}

void mz_explain_groups(mz_coder *c)
{
    if (!(c->flags & MZ_CODE_EXPLAIN))
        return;
    mz_explain(c, "  actors:");
    if (!c->ng)
        mz_explain(c, "    none");
    for (size_t g = 0; g < c->ng; g++) {
        mz_buf line = MZ_BUF_INIT;
        mz_buf_printf(&line, "    group %zu:", g);
        for (int i = c->gv[g].first; i < c->gv[g].first + c->gv[g].n; i++) {
            const mz_actor *a = &c->av[i];
            mz_buf_printf(&line, "%s %s \"%s\"", i > c->gv[g].first ? " +" : "",
                          a->code ? a->code : "(no country)", mz_span_text(c, a->b, a->e));
            if (a->context)
                mz_buf_printf(&line, " (%s \"%s\")", a->home ? "the document's country, from" : "introduced as",
                              a->context);
        }
        mz_explain(c, "%s", line.data ? line.data : "");
        mz_buf_free(&line);
    }
}

const char *mz_coder_explanation(const mz_coder *c)
{
    return c->explain.data ? c->explain.data : "";
}
