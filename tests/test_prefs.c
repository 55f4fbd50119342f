/* test_prefs.c: the preferences and their file. What a person would
 * notice: the defaults, every setting surviving a save and a load, a
 * clear message for each mistake in a hand-edited file (the rest of their
 * choices kept), and a failed save never damaging the file they had. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../src/core/prefs.h"
#include "../src/core/session.h"
#include "../src/load/prefs_file.h"
#include "tmpdir.h"

/* ---- helpers */

static int setup(void **state)
{
    return tmpdir_setup(state, "prefs", "stillpoint/stillpoint.cfg");
}

static char *slurp(const char *path)
{
    static char buf[1 << 17];
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t n = fread(buf, 1, sizeof(buf) - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return buf;
}

static void spit(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs(text, fp);
    assert_int_equal(fclose(fp), 0);
}

static void assert_same(const struct prefs *a, const struct prefs *b)
{
    assert_true(a->master_volume == b->master_volume);
    assert_true(a->voice_volume == b->voice_volume);
    assert_true(a->cue_volume == b->cue_volume);
    assert_true(a->ambient_volume == b->ambient_volume);
    assert_int_equal(a->voice, b->voice);
    assert_int_equal(a->ambient, b->ambient);
    assert_int_equal(a->cue_style, b->cue_style);
    assert_true(a->settling_seconds == b->settling_seconds);
    assert_int_equal(a->eyes_open, b->eyes_open);
    assert_int_equal(a->gentle, b->gentle);
    assert_int_equal(a->offer_grounding, b->offer_grounding);
    assert_int_equal(a->leave_out, b->leave_out);
    assert_int_equal(a->calm_motion, b->calm_motion);
    assert_int_equal(a->spoken_count, b->spoken_count);
}

static uint32_t bit(const char *region)
{
    for (size_t i = 0; i < SESSION_REGION_COUNT; i++)
        if (strcmp(SESSION_REGIONS[i], region) == 0)
            return UINT32_C(1) << i;
    fail_msg("no region %s", region);
    return 0;
}

/* Loads text named t.cfg; expects exactly the messages in want (NULL
 * ended) and returns the prefs read. */
static struct prefs load_expect(const char *text, const char *const *want)
{
    struct prefs p;
    struct diag_list d;
    diag_init(&d);
    int rc = prefs_load_text("t.cfg", text, strlen(text), &p, &d);
    size_t n = 0;
    while (want[n])
        n++;
    for (size_t i = 0; i < d.count || i < n; i++) {
        if (i >= d.count)
            fail_msg("missing message: %s", want[i]);
        if (i >= n)
            fail_msg("unexpected message: %s", d.msgs[i]);
        assert_string_equal(d.msgs[i], want[i]);
    }
    assert_int_equal(rc, n ? -1 : 0);
    return p;
}

static size_t count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

/* ---- the model */

static void test_defaults(void **state)
{
    (void)state;
    struct prefs p;
    memset(&p, 0x5a, sizeof(p));
    prefs_defaults(&p);
    assert_true(p.master_volume == 0.8f);
    assert_true(p.voice_volume == 1.0f);
    assert_true(p.cue_volume == 0.8f);
    assert_true(p.ambient_volume == 0.5f);
    assert_true(p.voice);
    assert_true(p.ambient);
    assert_int_equal(p.cue_style, CUE_STYLE_SOUND);
    assert_true(p.settling_seconds == 0.0);
    assert_false(p.eyes_open);
    assert_false(p.gentle);
    assert_true(p.offer_grounding);
    assert_int_equal(p.leave_out, 0);

    /* An empty file and one with only comments set nothing. */
    const char *none[] = {NULL};
    struct prefs q = load_expect("", none);
    assert_same(&q, &p);
    q = load_expect("  \n\n", none);
    assert_same(&q, &p);
    q = load_expect("# nothing yet\n/* really */\n", none);
    assert_same(&q, &p);
}

static void test_regions(void **state)
{
    (void)state;
    assert_true(SESSION_REGION_COUNT <= 32);
    char err[256], text[PREFS_REGIONS_TEXT];
    uint32_t m = 0xdead;

    assert_true(prefs_regions_parse("chest,belly", &m, err, sizeof(err)));
    assert_int_equal(m, bit("chest") | bit("belly"));
    assert_true(
        prefs_regions_parse(" belly , chest,,pelvis, ", &m, err, sizeof(err)));
    assert_int_equal(m, bit("chest") | bit("belly") | bit("pelvis"));
    assert_true(prefs_regions_parse("", &m, err, sizeof(err)));
    assert_int_equal(m, 0);
    assert_true(prefs_regions_parse("whole-body", &m, err, sizeof(err)));
    assert_int_equal(m, bit("whole-body"));

    m = 7;
    assert_false(prefs_regions_parse("chest,chst", &m, err, sizeof(err)));
    assert_string_equal(err, "unknown region 'chst' (did you mean 'chest'?)");
    assert_int_equal(m, 7);
    assert_false(prefs_regions_parse("Belly", &m, err, sizeof(err)));
    assert_string_equal(err, "unknown region 'Belly' (did you mean 'belly'?)");
    assert_false(prefs_regions_parse("chest belly", &m, err, sizeof(err)));
    assert_string_equal(err, "unknown region 'chest belly' (known: head, "
                             "face, jaw, neck, shoulders, arms, hands, chest, "
                             "belly, back, pelvis, hips, legs, knees, feet, "
                             "whole-body)");
    char longname[300];
    memset(longname, 'x', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    assert_false(prefs_regions_parse(longname, &m, err, sizeof(err)));
    assert_non_null(strstr(err, "unknown region 'xxxx"));

    assert_true(
        prefs_regions_format(bit("belly") | bit("chest"), text, sizeof(text)));
    assert_string_equal(text, "chest,belly"); /* the body's order */
    assert_true(prefs_regions_format(0, text, sizeof(text)));
    assert_string_equal(text, "");
    uint32_t all = (uint32_t)((UINT64_C(1) << SESSION_REGION_COUNT) - 1);
    assert_true(prefs_regions_format(all, text, sizeof(text)));
    assert_true(prefs_regions_parse(text, &m, err, sizeof(err)));
    assert_int_equal(m, all);
    for (size_t i = 0; i < SESSION_REGION_COUNT; i++) {
        assert_true(prefs_regions_format(UINT32_C(1) << i, text, sizeof(text)));
        assert_string_equal(text, SESSION_REGIONS[i]);
    }
    assert_false(prefs_regions_format(UINT32_C(1) << 31, text, sizeof(text)));
    assert_string_equal(text, "");
    assert_false(prefs_regions_format(all, text, 8)); /* does not fit */
    assert_string_equal(text, "");
}

static void test_cue_styles(void **state)
{
    (void)state;
    char err[256];
    enum cue_style s = CUE_STYLE_NONE;
    const enum cue_style all[] = {CUE_STYLE_SOUND, CUE_STYLE_CAPTION,
                                  CUE_STYLE_NONE};
    for (size_t i = 0; i < 3; i++) {
        assert_true(prefs_cue_style_parse(prefs_cue_style_name(all[i]), &s, err,
                                          sizeof(err)));
        assert_int_equal(s, all[i]);
    }
    assert_string_equal(prefs_cue_style_name(CUE_STYLE_CAPTION), "caption");
    assert_string_equal(prefs_cue_style_name((enum cue_style)9), "unknown");
    assert_false(prefs_cue_style_parse("sounds", &s, err, sizeof(err)));
    assert_string_equal(err, "unknown cue style 'sounds' (did you mean "
                             "'sound'?)");
    assert_false(prefs_cue_style_parse("beeps", &s, err, sizeof(err)));
    assert_string_equal(err,
                        "unknown cue style 'beeps' (known: sound, caption, "
                        "none)");
}

/* ---- reading */

static void test_path(void **state)
{
    (void)state;
    char *old_xdg =
        getenv("XDG_CONFIG_HOME") ? strdup(getenv("XDG_CONFIG_HOME")) : NULL;
    char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    char buf[256];

    setenv("XDG_CONFIG_HOME", "/x/conf", 1);
    setenv("HOME", "/home/p", 1);
    assert_true(prefs_path(buf, sizeof(buf)));
    assert_string_equal(buf, "/x/conf/stillpoint/stillpoint.cfg");
    setenv("XDG_CONFIG_HOME", "relative", 1); /* ignored, as XDG says */
    assert_true(prefs_path(buf, sizeof(buf)));
    assert_string_equal(buf, "/home/p/.config/stillpoint/stillpoint.cfg");
    unsetenv("XDG_CONFIG_HOME");
    assert_true(prefs_path(buf, sizeof(buf)));
    assert_string_equal(buf, "/home/p/.config/stillpoint/stillpoint.cfg");
    assert_false(prefs_path(buf, 10));
    assert_string_equal(buf, "");
    unsetenv("HOME");
    assert_false(prefs_path(buf, sizeof(buf)));

    if (old_xdg)
        setenv("XDG_CONFIG_HOME", old_xdg, 1);
    if (old_home)
        setenv("HOME", old_home, 1);
    free(old_xdg);
    free(old_home);
}

static void test_missing_file(void **state)
{
    struct tmpdir *f = *state;
    struct prefs p, def;
    prefs_defaults(&def);
    struct diag_list d;
    diag_init(&d);
    p.gentle = true;
    assert_int_equal(prefs_load(f->path, &p, &d), 0);
    assert_int_equal(diag_total(&d), 0);
    assert_same(&p, &def);

    /* A folder where the file should be is a problem, not "missing". */
    char dir[160];
    snprintf(dir, sizeof dir, "%s/stillpoint", f->dir);
    assert_int_equal(mkdir(dir, 0700), 0);
    assert_int_equal(mkdir(f->path, 0700), 0);
    assert_int_equal(prefs_load(f->path, &p, &d), -1);
    assert_int_equal(d.count, 1);
    assert_non_null(strstr(d.msgs[0], "not a regular file"));
    assert_same(&p, &def);
}

static void test_good_files(void **state)
{
    (void)state;
    char path[512];
    struct diag_list d;
    diag_init(&d);
    struct prefs p;

    snprintf(path, sizeof path, "%s/prefs/good-full.cfg", getenv("TEST_DATA"));
    assert_int_equal(prefs_load(path, &p, &d), 0);
    assert_true(p.master_volume == 0.35f);
    assert_true(p.voice_volume == 0.6f);
    assert_true(p.cue_volume == 0.25f);
    assert_true(p.ambient_volume == 0.1f);
    assert_false(p.voice);
    assert_false(p.ambient);
    assert_int_equal(p.cue_style, CUE_STYLE_CAPTION);
    assert_true(p.settling_seconds == 45.5);
    assert_true(p.eyes_open);
    assert_true(p.gentle);
    assert_false(p.offer_grounding);
    assert_int_equal(p.leave_out, bit("chest") | bit("belly") | bit("pelvis"));

    snprintf(path, sizeof path, "%s/prefs/good-hand.cfg", getenv("TEST_DATA"));
    struct prefs want;
    prefs_defaults(&want);
    want.master_volume = 1.0f;
    want.settling_seconds = 30;
    want.cue_style = CUE_STYLE_NONE;
    assert_int_equal(prefs_load(path, &p, &d), 0);
    assert_same(&p, &want);
    assert_int_equal(diag_total(&d), 0);
}

static int is_bad_cfg(const struct dirent *e)
{
    size_t n = strlen(e->d_name);
    return strncmp(e->d_name, "bad-", 4) == 0 && n > 4 &&
           strcmp(e->d_name + n - 4, ".cfg") == 0;
}

/* Every tests/data/prefs/bad-NAME.cfg gives exactly the lines of its
 * bad-NAME.expect (file names as seen from that folder). */
static void test_bad_files(void **state)
{
    (void)state;
    char dir[512], cwd[512];
    snprintf(dir, sizeof dir, "%s/prefs", getenv("TEST_DATA"));
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(dir), 0);
    struct dirent **list;
    int n = scandir(".", &list, is_bad_cfg, alphasort);
    assert_true(n >= 8);
    for (int i = 0; i < n; i++) {
        const char *cfg = list[i]->d_name;
        char expect_path[300];
        snprintf(expect_path, sizeof expect_path, "%.*s.expect",
                 (int)(strlen(cfg) - 4), cfg);
        char *expect = slurp(expect_path);
        if (!expect)
            fail_msg("%s has no .expect file", cfg);
        struct prefs p;
        struct diag_list d;
        diag_init(&d);
        if (prefs_load(cfg, &p, &d) != -1)
            fail_msg("%s: loaded without a problem", cfg);
        size_t k = 0;
        for (char *line = strtok(expect, "\n"); line;
             line = strtok(NULL, "\n"), k++) {
            if (k >= d.count)
                fail_msg("%s: missing message: %s", cfg, line);
            if (strcmp(d.msgs[k], line) != 0)
                fail_msg("%s:\n  expected: %s\n  got:      %s", cfg, line,
                         d.msgs[k]);
        }
        if (k != d.count)
            fail_msg("%s: unexpected extra message: %s", cfg, d.msgs[k]);
        free(list[i]);
    }
    free(list);
    assert_int_equal(chdir(cwd), 0);
}

/* A mistake costs only the setting it is in. */
static void test_valid_settings_survive(void **state)
{
    (void)state;
    const char *want[] = {
        "t.cfg:2: master_volume: expected 0..1, got 3",
        "t.cfg:4: leave_out: unknown region 'sholders' (did you mean "
        "'shoulders'?)",
        "t.cfg:6: unknown setting 'eyes_opened' in the preferences file (did "
        "you mean 'eyes_open'?)",
        NULL};
    struct prefs p = load_expect("version = 1;\n"
                                 "master_volume = 3;\n"
                                 "gentle = true;\n"
                                 "leave_out = \"sholders\";\n"
                                 "voice_volume = 0.25;\n"
                                 "eyes_opened = true;\n"
                                 "cue_style = \"caption\";\n",
                                 want);
    struct prefs def;
    prefs_defaults(&def);
    def.gentle = true;
    def.voice_volume = 0.25f;
    def.cue_style = CUE_STYLE_CAPTION;
    assert_same(&p, &def);

    /* A newer file keeps what this version understands. */
    const char *newer[] = {
        "t.cfg:1: format version 3 is newer than this stillpoint reads "
        "(version 1); it needs stillpoint 3.0 or later",
        NULL};
    p = load_expect("version = 3;\ngentle = true;\n", newer);
    assert_true(p.gentle);

    /* A syntax error leaves nothing to read: the defaults stand. */
    const char *syntax[] = {"t.cfg:3: syntax error", NULL};
    p = load_expect("version = 1;\ngentle = true;\nvoice false;\n", syntax);
    prefs_defaults(&def);
    assert_same(&p, &def);
}

static void test_other_problems(void **state)
{
    (void)state;
    const char *version[] = {
        "t.cfg:1: version: expected a whole number such as 1", NULL};
    load_expect("version = 1.5;\n", version);
    const char *older[] = {
        "t.cfg:1: unknown format version 0 (this stillpoint reads version 1)",
        NULL};
    load_expect("version = 0;\n", older);
    const char *empty[] = {"t.cfg:1: cue_style: must not be empty", NULL};
    load_expect("cue_style = \"\";\n", empty);
    const char *ctl[] = {"t.cfg:1: leave_out: control character U+0009 in text",
                         NULL};
    load_expect("leave_out = \"chest,\\tbelly\";\n", ctl);
    const char *deep[] = {"t.cfg:1: nested deeper than 12 levels", NULL};
    load_expect("a = ((((((((((((((1))))))))))))));\n", deep);
    const char *inf[] = {"t.cfg:1: settling_seconds: expected a finite number",
                         NULL};
    load_expect("settling_seconds = 1e999;\n", inf);

    /* Bytes that are not text, and a file far too big. */
    struct prefs p;
    struct diag_list d;
    diag_init(&d);
    assert_int_equal(prefs_load_text("t.cfg", "gentle = true;\0", 15, &p, &d),
                     -1);
    assert_string_equal(d.msgs[0], "t.cfg:1: not a text file (a zero byte)");
    size_t big = PREFS_MAX_FILE_BYTES + 1;
    char *text = malloc(big);
    assert_non_null(text);
    memset(text, ' ', big);
    memcpy(text, "gentle = true;", 14);
    diag_init(&d);
    assert_int_equal(prefs_load_text("t.cfg", text, big, &p, &d), -1);
    assert_string_equal(d.msgs[0], "t.cfg: the file is 65537 bytes; "
                                   "preferences files are limited to 65536 "
                                   "bytes (64 KB)");
    assert_false(p.gentle);
    free(text);

    /* Every problem is reported, up to the cap; the rest are counted. */
    char many[4096] = "";
    for (int i = 0; i < 25; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many),
                 "bad%d = 1;\n", i);
    diag_init(&d);
    assert_int_equal(prefs_load_text("t.cfg", many, strlen(many), &p, &d), -1);
    assert_int_equal(d.count, DIAG_CAP);
    assert_int_equal(diag_total(&d), 25);
}

/* ---- writing */

static void test_round_trip(void **state)
{
    struct tmpdir *f = *state;
    char err[512];
    struct prefs p, q;
    struct diag_list d;
    diag_init(&d);

    /* Each setting alone, away from its default. */
    for (int field = 0; field < 16; field++) {
        prefs_defaults(&p);
        switch (field) {
        case 0:
            p.master_volume = 0.1f;
            break;
        case 1:
            p.voice_volume = 1.0f / 3.0f;
            break;
        case 2:
            p.cue_volume = 0.0f;
            break;
        case 3:
            p.ambient_volume = 0.999f;
            break;
        case 4:
            p.voice = false;
            break;
        case 5:
            p.ambient = false;
            break;
        case 6:
            p.cue_style = CUE_STYLE_NONE;
            break;
        case 7:
            p.settling_seconds = 0.1 + 0.2; /* 0.30000000000000004 */
            break;
        case 8:
            p.eyes_open = true;
            break;
        case 9:
            p.gentle = true;
            break;
        case 10:
            p.offer_grounding = false;
            break;
        case 11:
            p.leave_out = bit("jaw") | bit("whole-body");
            break;
        case 12:
            p.theme = PALETTE_HIGH_CONTRAST;
            break;
        case 13:
            p.text_size = 1.25;
            break;
        case 14:
            p.calm_motion = true;
            break;
        case 15:
            p.spoken_count = true;
            break;
        }
        assert_int_equal(prefs_save(f->path, &p, err, sizeof err), 0);
        assert_int_equal(prefs_load(f->path, &q, &d), 0);
        assert_same(&q, &p);
    }

    /* Everything at once, at the ends of the ranges. */
    p = (struct prefs){
        .master_volume = 1.0f,
        .voice_volume = 0.0f,
        .cue_volume = 1e-7f,
        .ambient_volume = 0.7f,
        .voice = false,
        .ambient = true,
        .cue_style = CUE_STYLE_CAPTION,
        .settling_seconds = 120.0,
        .eyes_open = true,
        .gentle = true,
        .offer_grounding = false,
        .leave_out = (uint32_t)((UINT64_C(1) << SESSION_REGION_COUNT) - 1),
        .theme = PALETTE_HIGH_CONTRAST,
        .text_size = 2.0,
        .calm_motion = true,
        .spoken_count = true};
    assert_int_equal(prefs_save(f->path, &p, err, sizeof err), 0);
    assert_int_equal(prefs_load(f->path, &q, &d), 0);
    assert_same(&q, &p);
    assert_int_equal(diag_total(&d), 0);
}

/* The written file is private, commented, one setting a line. */
static void test_written_file(void **state)
{
    struct tmpdir *f = *state;
    char err[512];
    struct prefs p;
    prefs_defaults(&p);
    p.leave_out = bit("chest") | bit("belly");
    p.settling_seconds = 10;
    assert_int_equal(prefs_save(f->path, &p, err, sizeof err), 0);

    struct stat st;
    assert_int_equal(stat(f->path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    char dir[160];
    snprintf(dir, sizeof dir, "%s/stillpoint", f->dir);
    assert_int_equal(stat(dir, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    assert_int_equal(count_entries(dir), 1); /* no temporary file left */

    const char *text = slurp(f->path);
    assert_int_equal(text[0], '#');
    const char *lines[] = {"version = 1;",
                           "master_volume = 0.8;",
                           "voice_volume = 1.0;",
                           "cue_volume = 0.8;",
                           "ambient_volume = 0.5;",
                           "voice = true;",
                           "ambient = true;",
                           "cue_style = \"sound\";",
                           "settling_seconds = 10.0;",
                           "eyes_open = false;",
                           "gentle = false;",
                           "offer_grounding = true;",
                           "leave_out = \"chest,belly\";"};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        char start[80];
        snprintf(start, sizeof start, "\n%s", lines[i]);
        const char *at = strstr(text, start);
        if (!at)
            fail_msg("no line starting %s in:\n%s", lines[i], text);
        const char *eol = strchr(at + 1, '\n');
        const char *hash = strstr(at, " # ");
        if (!eol || !hash || hash > eol)
            fail_msg("no comment on the line of %s", lines[i]);
    }
}

static void test_save_refuses_bad_values(void **state)
{
    struct tmpdir *f = *state;
    char err[512], want[512];
    struct prefs p;
    prefs_defaults(&p);
    assert_int_equal(prefs_save(f->path, &p, err, sizeof err), 0);
    char before[16384];
    snprintf(before, sizeof before, "%s", slurp(f->path));

    p.master_volume = 3;
    assert_int_equal(prefs_save(f->path, &p, err, sizeof err), -1);
    snprintf(want, sizeof want,
             "%s: not saved: master_volume: expected 0..1, got 3", f->path);
    assert_string_equal(err, want);
    prefs_defaults(&p);
    p.settling_seconds = NAN;
    assert_int_equal(prefs_save(f->path, &p, err, sizeof err), -1);
    assert_non_null(strstr(err, "settling_seconds: expected 0..120"));
    prefs_defaults(&p);
    p.leave_out = UINT32_C(1) << 31;
    assert_int_equal(prefs_save(f->path, &p, err, sizeof err), -1);
    assert_non_null(strstr(err, "leave_out"));
    prefs_defaults(&p);
    p.cue_style = (enum cue_style)7;
    assert_int_equal(prefs_save(f->path, &p, err, sizeof err), -1);
    assert_non_null(strstr(err, "cue_style"));
    assert_string_equal(slurp(f->path), before);
}

/* A failed save leaves the old file as it was and no temporary file. */
static void test_failed_save_keeps_old_file(void **state)
{
    struct tmpdir *f = *state;
    char err[512], dir[160], before[16384];
    struct prefs p, q;
    prefs_defaults(&p);
    p.gentle = true;
    assert_int_equal(prefs_save(f->path, &p, err, sizeof err), 0);
    snprintf(before, sizeof before, "%s", slurp(f->path));
    snprintf(dir, sizeof dir, "%s/stillpoint", f->dir);
    p.gentle = false;
    p.master_volume = 0.2f;

    /* The disk fills up while writing: a file size limit makes write()
     * fail the same way, without a real full disk. */
    void (*old)(int) = signal(SIGXFSZ, SIG_IGN);
    struct rlimit was, tiny = {.rlim_cur = 64, .rlim_max = RLIM_INFINITY};
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &was), 0);
    tiny.rlim_max = was.rlim_max;
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &tiny), 0);
    int rc = prefs_save(f->path, &p, err, sizeof err);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &was), 0);
    signal(SIGXFSZ, old);
    assert_int_equal(rc, -1);
    assert_non_null(strstr(err, f->path));
    assert_non_null(strstr(err, ": cannot save: writing "));
    assert_non_null(strstr(err, "File too large"));
    assert_string_equal(slurp(f->path), before);
    assert_int_equal(count_entries(dir), 1);

    /* The folder cannot be written to. Root ignores permissions, so this
     * part only runs for other users. */
    if (geteuid() != 0) {
        assert_int_equal(chmod(dir, 0500), 0);
        rc = prefs_save(f->path, &p, err, sizeof err);
        assert_int_equal(chmod(dir, 0700), 0);
        assert_int_equal(rc, -1);
        char want[512];
        snprintf(want, sizeof want,
                 "%s: cannot save: cannot create a file in %s: Permission "
                 "denied",
                 f->path, dir);
        assert_string_equal(err, want);
        assert_string_equal(slurp(f->path), before);
        assert_int_equal(count_entries(dir), 1);
    }

    /* A regular file where a folder should be, which stops root too. */
    char blocked[256], want[512];
    snprintf(blocked, sizeof blocked, "%s/stillpoint.cfg/stillpoint.cfg", dir);
    rc = prefs_save(blocked, &p, err, sizeof err);
    assert_int_equal(rc, -1);
    snprintf(want, sizeof want,
             "%s: cannot save: cannot create a file in %s/stillpoint.cfg: Not "
             "a directory",
             blocked, dir);
    assert_string_equal(err, want);
    assert_string_equal(slurp(f->path), before);
    assert_int_equal(count_entries(dir), 1);

    /* And the old file still loads as it was. */
    struct diag_list d;
    diag_init(&d);
    assert_int_equal(prefs_load(f->path, &q, &d), 0);
    assert_true(q.gentle);
    assert_true(q.master_volume == 0.8f);
}

/* A symbolic link where the preferences go (planted, or a dotfiles
 * folder) is never written through: the save is refused naming the link,
 * the link stays, and the file it leads to keeps its bytes and its mode;
 * a link to nowhere makes nothing where it leads. */
static void test_save_refuses_link(void **state)
{
    struct tmpdir *f = *state;
    char err[512], want[512], dir[160], real[200], missing[200];
    snprintf(dir, sizeof dir, "%s/stillpoint", f->dir);
    snprintf(real, sizeof real, "%s/dotfiles.cfg", f->dir);
    snprintf(missing, sizeof missing, "%s/nowhere.cfg", f->dir);
    assert_int_equal(mkdir(dir, 0700), 0);
    spit(real, "gentle = true;\n");
    assert_int_equal(chmod(real, 0644), 0);
    snprintf(want, sizeof want,
             "%s: is a symbolic link; stillpoint will not write through it",
             f->path);

    struct prefs p, q;
    prefs_defaults(&p);
    p.eyes_open = true;
    const char *targets[] = {missing, real};
    for (size_t i = 0; i < 2; i++) {
        unlink(f->path);
        assert_int_equal(symlink(targets[i], f->path), 0);
        strcpy(err, "");
        assert_int_equal(prefs_save(f->path, &p, err, sizeof err), -1);
        assert_string_equal(err, want);
        struct stat st;
        assert_int_equal(lstat(f->path, &st), 0);
        assert_true(S_ISLNK(st.st_mode));
        assert_int_equal(count_entries(dir), 1); /* no temporary file */
    }
    assert_string_equal(slurp(real), "gentle = true;\n");
    struct stat st;
    assert_int_equal(stat(real, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0644);
    assert_int_equal(access(missing, F_OK), -1);

    /* Reading is not writing: the file it leads to still loads. */
    struct diag_list d;
    diag_init(&d);
    assert_int_equal(prefs_load(f->path, &q, &d), 0);
    assert_true(q.gentle);
}

/* ---- the documentation */

/* Cell n (0 = the setting's name) of a Markdown table row starting at its
 * first '|', without backticks and the spaces around. */
static void cell(const char *row, int n, char *out, size_t cap)
{
    const char *p = row;
    for (int i = 0; i < n && p; i++)
        p = strchr(p + 1, '|');
    assert_non_null(p);
    const char *end = strchr(p + 1, '|');
    assert_non_null(end);
    size_t k = 0;
    for (const char *c = p + 1; c < end && k + 1 < cap; c++)
        if (*c != '`')
            out[k++] = *c;
    out[k] = '\0';
    while (k > 0 && out[k - 1] == ' ')
        out[--k] = '\0';
    memmove(out, out + strspn(out, " "), strlen(out + strspn(out, " ")) + 1);
}

/* config/README.md documents every setting with its true default, and
 * its example loads without a problem. */
static void test_readme(void **state)
{
    struct tmpdir *f = *state;
    char path[512], err[512];
    snprintf(path, sizeof path, "%s/../../config/README.md",
             getenv("TEST_DATA"));
    assert_non_null(slurp(path));
    char *readme = strdup(slurp(path)); /* slurp's buffer is reused below */
    const char *section = strstr(readme, "\n## Your preferences\n");
    assert_non_null(section);
    const char *ex = strstr(section, "\n```\n");
    assert_non_null(ex);
    ex += 5;
    const char *ex_end = strstr(ex, "\n```\n");
    assert_non_null(ex_end);
    struct prefs p;
    struct diag_list d;
    diag_init(&d);
    assert_int_equal(
        prefs_load_text("README", ex, (size_t)(ex_end - ex) + 1, &p, &d), 0);
    assert_true(p.gentle);

    struct prefs def;
    prefs_defaults(&def);
    assert_int_equal(prefs_save(f->path, &def, err, sizeof err), 0);
    char *written = strdup(slurp(f->path));
    for (char *line = strtok(written, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#')
            continue;
        char name[64], value[64], want[80], doc[160];
        assert_int_equal(sscanf(line, "%63s = %63[^;];", name, value), 2);
        snprintf(want, sizeof want, "\n| `%s` |", name);
        const char *row = strstr(section, want);
        if (!row)
            fail_msg("config/README.md does not document %s", name);
        cell(row + 1, 3, doc, sizeof doc);
        char *none = strstr(doc, " (none)");
        if (none)
            *none = '\0';
        char *a_end, *b_end;
        double a = strtod(doc, &a_end), b = strtod(value, &b_end);
        bool same_number = *doc && *value && !*a_end && !*b_end && a == b;
        if (strcmp(doc, value) != 0 && !same_number)
            fail_msg("config/README.md: %s defaults to %s, not %s", name, value,
                     doc);
    }
    free(written);
    free(readme);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_regions),
        cmocka_unit_test(test_cue_styles),
        cmocka_unit_test(test_path),
        cmocka_unit_test_setup_teardown(test_missing_file, setup,
                                        tmpdir_teardown),
        cmocka_unit_test(test_good_files),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_valid_settings_survive),
        cmocka_unit_test(test_other_problems),
        cmocka_unit_test_setup_teardown(test_round_trip, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_written_file, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_save_refuses_bad_values, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_failed_save_keeps_old_file, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_save_refuses_link, setup,
                                        tmpdir_teardown),
        cmocka_unit_test_setup_teardown(test_readme, setup, tmpdir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
