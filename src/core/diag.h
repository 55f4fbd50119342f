/* diag.h: a list of "FILE:LINE: message" problems found in an input.
 * Loaders add to it; only main prints it. Keeps at most a cap of messages
 * and counts the rest, so a hostile file cannot flood the terminal. */
#ifndef STILLPOINT_DIAG_H
#define STILLPOINT_DIAG_H

#include <stddef.h>

enum { DIAG_CAP = 20, DIAG_MSG = 512 };

struct diag_list {
    char msgs[DIAG_CAP][DIAG_MSG];
    size_t count;   /* messages kept */
    size_t dropped; /* messages past the cap */
};

void diag_init(struct diag_list *d);
/* Adds "FILE:LINE: message"; line 0 gives "FILE: message". */
void diag_add(struct diag_list *d, const char *file, int line, const char *fmt,
              ...) __attribute__((format(printf, 4, 5)));
/* Adds every message of from to d, as far as d's cap allows. */
void diag_merge(struct diag_list *d, const struct diag_list *from);
size_t diag_total(const struct diag_list *d);

#endif
