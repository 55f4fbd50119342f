/* report_text.h: text put into the HTML report (a strbuf) escaped: whatever a
 * session file or a person wrote can only ever be text on the page, never
 * markup. Pure; no I/O. */
#ifndef STILLPOINT_REPORT_TEXT_H
#define STILLPOINT_REPORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* Appends s as text: & < > " and ' as character references; C0 and C1
 * controls, DEL and bidi embeddings, overrides and isolates as spaces
 * (a line break stays one when keep_lines, for a page that shows it
 * with white-space: pre-wrap); bytes that are not UTF-8 as U+FFFD. */
void report_put_text(struct strbuf *b, const char *s, bool keep_lines);

#endif
