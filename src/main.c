/* main.c: the command line. Parses options (declared once each, in
 * cli_options below and in the preferences table), runs one command,
 * prints every message and chooses the exit code: 0 ok, 1 runtime
 * failure, 2 bad usage or bad input. Nothing below main prints. */
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "load/loader.h"
#include "load/prefs_file.h"
#include "load/schema.h"
#include "ui/app.h"
#include "version.h"

#include "cmd/cmd.h"

#define FIELD(f) CLI_FIELD(struct options, f)

/* Every option, in the order of --help. */
static const struct cli_option cli_options[] = {
    {"list", 'l', no_argument, NULL, CLI_COMMAND, CMD_LIST, 0,
     "list sessions: NAME TYPE MINUTES TITLE"},
    {"check", 'c', no_argument, "FILE...", CLI_COMMAND, CMD_CHECK, 0,
     "validate session files"},
    {"schedule", 's', required_argument, "NAME", CLI_COMMAND, CMD_SCHEDULE,
     FIELD(name), "print the session's cues: SECONDS KIND SOUND CAPTION"},
    {"render", 'r', required_argument, "NAME", CLI_COMMAND, CMD_RENDER,
     FIELD(name), "render the session to a WAV file (needs -o)"},
    {"output", 'o', required_argument, "FILE", CLI_TEXT, CMD_NONE,
     FIELD(output),
     "where --render, --captions-session and --report write (- for "
     "stdout)"},
    {"config", 0, required_argument, "FILE", CLI_CONFIG, CMD_NONE, 0,
     "load one more session file (repeatable)"},
    {NULL, 0, 0, NULL, CLI_PREFS, CMD_NONE, 0, NULL},
    {"format-reference", 0, no_argument, NULL, CLI_PRINT, CMD_REFERENCE, 0,
     "print the session-file settings table"},
    {"prefs-reference", 0, no_argument, NULL, CLI_PRINT, CMD_PREFS_REFERENCE, 0,
     "print the preferences-file settings table"},
    {"history", 0, no_argument, NULL, CLI_COMMAND, CMD_HISTORY, 0,
     "the sessions you have run, newest last: when, session, planned, done, "
     "outcome"},
    {"csv", 0, no_argument, NULL, CLI_FLAG, CMD_NONE, FIELD(csv),
     "with --history: CSV for a spreadsheet"},
    {"since", 0, required_argument, "DATE", CLI_TEXT, CMD_NONE, FIELD(since),
     "with --history or --report: from DATE (YYYY-MM-DD, local time) on"},
    {"report", 0, no_argument, NULL, CLI_COMMAND, CMD_REPORT, 0,
     "write a practice report to bring to your therapist: one private HTML "
     "page (to -o FILE.html, else stdout) to print or send"},
    {"no-history", 0, no_argument, NULL, CLI_FLAG, CMD_NONE, FIELD(no_history),
     "run a session without recording it"},
    {"export", 0, required_argument, "NAME DEST", CLI_COMMAND, CMD_EXPORT,
     FIELD(name),
     "write the file holding session NAME and the sounds it uses to DEST: a "
     ".zip or .tar.gz archive, else a new folder"},
    {"import", 0, required_argument, "SRC", CLI_COMMAND, CMD_IMPORT,
     FIELD(dest),
     "check a session file, bundle folder or archive, then add it to your "
     "sessions"},
    {"replace", 0, no_argument, NULL, CLI_FLAG, CMD_NONE, FIELD(replace),
     "with --import: replace your session of the same name"},
    {"captions-session", 0, required_argument, "FILE", CLI_COMMAND,
     CMD_CAPTIONS, FIELD(captions),
     "write a session file made from a WebVTT (.vtt) or SubRip (.srt) "
     "captions file, to -o FILE or stdout: a say step per caption at its "
     "time"},
    {"recording", 0, required_argument, "NAME", CLI_TEXT, CMD_NONE,
     FIELD(recording),
     "with --captions-session: one step playing recording NAME with the "
     "captions instead"},
    {"help", 'h', no_argument, NULL, CLI_HELP, CMD_NONE, 0, "show this help"},
    {"version", 'V', no_argument, NULL, CLI_VERSION, CMD_NONE, 0,
     "show the version"},
};

#define N_OPTIONS (sizeof(cli_options) / sizeof(cli_options[0]))

static void usage(FILE *out)
{
    fputs("Usage: stillpoint [OPTION]... [NAME]\n"
          "Guided relaxation sessions: breathing, body scans and timed holds,\n"
          "with sound cues and the safety prompts of each session type.\n"
          "\n",
          out);
    cli_write_help(out, cli_options, N_OPTIONS);
    fputs("\n"
          "Exit status: 0 ok, 1 runtime failure, 2 bad usage or bad input.\n"
          "Session files: $XDG_CONFIG_HOME/stillpoint/sessions/*.cfg\n"
          "History: $XDG_STATE_HOME/stillpoint/history.csv\n",
          out);
}

/* A second command: names the ones to choose between. */
static int opt_conflict(void)
{
    fputs("stillpoint: give one of", stderr);
    const char *sep = " ";
    for (size_t i = 0; i < N_OPTIONS; i++) {
        if (cli_options[i].does == CLI_COMMAND) {
            fprintf(stderr, "%s--%s", sep, cli_options[i].name);
            sep = ", ";
        }
    }
    fputc('\n', stderr);
    return EXIT_BAD;
}

/* Does what one option says, its argument in arg. */
static int take_option(const struct cli_found *f, const char *arg,
                       struct options *o)
{
    char err[300];
    if (f->pref) {
        if (prefs_set_option(f->pref, &o->prefs, arg, err, sizeof(err)))
            return EXIT_OK;
        fprintf(stderr, "stillpoint: --%s: %s\n", f->pref->opt, err);
        return EXIT_BAD;
    }
    const struct cli_option *c = f->row;
    char *at = c->field ? (char *)o + c->field - 1 : NULL;
    switch (c->does) {
    case CLI_COMMAND:
    case CLI_PRINT:
        if (at)
            *(const char **)(void *)at = arg;
        if (o->cmd != CMD_NONE && o->cmd != (enum command)c->cmd)
            return opt_conflict();
        o->cmd = (enum command)c->cmd;
        break;
    case CLI_FLAG:
        *(bool *)(void *)at = true;
        break;
    case CLI_TEXT:
        *(const char **)(void *)at = arg;
        break;
    case CLI_CONFIG:
        if (o->n_configs == MAX_CONFIGS) {
            fprintf(stderr, "stillpoint: at most %d --config files\n",
                    MAX_CONFIGS);
            return EXIT_BAD;
        }
        o->configs[o->n_configs++] = arg;
        break;
    case CLI_HELP:
        usage(stdout);
        exit(EXIT_OK);
    case CLI_VERSION:
        printf("stillpoint %s (session format version %d)\n",
               STILLPOINT_VERSION, LOAD_FORMAT_VERSION);
        exit(EXIT_OK);
    case CLI_PREFS:
        break;
    }
    return EXIT_OK;
}

/* The checks between options, and the arguments after them. */
static int take_operands(int argc, char **argv, struct options *o)
{
    if (o->csv && o->cmd != CMD_HISTORY) {
        fputs("stillpoint: --csv goes with --history\n", stderr);
        return EXIT_BAD;
    }
    if (o->since && o->cmd != CMD_HISTORY && o->cmd != CMD_REPORT) {
        fputs("stillpoint: --since goes with --history or --report\n", stderr);
        return EXIT_BAD;
    }
    if (o->replace && o->cmd != CMD_IMPORT) {
        fputs("stillpoint: --replace goes with --import\n", stderr);
        return EXIT_BAD;
    }
    if (o->recording && o->cmd != CMD_CAPTIONS) {
        fputs("stillpoint: --recording goes with --captions-session\n", stderr);
        return EXIT_BAD;
    }
    if (o->cmd == CMD_EXPORT) {
        if (optind >= argc) {
            fputs("stillpoint: --export needs NAME and DEST (a folder, or a "
                  ".zip or .tar.gz file)\n",
                  stderr);
            return EXIT_BAD;
        }
        o->dest = argv[optind++];
    }
    if (o->cmd == CMD_CHECK && optind >= argc) {
        fputs("stillpoint: --check needs at least one FILE\n", stderr);
        return EXIT_BAD;
    }
    if (o->cmd == CMD_RENDER && !o->output) {
        fputs("stillpoint: --render needs -o OUT.wav\n", stderr);
        return EXIT_BAD;
    }
    if (o->cmd != CMD_CHECK && o->cmd != CMD_NONE && optind < argc) {
        fprintf(stderr, "stillpoint: unexpected argument '%s'\n", argv[optind]);
        return EXIT_BAD;
    }
    /* The window's one argument: a session name, or a file to import
     * into the window (session names hold no '.' or '/'). */
    if (o->cmd == CMD_NONE && optind < argc) {
        if (strpbrk(argv[optind], "./"))
            o->open_file = argv[optind++];
        else
            o->name = argv[optind++];
    }
    if (o->cmd == CMD_NONE && optind < argc) {
        fprintf(stderr, "stillpoint: unexpected argument '%s'\n", argv[optind]);
        return EXIT_BAD;
    }
    return EXIT_OK;
}

static int parse_args(int argc, char **argv, struct options *o)
{
    struct cli_getopt g;
    char err[200];
    if (!cli_build(cli_options, N_OPTIONS, &g, err, sizeof(err))) {
        fprintf(stderr, "stillpoint: %s\n", err);
        return EXIT_RUNTIME;
    }
    prefs_defaults(&o->prefs);
    int c;
    while ((c = getopt_long(argc, argv, g.shorts, g.longs, NULL)) != -1) {
        const struct cli_found *f = cli_find(&g, c);
        if (!f) {
            fputs("Try 'stillpoint --help'.\n", stderr);
            return EXIT_BAD;
        }
        int rc = take_option(f, optarg, o);
        if (rc != EXIT_OK)
            return rc;
    }
    return take_operands(argc, argv, o);
}

int main(int argc, char **argv)
{
    /* Past a file size limit (ulimit -f), a write fails with EFBIG and
     * is reported like a full disk, instead of the signal killing us
     * mid-write. */
    signal(SIGXFSZ, SIG_IGN);
    struct options o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc != EXIT_OK)
        return rc;
    switch (o.cmd) {
    case CMD_LIST:
        return cmd_list(&o);
    case CMD_CHECK:
        return cmd_check(argc, argv);
    case CMD_SCHEDULE:
    case CMD_RENDER:
        return cmd_play_offline(&o);
    case CMD_REFERENCE:
        schema_write_reference(stdout);
        return EXIT_OK;
    case CMD_PREFS_REFERENCE:
        prefs_write_reference(stdout);
        return EXIT_OK;
    case CMD_HISTORY:
        return cmd_history(&o);
    case CMD_EXPORT:
        return cmd_export(&o);
    case CMD_IMPORT:
        return cmd_import(&o);
    case CMD_CAPTIONS:
        return cmd_captions_session(&o);
    case CMD_REPORT:
        return cmd_report(&o);
    case CMD_NONE:
        break;
    }
    struct library lib = {0};
    rc = cmd_load_library(&lib, &o);
    if (rc != EXIT_OK) {
        library_free(&lib);
        return rc;
    }
    struct app_options ao = {.session = o.name,
                             .import = o.open_file,
                             .prefs = o.prefs,
                             .no_history = o.no_history};
    char err[512];
    rc = app_run(&lib, &ao, err, sizeof(err));
    if (rc != EXIT_OK)
        fprintf(stderr, "stillpoint: %s\n", err);
    library_free(&lib);
    return rc;
}
