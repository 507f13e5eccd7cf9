/*
 * fuzz_model.c — arbitrary bytes as a parser model file (src/parse/model.c, linear.c).
 *
 * First byte: bit 0 set = the rest is resealed (its length and checksum fields rewritten,
 * mz_parse_model_reseal) before loading, so that the fuzzer reaches the tables inside instead of
 * stopping at the checksum.  A rejected file must give MZ_ERR_PARSE with a message; a model that
 * loads must tag and parse a few sentences into trees and save to bytes that load again.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/parse/parse.h"

static void parse_with(const mz_parse_model *m)
{
    static const char *const texts[][6] = {
        {"The", "army", "attacked", "the", "village", "."},
        {"قال", "الوزير", "إن", "المحادثات", "ستستأنف", "."},
    };
    mz_parse_work *w = mz_parse_work_new();
    if (!w)
        abort();
    for (size_t t = 0; t < 2; t++) {
        uint32_t lens[6];
        mz_parsed out[6];
        for (int i = 0; i < 6; i++)
            lens[i] = (uint32_t)strlen(texts[t][i]);
        if (mz_parse_sentence(m, w, texts[t], lens, 6, NULL, out) != 0)
            abort();
        int roots = 0;
        for (int i = 0; i < 6; i++) {
            if (out[i].head < 0 || out[i].head > 6)
                abort();
            roots += out[i].head == 0;
        }
        if (roots != 1)
            abort();
    }
    mz_parse_work_free(w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned char *copy = malloc(size);
    if (!copy)
        abort();
    memcpy(copy, data + 1, size - 1);
    if (data[0] & 1)
        mz_parse_model_reseal(copy, size - 1);
    mz_error err = {0};
    mz_parse_model *m = mz_parse_model_load(copy, size - 1, "fuzz.model", &err);
    free(copy);
    if (!m) {
        if (err.status != MZ_ERR_PARSE && err.status != MZ_ERR_NOMEM)
            abort();
        if (!err.message[0])
            abort();
        return 0;
    }
    parse_with(m);
    mz_buf b = {0};
    if (mz_parse_model_save(m, &b, &err) != MZ_OK)
        abort();
    mz_parse_model *again = mz_parse_model_load(b.data, b.len, "again", &err);
    if (!again)
        abort(); /* what was saved must load */
    mz_parse_model_free(again);
    mz_buf_free(&b);
    mz_parse_model_free(m);
    return 0;
}
