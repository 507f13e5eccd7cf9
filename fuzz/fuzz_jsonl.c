/*
 * fuzz_jsonl.c — arbitrary bytes as one JSON Lines record for the in-place scanner
 * (src/io/jsonl.h), checked against jansson, the parser it stands in for: a record the scanner
 * takes must be an object jansson takes (with JSON_REJECT_DUPLICATES, as the reader asks) with
 * the same kind and value for every key looked for; a record it refuses must be left as it was.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/io/jsonl.h"

enum { NKEYS = 6 };
static const char *const keys[NKEYS] = {"id", "text", "date", "lang", "source", "url"};

/* Whether the scanner's field f says what jansson's value v says. */
static int same(const mz_jsonl_field *f, json_t *v)
{
    if (!v)
        return f->kind == MZ_JV_ABSENT;
    if (json_is_string(v))
        return f->kind == MZ_JV_STRING && f->len == json_string_length(v) &&
               memcmp(f->s, json_string_value(v), f->len) == 0 && f->s[f->len] == '\0';
    if (json_is_integer(v))
        return f->kind == MZ_JV_INT && f->num == (long long)json_integer_value(v);
    if (json_is_null(v))
        return f->kind == MZ_JV_NULL;
    return json_is_boolean(v) && f->kind == MZ_JV_BOOL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *line = malloc(size + 1);
    if (!line)
        return 0;
    memcpy(line, data, size);
    mz_jsonl_field f[NKEYS];
    for (int i = 0; i < NKEYS; i++)
        f[i] = (mz_jsonl_field){.name = keys[i]};
    if (mz_jsonl_scan(line, size, f, NKEYS) != 0) {
        if (memcmp(line, data, size) != 0)
            abort(); /* refused, yet changed */
        free(line);
        return 0;
    }
    json_error_t je;
    json_t *j = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &je);
    if (!j || !json_is_object(j))
        abort(); /* taken by the scanner, refused by jansson */
    for (int i = 0; i < NKEYS; i++)
        if (!same(&f[i], json_object_get(j, keys[i])))
            abort();
    json_decref(j);
    free(line);
    return 0;
}
