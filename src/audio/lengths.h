/* lengths.h: the true length of each session on the menu, found in a
 * worker thread: each session is prepared as --schedule prepares it
 * (with the person's choices, its speech measured), so the menu, --list,
 * the window's clock and the schedule agree. The first time a text-only
 * session is measured its lines are spoken (then kept in the speech
 * cache); until a length is known the menu shows none. */
#ifndef STILLPOINT_LENGTHS_H
#define STILLPOINT_LENGTHS_H

#include <stddef.h>

#include <stdatomic.h>

#include "../core/adapt.h"
#include "../core/diag.h"
#include "../core/session.h"
#include "../core/timeline_options.h"

struct lengths;

/* Starts measuring the n sessions of list (which, with o and ad, must
 * outlive it). NULL when out of memory or no thread could start. */
struct lengths *lengths_start(const struct session *const *list, size_t n,
                              const struct timeline_options *o,
                              const struct adapt_options *ad);

/* Seconds session i lasts, or -1 while it is not known (or could not be
 * prepared). Never blocks. */
double lengths_get(const struct lengths *l, size_t i);

/* Sessions measured so far (known or failed): the menu redraws when it
 * changes. */
size_t lengths_done(const struct lengths *l);

/* Stops measuring and frees it (waits for the session under way, whose
 * preparation is cancelled). */
void lengths_free(struct lengths *l);

/* One session, measured now, as the worker measures it: its seconds, or -1
 * with the problems in d (or when *cancel became true; cancel may be
 * NULL). */
double lengths_measure(const struct session *s,
                       const struct timeline_options *o,
                       const struct adapt_options *ad, struct diag_list *d,
                       const atomic_bool *cancel);

#endif
