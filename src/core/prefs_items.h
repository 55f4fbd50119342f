/* prefs_items.h: the preferences as a list of items a person changes one
 * at a time ("Voice volume: 80 %", "Leave out: chest: yes"), for the
 * window's choices screen: each item's words and what a step left or
 * right (or a toggle) does to it. The items are the rows of the
 * preferences table that have a label, in its order. Pure C,
 * unit-tested. */
#ifndef STILLPOINT_PREFS_ITEMS_H
#define STILLPOINT_PREFS_ITEMS_H

#include <stdbool.h>
#include <stddef.h>

#include "prefs.h"

/* The settings first, then one item per body region. */
int prefs_item_count(void);
/* Index of the first region item. */
int prefs_item_first_region(void);

/* The item's name and its value in words. */
void prefs_item_text(const struct prefs *p, int item, char *name, size_t nn,
                     char *value, size_t vn);

/* Steps the item: dir -1 or +1 moves a volume or time down or up (a
 * choice of words cycles); dir 0 toggles or cycles forward. Returns
 * whether anything changed. Values stay inside their ranges. */
bool prefs_item_step(struct prefs *p, int item, int dir);

#endif
