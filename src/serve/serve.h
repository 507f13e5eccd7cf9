/*
 * serve.h — `mizan serve`: the dashboard and the JSON API over an event store, on HTTP.
 *
 * The server opens the database read-only through a pool of connections, answers /api/...
 * from api.c and serves the dashboard's embedded files (assets.h); nothing is read from disk
 * after it starts.  Given an events file instead of a database, it first writes the file's
 * events into a private in-memory store (load.h) and serves that the same way.  It runs on
 * libmicrohttpd's own threads until mz_server_stop.
 */
#ifndef MZ_SERVE_H
#define MZ_SERVE_H

#include "../../include/mizan.h"

typedef struct mz_serve_opts {
    const char *db;      /* the database, opened read-only; ignored when events is set */
    const char *events;  /* NULL, or an events file ("-": standard input) served instead */
    const char *listen;  /* "HOST:PORT" with an IPv4 address or "[IPv6]:PORT"; port 0 picks a free one */
    int threads;         /* request threads, each with its connection; < 1 means 4 */
} mz_serve_opts;

typedef struct mz_server mz_server;

/* Opens the database (or loads the events file) and starts listening.  NULL with err filled
 * on failure (a bad address, a port in use, a missing database, an events file that cannot be
 * read or holds a line that is not an event).  Stop with mz_server_stop. */
mz_server *mz_server_start(const mz_serve_opts *o, mz_error *err);

/* The port listened on (the one chosen when the address asked for port 0). */
unsigned mz_server_port(const mz_server *s);

/* Stops listening, waits for the requests being answered, closes everything. */
void mz_server_stop(mz_server *s);

#endif
