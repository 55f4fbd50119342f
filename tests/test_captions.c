/* test_captions.c: the captions reader. The two samples in
 * tests/data/captions/ (one body scan as WebVTT and as SubRip) must give
 * the same captions; every file in tests/data/captions/bad/ must give
 * exactly the messages of its .expect file (read against a recording of
 * ten minutes); and each rule of the formats is tried on a small text. */
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
#include <unistd.h>

#include <cmocka.h>

#include "../src/core/captions.h"

enum { BAD_LENGTH = 600 }; /* the recording the bad files are read with */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot read %s", path);
    static char buf[1 << 16];
    *len = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[*len] = '\0';
    return buf;
}

/* Parses text (NUL-terminated) as NAME into a fresh arena, kept in *a. */
static bool parse(const char *text, double length, struct arena **a,
                  struct caption_list *l, struct diag_list *d)
{
    *a = arena_new();
    assert_non_null(*a);
    diag_init(d);
    return captions_parse(text, strlen(text), "NAME", length, *a, l, d);
}

/* One caption's text from a small file, which must be accepted. */
static void expect_text(const char *file_text, const char *want)
{
    struct arena *a;
    struct caption_list l;
    struct diag_list d;
    if (!parse(file_text, -1, &a, &l, &d))
        fail_msg("refused: %s", d.count ? d.msgs[0] : "?");
    assert_int_equal(l.count, 1);
    assert_string_equal(l.items[0].text, want);
    arena_free(a);
}

/* The one message a small file must give. */
static void expect_problem(const char *file_text, double length,
                           const char *want)
{
    struct arena *a;
    struct caption_list l;
    struct diag_list d;
    assert_false(parse(file_text, length, &a, &l, &d));
    if (d.count != 1)
        fail_msg("%zu messages, the first: %s", d.count,
                 d.count ? d.msgs[0] : "-");
    assert_string_equal(d.msgs[0], want);
    arena_free(a);
}

static void parse_sample(const char *name, struct arena *a,
                         struct caption_list *l)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/captions/%s", getenv("TEST_DATA"), name);
    size_t len;
    char *text = slurp(path, &len);
    struct diag_list d;
    diag_init(&d);
    if (!captions_parse(text, len, name, 600, a, l, &d))
        fail_msg("%s: %s", name, d.count ? d.msgs[0] : "?");
}

static void test_samples(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    struct caption_list vtt, srt;
    parse_sample("body-scan.vtt", a, &vtt);
    parse_sample("body-scan.srt", a, &srt);
    assert_int_equal(vtt.format, CAPTIONS_VTT);
    assert_int_equal(srt.format, CAPTIONS_SRT);
    assert_int_equal(vtt.count, 20);
    assert_int_equal(srt.count, 20);
    for (size_t i = 0; i < vtt.count; i++) {
        assert_string_equal(vtt.items[i].text, srt.items[i].text);
        assert_true(vtt.items[i].start == srt.items[i].start);
        assert_true(vtt.items[i].end == srt.items[i].end);
        assert_true(vtt.items[i].end >= vtt.items[i].start);
        if (i > 0)
            assert_true(vtt.items[i].start >= vtt.items[i - 1].start);
    }
    /* Markup gone, references decoded, two lines joined. */
    assert_string_equal(vtt.items[0].text, "Welcome. This is a ten-minute body "
                                           "scan. You can stop at any moment.");
    assert_int_equal(vtt.items[0].line, 13);
    assert_int_equal(srt.items[0].line, 2);
    assert_int_equal(vtt.items[1].line, 17); /* no name, hours left out */
    assert_true(vtt.items[1].start == 8.0 && vtt.items[1].end == 15.0);
    assert_non_null(strstr(vtt.items[10].text, "hello to it & let it be"));
    assert_true(vtt.items[19].start == 560.0);
    arena_free(a);
}

static void check_bad_file(const char *name)
{
    char expect_path[512];
    snprintf(expect_path, sizeof(expect_path), "%.*s.expect",
             (int)(strrchr(name, '.') - name), name);
    size_t len, elen;
    char *want = strdup(slurp(expect_path, &elen));
    char *text = slurp(name, &len);
    struct arena *a = arena_new();
    struct caption_list l;
    struct diag_list d;
    diag_init(&d);
    if (captions_parse(text, len, name, BAD_LENGTH, a, &l, &d))
        fail_msg("%s: accepted, but must be refused", name);
    size_t i = 0;
    for (char *line = strtok(want, "\n"); line; line = strtok(NULL, "\n")) {
        if (i >= d.count)
            fail_msg("%s: missing message: %s", name, line);
        if (strcmp(d.msgs[i], line) != 0)
            fail_msg("%s:\n  expected: %s\n  got:      %s", name, line,
                     d.msgs[i]);
        i++;
    }
    if (i != d.count)
        fail_msg("%s: unexpected extra message: %s", name, d.msgs[i]);
    for (size_t k = 0; k < l.count; k++) /* what was kept is sound */
        assert_true(l.items[k].end >= l.items[k].start);
    free(want);
    arena_free(a);
}

static int is_captions(const struct dirent *e)
{
    const char *dot = strrchr(e->d_name, '.');
    return dot && (strcmp(dot, ".vtt") == 0 || strcmp(dot, ".srt") == 0);
}

static void test_bad_files(void **state)
{
    (void)state;
    char dir[4096], cwd[4096];
    snprintf(dir, sizeof(dir), "%s/captions/bad", getenv("TEST_DATA"));
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(dir), 0);
    struct dirent **list;
    int n = scandir(".", &list, is_captions, alphasort);
    assert_true(n >= 20);
    for (int i = 0; i < n; i++) {
        check_bad_file(list[i]->d_name);
        free(list[i]);
    }
    free(list);
    assert_int_equal(chdir(cwd), 0);
}

static void test_webvtt_rules(void **state)
{
    (void)state;
    /* Header text, a byte-order mark, CRLF and CR line ends. */
    expect_text("\xef\xbb\xbfWEBVTT\tmy file\r\n\r\n00:01.000 --> "
                "00:02.000\r\nRest.\r\n",
                "Rest.");
    expect_text("WEBVTT\r\r00:01.000 --> 00:02.000\rRest\rnow.\r", "Rest now.");
    /* A name that starts like NOTE is a cue's name, not a note. */
    expect_text("WEBVTT\n\nNOTE a note\nover two lines\n\nNOTE-1\n00:01.000 "
                "--> 00:02.000\nKept.\n",
                "Kept.");
    expect_text("WEBVTT\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r1\n\n"
                "00:01.000 --> 00:02.000 region:r1 line:0 align:end\nKept.\n",
                "Kept.");
    /* Tags of every kind, timestamps inside the text, references. */
    expect_text("WEBVTT\n\n00:01.000 --> 00:05.000\n<v.loud Ann>Breathe "
                "<00:00:02.000><c.slow>in</c>,</v> <b>&lt;slowly&gt;</b>\n",
                "Breathe in, <slowly>");
    expect_text("WEBVTT\n\n00:01.000 --> 00:02.000\n&amp;&quot;&apos;&#233;"
                "&#xE9;&nbsp;x&lrm;&rlm;&bogus; & a\n",
                "&\"'\xc3\xa9\xc3\xa9\xc2\xa0x&bogus; & a");
    /* A tag left open runs to the end of its line. */
    expect_text("WEBVTT\n\n00:01.000 --> 00:02.000\nRest <i\nnow.\n",
                "Rest now.");
    /* Runs of spaces and tabs are one space; the ends are trimmed. */
    expect_text("WEBVTT\n\n00:01.000 --> 00:02.000\n  Rest\t\t  now.  \n",
                "Rest now.");
    /* A caption right under the header. */
    expect_text("WEBVTT\n00:01.000 --> 00:02.000\nRest.\n", "Rest.");
}

static void test_subrip_rules(void **state)
{
    (void)state;
    expect_text("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<font "
                "color=\"#fff\"><i>Rest</i></font> now.\n",
                "Rest now.");
    /* A '<' or '{' that opens no tag is text. */
    expect_text("1\n00:00:01.000 --> 00:00:02.000\n1 < 2 {and} 3 > 2\n",
                "1 < 2 {and} 3 > 2");
    /* SubRip's optional hours and no numbers at all. */
    expect_text("00:01,5 --> 00:02,25 X1:10 X2:20\nRest.\n", "Rest.");
}

static void test_times(void **state)
{
    (void)state;
    struct arena *a;
    struct caption_list l;
    struct diag_list d;
    assert_true(parse("WEBVTT\n\n01:02:03.456 --> 01:02:04.000\nA.\n\n"
                      "01:02:03.456 --> 01:02:05.000\nB.\n",
                      -1, &a, &l, &d));
    assert_int_equal(l.count, 2);
    assert_true(l.items[0].start > 3723.455 && l.items[0].start < 3723.457);
    assert_int_equal(l.items[1].line, 6); /* the same start is in order */
    arena_free(a);
    /* An end past the recording is cut to its length. */
    assert_true(
        parse("WEBVTT\n\n00:58.000 --> 01:10.000\nA.\n", 60, &a, &l, &d));
    assert_true(l.items[0].end == 60.0);
    arena_free(a);
    expect_problem("WEBVTT\n\n01:00.000 --> 01:10.000\nA.\n\n01:00.001 --> "
                   "01:10.000\nB.\n",
                   60,
                   "NAME:6: the caption starts at 01:00.001, after the "
                   "recording ends (1:00.000)");
    expect_problem("WEBVTT\n\n1:02:03.4567 --> 1:02:04.000\nA.\n", -1,
                   "NAME:3: expected a time like 00:01:02.500 --> "
                   "00:01:05.000, found '1:02:03.4567 --> 1:02:04.000'");
    expect_problem("WEBVTT\n\n00:001:00.000 --> 00:02:00.000\nA.\n", -1,
                   "NAME:3: expected a time like 00:01:02.500 --> "
                   "00:01:05.000, found '00:001:00.000 --> 00:02:00.000'");
    expect_problem("WEBVTT\n\n00:01.000 --> 00:02.000x\nA.\n", -1,
                   "NAME:3: expected a time like 00:01:02.500 --> "
                   "00:01:05.000, found '00:01.000 --> 00:02.000x'");
}

/* The captions a small file gives (it must be accepted): their texts,
 * joined with '|'. */
static void expect_texts(const char *file_text, const char *want)
{
    struct arena *a;
    struct caption_list l;
    struct diag_list d;
    if (!parse(file_text, -1, &a, &l, &d))
        fail_msg("refused: %s", d.count ? d.msgs[0] : "?");
    char got[1024] = "";
    for (size_t i = 0; i < l.count; i++)
        snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%s",
                 i ? "|" : "", l.items[i].text);
    assert_string_equal(got, want);
    arena_free(a);
}

/* YouTube's automatic captions, as downloaded: a line of one space above
 * or under the words, each line shown again at the top of the next
 * caption, 10 ms captions holding only the line before, timestamps and
 * <c> tags between the words. Each line is said once, at its time. */
static void test_youtube(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        double start, end;
        int line;
    } want[] = {
        {"welcome to this body scan", 0.32, 3.19, 5},
        {"find a comfortable position lying down", 3.2, 7.67, 13},
        {"and gently close your eyes", 7.68, 12.47, 21},
        {"bring your attention to your feet", 12.48, 18.0, 29},
    };
    struct arena *a = arena_new();
    struct caption_list l;
    parse_sample("yt.vtt", a, &l);
    assert_int_equal(l.format, CAPTIONS_VTT);
    assert_int_equal(l.count, 4);
    for (size_t i = 0; i < l.count; i++) {
        assert_string_equal(l.items[i].text, want[i].text);
        assert_true(l.items[i].start > want[i].start - 1e-6 &&
                    l.items[i].start < want[i].start + 1e-6);
        assert_true(l.items[i].end > want[i].end - 1e-6 &&
                    l.items[i].end < want[i].end + 1e-6);
        assert_int_equal(l.items[i].line, want[i].line);
    }
    arena_free(a);
}

/* A line of spaces or tabs is a line of the caption (WebVTT ends a
 * caption at an empty line only), unless a new caption starts under it;
 * a caption that shows nothing is left out; one of invisible characters
 * is refused. */
static void test_blank_lines(void **state)
{
    (void)state;
    /* Inside a caption, above its words, under them. */
    expect_text("WEBVTT\n\n00:01.000 --> 00:02.000\nRest\n \t \nnow.\n",
                "Rest now.");
    expect_texts("WEBVTT\n\n00:01.000 --> 00:02.000\n \nRest\n  \n\n"
                 "00:03.000 --> 00:04.000\nnow.\n \n",
                 "Rest|now.");
    /* Spaces on the empty line between captions, in both formats. */
    expect_texts("WEBVTT\n\n00:01.000 --> 00:02.000\nRest\n \n"
                 "00:03.000 --> 00:04.000\nnow.\n\t\nthree\n"
                 "00:05.000 --> 00:06.000\nGo.\n",
                 "Rest|now.|Go.");
    expect_texts("1\r\n00:00:01,000 --> 00:00:02,000\r\nRest. \r\n \r\n"
                 "2 \r\n00:00:03,000 --> 00:00:04,000\r\n\tBreathe\r\n  "
                 "\r\nin.\r\n\t\r\n3\r\n00:00:05,000 --> 00:00:06,000\r\n"
                 "Out.\r\n \r\n",
                 "Rest.|Breathe in.|Out.");
    /* A stray block under a line of spaces is still no caption. */
    expect_problem("1\n00:00:01,000 --> 00:00:02,000\nRest.\n \none\n"
                   "00:00:03,000 --> 00:00:04,000\nGo.\n",
                   -1,
                   "NAME:5: expected a caption number, then a time like "
                   "00:01:02,500 --> 00:01:05,000; found 'one'");
    /* Captions that show nothing are left out, without a word. */
    expect_texts("WEBVTT\n\n00:01.000 --> 00:02.000\n  \t\n\n"
                 "00:02.000 --> 00:03.000\n<i> </i>\n\n"
                 "00:03.000 --> 00:04.000\n\n"
                 "00:04.000 --> 00:05.000\n \n00:05.000 --> 00:06.000\n"
                 "Rest.\n",
                 "Rest.");
    expect_texts("1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> "
                 "00:00:04,000\nRest.\n\n3\n00:00:05,000 --> 00:00:06,000\n"
                 "   \n",
                 "Rest.");
    expect_problem("WEBVTT\n\n00:01.000 --> 00:02.000\n \n", -1,
                   "NAME: no captions in the file (a caption is a time like "
                   "00:01:02.500 --> 00:01:05.000 with its words on the "
                   "lines under it)");
    /* Invisible characters are no spaces: refused, where they are. */
    expect_problem("WEBVTT\n\n00:01.000 --> 00:02.000\n \n\xe2\x80\x8b \n", -1,
                   "NAME:5: caption: shows nothing (only spaces or invisible "
                   "characters)");
    expect_problem("1\n00:00:01,000 --> 00:00:02,000\n\xe2\x80\x8b\xe2\x80\x8d"
                   "\n",
                   -1,
                   "NAME:3: caption: shows nothing (only spaces or invisible "
                   "characters)");
}

/* Rolling captions: the lines a caption repeats from the one it follows
 * on screen are said once; a line said again after a pause is kept. */
static void test_rolling(void **state)
{
    (void)state;
    expect_texts("WEBVTT\n\n00:01.000 --> 00:03.000\nBreathe in.\n\n"
                 "00:03.000 --> 00:05.000\nBreathe in.\nBreathe out.\n\n"
                 "00:05.000 --> 00:07.000\nBreathe out.\nRest.\n",
                 "Breathe in.|Breathe out.|Rest.");
    /* Two lines repeated, markup or not; a first line that is not the
     * last above is no repeat. */
    expect_texts("WEBVTT\n\n00:01.000 --> 00:03.000\nA\n<i>B</i> c\nD\n\n"
                 "00:03.050 --> 00:05.000\nB  c\n<c>D</c>\nE\n\n"
                 "00:05.000 --> 00:07.000\nD\nF\n",
                 "A B c D|E|D F");
    expect_texts("1\n00:00:01,000 --> 00:00:03,000\nRest.\n\n"
                 "2\n00:00:02,990 --> 00:00:03,000\nRest.\n\n"
                 "3\n00:00:03,000 --> 00:00:04,000\nRest.\nNow.\n",
                 "Rest.|Now.");
    /* After a pause, the same words are said again. */
    expect_texts("WEBVTT\n\n00:01.000 --> 00:03.000\nRelax.\n\n"
                 "00:03.200 --> 00:05.000\nRelax.\n",
                 "Relax.|Relax.");
    /* What is new after the repeat is checked, at its line. */
    expect_problem("WEBVTT\n\n00:01.000 --> 00:03.000\nRest.\n\n"
                   "00:03.000 --> 00:05.000\nRest.\n&#x200B;\n",
                   -1,
                   "NAME:8: caption: shows nothing (only spaces or invisible "
                   "characters)");
}

/* Limits: the size, the count, the messages' cap. */
static void test_limits(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    struct caption_list l;
    struct diag_list d;
    diag_init(&d);
    size_t big = (size_t)CAPTIONS_MAX_BYTES + 1;
    char *text = malloc(big);
    assert_non_null(text);
    memset(text, 'a', big);
    assert_false(captions_parse(text, big, "NAME", -1, a, &l, &d));
    assert_string_equal(d.msgs[0], "NAME: the file is 4194305 bytes; captions "
                                   "files are limited to 4194304 bytes (4 MB)");
    /* One caption too many: the message names its line and stops. */
    size_t used = (size_t)sprintf(text, "WEBVTT\n");
    for (int i = 0; i <= CAPTIONS_MAX_COUNT; i++)
        used += (size_t)sprintf(text + used,
                                "\n%02d:%02d.000 --> %02d:%02d.500"
                                "\nx%d\n",
                                i / 600, i / 10 % 60, i / 600, i / 10 % 60, i);
    diag_init(&d);
    assert_false(captions_parse(text, used, "NAME", -1, a, &l, &d));
    assert_int_equal(d.count, 1);
    assert_string_equal(d.msgs[0], "NAME:60003: more than 20000 captions; a "
                                   "captions file holds at most 20000");
    assert_int_equal(l.count, CAPTIONS_MAX_COUNT);
    /* Twenty-five broken captions: twenty messages, five counted. */
    used = (size_t)sprintf(text, "WEBVTT\n");
    for (int i = 0; i < 25; i++)
        used += (size_t)sprintf(text + used, "\n00:%02d.000 --> 00:00.000\nx\n",
                                i + 1);
    diag_init(&d);
    assert_false(captions_parse(text, used, "NAME", -1, a, &l, &d));
    assert_int_equal(d.count, DIAG_CAP);
    assert_int_equal(d.dropped, 5);
    free(text);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_webvtt_rules),
        cmocka_unit_test(test_subrip_rules),
        cmocka_unit_test(test_times),
        cmocka_unit_test(test_youtube),
        cmocka_unit_test(test_blank_lines),
        cmocka_unit_test(test_rolling),
        cmocka_unit_test(test_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
