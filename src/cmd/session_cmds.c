/* session_cmds.c: the commands about sessions: --check (with its time
 * mark warnings), --list, --schedule and --render. */
#include "cmd.h"

#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../audio/lengths.h"
#include "../audio/marks_check.h"
#include "../audio/prepare.h"
#include "../audio/render.h"
#include "../core/utf8.h"
#include "../load/loader.h"

void cmd_print_diags(const struct diag_list *d)
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

int cmd_check(int argc, char **argv)
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
            cmd_print_diags(&d);
            return EXIT_RUNTIME;
        }
        int n = load_session_file(c, argv[i], &env, &d);
        int warned = n < 0 ? 0 : check_marks(c, &d);
        if (n < 0 || warned < 0) {
            cmd_print_diags(&d);
            status = EXIT_BAD;
        } else {
            cmd_print_diags(&d);
            printf("%s: ok (%d session%s", argv[i], n, n == 1 ? "" : "s");
            if (warned)
                printf(", %d warning%s", warned, warned == 1 ? "" : "s");
            puts(")");
        }
        catalog_free(c);
    }
    return status;
}

int cmd_load_library(struct library *lib, const struct options *o)
{
    char err[512];
    if (!library_load(lib, o->configs, o->n_configs, err, sizeof(err))) {
        fprintf(stderr, "stillpoint: %s\n", err);
        return EXIT_RUNTIME;
    }
    cmd_print_diags(&lib->broken);
    if (diag_total(&lib->extra) > 0) {
        cmd_print_diags(&lib->extra);
        return EXIT_BAD;
    }
    return EXIT_OK;
}

/* Text from a file on its way to stdout: the loader refused controls in
 * it, and this keeps it so whatever a future path lets through. */
const char *cmd_shown(const char *s, char *buf, size_t n)
{
    return utf8_escape(s ? s : "", buf, n);
}

/* Each session with its true length in minutes, measured with the
 * person's choices as --schedule measures it ("-" when it cannot be
 * prepared; why goes to stderr). */
static void print_list(const struct library *lib, const struct options *o)
{
    char name[256], type[256], title[1024], minutes[32];
    struct timeline_options tl = {.stock_clip = library_stock_clip,
                                  .stock_ctx = (void *)lib};
    struct adapt_options adapt = {0};
    prefs_session_options(&o->prefs, &tl, &adapt);
    for (size_t i = 0; i < catalog_count(lib->catalog); i++) {
        const struct session *s = catalog_get(lib->catalog, i);
        struct diag_list d;
        diag_init(&d);
        double secs = lengths_measure(s, &tl, &adapt, &d, NULL);
        cmd_print_diags(&d);
        if (secs < 0)
            snprintf(minutes, sizeof(minutes), "-");
        else
            snprintf(minutes, sizeof(minutes), "%.1f", secs / 60.0);
        printf("%s\t%s\t%s\t%s\n", cmd_shown(s->name, name, sizeof(name)),
               cmd_shown(s->type, type, sizeof(type)), minutes,
               cmd_shown(s->title, title, sizeof(title)));
    }
}

int cmd_list(const struct options *o)
{
    struct library lib = {0};
    int rc = cmd_load_library(&lib, o);
    if (rc == EXIT_RUNTIME) {
        library_free(&lib);
        return rc;
    }
    print_list(&lib, o);
    library_free(&lib);
    return rc;
}

/* Writes a caption, or '-' for none, with any control shown escaped. */
static void put_caption(const char *s)
{
    char buf[4096];
    fputs(s && *s ? cmd_shown(s, buf, sizeof(buf)) : "-", stdout);
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
                   ? cmd_shown(set->items[c->sound].name, name, sizeof(name))
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
int cmd_play_offline(const struct options *o)
{
    struct library lib = {0};
    int rc = cmd_load_library(&lib, o);
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
        cmd_print_diags(prepare_problems(p));
        rc = EXIT_BAD;
    } else if (!render) {
        print_schedule(prepare_timeline(p), prepare_sounds(p));
    } else {
        /* Lines the synthesizer could not speak keep their captions. */
        cmd_print_diags(prepare_problems(p));
        if (getenv("STILLPOINT_BENCH")) {
            struct speech_batch_figures fig;
            prepare_speech_figures(p, &fig);
            fprintf(stderr,
                    "speech %.3f s (%.3f s made) in %.3f s, %d workers\n",
                    fig.audio_seconds, fig.made_seconds, fig.wall_seconds,
                    fig.workers);
        }
        struct diag_list late;
        diag_init(&late);
        if (render_to_wav(prepare_timeline(p), prepare_sounds(p), o->output,
                          page_ahead, p, err, sizeof(err)) != 0) {
            fprintf(stderr, "stillpoint: %s\n", err);
            rc = EXIT_RUNTIME;
        } else if (prepare_render_failures(p, &late)) {
            /* Rendered whole, with silence where a recording failed:
             * said, and a failure for whoever scripted it. */
            cmd_print_diags(&late);
            rc = EXIT_RUNTIME;
        }
    }
    prepare_free(p);
    arena_free(scratch);
    library_free(&lib);
    return rc;
}
