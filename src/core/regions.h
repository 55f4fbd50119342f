/* regions.h: the words a body-scan step may use for a place on the body,
 * as real scripts write them ("abdomen", "lower back", "your toes"), each
 * mapped to the body figure's region (SESSION_REGIONS); the "did you mean"
 * rule for a word that is not known; and the label a list of words makes
 * ("abdomen, lower back and hips"). Pure: no I/O. */
#ifndef STILLPOINT_REGIONS_H
#define STILLPOINT_REGIONS_H

#include <stdbool.h>
#include <stddef.h>

enum {
    REGIONS_MAX = 8,        /* words in one scan step */
    REGIONS_WORD_CHARS = 48 /* bytes in one word as written */
};

/* The figure's region (an entry of SESSION_REGIONS) that word names, or
 * NULL. Any letter case; a space, dash or underscore between words; a
 * leading "the", "your", "my" or "both", and "of your" for "of the", are
 * all the same word: "Lower_Back", "your lower-back" -> "back". */
const char *regions_lookup(const char *word);

/* Whether word names a part of the body the figure has no region for
 * ("kidneys", "skin", "breath"), so no other part is offered for it. */
bool regions_off_figure(const char *word);

/* For a word neither known nor off the figure: the known word it is most
 * likely a misspelling of, or NULL. Offered only when it starts with the
 * same letter, at most a quarter of the letters differ (edit distance,
 * a swap counting one, times 4 <= length), and no word of that letter for
 * another part is as near ("haed": "head" or "hand"?); of two as near,
 * the one as long as word ("lungz": "lungs"). So "sholders" ->
 * "shoulders", and a one-letter slip after the first letter of a known
 * word is never offered as a different part of the body. */
const char *regions_suggest(const char *word);

/* Why word lights nothing, in words for a message after "scan: ":
 * "unknown region 'sholders' (did you mean 'shoulders'?)", or with the
 * figure's regions listed (saying the figure has no such region for a
 * word like "kidneys"). Cut to fit size. */
void regions_explain(const char *word, char *out, size_t size);

/* Whether a and b are the same word once normalised as regions_lookup
 * does ("Lower back" and "lower-back"). */
bool regions_same_word(const char *a, const char *b);

/* The label of words[0..n) as a line a person reads or hears: each word
 * as written with its spacing tidied (outer spaces dropped, runs of
 * spaces and underscores made one space), a word said twice kept once,
 * joined "a", "a and b", "a, b and c". Returns false when it would not
 * fit in size bytes (out is then empty). */
bool regions_label(const char *const *words, size_t n, char *out, size_t size);

/* The known words, for documentation and tests: word i and its region.
 * Returns false past the end. */
bool regions_word(size_t i, const char **word, const char **region);

#endif
