/*
 * commands.h — the subcommands of the mizan program.  Each takes its own argv (argv[0] is the
 * subcommand's name) and returns the process exit status: 0 success, 1 usage error, 2 some
 * input could not be read (reported on standard error, the rest was processed).
 */
#ifndef MZ_COMMANDS_H
#define MZ_COMMANDS_H

#include "../../include/mizan.h"

int mz_cmd_code(int argc, char **argv);
int mz_cmd_dict(int argc, char **argv);
int mz_cmd_eval(int argc, char **argv);
int mz_cmd_ingest(int argc, char **argv);
int mz_cmd_events(int argc, char **argv);
int mz_cmd_dyad(int argc, char **argv);
int mz_cmd_network(int argc, char **argv);
int mz_cmd_profile(int argc, char **argv);
int mz_cmd_watch(int argc, char **argv);
int mz_cmd_serve(int argc, char **argv);
int mz_cmd_train_salience(int argc, char **argv);
int mz_cmd_parse(int argc, char **argv);
int mz_cmd_train_parser(int argc, char **argv);
int mz_cmd_eval_parse(int argc, char **argv);
int mz_cmd_actor(int argc, char **argv);

/* For an --actor value that selected no events: when the dictionaries know no such code,
 * warns on standard error ("mizan CMD: warning: ...") with the codes of a name equal to it
 * and the nearest known codes by edit distance. */
void mz_cli_actor_check(const char *cmd, const char *code);

/* Dictionary options shared by the commands that code text. */
typedef struct mz_dict_opts {
    const char *files[64];
    mz_dict_kind kinds[64];
    int n;
    int no_builtin;
} mz_dict_opts;

/* Adds a dictionary file given by --actors/--agents/--verbs/--discards; returns -1 when full. */
int mz_dict_opts_add(mz_dict_opts *o, mz_dict_kind kind, const char *path);

/* Takes one of the dictionary options every command that codes text has, as getopt returns it:
 * 'A' --actors, 'G' --agents, 'V' --verbs, 'D' --discards (each a FILE in arg), 'N'
 * --no-builtin.  Returns 1 when ch was one of them, 0 when it is another option, -1 after a
 * message when too many files were given. */
int mz_dict_opt(mz_dict_opts *o, int ch, const char *arg);

/* Builds and compiles an engine from the built-in dictionaries (unless no_builtin) and the
 * given files; prints the error and returns NULL on failure. */
mz_engine *mz_cli_engine(const mz_dict_opts *o);

/* Parses a whole decimal integer option in [min, max]; -1 when the text is not one (so "2x",
 * "" and " 2" are usage errors, not 2 or 0). */
int mz_cli_int(const char *s, int min, int max);

/* Prints "file:line: message" (or "file: message") for an error on standard error. */
void mz_cli_report(const mz_error *err);

#endif
