/* marks_check.h: whether a session keeps to its time marks and its
 * four hours. A session with time marks or recordings is prepared as
 * --schedule prepares it (speech and recordings measured, so from its
 * true length): every step whose `at` is reached late, because what comes
 * before runs past it, gives a warning, and a session past four hours is
 * a problem. Used by --check. */
#ifndef STILLPOINT_MARKS_CHECK_H
#define STILLPOINT_MARKS_CHECK_H

#include "../core/diag.h"
#include "../core/session.h"
#include "../core/timeline_options.h"

/* Adds a warning to warnings for each mark reached late; problems that
 * kept the session from being prepared go to problems. Returns the
 * number of warnings, or -1 when it could not be prepared. */
int marks_check(const struct session *s, const struct timeline_options *o,
                struct diag_list *warnings, struct diag_list *problems);

#endif
