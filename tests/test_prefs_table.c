/* test_prefs_table.c: the table of preferences itself, row by row, so a
 * new row is tested without a new test: its default is one it allows, its
 * names and options are unique, every value it allows survives a save and
 * a load, its option sets it for a run and wins over the file, and its
 * choices-screen item stays inside its range. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/core/prefs.h"
#include "../src/core/prefs_items.h"
#include "../src/core/session.h"
#include "../src/load/prefs_file.h"
#include "tmpdir.h"

enum { MAX_SAMPLES = 16 };

static int setup(void **state)
{
    return tmpdir_setup(state, "prefs-table", "stillpoint/stillpoint.cfg");
}

static size_t count_names(const char *const *names)
{
    size_t n = 0;
    while (names && names[n])
        n++;
    return n;
}

static uint32_t all_regions(void)
{
    return (uint32_t)((UINT64_C(1) << SESSION_REGION_COUNT) - 1);
}

/* Values row r allows: the ends of a range and points between, each
 * name of an enum, a few region sets. Returns how many. */
static size_t samples(const struct prefs_row *r, double *out)
{
    size_t n = 0;
    switch (r->type) {
    case PREFS_BOOL:
        out[n++] = 0;
        out[n++] = 1;
        break;
    case PREFS_FLOAT:
    case PREFS_DOUBLE:
        out[n++] = r->min;
        out[n++] = r->max;
        out[n++] = r->min + (r->max - r->min) / 3;
        out[n++] = r->min + (r->max - r->min) * 0.999;
        for (int i = 0; i < r->n_stops && n < MAX_SAMPLES; i++)
            out[n++] = r->stops[i];
        break;
    case PREFS_ENUM:
        for (size_t i = 0; i < count_names(r->names) && n < MAX_SAMPLES; i++)
            out[n++] = (double)i;
        break;
    case PREFS_REGION_SET:
        out[n++] = 0;
        out[n++] = 1;
        out[n++] = (double)(UINT32_C(1) << (SESSION_REGION_COUNT - 1));
        out[n++] = (double)(all_regions() & UINT32_C(0x5555));
        out[n++] = (double)all_regions();
        break;
    }
    return n;
}

/* p and q hold the same value for every row. */
static void assert_same(const struct prefs *p, const struct prefs *q)
{
    for (size_t i = 0; i < PREFS_ROWS; i++) {
        const struct prefs_row *r = &PREFS_TABLE[i];
        if (prefs_get(r, p) != prefs_get(r, q))
            fail_msg("%s: %.17g, then %.17g", r->key, prefs_get(r, p),
                     prefs_get(r, q));
    }
}

static void test_defaults_allowed(void **state)
{
    (void)state;
    struct prefs p;
    memset(&p, 0x5a, sizeof(p));
    prefs_defaults(&p);
    char err[256];
    for (size_t i = 0; i < PREFS_ROWS; i++) {
        const struct prefs_row *r = &PREFS_TABLE[i];
        if (!prefs_check(r, &p, err, sizeof(err)))
            fail_msg("%s: its default: %s", r->key, err);
        if (r->type == PREFS_FLOAT || r->type == PREFS_DOUBLE)
            assert_true(r->def >= r->min && r->def <= r->max);
        if (r->type == PREFS_FLOAT)
            assert_true(prefs_get(r, &p) == (float)r->def);
        else
            assert_true(prefs_get(r, &p) == r->def);
    }
}

/* Keys, fields and options are each unique; each row has what its type
 * and its uses need. */
static void test_rows_well_formed(void **state)
{
    (void)state;
    assert_true(PREFS_ROWS + 1 <= PREFS_MAX_SETTINGS);
    int region_sets = 0;
    for (size_t i = 0; i < PREFS_ROWS; i++) {
        const struct prefs_row *r = &PREFS_TABLE[i];
        assert_non_null(r->key);
        assert_true(strspn(r->key, "abcdefghijklmnopqrstuvwxyz_") ==
                    strlen(r->key));
        assert_ptr_equal(prefs_find(r->key), r);
        assert_true(r->offset < sizeof(struct prefs));
        assert_non_null(r->comment);
        assert_non_null(r->doc);
        for (size_t k = 0; k < i; k++) {
            const struct prefs_row *o = &PREFS_TABLE[k];
            if (strcmp(o->key, r->key) == 0 || o->offset == r->offset)
                fail_msg("%s and %s share a key or a field", o->key, r->key);
            if (r->opt && o->opt && strcmp(r->opt, o->opt) == 0)
                fail_msg("%s and %s share --%s", o->key, r->key, r->opt);
        }
        if (r->opt) {
            assert_true(strspn(r->opt, "abcdefghijklmnopqrstuvwxyz-") ==
                        strlen(r->opt));
            assert_non_null(r->help);
            /* A flag has no argument; every other option has one. */
            assert_int_equal(r->arg == NULL, r->type == PREFS_BOOL);
        }
        switch (r->type) {
        case PREFS_ENUM:
            assert_true(count_names(r->names) >= 2);
            assert_non_null(r->what);
            if (r->label)
                assert_int_equal(count_names(r->words), count_names(r->names));
            break;
        case PREFS_FLOAT:
        case PREFS_DOUBLE:
            assert_true(r->min < r->max);
            if (r->label)
                assert_true((r->per > 0) != (r->n_stops > 0));
            for (int k = 0; k < r->n_stops; k++)
                assert_true(r->stops[k] >= r->min && r->stops[k] <= r->max &&
                            (k == 0 || r->stops[k] > r->stops[k - 1]));
            break;
        case PREFS_REGION_SET:
            region_sets++;
            break;
        case PREFS_BOOL:
            break;
        }
    }
    assert_true(region_sets <= 1); /* the screen has one column of regions */
}

/* Every value a row allows is saved and read back as it was, and so are
 * the text forms of enums and region sets. */
static void test_round_trip_every_row(void **state)
{
    struct tmpdir *f = *state;
    char err[512], text[PREFS_REGIONS_TEXT];
    for (size_t i = 0; i < PREFS_ROWS; i++) {
        const struct prefs_row *r = &PREFS_TABLE[i];
        double v[MAX_SAMPLES];
        size_t n = samples(r, v);
        for (size_t k = 0; k < n; k++) {
            struct prefs p, q;
            struct diag_list d;
            diag_init(&d);
            prefs_defaults(&p);
            prefs_set(r, &p, v[k]);
            if (!prefs_check(r, &p, err, sizeof(err)))
                fail_msg("%s = %.17g: %s", r->key, v[k], err);
            if (prefs_save(f->path, &p, err, sizeof(err)) != 0)
                fail_msg("%s = %.17g: %s", r->key, v[k], err);
            assert_int_equal(prefs_load(f->path, &q, &d), 0);
            assert_same(&p, &q);
            if (r->type != PREFS_ENUM && r->type != PREFS_REGION_SET)
                continue;
            prefs_defaults(&q);
            assert_true(prefs_format_text(r, &p, text, sizeof(text)));
            assert_true(prefs_parse_text(r, &q, text, err, sizeof(err)));
            assert_same(&p, &q);
        }
    }
}

/* A row's command-line option sets it away from its default; the
 * command line wins over the file, except that region sets are joined. A
 * bad argument is refused with a message, leaving the value. */
static void test_options(void **state)
{
    (void)state;
    char err[512];
    for (size_t i = 0; i < PREFS_ROWS; i++) {
        const struct prefs_row *r = &PREFS_TABLE[i];
        if (!r->opt)
            continue;
        struct prefs def, cli, file, out;
        prefs_defaults(&def);
        cli = file = def;
        char arg[64] = "";
        if (r->type == PREFS_FLOAT || r->type == PREFS_DOUBLE)
            snprintf(arg, sizeof(arg), "%g",
                     r->def == r->max ? r->min : r->max);
        else if (r->type == PREFS_ENUM)
            snprintf(arg, sizeof(arg), "%s",
                     r->names[count_names(r->names) - 1]);
        else if (r->type == PREFS_REGION_SET)
            snprintf(arg, sizeof(arg), "%s", SESSION_REGIONS[0]);
        if (!prefs_set_option(r, &cli, r->arg ? arg : NULL, err, sizeof(err)))
            fail_msg("--%s %s: %s", r->opt, arg, err);
        assert_true(prefs_get(r, &cli) != prefs_get(r, &def));

        /* The file alone; the command line over the file. The file's
         * value differs from both where the row allows it. */
        double v[MAX_SAMPLES];
        size_t n = samples(r, v), k = 0;
        while (k + 1 < n &&
               (v[k] == prefs_get(r, &def) || v[k] == prefs_get(r, &cli)))
            k++;
        prefs_set(r, &file, v[k]);
        prefs_merge(&out, &def, &file);
        assert_same(&out, &file);
        prefs_merge(&out, &cli, &file);
        if (r->type == PREFS_REGION_SET)
            assert_true(prefs_get(r, &out) ==
                        (double)((uint32_t)prefs_get(r, &cli) |
                                 (uint32_t)prefs_get(r, &file)));
        else
            assert_true(prefs_get(r, &out) == prefs_get(r, &cli));

        if (!r->arg)
            continue;
        cli = def;
        err[0] = '\0';
        assert_false(
            prefs_set_option(r, &cli, "no such value", err, sizeof(err)));
        assert_true(err[0] != '\0');
        assert_same(&cli, &def);
    }
    /* The message the settling option has always given. */
    struct prefs p;
    prefs_defaults(&p);
    assert_false(prefs_set_option(prefs_find("settling_seconds"), &p, "121",
                                  err, sizeof(err)));
    assert_string_equal(err, "expected seconds 0..120, got '121'");
}

/* Each labelled row is an item named by its label (a region set gives
 * one per region), and stepping an item any way keeps it allowed. */
static void test_items(void **state)
{
    (void)state;
    struct prefs p;
    prefs_defaults(&p);
    int item = 0;
    char name[64], value[64], err[256];
    for (size_t i = 0; i < PREFS_ROWS; i++) {
        const struct prefs_row *r = &PREFS_TABLE[i];
        if (!r->label || r->type == PREFS_REGION_SET)
            continue;
        prefs_item_text(&p, item, name, sizeof(name), value, sizeof(value));
        assert_string_equal(name, r->label);
        assert_true(value[0] != '\0');
        for (int dir = -1; dir <= 1; dir++) {
            for (int k = 0; k < 30; k++) {
                prefs_item_step(&p, item, dir);
                if (!prefs_check(r, &p, err, sizeof(err)))
                    fail_msg("%s stepped %d: %s", r->label, dir, err);
            }
        }
        item++;
    }
    assert_int_equal(item, prefs_item_first_region());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_allowed),
        cmocka_unit_test(test_rows_well_formed),
        cmocka_unit_test_setup_teardown(test_round_trip_every_row, setup,
                                        tmpdir_teardown),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_items),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
