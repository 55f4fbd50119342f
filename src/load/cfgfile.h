/* cfgfile.h: the steps every libconfig file of ours (session files, the
 * preferences) goes through before its own checks: read with a size cap
 * (never blocking on a FIFO), the byte-level prescan, the parse with its
 * FILE:LINE syntax error, and the format version rule. The voice manifest
 * (voice_clips.c), not a libconfig file, is read by cfgfile_read too. */
#ifndef STILLPOINT_CFGFILE_H
#define STILLPOINT_CFGFILE_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>

#include "../core/diag.h"
#include "schema.h"

/* Reads the regular file at path, at most max bytes, never blocking on a
 * FIFO or a device. Returns a malloc'd buffer (not NUL-terminated) with
 * its length in *len, or NULL with a problem added to d; kind names the
 * files in the size message ("session files are limited to 1024 KB").
 * When missing is not NULL, a file that does not exist is no problem:
 * NULL with *missing set (otherwise *missing is false). */
char *cfgfile_read(const char *path, size_t max, const char *kind, size_t *len,
                   bool *missing, struct diag_list *d);

/* Parses text (len bytes, named name in messages) into cfg, which the
 * caller has set up with config_init() and destroys. Refuses text over max
 * bytes and text the prescan refuses. Returns false with the problems
 * added to d. */
bool cfgfile_parse(config_t *cfg, const char *name, const char *text,
                   size_t len, size_t max, const char *kind,
                   struct diag_list *d);

/* Checks a file's version setting v against the version this program
 * reads: a newer one "needs stillpoint N.0 or later". Returns false with
 * the problem added. */
bool cfgfile_check_version(const struct check_ctx *ctx,
                           const config_setting_t *v, int current);

#endif
