/* test_voice_clips.c: the recorded clips of spoken lines. The hash that
 * names a clip is FNV-1a 64; a step's spoken words are its say line or a
 * scan's region; assets/voice/manifest.tsv is read as untrusted input
 * (every bad row named by FILE:LINE, and a bad manifest gives no clips);
 * and the built-in sessions, only they, get the clips. */
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

#include <sys/stat.h>
#include <unistd.h>

#include "../src/core/sound_set.h"
#include "../src/core/voice_text.h"
#include "../src/load/library.h"
#include "../src/load/voice_clips.h"

#define HEADER "# hash\tfile\tseconds\ttext\n"

static char data_dir[PATHS_MAX], assets[PATHS_MAX + 16];

/* A manifest row for text, with its real hash. */
static const char *row(const char *text, const char *seconds)
{
    static char buf[8][1024];
    static int next;
    char *b = buf[next++ % 8];
    char hex[VOICE_HASH_HEX];
    voice_text_hash_hex(text, hex);
    snprintf(b, 1024, "%s\t%s.ogg\t%s\t%s\n", hex, hex, seconds, text);
    return b;
}

static struct voice_clips *parse(const char *text, struct diag_list *d)
{
    diag_init(d);
    return voice_clips_parse("manifest.tsv", "/data/assets/voice", text,
                             strlen(text), d);
}

/* ---- the hash and the spoken text */

static void test_hash(void **state)
{
    (void)state;
    /* The published FNV-1a 64 test vectors. */
    assert_true(voice_text_hash("") == 0xcbf29ce484222325u);
    assert_true(voice_text_hash("a") == 0xaf63dc4c8601ec8cu);
    assert_true(voice_text_hash("foobar") == 0x85944171f73967e8u);
    char hex[VOICE_HASH_HEX];
    assert_string_equal(voice_text_hash_hex("a", hex), "af63dc4c8601ec8c");
    assert_string_equal(voice_text_hash_hex("", hex), "cbf29ce484222325");
    /* UTF-8 bytes, not characters: "é" is 0xc3 0xa9. */
    uint64_t h = 0xcbf29ce484222325u;
    h = (h ^ 0xc3) * 0x100000001b3u;
    h = (h ^ 0xa9) * 0x100000001b3u;
    assert_true(voice_text_hash("\xc3\xa9") == h);
}

static void test_text_of_step(void **state)
{
    (void)state;
    struct step say = {.kind = STEP_SAY, .say = "Sit comfortably."};
    struct step scan = {.kind = STEP_SCAN, .label = "whole-body"};
    struct step scan_say = {
        .kind = STEP_SCAN, .label = "feet", .say = "Notice your feet."};
    struct step breathe = {.kind = STEP_BREATHE};
    struct step breathe_say = {.kind = STEP_BREATHE, .say = "Breathe in."};
    struct step hold = {.kind = STEP_HOLD, .label = "Left shoulder"};
    assert_string_equal(voice_text_of_step(&say), "Sit comfortably.");
    assert_string_equal(voice_text_of_step(&scan), "whole-body");
    assert_string_equal(voice_text_of_step(&scan_say), "Notice your feet.");
    assert_null(voice_text_of_step(&breathe));
    assert_string_equal(voice_text_of_step(&breathe_say), "Breathe in.");
    /* A hold's label is shown, not spoken. */
    assert_null(voice_text_of_step(&hold));
}

static void test_program_lines(void **state)
{
    (void)state;
    assert_string_equal(voice_text_program_line(0), SESSION_FLOOR_NOTICE);
    size_t n = 0;
    while (voice_text_program_line(n))
        n++;
    assert_true(n >= 1);
    assert_null(voice_text_program_line(n));
}

/* ---- reading a manifest */

static void test_good_manifest(void **state)
{
    (void)state;
    char text[4096];
    snprintf(text, sizeof(text), "%s# a comment\n\n%s%s", HEADER,
             row("Welcome.", "1.5"), row("Notice your feet.", "4.25"));
    struct diag_list d;
    struct voice_clips *vc = parse(text, &d);
    assert_non_null(vc);
    assert_int_equal(diag_total(&d), 0);
    assert_int_equal(voice_clips_count(vc), 2);
    const struct voice_clip *c = voice_clips_find(vc, "Notice your feet.");
    assert_non_null(c);
    char hex[VOICE_HASH_HEX], path[128];
    voice_text_hash_hex("Notice your feet.", hex);
    snprintf(path, sizeof(path), "/data/assets/voice/%s.ogg", hex);
    assert_string_equal(c->path, path);
    assert_string_equal(c->file, path + strlen("/data/assets/voice/"));
    assert_true(c->seconds == 4.25);
    assert_int_equal(c->line, 5);
    assert_non_null(voice_clips_find(vc, "Welcome."));
    /* Only the exact words: no clip for a changed line. */
    assert_null(voice_clips_find(vc, "Welcome"));
    assert_null(voice_clips_find(vc, "welcome."));
    assert_null(voice_clips_find(vc, NULL));
    voice_clips_free(vc);

    /* No final line break, and an empty manifest. */
    snprintf(text, sizeof(text), "%s", row("Welcome.", "1.5"));
    text[strlen(text) - 1] = '\0';
    vc = parse(text, &d);
    assert_non_null(vc);
    assert_non_null(voice_clips_find(vc, "Welcome."));
    voice_clips_free(vc);
    vc = parse("", &d);
    assert_non_null(vc);
    assert_int_equal(voice_clips_count(vc), 0);
    assert_null(voice_clips_find(vc, "Welcome."));
    voice_clips_free(vc);
}

struct bad_case {
    const char *row; /* NULL: use the text below */
    const char *expect;
};

static void test_bad_rows(void **state)
{
    (void)state;
    char hex[VOICE_HASH_HEX];
    voice_text_hash_hex("Welcome.", hex);
    char wrong_file[256], dotdot[256], nan_row[256], big_row[256], neg_row[256],
        tabbed[256], empty_text[256], upper[256], ctrl[256], other_hash[256],
        five[256];
    snprintf(wrong_file, sizeof(wrong_file), "%s\tother.ogg\t1\tWelcome.", hex);
    snprintf(dotdot, sizeof(dotdot), "%s\t../../%s.ogg\t1\tWelcome.", hex, hex);
    snprintf(nan_row, sizeof(nan_row), "%s\t%s.ogg\tnan\tWelcome.", hex, hex);
    snprintf(big_row, sizeof(big_row), "%s\t%s.ogg\t601\tWelcome.", hex, hex);
    snprintf(neg_row, sizeof(neg_row), "%s\t%s.ogg\t2s\tWelcome.", hex, hex);
    snprintf(tabbed, sizeof(tabbed), "%s\t%s.ogg\t1\tWel\tcome.", hex, hex);
    snprintf(empty_text, sizeof(empty_text), "%s\t%s.ogg\t1\t", hex, hex);
    snprintf(upper, sizeof(upper), "%.15sF\t%.15sF.ogg\t1\tWelcome.", hex, hex);
    snprintf(ctrl, sizeof(ctrl), "%s\t%s.ogg\t1\tWel\x1b[2Jcome.", hex, hex);
    snprintf(other_hash, sizeof(other_hash), "%s\t%s.ogg\t1\tWelcome!", hex,
             hex);
    snprintf(five, sizeof(five), "%s\t%s.ogg\t1\tWelcome.\textra", hex, hex);
    const struct bad_case cases[] = {
        {"just some words",
         "manifest.tsv:2: expected 4 fields separated by tabs (hash, file, "
         "seconds, text), got 1"},
        {five, "manifest.tsv:2: expected 4 fields separated by tabs (hash, "
               "file, seconds, text), got 5"},
        {tabbed, "manifest.tsv:2: expected 4 fields"},
        {upper, "manifest.tsv:2: hash: expected 16 lowercase hex digits"},
        {wrong_file, "manifest.tsv:2: file: expected '"},
        {dotdot, "manifest.tsv:2: file: expected '"},
        {nan_row, "manifest.tsv:2: seconds: expected 0.1..600, got 'nan'"},
        {big_row, "manifest.tsv:2: seconds: expected 0.1..600, got '601'"},
        {neg_row, "manifest.tsv:2: seconds: expected 0.1..600, got '2s'"},
        {empty_text, "manifest.tsv:2: text: the spoken line is empty"},
        {ctrl, "manifest.tsv:2: a control character (byte 0x1b) in the row"},
        {other_hash, "manifest.tsv:2: the hash does not match the text"},
        {"a\r", "manifest.tsv:2: a control character (byte 0x0d)"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char text[2048];
        snprintf(text, sizeof(text), "%s%s\n%s", HEADER, cases[i].row,
                 row("Another line.", "2"));
        struct diag_list d;
        struct voice_clips *vc = parse(text, &d);
        if (vc)
            fail_msg("case %zu: accepted: %s", i, cases[i].row);
        if (d.count != 1 ||
            strncmp(d.msgs[0], cases[i].expect, strlen(cases[i].expect)))
            fail_msg("case %zu:\n  expected: %s\n  got:      %s", i,
                     cases[i].expect, d.count ? d.msgs[0] : "(nothing)");
    }
}

static void test_bad_manifest(void **state)
{
    (void)state;
    struct diag_list d;
    /* The same clip twice; every bad row is reported, with its line. */
    char text[4096];
    snprintf(text, sizeof(text), "%s%s%s%s", HEADER, row("Welcome.", "1"),
             "x\n", row("Welcome.", "1"));
    assert_null(parse(text, &d));
    assert_int_equal(d.count, 2);
    assert_string_equal(d.msgs[0],
                        "manifest.tsv:3: expected 4 fields separated by tabs "
                        "(hash, file, seconds, text), got 1");
    char hex[VOICE_HASH_HEX], want[256];
    snprintf(want, sizeof(want),
             "manifest.tsv:4: clip %s is listed twice (first at line 2)",
             voice_text_hash_hex("Welcome.", hex));
    assert_string_equal(d.msgs[1], want);

    /* A zero byte. */
    char zero[] = "# hash\n\0abc\n";
    diag_init(&d);
    assert_null(voice_clips_parse("m.tsv", "/v", zero, sizeof(zero) - 1, &d));
    assert_string_equal(d.msgs[0], "m.tsv: not a text file (a zero byte)");

    /* A line past the limit is refused without reading it as a row. */
    size_t n = VOICE_CLIPS_MAX_LINE + 10;
    char *long_text = malloc(n + 64);
    assert_non_null(long_text);
    memset(long_text, 'a', n);
    snprintf(long_text + n, 64, "\n%s", row("Welcome.", "1"));
    assert_null(parse(long_text, &d));
    assert_int_equal(d.count, 1);
    assert_string_equal(d.msgs[0],
                        "manifest.tsv:1: the line is longer than 4096 bytes");
    free(long_text);

    /* Too big as a whole. */
    diag_init(&d);
    assert_null(
        voice_clips_parse("m.tsv", "/v", "", VOICE_CLIPS_MAX_BYTES + 1, &d));
    assert_string_equal(d.msgs[0],
                        "m.tsv: the manifest is larger than 1024 KB");
}

/* ---- files */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_load_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/test_voice_clips.XXXXXX";
    assert_non_null(mkdtemp(dir));
    struct diag_list d;
    diag_init(&d);
    /* No voice folder: no clips, and no problem. */
    struct voice_clips *vc = voice_clips_load(dir, &d);
    assert_non_null(vc);
    assert_int_equal(voice_clips_count(vc), 0);
    assert_int_equal(diag_total(&d), 0);
    voice_clips_free(vc);

    char voice[128], manifest[160];
    snprintf(voice, sizeof(voice), "%s/voice", dir);
    snprintf(manifest, sizeof(manifest), "%s/manifest.tsv", voice);
    assert_int_equal(mkdir(voice, 0700), 0);
    /* A folder where the manifest should be. */
    assert_int_equal(mkdir(manifest, 0700), 0);
    assert_null(voice_clips_load(dir, &d));
    char want[256];
    snprintf(want, sizeof(want), "%s: not a regular file", manifest);
    assert_string_equal(d.msgs[0], want);
    assert_int_equal(rmdir(manifest), 0);

    char text[512];
    snprintf(text, sizeof(text), "%s%s", HEADER, row("Welcome.", "1"));
    write_file(manifest, text);
    diag_init(&d);
    vc = voice_clips_load(dir, &d);
    assert_non_null(vc);
    const struct voice_clip *c = voice_clips_find(vc, "Welcome.");
    assert_non_null(c);
    snprintf(want, sizeof(want), "%s/%s", voice, c->file);
    assert_string_equal(c->path, want);
    voice_clips_free(vc);

    snprintf(text, sizeof(text), "%s%s", HEADER, "bad\n");
    write_file(manifest, text);
    assert_null(voice_clips_load(dir, &d));
    snprintf(want, sizeof(want), "%s:2: expected 4 fields", manifest);
    assert_memory_equal(d.msgs[0], want, strlen(want));

    /* Too big to read: refused by its size, before any of it is read. */
    assert_int_equal(truncate(manifest, 2 * VOICE_CLIPS_MAX_BYTES), 0);
    diag_init(&d);
    assert_null(voice_clips_load(dir, &d));
    assert_int_equal(d.count, 1);
    snprintf(want, sizeof(want),
             "%s: the file is 2097152 bytes; voice manifests are limited to "
             "1048576 bytes (1024 KB)",
             manifest);
    assert_string_equal(d.msgs[0], want);
    unlink(manifest);
    rmdir(voice);
    rmdir(dir);
}

/* The shipped manifest reads cleanly and has the floor notice's clip. */
static void test_shipped_manifest(void **state)
{
    (void)state;
    struct diag_list d;
    diag_init(&d);
    struct voice_clips *vc = voice_clips_load(assets, &d);
    if (!vc)
        fail_msg("%s", d.count ? d.msgs[0] : "out of memory");
    const struct voice_clip *c = voice_clips_find(vc, SESSION_FLOOR_NOTICE);
    assert_non_null(c);
    assert_int_equal(access(c->path, R_OK), 0);
    voice_clips_free(vc);
}

/* ---- the built-in sessions get the clips; the user's files do not */

static void test_library_wiring(void **state)
{
    (void)state;
    char home[] = "/tmp/test_voice_clips.XXXXXX";
    assert_non_null(mkdtemp(home));
    char dir[128], path[192], cmd[PATHS_MAX + 512];
    snprintf(dir, sizeof(dir), "%s/stillpoint/sessions", home);
    snprintf(cmd, sizeof(cmd), "mkdir -p %s", dir);
    assert_int_equal(system(cmd), 0);
    /* A copy of the built-in body scans under other names: the same words,
     * but a user's file, so its lines must not get the built-in clips. */
    snprintf(path, sizeof(path), "%s/copy.cfg", dir);
    snprintf(cmd, sizeof(cmd),
             "sed 's/name = \"body-scan/name = \"my-body-scan/' "
             "'%s/config/sessions/body-scan.cfg' > '%s'",
             data_dir, path);
    assert_int_equal(system(cmd), 0);
    char *old_xdg = getenv("XDG_CONFIG_HOME");
    char *saved = old_xdg ? strdup(old_xdg) : NULL;
    setenv("XDG_CONFIG_HOME", home, 1);

    struct library lib;
    char err[512];
    assert_true(library_load(&lib, NULL, 0, err, sizeof(err)));
    if (lib.broken.count)
        fail_msg("%s", lib.broken.msgs[0]);
    const struct session *mine = catalog_find(lib.catalog, "my-body-scan-15");
    const struct session *builtin = catalog_find(lib.catalog, "body-scan-15");
    assert_non_null(mine);
    assert_non_null(builtin);
    assert_false(mine->builtin);
    assert_true(builtin->builtin);
    assert_int_equal(mine->n_steps, builtin->n_steps);
    /* Each spoken line of the built-in plays its own recording; the
     * copy's same words go to the synthesizer. */
    struct timeline_options o = {.stock_clip = library_stock_clip,
                                 .stock_ctx = &lib};
    struct sound_set bs, ms;
    sound_set_init(&bs);
    sound_set_init(&ms);
    assert_true(sound_set_collect(&bs, builtin, &o));
    assert_true(sound_set_collect(&ms, mine, &o));
    size_t voiced = 0;
    for (size_t i = 0; i < builtin->n_steps; i++) {
        const struct step *st = &builtin->steps[i];
        const char *text = voice_text_of_step(st);
        assert_null(mine->steps[i].voice.name);
        if (!text)
            continue;
        int b = sound_set_find_line(&bs, text, &st->voice, true, &o);
        int m =
            sound_set_find_line(&ms, text, &mine->steps[i].voice, false, &o);
        assert_true(b >= 0 && m >= 0);
        const struct sound *clip = &bs.items[b];
        if (clip->text)
            fail_msg("body-scan-15 step %zu has no clip: %s", i, text);
        char hex[VOICE_HASH_HEX], want[64];
        snprintf(want, sizeof(want), "%s.ogg", voice_text_hash_hex(text, hex));
        assert_string_equal(clip->name, want);
        assert_int_equal(access(clip->path, R_OK), 0);
        assert_non_null(strstr(clip->path, "/assets/voice/"));
        assert_non_null(ms.items[m].text);
        assert_string_equal(ms.items[m].text, text);
        voiced++;
    }
    sound_set_free(&bs);
    sound_set_free(&ms);
    assert_true(voiced >= 10);
    library_free(&lib);

    /* Only the built-ins, for the tool that lists the lines to record. */
    assert_true(library_load_builtin(&lib, err, sizeof(err)));
    assert_null(catalog_find(lib.catalog, "my-body-scan-15"));
    assert_non_null(catalog_find(lib.catalog, "body-scan-15"));
    library_free(&lib);

    if (saved) {
        setenv("XDG_CONFIG_HOME", saved, 1);
        free(saved);
    } else {
        unsetenv("XDG_CONFIG_HOME");
    }
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", home);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    if (!paths_data_dir(data_dir, sizeof(data_dir))) {
        fprintf(stderr, "set STILLPOINT_DATA\n");
        return 1;
    }
    snprintf(assets, sizeof(assets), "%s/assets", data_dir);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_text_of_step),
        cmocka_unit_test(test_program_lines),
        cmocka_unit_test(test_good_manifest),
        cmocka_unit_test(test_bad_rows),
        cmocka_unit_test(test_bad_manifest),
        cmocka_unit_test(test_load_files),
        cmocka_unit_test(test_shipped_manifest),
        cmocka_unit_test(test_library_wiring),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
