/* screen_reader.h: whether the desktop runs a screen reader, for the
 * offer, at a first start, to read stillpoint's screens aloud. */
#ifndef STILLPOINT_SCREEN_READER_H
#define STILLPOINT_SCREEN_READER_H

#include <stdbool.h>

bool screen_reader_running(void);

#endif
