/* version.h: the program's version. Its major number is the newest
 * session-file format version it reads. */
#ifndef STILLPOINT_VERSION_H
#define STILLPOINT_VERSION_H

#define STILLPOINT_VERSION "1.0.0-dev"

#endif
