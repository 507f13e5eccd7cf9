/*
 * fuzz_dict.c — arbitrary bytes as dictionary text for mz_engine_load_text.
 *
 * The input is loaded once for each dictionary kind (actors, agents, verbs, discards, markers,
 * and AUTO under a name that tells no kind, so that only PETRARCH text gets in), each into a new
 * engine that already holds the builtin grammar markers; mizan's format and the TABARI/PETRARCH
 * formats are both reached, since the loader tells them apart by content.  When the load
 * succeeds the engine is compiled and the input itself is coded as an Arabic and as an English
 * document: its phrases are then in the text, so the entries just loaded are matched and go
 * through the coder's passes.  Counts and warnings are read too.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/mizan.h"

static const struct {
    mz_dict_kind kind;
    const char *name;
} kinds[] = {
    {MZ_DICT_ACTORS, "actors.fuzz"},   {MZ_DICT_AGENTS, "agents.fuzz"},
    {MZ_DICT_VERBS, "verbs.fuzz"},     {MZ_DICT_DISCARDS, "discards.fuzz"},
    {MZ_DICT_MARKERS, "markers.fuzz"}, {MZ_DICT_AUTO, "fuzz.txt"},
};

static void touch_engine(const mz_engine *e)
{
    size_t sum = 0;
    for (int k = MZ_DICT_ACTORS; k <= MZ_DICT_MARKERS; k++)
        sum += mz_engine_count(e, (mz_dict_kind)k, 0);
    for (int r = 1; r <= 20; r++)
        sum += mz_engine_count_root(e, r, 'a') + mz_engine_count_root(e, r, 'e');
    for (int c = 0; c < MZ_ACTOR_CLASSES; c++)
        sum += mz_engine_count_actors(e, (mz_actor_class)c, 0);
    const mz_warning *w;
    size_t nw = mz_engine_warnings(e, &w);
    for (size_t i = 0; i < nw; i++)
        sum += strlen(w[i].reason) + strlen(w[i].file) + w[i].count;
    (void)sum;
}

static void code_text(const mz_engine *e, const char *text, size_t len)
{
    static const char *const langs[] = {"ar", "en"};
    mz_coder *c = mz_coder_new(e, MZ_CODE_PARTIAL);
    if (!c)
        abort();
    for (size_t l = 0; l < 2; l++) {
        mz_doc doc = {.id = "fuzz", .date = "2024-06-19", .lang = langs[l], .text = text, .len = len};
        const mz_event *ev;
        size_t n;
        mz_error err = {0};
        if (mz_coder_code(c, &doc, &ev, &n, &err) != MZ_OK)
            break; /* invalid UTF-8: the load would have refused it already */
        size_t sum = 0;
        for (size_t i = 0; i < n; i++)
            sum += strlen(ev[i].source) + strlen(ev[i].target) + strlen(ev[i].code) +
                   strlen(ev[i].root) + strlen(ev[i].plover) + strlen(ev[i].source_country) +
                   strlen(ev[i].target_country) + strlen(ev[i].ev_source) +
                   strlen(ev[i].ev_target) + strlen(ev[i].ev_verb) + strlen(ev[i].text);
        (void)sum;
    }
    mz_coder_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* an exact-size copy, not NUL-terminated: the loader must respect len */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        mz_engine *e = mz_engine_new();
        if (!e)
            abort();
        mz_error err = {0};
        if (mz_engine_load_builtin_kind(e, MZ_DICT_MARKERS, &err) != MZ_OK)
            abort();
        mz_status st = mz_engine_load_text(e, kinds[k].kind, kinds[k].name, text, size, &err);
        if (st != MZ_OK && (!err.message[0] || err.status != st))
            abort(); /* a failure must say why */
        touch_engine(e);
        if (st == MZ_OK && mz_engine_compile(e, &err) == MZ_OK)
            code_text(e, text, size);
        mz_engine_free(e);
    }
    free(text);
    return 0;
}
