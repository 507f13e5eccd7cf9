/*
 * load.h — `mizan serve --events FILE`: the events of a file, in a private in-memory store
 * that the server then reads like a database.
 */
#ifndef MZ_SERVE_LOAD_H
#define MZ_SERVE_LOAD_H

#include "../store/store.h"

/* Reads the events file at path ("-": standard input) in any format mizan writes (JSON Lines,
 * TSV, CSV) and writes its events into a new in-memory store named `name` ("/NAME", see
 * MZ_STORE_MEMORY) through mz_store_put_events.  The store lives while the returned connection
 * is open: open the readers with MZ_STORE_MEMORY | MZ_STORE_READONLY and the same name, and
 * close this connection after them.  *nevents (when not NULL) gets the number of events.
 * NULL with err filled when the file cannot be read, when a line of it is not an event (the
 * first is named, with how many there are: a file is served whole or not at all), or when the
 * store cannot be written. */
mz_store *mz_serve_load_events(const char *path, const char *name, long long *nevents,
                               mz_error *err);

#endif
