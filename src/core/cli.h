/* cli.h: a command line declared as a table. Each option is one row (long
 * name, short name, argument, help text, what it does), and a marker row
 * stands for the options of the preferences table (prefs.h); the arrays
 * getopt_long() takes and the option lines of --help come from the rows.
 * What each option does is the caller's (main.c): this file only knows
 * which row getopt_long() found. */
#ifndef STILLPOINT_CLI_H
#define STILLPOINT_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "prefs.h"

/* What an option does, for the caller to carry out. */
enum cli_does {
    CLI_COMMAND, /* chooses the command; cmd says which */
    CLI_PRINT,   /* chooses a command that prints a reference */
    CLI_FLAG,    /* sets a bool at field */
    CLI_TEXT,    /* keeps its argument at field */
    CLI_CONFIG,  /* adds a session file to load */
    CLI_PREFS,   /* no option: the preferences table's options go here */
    CLI_HELP,
    CLI_VERSION,
};

struct cli_option {
    const char *name; /* the long option, without "--" */
    char letter;      /* its short form, or 0 */
    int has_arg;      /* no_argument or required_argument */
    const char *arg;  /* what --help shows after it, or NULL */
    enum cli_does does;
    int cmd;      /* CLI_COMMAND, CLI_PRINT: the caller's command */
    size_t field; /* CLI_FLAG, CLI_TEXT, CLI_COMMAND: CLI_FIELD(...) or 0 */
    const char *help;
};

/* Where in the caller's struct an option's argument or flag goes: offset
 * plus one, so that 0 is nowhere. */
#define CLI_FIELD(type, member) (offsetof(type, member) + 1)

/* An option found: a row of the caller's table, or of the preferences
 * table. */
struct cli_found {
    const struct cli_option *row;
    const struct prefs_row *pref;
};

enum { CLI_MAX_OPTIONS = 64 };

/* getopt_long()'s arrays: each long option's val is 256 + its index. */
struct cli_getopt {
    struct option longs[CLI_MAX_OPTIONS + 1];
    struct cli_found found[CLI_MAX_OPTIONS];
    char shorts[2 * CLI_MAX_OPTIONS + 1];
    size_t count;
};

/* Builds g from the n rows (and the preferences table at the CLI_PREFS
 * row). Returns true, or false with err filled when a long or short name
 * is there twice or there are more than CLI_MAX_OPTIONS. */
bool cli_build(const struct cli_option *rows, size_t n, struct cli_getopt *g,
               char *err, size_t errlen);

/* The option getopt_long() returned as c, or NULL for none of ours (an
 * unknown option, a missing argument). */
const struct cli_found *cli_find(const struct cli_getopt *g, int c);

/* Writes each option's lines of --help, in the order of the rows: the
 * names from column 2, the help from column 26, wrapped before column
 * 80. */
void cli_write_help(FILE *out, const struct cli_option *rows, size_t n);

#endif
