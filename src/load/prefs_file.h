/* prefs_file.h: the person's preferences file,
 * $XDG_CONFIG_HOME/stillpoint/stillpoint.cfg (libconfig). Read with the
 * same distrust as a session file; written atomically, so a crash or a
 * full disk never leaves a half-written file behind. */
#ifndef STILLPOINT_PREFS_FILE_H
#define STILLPOINT_PREFS_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../core/diag.h"
#include "../core/prefs.h"

enum {
    PREFS_FORMAT_VERSION = 1,
    PREFS_MAX_FILE_BYTES = 64 << 10,
    /* Settings a preferences file can hold, the version included; the
     * preferences table has fewer rows (tests/test_prefs.c checks). */
    PREFS_MAX_SETTINGS = 32,
};

/* $XDG_CONFIG_HOME/stillpoint/stillpoint.cfg, or
 * $HOME/.config/stillpoint/stillpoint.cfg when XDG_CONFIG_HOME is unset or
 * not absolute. False (buf "") when neither gives an absolute folder or
 * the path does not fit in n bytes. */
bool prefs_path(char *buf, size_t n);

/* Reads the preferences file at path into out. A missing file gives the
 * defaults and returns 0. Otherwise returns 0, or -1 with every problem
 * added to d as FILE:LINE: message; either way out holds the defaults
 * overlaid with every valid setting in the file. */
int prefs_load(const char *path, struct prefs *out, struct diag_list *d);

/* The same for text already in memory, named name in messages. */
int prefs_load_text(const char *name, const char *text, size_t len,
                    struct prefs *out, struct diag_list *d);

/* Writes p to path: creates missing folders (0700), writes a new file
 * (0600) under a random name in the same folder (fsutil_create_temp),
 * syncs it, renames it over path and syncs the folder. A symbolic link at
 * path is refused ("PATH: " FSUTIL_LINK_REFUSED): nothing is written or
 * made where it leads, and the link stays. Returns 0, or -1 with err
 * saying what failed and where; then the file at path is as it was and
 * no temporary file is left. Refuses values out of range, so whatever is
 * written loads back the same. */
int prefs_save(const char *path, const struct prefs *p, char *err,
               size_t errlen);

/* Writes the table of settings in config/README.md ("Your preferences"),
 * from the preferences table, as Markdown. */
void prefs_write_reference(FILE *out);

#endif
