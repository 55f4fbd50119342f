/* report_cmd.c: --report [--since DATE] [-o FILE.html]: the practice
 * report for a therapist, built from the history (core/report_html.c)
 * and written privately to FILE (core/report_file.c) or to stdout. */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/history_report.h"
#include "../core/report_file.h"
#include "../core/report_html.h"

static const char *title_of(const char *name, void *catalog)
{
    const struct session *s = catalog_find(catalog, name);
    return s ? s->title : NULL;
}

/* Reads the history, naming damaged lines on stderr. EXIT_OK or the exit
 * code; h is to be freed either way. */
static int read_history(struct history *h, char *path, size_t n)
{
    if (!history_default_path(path, n)) {
        fputs("stillpoint: no place for the history: set HOME or "
              "XDG_STATE_HOME\n",
              stderr);
        *h = (struct history){0};
        return EXIT_RUNTIME;
    }
    char err[PATHS_MAX + 200];
    if (history_read(path, h, err, sizeof(err)) != 0) {
        fprintf(stderr, "stillpoint: %s\n", err);
        return EXIT_RUNTIME;
    }
    for (size_t i = 0; i < h->n_notes; i++)
        fprintf(stderr, "%s:%zu: %s; skipped\n", path, h->notes[i].line,
                h->notes[i].what);
    if (h->damaged > h->n_notes)
        fprintf(stderr, "%s: ... and %zu more damaged lines skipped\n", path,
                h->damaged - h->n_notes);
    if (err[0])
        fprintf(stderr, "stillpoint: %s\n", err); /* the row cap */
    return EXIT_OK;
}

/* The period: from --since (else the first session, else today) to
 * today (or the last session, when the clock was set back). */
static void period(const struct history *h, const long *since, long today,
                   long *first, long *last)
{
    *first = since ? *since : today;
    *last = today;
    for (size_t i = 0; i < h->count; i++) {
        long day;
        if (!history_row_day(&h->rows[i], &day))
            continue;
        if (!since && day < *first)
            *first = day;
        if (day > *last)
            *last = day;
    }
    if (*last < *first)
        *last = *first;
}

/* Writes the page where -o says, or to stdout. */
static int put_page(const struct options *o, const char *html, size_t count)
{
    if (!o->output || strcmp(o->output, "-") == 0) {
        fputs(html, stdout);
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_RUNTIME;
    }
    char err[PATHS_MAX + 200], shown[PATHS_MAX];
    enum report_file_status st =
        report_file_write(o->output, html, strlen(html), err, sizeof(err));
    if (st != REPORT_FILE_OK) {
        fprintf(stderr, "stillpoint: %s\n",
                cmd_shown(err, shown, sizeof(shown)));
        return st == REPORT_FILE_REFUSED ? EXIT_BAD : EXIT_RUNTIME;
    }
    printf("%s: the practice report, %zu session%s; only you can read it "
           "until you share it\n",
           cmd_shown(o->output, shown, sizeof(shown)), count,
           count == 1 ? "" : "s");
    return EXIT_OK;
}

int cmd_report(const struct options *o)
{
    long since = 0, today;
    if (!cmd_since(o, &since))
        return EXIT_BAD;
    if (!history_today(0, &today)) {
        fputs("stillpoint: cannot read the clock\n", stderr);
        return EXIT_RUNTIME;
    }
    char path[PATHS_MAX];
    struct history h;
    int rc = read_history(&h, path, sizeof(path));
    if (rc != EXIT_OK) {
        history_free(&h);
        return rc;
    }
    if (o->since)
        history_keep_since(&h, since);
    history_sort_by_start(&h); /* out of memory: the file's order */
    struct report_input in = {.h = &h};
    period(&h, o->since ? &since : NULL, today, &in.first_day, &in.last_day);
    char generated[32] = "";
    time_t now = time(NULL);
    struct tm tm;
    if (localtime_r(&now, &tm))
        strftime(generated, sizeof(generated), "%Y-%m-%d %H:%M", &tm);
    in.generated = generated;
    /* Titles read better than names; without them, names will do. */
    struct library lib = {0};
    char err[PATHS_MAX + 200];
    bool titles = h.count > 0 && library_load(&lib, o->configs, o->n_configs,
                                              err, sizeof(err));
    if (titles) {
        in.title = title_of;
        in.title_ctx = lib.catalog;
    }
    char *html = report_html(&in);
    if (titles)
        library_free(&lib);
    if (!html) {
        fputs("stillpoint: out of memory\n", stderr);
        rc = EXIT_RUNTIME;
    } else {
        rc = put_page(o, html, h.count);
    }
    free(html);
    history_free(&h);
    return rc;
}
