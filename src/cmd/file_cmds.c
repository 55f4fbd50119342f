/* file_cmds.c: the commands that move files in and out: --export,
 * --import, --captions-session, and --history's report. */
#include "cmd.h"

#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/history_report.h"
#include "../core/history_table.h"
#include "../load/bundle.h"
#include "../load/captions_file.h"

/* --export NAME DEST: the session's file and its sounds. */
int cmd_export(const struct options *o)
{
    struct library lib;
    int rc = cmd_load_library(&lib, o);
    if (rc == EXIT_RUNTIME)
        return rc;
    struct diag_list d;
    diag_init(&d);
    rc = bundle_export(&lib, o->name, o->dest, &d);
    cmd_print_diags(&d);
    if (rc == BUNDLE_OK)
        printf("%s: exported '%s'\n", o->dest, o->name);
    library_free(&lib);
    return rc;
}

/* --captions-session FILE [--recording NAME] [-o OUT.cfg]: a session file
 * to finish, written to a new file or to stdout. */
int cmd_captions_session(const struct options *o)
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
    cmd_print_diags(&d);
    if (rc == EXIT_OK && to_file)
        printf("%s: made from %s; read it through and choose its type\n",
               cmd_shown(o->output, out, sizeof(out)),
               cmd_shown(o->captions, in, sizeof(in)));
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
int cmd_import(const struct options *o)
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
    cmd_print_diags(&d);
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

bool cmd_since(const struct options *o, long *since)
{
    if (!o->since || history_parse_date(o->since, since))
        return true;
    fprintf(stderr,
            "stillpoint: --since: '%s' is not a date like 2026-11-23 "
            "(YYYY-MM-DD)\n",
            o->since);
    return false;
}

/* --history: the merged rows as a table (titles from the sessions that
 * load, else the recorded names) or as CSV. Damaged lines are named on
 * stderr and skipped; a history file that is not ours is a failure. */
int cmd_history(const struct options *o)
{
    long since = 0;
    if (!cmd_since(o, &since))
        return EXIT_BAD;
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
