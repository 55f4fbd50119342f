/* report_file.h: writing the practice report to the file a person named
 * (-o FILE.html). The report holds health information, so the file is
 * private (0600 whatever the umask) and written whole under a new,
 * unguessable name beside the destination, then renamed over it: never
 * through a symbolic link, never half written. */
#ifndef STILLPOINT_REPORT_FILE_H
#define STILLPOINT_REPORT_FILE_H

#include <stddef.h>

enum report_file_status {
    REPORT_FILE_OK,
    REPORT_FILE_REFUSED, /* a link or something not a file is at dest */
    REPORT_FILE_FAILED   /* it could not be written (err says why) */
};

/* Writes len bytes of text to dest, replacing a regular file there.
 * Refuses a symbolic link at dest ("DEST: " FSUTIL_LINK_REFUSED) and
 * anything else that is not a regular file; a link put there while
 * writing is replaced, never followed. Fills err ("DEST: what is wrong")
 * unless REPORT_FILE_OK; nothing is left behind on failure. */
enum report_file_status report_file_write(const char *dest, const char *text,
                                          size_t len, char *err, size_t errlen);

#endif
