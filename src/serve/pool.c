/*
 * pool.c — the read connections of `mizan serve`; see pool.h.
 *
 * A stack of free connections under a mutex, with a condition variable to wait on when it is
 * empty.  The server runs as many threads as the pool has connections, so a request waits only
 * if some other part of the program holds one.
 */
#include "pool.h"

#include <pthread.h>
#include <stdlib.h>

#include "../util/error.h"

struct mz_pool {
    pthread_mutex_t lock;
    pthread_cond_t freed;
    mz_store **all;   /* every connection, for mz_pool_free */
    mz_store **free;  /* the free ones: free[0 .. nfree) */
    long long *seen;  /* per connection (as in `all`), the data_version it last read */
    int size, nfree;
    unsigned long generation;
};

mz_pool *mz_pool_new(const char *path, unsigned mode, int size, mz_error *err)
{
    mz_pool *p = calloc(1, sizeof *p);
    if (p) {
        p->all = calloc((size_t)size, sizeof *p->all);
        p->free = calloc((size_t)size, sizeof *p->free);
        p->seen = calloc((size_t)size, sizeof *p->seen);
    }
    if (!p || !p->all || !p->free || !p->seen) {
        mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
        if (p)
            free(p->all), free(p->free), free(p->seen), free(p);
        return NULL;
    }
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->freed, NULL);
    for (; p->size < size; p->size++) {
        mz_store *st = mz_store_open(path, mode | MZ_STORE_READONLY, err);
        if (!st) {
            mz_pool_free(p);
            return NULL;
        }
        p->all[p->size] = p->free[p->size] = st;
        p->seen[p->size] = mz_store_data_version(st);
    }
    p->nfree = size;
    return p;
}

/* The index of a connection in `all`. */
static int slot(const mz_pool *p, const mz_store *st)
{
    int i = 0;
    while (i < p->size - 1 && p->all[i] != st)
        i++;
    return i;
}

mz_store *mz_pool_take(mz_pool *p, unsigned long *generation)
{
    pthread_mutex_lock(&p->lock);
    while (p->nfree == 0)
        pthread_cond_wait(&p->freed, &p->lock);
    mz_store *st = p->free[--p->nfree];
    pthread_mutex_unlock(&p->lock);
    if (!generation)
        return st;
    /* a commit by another process after this connection last looked changes its version;
     * any commit since the last bump is seen by whichever connection is used next */
    long long v = mz_store_data_version(st);
    pthread_mutex_lock(&p->lock);
    int i = slot(p, st);
    if (v != p->seen[i]) {
        p->seen[i] = v;
        p->generation++;
    }
    *generation = p->generation;
    pthread_mutex_unlock(&p->lock);
    return st;
}

void mz_pool_give(mz_pool *p, mz_store *st)
{
    pthread_mutex_lock(&p->lock);
    p->free[p->nfree++] = st;
    pthread_cond_signal(&p->freed);
    pthread_mutex_unlock(&p->lock);
}

void mz_pool_free(mz_pool *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->size; i++)
        mz_store_close(p->all[i]);
    pthread_cond_destroy(&p->freed);
    pthread_mutex_destroy(&p->lock);
    free(p->all);
    free(p->free);
    free(p->seen);
    free(p);
}
