/* app.h: the session window: menu, safety screens, the running session
 * and the after screen, played live through the sound device. The window
 * thread turns SDL events into the app's own commands, sends them to the
 * clock thread through the engine, and draws from the engine's snapshot. */
#ifndef STILLPOINT_APP_H
#define STILLPOINT_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/prefs.h"
#include "../load/library.h"

struct app_options {
    const char *session; /* open this session directly, or NULL: menu */
    const char *import;  /* or show this file or bundle on the import screen */
    struct prefs prefs;  /* the command line's choices (prefs_defaults()
                          * where it made none); the preferences file's
                          * apply where these are at their defaults */
    bool no_history;     /* record nothing (--no-history) */
};

/* Runs the window until the person quits. Returns 0, or 1 with err filled
 * when the window cannot run at all; 2 when the named session does not
 * exist. */
int app_run(struct library *lib, const struct app_options *o, char *err,
            size_t errlen);

#endif
