/*
 * cmd_serve.c — `mizan serve`: the dashboard and the JSON API over an event store, or over
 * the events of a file loaded into one in memory (src/serve/serve.h), until interrupted.
 *
 * The signals that stop it (INT, TERM) are blocked before the server's threads start, so they
 * inherit the mask and the main thread alone takes them, in sigwait, and stops the server in
 * order: listening ends, requests in hand are answered, the database is closed.
 *
 * Exit status: 0 stopped by a signal; 1 usage error; 2 the database could not be opened, the
 * events file not read, or the address not listened on.
 */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "../serve/serve.h"
#include "commands.h"

static void usage(FILE *f)
{
    fputs("usage: mizan serve [options]\n"
          "Serves a web dashboard of the event store (dyad timelines, the signed network, the\n"
          "events behind them) and its JSON API (docs/API.md), read-only, until interrupted.\n"
          "  --db FILE             database (default mizan.db), opened read-only\n"
          "  --events FILE|-       instead of a database, the events of FILE (JSONL, TSV or\n"
          "                        CSV as mizan writes them), loaded into memory at start-up\n"
          "  --listen HOST:PORT    address (default 127.0.0.1:8080; port 0: any free one;\n"
          "                        [::1]:PORT for IPv6).  Other than loopback, anyone who\n"
          "                        reaches the address reads the database\n"
          "  -j, --threads N       request threads and database connections (default 4)\n",
          f);
}

int mz_cmd_serve(int argc, char **argv)
{
    static const struct option longs[] = {
        {"db", required_argument, 0, 'b'}, {"events", required_argument, 0, 'e'},
        {"listen", required_argument, 0, 'l'},
        {"threads", required_argument, 0, 'j'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    mz_serve_opts o = {.db = NULL, .listen = "127.0.0.1:8080", .threads = 4};
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "j:h", longs, NULL)) != -1) {
        switch (ch) {
        case 'b': o.db = optarg; break;
        case 'e': o.events = optarg; break;
        case 'l': o.listen = optarg; break;
        case 'j':
            if ((o.threads = mz_cli_int(optarg, 1, 64)) < 0) {
                fprintf(stderr, "mizan serve: -j takes 1 to 64\n");
                return 1;
            }
            break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 1;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "mizan serve: unexpected argument '%s'\n", argv[optind]);
        usage(stderr);
        return 1;
    }
    if (o.db && o.events) {
        fprintf(stderr, "mizan serve: serve either a database or an events file, not both\n");
        return 1;
    }
    if (!o.db)
        o.db = "mizan.db";
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    mz_error err = {0};
    mz_server *s = mz_server_start(&o, &err);
    if (!s) {
        mz_cli_report(&err);
        return err.status == MZ_ERR_ARG ? 1 : 2;
    }
    /* the first line says where: tests and scripts that asked for port 0 read it */
    const char *colon = strrchr(o.listen, ':');
    printf("mizan serve: http://%.*s:%u/ (%s %s, read-only; Ctrl-C stops)\n",
           (int)(colon - o.listen), o.listen, mz_server_port(s),
           o.events ? "events of" : "database", o.events ? o.events : o.db);
    fflush(stdout);
    int sig;
    sigwait(&stop, &sig);
    mz_server_stop(s);
    fprintf(stderr, "mizan serve: stopped\n");
    return 0;
}
