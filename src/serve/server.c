/*
 * server.c — the HTTP side of `mizan serve`: libmicrohttpd, the listening address, and the
 * turning of requests into answers; see serve.h.
 *
 * How it works.  libmicrohttpd runs a pool of threads (as many as the store pool has
 * connections) and calls answer() once a request's headers are in.  Only GET and HEAD are
 * answered, and no request body is read.  /api/... goes to api.c with the query parameters
 * collected; "/" is the dashboard's page and /assets/NAME one of its embedded files, looked up
 * by exact name, so no path can reach the file system.  Everything else is a JSON 404.
 * Every answer carries headers that keep the page to its own files (Content-Security-Policy)
 * and stop browsers from guessing types.
 */
#define _POSIX_C_SOURCE 200809L
#include "serve.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../util/error.h"
#include "api.h"
#include "assets.h"
#include "load.h"
#include "pool.h"

enum { DEFAULT_THREADS = 4, MAX_THREADS = 64, MAX_CONNECTIONS = 256, TIMEOUT_S = 30,
       REQUEST_MEMORY = 64 * 1024 };

struct mz_server {
    struct MHD_Daemon *daemon;
    mz_pool *pool;
    mz_api *api;
    mz_store *memory;  /* with --events: the connection that wrote the in-memory store and
                        * keeps it alive; closed after the pool */
    unsigned port;
};

/* Headers of every answer. */
static const char *const common_headers[][2] = {
    {"Content-Security-Policy",
     "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
     "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
};

/* Sends a response and releases it. */
static enum MHD_Result respond(struct MHD_Connection *c, unsigned status, struct MHD_Response *r,
                            const char *type)
{
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, "Content-Type", type);
    for (size_t i = 0; i < sizeof common_headers / sizeof common_headers[0]; i++)
        MHD_add_response_header(r, common_headers[i][0], common_headers[i][1]);
    enum MHD_Result ok = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ok;
}

/* Sends a buffer of JSON, handing its memory to libmicrohttpd (freed with free()). */
static enum MHD_Result send_json(struct MHD_Connection *c, unsigned status, mz_buf *body)
{
    if (body->oom || !body->data) {
        mz_buf_free(body);
        static const char oom[] = "{\"error\":\"out of memory\",\"status\":500}";
        return respond(c, 500,
                    MHD_create_response_from_buffer(sizeof oom - 1, (void *)oom,
                                                    MHD_RESPMEM_PERSISTENT),
                    "application/json");
    }
    struct MHD_Response *r =
        MHD_create_response_from_buffer(body->len, body->data, MHD_RESPMEM_MUST_FREE);
    if (!r)
        mz_buf_free(body);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    return respond(c, status, r, "application/json");
}

/* An error that is the server's rather than the API's (method, unknown path). */
static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *msg)
{
    mz_buf b = MZ_BUF_INIT;
    mz_buf_puts(&b, "{\"error\":");
    mz_buf_json_str(&b, msg, strlen(msg));
    mz_buf_printf(&b, ",\"status\":%u}", status);
    return send_json(c, status, &b);
}

/* Collects a query parameter into the request (libmicrohttpd has decoded it already). */
static enum MHD_Result collect(void *ctx, enum MHD_ValueKind kind, const char *key,
                               const char *value)
{
    (void)kind;
    mz_api_request *rq = ctx;
    if (rq->n == MZ_API_MAX_PARAMS) {
        rq->too_many = 1;
        return MHD_NO;
    }
    rq->names[rq->n] = key;
    rq->values[rq->n] = value ? value : "";
    rq->n++;
    return MHD_YES;
}

static enum MHD_Result answer_api(mz_server *s, struct MHD_Connection *c, const char *url)
{
    mz_api_request rq = {.path = url};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect, &rq);
    mz_api_reply out = {500, MZ_BUF_INIT};
    mz_api_handle(s->api, &rq, &out);
    return send_json(c, (unsigned)out.status, &out.body);
}

/* The dashboard's files: "/" is index.html, /assets/NAME an embedded file of that name. */
static enum MHD_Result answer_asset(struct MHD_Connection *c, const char *url)
{
    const char *name = NULL;
    if (strcmp(url, "/") == 0)
        name = "index.html";
    else if (strncmp(url, "/assets/", 8) == 0)
        name = url + 8;
    const mz_asset *a = name ? mz_asset_find(name) : NULL;
    if (!a)
        return send_error(c, MHD_HTTP_NOT_FOUND, "not found");
    struct MHD_Response *r =
        MHD_create_response_from_buffer(a->len, (void *)a->data, MHD_RESPMEM_PERSISTENT);
    if (r)
        MHD_add_response_header(r, "Cache-Control", "no-cache");
    return respond(c, MHD_HTTP_OK, r, mz_asset_type(a->name));
}

/* libmicrohttpd's access handler: called with the headers read (*con_cls still NULL), then
 * again for the body, which GET has not. */
static enum MHD_Result answer(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
    (void)version, (void)upload;
    static int seen;
    if (!*con_cls) {
        *con_cls = &seen;
        return MHD_YES;
    }
    if (*upload_size) {
        *upload_size = 0;
        return MHD_YES;  /* a body is read and dropped; the answer follows it */
    }
    if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
        return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD are served");
    if (mz_api_owns(url))
        return answer_api(cls, c, url);
    return answer_asset(c, url);
}

/* Parses "A.B.C.D:PORT" or "[IPv6]:PORT" into addr; 0 when it is neither. */
static int parse_listen(const char *s, struct sockaddr_storage *addr, socklen_t *len)
{
    char host[64];
    const char *colon = strrchr(s, ':');
    if (!colon || colon == s)
        return 0;
    size_t n = (size_t)(colon - s);
    int v6 = s[0] == '[' && colon[-1] == ']';
    if (v6) {
        s++;
        n -= 2;
    }
    if (n == 0 || n >= sizeof host)
        return 0;
    memcpy(host, s, n);
    host[n] = '\0';
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (!colon[1] || *end || port < 0 || port > 65535)
        return 0;
    memset(addr, 0, sizeof *addr);
    if (v6) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)addr;
        a->sin6_family = AF_INET6;
        a->sin6_port = htons((unsigned short)port);
        *len = sizeof *a;
        return inet_pton(AF_INET6, host, &a->sin6_addr) == 1;
    }
    struct sockaddr_in *a = (struct sockaddr_in *)addr;
    a->sin_family = AF_INET;
    a->sin_port = htons((unsigned short)port);
    *len = sizeof *a;
    return inet_pton(AF_INET, host, &a->sin_addr) == 1;
}

/* The read connections: to the database, or, given an events file, to a store in memory
 * under a name of this server's own, filled from the file first. */
static mz_pool *open_pool(mz_server *s, const mz_serve_opts *o, int threads, mz_error *err)
{
    if (!o->events)
        return mz_pool_new(o->db, 0, threads, err);
    char name[64];
    snprintf(name, sizeof name, "/mizan-serve-%ld-%p", (long)getpid(), (void *)s);
    if (!(s->memory = mz_serve_load_events(o->events, name, NULL, err)))
        return NULL;
    return mz_pool_new(name, MZ_STORE_MEMORY, threads, err);
}

mz_server *mz_server_start(const mz_serve_opts *o, mz_error *err)
{
    struct sockaddr_storage addr;
    socklen_t alen;
    const char *listen = o->listen ? o->listen : "127.0.0.1:8080";
    if (!parse_listen(listen, &addr, &alen)) {
        mz_fail(err, MZ_ERR_ARG, NULL, 0,
                "bad address '%s': give HOST:PORT with an IPv4 address or [IPv6]:PORT", listen);
        return NULL;
    }
    int threads = o->threads < 1 ? DEFAULT_THREADS : o->threads > MAX_THREADS ? MAX_THREADS : o->threads;
    mz_server *s = calloc(1, sizeof *s);
    if (!s) {
        mz_fail(err, MZ_ERR_NOMEM, NULL, 0, "out of memory");
        return NULL;
    }
    s->pool = open_pool(s, o, threads, err);
    s->api = s->pool ? mz_api_new(s->pool, err) : NULL;
    if (!s->api) {
        mz_server_stop(s);
        return NULL;
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO;
    if (addr.ss_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    s->daemon = MHD_start_daemon(
        flags, 0, NULL, NULL, answer, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)MAX_CONNECTIONS, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)TIMEOUT_S,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)REQUEST_MEMORY, MHD_OPTION_END);
    if (!s->daemon) {
        mz_fail(err, MZ_ERR_IO, NULL, 0, "cannot listen on %s (in use, or not an address of this machine)",
                listen);
        mz_server_stop(s);
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : 0;
    return s;
}

unsigned mz_server_port(const mz_server *s) { return s->port; }

void mz_server_stop(mz_server *s)
{
    if (!s)
        return;
    if (s->daemon)
        MHD_stop_daemon(s->daemon);
    mz_api_free(s->api);
    mz_pool_free(s->pool);
    mz_store_close(s->memory);
    free(s);
}
