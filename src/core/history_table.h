/* history_table.h: the session history as text: an aligned table for a
 * person (stillpoint --history) and CSV for a spreadsheet (--csv). Only
 * formats; the caller prints. */
#ifndef STILLPOINT_HISTORY_TABLE_H
#define STILLPOINT_HISTORY_TABLE_H

#include <stddef.h>

#include "history.h"

enum { HISTORY_TABLE_SESSION_COLS = 32 }; /* longer titles end in "…" */

/* The title to show for a session name, or NULL to show the name. */
typedef const char *(*history_title_fn)(const char *name, void *ctx);

/* The table: a heading line, then one line per row in the order given
 * (oldest first, so the newest is next to the prompt), then a total:
 *
 *   When                  Session          Planned   Done  Outcome
 *   Mon 2026-11-23 09:01  Box breathing       5:00   5:00  completed
 *
 * When is the local time written in the row; Planned and Done are
 * minutes:seconds. When any row has a rating, two columns Before and
 * After come before Outcome: each rating as it was given (0..10), "-"
 * for none; two numbers side by side, nothing drawn from them. Columns line up
 * in a terminal whatever the text: widths count UTF-8 characters (wide ones as
 * two, combining marks as none), bytes that are not UTF-8 show as U+FFFD. title
 * may be NULL. Returns a string to free(), or NULL when out of memory. */
char *history_table_text(const struct history *h, history_title_fn title,
                         void *ctx);

/* The rows as CSV, one per session: HISTORY_EXPORT_HEADER, then each row
 * as history_format_export() writes it (the ratings and the note in
 * columns of their own), so a field a spreadsheet would run gets its
 * apostrophe even in a row written before stillpoint gave it one. Returns
 * a string to free(), or NULL when out of memory. */
char *history_csv_text(const struct history *h);

/* How many terminal columns s takes (as history_table_text counts). */
size_t history_text_columns(const char *s);

#endif
