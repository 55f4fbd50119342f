/* test_regions.c: the body words a scan step understands and the figure
 * region each lights, the "did you mean" rule (never a different part of
 * the body for a real body word), and the label a list of words makes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/core/nearest.h"
#include "../src/core/regions.h"
#include "../src/core/session.h"

/* Words of real published body-scan scripts, and where they belong. */
static const struct {
    const char *word, *region;
} words[] = {
    {"abdomen", "belly"},
    {"stomach", "belly"},
    {"tummy", "belly"},
    {"belly", "belly"},
    {"navel", "belly"},
    {"lower back", "back"},
    {"upper back", "back"},
    {"spine", "back"},
    {"back", "back"},
    {"shoulder blades", "back"},
    {"toes", "feet"},
    {"toe", "feet"},
    {"ankles", "feet"},
    {"ankle", "feet"},
    {"heels", "feet"},
    {"soles", "feet"},
    {"soles of the feet", "feet"},
    {"foot", "feet"},
    {"feet", "feet"},
    {"fingers", "hands"},
    {"finger", "hands"},
    {"wrists", "hands"},
    {"wrist", "hands"},
    {"palms", "hands"},
    {"thumbs", "hands"},
    {"hand", "hands"},
    {"hands", "hands"},
    {"forehead", "face"},
    {"eyes", "face"},
    {"eye", "face"},
    {"nose", "face"},
    {"mouth", "face"},
    {"cheeks", "face"},
    {"lips", "face"},
    {"face", "face"},
    {"temples", "head"},
    {"temple", "head"},
    {"crown", "head"},
    {"crown of the head", "head"},
    {"top of the head", "head"},
    {"scalp", "head"},
    {"head", "head"},
    {"jaw", "jaw"},
    {"chin", "jaw"},
    {"tongue", "jaw"},
    {"neck", "neck"},
    {"throat", "neck"},
    {"back of the neck", "neck"},
    {"thighs", "legs"},
    {"thigh", "legs"},
    {"calves", "legs"},
    {"calf", "legs"},
    {"shins", "legs"},
    {"shin", "legs"},
    {"leg", "legs"},
    {"legs", "legs"},
    {"lungs", "chest"},
    {"lung", "chest"},
    {"heart", "chest"},
    {"ribs", "chest"},
    {"rib cage", "chest"},
    {"chest", "chest"},
    {"buttocks", "pelvis"},
    {"buttock", "pelvis"},
    {"seat", "pelvis"},
    {"pelvic floor", "pelvis"},
    {"sit bones", "pelvis"},
    {"pelvis", "pelvis"},
    {"shoulder", "shoulders"},
    {"shoulders", "shoulders"},
    {"arm", "arms"},
    {"arms", "arms"},
    {"upper arms", "arms"},
    {"forearms", "arms"},
    {"elbows", "arms"},
    {"elbow", "arms"},
    {"knee", "knees"},
    {"knees", "knees"},
    {"hip", "hips"},
    {"hips", "hips"},
    {"whole body", "whole-body"},
    {"whole-body", "whole-body"},
    {"body", "whole-body"},
};

static void test_words(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        const char *r = regions_lookup(words[i].word);
        if (!r || strcmp(r, words[i].region) != 0)
            fail_msg("'%s' lit %s, not %s", words[i].word, r ? r : "nothing",
                     words[i].region);
    }
}

/* Every region of the figure is a word for itself, and every known word
 * lights a region the figure has. */
static void test_figure_names(void **state)
{
    (void)state;
    for (size_t i = 0; i < SESSION_REGION_COUNT; i++)
        assert_ptr_equal(regions_lookup(SESSION_REGIONS[i]),
                         SESSION_REGIONS[i]);
    const char *w, *r;
    size_t n = 0;
    for (; regions_word(n, &w, &r); n++) {
        const char *lit = regions_lookup(w);
        assert_non_null(lit);
        assert_string_equal(lit, r);
    }
    assert_true(n > 100);
}

static void test_spelling(void **state)
{
    (void)state;
    static const char *const back[] = {
        "lower back",    "lower-back",      "lower_back",
        "Lower Back",    "LOWER-BACK",      "  lower   back ",
        "lower - back",  "the lower back",  "your lower back",
        "my lower-back", "Your Lower_Back",
    };
    for (size_t i = 0; i < sizeof(back) / sizeof(back[0]); i++) {
        const char *r = regions_lookup(back[i]);
        if (!r || strcmp(r, "back") != 0)
            fail_msg("'%s' lit %s, not back", back[i], r ? r : "nothing");
    }
    assert_string_equal(regions_lookup("both your feet"), "feet");
    assert_string_equal(regions_lookup("Shoulders"), "shoulders");
    assert_string_equal(regions_lookup("palms of your hands"), "hands");
    assert_string_equal(regions_lookup("Whole_Body"), "whole-body");
    /* Articles alone, or in the middle, are not a region. */
    assert_null(regions_lookup("the"));
    assert_null(regions_lookup("your"));
    assert_null(regions_lookup("lower the back"));
    assert_null(regions_lookup(""));
    assert_null(regions_lookup("   "));
    assert_null(regions_lookup("lowerback"));
    assert_null(regions_lookup("feet!"));
    assert_null(regions_lookup(NULL));
    /* A word longer than any known word is simply unknown. */
    char big[300];
    memset(big, 'a', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    assert_null(regions_lookup(big));
    assert_null(regions_suggest(big));
}

static void test_distance(void **state)
{
    (void)state;
    assert_int_equal(nearest_distance("head", "head"), 0);
    assert_int_equal(nearest_distance("haed", "head"), 1); /* a swap */
    assert_int_equal(nearest_distance("thihgs", "thighs"), 1);
    assert_int_equal(nearest_distance("sholders", "shoulders"), 1);
    assert_int_equal(nearest_distance("lungs", "legs"), 2);
    assert_int_equal(nearest_distance("", "feet"), 4);
    assert_int_equal(nearest_distance("abc", "ca"), 3);
}

/* Issue 14: "lungs" was offered "legs". */
static void test_lungs_are_not_legs(void **state)
{
    (void)state;
    assert_string_equal(regions_lookup("lungs"), "chest");
    assert_null(regions_suggest("lungs"));
    assert_null(regions_suggest("lung"));
}

static void test_suggestions(void **state)
{
    (void)state;
    static const struct {
        const char *typo, *meant;
    } typos[] = {
        {"sholders", "shoulders"},    {"shouldres", "shoulders"},
        {"abdomin", "abdomen"},       {"stomache", "stomach"},
        {"kness", "knees"},           {"foreheead", "forehead"},
        {"Lower-Bakc", "lower back"}, {"thihgs", "thighs"},
        {"belyy", "belly"},           {"pelviss", "pelvis"},
    };
    for (size_t i = 0; i < sizeof(typos) / sizeof(typos[0]); i++) {
        /* "shouldres" may be "shoulder" or "shoulders": the same part. */
        const char *s = regions_suggest(typos[i].typo);
        if (!s || strcmp(regions_lookup(s), regions_lookup(typos[i].meant)))
            fail_msg("'%s' suggested %s, not %s", typos[i].typo,
                     s ? s : "nothing", typos[i].meant);
    }
    assert_string_equal(regions_suggest("sholders"), "shoulders");
    assert_string_equal(regions_suggest("Lower-Bakc"), "lower back");
    assert_string_equal(regions_suggest("feat"), "feet");
    /* A slip as near to a word for another part: no guess. */
    assert_null(regions_suggest("haed")); /* head? hand? */
    assert_null(regions_suggest("hend"));
    /* Far from anything, or too short to tell: no guess. */
    assert_null(regions_suggest("xyzzy"));
    assert_null(regions_suggest("fet"));
    assert_string_equal(regions_lookup(regions_suggest("toex")), "feet");
    assert_null(regions_suggest(""));
    /* A known word needs no suggestion. */
    assert_null(regions_suggest("feet"));
}

/* Real words for the body the figure has no place for: no "did you mean"
 * offers another part for them. */
static void test_off_figure(void **state)
{
    (void)state;
    static const char *const real[] = {
        "kidneys", "kidney",  "liver",  "bladder",   "spleen", "brain", "skin",
        "bones",   "muscles", "breath", "Breathing", "hair",   "nails", "gut",
    };
    for (size_t i = 0; i < sizeof(real) / sizeof(real[0]); i++) {
        assert_true(regions_off_figure(real[i]));
        assert_null(regions_lookup(real[i]));
        if (regions_suggest(real[i]))
            fail_msg("'%s' offered '%s'", real[i], regions_suggest(real[i]));
    }
    assert_false(regions_off_figure("feet"));
    assert_false(regions_off_figure("sholders"));
    /* Real body words near a known word of another part: "waist" is one
     * letter from "wrist", "shin" from "chin", "hips" from "lips"; each
     * lights its own part. */
    assert_string_equal(regions_lookup("waist"), "belly");
    assert_string_equal(regions_lookup("wrist"), "hands");
    assert_string_equal(regions_lookup("shin"), "legs");
    assert_string_equal(regions_lookup("chin"), "jaw");
    assert_string_equal(regions_lookup("hips"), "hips");
    assert_string_equal(regions_lookup("lips"), "face");
}

/* Checks that the slip t of word a (region ra) is not offered as a word
 * of another part. */
static void check_slip(const char *t, const char *a, const char *ra)
{
    if (regions_lookup(t))
        return; /* a word of its own, lit as itself */
    const char *s = regions_suggest(t);
    if (s && strcmp(regions_lookup(s), ra) != 0)
        fail_msg("'%s' (a slip in '%s', %s) was offered '%s' (%s)", t, a, ra, s,
                 regions_lookup(s));
}

/* The rule that makes a suggestion safe, over every known word: no
 * one-letter slip in it (a letter added, left out, changed or swapped)
 * after its first letter is offered as a word for a different part of
 * the body. (A changed first letter starts another family of words:
 * "sead" may be offered "seat".) A word added later that breaks this
 * fails here. */
static void test_slips_stay_in_place(void **state)
{
    (void)state;
    const char *a, *ra;
    size_t tried = 0;
    for (size_t i = 0; regions_word(i, &a, &ra); i++) {
        size_t n = strlen(a);
        char t[64];
        for (size_t k = 1; k <= n; k++) {
            for (char c = 'a'; c <= 'z'; c++) {
                /* inserted before k */
                memcpy(t, a, k);
                t[k] = c;
                memcpy(t + k + 1, a + k, n - k + 1);
                check_slip(t, a, ra);
                /* changed at k */
                if (k < n) {
                    memcpy(t, a, n + 1);
                    t[k] = c;
                    check_slip(t, a, ra);
                }
                tried += 2;
            }
            if (k < n) { /* left out, swapped */
                memcpy(t, a, k);
                memcpy(t + k, a + k + 1, n - k);
                check_slip(t, a, ra);
                if (k + 1 < n) {
                    memcpy(t, a, n + 1);
                    t[k] = a[k + 1];
                    t[k + 1] = a[k];
                    check_slip(t, a, ra);
                }
            }
        }
    }
    assert_true(tried > 10000);
}

static void test_label(void **state)
{
    (void)state;
    char out[200];
    const char *one[] = {"whole-body"};
    assert_true(regions_label(one, 1, out, sizeof(out)));
    assert_string_equal(out, "whole-body");
    const char *two[] = {"shoulders", "neck"};
    assert_true(regions_label(two, 2, out, sizeof(out)));
    assert_string_equal(out, "shoulders and neck");
    const char *three[] = {"abdomen", "lower back", "hips"};
    assert_true(regions_label(three, 3, out, sizeof(out)));
    assert_string_equal(out, "abdomen, lower back and hips");
    /* As written, spacing tidied, underscores read as spaces; a word said
     * twice once. */
    const char *messy[] = {"  your Shoulders ", "your   neck", "lower_back",
                           "your shoulders", "Lower-Back"};
    assert_true(regions_label(messy, 5, out, sizeof(out)));
    assert_string_equal(out, "your Shoulders, your neck and lower back");
    const char *same[] = {"feet", "feet"};
    assert_true(regions_label(same, 2, out, sizeof(out)));
    assert_string_equal(out, "feet");
    /* Too small: false, and nothing half-written. */
    char small[10];
    assert_false(regions_label(three, 3, small, sizeof(small)));
    assert_string_equal(small, "");
    assert_true(regions_label(two, 2, out, 19));
    assert_false(regions_label(two, 2, out, 18));
    assert_true(regions_label(two, 0, out, sizeof(out)));
    assert_string_equal(out, "");
}

static void test_explain(void **state)
{
    (void)state;
    char why[512];
    regions_explain("sholders", why, sizeof(why));
    assert_string_equal(
        why, "unknown region 'sholders' (did you mean 'shoulders'?)");
    regions_explain("lungz", why, sizeof(why));
    assert_string_equal(why, "unknown region 'lungz' (did you mean 'lungs'?)");
    regions_explain("kidneys", why, sizeof(why));
    assert_string_equal(
        why, "unknown region 'kidneys' (the body figure has no such region; "
             "its regions: head, face, jaw, neck, shoulders, arms, hands, "
             "chest, belly, back, pelvis, hips, legs, knees, feet, "
             "whole-body)");
    regions_explain("tail", why, sizeof(why));
    assert_string_equal(
        why, "unknown region 'tail' (known regions: head, face, jaw, neck, "
             "shoulders, arms, hands, chest, belly, back, pelvis, hips, legs, "
             "knees, feet, whole-body)");
    char small[16];
    regions_explain("tail", small, sizeof(small));
    assert_string_equal(small, "unknown region ");
}

/* The text of file (under STILLPOINT_DATA) from the line starting with
 * start up to the next line starting with next. */
static char *section(const char *file, const char *start, const char *next)
{
    static char buf[200000];
    char path[1024];
    const char *root = getenv("STILLPOINT_DATA");
    snprintf(path, sizeof(path), "%s/%s", root ? root : ".", file);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *from = strstr(buf, start);
    if (!from)
        fail_msg("%s has no '%s'", file, start);
    char *to = strstr(from + 1, next);
    if (to)
        *to = '\0';
    return from;
}

/* config/README.md and stillpoint(5) list every word, under its region. */
static void test_documented(void **state)
{
    (void)state;
    const char *w, *r;
    char want[128];
    const char *readme = section("config/README.md", "### Scan words", "\n##");
    for (size_t i = 0; regions_word(i, &w, &r); i++) {
        snprintf(want, sizeof(want), "`%s`", w);
        const char *row = strstr(readme, "\n| `");
        while (row) {
            char head[64];
            snprintf(head, sizeof(head), "\n| `%s` |", r);
            if (strncmp(row, head, strlen(head)) == 0)
                break;
            row = strstr(row + 1, "\n| `");
        }
        const char *end = row ? strchr(row + 1, '\n') : NULL;
        const char *at = row ? strstr(row, want) : NULL;
        if (!at || (end && at > end))
            fail_msg("config/README.md: no %s in the row of %s", want, r);
    }
    const char *man = section("man/stillpoint.5", ".SS Scan words", "\n.SS");
    for (size_t i = 0; regions_word(i, &w, &r); i++) {
        size_t k = snprintf(want, sizeof(want), "\n.B ");
        for (const char *p = r; *p && k + 3 < sizeof(want); p++) {
            if (*p == '-') /* roff's minus sign */
                want[k++] = '\\';
            want[k++] = *p;
        }
        snprintf(want + k, sizeof(want) - k, "\n");
        const char *row = strstr(man, want);
        const char *end = row ? strstr(row + strlen(want), "\n.") : NULL;
        bool found = false;
        for (const char *at = row; at && (!end || at < end) && !found;
             at = strstr(at + 1, w)) {
            size_t n = strlen(w);
            found = at > row && (at[-1] == ' ' || at[-1] == '\n') &&
                    strncmp(at, w, n) == 0 && (at[n] == ',' || at[n] == '.');
        }
        if (!found)
            fail_msg("man/stillpoint.5: no '%s' under %s", w, r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distance),
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_figure_names),
        cmocka_unit_test(test_spelling),
        cmocka_unit_test(test_lungs_are_not_legs),
        cmocka_unit_test(test_suggestions),
        cmocka_unit_test(test_off_figure),
        cmocka_unit_test(test_slips_stay_in_place),
        cmocka_unit_test(test_label),
        cmocka_unit_test(test_explain),
        cmocka_unit_test(test_documented),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
