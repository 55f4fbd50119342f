/* test_cli.c: a command line declared as a table: getopt_long() finds each
 * option of the table and of the preferences table, a name given twice is
 * refused, and --help shows each option once, inside 80 columns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/core/cli.h"

struct opts {
    const char *out;
    bool flag;
};

static const struct cli_option rows[] = {
    {"list", 'l', no_argument, NULL, CLI_COMMAND, 1, 0, "list them all"},
    {"output", 'o', required_argument, "FILE", CLI_TEXT, 0,
     CLI_FIELD(struct opts, out), "where to write"},
    {NULL, 0, 0, NULL, CLI_PREFS, 0, 0, NULL},
    {"a-very-long-option-name", 0, required_argument, "ARGUMENT", CLI_FLAG, 0,
     CLI_FIELD(struct opts, flag),
     "a help text long enough that it has to be wrapped over more than one "
     "line of the help, each line inside eighty columns"},
};
enum { N_ROWS = sizeof(rows) / sizeof(rows[0]) };

static size_t pref_options(void)
{
    size_t n = 0;
    for (size_t i = 0; i < PREFS_ROWS; i++)
        n += PREFS_TABLE[i].opt != NULL;
    return n;
}

static void test_build_and_find(void **state)
{
    (void)state;
    struct cli_getopt g;
    char err[200];
    assert_true(cli_build(rows, N_ROWS, &g, err, sizeof(err)));
    assert_int_equal(g.count, N_ROWS - 1 + pref_options());
    assert_string_equal(g.shorts, "lo:");
    assert_null(g.longs[g.count].name);
    /* Each long option maps back to its row; so do the short ones. */
    for (size_t i = 0; i < g.count; i++) {
        const struct cli_found *f = cli_find(&g, g.longs[i].val);
        assert_ptr_equal(f, &g.found[i]);
        const char *name = f->row ? f->row->name : f->pref->opt;
        assert_string_equal(g.longs[i].name, name);
        if (f->pref)
            assert_int_equal(g.longs[i].has_arg,
                             f->pref->arg ? required_argument : no_argument);
    }
    assert_ptr_equal(cli_find(&g, 'l')->row, &rows[0]);
    assert_ptr_equal(cli_find(&g, 'o')->row, &rows[1]);
    assert_null(cli_find(&g, '?'));
    assert_null(cli_find(&g, 'x'));
    /* The preferences' options stand where the marker row is. */
    assert_ptr_equal(g.found[2].pref, prefs_find("voice"));
}

static void test_twice_refused(void **state)
{
    (void)state;
    struct cli_getopt g;
    char err[200];
    const struct cli_option twice[] = {
        {"list", 'l', no_argument, NULL, CLI_COMMAND, 1, 0, "list"},
        {"list", 0, no_argument, NULL, CLI_COMMAND, 2, 0, "list again"},
    };
    assert_false(cli_build(twice, 2, &g, err, sizeof(err)));
    assert_string_equal(err, "option --list is there twice");
    const struct cli_option letters[] = {
        {"list", 'l', no_argument, NULL, CLI_COMMAND, 1, 0, "list"},
        {"long", 'l', no_argument, NULL, CLI_COMMAND, 2, 0, "long"},
    };
    assert_false(cli_build(letters, 2, &g, err, sizeof(err)));
    assert_string_equal(err, "option --long is there twice");
    /* A preference's option is an option like any other. */
    const struct cli_option gentle[] = {
        {NULL, 0, 0, NULL, CLI_PREFS, 0, 0, NULL},
        {"gentle", 0, no_argument, NULL, CLI_FLAG, 0, 0, "gentle"},
    };
    assert_false(cli_build(gentle, 2, &g, err, sizeof(err)));
    assert_string_equal(err, "option --gentle is there twice");
}

static void test_help(void **state)
{
    (void)state;
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    assert_non_null(out);
    cli_write_help(out, rows, N_ROWS);
    assert_int_equal(fclose(out), 0);
    assert_non_null(strstr(text, "  -l, --list              list them all\n"));
    assert_non_null(strstr(text, "  -o, --output FILE       where to write\n"));
    /* A long name: the help starts on the next line, in its column. */
    assert_non_null(strstr(text, "      --a-very-long-option-name ARGUMENT\n"
                                 "                          a help text"));
    /* Every preference's option once. */
    for (size_t i = 0; i < PREFS_ROWS; i++) {
        char want[64];
        if (!PREFS_TABLE[i].opt)
            continue;
        snprintf(want, sizeof(want), "\n      --%s", PREFS_TABLE[i].opt);
        size_t len = strlen(want), n = 0;
        for (const char *at = strstr(text, want); at; at = strstr(at + 1, want))
            n += at[len] == ' ' || at[len] == '\n';
        if (n != 1)
            fail_msg("--%s is in the help %zu times", PREFS_TABLE[i].opt, n);
    }
    size_t lines = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        assert_true(strlen(line) < 80);
        lines++;
    }
    assert_true(lines >= N_ROWS - 1 + pref_options() + 2);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_build_and_find),
        cmocka_unit_test(test_twice_refused),
        cmocka_unit_test(test_help),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
