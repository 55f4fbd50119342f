/* nearest.c: the nearest known name, for "did you mean" hints. */
#include "nearest.h"

#include <stdbool.h>
#include <string.h>

/* Levenshtein distance; with swaps, the optimal string alignment one (a
 * swap of neighbours is one edit). */
static size_t edit_distance(const char *a, const char *b, bool swaps)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 64;
    size_t rows[3][65], *prev2 = rows[0], *prev = rows[1], *row = rows[2];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = prev[j - 1] + cost;
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            if (swaps && i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
                a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < best)
                best = prev2[j - 2] + 1;
            row[j] = best;
        }
        size_t *t = prev2;
        prev2 = prev;
        prev = row;
        row = t;
    }
    return prev[lb];
}

size_t nearest_distance(const char *a, const char *b)
{
    return edit_distance(a, b, true);
}

const char *nearest_name(const char *const *names, size_t n, const char *name)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        size_t d = edit_distance(name, names[i], false);
        if (d < best_d) {
            best_d = d;
            best = names[i];
        }
    }
    size_t len = strlen(name), limit = len / 3 > 2 ? len / 3 : 2;
    return best_d <= limit ? best : NULL;
}
