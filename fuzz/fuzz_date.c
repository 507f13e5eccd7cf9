/*
 * fuzz_date.c — arbitrary bytes as a date for the date parser (src/io/date.h).
 *
 * A date accepted must come out as a real calendar date "YYYY-MM-DD" (checked by the engine's
 * own mz_parse_date) and must read back as itself; a date refused must leave out empty.  Only
 * the `size` bytes given may be read (the input is copied into a buffer of exactly that size).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/dict/engine.h"
#include "../src/io/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size ? size : 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    char out[11], again[11];
    int rc = mz_date_norm(s, size, out);
    free(s);
    if (rc < 0) {
        if (out[0])
            abort(); /* refused, yet a date written */
        return 0;
    }
    if (rc != 0 || strlen(out) != 10 || mz_parse_date(out, 10) <= 0)
        abort(); /* not a real calendar date */
    if (mz_date_norm(out, 10, again) != 0 || strcmp(out, again) != 0)
        abort(); /* a normalised date must read back as itself */
    return 0;
}
