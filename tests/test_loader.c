/* test_loader.c: the session-file loader. Every file in tests/data/bad/
 * must produce exactly the messages in its .expect file and add nothing;
 * every file in tests/data/good/ and every built-in session must load. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "../src/core/session.h"
#include "../src/load/loader.h"
#include "../src/load/paths.h"

static char data_dir[PATHS_MAX], assets[PATHS_MAX + 16];

static struct load_env env(void)
{
    return (struct load_env){.assets = assets};
}

static struct catalog *fresh(void)
{
    struct diag_list d;
    diag_init(&d);
    struct catalog *c = catalog_new();
    assert_non_null(c);
    assert_int_equal(load_builtin_safety(c, &d), 0);
    return c;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[8192];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

/* Loads tests/data/bad/NAME.cfg (from inside that folder, so messages
 * name it as NAME.cfg) and compares with NAME.expect line by line. */
static void check_bad_file(const char *cfg)
{
    char expect_path[512];
    snprintf(expect_path, sizeof(expect_path), "%.*s.expect",
             (int)(strlen(cfg) - 4), cfg);
    char *expect = slurp(expect_path);
    if (!expect)
        fail_msg("%s has no .expect file", cfg);
    struct catalog *c = fresh();
    struct diag_list d;
    diag_init(&d);
    struct load_env e = env();
    int rc = load_session_file(c, cfg, &e, &d);
    if (rc != -1)
        fail_msg("%s: loaded, but must be refused", cfg);
    assert_int_equal(catalog_count(c), 0);
    size_t i = 0;
    for (char *line = strtok(expect, "\n"); line; line = strtok(NULL, "\n")) {
        if (i >= d.count)
            fail_msg("%s: missing message: %s", cfg, line);
        if (strncmp(d.msgs[i], line, strlen(line)) != 0)
            fail_msg("%s:\n  expected: %s\n  got:      %s", cfg, line,
                     d.msgs[i]);
        i++;
    }
    if (i != d.count)
        fail_msg("%s: unexpected extra message: %s", cfg, d.msgs[i]);
    catalog_free(c);
}

static int is_cfg(const struct dirent *e)
{
    size_t n = strlen(e->d_name);
    return n > 4 && strcmp(e->d_name + n - 4, ".cfg") == 0;
}

static void test_bad_files(void **state)
{
    (void)state;
    char dir[PATHS_MAX + 16];
    snprintf(dir, sizeof(dir), "%s/bad", getenv("TEST_DATA"));
    char cwd[PATHS_MAX];
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(dir), 0);
    struct dirent **list;
    int n = scandir(".", &list, is_cfg, alphasort);
    assert_true(n >= 40);
    for (int i = 0; i < n; i++) {
        check_bad_file(list[i]->d_name);
        free(list[i]);
    }
    free(list);
    assert_int_equal(chdir(cwd), 0);
}

static void test_good_files(void **state)
{
    (void)state;
    char dir[PATHS_MAX + 16];
    snprintf(dir, sizeof(dir), "%s/good", getenv("TEST_DATA"));
    char **files;
    int n = paths_list_cfg(dir, &files);
    assert_true(n >= 1);
    for (int i = 0; i < n; i++) {
        struct catalog *c = fresh();
        struct diag_list d;
        diag_init(&d);
        struct load_env e = env();
        if (load_session_file(c, files[i], &e, &d) <= 0)
            fail_msg("%s: %s", files[i], d.count ? d.msgs[0] : "no sessions");
        catalog_free(c);
    }
    paths_free_list(files, n);
}

/* The built-in profiles: all five types, each with every part. */
static void test_builtin_profiles(void **state)
{
    (void)state;
    static const char *const types[] = {"breathing", "body-scan", "bodywork",
                                        "pelvic-care", "trauma-informed"};
    struct catalog *c = fresh();
    for (size_t i = 0; i < 5; i++) {
        const struct safety_profile *p = catalog_profile(c, types[i]);
        if (!p)
            fail_msg("no built-in profile for %s", types[i]);
        assert_true(p->builtin);
        assert_non_null(p->ask);
        assert_true(p->contraindications.count + p->clearance.count > 0);
        assert_true(p->stop_signs.count > 0);
        assert_true(p->doctor_signs.count > 0);
        assert_true(p->aftercare.count > 0);
    }
    /* The pelvic-care profile carries the source document's facts. */
    const struct safety_profile *p = catalog_profile(c, "pelvic-care");
    assert_true(p->contraindications.count >= 5);
    assert_true(p->preparation.count >= 3);
    assert_true(p->doctor_signs.count >= 5);
    assert_non_null(strstr(p->ask, "urologist"));
    catalog_free(c);
}

static void test_builtin_sessions(void **state)
{
    (void)state;
    char dir[PATHS_MAX + 32];
    snprintf(dir, sizeof(dir), "%s/config/sessions", data_dir);
    char **files;
    int n = paths_list_cfg(dir, &files);
    assert_true(n >= 1);
    struct catalog *c = fresh();
    for (int i = 0; i < n; i++) {
        struct diag_list d;
        diag_init(&d);
        struct load_env e = env();
        if (load_session_file(c, files[i], &e, &d) <= 0)
            fail_msg("%s: %s", files[i], d.count ? d.msgs[0] : "no sessions");
    }
    paths_free_list(files, n);
    assert_true(catalog_count(c) >= 7);
    int types = 0, uses_file = 0;
    static const char *const want[] = {"breathing", "body-scan", "bodywork",
                                       "pelvic-care", "trauma-informed"};
    for (size_t t = 0; t < 5; t++)
        for (size_t i = 0; i < catalog_count(c); i++)
            if (strcmp(catalog_get(c, i)->type, want[t]) == 0) {
                types++;
                break;
            }
    for (size_t i = 0; i < catalog_count(c); i++) {
        const struct session *s = catalog_get(c, i);
        assert_non_null(s->safety);
        for (int k = 0; k < SLOT_COUNT; k++)
            uses_file |= s->cue_sounds[k].name != NULL;
        uses_file |= s->ambient.name != NULL;
    }
    assert_int_equal(types, 5);
    assert_true(uses_file);
    catalog_free(c);
}

/* Scan steps: a word or a list of words, each lighting its figure region
 * once, the label the words as written. */
static void test_scan_lists(void **state)
{
    (void)state;
    static const char text[] =
        "version = 1;\n"
        "sessions = ({ name = \"s\"; title = \"S\"; type = \"body-scan\";\n"
        "  steps = ( { scan = [\"shoulders\", \"neck\"]; },\n"
        "    { scan = (\"Abdomen\", \"lower_back\", \"hips\", \"Lower-Back\",\n"
        "              \"spine\", \"hip\"); seconds = 9; },\n"
        "    { scan = \"whole-body\"; },\n"
        "    { scan = \"lungs\"; say = \"Your lungs.\"; } ); });\n";
    struct catalog *c = fresh();
    struct diag_list d;
    diag_init(&d);
    struct load_env e = env();
    int rc = load_session_text(c, "scan.cfg", NULL, text, strlen(text), &e, &d);
    if (rc != 1)
        fail_msg("%s", d.count ? d.msgs[0] : "no session");
    const struct session *s = catalog_find(c, "s");
    assert_int_equal(s->n_steps, 4);
    const struct step *st = s->steps;
    assert_string_equal(st[0].label, "shoulders and neck");
    assert_int_equal(st[0].n_regions, 2);
    assert_string_equal(st[0].regions[0], "shoulders");
    assert_string_equal(st[0].regions[1], "neck");
    assert_true(st[0].seconds == 20);
    /* Written twice ("lower_back", "Lower-Back"): said once; three words
     * for the back and two for the hips light each once. */
    assert_string_equal(st[1].label,
                        "Abdomen, lower back, hips, spine and hip");
    assert_int_equal(st[1].n_regions, 3);
    assert_string_equal(st[1].regions[0], "belly");
    assert_string_equal(st[1].regions[1], "back");
    assert_string_equal(st[1].regions[2], "hips");
    assert_true(st[1].seconds == 9);
    assert_string_equal(st[2].label, "whole-body");
    assert_int_equal(st[2].n_regions, 1);
    assert_string_equal(st[3].regions[0], "chest");
    catalog_free(c);

    /* The built-in scans light the one region they name and keep its name
     * as their label, so no recorded line changes. */
    char dir[PATHS_MAX + 32];
    snprintf(dir, sizeof(dir), "%s/config/sessions", data_dir);
    char **files;
    int n = paths_list_cfg(dir, &files);
    c = fresh();
    for (int i = 0; i < n; i++)
        assert_true(load_session_file(c, files[i], &e, &d) > 0);
    paths_free_list(files, n);
    size_t scans = 0;
    for (size_t i = 0; i < catalog_count(c); i++)
        for (size_t k = 0; k < catalog_get(c, i)->n_steps; k++) {
            st = &catalog_get(c, i)->steps[k];
            if (st->kind != STEP_SCAN)
                continue;
            assert_int_equal(st->n_regions, 1);
            assert_string_equal(st->label, st->regions[0]);
            scans++;
        }
    assert_true(scans >= 16);
    catalog_free(c);
}

/* A file adds to a built-in profile; it can never remove. */
static void test_profile_extension(void **state)
{
    (void)state;
    static const char text[] =
        "version = 1;\n"
        "safety = { pelvic-care = {\n"
        "  before = { contraindications = [ \"Extra question?\" ]; };\n"
        "  during = { checkin_seconds = 10000; reminder_seconds = 45; };\n"
        "}; };\n"
        "sessions = ( { name = \"care\"; title = \"Care\"; type = "
        "\"pelvic-care\"; steps = ( { say = \"Hi.\"; } ); } );\n";
    struct catalog *c = fresh();
    const struct safety_profile *base = catalog_profile(c, "pelvic-care");
    struct diag_list d;
    diag_init(&d);
    struct load_env e = env();
    int rc = load_session_text(c, "ext.cfg", NULL, text, strlen(text), &e, &d);
    /* checkin_seconds 10000 is out of range: refused. */
    assert_int_equal(rc, -1);
    assert_non_null(strstr(d.msgs[0], "checkin_seconds: expected 0 or"));

    static const char ok[] =
        "version = 1;\n"
        "safety = { pelvic-care = {\n"
        "  before = { contraindications = [ \"Extra question?\" ]; };\n"
        "  during = { reminder_seconds = 45; };\n"
        "}; };\n"
        "sessions = ( { name = \"care\"; title = \"Care\"; type = "
        "\"pelvic-care\"; steps = ( { say = \"Hi.\"; } ); } );\n";
    diag_init(&d);
    rc = load_session_text(c, "ext.cfg", NULL, ok, strlen(ok), &e, &d);
    assert_int_equal(rc, 1);
    const struct safety_profile *p = catalog_find(c, "care")->safety;
    assert_int_equal(p->contraindications.count,
                     base->contraindications.count + 1);
    for (size_t i = 0; i < base->contraindications.count; i++)
        assert_string_equal(p->contraindications.items[i],
                            base->contraindications.items[i]);
    assert_string_equal(
        p->contraindications.items[base->contraindications.count],
        "Extra question?");
    assert_int_equal(p->stop_signs.count, base->stop_signs.count);
    assert_string_equal(p->ask, base->ask);
    assert_true(p->reminder_seconds <= 45);
    /* The built-in profile itself is unchanged. */
    assert_ptr_equal(catalog_profile(c, "pelvic-care"), base);
    catalog_free(c);
}

/* A sound path that is a link leading outside the file's folder. */
static void test_link_outside(void **state)
{
    (void)state;
    char tmp[] = "/tmp/stillpoint-test-XXXXXX";
    assert_non_null(mkdtemp(tmp));
    char sub[PATHS_MAX], link[PATHS_MAX + 16], cfg[PATHS_MAX + 16];
    snprintf(sub, sizeof(sub), "%s/bundle", tmp);
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(link, sizeof(link), "%s/rain.ogg", sub);
    assert_int_equal(symlink("/etc/hostname", link), 0);
    snprintf(cfg, sizeof(cfg), "%s/s.cfg", sub);
    FILE *f = fopen(cfg, "w");
    assert_non_null(f);
    fputs("version = 1;\nsessions = ( { name = \"x\"; title = \"X\"; type = "
          "\"breathing\";\n ambient = \"rain.ogg\";\n steps = ( { say = "
          "\"Hi.\"; } ); } );\n",
          f);
    fclose(f);
    struct catalog *c = fresh();
    struct diag_list d;
    diag_init(&d);
    struct load_env e = env();
    assert_int_equal(load_session_file(c, cfg, &e, &d), -1);
    assert_non_null(strstr(d.msgs[0], ":3: sound file 'rain.ogg' is a link "
                                      "that leads outside its folder"));
    catalog_free(c);
    unlink(cfg);
    unlink(link);
    rmdir(sub);
    rmdir(tmp);
}

/* Multi-megabyte input is refused quickly, before parsing. */
static void test_huge_file(void **state)
{
    (void)state;
    char path[] = "/tmp/stillpoint-huge-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    /* Two bytes over: the message must not call it the limit's size. */
    fputs("version = 1;\n#", f);
    for (int i = 0; i < LOAD_MAX_FILE_BYTES - 13; i++)
        fputc('a', f);
    fputc('\n', f);
    fclose(f);
    struct catalog *c = fresh();
    struct diag_list d;
    diag_init(&d);
    struct load_env e = env();
    assert_int_equal(load_session_file(c, path, &e, &d), -1);
    assert_non_null(strstr(d.msgs[0], ": the file is 1048578 bytes; session "
                                      "files are limited to 1048576 bytes "
                                      "(1024 KB)"));
    catalog_free(c);
    unlink(path);
}

/* A FIFO or a device is refused without blocking. */
static void test_not_regular(void **state)
{
    (void)state;
    struct catalog *c = fresh();
    struct diag_list d;
    diag_init(&d);
    struct load_env e = env();
    assert_int_equal(load_session_file(c, "/dev/zero", &e, &d), -1);
    assert_string_equal(d.msgs[0], "/dev/zero: not a regular file");
    catalog_free(c);
}

/* More problems than the cap: the first ones kept, the rest counted. */
static void test_diag_cap(void **state)
{
    (void)state;
    char text[8192] = "version = 1;\nsessions = ( { name = \"x\"; title = "
                      "\"X\"; type = \"breathing\"; steps = (\n";
    for (int i = 0; i < 30; i++)
        strcat(text, "{ say = \"a\"; seconds = -1; },\n");
    strcat(text, "{ say = \"b\"; } ); } );\n");
    struct catalog *c = fresh();
    struct diag_list d;
    diag_init(&d);
    struct load_env e = env();
    assert_int_equal(
        load_session_text(c, "cap.cfg", NULL, text, strlen(text), &e, &d), -1);
    assert_int_equal(d.count, DIAG_CAP);
    assert_int_equal(d.dropped, 10);
    assert_string_equal(d.msgs[0],
                        "cap.cfg:3: seconds: expected 0..14400, got -1");
    catalog_free(c);
}

int main(void)
{
    if (!getenv("TEST_DATA") || !paths_data_dir(data_dir, sizeof(data_dir))) {
        fprintf(stderr, "set TEST_DATA and STILLPOINT_DATA\n");
        return 1;
    }
    snprintf(assets, sizeof(assets), "%s/assets", data_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_good_files),
        cmocka_unit_test(test_builtin_profiles),
        cmocka_unit_test(test_builtin_sessions),
        cmocka_unit_test(test_scan_lists),
        cmocka_unit_test(test_profile_extension),
        cmocka_unit_test(test_link_outside),
        cmocka_unit_test(test_huge_file),
        cmocka_unit_test(test_not_regular),
        cmocka_unit_test(test_diag_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
