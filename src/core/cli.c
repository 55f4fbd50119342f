/* cli.c: getopt_long()'s arrays and --help's option lines from a table of
 * options (see cli.h). */
#include "cli.h"

#include <string.h>

enum { HELP_COLUMN = 26, HELP_WIDTH = 79 };

/* The rows in order, the preferences table's options in place of the
 * CLI_PREFS row: calls each(found, ctx) for each. */
static void each_option(const struct cli_option *rows, size_t n,
                        void (*each)(struct cli_found, void *), void *ctx)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; rows[i].does == CLI_PREFS && k < PREFS_ROWS; k++)
            if (PREFS_TABLE[k].opt)
                each((struct cli_found){NULL, &PREFS_TABLE[k]}, ctx);
        if (rows[i].does != CLI_PREFS)
            each((struct cli_found){&rows[i], NULL}, ctx);
    }
}

static const char *name_of(struct cli_found f)
{
    return f.row ? f.row->name : f.pref->opt;
}

struct build {
    struct cli_getopt *g;
    char *err;
    size_t errlen;
    bool ok;
};

static void add(struct cli_found f, void *ctx)
{
    struct build *b = ctx;
    struct cli_getopt *g = b->g;
    const char *name = name_of(f);
    char letter = f.row ? f.row->letter : 0;
    int has_arg =
        f.row ? f.row->has_arg
              : (f.pref->type == PREFS_BOOL ? no_argument : required_argument);
    if (g->count == CLI_MAX_OPTIONS) {
        snprintf(b->err, b->errlen, "more than %d options", CLI_MAX_OPTIONS);
        b->ok = false;
        return;
    }
    for (size_t i = 0; i < g->count; i++) {
        if (strcmp(g->longs[i].name, name) == 0 ||
            (letter && g->found[i].row && g->found[i].row->letter == letter)) {
            snprintf(b->err, b->errlen, "option --%s is there twice", name);
            b->ok = false;
            return;
        }
    }
    g->longs[g->count] =
        (struct option){name, has_arg, NULL, 256 + (int)g->count};
    g->found[g->count++] = f;
    if (letter) {
        size_t len = strlen(g->shorts);
        g->shorts[len++] = letter;
        if (has_arg == required_argument)
            g->shorts[len++] = ':';
        g->shorts[len] = '\0';
    }
}

bool cli_build(const struct cli_option *rows, size_t n, struct cli_getopt *g,
               char *err, size_t errlen)
{
    struct build b = {g, err, errlen, true};
    g->count = 0;
    g->shorts[0] = '\0';
    each_option(rows, n, add, &b);
    g->longs[g->count] = (struct option){NULL, 0, NULL, 0};
    return b.ok;
}

const struct cli_found *cli_find(const struct cli_getopt *g, int c)
{
    for (size_t i = 0; i < g->count; i++)
        if (c == 256 + (int)i ||
            (c < 256 && g->found[i].row && g->found[i].row->letter == c))
            return &g->found[i];
    return NULL;
}

/* One option's lines: its names, then its help wrapped in its column. */
static void put_help(struct cli_found f, void *ctx)
{
    FILE *out = ctx;
    char letter = f.row ? f.row->letter : 0;
    const char *arg = f.row ? f.row->arg : f.pref->arg;
    const char *help = f.row ? f.row->help : f.pref->help;
    int col = fprintf(out, "  %c%c%c --%s%s%s", letter ? '-' : ' ',
                      letter ? letter : ' ', letter ? ',' : ' ', name_of(f),
                      arg ? " " : "", arg ? arg : "");
    if (col > HELP_COLUMN - 2) {
        fputc('\n', out);
        col = 0;
    }
    for (const char *w = help; *w;) {
        int len = (int)strcspn(w, " ");
        if (col > HELP_COLUMN && col + 1 + len > HELP_WIDTH) {
            fputc('\n', out);
            col = 0;
        }
        col += col < HELP_COLUMN ? fprintf(out, "%*s", HELP_COLUMN - col, "")
                                 : fprintf(out, " ");
        col += fprintf(out, "%.*s", len, w);
        w += len + strspn(w + len, " ");
    }
    fputc('\n', out);
}

void cli_write_help(FILE *out, const struct cli_option *rows, size_t n)
{
    each_option(rows, n, put_help, out);
}
