/*
 * fuzz_conllu.c — arbitrary bytes as a CoNLL-U treebank (src/parse/conllu.c).
 *
 * The text is read with mz_treebank_read.  A rejected input must say why, with a line inside the
 * input; an accepted one must hold sentences whose heads lie inside them and whose strings are
 * inside the pool.  Each accepted sentence is then tagged and parsed with the built-in English
 * model (loaded once), and the result must be a tree: one root, heads in range, no cycle.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/parse/parse.h"

static mz_parse_model *model;
static mz_parse_work *work;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    mz_error err = {0};
    model = mz_parse_model_builtin("en", &err);
    work = mz_parse_work_new();
    if (!model || !work) {
        fprintf(stderr, "fuzz_conllu: %s\n", err.message);
        abort();
    }
    return 0;
}

/* Parses one sentence of the treebank and checks that the result is a tree. */
static void parse_sentence(const mz_treebank *tb, const mz_ud_sent *s)
{
    const char *forms[MZ_PARSE_MAX_WORDS];
    uint32_t lens[MZ_PARSE_MAX_WORDS];
    mz_parsed out[MZ_PARSE_MAX_WORDS];
    for (uint32_t i = 0; i < s->n; i++) {
        forms[i] = mz_tb_str(tb, tb->words[s->first + i].form);
        lens[i] = (uint32_t)strlen(forms[i]);
    }
    if (mz_parse_sentence(model, work, forms, lens, s->n, NULL, out) != 0)
        abort();
    int roots = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        if (out[i].head < 0 || out[i].head > (int)s->n || out[i].upos >= MZ_UPOS_COUNT ||
            out[i].deprel >= MZ_DEPREL_COUNT)
            abort();
        roots += out[i].head == 0;
        uint32_t steps = 0;
        for (int h = out[i].head; h != 0; h = out[h - 1].head)
            if (++steps > s->n)
                abort(); /* a cycle */
    }
    if (roots != 1)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mz_treebank tb = {0};
    mz_error err = {0};
    mz_status st = mz_treebank_read(&tb, "fuzz", (const char *)data, size, &err);
    if (st != MZ_OK && (!err.message[0] || err.line < 1 || (size_t)err.line > size + 1))
        abort(); /* an error must say why and where */
    for (size_t i = 0; i < tb.nsents; i++) {
        const mz_ud_sent *s = &tb.sents[i];
        if (s->first + s->n > tb.nwords || s->n == 0)
            abort();
        for (uint32_t k = 0; k < s->n; k++) {
            const mz_ud_word *w = &tb.words[s->first + k];
            if (w->form >= tb.pool.len || w->head > (int)s->n)
                abort();
        }
        parse_sentence(&tb, s);
    }
    mz_treebank_free(&tb);
    return 0;
}
