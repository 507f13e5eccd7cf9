/*
 * api.h — the JSON API of `mizan serve`: its routes, their parameters and their answers.
 *
 * Nothing here knows HTTP: the server (server.c) hands over a path and the query parameters,
 * and gets back a status and a JSON body.  Every answer comes from the code the commands run
 * (mz_report for dyad, network, profile and watch; mz_store_query_page and the JSON Lines
 * renderer for events), so the API and the command line agree.  docs/API.md describes it.
 */
#ifndef MZ_SERVE_API_H
#define MZ_SERVE_API_H

#include "../util/buf.h"
#include "pool.h"

enum { MZ_API_MAX_PARAMS = 16,      /* query parameters a request may have */
       MZ_API_MAX_VALUE = 256,      /* bytes of one parameter value */
       MZ_API_MAX_PAGE = 500,       /* events one page may hold */
       MZ_API_DEFAULT_PAGE = 50 };

typedef struct mz_api mz_api;

typedef struct mz_api_request {
    const char *path;                       /* decoded, without the query */
    const char *names[MZ_API_MAX_PARAMS];   /* the query parameters, as given */
    const char *values[MZ_API_MAX_PARAMS];
    int n;
    int too_many;                           /* more than MZ_API_MAX_PARAMS were given */
} mz_api_request;

typedef struct mz_api_reply {
    int status;  /* HTTP status: 200, 400, 404, 500 */
    mz_buf body; /* JSON; the caller frees it */
} mz_api_reply;

/* An API over the connections of pool (not owned: it must outlive the API).  Loads the actor
 * names of the built-in dictionaries.  NULL with err filled on failure; free with
 * mz_api_free. */
mz_api *mz_api_new(mz_pool *pool, mz_error *err);
void mz_api_free(mz_api *api);

/* 1 when the path is one of the API's (it begins with /api/). */
int mz_api_owns(const char *path);

/* Answers a request for one of the API's paths into out (status and body are always set;
 * an unknown path is a 404, a bad parameter a 400, a failure of the store a 500, each with
 * {"error": message, "status": code}).  Safe to call from several threads at once. */
void mz_api_handle(mz_api *api, const mz_api_request *rq, mz_api_reply *out);

#endif
