/* fold.c — character classes and folding through the table, the rules for the rest; see fold.h. */
#include "fold.h"

#include <string.h>

const mz_cpinfo *mz_cp_info_slow(int32_t cp, mz_cpinfo *tmp)
{
    tmp->cls = (uint8_t)mz_char_class_ref(cp);
    tmp->upper = (uint8_t)mz_is_upper_ref(cp);
    tmp->flen = (uint8_t)mz_fold_cp_ref(cp, tmp->fold);
    return tmp;
}

int mz_fold_cp(int32_t cp, char *out)
{
    const mz_cpinfo *e = mz_cp_table_entry(cp);
    if (!e)
        return mz_fold_cp_ref(cp, out);
    memcpy(out, e->fold, e->flen);
    return e->flen;
}

int mz_is_damma(int32_t cp) { return cp == 0x064F; }
