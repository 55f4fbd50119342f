/* cmd.h: the commands of the command line other than the window: what
 * main() parsed (struct options) and one function per command. These and
 * main.c are the program's one voice: they print the messages and choose
 * the exit code (0 ok, 1 runtime failure, 2 bad usage or bad input);
 * nothing they call prints. */
#ifndef STILLPOINT_CMD_H
#define STILLPOINT_CMD_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/diag.h"
#include "../core/prefs.h"
#include "../load/library.h"

enum { EXIT_OK = 0, EXIT_RUNTIME = 1, EXIT_BAD = 2 };
enum { MAX_CONFIGS = 32 };

enum command {
    CMD_NONE,
    CMD_LIST,
    CMD_CHECK,
    CMD_SCHEDULE,
    CMD_RENDER,
    CMD_REFERENCE,
    CMD_PREFS_REFERENCE,
    CMD_HISTORY,
    CMD_EXPORT,
    CMD_IMPORT,
    CMD_CAPTIONS,
    CMD_REPORT
};

struct options {
    enum command cmd;
    const char *name;      /* session for --schedule / --render */
    const char *open_file; /* the window: a session file or bundle to import */
    const char *output;    /* -o */
    const char *configs[MAX_CONFIGS];
    size_t n_configs;
    struct prefs prefs;    /* the preferences' options; defaults where none */
    bool csv, no_history;  /* --csv (with --history), --no-history */
    const char *since;     /* --since DATE (with --history or --report) */
    const char *dest;      /* --export's DEST, --import's SRC */
    bool replace;          /* --replace (with --import) */
    const char *captions;  /* --captions-session FILE */
    const char *recording; /* --recording NAME (with --captions-session) */
};

/* Prints each problem of d on stderr, and how many more there were. */
void cmd_print_diags(const struct diag_list *d);
/* Loads the sessions (the --config files, else the library); broken files
 * are named on stderr. EXIT_OK, or the exit code. */
int cmd_load_library(struct library *lib, const struct options *o);

/* Text from a file on its way to stdout, escaped (utf8_escape) into buf. */
const char *cmd_shown(const char *s, char *buf, size_t n);

/* --since DATE (with --history and --report) into *since (left as it is
 * without one); false, having said why, when it is not a date. */
bool cmd_since(const struct options *o, long *since);

/* --check FILE...: the operands from argv[optind] on. */
int cmd_check(int argc, char **argv);
int cmd_list(const struct options *o);
/* --schedule and --render. */
int cmd_play_offline(const struct options *o);
int cmd_export(const struct options *o);
int cmd_import(const struct options *o);
int cmd_captions_session(const struct options *o);
int cmd_history(const struct options *o);
/* --report [--since DATE] [-o FILE.html]. */
int cmd_report(const struct options *o);

#endif
