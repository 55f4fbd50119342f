/* breath_count.c: the words of the spoken count (see breath_count.h). */
#include "breath_count.h"

static const char *const numbers[BREATH_COUNT_MAX + 1] = {
    [2] = "Two",   [3] = "Three", [4] = "Four", [5] = "Five", [6] = "Six",
    [7] = "Seven", [8] = "Eight", [9] = "Nine", [10] = "Ten",
};

static const char *const phase_words[] = {"In", "Hold", "Out"};

const char *breath_count_word(enum breath_phase phase, int k)
{
    if (k < 1 || k > BREATH_COUNT_MAX)
        return NULL;
    if (k > 1)
        return numbers[k];
    switch (phase) {
    case BREATH_IN:
        return phase_words[0];
    case BREATH_OUT:
        return phase_words[2];
    case BREATH_HOLD_IN:
    case BREATH_HOLD_OUT:
        break;
    }
    return phase_words[1];
}

const char *breath_count_line(size_t i)
{
    if (i < 3)
        return phase_words[i];
    i -= 3;
    return i + 2 <= BREATH_COUNT_MAX ? numbers[i + 2] : NULL;
}
