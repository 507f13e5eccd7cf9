/* segment.c — Arabic syntactic words from surface words; see parse.h. */
#include "parse.h"

int mz_ar_segment(const mz_parse_model *m, const char *word, size_t len, uint32_t *starts,
                  uint32_t *ends, int max)
{
    (void)m;
    (void)word;
    if (max < 1)
        return 0;
    starts[0] = 0;
    ends[0] = (uint32_t)len;
    return 1;
}
