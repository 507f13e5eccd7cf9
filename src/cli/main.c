/*
 * main.c — the mizan program: dispatches to a subcommand (commands.h).
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
} command;

static const command commands[] = {
    {"code", mz_cmd_code, "code documents into CAMEO events (JSON Lines or TSV)"},
    {"dict", mz_cmd_dict, "check dictionaries, their statistics, the words they miss"},
    {"eval", mz_cmd_eval, "precision, recall and F1 on annotated sentences"},
    {"ingest", mz_cmd_ingest, "code documents and store them in an SQLite database"},
    {"events", mz_cmd_events, "query stored events"},
    {"actor", mz_cmd_actor, "the names of an actor code, the codes of a name"},
    {"dyad", mz_cmd_dyad, "time series of a pair of actors"},
    {"network", mz_cmd_network, "signed network of actors and its blocs"},
    {"profile", mz_cmd_profile, "what two actors give each other"},
    {"watch", mz_cmd_watch, "change points in cooperation series"},
    {"serve", mz_cmd_serve, "a web dashboard and JSON API over the event store"},
    {"train-salience", mz_cmd_train_salience, "train the model of which coded acts are news"},
    {"parse", mz_cmd_parse, "tag and parse text into CoNLL-U (Universal Dependencies)"},
    {"train-parser", mz_cmd_train_parser, "train the tagger and parser from a CoNLL-U treebank"},
    {"eval-parse", mz_cmd_eval_parse, "UPOS accuracy, UAS and LAS on a CoNLL-U treebank"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: mizan COMMAND [options]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-14s %s\n", commands[i].name, commands[i].help);
    fprintf(f, "\n'mizan help COMMAND' (or 'mizan COMMAND --help') describes each command;\n"
               "'man mizan-COMMAND' describes it at length.\n");
}

static const command *find(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0)
            return &commands[i];
    return NULL;
}

/* `mizan help [COMMAND]`: the list of commands, or what `mizan COMMAND --help` prints (the
 * command is run with argv {COMMAND, "--help"}, so the two cannot drift apart). */
static int help(int argc, char **argv)
{
    if (argc < 3) {
        usage(stdout);
        return 0;
    }
    const command *c = find(argv[2]);
    if (!c) {
        fprintf(stderr, "mizan help: unknown command '%s' ('mizan help' lists them)\n", argv[2]);
        return 1;
    }
    char opt[] = "--help";
    char *args[] = {argv[2], opt, NULL};
    return c->run(2, args);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 1;
    }
    if (strcmp(argv[1], "help") == 0)
        return help(argc, argv);
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
        printf("mizan %s\n", MIZAN_VERSION);
        return 0;
    }
    const command *c = find(argv[1]);
    if (c)
        return c->run(argc - 1, argv + 1);
    fprintf(stderr, "mizan: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 1;
}
