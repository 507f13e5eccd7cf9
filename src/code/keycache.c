/* keycache.c — the memo of known keys per word; see keycache.h. */
#include "keycache.h"

#include <stdlib.h>
#include <string.h>

mz_keycache *mz_keycache_new(void) { return calloc(1, sizeof(mz_keycache)); }

void mz_keycache_free(mz_keycache *kc) { free(kc); }

const unsigned char mz_keycache_window[2 * MZ_KEYCACHE_FOLD_MAX] = {
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
};

void mz_keycache_put(mz_keycache *kc, const mz_keycache_word *w, const mz_kcand *keys, int n)
{
    if (n > MZ_KEYCACHE_KEYS_MAX)
        return;
    mz_keycache_entry *s = mz_keycache_set(kc, w->hash);
    int x = s[0].use == MZ_KEYCACHE_EMPTY   ? 0
            : s[1].use == MZ_KEYCACHE_EMPTY ? 1
                                            : s[0].use == MZ_KEYCACHE_NEWER;
    mz_keycache_entry *e = &s[x];
    e->hash = w->hash;
    e->len = w->len;
    e->kind = w->kind;
    e->n = (uint8_t)n;
    memcpy(e->w, w->w, sizeof e->w);
    memcpy(e->keys, keys, (size_t)n * sizeof *keys);
    mz_keycache_touch(s, x);
}
