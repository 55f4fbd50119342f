/* regions.c: body words -> the figure's regions, the "did you mean" rule
 * and the label of a scan step (see regions.h). */
#include "regions.h"

#include <stdio.h>
#include <string.h>

#include "nearest.h"
#include "session.h"

/* Normalised spelling (lowercase, one space between words) -> region.
 * Only words for a place the figure shows; a word that would light a
 * wrong part is left out (then it is unknown, or off the figure). */
static const struct {
    const char *word, *region;
} vocab[] = {
    /* head */
    {"head", "head"},
    {"crown", "head"},
    {"crown of the head", "head"},
    {"top of the head", "head"},
    {"scalp", "head"},
    {"temple", "head"},
    {"temples", "head"},
    {"ear", "head"},
    {"ears", "head"},
    {"skull", "head"},
    /* face */
    {"face", "face"},
    {"forehead", "face"},
    {"brow", "face"},
    {"eyebrow", "face"},
    {"eyebrows", "face"},
    {"eye", "face"},
    {"eyes", "face"},
    {"eyelid", "face"},
    {"eyelids", "face"},
    {"nose", "face"},
    {"cheek", "face"},
    {"cheeks", "face"},
    {"mouth", "face"},
    {"lips", "face"},
    /* jaw */
    {"jaw", "jaw"},
    {"jaws", "jaw"},
    {"jawline", "jaw"},
    {"chin", "jaw"},
    {"teeth", "jaw"},
    {"tongue", "jaw"},
    /* neck */
    {"neck", "neck"},
    {"back of the neck", "neck"},
    {"throat", "neck"},
    /* shoulders */
    {"shoulder", "shoulders"},
    {"shoulders", "shoulders"},
    /* arms */
    {"arm", "arms"},
    {"arms", "arms"},
    {"upper arm", "arms"},
    {"upper arms", "arms"},
    {"forearm", "arms"},
    {"forearms", "arms"},
    {"elbow", "arms"},
    {"elbows", "arms"},
    /* hands */
    {"hand", "hands"},
    {"hands", "hands"},
    {"wrist", "hands"},
    {"wrists", "hands"},
    {"finger", "hands"},
    {"fingers", "hands"},
    {"fingertip", "hands"},
    {"fingertips", "hands"},
    {"thumb", "hands"},
    {"thumbs", "hands"},
    {"palm", "hands"},
    {"palms", "hands"},
    {"palms of the hands", "hands"},
    {"knuckle", "hands"},
    {"knuckles", "hands"},
    /* chest */
    {"chest", "chest"},
    {"lung", "chest"},
    {"lungs", "chest"},
    {"heart", "chest"},
    {"rib", "chest"},
    {"ribs", "chest"},
    {"rib cage", "chest"},
    {"ribcage", "chest"},
    {"breastbone", "chest"},
    {"collarbone", "chest"},
    {"collarbones", "chest"},
    /* belly */
    {"belly", "belly"},
    {"abdomen", "belly"},
    {"stomach", "belly"},
    {"tummy", "belly"},
    {"navel", "belly"},
    {"belly button", "belly"},
    {"waist", "belly"},
    /* back */
    {"back", "back"},
    {"lower back", "back"},
    {"upper back", "back"},
    {"middle back", "back"},
    {"mid back", "back"},
    {"spine", "back"},
    {"backbone", "back"},
    {"shoulder blade", "back"},
    {"shoulder blades", "back"},
    /* pelvis */
    {"pelvis", "pelvis"},
    {"pelvic floor", "pelvis"},
    {"buttock", "pelvis"},
    {"buttocks", "pelvis"},
    {"seat", "pelvis"},
    {"glute", "pelvis"},
    {"glutes", "pelvis"},
    {"sit bones", "pelvis"},
    {"sitting bones", "pelvis"},
    {"tailbone", "pelvis"},
    {"groin", "pelvis"},
    /* hips */
    {"hip", "hips"},
    {"hips", "hips"},
    {"hip joint", "hips"},
    {"hip joints", "hips"},
    /* legs */
    {"leg", "legs"},
    {"legs", "legs"},
    {"upper leg", "legs"},
    {"upper legs", "legs"},
    {"lower leg", "legs"},
    {"lower legs", "legs"},
    {"thigh", "legs"},
    {"thighs", "legs"},
    {"calf", "legs"},
    {"calves", "legs"},
    {"shin", "legs"},
    {"shins", "legs"},
    /* knees */
    {"knee", "knees"},
    {"knees", "knees"},
    {"kneecap", "knees"},
    {"kneecaps", "knees"},
    /* feet */
    {"foot", "feet"},
    {"feet", "feet"},
    {"toe", "feet"},
    {"toes", "feet"},
    {"ankle", "feet"},
    {"ankles", "feet"},
    {"heel", "feet"},
    {"heels", "feet"},
    {"sole", "feet"},
    {"soles", "feet"},
    {"soles of the feet", "feet"},
    /* whole-body */
    {"whole body", "whole-body"},
    {"body", "whole-body"},
    {"entire body", "whole-body"},
    {"full body", "whole-body"},
};

/* Real words for the body, or for what a scan attends to, that name no
 * place the figure shows: they get no "did you mean". */
static const char *const off_figure[] = {
    "kidney", "kidneys",   "liver",  "bladder", "bowel",  "bowels", "gut",
    "guts",   "spleen",    "organs", "womb",    "uterus", "brain",  "skin",
    "bone",   "bones",     "muscle", "muscles", "joints", "nerves", "blood",
    "breath", "breathing", "mind",   "hair",    "nails",  "senses", "genitals",
};

enum { NORM = 64 }; /* longest normalised word looked at, with its NUL */

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool separator(char c)
{
    return c == ' ' || c == '\t' || c == '-' || c == '_';
}

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Replaces every "from" in s by "to" (no longer than from), in place. */
static void replace(char *s, const char *from, const char *to)
{
    size_t lf = strlen(from), lt = strlen(to);
    char *p = s;
    while ((p = strstr(p, from))) {
        memcpy(p, to, lt);
        memmove(p + lt, p + lf, strlen(p + lf) + 1);
        p += lt;
    }
}

/* word -> lowercase, one space between words, no leading "the ", "your ",
 * "my ", "both ". False when it does not fit. */
static bool normalise(const char *word, char out[NORM])
{
    size_t n = 0;
    bool gap = false;
    for (const char *p = word; *p; p++) {
        if (separator(*p)) {
            gap = n > 0;
            continue;
        }
        if (n + (gap ? 2 : 1) >= NORM)
            return false;
        if (gap)
            out[n++] = ' ';
        gap = false;
        out[n++] = lower(*p);
    }
    out[n] = '\0';
    static const char *const articles[] = {"the ", "your ", "my ", "both "};
    for (size_t i = 0; i < sizeof(articles) / sizeof(articles[0]); i++)
        if (starts(out, articles[i])) {
            size_t skip = strlen(articles[i]);
            memmove(out, out + skip, strlen(out + skip) + 1);
            i = (size_t)-1; /* "both your feet": look again */
        }
    replace(out, " of your ", " of the ");
    replace(out, " of my ", " of the ");
    return true;
}

static const char *region_named(const char *name)
{
    for (size_t i = 0; i < SESSION_REGION_COUNT; i++)
        if (strcmp(SESSION_REGIONS[i], name) == 0)
            return SESSION_REGIONS[i];
    return NULL;
}

const char *regions_lookup(const char *word)
{
    char w[NORM];
    if (!word || !normalise(word, w))
        return NULL;
    for (size_t i = 0; i < sizeof(vocab) / sizeof(vocab[0]); i++)
        if (strcmp(vocab[i].word, w) == 0)
            return region_named(vocab[i].region);
    /* The figure's own names, "whole-body" included. */
    for (size_t i = 0; i < SESSION_REGION_COUNT; i++) {
        char r[NORM];
        if (normalise(SESSION_REGIONS[i], r) && strcmp(r, w) == 0)
            return SESSION_REGIONS[i];
    }
    return NULL;
}

bool regions_off_figure(const char *word)
{
    char w[NORM];
    if (!word || !normalise(word, w))
        return false;
    for (size_t i = 0; i < sizeof(off_figure) / sizeof(off_figure[0]); i++)
        if (strcmp(off_figure[i], w) == 0)
            return true;
    return false;
}

const char *regions_suggest(const char *word)
{
    char w[NORM];
    if (!word || !normalise(word, w) || !w[0] || regions_lookup(word) ||
        regions_off_figure(word))
        return NULL;
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; i < sizeof(vocab) / sizeof(vocab[0]); i++) {
        if (vocab[i].word[0] != w[0])
            continue;
        size_t d = nearest_distance(w, vocab[i].word);
        /* Of two as near, the one as long ("lungz": "lungs", not "lung"). */
        if (d < best_d || (d == best_d && strlen(vocab[i].word) == strlen(w) &&
                           strlen(best) != strlen(w))) {
            best_d = d;
            best = vocab[i].word;
        }
    }
    if (!best || best_d * 4 > strlen(w))
        return NULL;
    /* As near to a word for another part ("haed": "head" or "hand")? Then
     * it is anyone's guess: offer nothing. */
    const char *region = regions_lookup(best);
    for (size_t i = 0; i < sizeof(vocab) / sizeof(vocab[0]); i++)
        if (vocab[i].word[0] == w[0] && strcmp(vocab[i].region, region) != 0 &&
            nearest_distance(w, vocab[i].word) <= best_d)
            return NULL;
    return best;
}

void regions_explain(const char *word, char *out, size_t size)
{
    if (size == 0)
        return;
    const char *near = regions_suggest(word);
    if (near) {
        snprintf(out, size, "unknown region '%s' (did you mean '%s'?)", word,
                 near);
        return;
    }
    char list[300] = "";
    for (size_t i = 0; i < SESSION_REGION_COUNT; i++) {
        size_t n = strlen(list);
        snprintf(list + n, sizeof(list) - n, "%s%s", i ? ", " : "",
                 SESSION_REGIONS[i]);
    }
    snprintf(out, size, "unknown region '%s' (%s: %s)", word,
             regions_off_figure(word)
                 ? "the body figure has no such region; its regions"
                 : "known regions",
             list);
}

bool regions_same_word(const char *a, const char *b)
{
    char x[NORM], y[NORM];
    return a && b && normalise(a, x) && normalise(b, y) && strcmp(x, y) == 0;
}

/* Appends s to out[0..size) at *len; false when it does not fit. */
static bool put(char *out, size_t size, size_t *len, const char *s, size_t n)
{
    if (*len + n >= size)
        return false;
    memcpy(out + *len, s, n);
    *len += n;
    out[*len] = '\0';
    return true;
}

/* Appends word with outer spaces dropped and inner runs of spaces, tabs
 * and underscores made one space; dashes are kept ("whole-body"). */
static bool put_tidy(char *out, size_t size, size_t *len, const char *word)
{
    bool gap = false, any = false;
    for (const char *p = word; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '_') {
            gap = any;
            continue;
        }
        if (gap && !put(out, size, len, " ", 1))
            return false;
        if (!put(out, size, len, p, 1))
            return false;
        gap = false;
        any = true;
    }
    return true;
}

static bool said_before(const char *const *words, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (regions_same_word(words[k], words[i]) ||
            strcmp(words[k], words[i]) == 0)
            return true;
    return false;
}

bool regions_label(const char *const *words, size_t n, char *out, size_t size)
{
    if (size == 0)
        return false;
    out[0] = '\0';
    size_t kept[REGIONS_MAX], count = 0;
    for (size_t i = 0; i < n && count < REGIONS_MAX; i++)
        if (!said_before(words, i))
            kept[count++] = i;
    size_t len = 0;
    for (size_t k = 0; k < count; k++) {
        const char *sep = k == 0 ? "" : k + 1 == count ? " and " : ", ";
        if (!put(out, size, &len, sep, strlen(sep)) ||
            !put_tidy(out, size, &len, words[kept[k]])) {
            out[0] = '\0';
            return false;
        }
    }
    return true;
}

bool regions_word(size_t i, const char **word, const char **region)
{
    if (i >= sizeof(vocab) / sizeof(vocab[0]))
        return false;
    *word = vocab[i].word;
    *region = vocab[i].region;
    return true;
}
