/* cache.c — a small least-recently-used store of answers under a mutex; see cache.h. */
#include "cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    char *key;           /* NULL: empty */
    unsigned long generation;
    char *data;
    size_t len;
    unsigned long used;  /* the clock when last got or put */
} entry;

struct mz_cache {
    pthread_mutex_t lock;
    entry *e;
    size_t n, max_len;
    unsigned long clock;
};

mz_cache *mz_cache_new(size_t entries, size_t max_len)
{
    mz_cache *c = calloc(1, sizeof *c);
    if (!c || !(c->e = calloc(entries, sizeof *c->e))) {
        free(c);
        return NULL;
    }
    c->n = entries;
    c->max_len = max_len;
    pthread_mutex_init(&c->lock, NULL);
    return c;
}

void mz_cache_free(mz_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        free(c->e[i].key), free(c->e[i].data);
    pthread_mutex_destroy(&c->lock);
    free(c->e);
    free(c);
}

int mz_cache_get(mz_cache *c, const char *key, unsigned long generation, mz_buf *out)
{
    int found = 0;
    pthread_mutex_lock(&c->lock);
    for (size_t i = 0; i < c->n && !found; i++) {
        entry *e = &c->e[i];
        if (e->key && e->generation == generation && strcmp(e->key, key) == 0) {
            mz_buf_put(out, e->data, e->len);
            e->used = ++c->clock;
            found = !out->oom;
        }
    }
    pthread_mutex_unlock(&c->lock);
    return found;
}

void mz_cache_put(mz_cache *c, const char *key, unsigned long generation, const char *data, size_t len)
{
    if (len > c->max_len)
        return;
    char *k = strdup(key), *d = malloc(len ? len : 1);
    if (!k || !d) {
        free(k), free(d);
        return;
    }
    memcpy(d, data, len);
    pthread_mutex_lock(&c->lock);
    entry *victim = &c->e[0];
    for (size_t i = 0; i < c->n; i++) {
        entry *e = &c->e[i];
        if (!e->key || (e->key && strcmp(e->key, key) == 0)) {
            victim = e;
            break;
        }
        if (e->used < victim->used)
            victim = e;
    }
    free(victim->key), free(victim->data);
    *victim = (entry){k, generation, d, len, ++c->clock};
    pthread_mutex_unlock(&c->lock);
}
