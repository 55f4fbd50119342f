/* report_html.h: the practice report for a therapist (stillpoint
 * --report): one self-contained HTML page built from the session history,
 * with no script and nothing fetched (inline CSS and SVG, and a policy
 * that forbids anything else). It says what it is and over which period;
 * shows sessions and minutes per day as bar charts, how each session
 * ended, every stop for discomfort and every session a safety question
 * stopped (with the question), the ratings before and after each session
 * as numbers (and dots, with no line, trend or verdict), and the notes.
 * Every text from a file or a person is escaped (report_text.h). A print
 * stylesheet lays it out on A4. Pure: builds a string, no I/O, no clock. */
#ifndef STILLPOINT_REPORT_HTML_H
#define STILLPOINT_REPORT_HTML_H

#include "report_input.h"

/* The page (to free()), or NULL when out of memory. */
char *report_html(const struct report_input *in);

#endif
