/* bundle.h: sessions that travel: --export writes a session file and the
 * sounds it uses as a folder or a single archive (.zip, .tar.gz);
 * --import checks a session file, bundle folder or archive completely in
 * a private folder and only then moves it, in one rename, into the
 * user's sessions folder. A refused import leaves nothing behind. */
#ifndef STILLPOINT_BUNDLE_H
#define STILLPOINT_BUNDLE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "../core/diag.h"
#include "../core/session.h"
#include "paths.h"

struct library;

/* What an imported bundle may hold: a session file and its sounds are
 * far below these, and a member may be a play step's recording of four
 * hours of MP3 at 128 kbit/s (230 MB); an archive past them is refused
 * unread. */
enum {
    BUNDLE_MAX_MEMBER_MB = 256,  /* one member */
    BUNDLE_MAX_TOTAL_MB = 512,   /* all members together */
    BUNDLE_MAX_MEMBERS = 200,    /* entries, folders included */
    BUNDLE_MAX_NAME = 1024,      /* bytes of a member's name */
    BUNDLE_MAX_NAME_PART = 255,  /* ... between two slashes */
    BUNDLE_MAX_INDEX_KB = 512,   /* a zip's central directory */
    BUNDLE_MAX_HEADER_KB = 1024, /* archive bytes read for one header */
};

enum { BUNDLE_OK = 0, BUNDLE_FAILED = 1, BUNDLE_REFUSED = 2 };

/* Set to a signal's number by the handler the caller installs for SIGINT
 * and SIGTERM, its only writer (so the handler is async-signal-safe): an
 * import under way stops at its next block of data and fails, its
 * private folder removed by bundle_import_free as after any failure; the
 * caller then ends as the signal asks. */
extern volatile sig_atomic_t bundle_stop_signal;

/* Whether dest names an archive (.zip or .tar.gz) rather than a folder. */
bool bundle_is_archive(const char *path);

/* Writes the file holding session `name` (all of it: every session in it)
 * and every sound it uses, except stillpoint's own recorded voice clips,
 * to dest: an archive when dest ends in .zip or .tar.gz, else a new
 * folder. dest must not exist. Returns a BUNDLE_ status, problems in d. */
int bundle_export(const struct library *lib, const char *name, const char *dest,
                  struct diag_list *d);

struct bundle_import;

/* Stages src (a .cfg file, a bundle folder or an archive) in a private
 * folder inside the user's sessions folder (locked while b lives, so
 * that no other stillpoint takes it for one left behind; stale ones are
 * removed first) and checks all of it: the
 * archive's members, the session file with the --check loader, and its
 * session names against lib (with replace, a user session of the same
 * name may be replaced; a built-in one never). Returns NULL with a
 * BUNDLE_ status in *status and the problems in d. */
struct bundle_import *bundle_import_open(const struct library *lib,
                                         const char *src, bool replace,
                                         struct diag_list *d, int *status);

/* The checked sessions, as they will be installed. */
const struct catalog *bundle_import_sessions(const struct bundle_import *b);

/* Moves the staged bundle into place (replacing what it replaces) and,
 * when lib is given, adds its sessions to lib's catalog. Where it went is
 * written to where. Returns a BUNDLE_ status, problems in d. */
int bundle_import_commit(struct bundle_import *b, struct library *lib,
                         char *where, size_t wherelen, struct diag_list *d);

/* Frees b and removes whatever of its private folder is left. */
void bundle_import_free(struct bundle_import *b);

/* Removes the private folders (.import-*) in the sessions folder dir
 * that imports cut off by SIGKILL, a crash or a power cut left: those no
 * running import holds its lock on. */
void bundle_sweep_staging(const char *dir);

#endif
