/*
 * pool.h — a fixed set of read-only connections to the event store, shared by the server's
 * threads: a request takes one, queries, and gives it back.
 */
#ifndef MZ_SERVE_POOL_H
#define MZ_SERVE_POOL_H

#include "../store/store.h"

typedef struct mz_pool mz_pool;

/* Opens `size` read-only connections to the database at path (with `mode` MZ_STORE_MEMORY: to
 * the in-memory database of that name; else 0).  NULL with err filled when one cannot be
 * opened (a missing file, not a mizan store).  Free with mz_pool_free. */
mz_pool *mz_pool_new(const char *path, unsigned mode, int size, mz_error *err);

/* Takes a connection, waiting while all are in use; give it back with mz_pool_give.  When
 * generation is not NULL it receives the pool's data generation, which grows whenever a
 * connection finds that another process changed the database since it last looked (what was
 * cached under an older generation may be stale). */
mz_store *mz_pool_take(mz_pool *p, unsigned long *generation);
void mz_pool_give(mz_pool *p, mz_store *st);

/* Closes every connection; none may be taken. */
void mz_pool_free(mz_pool *p);

#endif
