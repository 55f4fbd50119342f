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

#include "audio/marks_check.h"
#include "audio/prepare.h"
#include "audio/render.h"
#include "core/adapt.h"
#include "core/cli.h"
#include "core/history.h"
#include "core/history_report.h"
#include "core/history_table.h"
#include "core/prefs.h"
#include "core/sound_set.h"
#include "core/timeline.h"
#include "core/utf8.h"
#include "load/bundle.h"
#include "load/captions_file.h"
#include "load/library.h"
#include "load/loader.h"
#include "load/prefs_file.h"
#include "load/schema.h"
#include "ui/app.h"
#include "version.h"

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
    CMD_CAPTIONS
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
    const char *since;     /* --since DATE (with --history) */
    const char *dest;      /* --export's DEST, --import's SRC */
    bool replace;          /* --replace (with --import) */
    const char *captions;  /* --captions-session FILE */
    const char *recording; /* --recording NAME (with --captions-session) */
};

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
     "where --render and --captions-session write (- for stdout)"},
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
     "with --history: from DATE (YYYY-MM-DD, local time) on"},
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
    if ((o->csv || o->since) && o->cmd != CMD_HISTORY) {
        fputs("stillpoint: --csv and --since go with --history\n", stderr);
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

static void print_diags(const struct diag_list *d)
{
    for (size_t i = 0; i < d->count; i++)
        fprintf(stderr, "%s\n", d->msgs[i]);
    if (d->dropped)
        fprintf(stderr, "... and %zu more problems\n", d->dropped);
}

/* --check's warnings: time marks the sessions of c reach late, with
 * their true lengths (speech made, or read from the cache). The count of
 * warnings (in d), or -1 when a session could not be prepared (its
 * problems in d). */
static int check_marks(const struct catalog *c, struct diag_list *d)
{
    struct timeline_options o = {0};
    int warned = 0;
    for (size_t k = 0; k < catalog_count(c); k++) {
        int n = marks_check(catalog_get(c, k), &o, d, d);
        if (n < 0)
            return -1;
        warned += n;
    }
    return warned;
}

static int cmd_check(int argc, char **argv)
{
    int status = EXIT_OK;
    char assets[PATHS_MAX];
    struct load_env env = {.check_sounds = true};
    if (paths_assets_dir(assets, sizeof(assets)))
        env.assets = assets;
    for (int i = optind; i < argc; i++) {
        struct diag_list d;
        diag_init(&d);
        struct catalog *c = library_safety_only(&d);
        if (!c) {
            print_diags(&d);
            return EXIT_RUNTIME;
        }
        int n = load_session_file(c, argv[i], &env, &d);
        int warned = n < 0 ? 0 : check_marks(c, &d);
        if (n < 0 || warned < 0) {
            print_diags(&d);
            status = EXIT_BAD;
        } else {
            print_diags(&d);
            printf("%s: ok (%d session%s", argv[i], n, n == 1 ? "" : "s");
            if (warned)
                printf(", %d warning%s", warned, warned == 1 ? "" : "s");
            puts(")");
        }
        catalog_free(c);
    }
    return status;
}

static int load_library(struct library *lib, const struct options *o)
{
    char err[512];
    if (!library_load(lib, o->configs, o->n_configs, err, sizeof(err))) {
        fprintf(stderr, "stillpoint: %s\n", err);
        return EXIT_RUNTIME;
    }
    print_diags(&lib->broken);
    if (diag_total(&lib->extra) > 0) {
        print_diags(&lib->extra);
        return EXIT_BAD;
    }
    return EXIT_OK;
}

/* Text from a file on its way to stdout: the loader refused controls in
 * it, and this keeps it so whatever a future path lets through. */
static const char *shown(const char *s, char *buf, size_t n)
{
    return utf8_escape(s ? s : "", buf, n);
}

static void print_list(const struct catalog *c)
{
    char name[256], type[256], title[1024];
    for (size_t i = 0; i < catalog_count(c); i++) {
        const struct session *s = catalog_get(c, i);
        printf("%s\t%s\t%.1f\t%s\n", shown(s->name, name, sizeof(name)),
               shown(s->type, type, sizeof(type)),
               load_estimate_seconds(s) / 60.0,
               shown(s->title, title, sizeof(title)));
    }
}

static int cmd_list(const struct options *o)
{
    struct library lib = {0};
    int rc = load_library(&lib, o);
    if (rc == EXIT_RUNTIME) {
        library_free(&lib);
        return rc;
    }
    print_list(lib.catalog);
    library_free(&lib);
    return rc;
}

/* Writes a caption, or '-' for none, with any control shown escaped. */
static void put_caption(const char *s)
{
    char buf[4096];
    fputs(s && *s ? shown(s, buf, sizeof(buf)) : "-", stdout);
}

static void print_schedule(const struct timeline *t,
                           const struct sound_set *set)
{
    char name[1024];
    for (size_t i = 0; i < t->count; i++) {
        const struct cue *c = &t->cues[i];
        printf("%.3f\t%s\t%s\t", (double)c->frame / SOUND_RATE,
               timeline_kind_name(c->kind),
               c->sound >= 0
                   ? shown(set->items[c->sound].name, name, sizeof(name))
                   : "-");
        put_caption(c->caption);
        fputc('\n', stdout);
    }
}

/* Lines kept in the speech cache are read in just before they are heard
 * and let go after, so a render of any length holds few of them. */
static void page_ahead(void *prepare, int64_t position)
{
    prepare_page(prepare, position);
}

/* Readies the session as --schedule (the timeline) or --render (every
 * sound) needs it, through the same preparation the window uses. */
static int cmd_play_offline(const struct options *o)
{
    struct library lib = {0};
    int rc = load_library(&lib, o);
    if (rc != EXIT_OK) {
        library_free(&lib);
        return rc;
    }
    const struct session *s = catalog_find(lib.catalog, o->name);
    if (!s) {
        fprintf(stderr,
                "stillpoint: no session named '%s' (see "
                "stillpoint --list)\n",
                o->name);
        library_free(&lib);
        return EXIT_BAD;
    }
    char err[512];
    bool render = o->cmd == CMD_RENDER;
    struct timeline_options tl = {.stock_clip = library_stock_clip,
                                  .stock_ctx = &lib};
    struct adapt_options adapt = {0};
    prefs_session_options(&o->prefs, &tl, &adapt);
    struct arena *scratch = arena_new();
    s = scratch ? adapt_session(s, &adapt, scratch) : NULL;
    if (!s) {
        fputs("stillpoint: out of memory\n", stderr);
        arena_free(scratch);
        library_free(&lib);
        return EXIT_RUNTIME;
    }
    struct prepare *p =
        prepare_start(s, &tl, render ? PREPARE_RENDER : PREPARE_SCHEDULE);
    if (!p) {
        fputs("stillpoint: out of memory\n", stderr);
        rc = EXIT_RUNTIME;
    } else if (!prepare_wait(p, render ? PREPARE_ALL : PREPARE_TIMELINE)) {
        print_diags(prepare_problems(p));
        rc = EXIT_BAD;
    } else if (!render) {
        print_schedule(prepare_timeline(p), prepare_sounds(p));
    } else {
        /* Lines the synthesizer could not speak keep their captions. */
        print_diags(prepare_problems(p));
        if (getenv("STILLPOINT_BENCH")) {
            struct speech_batch_figures fig;
            prepare_speech_figures(p, &fig);
            fprintf(stderr,
                    "speech %.3f s (%.3f s made) in %.3f s, %d workers\n",
                    fig.audio_seconds, fig.made_seconds, fig.wall_seconds,
                    fig.workers);
        }
        if (render_to_wav(prepare_timeline(p), prepare_sounds(p), o->output,
                          page_ahead, p, err, sizeof(err)) != 0) {
            fprintf(stderr, "stillpoint: %s\n", err);
            rc = EXIT_RUNTIME;
        }
    }
    prepare_free(p);
    arena_free(scratch);
    library_free(&lib);
    return rc;
}

/* --export NAME DEST: the session's file and its sounds. */
static int cmd_export(const struct options *o)
{
    struct library lib;
    int rc = load_library(&lib, o);
    if (rc == EXIT_RUNTIME)
        return rc;
    struct diag_list d;
    diag_init(&d);
    rc = bundle_export(&lib, o->name, o->dest, &d);
    print_diags(&d);
    if (rc == BUNDLE_OK)
        printf("%s: exported '%s'\n", o->dest, o->name);
    library_free(&lib);
    return rc;
}

/* --captions-session FILE [--recording NAME] [-o OUT.cfg]: a session file
 * to finish, written to a new file or to stdout. */
static int cmd_captions_session(const struct options *o)
{
    struct diag_list d;
    diag_init(&d);
    char *text, out[PATHS_MAX], in[PATHS_MAX];
    bool to_file = o->output && strcmp(o->output, "-") != 0;
    int rc = captions_file_session(o->captions, o->recording, &text, &d);
    if (rc == EXIT_OK && to_file)
        rc = captions_file_write_new(o->output, text, &d);
    else if (rc == EXIT_OK)
        fputs(text, stdout);
    print_diags(&d);
    if (rc == EXIT_OK && to_file)
        printf("%s: made from %s; read it through and choose its type\n",
               shown(o->output, out, sizeof(out)),
               shown(o->captions, in, sizeof(in)));
    free(text);
    return rc;
}

/* SIGINT, SIGTERM and SIGHUP during --import: only a flag is set; the
 * import stops at its next block of data and removes its private folder,
 * then cmd_import ends the program by that signal. A signal ignored when
 * we started (a background job's SIGINT, nohup's SIGHUP) stays ignored. */
static void stop_import(int sig)
{
    bundle_stop_signal = sig;
}

/* --import SRC [--replace]: checked whole, then moved into place. */
static int cmd_import(const struct options *o)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        struct sigaction sa, old;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = stop_import;
        sigemptyset(&sa.sa_mask);
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    }
    struct library lib;
    char err[512];
    if (!library_load(&lib, NULL, 0, err, sizeof(err))) {
        fprintf(stderr, "stillpoint: %s\n", err);
        return EXIT_RUNTIME;
    }
    struct diag_list d;
    diag_init(&d);
    int rc;
    struct bundle_import *b =
        bundle_import_open(&lib, o->dest, o->replace, &d, &rc);
    char where[PATHS_MAX * 2];
    if (b)
        rc = bundle_import_commit(b, NULL, where, sizeof(where), &d);
    print_diags(&d);
    if (b && rc == BUNDLE_OK) {
        const struct catalog *c = bundle_import_sessions(b);
        for (size_t i = 0; i < catalog_count(c); i++)
            printf("imported '%s' into %s\n", catalog_get(c, i)->name, where);
    }
    bundle_import_free(b);
    library_free(&lib);
    if (bundle_stop_signal) {
        /* Everything is cleaned up: end as the signal asked. */
        int sig = bundle_stop_signal;
        signal(sig, SIG_DFL);
        raise(sig);
    }
    return rc;
}

static const char *title_of(const char *name, void *catalog)
{
    const struct session *s = catalog_find(catalog, name);
    return s ? s->title : NULL;
}

/* --history: the merged rows as a table (titles from the sessions that
 * load, else the recorded names) or as CSV. Damaged lines are named on
 * stderr and skipped; a history file that is not ours is a failure. */
static int cmd_history(const struct options *o)
{
    long since = 0;
    if (o->since && !history_parse_date(o->since, &since)) {
        fprintf(stderr,
                "stillpoint: --since: '%s' is not a date like 2026-11-23 "
                "(YYYY-MM-DD)\n",
                o->since);
        return EXIT_BAD;
    }
    char path[PATHS_MAX];
    if (!history_default_path(path, sizeof(path))) {
        fputs("stillpoint: no place for the history: set HOME or "
              "XDG_STATE_HOME\n",
              stderr);
        return EXIT_RUNTIME;
    }
    struct history h;
    char err[PATHS_MAX + 200];
    if (history_read(path, &h, err, sizeof(err)) != 0) {
        fprintf(stderr, "stillpoint: %s\n", err);
        history_free(&h);
        return EXIT_RUNTIME;
    }
    for (size_t i = 0; i < h.n_notes; i++)
        fprintf(stderr, "%s:%zu: %s; skipped\n", path, h.notes[i].line,
                h.notes[i].what);
    if (h.damaged > h.n_notes)
        fprintf(stderr, "%s: ... and %zu more damaged lines skipped\n", path,
                h.damaged - h.n_notes);
    if (err[0])
        fprintf(stderr, "stillpoint: %s\n", err); /* the row cap */
    size_t recorded = h.count;
    if (o->since)
        history_keep_since(&h, since);
    char *text = NULL;
    struct library lib = {0};
    if (o->csv) {
        text = history_csv_text(&h);
    } else if (h.count > 0) {
        /* Titles read better than names; without them, names will do. */
        bool titles =
            library_load(&lib, o->configs, o->n_configs, err, sizeof(err));
        text = history_table_text(&h, titles ? title_of : NULL,
                                  titles ? lib.catalog : NULL);
        if (titles)
            library_free(&lib);
    }
    int rc = EXIT_OK;
    if (h.count == 0) {
        FILE *out = o->csv ? stderr : stdout; /* stdout stays CSV */
        if (recorded == 0)
            fprintf(out,
                    "No sessions recorded yet. Each session you run is "
                    "kept in %s.\n",
                    path);
        else
            fprintf(out, "No sessions recorded since %s.\n", o->since);
    }
    if (text)
        fputs(text, stdout);
    else if (o->csv || h.count > 0) {
        fputs("stillpoint: out of memory\n", stderr);
        rc = EXIT_RUNTIME;
    }
    free(text);
    history_free(&h);
    return rc;
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
    case CMD_NONE:
        break;
    }
    struct library lib = {0};
    rc = load_library(&lib, &o);
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
